package content

import (
	"strings"
	"unicode"
)

// latinFold spells common accented Latin letters without their accents so
// that Latin slugs stay plain ASCII, as readers type them.
var latinFold = map[rune]string{
	'à': "a", 'á': "a", 'â': "a", 'ã': "a", 'ä': "a", 'å': "a", 'æ': "ae", 'ç': "c",
	'è': "e", 'é': "e", 'ê': "e", 'ë': "e", 'ì': "i", 'í': "i", 'î': "i", 'ï': "i",
	'ñ': "n", 'ò': "o", 'ó': "o", 'ô': "o", 'õ': "o", 'ö': "o", 'ø': "o", 'ù': "u",
	'ú': "u", 'û': "u", 'ü': "u", 'ý': "y", 'ÿ': "y", 'ß': "ss", 'ş': "s", 'ğ': "g",
	'ı': "i", 'č': "c", 'ć': "c", 'š': "s", 'ž': "z", 'đ': "d", 'ł': "l", 'ő': "o", 'ű': "u",
}

const maxSlugRunes = 80

// Slugify makes a readable URL slug from a title in any script. Latin letters
// lose their accents; Arabic, Persian and other scripts keep their letters
// (so a Persian title gives a Persian slug) but lose diacritics, tatweel and
// joiners; digits of any script become ASCII digits. The result is never
// empty: a title with no letters or digits gives "untitled".
func Slugify(title string) string {
	var b strings.Builder
	runes, dash := 0, false
	put := func(s string) {
		b.WriteString(s)
		runes += len([]rune(s))
		dash = false
	}
	for _, r := range strings.ToLower(title) {
		if runes >= maxSlugRunes {
			break
		}
		switch {
		case r >= '0' && r <= '9', r >= 'a' && r <= 'z':
			put(string(r))
		case r >= '٠' && r <= '٩': // Arabic-Indic digits
			put(string('0' + (r - '٠')))
		case r >= '۰' && r <= '۹': // Persian digits
			put(string('0' + (r - '۰')))
		case latinFold[r] != "":
			put(latinFold[r])
		case r == 'ـ' || unicode.Is(unicode.Mn, r): // tatweel, diacritics
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			put(string(r))
		case r == '\'' || r == '’':
			// apostrophes vanish: "reader's" → "readers"
		default: // spaces, punctuation, ZWNJ and other joiners
			if !dash && b.Len() > 0 {
				b.WriteByte('-')
				runes++
				dash = true
			}
		}
	}
	s := strings.Trim(b.String(), "-")
	if s == "" {
		return "untitled"
	}
	return s
}

// ValidSlug reports whether s is a slug Slugify could have produced (editors
// may type their own).
func ValidSlug(s string) bool {
	if s == "" || len([]rune(s)) > maxSlugRunes || s[0] == '-' || s[len(s)-1] == '-' || strings.Contains(s, "--") {
		return false
	}
	for _, r := range s {
		if r == '-' || (r >= '0' && r <= '9') || (r >= 'a' && r <= 'z') {
			continue
		}
		if r < 128 || !unicode.IsLetter(r) && !unicode.IsDigit(r) || unicode.IsUpper(r) {
			return false
		}
	}
	return true
}
