package storetest

import (
	"errors"
	"testing"
	"time"

	"github.com/masthead-news/masthead/internal/content"
	"github.com/masthead-news/masthead/internal/media"
	"github.com/masthead-news/masthead/internal/publication"
	"github.com/masthead-news/masthead/internal/store"
)

// testDownloads: counts add up per file, keep the generation (a download
// must not empty the page cache), a PDF keeps its page count, and deleting
// a file takes its count with it.
func testDownloads(t *testing.T, s *store.Store) {
	pdf := &media.Media{Kind: "document", Path: "2026/02/annual-report-ab12cd34.pdf", Filename: "annual report.pdf", MIME: "application/pdf",
		Size: 48213, Pages: 12, Title: "گزارش سالانه", SHA256: "ab12cd34ab12cd34ab12", CreatedAt: time.Unix(1700000000, 0).UTC()}
	must(t, s.CreateMedia(ctx, pdf))
	other := newMedia(t, s, "2026/02/b.jpg")
	got, err := s.MediaByID(ctx, pdf.ID)
	must(t, err)
	if *got != *pdf {
		t.Fatalf("MediaByID = %+v, want %+v", got, pdf)
	}
	g := s.Generation()
	for i := 0; i < 3; i++ {
		must(t, s.CountDownload(ctx, pdf.ID, 1700000100+int64(i)))
	}
	must(t, s.CountDownload(ctx, other.ID, 1700000200))
	if s.Generation() != g {
		t.Fatal("counting downloads changed the generation: every download would empty the page cache")
	}
	counts, err := s.DownloadCounts(ctx, []int64{pdf.ID, other.ID, 999999})
	must(t, err)
	if counts[pdf.ID] != 3 || counts[other.ID] != 1 || len(counts) != 2 {
		t.Fatalf("DownloadCounts = %v; want %d:3 %d:1", counts, pdf.ID, other.ID)
	}
	if empty, err := s.DownloadCounts(ctx, nil); err != nil || len(empty) != 0 {
		t.Fatalf("DownloadCounts(nil) = %v, %v", empty, err)
	}
	must(t, s.DeleteMedia(ctx, pdf.ID))
	counts, err = s.DownloadCounts(ctx, []int64{pdf.ID})
	must(t, err)
	if len(counts) != 0 {
		t.Fatalf("a deleted file kept its count: %v", counts)
	}
}

