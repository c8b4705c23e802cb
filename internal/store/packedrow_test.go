package store

import (
	"encoding/json"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/masthead-news/masthead/internal/content"
)

func TestPackedRowReadsWhatBothDatabasesWrite(t *testing.T) {
	// SQLite's json_array writes no spaces; PostgreSQL's json_build_array
	// writes ", " between values.
	for _, text := range []string{
		`[12,"a\"b\\c","",null,-3,"\n\t\u0001\u00e9\ud83c\udf0a","آب 🌊"]`,
		`[12, "a\"b\\c", "", null, -3, "\n\t\u0001\u00e9\ud83c\udf0a", "آب 🌊"]`,
	} {
		r := packedRow{text: text}
		r.open()
		id, s1, s2, s3, n, s4, s5 := r.int(), r.str(), r.str(), r.str(), r.int(), r.str(), r.str()
		if err := r.close(); err != nil {
			t.Fatalf("%s: %v", text, err)
		}
		if id != 12 || s1 != `a"b\c` || s2 != "" || s3 != "" || n != -3 || s4 != "\n\t\x01é🌊" || s5 != "آب 🌊" {
			t.Errorf("%s: read %d %q %q %q %d %q %q", text, id, s1, s2, s3, n, s4, s5)
		}
	}
}

func TestPackedRowRefusesWhatItCannotRead(t *testing.T) {
	read := func(text string) error {
		r := packedRow{text: text}
		r.open()
		r.int()
		r.str()
		return r.close()
	}
	if err := read(`[1,"x"]`); err != nil {
		t.Fatalf("a good row: %v", err)
	}
	for _, text := range []string{
		``, `1,"x"]`, `[1]`, `[1,"x"`, `[1,"x",2]`, `["1","x"]`, `[1,2]`, `[1,"x]`, `[1,"x\`, `[1,"\q"]`,
		`[1,"\u12"]`, `[1,"\uZZZZ"]`, `[1 "x"]`, `[x,"x"]`, `[99999999999999999999,"x"]`,
	} {
		if err := read(text); err == nil {
			t.Errorf("%q was read without an error", text)
		}
	}
}

// FuzzPackedRow: whatever a string holds, packedRow reads back what
// encoding/json (which escapes more than either database) wrote.
func FuzzPackedRow(f *testing.F) {
	for _, s := range []string{"", `"\`, "a\x00b", "\u2028<&>", "🌊", "\xff\xfe", "\\u0041"} {
		f.Add(s, int64(-7))
	}
	f.Fuzz(func(t *testing.T, s string, n int64) {
		if !utf8.ValidString(s) {
			s = strings.ToValidUTF8(s, "\uFFFD") // json.Marshal would do the same
		}
		packed, err := json.Marshal([]any{n, s, s})
		if err != nil {
			t.Fatal(err)
		}
		r := packedRow{text: string(packed)}
		r.open()
		gotN, got1, got2 := r.int(), r.str(), r.str()
		if err := r.close(); err != nil {
			t.Fatalf("%s: %v", packed, err)
		}
		if gotN != n || got1 != s || got2 != s {
			t.Fatalf("%s: read %d %q %q, want %d %q", packed, gotN, got1, got2, n, s)
		}
	})
}

func TestNewestFirstOrdersLikeTheListingIndex(t *testing.T) {
	at := func(id int64, sec int64) *content.Article {
		return &content.Article{ID: id, PublishedAt: time.Unix(sec, 0)}
	}
	list := []*content.Article{at(1, 100), at(3, 200), at(2, 200), at(4, 50)}
	slices.SortFunc(list, newestFirst)
	var got []int64
	for _, a := range list {
		got = append(got, a.ID)
	}
	if !slices.Equal(got, []int64{3, 2, 1, 4}) {
		t.Fatalf("newest first gave %v, want [3 2 1 4]", got)
	}
}
