package publication_test

import (
	"context"
	"errors"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/masthead-news/masthead/internal/content"
	"github.com/masthead-news/masthead/internal/edition"
	"github.com/masthead-news/masthead/internal/media"
	"github.com/masthead-news/masthead/internal/publication"
	"github.com/masthead-news/masthead/internal/store"
	"github.com/masthead-news/masthead/internal/store/sqlite"
)

func TestISBN(t *testing.T) {
	for _, tc := range []struct {
		in    string
		valid bool
	}{
		{"978-0-306-40615-7", true},
		{"9780306406157", true},
		{"0-306-40615-2", true},
		{"0 8044 2957 x", true}, // ISBN-10 with check digit X
		{"979-10-90636-07-1", true},
		{"978-0-306-40615-8", false}, // wrong check digit
		{"0-306-40615-3", false},
		{"977-0-306-40615-7", false}, // not a book prefix
		{"X-306-40615-2", false},     // X only as the last ISBN-10 digit
		{"12345", false},
		{"978030640615a", false},
		{"٩٧٨٠٣٠٦٤٠٦١٥٧", false}, // other digits are not ISBN digits
	} {
		if got := publication.ValidISBN(publication.NormalizeISBN(tc.in)); got != tc.valid {
			t.Errorf("ValidISBN(%q) = %v; want %v", tc.in, got, tc.valid)
		}
	}
}

type fixture struct {
	st    *store.Store
	svc   *publication.Service
	img   *media.Media
	pdf   *media.Media
	other *media.Media // a video, neither a picture nor a PDF
}

