package admin

import (
	"bytes"
	"context"
	"errors"
	"github.com/masthead-news/masthead/internal/clientaddr"
	"html/template"
	"net/http"
	netmail "net/mail"
	"net/url"
	"strconv"
	"strings"

	"github.com/masthead-news/masthead/internal/i18n"
	"github.com/masthead-news/masthead/internal/mail"
	"github.com/masthead-news/masthead/internal/user"
)

// Account security in the admin: "forgot your password?" with an emailed
// one-time link, the second sign-in step for accounts with TOTP two-factor
// sign-in, setting it up and switching it off, recovery codes, and the site
// setting that requires it of admins. The rules live in user.Auth; this
// file only speaks HTTP.

func init() {
	pageFiles = append(pageFiles, "forgot.html", "reset.html", "login_code.html", "twofactor.html")
}

// SettingStore reads and writes site-wide settings (the settings table).
type SettingStore interface {
	Setting(ctx context.Context, name string) (value string, ok bool, err error)
	SetSetting(ctx context.Context, name, value string) error
}

// challengeCookie carries a sign-in that waits for its second factor.
const challengeCookie = "masthead_2fa"

// securityRoutes adds the account-security routes.
func (h *Handler) securityRoutes(m *http.ServeMux) {
	m.HandleFunc("GET /admin/login/forgot", h.forgotForm)
	m.HandleFunc("POST /admin/login/forgot", h.forgot)
	m.HandleFunc("GET /admin/reset/{token}", h.resetForm)
	m.HandleFunc("POST /admin/reset/{token}", h.reset)
	m.HandleFunc("GET /admin/login/code", h.codeForm)
	m.HandleFunc("POST /admin/login/code", h.code)
	m.HandleFunc("GET /admin/account/2fa/{$}", h.signedIn(h.twoFactorPage))
	m.HandleFunc("POST /admin/account/2fa/enable", h.signedIn(h.twoFactorEnable))
	m.HandleFunc("POST /admin/account/2fa/disable", h.signedIn(h.twoFactorDisable))
	m.HandleFunc("POST /admin/account/2fa/recovery", h.signedIn(h.twoFactorRecovery))
	m.HandleFunc("POST /admin/account/2fa/require", h.signedIn(h.twoFactorRequire))
}

// pageIn is a signed-out page in a given language (an account's), falling
// back to the browser's.
func (h *Handler) pageIn(r *http.Request, lang, titleKey string) *page {
	p := h.loginPage(r)
	if loc, err := i18n.New(lang, i18n.Options{Calendar: i18n.Gregorian}); lang != "" && err == nil {
		p.L = loc
	}
	p.Title = p.L.T(titleKey)
	if f := r.URL.Query().Get("done"); f != "" {
		p.Flash = p.L.T("admin.flash." + sanitizeKey(f))
	}
	return p
}

// siteURL is the absolute URL of the site: the configured base URL, else
// the request's scheme and Host (set --base-url in production, so that a
// forged Host header cannot end up in a reset link).
func (h *Handler) siteURL(r *http.Request) string {
	if h.BaseURL != "" {
		return strings.TrimSuffix(h.BaseURL, "/")
	}
	scheme := "http"
	if r.TLS != nil {
		scheme = "https"
	}
	return scheme + "://" + r.Host
}

func (h *Handler) parseSmallForm(w http.ResponseWriter, r *http.Request) bool {
	r.Body = http.MaxBytesReader(w, r.Body, 16<<10)
	if err := r.ParseForm(); err != nil {
		http.Error(w, "Bad form.", http.StatusBadRequest)
		return false
	}
	return true
}

// rateLimited answers 429 with Retry-After when err is a rate limit.
func rateLimited(w http.ResponseWriter, p *page, err error) bool {
	var rl *user.RateLimitError
	if !errors.As(err, &rl) {
		return false
	}
	w.Header().Set("Retry-After", strconv.Itoa(int(rl.RetryAfter.Seconds())+1))
	p.Error = p.T("admin.login.rate_limited", int(rl.RetryAfter.Minutes())+1)
	return true
}

