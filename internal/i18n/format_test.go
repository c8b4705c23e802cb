package i18n

import (
	"math"
	"reflect"
	"strings"
	"sync"
	"testing"
	"time"
)

func TestLanguages(t *testing.T) {
	if got, want := Languages(), []string{"ar", "en", "fa", "sq"}; !reflect.DeepEqual(got, want) {
		t.Fatalf("Languages() = %v, want %v", got, want)
	}
}

func TestNew(t *testing.T) {
	for _, tc := range []struct {
		lang     string
		dir      string
		cal      Calendar
		digits   Digits
		wantLang string
	}{
		{"en", "ltr", Gregorian, Latn, "en"},
		{"sq", "ltr", Gregorian, Latn, "sq"},
		{"ar", "rtl", Gregorian, Arab, "ar"},
		{"fa", "rtl", Persian, Arabext, "fa"},
		{"fa-IR", "rtl", Persian, Arabext, "fa"},
		{"AR_EG", "rtl", Gregorian, Arab, "ar"},
	} {
		l, err := New(tc.lang, Options{})
		if err != nil {
			t.Fatalf("New(%q): %v", tc.lang, err)
		}
		if l.Lang() != tc.wantLang || l.Dir() != tc.dir || l.Calendar() != tc.cal || l.DigitSystem() != tc.digits || l.Location() != time.UTC {
			t.Errorf("New(%q) = %s %s %s %s %v", tc.lang, l.Lang(), l.Dir(), l.Calendar(), l.DigitSystem(), l.Location())
		}
	}
	for _, tc := range []struct {
		lang string
		opt  Options
	}{
		{"de", Options{}},
		{"", Options{}},
		{"en", Options{Calendar: "hijri"}},
		{"en", Options{Calendar: "Persian"}},
		{"fa", Options{Digits: "persian"}},
		{"fa", Options{Digits: "ARAB"}},
	} {
		if l, err := New(tc.lang, tc.opt); err == nil {
			t.Errorf("New(%q, %+v) = %v, want an error", tc.lang, tc.opt, l)
		}
	}
	// Explicit options override the defaults.
	l := MustNew("fa", Options{Calendar: Gregorian, Digits: Latn})
	if l.Calendar() != Gregorian || l.DigitSystem() != Latn {
		t.Errorf("fa options: %s %s", l.Calendar(), l.DigitSystem())
	}
}

func TestDigits(t *testing.T) {
	for _, tc := range []struct {
		lang string
		opt  Options
		in   string
		want string
	}{
		{"en", Options{}, "Page 12 of 340", "Page 12 of 340"},
		{"sq", Options{}, "0123456789", "0123456789"},
		{"ar", Options{}, "0123456789", "٠١٢٣٤٥٦٧٨٩"},
		{"fa", Options{}, "0123456789", "۰۱۲۳۴۵۶۷۸۹"},
		{"fa", Options{}, "صفحه 3 از 12", "صفحه ۳ از ۱۲"},
		{"ar", Options{}, "no digits", "no digits"},
		{"ar", Options{}, "", ""},
		{"fa", Options{Digits: Latn}, "2026", "2026"},
		{"ar", Options{Digits: Arabext}, "2026", "۲۰۲۶"},
		{"en", Options{Digits: Arab}, "v1.2", "v١.٢"},
		{"fa", Options{}, "۱۲ 34 ١٢", "۱۲ ۳۴ ١٢"}, // only ASCII digits change
	} {
		if got := MustNew(tc.lang, tc.opt).Digits(tc.in); got != tc.want {
			t.Errorf("%s %+v Digits(%q) = %q, want %q", tc.lang, tc.opt, tc.in, got, tc.want)
		}
	}
}

