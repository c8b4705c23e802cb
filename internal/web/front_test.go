package web_test

import (
	"bufio"
	"bytes"
	"io"
	"net"
	"net/http"
	"slices"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/andybalholm/brotli"
	"github.com/masthead-news/masthead/internal/httpfront"
)

// TestFrontAnswersHitsLikeServeHTTP runs the site as `masthead serve`
// does, behind the HTTP front: a hit the front answers itself carries the
// very headers and bytes of a hit through net/http, and a publish is
// visible on the next request on the same connection.
func TestFrontAnswersHitsLikeServeHTTP(t *testing.T) {
	cs := newCacheSite(t, 3, nil)
	var answered atomic.Int64
	front := &httpfront.Server{
		HTTP: &http.Server{Handler: cs.srv, ReadHeaderTimeout: 5 * time.Second},
		Answer: func(w http.ResponseWriter, r *http.Request) bool {
			ok := cs.srv.ServeFromCache(w, r)
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

	cs.do(t, "GET", "/", "Accept-Encoding", "br") // fills the cache
	ref, refBody := cs.do(t, "GET", "/", "Accept-Encoding", "br")
	expectCache(t, ref, "HIT")

	c, err := net.Dial("tcp", ln.Addr().String())
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	c.SetDeadline(time.Now().Add(10 * time.Second))
	br := bufio.NewReader(c)
	get := func(want string) (*http.Response, []byte) {
		t.Helper()
		io.WriteString(c, "GET / HTTP/1.1\r\nHost: news.example.org\r\nAccept-Encoding: br\r\nUser-Agent: test\r\n\r\n")
		res, err := http.ReadResponse(br, nil)
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(res.Body)
		res.Body.Close()
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
	// The answer is on the wire before Answer returns and is counted, so
	// the count may trail the response by a moment.
	for wait := time.Now().Add(5 * time.Second); answered.Load() < 2 && time.Now().Before(wait); {
		time.Sleep(time.Millisecond)
	}
	if n := answered.Load(); n != 2 {
		t.Fatalf("the front answered %d hits itself, want 2", n)
	}

	cs.publish(t, "Fresh from the press", time.Now().Add(-time.Minute))
	_, body := get("MISS") // handed to net/http, on the same connection
	if !strings.Contains(decodeBrotli(t, body), "Fresh from the press") {
		t.Fatal("the new article is not on the next page after the publish")
	}
	_, body = get("HIT")
	if !strings.Contains(decodeBrotli(t, body), "Fresh from the press") {
		t.Fatal("the hit after the publish is stale")
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