// ——— Forgot password ———

type forgotData struct {
	*page
	Sent   bool
	NoMail bool // no SMTP server is configured: no link can be sent
}

func (h *Handler) forgotForm(w http.ResponseWriter, r *http.Request) {
	p := h.loginPage(r)
	p.Title = p.T("admin.forgot.title")
	h.render(w, r, http.StatusOK, "forgot.html", &forgotData{page: p, NoMail: h.Mail == nil})
}

// forgot answers every address alike, so the answer never tells whether an
// account exists; the mail goes out in the background (see mail.Queue), so
// neither does the time it takes.
func (h *Handler) forgot(w http.ResponseWriter, r *http.Request) {
	if !h.parseSmallForm(w, r) {
		return
	}
	p := h.loginPage(r)
	p.Title = p.T("admin.forgot.title")
	d := &forgotData{page: p, NoMail: h.Mail == nil}
	if d.NoMail {
		h.render(w, r, http.StatusServiceUnavailable, "forgot.html", d)
		return
	}
	email := strings.TrimSpace(r.PostForm.Get("email"))
	if _, err := netmail.ParseAddress(email); err != nil || strings.ContainsAny(email, "<>\r\n") {
		p.Error = p.T("admin.forgot.bad_email")
		h.render(w, r, http.StatusUnprocessableEntity, "forgot.html", d)
		return
	}
	u, token, err := h.Auth.RequestReset(r.Context(), email, clientaddr.IP(r))
	if rateLimited(w, p, err) {
		h.render(w, r, http.StatusTooManyRequests, "forgot.html", d)
		return
	}
	if err != nil {
		h.serverError(w, r, nil, err)
		return
	}
	if u != nil {
		h.sendResetMail(r, u, token)
		h.record(r.Context(), nil, "user.reset_requested", "user", u.ID, "")
	}
	d.Sent = true
	h.render(w, r, http.StatusOK, "forgot.html", d)
}

var resetMailHTML = template.Must(template.New("reset").Parse(`<!doctype html>
<html lang="{{.Lang}}" dir="{{.Dir}}"><body style="font-family: sans-serif; line-height: 1.5">
<div dir="{{.Dir}}">
<p>{{.Greeting}}</p>
<p>{{.Intro}}</p>
<p><a href="{{.Link}}" style="display: inline-block; padding: .6em 1.2em; background: #1d4ed8; color: #fff; text-decoration: none; border-radius: 4px">{{.Action}}</a></p>
<p dir="ltr" style="font-size: small; word-break: break-all">{{.Link}}</p>
<p>{{.Expiry}}</p>
<p>{{.Ignore}}</p>
</div>
</body></html>`))

// sendResetMail writes the reset link in the account's admin language.
// Failures are logged, never shown: the answer must not differ.
func (h *Handler) sendResetMail(r *http.Request, u *user.User, token string) {
	loc, err := i18n.New(u.Locale, i18n.Options{Calendar: i18n.Gregorian})
	if err != nil {
		loc, _ = i18n.New("en", i18n.Options{})
	}
	link := h.siteURL(r) + "/admin/reset/" + token
	minutes := int(user.ResetLinkLife.Minutes())
	parts := map[string]string{
		"Lang": loc.Lang(), "Dir": loc.Dir(), "Link": link,
		"Greeting": loc.T("mail.reset.greeting", u.Name),
		"Intro":    loc.T("mail.reset.intro"),
		"Action":   loc.T("mail.reset.action"),
		"Expiry":   loc.T("mail.reset.expiry", minutes),
		"Ignore":   loc.T("mail.reset.ignore"),
	}
	text := strings.Join([]string{parts["Greeting"], parts["Intro"], link, parts["Expiry"], parts["Ignore"]}, "\n\n") + "\n"
	var html bytes.Buffer
	if err := resetMailHTML.Execute(&html, parts); err != nil {
		h.Logger.Error("reset mail", "err", err)
		return
	}
	to := (&netmail.Address{Name: u.Name, Address: u.Email}).String()
	msg := &mail.Message{To: []string{to}, Subject: loc.T("mail.reset.subject"), Text: text, HTML: html.String(), Lang: loc.Lang()}
	if err := h.Mail.Send(context.WithoutCancel(r.Context()), msg); err != nil {
		h.Logger.Error("the password reset mail was not sent", "user", u.ID, "err", err)
	}
}

