package admin_test

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"io"
	"log/slog"
	"mime"
	"mime/multipart"
	"mime/quotedprintable"
	"net/http"
	"net/http/httptest"
	netmail "net/mail"
	"net/url"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/masthead-news/masthead/internal/admin"
	"github.com/masthead-news/masthead/internal/mail"
	"github.com/masthead-news/masthead/internal/mail/mailtest"
	"github.com/masthead-news/masthead/internal/user"
)

// authNow is the sign-in clock; tests move it to reach the next TOTP step
// or past a link's expiry.
func (s *site) authNow() time.Time { return time.Now().Add(time.Duration(s.authShift.Load())) }

func (s *site) shiftAuth(d time.Duration) { s.authShift.Add(int64(d)) }

// startMail gives the site an SMTP server (STARTTLS and AUTH, as a real
// provider) behind the same durable outbox the server uses.
func (s *site) startMail(t *testing.T, st mail.Store, logger *slog.Logger) *mail.Outbox {
	t.Helper()
	s.mail = mailtest.Start(t, mailtest.Options{StartTLS: true, Username: "masthead", Password: "smtp password"})
	smtp, err := mail.NewSMTP(s.mail.URL("masthead", "smtp password"), "Newsroom <news@example.org>")
	if err != nil {
		t.Fatal(err)
	}
	smtp.TLSConfig = s.mail.TLSConfig()
	q := mail.NewOutbox(st, smtp, logger)
	q.Poll = 100 * time.Millisecond
	ctx, cancel := context.WithCancel(context.Background())
	var wg sync.WaitGroup
	wg.Add(1)
	go func() { defer wg.Done(); q.Run(ctx) }()
	t.Cleanup(func() { cancel(); wg.Wait() })
	return q
}

// mailParts reads a received message as a mail client would.
type mailParts struct {
	header        netmail.Header
	subject, text string
	html          string
}

func readMail(t *testing.T, r mailtest.Received) mailParts {
	t.Helper()
	m, err := netmail.ReadMessage(strings.NewReader(string(r.Data)))
	if err != nil {
		t.Fatalf("received mail does not parse: %v", err)
	}
	subject, err := new(mime.WordDecoder).DecodeHeader(m.Header.Get("Subject"))
	if err != nil {
		t.Fatal(err)
	}
	out := mailParts{header: m.Header, subject: subject}
	_, params, err := mime.ParseMediaType(m.Header.Get("Content-Type"))
	if err != nil {
		t.Fatal(err)
	}
	mr := multipart.NewReader(m.Body, params["boundary"])
	for {
		p, err := mr.NextRawPart()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(quotedprintable.NewReader(p))
		if strings.HasPrefix(p.Header.Get("Content-Type"), "text/html") {
			out.html = string(b)
		} else {
			out.text = string(b)
		}
	}
	return out
}

var resetLink = regexp.MustCompile(`https?://[^/\s]+/admin/reset/([A-Za-z0-9_-]{43})`)

// requestReset asks for a reset link for email and returns the answer.
func (s *site) requestReset(t *testing.T, email string) (*http.Response, string) {
	t.Helper()
	return s.postBody(t, s.client(t), "/admin/login/forgot", url.Values{"email": {email}})
}

// resetToken waits for the next mail and returns its link's token.
func (s *site) resetToken(t *testing.T, to string) (string, mailParts) {
	t.Helper()
	r := s.mail.Next(t)
	if len(r.To) != 1 || r.To[0] != to || r.From != "news@example.org" || !r.TLS || r.AuthUser != "masthead" {
		t.Fatalf("mail envelope %q → %q (tls %v, auth %q), want → %s", r.From, r.To, r.TLS, r.AuthUser, to)
	}
	m := readMail(t, r)
	match := resetLink.FindStringSubmatch(m.text)
	if match == nil {
		t.Fatalf("no reset link in the mail:\n%s", m.text)
	}
	if !strings.HasPrefix(match[0], s.server.URL+"/admin/reset/") {
		t.Errorf("the link %q does not point at the site %s", match[0], s.server.URL)
	}
	if !strings.Contains(m.html, match[0]) {
		t.Errorf("the HTML part lacks the link")
	}
	return match[1], m
}

