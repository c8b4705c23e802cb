package i18n

import "time"

// The Solar Hijri (Jalali) calendar.
//
// A year has twelve months: six of 31 days, five of 30 and Esfand with 29
// days, or 30 in a leap year. The year starts at Nowruz, the day on which the
// March equinox falls before noon Iran Standard Time (else the next day).
//
// The arithmetic below follows that rule with 33-year cycles. A cycle is
// 33 × 365 + 8 = 12053 days, a mean year of 365.24242 days, within seconds
// of the mean interval between March equinoxes, so Nowruz stays put for
// centuries. Leap years are those whose position in the cycle (year mod 33)
// is one of 1, 5, 9, 13, 17, 22, 26, 30: leap years four years apart, with
// one five-year step per cycle. The slow remaining drift of the equinox
// against the cycle moves the leap year at position 17 to position 18 from
// 1634 AP (2255 CE) on: the equinoxes of 2256 and 2289 CE fall before noon. Days are anchored at Nowruz 1403 AP =
// 20 March 2024. See jalali_astro_test.go for the astronomical check.

const (
	jalaliAnchorYear = 1403 // a year whose Nowruz is known: 2024-03-20
	jalaliShiftYear  = 1634 // first year that uses jalaliLeapsLate
	jalaliCycleYears = 33
	jalaliCycleLeaps = 8
	jalaliCycleDays  = jalaliCycleYears*365 + jalaliCycleLeaps // 12053
)

// Positions (year mod 33) of the leap years in a cycle, before and after
// jalaliShiftYear.
var (
	jalaliLeapsEarly = [jalaliCycleLeaps]int{1, 5, 9, 13, 17, 22, 26, 30}
	jalaliLeapsLate  = [jalaliCycleLeaps]int{1, 5, 9, 13, 18, 22, 26, 30}
)

// jalaliAnchorDay is the day number (days since 1970-01-01) of Nowruz of
// jalaliAnchorYear.
var jalaliAnchorDay = civilDay(2024, time.March, 20)

func floorDiv(a, b int) int {
	q := a / b
	if (a%b != 0) && ((a < 0) != (b < 0)) {
		q--
	}
	return q
}

func floorMod(a, b int) int {
	return a - floorDiv(a, b)*b
}

// civilDay returns the number of days from 1970-01-01 to the given day of
// the proleptic Gregorian calendar.
func civilDay(year int, month time.Month, day int) int {
	return floorDiv(int(time.Date(year, month, day, 0, 0, 0, 0, time.UTC).Unix()), 86400)
}

func jalaliLeapPositions(year int) *[jalaliCycleLeaps]int {
	if year < jalaliShiftYear {
		return &jalaliLeapsEarly
	}
	return &jalaliLeapsLate
}

// leapsBelow counts the leap years k with 0 <= k < year under the given
// leap positions (negative for negative year: minus the leap years in
// [year, 0)).
func leapsBelow(pos *[jalaliCycleLeaps]int, year int) int {
	n := jalaliCycleLeaps * floorDiv(year, jalaliCycleYears)
	r := floorMod(year, jalaliCycleYears)
	for _, p := range pos {
		if p < r {
			n++
		}
	}
	return n
}

// jalaliLeapCount is a running count of leap years: the number of leap years
// in [a, b) is jalaliLeapCount(b) - jalaliLeapCount(a).
func jalaliLeapCount(year int) int {
	// Both position sets have the same count below jalaliShiftYear
	// (position 17 is the shifted one and 1634 mod 33 = 17), so the piecewise
	// count is continuous at the shift.
	return leapsBelow(jalaliLeapPositions(year), year)
}

// nowruzDay returns the day number of 1 Farvardin of year.
func nowruzDay(year int) int {
	return jalaliAnchorDay + 365*(year-jalaliAnchorYear) +
		jalaliLeapCount(year) - jalaliLeapCount(jalaliAnchorYear)
}

// IsJalaliLeap reports whether the Jalali year has 366 days (Esfand has 30).
func IsJalaliLeap(year int) bool {
	r := floorMod(year, jalaliCycleYears)
	for _, p := range jalaliLeapPositions(year) {
		if p == r {
			return true
		}
	}
	return false
}

// JalaliMonthDays returns the number of days in month (1-12) of the Jalali
// year: 31 for Farvardin to Shahrivar, 30 for Mehr to Bahman, and 29 or, in a
// leap year, 30 for Esfand. It returns 0 for a month outside 1-12.
func JalaliMonthDays(year, month int) int {
	switch {
	case month >= 1 && month <= 6:
		return 31
	case month >= 7 && month <= 11:
		return 30
	case month == 12:
		if IsJalaliLeap(year) {
			return 30
		}
		return 29
	}
	return 0
}

// jalaliMonthStart returns the day of the year (0-based) of the first day of
// month (1-12).
func jalaliMonthStart(month int) int {
	if month <= 7 {
		return 31 * (month - 1)
	}
	return 6*31 + 30*(month-7)
}

// jalaliFromDay converts a day number (days since 1970-01-01) to a Jalali
// date.
func jalaliFromDay(day int) (year, month, dayOfMonth int) {
	// Estimate with the mean year, then correct by at most a step or two.
	year = jalaliAnchorYear + floorDiv((day-jalaliAnchorDay)*jalaliCycleYears, jalaliCycleDays)
	for nowruzDay(year) > day {
		year--
	}
	for nowruzDay(year+1) <= day {
		year++
	}
	doy := day - nowruzDay(year)
	if doy < 6*31 {
		return year, doy/31 + 1, doy%31 + 1
	}
	doy -= 6 * 31
	return year, doy/30 + 7, doy%30 + 1
}

// jalaliToDay converts a Jalali date to a day number, normalizing a month
// outside 1-12 into the neighbouring years and letting the day run over (or
// under) the month, like time.Date.
func jalaliToDay(year, month, day int) int {
	year += floorDiv(month-1, 12)
	month = floorMod(month-1, 12) + 1
	return nowruzDay(year) + jalaliMonthStart(month) + day - 1
}

// ToJalali returns the Jalali date of t's calendar day, taken as is in t's
// own location (convert t with In first to show another zone's date).
func ToJalali(t time.Time) (year, month, day int) {
	y, m, d := t.Date()
	return jalaliFromDay(civilDay(y, m, d))
}

// FromJalali returns midnight UTC of the given Jalali day. Out-of-range
// months and days are normalized as time.Date does: Esfand 1403 has 30 days,
// so FromJalali(1403, 12, 31) is 1 Farvardin 1404, and month 13 of 1403 is
// Farvardin 1404.
func FromJalali(year, month, day int) time.Time {
	return time.Unix(int64(jalaliToDay(year, month, day))*86400, 0).UTC()
}
