package i18n

import "testing"

// TestPlainFormatAgreesWithFmt: for every message of every catalog, and
// for messages made to probe the edges, the plain path writes exactly what
// fmt writes with the locale's numbers, whatever the arguments; messages
// it cannot write take fmt's path.
func TestPlainFormatAgreesWithFmt(t *testing.T) {
	argSets := [][]any{nil, {0}, {1}, {-3}, {1234567}, {int64(42)}, {int32(7)}, {"text"}, {"a", "b"},
		{5, "title"}, {"title", 5}, {2, 3, 4}, {uint(9)}, {2.5}, {true}}
	probes := []string{"%d comments", "%s and %v", "100%%", "%d%%", "%", "50% off %d", "%x", "%5d", "%[1]d", "plain", "“%s”", "%v%v"}
	plain := 0
	for _, lang := range Languages() {
		l := MustNew(lang, Options{})
		c, err := loadCatalog(lang)
		if err != nil {
			t.Fatal(err)
		}
		msgs := append([]string(nil), probes...)
		for _, e := range c {
			msgs = append(msgs, e.msg)
			for _, m := range e.plural {
				msgs = append(msgs, m)
			}
		}
		for _, msg := range msgs {
			if plainFormatOf(msg) != nil {
				plain++
			}
			for _, args := range argSets {
				if got, want := l.format(msg, args), l.formatFmt(msg, args); got != want {
					t.Errorf("%s: format(%q, %v) = %q, fmt gives %q", lang, msg, args, got, want)
				}
			}
		}
	}
	if plain == 0 {
		t.Fatal("no message took the plain path")
	}
	for msg, want := range map[string]bool{"%d comments": true, "Share “%s”": true, "100%%": true, "%5d": false, "%[1]d": false, "%": false, "%x": false} {
		if got := plainFormatOf(msg) != nil; got != want {
			t.Errorf("plainFormatOf(%q) plain = %v, want %v", msg, got, want)
		}
	}
}