func TestPasswordResetByEmailedLink(t *testing.T) {
	t.Parallel()
	s := newSite(t)
	if _, body := s.get(t, s.client(t), "/admin/login"); !strings.Contains(body, `href="/admin/login/forgot"`) {
		t.Fatal("the sign-in form has no link to reset a password")
	}
	if res, body := s.get(t, s.client(t), "/admin/login/forgot"); res.StatusCode != http.StatusOK || !strings.Contains(body, `name="email"`) {
		t.Fatalf("forgot form: %d", res.StatusCode)
	}
	phone := s.login(t, user.Editor) // a device that must be signed out by the reset

	// The same answer whether or not the account exists; mail only for a real one.
	res1, unknown := s.requestReset(t, "nobody@example.org")
	res2, known := s.requestReset(t, "Editor@Example.org")
	if res1.StatusCode != http.StatusOK || res2.StatusCode != http.StatusOK || unknown != known {
		t.Fatalf("the answers differ: %d vs %d, equal bodies: %v", res1.StatusCode, res2.StatusCode, unknown == known)
	}
	if !strings.Contains(known, "If an account uses this address") {
		t.Error("the answer does not say what happens")
	}
	token, m := s.resetToken(t, "editor@example.org") // the unknown address, asked first, got no mail
	if m.subject != "Reset your newsroom password" || !strings.Contains(m.text, "Hello Editor,") || !strings.Contains(m.text, "for 60 minutes") {
		t.Errorf("mail %q:\n%s", m.subject, m.text)
	}
	if m.header.Get("Message-ID") == "" || m.header.Get("Date") == "" || m.header.Get("Content-Language") != "en" {
		t.Errorf("headers %v", m.header)
	}
	// Only the token's hash is stored.
	var stored string
	if err := s.store.QueryRowForTest(t.Context(), "SELECT token_hash FROM password_resets", &stored); err != nil {
		t.Fatal(err)
	}
	sum := sha256.Sum256([]byte(token))
	if stored != hex.EncodeToString(sum[:]) || strings.Contains(stored, token) {
		t.Errorf("stored %q for token %q", stored, token)
	}

	link := "/admin/reset/" + token
	res, body := s.get(t, s.client(t), link)
	if res.StatusCode != http.StatusOK || !strings.Contains(body, `name="new"`) || strings.Contains(body, `name="code"`) || res.Header.Get("Referrer-Policy") != "no-referrer" {
		t.Fatalf("link page: %d, referrer policy %q", res.StatusCode, res.Header.Get("Referrer-Policy"))
	}
	browser := s.client(t)
	// Refused input leaves the link usable.
	if res := s.post(t, browser, link, url.Values{"new": {"short"}, "confirm": {"short"}}); res.StatusCode != http.StatusUnprocessableEntity {
		t.Fatalf("short password: %d", res.StatusCode)
	}
	if res := s.post(t, browser, link, url.Values{"new": {"a brand new password"}, "confirm": {"something else entirely"}}); res.StatusCode != http.StatusUnprocessableEntity {
		t.Fatalf("mismatch: %d", res.StatusCode)
	}
	res = s.post(t, browser, link, url.Values{"new": {"a brand new password"}, "confirm": {"a brand new password"}})
	if res.StatusCode != http.StatusSeeOther || res.Header.Get("Location") != "/admin/?done=reset" || cookie(browser, s.server.URL) == "" {
		t.Fatalf("reset: %d → %s", res.StatusCode, res.Header.Get("Location"))
	}
	if res, body := s.get(t, browser, "/admin/?done=reset"); res.StatusCode != http.StatusOK || !strings.Contains(body, "every other session was signed out") {
		t.Fatalf("signed in fresh after the reset: %d", res.StatusCode)
	}
	if res, _ := s.get(t, phone, "/admin/"); res.StatusCode != http.StatusSeeOther {
		t.Error("the other device is still signed in after the reset")
	}
	if res := s.post(t, s.client(t), "/admin/login", url.Values{"email": {"editor@example.org"}, "password": {password}}); res.StatusCode == http.StatusSeeOther {
		t.Error("the old password still signs in")
	}
	if res := s.post(t, s.client(t), "/admin/login", url.Values{"email": {"editor@example.org"}, "password": {"a brand new password"}}); res.StatusCode != http.StatusSeeOther {
		t.Error("the new password does not sign in")
	}
	// The link works once.
	if res, body := s.get(t, s.client(t), link); res.StatusCode != http.StatusGone || !strings.Contains(body, "already used") {
		t.Errorf("used link page: %d", res.StatusCode)
	}
	if res := s.post(t, s.client(t), link, url.Values{"new": {"yet another password"}, "confirm": {"yet another password"}}); res.StatusCode != http.StatusGone {
		t.Errorf("used link again: %d", res.StatusCode)
	}
	if res, _ := s.get(t, s.client(t), "/admin/reset/not-a-token"); res.StatusCode != http.StatusGone {
		t.Errorf("made-up link: %d", res.StatusCode)
	}

	// A newer link replaces an older one; a link expires after an hour.
	s.requestReset(t, "author@example.org")
	first, _ := s.resetToken(t, "author@example.org")
	s.requestReset(t, "author@example.org")
	second, _ := s.resetToken(t, "author@example.org")
	if res, _ := s.get(t, s.client(t), "/admin/reset/"+first); res.StatusCode != http.StatusGone {
		t.Errorf("the replaced link still works: %d", res.StatusCode)
	}
	if res, _ := s.get(t, s.client(t), "/admin/reset/"+second); res.StatusCode != http.StatusOK {
		t.Fatalf("the newest link: %d", res.StatusCode)
	}
	s.shiftAuth(user.ResetLinkLife + time.Minute)
	if res, _ := s.get(t, s.client(t), "/admin/reset/"+second); res.StatusCode != http.StatusGone {
		t.Errorf("an expired link page: %d", res.StatusCode)
	}
	if res := s.post(t, s.client(t), "/admin/reset/"+second, url.Values{"new": {"too late password"}, "confirm": {"too late password"}}); res.StatusCode != http.StatusGone {
		t.Errorf("an expired link: %d", res.StatusCode)
	}
	if res := s.post(t, s.client(t), "/admin/login", url.Values{"email": {"author@example.org"}, "password": {password}}); res.StatusCode != http.StatusSeeOther {
		t.Error("the expired link changed the password")
	}
}

