package web_test

import (
	"bufio"
	"bytes"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/andybalholm/brotli"
	"github.com/masthead-news/masthead/internal/httpfront"
	"github.com/masthead-news/masthead/internal/web"
)

// startFront serves cs's site as `masthead serve` does, behind the HTTP
// front, and counts the requests the front answers itself.
func startFront(t *testing.T, cs *cacheSite) (addr string, answered *atomic.Int64) {
	t.Helper()
	answered = new(atomic.Int64)
	front := &httpfront.Server{
		HTTP: &http.Server{Handler: cs.srv, ReadHeaderTimeout: 5 * time.Second},
		Answer: func(w http.ResponseWriter, r *http.Request) bool {
			ok := cs.srv.FrontAnswer(w, r)
			if ok {
				answered.Add(1)
			}
			return ok
		},
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	go front.Serve(ln)
	t.Cleanup(func() { front.Close() })
	return ln.Addr().String(), answered
}

// rawClient sends requests on one kept-alive connection.
type rawClient struct {
	c  net.Conn
	br *bufio.Reader
}

func dialRaw(t *testing.T, addr string) *rawClient {
	t.Helper()
	c, err := net.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { c.Close() })
	c.SetDeadline(time.Now().Add(20 * time.Second))
	return &rawClient{c: c, br: bufio.NewReader(c)}
}

func (rc *rawClient) do(t *testing.T, method, target string, header ...string) (*http.Response, []byte) {
	t.Helper()
	req := method + " " + target + " HTTP/1.1\r\nHost: news.example.org\r\nUser-Agent: test\r\n"
	for i := 0; i+1 < len(header); i += 2 {
		req += header[i] + ": " + header[i+1] + "\r\n"
	}
	if _, err := io.WriteString(rc.c, req+"\r\n"); err != nil {
		t.Fatal(err)
	}
	res, err := http.ReadResponse(rc.br, &http.Request{Method: method})
	if err != nil {
		t.Fatalf("%s %s: %v", method, target, err)
	}
	body, _ := io.ReadAll(res.Body)
	res.Body.Close()
	return res, body
}

// TestFrontAnswersHitsLikeServeHTTP: a hit the front answers itself
// carries the very headers and bytes of a hit through net/http, and a
// publish is visible on the next request on the same connection.
func TestFrontAnswersHitsLikeServeHTTP(t *testing.T) {
	cs := newCacheSite(t, 3, nil)
	addr, answered := startFront(t, cs)
	cs.do(t, "GET", "/", "Accept-Encoding", "br") // fills the cache
	ref, refBody := cs.do(t, "GET", "/", "Accept-Encoding", "br")
	expectCache(t, ref, "HIT")

	rc := dialRaw(t, addr)
	get := func(want string) (*http.Response, []byte) {
		t.Helper()
		res, body := rc.do(t, "GET", "/", "Accept-Encoding", "br")
		expectCache(t, res, want)
		return res, body
	}
	for range 2 {
		res, body := get("HIT")
		if !bytes.Equal(body, refBody) {
			t.Fatal("the front's hit has other bytes than net/http's")
		}
		if got, want := headerLines(res.Header), headerLines(ref.Header); got != want {
			t.Errorf("the front's hit has headers\n%s\nnet/http's\n%s", got, want)
		}
	}
	cs.publish(t, "Fresh from the press", time.Now().Add(-time.Minute))
	_, body := get("MISS")
	if !strings.Contains(decodeBrotli(t, body), "Fresh from the press") {
		t.Fatal("the new article is not on the next page after the publish")
	}
	_, body = get("HIT")
	if !strings.Contains(decodeBrotli(t, body), "Fresh from the press") {
		t.Fatal("the hit after the publish is stale")
	}
	// The answer is on the wire before Answer returns and is counted, so
	// the count may trail the response by a moment.
	for wait := time.Now().Add(5 * time.Second); answered.Load() < 4 && time.Now().Before(wait); {
		time.Sleep(time.Millisecond)
	}
	if n := answered.Load(); n != 4 {
		t.Fatalf("the front answered %d requests itself, want all 4", n)
	}
}