func newFixture(t *testing.T) *fixture {
	t.Helper()
	ctx := context.Background()
	st, err := sqlite.Open(filepath.Join(t.TempDir(), "site.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	if _, err := st.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	for i, code := range []string{"en", "fa"} {
		e := &edition.Edition{Code: code, Name: code, Lang: code, Dir: map[string]string{"en": "ltr", "fa": "rtl"}[code], Calendar: "gregorian", Digits: "latn",
			TimeZone: "UTC", IsDefault: i == 0, Position: i, Settings: edition.Settings{SiteName: "S", ListingMode: "excerpt", PerPage: 10}}
		if err := st.SaveEdition(ctx, e); err != nil {
			t.Fatal(err)
		}
	}
	f := &fixture{st: st, svc: &publication.Service{Store: st, EditionExists: func(c string) bool { return c == "en" || c == "fa" }}}
	at := time.Now().UTC()
	for _, m := range []**media.Media{&f.img, &f.pdf, &f.other} {
		*m = &media.Media{CreatedAt: at}
	}
	f.img.Kind, f.img.MIME, f.img.Path, f.img.SHA256 = "image", "image/png", "a.png", "aaaaaaaaaaaaaaaa"
	f.pdf.Kind, f.pdf.MIME, f.pdf.Path, f.pdf.SHA256, f.pdf.Pages = "document", "application/pdf", "b.pdf", "bbbbbbbbbbbbbbbb", 3
	f.other.Kind, f.other.MIME, f.other.Path, f.other.SHA256 = "video", "video/mp4", "c.mp4", "cccccccccccccccc"
	for _, m := range []*media.Media{f.img, f.pdf, f.other} {
		if err := st.CreateMedia(ctx, m); err != nil {
			t.Fatal(err)
		}
	}
	return f
}

func field(err error) string {
	var ve *content.ValidationError
	if errors.As(err, &ve) {
		return ve.Field
	}
	return ""
}

// TestSaveBookRefusesBadInputAndStoresNothing: every bad field is refused
// with its field named, and the database is left as it was.
func TestSaveBookRefusesBadInputAndStoresNothing(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	good := func() *publication.Book {
		return &publication.Book{Edition: "en", Title: "Clean Water", Author: "N. Author", Year: 2024, ISBN: "978-0-306-40615-7", Language: "en",
			Description: `<p>Fine</p><script>alert(1)</script>`, CoverID: f.img.ID, PDFID: f.pdf.ID, PurchaseURL: "https://shop.example/b", Status: publication.Published}
	}
	for name, tc := range map[string]struct {
		change func(b *publication.Book)
		field  string
	}{
		"no title":         {func(b *publication.Book) { b.Title = "  " }, "title"},
		"bad ISBN":         {func(b *publication.Book) { b.ISBN = "978-0-306-40615-8" }, "isbn"},
		"javascript link":  {func(b *publication.Book) { b.PurchaseURL = "javascript:alert(1)" }, "purchase_url"},
		"relative link":    {func(b *publication.Book) { b.PurchaseURL = "/shop" }, "purchase_url"},
		"ftp link":         {func(b *publication.Book) { b.PurchaseURL = "ftp://example.org/b" }, "purchase_url"},
		"year":             {func(b *publication.Book) { b.Year = 3000 }, "year"},
		"language":         {func(b *publication.Book) { b.Language = "English!" }, "language"},
		"cover is a PDF":   {func(b *publication.Book) { b.CoverID = f.pdf.ID }, "cover"},
		"PDF is a picture": {func(b *publication.Book) { b.PDFID = f.img.ID }, "pdf"},
		"PDF is a video":   {func(b *publication.Book) { b.PDFID = f.other.ID }, "pdf"},
		"missing file":     {func(b *publication.Book) { b.PDFID = 99999 }, "pdf"},
		"unknown edition":  {func(b *publication.Book) { b.Edition = "xx" }, "edition"},
		"bad slug":         {func(b *publication.Book) { b.Slug = "Not A Slug!" }, "slug"},
		"unknown status":   {func(b *publication.Book) { b.Status = "live" }, "status"},
		"invalid UTF-8":    {func(b *publication.Book) { b.Author = "\xff\xfe" }, "author"},
		"overlong title":   {func(b *publication.Book) { b.Title = strings.Repeat("ب", 301) }, "title"},
	} {
		b := good()
		tc.change(b)
		if err := f.svc.SaveBook(ctx, b); field(err) != tc.field {
			t.Errorf("%s: err = %v; want a refusal of %q", name, err, tc.field)
		}
	}
	if n, _ := f.st.CountBooks(ctx, publication.BookFilter{}); n != 0 {
		t.Fatalf("refused books stored: %d", n)
	}
	b := good()
	if err := f.svc.SaveBook(ctx, b); err != nil {
		t.Fatal(err)
	}
	if b.Slug != "clean-water" || b.ISBN != "9780306406157" || strings.Contains(b.Description, "script") || b.PublishedAt.IsZero() {
		t.Fatalf("saved %+v", b)
	}
	dup := good()
	if err := f.svc.SaveBook(ctx, dup); field(err) != "slug" {
		t.Fatalf("duplicate slug: %v", err)
	}
	fa := &publication.Book{Edition: "fa", Title: "آب پاک", Status: publication.Published}
	if err := f.svc.SaveBook(ctx, fa); err != nil {
		t.Fatal(err)
	}
	en2 := &publication.Book{Edition: "en", Title: "Another", Status: publication.Draft}
	if err := f.svc.SaveBook(ctx, en2); err != nil {
		t.Fatal(err)
	}
	if err := f.svc.LinkBook(ctx, b.ID, []int64{en2.ID}); field(err) != "translations" {
		t.Fatalf("two English versions linked: %v", err)
	}
	if err := f.svc.LinkBook(ctx, b.ID, []int64{fa.ID}); err != nil {
		t.Fatal(err)
	}
	if tr, _ := f.st.BookTranslations(ctx, b.TranslationGroup); len(tr) != 2 {
		t.Fatalf("translations: %d", len(tr))
	}
	if err := f.svc.LinkBook(ctx, b.ID, nil); err != nil {
		t.Fatal(err)
	}
	if tr, _ := f.st.BookTranslations(ctx, b.TranslationGroup); len(tr) != 1 {
		t.Fatalf("after unlinking: %d", len(tr))
	}
}

func TestSaveIssueRules(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	se := &publication.Series{Edition: "en", Title: "Newsletter"}
	if err := f.svc.SaveSeries(ctx, se); err != nil {
		t.Fatal(err)
	}
	if se.Slug != "newsletter" {
		t.Fatalf("slug %q", se.Slug)
	}
	if err := f.svc.SaveSeries(ctx, &publication.Series{Edition: "en", Title: "Books", Slug: "books"}); field(err) != "slug" {
		t.Fatalf("series slug books: %v", err)
	}
	cat := &content.Category{Edition: "fa", Slug: "x", Name: "x"}
	if err := f.st.CreateCategory(ctx, cat); err != nil {
		t.Fatal(err)
	}
	faArticle := &content.Article{Edition: "fa", Slug: "a", Title: "مقاله", PrimaryCategoryID: cat.ID, Status: content.Published, PublishedAt: time.Now()}
	if err := f.st.CreateArticle(ctx, faArticle); err != nil {
		t.Fatal(err)
	}
	date := time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)
	for name, tc := range map[string]struct {
		is    publication.Issue
		field string
	}{
		"no number":     {publication.Issue{SeriesID: se.ID, Date: date}, "number"},
		"no date":       {publication.Issue{SeriesID: se.ID, Number: 1}, "date"},
		"no series":     {publication.Issue{SeriesID: 999, Number: 1, Date: date}, "series"},
		"other edition": {publication.Issue{SeriesID: se.ID, Number: 1, Date: date, ArticleIDs: []int64{faArticle.ID}}, "articles"},
		"no article":    {publication.Issue{SeriesID: se.ID, Number: 1, Date: date, ArticleIDs: []int64{424242}}, "articles"},
		"cover is PDF":  {publication.Issue{SeriesID: se.ID, Number: 1, Date: date, CoverID: f.pdf.ID}, "cover"},
	} {
		is := tc.is
		if err := f.svc.SaveIssue(ctx, &is); field(err) != tc.field {
			t.Errorf("%s: %v; want a refusal of %q", name, err, tc.field)
		}
	}
	ok := &publication.Issue{SeriesID: se.ID, Number: 1, Date: date, PDFID: f.pdf.ID, CoverID: f.img.ID, Status: publication.Published}
	if err := f.svc.SaveIssue(ctx, ok); err != nil {
		t.Fatal(err)
	}
	if err := f.svc.SaveIssue(ctx, &publication.Issue{SeriesID: se.ID, Number: 1, Date: date}); field(err) != "number" {
		t.Fatalf("duplicate number: %v", err)
	}
	if err := f.svc.DeleteSeries(ctx, se.ID); field(err) != "series" {
		t.Fatalf("deleting a series with issues: %v", err)
	}
}
