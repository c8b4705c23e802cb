package wpimport_test

import (
	"context"
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/masthead-news/masthead/internal/content"
	"github.com/masthead-news/masthead/internal/wpimport"
)

func TestCheckBases(t *testing.T) {
	for _, tc := range []struct {
		cat, tag         string
		wantCat, wantTag string
		err              string
	}{
		{"", "", "", "", ""},
		{"topics", "label", "topics", "label", ""},
		{"/Topics/", "/news/label/", "topics", "news/label", ""},
		{"category", "tag", "category", "tag", ""},
		{"thèmes", "", "thèmes", "", ""},
		{"to pics", "", "", "", "--category-base \"to pics\" is not a base"},
		{"", "a/../b", "", "", "--tag-base \"a/../b\" is not a base"},
		{"a?b", "", "", "", "is not a base"},
		{"  /  ", "", "", "", "--category-base is empty"},
		{"tag", "", "", "", "clashes with Masthead's own /tag/ URLs"},
		{"", "category", "", "", "clashes with Masthead's own /category/ URLs"},
		{"author/x", "", "", "", "clashes with Masthead's own /author/ URLs"},
		{"topics", "/topics/", "", "", "both \"topics\""},
	} {
		cat, tag, err := wpimport.CheckBases(tc.cat, tc.tag)
		if tc.err != "" {
			if err == nil || !strings.Contains(err.Error(), tc.err) {
				t.Errorf("CheckBases(%q, %q): error %v, want one with %q", tc.cat, tc.tag, err, tc.err)
			}
			continue
		}
		if err != nil || cat != tc.wantCat || tag != tc.wantTag {
			t.Errorf("CheckBases(%q, %q) = %q, %q, %v; want %q, %q", tc.cat, tc.tag, cat, tag, err, tc.wantCat, tc.wantTag)
		}
	}
}

func wantRedirect(t *testing.T, h http.Handler, path, want string) {
	t.Helper()
	res := get(h, path)
	if res.StatusCode != http.StatusMovedPermanently || res.Header.Get("Location") != want {
		t.Errorf("%s: %d → %q, want 301 → %s", path, res.StatusCode, res.Header.Get("Location"), want)
	}
}

func wantStatus(t *testing.T, h http.Handler, path string, want int) {
	t.Helper()
	if res := get(h, path); res.StatusCode != want {
		t.Errorf("%s: %d (→ %q), want %d", path, res.StatusCode, res.Header.Get("Location"), want)
	}
}

// A site whose Permalink settings had custom bases keeps its category and
// tag URLs, their feeds and their later pages under those bases.
func TestCustomCategoryAndTagBases(t *testing.T) {
	s := newSite(t)
	ctx := context.Background()
	s.imp.CategoryBase, s.imp.TagBase = "/topics/", "label"
	file := fixture(t, "theme-unit-test-data.xml")
	sum, err := s.imp.Import(ctx, file)
	if err != nil {
		t.Fatal(err)
	}
	if sum.CategoryBase != "topics" || sum.TagBase != "label" {
		t.Errorf("bases %q and %q, want topics and label", sum.CategoryBase, sum.TagBase)
	}
	h := s.server(t)
	for path, want := range map[string]string{
		"/topics/child-category-01/":                        "/category/child-category-01/",
		"/topics/parent-category/child-category-01/":        "/category/child-category-01/",
		"/topics/parent-category/child-category-01/feed/":   "/category/child-category-01/feed/",
		"/topics/parent-category/child-category-01/page/2/": "/category/child-category-01/page/2/",
		"/topics/child-category-01/page/1/":                 "/category/child-category-01/",
		"/label/8bit/":                                      "/tag/8bit/",
		"/label/8bit/feed/":                                 "/tag/8bit/feed/",
		"/label/8bit/page/3/":                               "/tag/8bit/page/3/",
	} {
		wantRedirect(t, h, path, want)
	}
	// Only the site's own bases: WordPress answered nothing else.
	wantStatus(t, h, "/category/parent-category/child-category-01/", http.StatusNotFound)
	wantStatus(t, h, "/topics/no-such-category/page/2/", http.StatusNotFound)
	// A page of a post is not a listing's page.
	wantStatus(t, h, "/2013/01/11/markup-html-tags-and-formatting/page/2/", http.StatusNotFound)

	before, gen := s.checksum(t), s.store.Generation()
	again, err := s.imp.Import(ctx, file)
	if err != nil {
		t.Fatal(err)
	}
	if again.Changed || s.checksum(t) != before || s.store.Generation() != gen {
		t.Errorf("second import with the same bases changed things: created %v, updated %v", again.Created, again.Updated)
	}
}