func TestResetMailSpeaksTheAccountsLanguage(t *testing.T) {
	t.Parallel()
	s := newSite(t)
	if err := s.store.SetLocale(t.Context(), s.users[user.Contributor].ID, "fa"); err != nil {
		t.Fatal(err)
	}
	s.requestReset(t, "contributor@example.org")
	token, m := s.resetToken(t, "contributor@example.org")
	if m.subject != "بازنشانی گذرواژهٔ تحریریه" || m.header.Get("Content-Language") != "fa" {
		t.Errorf("subject %q, language %q", m.subject, m.header.Get("Content-Language"))
	}
	if !strings.Contains(m.text, "۶۰ دقیقه") || !strings.Contains(m.html, `dir="rtl"`) {
		t.Errorf("the Persian mail lacks Persian digits or right-to-left HTML:\n%s\n%s", m.text, m.html)
	}
	if _, body := s.get(t, s.client(t), "/admin/reset/"+token); !strings.Contains(body, `dir="rtl"`) || !strings.Contains(body, "گذرواژهٔ تازه") {
		t.Error("the link's page is not in the account's language")
	}
}

func TestResetRequestsAreRateLimitedAlikeForEveryAddress(t *testing.T) {
	t.Parallel()
	s := newSite(t)
	for _, email := range []string{"admin@example.org", "ghost@example.org"} {
		for i := 0; i < user.MaxResetsAccount; i++ {
			if res, _ := s.requestReset(t, email); res.StatusCode != http.StatusOK {
				t.Fatalf("%s request %d: %d", email, i, res.StatusCode)
			}
		}
		res, body := s.requestReset(t, email)
		if res.StatusCode != http.StatusTooManyRequests || res.Header.Get("Retry-After") == "" || !strings.Contains(body, "Too many") {
			t.Errorf("%s: request %d answered %d", email, user.MaxResetsAccount+1, res.StatusCode)
		}
	}
	if got := len(s.mail.Pending()); got > user.MaxResetsAccount {
		t.Errorf("%d mails for one account", got)
	}
	if res, _ := s.requestReset(t, "not an address"); res.StatusCode != http.StatusUnprocessableEntity {
		t.Errorf("a malformed address: %d", res.StatusCode)
	}
}

