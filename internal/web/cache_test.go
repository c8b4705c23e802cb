package web_test

import (
	"bytes"
	"compress/gzip"
	"context"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/andybalholm/brotli"
	"github.com/masthead-news/masthead/internal/content"
	"github.com/masthead-news/masthead/internal/edition"
	"github.com/masthead-news/masthead/internal/media"
	"github.com/masthead-news/masthead/internal/store"
	"github.com/masthead-news/masthead/internal/store/sqlite"
	"github.com/masthead-news/masthead/internal/web"
)

// cacheSite is a small site of its own (the shared demo must not change
// under other tests): an English and a Persian edition, a category, an
// author and some articles, served with the page cache on.
type cacheSite struct {
	store    *store.Store
	content  *content.Service
	srv      *web.Server
	category int64
	author   int64
}

func newCacheSite(t *testing.T, articles int, deps func(*web.Deps)) *cacheSite {
	t.Helper()
	ctx := context.Background()
	dir := t.TempDir()
	st, err := sqlite.Open(filepath.Join(dir, "site.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	if _, err := st.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	for i, e := range []edition.Edition{
		{Code: "en", Name: "English", Lang: "en", Dir: "ltr", Calendar: "gregorian", Digits: "latn", TimeZone: "UTC", IsDefault: true},
		{Code: "fa", Name: "فارسی", Lang: "fa", Dir: "rtl", Calendar: "persian", Digits: "arabext", TimeZone: "Asia/Tehran"},
	} {
		e.Position = i
		e.Settings = edition.Settings{SiteName: "Cache Test " + e.Code, ListingMode: edition.ListExcerpt, PerPage: 10, CopyrightYear: 2020}
		if err := st.SaveEdition(ctx, &e); err != nil {
			t.Fatal(err)
		}
	}
	cs := &cacheSite{store: st, content: &content.Service{Store: st}}
	cat := &content.Category{Edition: "en", Name: "Environment"}
	if err := cs.content.CreateCategory(ctx, cat); err != nil {
		t.Fatal(err)
	}
	au := &content.Author{Name: "Amina Writer"}
	if err := cs.content.CreateAuthor(ctx, au, nil); err != nil {
		t.Fatal(err)
	}
	cs.category, cs.author = cat.ID, au.ID
	now := time.Now().UTC()
	for i := range articles {
		cs.publish(t, fmt.Sprintf("Cached story number %d", i+1), now.Add(-time.Duration(i+1)*time.Hour), "river", "harvest")
	}
	d := web.Deps{Content: st, Media: st, Blob: media.LocalBlob{Root: filepath.Join(dir, "uploads")}, Editions: st,
		Ready: st.Ping, Logger: slog.New(slog.NewTextHandler(testLog(), nil)), BaseURL: "https://news.example.org",
		Generation: st.Generation, CacheBytes: 4 << 20, DBStats: st.DBStats}
	if deps != nil {
		deps(&d)
	}
	if cs.srv, err = web.New(ctx, d); err != nil {
		t.Fatal(err)
	}
	return cs
}

func (cs *cacheSite) publish(t *testing.T, title string, at time.Time, tags ...string) *content.Article {
	t.Helper()
	a := &content.Article{Edition: "en", Title: title, Excerpt: "An excerpt about " + title + ".",
		BodySource: "<p>" + strings.Repeat("A paragraph of the story. ", 40) + "</p>", PrimaryCategoryID: cs.category,
		AuthorID: cs.author, Status: content.Published, PublishedAt: at, Tags: tags}
	if err := cs.content.CreateArticle(context.Background(), a); err != nil {
		t.Fatal(err)
	}
	return a
}

// do sends one request and returns the response with its raw body.
func (cs *cacheSite) do(t *testing.T, method, path string, header ...string) (*http.Response, []byte) {
	t.Helper()
	req := httptest.NewRequest(method, path, nil)
	for i := 0; i+1 < len(header); i += 2 {
		req.Header.Set(header[i], header[i+1])
	}
	rec := httptest.NewRecorder()
	cs.srv.ServeHTTP(rec, req)
	res := rec.Result()
	body, _ := io.ReadAll(res.Body)
	return res, body
}

func expectCache(t *testing.T, res *http.Response, want string) {
	t.Helper()
	if got := res.Header.Get("X-Cache"); got != want {
		t.Fatalf("X-Cache = %q, want %q (status %d)", got, want, res.StatusCode)
	}
}

// TestPublishVisibleOnNextRequest is the never-stale promise: a page served
// from the cache is replaced the moment a publish is acknowledged.
func TestPublishVisibleOnNextRequest(t *testing.T) {
	cs := newCacheSite(t, 3, nil)
	res, first := cs.do(t, "GET", "/")
	expectCache(t, res, "MISS")
	res, second := cs.do(t, "GET", "/")
	expectCache(t, res, "HIT")
	if !bytes.Equal(first, second) || res.Header.Get("ETag") == "" {
		t.Fatal("a hit differs from the page it cached, or has no ETag")
	}
	// Hits are answered before the middleware chain: they must carry what
	// the chain adds all the same.
	for _, h := range []string{"Content-Security-Policy", "X-Frame-Options", "X-Content-Type-Options", "Referrer-Policy", "Content-Language"} {
		if res.Header.Get(h) == "" {
			t.Errorf("a cache hit lacks %s", h)
		}
	}
	cs.publish(t, "Breaking: the bridge reopens", time.Now().Add(-time.Minute))
	res, third := cs.do(t, "GET", "/")
	expectCache(t, res, "MISS")
	if !strings.Contains(string(third), "Breaking: the bridge reopens") {
		t.Fatal("the new article is not on the home page right after it was published")
	}
	res, fourth := cs.do(t, "GET", "/")
	expectCache(t, res, "HIT")
	if !bytes.Equal(third, fourth) {
		t.Fatal("the second request after the publish got other bytes")
	}

	// An edit of an existing article shows at once too, on its own page.
	a := cs.publish(t, "A story that will be corrected", time.Now().Add(-2*time.Minute))
	path := "/" + a.PublishedAt.Format("2006/01/02") + "/" + a.Slug + "/"
	cs.do(t, "GET", path)
	if res, _ := cs.do(t, "GET", path); res.Header.Get("X-Cache") != "HIT" {
		t.Fatalf("article page not cached: %d %q", res.StatusCode, res.Header.Get("X-Cache"))
	}
	a.Title = "A story that was corrected"
	if err := cs.store.UpdateArticle(context.Background(), a); err != nil {
		t.Fatal(err)
	}
	res, body := cs.do(t, "GET", path)
	expectCache(t, res, "MISS")
	if !strings.Contains(string(body), "A story that was corrected") {
		t.Fatal("the edited title is not shown on the next request")
	}
}

func TestCacheBypassesPersonalRequests(t *testing.T) {
	cs := newCacheSite(t, 2, nil)
	for name, h := range map[string][]string{
		"session cookie": {"Cookie", "theme=dark; masthead_session=abc123"},
		"authorization":  {"Authorization", "Basic dXNlcjpwYXNz"},
	} {
		for range 2 {
			res, _ := cs.do(t, "GET", "/", h...)
			if res.StatusCode != 200 {
				t.Fatalf("%s: status %d", name, res.StatusCode)
			}
			expectCache(t, res, "BYPASS")
		}
	}
	// Nothing was stored by those requests: the first anonymous one renders.
	res, _ := cs.do(t, "GET", "/")
	expectCache(t, res, "MISS")
	// A cookie other than the session does not make a page personal.
	res, _ = cs.do(t, "GET", "/", "Cookie", "theme=dark")
	expectCache(t, res, "HIT")
	// Nor does a POST ever come from the cache.
	res, _ = cs.do(t, "POST", "/")
	if res.Header.Get("X-Cache") == "HIT" {
		t.Fatal("a POST was answered from the cache")
	}
}

func TestCacheKeepsNoErrors(t *testing.T) {
	cs := newCacheSite(t, 1, nil)
	for range 3 {
		res, body := cs.do(t, "GET", "/no-such-page/")
		if res.StatusCode != 404 || res.Header.Get("X-Cache") == "HIT" {
			t.Fatalf("404 page: status %d, X-Cache %q", res.StatusCode, res.Header.Get("X-Cache"))
		}
		if !strings.Contains(res.Header.Get("Cache-Control"), "no-store") || len(body) == 0 {
			t.Fatalf("404 page: Cache-Control %q", res.Header.Get("Cache-Control"))
		}
	}
	// Redirects are answered afresh too.
	for range 2 {
		if res, _ := cs.do(t, "GET", "/page/1/"); res.StatusCode != 301 || res.Header.Get("X-Cache") == "HIT" {
			t.Fatalf("redirect: %d %q", res.StatusCode, res.Header.Get("X-Cache"))
		}
	}
}

func TestCacheEncodings(t *testing.T) {
	for _, size := range []int64{4 << 20, 0} { // cached and uncached pages alike
		t.Run(fmt.Sprintf("cache=%d", size), func(t *testing.T) {
			cs := newCacheSite(t, 3, func(d *web.Deps) { d.CacheBytes = size })
			res, identity := cs.do(t, "GET", "/")
			if res.Header.Get("Content-Encoding") != "" || !strings.Contains(string(identity), "</html>") {
				t.Fatalf("identity response: encoding %q", res.Header.Get("Content-Encoding"))
			}
			if !strings.Contains(res.Header.Get("Vary"), "Accept-Encoding") {
				t.Errorf("Vary = %q", res.Header.Get("Vary"))
			}
			cc := res.Header.Get("Cache-Control")
			for _, d := range []string{"max-age=0", "must-revalidate", "s-maxage="} {
				if !strings.Contains(cc, d) {
					t.Errorf("Cache-Control %q lacks %s", cc, d)
				}
			}
			if !strings.Contains(res.Header.Get("CDN-Cache-Control"), "stale-while-revalidate=") {
				t.Errorf("CDN-Cache-Control = %q", res.Header.Get("CDN-Cache-Control"))
			}
			tags := map[string]bool{res.Header.Get("ETag"): true}
			decoders := map[string]func(io.Reader) (io.Reader, error){
				"gzip": func(r io.Reader) (io.Reader, error) { return gzip.NewReader(r) },
				"br":   func(r io.Reader) (io.Reader, error) { return brotli.NewReader(r), nil },
			}
			for _, tc := range []struct{ accept, want string }{
				{"gzip", "gzip"}, {"gzip, deflate, br", "br"}, {"br;q=0.5, gzip", "gzip"}, {"br, gzip;q=0", "br"},
				{"deflate", ""}, {"gzip;q=0", ""}, {"*", "br"},
			} {
				for range 2 {
					res, raw := cs.do(t, "GET", "/", "Accept-Encoding", tc.accept)
					if got := res.Header.Get("Content-Encoding"); got != tc.want {
						t.Fatalf("Accept-Encoding %q: Content-Encoding %q, want %q", tc.accept, got, tc.want)
					}
					if res.Header.Get("Content-Length") != fmt.Sprint(len(raw)) {
						t.Fatalf("Accept-Encoding %q: Content-Length %s for %d bytes", tc.accept, res.Header.Get("Content-Length"), len(raw))
					}
					body := raw
					if dec := decoders[tc.want]; dec != nil {
						if len(raw) >= len(identity) {
							t.Errorf("%s body is not smaller: %d >= %d", tc.want, len(raw), len(identity))
						}
						r, err := dec(bytes.NewReader(raw))
						if err != nil {
							t.Fatal(err)
						}
						if body, err = io.ReadAll(r); err != nil {
							t.Fatalf("%s body does not decode: %v", tc.want, err)
						}
					}
					if !bytes.Equal(body, identity) {
						t.Fatalf("Accept-Encoding %q: the decoded body differs from the identity body", tc.accept)
					}
					tags[res.Header.Get("ETag")] = true
				}
			}
			if len(tags) != 3 {
				t.Errorf("want one ETag per encoding, got %v", tags)
			}
		})
	}
}

func TestConditionalAndHead(t *testing.T) {
	for _, size := range []int64{4 << 20, 0} {
		t.Run(fmt.Sprintf("cache=%d", size), func(t *testing.T) {
			cs := newCacheSite(t, 2, func(d *web.Deps) { d.CacheBytes = size })
			res, body := cs.do(t, "HEAD", "/category/environment/")
			if res.StatusCode != 200 || len(body) != 0 || res.Header.Get("Content-Length") == "" || res.Header.Get("ETag") == "" {
				t.Fatalf("HEAD: status %d, %d body bytes, Content-Length %q, ETag %q", res.StatusCode, len(body),
					res.Header.Get("Content-Length"), res.Header.Get("ETag"))
			}
			res, body = cs.do(t, "GET", "/category/environment/")
			if fmt.Sprint(len(body)) != res.Header.Get("Content-Length") || res.StatusCode != 200 {
				t.Fatalf("GET after HEAD: %d, %d bytes, Content-Length %s", res.StatusCode, len(body), res.Header.Get("Content-Length"))
			}
			if size > 0 {
				expectCache(t, res, "HIT") // the HEAD filled the cache
			}
			etag := res.Header.Get("ETag")
			for _, inm := range []string{etag, `"nope", ` + etag, "W/" + etag, "*"} {
				res, body := cs.do(t, "GET", "/category/environment/", "If-None-Match", inm)
				if res.StatusCode != 304 || len(body) != 0 || res.Header.Get("ETag") != etag {
					t.Fatalf("If-None-Match %s: status %d, %d bytes, ETag %q", inm, res.StatusCode, len(body), res.Header.Get("ETag"))
				}
			}
			// A gzip client's tag validates the page too.
			gz, _ := cs.do(t, "GET", "/category/environment/", "Accept-Encoding", "gzip")
			if res, _ := cs.do(t, "GET", "/category/environment/", "Accept-Encoding", "gzip", "If-None-Match", gz.Header.Get("ETag")); res.StatusCode != 304 {
				t.Fatalf("gzip ETag: status %d", res.StatusCode)
			}
			if res, _ := cs.do(t, "GET", "/category/environment/", "If-None-Match", `"other"`); res.StatusCode != 200 {
				t.Fatalf("non-matching If-None-Match: status %d", res.StatusCode)
			}
			// After a change the old tag no longer matches.
			cs.publish(t, "Fresh environment news", time.Now().Add(-time.Minute))
			if res, _ := cs.do(t, "GET", "/category/environment/", "If-None-Match", etag); res.StatusCode != 200 {
				t.Fatalf("stale ETag after a publish: status %d", res.StatusCode)
			}
		})
	}
}

// TestCacheVariesOnLanguage checks that the default home page, which
// suggests another edition by Accept-Language, is cached per suggestion.
func TestCacheVariesOnLanguage(t *testing.T) {
	cs := newCacheSite(t, 2, nil)
	fa := []string{"Accept-Language", "fa-IR,fa;q=0.9", "User-Agent", browserUA}
	en := []string{"Accept-Language", "en-GB,en;q=0.9", "User-Agent", browserUA}
	resFa, bodyFa := cs.do(t, "GET", "/", fa...)
	resEn, bodyEn := cs.do(t, "GET", "/", en...)
	expectCache(t, resEn, "MISS")
	if bytes.Equal(bodyFa, bodyEn) || resFa.Header.Get("ETag") == resEn.Header.Get("ETag") {
		t.Fatal("a Persian and an English browser got the same home page; the suggestion banner was cached for both")
	}
	res, body := cs.do(t, "GET", "/", en...)
	expectCache(t, res, "HIT")
	if !bytes.Equal(body, bodyEn) {
		t.Fatal("the English browser's cached page differs")
	}
	res, body = cs.do(t, "GET", "/", "Accept-Language", "fa", "User-Agent", browserUA)
	expectCache(t, res, "HIT") // another header with the same suggestion shares the entry
	if !bytes.Equal(body, bodyFa) {
		t.Fatal("a Persian browser got another page")
	}
	if !strings.Contains(res.Header.Get("Vary"), "Accept-Language") || !strings.Contains(res.Header.Get("Vary"), "Accept-Encoding") {
		t.Fatalf("Vary = %q", res.Header.Get("Vary"))
	}
}

// TestListingQueriesBounded shows that a listing costs the same number of
// queries whatever its length: no query per article.
func TestListingQueriesBounded(t *testing.T) {
	cs := newCacheSite(t, 60, func(d *web.Deps) { d.CacheBytes = 0 })
	ctx := context.Background()
	count := func(perPage int, path string) int64 {
		t.Helper()
		eds, err := cs.store.Editions(ctx)
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range eds {
			if e.Code == "en" {
				e.Settings.PerPage = perPage
				if err := cs.store.SaveEdition(ctx, &e); err != nil {
					t.Fatal(err)
				}
			}
		}
		if err := cs.srv.ReloadEditions(ctx); err != nil {
			t.Fatal(err)
		}
		before := cs.store.QueryCount()
		res, body := cs.do(t, "GET", path)
		if res.StatusCode != 200 {
			t.Fatalf("%s: status %d", path, res.StatusCode)
		}
		if n := strings.Count(string(body), `class="card`); n < min(perPage, 30) {
			t.Fatalf("%s with %d per page shows %d cards", path, perPage, n)
		}
		return cs.store.QueryCount() - before
	}
	for _, path := range []string{"/", "/articles/", "/category/environment/", "/tag/river/", "/author/amina-writer/"} {
		small, large := count(5, path), count(50, path)
		if small != large {
			t.Errorf("%s: %d queries for 5 articles, %d for 50", path, small, large)
		}
		if large > 12 {
			t.Errorf("%s: %d queries for one listing", path, large)
		}
	}
}

func TestMetricsEndpoint(t *testing.T) {
	off := newCacheSite(t, 1, nil)
	if res, _ := off.do(t, "GET", "/metrics"); res.StatusCode != 404 {
		t.Fatalf("/metrics without a token configured: status %d", res.StatusCode)
	}
	cs := newCacheSite(t, 2, func(d *web.Deps) { d.MetricsToken = "s3cret-token" })
	cs.do(t, "GET", "/")
	cs.do(t, "GET", "/")
	cs.do(t, "GET", "/category/environment/")
	cs.do(t, "GET", "/no-such-page/")
	for _, auth := range []string{"", "Bearer wrong", "Basic czNjcmV0LXRva2Vu", "Bearer s3cret-token-and-more"} {
		res, body := cs.do(t, "GET", "/metrics", "Authorization", auth)
		if res.StatusCode != 401 || strings.Contains(string(body), "masthead_") {
			t.Fatalf("Authorization %q: status %d", auth, res.StatusCode)
		}
	}
	res, body := cs.do(t, "GET", "/metrics", "Authorization", "Bearer s3cret-token")
	if res.StatusCode != 200 {
		t.Fatalf("status %d", res.StatusCode)
	}
	text := string(body)
	for _, want := range []string{
		`masthead_http_requests_total{route="/{$}",status="200"} 2`,
		`masthead_http_requests_total{route="/category/{slug}/{$}",status="200"} 1`,
		`status="404"`,
		`masthead_http_request_duration_seconds_bucket{route="/{$}",status="200",le=`,
		`masthead_page_cache_hits_total 1`,
		`masthead_page_cache_misses_total 3`,
		`masthead_db_open_connections{pool="read"}`,
		`masthead_db_max_open_connections{pool="write"} 1`,
		`go_goroutines`,
	} {
		if !strings.Contains(text, want) {
			t.Errorf("metrics lack %s", want)
		}
	}
	if strings.Contains(text, "no-such-page") {
		t.Error("metrics are labelled with a raw path")
	}
}

func TestStaticAssetsArePrecompressed(t *testing.T) {
	_, page := get(t, "/")
	for _, re := range []string{`href="(/static/css/site\.[0-9a-f]{10}\.css)"`, `src="(/static/js/site\.[0-9a-f]{10}\.js)"`} {
		m := regexp.MustCompile(re).FindStringSubmatch(page)
		if m == nil {
			t.Fatalf("no asset matching %s on the home page", re)
		}
		res, identity := get(t, m[1])
		if res.StatusCode != 200 || res.Header.Get("Content-Encoding") != "" || !strings.Contains(res.Header.Get("Vary"), "Accept-Encoding") {
			t.Fatalf("%s: %d, encoding %q, Vary %q", m[1], res.StatusCode, res.Header.Get("Content-Encoding"), res.Header.Get("Vary"))
		}
		for enc, decode := range map[string]func(io.Reader) (io.Reader, error){
			"gzip": func(r io.Reader) (io.Reader, error) { return gzip.NewReader(r) },
			"br":   func(r io.Reader) (io.Reader, error) { return brotli.NewReader(r), nil },
		} {
			res, raw := get(t, m[1], "Accept-Encoding", enc)
			if res.Header.Get("Content-Encoding") != enc || !strings.Contains(res.Header.Get("Cache-Control"), "immutable") {
				t.Fatalf("%s with %s: encoding %q, Cache-Control %q", m[1], enc, res.Header.Get("Content-Encoding"), res.Header.Get("Cache-Control"))
			}
			r, err := decode(strings.NewReader(raw))
			if err != nil {
				t.Fatal(err)
			}
			if body, err := io.ReadAll(r); err != nil || string(body) != identity || len(raw) >= len(identity) {
				t.Fatalf("%s with %s: does not decode to the file (%v), or is not smaller", m[1], enc, err)
			}
			if res, _ := get(t, m[1], "Accept-Encoding", enc, "If-None-Match", res.Header.Get("ETag")); res.StatusCode != 304 {
				t.Fatalf("%s with %s: conditional request got %d", m[1], enc, res.StatusCode)
			}
		}
	}
}
