package admin_test

import (
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/masthead-news/masthead/internal/browsertest"
)

// TestReadersOfOneCachedPageEachGetTheirOwnToken: a page with a form is
// cached and shared, and form tokens are single-use. When a reader touches
// the form, the site's script fetches a token of their own, so the token
// in the shared page is still unused for the next reader.
func TestReadersOfOneCachedPageEachGetTheirOwnToken(t *testing.T) {
	t.Parallel()
	s := newSite(t)
	a, path := s.openArticle(t, "Two readers, one page")
	reader := s.client(t)
	shared := s.formToken(t, reader, path) // what the cached page carries

	// The endpoint: a new token each time, never cached, only for our forms.
	fresh := func(p string) (*http.Response, string) { return s.get(t, reader, p) }
	res, one := fresh("/form-token/comment/" + strconv.FormatInt(a.ID, 10))
	_, two := fresh("/form-token/comment/" + strconv.FormatInt(a.ID, 10))
	if res.StatusCode != http.StatusOK || one == "" || one == two || one == shared || res.Header.Get("Cache-Control") != "no-store" {
		t.Fatalf("form token: %d %q %q (cache-control %q)", res.StatusCode, one, two, res.Header.Get("Cache-Control"))
	}
	for _, p := range []string{"/form-token/comment/x", "/form-token/admin/1", "/form-token/contact/xx"} {
		if res, _ := fresh(p); res.StatusCode != http.StatusNotFound {
			t.Errorf("GET %s: %d, want 404", p, res.StatusCode)
		}
	}

	// A reader in a browser: focusing the form swaps the token.
	ctx := browsertest.Tab(t, 60*time.Second)
	err := chromedp.Do(ctx, chromedp.Navigate(s.server.URL+path), chromedp.WaitVisible(chromedp.CSS("#comment-name")))
	if err != nil {
		t.Fatal(err)
	}
	before, err := chromedp.Run(ctx, chromedp.Value(chromedp.CSS("input[name=token]")))
	if err != nil {
		t.Fatal(err)
	}
	// Focus on the send button (a press whose click has not come yet) keeps
	// the page's token: a swap dated now would make the click "too fast".
	if err := chromedp.Do(ctx, chromedp.Focus(chromedp.CSS(".comment-form button[type=submit]"))); err != nil {
		t.Fatal(err)
	}
	time.Sleep(time.Second)
	if kept, err := chromedp.Run(ctx, chromedp.Value(chromedp.CSS("input[name=token]"))); err != nil || kept != before {
		t.Fatalf("focusing the send button swapped the page's token (%v)", err)
	}
	if err := chromedp.Do(ctx, chromedp.Focus(chromedp.CSS("#comment-name"))); err != nil {
		t.Fatal(err)
	}
	after := before
	for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline) && after == before; time.Sleep(100 * time.Millisecond) {
		if after, err = chromedp.Run(ctx, chromedp.Value(chromedp.CSS("input[name=token]"))); err != nil {
			t.Fatal(err)
		}
	}
	if after == before || after == "" {
		t.Fatalf("focusing the form kept the page's token %q", before)
	}
	s.formShift.Add(int64(5 * time.Second))
	err = chromedp.Do(ctx,
		chromedp.SetValue(chromedp.CSS("#comment-name"), "First Reader"),
		chromedp.SetValue(chromedp.CSS("#comment-email"), "first@example.org"),
		chromedp.SetValue(chromedp.CSS("#comment-body"), "The first of two readers of this page."),
	)
	if err == nil {
		err = sendForm(ctx, ".comment-form button[type=submit]")
	}
	if err != nil {
		t.Fatalf("the first reader's comment: %v", err)
	}

	// The second reader sends the token of the shared page: still unused.
	res, body := s.comment(t, reader, path, url.Values{"token": {shared}, "name": {"Second Reader"},
		"email": {"second@example.org"}, "body": {"The second reader of the same cached page."}})
	if res.StatusCode != http.StatusSeeOther || strings.Contains(body, "already") {
		t.Fatalf("the second reader's comment: %d\n%s", res.StatusCode, body)
	}
}
