package httpfront

import (
	"bytes"
	"net/http"
	"net/textproto"
	"net/url"
)

// parse reads a request head (ending in an empty line) into the
// connection's reused Request. False means the request is not one the
// front answers: net/http gets it from its first byte, so anything odd,
// malformed or merely unusual is judged there, once.
func (c *conn) parse(head []byte) (*http.Request, bool) {
	line, rest := cutLine(head)
	var method string
	switch {
	case bytes.HasPrefix(line, []byte("GET ")):
		method, line = http.MethodGet, line[4:]
	case bytes.HasPrefix(line, []byte("HEAD ")):
		method, line = http.MethodHead, line[5:]
	default:
		return nil, false
	}
	sp := bytes.IndexByte(line, ' ')
	if sp <= 0 || string(line[sp+1:]) != "HTTP/1.1" {
		return nil, false
	}
	target := line[:sp]
	if target[0] != '/' {
		return nil, false // absolute-form, authority-form, "*"
	}
	for _, b := range target {
		if b <= ' ' || b >= 0x7f {
			return nil, false
		}
	}
	u, uri := c.url(target)
	if u == nil {
		return nil, false
	}

	h := c.header
	clear(h)
	vals := c.values[:0]
	host, hosts, closeConn := "", 0, false
	for {
		line, rest = cutLine(rest)
		if len(line) == 0 {
			break
		}
		colon := bytes.IndexByte(line, ':')
		if colon <= 0 {
			return nil, false // also obs-fold, which starts with a space
		}
		name, value := line[:colon], trimSpace(line[colon+1:])
		for _, b := range name {
			if !isToken[b] {
				return nil, false
			}
		}
		for _, b := range value {
			if b < ' ' && b != '\t' || b == 0x7f {
				return nil, false
			}
		}
		key := c.canonical(name)
		switch key {
		case "Content-Length", "Transfer-Encoding", "Expect", "Upgrade", "Http2-Settings":
			return nil, false // a body, or a protocol change: net/http's
		case "Connection":
			switch {
			case bytes.EqualFold(value, []byte("close")):
				closeConn = true
			case !bytes.EqualFold(value, []byte("keep-alive")):
				return nil, false
			}
		case "Host":
			if hosts++; hosts > 1 || !validHost(value) {
				return nil, false
			}
		}
		v := c.value(key, value)
		if key == "Host" {
			host = v // net/http keeps Host out of the header map too
			continue
		}
		vals = append(vals, v)
		if old := h[key]; old != nil {
			h[key] = append(old[:len(old):len(old)], v)
		} else {
			h[key] = vals[len(vals)-1 : len(vals) : len(vals)]
		}
	}
	c.values = vals
	if hosts != 1 {
		return nil, false
	}
	// As net/http: an HTTP/1.0 cache's "Pragma: no-cache" also reads as
	// Cache-Control.
	if p := h["Pragma"]; len(p) > 0 && p[0] == "no-cache" && h["Cache-Control"] == nil {
		h["Cache-Control"] = []string{"no-cache"}
	}
	c.req = http.Request{
		Method:     method,
		URL:        u,
		Proto:      "HTTP/1.1",
		ProtoMajor: 1,
		ProtoMinor: 1,
		Header:     h,
		Body:       http.NoBody,
		Host:       host,
		Close:      closeConn,
		RemoteAddr: c.remote,
		RequestURI: uri,
	}
	return &c.req, true
}

// url parses a request target as net/http does, reusing the previous
// request's result when the target repeats.
func (c *conn) url(target []byte) (*url.URL, string) {
	if c.lastURL != nil && string(target) == c.lastTarget {
		return c.lastURL, c.lastTarget
	}
	s := string(target)
	u, err := url.ParseRequestURI(s)
	if err != nil || u.Scheme != "" || u.Host != "" {
		return nil, ""
	}
	c.lastTarget, c.lastURL = s, u
	return u, s
}

