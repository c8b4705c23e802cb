package cli

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/masthead-news/masthead/internal/content"
	"github.com/masthead-news/masthead/internal/store/postgres"
	"github.com/masthead-news/masthead/internal/store/postgres/pgtest"
)

// scratchDatabase creates an empty PostgreSQL database for the test (pg_dump
// and pg_restore work on whole databases) and drops it afterwards.
func scratchDatabase(t *testing.T) string {
	t.Helper()
	base := os.Getenv(pgtest.Env)
	if base == "" {
		t.Skip("PostgreSQL tests skipped: set " + pgtest.Env + " to run them")
	}
	admin, err := postgres.OpenDB(base)
	if err != nil {
		t.Fatalf("%s is set but PostgreSQL does not answer: %v", pgtest.Env, err)
	}
	var b [5]byte
	rand.Read(b[:])
	name := "mh_backup_" + hex.EncodeToString(b[:])
	if _, err := admin.Exec("CREATE DATABASE " + name); err != nil {
		admin.Close()
		t.Fatal(err)
	}
	t.Cleanup(func() {
		admin.Exec("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)")
		admin.Close()
	})
	u, _ := url.Parse(base)
	u.Path = "/" + name
	return u.String()
}

// TestPostgresBackupAndRestore: with a PostgreSQL database, backup runs
// pg_dump into the archive (with the uploads folder) and restore loads it
// with pg_restore into an empty database, refusing a filled one without
// --force. Skipped without MASTHEAD_TEST_POSTGRES.
func TestPostgresBackupAndRestore(t *testing.T) {
	src, dst := scratchDatabase(t), scratchDatabase(t)
	ctx := context.Background()
	dir := t.TempDir()
	o := &options{data: filepath.Join(dir, "data"), database: src}
	a, err := openApp(ctx, o)
	if err != nil {
		t.Fatal(err)
	}
	if err := a.ensureSite(ctx); err != nil {
		t.Fatal(err)
	}
	for _, n := range []string{"Politics", "Culture", "Science"} {
		if err := a.content.CreateCategory(ctx, &content.Category{Edition: "en", Name: n}); err != nil {
			t.Fatal(err)
		}
	}
	a.Close()
	archive := filepath.Join(dir, "pg.tar.gz")
	if code, out, errs := run(t, nil, "backup", archive, "--data", o.data, "--database", src); code != 0 {
		t.Fatalf("backup: %d %q %q", code, out, errs)
	}
	if code, out, errs := run(t, nil, "restore", archive, "--data", filepath.Join(dir, "restored"), "--database", dst); code != 0 {
		t.Fatalf("restore: %d %q %q", code, out, errs)
	}
	st, err := postgres.Open(dst)
	if err != nil {
		t.Fatal(err)
	}
	cats, err := st.Categories(ctx, "en")
	st.Close()
	if err != nil || len(cats) != 3 {
		t.Fatalf("restored categories: %d %v", len(cats), err)
	}
	code, _, errs := run(t, nil, "restore", archive, "--data", filepath.Join(dir, "again"), "--database", dst)
	if code != 1 || !strings.Contains(errs, "--force") {
		t.Fatalf("restore into a filled database: %d %q", code, errs)
	}
	if code, out, errs := run(t, nil, "restore", archive, "--data", filepath.Join(dir, "again"), "--database", dst, "--force"); code != 0 {
		t.Fatalf("restore --force: %d %q %q", code, out, errs)
	}
}
