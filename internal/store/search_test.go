package store_test

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"github.com/masthead-news/masthead/internal/content"
	"github.com/masthead-news/masthead/internal/edition"
	"github.com/masthead-news/masthead/internal/search"
	"github.com/masthead-news/masthead/internal/store/sqlite"
)

// TestSearchIndexSurvivesOtherWritePaths: deleting or unpublishing an item
// with plain SQL — any path that bypasses the store's methods — still takes
// it out of the search index (the migration's triggers).
func TestSearchIndexSurvivesOtherWritePaths(t *testing.T) {
	ctx := context.Background()
	s, err := sqlite.Open(filepath.Join(t.TempDir(), "t.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if _, err := s.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	must(s.SaveEdition(ctx, &edition.Edition{Code: "en", Name: "English", Lang: "en", Dir: "ltr", Calendar: "gregorian", Digits: "latn",
		TimeZone: "UTC", IsDefault: true, Settings: edition.Settings{SiteName: "S", ListingMode: "excerpt", PerPage: 10}}))
	cat := &content.Category{Edition: "en", Slug: "news", Name: "News"}
	must(s.CreateCategory(ctx, cat))
	at := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	var arts []*content.Article
	for _, slug := range []string{"one", "two"} {
		a := &content.Article{Edition: "en", Slug: slug, Title: "Harbour " + slug, PrimaryCategoryID: cat.ID, CategoryIDs: []int64{cat.ID},
			External: content.Byline{Writer: "W"}, Status: content.Published, PublishedAt: at, CreatedAt: at, UpdatedAt: at}
		must(s.CreateArticle(ctx, a))
		arts = append(arts, a)
	}
	pg := &content.Page{Edition: "en", Slug: "harbour", Title: "Harbour page", Status: content.Published, PublishedAt: at, UpdatedAt: at}
	must(s.CreatePage(ctx, pg))
	count := func() int {
		t.Helper()
		docs, texts, err := s.SearchIndexSize(ctx)
		must(err)
		if docs != texts {
			t.Fatalf("%d documents, %d texts", docs, texts)
		}
		_, total, err := s.Search(ctx, search.Parse("harbour"), search.Filter{Edition: "en"})
		must(err)
		if total != docs {
			t.Fatalf("search finds %d of %d documents", total, docs)
		}
		return docs
	}
	if n := count(); n != 3 {
		t.Fatalf("indexed %d, want 3", n)
	}
	must(s.ExecForTest(ctx, "DELETE FROM article_categories WHERE article_id = ?", arts[0].ID))
	must(s.ExecForTest(ctx, "DELETE FROM article_tags WHERE article_id = ?", arts[0].ID))
	must(s.ExecForTest(ctx, "DELETE FROM articles WHERE id = ?", arts[0].ID))
	if n := count(); n != 2 {
		t.Fatalf("after deleting an article: %d, want 2", n)
	}
	must(s.ExecForTest(ctx, "UPDATE articles SET status = 'draft' WHERE id = ?", arts[1].ID))
	if n := count(); n != 1 {
		t.Fatalf("after unpublishing an article: %d, want 1", n)
	}
	must(s.ExecForTest(ctx, "UPDATE pages SET status = 'pending' WHERE id = ?", pg.ID))
	if n := count(); n != 0 {
		t.Fatalf("after unpublishing a page: %d, want 0", n)
	}
	// ReindexAll restores exactly the published items.
	must(s.ExecForTest(ctx, "UPDATE pages SET status = 'published' WHERE id = ?", pg.ID))
	must(s.ReindexAll(ctx))
	if n := count(); n != 1 {
		t.Fatalf("after ReindexAll: %d, want 1", n)
	}
}
