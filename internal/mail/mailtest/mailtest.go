// Package mailtest runs an in-process SMTP server on a loopback port for
// tests (built with github.com/emersion/go-smtp) and hands over exactly what
// it received: envelope, message bytes, the AUTH user and whether the
// session was encrypted. Test helper only.
package mailtest

import (
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"errors"
	"io"
	"log"
	"math/big"
	"net"
	"net/url"
	"testing"
	"time"

	"github.com/emersion/go-sasl"
	"github.com/emersion/go-smtp"
)

// Received is one message the server accepted.
type Received struct {
	From     string
	To       []string
	Data     []byte
	AuthUser string // "" without AUTH
	AuthMech string
	TLS      bool // the session was encrypted (STARTTLS or implicit)
}

// Options shape the server.
type Options struct {
	Username, Password string   // non-empty: AUTH is required before MAIL
	Mechanisms         []string // offered AUTH mechanisms; default PLAIN and LOGIN
	StartTLS           bool     // offer STARTTLS with a self-signed certificate
	Implicit           bool     // TLS from the first byte (smtps)
	// OnData, when set, sees every message before the server replies to
	// its DATA: an error is the reply (a *smtp.SMTPError picks the code,
	// e.g. 451 or 550), nil accepts it. Messages are then handed to OnData
	// only, not to Next or Pending, so a test may count any number.
	OnData func(Received) error
}

// Server is a running test server.
type Server struct {
	Addr  string         // 127.0.0.1:port
	Roots *x509.CertPool // trusts the server's certificate
	opts  Options
	ch    chan Received
	srv   *smtp.Server
}

// Start runs a server until the test ends.
func Start(t testing.TB, o Options) *Server {
	t.Helper()
	if len(o.Mechanisms) == 0 {
		o.Mechanisms = []string{sasl.Plain, sasl.Login}
	}
	s := &Server{opts: o, ch: make(chan Received, 64)}
	srv := smtp.NewServer(smtp.BackendFunc(func(c *smtp.Conn) (smtp.Session, error) {
		return &session{s: s, conn: c}, nil
	}))
	srv.Domain = "mail.test"
	srv.ReadTimeout, srv.WriteTimeout = 30*time.Second, 30*time.Second
	srv.MaxMessageBytes = 1 << 20
	srv.ErrorLog = log.New(io.Discard, "", 0)
	var ln net.Listener
	var err error
	if o.StartTLS || o.Implicit {
		cert, roots := selfSigned(t)
		s.Roots = roots
		cfg := &tls.Config{Certificates: []tls.Certificate{cert}, MinVersion: tls.VersionTLS12}
		if o.StartTLS {
			srv.TLSConfig = cfg
		}
		if o.Implicit {
			ln, err = tls.Listen("tcp", "127.0.0.1:0", cfg)
		}
	} else {
		// Without TLS, AUTH is allowed in clear (the client allows it to
		// loopback servers only).
		srv.AllowInsecureAuth = true
	}
	if ln == nil && err == nil {
		ln, err = net.Listen("tcp", "127.0.0.1:0")
	}
	if err != nil {
		t.Fatal(err)
	}
	s.Addr = ln.Addr().String()
	s.srv = srv
	go srv.Serve(ln)
	t.Cleanup(func() { srv.Close() })
	return s
}

// URL is the server's address as a Masthead SMTP URL, with the
// credentials given (which may differ from the server's, to test refusals).
func (s *Server) URL(user, pass string) string {
	u := &url.URL{Scheme: "smtp", Host: s.Addr}
	if s.opts.Implicit {
		u.Scheme = "smtps"
	}
	if user != "" {
		u.User = url.UserPassword(user, pass)
	}
	return u.String()
}

// TLSConfig trusts the server's self-signed certificate.
func (s *Server) TLSConfig() *tls.Config { return &tls.Config{RootCAs: s.Roots} }

