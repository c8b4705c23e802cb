package search

import (
	"context"
	"errors"
	"reflect"
	"strings"
	"testing"
	"time"
	"unicode"
)

func terms(q Query) []string {
	var out []string
	for _, t := range q.Terms {
		s := strings.Join(t.Tokens, " ")
		if len(t.Tokens) > 1 {
			s = "<" + s + ">"
		}
		if t.Prefix {
			s += "*"
		}
		out = append(out, s)
	}
	return out
}

func TestParse(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want []string
	}{
		{"", nil},
		{"   ", nil},
		{"Library", []string{"library*"}},
		{"river clean-up", []string{"river*", "<clean up>"}},
		{"river clean-ups", []string{"river*", "<clean ups>*"}},
		{`"solar panels" school`, []string{"<solar panels>", "school*"}},
		{`“Solar Panels”`, []string{"<solar panels>"}},
		{"«کتاب خانه» مرکزی", []string{"<كتاب خانه>", "مركزي"}},
		{"a bc def", []string{"a", "bc", "def*"}}, // shorter than three letters: exact, never a prefix
		{"2024", []string{"2024"}},
		{"۱۴۰۳", []string{"1403"}},
		{"می‌شود", []string{"<مي شود>"}},
		{"مُحَمَّد", []string{"محمد"}},
		{"عــربي", []string{"عربي"}},
		{"إسلام آب", []string{"اسلام", "اب"}},
		{`"unclosed phrase`, []string{"<unclosed phrase>"}},
		{`AND OR NOT - * ( ) ^ : +`, []string{"and*", "or", "not*"}},
		{`xxx" OR "yyy`, []string{"xxx*", "or", "yyy*"}},
		{"river river RIVER", []string{"river*"}},
		{`Nova-3`, []string{"<nova 3>"}},
		{`Çka nëntor`, []string{"çka*", "nëntor*"}},
	} {
		if got := terms(Parse(tc.in)); !reflect.DeepEqual(got, tc.want) {
			t.Errorf("Parse(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestParseLimits(t *testing.T) {
	long := strings.Repeat("word", 1000)
	if q := Parse(long); len([]rune(q.Text)) != maxQueryRunes {
		t.Errorf("query text not shortened: %d runes", len([]rune(q.Text)))
	}
	var many []string
	for i := 0; i < 40; i++ {
		many = append(many, "w"+strings.Repeat("x", i))
	}
	if q := Parse(strings.Join(many, " ")); len(q.Terms) != maxTerms {
		t.Errorf("%d terms kept, want %d", len(q.Terms), maxTerms)
	}
	if q := Parse("ok\xff\xfe"); !strings.HasPrefix(q.Text, "ok") || strings.Contains(q.Text, "\xff") {
		t.Errorf("invalid UTF-8 kept: %q", q.Text)
	}
}

// render shows fragments with [marks].
func render(fs []Fragment) string {
	var b strings.Builder
	for _, f := range fs {
		if f.Mark {
			b.WriteString("[" + f.Text + "]")
		} else {
			b.WriteString(f.Text)
		}
	}
	return b.String()
}

func TestHighlightShowsTheOriginalText(t *testing.T) {
	for _, tc := range []struct{ text, query, want string }{
		{"The Library stays open", "library", "The [Library] stays open"},
		{"Libraries and librarians", "libr", "[Libraries] and [librarians]"},
		{"A library.", `"library"`, "A [library]."},
		{"A libraryish word", `"library"`, "A libraryish word"},
		// Persian text, Arabic-keyboard query: the Persian letters are shown.
		{"کتاب‌خانهٔ مرکزی", "مركزي", "کتاب‌خانهٔ [مرکزی]"},
		{"کتاب‌خانهٔ مرکزی", "كتاب", "[کتاب]‌خانهٔ مرکزی"},
		// Arabic text, Persian-keyboard query, with diacritics in the text.
		{"مَدْرَسَةٌ على التل", "مدرسه علی", "[مَدْرَسَةٌ] [على] التل"},
		{"عــربي", "عربی", "[عــربي]"},
		{"سال ۱۴۰۳ و ٢٠٢٤", "1403 2024", "سال [۱۴۰۳] و [٢٠٢٤]"},
		{"أحمد وإسلام", "احمد", "[أحمد] وإسلام"},
		// Phrases mark only where their words follow each other.
		{"solar panels and panels of solar", `"solar panels"`, "[solar] [panels] and panels of solar"},
		{"no match here", "zebra", "no match here"},
		{"«quoted» title", "quoted", "«[quoted]» title"},
		{"", "x", ""},
		{"!!!", "x", "!!!"},
	} {
		if got := render(Highlight(tc.text, Parse(tc.query))); got != tc.want {
			t.Errorf("Highlight(%q, %q) = %q, want %q", tc.text, tc.query, got, tc.want)
		}
	}
}

func TestSnippetPicksTheBestWindow(t *testing.T) {
	var words []string
	for i := 0; i < 100; i++ {
		words = append(words, "filler")
	}
	words[10] = "alpha"
	words[60], words[62] = "alpha", "beta" // both terms: the better window
	text := strings.Join(words, " ") + "."
	got := render(Snippet(text, Parse("alpha beta"), 12))
	if !strings.HasPrefix(got, "… ") || !strings.HasSuffix(got, " …") {
		t.Errorf("cut snippet lacks ellipses: %q", got)
	}
	if !strings.Contains(got, "[alpha] filler [beta]") {
		t.Errorf("snippet does not show the window with both terms: %q", got)
	}
	if n := len(strings.Fields(got)); n != 12+2 {
		t.Errorf("snippet has %d words, want 12 and two ellipses: %q", n, got)
	}
	// No match: the start of the text, cut.
	got = render(Snippet(text, Parse("gamma"), 5))
	if got != "filler filler filler filler filler …" {
		t.Errorf("unmatched snippet = %q", got)
	}
	// Short text: all of it, with its closing punctuation and no ellipsis.
	if got := render(Snippet("Hello, brave world.", Parse("brave"), 30)); got != "Hello, [brave] world." {
		t.Errorf("short snippet = %q", got)
	}
	if got := Snippet("", Parse("x"), 10); got != nil {
		t.Errorf("empty text gave %v", got)
	}
}

func TestFragmentsCarryNoMarkupOfTheirOwn(t *testing.T) {
	text := `<script>alert(1)</script> & <mark>x</mark>`
	got := Highlight(text, Parse("script mark"))
	var joined strings.Builder
	for _, f := range got {
		joined.WriteString(f.Text)
	}
	if joined.String() != text {
		t.Fatalf("fragments do not rebuild the text: %q", joined.String())
	}
	if render(got) != `<[script]>alert(1)</[script]> & <[mark]>x</[mark]>` {
		t.Errorf("marks = %q", render(got))
	}
}

func TestPlainText(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"<p>One</p><p>Two</p>", "One Two"},
		{"<p>wo<strong>rd</strong> &amp; <em>more</em></p>", "word & more"},
		{"<h2>Title</h2>\n<ul><li>a</li><li>b</li></ul>", "Title a b"},
		{"line<br>break", "line break"},
		{`<a href="x">link</a> text`, "link text"},
		{"&lt;script&gt; &quot;q&quot;", `<script> "q"`},
		{"broken <p", "broken"},
		{"", ""},
	} {
		if got := PlainText(tc.in); got != tc.want {
			t.Errorf("PlainText(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
	if got := BodyText(" An  excerpt ", "<p>Body</p>"); got != "An excerpt Body" {
		t.Errorf("BodyText = %q", got)
	}
}

func TestDocumentFoldsForTheIndex(t *testing.T) {
	d := NewDocument(Article, 1, "fa", "کتاب‌خانهٔ مرکزی", "خلاصه", "<p>۱۴۰۳</p>", time.Unix(0, 0))
	if d.IndexTitle() != "كتاب خانه مركزي" || d.IndexBody() != "خلاصه 1403" {
		t.Errorf("index forms %q / %q", d.IndexTitle(), d.IndexBody())
	}
	if d.Title != "کتاب‌خانهٔ مرکزی" {
		t.Errorf("the document lost its original title: %q", d.Title)
	}
}

type fakeStore struct {
	q    Query
	f    Filter
	hits []Hit
}

func (s *fakeStore) Search(_ context.Context, q Query, f Filter) ([]Hit, int, error) {
	s.q, s.f = q, f
	return s.hits, len(s.hits), nil
}

func TestServiceShapesResults(t *testing.T) {
	st := &fakeStore{hits: []Hit{{Kind: Article, ID: 7, Edition: "fa", Slug: "s", Title: "کتاب‌خانهٔ مرکزی",
		Body: "کتاب‌خانهٔ مرکزی ارغوان‌شهر تا نیمه‌شب باز می‌ماند", Category: &Category{Slug: "c", Name: "C"}}}}
	svc := &Service{Store: st}
	res, err := svc.Search(context.Background(), "مركزي", Filter{Edition: "fa"})
	if err != nil {
		t.Fatal(err)
	}
	if st.f.Limit != 10 || res.Total != 1 || len(res.Items) != 1 {
		t.Fatalf("limit %d, total %d, items %d", st.f.Limit, res.Total, len(res.Items))
	}
	it := res.Items[0]
	if render(it.Title) != "کتاب‌خانهٔ [مرکزی]" || !strings.Contains(render(it.Snippet), "[مرکزی]") || it.Category.Name != "C" {
		t.Errorf("result = %+v", it)
	}
	// An empty query asks the store nothing.
	st.q = Query{}
	res, err = svc.Search(context.Background(), " \"\" ", Filter{Edition: "fa"})
	if err != nil || !res.Query.Empty() || res.Total != 0 || st.q.Text != "" {
		t.Errorf("empty query: %+v, %v, store asked %q", res, err, st.q.Text)
	}
	// Past MaxTotal the count stops: "more than".
	st.hits = make([]Hit, MaxTotal+1)
	res, err = svc.Search(context.Background(), "word", Filter{Edition: "fa"})
	if err != nil || res.Total != MaxTotal || !res.More {
		t.Errorf("capped count: total %d, more %v, %v", res.Total, res.More, err)
	}
	if _, err := svc.Search(context.Background(), "x", Filter{}); !errors.Is(err, ErrNoEdition) {
		t.Errorf("no edition: %v", err)
	}
}

func TestIsTokenRuneAgreesWithUnicode(t *testing.T) {
	for r := rune(0); r < 0x3000; r++ {
		want := unicode.In(r, unicode.L, unicode.N, unicode.M) || unicode.Is(unicode.Co, r)
		if IsTokenRune(r) != want {
			t.Fatalf("IsTokenRune(%U) = %v", r, !want)
		}
	}
}

// widenStore finds n documents for a query of whole words and m when a term
// is a prefix, and records what it was asked.
type widenStore struct {
	n, m  int
	asked []string
}

func (s *widenStore) Search(_ context.Context, q Query, _ Filter) ([]Hit, int, error) {
	s.asked = append(s.asked, strings.Join(terms(q), " "))
	total := s.n
	for _, t := range q.Terms {
		if t.Prefix {
			total = s.m
		}
	}
	return []Hit{{Kind: Article, ID: 1, Title: "Libraries and the library", Body: "x"}}, total, nil
}

func TestPrefixesWidenOnlyASparseSearch(t *testing.T) {
	// Plenty of whole-word results: no prefixes, and only whole words marked.
	st := &widenStore{n: 40, m: 90}
	res, err := (&Service{Store: st}).Search(context.Background(), "library", Filter{Edition: "en"})
	if err != nil {
		t.Fatal(err)
	}
	if res.Total != 40 || strings.Join(st.asked, "|") != "library" || render(res.Items[0].Title) != "Libraries and the [library]" {
		t.Errorf("dense: total %d, asked %q, title %q", res.Total, st.asked, render(res.Items[0].Title))
	}
	// Fewer than a page: widened, and the marks follow the wider query.
	st = &widenStore{n: 3, m: 90}
	res, err = (&Service{Store: st}).Search(context.Background(), "librar", Filter{Edition: "en"})
	if err != nil {
		t.Fatal(err)
	}
	if res.Total != 90 || strings.Join(st.asked, "|") != "librar|librar*" || render(res.Items[0].Title) != "[Libraries] and the [library]" {
		t.Errorf("sparse: total %d, asked %q, title %q", res.Total, st.asked, render(res.Items[0].Title))
	}
	// Nothing to widen: asked once.
	st = &widenStore{n: 0, m: 90}
	if _, err := (&Service{Store: st}).Search(context.Background(), `"library" كتاب`, Filter{Edition: "en"}); err != nil || len(st.asked) != 1 {
		t.Errorf("no prefix term: asked %q, %v", st.asked, err)
	}
}
