package i18n

import (
	"fmt"
	"time"
)

// Calendar names a calendar system for dates.
type Calendar string

// Calendars.
const (
	Gregorian Calendar = "gregorian"
	Persian   Calendar = "persian" // Solar Hijri (Jalali)
)

// Digits names a numbering system.
type Digits string

// Numbering systems.
const (
	Latn    Digits = "latn"    // 0123456789
	Arab    Digits = "arab"    // Arabic-Indic ٠١٢٣٤٥٦٧٨٩
	Arabext Digits = "arabext" // Extended Arabic-Indic (Persian) ۰۱۲۳۴۵۶۷۸۹
)

// Options adjust a Locale. The zero value gives the language's defaults.
type Options struct {
	Calendar Calendar       // "" means the language's default: persian for fa, gregorian otherwise
	Digits   Digits         // "" means the language's default: arabext for fa, arab for ar, latn otherwise
	Location *time.Location // nil means UTC; dates are shown in this zone
}

// Locale formats text, numbers and dates for one language with its options.
// It is immutable and safe for concurrent use.
type Locale struct {
	lang    string
	dir     string
	cal     Calendar
	digits  Digits
	zero    rune // the locale's digit zero; digits are zero+0 .. zero+9
	group   string
	decimal string
	minus   string
	loc     *time.Location
	msgs    catalog
	names   *langNames
}

// New returns the Locale for lang ("en", "ar", "fa", "sq"; a region subtag
// such as "fa-IR" is ignored). It returns an error when there is no catalog
// for lang, when its catalog is invalid, or when an option value is unknown.
func New(lang string, opt Options) (*Locale, error) {
	base := baseLang(lang)
	msgs, err := loadCatalog(base)
	if err != nil {
		return nil, err
	}
	l := &Locale{lang: base, dir: "ltr", msgs: msgs, names: namesFor(base), loc: opt.Location}
	switch base {
	case "ar", "fa":
		l.dir = "rtl"
	}
	if l.loc == nil {
		l.loc = time.UTC
	}

	switch opt.Calendar {
	case "":
		l.cal = Gregorian
		if base == "fa" {
			l.cal = Persian
		}
	case Gregorian, Persian:
		l.cal = opt.Calendar
	default:
		return nil, fmt.Errorf("i18n: unknown calendar %q (want %q or %q)", opt.Calendar, Gregorian, Persian)
	}

	switch opt.Digits {
	case "":
		switch base {
		case "fa":
			l.digits = Arabext
		case "ar":
			l.digits = Arab
		default:
			l.digits = Latn
		}
	case Latn, Arab, Arabext:
		l.digits = opt.Digits
	default:
		return nil, fmt.Errorf("i18n: unknown digits %q (want %q, %q or %q)", opt.Digits, Latn, Arab, Arabext)
	}

	// Separators and minus sign follow CLDR for the numbering system.
	switch l.digits {
	case Arab:
		l.zero, l.group, l.decimal, l.minus = '٠', "٬", "٫", "\u061c-" // ALM, hyphen-minus
	case Arabext:
		l.zero, l.group, l.decimal, l.minus = '۰', "٬", "٫", "\u200e\u2212" // LRM, minus sign
	default:
		l.zero, l.group, l.decimal, l.minus = '0', ",", ".", "-"
		if base == "sq" {
			l.group, l.decimal = ".", ","
		}
	}
	return l, nil
}

// MustNew is like New but panics on error. It is meant for package-level
// variables and tests.
func MustNew(lang string, opt Options) *Locale {
	l, err := New(lang, opt)
	if err != nil {
		panic(err)
	}
	return l
}

// Lang returns the language code ("en", "ar", "fa", "sq").
func (l *Locale) Lang() string { return l.lang }

// Dir returns the text direction: "rtl" for Arabic and Persian, else "ltr".
func (l *Locale) Dir() string { return l.dir }

// Calendar returns the calendar used for dates.
func (l *Locale) Calendar() Calendar { return l.cal }

// DigitSystem returns the numbering system used for numbers and dates.
func (l *Locale) DigitSystem() Digits { return l.digits }

// Location returns the time zone in which dates are shown.
func (l *Locale) Location() *time.Location { return l.loc }
