package wpimport

import (
	"bytes"
	"io"
	"unicode/utf8"
)

// contentSkipper takes the text of posts' bodies (most of an export's
// bytes) out of the byte stream before the XML decoder, which reads text one
// byte at a time, sees it: after the exact bytes WordPress writes,
// "<content:encoded><![CDATA[", it passes on only what the decoder would
// notice in the section — its newlines, so line numbers stay right, and
// anything XML forbids (control characters, U+FFFE, U+FFFF, bytes that are
// not UTF-8), so a broken file fails on the same line with the same reason
// — and then the section's end. Comments and other CDATA sections are
// passed through as they are (a marker inside them is text), and so is
// anything else (other spellings, entity-encoded bodies): the decoder reads
// it as before.
//
// The first pass, which needs ids, types, terms and files, drops the text.
// The second captures it: each body waits in a queue under the offset in
// the stream where its start tag ends, and the Reader takes it from there
// when the decoder reaches that element (a space is passed on in its
// place, so the decoder always sees the section). Memory stays bounded: the
// stream is processed in chunks, and the decoder reads only a few KB ahead.
type contentSkipper struct {
	r     io.Reader
	buf   []byte // input not yet processed
	out   []byte // output not yet returned
	spare []byte // out's array, reused once out is returned
	state int    // inMarkup, inCDATA, inComment or inBody
	err   error  // from r, returned once buf and out are empty
	read  []byte // read buffer
	// capturing
	capture bool
	base    int64      // bytes passed on before out
	cur     []byte     // the body being read
	at      int64      // where its start tag ends in the output
	bodies  []captured // read, not yet taken
}

// captured is a body's text under the offset where its start tag ends.
type captured struct {
	at   int64
	text string
}

// take returns the body whose start tag ends at offset at, if the skipper
// captured one there; bodies before it were not taken by anyone and go.
func (c *contentSkipper) take(at int64) (string, bool) {
	for len(c.bodies) > 0 && c.bodies[0].at < at {
		c.bodies = c.bodies[1:]
	}
	if len(c.bodies) > 0 && c.bodies[0].at == at {
		t := c.bodies[0].text
		c.bodies = c.bodies[1:]
		return t, true
	}
	return "", false
}

const skipTag = "<content:encoded>"

var (
	skipMarker = []byte(skipTag + cdataOpen)
	cdataEnd   = []byte(cdataClose)
)

func newContentSkipper(r io.Reader) *contentSkipper {
	return &contentSkipper{r: r, read: make([]byte, 64<<10)}
}

func (c *contentSkipper) Read(p []byte) (int, error) {
	for len(c.out) == 0 {
		if c.err != nil && len(c.buf) == 0 {
			return 0, c.err
		}
		if c.err == nil {
			n, err := c.r.Read(c.read)
			c.buf = append(c.buf, c.read[:n]...)
			c.err = err
		}
		c.out = c.spare[:0]
		c.process(c.err != nil)
		c.spare = c.out
		c.base += int64(len(c.out))
	}
	n := copy(p, c.out)
	c.out = c.out[n:]
	return n, nil
}

// Where the skipper is in the markup.
const (
	inMarkup  = iota
	inCDATA   // a CDATA section that is not a body: passed on
	inComment // passed on
	inBody    // a body's CDATA section: left out
)

var (
	cdataOpenB   = []byte(cdataOpen)
	commentOpen  = []byte("<!--")
	commentClose = []byte("-->")
)

// process moves what can be decided from buf to out; at the end of the
// input (final) everything can.
func (c *contentSkipper) process(final bool) {
	for len(c.buf) > 0 {
		switch c.state {
		case inMarkup:
			i := bytes.IndexByte(c.buf, '<')
			if i < 0 {
				c.emit(len(c.buf))
				continue
			}
			rest := c.buf[i:]
			if len(rest) < len(skipMarker) && !final && bytes.HasPrefix(skipMarker, rest) {
				// A marker may be cut by the chunk: wait for more.
				c.emit(i)
				return
			}
			if len(rest) < len(cdataOpenB) && !final && (bytes.HasPrefix(cdataOpenB, rest) || bytes.HasPrefix(commentOpen, rest)) {
				c.emit(i)
				return
			}
			switch {
			case bytes.HasPrefix(rest, skipMarker):
				c.at = c.base + int64(len(c.out)+i+len(skipTag))
				c.emit(i + len(skipMarker))
				c.state = inBody
			case bytes.HasPrefix(rest, cdataOpenB):
				c.emit(i + len(cdataOpenB))
				c.state = inCDATA
			case bytes.HasPrefix(rest, commentOpen):
				c.emit(i + len(commentOpen))
				c.state = inComment
			default:
				c.emit(i + 1)
			}
		case inCDATA, inComment:
			end := cdataEnd
			if c.state == inComment {
				end = commentClose
			}
			if i := bytes.Index(c.buf, end); i >= 0 {
				c.emit(i + len(end))
				c.state = inMarkup
				continue
			}
			if final {
				c.emit(len(c.buf))
				return
			}
			// The end may be cut by the chunk: keep its first bytes.
			if n := len(c.buf) - (len(end) - 1); n > 0 {
				c.emit(n)
			}
			return
		case inBody:
			end := bytes.Index(c.buf, cdataEnd)
			text := c.buf
			if end >= 0 {
				text = c.buf[:end]
			} else if !final {
				// The end, or a character's bytes, may be cut by the
				// chunk: keep them for the next round.
				n := len(c.buf) - 3
				for back := 0; n > 0 && back < 3 && !utf8.RuneStart(c.buf[n]); back++ {
					n--
				}
				if n <= 0 {
					return
				}
				text = c.buf[:n]
			}
			c.out = appendNoticed(c.out, text)
			if c.capture {
				c.cur = append(c.cur, text...)
			}
			c.buf = c.buf[len(text):]
			if end < 0 {
				if final {
					c.buf = c.buf[:0]
				}
				return
			}
			if c.capture {
				c.out = append(c.out, ' ')
				c.bodies = append(c.bodies, captured{at: c.at, text: decoderText(c.cur)})
				c.cur = c.cur[:0]
			}
			c.state = inMarkup
		}
	}
}

// emit passes the first n bytes of buf on unchanged.
func (c *contentSkipper) emit(n int) {
	c.out = append(c.out, c.buf[:n]...)
	c.buf = c.buf[n:]
}

// appendNoticed appends what the decoder would notice in CDATA text:
// newlines (it counts lines) and what XML does not allow — C0 controls other
// than tab, newline and carriage return, U+FFFE, U+FFFF and bytes that are
// not UTF-8 — which it reports. The caller never cuts text inside a
// character, unless the input ends there.
func appendNoticed(out, text []byte) []byte {
	for i := 0; i < len(text); {
		b := text[i]
		if b < utf8.RuneSelf {
			if b == '\n' || b < 0x20 && b != '\t' && b != '\r' {
				out = append(out, b)
			}
			i++
			continue
		}
		r, size := utf8.DecodeRune(text[i:])
		if r == utf8.RuneError && size == 1 || r == 0xFFFE || r == 0xFFFF {
			out = append(out, text[i:i+size]...)
		}
		i += size
	}
	return out
}

// decoderText is CDATA text as the decoder gives it: "\r\n" and a lone
// "\r" become "\n".
func decoderText(b []byte) string {
	if bytes.IndexByte(b, '\r') < 0 {
		return string(b)
	}
	b = bytes.ReplaceAll(b, []byte("\r\n"), []byte("\n"))
	return string(bytes.ReplaceAll(b, []byte("\r"), []byte("\n")))
}
