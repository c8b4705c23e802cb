package mail_test

import (
	"bytes"
	"errors"
	"io"
	"mime"
	"mime/multipart"
	"mime/quotedprintable"
	netmail "net/mail"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/masthead-news/masthead/internal/mail"
	"github.com/masthead-news/masthead/internal/mail/mailtest"
)

var when = time.Date(2026, 3, 21, 9, 30, 0, 0, time.FixedZone("IRST", 3*3600+1800))

func from(t *testing.T) *netmail.Address {
	t.Helper()
	a, err := mail.ParseAddress("تحریریه <news@example.org>")
	if err != nil {
		t.Fatal(err)
	}
	return a
}

// parse reads a message the way a mail client does.
func parse(t *testing.T, data []byte) *netmail.Message {
	t.Helper()
	m, err := netmail.ReadMessage(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("not an RFC 5322 message: %v\n%s", err, data)
	}
	return m
}

func decodeHeader(t *testing.T, v string) string {
	t.Helper()
	s, err := new(mime.WordDecoder).DecodeHeader(v)
	if err != nil {
		t.Fatalf("header %q: %v", v, err)
	}
	return s
}

func qp(t *testing.T, r io.Reader) string {
	t.Helper()
	b, err := io.ReadAll(quotedprintable.NewReader(r))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

const persianText = "سلام،\nبرای گذاشتن گذرواژهٔ تازه روی این پیوند بزنید:\nhttps://news.example.org/admin/reset/abc\n.a line that starts with a dot\n" +
	"A long line that is well over seventy-six characters long so that quoted-printable must wrap it softly somewhere.\n"

func TestComposePlainTextWithAUTF8Subject(t *testing.T) {
	subject := "بازنشانی گذرواژه — یک پیوند برای حساب شما در تحریریه که فقط یک ساعت اعتبار دارد"
	c, err := mail.Compose(&mail.Message{To: []string{"Sara <sara@example.org>"}, Subject: subject, Text: persianText, Lang: "fa"}, from(t), when)
	if err != nil {
		t.Fatal(err)
	}
	if c.From != "news@example.org" || len(c.To) != 1 || c.To[0] != "sara@example.org" {
		t.Fatalf("envelope: %q → %q", c.From, c.To)
	}
	for _, line := range strings.Split(string(c.Data), "\r\n") {
		if strings.Contains(line, "\n") || len(line) > 998 {
			t.Fatalf("bad line (bare LF or too long): %q", line)
		}
		for _, b := range []byte(line) {
			if b >= 0x80 {
				t.Fatalf("8-bit byte in a 7-bit message: %q", line)
			}
		}
	}
	m := parse(t, c.Data)
	if got := decodeHeader(t, m.Header.Get("Subject")); got != subject {
		t.Errorf("subject %q", got)
	}
	if got := decodeHeader(t, m.Header.Get("From")); got != "تحریریه <news@example.org>" {
		t.Errorf("from %q", got)
	}
	if d, err := m.Header.Date(); err != nil || !d.Equal(when) {
		t.Errorf("date %v %v", d, err)
	}
	if id := m.Header.Get("Message-ID"); !regexp.MustCompile(`^<[0-9a-f]{32}@example\.org>$`).MatchString(id) || id != c.MessageID {
		t.Errorf("message id %q (composed %q)", id, c.MessageID)
	}
	if m.Header.Get("MIME-Version") != "1.0" || m.Header.Get("Content-Language") != "fa" ||
		m.Header.Get("Content-Type") != "text/plain; charset=utf-8" || m.Header.Get("Content-Transfer-Encoding") != "quoted-printable" {
		t.Errorf("headers: %v", m.Header)
	}
	if got := strings.ReplaceAll(qp(t, m.Body), "\r\n", "\n"); got != persianText {
		t.Errorf("body:\n%q\nwant\n%q", got, persianText)
	}
}

func TestComposeMultipartAlternativeWithHTML(t *testing.T) {
	html := `<p dir="rtl">سلام <a href="https://news.example.org/admin/reset/abc">پیوند</a></p>`
	c, err := mail.Compose(&mail.Message{To: []string{"a@example.org", "b@example.org"}, Subject: "Plain ASCII subject", Text: persianText, HTML: html}, from(t), when)
	if err != nil {
		t.Fatal(err)
	}
	m := parse(t, c.Data)
	if m.Header.Get("Subject") != "Plain ASCII subject" {
		t.Errorf("an ASCII subject is left as it is: %q", m.Header.Get("Subject"))
	}
	if to, err := m.Header.AddressList("To"); err != nil || len(to) != 2 {
		t.Errorf("to: %v %v", to, err)
	}
	mt, params, err := mime.ParseMediaType(m.Header.Get("Content-Type"))
	if err != nil || mt != "multipart/alternative" {
		t.Fatalf("content type %q %v", mt, err)
	}
	mr := multipart.NewReader(m.Body, params["boundary"])
	var types, bodies []string
	for {
		p, err := mr.NextRawPart()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		types = append(types, p.Header.Get("Content-Type"))
		if p.Header.Get("Content-Transfer-Encoding") != "quoted-printable" {
			t.Errorf("part encoding %q", p.Header.Get("Content-Transfer-Encoding"))
		}
		bodies = append(bodies, strings.ReplaceAll(qp(t, p), "\r\n", "\n"))
	}
	if strings.Join(types, " | ") != "text/plain; charset=utf-8 | text/html; charset=utf-8" {
		t.Fatalf("parts %v (the plain text must come first, HTML last)", types)
	}
	if bodies[0] != persianText || bodies[1] != html+"\n" {
		t.Errorf("bodies %q", bodies)
	}
}

func TestHeadersRefuseLineBreaks(t *testing.T) {
	for name, m := range map[string]*mail.Message{
		"CRLF in the subject": {To: []string{"a@example.org"}, Subject: "Hi\r\nBcc: victim@example.org", Text: "x"},
		"LF in the subject":   {To: []string{"a@example.org"}, Subject: "Hi\nBcc: victim@example.org", Text: "x"},
		"CR in a recipient":   {To: []string{"a@example.org\rBcc: victim@example.org"}, Subject: "Hi", Text: "x"},
		"LF in a name":        {To: []string{"\"Evil\nBcc: v@example.org\" <a@example.org>"}, Subject: "Hi", Text: "x"},
		"NUL in the subject":  {To: []string{"a@example.org"}, Subject: "Hi\x00", Text: "x"},
		"U+2028":              {To: []string{"a@example.org"}, Subject: "Hi\u2028Bcc: v@example.org", Text: "x"},
		"language":            {To: []string{"a@example.org"}, Subject: "Hi", Text: "x", Lang: "en\r\nBcc: v@example.org"},
	} {
		if _, err := mail.Compose(m, from(t), when); !errors.Is(err, mail.ErrHeaderInjection) {
			t.Errorf("%s: %v, want ErrHeaderInjection", name, err)
		}
	}
	if _, err := mail.ParseAddress("News\r\nBcc: v@example.org <news@example.org>"); !errors.Is(err, mail.ErrHeaderInjection) {
		t.Errorf("sender with a line break: %v", err)
	}
	if _, err := mail.Compose(&mail.Message{To: []string{"not an address"}, Subject: "Hi", Text: "x"}, from(t), when); err == nil {
		t.Error("a bad recipient was accepted")
	}
	if _, err := mail.Compose(&mail.Message{To: []string{"a@example.org"}, Subject: "Hi"}, from(t), when); err == nil {
		t.Error("a message without text was accepted")
	}
}

func TestSMTPURLs(t *testing.T) {
	s, err := mail.NewSMTP("smtp://news%40example.org:p%40ss@mail.example.org:587", "News <news@example.org>")
	if err != nil {
		t.Fatal(err)
	}
	if s.Host != "mail.example.org" || s.Port != "587" || s.Implicit || s.StartTLS != "auto" || s.Username != "news@example.org" || s.Password != "p@ss" {
		t.Errorf("smtp with auth: %+v", s)
	}
	if str := s.String(); strings.Contains(str, "p@ss") || strings.Contains(str, "p%40ss") {
		t.Errorf("String shows the password: %s", str)
	}
	if s, err := mail.NewSMTP("smtps://u:p@mail.example.org", "news@example.org"); err != nil || !s.Implicit || s.Port != "465" {
		t.Errorf("smtps: %+v %v", s, err)
	}
	if s, err := mail.NewSMTP("smtp://relay.internal", "news@example.org"); err != nil || s.Port != "25" || s.Username != "" {
		t.Errorf("relay: %+v %v", s, err)
	}
	if s, err := mail.NewSMTP("smtp://localhost?starttls=off", "news@example.org"); err != nil || s.StartTLS != "off" {
		t.Errorf("starttls=off: %+v %v", s, err)
	}
	for _, bad := range []struct{ url, from string }{
		{"http://mail.example.org", "news@example.org"},
		{"smtp://", "news@example.org"},
		{"smtp://mail.example.org/path", "news@example.org"},
		{"smtp://mail.example.org?tls=yes", "news@example.org"},
		{"smtp://mail.example.org?starttls=maybe", "news@example.org"},
		{"smtps://mail.example.org?starttls=off", "news@example.org"},
		{"smtp://u:p@mail.example.org?starttls=off", "news@example.org"}, // a password in clear
		{"smtp://mail.example.org", ""},
		{"smtp://mail.example.org", "not an address"},
	} {
		if _, err := mail.NewSMTP(bad.url, bad.from); err == nil {
			t.Errorf("NewSMTP(%q, %q) was accepted", bad.url, bad.from)
		} else if strings.Contains(err.Error(), ":p@") {
			t.Errorf("the error shows the password: %v", err)
		}
	}
}

func newSMTP(t *testing.T, srv *mailtest.Server, user, pass string) *mail.SMTP {
	t.Helper()
	s, err := mail.NewSMTP(srv.URL(user, pass), "News <news@example.org>")
	if err != nil {
		t.Fatal(err)
	}
	s.TLSConfig = srv.TLSConfig()
	s.Now = func() time.Time { return when }
	return s
}

func compose(t *testing.T) *mail.Composed {
	t.Helper()
	c, err := mail.Compose(&mail.Message{To: []string{"Sara <sara@example.org>"}, Subject: "گذرواژه", Text: persianText, HTML: "<p>x</p>"}, from(t), when)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// exactly checks that the server received the composed message byte for
// byte (dot-stuffing undone), with its envelope.
func exactly(t *testing.T, got mailtest.Received, c *mail.Composed) {
	t.Helper()
	if got.From != c.From || strings.Join(got.To, ",") != strings.Join(c.To, ",") {
		t.Errorf("envelope %q → %q, want %q → %q", got.From, got.To, c.From, c.To)
	}
	if !bytes.Equal(got.Data, c.Data) {
		t.Errorf("the server received other bytes than were composed:\n%q\nwant\n%q", got.Data, c.Data)
	}
}

func TestDeliverToALocalRelayWithoutAuth(t *testing.T) {
	srv := mailtest.Start(t, mailtest.Options{})
	c := compose(t)
	if err := newSMTP(t, srv, "", "").Deliver(t.Context(), c); err != nil {
		t.Fatal(err)
	}
	got := srv.Next(t)
	exactly(t, got, c)
	if got.TLS || got.AuthUser != "" {
		t.Errorf("tls %v, auth %q", got.TLS, got.AuthUser)
	}
}

func TestSendOverSTARTTLSWithAUTHPLAIN(t *testing.T) {
	srv := mailtest.Start(t, mailtest.Options{StartTLS: true, Username: "news", Password: "s3cret pass"})
	s := newSMTP(t, srv, "news", "s3cret pass")
	if err := s.Send(t.Context(), &mail.Message{To: []string{"sara@example.org"}, Subject: "Réinitialiser — گذرواژه", Text: "Bonjour\n"}); err != nil {
		t.Fatal(err)
	}
	got := srv.Next(t)
	if !got.TLS || got.AuthUser != "news" || got.AuthMech != "PLAIN" || got.From != "news@example.org" || got.To[0] != "sara@example.org" {
		t.Fatalf("received %+v", got)
	}
	m := parse(t, got.Data)
	if decodeHeader(t, m.Header.Get("Subject")) != "Réinitialiser — گذرواژه" || qp(t, m.Body) != "Bonjour\r\n" {
		t.Errorf("message %q", got.Data)
	}
	if d, _ := m.Header.Date(); !d.Equal(when) {
		t.Errorf("date %v", d)
	}
}

func TestAUTHLOGINWhenPLAINIsNotOffered(t *testing.T) {
	srv := mailtest.Start(t, mailtest.Options{StartTLS: true, Username: "news", Password: "pw", Mechanisms: []string{"LOGIN"}})
	c := compose(t)
	if err := newSMTP(t, srv, "news", "pw").Deliver(t.Context(), c); err != nil {
		t.Fatal(err)
	}
	got := srv.Next(t)
	exactly(t, got, c)
	if got.AuthMech != "LOGIN" || !got.TLS {
		t.Errorf("mechanism %q, tls %v", got.AuthMech, got.TLS)
	}
}

func TestImplicitTLS(t *testing.T) {
	srv := mailtest.Start(t, mailtest.Options{Implicit: true, Username: "news", Password: "pw"})
	c := compose(t)
	if err := newSMTP(t, srv, "news", "pw").Deliver(t.Context(), c); err != nil {
		t.Fatal(err)
	}
	got := srv.Next(t)
	exactly(t, got, c)
	if !got.TLS || got.AuthUser != "news" {
		t.Errorf("tls %v, auth %q", got.TLS, got.AuthUser)
	}
}

func TestRefusals(t *testing.T) {
	t.Run("wrong password", func(t *testing.T) {
		srv := mailtest.Start(t, mailtest.Options{StartTLS: true, Username: "news", Password: "pw"})
		if err := newSMTP(t, srv, "news", "nope").Deliver(t.Context(), compose(t)); err == nil || !strings.Contains(err.Error(), "AUTH") {
			t.Errorf("wrong password: %v", err)
		}
		if got := srv.Pending(); len(got) != 0 {
			t.Errorf("received %d messages", len(got))
		}
	})
	t.Run("untrusted certificate", func(t *testing.T) {
		srv := mailtest.Start(t, mailtest.Options{StartTLS: true})
		s := newSMTP(t, srv, "", "")
		s.TLSConfig = nil // the system's roots do not know the test certificate
		if err := s.Deliver(t.Context(), compose(t)); err == nil || !strings.Contains(err.Error(), "STARTTLS") {
			t.Errorf("an unverifiable certificate was accepted (or the client fell back to plain text): %v", err)
		}
	})
	t.Run("starttls=require without STARTTLS", func(t *testing.T) {
		srv := mailtest.Start(t, mailtest.Options{})
		s := newSMTP(t, srv, "", "")
		s.StartTLS = "require"
		if err := s.Deliver(t.Context(), compose(t)); err == nil {
			t.Error("sent without TLS")
		}
	})
	t.Run("server requires AUTH", func(t *testing.T) {
		srv := mailtest.Start(t, mailtest.Options{StartTLS: true, Username: "news", Password: "pw"})
		if err := newSMTP(t, srv, "", "").Deliver(t.Context(), compose(t)); err == nil {
			t.Error("sent without AUTH")
		}
	})
	t.Run("nobody listening", func(t *testing.T) {
		s, _ := mail.NewSMTP("smtp://127.0.0.1:1", "news@example.org")
		if err := s.Deliver(t.Context(), compose(t)); err == nil {
			t.Error("no error")
		}
	})
}
