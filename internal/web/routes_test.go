package web_test

import (
	"context"
	"net/http"
	"net/http/httptest"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"github.com/masthead-news/masthead/internal/content"
)

var (
	htmlTag   = regexp.MustCompile(`<html lang="([^"]+)" dir="([^"]+)">`)
	canonical = regexp.MustCompile(`<link rel="canonical" href="([^"]+)">`)
	titleTag  = regexp.MustCompile(`<title>([^<]+)</title>`)
)

// latest returns the newest published article of an edition.
func latest(t *testing.T, edition string, offset int) *content.Article {
	t.Helper()
	list, err := site.store.ListArticles(context.Background(), content.ArticleFilter{Edition: edition, Status: content.Published, Limit: 1, Offset: offset})
	if err != nil || len(list) == 0 {
		t.Fatalf("no article in %s: %v", edition, err)
	}
	return list[0]
}

// pathOf is the canonical path of a demo article, read from its listing card.
func pathOf(t *testing.T, a *content.Article, prefix string) string {
	t.Helper()
	loc := map[string]string{"en": "UTC", "ar": "Asia/Amman", "fa": "Asia/Tehran", "sq": "Europe/Tirane"}[a.Edition]
	tz, err := timeLoad(loc)
	if err != nil {
		t.Fatal(err)
	}
	return prefix + a.PublishedAt.In(tz).Format("/2006/01/02/") + url.PathEscape(a.Slug) + "/"
}

func TestRoutes(t *testing.T) {
	en := latest(t, "en", 0)
	fa := latest(t, "fa", 0)
	enPath := pathOf(t, en, "")
	faPath := pathOf(t, fa, "/fa")
	cases := []struct {
		path     string
		status   int
		lang     string
		dir      string
		location string // for redirects
	}{
		{"/", 200, "en", "ltr", ""},
		{"/page/2/", 200, "en", "ltr", ""},
		{"/page/5/", 404, "en", "ltr", ""},
		{"/page/1/", 301, "", "", "/"},
		{"/page/0/", 404, "en", "ltr", ""},
		{"/page/01/", 404, "en", "ltr", ""},
		{"/page/x/", 404, "en", "ltr", ""},
		{"/articles/", 200, "en", "ltr", ""},
		{"/articles/page/3/", 200, "en", "ltr", ""},
		{"/articles/page/9/", 404, "en", "ltr", ""},
		{"/articles", 301, "", "", "/articles/"},
		{"/category/environment/", 200, "en", "ltr", ""},
		{"/category/environment/page/9/", 404, "en", "ltr", ""},
		{"/category/no-such-topic/", 404, "en", "ltr", ""},
		{"/tag/volunteers/", 200, "en", "ltr", ""},
		{"/tag/no-such-tag/", 404, "en", "ltr", ""},
		{"/author/amina-rahimi/", 200, "en", "ltr", ""},
		{"/author/nobody/", 404, "en", "ltr", ""},
		{"/about-us/", 200, "en", "ltr", ""},
		{"/contact-us/", 200, "en", "ltr", ""},
		{"/no-such-page/", 404, "en", "ltr", ""},
		{enPath, 200, "en", "ltr", ""},
		{"/2001/01/01/" + url.PathEscape(en.Slug) + "/", 301, "", "", enPath},
		{"/2026/01/01/no-such-article/", 404, "en", "ltr", ""},
		{"/fa" + enPath, 404, "fa", "rtl", ""}, // an English article under the Persian edition
		{"/ar/", 200, "ar", "rtl", ""},
		{"/ar/page/2/", 404, "ar", "rtl", ""},
		{"/fa/", 200, "fa", "rtl", ""},
		{"/sq/", 200, "sq", "ltr", ""},
		{"/fa", 301, "", "", "/fa/"},
		{"/fa/articles/", 200, "fa", "rtl", ""},
		{faPath, 200, "fa", "rtl", ""},
		{"/fa/author/amina-rahimi/", 200, "fa", "rtl", ""},
		{"/fa/no-such-page/", 404, "fa", "rtl", ""},
		{"/sq/rreth-nesh/", 200, "sq", "ltr", ""},
		{"/sq/category/mjedisi/", 200, "sq", "ltr", ""},
		{"/en/", 301, "", "", "/"},
		{"/en/articles/?x=1", 301, "", "", "/articles/?x=1"},
	}
	for _, tc := range cases {
		t.Run(tc.path, func(t *testing.T) {
			res, body := get(t, tc.path)
			if res.StatusCode != tc.status {
				t.Fatalf("status %d, want %d", res.StatusCode, tc.status)
			}
			if tc.location != "" {
				if got := res.Header.Get("Location"); got != tc.location {
					t.Fatalf("Location %q, want %q", got, tc.location)
				}
				return
			}
			m := htmlTag.FindStringSubmatch(body)
			if m == nil || m[1] != tc.lang || m[2] != tc.dir {
				t.Fatalf("<html> = %v, want lang=%s dir=%s", m, tc.lang, tc.dir)
			}
			if !titleTag.MatchString(body) {
				t.Error("no <title>")
			}
			if !strings.Contains(body, `<meta name="description" content="`) {
				t.Error("no meta description")
			}
			if ct := res.Header.Get("Content-Type"); ct != "text/html; charset=utf-8" {
				t.Errorf("Content-Type %q", ct)
			}
			if tc.status == 200 {
				c := canonical.FindStringSubmatch(body)
				want := "https://news.example.org" + strings.SplitN(tc.path, "?", 2)[0]
				if c == nil || c[1] != want {
					t.Errorf("canonical %v, want %s", c, want)
				}
			}
			if tc.status == 404 && !strings.Contains(body, `<meta name="robots" content="noindex">`) {
				t.Error("404 page is indexable")
			}
		})
	}
}

