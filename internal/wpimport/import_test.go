package wpimport_test

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/masthead-news/masthead/internal/content"
	"github.com/masthead-news/masthead/internal/edition"
	"github.com/masthead-news/masthead/internal/media"
	"github.com/masthead-news/masthead/internal/store"
	"github.com/masthead-news/masthead/internal/store/sqlite"
	"github.com/masthead-news/masthead/internal/web"
	"github.com/masthead-news/masthead/internal/wpimport"

	_ "modernc.org/sqlite"
)

// site is a fresh Masthead site with an English and an Arabic edition.
type site struct {
	dir   string
	store *store.Store
	imp   *wpimport.Importer
	// raw reads the database behind the store's back, for checksums;
	// tables lists its tables.
	raw    *sql.DB
	tables string
}

// newSite is a site on SQLite (postgres_test.go makes one on PostgreSQL).
func newSite(t testing.TB) *site {
	t.Helper()
	dir := t.TempDir()
	st, err := sqlite.Open(filepath.Join(dir, "site.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	raw, err := sql.Open("sqlite", filepath.Join(dir, "site.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { raw.Close() })
	return setUpSite(t, dir, st, raw, "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
}

// setUpSite migrates st and gives it the two editions and an importer.
func setUpSite(t testing.TB, dir string, st *store.Store, raw *sql.DB, tables string) *site {
	t.Helper()
	ctx := context.Background()
	if _, err := st.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	for i, e := range []edition.Edition{
		{Code: "en", Name: "English", Lang: "en", Dir: "ltr", Calendar: "gregorian", Digits: "latn", TimeZone: "UTC", IsDefault: true},
		{Code: "ar", Name: "العربية", Lang: "ar", Dir: "rtl", Calendar: "gregorian", Digits: "arab", TimeZone: "UTC", Position: 1},
	} {
		e.Settings = edition.Settings{SiteName: "Test " + e.Code, ListingMode: edition.ListExcerpt, PerPage: 10, CopyrightYear: 2020 + i}
		if err := st.SaveEdition(ctx, &e); err != nil {
			t.Fatal(err)
		}
	}
	svc := &content.Service{Store: st}
	ms := &media.Service{Store: st, Blob: media.LocalBlob{Root: filepath.Join(dir, "uploads")}}
	return &site{dir: dir, store: st, imp: &wpimport.Importer{Store: st, Content: svc, Media: ms}, raw: raw, tables: tables}
}

func fixture(t *testing.T, name string) string {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		cand := filepath.Join(dir, "shared", "fixtures", "wordpress", "wordpress-importer", name)
		if _, err := os.Stat(cand); err == nil {
			return cand
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Skip("no shared/fixtures/wordpress folder above the test's directory")
		}
		dir = parent
	}
}

// checksum hashes every row of every table, to prove a failed or repeated
// import left the database exactly as it was.
func (s *site) checksum(t *testing.T) string {
	t.Helper()
	db := s.raw
	rows, err := db.Query(s.tables)
	if err != nil {
		t.Fatal(err)
	}
	var tables []string
	for rows.Next() {
		var n string
		rows.Scan(&n)
		tables = append(tables, n)
	}
	rows.Close()
	h := sha256.New()
	for _, tb := range tables {
		rows, err := db.Query(`SELECT * FROM "` + tb + `" ORDER BY 1`)
		if err != nil {
			t.Fatal(err)
		}
		cols, _ := rows.Columns()
		vals := make([]any, len(cols))
		ptrs := make([]any, len(cols))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		for rows.Next() {
			rows.Scan(ptrs...)
			fmt.Fprintf(h, "%s %v\n", tb, vals)
		}
		rows.Close()
	}
	return hex.EncodeToString(h.Sum(nil))
}

func (s *site) count(t *testing.T, q string) int {
	t.Helper()
	var n int
	if err := s.store.QueryRowForTest(context.Background(), q, &n); err != nil {
		t.Fatal(err)
	}
	return n
}

func (s *site) server(t *testing.T) http.Handler {
	t.Helper()
	h, err := web.New(context.Background(), web.Deps{Content: s.store, Media: s.store, Blob: media.LocalBlob{Root: filepath.Join(s.dir, "uploads")},
		Editions: s.store, Ready: s.store.Ping, Logger: slog.New(slog.NewTextHandler(io.Discard, nil)), Redirects: s.store,
		BaseURL: "https://news.example.org"})
	if err != nil {
		t.Fatal(err)
	}
	return h
}

func get(h http.Handler, path string) *http.Response {
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, path, nil))
	return rec.Result()
}

