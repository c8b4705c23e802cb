package wpimport_test

import (
	"context"
	"net/http"
	"strings"
	"testing"

	"github.com/masthead-news/masthead/internal/store/postgres"
	"github.com/masthead-news/masthead/internal/store/postgres/pgtest"
)

// newPostgresSite is a site on PostgreSQL, in a schema of its own (skipped
// without MASTHEAD_TEST_POSTGRES).
func newPostgresSite(t *testing.T) *site {
	t.Helper()
	url := pgtest.URL(t)
	st := pgtest.OpenURL(t, url)
	raw, err := postgres.OpenDB(url)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { raw.Close() })
	return setUpSite(t, t.TempDir(), st, raw, `SELECT table_name FROM information_schema.tables
		WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name`)
}

// TestImportOnPostgres: a site that starts on PostgreSQL imports like one on
// SQLite — every fixture's counts, the theme unit test's old URLs, a second
// import that writes nothing, and broken files that leave every row as it
// was.
func TestImportOnPostgres(t *testing.T) {
	ctx := context.Background()
	for name, want := range readme {
		t.Run(name, func(t *testing.T) {
			s := newPostgresSite(t)
			sum, err := s.imp.Import(ctx, fixture(t, name))
			if err != nil {
				t.Fatal(err)
			}
			for table, kind := range map[string]string{"articles": "post", "pages": "page", "comments": "comment"} {
				key := kind + "s"
				if got, want := s.count(t, "SELECT COUNT(*) FROM "+table), want[key]-skipped(sum, kind); got != want {
					t.Errorf("%d %s, want %d (skipped: %+v)", got, table, want, sum.Skipped)
				}
			}
		})
	}

	s := newPostgresSite(t)
	empty := s.checksum(t)
	if _, err := s.imp.Import(ctx, fixture(t, "theme-unit-test-data.xml")); err != nil {
		t.Fatal(err)
	}
	before, gen := s.checksum(t), s.store.Generation()
	if before == empty {
		t.Fatal("the checksum does not see the imported rows")
	}
	again, err := s.imp.Import(ctx, fixture(t, "theme-unit-test-data.xml"))
	if err != nil {
		t.Fatal(err)
	}
	if s.checksum(t) != before || s.store.Generation() != gen {
		t.Errorf("the second import changed the database: %+v", again)
	}
	for name, want := range map[string]string{"malformed.xml": "line 90:", "missing-version-tag.xml": "no <wp:wxr_version>"} {
		if _, err := s.imp.Import(ctx, fixture(t, name)); err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%s: error %v, want one with %q", name, err, want)
		}
		if s.checksum(t) != before {
			t.Errorf("%s: the failed import changed the database", name)
		}
	}
	h := s.server(t)
	for old, want := range map[string]string{
		"/category/parent-category/child-category-01/":      "/category/child-category-01/",
		"/category/parent-category/child-category-01/feed/": "/category/child-category-01/feed/",
	} {
		res := get(h, old)
		if res.StatusCode != http.StatusMovedPermanently || res.Header.Get("Location") != want {
			t.Errorf("%s: %d to %q, want 301 to %s", old, res.StatusCode, res.Header.Get("Location"), want)
		}
		if res := get(h, want); res.StatusCode != http.StatusOK {
			t.Errorf("%s: %d", want, res.StatusCode)
		}
	}
}
