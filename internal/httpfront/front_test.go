package httpfront

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"log"
	"net"
	"net/http"
	"regexp"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// answer is the tests' stand-in for the page cache: it answers GET and
// HEAD of /hit (with an ETag), /alt and /echo… (the request as the
// handler sees it), and declines the rest.
func answer(w http.ResponseWriter, r *http.Request) bool {
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		return false
	}
	switch {
	case r.URL.Path == "/hit":
		h := w.Header()
		h["Content-Type"] = []string{"text/html; charset=utf-8"}
		h["Etag"] = []string{`"v1"`}
		h["X-Cache"] = []string{"HIT"}
		h["Content-Length"] = []string{"11"}
		if r.Header.Get("If-None-Match") == `"v1"` {
			w.WriteHeader(http.StatusNotModified)
			return true
		}
		w.WriteHeader(http.StatusOK)
		io.WriteString(w, "hello, hit\n")
		return true
	case r.URL.Path == "/alt": // as many header names as /hit, one of them another
		h := w.Header()
		h["Content-Type"] = []string{"text/plain; charset=utf-8"}
		h["Last-Modified"] = []string{"Sun, 29 Nov 2026 10:00:00 GMT"}
		h["X-Cache"] = []string{"HIT"}
		h["Content-Length"] = []string{"4"}
		io.WriteString(w, "alt\n")
		return true
	case strings.HasPrefix(r.URL.Path, "/echo"):
		body := describe(r)
		w.Header().Set("Content-Length", fmt.Sprint(len(body)))
		io.WriteString(w, body)
		return true
	case r.URL.Path == "/nolength":
		io.WriteString(w, "<p>no length given</p>")
		return true
	}
	return false
}

// describe prints what a handler can see of a request.
func describe(r *http.Request) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s %q path=%q raw=%q query=%q uri=%q host=%q proto=%s close=%v length=%d\n",
		r.Method, r.URL.String(), r.URL.Path, r.URL.RawPath, r.URL.RawQuery, r.RequestURI, r.Host, r.Proto, r.Close, r.ContentLength)
	keys := make([]string, 0, len(r.Header))
	for k := range r.Header {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	for _, k := range keys {
		fmt.Fprintf(&b, "%s=%q\n", k, r.Header[k])
	}
	return b.String()
}

// fallback is everything else: it reads and echoes the body.
func fallback(w http.ResponseWriter, r *http.Request) {
	body, err := io.ReadAll(r.Body)
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	fmt.Fprintf(w, "fallback %s body=%q err=%v\n", describe(r), body, err)
}

// both is the site's handler: the answer first, then the rest. Over plain
// net/http it is the reference; behind the front it is what handed-over
// connections get.
var both = http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
	if !answer(w, r) {
		fallback(w, r)
	}
})

type servers struct {
	plain, front string
	answered     atomic.Int64 // requests the front answered itself
}

var (
	shared     *servers
	sharedOnce sync.Once
)

func listen(t testing.TB) net.Listener {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	return ln
}

func newHTTP() *http.Server {
	return &http.Server{Handler: both, ReadHeaderTimeout: 5 * time.Second, IdleTimeout: 5 * time.Second,
		WriteTimeout: 5 * time.Second, ErrorLog: nil}
}

// start runs plain net/http and the front over it, for the whole package.
func start(t testing.TB) *servers {
	sharedOnce.Do(func() {
		s := &servers{}
		pl, fl := listen(t), listen(t)
		s.plain, s.front = pl.Addr().String(), fl.Addr().String()
		go newHTTP().Serve(pl)
		front := &Server{HTTP: newHTTP(), Answer: func(w http.ResponseWriter, r *http.Request) bool {
			if answer(w, r) {
				s.answered.Add(1)
				return true
			}
			return false
		}}
		go front.Serve(fl)
		shared = s
	})
	return shared
}