// Bounds on what one connection remembers of earlier requests, so a
// client sending ever new header names cannot grow it.
const maxRemembered = 64

// canonical gives a header name's canonical form, as net/http's header
// map keys it, without allocating for the common names.
func (c *conn) canonical(name []byte) string {
	if k, ok := commonHeaders[string(name)]; ok {
		return k
	}
	if k, ok := c.lastValues["\x00"+string(name)]; ok {
		return k
	}
	k := textproto.CanonicalMIMEHeaderKey(string(name))
	if len(c.lastValues) < maxRemembered {
		c.lastValues["\x00"+string(name)] = k
	}
	return k
}

// value gives a header's value as a string, reusing the previous
// request's string for the same header when it is the same.
func (c *conn) value(key string, v []byte) string {
	if old, ok := c.lastValues[key]; ok && old == string(v) {
		return old
	}
	s := string(v)
	if len(c.lastValues) < maxRemembered {
		c.lastValues[key] = s
	}
	return s
}

var commonHeaders = map[string]string{}

func init() {
	for _, k := range []string{"Host", "User-Agent", "Accept", "Accept-Encoding", "Accept-Language",
		"Connection", "Cookie", "Referer", "If-None-Match", "If-Modified-Since", "Cache-Control", "Pragma",
		"Upgrade-Insecure-Requests", "Sec-Fetch-Site", "Sec-Fetch-Mode", "Sec-Fetch-Dest", "Sec-Fetch-User",
		"Sec-Ch-Ua", "Sec-Ch-Ua-Mobile", "Sec-Ch-Ua-Platform", "Sec-Purpose", "Purpose", "Priority", "Dnt",
		"X-Forwarded-For", "X-Forwarded-Proto", "X-Forwarded-Host", "X-Real-Ip", "Forwarded", "Via",
		"Content-Length", "Transfer-Encoding", "Expect", "Upgrade", "Te", "Range", "If-Range"} {
		commonHeaders[k] = k
		commonHeaders[toLower(k)] = k
	}
}

func toLower(s string) string {
	b := []byte(s)
	for i, c := range b {
		if 'A' <= c && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
	return string(b)
}

// cutLine splits off the first CRLF-terminated line. A lone CR or LF
// inside the line stays in it, where the caller's byte checks refuse it.
func cutLine(b []byte) (line, rest []byte) {
	i := bytes.Index(b, []byte("\r\n"))
	if i < 0 {
		return b, nil
	}
	line, rest = b[:i], b[i+2:]
	if bytes.IndexByte(line, '\n') >= 0 || bytes.IndexByte(line, '\r') >= 0 {
		return []byte{0}, nil // a bare CR or LF: not for the front
	}
	return line, rest
}

// trimSpace drops the optional whitespace around a header value.
func trimSpace(b []byte) []byte {
	for len(b) > 0 && (b[0] == ' ' || b[0] == '\t') {
		b = b[1:]
	}
	for len(b) > 0 && (b[len(b)-1] == ' ' || b[len(b)-1] == '\t') {
		b = b[:len(b)-1]
	}
	return b
}

// validHost accepts host names, IPv4 and bracketed IPv6 addresses with an
// optional port: a strict subset of what net/http accepts.
func validHost(b []byte) bool {
	if len(b) == 0 {
		return false
	}
	for _, c := range b {
		switch {
		case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9':
		case c == '.' || c == '-' || c == ':' || c == '[' || c == ']':
		default:
			return false
		}
	}
	return true
}

// isToken marks the bytes of an HTTP token (RFC 9110 §5.6.2).
var isToken = func() (t [256]bool) {
	for c := '0'; c <= '9'; c++ {
		t[c] = true
	}
	for c := 'a'; c <= 'z'; c++ {
		t[c], t[c-'a'+'A'] = true, true
	}
	for _, c := range "!#$%&'*+-.^_`|~" {
		t[c] = true
	}
	return t
}()
