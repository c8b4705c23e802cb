package wpimport_test

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"os"
	"path/filepath"
	"testing"
)

// wpMeta reads what the import record keeps of a WordPress item.
func (s *site) wpMeta(t *testing.T, kind, key string) map[string]any {
	t.Helper()
	var raw string
	if err := s.store.QueryRowForTest(context.Background(), "SELECT meta FROM wp_import_map WHERE kind = '"+kind+"' AND wp_key = '"+key+"'", &raw); err != nil {
		t.Fatalf("%s %s: %v", kind, key, err)
	}
	m := map[string]any{}
	if err := json.Unmarshal([]byte(raw), &m); err != nil {
		t.Fatalf("%s %s: meta %q: %v", kind, key, raw, err)
	}
	return m
}

// Masthead has no featured or pinned article (the front page's lead card
// is the newest one), so WordPress's sticky flag is kept in the import
// record only, and follows a newer export that drops it. Parent pages have
// no counterpart either: the page is flat, its nested permalink (in the
// record) redirects.
func TestStickyAndPageParentsKeptInTheRecord(t *testing.T) {
	s := newSite(t)
	ctx := context.Background()
	file := fixture(t, "theme-unit-test-data.xml")
	sum, err := s.imp.Import(ctx, file)
	if err != nil {
		t.Fatal(err)
	}
	if m := s.wpMeta(t, "article", "1241"); m["sticky"] != true {
		t.Errorf("the sticky post's record: %v", m)
	}
	if m := s.wpMeta(t, "article", "163"); m["sticky"] != nil {
		t.Errorf("a post that is not sticky: %v", m)
	}
	if !hasNote(sum, "sticky posts are imported as ordinary articles") {
		t.Errorf("the summary does not say what became of sticky posts: %q", sum.Notes)
	}
	if m := s.wpMeta(t, "page", "172"); m["permalink"] != "https://wpthemetestdata.wordpress.com/level-1/level-2/level-3/" {
		t.Errorf("the nested page's record: %v", m)
	}
	h := s.server(t)
	wantRedirect(t, h, "/level-1/level-2/level-3/", "/level-3/")
	wantStatus(t, h, "/level-3/", http.StatusOK)

	raw, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	if bytes.Count(raw, []byte("<wp:is_sticky>1</wp:is_sticky>")) != 1 {
		t.Fatal("the fixture's sticky post is not where the test expects it")
	}
	newer := filepath.Join(t.TempDir(), "newer.xml")
	if err := os.WriteFile(newer, bytes.Replace(raw, []byte("<wp:is_sticky>1</wp:is_sticky>"), []byte("<wp:is_sticky>0</wp:is_sticky>"), 1), 0o644); err != nil {
		t.Fatal(err)
	}
	sum, err = s.imp.Import(ctx, newer)
	if err != nil {
		t.Fatal(err)
	}
	if sum.Updated["articles"] != 1 {
		t.Errorf("updated %v, want the one post that is no longer sticky", sum.Updated)
	}
	if m := s.wpMeta(t, "article", "1241"); m["sticky"] != nil {
		t.Errorf("the record still says sticky: %v", m)
	}
}
