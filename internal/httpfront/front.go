// Package httpfront is masthead's HTTP/1.1 front door. It reads the
// requests on each connection itself and lets Answer serve them (masthead's
// readers' page requests: page-cache hits from memory, misses by
// rendering). The first request that Answer declines, or that the
// front does not fully understand, is handed with every byte the client has
// sent so far to a net/http server, which owns the connection from then on.
//
// Why it exists: net/http's per-request machinery (a Request with its maps
// and context, the response header's clone and sort, two writes per
// response, a background read) costs more than answering a cached page
// does. On our 2-core machine net/http writing fixed bytes reached 0.53–0.84×
// of nginx serving them from a file, and a cache hit could never do better.
// The front answers a hit with one write and no allocation, and a
// rendered page with one write and a tenth less CPU than through net/http.
//
// What it must not do: read a request body, or interpret Content-Length,
// Transfer-Encoding, Expect or Upgrade; speak TLS or HTTP/2; answer
// anything but the plainest requests (GET or HEAD, HTTP/1.1, a path, one
// valid Host, well-formed header lines within one buffer). Anything else is
// net/http's to parse from its first byte, so the front adds no second
// reading of a request that could disagree with net/http's (the root of
// request smuggling).
package httpfront

import (
	"context"
	"errors"
	"io"
	"log"
	"net"
	"net/http"
	"sync"
	"sync/atomic"
	"time"
)

// bufferSize bounds a request head the front reads itself; a longer one
// (a big cookie, say) goes to net/http, whose limit is MaxHeaderBytes.
const bufferSize = 8 << 10

// Server answers what Answer can and hands every other connection to
// HTTP.
type Server struct {
	// Answer serves a request and reports true, or reports false without
	// touching the ResponseWriter. It must not keep the request, its
	// headers or the writer after it returns: the front reuses them for
	// the connection's next request. The request's context is never
	// cancelled, and the writer is no http.Flusher: a long body of
	// unknown length ends with the connection. A panic in Answer ends the
	// connection and is logged (http.ErrAbortHandler quietly).
	Answer func(w http.ResponseWriter, r *http.Request) bool
	// HTTP serves the connections the front hands over. Its
	// ReadHeaderTimeout, IdleTimeout and WriteTimeout apply to the front's
	// own reads and writes too, and its ErrorLog gets accept errors.
	HTTP *http.Server

	startHTTP sync.Once
	handoff   *handoffListener
	httpDone  chan error

	mu        sync.Mutex
	listeners map[net.Listener]struct{}
	conns     map[*conn]struct{}
	closing   atomic.Bool
}

// Serve accepts connections on ln until Shutdown, and then returns
// http.ErrServerClosed, as net/http's Serve does.
func (s *Server) Serve(ln net.Listener) error {
	if s.Answer == nil || s.HTTP == nil {
		return errors.New("httpfront: Server needs Answer and HTTP")
	}
	s.start(ln.Addr())
	s.mu.Lock()
	if s.closing.Load() {
		s.mu.Unlock()
		ln.Close()
		return http.ErrServerClosed
	}
	if s.listeners == nil {
		s.listeners = map[net.Listener]struct{}{}
	}
	s.listeners[ln] = struct{}{}
	s.mu.Unlock()
	defer func() {
		s.mu.Lock()
		delete(s.listeners, ln)
		s.mu.Unlock()
	}()

	var backoff time.Duration
	for {
		rw, err := ln.Accept()
		if err != nil {
			if s.closing.Load() {
				return http.ErrServerClosed
			}
			if errors.Is(err, net.ErrClosed) {
				return err
			}
			// Out of file descriptors and the like: wait, as net/http
			// does, instead of spinning or giving up.
			backoff = min(max(2*backoff, 5*time.Millisecond), time.Second)
			s.logf("httpfront: accept: %v; retrying in %v", err, backoff)
			time.Sleep(backoff)
			continue
		}
		backoff = 0
		c := &conn{srv: s, rw: rw}
		if !s.track(c) {
			rw.Close()
			return http.ErrServerClosed
		}
		go c.serve()
	}
}

// start runs HTTP on the listener of handed-over connections, once.
func (s *Server) start(addr net.Addr) {
	s.startHTTP.Do(func() {
		l := &handoffListener{addr: addr, conns: make(chan net.Conn), closed: make(chan struct{})}
		done := make(chan error, 1)
		s.mu.Lock()
		s.handoff, s.httpDone = l, done
		s.mu.Unlock()
		go func() { done <- s.HTTP.Serve(l) }()
	})
}

// started gives the listener of handed-over connections, nil before Serve.
func (s *Server) started() *handoffListener {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.handoff
}