// ——— The reset link ———

type resetData struct {
	*page
	Token    string
	NeedCode bool
	Invalid  bool
}

func (h *Handler) resetInvalid(w http.ResponseWriter, r *http.Request) {
	p := h.loginPage(r)
	p.Title = p.T("admin.reset.title")
	p.Error = p.T("admin.reset.invalid")
	h.render(w, r, http.StatusGone, "reset.html", &resetData{page: p, Invalid: true})
}

func (h *Handler) resetForm(w http.ResponseWriter, r *http.Request) {
	// The token is in the address: never send it on to another site.
	w.Header().Set("Referrer-Policy", "no-referrer")
	token := r.PathValue("token")
	u, needCode, err := h.Auth.CheckReset(r.Context(), token)
	if errors.Is(err, user.ErrResetInvalid) {
		h.resetInvalid(w, r)
		return
	}
	if err != nil {
		h.serverError(w, r, nil, err)
		return
	}
	p := h.pageIn(r, u.Locale, "admin.reset.title")
	h.render(w, r, http.StatusOK, "reset.html", &resetData{page: p, Token: token, NeedCode: needCode})
}

func (h *Handler) reset(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Referrer-Policy", "no-referrer")
	if !h.parseSmallForm(w, r) {
		return
	}
	ctx, token := r.Context(), r.PathValue("token")
	u, needCode, err := h.Auth.CheckReset(ctx, token)
	if errors.Is(err, user.ErrResetInvalid) {
		h.resetInvalid(w, r)
		return
	}
	if err != nil {
		h.serverError(w, r, nil, err)
		return
	}
	p := h.pageIn(r, u.Locale, "admin.reset.title")
	d := &resetData{page: p, Token: token, NeedCode: needCode}
	if r.PostForm.Get("new") != r.PostForm.Get("confirm") {
		p.Error = p.T("admin.account.mismatch")
		h.render(w, r, http.StatusUnprocessableEntity, "reset.html", d)
		return
	}
	u, session, err := h.Auth.ResetPassword(ctx, token, r.PostForm.Get("new"), r.PostForm.Get("code"), clientaddr.IP(r))
	status := http.StatusUnprocessableEntity
	switch {
	case err == nil:
	case errors.Is(err, user.ErrResetInvalid):
		h.resetInvalid(w, r)
		return
	case rateLimited(w, p, err):
		status = http.StatusTooManyRequests
	case errors.Is(err, user.ErrPasswordTooShort):
		p.Error = p.T("admin.account.too_short", user.MinPasswordLength)
	case errors.Is(err, user.ErrBadCode):
		p.Error = p.T("admin.code.bad")
	default:
		h.serverError(w, r, nil, err)
		return
	}
	if err != nil {
		h.render(w, r, status, "reset.html", d)
		return
	}
	h.signIn(w, r, session)
	h.record(ctx, u, "user.password_reset", "user", u.ID, "")
	http.Redirect(w, r, "/admin/?done=reset", http.StatusSeeOther)
}

// signIn sets a new session cookie, ending the browser's previous session
// and any pending second step.
func (h *Handler) signIn(w http.ResponseWriter, r *http.Request, token string) {
	if old, err := r.Cookie(CookieName); err == nil {
		_ = h.Auth.Logout(r.Context(), old.Value)
	}
	h.clearChallenge(w)
	h.setSession(w, token)
}

// ——— The second sign-in step ———