func TestWithoutAMailServerTheAdminSaysNoLinkCanBeSent(t *testing.T) {
	t.Parallel()
	s := newSite(t)
	adm, err := admin.New(admin.Deps{Auth: &user.Auth{Store: s.store}, Users: s.store, Content: s.content, Editions: s.store, Audit: s.store,
		Logger: slog.New(slog.NewTextHandler(io.Discard, nil))})
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(adm)
	t.Cleanup(srv.Close)
	res, err := http.Get(srv.URL + "/admin/login/forgot")
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(res.Body)
	res.Body.Close()
	if res.StatusCode != http.StatusOK || !strings.Contains(string(body), "This site cannot send email") || strings.Contains(string(body), `name="email"`) {
		t.Errorf("forgot form without mail: %d\n%s", res.StatusCode, body)
	}
	res, err = http.PostForm(srv.URL+"/admin/login/forgot", url.Values{"email": {"editor@example.org"}})
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode != http.StatusServiceUnavailable {
		t.Errorf("request without mail: %d", res.StatusCode)
	}
	var n int
	if err := s.store.QueryRowForTest(t.Context(), "SELECT COUNT(*) FROM password_resets", &n); err != nil || n != 0 {
		t.Errorf("%d links stored (%v)", n, err)
	}
}

var (
	secretParam  = regexp.MustCompile(`secret=([A-Z2-7]+)`)
	recoveryCode = regexp.MustCompile(`<code>([a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4})</code>`)
)

// enableTwoFactor sets up TOTP for a signed-in client and returns the
// secret, the code that confirmed it and the recovery codes.
func (s *site) enableTwoFactor(t *testing.T, c *http.Client) (secret, used string, codes []string) {
	t.Helper()
	res, body := s.get(t, c, "/admin/account/2fa/")
	m := secretParam.FindStringSubmatch(body)
	if res.StatusCode != http.StatusOK || m == nil || !strings.Contains(body, "otpauth://totp/") {
		t.Fatalf("set-up page: %d, no otpauth URI", res.StatusCode)
	}
	secret = m[1]
	if _, again := s.get(t, c, "/admin/account/2fa/"); !strings.Contains(again, secret) {
		t.Fatal("reloading the set-up page changed the secret")
	}
	used, err := user.TOTPCode(secret, s.authNow())
	if err != nil {
		t.Fatal(err)
	}
	res, body = s.postBody(t, c, "/admin/account/2fa/enable", url.Values{"code": {used}})
	if res.StatusCode != http.StatusOK {
		t.Fatalf("enable: %d", res.StatusCode)
	}
	for _, m := range recoveryCode.FindAllStringSubmatch(body, -1) {
		codes = append(codes, m[1])
	}
	if len(codes) != user.RecoveryCodeCount {
		t.Fatalf("%d recovery codes shown", len(codes))
	}
	return secret, used, codes
}

// wrongCode is a six-digit code that is none of the codes valid now.
func wrongCode(secret string, now time.Time) string {
	valid := map[string]bool{}
	for d := -2; d <= 2; d++ {
		c, _ := user.TOTPCode(secret, now.Add(time.Duration(d)*30*time.Second))
		valid[c] = true
	}
	for _, c := range []string{"000000", "123456", "999999", "424242", "777777", "135790"} {
		if !valid[c] {
			return c
		}
	}
	panic("unreachable")
}