func skipped(sum *wpimport.Summary, kind string) int {
	n := 0
	for _, s := range sum.Skipped {
		if s.Kind == kind {
			n++
		}
	}
	return n
}

// readme holds the counts of shared/fixtures/wordpress/README.md for the
// valid exports.
var readme = map[string]map[string]int{
	"a11y-unit-test-data.xml":                 {"posts": 47, "pages": 17, "attachments": 39, "comments": 29, "categories": 27, "tags": 61, "terms": 5, "authors": 0},
	"backslashes.xml":                         {"posts": 1},
	"crazy-cdata-escaped.xml":                 {"posts": 1},
	"e2e-wxr-base-url-rewriting.xml":          {"posts": 1, "authors": 1},
	"e2e-wxr-comprehensive.xml":               {"posts": 1, "pages": 1, "comments": 1, "categories": 2, "tags": 2, "authors": 2},
	"missing-tags.xml":                        {"posts": 1},
	"namespace-edge-cases.xml":                {"posts": 6, "terms": 2, "authors": 2},
	"post-content-blank-lines.xml":            {"posts": 1, "authors": 1},
	"slashes.xml":                             {"posts": 1, "comments": 1, "categories": 1, "tags": 1, "authors": 1},
	"small-export.xml":                        {"posts": 6, "pages": 5, "comments": 1, "categories": 30, "tags": 3, "authors": 3},
	"term-formats.xml":                        {"categories": 2, "tags": 3, "terms": 2},
	"term-meta.xml":                           {"terms": 1},
	"test-serialized-comment-meta.xml":        {"posts": 1, "comments": 1},
	"test-serialized-postmeta-with-cdata.xml": {"posts": 1},
	"theme-unit-test-data.xml":                {"posts": 58, "pages": 21, "attachments": 37, "comments": 33, "categories": 68, "tags": 110, "terms": 7, "authors": 2},
	"valid-wxr-1.0.xml":                       {"posts": 3, "pages": 3, "comments": 1, "categories": 5, "tags": 4},
	"valid-wxr-1.1.xml":                       {"posts": 1, "pages": 1, "comments": 1, "categories": 1, "tags": 1, "terms": 1, "authors": 1},
	"wxr-flat-attachment-same-site.xml":       {"posts": 1, "attachments": 1, "authors": 1},
	"wxr-simple.xml":                          {"posts": 1, "authors": 1},
	"wxr-utf-8-challenges.xml":                {"posts": 1, "authors": 1},
}

// Every valid export yields the README's counts, and everything it holds
// is in the database or reported as skipped with a reason.
func TestImportCountsPerFixture(t *testing.T) {
	for name, want := range readme {
		t.Run(name, func(t *testing.T) {
			s := newSite(t)
			sum, err := s.imp.Import(context.Background(), fixture(t, name))
			if err != nil {
				t.Fatal(err)
			}
			for _, k := range []string{"posts", "pages", "attachments", "comments", "categories", "tags", "terms", "authors"} {
				if sum.Read[k] != want[k] {
					t.Errorf("%s: read %d, README says %d", k, sum.Read[k], want[k])
				}
			}
			for _, sk := range sum.Skipped {
				if sk.Reason == "" {
					t.Errorf("skipped %s %s without a reason", sk.Kind, sk.ID)
				}
			}
			if got, want := s.count(t, "SELECT COUNT(*) FROM articles"), want["posts"]-skipped(sum, "post"); got != want {
				t.Errorf("%d articles in the database, want %d (skipped: %+v)", got, want, sum.Skipped)
			}
			if got, want := s.count(t, "SELECT COUNT(*) FROM pages"), want["pages"]-skipped(sum, "page"); got != want {
				t.Errorf("%d pages in the database, want %d", got, want)
			}
			if got, want := s.count(t, "SELECT COUNT(*) FROM comments"), want["comments"]-skipped(sum, "comment"); got != want {
				t.Errorf("%d comments in the database, want %d", got, want)
			}
			// No uploads folder was given: every attachment is reported.
			if got := skipped(sum, "attachment"); got != want["attachments"] {
				t.Errorf("%d attachments skipped, want %d", got, want["attachments"])
			}
		})
	}
}

