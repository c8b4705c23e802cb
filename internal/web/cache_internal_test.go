package web

import (
	"context"
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
	s := &Server{deps: Deps{Generation: gen.Load, Now: time.Now}, cache: newPageCache(1 << 20), renders: newRenderGate(0)}
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

// TestRenderersBoundAndPanics: a server's renderings run on the
// renderers, never more at once than its bound; a reader whose request
// ends while the bound is reached gets nothing run; a rendering's panic is
// raised again on the request's goroutine with its own value
// (recoverPanics and net/http's ErrAbortHandler depend on it).
func TestRenderersBoundAndPanics(t *testing.T) {
	if n := cap(newRenderGate(0).slots); n != defaultRenderers() {
		t.Fatalf("an unset bound is %d, want the default %d", n, defaultRenderers())
	}
	const bound = 3
	gate := newRenderGate(bound)
	var running, most atomic.Int32
	release := make(chan struct{})
	var wg sync.WaitGroup
	for range bound + 3 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			r := httptest.NewRequest("GET", "/", nil)
			gate.run(r, func() {
				n := running.Add(1)
				for m := most.Load(); n > m && !most.CompareAndSwap(m, n); m = most.Load() {
				}
				<-release
				running.Add(-1)
			})
		}()
	}
	deadline := time.Now().Add(5 * time.Second)
	for running.Load() < bound && time.Now().Before(deadline) {
		time.Sleep(time.Millisecond)
	}
	if n := running.Load(); n != bound {
		t.Fatalf("%d renderings run at once, want the bound, %d", n, bound)
	}
	// The bound is reached: a request that ends while it waits runs nothing.
	ctx, cancel := context.WithCancel(context.Background())
	gone := httptest.NewRequest("GET", "/", nil).WithContext(ctx)
	ran := false
	done := make(chan bool)
	go func() { done <- gate.run(gone, func() { ran = true }) }()
	cancel()
	if <-done || ran {
		t.Fatal("a rendering ran for a request that ended while it waited")
	}
	// Another server's renderings do not wait for this one's bound.
	other := false
	if !newRenderGate(1).run(httptest.NewRequest("GET", "/", nil), func() { other = true }) || !other {
		t.Fatal("another server's rendering did not run while this one's bound was reached")
	}
	close(release)
	wg.Wait()
	if m := most.Load(); m > bound {
		t.Fatalf("%d renderings at once, more than the bound, %d", m, bound)
	}

	for _, want := range []any{http.ErrAbortHandler, "broken template"} {
		got := func() (v any) {
			defer func() { v = recover() }()
			gate.run(httptest.NewRequest("GET", "/", nil), func() { panic(want) })
			return nil
		}()
		if got != want {
			t.Errorf("panic %v came back as %v", want, got)
		}
	}
	// The renderers survive their renderings' panics.
	ok := false
	if !gate.run(httptest.NewRequest("GET", "/", nil), func() { ok = true }) || !ok {
		t.Error("no rendering ran after the panics")
	}
}
