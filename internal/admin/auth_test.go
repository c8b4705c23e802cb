package admin_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/masthead-news/masthead/internal/admin"
	"github.com/masthead-news/masthead/internal/user"
)

func cookie(c *http.Client, base string) string {
	u, _ := url.Parse(base)
	for _, ck := range c.Jar.Cookies(u) {
		if ck.Name == admin.CookieName {
			return ck.Value
		}
	}
	return ""
}

func TestSignInRotatesTheSessionAndSurvivesARestartOfTheHandler(t *testing.T) {
	t.Parallel()
	s := newSite(t)
	c := s.client(t)
	// A session cookie from before sign-in is replaced.
	res := s.post(t, c, "/admin/login", url.Values{"email": {"editor@example.org"}, "password": {password}})
	first := cookie(c, s.server.URL)
	if res.StatusCode != http.StatusSeeOther || first == "" {
		t.Fatalf("login: %d, cookie %q", res.StatusCode, first)
	}
	for _, h := range res.Header["Set-Cookie"] {
		if strings.HasPrefix(h, admin.CookieName) && (!strings.Contains(h, "HttpOnly") || !strings.Contains(h, "SameSite=Lax")) {
			t.Errorf("session cookie lacks HttpOnly or SameSite: %s", h)
		}
	}
	s.post(t, c, "/admin/login", url.Values{"email": {"editor@example.org"}, "password": {password}})
	second := cookie(c, s.server.URL)
	if second == first {
		t.Fatal("the session id did not change at sign-in")
	}
	// The first session is gone: its token no longer opens the admin.
	old := s.client(t)
	u, _ := url.Parse(s.server.URL)
	old.Jar.SetCookies(u, []*http.Cookie{{Name: admin.CookieName, Value: first, Path: "/"}})
	if res, _ := s.get(t, old, "/admin/"); res.StatusCode != http.StatusSeeOther {
		t.Errorf("the replaced session still works: %d", res.StatusCode)
	}
	// Sessions live in the database: a brand-new handler over the same
	// database accepts the current one.
	if res, _ := s.get(t, c, "/admin/"); res.StatusCode != http.StatusOK {
		t.Fatalf("current session: %d", res.StatusCode)
	}
	var n int
	if err := s.store.QueryRowForTest(t.Context(), "SELECT COUNT(*) FROM sessions", &n); err != nil || n != 1 {
		t.Fatalf("sessions in the database: %d (%v)", n, err)
	}
}

func TestWrongPasswordsAreRateLimitedPerAccount(t *testing.T) {
	t.Parallel()
	s := newSite(t)
	c := s.client(t)
	for i := 0; i < user.MaxFailsAccount; i++ {
		res, body := s.postBody(t, c, "/admin/login", url.Values{"email": {"author@example.org"}, "password": {"wrong password"}})
		if res.StatusCode != http.StatusUnauthorized || !strings.Contains(body, "The email address or the password is wrong.") {
			t.Fatalf("attempt %d: %d", i, res.StatusCode)
		}
	}
	res, body := s.postBody(t, c, "/admin/login", url.Values{"email": {"author@example.org"}, "password": {password}})
	if res.StatusCode != http.StatusTooManyRequests || res.Header.Get("Retry-After") == "" || !strings.Contains(body, "Too many failed attempts") {
		t.Fatalf("after %d failures even the right password: %d", user.MaxFailsAccount, res.StatusCode)
	}
	// Other accounts are not locked out by one account's failures.
	if res := s.post(t, c, "/admin/login", url.Values{"email": {"editor@example.org"}, "password": {password}}); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("another account: %d", res.StatusCode)
	}
}

func TestLogoutEverywhereAndPasswordChange(t *testing.T) {
	t.Parallel()
	s := newSite(t)
	laptop, phone := s.login(t, user.Editor), s.login(t, user.Editor)
	if res := s.post(t, laptop, "/admin/account/logout-everywhere", nil); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("logout everywhere: %d", res.StatusCode)
	}
	if res, _ := s.get(t, phone, "/admin/"); res.StatusCode != http.StatusSeeOther {
		t.Error("the other device is still signed in")
	}
	if res, _ := s.get(t, laptop, "/admin/"); res.StatusCode != http.StatusOK {
		t.Error("the device that asked was signed out too")
	}
	res, body := s.postBody(t, laptop, "/admin/account/password", url.Values{"current": {"nope"}, "new": {"a new long password"}, "confirm": {"a new long password"}})
	if res.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(body, "The current password is wrong.") {
		t.Fatalf("wrong current password: %d", res.StatusCode)
	}
	res, _ = s.postBody(t, laptop, "/admin/account/password", url.Values{"current": {password}, "new": {"short"}, "confirm": {"short"}})
	if res.StatusCode != http.StatusUnprocessableEntity {
		t.Fatalf("short password: %d", res.StatusCode)
	}
	if res := s.post(t, laptop, "/admin/account/password", url.Values{"current": {password}, "new": {"a new long password"}, "confirm": {"a new long password"}}); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("password change: %d", res.StatusCode)
	}
	fresh := s.client(t)
	if res := s.post(t, fresh, "/admin/login", url.Values{"email": {"editor@example.org"}, "password": {"a new long password"}}); res.StatusCode != http.StatusSeeOther {
		t.Fatal("the new password does not sign in")
	}
	if res := s.post(t, s.client(t), "/admin/login", url.Values{"email": {"editor@example.org"}, "password": {password}}); res.StatusCode == http.StatusSeeOther {
		t.Fatal("the old password still signs in")
	}
	if res := s.post(t, fresh, "/admin/logout", nil); res.StatusCode != http.StatusSeeOther {
		t.Fatal("logout")
	}
	if res, _ := s.get(t, fresh, "/admin/"); res.StatusCode != http.StatusSeeOther {
		t.Error("still signed in after logout")
	}
}

func TestCrossOriginPostsAreRefused(t *testing.T) {
	t.Parallel()
	s := newSite(t)
	c := s.login(t, user.Editor)
	before := s.count(t)
	req, _ := http.NewRequest("POST", s.server.URL+"/admin/articles/new", strings.NewReader(articleForm(s, "en", "Forged", "publish").Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("Origin", "https://attacker.example")
	req.Header.Set("Sec-Fetch-Site", "cross-site")
	res, err := c.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode != http.StatusForbidden || s.count(t) != before {
		t.Fatalf("cross-origin POST: %d, articles %d → %d", res.StatusCode, before, s.count(t))
	}
}
