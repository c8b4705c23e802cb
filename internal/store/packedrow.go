package store

import (
	"errors"
	"strconv"
	"strings"
	"unicode/utf16"
	"unicode/utf8"
)

// packedRow reads a row packed by Dialect.JSONArray: a flat JSON array of
// strings, integers and nulls (a null reads as "" or 0), one value per
// call, in order. A string without escapes is a slice of the row's text,
// not a copy. Both databases write such arrays with the characters as they
// are, escaping only quotes, backslashes and control characters.
//
// The first error sticks: every later call returns a zero value, and close
// reports it, so a scanner reads all its fields and checks once.
type packedRow struct {
	text  string
	pos   int
	count int
	err   error
}

var errPackedRow = errors.New("store: a packed row is not a flat JSON array")

func (r *packedRow) fail(why string) {
	if r.err == nil {
		r.err = errors.New("store: packed row, value " + strconv.Itoa(r.count) + ": " + why)
	}
}

func (r *packedRow) skipSpace() {
	for r.pos < len(r.text) {
		switch r.text[r.pos] {
		case ' ', '\t', '\n', '\r':
			r.pos++
		default:
			return
		}
	}
}

// open reads the array's opening bracket.
func (r *packedRow) open() {
	r.skipSpace()
	if r.pos >= len(r.text) || r.text[r.pos] != '[' {
		r.err = errPackedRow
		return
	}
	r.pos++
}

// value moves to the next value and gives its first byte (0 when there is
// none or an error came before).
func (r *packedRow) value() byte {
	if r.err != nil {
		return 0
	}
	r.skipSpace()
	if r.count > 0 {
		if r.pos >= len(r.text) || r.text[r.pos] != ',' {
			r.fail("too few values")
			return 0
		}
		r.pos++
		r.skipSpace()
	}
	r.count++
	if r.pos >= len(r.text) {
		r.fail("the row ends early")
		return 0
	}
	return r.text[r.pos]
}

// null reads a null if one comes next.
func (r *packedRow) null() bool {
	if strings.HasPrefix(r.text[r.pos:], "null") {
		r.pos += len("null")
		return true
	}
	return false
}

// int reads an integer.
func (r *packedRow) int() int64 {
	c := r.value()
	if c == 0 || r.null() {
		return 0
	}
	start := r.pos
	if c == '-' {
		r.pos++
	}
	for r.pos < len(r.text) && '0' <= r.text[r.pos] && r.text[r.pos] <= '9' {
		r.pos++
	}
	n, err := strconv.ParseInt(r.text[start:r.pos], 10, 64)
	if err != nil {
		r.fail("not an integer")
		return 0
	}
	return n
}

// str reads a string.
func (r *packedRow) str() string {
	c := r.value()
	if c == 0 || r.null() {
		return ""
	}
	if c != '"' {
		r.fail("not a string")
		return ""
	}
	r.pos++
	start := r.pos
	end := strings.IndexByte(r.text[start:], '"')
	if end < 0 {
		r.fail("a string does not end")
		return ""
	}
	if slash := strings.IndexByte(r.text[start:start+end], '\\'); slash >= 0 {
		r.pos = start + slash
		return r.escaped(start)
	}
	r.pos = start + end + 1
	return r.text[start : start+end]
}

// escaped reads the rest of a string that holds escapes, from start (just
// after its opening quote); r.pos is at the first backslash.
func (r *packedRow) escaped(start int) string {
	var b strings.Builder
	b.Grow(r.pos - start + 16)
	b.WriteString(r.text[start:r.pos])
	for r.pos < len(r.text) {
		c := r.text[r.pos]
		switch {
		case c == '"':
			r.pos++
			return b.String()
		case c != '\\':
			b.WriteByte(c)
			r.pos++
			continue
		}
		if r.pos+1 >= len(r.text) {
			break
		}
		e := r.text[r.pos+1]
		r.pos += 2
		switch e {
		case '"', '\\', '/':
			b.WriteByte(e)
		case 'b':
			b.WriteByte('\b')
		case 'f':
			b.WriteByte('\f')
		case 'n':
			b.WriteByte('\n')
		case 'r':
			b.WriteByte('\r')
		case 't':
			b.WriteByte('\t')
		case 'u':
			c1, ok := r.hex4()
			if !ok {
				r.fail("a bad \\u escape")
				return ""
			}
			if utf16.IsSurrogate(c1) {
				// A character beyond the first plane is a pair of escapes.
				if strings.HasPrefix(r.text[r.pos:], `\u`) {
					r.pos += 2
					if c2, ok := r.hex4(); ok {
						b.WriteRune(utf16.DecodeRune(c1, c2))
						continue
					}
				}
				b.WriteRune(utf8.RuneError)
				continue
			}
			b.WriteRune(c1)
		default:
			r.fail("an unknown escape")
			return ""
		}
	}
	r.fail("a string does not end")
	return ""
}

// hex4 reads the four hexadecimal digits of a \u escape.
func (r *packedRow) hex4() (rune, bool) {
	if r.pos+4 > len(r.text) {
		return 0, false
	}
	n, err := strconv.ParseUint(r.text[r.pos:r.pos+4], 16, 32)
	if err != nil {
		return 0, false
	}
	r.pos += 4
	return rune(n), true
}

// close reads the closing bracket and gives the first error, if any: a
// row with more values than were read is an error too.
func (r *packedRow) close() error {
	if r.err != nil {
		return r.err
	}
	r.skipSpace()
	if r.pos >= len(r.text) || r.text[r.pos] != ']' {
		r.fail("more values than expected")
		return r.err
	}
	return nil
}