// With WordPress's default bases, later pages of an old category URL
// redirect too (the nested form has no route of its own).
func TestDefaultBasePagedRedirect(t *testing.T) {
	s := newSite(t)
	sum, err := s.imp.Import(context.Background(), fixture(t, "theme-unit-test-data.xml"))
	if err != nil {
		t.Fatal(err)
	}
	if sum.CategoryBase != "category" || sum.TagBase != "tag" {
		t.Errorf("bases %q and %q, want WordPress's defaults", sum.CategoryBase, sum.TagBase)
	}
	h := s.server(t)
	wantRedirect(t, h, "/category/parent-category/child-category-01/page/2/", "/category/child-category-01/page/2/")
	wantStatus(t, h, "/topics/parent-category/child-category-01/", http.StatusNotFound)
	// A listing's page past the last one stays a 404: its old URL's record
	// would send it to itself.
	wantStatus(t, h, "/tag/8bit/page/50/", http.StatusNotFound)
	wantStatus(t, h, "/category/child-category-01/page/50/", http.StatusNotFound)
}

// menuSpec is one navigation menu of a test export: custom links.
type menuSpec struct {
	slug, name string
	links      []string
}

// menuExport is a small WXR whose custom menu links show the site's bases.
func menuExport(t *testing.T, links ...string) string {
	return exportWith(t, menuSpec{"main", "Main", links})
}

