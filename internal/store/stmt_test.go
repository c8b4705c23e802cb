package store_test

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"testing"

	"github.com/masthead-news/masthead/internal/content"
	"github.com/masthead-news/masthead/internal/edition"
	"github.com/masthead-news/masthead/internal/store"
	"github.com/masthead-news/masthead/internal/store/sqlite"
)

// TestPreparedStatements: each distinct query is prepared once and reused,
// inside and outside transactions, and a transaction's statements neither
// leak into the pool's cache nor outlive a rollback.
func TestPreparedStatements(t *testing.T) {
	ctx := context.Background()
	s := openEnglishStore(t)
	gen := s.Generation()
	err := s.WithinTx(ctx, func(ctx context.Context) error {
		for i := range 50 {
			if err := s.CreateCategory(ctx, &content.Category{Edition: "en", Slug: fmt.Sprintf("c%d", i), Name: fmt.Sprintf("C %d", i)}); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if s.Generation() != gen+1 {
		t.Fatalf("generation moved by %d for one transaction", s.Generation()-gen)
	}
	before := s.Statements()
	for range 3 {
		list, err := s.Categories(ctx, "en")
		if err != nil || len(list) != 50 {
			t.Fatalf("%d categories, %v", len(list), err)
		}
		if _, err := s.CategoryBySlug(ctx, "en", "c7"); err != nil {
			t.Fatal(err)
		}
	}
	if n := s.Statements(); n != before+2 {
		t.Fatalf("%d statements prepared for 2 distinct queries run 3 times", n-before)
	}
	// A rolled-back transaction leaves nothing behind, and the next one
	// prepares afresh on the same connection.
	boom := errors.New("boom")
	err = s.WithinTx(ctx, func(ctx context.Context) error {
		if err := s.CreateCategory(ctx, &content.Category{Edition: "en", Slug: "gone", Name: "Gone"}); err != nil {
			return err
		}
		return boom
	})
	if !errors.Is(err, boom) {
		t.Fatal(err)
	}
	if _, err := s.CategoryBySlug(ctx, "en", "gone"); !errors.Is(err, content.ErrNotFound) {
		t.Fatalf("rolled-back row is visible: %v", err)
	}
	if err := s.CreateCategory(ctx, &content.Category{Edition: "en", Slug: "kept", Name: "Kept"}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.CategoryBySlug(ctx, "en", "kept"); err != nil {
		t.Fatal(err)
	}
	st := s.DBStats()
	if st["write"].MaxOpenConnections != 1 || st["read"].MaxOpenConnections < 2 {
		t.Fatalf("pools: %+v", st)
	}
}

// openEnglishStore opens a new, migrated SQLite store with one edition,
// English, the default; it closes when the test ends.
func openEnglishStore(t *testing.T) *store.Store {
	t.Helper()
	ctx := context.Background()
	s, err := sqlite.Open(filepath.Join(t.TempDir(), "t.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	if _, err := s.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	ed := &edition.Edition{Code: "en", Name: "English", Lang: "en", Dir: "ltr", Calendar: "gregorian", Digits: "latn",
		TimeZone: "UTC", IsDefault: true, Settings: edition.Settings{SiteName: "T", ListingMode: edition.ListExcerpt, PerPage: 10}}
	if err := s.SaveEdition(ctx, ed); err != nil {
		t.Fatal(err)
	}
	return s
}
