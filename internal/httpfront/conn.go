package httpfront

import (
	"bytes"
	"errors"
	"io"
	"net"
	"net/http"
	"net/url"
	"runtime/debug"
	"sync/atomic"
	"time"
)

// conn is one client connection while the front serves it.
type conn struct {
	srv    *Server
	rw     net.Conn
	busy   atomic.Bool // a request is being answered; Shutdown waits for it
	remote string

	buf        []byte
	start, end int // buf[start:end] is read and not yet answered

	req    http.Request
	header http.Header
	values []string // backing store of header values, reused per request
	w      response

	// The previous request's target and header values: a keep-alive
	// client repeats them, and reusing the strings makes a hit allocate
	// nothing. lastValues also keeps the canonical form of header names
	// outside commonHeaders, under the raw name behind a NUL byte (which
	// no header name can contain).
	lastTarget string
	lastURL    *url.URL
	lastValues map[string]string
}

var crlf2 = []byte("\r\n\r\n")

func (c *conn) serve() {
	handed := false
	defer func() {
		c.srv.forget(c)
		if !handed {
			c.rw.Close()
		}
	}()
	c.remote = c.rw.RemoteAddr().String()
	c.buf = make([]byte, bufferSize)
	c.header = http.Header{}
	c.lastValues = map[string]string{}
	c.w.c = c
	first := true
	for {
		n, state := c.readHead(first)
		switch state {
		case headGone:
			return
		case headTooLong, headTruncated:
			// Too long for the front, or cut short: net/http reads it
			// and answers.
			handed = c.srv.handOver(c.rw, c.buf[c.start:c.end])
			return
		}
		first = false
		c.busy.Store(true)
		r, simple := c.parse(c.buf[c.start : c.start+n])
		answered := false
		if simple {
			c.w.reset(r)
			var ok bool
			answered, ok = c.answer(r)
			if !ok || !answered && c.w.started {
				return // a panic, or Answer wrote and then declined: nothing sane to add
			}
		}
		if !answered {
			handed = c.srv.handOver(c.rw, c.buf[c.start:c.end])
			return
		}
		c.w.finish()
		c.start += n
		if c.w.closeAfter {
			return
		}
		c.busy.Store(false)
		if c.srv.closing.Load() {
			return
		}
	}
}

// answer runs Answer. A panic in it ends the connection, as net/http
// ends a connection whose handler panics, and is logged unless it is
// http.ErrAbortHandler, the handler's way of ending a response quietly.
func (c *conn) answer(r *http.Request) (answered, ok bool) {
	defer func() {
		if v := recover(); v != nil {
			if v != http.ErrAbortHandler {
				c.srv.logf("httpfront: panic serving %s: %v\n%s", c.remote, v, debug.Stack())
			}
			answered, ok = false, false
		}
	}()
	return c.srv.Answer(&c.w, r), true
}

// What readHead found.
const (
	headReady     = iota
	headGone      // closed by the client or by Shutdown, or timed out
	headTooLong   // the head does not fit the buffer
	headTruncated // the client stopped sending in the middle of a head
)

// readHead reads until buf[start:] holds a whole request head and gives
// its length.
func (c *conn) readHead(first bool) (int, int) {
	if c.start == c.end {
		c.start, c.end = 0, 0
	}
	searched := c.start
	waiting := false // the deadline for the rest of a started head is set
	for {
		if i := bytes.Index(c.buf[searched:c.end], crlf2); i >= 0 {
			return searched + i + 4 - c.start, headReady
		}
		searched = max(c.start, c.end-3)
		if c.end == len(c.buf) {
			if c.start == 0 {
				return 0, headTooLong
			}
			copy(c.buf, c.buf[c.start:c.end])
			c.end -= c.start
			searched -= c.start
			c.start = 0
		}
		hs := c.srv.HTTP
		switch {
		case c.end > c.start && !waiting:
			// Part of a head is here: the rest must come within ReadHeaderTimeout.
			if d := hs.ReadHeaderTimeout; d > 0 {
				c.rw.SetReadDeadline(time.Now().Add(d))
			}
			waiting = true
		case c.end == c.start:
			d := hs.IdleTimeout
			if first || d <= 0 {
				d = hs.ReadHeaderTimeout
			}
			if d > 0 {
				c.rw.SetReadDeadline(time.Now().Add(d))
			}
		}
		n, err := c.rw.Read(c.buf[c.end:])
		c.end += n
		if err != nil && n == 0 {
			// A head cut short: net/http says why. (Between requests it
			// waits for four bytes first, and closes quietly without them.)
			if errors.Is(err, io.EOF) && c.end > c.start && (first || c.end-c.start >= 4) {
				return 0, headTruncated
			}
			return 0, headGone
		}
	}
}
