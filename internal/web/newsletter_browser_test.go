package web_test

import (
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/masthead-news/masthead/internal/browsertest"
	"github.com/masthead-news/masthead/internal/content"
	"github.com/masthead-news/masthead/internal/newsletter"
)

// TestNewsletterInABrowser subscribes from the footer form of the Persian
// edition by typing and pressing the button, confirms through the link in
// the captured mail, and opens a sent issue's HTML, in English and Persian,
// at desktop and phone widths (screenshots in testoutput/screenshots/).
func TestNewsletterInABrowser(t *testing.T) {
	ns := startNewsletter(t)
	srv := httptest.NewServer(ns.handler)
	defer srv.Close()
	out := browsertest.OutputDir(t)
	ctx := browsertest.Tab(t, 90*time.Second)
	save := func(name string) {
		t.Helper()
		b, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
		if err != nil {
			t.Fatal(err)
		}
		os.WriteFile(filepath.Join(out, "newsletter-"+name+".png"), b, 0o644)
	}
	const email = "browser-reader@example.org"
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(1280, 900), chromedp.Navigate(srv.URL+"/fa/"),
		chromedp.WaitVisible(chromedp.CSS("#subscribe-footer-email"))); err != nil {
		t.Fatal(err)
	}
	const tokenField = `.subscribe-footer input[name="token"]`
	cached, err := chromedp.Run(ctx, chromedp.Value(chromedp.CSS(tokenField)))
	if err != nil || cached == "" {
		t.Fatalf("the form has no token: %q %v", cached, err)
	}
	if err := chromedp.Do(ctx, chromedp.SendKeys(chromedp.CSS("#subscribe-footer-email"), email)); err != nil {
		t.Fatal(err)
	}
	// site.js fetched the reader's own token when the field got focus.
	if _, err := chromedp.Run(ctx, chromedp.Poll[bool](`document.querySelector('`+tokenField+`').value !== "`+cached+`"`)); err != nil {
		t.Fatalf("the token was not refreshed: %v", err)
	}
	ns.wait() // the reader took a few seconds
	if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS(".subscribe-footer .subscribe-button")),
		chromedp.WaitVisible(chromedp.CSS(".newsletter-page"))); err != nil {
		t.Fatal(err)
	}
	text, _ := chromedp.Run(ctx, chromedp.Text(chromedp.CSS("main")))
	if !strings.Contains(text, "صندوق ایمیل خود را ببینید") {
		t.Fatalf("after subscribing: %q", text)
	}
	save("fa-subscribed")
	_, body, _ := ns.deliver(t)
	m := regexp.MustCompile(`https://news\.example\.org(/fa/newsletter/confirm/\?t=[0-9a-f]{48})`).FindStringSubmatch(body)
	if m == nil {
		t.Fatal("no link in the mail")
	}
	if err := chromedp.Do(ctx, chromedp.Navigate(srv.URL+m[1]), chromedp.WaitVisible(chromedp.CSS(".newsletter-action button"))); err != nil {
		t.Fatal(err)
	}
	save("fa-confirm")
	if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS(".newsletter-action button")), chromedp.WaitVisible(chromedp.CSS(".newsletter-message"))); err != nil {
		t.Fatal(err)
	}
	// The confirm page has a message of its own, so the wait above may end
	// before the POST's answer arrives: give the POST its time.
	for deadline := time.Now().Add(10 * time.Second); ns.status(t, email) != newsletter.Confirmed; time.Sleep(50 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatal("the button did not confirm")
		}
	}
	if err := chromedp.Do(ctx, chromedp.WaitReady(chromedp.CSS("body"))); err != nil {
		t.Fatal(err)
	}
	save("fa-confirmed")

	// The issue itself, as mail clients show it, in both directions.
	issues := map[string]string{}
	for _, ed := range []string{"en", "fa"} {
		list, _ := site.store.ListArticles(t.Context(), content.ArticleFilter{Edition: ed, Status: content.Published, Limit: 3})
		var ids []int64
		for _, a := range list {
			ids = append(ids, a.ID)
		}
		subject := map[string]string{"en": "This week in the newsroom", "fa": "این هفته در تحریریه"}[ed]
		c, err := ns.svc.SaveCampaign(t.Context(), 0, newsletter.CampaignInput{Edition: ed, Subject: subject, Intro: map[string]string{"en": "Three stories we think you should not miss.", "fa": "سه گزارشی که نباید از دستشان بدهید."}[ed], ArticleIDs: ids})
		if err != nil {
			t.Fatal(err)
		}
		html, _, err := ns.svc.Render(t.Context(), c)
		if err != nil {
			t.Fatal(err)
		}
		issues[ed] = html
	}
	mailSrv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Write([]byte(issues[strings.Trim(r.URL.Path, "/")]))
	}))
	defer mailSrv.Close()
	for _, ed := range []string{"en", "fa"} {
		for _, w := range []struct {
			name string
			w    int64
		}{{"desktop", 1280}, {"phone", 390}} {
			if err := chromedp.Do(ctx, chromedp.EmulateViewport(w.w, 900), chromedp.Navigate(mailSrv.URL+"/"+ed), chromedp.WaitReady(chromedp.CSS("h1"))); err != nil {
				t.Fatal(err)
			}
			dir, _ := chromedp.Run(ctx, chromedp.Evaluate[string](`getComputedStyle(document.querySelector("h1")).direction`))
			if want := map[string]string{"en": "ltr", "fa": "rtl"}[ed]; dir != want {
				t.Errorf("%s issue: direction %q", ed, dir)
			}
			save("issue-" + ed + "-" + w.name)
		}
	}
	// The forms under an article and in the sidebar, on a phone.
	list, _ := site.store.ListArticles(t.Context(), content.ArticleFilter{Edition: "en", Status: content.Published, Limit: 1})
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(390, 900), chromedp.Navigate(srv.URL+pathOf(t, list[0], "")), chromedp.WaitVisible(chromedp.CSS("#subscribe-article-email"))); err != nil {
		t.Fatal(err)
	}
	overflow, _ := chromedp.Run(ctx, chromedp.Evaluate[bool](`document.documentElement.scrollWidth > window.innerWidth + 1`))
	if overflow {
		t.Error("the article with its subscribe forms scrolls sideways on a phone")
	}
	save("en-article-phone")
}
