package postgres_test

import (
	"context"
	"database/sql"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/masthead-news/masthead/internal/store/postgres"
	"github.com/masthead-news/masthead/internal/store/postgres/pgtest"
	"github.com/masthead-news/masthead/internal/store/sqlite"
)

// TestSchemasMatch: after every migration, PostgreSQL has the same tables,
// columns and named indexes as SQLite, so a migration whose twin forgot
// something fails here rather than on a page. The full-text tables differ
// by design (FTS5's search_index, PostgreSQL's search_texts).
func TestSchemasMatch(t *testing.T) {
	ctx := context.Background()
	url := pgtest.URL(t)
	pg := pgtest.OpenURL(t, url)
	if _, err := pg.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "t.db")
	lite, err := sqlite.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer lite.Close()
	if _, err := lite.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	liteDB, err := sql.Open("sqlite", "file:"+path)
	if err != nil {
		t.Fatal(err)
	}
	defer liteDB.Close()
	pgDB, err := postgres.OpenDB(url)
	if err != nil {
		t.Fatal(err)
	}
	defer pgDB.Close()

	list := func(db *sql.DB, q string) []string {
		t.Helper()
		rows, err := db.QueryContext(ctx, q)
		if err != nil {
			t.Fatal(err)
		}
		defer rows.Close()
		var out []string
		for rows.Next() {
			var a, b string
			if err := rows.Scan(&a, &b); err != nil {
				t.Fatal(err)
			}
			if strings.HasPrefix(a, "search_index") || a == "search_texts" {
				continue
			}
			out = append(out, a+"."+b)
		}
		slices.Sort(out)
		return out
	}
	compare := func(what string, lite, pg []string) {
		t.Helper()
		for _, x := range lite {
			if !slices.Contains(pg, x) {
				t.Errorf("%s %s is on SQLite but not on PostgreSQL", what, x)
			}
		}
		for _, x := range pg {
			if !slices.Contains(lite, x) {
				t.Errorf("%s %s is on PostgreSQL but not on SQLite", what, x)
			}
		}
	}
	compare("column",
		list(liteDB, `SELECT m.name, p.name FROM sqlite_master m JOIN pragma_table_info(m.name) p
			WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%'`),
		list(pgDB, `SELECT table_name::text, column_name::text FROM information_schema.columns WHERE table_schema = current_schema()`))
	compare("index",
		list(liteDB, `SELECT tbl_name, name FROM sqlite_master WHERE type = 'index' AND name NOT LIKE 'sqlite_autoindex_%'`),
		list(pgDB, `SELECT i.tablename::text, i.indexname::text FROM pg_indexes i WHERE i.schemaname = current_schema()
			AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname)`))
}