// startSecondStep follows a right password of an account with two-factor
// sign-in: the browser gets the challenge, not a session.
func (h *Handler) startSecondStep(w http.ResponseWriter, r *http.Request, challenge, next string) {
	http.SetCookie(w, &http.Cookie{Name: challengeCookie, Value: challenge, Path: "/admin/login", HttpOnly: true, Secure: h.Secure,
		SameSite: http.SameSiteLaxMode, MaxAge: int(user.ChallengeLife.Seconds())})
	http.Redirect(w, r, "/admin/login/code?next="+url.QueryEscape(next), http.StatusSeeOther)
}

func (h *Handler) clearChallenge(w http.ResponseWriter) {
	http.SetCookie(w, &http.Cookie{Name: challengeCookie, Value: "", Path: "/admin/login", HttpOnly: true, Secure: h.Secure,
		SameSite: http.SameSiteLaxMode, MaxAge: -1})
}

type codeData struct {
	*page
	Next string
}

// challengeUser is the account of the browser's pending sign-in; without
// one the browser goes back to the sign-in form.
func (h *Handler) challengeUser(w http.ResponseWriter, r *http.Request) (*user.User, string, bool) {
	c, err := r.Cookie(challengeCookie)
	if err == nil {
		if u, err := h.Auth.ChallengeUser(r.Context(), c.Value); err == nil {
			return u, c.Value, true
		} else if !errors.Is(err, user.ErrChallengeInvalid) {
			h.serverError(w, r, nil, err)
			return nil, "", false
		}
	}
	h.clearChallenge(w)
	http.Redirect(w, r, "/admin/login?done=signin_expired", http.StatusSeeOther)
	return nil, "", false
}

func (h *Handler) codeForm(w http.ResponseWriter, r *http.Request) {
	u, _, ok := h.challengeUser(w, r)
	if !ok {
		return
	}
	p := h.pageIn(r, u.Locale, "admin.code.title")
	h.render(w, r, http.StatusOK, "login_code.html", &codeData{page: p, Next: safeNext(r.URL.Query().Get("next"))})
}

func (h *Handler) code(w http.ResponseWriter, r *http.Request) {
	if !h.parseSmallForm(w, r) {
		return
	}
	u, challenge, ok := h.challengeUser(w, r)
	if !ok {
		return
	}
	next := safeNext(r.PostForm.Get("next"))
	_, token, err := h.Auth.CompleteLogin(r.Context(), challenge, r.PostForm.Get("code"), clientaddr.IP(r))
	if err != nil {
		p := h.pageIn(r, u.Locale, "admin.code.title")
		status := http.StatusUnauthorized
		switch {
		case rateLimited(w, p, err):
			status = http.StatusTooManyRequests
		case errors.Is(err, user.ErrBadCode):
			p.Error = p.T("admin.code.bad")
		case errors.Is(err, user.ErrChallengeInvalid):
			h.clearChallenge(w)
			http.Redirect(w, r, "/admin/login?done=signin_expired", http.StatusSeeOther)
			return
		default:
			h.serverError(w, r, nil, err)
			return
		}
		h.record(r.Context(), nil, "user.2fa_failed", "user", u.ID, "")
		h.render(w, r, status, "login_code.html", &codeData{page: p, Next: next})
		return
	}
	h.signIn(w, r, token)
	h.record(r.Context(), u, "user.login", "user", u.ID, "two-factor")
	http.Redirect(w, r, next, http.StatusSeeOther)
}

// ——— Setting it up ———

type twoFactorData struct {
	*page
	Enabled   bool
	Secret    string   // in groups of four letters
	URI       string   // otpauth://
	Codes     []string // new recovery codes, shown once
	CodesLeft int
	Required  bool // the site requires it of this account
	CanPolicy bool // may change the site's requirement
	Policy    bool // the requirement is on
}

// requireTwoFactor reports whether the site requires two-factor sign-in of
// u's role (admins, when the setting is on).
func (h *Handler) requireTwoFactor(ctx context.Context, u *user.User) (bool, error) {
	if h.Settings == nil {
		return false, nil
	}
	v, ok, err := h.Settings.Setting(ctx, user.SettingRequire2FAAdmins)
	if err != nil || !ok {
		return false, err
	}
	return u.Role == user.Admin && user.Require2FA(v), nil
}

