package postgres_test

import (
	"testing"

	"github.com/masthead-news/masthead/internal/store"
	"github.com/masthead-news/masthead/internal/store/postgres"
	"github.com/masthead-news/masthead/internal/store/postgres/pgtest"
	"github.com/masthead-news/masthead/internal/store/storetest"
)

// TestStoreContract runs the whole contract suite on PostgreSQL, each test
// in a schema of its own.
func TestStoreContract(t *testing.T) {
	storetest.Run(t, func(t *testing.T) *store.Store { return pgtest.Open(t) })
}

func TestRebind(t *testing.T) {
	for in, want := range map[string]string{
		"SELECT 1":                         "SELECT 1",
		"a = ? AND b = ?":                  "a = $1 AND b = $2",
		`x LIKE ? ESCAPE '\' AND y = ?`:    `x LIKE $1 ESCAPE '\' AND y = $2`,
		"'it''s ?' || ? || \"q?\"":         "'it''s ?' || $1 || \"q?\"",
		"? -- why?\n, ?":                   "$1 -- why?\n, $2",
		"VALUES (?, ?::tsvector) -- end ?": "VALUES ($1, $2::tsvector) -- end ?",
	} {
		if got := (postgres.Dialect{}).Rebind(in); got != want {
			t.Errorf("Rebind(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestRedact(t *testing.T) {
	for in, want := range map[string]string{
		"postgres://u:secret@h:5432/db?x=1": "postgres://u:xxxxx@h:5432/db?x=1",
		"postgres://postgres@127.0.0.1/db":  "postgres://postgres@127.0.0.1/db",
		"postgres://h/db":                   "postgres://h/db",
	} {
		if got := postgres.Redact(in); got != want {
			t.Errorf("Redact(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestGenericPlans: connections use generic plans for prepared statements
// unless the URL chooses otherwise.
func TestGenericPlans(t *testing.T) {
	url := pgtest.URL(t)
	for extra, want := range map[string]string{"": "force_generic_plan", "&plan_cache_mode=auto": "auto"} {
		db, err := postgres.OpenDB(url + extra)
		if err != nil {
			t.Fatal(err)
		}
		var got string
		err = db.QueryRow("SHOW plan_cache_mode").Scan(&got)
		db.Close()
		if err != nil || got != want {
			t.Errorf("URL%s: plan_cache_mode = %q (%v), want %q", extra, got, err, want)
		}
	}
}
