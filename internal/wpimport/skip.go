package wpimport

import (
	"bytes"
	"io"
)

// contentSkipper drops the text of posts' bodies from a byte stream before
// the XML decoder sees it, for the import's first pass, which needs ids,
// types, terms and files but not the bodies (most of an export's bytes):
// after the exact bytes WordPress writes, "<content:encoded><![CDATA[", it
// passes on only what the decoder would notice in the section — its
// newlines, so line numbers stay right, and any character XML forbids, so
// a broken file fails on the same line with the same reason — and then the
// section's end. Anything else (other spellings, entity-encoded bodies)
// passes through unchanged and the decoder reads it as before. Memory stays
// bounded: the stream is processed in chunks.
type contentSkipper struct {
	r     io.Reader
	buf   []byte // input not yet processed
	out   []byte // output not yet returned
	spare []byte // out's array, reused once out is returned
	state int    // inMarkup, inCDATA, inComment or inBody
	err   error  // from r, returned once buf and out are empty
	read  []byte // read buffer
}

var (
	skipMarker = []byte("<content:encoded><![CDATA[")
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
				// The end, or a forbidden character's three bytes, may be
				// cut by the chunk: keep them for the next round.
				n := len(c.buf) - 2
				if n >= 1 && c.buf[n-1] == 0xEF {
					n--
				} else if n >= 2 && c.buf[n-2] == 0xEF {
					n -= 2
				}
				if n <= 0 {
					return
				}
				text = c.buf[:n]
			}
			c.out = appendNoticed(c.out, text)
			c.buf = c.buf[len(text):]
			if end < 0 {
				if final {
					c.buf = c.buf[:0]
				}
				return
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
// newlines (it counts lines) and characters XML does not allow (C0 controls
// other than tab, newline and carriage return; U+FFFE and U+FFFF), which it
// reports. The caller never cuts text inside U+FFFE or U+FFFF, unless the
// input ends there.
func appendNoticed(out, text []byte) []byte {
	for i := 0; i < len(text); i++ {
		b := text[i]
		switch {
		case b == '\n':
			out = append(out, b)
		case b < 0x20 && b != '\t' && b != '\r':
			out = append(out, b)
		case b == 0xEF && i+2 < len(text) && text[i+1] == 0xBF && (text[i+2] == 0xBE || text[i+2] == 0xBF):
			out = append(out, text[i:i+3]...)
			i += 2
		}
	}
	return out
}