// twoFactorGate keeps an admin without two-factor sign-in, on a site that
// requires it, on the set-up screen; it reports whether it answered.
func (h *Handler) twoFactorGate(w http.ResponseWriter, r *http.Request, u *user.User) bool {
	if u.Role != user.Admin || h.Settings == nil {
		return false
	}
	switch r.URL.Path {
	case "/admin/account/2fa/", "/admin/account/2fa/enable", "/admin/logout":
		return false
	}
	required, err := h.requireTwoFactor(r.Context(), u)
	if err == nil && required {
		var tf *user.TwoFactor
		if tf, err = h.Auth.TwoFactor(r.Context(), u.ID); err == nil && tf.Enabled() {
			return false
		}
	}
	if err != nil {
		h.serverError(w, r, u, err)
		return true
	}
	if !required {
		return false
	}
	if r.Method == http.MethodGet || r.Method == http.MethodHead {
		http.Redirect(w, r, "/admin/account/2fa/", http.StatusSeeOther)
		return true
	}
	http.Error(w, "This site requires administrators to set up two-factor sign-in first: /admin/account/2fa/", http.StatusForbidden)
	return true
}

func groupSecret(s string) string {
	var b strings.Builder
	for i, r := range s {
		if i > 0 && i%4 == 0 {
			b.WriteByte(' ')
		}
		b.WriteRune(r)
	}
	return b.String()
}

// issuer names the site in authenticator apps.
func (h *Handler) issuer(r *http.Request) string {
	if u, err := url.Parse(h.siteURL(r)); err == nil && u.Host != "" {
		return "Masthead " + u.Host
	}
	return "Masthead"
}

func (h *Handler) twoFactorData(r *http.Request, u *user.User) (*twoFactorData, error) {
	ctx := r.Context()
	p := h.newPage(r, u, "admin.twofactor.title", "account")
	d := &twoFactorData{page: p, CanPolicy: u.Role.Can(user.ManageSettings) && h.Settings != nil}
	var err error
	if d.Required, err = h.requireTwoFactor(ctx, u); err != nil {
		return nil, err
	}
	if d.CanPolicy {
		v, _, err := h.Settings.Setting(ctx, user.SettingRequire2FAAdmins)
		if err != nil {
			return nil, err
		}
		d.Policy = user.Require2FA(v)
	}
	tf, err := h.Auth.TwoFactor(ctx, u.ID)
	if err != nil {
		return nil, err
	}
	if tf.Enabled() {
		d.Enabled = true
		d.CodesLeft, err = h.Users.CountRecoveryCodes(ctx, u.ID)
		return d, err
	}
	if tf, err = h.Auth.BeginTwoFactor(ctx, u); err != nil {
		return nil, err
	}
	d.Secret, d.URI = groupSecret(tf.Secret), user.TOTPURI(h.issuer(r), u.Email, tf.Secret)
	return d, nil
}

func (h *Handler) renderTwoFactor(w http.ResponseWriter, r *http.Request, u *user.User, status int, errMsg string, codes []string) {
	d, err := h.twoFactorData(r, u)
	if err != nil {
		h.serverError(w, r, u, err)
		return
	}
	d.Error, d.Codes = errMsg, codes
	if codes != nil {
		d.CodesLeft = len(codes)
	}
	h.render(w, r, status, "twofactor.html", d)
}

func (h *Handler) twoFactorPage(w http.ResponseWriter, r *http.Request, u *user.User) {
	h.renderTwoFactor(w, r, u, http.StatusOK, "", nil)
}