func TestErrorPagesSpeakTheEditionsLanguage(t *testing.T) {
	_, en := get(t, "/no-such-page/")
	_, fa := get(t, "/fa/no-such-page/")
	_, ar := get(t, "/ar/no-such-page/")
	if !strings.Contains(en, "Page not found") {
		t.Error("English 404 lacks its heading")
	}
	if strings.Contains(fa, "Page not found") || !strings.Contains(fa, "۴۰۴") {
		t.Error("Persian 404 is not in Persian with Persian digits")
	}
	if !strings.Contains(ar, "٤٠٤") {
		t.Error("Arabic 404 lacks Arabic-Indic digits")
	}
}

func TestOperations(t *testing.T) {
	for _, p := range []string{"/healthz", "/readyz"} {
		res, body := get(t, p)
		if res.StatusCode != 200 || body == "" {
			t.Errorf("%s: %d %q", p, res.StatusCode, body)
		}
	}
}

func TestSecurityHeaders(t *testing.T) {
	res, _ := get(t, "/")
	for h, want := range map[string]string{
		"X-Content-Type-Options":    "nosniff",
		"X-Frame-Options":           "DENY",
		"Referrer-Policy":           "strict-origin-when-cross-origin",
		"Strict-Transport-Security": "max-age=63072000; includeSubDomains",
	} {
		if got := res.Header.Get(h); got != want {
			t.Errorf("%s = %q, want %q", h, got, want)
		}
	}
	csp := res.Header.Get("Content-Security-Policy")
	for _, part := range []string{"default-src 'self'", "object-src 'none'", "frame-ancestors 'none'", "script-src 'self' 'sha256-"} {
		if !strings.Contains(csp, part) {
			t.Errorf("CSP %q lacks %q", csp, part)
		}
	}
	if strings.Contains(csp, "unsafe-inline") {
		t.Error("CSP allows inline script")
	}
}

func TestCrossOriginStateChangesAreRefused(t *testing.T) {
	req := httptest.NewRequest(http.MethodPost, "/", strings.NewReader("x=1"))
	req.Header.Set("Sec-Fetch-Site", "cross-site")
	rec := httptest.NewRecorder()
	site.handler.ServeHTTP(rec, req)
	if rec.Code != http.StatusForbidden {
		t.Fatalf("cross-site POST answered %d", rec.Code)
	}
}

func TestStaticAssetsAreFingerprintedAndImmutable(t *testing.T) {
	_, body := get(t, "/")
	m := regexp.MustCompile(`href="(/static/css/site\.[0-9a-f]{10}\.css)"`).FindStringSubmatch(body)
	if m == nil {
		t.Fatal("stylesheet link is not fingerprinted")
	}
	res, css := get(t, m[1])
	if res.StatusCode != 200 || !strings.Contains(res.Header.Get("Cache-Control"), "immutable") || !strings.Contains(css, "margin-inline") {
		t.Fatalf("stylesheet: %d %q", res.StatusCode, res.Header.Get("Cache-Control"))
	}
	res, _ = get(t, m[1], "If-None-Match", res.Header.Get("ETag"))
	if res.StatusCode != http.StatusNotModified {
		t.Fatalf("conditional stylesheet request: %d", res.StatusCode)
	}
	if res, _ := get(t, "/static/css/site.0000000000.css"); res.StatusCode != 404 {
		t.Fatalf("unknown asset: %d", res.StatusCode)
	}
}

func TestUploadsServeTheirRecordedType(t *testing.T) {
	a := latest(t, "en", 0)
	res, body := get(t, a.Featured.URL())
	if res.StatusCode != 200 || res.Header.Get("Content-Type") != "image/jpeg" || len(body) < 1000 {
		t.Fatalf("upload: %d %s %d bytes", res.StatusCode, res.Header.Get("Content-Type"), len(body))
	}
	res, part := get(t, a.Featured.URL(), "Range", "bytes=0-99")
	if res.StatusCode != http.StatusPartialContent || len(part) != 100 || part != body[:100] {
		t.Fatalf("range request: %d, %d bytes", res.StatusCode, len(part))
	}
	for _, p := range []string{"/uploads/none.jpg", "/uploads/../site.db", "/fa/uploads/x.jpg"} {
		if res, _ := get(t, p); res.StatusCode != 404 && res.StatusCode/100 != 3 {
			t.Errorf("%s: %d", p, res.StatusCode)
		}
	}
}