func TestNumber(t *testing.T) {
	want := map[string][]string{ // for the numbers below
		"en": {"0", "7", "999", "1,000", "12,345", "1,234,567", "-12,345", "9,223,372,036,854,775,807", "-9,223,372,036,854,775,808"},
		"sq": {"0", "7", "999", "1.000", "12.345", "1.234.567", "-12.345", "9.223.372.036.854.775.807", "-9.223.372.036.854.775.808"},
		"ar": {"٠", "٧", "٩٩٩", "١٬٠٠٠", "١٢٬٣٤٥", "١٬٢٣٤٬٥٦٧", "\u061c-١٢٬٣٤٥", "٩٬٢٢٣٬٣٧٢٬٠٣٦٬٨٥٤٬٧٧٥٬٨٠٧", "\u061c-٩٬٢٢٣٬٣٧٢٬٠٣٦٬٨٥٤٬٧٧٥٬٨٠٨"},
		"fa": {"۰", "۷", "۹۹۹", "۱٬۰۰۰", "۱۲٬۳۴۵", "۱٬۲۳۴٬۵۶۷", "\u200e−۱۲٬۳۴۵", "۹٬۲۲۳٬۳۷۲٬۰۳۶٬۸۵۴٬۷۷۵٬۸۰۷", "\u200e−۹٬۲۲۳٬۳۷۲٬۰۳۶٬۸۵۴٬۷۷۵٬۸۰۸"},
	}
	nums := []int64{0, 7, 999, 1000, 12345, 1234567, -12345, math.MaxInt64, math.MinInt64}
	for lang, w := range want {
		l := MustNew(lang, Options{})
		for i, n := range nums {
			if got := l.Number(n); got != w[i] {
				t.Errorf("%s Number(%d) = %q, want %q", lang, n, got, w[i])
			}
		}
	}
	// Separators follow the digits: Latin digits get Latin separators.
	for _, tc := range []struct {
		lang string
		d    Digits
		want string
	}{
		{"fa", Latn, "12,345"},
		{"ar", Latn, "12,345"},
		{"sq", Latn, "12.345"},
		{"en", Arab, "١٢٬٣٤٥"},
		{"sq", Arabext, "۱۲٬۳۴۵"},
	} {
		if got := MustNew(tc.lang, Options{Digits: tc.d}).Number(12345); got != tc.want {
			t.Errorf("%s/%s Number = %q, want %q", tc.lang, tc.d, got, tc.want)
		}
	}
}

func TestFileSize(t *testing.T) {
	sizes := []int64{0, 1, 512, 999, 1000, 1536, 2400000, 9950000, 9949999, 35000000, 999499, 999999, 1e9, 123456789012, math.MaxInt64, -2400000}
	want := map[string][]string{
		"en": {"0 B", "1 B", "512 B", "999 B", "1.0 KB", "1.5 KB", "2.4 MB", "10 MB", "9.9 MB", "35 MB", "999 KB", "1.0 MB", "1.0 GB", "123 GB", "9.2 EB", "-2.4 MB"},
		"sq": {"0 B", "1 B", "512 B", "999 B", "1,0 KB", "1,5 KB", "2,4 MB", "10 MB", "9,9 MB", "35 MB", "999 KB", "1,0 MB", "1,0 GB", "123 GB", "9,2 EB", "-2,4 MB"},
		"fa": {"۰ بایت", "۱ بایت", "۵۱۲ بایت", "۹۹۹ بایت", "۱٫۰ کیلوبایت", "۱٫۵ کیلوبایت", "۲٫۴ مگابایت", "۱۰ مگابایت", "۹٫۹ مگابایت", "۳۵ مگابایت", "۹۹۹ کیلوبایت", "۱٫۰ مگابایت", "۱٫۰ گیگابایت", "۱۲۳ گیگابایت", "۹٫۲ اگزابایت", "\u200e−۲٫۴ مگابایت"},
		"ar": {"٠ بايت", "١ بايت", "٥١٢ بايت", "٩٩٩ بايت", "١٫٠ كيلوبايت", "١٫٥ كيلوبايت", "٢٫٤ ميغابايت", "١٠ ميغابايت", "٩٫٩ ميغابايت", "٣٥ ميغابايت", "٩٩٩ كيلوبايت", "١٫٠ ميغابايت", "١٫٠ غيغابايت", "١٢٣ غيغابايت", "٩٫٢ إكسابايت", "\u061c-٢٫٤ ميغابايت"},
	}
	for lang, w := range want {
		l := MustNew(lang, Options{})
		for i, n := range sizes {
			if got := l.FileSize(n); got != w[i] {
				t.Errorf("%s FileSize(%d) = %q, want %q", lang, n, got, w[i])
			}
		}
	}
	if got := MustNew("fa", Options{Digits: Latn}).FileSize(2400000); got != "2.4 مگابایت" {
		t.Errorf("fa latn FileSize = %q", got)
	}
}

