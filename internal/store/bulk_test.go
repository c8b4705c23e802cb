package store_test

import (
	"context"
	"errors"
	"fmt"
	"testing"
	"time"

	"github.com/masthead-news/masthead/internal/content"
	"github.com/masthead-news/masthead/internal/search"
	"github.com/masthead-news/masthead/internal/store"
	"github.com/masthead-news/masthead/internal/store/storetest"
	"github.com/masthead-news/masthead/internal/wpimport"
)

// TestBulkTransaction: a bulk transaction stores exactly what single writes
// store. Search text held back for batches ends up in the index (and a
// search inside the transaction already finds it), an item unpublished or
// deleted before its batch went out leaves no text behind, a rollback leaves
// nothing, and remembered tags follow renames.
func TestBulkTransaction(t *testing.T) {
	forEachDatabase(t, testBulkTransaction)
}

func testBulkTransaction(t *testing.T, s *store.Store) {
	ctx := context.Background()
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	cat := storetest.SeedNews(t, s)
	at := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	newArticle := func(i int, word string) *content.Article {
		return &content.Article{Edition: "en", Slug: fmt.Sprintf("a-%d", i), Title: "Harbour " + word, BodyHTML: "<p>River " + word + "</p>",
			PrimaryCategoryID: cat.ID, CategoryIDs: []int64{cat.ID}, Tags: []string{"Port", "Tide " + word[:1]},
			External: content.Byline{Writer: "W"}, Status: content.Published,
			// Out of date order, so batches hold ids in any order.
			PublishedAt: at.Add(time.Duration((i*37)%500) * time.Minute), CreatedAt: at, UpdatedAt: at}
	}
	const n = 400 // more than one batch, fewer than a search counts
	var arts []*content.Article
	var portID int64
	must(s.WithinBulkTx(ctx, func(ctx context.Context) error {
		for i := range n {
			a := newArticle(i, fmt.Sprintf("w%dz", i))
			if err := s.CreateArticle(ctx, a); err != nil {
				return err
			}
			arts = append(arts, a)
		}
		// Changed while its text waits: the newest text counts.
		arts[n-1].Title = "Lighthouse"
		must(s.UpdateArticle(ctx, arts[n-1]))
		// Unpublished while its text waits.
		arts[n-2].Status = content.Draft
		must(s.UpdateArticle(ctx, arts[n-2]))
		// Deleted by plain SQL (the migration's trigger) while its text waits.
		must(s.ExecForTest(ctx, "DELETE FROM article_categories WHERE article_id = ?", arts[n-3].ID))
		must(s.ExecForTest(ctx, "DELETE FROM article_tags WHERE article_id = ?", arts[n-3].ID))
		must(s.ExecForTest(ctx, "DELETE FROM articles WHERE id = ?", arts[n-3].ID))
		// A search inside the transaction sees everything written so far.
		_, total, err := s.Search(ctx, search.Parse("lighthouse"), search.Filter{Edition: "en"})
		must(err)
		if total != 1 {
			t.Errorf("inside the transaction: %d hits for the renamed article, want 1", total)
		}
		// Tags are remembered, and forgotten when one is renamed.
		port, err := s.EnsureTag(ctx, "en", "Port", "port")
		must(err)
		portID = port.ID
		must(s.UpdateTag(ctx, &content.Tag{ID: port.ID, Name: "Harbor", Slug: "harbor"}))
		again, err := s.EnsureTag(ctx, "en", "Port", "port")
		must(err)
		if again.ID == port.ID {
			t.Errorf("EnsureTag found the renamed tag under its old slug")
		}
		// Import mappings and redirects held back are read back, the
		// latest one winning, also across batches.
		for i := range 450 {
			key := fmt.Sprint(i)
			must(s.SaveImportMapping(ctx, &wpimport.Mapping{Site: "wp.example", Kind: "article", Key: key, TargetID: int64(i), Hash: "h1"}))
			must(s.SaveRedirect(ctx, &wpimport.Redirect{Path: "?p=" + key, Kind: "article", TargetID: int64(i)}))
		}
		must(s.SaveImportMapping(ctx, &wpimport.Mapping{Site: "wp.example", Kind: "article", Key: "449", TargetID: 7, Hash: "h2"}))
		must(s.SaveRedirect(ctx, &wpimport.Redirect{Path: "?p=449", Kind: "page", TargetID: 8}))
		if m, err := s.ImportMapping(ctx, "wp.example", "article", "449"); err != nil || m.TargetID != 7 || m.Hash != "h2" {
			t.Errorf("mapping held back: %+v, %v", m, err)
		}
		if m, err := s.ImportMapping(ctx, "wp.example", "article", "3"); err != nil || m.TargetID != 3 {
			t.Errorf("mapping written in a batch: %+v, %v", m, err)
		}
		if r, err := s.Redirect(ctx, "?p=449"); err != nil || r.Kind != "page" || r.TargetID != 8 {
			t.Errorf("redirect held back: %+v, %v", r, err)
		}
		return nil
	}))
	for _, key := range []string{"0", "199", "200", "448"} {
		m, err := s.ImportMapping(ctx, "wp.example", "article", key)
		if err != nil || fmt.Sprint(m.TargetID) != key || m.Hash != "h1" {
			t.Errorf("mapping %s after the commit: %+v, %v", key, m, err)
		}
		r, err := s.Redirect(ctx, "?p="+key)
		if err != nil || fmt.Sprint(r.TargetID) != key || r.Kind != "article" {
			t.Errorf("redirect %s after the commit: %+v, %v", key, r, err)
		}
	}
	if m, err := s.ImportMapping(ctx, "wp.example", "article", "449"); err != nil || m.TargetID != 7 || m.Hash != "h2" {
		t.Errorf("changed mapping after the commit: %+v, %v", m, err)
	}
	if r, err := s.Redirect(ctx, "?p=449"); err != nil || r.Kind != "page" || r.TargetID != 8 {
		t.Errorf("changed redirect after the commit: %+v, %v", r, err)
	}
	docs, texts, err := s.SearchIndexSize(ctx)
	must(err)
	if docs != n-2 || texts != n-2 {
		t.Fatalf("index has %d documents and %d texts, want %d of each", docs, texts, n-2)
	}
	_, total, err := s.Search(ctx, search.Parse("harbour"), search.Filter{Edition: "en"})
	must(err)
	if total != n-3 {
		t.Errorf("%d hits for the common title word, want %d", total, n-3)
	}
	ids, _, err := s.Search(ctx, search.Parse("w17z"), search.Filter{Edition: "en"})
	must(err)
	if len(ids) != 1 {
		t.Errorf("%d hits for one article's own word, want 1", len(ids))
	}
	tags, err := s.ArticleTags(ctx, arts[0].ID)
	must(err)
	if len(tags) != 2 || tags[0].ID != portID {
		t.Errorf("first article's tags: %+v (want Port, id %d, then its Tide tag)", tags, portID)
	}

	// A rollback leaves neither rows nor texts.
	boom := errors.New("boom")
	err = s.WithinBulkTx(ctx, func(ctx context.Context) error {
		for i := range 300 {
			if err := s.CreateArticle(ctx, newArticle(n+i, "rolled")); err != nil {
				return err
			}
		}
		return boom
	})
	if !errors.Is(err, boom) {
		t.Fatalf("bulk transaction returned %v, want the function's error", err)
	}
	docs2, texts2, err := s.SearchIndexSize(ctx)
	must(err)
	if docs2 != docs || texts2 != texts {
		t.Errorf("after a rollback the index has %d documents and %d texts, want %d and %d", docs2, texts2, docs, texts)
	}
	if _, total, _ := s.Search(ctx, search.Parse("rolled"), search.Filter{Edition: "en"}); total != 0 {
		t.Errorf("a rolled-back article is found (%d hits)", total)
	}
	err = s.WithinBulkTx(ctx, func(ctx context.Context) error {
		must(s.SaveRedirect(ctx, &wpimport.Redirect{Path: "/rolled/", Kind: "article", TargetID: 1}))
		must(s.SaveImportMapping(ctx, &wpimport.Mapping{Site: "wp.example", Kind: "article", Key: "rolled", TargetID: 1}))
		return boom
	})
	if _, err := s.Redirect(ctx, "/rolled/"); !errors.Is(err, content.ErrNotFound) {
		t.Errorf("a rolled-back redirect: %v", err)
	}
	if _, err := s.ImportMapping(ctx, "wp.example", "article", "rolled"); !errors.Is(err, content.ErrNotFound) {
		t.Errorf("a rolled-back mapping: %v", err)
	}
}