// exchange sends raw bytes, half-closes, and reads everything the server
// says until it closes, with each Date header blanked.
func exchange(t testing.TB, addr, raw string) string {
	c, err := net.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	c.SetDeadline(time.Now().Add(5 * time.Second))
	if _, err := io.WriteString(c, raw); err != nil {
		t.Fatal(err)
	}
	c.(*net.TCPConn).CloseWrite()
	out, err := io.ReadAll(c)
	if err != nil && !errors.Is(err, net.ErrClosed) && !strings.Contains(err.Error(), "reset") {
		t.Fatalf("reading: %v", err)
	}
	return dateRE.ReplaceAllString(string(out), "Date: (date)\r\n")
}

var dateRE = regexp.MustCompile(`Date: [^\r\n]*\r\n`)

var big = strings.Repeat("x", 9000)

// requests are raw request streams; the front must answer each exactly
// as net/http alone does. want is how many the front answers itself.
var requests = []struct {
	name, raw string
	want      int64
}{
	{"hit", "GET /hit HTTP/1.1\r\nHost: example.org\r\n\r\n", 1},
	{"pipelined hits", "GET /hit HTTP/1.1\r\nHost: a\r\n\r\nGET /hit HTTP/1.1\r\nHost: a\r\nAccept: */*\r\n\r\n", 2},
	{"other header names, as many", "GET /hit HTTP/1.1\r\nHost: a\r\n\r\nGET /alt HTTP/1.1\r\nHost: a\r\n\r\nGET /hit HTTP/1.1\r\nHost: a\r\n\r\n", 3},
	{"hit, miss, hit", "GET /hit HTTP/1.1\r\nHost: a\r\n\r\nGET /other HTTP/1.1\r\nHost: a\r\n\r\nGET /hit HTTP/1.1\r\nHost: a\r\n\r\n", 1},
	{"head", "HEAD /hit HTTP/1.1\r\nHost: a\r\n\r\n", 1},
	{"not modified", "GET /hit HTTP/1.1\r\nHost: a\r\nIf-None-Match: \"v1\"\r\n\r\n", 1},
	{"connection close", "GET /hit HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\nGET /hit HTTP/1.1\r\nHost: a\r\n\r\n", 1},
	{"keep-alive", "GET /hit HTTP/1.1\r\nHost: a\r\nConnection: Keep-Alive\r\n\r\n", 1},
	{"echo", "GET /echo/%E2%82%AC/a%2Fb?x=1&y=%20#frag HTTP/1.1\r\nhost: Example.org:8080\r\nuser-agent:  tabs\tand spaces \t\r\nAccept: a\r\nAccept: b\r\nX-Odd_Name: 1\r\nPragma: no-cache\r\n\r\n", 1},
	{"no length", "GET /nolength HTTP/1.1\r\nHost: a\r\n\r\nGET /hit HTTP/1.1\r\nHost: a\r\n\r\n", 2},
	{"miss", "GET /other HTTP/1.1\r\nHost: a\r\n\r\n", 0},
	{"post", "POST /hit HTTP/1.1\r\nHost: a\r\nContent-Length: 5\r\n\r\nhello", 0},
	{"get with a body", "GET /echo HTTP/1.1\r\nHost: a\r\nContent-Length: 5\r\n\r\nhelloGET /hit HTTP/1.1\r\nHost: a\r\n\r\n", 0},
	{"chunked", "GET /hit HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n", 0},
	{"smuggling", "GET /hit HTTP/1.1\r\nHost: a\r\nContent-Length: 4\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\nGET /other HTTP/1.1\r\nHost: a\r\n\r\n", 0},
	{"two hosts", "GET /hit HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n", 0},
	{"no host", "GET /hit HTTP/1.1\r\nAccept: */*\r\n\r\n", 0},
	{"bad host", "GET /hit HTTP/1.1\r\nHost: a b\r\n\r\n", 0},
	{"bare LF", "GET /hit HTTP/1.1\nHost: a\n\nGET /hit HTTP/1.1\r\nHost: a\r\n\r\n", 0},
	{"bare CR", "GET /hit HTTP/1.1\r\nHost: a\rX: y\r\n\r\n", 0},
	{"folded header", "GET /hit HTTP/1.1\r\nHost: a\r\nX-A: 1\r\n 2\r\n\r\n", 0},
	{"space before colon", "GET /hit HTTP/1.1\r\nHost : a\r\n\r\n", 0},
	{"control byte", "GET /hit HTTP/1.1\r\nHost: a\r\nX-A: 1\x002\r\n\r\n", 0},
	{"absolute form", "GET http://a/hit HTTP/1.1\r\nHost: a\r\n\r\n", 0},
	{"double slash", "GET //evil.example/hit HTTP/1.1\r\nHost: a\r\n\r\n", 0},
	{"asterisk", "OPTIONS * HTTP/1.1\r\nHost: a\r\n\r\n", 0},
	{"http/1.0", "GET /hit HTTP/1.0\r\n\r\n", 0},
	{"http/2 preface", "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n", 0},
	{"two spaces", "GET /hit  HTTP/1.1\r\nHost: a\r\n\r\n", 0},
	{"lower-case method", "get /hit HTTP/1.1\r\nHost: a\r\n\r\n", 0},
	{"upgrade", "GET /hit HTTP/1.1\r\nHost: a\r\nConnection: Upgrade\r\nUpgrade: h2c\r\n\r\n", 0},
	{"expect", "GET /hit HTTP/1.1\r\nHost: a\r\nExpect: 100-continue\r\n\r\n", 0},
	{"long head", "GET /hit HTTP/1.1\r\nHost: a\r\nCookie: " + big + "\r\n\r\nGET /hit HTTP/1.1\r\nHost: a\r\n\r\n", 0},
	{"long head after a hit", "GET /hit HTTP/1.1\r\nHost: a\r\n\r\nGET /echo HTTP/1.1\r\nHost: a\r\nCookie: " + big + "\r\n\r\n", 1},
	{"partial head", "GET /hit HTTP/1.1\r\nHost: a\r\n", 0},
	{"garbage", "\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03", 0},
	{"empty", "", 0},
}

