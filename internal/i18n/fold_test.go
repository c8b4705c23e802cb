package i18n

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestFold(t *testing.T) {
	for _, tc := range []struct{ in, want, note string }{
		// Yeh: Arabic ي, alef maksura ى and Persian ی are one letter.
		{"علی", "علي", "Persian yeh"},
		{"على", "علي", "alef maksura"},
		{"علي", "علي", "Arabic yeh stays"},
		{"ایران", "ايران", "medial Persian yeh"},
		// Kaf: Arabic ك and Persian ک.
		{"کتاب", "كتاب", "Persian kaf"},
		{"كتاب", "كتاب", "Arabic kaf stays"},
		{"ڪتاب", "كتاب", "swash kaf"},
		{"یک کودک", "يك كودك", "kaf and yeh together"},
		// Alef variants.
		{"أحمد", "احمد", "alef hamza above"},
		{"إسلام", "اسلام", "alef hamza below"},
		{"آب", "اب", "alef madda"},
		{"ٱلله", "الله", "alef wasla"},
		{"\u0627\u0653\u0628", "اب", "decomposed alef madda"},
		{"\u0627\u0654\u062d\u0645\u062f", "احمد", "decomposed alef hamza"},
		// Teh marbuta folds to heh; so do heh with yeh above and heh goal.
		{"مدرسة", "مدرسه", "teh marbuta"},
		{"مدرسه", "مدرسه", "heh stays"},
		{"خانۀ ما", "خانه ما", "heh with yeh above"},
		{"خانه\u0654 ما", "خانه ما", "heh with combining hamza"},
		// Diacritics and tatweel.
		{"مُحَمَّد", "محمد", "damma, fatha, shadda"},
		{"كِتَابٌ", "كتاب", "kasra, fatha, tanwin damm"},
		{"شُكْرًا", "شكرا", "sukun, tanwin fath"},
		{"هٰذا", "هذا", "superscript alef"},
		{"عــــربي", "عربي", "tatweel"},
		{"ـ", "", "tatweel alone"},
		// Hamza seats are kept, in both spellings.
		{"مسؤول", "مسؤول", "waw hamza stays"},
		{"\u0645\u0633\u0648\u0654\u0648\u0644", "مسؤول", "waw + combining hamza composes"},
		{"\u0645\u0633\u064a\u0654\u0644\u0629", "مسئله", "yeh + combining hamza composes"},
		{"\u0645\u0633\u06cc\u0654\u0644\u0647", "مسئله", "Persian yeh + combining hamza composes"},
		{"\u0648\u064e\u0654", "ؤ", "hamza after an intervening haraka"},
		{"\u0648 \u0654", "و", "hamza after a space is dropped"},
		{"\u0654", "", "lone hamza"},
		// ZWNJ becomes a space; other invisible characters go.
		{"می\u200cشود", "مي شود", "ZWNJ"},
		{"می شود", "مي شود", "space"},
		{"میشود", "ميشود", "joined"},
		{"می \u200cشود", "مي شود", "space and ZWNJ"},
		{"کتاب\u200cها", "كتاب ها", "plural suffix"},
		{"\u200cابتدا\u200c", "ابتدا", "ZWNJ at the ends"},
		{"a\u200bb", "ab", "ZWSP"},
		{"a\u200db", "ab", "ZWJ"},
		{"\u200fسلام\u200e", "سلام", "RLM LRM"},
		{"\u061cسلام", "سلام", "ALM"},
		{"\ufeffhello", "hello", "BOM"},
		{"\u2067abc\u2069", "abc", "isolates"},
		{"co\u00adop", "coop", "soft hyphen"},
		// Digits.
		{"٠١٢٣٤٥٦٧٨٩", "0123456789", "Arabic-Indic"},
		{"۰۱۲۳۴۵۶۷۸۹", "0123456789", "Persian"},
		{"۱۴۰۵/۰۹/۰۸", "1405/09/08", "Persian date"},
		{"١٢٬٣٤٥٫٦", "12,345.6", "Arabic separators"},
		// Latin.
		{"Hello World", "hello world", "ASCII"},
		{"NËNTOR Çka", "nëntor çka", "Albanian"},
		{"ΣΊΣΥΦΟΣ σίσυφος", "σίσυφοσ σίσυφοσ", "final sigma"},
		{"Straße STRASSE", "strasse strasse", "sharp s"},
		{"ǅemal", "ǆemal", "titlecase digraph"},
		{"\u212a", "k", "Kelvin sign"},
		// White space.
		{"  a \t b\n", "a b", "collapsed and trimmed"},
		{"a\u00a0b", "a b", "no-break space"},
		{"", "", "empty"},
		{"   ", "", "only spaces"},
		// Mixed.
		{"«مُسْتَشْفَى» ٢٠٢٤ Hospital", "«مستشفي» 2024 hospital", "mixed"},
		{"گزارش ویژهٔ سال ۱۴۰۳", "گزارش ويژه سال 1403", "Persian headline"},
	} {
		if got := Fold(tc.in); got != tc.want {
			t.Errorf("Fold(%q) = %q, want %q (%s)", tc.in, got, tc.want, tc.note)
		}
	}
}

