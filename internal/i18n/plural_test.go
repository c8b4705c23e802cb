package i18n

import (
	"math"
	"reflect"
	"testing"
)

func TestPluralCategory(t *testing.T) {
	cases := map[string]map[int]string{
		"ar": {
			0: "zero", 1: "one", 2: "two",
			3: "few", 4: "few", 10: "few",
			11: "many", 26: "many", 99: "many",
			100: "other", 101: "other", 102: "other",
			103: "few", 110: "few", 111: "many", 199: "many",
			200: "other", 1000: "other", 1002: "other", 1003: "few", 1011: "many",
			-1: "one", -2: "two", -3: "few", -11: "many", -100: "other",
		},
		"en": {0: "other", 1: "one", 2: "other", 3: "other", 11: "other", 21: "other", 101: "other", -1: "one"},
		"sq": {0: "other", 1: "one", 2: "other", 5: "other", 11: "other", 21: "other", 101: "other", -1: "one"},
		"fa": {0: "one", 1: "one", 2: "other", 3: "other", 10: "other", 11: "other", 21: "other", 100: "other", -1: "one"},
		"xx": {0: "other", 1: "other", 2: "other"},
	}
	for lang, m := range cases {
		for n, want := range m {
			if got := PluralCategory(lang, n); got != want {
				t.Errorf("PluralCategory(%q, %d) = %q, want %q", lang, n, got, want)
			}
		}
	}
	// Region subtags and case are ignored.
	if got := PluralCategory("AR-eg", 11); got != "many" {
		t.Errorf("ar-EG 11: %q", got)
	}
	if got := PluralCategory("fa_IR", 0); got != "one" {
		t.Errorf("fa_IR 0: %q", got)
	}
	// Extremes do not overflow: |MinInt64| = ...808, so n % 100 = 8.
	if got := PluralCategory("ar", math.MinInt64); got != "few" {
		t.Errorf("ar MinInt64: %q", got)
	}
	if got := PluralCategory("ar", math.MaxInt64); got != "few" { // ...807
		t.Errorf("ar MaxInt64: %q", got)
	}
}

func TestPluralCategoriesCoverRules(t *testing.T) {
	want := map[string][]string{
		"ar": {"zero", "one", "two", "few", "many", "other"},
		"en": {"one", "other"},
		"fa": {"one", "other"},
		"sq": {"one", "other"},
	}
	for lang, cats := range want {
		if got := PluralCategories(lang); !reflect.DeepEqual(got, cats) {
			t.Errorf("PluralCategories(%q) = %v, want %v", lang, got, cats)
		}
		// Every category PluralCategory returns is listed, and every
		// listed category is returned for some n.
		seen := map[string]bool{}
		for n := -1000; n <= 100000; n++ {
			c := PluralCategory(lang, n)
			if !allowedCategory(lang, c) || (c == "zero" && lang != "ar") {
				t.Fatalf("PluralCategory(%q, %d) = %q, not in %v", lang, n, c, cats)
			}
			seen[c] = true
		}
		if len(seen) != len(cats) {
			t.Errorf("%s: categories seen %v, listed %v", lang, seen, cats)
		}
	}
}
