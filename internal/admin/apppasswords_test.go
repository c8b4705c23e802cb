package admin_test

import (
	"context"
	"html"
	"net/http"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/masthead-news/masthead/internal/user"
)

// TestApplicationPasswords: an account makes a password (shown once, kept
// only as a hash), sees it listed, and revokes it; another account cannot
// revoke it, and a refused name stores nothing.
func TestApplicationPasswords(t *testing.T) {
	s := newSite(t)
	ctx := context.Background()
	c := s.login(t, user.Contributor)
	res, body := s.get(t, c, "/admin/account/")
	if res.StatusCode != 200 || !strings.Contains(body, `href="/admin/account/app-passwords/"`) {
		t.Fatalf("account screen lacks the link: %d", res.StatusCode)
	}
	res, body = s.get(t, c, "/admin/account/app-passwords/")
	if res.StatusCode != 200 || !strings.Contains(body, "no application passwords") {
		t.Fatalf("empty list: %d", res.StatusCode)
	}
	res, body = s.postBody(t, c, "/admin/account/app-passwords/", url.Values{"name": {"  "}})
	if res.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(body, "at most 100 characters") {
		t.Fatalf("blank name: %d", res.StatusCode)
	}
	res, body = s.postBody(t, c, "/admin/account/app-passwords/", url.Values{"name": {"Phone <app>"}})
	if res.StatusCode != 200 || res.Header.Get("Cache-Control") != "no-store" {
		t.Fatalf("create: %d %q", res.StatusCode, res.Header.Get("Cache-Control"))
	}
	m := regexp.MustCompile(`<code class="app-password" dir="ltr">([^<]+)</code>`).FindStringSubmatch(body)
	if m == nil {
		t.Fatal("the new password is not shown")
	}
	plain := m[1]
	if strings.Contains(body, "Phone <app>") || !strings.Contains(body, "Phone &lt;app&gt;") {
		t.Error("the name is not escaped")
	}
	list, err := s.store.AppPasswords(ctx, s.users[user.Contributor].ID)
	if err != nil || len(list) != 1 || list[0].Hash == plain || strings.Contains(list[0].Hash, strings.ReplaceAll(plain, " ", "")) {
		t.Fatalf("stored: %+v %v", list, err)
	}
	// It works for the API and is shown once only.
	auth := &user.Auth{Store: s.store}
	if u, err := auth.AppLogin(ctx, "contributor@example.org", html.UnescapeString(plain), "127.0.0.1"); err != nil || u.ID != s.users[user.Contributor].ID {
		t.Fatalf("the shown password does not sign in: %v", err)
	}
	_, body = s.get(t, c, "/admin/account/app-passwords/")
	if strings.Contains(body, plain) || !strings.Contains(body, "Phone &lt;app&gt;") {
		t.Error("the list shows the password again, or not the name")
	}
	id := strconv.FormatInt(list[0].ID, 10)
	// Another account cannot revoke it.
	other := s.login(t, user.Admin)
	if res := s.post(t, other, "/admin/account/app-passwords/"+id+"/revoke", nil); res.StatusCode != 404 {
		t.Fatalf("another account's revoke: %d", res.StatusCode)
	}
	// A cross-site form cannot revoke it either.
	req, _ := http.NewRequest("POST", s.server.URL+"/admin/account/app-passwords/"+id+"/revoke", nil)
	req.Header.Set("Sec-Fetch-Site", "cross-site")
	if res, err := c.Do(req); err != nil || res.StatusCode != http.StatusForbidden {
		t.Fatalf("cross-site revoke: %v %v", res.StatusCode, err)
	}
	res = s.post(t, c, "/admin/account/app-passwords/"+id+"/revoke", nil)
	if res.StatusCode != http.StatusSeeOther {
		t.Fatalf("revoke: %d", res.StatusCode)
	}
	_, body = s.get(t, c, res.Header.Get("Location"))
	if !strings.Contains(body, "was revoked") {
		t.Error("no confirmation after revoking")
	}
	if _, err := auth.AppLogin(ctx, "contributor@example.org", plain, "127.0.0.1"); err == nil {
		t.Fatal("a revoked password still signs in")
	}
	// Signed out: the screen is not reachable.
	if res, _ := s.get(t, s.client(t), "/admin/account/app-passwords/"); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("signed out: %d", res.StatusCode)
	}
}