// The theme unit test: its 56 published posts and 21 pages are articles and
// pages; a second import writes nothing; every item renders; old
// permalinks, ?p= and ?page_id= links, categories, tags and their feeds
// redirect to the new pages.
func TestThemeUnitTestImport(t *testing.T) {
	s := newSite(t)
	ctx := context.Background()
	file := fixture(t, "theme-unit-test-data.xml")
	sum, err := s.imp.Import(ctx, file)
	if err != nil {
		t.Fatal(err)
	}
	if n := s.count(t, "SELECT COUNT(*) FROM articles WHERE status = 'published'"); n != 56 {
		t.Errorf("%d published articles, want 56", n)
	}
	if n := s.count(t, "SELECT COUNT(*) FROM articles WHERE status = 'scheduled'"); n != 1 {
		t.Errorf("%d scheduled articles, want 1 (the future post)", n)
	}
	if n := s.count(t, "SELECT COUNT(*) FROM articles WHERE status = 'draft'"); n != 1 {
		t.Errorf("%d draft articles, want 1", n)
	}
	if n := s.count(t, "SELECT COUNT(*) FROM pages WHERE status = 'published'"); n != 21 {
		t.Errorf("%d published pages, want 21", n)
	}
	if n := s.count(t, "SELECT COUNT(*) FROM menu_items WHERE edition = 'en'"); n == 0 {
		t.Error("the menu was not imported")
	}
	if n := s.count(t, "SELECT COUNT(*) FROM categories WHERE parent_id IS NOT NULL"); n == 0 {
		t.Error("the category hierarchy was lost")
	}
	if n := s.count(t, "SELECT COUNT(*) FROM comments WHERE parent_id IS NOT NULL"); n == 0 {
		t.Error("comment threads were lost")
	}
	if sum.Redirects == 0 {
		t.Fatal("no old URL redirects")
	}

	// A second import of the same file changes nothing, not even the
	// cache generation.
	before, gen := s.checksum(t), s.store.Generation()
	again, err := s.imp.Import(ctx, file)
	if err != nil {
		t.Fatal(err)
	}
	if again.Changed || len(again.Created) > 0 || len(again.Updated) > 0 {
		t.Errorf("second import changed things: created %v, updated %v", again.Created, again.Updated)
	}
	if s.checksum(t) != before || s.store.Generation() != gen {
		t.Error("second import wrote to the database")
	}

	h := s.server(t)
	f, err := os.Open(file)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rd := wpimport.NewReader(f, false)
	checked := 0
	for {
		v, err := rd.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		it, ok := v.(*wpimport.Item)
		if !ok || (it.Type != "post" && it.Type != "page") || it.Status != "publish" {
			continue
		}
		u, err := url.Parse(it.Link)
		if err != nil {
			t.Fatal(err)
		}
		old := strings.ReplaceAll(u.EscapedPath(), "//", "/")
		if u.RawQuery != "" {
			old += "?" + u.RawQuery
		}
		links := []string{old, fmt.Sprintf("/?p=%d", it.ID)}
		if it.Type == "page" {
			links = append(links, fmt.Sprintf("/?page_id=%d", it.ID))
		}
		var canonical string
		for _, l := range links {
			res := get(h, l)
			switch res.StatusCode {
			case http.StatusOK: // the old permalink is the new one
				if canonical == "" {
					canonical = l
				}
			case http.StatusMovedPermanently:
				loc := res.Header.Get("Location")
				if canonical != "" && loc != canonical {
					t.Errorf("%s (%q) redirects to %s, another link to it went to %s", l, it.Title, loc, canonical)
				}
				canonical = loc
			default:
				t.Errorf("%s (%s %d %q): %d", l, it.Type, it.ID, it.Title, res.StatusCode)
			}
		}
		if canonical == "" {
			continue
		}
		if res := get(h, canonical); res.StatusCode != http.StatusOK {
			t.Errorf("%s %q at %s: %d", it.Type, it.Title, canonical, res.StatusCode)
		}
		checked++
	}
	if checked != 56+21 {
		t.Errorf("checked %d published posts and pages, want 77", checked)
	}
	for path, want := range map[string]string{
		"/category/parent-category/child-category-01/":      "/category/child-category-01/",
		"/category/parent-category/child-category-01/feed/": "/category/child-category-01/feed/",
	} {
		res := get(h, path)
		if res.StatusCode != http.StatusMovedPermanently || res.Header.Get("Location") != want {
			t.Errorf("%s: %d → %q, want 301 → %s", path, res.StatusCode, res.Header.Get("Location"), want)
		}
	}
	if res := get(h, "/2099/01/01/never-existed/"); res.StatusCode != http.StatusNotFound {
		t.Errorf("an unknown path answers %d, want 404", res.StatusCode)
	}
}

