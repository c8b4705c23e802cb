package mail

import (
	"context"
	"crypto/tls"
	"errors"
	"fmt"
	"net"
	"net/mail"
	"net/smtp"
	"net/textproto"
	"net/url"
	"os"
	"strings"
	"time"
)

// SMTP sends mail through one SMTP server. Build it with NewSMTP.
type SMTP struct {
	Host     string
	Port     string
	Implicit bool   // smtps://: TLS from the first byte
	StartTLS string // "auto" (when offered), "require" or "off"
	Username string // empty: no AUTH
	Password string
	From     *mail.Address
	// TLSConfig is used for STARTTLS and smtps (a copy, with ServerName set
	// to Host when empty); nil means the system's roots. Tests set RootCAs.
	TLSConfig *tls.Config
	// Timeout bounds one delivery when ctx has no earlier deadline.
	Timeout time.Duration
	// Now is the clock of the Date header.
	Now func() time.Time
}

// NewSMTP reads a server URL and a sender address:
//
//	smtp://user:pass@host:587   plain connection, STARTTLS when the server offers it, then AUTH
//	smtps://user:pass@host:465  implicit TLS
//	smtp://localhost:25         no AUTH, for a local relay
//
// The port defaults to 25 for smtp and 465 for smtps. The query may say
// starttls=require (refuse a server without it) or starttls=off (for a
// relay on this machine whose certificate cannot be checked). A password
// is never sent over a connection without TLS, except to a loopback
// address.
func NewSMTP(rawURL, from string) (*SMTP, error) {
	u, err := url.Parse(strings.TrimSpace(rawURL))
	if err != nil {
		return nil, fmt.Errorf("the SMTP URL cannot be read: %w", err)
	}
	s := &SMTP{Host: u.Hostname(), Port: u.Port(), StartTLS: "auto", Timeout: 30 * time.Second}
	switch u.Scheme {
	case "smtp":
		if s.Port == "" {
			s.Port = "25"
		}
	case "smtps":
		s.Implicit = true
		if s.Port == "" {
			s.Port = "465"
		}
	default:
		return nil, fmt.Errorf("the SMTP URL %q must start with smtp:// or smtps://", redact(u))
	}
	if s.Host == "" || (u.Path != "" && u.Path != "/") || u.Fragment != "" {
		return nil, fmt.Errorf("the SMTP URL %q must be smtp://[user:password@]host[:port]", redact(u))
	}
	if u.User != nil {
		s.Username = u.User.Username()
		s.Password, _ = u.User.Password()
	}
	q := u.Query()
	for k := range q {
		if k != "starttls" {
			return nil, fmt.Errorf("the SMTP URL has an unknown option %q (only starttls=auto|require|off)", k)
		}
	}
	if v := q.Get("starttls"); v != "" {
		if v != "auto" && v != "require" && v != "off" {
			return nil, fmt.Errorf("starttls=%q in the SMTP URL must be auto, require or off", v)
		}
		if s.Implicit {
			return nil, errors.New("starttls= makes no sense with smtps://, which uses TLS from the start")
		}
		s.StartTLS = v
	}
	if s.Username != "" && !s.Implicit && s.StartTLS == "off" && !isLoopback(s.Host) {
		return nil, errors.New("the SMTP URL sends a password without TLS (starttls=off): use STARTTLS or smtps://")
	}
	if strings.TrimSpace(from) == "" {
		return nil, errors.New("a sender address is needed to send mail (--mail-from, e.g. \"Newsroom <news@example.org>\")")
	}
	if s.From, err = ParseAddress(from); err != nil {
		return nil, fmt.Errorf("the sender address: %w", err)
	}
	return s, nil
}

// String is the server's URL without the password, for logs.
func (s *SMTP) String() string {
	scheme := "smtp"
	if s.Implicit {
		scheme = "smtps"
	}
	u := &url.URL{Scheme: scheme, Host: net.JoinHostPort(s.Host, s.Port)}
	if s.Username != "" {
		u.User = url.User(s.Username)
	}
	return u.String()
}

func redact(u *url.URL) string {
	if _, ok := u.User.Password(); ok {
		c := *u
		c.User = url.UserPassword(u.User.Username(), "xxxxx")
		return c.String()
	}
	return u.String()
}