// passwordStep signs in with the password and expects the second step.
func (s *site) passwordStep(t *testing.T, email string) *http.Client {
	t.Helper()
	c := s.client(t)
	res := s.post(t, c, "/admin/login", url.Values{"email": {email}, "password": {password}, "next": {"/admin/articles/"}})
	if res.StatusCode != http.StatusSeeOther || !strings.HasPrefix(res.Header.Get("Location"), "/admin/login/code") {
		t.Fatalf("password step: %d → %s", res.StatusCode, res.Header.Get("Location"))
	}
	if cookie(c, s.server.URL) != "" {
		t.Fatal("a session cookie was set before the second factor")
	}
	if res, body := s.get(t, c, res.Header.Get("Location")); res.StatusCode != http.StatusOK || !strings.Contains(body, `name="code"`) {
		t.Fatalf("code form: %d", res.StatusCode)
	}
	return c
}

func TestTwoFactorSignIn(t *testing.T) {
	t.Parallel()
	s := newSite(t)
	c := s.login(t, user.Editor)
	secret, used, codes := s.enableTwoFactor(t, c)
	var stored, clear int
	if err := s.store.QueryRowForTest(t.Context(), "SELECT COUNT(*), COUNT(CASE WHEN code_hash = '"+codes[0]+"' THEN 1 END) FROM recovery_codes", &stored, &clear); err != nil || stored != user.RecoveryCodeCount || clear != 0 {
		t.Errorf("recovery codes stored: %d, in clear: %d (%v)", stored, clear, err)
	}
	if _, body := s.get(t, c, "/admin/account/"); !strings.Contains(body, "Two-factor sign-in is on.") {
		t.Error("the account screen does not show two-factor sign-in as on")
	}
	var sessionsBefore int
	s.store.QueryRowForTest(t.Context(), "SELECT COUNT(*) FROM sessions", &sessionsBefore)

	// The password alone opens no session.
	b := s.passwordStep(t, "editor@example.org")
	if res, _ := s.get(t, b, "/admin/"); res.StatusCode != http.StatusSeeOther {
		t.Fatal("the admin opened after the password alone")
	}
	var sessionsAfter int
	s.store.QueryRowForTest(t.Context(), "SELECT COUNT(*) FROM sessions", &sessionsAfter)
	if sessionsAfter != sessionsBefore {
		t.Errorf("sessions %d → %d before the code", sessionsBefore, sessionsAfter)
	}
	// The code that confirmed the set-up cannot be used again, nor can a wrong one.
	if res, body := s.postBody(t, b, "/admin/login/code", url.Values{"code": {used}, "next": {"/admin/articles/"}}); res.StatusCode != http.StatusUnauthorized || !strings.Contains(body, "wrong or was already used") {
		t.Errorf("a reused code: %d", res.StatusCode)
	}
	if res := s.post(t, b, "/admin/login/code", url.Values{"code": {wrongCode(secret, s.authNow())}}); res.StatusCode != http.StatusUnauthorized {
		t.Errorf("a wrong code: %d", res.StatusCode)
	}
	// The next step's code signs in (computed here from the secret).
	s.shiftAuth(user.TOTPPeriod * time.Second)
	code, _ := user.TOTPCode(secret, s.authNow())
	res := s.post(t, b, "/admin/login/code", url.Values{"code": {code}, "next": {"/admin/articles/"}})
	if res.StatusCode != http.StatusSeeOther || res.Header.Get("Location") != "/admin/articles/" || cookie(b, s.server.URL) == "" {
		t.Fatalf("right code: %d → %s", res.StatusCode, res.Header.Get("Location"))
	}
	if res, _ := s.get(t, b, "/admin/"); res.StatusCode != http.StatusOK {
		t.Fatalf("after the code: %d", res.StatusCode)
	}
	// The same code, in its own window, does not sign in a second browser.
	other := s.passwordStep(t, "editor@example.org")
	if res := s.post(t, other, "/admin/login/code", url.Values{"code": {code}}); res.StatusCode != http.StatusUnauthorized {
		t.Errorf("a code used twice in its window: %d", res.StatusCode)
	}

	// A recovery code works once, typed any which way.
	typed := strings.ToUpper(strings.ReplaceAll(codes[3], "-", " "))
	if res := s.post(t, other, "/admin/login/code", url.Values{"code": {typed}}); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("recovery code: %d", res.StatusCode)
	}
	third := s.passwordStep(t, "editor@example.org")
	if res := s.post(t, third, "/admin/login/code", url.Values{"code": {codes[3]}}); res.StatusCode != http.StatusUnauthorized {
		t.Errorf("a used recovery code: %d", res.StatusCode)
	}
	if _, body := s.get(t, c, "/admin/account/2fa/"); !strings.Contains(body, "Unused recovery codes: 9") {
		t.Error("the recovery code count did not go down")
	}

	// A pending sign-in expires.
	s.shiftAuth(user.ChallengeLife + time.Minute)
	code, _ = user.TOTPCode(secret, s.authNow())
	if res := s.post(t, third, "/admin/login/code", url.Values{"code": {code}}); res.StatusCode != http.StatusSeeOther || !strings.Contains(res.Header.Get("Location"), "/admin/login") {
		t.Errorf("an expired second step: %d → %s", res.StatusCode, res.Header.Get("Location"))
	}
	if cookie(third, s.server.URL) != "" {
		t.Error("an expired second step signed in")
	}

	// Switching it off needs the password.
	if res := s.post(t, c, "/admin/account/2fa/disable", url.Values{"password": {"not the password"}}); res.StatusCode != http.StatusUnprocessableEntity {
		t.Errorf("disable with a wrong password: %d", res.StatusCode)
	}
	if res := s.post(t, c, "/admin/account/2fa/disable", url.Values{"password": {password}}); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("disable: %d", res.StatusCode)
	}
	if res := s.post(t, s.client(t), "/admin/login", url.Values{"email": {"editor@example.org"}, "password": {password}}); res.StatusCode != http.StatusSeeOther || res.Header.Get("Location") != "/admin/" {
		t.Errorf("after switching off, sign-in: %d → %s", res.StatusCode, res.Header.Get("Location"))
	}
}