// The day of the brief: Sunday 29 November 2026, 14:05 UTC.
var today = time.Date(2026, 11, 29, 14, 5, 0, 0, time.UTC)

func TestDate(t *testing.T) {
	for _, tc := range []struct {
		lang                            string
		opt                             Options
		date, dateTime, monthYear, year string
	}{
		{"en", Options{}, "29 November 2026", "29 November 2026 at 14:05", "November 2026", "2026"},
		{"sq", Options{}, "29 nëntor 2026", "29 nëntor 2026 në 14:05", "nëntor 2026", "2026"},
		{"ar", Options{}, "٢٩ نوفمبر ٢٠٢٦", "٢٩ نوفمبر ٢٠٢٦، الساعة ١٤:٠٥", "نوفمبر ٢٠٢٦", "٢٠٢٦"},
		{"fa", Options{}, "۸ آذر ۱۴۰۵", "۸ آذر ۱۴۰۵، ساعت ۱۴:۰۵", "آذر ۱۴۰۵", "۱۴۰۵"},
		{"fa", Options{Calendar: Persian}, "۸ آذر ۱۴۰۵", "۸ آذر ۱۴۰۵، ساعت ۱۴:۰۵", "آذر ۱۴۰۵", "۱۴۰۵"},
		{"fa", Options{Calendar: Gregorian}, "۲۹ نوامبر ۲۰۲۶", "۲۹ نوامبر ۲۰۲۶، ساعت ۱۴:۰۵", "نوامبر ۲۰۲۶", "۲۰۲۶"},
		{"fa", Options{Digits: Latn}, "8 آذر 1405", "8 آذر 1405، ساعت 14:05", "آذر 1405", "1405"},
		{"ar", Options{Calendar: Persian}, "٨ آذر ١٤٠٥", "٨ آذر ١٤٠٥، الساعة ١٤:٠٥", "آذر ١٤٠٥", "١٤٠٥"},
		{"ar", Options{Digits: Latn}, "29 نوفمبر 2026", "29 نوفمبر 2026، الساعة 14:05", "نوفمبر 2026", "2026"},
		{"en", Options{Calendar: Persian}, "8 Azar 1405", "8 Azar 1405 at 14:05", "Azar 1405", "1405"},
		{"sq", Options{Calendar: Persian}, "8 Azar 1405", "8 Azar 1405 në 14:05", "Azar 1405", "1405"},
		{"en", Options{Digits: Arabext}, "۲۹ November ۲۰۲۶", "۲۹ November ۲۰۲۶ at ۱۴:۰۵", "November ۲۰۲۶", "۲۰۲۶"},
	} {
		l := MustNew(tc.lang, tc.opt)
		if got := l.Date(today); got != tc.date {
			t.Errorf("%s %+v Date = %q, want %q", tc.lang, tc.opt, got, tc.date)
		}
		if got := l.DateTime(today); got != tc.dateTime {
			t.Errorf("%s %+v DateTime = %q, want %q", tc.lang, tc.opt, got, tc.dateTime)
		}
		if got := l.MonthYear(today); got != tc.monthYear {
			t.Errorf("%s %+v MonthYear = %q, want %q", tc.lang, tc.opt, got, tc.monthYear)
		}
		if got := l.Year(today); got != tc.year {
			t.Errorf("%s %+v Year = %q, want %q", tc.lang, tc.opt, got, tc.year)
		}
	}
}