// TestFrontRendersLikeNetHTTP: with the page cache off, every page request
// is a rendering, which the front serves on its own connection. Each one's
// status, headers and bytes are those net/http gives for the same request
// — pages of both editions, a 404, redirects, HEAD, a 304, feeds and
// files for crawlers — one after another on one kept-alive connection.
// Files and operations are net/http's: the front hands the connection
// over, and it goes on working.
func TestFrontRendersLikeNetHTTP(t *testing.T) {
	cs := newCacheSite(t, 3, func(d *web.Deps) { d.CacheBytes = 0 })
	addr, answered := startFront(t, cs)
	ref := httptest.NewServer(cs.srv)
	t.Cleanup(ref.Close)
	article := cs.publish(t, "A story behind the front", time.Now().Add(-time.Minute))
	articlePath := article.PublishedAt.UTC().Format("/2006/01/02/") + article.Slug + "/"

	front, viaNet := dialRaw(t, addr), dialRaw(t, strings.TrimPrefix(ref.URL, "http://"))
	home, _ := viaNet.do(t, "GET", "/")
	requests := []struct {
		method, target string
		header         []string
		status         int
	}{
		{"GET", "/", nil, 200},
		{"GET", "/", []string{"Accept-Encoding", "gzip, br"}, 200},
		{"HEAD", "/", nil, 200},
		{"GET", "/", []string{"If-None-Match", home.Header.Get("Etag")}, 304},
		{"GET", articlePath, nil, 200},
		{"GET", "/fa/", nil, 200},
		{"GET", "/page/1/", nil, 301},
		{"GET", "/no-such-page/", nil, 404},
		{"GET", "/feed/", nil, 200},
		{"GET", "/sitemap.xml", nil, 200},
		{"GET", "/robots.txt", nil, 200},
		{"GET", "/search/?q=story", nil, 200},
	}
	for _, rq := range requests {
		got, gotBody := front.do(t, rq.method, rq.target, rq.header...)
		want, wantBody := viaNet.do(t, rq.method, rq.target, rq.header...)
		if got.StatusCode != rq.status || want.StatusCode != rq.status {
			t.Errorf("%s %s: the front answered %d, net/http %d, want %d", rq.method, rq.target, got.StatusCode, want.StatusCode, rq.status)
		}
		if g, w := headerLines(got.Header), headerLines(want.Header); g != w {
			t.Errorf("%s %s: the front's headers\n%s\nnet/http's\n%s", rq.method, rq.target, g, w)
		}
		if !bytes.Equal(gotBody, wantBody) {
			t.Errorf("%s %s: the front's body (%d bytes) differs from net/http's (%d bytes)", rq.method, rq.target, len(gotBody), len(wantBody))
		}
	}
	for wait := time.Now().Add(5 * time.Second); answered.Load() < int64(len(requests)) && time.Now().Before(wait); {
		time.Sleep(time.Millisecond)
	}
	if n := answered.Load(); n != int64(len(requests)) {
		t.Fatalf("the front answered %d of %d page requests itself", n, len(requests))
	}
	// A file is net/http's, and so is the connection from then on.
	if res, _ := front.do(t, "GET", "/healthz"); res.StatusCode != 200 {
		t.Fatalf("/healthz through the front: %d", res.StatusCode)
	}
	if res, body := front.do(t, "GET", articlePath); res.StatusCode != 200 || !bytes.Contains(body, []byte("A story behind the front")) {
		t.Fatalf("the article after a handed-over request: %d", res.StatusCode)
	}
	if n := answered.Load(); n != int64(len(requests)) {
		t.Errorf("the front answered %d requests, want %d: it kept a handed-over connection", n, len(requests))
	}
}

// headerLines prints a response's headers but Date, one a line, sorted.
func headerLines(h http.Header) string {
	var lines []string
	for k, v := range h {
		if k != "Date" {
			lines = append(lines, k+": "+strings.Join(v, " | "))
		}
	}
	slices.Sort(lines)
	return strings.Join(lines, "\n")
}

func decodeBrotli(t *testing.T, b []byte) string {
	t.Helper()
	out, err := io.ReadAll(brotli.NewReader(bytes.NewReader(b)))
	if err != nil {
		t.Fatal(err)
	}
	return string(out)
}