func TestTwoFactorCodesAreRateLimited(t *testing.T) {
	t.Parallel()
	s := newSite(t)
	secret, _, _ := s.enableTwoFactor(t, s.login(t, user.Author))
	b := s.passwordStep(t, "author@example.org")
	for i := 0; i < user.MaxFailsAccount; i++ {
		if res := s.post(t, b, "/admin/login/code", url.Values{"code": {wrongCode(secret, s.authNow())}}); res.StatusCode != http.StatusUnauthorized {
			t.Fatalf("wrong code %d: %d", i, res.StatusCode)
		}
	}
	s.shiftAuth(user.TOTPPeriod * time.Second)
	code, _ := user.TOTPCode(secret, s.authNow())
	res, body := s.postBody(t, b, "/admin/login/code", url.Values{"code": {code}})
	if res.StatusCode != http.StatusTooManyRequests || res.Header.Get("Retry-After") == "" || !strings.Contains(body, "Too many failed attempts") {
		t.Errorf("after %d wrong codes even the right one: %d", user.MaxFailsAccount, res.StatusCode)
	}
	// Wrong codes at set-up count too.
	c := s.login(t, user.Contributor)
	s.get(t, c, "/admin/account/2fa/")
	for i := 0; i < user.MaxFailsAccount; i++ {
		s.post(t, c, "/admin/account/2fa/enable", url.Values{"code": {"000000"}})
	}
	if res := s.post(t, c, "/admin/account/2fa/enable", url.Values{"code": {"000000"}}); res.StatusCode != http.StatusTooManyRequests {
		t.Errorf("set-up codes are not limited: %d", res.StatusCode)
	}
}

