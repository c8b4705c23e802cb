package i18n

import (
	"fmt"
	"math"
	"strconv"
	"strings"
)

// Digits replaces the ASCII digits in s by the locale's digits.
func (l *Locale) Digits(s string) string {
	if l.zero == '0' {
		return s
	}
	i := strings.IndexAny(s, "0123456789")
	if i < 0 {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 2*(len(s)-i)) // Arabic digits take two bytes
	b.WriteString(s[:i])
	for _, r := range s[i:] {
		if r >= '0' && r <= '9' {
			r = l.zero + (r - '0')
		}
		b.WriteRune(r)
	}
	return b.String()
}

// Number formats n with the locale's digits, grouping separator and minus
// sign: en "12,345", sq "12.345", ar "١٢٬٣٤٥", fa "۱۲٬۳۴۵".
func (l *Locale) Number(n int64) string {
	return l.Digits(l.groupSign(n))
}

// groupSign formats n with ASCII digits, the locale's grouping separator and
// minus sign.
func (l *Locale) groupSign(n int64) string {
	u := uint64(n)
	if n < 0 {
		u = -u
	}
	s := l.group3(strconv.FormatUint(u, 10))
	if n < 0 {
		s = l.minus + s
	}
	return s
}

// group3 inserts the grouping separator between groups of three digits of
// the ASCII digit string s.
func (l *Locale) group3(s string) string {
	if len(s) <= 3 {
		return s
	}
	var b strings.Builder
	first := len(s) % 3
	if first == 0 {
		first = 3
	}
	b.WriteString(s[:first])
	for i := first; i < len(s); i += 3 {
		b.WriteString(l.group)
		b.WriteString(s[i : i+3])
	}
	return b.String()
}

// fileSizeUnits are the unit names per language, from bytes up.
var fileSizeUnits = map[string][]string{
	"en": {"B", "KB", "MB", "GB", "TB", "PB", "EB"},
	"sq": {"B", "KB", "MB", "GB", "TB", "PB", "EB"},
	"fa": {"بایت", "کیلوبایت", "مگابایت", "گیگابایت", "ترابایت", "پتابایت", "اگزابایت"},
	"ar": {"بايت", "كيلوبايت", "ميغابايت", "غيغابايت", "تيرابايت", "بيتابايت", "إكسابايت"},
}

// FileSize formats a size in bytes with decimal (SI) units, 1 KB = 1000 B,
// as the unit names say: "512 B", "2.4 MB", "35 MB". Sizes under 10 units
// get one decimal, with the locale's decimal separator (fa, ar "٫", sq ","),
// larger ones none. Unit names are localized (fa "مگابایت", ar "ميغابايت").
func (l *Locale) FileSize(bytes int64) string {
	units, ok := fileSizeUnits[l.lang]
	if !ok {
		units = fileSizeUnits["en"]
	}
	sign := ""
	u := uint64(bytes)
	if bytes < 0 {
		sign, u = l.minus, -u
	}
	if u < 1000 {
		return sign + l.Digits(strconv.FormatUint(u, 10)) + " " + units[0]
	}
	// Pick the unit by the value rounded as it will be shown, so that
	// 999,999 B is "1.0 MB" and not "1000 KB".
	v := float64(u)
	unit := 0
	for unit < len(units)-1 && v >= 1000 {
		v /= 1000
		unit++
	}
	var num string
	if r := math.Round(v*10) / 10; r < 10 {
		num = strconv.FormatFloat(r, 'f', 1, 64)
		num = strings.Replace(num, ".", l.decimal, 1)
	} else {
		r = math.Round(v)
		if r >= 1000 && unit < len(units)-1 {
			r, unit = 1, unit+1
			num = "1" + l.decimal + "0"
		} else {
			num = strconv.FormatFloat(r, 'f', 0, 64)
		}
	}
	return sign + l.Digits(num) + " " + units[unit]
}

// localArg wraps numeric arguments so that fmt renders them in the locale's
// digits (and decimal separator).
func (l *Locale) localArg(a any) any {
	switch v := a.(type) {
	case int:
		return localInt{l, int64(v), 0, true}
	case int8:
		return localInt{l, int64(v), 0, true}
	case int16:
		return localInt{l, int64(v), 0, true}
	case int32:
		return localInt{l, int64(v), 0, true}
	case int64:
		return localInt{l, v, 0, true}
	case uint:
		return localInt{l, 0, uint64(v), false}
	case uint8:
		return localInt{l, 0, uint64(v), false}
	case uint16:
		return localInt{l, 0, uint64(v), false}
	case uint32:
		return localInt{l, 0, uint64(v), false}
	case uint64:
		return localInt{l, 0, v, false}
	case float32:
		return localFloat{l, float64(v)}
	case float64:
		return localFloat{l, v}
	}
	return a
}

// spec rebuilds the fmt directive for verb from the state's flags, width
// and precision.
func spec(f fmt.State, verb rune) string {
	var b strings.Builder
	b.WriteByte('%')
	for _, c := range "+-# 0" {
		if f.Flag(int(c)) {
			b.WriteRune(c)
		}
	}
	if w, ok := f.Width(); ok {
		b.WriteString(strconv.Itoa(w))
	}
	if p, ok := f.Precision(); ok {
		b.WriteByte('.')
		b.WriteString(strconv.Itoa(p))
	}
	b.WriteRune(verb)
	return b.String()
}

type localInt struct {
	l      *Locale
	i      int64
	u      uint64
	signed bool
}

// Format renders the integer in decimal with the locale's digits for %d, %s
// and %v; other verbs (%x, %c, ...) are left to fmt as they are.
func (a localInt) Format(f fmt.State, verb rune) {
	var v any = a.u
	if a.signed {
		v = a.i
	}
	switch verb {
	case 'd', 's', 'v':
		fmt.Fprint(f, a.l.Digits(fmt.Sprintf(spec(f, 'd'), v)))
	default:
		fmt.Fprintf(f, spec(f, verb), v)
	}
}

type localFloat struct {
	l *Locale
	v float64
}

// Format renders the number with the locale's digits and decimal separator
// for %f, %F, %g, %G, %s and %v.
func (a localFloat) Format(f fmt.State, verb rune) {
	switch verb {
	case 'f', 'F', 'g', 'G', 's', 'v':
		if verb == 's' || verb == 'v' {
			verb = 'g'
		}
		s := fmt.Sprintf(spec(f, verb), a.v)
		s = strings.Replace(s, ".", a.l.decimal, 1)
		fmt.Fprint(f, a.l.Digits(s))
	default:
		fmt.Fprintf(f, spec(f, verb), a.v)
	}
}
