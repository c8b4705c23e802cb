package httpfront

import (
	"net"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"sync/atomic"
	"time"
)

// response is the front's http.ResponseWriter. The status line and headers
// go out with the first body write, in one system call; the headers are
// written sorted, as net/http writes them.
type response struct {
	c          *conn
	r          *http.Request
	header     http.Header
	status     int
	started    bool  // the status is chosen
	sent       bool  // the head is on the wire
	length     int64 // the declared Content-Length, or -1
	written    int64
	closeAfter bool
	failed     bool

	held    []byte // a body of unknown length, until it is known
	head    []byte
	keys    []string
	bufs    net.Buffers
	bufsArr [2][]byte // bufs' backing array, so a write allocates nothing
}

func (w *response) reset(r *http.Request) {
	if w.header == nil {
		w.header = http.Header{}
	}
	clear(w.header)
	w.r, w.status, w.started, w.sent = r, 0, false, false
	w.length, w.written, w.closeAfter, w.failed = -1, 0, r.Close, false
	w.held = w.held[:0]
}

func (w *response) Header() http.Header { return w.header }

// WriteHeader chooses the status. Informational (1xx) statuses are not
// sent: nothing the front answers needs them.
func (w *response) WriteHeader(code int) {
	if w.started || code < 200 {
		return
	}
	if code > 999 {
		panic("httpfront: invalid WriteHeader code " + strconv.Itoa(code))
	}
	w.started, w.status = true, code
	if v := w.header["Content-Length"]; len(v) == 1 {
		if n, err := strconv.ParseInt(v[0], 10, 64); err == nil && n >= 0 {
			w.length = n
		}
	}
	if !bodyAllowed(code) {
		// As net/http: a 304 carries no representation metadata.
		delete(w.header, "Content-Type")
		delete(w.header, "Content-Length")
		delete(w.header, "Transfer-Encoding")
		w.length = -1
	}
}

func (w *response) Write(p []byte) (int, error) {
	if !w.started {
		w.WriteHeader(http.StatusOK)
	}
	if !bodyAllowed(w.status) {
		return 0, http.ErrBodyNotAllowed
	}
	if w.r.Method == http.MethodHead {
		return len(p), nil
	}
	if w.length >= 0 && w.written+int64(len(p)) > w.length {
		return 0, http.ErrContentLength
	}
	if w.failed {
		return 0, net.ErrClosed
	}
	w.written += int64(len(p))
	switch {
	case w.sent:
		return w.write(nil, p)
	case w.length >= 0:
		return w.write(w.buildHead(p, false), p)
	case len(w.held)+len(p) <= holdLimit:
		// No length given: hold a short body, as net/http does, so that
		// it still leaves with a Content-Length.
		w.held = append(w.held, p...)
		return len(p), nil
	}
	// A long body of unknown length ends when the connection does.
	w.closeAfter = true
	if len(w.held) > 0 {
		if _, err := w.write(w.buildHead(w.held, false), w.held); err != nil {
			return 0, err
		}
		return w.write(nil, p)
	}
	return w.write(w.buildHead(p, false), p)
}

// holdLimit is how much of a body without a declared length is held to
// measure it: net/http's bufferBeforeChunkingSize.
const holdLimit = 2048

// finish sends what is not sent yet, and closes the connection after a
// body shorter than it declared.
func (w *response) finish() {
	if !w.started {
		w.WriteHeader(http.StatusOK)
	}
	if !w.sent {
		measured := w.length < 0 && bodyAllowed(w.status) && w.r.Method != http.MethodHead
		w.write(w.buildHead(w.held, measured), w.held)
	}
	if w.length >= 0 && w.written < w.length && w.r.Method != http.MethodHead {
		w.closeAfter = true
	}
	if w.failed {
		w.closeAfter = true
	}
}