func TestMonthNames(t *testing.T) {
	check := func(lang string, cal Calendar, want string) {
		t.Helper()
		l := MustNew(lang, Options{Calendar: cal})
		var got []string
		for m := 1; m <= 12; m++ {
			got = append(got, l.MonthName(m))
		}
		if g := strings.Join(got, " "); g != want {
			t.Errorf("%s %s months:\n got %s\nwant %s", lang, cal, g, want)
		}
		if l.MonthName(0) != "" || l.MonthName(13) != "" {
			t.Errorf("%s: names for months 0 and 13", lang)
		}
	}
	check("en", Gregorian, "January February March April May June July August September October November December")
	check("sq", Gregorian, "janar shkurt mars prill maj qershor korrik gusht shtator tetor nëntor dhjetor")
	check("ar", Gregorian, "يناير فبراير مارس أبريل مايو يونيو يوليو أغسطس سبتمبر أكتوبر نوفمبر ديسمبر")
	check("fa", Gregorian, "ژانویه فوریه مارس آوریل مه ژوئن ژوئیه اوت سپتامبر اکتبر نوامبر دسامبر")
	check("fa", Persian, "فروردین اردیبهشت خرداد تیر مرداد شهریور مهر آبان آذر دی بهمن اسفند")
	check("en", Persian, "Farvardin Ordibehesht Khordad Tir Mordad Shahrivar Mehr Aban Azar Dey Bahman Esfand")

	// Every month of the Persian year, through a whole year of dates.
	fa := MustNew("fa", Options{})
	for m := 1; m <= 12; m++ {
		g := FromJalali(1405, m, 1)
		if got, want := fa.MonthYear(g), fa.MonthName(m)+" ۱۴۰۵"; got != want {
			t.Errorf("MonthYear(%s) = %q, want %q", g.Format("2006-01-02"), got, want)
		}
	}
}

func TestDateLocation(t *testing.T) {
	tehran := time.FixedZone("IRST", 3*3600+30*60)
	la := time.FixedZone("PST", -8*3600)
	// 22:00 UTC on 19 March 2024: still 19 March in UTC and LA, already
	// Nowruz 1403 in Tehran.
	instant := time.Date(2024, 3, 19, 22, 0, 0, 0, time.UTC)
	for _, tc := range []struct {
		loc  *time.Location
		want string
	}{
		{nil, "۲۹ اسفند ۱۴۰۲، ساعت ۲۲:۰۰"},
		{time.UTC, "۲۹ اسفند ۱۴۰۲، ساعت ۲۲:۰۰"},
		{tehran, "۱ فروردین ۱۴۰۳، ساعت ۰۱:۳۰"},
		{la, "۲۹ اسفند ۱۴۰۲، ساعت ۱۴:۰۰"},
	} {
		l := MustNew("fa", Options{Location: tc.loc})
		if got := l.DateTime(instant); got != tc.want {
			t.Errorf("%v: %q, want %q", tc.loc, got, tc.want)
		}
		// The zone of the argument does not matter, only the instant.
		if got := l.DateTime(instant.In(la)); got != tc.want {
			t.Errorf("%v from LA: %q, want %q", tc.loc, got, tc.want)
		}
	}
	en := MustNew("en", Options{Location: tehran})
	if got := en.Year(time.Date(2025, 12, 31, 21, 0, 0, 0, time.UTC)); got != "2026" {
		t.Errorf("en Year in Tehran = %q", got)
	}
	if got := MustNew("en", Options{Location: tehran}).Clock(instant); got != "01:30" {
		t.Errorf("Clock = %q", got)
	}
}

