package i18n

import (
	"testing"
	"time"
)

func gdate(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

// Known Gregorian ↔ Jalali pairs: official Nowruz dates, last days of leap
// and common years, and dates of well-known events.
var jalaliPairs = []struct {
	g       time.Time
	y, m, d int
	note    string
}{
	{gdate(2024, 3, 20), 1403, 1, 1, "Nowruz 1403"},
	{gdate(2025, 3, 21), 1404, 1, 1, "Nowruz 1404"},
	{gdate(2020, 3, 20), 1399, 1, 1, "Nowruz 1399"},
	{gdate(2021, 3, 21), 1400, 1, 1, "Nowruz 1400"},
	{gdate(2022, 3, 21), 1401, 1, 1, "Nowruz 1401"},
	{gdate(2023, 3, 21), 1402, 1, 1, "Nowruz 1402"},
	{gdate(2026, 3, 21), 1405, 1, 1, "Nowruz 1405"},
	{gdate(2016, 3, 20), 1395, 1, 1, "Nowruz 1395"},
	{gdate(2017, 3, 21), 1396, 1, 1, "Nowruz 1396"},
	{gdate(1999, 3, 21), 1378, 1, 1, "Nowruz 1378"},
	{gdate(2000, 3, 20), 1379, 1, 1, "Nowruz 1379"},
	{gdate(2029, 3, 20), 1408, 1, 1, "Nowruz 1408"},
	{gdate(2030, 3, 21), 1409, 1, 1, "Nowruz 1409"},
	{gdate(2021, 3, 20), 1399, 12, 30, "last day of leap year 1399"},
	{gdate(2025, 3, 20), 1403, 12, 30, "last day of leap year 1403"},
	{gdate(2017, 3, 20), 1395, 12, 30, "last day of leap year 1395"},
	{gdate(2030, 3, 20), 1408, 12, 30, "last day of leap year 1408"},
	{gdate(2023, 3, 20), 1401, 12, 29, "last day of common year 1401"},
	{gdate(2024, 3, 19), 1402, 12, 29, "last day of common year 1402"},
	{gdate(2026, 3, 20), 1404, 12, 29, "last day of common year 1404"},
	{gdate(2022, 3, 20), 1400, 12, 29, "last day of common year 1400"},
	{gdate(2025, 3, 22), 1404, 1, 2, "day after Nowruz 1404"},
	{gdate(2024, 3, 21), 1403, 1, 2, "day after Nowruz 1403"},
	{gdate(2026, 11, 29), 1405, 9, 8, "today"},
	{gdate(1979, 2, 11), 1357, 11, 22, "22 Bahman 1357, revolution"},
	{gdate(1979, 4, 1), 1358, 1, 12, "12 Farvardin 1358, referendum"},
	{gdate(1980, 9, 22), 1359, 6, 31, "31 Shahrivar 1359, war begins"},
	{gdate(1989, 6, 4), 1368, 3, 14, "14 Khordad 1368, Khomeini memorial"},
	{gdate(1970, 1, 1), 1348, 10, 11, "Unix epoch"},
	{gdate(2000, 1, 1), 1378, 10, 11, "Y2K"},
	{gdate(2024, 9, 22), 1403, 7, 1, "1 Mehr 1403 (after a leap year's Nowruz)"},
	{gdate(2025, 9, 23), 1404, 7, 1, "1 Mehr 1404"},
	{gdate(2024, 12, 21), 1403, 10, 1, "1 Dey 1403, after Yalda"},
	{gdate(2025, 12, 21), 1404, 9, 30, "Yalda 1404"},
	{gdate(2024, 9, 21), 1403, 6, 31, "last day of Shahrivar"},
	{gdate(2026, 9, 22), 1405, 6, 31, "last day of Shahrivar 1405"},
	{gdate(1925, 3, 21), 1304, 1, 1, "Nowruz 1304, calendar law year"},
}

func TestJalaliKnownPairs(t *testing.T) {
	if len(jalaliPairs) < 25 {
		t.Fatalf("only %d pairs", len(jalaliPairs))
	}
	for _, p := range jalaliPairs {
		y, m, d := ToJalali(p.g)
		if y != p.y || m != p.m || d != p.d {
			t.Errorf("ToJalali(%s) = %d-%02d-%02d, want %d-%02d-%02d (%s)",
				p.g.Format("2006-01-02"), y, m, d, p.y, p.m, p.d, p.note)
		}
		if g := FromJalali(p.y, p.m, p.d); !g.Equal(p.g) || g.Location() != time.UTC {
			t.Errorf("FromJalali(%d, %d, %d) = %v, want %v (%s)", p.y, p.m, p.d, g, p.g, p.note)
		}
	}
}

func TestJalaliLeapYears(t *testing.T) {
	leap := []int{1370, 1375, 1379, 1383, 1387, 1391, 1395, 1399, 1403, 1408, 1412, 1416, 1420}
	common := []int{1371, 1372, 1373, 1374, 1376, 1388, 1396, 1397, 1398, 1400, 1401, 1402, 1404, 1405, 1406, 1407, 1409}
	for _, y := range leap {
		if !IsJalaliLeap(y) {
			t.Errorf("IsJalaliLeap(%d) = false, want true", y)
		}
		if got := JalaliMonthDays(y, 12); got != 30 {
			t.Errorf("JalaliMonthDays(%d, 12) = %d, want 30", y, got)
		}
	}
	for _, y := range common {
		if IsJalaliLeap(y) {
			t.Errorf("IsJalaliLeap(%d) = true, want false", y)
		}
		if got := JalaliMonthDays(y, 12); got != 29 {
			t.Errorf("JalaliMonthDays(%d, 12) = %d, want 29", y, got)
		}
	}
}

func TestJalaliMonthDays(t *testing.T) {
	for y := 1300; y <= 1500; y++ {
		total := 0
		for m := 1; m <= 12; m++ {
			n := JalaliMonthDays(y, m)
			var want int
			switch {
			case m <= 6:
				want = 31
			case m <= 11:
				want = 30
			case IsJalaliLeap(y):
				want = 30
			default:
				want = 29
			}
			if n != want {
				t.Fatalf("JalaliMonthDays(%d, %d) = %d, want %d", y, m, n, want)
			}
			total += n
		}
		days := int(FromJalali(y+1, 1, 1).Sub(FromJalali(y, 1, 1)) / (24 * time.Hour))
		if total != days {
			t.Fatalf("year %d: months sum to %d days, Nowruz to Nowruz is %d", y, total, days)
		}
	}
	for _, m := range []int{0, 13, -1} {
		if n := JalaliMonthDays(1403, m); n != 0 {
			t.Errorf("JalaliMonthDays(1403, %d) = %d, want 0", m, n)
		}
	}
}

// checkJalaliRange walks every day in [from, to] and checks the round trip
// and that Jalali dates advance by exactly one day each day.
func checkJalaliRange(t *testing.T, from, to time.Time) {
	t.Helper()
	py, pm, pd := ToJalali(from.AddDate(0, 0, -1))
	leaps, years := 0, 0
	for g := from; !g.After(to); g = g.AddDate(0, 0, 1) {
		y, m, d := ToJalali(g)
		if back := FromJalali(y, m, d); !back.Equal(g) {
			t.Fatalf("%s → %d-%02d-%02d → %s", g.Format("2006-01-02"), y, m, d, back.Format("2006-01-02"))
		}
		if m < 1 || m > 12 || d < 1 || d > JalaliMonthDays(y, m) {
			t.Fatalf("%s → invalid %d-%02d-%02d", g.Format("2006-01-02"), y, m, d)
		}
		// The next day of the previous date.
		ny, nm, nd := py, pm, pd+1
		if nd > JalaliMonthDays(py, pm) {
			nm, nd = pm+1, 1
			if nm > 12 {
				ny, nm = py+1, 1
			}
		}
		if y != ny || m != nm || d != nd {
			t.Fatalf("%s → %d-%02d-%02d, want %d-%02d-%02d after %d-%02d-%02d",
				g.Format("2006-01-02"), y, m, d, ny, nm, nd, py, pm, pd)
		}
		if m == 12 && d == 29 {
			years++
			if IsJalaliLeap(y) {
				leaps++
			}
		}
		py, pm, pd = y, m, d
	}
	// 8 leap years in 33: the share must be close to 8/33 over a century.
	if years > 90 {
		if share := float64(leaps) / float64(years); share < 0.23 || share > 0.25 {
			t.Errorf("%d leap years out of %d", leaps, years)
		}
	}
}

func TestJalaliRoundTrip1950To2050(t *testing.T) {
	checkJalaliRange(t, gdate(1950, 1, 1), gdate(2050, 12, 31))
}

func TestJalaliRoundTrip1800To2400(t *testing.T) {
	checkJalaliRange(t, gdate(1800, 1, 1), gdate(2400, 12, 31))
}

func TestJalaliRangeEnds(t *testing.T) {
	// Both ends of the supported range, and the phase change of the leap
	// pattern at 1634 AP: 1630 and 1635 are leap years, 1631 to 1634 not.
	for _, tc := range []struct {
		g       time.Time
		y, m, d int
	}{
		{gdate(1800, 1, 1), 1178, 10, 11},
		{gdate(1799, 3, 21), 1178, 1, 1},
		{gdate(2400, 12, 31), 1779, 10, 11}, // Nowruz 1779 is 2400-03-20
		{gdate(2256, 3, 20), 1635, 1, 1},
		{gdate(2256, 3, 19), 1634, 12, 29},
	} {
		if y, m, d := ToJalali(tc.g); y != tc.y || m != tc.m || d != tc.d {
			t.Errorf("ToJalali(%s) = %d-%02d-%02d, want %d-%02d-%02d", tc.g.Format("2006-01-02"), y, m, d, tc.y, tc.m, tc.d)
		}
	}
	for y, want := range map[int]bool{1629: false, 1630: true, 1631: false, 1632: false, 1633: false, 1634: false, 1635: true, 1636: false, 1667: false, 1668: true, 1601: true, 1600: false} {
		if IsJalaliLeap(y) != want {
			t.Errorf("IsJalaliLeap(%d) = %v, want %v", y, !want, want)
		}
	}
}

func TestJalaliLeapCountConsistent(t *testing.T) {
	// The day count must agree with IsJalaliLeap for every year, across the
	// phase change and into negative (proleptic) years.
	for y := -100; y <= 3000; y++ {
		want := 365
		if IsJalaliLeap(y) {
			want = 366
		}
		if got := nowruzDay(y+1) - nowruzDay(y); got != want {
			t.Fatalf("year %d has %d days, IsJalaliLeap says %d", y, got, want)
		}
	}
	// Every 33 consecutive years hold 8 leap years, except the one window
	// that ends at 1634, which lost its leap year to 1635.
	for y := 1100; y <= 1900; y++ {
		n := 0
		for k := y; k < y+33; k++ {
			if IsJalaliLeap(k) {
				n++
			}
		}
		want := 8
		if y+32 == jalaliShiftYear {
			want = 7
		}
		if n != want {
			t.Fatalf("years %d-%d hold %d leap years", y, y+32, n)
		}
	}
}

func TestToJalaliUsesCalendarDateAsIs(t *testing.T) {
	tehran := time.FixedZone("IRST", 3*3600+1800)
	// 22:00 UTC on 19 March 2024 is already 20 March in Tehran.
	utc := time.Date(2024, 3, 19, 22, 0, 0, 0, time.UTC)
	if y, m, d := ToJalali(utc); y != 1402 || m != 12 || d != 29 {
		t.Errorf("UTC: %d-%d-%d", y, m, d)
	}
	if y, m, d := ToJalali(utc.In(tehran)); y != 1403 || m != 1 || d != 1 {
		t.Errorf("Tehran: %d-%d-%d", y, m, d)
	}
	// The clock time does not matter.
	if y, m, d := ToJalali(time.Date(2026, 11, 29, 23, 59, 59, 999, tehran)); y != 1405 || m != 9 || d != 8 {
		t.Errorf("late evening: %d-%d-%d", y, m, d)
	}
}

func TestFromJalaliNormalizes(t *testing.T) {
	for _, tc := range []struct {
		y, m, d int
		want    time.Time
	}{
		{1403, 12, 31, gdate(2025, 3, 21)}, // past Esfand 30 of a leap year
		{1404, 12, 30, gdate(2026, 3, 21)}, // past Esfand 29 of a common year
		{1403, 13, 1, gdate(2025, 3, 21)},  // month 13
		{1404, 0, 1, FromJalali(1403, 12, 1)},
		{1404, 1, 0, gdate(2025, 3, 20)},
		{1404, 7, 0, FromJalali(1404, 6, 31)},
		{1404, -11, 1, FromJalali(1403, 1, 1)},
	} {
		if got := FromJalali(tc.y, tc.m, tc.d); !got.Equal(tc.want) {
			t.Errorf("FromJalali(%d, %d, %d) = %s, want %s", tc.y, tc.m, tc.d, got.Format("2006-01-02"), tc.want.Format("2006-01-02"))
		}
	}
	if got := FromJalali(1405, 9, 8); got != gdate(2026, 11, 29) {
		t.Errorf("FromJalali is not midnight UTC: %v", got)
	}
}
