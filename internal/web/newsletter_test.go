package web_test

import (
	"bytes"
	"context"
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
	"sync/atomic"
	"testing"
	"time"

	"github.com/masthead-news/masthead/internal/antispam"
	"github.com/masthead-news/masthead/internal/content"
	"github.com/masthead-news/masthead/internal/edition"
	"github.com/masthead-news/masthead/internal/mail"
	"github.com/masthead-news/masthead/internal/mail/mailtest"
	"github.com/masthead-news/masthead/internal/media"
	"github.com/masthead-news/masthead/internal/newsletter"
	"github.com/masthead-news/masthead/internal/web"
)

// newsletterSite is the demo site with a newsletter whose mail goes to an
// in-process SMTP server.
type newsletterSite struct {
	handler *web.Server
	svc     *newsletter.Service
	box     *mail.Outbox
	smtp    *mail.SMTP
	srv     *mailtest.Server
	// later is how far the spam guard's clock runs ahead of the real one
	// (nanoseconds), so tests need not wait out the forms' minimum delay.
	later atomic.Int64
}

// wait moves the spam guard's clock past the forms' minimum delay, as a
// reader takes a few seconds between opening a page and sending a form.
func (ns *newsletterSite) wait() {
	ns.later.Add(int64(antispam.Defaults().MinDelay + time.Second))
}

// subscribe posts the subscribe form of an edition as a reader's browser
// does: with a token of the form, sent a few seconds after the page.
func (ns *newsletterSite) subscribe(t *testing.T, path, edition string, form url.Values) (*http.Response, string) {
	t.Helper()
	form.Set("token", ns.svc.Token(edition))
	ns.wait()
	return ns.do(t, "POST", path, form)
}

func startNewsletter(t *testing.T) *newsletterSite {
	t.Helper()
	ns := &newsletterSite{srv: mailtest.Start(t, mailtest.Options{})}
	s, err := mail.NewSMTP(ns.srv.URL("", ""), "Newsroom <news@example.org>")
	if err != nil {
		t.Fatal(err)
	}
	logger := slog.New(slog.NewTextHandler(testLog(), nil))
	ns.smtp = s
	ns.box = mail.NewOutbox(site.store, s, logger)
	secret, err := antispam.DecodeSecret(antispam.NewSecret())
	if err != nil {
		t.Fatal(err)
	}
	guard, err := antispam.NewGuard(secret, site.store)
	if err != nil {
		t.Fatal(err)
	}
	guard.Now = func() time.Time { return time.Now().Add(time.Duration(ns.later.Load())) }
	ns.svc = &newsletter.Service{Store: site.store, Editions: site.store, Articles: site.store, Mail: ns.box, Guard: guard,
		SiteURL: "https://news.example.org", ArticlePath: web.ArticlePath, Logger: logger}
	ns.handler, err = web.New(context.Background(), web.Deps{Content: site.store, Media: site.store, Blob: media.LocalBlob{Root: t.TempDir()},
		Editions: site.store, Ready: site.store.Ping, Logger: logger, BaseURL: "https://news.example.org", Newsletter: ns.svc})
	if err != nil {
		t.Fatal(err)
	}
	return ns
}

func (ns *newsletterSite) do(t *testing.T, method, target string, form url.Values, header ...string) (*http.Response, string) {
	t.Helper()
	var body io.Reader
	if form != nil {
		body = strings.NewReader(form.Encode())
	}
	req := httptest.NewRequest(method, target, body)
	req.RemoteAddr = "203.0.113.50:4711"
	if form != nil {
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	}
	for i := 0; i+1 < len(header); i += 2 {
		req.Header.Set(header[i], header[i+1])
	}
	rec := httptest.NewRecorder()
	ns.handler.ServeHTTP(rec, req)
	b, _ := io.ReadAll(rec.Result().Body)
	return rec.Result(), string(b)
}

