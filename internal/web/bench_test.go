package web_test

import (
	"context"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"testing"
	"time"

	"github.com/masthead-news/masthead/internal/store/sqlite"
	"github.com/masthead-news/masthead/internal/web"
)

// These benchmarks measure the server's own work per request (no network):
// go test ./internal/web -run '^$' -bench . -benchmem. The figures that
// matter to readers come from bench/run, side by side with nginx.

// MASTHEAD_BENCH_DB names a database to measure instead of the demo, for
// example bench/results/data-100000/masthead.db made by bench/run.
func benchServer(b *testing.B, cacheBytes int64) *web.Server {
	b.Helper()
	st := site.store
	if path := os.Getenv("MASTHEAD_BENCH_DB"); path != "" {
		var err error
		if st, err = sqlite.Open(path); err != nil {
			b.Fatal(err)
		}
		b.Cleanup(func() { st.Close() })
	}
	srv, err := web.New(context.Background(), web.Deps{Content: st, Media: st, Editions: st,
		Ready: st.Ping, Logger: slog.New(slog.NewTextHandler(io.Discard, nil)), BaseURL: "https://news.example.org",
		Generation: st.Generation, CacheBytes: cacheBytes})
	if err != nil {
		b.Fatal(err)
	}
	return srv
}

func benchPath(b *testing.B, srv http.Handler, path string) {
	req := httptest.NewRequest(http.MethodGet, path, nil)
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		rec := httptest.NewRecorder()
		srv.ServeHTTP(rec, req)
		if rec.Code != http.StatusOK {
			b.Fatalf("%s: status %d", path, rec.Code)
		}
	}
}

// discardWriter is a ResponseWriter that keeps only the status, so a cache
// hit's own allocations show.
type discardWriter struct {
	h    http.Header
	code int
}

func (d *discardWriter) Header() http.Header         { return d.h }
func (d *discardWriter) Write(p []byte) (int, error) { return len(p), nil }
func (d *discardWriter) WriteHeader(code int)        { d.code = code }

func BenchmarkCachedHome(b *testing.B) {
	srv := benchServer(b, 64<<20)
	req := httptest.NewRequest(http.MethodGet, "/", nil)
	srv.ServeHTTP(httptest.NewRecorder(), req) // fills the cache
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		w := &discardWriter{h: http.Header{}}
		srv.ServeHTTP(w, req)
		if w.code != http.StatusOK {
			b.Fatalf("status %d", w.code)
		}
	}
}

func BenchmarkUncachedHome(b *testing.B) { benchPath(b, benchServer(b, 0), "/") }

func BenchmarkUncachedArticle(b *testing.B) {
	path := os.Getenv("MASTHEAD_BENCH_ARTICLE")
	if path == "" {
		a := site.hostile
		path = a.PublishedAt.In(time.UTC).Format("/2006/01/02/") + a.Slug + "/"
	}
	benchPath(b, benchServer(b, 0), path)
}

func BenchmarkUncachedCategoryPage50(b *testing.B) {
	path := os.Getenv("MASTHEAD_BENCH_CATEGORY")
	if path == "" {
		b.Skip("MASTHEAD_BENCH_CATEGORY names a category's page 50")
	}
	benchPath(b, benchServer(b, 0), path)
}