func TestFoldEquivalences(t *testing.T) {
	same := [][]string{
		{"ي", "ى", "ی"},
		{"ك", "ک"},
		{"ا", "أ", "إ", "آ", "ٱ"},
		{"كيف", "کیف", "كیف", "کيف"}, // each direction
		{"يكون", "یکون", "یكون"},
		{"می\u200cشود", "می شود", "مي شود", "مى  شود"},
		{"مدرسة", "مدرسه", "مَدْرَسَة"},
		{"محمد", "مُحَمَّد", "مـحـمـد"},
		{"123", "١٢٣", "۱۲۳"},
		{"Tirana", "TIRANA", "tirana"},
	}
	for _, group := range same {
		for _, s := range group[1:] {
			if Fold(s) != Fold(group[0]) {
				t.Errorf("Fold(%q) = %q, Fold(%q) = %q; want equal", s, Fold(s), group[0], Fold(group[0]))
			}
		}
	}
	// The ZWNJ choice: a space, not nothing.
	if Fold("می\u200cشود") == Fold("میشود") {
		t.Error("ZWNJ folds like nothing; it should fold like a space")
	}
	// Distinct letters stay distinct.
	for _, pair := range [][2]string{{"ه", "ح"}, {"ي", "ئ"}, {"و", "ؤ"}, {"ك", "گ"}, {"ا", "ء"}, {"e", "ë"}} {
		if Fold(pair[0]) == Fold(pair[1]) {
			t.Errorf("Fold makes %q and %q equal", pair[0], pair[1])
		}
	}
}

func TestFoldIdempotent(t *testing.T) {
	var b strings.Builder
	for r := rune(0); r <= 0x2FFFF; r++ {
		if !utf8.ValidRune(r) {
			continue
		}
		s := "a" + string(r) + "b"
		f := Fold(s)
		if g := Fold(f); g != f {
			t.Fatalf("Fold(Fold(%q)) = %q, Fold = %q", s, g, f)
		}
		if !utf8.ValidString(f) {
			t.Fatalf("Fold(%q) is not valid UTF-8", s)
		}
		if r >= 0x600 && r <= 0x6ff {
			b.WriteRune(r)
		}
	}
	// A run of all Arabic-block letters and marks, with ZWNJ and spaces.
	all := b.String() + "\u200c \u0648\u0654 \u064a\u0654"
	if f := Fold(all); Fold(f) != f {
		t.Errorf("Fold is not idempotent on the Arabic block")
	}
	if !utf8.ValidString(Fold("ab\xffc")) {
		t.Error("invalid UTF-8 in, invalid out")
	}
}

func TestFoldNoAllocWhenUnchanged(t *testing.T) {
	for _, s := range []string{"", "hello world", "كتاب مدرسه", "مي شود 1405", "nëntor 2026"} {
		if Fold(s) != s {
			t.Fatalf("Fold(%q) changed it", s)
		}
		if n := testing.AllocsPerRun(100, func() { _ = Fold(s) }); n != 0 {
			t.Errorf("Fold(%q): %v allocations", s, n)
		}
	}
	// Changed strings allocate once.
	if n := testing.AllocsPerRun(100, func() { _ = Fold("کتاب") }); n > 1 {
		t.Errorf("Fold(changed): %v allocations", n)
	}
}

func BenchmarkFold(b *testing.B) {
	s := strings.Repeat("گزارش ویژهٔ سال ۱۴۰۳ می‌شود Hello ", 20)
	b.SetBytes(int64(len(s)))
	for i := 0; i < b.N; i++ {
		Fold(s)
	}
}