// Shutdown stops accepting, closes idle connections (net/http's too) and
// lets answers in flight finish. Like net/http's, it gives up when ctx
// ends.
func (s *Server) Shutdown(ctx context.Context) error {
	s.mu.Lock()
	s.closing.Store(true)
	for ln := range s.listeners {
		ln.Close()
	}
	s.mu.Unlock()

	// net/http shuts its side down meanwhile: its idle connections close
	// now, not after the front's last answer. A miss that reaches it after
	// its listener closed is dropped unanswered, as net/http itself drops
	// a request that races its Shutdown.
	var httpDone chan error
	if s.started() != nil {
		httpDone = make(chan error, 1)
		go func() { httpDone <- s.HTTP.Shutdown(ctx) }()
	}
	tick := time.NewTicker(5 * time.Millisecond)
	defer tick.Stop()
wait:
	for !s.closeIdle() {
		select {
		case <-ctx.Done():
			s.closeAll()
			break wait
		case <-tick.C:
		}
	}
	if httpDone == nil {
		return ctx.Err()
	}
	err := <-httpDone
	if herr := <-s.httpDone; err == nil && herr != nil && !errors.Is(herr, http.ErrServerClosed) {
		err = herr
	}
	return err
}

// Close closes every listener and connection at once, net/http's too.
func (s *Server) Close() error {
	s.mu.Lock()
	s.closing.Store(true)
	for ln := range s.listeners {
		ln.Close()
	}
	s.mu.Unlock()
	s.closeAll()
	if s.started() == nil {
		return nil
	}
	return s.HTTP.Close()
}

// closeIdle closes the connections waiting for a request and reports
// whether none is left.
func (s *Server) closeIdle() bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	for c := range s.conns {
		if !c.busy.Load() {
			c.rw.Close()
		}
	}
	return len(s.conns) == 0
}

func (s *Server) closeAll() {
	s.mu.Lock()
	defer s.mu.Unlock()
	for c := range s.conns {
		c.rw.Close()
	}
}

func (s *Server) track(c *conn) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closing.Load() {
		return false
	}
	if s.conns == nil {
		s.conns = map[*conn]struct{}{}
	}
	s.conns[c] = struct{}{}
	return true
}

func (s *Server) forget(c *conn) {
	s.mu.Lock()
	delete(s.conns, c)
	s.mu.Unlock()
}

func (s *Server) logf(format string, args ...any) {
	if s.HTTP != nil && s.HTTP.ErrorLog != nil {
		s.HTTP.ErrorLog.Printf(format, args...)
		return
	}
	log.Printf(format, args...)
}

// handOver gives a connection and the bytes already read from it to
// net/http. False means net/http is shutting down; the caller closes it.
func (s *Server) handOver(rw net.Conn, pending []byte) bool {
	hc := &handedConn{Conn: rw}
	if len(pending) > 0 {
		hc.pending = append([]byte(nil), pending...)
	}
	rw.SetDeadline(time.Time{}) // net/http sets its own
	return s.handoff.give(hc)
}

// handoffListener is the listener net/http serves: it yields the
// connections the front hands over.
type handoffListener struct {
	addr   net.Addr
	conns  chan net.Conn
	closed chan struct{}
	once   sync.Once
}

func (l *handoffListener) Accept() (net.Conn, error) {
	select {
	case c := <-l.conns:
		return c, nil
	case <-l.closed:
		return nil, net.ErrClosed
	}
}

func (l *handoffListener) Close() error {
	l.once.Do(func() { close(l.closed) })
	return nil
}

func (l *handoffListener) Addr() net.Addr { return l.addr }

func (l *handoffListener) give(c net.Conn) bool {
	select {
	case l.conns <- c:
		return true
	case <-l.closed:
		return false
	}
}

// handedConn replays the bytes the front read before net/http reads on.
type handedConn struct {
	net.Conn
	pending []byte
}

func (c *handedConn) Read(p []byte) (int, error) {
	if len(c.pending) > 0 {
		n := copy(p, c.pending)
		c.pending = c.pending[n:]
		return n, nil
	}
	return c.Conn.Read(p)
}

// ReadFrom keeps net/http's sendfile path for files (media downloads).
func (c *handedConn) ReadFrom(r io.Reader) (int64, error) {
	if rf, ok := c.Conn.(io.ReaderFrom); ok {
		return rf.ReadFrom(r)
	}
	return io.Copy(struct{ io.Writer }{c.Conn}, r)
}

// CloseWrite lets net/http half-close before closing, as on a plain TCP
// connection, so a client's last bytes are not answered with a reset.
func (c *handedConn) CloseWrite() error {
	if cw, ok := c.Conn.(interface{ CloseWrite() error }); ok {
		return cw.CloseWrite()
	}
	return nil
}