// Next returns the next received message, failing the test if none comes
// within a generous wait (a guard against a hang, not a timing test).
func (s *Server) Next(t testing.TB) Received {
	t.Helper()
	select {
	case r := <-s.ch:
		return r
	case <-time.After(20 * time.Second):
		t.Fatal("the SMTP server received no message")
		return Received{}
	}
}

// Pending returns what was received and not yet taken, without waiting.
func (s *Server) Pending() []Received {
	var out []Received
	for {
		select {
		case r := <-s.ch:
			out = append(out, r)
		default:
			return out
		}
	}
}

type session struct {
	s    *Server
	conn *smtp.Conn
	user string
	mech string
	from string
	to   []string
}

func (x *session) AuthMechanisms() []string { return x.s.opts.Mechanisms }

func (x *session) Auth(mech string) (sasl.Server, error) {
	check := func(user, pass string) error {
		if user != x.s.opts.Username || pass != x.s.opts.Password || user == "" {
			return errors.New("invalid credentials")
		}
		x.user, x.mech = user, mech
		return nil
	}
	switch mech {
	case sasl.Plain:
		return sasl.NewPlainServer(func(identity, user, pass string) error { return check(user, pass) }), nil
	case sasl.Login:
		return &loginServer{check: check}, nil
	}
	return nil, errors.New("unsupported mechanism")
}

func (x *session) Mail(from string, _ *smtp.MailOptions) error {
	if x.s.opts.Username != "" && x.user == "" {
		return smtp.ErrAuthRequired
	}
	x.from = from
	return nil
}

func (x *session) Rcpt(to string, _ *smtp.RcptOptions) error {
	x.to = append(x.to, to)
	return nil
}

func (x *session) Data(r io.Reader) error {
	b, err := io.ReadAll(r)
	if err != nil {
		return err
	}
	_, isTLS := x.conn.TLSConnectionState()
	got := Received{From: x.from, To: append([]string(nil), x.to...), Data: b, AuthUser: x.user, AuthMech: x.mech, TLS: isTLS}
	if x.s.opts.OnData != nil {
		return x.s.opts.OnData(got)
	}
	x.s.ch <- got
	return nil
}

func (x *session) Reset()        { x.from, x.to = "", nil }
func (x *session) Logout() error { return nil }

// loginServer is the server side of AUTH LOGIN (go-sasl has only the client).
type loginServer struct {
	check func(user, pass string) error
	step  int
	user  string
}

func (l *loginServer) Next(resp []byte) ([]byte, bool, error) {
	switch l.step {
	case 0:
		l.step = 1
		if resp == nil {
			return []byte("Username:"), false, nil
		}
		fallthrough
	case 1:
		l.user, l.step = string(resp), 2
		return []byte("Password:"), false, nil
	default:
		return nil, true, l.check(l.user, string(resp))
	}
}

// selfSigned makes a certificate for 127.0.0.1 and localhost, and a pool
// that trusts it.
func selfSigned(t testing.TB) (tls.Certificate, *x509.CertPool) {
	t.Helper()
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	tmpl := &x509.Certificate{
		SerialNumber:          big.NewInt(1),
		Subject:               pkix.Name{CommonName: "mailtest"},
		NotBefore:             time.Now().Add(-time.Hour),
		NotAfter:              time.Now().Add(24 * time.Hour),
		IPAddresses:           []net.IP{net.IPv4(127, 0, 0, 1)},
		DNSNames:              []string{"localhost"},
		KeyUsage:              x509.KeyUsageDigitalSignature | x509.KeyUsageCertSign,
		ExtKeyUsage:           []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth},
		BasicConstraintsValid: true,
		IsCA:                  true,
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		t.Fatal(err)
	}
	leaf, err := x509.ParseCertificate(der)
	if err != nil {
		t.Fatal(err)
	}
	pool := x509.NewCertPool()
	pool.AddCert(leaf)
	return tls.Certificate{Certificate: [][]byte{der}, PrivateKey: key, Leaf: leaf}, pool
}
