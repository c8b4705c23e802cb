package benchdata_test

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/masthead-news/masthead/internal/benchdata"
	"github.com/masthead-news/masthead/internal/content"
	"github.com/masthead-news/masthead/internal/store"
	"github.com/masthead-news/masthead/internal/store/postgres/pgtest"
	"github.com/masthead-news/masthead/internal/store/sqlite"
)

// TestGenerate writes a tiny dataset on SQLite and on PostgreSQL (when
// MASTHEAD_TEST_POSTGRES is set), in the same large transactions as a big one.
func TestGenerate(t *testing.T) {
	t.Run("sqlite", func(t *testing.T) {
		st, err := sqlite.Open(filepath.Join(t.TempDir(), "site.db"))
		if err != nil {
			t.Fatal(err)
		}
		defer st.Close()
		if _, err := st.Migrate(context.Background()); err != nil {
			t.Fatal(err)
		}
		testGenerate(t, st)
	})
	t.Run("postgres", func(t *testing.T) { testGenerate(t, pgtest.Open(t)) })
}

func testGenerate(t *testing.T, st *store.Store) {
	ctx := context.Background()
	dir := t.TempDir()
	demo := map[string]int{}
	count := func(ed string) int {
		n, err := st.CountArticles(ctx, content.ArticleFilter{Edition: ed, Status: content.Published})
		if err != nil {
			t.Fatal(err)
		}
		return n
	}
	batches := 0
	if err := benchdata.Generate(ctx, st, filepath.Join(dir, "uploads"), 42, benchdata.Options{Batch: 4,
		Progress: func(int) { batches++ }}); err != nil {
		t.Fatal(err)
	}
	total := 0
	for _, ed := range benchdata.Editions {
		demo[ed] = count(ed)
		total += demo[ed]
	}
	// 42 generated articles: 11 stories in en, ar and fa, 10 in sq, on top of the demo.
	if total < 42+40 || batches != 3 {
		t.Fatalf("%d published articles in %d batches", total, batches)
	}
	list, err := st.ListArticles(ctx, content.ArticleFilter{Edition: "fa", Status: content.Published, Limit: 1000})
	if err != nil {
		t.Fatal(err)
	}
	last := list[len(list)-1] // the oldest: a generated story
	if last.Title == "" || last.Author == nil && last.External.Writer == "" || last.PrimaryCategory == nil || last.BodyHTML == "" {
		t.Fatalf("incomplete generated article: %+v", last)
	}
	tr, err := st.ArticleTranslations(ctx, last.TranslationGroup)
	if err != nil || len(tr) != 4 {
		t.Fatalf("story in %d editions (%v), want 4", len(tr), err)
	}
	if err := benchdata.Generate(ctx, st, filepath.Join(dir, "uploads"), 1, benchdata.Options{}); err == nil {
		t.Fatal("Generate wrote into a database that already holds a site")
	}
}
