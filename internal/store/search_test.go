package store_test

import (
	"context"
	"fmt"
	"path/filepath"
	"testing"
	"time"

	"github.com/masthead-news/masthead/internal/content"
	"github.com/masthead-news/masthead/internal/search"
	"github.com/masthead-news/masthead/internal/store"
	"github.com/masthead-news/masthead/internal/store/postgres/pgtest"
	"github.com/masthead-news/masthead/internal/store/sqlite"
	"github.com/masthead-news/masthead/internal/store/storetest"
)

// forEachDatabase runs fn on a fresh, migrated SQLite store and on a
// PostgreSQL one (skipped unless MASTHEAD_TEST_POSTGRES is set).
func forEachDatabase(t *testing.T, fn func(t *testing.T, s *store.Store)) {
	t.Run("sqlite", func(t *testing.T) {
		s, err := sqlite.Open(filepath.Join(t.TempDir(), "t.db"))
		if err != nil {
			t.Fatal(err)
		}
		defer s.Close()
		if _, err := s.Migrate(context.Background()); err != nil {
			t.Fatal(err)
		}
		fn(t, s)
	})
	t.Run("postgres", func(t *testing.T) { fn(t, pgtest.Open(t)) })
}

// TestSearchIndexSurvivesOtherWritePaths: deleting or unpublishing an item
// with plain SQL — any path that bypasses the store's methods — still takes
// it out of the search index (the migration's triggers).
func TestSearchIndexSurvivesOtherWritePaths(t *testing.T) {
	forEachDatabase(t, testSearchIndexSurvivesOtherWritePaths)
}

func testSearchIndexSurvivesOtherWritePaths(t *testing.T, s *store.Store) {
	ctx := context.Background()
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	cat := storetest.SeedNews(t, s)
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

// TestSearchRanksTheNewestWindow: a search counts and ranks (bm25 or ts_rank_cd) the newest
// matches up to the window (search.MaxTotal); a count past it means "more",
// and pages stop there.
func TestSearchRanksTheNewestWindow(t *testing.T) {
	restore := store.SetSearchWindowForTest(5)
	defer restore()
	forEachDatabase(t, testSearchRanksTheNewestWindow)
}

func testSearchRanksTheNewestWindow(t *testing.T, s *store.Store) {
	ctx := context.Background()
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	cat := storetest.SeedNews(t, s)
	base := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	var arts []*content.Article // arts[i] is i days old
	for i := 0; i < 12; i++ {
		a := &content.Article{Edition: "en", Slug: fmt.Sprintf("a%d", i), Title: "Weekly notes", BodyHTML: "<p>A word about the harbour.</p>",
			PrimaryCategoryID: cat.ID, CategoryIDs: []int64{cat.ID}, External: content.Byline{Writer: "W"}, Status: content.Published,
			PublishedAt: base.AddDate(0, 0, -i), CreatedAt: base, UpdatedAt: base}
		if i == 3 || i == 9 {
			a.Title = "Harbour news" // the title matches: best in bm25
		}
		must(s.CreateArticle(ctx, a))
		arts = append(arts, a)
	}
	page := func(f search.Filter, offset, limit int) ([]int64, int) {
		t.Helper()
		f.Edition, f.Offset, f.Limit = "en", offset, limit
		hits, total, err := s.Search(ctx, search.Parse("harbour"), f)
		must(err)
		var ids []int64
		for _, h := range hits {
			ids = append(ids, h.ID)
		}
		return ids, total
	}
	first, total := page(search.Filter{}, 0, 3)
	second, _ := page(search.Filter{}, 3, 3)
	beyond, _ := page(search.Filter{}, 6, 3)
	want := []int64{arts[3].ID, arts[0].ID, arts[1].ID, arts[2].ID, arts[4].ID} // the 5 newest, the title match first
	if total != 6 || fmt.Sprint(append(first, second...)) != fmt.Sprint(want) || len(beyond) != 0 {
		t.Fatalf("total %d, pages %v %v %v; want 6 (more than 5), %v, nothing", total, first, second, beyond, want)
	}
	// A date range reaches older matches: the window is the newest within it.
	old, total := page(search.Filter{To: base.AddDate(0, 0, -5)}, 0, 10) // 6 to 11 days old
	if total != 6 || len(old) != 5 || old[0] != arts[9].ID {
		t.Fatalf("older range: %v (total %d)", old, total)
	}
	// Moving an article in time moves it in the index, once.
	arts[11].PublishedAt = base.AddDate(0, 0, 1)
	must(s.UpdateArticle(ctx, arts[11]))
	if got, _ := page(search.Filter{}, 0, 12); len(got) != 5 || got[1] != arts[11].ID {
		t.Fatalf("after moving the oldest article to the newest: %v", got)
	}
	docs, texts, err := s.SearchIndexSize(ctx)
	must(err)
	if docs != 12 || texts != 12 {
		t.Fatalf("index size %d/%d after a move", docs, texts)
	}
	// Date filters select by publication time.
	hits, total, err := s.Search(ctx, search.Parse("harbour"), search.Filter{Edition: "en", From: base.AddDate(0, 0, -2), To: base})
	must(err)
	if total != 2 || len(hits) != 2 {
		t.Fatalf("two days: %d hits, total %d", len(hits), total)
	}
	hits, _, err = s.Search(ctx, search.Parse("harbour"), search.Filter{Edition: "en", Before: base})
	must(err)
	for _, h := range hits {
		if h.ID == arts[11].ID {
			t.Fatal("an article after Before is found")
		}
	}
	if hits, total, err := s.Search(ctx, search.Parse("harbour"), search.Filter{Edition: "xx"}); err != nil || total != 0 || len(hits) != 0 {
		t.Fatalf("unknown edition: %v %d %v", hits, total, err)
	}
}