// testPublications: books, series and issues round-trip with their files
// and article lists, list in order, filter drafts, find folded slugs, and
// link as translations across editions.
func testPublications(t *testing.T, s *store.Store) {
	f := seedSite(t, s)
	at := time.Unix(1760000000, 0).UTC()
	pdf := &media.Media{Kind: "document", Path: "2026/03/book-1a2b3c4d.pdf", Filename: "book.pdf", MIME: "application/pdf", Size: 9000, Pages: 4,
		SHA256: "1a2b3c4d1a2b3c4d", CreatedAt: at}
	must(t, s.CreateMedia(ctx, pdf))
	en := &publication.Book{Edition: "en", Slug: "rivers", Title: "Rivers", Author: "A. Writer", Year: 2025, ISBN: "9780306406157", Language: "en",
		Description: "<p>About rivers.</p>", CoverID: f.img.ID, PDFID: pdf.ID, PurchaseURL: "https://shop.example/rivers",
		Status: publication.Published, PublishedAt: at, UpdatedAt: at}
	must(t, s.CreateBook(ctx, en))
	draft := &publication.Book{Edition: "en", Slug: "draft", Title: "Draft", Status: publication.Draft, UpdatedAt: at}
	must(t, s.CreateBook(ctx, draft))
	older := &publication.Book{Edition: "en", Slug: "older", Title: "Older", Status: publication.Published, PublishedAt: at.Add(-time.Hour), UpdatedAt: at}
	must(t, s.CreateBook(ctx, older))
	fa := &publication.Book{Edition: "fa", Slug: "رودها", Title: "رودها", Status: publication.Published, PublishedAt: at, UpdatedAt: at}
	must(t, s.CreateBook(ctx, fa))

	got, err := s.BookByID(ctx, en.ID)
	must(t, err)
	if got.Title != "Rivers" || got.ISBN != "9780306406157" || got.Cover == nil || got.Cover.ID != f.img.ID || got.PDF == nil || got.PDF.Pages != 4 ||
		got.TranslationGroup != en.ID || !got.PublishedAt.Equal(at) || got.PurchaseURL != en.PurchaseURL || got.Description != en.Description {
		t.Fatalf("BookByID = %+v", got)
	}
	list, err := s.Books(ctx, publication.BookFilter{Edition: "en", PublishedOnly: true, Limit: 10})
	must(t, err)
	if len(list) != 2 || list[0].ID != en.ID || list[1].ID != older.ID {
		t.Fatalf("published en books = %v; want rivers, older", bookSlugs(list))
	}
	if n, err := s.CountBooks(ctx, publication.BookFilter{Edition: "en"}); err != nil || n != 3 {
		t.Fatalf("CountBooks(en) = %d, %v; want 3", n, err)
	}
	if b, err := s.BookBySlug(ctx, "fa", "رودها"); err != nil || b.ID != fa.ID {
		t.Fatalf("BookBySlug(fa) = %v, %v", b, err)
	}
	if _, err := s.BookBySlug(ctx, "en", "nope"); !errors.Is(err, content.ErrNotFound) {
		t.Fatalf("missing book: %v", err)
	}
	if taken, _ := s.BookSlugTaken(ctx, "en", "rivers", 0); !taken {
		t.Fatal("slug rivers not taken")
	}
	if taken, _ := s.BookSlugTaken(ctx, "en", "rivers", en.ID); taken {
		t.Fatal("a book's own slug counts as taken")
	}
	must(t, s.LinkTranslations(ctx, publication.BookTranslations, []int64{en.ID, fa.ID}))
	tr, err := s.BookTranslations(ctx, en.ID)
	must(t, err)
	if len(tr) != 2 {
		t.Fatalf("translations = %v", bookSlugs(tr))
	}
	en.Title, en.CoverID = "Rivers, revised", 0
	must(t, s.UpdateBook(ctx, en))
	if got, _ := s.BookByID(ctx, en.ID); got.Title != "Rivers, revised" || got.Cover != nil {
		t.Fatalf("after update: %+v", got)
	}
	if uses, err := s.MediaUses(ctx, pdf, 10); err != nil || len(uses) != 1 || uses[0].Kind != "book" {
		t.Fatalf("MediaUses(pdf) = %v, %v; want the book", uses, err)
	}

	// Series and issues.
	news := &publication.Series{Edition: "en", Slug: "newsletter", Title: "Newsletter", Position: 1, UpdatedAt: at}
	must(t, s.CreateSeries(ctx, news))
	brief := &publication.Series{Edition: "en", Slug: "brief", Title: "Brief", Position: 2, UpdatedAt: at}
	must(t, s.CreateSeries(ctx, brief))
	faNews := &publication.Series{Edition: "fa", Slug: "newsletter", Title: "خبرنامه", UpdatedAt: at}
	must(t, s.CreateSeries(ctx, faNews))
	if l, err := s.SeriesList(ctx, "en"); err != nil || len(l) != 2 || l[0].ID != news.ID {
		t.Fatalf("SeriesList(en) = %v, %v", l, err)
	}
	if se, err := s.SeriesBySlug(ctx, "fa", "newsletter"); err != nil || se.ID != faNews.ID {
		t.Fatalf("SeriesBySlug = %v, %v", se, err)
	}
	a1 := article(f, "one", at)
	must(t, s.CreateArticle(ctx, a1))
	a2 := article(f, "two", at)
	must(t, s.CreateArticle(ctx, a2))
	var issues []*publication.Issue
	for n := 1; n <= 3; n++ {
		is := &publication.Issue{SeriesID: news.ID, Number: n, Title: "No. " + string(rune('0'+n)), Contents: "Lead\nSecond", Date: at.AddDate(0, n, 0),
			PDFID: pdf.ID, Status: publication.Published, UpdatedAt: at}
		if n == 3 {
			is.Status = publication.Draft
		}
		if n == 2 {
			is.ArticleIDs = []int64{a2.ID, a1.ID}
		}
		must(t, s.CreateIssue(ctx, is))
		issues = append(issues, is)
	}
	got2, err := s.IssueByNumber(ctx, news.ID, 2)
	must(t, err)
	if got2.ID != issues[1].ID || len(got2.ArticleIDs) != 2 || got2.ArticleIDs[0] != a2.ID || got2.PDF == nil || !got2.Date.Equal(at.AddDate(0, 2, 0)) {
		t.Fatalf("IssueByNumber(2) = %+v", got2)
	}
	pub, err := s.Issues(ctx, news.ID, true, 10, 0)
	must(t, err)
	if len(pub) != 2 || pub[0].Number != 2 || pub[1].Number != 1 {
		t.Fatalf("published issues = %d", len(pub))
	}
	if n, _ := s.CountIssues(ctx, news.ID, false); n != 3 {
		t.Fatalf("CountIssues = %d", n)
	}
	if taken, _ := s.IssueNumberTaken(ctx, news.ID, 1, 0); !taken {
		t.Fatal("number 1 not taken")
	}
	got2.ArticleIDs = []int64{a1.ID}
	must(t, s.UpdateIssue(ctx, got2))
	if again, _ := s.IssueByID(ctx, got2.ID); len(again.ArticleIDs) != 1 || again.ArticleIDs[0] != a1.ID {
		t.Fatalf("article list after update: %v", again.ArticleIDs)
	}
	faIssue := &publication.Issue{SeriesID: faNews.ID, Number: 1, Date: at, Status: publication.Published, UpdatedAt: at}
	must(t, s.CreateIssue(ctx, faIssue))
	must(t, s.LinkTranslations(ctx, publication.IssueTranslations, []int64{issues[0].ID, faIssue.ID}))
	if tr, err := s.IssueTranslations(ctx, issues[0].ID); err != nil || len(tr) != 2 {
		t.Fatalf("issue translations: %d, %v", len(tr), err)
	}
	must(t, s.LinkTranslations(ctx, publication.SeriesTranslations, []int64{news.ID, faNews.ID}))
	if tr, err := s.SeriesTranslations(ctx, news.ID); err != nil || len(tr) != 2 {
		t.Fatalf("series translations: %d, %v", len(tr), err)
	}
	must(t, s.DeleteIssue(ctx, issues[2].ID))
	if _, err := s.IssueByID(ctx, issues[2].ID); !errors.Is(err, content.ErrNotFound) {
		t.Fatalf("deleted issue: %v", err)
	}
	must(t, s.DeleteSeries(ctx, brief.ID))
	must(t, s.DeleteBook(ctx, draft.ID))
	if _, err := s.BookByID(ctx, draft.ID); !errors.Is(err, content.ErrNotFound) {
		t.Fatalf("deleted book: %v", err)
	}
}

func bookSlugs(list []*publication.Book) []string {
	var out []string
	for _, b := range list {
		out = append(out, b.Slug)
	}
	return out
}
