package i18n

import "strings"

// CLDR plural category names, in CLDR order.
const (
	PluralZero  = "zero"
	PluralOne   = "one"
	PluralTwo   = "two"
	PluralFew   = "few"
	PluralMany  = "many"
	PluralOther = "other"
)

var allPluralCategories = []string{PluralZero, PluralOne, PluralTwo, PluralFew, PluralMany, PluralOther}

// baseLang reduces a language tag such as "fa-IR" or "AR_eg" to its primary
// subtag in lower case ("fa", "ar").
func baseLang(lang string) string {
	lang = strings.ToLower(strings.TrimSpace(lang))
	if i := strings.IndexAny(lang, "-_"); i >= 0 {
		lang = lang[:i]
	}
	return lang
}

// PluralCategory returns the CLDR cardinal plural category of the integer n
// in lang: "zero", "one", "two", "few", "many" or "other". The rules are
// those of CLDR for integers (the visible fraction digits v are 0):
//
//	en, sq: one: n = 1
//	fa:     one: i = 0 or n = 1 (so 0 and 1)
//	ar:     zero: n = 0; one: n = 1; two: n = 2; few: n % 100 = 3..10;
//	        many: n % 100 = 11..99
//
// Everything else is "other". A negative n is categorized by its absolute
// value, as CLDR does. lang may carry a region ("fa-IR"); an unknown
// language always gets "other".
func PluralCategory(lang string, n int) string {
	// CLDR operands use the absolute value; unsigned negation also gets the
	// most negative int right.
	u := uint64(n)
	if n < 0 {
		u = -u
	}
	switch baseLang(lang) {
	case "en", "sq":
		if u == 1 {
			return PluralOne
		}
	case "fa":
		if u == 0 || u == 1 {
			return PluralOne
		}
	case "ar":
		switch u {
		case 0:
			return PluralZero
		case 1:
			return PluralOne
		case 2:
			return PluralTwo
		}
		switch r := u % 100; {
		case r >= 3 && r <= 10:
			return PluralFew
		case r >= 11 && r <= 99:
			return PluralMany
		}
	}
	return PluralOther
}

// PluralCategories returns the cardinal categories that PluralCategory can
// return for integers in lang, in CLDR order (zero, one, two, few, many,
// other). A plural catalog entry for lang needs exactly these forms; "zero"
// may be added as an explicit form for n == 0 in any language.
func PluralCategories(lang string) []string {
	switch baseLang(lang) {
	case "en", "sq", "fa":
		return []string{PluralOne, PluralOther}
	case "ar":
		return []string{PluralZero, PluralOne, PluralTwo, PluralFew, PluralMany, PluralOther}
	}
	return []string{PluralOther}
}

// allowedCategory reports whether a catalog entry for lang may have a form
// for category cat.
func allowedCategory(lang, cat string) bool {
	if cat == PluralZero {
		return true
	}
	for _, c := range PluralCategories(lang) {
		if c == cat {
			return true
		}
	}
	return false
}