func TestFrontAnswersAsNetHTTPDoes(t *testing.T) {
	s := start(t)
	for _, tc := range requests {
		t.Run(tc.name, func(t *testing.T) {
			want := exchange(t, s.plain, tc.raw)
			before := s.answered.Load()
			got := exchange(t, s.front, tc.raw)
			if got != want {
				t.Errorf("the front answered\n%s\nnet/http answers\n%s", got, want)
			}
			if n := s.answered.Load() - before; n != tc.want {
				t.Errorf("the front answered %d requests itself, want %d", n, tc.want)
			}
		})
	}
}

// FuzzFront checks the same on any bytes: whatever the front does, the
// client sees what net/http alone would have said.
func FuzzFront(f *testing.F) {
	for _, tc := range requests {
		f.Add(tc.raw)
	}
	f.Fuzz(func(t *testing.T, raw string) {
		s := start(t)
		if want, got := exchange(t, s.plain, raw), exchange(t, s.front, raw); got != want {
			t.Errorf("for %q the front answered\n%s\nnet/http answers\n%s", raw, got, want)
		}
	})
}

func TestHitIsOneWriteAndExact(t *testing.T) {
	s := start(t)
	got := exchange(t, s.front, "GET /hit HTTP/1.1\r\nHost: a\r\n\r\n")
	want := "HTTP/1.1 200 OK\r\nContent-Length: 11\r\nContent-Type: text/html; charset=utf-8\r\nEtag: \"v1\"\r\nX-Cache: HIT\r\nDate: (date)\r\n\r\nhello, hit\n"
	if got != want {
		t.Errorf("got\n%q\nwant\n%q", got, want)
	}
}

// discardConn takes writes and drops them.
type discardConn struct{ net.Conn }