// exportWith is a small WXR of a site in a folder (/site): two categories,
// a tag, a post and the menus given.
func exportWith(t *testing.T, menus ...menuSpec) string {
	t.Helper()
	var items, terms strings.Builder
	id := 100
	for mi, m := range menus {
		fmt.Fprintf(&terms, "<wp:term><wp:term_id>%d</wp:term_id><wp:term_taxonomy>nav_menu</wp:term_taxonomy><wp:term_slug>%s</wp:term_slug><wp:term_name><![CDATA[%s]]></wp:term_name></wp:term>\n",
			50+mi, m.slug, m.name)
		for i, l := range m.links {
			id++
			fmt.Fprintf(&items, `
<item><title>Link %d</title><link>https://old.example.org/site/?p=%d</link>
<wp:post_id>%d</wp:post_id><wp:status>publish</wp:status><wp:menu_order>%d</wp:menu_order>
<wp:post_type>nav_menu_item</wp:post_type>
<category domain="nav_menu" nicename="%s"><![CDATA[%s]]></category>
<wp:postmeta><wp:meta_key>_menu_item_type</wp:meta_key><wp:meta_value>custom</wp:meta_value></wp:postmeta>
<wp:postmeta><wp:meta_key>_menu_item_menu_item_parent</wp:meta_key><wp:meta_value>0</wp:meta_value></wp:postmeta>
<wp:postmeta><wp:meta_key>_menu_item_object</wp:meta_key><wp:meta_value>custom</wp:meta_value></wp:postmeta>
<wp:postmeta><wp:meta_key>_menu_item_url</wp:meta_key><wp:meta_value><![CDATA[%s]]></wp:meta_value></wp:postmeta>
</item>`, id, id, id, i+1, m.slug, m.name, l)
		}
	}
	doc := `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/" xmlns:content="http://purl.org/rss/1.0/modules/content/"
 xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
<channel>
<title>Old News</title><link>https://old.example.org/site</link>
<wp:wxr_version>1.2</wp:wxr_version>
<wp:base_site_url>https://old.example.org/site</wp:base_site_url><wp:base_blog_url>https://old.example.org/site</wp:base_blog_url>
<wp:author><wp:author_id>1</wp:author_id><wp:author_login>editor</wp:author_login><wp:author_display_name>Editor</wp:author_display_name></wp:author>
<wp:category><wp:term_id>2</wp:term_id><wp:category_nicename>news</wp:category_nicename><wp:category_parent></wp:category_parent><wp:cat_name>News</wp:cat_name></wp:category>
<wp:category><wp:term_id>3</wp:term_id><wp:category_nicename>world</wp:category_nicename><wp:category_parent>news</wp:category_parent><wp:cat_name>World</wp:cat_name></wp:category>
<wp:tag><wp:term_id>4</wp:term_id><wp:tag_slug>climate</wp:tag_slug><wp:tag_name>Climate</wp:tag_name></wp:tag>
` + terms.String() + `
<item><title>Floods in the north</title><link>https://old.example.org/site/2024/03/01/floods/</link><dc:creator>editor</dc:creator>
<content:encoded><![CDATA[<p>Rivers rose.</p>]]></content:encoded><excerpt:encoded><![CDATA[]]></excerpt:encoded>
<wp:post_id>10</wp:post_id><wp:post_date_gmt>2024-03-01 10:00:00</wp:post_date_gmt><wp:post_name>floods</wp:post_name>
<wp:status>publish</wp:status><wp:post_type>post</wp:post_type>
<category domain="category" nicename="world"><![CDATA[World]]></category>
<category domain="post_tag" nicename="climate"><![CDATA[Climate]]></category>
</item>` + items.String() + `
</channel></rss>`
	p := filepath.Join(t.TempDir(), "export.xml")
	if err := os.WriteFile(p, []byte(doc), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func menuTargets(t *testing.T, s *site) []string {
	t.Helper()
	items, err := s.store.Menu(context.Background(), "en")
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	var walk func([]*content.MenuItem)
	walk = func(list []*content.MenuItem) {
		for _, it := range list {
			out = append(out, it.Target)
			walk(it.Children)
		}
	}
	walk(items)
	return out
}

func hasNote(sum *wpimport.Summary, part string) bool {
	for _, n := range sum.Notes {
		if strings.Contains(n, part) {
			return true
		}
	}
	return false
}

// The export does not carry the bases, but custom menu links to a
// category's or a tag's listing show them: they are used when no base was
// given, and the links lead to the new listings.
func TestBasesDetectedFromMenuLinks(t *testing.T) {
	ctx := context.Background()
	file := menuExport(t, "https://old.example.org/site/topics/news/world/", "/site/label/climate/", "https://elsewhere.example/x/",
		"https://old.example.org/site/2024/03/01/floods/")
	s := newSite(t)
	sum, err := s.imp.Import(ctx, file)
	if err != nil {
		t.Fatal(err)
	}
	if sum.CategoryBase != "topics" || sum.TagBase != "label" {
		t.Errorf("detected bases %q and %q, want topics and label (notes %q)", sum.CategoryBase, sum.TagBase, sum.Notes)
	}
	if !hasNote(sum, "category base /topics/ was taken from 1 custom menu link") || !hasNote(sum, "tag base /label/") {
		t.Errorf("the summary does not say where the bases came from: %q", sum.Notes)
	}
	// The site ran in a folder: its old URLs are all below it.
	h := s.server(t)
	wantStatus(t, h, "/topics/news/world/", http.StatusNotFound)
	wantRedirect(t, h, "/site/author/editor/", "/author/editor/")
	wantRedirect(t, h, "/site/topics/news/world/", "/category/world/")
	wantRedirect(t, h, "/site/topics/world/feed/", "/category/world/feed/")
	wantRedirect(t, h, "/site/label/climate/page/2/", "/tag/climate/page/2/")
	got := strings.Join(menuTargets(t, s), " ")
	if want := "/category/world/ /tag/climate/ https://elsewhere.example/x/ /2024/03/01/floods/"; got != want {
		t.Errorf("menu targets %q, want %q", got, want)
	}

	// A base named on the command line wins, and the summary says the
	// menu links disagree.
	s2 := newSite(t)
	s2.imp.CategoryBase = "sections"
	sum, err = s2.imp.Import(ctx, file)
	if err != nil {
		t.Fatal(err)
	}
	if sum.CategoryBase != "sections" || sum.TagBase != "label" {
		t.Errorf("bases %q and %q, want sections (given) and label (detected)", sum.CategoryBase, sum.TagBase)
	}
	if !hasNote(sum, "custom menu links point to category listings under /topics/, but --category-base is \"sections\"") {
		t.Errorf("no note about the disagreement: %q", sum.Notes)
	}
	h2 := s2.server(t)
	wantRedirect(t, h2, "/site/sections/news/world/", "/category/world/")
	wantStatus(t, h2, "/site/topics/news/world/", http.StatusNotFound)

	// Links that disagree decide nothing.
	s3 := newSite(t)
	sum, err = s3.imp.Import(ctx, menuExport(t, "/site/topics/world/", "/site/sections/news/"))
	if err != nil {
		t.Fatal(err)
	}
	if sum.CategoryBase != "category" || !hasNote(sum, "under several bases (/sections/, /topics/)") {
		t.Errorf("base %q, notes %q; want the default and a note", sum.CategoryBase, sum.Notes)
	}

	// A bad base stops the import before anything is written.
	s4 := newSite(t)
	before := s4.checksum(t)
	s4.imp.TagBase = "category"
	if _, err := s4.imp.Import(ctx, file); err == nil || !strings.Contains(err.Error(), "--tag-base") {
		t.Errorf("a tag base of category: error %v", err)
	}
	if s4.checksum(t) != before {
		t.Error("a refused base changed the database")
	}
}