func isLoopback(host string) bool {
	if host == "localhost" {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// Send composes m and delivers it now.
func (s *SMTP) Send(ctx context.Context, m *Message) error {
	now := time.Now
	if s.Now != nil {
		now = s.Now
	}
	c, err := Compose(m, s.From, now())
	if err != nil {
		return err
	}
	return s.Deliver(ctx, c)
}

func (s *SMTP) tlsConfig() *tls.Config {
	cfg := &tls.Config{MinVersion: tls.VersionTLS12}
	if s.TLSConfig != nil {
		cfg = s.TLSConfig.Clone()
	}
	if cfg.ServerName == "" {
		cfg.ServerName = s.Host
	}
	return cfg
}

// Deliver runs one SMTP transaction for a composed message.
func (s *SMTP) Deliver(ctx context.Context, c *Composed) (err error) {
	if s.Timeout > 0 {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, s.Timeout)
		defer cancel()
	}
	addr := net.JoinHostPort(s.Host, s.Port)
	var d net.Dialer
	conn, err := d.DialContext(ctx, "tcp", addr)
	if err != nil {
		return fmt.Errorf("mail: cannot reach %s: %w", s, err)
	}
	// The deadline and cancellation hold for the whole conversation.
	if dl, ok := ctx.Deadline(); ok {
		conn.SetDeadline(dl)
	}
	stop := context.AfterFunc(ctx, func() { conn.Close() })
	defer stop()
	if s.Implicit {
		tc := tls.Client(conn, s.tlsConfig())
		if err := tc.HandshakeContext(ctx); err != nil {
			conn.Close()
			return fmt.Errorf("mail: TLS with %s: %w", s, err)
		}
		conn = tc
	}
	cl, err := smtp.NewClient(conn, s.Host)
	if err != nil {
		conn.Close()
		return fmt.Errorf("mail: %s: %w", s, err)
	}
	defer cl.Close()
	if err := cl.Hello(helloName()); err != nil {
		return fmt.Errorf("mail: %s: EHLO: %w", s, err)
	}
	if !s.Implicit && s.StartTLS != "off" {
		if ok, _ := cl.Extension("STARTTLS"); ok {
			if err := cl.StartTLS(s.tlsConfig()); err != nil {
				return fmt.Errorf("mail: %s: STARTTLS: %w", s, err)
			}
		} else if s.StartTLS == "require" {
			return fmt.Errorf("mail: %s does not offer STARTTLS (starttls=require)", s)
		}
	}
	if s.Username != "" {
		ok, mechs := cl.Extension("AUTH")
		if !ok {
			return fmt.Errorf("mail: %s does not offer AUTH, but the URL has a user name", s)
		}
		var a smtp.Auth
		switch fields := strings.Fields(strings.ToUpper(mechs)); {
		case contains(fields, "PLAIN"):
			a = smtp.PlainAuth("", s.Username, s.Password, s.Host)
		case contains(fields, "LOGIN"):
			a = &loginAuth{user: s.Username, pass: s.Password, host: s.Host}
		default:
			return fmt.Errorf("mail: %s offers AUTH %s; Masthead speaks PLAIN and LOGIN", s, mechs)
		}
		if err := cl.Auth(a); err != nil {
			return fmt.Errorf("mail: %s: AUTH: %w", s, err)
		}
	}
	if err := cl.Mail(c.From); err != nil {
		return rejected(fmt.Errorf("mail: %s: MAIL FROM: %w", s, err))
	}
	for _, rcpt := range c.To {
		if err := cl.Rcpt(rcpt); err != nil {
			return rejected(fmt.Errorf("mail: %s: RCPT TO %s: %w", s, rcpt, err))
		}
	}
	w, err := cl.Data()
	if err != nil {
		return fmt.Errorf("mail: %s: DATA: %w", s, err)
	}
	if _, err := w.Write(c.Data); err != nil {
		return fmt.Errorf("mail: %s: sending the message: %w", s, err)
	}
	if err := w.Close(); err != nil {
		return rejected(fmt.Errorf("mail: %s: the server refused the message: %w", s, err))
	}
	_ = cl.Quit()
	return nil
}

// RejectedError is a permanent refusal of one message (a 5xx reply to
// MAIL, RCPT or DATA): sending it again would fail again. Failures before
// that (no connection, TLS, AUTH) and 4xx replies are transient.
type RejectedError struct{ Err error }

func (e *RejectedError) Error() string { return e.Err.Error() }
func (e *RejectedError) Unwrap() error { return e.Err }

// rejected marks err permanent when the server's reply was 5xx.
func rejected(err error) error {
	var te *textproto.Error
	if errors.As(err, &te) && te.Code >= 500 && te.Code < 600 {
		return &RejectedError{Err: err}
	}
	return err
}

// Permanent reports whether err says the message can never be delivered.
func Permanent(err error) bool {
	var re *RejectedError
	return errors.As(err, &re)
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// helloName is the name given in EHLO: this machine's name when it looks
// like a domain name, else "localhost".
func helloName() string {
	h, err := os.Hostname()
	if err != nil || !strings.Contains(h, ".") || strings.ContainsAny(h, " \r\n") {
		return "localhost"
	}
	return h
}

// loginAuth is the LOGIN mechanism (user name, then password, each base64,
// answering the server's prompts), which some providers offer instead of
// PLAIN. Like smtp.PlainAuth it refuses a connection without TLS unless
// the server is on this machine.
type loginAuth struct{ user, pass, host string }

func (a *loginAuth) Start(server *smtp.ServerInfo) (string, []byte, error) {
	if !server.TLS && !isLoopback(server.Name) {
		return "", nil, errors.New("unencrypted connection")
	}
	if server.Name != a.host {
		return "", nil, errors.New("wrong host name")
	}
	return "LOGIN", nil, nil
}

func (a *loginAuth) Next(fromServer []byte, more bool) ([]byte, error) {
	if !more {
		return nil, nil
	}
	switch p := strings.ToLower(strings.TrimSpace(string(fromServer))); {
	case strings.HasPrefix(p, "username"):
		return []byte(a.user), nil
	case strings.HasPrefix(p, "password"):
		return []byte(a.pass), nil
	}
	return nil, fmt.Errorf("unexpected LOGIN prompt %q", fromServer)
}