func TestResetOfATwoFactorAccountNeedsTheCode(t *testing.T) {
	t.Parallel()
	s := newSite(t)
	secret, _, codes := s.enableTwoFactor(t, s.login(t, user.Editor))
	s.requestReset(t, "editor@example.org")
	token, _ := s.resetToken(t, "editor@example.org")
	link := "/admin/reset/" + token
	if _, body := s.get(t, s.client(t), link); !strings.Contains(body, `name="code"`) {
		t.Fatal("the reset form does not ask for the code")
	}
	form := url.Values{"new": {"a brand new password"}, "confirm": {"a brand new password"}}
	if res := s.post(t, s.client(t), link, form); res.StatusCode != http.StatusUnprocessableEntity {
		t.Fatalf("reset without the code: %d", res.StatusCode)
	}
	form.Set("code", wrongCode(secret, s.authNow()))
	if res := s.post(t, s.client(t), link, form); res.StatusCode != http.StatusUnprocessableEntity {
		t.Fatalf("reset with a wrong code: %d", res.StatusCode)
	}
	form.Set("code", codes[0])
	if res := s.post(t, s.client(t), link, form); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("reset with a recovery code: %d", res.StatusCode)
	}
}

func TestAdminsCanBeRequiredToUseTwoFactor(t *testing.T) {
	t.Parallel()
	s := newSite(t)
	adm, ed := s.login(t, user.Admin), s.login(t, user.Editor)
	if res := s.post(t, ed, "/admin/account/2fa/require", url.Values{"require": {"on"}}); res.StatusCode != http.StatusForbidden {
		t.Fatalf("an editor changed the site policy: %d", res.StatusCode)
	}
	if _, ok, _ := s.store.Setting(t.Context(), user.SettingRequire2FAAdmins); ok {
		t.Fatal("the refused change was stored")
	}
	if res := s.post(t, adm, "/admin/account/2fa/require", url.Values{"require": {"on"}}); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("admin sets the policy: %d", res.StatusCode)
	}
	if v, _, _ := s.store.Setting(t.Context(), user.SettingRequire2FAAdmins); v != "true" {
		t.Fatalf("stored %q", v)
	}
	// The admin (without two-factor sign-in) is held at the set-up screen.
	for _, p := range []string{"/admin/", "/admin/articles/", "/admin/audit/", "/admin/account/"} {
		if res, _ := s.get(t, adm, p); res.StatusCode != http.StatusSeeOther || res.Header.Get("Location") != "/admin/account/2fa/" {
			t.Errorf("GET %s: %d → %s", p, res.StatusCode, res.Header.Get("Location"))
		}
	}
	before := s.count(t)
	if res := s.post(t, adm, "/admin/articles/new", articleForm(s, "en", "Held", "publish")); res.StatusCode != http.StatusForbidden || s.count(t) != before {
		t.Errorf("POST while held: %d", res.StatusCode)
	}
	if res, body := s.get(t, adm, "/admin/account/2fa/"); res.StatusCode != http.StatusOK || !strings.Contains(body, "requires administrators") {
		t.Errorf("the set-up screen: %d", res.StatusCode)
	}
	// Other roles are not affected.
	if res, _ := s.get(t, ed, "/admin/"); res.StatusCode != http.StatusOK {
		t.Errorf("an editor was held: %d", res.StatusCode)
	}
	// With two-factor sign-in on, the admin goes on.
	s.enableTwoFactor(t, adm)
	if res, _ := s.get(t, adm, "/admin/audit/"); res.StatusCode != http.StatusOK {
		t.Errorf("after set-up: %d", res.StatusCode)
	}
	if res := s.post(t, adm, "/admin/account/2fa/require", url.Values{}); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("admin clears the policy: %d", res.StatusCode)
	}
	if v, _, _ := s.store.Setting(t.Context(), user.SettingRequire2FAAdmins); v != "false" {
		t.Errorf("stored %q", v)
	}
}

func TestDashboardSaysWhereMailGoesAndWhatWaits(t *testing.T) {
	s := newSite(t)
	admin := s.login(t, user.Admin)
	_, body := s.get(t, admin, "/admin/")
	if !strings.Contains(body, "Mail is sent through smtp://masthead@127.0.0.1:") || strings.Contains(body, "smtp password") ||
		!strings.Contains(body, "No message waits to be sent.") {
		t.Fatalf("the dashboard's mail line:\n%s", body)
	}
	contributor := s.login(t, user.Contributor)
	if _, body := s.get(t, contributor, "/admin/"); strings.Contains(body, "smtp://") {
		t.Error("a contributor sees the mail server")
	}
}
