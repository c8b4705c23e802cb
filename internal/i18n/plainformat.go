package i18n

import (
	"strconv"
	"strings"
	"sync"
)

// Nearly every message uses only plain %d, %s and %v verbs, in order
// ("%d comments", "Share “%s”"). Those are written here without fmt:
// fmt's reflection, and the Formatter that gives numbers the locale's
// digits, were about 3% of an uncached listing page, which formats a
// plural per card. Any other message (flags, widths, explicit argument
// indexes, other verbs), or an argument of another type, takes fmt's path
// (formatFmt); a test requires both paths to agree on every message of
// every catalog.

// plainFormat is a message of plain verbs: len(verbs)+1 literal pieces
// around them, with "%%" already unescaped.
type plainFormat struct {
	lits  []string
	verbs []byte
}

// plainFormats holds every message formatted so far (catalog messages, a
// bounded set): its plainFormat, or nil when it is not plain.
var plainFormats sync.Map

func plainFormatOf(msg string) *plainFormat {
	if v, ok := plainFormats.Load(msg); ok {
		return v.(*plainFormat)
	}
	pf := parsePlainFormat(msg)
	plainFormats.Store(msg, pf)
	return pf
}

func parsePlainFormat(msg string) *plainFormat {
	pf := &plainFormat{}
	var lit strings.Builder
	for i := 0; i < len(msg); i++ {
		c := msg[i]
		if c != '%' {
			lit.WriteByte(c)
			continue
		}
		if i+1 == len(msg) {
			return nil
		}
		i++
		switch v := msg[i]; v {
		case '%':
			lit.WriteByte('%')
		case 'd', 's', 'v':
			pf.lits = append(pf.lits, lit.String())
			lit.Reset()
			pf.verbs = append(pf.verbs, v)
		default:
			return nil
		}
	}
	pf.lits = append(pf.lits, lit.String())
	return pf
}

// formatPlain writes pf with args as fmt would with localArg's numbers, or
// reports false for arguments it leaves to fmt (too few, or of another
// type than a string or a signed integer).
func (l *Locale) formatPlain(pf *plainFormat, args []any) (string, bool) {
	if len(args) < len(pf.verbs) {
		return "", false
	}
	size := 0
	for _, s := range pf.lits {
		size += len(s)
	}
	var b strings.Builder
	b.Grow(size + 16*len(pf.verbs))
	var num [24]byte
	for i, verb := range pf.verbs {
		b.WriteString(pf.lits[i])
		var n int64
		switch a := args[i].(type) {
		case string:
			if verb == 'd' {
				return "", false // fmt writes %!d(string=…)
			}
			b.WriteString(a)
			continue
		case int:
			n = int64(a)
		case int64:
			n = a
		case int32:
			n = int64(a)
		default:
			return "", false
		}
		for _, c := range strconv.AppendInt(num[:0], n, 10) {
			if c >= '0' && c <= '9' && l.zero != '0' {
				b.WriteRune(l.zero + rune(c-'0'))
			} else {
				b.WriteByte(c)
			}
		}
	}
	b.WriteString(pf.lits[len(pf.verbs)])
	return b.String(), true
}
