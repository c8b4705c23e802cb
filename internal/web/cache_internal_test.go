package web

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// TestBurstRendersOnce: readers who ask for a page while it renders wait
// for that rendering and share it, even when a write during the rendering
// keeps it out of the cache; readers who began after the write do not.
func TestBurstRendersOnce(t *testing.T) {
	var gen atomic.Uint64
	s := &Server{deps: Deps{Generation: gen.Load, Now: time.Now}, cache: newPageCache(1 << 20)}
	var renders atomic.Int32
	entered, release := make(chan struct{}), make(chan struct{})
	h := s.cachePages(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if renders.Add(1) == 1 {
			close(entered)
			<-release
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Write([]byte("<p>" + strings.Repeat("page ", 200) + "</p>"))
	}))
	get := func() *httptest.ResponseRecorder {
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, httptest.NewRequest("GET", "/", nil))
		return rec
	}
	const waiters = 8
	var waiting sync.WaitGroup
	waiting.Add(waiters)
	s.cache.onWait = waiting.Done

	results := make(chan *httptest.ResponseRecorder, waiters+1)
	go func() { results <- get() }()
	<-entered
	for range waiters {
		go func() { results <- get() }()
	}
	waiting.Wait() // every waiter is parked on the flight
	gen.Add(1)     // a write commits while the page renders: it will not be stored
	close(release)
	hits := 0
	for range waiters + 1 {
		rec := <-results
		if rec.Code != 200 || !strings.Contains(rec.Body.String(), "page page") {
			t.Fatalf("status %d", rec.Code)
		}
		if rec.Header().Get("X-Cache") == "HIT" {
			hits++
		}
	}
	if n := renders.Load(); n != 1 || hits != waiters {
		t.Fatalf("%d renderings and %d shared results for %d concurrent readers", n, hits, waiters+1)
	}
	if s.cache.Len() != 0 {
		t.Fatal("a page rendered across a write was stored")
	}
	// After the write, a reader renders afresh.
	if rec := get(); rec.Header().Get("X-Cache") != "MISS" || renders.Load() != 2 {
		t.Fatalf("after the write: X-Cache %q, %d renderings", rec.Header().Get("X-Cache"), renders.Load())
	}
	if rec := get(); rec.Header().Get("X-Cache") != "HIT" {
		t.Fatalf("then: X-Cache %q", rec.Header().Get("X-Cache"))
	}
}