func TestTranslate(t *testing.T) {
	en := MustNew("en", Options{})
	fa := MustNew("fa", Options{})
	ar := MustNew("ar", Options{})
	sq := MustNew("sq", Options{})

	if got := en.T("nav.home"); got != "Home" {
		t.Errorf("en nav.home = %q", got)
	}
	if got := fa.T("nav.home"); got != "خانه" {
		t.Errorf("fa nav.home = %q", got)
	}
	// A missing key shows itself, with or without arguments.
	for _, l := range []*Locale{en, fa, ar, sq} {
		if got := l.T("no.such.key"); got != "no.such.key" {
			t.Errorf("%s missing key = %q", l.Lang(), got)
		}
		if got := l.T("no.such.key", 1, "x"); got != "no.such.key" {
			t.Errorf("%s missing key with args = %q", l.Lang(), got)
		}
		if got := l.N("no.such.plural", 3); got != "no.such.plural" {
			t.Errorf("%s missing plural = %q", l.Lang(), got)
		}
		if l.Has("no.such.key") || !l.Has("nav.home") || !l.Has("comments.count") {
			t.Errorf("%s Has is wrong", l.Lang())
		}
	}

	// The footer: years are strings made by Year, so in the locale's digits.
	first := time.Date(2019, 6, 1, 0, 0, 0, 0, time.UTC)
	for _, tc := range []struct {
		l    *Locale
		want string
	}{
		{en, "© 2019 – 2026 Masthead. All rights reserved."},
		{sq, "© 2019 – 2026 Masthead. Të gjitha të drejtat e rezervuara."},
		{ar, "© ٢٠١٩ – ٢٠٢٦ Masthead. جميع الحقوق محفوظة."},
		{fa, "© ۱۳۹۸ – ۱۴۰۵ Masthead. تمامی حقوق محفوظ است."},
	} {
		if got := tc.l.T("footer.rights", tc.l.Year(first), tc.l.Year(today), "Masthead"); got != tc.want {
			t.Errorf("%s footer = %q, want %q", tc.l.Lang(), got, tc.want)
		}
	}

	// Integer arguments take the locale's digits; strings are left alone.
	if got := fa.T("article.published", "2026"); got != "منتشرشده در 2026" {
		t.Errorf("fa string arg = %q", got)
	}
	if got := fa.T("article.published", 2026); got != "منتشرشده در ۲۰۲۶" {
		t.Errorf("fa int arg with %%s = %q", got)
	}
	// A plural entry used with T gives its "other" form.
	if got := en.T("comments.count", 5); got != "5 comments" {
		t.Errorf("T on plural = %q", got)
	}
	// A plain entry used with N is formatted with n.
	if got := ar.N("article.published", 7); got != "نُشر في ٧" {
		t.Errorf("N on plain entry = %q", got)
	}
}

func TestPluralMessages(t *testing.T) {
	want := map[string]map[int]string{
		"en": {0: "No comments", 1: "1 comment", 2: "2 comments", 11: "11 comments", 1000: "1000 comments"},
		"sq": {0: "Asnjë koment", 1: "1 koment", 2: "2 komente", 21: "21 komente"},
		"fa": {0: "بدون دیدگاه", 1: "۱ دیدگاه", 2: "۲ دیدگاه", 25: "۲۵ دیدگاه"},
		"ar": {
			0: "لا توجد تعليقات", 1: "تعليق واحد", 2: "تعليقان",
			3: "٣ تعليقات", 10: "١٠ تعليقات", 11: "١١ تعليقًا", 99: "٩٩ تعليقًا",
			100: "١٠٠ تعليق", 101: "١٠١ تعليق", 102: "١٠٢ تعليق", 103: "١٠٣ تعليقات",
		},
	}
	for lang, m := range want {
		l := MustNew(lang, Options{})
		for n, w := range m {
			if got := l.N("comments.count", n); got != w {
				t.Errorf("%s N(comments.count, %d) = %q, want %q", lang, n, got, w)
			}
		}
	}
	// Without an explicit zero form, 0 takes its CLDR category.
	for lang, w := range map[string]string{"en": "0 articles", "sq": "0 artikuj", "fa": "۰ مقاله"} {
		if got := MustNew(lang, Options{}).N("articles.count", 0); got != w {
			t.Errorf("%s N(articles.count, 0) = %q, want %q", lang, got, w)
		}
	}
	// Digits follow the options.
	if got := MustNew("ar", Options{Digits: Latn}).N("comments.count", 11); got != "11 تعليقًا" {
		t.Errorf("ar latn = %q", got)
	}
}