// deliver sends what the outbox holds and returns the next captured mail.
func (ns *newsletterSite) deliver(t *testing.T) (netmail.Header, string, string) {
	t.Helper()
	if _, err := ns.box.RunOnce(t.Context()); err != nil {
		t.Fatal(err)
	}
	return splitMail(t, ns.srv.Next(t).Data)
}

func splitMail(t *testing.T, data []byte) (h netmail.Header, text, html string) {
	t.Helper()
	m, err := netmail.ReadMessage(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	_, params, _ := mime.ParseMediaType(m.Header.Get("Content-Type"))
	mr := multipart.NewReader(m.Body, params["boundary"])
	for {
		p, err := mr.NextRawPart()
		if err != nil {
			break
		}
		b, _ := io.ReadAll(quotedprintable.NewReader(p))
		if strings.HasPrefix(p.Header.Get("Content-Type"), "text/html") {
			html = string(b)
		} else {
			text = string(b)
		}
	}
	return m.Header, text, html
}

func (ns *newsletterSite) status(t *testing.T, email string) string {
	t.Helper()
	list, err := ns.svc.SubscriberData(t.Context(), email)
	if err != nil || len(list) != 1 {
		t.Fatalf("subscriber %s: %v %v", email, list, err)
	}
	return list[0].Status
}

// TestSubscribeConfirmFromTheMailAndUnsubscribeWithOneClick is issue 6's
// "done when": a subscription confirmed through the link that the test
// SMTP server captured, then ended by the RFC 8058 one-click POST.
func TestSubscribeConfirmFromTheMailAndUnsubscribeWithOneClick(t *testing.T) {
	ns := startNewsletter(t)
	const email = "one-click@example.org"

	// Every page shows the form, in the sidebar, the footer and under articles.
	_, home := ns.do(t, "GET", "/fa/", nil)
	// Its token does not make every rendering differ: with no cache at all,
	// the page's bytes (and so its ETag) stay the same.
	if _, again := ns.do(t, "GET", "/fa/", nil); again != home {
		t.Error("two renderings of the home differ")
	}
	for _, id := range []string{`id="subscribe-sidebar-email"`, `id="subscribe-footer-email"`, `action="/fa/newsletter/subscribe/"`, `name="website"`} {
		if !strings.Contains(home, id) {
			t.Fatalf("the Persian home lacks %s", id)
		}
	}
	list, _ := site.store.ListArticles(t.Context(), content.ArticleFilter{Edition: "fa", Status: content.Published, Limit: 1})
	if _, art := ns.do(t, "GET", web.ArticlePath(mustEdition(t, "fa"), list[0]), nil); !strings.Contains(art, `id="subscribe-article-email"`) {
		t.Fatal("an article lacks the form under it")
	}

	res, body := ns.subscribe(t, "/fa/newsletter/subscribe/", "fa", url.Values{"email": {email}, "website": {""}})
	if res.StatusCode != 200 || !strings.Contains(body, "صندوق ایمیل خود را ببینید") || res.Header.Get("Cache-Control") != "no-store" {
		t.Fatalf("subscribe: %d %s", res.StatusCode, body)
	}
	// The same answer for an address that is already subscribed (below) and for
	// a new one: nothing tells a stranger who subscribes.
	h, text, html := ns.deliver(t)
	if h.Get("Content-Language") != "fa" || !strings.Contains(html, `dir="rtl"`) {
		t.Errorf("the confirmation mail is not Persian: %v", h)
	}
	m := regexp.MustCompile(`https://news\.example\.org(/fa/newsletter/confirm/\?t=[0-9a-f]{48})`).FindStringSubmatch(text)
	if m == nil {
		t.Fatalf("no confirmation link in the mail:\n%s", text)
	}
	// A mail scanner fetching the link confirms nothing: the page has a button.
	res, body = ns.do(t, "GET", m[1], nil)
	if res.StatusCode != 200 || !strings.Contains(body, `action="/fa/newsletter/confirm/"`) || ns.status(t, email) != newsletter.Pending {
		t.Fatalf("the confirmation page: %d, status %s", res.StatusCode, ns.status(t, email))
	}
	token := m[1][strings.Index(m[1], "?t=")+3:]
	// A forged cross-site POST cannot confirm on a reader's behalf.
	if res, _ := ns.do(t, "POST", "/fa/newsletter/confirm/", url.Values{"t": {token}}, "Sec-Fetch-Site", "cross-site", "Origin", "https://evil.example"); res.StatusCode != http.StatusForbidden {
		t.Errorf("a cross-site confirmation: %d", res.StatusCode)
	}
	res, body = ns.do(t, "POST", "/fa/newsletter/confirm/", url.Values{"t": {token}}, "Sec-Fetch-Site", "same-origin")
	if res.StatusCode != 200 || !strings.Contains(body, "عضویت تأیید شد") || ns.status(t, email) != newsletter.Confirmed {
		t.Fatalf("confirming: %d %s", res.StatusCode, ns.status(t, email))
	}
	if res, _ := ns.do(t, "GET", m[1], nil); res.StatusCode != http.StatusNotFound {
		t.Errorf("a used link still shows a button: %d", res.StatusCode)
	}
	if _, again := ns.subscribe(t, "/fa/newsletter/subscribe/", "fa", url.Values{"email": {email}}); !strings.Contains(again, "صندوق ایمیل خود را ببینید") {
		t.Error("subscribing a confirmed address answers differently")
	}

	// An issue reaches the subscriber with RFC 8058 headers.
	c, err := ns.svc.SaveCampaign(t.Context(), 0, newsletter.CampaignInput{Edition: "fa", Subject: "خبرنامهٔ آزمایشی", ArticleIDs: []int64{list[0].ID}})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := ns.svc.Start(t.Context(), c.ID); err != nil {
		t.Fatal(err)
	}
	w := &newsletter.Sender{Service: ns.svc, SMTP: ns.smtp, Rate: 100}
	for {
		n, err := w.RunOnce(t.Context())
		if err != nil {
			t.Fatal(err)
		}
		if n == 0 {
			break
		}
	}
	var issue netmail.Header
	for _, r := range ns.srv.Pending() {
		if r.To[0] == email {
			issue, _, _ = splitMail(t, r.Data)
		}
	}
	if issue == nil {
		t.Fatal("the subscriber got no issue")
	}
	lu := strings.Trim(issue.Get("List-Unsubscribe"), "<>")
	if issue.Get("List-Unsubscribe-Post") != "List-Unsubscribe=One-Click" || !strings.HasPrefix(lu, "https://news.example.org/fa/newsletter/unsubscribe/?t=") {
		t.Fatalf("List-Unsubscribe %q", lu)
	}
	// The mail provider's one-click POST: no cookie, no form token, and the
	// browser headers of a cross-site request, which every other POST refuses.
	u, _ := url.Parse(lu)
	res, _ = ns.do(t, "POST", u.RequestURI(), url.Values{"List-Unsubscribe": {"One-Click"}}, "Sec-Fetch-Site", "cross-site", "Origin", "https://mail.example.com")
	if res.StatusCode != 200 || ns.status(t, email) != newsletter.Unsubscribed {
		t.Fatalf("one-click unsubscribe: %d, status %s", res.StatusCode, ns.status(t, email))
	}
	// Its GET shows a button and changes nothing; a second POST is fine.
	if res, body := ns.do(t, "GET", u.RequestURI(), nil); res.StatusCode != 200 || !strings.Contains(body, `action="/fa/newsletter/unsubscribe/"`) {
		t.Errorf("the unsubscribe page: %d", res.StatusCode)
	}
	if res, _ := ns.do(t, "POST", u.RequestURI(), url.Values{"List-Unsubscribe": {"One-Click"}}); res.StatusCode != 200 {
		t.Errorf("unsubscribing twice: %d", res.StatusCode)
	}
	// The exemption is that path only.
	if res, _ := ns.do(t, "POST", "/fa/newsletter/subscribe/", url.Values{"email": {"x@example.org"}}, "Sec-Fetch-Site", "cross-site", "Origin", "https://mail.example.com"); res.StatusCode != http.StatusForbidden {
		t.Errorf("a cross-site subscription: %d", res.StatusCode)
	}
	for _, bad := range []string{"/fa/newsletter/unsubscribe/?t=nothex", "/fa/newsletter/unsubscribe/?t=" + strings.Repeat("0", 48)} {
		if res, _ := ns.do(t, "POST", bad, url.Values{"List-Unsubscribe": {"One-Click"}}); res.StatusCode != http.StatusNotFound {
			t.Errorf("%s: %d", bad, res.StatusCode)
		}
	}
}

func TestSubscribeFormRefusalsSayWhyInTheEditionsLanguage(t *testing.T) {
	ns := startNewsletter(t)
	res, body := ns.subscribe(t, "/newsletter/subscribe/", "en", url.Values{"email": {`<script>alert(1)</script>@x`}})
	if res.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(body, "This is not an email address") || strings.Contains(body, "<script>alert(1)") {
		t.Fatalf("a bad address: %d", res.StatusCode)
	}
	res, body = ns.subscribe(t, "/sq/newsletter/subscribe/", "sq", url.Values{"email": {""}})
	if res.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(body, "Ju lutemi shkruani adresën") {
		t.Fatalf("no address in Albanian: %d", res.StatusCode)
	}
	res, _ = ns.subscribe(t, "/newsletter/subscribe/", "en", url.Values{"email": {"bot@example.org"}, "website": {"https://spam.example"}})
	if res.StatusCode != http.StatusUnprocessableEntity {
		t.Errorf("the honeypot: %d", res.StatusCode)
	}
	if list, _ := ns.svc.SubscriberData(t.Context(), "bot@example.org"); len(list) != 0 {
		t.Error("a honeypot hit was stored")
	}
	// A bot posting without the page's token, or at once, is refused, and
	// the refusal page carries a fresh token for a person to try again.
	res, body = ns.do(t, "POST", "/newsletter/subscribe/", url.Values{"email": {"no-token@example.org"}})
	fresh := regexp.MustCompile(`name="token" value="([^"]+)" data-refresh="/form-token/subscribe/en"`).FindStringSubmatch(body)
	if res.StatusCode != http.StatusUnprocessableEntity || fresh == nil || fresh[1] == ns.svc.PageToken("en") {
		t.Errorf("no token: %d; the refusal's form must carry a token of the reader's own", res.StatusCode)
	}
	res, _ = ns.do(t, "POST", "/newsletter/subscribe/", url.Values{"email": {"hurried@example.org"}, "token": {ns.svc.Token("en")}})
	if res.StatusCode != http.StatusUnprocessableEntity {
		t.Errorf("a form sent at once: %d", res.StatusCode)
	}
	for _, e := range []string{"no-token@example.org", "hurried@example.org"} {
		if list, _ := ns.svc.SubscriberData(t.Context(), e); len(list) != 0 {
			t.Errorf("%s was stored", e)
		}
	}
	// The page's script fetches the reader's own token.
	if res, tok := ns.do(t, "GET", "/form-token/subscribe/fa", nil); res.StatusCode != 200 || res.Header.Get("Cache-Control") != "no-store" || !strings.Contains(tok, ".") {
		t.Errorf("the token endpoint: %d %q", res.StatusCode, tok)
	}
	var limited bool
	for i := range 8 {
		res, _ := ns.subscribe(t, "/newsletter/subscribe/", "en", url.Values{"email": {"r" + string(rune('a'+i)) + "@example.org"}})
		if res.StatusCode == http.StatusTooManyRequests {
			limited = res.Header.Get("Retry-After") != ""
			break
		}
	}
	if !limited {
		t.Error("no rate limit per address")
	}
}

func mustEdition(t *testing.T, code string) *edition.Edition {
	t.Helper()
	eds, err := site.store.Editions(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	for i := range eds {
		if eds[i].Code == code {
			return &eds[i]
		}
	}
	t.Fatalf("no edition %s", code)
	return nil
}
