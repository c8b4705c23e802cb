package i18n

import (
	"unicode"
	"unicode/utf8"
)

// What Fold does with one rune.
const (
	foldKeep  = iota // the rune stays
	foldMap          // the rune becomes another rune
	foldDrop         // the rune is removed
	foldSpace        // the rune is white space (or ZWNJ)
	foldHamza        // combining hamza above: composed or removed
	foldSS           // ß: becomes "ss"
)

const (
	arabicYeh    = 'ي' // U+064A, the folded yeh
	arabicKaf    = 'ك' // U+0643, the folded kaf
	arabicAlef   = 'ا' // U+0627
	arabicHeh    = 'ه' // U+0647
	arabicWaw    = 'و' // U+0648
	wawHamza     = 'ؤ' // U+0624
	yehHamza     = 'ئ' // U+0626
	hamzaAbove   = '\u0654'
	zwnj         = '\u200c'
	foldedSpace  = ' '
	asciiOffset0 = '0'
)

// foldRune classifies r and, for foldMap, returns its replacement.
func foldRune(r rune) (rune, int) {
	if r < utf8.RuneSelf {
		switch {
		case r >= 'A' && r <= 'Z':
			return r + ('a' - 'A'), foldMap
		case r == ' ':
			return r, foldSpace
		case r == '\t' || r == '\n' || r == '\v' || r == '\f' || r == '\r':
			return r, foldSpace
		}
		return r, foldKeep
	}
	switch {
	// Yeh forms: Arabic yeh, alef maksura, Farsi yeh.
	case r == 'ي' || r == 'ى' || r == 'ی':
		if r == arabicYeh {
			return r, foldKeep
		}
		return arabicYeh, foldMap
	// Kaf forms: Arabic kaf, keheh (Persian kaf), swash kaf.
	case r == 'ك' || r == 'ک' || r == 'ڪ':
		if r == arabicKaf {
			return r, foldKeep
		}
		return arabicKaf, foldMap
	// Alef with hamza above or below, madda, wasla, wavy hamza, high hamza.
	case r == 'أ' || r == 'إ' || r == 'آ' || r == 'ٱ' || r == 'ٲ' || r == 'ٳ' || r == 'ٵ':
		return arabicAlef, foldMap
	// Teh marbuta, heh with yeh above, heh goal (and with hamza).
	case r == 'ة' || r == 'ۀ' || r == 'ہ' || r == 'ۂ':
		return arabicHeh, foldMap
	case r >= '٠' && r <= '٩': // U+0660-U+0669
		return asciiOffset0 + (r - '٠'), foldMap
	case r >= '۰' && r <= '۹': // U+06F0-U+06F9
		return asciiOffset0 + (r - '۰'), foldMap
	case r == '٫': // Arabic decimal separator
		return '.', foldMap
	case r == '٬': // Arabic thousands separator
		return ',', foldMap
	case r == hamzaAbove:
		return r, foldHamza
	case r == zwnj:
		return r, foldSpace
	case isArabicMark(r), isInvisible(r):
		return r, foldDrop
	case r == 'ß' || r == 'ẞ':
		return r, foldSS
	case unicode.IsSpace(r):
		return r, foldSpace
	}
	if r < 0x0600 || r > 0x06FF { // no case in the Arabic block
		if f := unicode.ToLower(unicode.ToUpper(r)); f != r {
			return f, foldMap
		}
	}
	return r, foldKeep
}

// isArabicMark reports whether r is an Arabic combining mark that Fold
// removes (harakat, tanwin, shadda, sukun, superscript alef, Quranic
// annotation marks) or the tatweel. The hamza above is handled apart.
func isArabicMark(r rune) bool {
	switch {
	case r >= 0x0610 && r <= 0x061A, // honorifics and small marks
		r >= 0x064B && r <= 0x065F, // tanwin, harakat, shadda, sukun, maddah, hamza below, ...
		r == 0x0640,                // tatweel
		r == 0x0670,                // superscript alef
		r >= 0x06D6 && r <= 0x06DC,
		r >= 0x06DF && r <= 0x06E4,
		r == 0x06E7 || r == 0x06E8,
		r >= 0x06EA && r <= 0x06ED,
		r >= 0x08D3 && r <= 0x08FF: // extended Arabic marks
		return true
	}
	return false
}

// isInvisible reports whether r is a zero-width or bidi format character
// that Fold removes (ZWNJ, which becomes a space, is not among them).
func isInvisible(r rune) bool {
	switch {
	case r == 0x00AD, // soft hyphen
		r == 0x034F,                // combining grapheme joiner
		r == 0x061C,                // Arabic letter mark
		r == 0x180E,                // Mongolian vowel separator
		r == 0x200B,                // zero width space
		r == 0x200D,                // zero width joiner
		r == 0x200E || r == 0x200F, // LRM, RLM
		r >= 0x202A && r <= 0x202E, // bidi embeddings and overrides
		r >= 0x2060 && r <= 0x2064, // word joiner, invisible operators
		r >= 0x2066 && r <= 0x206F, // bidi isolates, deprecated format characters
		r >= 0xFE00 && r <= 0xFE0F, // variation selectors
		r == 0xFEFF:                // zero width no-break space (BOM)
		return true
	}
	return false
}

// Fold normalizes Arabic-script and Latin text for matching, slugs and
// search; see the package documentation for the rules. Fold is idempotent
// and returns s itself, without allocating, when nothing changes.
func Fold(s string) string {
	if !needsFold(s) {
		return s
	}
	buf := make([]byte, 0, len(s))
	pendingSpace := false
	var last rune = -1 // last rune written, -1 if none
	for _, r := range s {
		f, class := foldRune(r)
		switch class {
		case foldDrop:
			continue
		case foldSpace:
			if last >= 0 {
				pendingSpace = true
			}
			continue
		case foldHamza:
			// Compose with a preceding waw or yeh as NFC would (ؤ, ئ);
			// elsewhere (alef, heh) the hamza is a mark Fold removes.
			if !pendingSpace && (last == arabicWaw || last == arabicYeh) {
				composed := rune(wawHamza)
				if last == arabicYeh {
					composed = yehHamza
				}
				buf = utf8.AppendRune(buf[:len(buf)-utf8.RuneLen(last)], composed)
				last = composed
			}
			continue
		}
		if pendingSpace {
			buf = append(buf, foldedSpace)
			pendingSpace = false
		}
		if class == foldSS {
			buf = append(buf, "ss"...)
			last = 's'
			continue
		}
		buf = utf8.AppendRune(buf, f)
		last = f
	}
	return string(buf)
}

// needsFold reports whether Fold would change s.
func needsFold(s string) bool {
	prevSpace := true // a leading space is a change
	for i, r := range s {
		if r == utf8.RuneError {
			if _, size := utf8.DecodeRuneInString(s[i:]); size == 1 {
				return true // invalid UTF-8 becomes U+FFFD
			}
		}
		_, class := foldRune(r)
		switch class {
		case foldKeep:
			prevSpace = false
		case foldSpace:
			if r != foldedSpace || prevSpace {
				return true
			}
			prevSpace = true
		default:
			return true
		}
	}
	return prevSpace && s != "" // a trailing space
}