func TestFormatArguments(t *testing.T) {
	fa := MustNew("fa", Options{})
	ar := MustNew("ar", Options{})
	sq := MustNew("sq", Options{})
	for _, tc := range []struct {
		l    *Locale
		msg  string
		args []any
		want string
	}{
		{fa, "%d/%d", []any{3, int64(12)}, "۳/۱۲"},
		{fa, "%03d", []any{7}, "۰۰۷"},
		{fa, "%5d|", []any{42}, "   ۴۲|"},
		{fa, "%-4d|", []any{42}, "۴۲  |"},
		{fa, "%+d", []any{5}, "+۵"},
		{fa, "%v and %s", []any{uint8(9), uint64(10)}, "۹ and ۱۰"},
		{fa, "%x", []any{255}, "ff"},
		{fa, "%[2]s – %[1]d", []any{5, "x"}, "x – ۵"},
		{fa, "%.1f", []any{2.45}, "۲٫۵"},
		{fa, "%v", []any{0.5}, "۰٫۵"},
		{sq, "%.2f", []any{3.14159}, "3,14"},
		{ar, "%d%%", []any{50}, "٥٠%"},
		{ar, "no verbs", []any{1, 2}, "no verbs"},           // unused arguments are dropped
		{ar, "one %s", []any{"a", "b"}, "one a"},            // ... also trailing ones
		{ar, "%[2]s only", []any{1, "b"}, "b only"},         // explicit indexes may skip n
		{ar, "%s and %s", []any{"a"}, "a and %!s(MISSING)"}, // missing ones stay visible
		{ar, "%*d|", []any{4, 7}, "   ٧|"},
	} {
		if got := tc.l.format(tc.msg, tc.args); got != tc.want {
			t.Errorf("%s format(%q, %v) = %q, want %q", tc.l.Lang(), tc.msg, tc.args, got, tc.want)
		}
	}
}

func TestParseFormat(t *testing.T) {
	for _, tc := range []struct {
		format    string
		refs      []verbRef
		reordered bool
	}{
		{"plain", nil, false},
		{"100%%", nil, false},
		{"%d comments", []verbRef{{1, 'd'}}, false},
		{"© %s – %s %s.", []verbRef{{1, 's'}, {2, 's'}, {3, 's'}}, false},
		{"%[3]s %[1]s–%[2]s", []verbRef{{3, 's'}, {1, 's'}, {2, 's'}}, true},
		{"%[2]s then %s", []verbRef{{2, 's'}, {3, 's'}}, true},
		{"%-5.2f %+d", []verbRef{{1, 'f'}, {2, 'd'}}, false},
		{"%*d", []verbRef{{1, '*'}, {2, 'd'}}, false},
		{"%.*f", []verbRef{{1, '*'}, {2, 'f'}}, false},
		{"%[2]*[1]d", []verbRef{{2, '*'}, {1, 'd'}}, true},
		{"trailing %", nil, false},
		{"%é", []verbRef{{1, 'é'}}, false},
	} {
		refs, reordered := parseFormat(tc.format)
		if !reflect.DeepEqual(refs, tc.refs) || reordered != tc.reordered {
			t.Errorf("parseFormat(%q) = %v %v, want %v %v", tc.format, refs, reordered, tc.refs, tc.reordered)
		}
	}
}

func TestConcurrentUse(t *testing.T) {
	locales := []*Locale{
		MustNew("en", Options{}), MustNew("ar", Options{}), MustNew("fa", Options{}), MustNew("sq", Options{}),
	}
	var wg sync.WaitGroup
	for i := 0; i < 8; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			for j := 0; j < 200; j++ {
				l := locales[(i+j)%len(locales)]
				_ = l.N("comments.count", j)
				_ = l.T("footer.rights", l.Year(today), l.Year(today), "M")
				_ = l.DateTime(today.AddDate(0, 0, j))
				_ = l.FileSize(int64(j) * 12345)
				_, _ = New(l.Lang(), Options{})
			}
		}(i)
	}
	wg.Wait()
}