func (d *discardConn) Write(p []byte) (int, error)      { return len(p), nil }
func (d *discardConn) SetWriteDeadline(time.Time) error { return nil }
func (d *discardConn) SetReadDeadline(time.Time) error  { return nil }
func (d *discardConn) RemoteAddr() net.Addr             { return &net.TCPAddr{IP: net.IPv4(192, 0, 2, 1), Port: 1} }

// A repeated hit allocates nothing: no request, header map, URL, value
// string or response head is made anew. This is what makes a hit cheaper
// than net/http's.
func TestRepeatedHitAllocatesNothing(t *testing.T) {
	// The page cache's way: ready header values and body.
	ready := http.Header{"Content-Type": {"text/html"}, "Content-Length": {"5"}, "Etag": {`"x"`}}
	body := []byte("hello")
	cached := func(w http.ResponseWriter, r *http.Request) bool {
		h := w.Header()
		for k, v := range ready {
			h[k] = v
		}
		w.WriteHeader(http.StatusOK)
		w.Write(body)
		return true
	}
	d := &discardConn{}
	c := &conn{srv: &Server{HTTP: newHTTP(), Answer: cached}, rw: d, header: http.Header{}, lastValues: map[string]string{}}
	c.w.c = c
	head := []byte("GET /hit HTTP/1.1\r\nHost: example.org\r\nUser-Agent: test/1.0\r\nAccept-Encoding: gzip, br\r\nAccept-Language: fa\r\n\r\n")
	run := func() {
		r, ok := c.parse(head)
		c.w.reset(r)
		if !ok || !c.srv.Answer(&c.w, r) {
			t.Fatal("not answered")
		}
		c.w.finish()
	}
	run()
	if allocs := testing.AllocsPerRun(200, run); allocs != 0 {
		t.Errorf("a repeated hit allocates %.1f times", allocs)
	}
}

func TestShutdownWaitsForAnswersAndClosesIdleConnections(t *testing.T) {
	release := make(chan struct{})
	entered := make(chan struct{})
	front := &Server{HTTP: newHTTP(), Answer: func(w http.ResponseWriter, r *http.Request) bool {
		if r.URL.Path == "/slow" {
			close(entered)
			<-release
			io.WriteString(w, "done")
			return true
		}
		return answer(w, r)
	}}
	ln := listen(t)
	served := make(chan error, 1)
	go func() { served <- front.Serve(ln) }()

	idle, err := net.Dial("tcp", ln.Addr().String())
	if err != nil {
		t.Fatal(err)
	}
	defer idle.Close()
	io.WriteString(idle, "GET /hit HTTP/1.1\r\nHost: a\r\n\r\n")
	buf := make([]byte, 4096)
	if _, err := idle.Read(buf); err != nil {
		t.Fatal(err)
	}
	// A connection handed to net/http, idle there.
	handed, err := net.Dial("tcp", ln.Addr().String())
	if err != nil {
		t.Fatal(err)
	}
	defer handed.Close()
	io.WriteString(handed, "GET /other HTTP/1.1\r\nHost: a\r\n\r\n")
	if _, err := handed.Read(buf); err != nil {
		t.Fatal(err)
	}

	busy, err := net.Dial("tcp", ln.Addr().String())
	if err != nil {
		t.Fatal(err)
	}
	defer busy.Close()
	io.WriteString(busy, "GET /slow HTTP/1.1\r\nHost: a\r\n\r\n")
	<-entered

	shut := make(chan error, 1)
	go func() { shut <- front.Shutdown(context.Background()) }()
	// The idle connections are closed at once, the front's and net/http's,
	// while the busy one is still answering.
	for name, c := range map[string]net.Conn{"the front's": idle, "net/http's": handed} {
		c.SetReadDeadline(time.Now().Add(3 * time.Second))
		n, err := c.Read(buf)
		if err == nil {
			t.Fatalf("%s idle connection got %q instead of being closed", name, buf[:n])
		}
		if ne, ok := err.(net.Error); ok && ne.Timeout() {
			t.Fatalf("%s idle connection stayed open during Shutdown", name)
		}
	}
	select {
	case err := <-shut:
		t.Fatalf("Shutdown returned (%v) before the answer in flight was written", err)
	case <-time.After(50 * time.Millisecond):
	}
	close(release)
	busy.SetReadDeadline(time.Now().Add(3 * time.Second))
	got, _ := io.ReadAll(busy)
	if !bytes.HasSuffix(got, []byte("done")) || !bytes.Contains(got, []byte("Connection: close\r\n")) {
		t.Errorf("the answer in flight: %q", got)
	}
	if err := <-shut; err != nil {
		t.Errorf("Shutdown: %v", err)
	}
	if err := <-served; !errors.Is(err, http.ErrServerClosed) {
		t.Errorf("Serve returned %v", err)
	}
	if _, err := net.Dial("tcp", ln.Addr().String()); err == nil {
		t.Error("still accepting after Shutdown")
	}
}