func (h *Handler) twoFactorEnable(w http.ResponseWriter, r *http.Request, u *user.User) {
	if !h.parseSmallForm(w, r) {
		return
	}
	codes, err := h.Auth.EnableTwoFactor(r.Context(), u, r.PostForm.Get("code"), clientaddr.IP(r))
	if err != nil {
		p := h.newPage(r, u, "admin.twofactor.title", "account")
		status := http.StatusUnprocessableEntity
		switch {
		case rateLimited(w, p, err):
			status = http.StatusTooManyRequests
		case errors.Is(err, user.ErrBadCode):
			p.Error = p.T("admin.code.bad")
		case errors.Is(err, user.ErrTwoFactorOn), errors.Is(err, user.ErrTwoFactorOff):
			http.Redirect(w, r, "/admin/account/2fa/", http.StatusSeeOther)
			return
		default:
			h.serverError(w, r, u, err)
			return
		}
		h.renderTwoFactor(w, r, u, status, p.Error, nil)
		return
	}
	h.record(r.Context(), u, "user.2fa_enabled", "user", u.ID, "")
	// The codes are in this answer only; nothing keeps them.
	h.renderTwoFactor(w, r, u, http.StatusOK, "", codes)
}

// passwordError turns a refused password check into a message and status.
func (h *Handler) passwordError(w http.ResponseWriter, r *http.Request, u *user.User, err error) (int, string, bool) {
	p := h.newPage(r, u, "admin.twofactor.title", "account")
	switch {
	case rateLimited(w, p, err):
		return http.StatusTooManyRequests, p.Error, true
	case errors.Is(err, user.ErrBadLogin):
		return http.StatusUnprocessableEntity, p.T("admin.account.wrong_current"), true
	case errors.Is(err, user.ErrTwoFactorOff):
		return http.StatusUnprocessableEntity, p.T("admin.twofactor.off"), true
	}
	return 0, "", false
}

func (h *Handler) twoFactorDisable(w http.ResponseWriter, r *http.Request, u *user.User) {
	if !h.parseSmallForm(w, r) {
		return
	}
	if err := h.Auth.DisableTwoFactor(r.Context(), u, r.PostForm.Get("password"), clientaddr.IP(r)); err != nil {
		if status, msg, ok := h.passwordError(w, r, u, err); ok {
			h.renderTwoFactor(w, r, u, status, msg, nil)
			return
		}
		h.serverError(w, r, u, err)
		return
	}
	h.record(r.Context(), u, "user.2fa_disabled", "user", u.ID, "")
	http.Redirect(w, r, "/admin/account/?done=twofactor_off", http.StatusSeeOther)
}

func (h *Handler) twoFactorRecovery(w http.ResponseWriter, r *http.Request, u *user.User) {
	if !h.parseSmallForm(w, r) {
		return
	}
	codes, err := h.Auth.NewRecoveryCodes(r.Context(), u, r.PostForm.Get("password"), clientaddr.IP(r))
	if err != nil {
		if status, msg, ok := h.passwordError(w, r, u, err); ok {
			h.renderTwoFactor(w, r, u, status, msg, nil)
			return
		}
		h.serverError(w, r, u, err)
		return
	}
	h.record(r.Context(), u, "user.recovery_codes", "user", u.ID, "")
	h.renderTwoFactor(w, r, u, http.StatusOK, "", codes)
}

// twoFactorRequire switches the site's requirement for admins (admins only).
func (h *Handler) twoFactorRequire(w http.ResponseWriter, r *http.Request, u *user.User) {
	if !u.Role.Can(user.ManageSettings) || h.Settings == nil {
		h.errorPage(w, r, u, http.StatusForbidden)
		return
	}
	if !h.parseSmallForm(w, r) {
		return
	}
	on := r.PostForm.Get("require") != ""
	if err := h.Settings.SetSetting(r.Context(), user.SettingRequire2FAAdmins, strconv.FormatBool(on)); err != nil {
		h.serverError(w, r, u, err)
		return
	}
	h.record(r.Context(), u, "settings.require_2fa_admins", "setting", 0, strconv.FormatBool(on))
	done := "twofactor_policy_off"
	if on {
		done = "twofactor_policy_on"
	}
	http.Redirect(w, r, "/admin/account/2fa/?done="+done, http.StatusSeeOther)
}
