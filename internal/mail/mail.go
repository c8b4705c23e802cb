// Package mail composes e-mail and sends it. Compose turns a Message into
// RFC 5322 bytes (UTF-8 subject and bodies, text/plain or
// multipart/alternative with HTML, Message-ID and Date, a short list of
// extra headers, values refused if they carry line breaks); SMTP delivers
// such bytes to a server named by a URL; Outbox stores each message in the
// database (through the Store it declares) and a worker delivers it with
// retries, so a web request never waits for a mail server and an
// acknowledged message survives a crash. Callers depend on the Sender
// interface only. It runs no SQL and serves no HTTP.
package mail

import (
	"bytes"
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"mime"
	"mime/multipart"
	"mime/quotedprintable"
	"net/mail"
	"net/textproto"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// Message is one e-mail. Its fields are plain values so that an outbox can
// store it as it is.
type Message struct {
	To      []string // recipients: "a@example.org" or "Name <a@example.org>"
	Subject string
	Text    string // the text/plain body; required
	HTML    string // an HTML alternative; optional
	Lang    string // Content-Language, e.g. "fa"; optional
	// Headers are extra header fields; only the names in AllowedHeaders
	// may appear, and values are refused if they carry line breaks.
	Headers []Header `json:",omitempty"`
}

// Header is one extra header field of a Message.
type Header struct{ Name, Value string }

// AllowedHeaders are the extra header fields a Message may carry: the
// mailing-list fields a newsletter needs (RFC 2369, RFC 2919, RFC 8058).
// Everything else (From, To, Bcc, Content-Type …) is Compose's alone.
var AllowedHeaders = map[string]bool{
	"List-Unsubscribe":      true,
	"List-Unsubscribe-Post": true,
	"List-Id":               true,
	"Precedence":            true,
}

// ErrHeaderNotAllowed is returned for an extra header outside AllowedHeaders.
var ErrHeaderNotAllowed = errors.New("mail: this header field may not be set by a message")

// Sender sends messages. SMTP sends at once; Queue hands them to a
// background goroutine.
type Sender interface {
	Send(ctx context.Context, m *Message) error
}

// ErrHeaderInjection is returned for a header value with a line break or
// another control character, which could smuggle in headers of its own.
var ErrHeaderInjection = errors.New("mail: a header value contains a line break or control character")

// CheckHeader refuses a header value with a line break or another control
// character, for callers that check a value before storing it.
func CheckHeader(v string) error { return checkHeader(v) }

// checkHeader refuses control characters in a header value (tabs are fine).
func checkHeader(v string) error {
	for _, r := range v {
		if r == '\t' {
			continue
		}
		if unicode.IsControl(r) || r == '\u2028' || r == '\u2029' {
			return ErrHeaderInjection
		}
	}
	if !utf8.ValidString(v) {
		return fmt.Errorf("mail: a header value is not valid UTF-8")
	}
	return nil
}

// ParseAddress reads one address ("a@b" or "Name <a@b>"), refusing line
// breaks and control characters.
func ParseAddress(s string) (*mail.Address, error) {
	if err := checkHeader(s); err != nil {
		return nil, err
	}
	a, err := mail.ParseAddress(strings.TrimSpace(s))
	if err != nil {
		return nil, fmt.Errorf("mail: %q is not an e-mail address: %w", s, err)
	}
	if err := checkHeader(a.Name); err != nil {
		return nil, err
	}
	return a, nil
}

// Composed is a message ready for an SMTP transaction.
type Composed struct {
	From      string   // envelope sender (bare address)
	To        []string // envelope recipients (bare addresses)
	MessageID string   // with angle brackets
	Data      []byte   // the RFC 5322 message, CRLF line endings
}

// Compose builds the RFC 5322 form of m sent by from at now.
func Compose(m *Message, from *mail.Address, now time.Time) (*Composed, error) {
	if from == nil {
		return nil, errors.New("mail: no sender address")
	}
	if len(m.To) == 0 {
		return nil, errors.New("mail: no recipient")
	}
	if strings.TrimSpace(m.Text) == "" {
		return nil, errors.New("mail: the message has no text")
	}
	if err := checkHeader(m.Subject); err != nil {
		return nil, err
	}
	if err := checkHeader(from.Name); err != nil {
		return nil, err
	}
	if err := checkHeader(from.Address); err != nil {
		return nil, err
	}
	if m.Lang != "" {
		if err := checkHeader(m.Lang); err != nil {
			return nil, err
		}
	}
	for _, h := range m.Headers {
		if !AllowedHeaders[h.Name] {
			return nil, fmt.Errorf("%w: %q", ErrHeaderNotAllowed, h.Name)
		}
		if err := checkHeader(h.Value); err != nil {
			return nil, err
		}
		for i := 0; i < len(h.Value); i++ {
			if h.Value[i] >= 0x80 || len(h.Value) > 900 {
				return nil, fmt.Errorf("mail: the %s header must be short ASCII", h.Name)
			}
		}
	}
	c := &Composed{From: from.Address}
	to := make([]string, 0, len(m.To))
	for _, raw := range m.To {
		a, err := ParseAddress(raw)
		if err != nil {
			return nil, err
		}
		c.To = append(c.To, a.Address)
		to = append(to, a.String())
	}
	c.MessageID = newMessageID(from.Address)

	var b bytes.Buffer
	header := func(name, value string) { b.WriteString(name + ": " + value + "\r\n") }
	header("Date", now.Format(time.RFC1123Z))
	header("From", from.String())
	header("To", strings.Join(to, ",\r\n "))
	header("Subject", encodeSubject(m.Subject))
	header("Message-ID", c.MessageID)
	header("MIME-Version", "1.0")
	header("Auto-Submitted", "auto-generated")
	if m.Lang != "" {
		header("Content-Language", m.Lang)
	}
	for _, h := range m.Headers {
		header(h.Name, h.Value)
	}
	if m.HTML == "" {
		header("Content-Type", "text/plain; charset=utf-8")
		header("Content-Transfer-Encoding", "quoted-printable")
		b.WriteString("\r\n")
		if err := writeQP(&b, m.Text); err != nil {
			return nil, err
		}
		c.Data = b.Bytes()
		return c, nil
	}
	var body bytes.Buffer
	mw := multipart.NewWriter(&body)
	header("Content-Type", mime.FormatMediaType("multipart/alternative", map[string]string{"boundary": mw.Boundary()}))
	b.WriteString("\r\n")
	for _, part := range []struct{ mime, text string }{{"text/plain; charset=utf-8", m.Text}, {"text/html; charset=utf-8", m.HTML}} {
		w, err := mw.CreatePart(textproto.MIMEHeader{"Content-Type": {part.mime}, "Content-Transfer-Encoding": {"quoted-printable"}})
		if err != nil {
			return nil, err
		}
		if err := writeQP(w, part.text); err != nil {
			return nil, err
		}
	}
	if err := mw.Close(); err != nil {
		return nil, err
	}
	b.Write(crlf(body.Bytes()))
	c.Data = b.Bytes()
	return c, nil
}

// writeQP writes text quoted-printable with CRLF line breaks.
func writeQP(w interface{ Write([]byte) (int, error) }, text string) error {
	text = strings.ReplaceAll(strings.ReplaceAll(text, "\r\n", "\n"), "\r", "\n")
	if !strings.HasSuffix(text, "\n") {
		text += "\n"
	}
	qp := quotedprintable.NewWriter(w)
	if _, err := qp.Write([]byte(text)); err != nil {
		return err
	}
	return qp.Close()
}

// crlf turns the bare LFs that mime/multipart writes between parts into CRLF.
func crlf(b []byte) []byte {
	b = bytes.ReplaceAll(b, []byte("\r\n"), []byte("\n"))
	return bytes.ReplaceAll(b, []byte("\n"), []byte("\r\n"))
}

// encodeSubject leaves printable ASCII as it is and writes anything else
// as RFC 2047 encoded words, one per folded line.
func encodeSubject(s string) string {
	ascii := true
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			ascii = false
			break
		}
	}
	if ascii && len(s) < 900 {
		return s
	}
	return strings.ReplaceAll(mime.BEncoding.Encode("utf-8", s), "?= =?", "?=\r\n =?")
}

// newMessageID makes a unique Message-ID in the sender's domain.
func newMessageID(from string) string {
	b := make([]byte, 16)
	if _, err := rand.Read(b); err != nil {
		panic(err)
	}
	domain := "masthead.invalid"
	if at := strings.LastIndexByte(from, '@'); at >= 0 && at < len(from)-1 {
		domain = from[at+1:]
	}
	return "<" + hex.EncodeToString(b) + "@" + domain + ">"
}