func TestSilentClientsTimeOut(t *testing.T) {
	hs := newHTTP()
	hs.ReadHeaderTimeout, hs.IdleTimeout = 100*time.Millisecond, 200*time.Millisecond
	front := &Server{HTTP: hs, Answer: answer}
	ln := listen(t)
	go front.Serve(ln)
	defer front.Close()

	for _, raw := range []string{"", "GET /hit HTTP/1.1\r\nHost: a\r\n", "GET /hit HTTP/1.1\r\nHost: a\r\n\r\n"} {
		c, err := net.Dial("tcp", ln.Addr().String())
		if err != nil {
			t.Fatal(err)
		}
		io.WriteString(c, raw)
		c.SetReadDeadline(time.Now().Add(3 * time.Second))
		begin := time.Now()
		io.ReadAll(c) // returns when the server closes
		if took := time.Since(begin); took > 2*time.Second {
			t.Errorf("after %q the connection stayed open %v", raw, took)
		}
		c.Close()
	}
}

// TestAnswerPanics: a panic in Answer ends that connection, as net/http
// ends one whose handler panics: the client reads no answer, the panic is
// logged (http.ErrAbortHandler quietly), and the front goes on serving.
func TestAnswerPanics(t *testing.T) {
	var logged bytes.Buffer
	var mu sync.Mutex
	hs := newHTTP()
	hs.ErrorLog = log.New(writerFunc(func(p []byte) (int, error) {
		mu.Lock()
		defer mu.Unlock()
		return logged.Write(p)
	}), "", 0)
	front := &Server{HTTP: hs, Answer: func(w http.ResponseWriter, r *http.Request) bool {
		switch r.URL.Path {
		case "/boom":
			w.Header().Set("Content-Type", "text/plain")
			panic("boom")
		case "/abort":
			panic(http.ErrAbortHandler)
		}
		return answer(w, r)
	}}
	ln := listen(t)
	go front.Serve(ln)
	t.Cleanup(func() { front.Close() })
	for _, path := range []string{"/boom", "/abort"} {
		got := exchange(t, ln.Addr().String(), "GET "+path+" HTTP/1.1\r\nHost: x\r\n\r\n")
		if got != "" {
			t.Errorf("GET %s after a panic: %q, want the connection closed without an answer", path, got)
		}
		if got := exchange(t, ln.Addr().String(), "GET /hit HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"); !strings.Contains(got, "hello, hit") {
			t.Fatalf("after the panic in %s the front answers %q", path, got)
		}
	}
	mu.Lock()
	defer mu.Unlock()
	if n := strings.Count(logged.String(), "panic serving"); n != 1 || !strings.Contains(logged.String(), "boom") {
		t.Errorf("logged %q, want the one panic that is not ErrAbortHandler", logged.String())
	}
}

type writerFunc func([]byte) (int, error)

func (f writerFunc) Write(p []byte) (int, error) { return f(p) }