// Broken and non-WXR files stop with the line and the reason and leave the
// database exactly as it was.
func TestMalformedFilesChangeNothing(t *testing.T) {
	s := newSite(t)
	ctx := context.Background()
	if _, err := s.imp.Import(ctx, fixture(t, "wxr-simple.xml")); err != nil {
		t.Fatal(err)
	}
	for name, want := range map[string]string{
		"malformed.xml":           "line 90:",
		"malformed-simple.xml":    "line 14:",
		"missing-version-tag.xml": "no <wp:wxr_version>",
		"invalid-version-tag.xml": `"abc"`,
	} {
		before, gen := s.checksum(t), s.store.Generation()
		_, err := s.imp.Import(ctx, fixture(t, name))
		if err == nil || !strings.Contains(err.Error(), want) || !strings.Contains(err.Error(), "line ") {
			t.Errorf("%s: error %v, want one with %q and a line number", name, err, want)
		}
		if s.checksum(t) != before || s.store.Generation() != gen {
			t.Errorf("%s: the failed import changed the database", name)
		}
	}
}

// A file with CDATA nested in CDATA is not well-formed, but WordPress reads
// it: so does the lenient fallback, with the same text as the escaped file.
func TestNestedCDATAReadLeniently(t *testing.T) {
	ctx := context.Background()
	var bodies []string
	for _, name := range []string{"crazy-cdata.xml", "crazy-cdata-escaped.xml"} {
		s := newSite(t)
		sum, err := s.imp.Import(ctx, fixture(t, name))
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if (name == "crazy-cdata.xml") != sum.Lenient {
			t.Errorf("%s: lenient = %v", name, sum.Lenient)
		}
		var body string
		if err := s.store.QueryRowForTest(ctx, "SELECT body_source FROM articles", &body); err != nil {
			t.Fatal(err)
		}
		bodies = append(bodies, body)
	}
	if bodies[0] != bodies[1] || bodies[0] != "<p>Content with nested <![CDATA[ tags ]]> :)</p>" {
		t.Errorf("bodies %q and %q", bodies[0], bodies[1])
	}
}

// The UTF-8 challenge file's title and text survive byte for byte: bidi
// overrides, zero-width characters, emoji, math alphanumerics, Arabic.
func TestUTF8ChallengesByteForByte(t *testing.T) {
	s := newSite(t)
	ctx := context.Background()
	file := fixture(t, "wxr-utf-8-challenges.xml")
	if _, err := s.imp.Import(ctx, file); err != nil {
		t.Fatal(err)
	}
	raw, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	between := func(s, from, to string) string {
		i := strings.Index(s, from)
		j := strings.Index(s[i+len(from):], to)
		return s[i+len(from) : i+len(from)+j]
	}
	item := string(raw[strings.Index(string(raw), "<item>"):])
	wantBody := between(item, "<content:encoded><![CDATA[", "]]></content:encoded>")
	wantTitle := between(item, "<title><![CDATA[", "]]></title>")
	var title, body string
	if err := s.store.QueryRowForTest(ctx, "SELECT title, body_source FROM articles", &title, &body); err != nil {
		t.Fatal(err)
	}
	if body != wantBody {
		t.Errorf("body changed:\n got %q\nwant %q", body, wantBody)
	}
	if title != wantTitle {
		t.Errorf("title changed: got %q, want %q", title, wantTitle)
	}
}

var _ = time.Now
