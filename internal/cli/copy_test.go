package cli

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"github.com/masthead-news/masthead/internal/content"
	"github.com/masthead-news/masthead/internal/store/postgres"
)

// TestMigrateSQLiteToPostgres: the demo site copies from SQLite into an empty
// PostgreSQL database with equal counts in every table and equal article
// checksums; the copy serves (articles list, new rows get new ids past
// the copied ones); a second copy into the filled database is refused without --force
// and succeeds with it. Skipped without MASTHEAD_TEST_POSTGRES.
func TestMigrateSQLiteToPostgres(t *testing.T) {
	if testing.Short() {
		t.Skip("loads the whole demo")
	}
	target := scratchDatabase(t) // backup_pg_test.go
	ctx := context.Background()
	dir := t.TempDir()
	code, out, errs := run(t, nil, "demo", "--data", dir)
	if code != 0 {
		t.Fatalf("demo: %d %q", code, errs)
	}
	from := "sqlite://" + filepath.Join(dir, "masthead.db")
	code, out, errs = run(t, nil, "migrate", "--from", from, "--to", target)
	if code != 0 || !strings.Contains(out, "every count and the article checksum match") {
		t.Fatalf("migrate: %d\n%s\n%s", code, out, errs)
	}
	for _, table := range []string{"articles", "editions", "media", "categories"} {
		if !strings.Contains(out, table) {
			t.Errorf("the report does not list %s:\n%s", table, out)
		}
	}
	st, err := postgres.Open(target)
	if err != nil {
		t.Fatal(err)
	}
	list, err := st.ListArticles(ctx, content.ArticleFilter{Edition: "en", Limit: 100})
	if err != nil || len(list) == 0 {
		t.Fatalf("articles on PostgreSQL: %d %v", len(list), err)
	}
	var maxID int64
	for _, c := range mustCategories(t, st) {
		maxID = max(maxID, c.ID)
	}
	svc := &content.Service{Store: st}
	c := &content.Category{Edition: "en", Name: "After the move"}
	if err := svc.CreateCategory(ctx, c); err != nil || c.ID <= maxID {
		t.Fatalf("a new category after the copy: id %d (highest copied %d), %v", c.ID, maxID, err)
	}
	st.Close()

	code, _, errs = run(t, nil, "migrate", "--from", from, "--to", target)
	if code != 1 || !strings.Contains(errs, "--force") || !strings.Contains(errs, "nothing was copied") {
		t.Fatalf("copy into a filled database: %d %q", code, errs)
	}
	code, out, errs = run(t, nil, "migrate", "--from", from, "--to", target, "--force")
	if code != 0 || !strings.Contains(out, "match") {
		t.Fatalf("copy --force: %d %q %q", code, out, errs)
	}
	if code, _, errs := run(t, nil, "migrate", "--from", "mysql://x", "--to", target); code != 2 || !strings.Contains(errs, "--from") {
		t.Fatalf("bad --from: %d %q", code, errs)
	}
}

func mustCategories(t *testing.T, st interface {
	Categories(context.Context, string) ([]content.Category, error)
}) []content.Category {
	t.Helper()
	list, err := st.Categories(context.Background(), "en")
	if err != nil {
		t.Fatal(err)
	}
	return list
}
