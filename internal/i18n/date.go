package i18n

import (
	"strconv"
	"time"
)

// langNames holds the month names and date-time joiner of a language.
type langNames struct {
	gregorian [12]string // January ... December
	persian   [12]string // Farvardin ... Esfand
	atTime    string     // between the date and the time in DateTime
}

var (
	persianLatin = [12]string{"Farvardin", "Ordibehesht", "Khordad", "Tir", "Mordad", "Shahrivar",
		"Mehr", "Aban", "Azar", "Dey", "Bahman", "Esfand"}

	names = map[string]*langNames{
		"en": {
			gregorian: [12]string{"January", "February", "March", "April", "May", "June",
				"July", "August", "September", "October", "November", "December"},
			persian: persianLatin,
			atTime:  " at ",
		},
		"sq": {
			gregorian: [12]string{"janar", "shkurt", "mars", "prill", "maj", "qershor",
				"korrik", "gusht", "shtator", "tetor", "nëntor", "dhjetor"},
			persian: persianLatin,
			atTime:  " në ",
		},
		"ar": {
			gregorian: [12]string{"يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو",
				"يوليو", "أغسطس", "سبتمبر", "أكتوبر", "نوفمبر", "ديسمبر"},
			persian: [12]string{"فروردين", "أرديبهشت", "خرداد", "تير", "مرداد", "شهريور",
				"مهر", "آبان", "آذر", "دي", "بهمن", "اسفند"},
			atTime: "، الساعة ",
		},
		"fa": {
			gregorian: [12]string{"ژانویه", "فوریه", "مارس", "آوریل", "مه", "ژوئن",
				"ژوئیه", "اوت", "سپتامبر", "اکتبر", "نوامبر", "دسامبر"},
			persian: [12]string{"فروردین", "اردیبهشت", "خرداد", "تیر", "مرداد", "شهریور",
				"مهر", "آبان", "آذر", "دی", "بهمن", "اسفند"},
			atTime: "، ساعت ",
		},
	}
)

func namesFor(lang string) *langNames {
	if n, ok := names[lang]; ok {
		return n
	}
	return names["en"]
}

// date returns t's date in the locale's zone and calendar.
func (l *Locale) date(t time.Time) (year, month, day int) {
	t = t.In(l.loc)
	if l.cal == Persian {
		return ToJalali(t)
	}
	y, m, d := t.Date()
	return y, int(m), d
}

// MonthName returns the name of month (1-12) in the locale's calendar and
// language, or "" for a month outside 1-12.
func (l *Locale) MonthName(month int) string {
	if month < 1 || month > 12 {
		return ""
	}
	if l.cal == Persian {
		return l.names.persian[month-1]
	}
	return l.names.gregorian[month-1]
}

// Date returns the long date of t in the locale's zone, calendar and digits:
// en "29 November 2026", sq "29 nëntor 2026", ar "٢٩ نوفمبر ٢٠٢٦",
// fa "۸ آذر ۱۴۰۵" (fa with the Gregorian calendar: "۲۹ نوامبر ۲۰۲۶").
func (l *Locale) Date(t time.Time) string {
	y, m, d := l.date(t)
	return l.Digits(strconv.Itoa(d)) + " " + l.MonthName(m) + " " + l.yearString(y)
}

// DateTime returns the long date of t followed by the 24-hour time:
// en "29 November 2026 at 14:05", sq "29 nëntor 2026 në 14:05",
// ar "٢٩ نوفمبر ٢٠٢٦، الساعة ١٤:٠٥", fa "۸ آذر ۱۴۰۵، ساعت ۱۴:۰۵".
func (l *Locale) DateTime(t time.Time) string {
	return l.Date(t) + l.names.atTime + l.Clock(t)
}

// Clock returns the 24-hour time of t ("14:05") in the locale's zone and
// digits.
func (l *Locale) Clock(t time.Time) string {
	return l.Digits(t.In(l.loc).Format("15:04"))
}

// MonthYear returns the month and year of t: "November 2026", "آذر ۱۴۰۵".
func (l *Locale) MonthYear(t time.Time) string {
	y, m, _ := l.date(t)
	return l.MonthName(m) + " " + l.yearString(y)
}

// Year returns the year of t in the locale's zone, calendar and digits,
// without grouping ("2026", "۱۴۰۵").
func (l *Locale) Year(t time.Time) string {
	y, _, _ := l.date(t)
	return l.yearString(y)
}

func (l *Locale) yearString(y int) string {
	if y < 0 {
		return l.minus + l.Digits(strconv.Itoa(-y))
	}
	return l.Digits(strconv.Itoa(y))
}