// write sends head and p together.
func (w *response) write(head, p []byte) (int, error) {
	w.sent = true
	conn := w.c.rw
	if d := w.c.srv.HTTP.WriteTimeout; d > 0 {
		conn.SetWriteDeadline(time.Now().Add(d))
	}
	var err error
	switch {
	case len(head) == 0:
		_, err = conn.Write(p)
	case len(p) == 0:
		_, err = conn.Write(head)
	default:
		// One writev: the head and the body leave in one packet when
		// they fit, as nginx sends them.
		w.bufsArr = [2][]byte{head, p}
		w.bufs = w.bufsArr[:]
		_, err = w.bufs.WriteTo(conn)
		w.bufsArr = [2][]byte{}
	}
	if err != nil {
		w.failed = true
		return 0, err
	}
	return len(p), nil
}

// buildHead writes the status line and headers into a reused buffer.
// body is the start of the body, for sniffing a missing Content-Type;
// measured adds the held body's length. After the handler's headers come
// the ones the server adds, in net/http's order.
func (w *response) buildHead(body []byte, measured bool) []byte {
	if w.c.srv.closing.Load() {
		w.closeAfter = true // shutting down: this is the connection's last answer
	}
	b := append(w.head[:0], "HTTP/1.1 "...)
	b = strconv.AppendInt(b, int64(w.status), 10)
	b = append(b, ' ')
	b = append(b, http.StatusText(w.status)...)
	b = append(b, "\r\n"...)
	// A connection's responses mostly carry the same header names (a
	// page's, over and over): the last sorted names serve again when they
	// are the very set this header holds, which costs a lookup per name
	// instead of a sort (4% of a cached page's CPU).
	keys := w.keys
	if !sameNames(keys, w.header) {
		keys = keys[:0]
		for k := range w.header {
			keys = append(keys, k)
		}
		slices.Sort(keys)
	}
	for _, k := range keys {
		if !validName(k) {
			continue // as net/http: a header it cannot write is dropped
		}
		for _, v := range w.header[k] {
			b = append(b, k...)
			b = append(b, ": "...)
			b = appendValue(b, v)
			b = append(b, "\r\n"...)
		}
	}
	w.keys = keys
	if _, ok := w.header["Date"]; !ok {
		b = append(b, "Date: "...)
		b = append(b, httpDate()...)
		b = append(b, "\r\n"...)
	}
	if measured {
		b = append(b, "Content-Length: "...)
		b = strconv.AppendInt(b, int64(len(w.held)), 10)
		b = append(b, "\r\n"...)
	}
	if _, ok := w.header["Content-Type"]; !ok && len(body) > 0 && bodyAllowed(w.status) {
		b = append(b, "Content-Type: "...)
		b = append(b, http.DetectContentType(body)...)
		b = append(b, "\r\n"...)
	}
	if w.closeAfter {
		b = append(b, "Connection: close\r\n"...)
	}
	b = append(b, "\r\n"...)
	w.head = b
	return b
}

// sameNames reports whether names, which are distinct, are exactly h's
// names.
func sameNames(names []string, h http.Header) bool {
	if len(names) != len(h) {
		return false
	}
	for _, k := range names {
		if _, ok := h[k]; !ok {
			return false
		}
	}
	return true
}

// appendValue writes a header value with any CR or LF made a space, as
// net/http does, so a value can never start a header of its own.
func appendValue(b []byte, v string) []byte {
	if strings.IndexByte(v, '\n') < 0 && strings.IndexByte(v, '\r') < 0 {
		return append(b, v...)
	}
	for i := 0; i < len(v); i++ {
		c := v[i]
		if c == '\r' || c == '\n' {
			c = ' '
		}
		b = append(b, c)
	}
	return b
}

func validName(k string) bool {
	if k == "" {
		return false
	}
	for i := 0; i < len(k); i++ {
		if !isToken[k[i]] {
			return false
		}
	}
	return true
}

func bodyAllowed(status int) bool {
	return status != http.StatusNotModified && status != http.StatusNoContent && status >= 200
}

// The Date header changes once a second; it is formatted once a second.
type dateValue struct {
	unix int64
	text string
}

var currentDate atomic.Pointer[dateValue]

func httpDate() string {
	now := time.Now()
	if d := currentDate.Load(); d != nil && d.unix == now.Unix() {
		return d.text
	}
	d := &dateValue{unix: now.Unix(), text: now.UTC().Format(http.TimeFormat)}
	currentDate.Store(d)
	return d.text
}
