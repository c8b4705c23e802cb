// Package pgtest gives tests a fresh PostgreSQL schema on the server named by
// MASTHEAD_TEST_POSTGRES (a postgres:// URL; CI's .ci/run sets it). Without
// the variable, tests that need PostgreSQL skip with a message saying so;
// with it set, a server that does not answer fails them. Test helper only.
package pgtest

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"net/url"
	"os"
	"testing"

	"github.com/masthead-news/masthead/internal/store"
	"github.com/masthead-news/masthead/internal/store/postgres"
)

// Env names the variable that points the tests at a PostgreSQL database.
const Env = "MASTHEAD_TEST_POSTGRES"

// URL returns a database URL whose connections work in a new, empty schema
// of their own (dropped when the test ends); several stores opened on it
// share that schema, like nodes sharing one database.
func URL(t testing.TB) string {
	t.Helper()
	base := os.Getenv(Env)
	if base == "" {
		t.Skip("PostgreSQL tests skipped: set " + Env + "=postgres://postgres@127.0.0.1:5432/DB?sslmode=disable to run them")
	}
	u, err := url.Parse(base)
	if err != nil {
		t.Fatalf("%s is not a URL: %v", Env, err)
	}
	admin, err := postgres.OpenDB(base)
	if err != nil {
		t.Fatalf("%s is set but PostgreSQL does not answer: %v", Env, err)
	}
	var b [6]byte
	rand.Read(b[:])
	schema := "mh_test_" + hex.EncodeToString(b[:])
	if _, err := admin.Exec("CREATE SCHEMA " + schema); err != nil {
		admin.Close()
		t.Fatalf("creating schema %s: %v", schema, err)
	}
	t.Cleanup(func() {
		defer admin.Close()
		if _, err := admin.Exec("DROP SCHEMA " + schema + " CASCADE"); err != nil {
			t.Errorf("dropping schema %s: %v", schema, err)
		}
	})
	q := u.Query()
	q.Set("search_path", schema)
	u.RawQuery = q.Encode()
	return u.String()
}

// Open returns a migrated, empty store in a fresh schema, closed when the
// test ends.
func Open(t testing.TB) *store.Store {
	t.Helper()
	s := OpenURL(t, URL(t))
	if _, err := s.Migrate(context.Background()); err != nil {
		t.Fatal(err)
	}
	return s
}

// OpenURL opens a store on url (from URL), closed when the test ends.
func OpenURL(t testing.TB, url string) *store.Store {
	t.Helper()
	s, err := postgres.Open(url)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}
