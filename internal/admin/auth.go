package admin

import (
	"errors"
	"github.com/masthead-news/masthead/internal/clientaddr"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"github.com/masthead-news/masthead/internal/i18n"
	"github.com/masthead-news/masthead/internal/user"
)

func urlQueryEscape(s string) string { return url.QueryEscape(s) }

type loginData struct {
	*page
	Email string
	Next  string
}

// safeNext keeps a post-login redirect inside the admin.
func safeNext(next string) string {
	if strings.HasPrefix(next, "/admin/") && !strings.HasPrefix(next, "//") && !strings.Contains(next, "\\") {
		return next
	}
	return "/admin/"
}

func (h *Handler) loginPage(r *http.Request) *page {
	p := h.newPage(r, nil, "admin.login.title", "")
	if r.URL.Query().Get("lang") == "" {
		// Speak the browser's language on the sign-in form when we can.
		for _, part := range strings.Split(r.Header.Get("Accept-Language"), ",") {
			tag, _, _ := strings.Cut(strings.TrimSpace(strings.SplitN(part, ";", 2)[0]), "-")
			if loc, err := i18n.New(strings.ToLower(tag), i18n.Options{Calendar: i18n.Gregorian}); err == nil {
				p.L, p.Title = loc, loc.T("admin.login.title")
				break
			}
		}
	}
	return p
}

func (h *Handler) loginForm(w http.ResponseWriter, r *http.Request) {
	h.render(w, r, http.StatusOK, "login.html", &loginData{page: h.loginPage(r), Next: safeNext(r.URL.Query().Get("next"))})
}

func (h *Handler) login(w http.ResponseWriter, r *http.Request) {
	r.Body = http.MaxBytesReader(w, r.Body, 16<<10)
	if err := r.ParseForm(); err != nil {
		http.Error(w, "Bad form.", http.StatusBadRequest)
		return
	}
	email := strings.TrimSpace(r.PostForm.Get("email"))
	next := safeNext(r.PostForm.Get("next"))
	u, token, err := h.Auth.Login(r.Context(), email, r.PostForm.Get("password"), clientaddr.IP(r))
	if errors.Is(err, user.ErrTwoFactorRequired) {
		h.startSecondStep(w, r, token, next) // no session until the code is right (security.go)
		return
	}
	if err != nil {
		p := h.loginPage(r)
		status := http.StatusUnauthorized
		var rl *user.RateLimitError
		switch {
		case errors.As(err, &rl):
			status = http.StatusTooManyRequests
			w.Header().Set("Retry-After", strconv.Itoa(int(rl.RetryAfter.Seconds())+1))
			p.Error = p.T("admin.login.rate_limited", int(rl.RetryAfter.Minutes())+1)
		case errors.Is(err, user.ErrBadLogin):
			p.Error = p.T("admin.login.bad")
		default:
			h.serverError(w, r, nil, err)
			return
		}
		h.record(r.Context(), nil, "user.login_failed", "user", 0, email)
		h.render(w, r, status, "login.html", &loginData{page: p, Email: email, Next: next})
		return
	}
	// Rotate: the session the browser had before (if any) ends now.
	if old, err := r.Cookie(CookieName); err == nil {
		_ = h.Auth.Logout(r.Context(), old.Value)
	}
	h.setSession(w, token)
	h.record(r.Context(), u, "user.login", "user", u.ID, "")
	http.Redirect(w, r, next, http.StatusSeeOther)
}

func (h *Handler) logout(w http.ResponseWriter, r *http.Request, u *user.User) {
	if c, err := r.Cookie(CookieName); err == nil {
		_ = h.Auth.Logout(r.Context(), c.Value)
	}
	h.clearSession(w)
	h.record(r.Context(), u, "user.logout", "user", u.ID, "")
	http.Redirect(w, r, "/admin/login", http.StatusSeeOther)
}

type accountData struct {
	*page
	Languages []langChoice
	TwoFactor bool // two-factor sign-in is on
	MailOff   bool // no mail server: reset links cannot be sent
}

type langChoice struct {
	Code, Name string
	Selected   bool
}

var languageNames = map[string]string{"en": "English", "ar": "العربية", "fa": "فارسی", "sq": "Shqip"}

func (h *Handler) account(w http.ResponseWriter, r *http.Request, u *user.User) {
	h.renderAccount(w, r, u, http.StatusOK, "")
}

func (h *Handler) renderAccount(w http.ResponseWriter, r *http.Request, u *user.User, status int, errMsg string) {
	p := h.newPage(r, u, "admin.account.title", "account")
	p.Error = errMsg
	d := &accountData{page: p, MailOff: h.Mail == nil}
	if tf, err := h.Auth.TwoFactor(r.Context(), u.ID); err == nil {
		d.TwoFactor = tf.Enabled()
	}
	for _, code := range i18n.Languages() {
		name := languageNames[code]
		if name == "" {
			name = code
		}
		d.Languages = append(d.Languages, langChoice{code, name, code == u.Locale})
	}
	h.render(w, r, status, "account.html", d)
}

func (h *Handler) accountPassword(w http.ResponseWriter, r *http.Request, u *user.User) {
	if err := r.ParseForm(); err != nil {
		http.Error(w, "Bad form.", http.StatusBadRequest)
		return
	}
	p := h.newPage(r, u, "admin.account.title", "account")
	if r.PostForm.Get("new") != r.PostForm.Get("confirm") {
		h.renderAccount(w, r, u, http.StatusUnprocessableEntity, p.T("admin.account.mismatch"))
		return
	}
	token, err := h.Auth.ChangePassword(r.Context(), u, r.PostForm.Get("current"), r.PostForm.Get("new"))
	if err != nil {
		msg := err.Error()
		if errors.Is(err, user.ErrBadLogin) {
			msg = p.T("admin.account.wrong_current")
		} else if strings.Contains(msg, "at least") {
			msg = p.T("admin.account.too_short", user.MinPasswordLength)
		}
		h.renderAccount(w, r, u, http.StatusUnprocessableEntity, msg)
		return
	}
	h.setSession(w, token)
	h.record(r.Context(), u, "user.password_change", "user", u.ID, "")
	http.Redirect(w, r, "/admin/account/?done=password", http.StatusSeeOther)
}

func (h *Handler) accountLanguage(w http.ResponseWriter, r *http.Request, u *user.User) {
	if err := r.ParseForm(); err != nil {
		http.Error(w, "Bad form.", http.StatusBadRequest)
		return
	}
	lang := r.PostForm.Get("language")
	if _, err := i18n.New(lang, i18n.Options{}); err != nil {
		h.renderAccount(w, r, u, http.StatusUnprocessableEntity, "unknown language")
		return
	}
	if err := h.Users.SetLocale(r.Context(), u.ID, lang); err != nil {
		h.serverError(w, r, u, err)
		return
	}
	http.Redirect(w, r, "/admin/account/?done=language", http.StatusSeeOther)
}

func (h *Handler) accountLogoutEverywhere(w http.ResponseWriter, r *http.Request, u *user.User) {
	token, err := h.Auth.LogoutEverywhere(r.Context(), u.ID)
	if err != nil {
		h.serverError(w, r, u, err)
		return
	}
	h.setSession(w, token)
	h.record(r.Context(), u, "user.logout_everywhere", "user", u.ID, "")
	http.Redirect(w, r, "/admin/account/?done=sessions", http.StatusSeeOther)
}
