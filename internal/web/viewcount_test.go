package web_test

import (
	"context"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/masthead-news/masthead/internal/media"
	"github.com/masthead-news/masthead/internal/readership"
	"github.com/masthead-news/masthead/internal/web"
)

const readerUA = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36"

// TestReadsAreCountedPrivatelyAndFeedMostRead runs a server with the page
// cache on and a view counter: reads of an article count whether the page
// was rendered or came from the cache; bots, HEAD, prefetches, redirects
// and 404s do not; nothing identifying is set or kept; the flush leaves
// the cache generation alone; and the article then leads "Most read".
func TestReadsAreCountedPrivatelyAndFeedMostRead(t *testing.T) {
	ctx := context.Background()
	counter := readership.NewCounter(site.store, nil, nil)
	reads := &countedReads{ViewCounter: counter}
	srv, err := web.New(ctx, web.Deps{Content: site.store, Media: site.store, Blob: media.LocalBlob{Root: t.TempDir()},
		Editions: site.store, Logger: slog.New(slog.NewTextHandler(io.Discard, nil)), BaseURL: origin,
		Generation: site.store.Generation, CacheBytes: 8 << 20, Views: reads})
	if err != nil {
		t.Fatal(err)
	}
	do := func(method, path string, header ...string) *http.Response {
		req := httptest.NewRequest(method, path, nil)
		for i := 0; i+1 < len(header); i += 2 {
			req.Header.Set(header[i], header[i+1])
		}
		rec := httptest.NewRecorder()
		srv.ServeHTTP(rec, req)
		return rec.Result()
	}
	// The fourth-newest Albanian article: not the most read by accident.
	a := latest(t, "sq", 3)
	path := pathOf(t, a, "/sq")

	first := do("GET", path, "User-Agent", readerUA)
	second := do("GET", path, "User-Agent", readerUA)
	if first.StatusCode != 200 || second.StatusCode != 200 {
		t.Fatalf("article: %d, %d", first.StatusCode, second.StatusCode)
	}
	if first.Header.Get("X-Cache") != "MISS" || second.Header.Get("X-Cache") != "HIT" {
		t.Fatalf("X-Cache %q then %q: the second read should come from the cache", first.Header.Get("X-Cache"), second.Header.Get("X-Cache"))
	}
	for _, res := range []*http.Response{first, second} {
		if len(res.Header.Values("Set-Cookie")) > 0 {
			t.Fatal("counting set a cookie")
		}
	}
	do("GET", path, "User-Agent", readerUA, "Sec-Purpose", "prefetch;prerender")
	do("GET", path, "User-Agent", "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)")
	do("GET", path, "User-Agent", "curl/8.5.0")
	do("GET", path)
	do("HEAD", path, "User-Agent", readerUA)
	do("GET", strings.Replace(path, "/sq/20", "/sq/19", 1), "User-Agent", readerUA) // a wrong date: redirect
	do("GET", "/sq/2026/01/01/no-such-article/", "User-Agent", readerUA)
	do("GET", "/sq/", "User-Agent", readerUA)
	if n := counter.Pending(); n != 1 {
		t.Fatalf("%d distinct counts pending, want 1 (the article, today)", n)
	}
	if n := reads.n.Load(); n != 2 {
		t.Fatalf("%d reads counted, want 2: the rendered one and the cache hit", n)
	}

	g := site.store.Generation()
	if err := counter.Flush(ctx); err != nil {
		t.Fatal(err)
	}
	if site.store.Generation() != g {
		t.Fatal("writing view counts changed the store generation: every flush would empty the page cache")
	}
	if third := do("GET", path, "User-Agent", readerUA); third.Header.Get("X-Cache") != "HIT" {
		t.Fatalf("after the flush the cached page was dropped: X-Cache %q", third.Header.Get("X-Cache"))
	}
	list, err := site.store.MostRead(ctx, "sq", time.Now().AddDate(0, 0, -6), time.Now(), 5)
	if err != nil || len(list) == 0 || list[0].ID != a.ID {
		t.Fatalf("most read = %v (%v), want %s first", list, err, a.Slug)
	}
	counter.Flush(ctx) // the third read
	// Pages rendered from now on list it under Most read.
	_, body := get(t, "/sq/articles/")
	i := strings.Index(body, `id="most-read-heading"`)
	if i < 0 {
		t.Fatal("no Most read widget in the sidebar")
	}
	widget := body[i : i+strings.Index(body[i:], "</ol>")]
	if !strings.Contains(widget, `<li><a href="`+path+`">`) || strings.Count(widget, "<li>") > 5 {
		t.Errorf("Most read does not lead with the read article:\n%s", widget)
	}
	if !strings.Contains(widget, "Më të lexuarat") {
		t.Error("the widget's heading is not in Albanian")
	}
}

// countedReads passes reads on to a counter and counts them itself.
type countedReads struct {
	web.ViewCounter
	n atomic.Int32
}

func (c *countedReads) Count(edition, slug string) {
	c.n.Add(1)
	c.ViewCounter.Count(edition, slug)
}
