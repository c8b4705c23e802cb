package admin_test

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"github.com/masthead-news/masthead/internal/admin"
	"github.com/masthead-news/masthead/internal/content"
	"github.com/masthead-news/masthead/internal/media"
	"github.com/masthead-news/masthead/internal/user"
	"github.com/masthead-news/masthead/internal/web"
)

// cachedSite serves the structure site again, the way `masthead serve`
// does: with the page cache on, and the admin telling the public site when
// settings change. Pages that readers fetched before a change must not be
// served after it.
func cachedSite(t *testing.T, s *structure) *httptest.Server {
	t.Helper()
	ctx := context.Background()
	logger := slog.New(slog.NewTextHandler(io.Discard, nil))
	adm, err := admin.New(admin.Deps{Auth: &user.Auth{Store: s.store}, Users: s.store, Content: s.content,
		Media: &media.Service{Store: s.store, Blob: media.LocalBlob{Root: t.TempDir()}}, Editions: s.store, Audit: s.store, Logger: logger})
	must(t, err)
	srv, err := web.New(ctx, web.Deps{Content: s.store, Media: s.store, Blob: media.LocalBlob{Root: t.TempDir()}, Editions: s.store,
		Ready: s.store.Ping, Logger: logger, Admin: adm, Generation: s.store.Generation, CacheBytes: 8 << 20})
	must(t, err)
	adm.OnSiteChanged = srv.ReloadEditions
	ts := httptest.NewServer(srv)
	t.Cleanup(ts.Close)
	return ts
}

// TestStructureChangesShowOnThePublicSite changes categories, menus, pages,
// tags, authors and settings in the admin and reads the public site after
// each change: the next request shows it, through the page cache.
func TestStructureChangesShowOnThePublicSite(t *testing.T) {
	t.Parallel()
	s := newStructure(t)
	ts := cachedSite(t, s)
	s.server = ts // the helpers talk to the cached server
	reader := s.client(t)
	editor := s.login(t, user.Editor)
	admin := s.login(t, user.Admin)
	read := func(path string, want int) string {
		t.Helper()
		res, body := s.get(t, reader, path)
		if res.StatusCode != want {
			t.Fatalf("GET %s: %d, want %d", path, res.StatusCode, want)
		}
		return body
	}
	change := func(c *http.Client, path string, form url.Values) {
		t.Helper()
		res, body := s.postBody(t, c, path, form)
		if res.StatusCode != http.StatusSeeOther {
			t.Fatalf("POST %s: %d %s", path, res.StatusCode, alertText(body))
		}
	}
	id := func(n int64) string { return fmt.Sprint(n) }

	// A renamed category, under its new name and slug, on the next request.
	read("/category/news/", 200)
	read("/", 200)
	change(editor, fmt.Sprintf("/admin/categories/%d/", s.category["en"]), url.Values{"name": {"Top stories"}, "slug": {"top-stories"}, "description": {"What matters today."}})
	if body := read("/category/top-stories/", 200); !strings.Contains(body, "Top stories") || !strings.Contains(body, "What matters today.") {
		t.Error("the renamed category's page lacks its new name or description")
	}
	read("/category/news/", 404)
	if body := read("/", 200); !strings.Contains(body, `/category/top-stories/">Top stories</a>`) {
		t.Error("the home page's article card still shows the old category")
	}

	// A new menu item, nested in the group, on the next request; then moved.
	home := read("/", 200)
	change(editor, "/admin/menus/items", url.Values{"edition": {"en"}, "label": {"Culture"}, "kind": {"link"}, "target": {"/category/culture/"}, "parent": {id(s.group.ID)}})
	home = read("/", 200)
	if !regexp.MustCompile(`(?s)<ul class="submenu"[^>]*>.*World</a>.*href="/category/culture/">Culture</a>.*?</ul>`).MatchString(home) {
		t.Errorf("the new item is not nested after World in the public menu:\n%s", menuHTML(home))
	}
	culture := s.menuItem(t, "en", "Culture")
	change(editor, fmt.Sprintf("/admin/menus/items/%d/move", culture.ID), url.Values{"move": {"up"}})
	if !regexp.MustCompile(`(?s)Culture</a>.*World</a>`).MatchString(menuHTML(read("/", 200))) {
		t.Errorf("moved up, Culture does not come before World:\n%s", menuHTML(read("/", 200)))
	}
	change(editor, fmt.Sprintf("/admin/menus/items/%d/move", culture.ID), url.Values{"move": {"out"}})
	if m := menuHTML(read("/", 200)); !regexp.MustCompile(`(?s)World</a>\s*</li>\s*</ul>\s*</li>\s*<li class="menu-item">\s*<a href="/category/culture/">Culture</a>`).MatchString(m) {
		t.Errorf("moved out, Culture is not the top-level item after the group:\n%s", m)
	}
	// In the Persian menu, a site path gets the edition's prefix.
	change(editor, "/admin/menus/items", url.Values{"edition": {"fa"}, "label": {"همهٔ مقاله‌ها"}, "kind": {"link"}, "target": {"/articles/"}})
	if body := read("/fa/", 200); !strings.Contains(body, `href="/fa/articles/">همهٔ مقاله‌ها</a>`) {
		t.Errorf("the Persian menu lacks the new item:\n%s", menuHTML(body))
	}
	// Deleting the group deletes its items too.
	change(editor, fmt.Sprintf("/admin/menus/items/%d/delete", s.group.ID), url.Values{})
	if m := menuHTML(read("/", 200)); strings.Contains(m, "World") || strings.Contains(m, "Sections") || !strings.Contains(m, "Culture") {
		t.Errorf("after deleting the group:\n%s", m)
	}

	// A changed site name, tagline, footer and social link on the next request.
	change(admin, "/admin/settings/", url.Values{"edition": {"en"}, "site_name": {"The Morning Ledger"}, "tagline": {"Independent since 1990"},
		"footer_text": {"Printed on recycled electrons."}, "copyright_year": {"1990"}, "listing_mode": {"full"}, "per_page": {"5"},
		"calendar": {"gregorian"}, "digits": {"latn"}, "time_zone": {"Europe/Tirane"}, "social_rows": {"2"},
		"social_0_network": {"mastodon"}, "social_0_label": {"Mastodon"}, "social_0_url": {"https://social.example/@ledger"},
		"social_1_network": {""}, "social_1_label": {""}, "social_1_url": {""}})
	home = read("/", 200)
	for _, want := range []string{"<title>The Morning Ledger — Independent since 1990</title>", `<span class="brand-name">The Morning Ledger</span>`,
		"Printed on recycled electrons.", "© 1990", `href="https://social.example/@ledger"`} {
		if !strings.Contains(home, want) {
			t.Errorf("the home page lacks %q after the settings change", want)
		}
	}
	if strings.Contains(read("/fa/", 200), "The Morning Ledger") {
		t.Error("the English site name leaked into the Persian edition")
	}
	// The Persian edition switches to Latin digits.
	change(admin, "/admin/settings/", url.Values{"edition": {"fa"}, "site_name": {"سایت فارسی"}, "listing_mode": {"excerpt"}, "per_page": {"10"},
		"calendar": {"persian"}, "digits": {"latn"}, "time_zone": {"Asia/Tehran"}, "social_rows": {"0"}})
	if body := read("/fa/", 200); !strings.Contains(body, "سایت فارسی") || regexp.MustCompile(`<time[^>]*>[^<]*[۰-۹]`).MatchString(body) {
		t.Error("the Persian edition does not show its new name with Latin digits")
	}
	// Language negotiation: a redirect for a first visit from a Persian browser.
	change(admin, "/admin/settings/site", url.Values{"edition": {"en"}, "language_negotiation": {"redirect"}})
	req, _ := http.NewRequest("GET", ts.URL+"/", nil)
	req.Header.Set("Accept-Language", "fa")
	req.Header.Set("User-Agent", "Mozilla/5.0 (X11; Linux x86_64) Firefox/140.0")
	res, err := reader.Do(req)
	must(t, err)
	res.Body.Close()
	if res.StatusCode != http.StatusFound || res.Header.Get("Location") != "/fa/" {
		t.Errorf("with negotiation set to redirect: %d → %q", res.StatusCode, res.Header.Get("Location"))
	}

	// Linked category translations give reciprocal hreflang links.
	change(editor, "/admin/categories/new", url.Values{"edition": {"en"}, "name": {"Sport"}})
	change(editor, "/admin/categories/new", url.Values{"edition": {"fa"}, "name": {"ورزش"}})
	sport := s.categoryNamed(t, "en", "Sport")
	varzesh := s.categoryNamed(t, "fa", "ورزش")
	enPath, faPath := "/category/sport/", "/fa/category/"+url.PathEscape("ورزش")+"/"
	if strings.Contains(read(enPath, 200), `hreflang="fa"`) {
		t.Fatal("hreflang before the categories were linked")
	}
	change(editor, fmt.Sprintf("/admin/categories/%d/translations", varzesh.ID), url.Values{"version": {id(sport.ID)}})
	enBody, faBody := read(enPath, 200), read(faPath, 200)
	for _, body := range []string{enBody, faBody} {
		for _, alt := range []string{
			`<link rel="alternate" hreflang="en" href="` + ts.URL + enPath + `">`,
			`<link rel="alternate" hreflang="x-default" href="` + ts.URL + enPath + `">`,
			`<link rel="alternate" hreflang="fa" href="` + ts.URL + faPath + `">`,
		} {
			if !strings.Contains(body, alt) {
				t.Errorf("a linked category page lacks %s", alt)
			}
		}
	}
	if !strings.Contains(enBody, `href="`+faPath+`"`) {
		t.Error("the English category has no Read-in link to the Persian one")
	}
	// Unlinking takes the links away again, on both sides.
	change(editor, fmt.Sprintf("/admin/categories/%d/translations", sport.ID), url.Values{"version": {"0"}})
	if strings.Contains(read(enPath, 200), `hreflang="fa"`) || strings.Contains(read(faPath, 200), `hreflang="en"`) {
		t.Error("hreflang links remain after unlinking")
	}

	// Pages: an edit shows at once, unpublishing hides the page, and linked
	// translations carry hreflang.
	change(editor, fmt.Sprintf("/admin/pages/%d/", s.page.ID), url.Values{"title": {"About the Ledger"}, "slug": {"about-us"}, "body": {"<p>Since 1990.</p>"}, "action": {"save"}})
	if body := read("/about-us/", 200); !strings.Contains(body, "About the Ledger") || !strings.Contains(body, "Since 1990.") {
		t.Error("the edited page does not show its new text")
	}
	change(editor, "/admin/pages/new", url.Values{"edition": {"fa"}, "title": {"دربارهٔ ما"}, "slug": {"درباره-ما"}, "body": {"<p>از ۱۳۶۹.</p>"},
		"action": {"publish"}, "translation_group": {id(s.page.TranslationGroup)}})
	if body := read("/about-us/", 200); !strings.Contains(body, `hreflang="fa" href="`+ts.URL+"/fa/"+url.PathEscape("درباره-ما")+`/"`) {
		t.Error("the page's Persian translation, started from it, is not linked")
	}
	change(editor, fmt.Sprintf("/admin/pages/%d/", s.page.ID), url.Values{"title": {"About the Ledger"}, "slug": {"about-us"}, "body": {"<p>Since 1990.</p>"}, "action": {"unpublish"}})
	read("/about-us/", 404)

	// Tags: a merge moves the articles and removes the merged tag.
	warming := &content.Article{Edition: "en", Title: "Warming story", BodySource: "<p>x</p>", AuthorID: s.author,
		PrimaryCategoryID: s.category["en"], Status: content.Published, Tags: []string{"Warming"}}
	must(t, s.content.CreateArticle(t.Context(), warming))
	read("/tag/warming/", 200)
	w, err := s.store.TagBySlug(t.Context(), "en", "warming")
	must(t, err)
	change(editor, "/admin/tags/merge", url.Values{"from": {id(w.ID)}, "into": {id(s.tag.ID)}})
	read("/tag/warming/", 404)
	if body := read("/tag/climate/", 200); !strings.Contains(body, "Warming story") || !strings.Contains(body, "Tagged story") {
		t.Error("the merged tag's listing lacks an article")
	}

	// Authors: a Persian name shows in the Persian edition.
	change(editor, fmt.Sprintf("/admin/authors/%d/", s.author), url.Values{"name": {"Sara"}, "slug": {"sara"}, "name_fa": {"سارا احمدی"}, "bio_fa": {"خبرنگار محیط زیست."}})
	if body := read("/fa/author/sara/", 200); !strings.Contains(body, "سارا احمدی") || !strings.Contains(body, "خبرنگار محیط زیست.") {
		t.Error("the author's Persian profile does not show")
	}
	if body := read("/author/sara/", 200); strings.Contains(body, "سارا احمدی") {
		t.Error("the Persian name shows in the English edition")
	}
}

// menuHTML cuts the site menu out of a page, for failure messages and
// order checks.
func menuHTML(body string) string {
	i := strings.Index(body, `<nav id="site-nav"`)
	j := strings.Index(body, "</nav>")
	if i < 0 || j < i {
		return ""
	}
	return body[i:j]
}

func (s *structure) menuItem(t *testing.T, ed, label string) *content.MenuItem {
	t.Helper()
	tree, err := s.store.Menu(t.Context(), ed)
	must(t, err)
	var find func([]*content.MenuItem) *content.MenuItem
	find = func(list []*content.MenuItem) *content.MenuItem {
		for _, it := range list {
			if it.Label == label {
				return it
			}
			if f := find(it.Children); f != nil {
				return f
			}
		}
		return nil
	}
	if it := find(tree); it != nil {
		return it
	}
	t.Fatalf("no menu item %q in %s", label, ed)
	return nil
}

func (s *structure) categoryNamed(t *testing.T, ed, name string) content.Category {
	t.Helper()
	list, err := s.store.Categories(t.Context(), ed)
	must(t, err)
	for _, c := range list {
		if c.Name == name {
			return c
		}
	}
	t.Fatalf("no category %q in %s", name, ed)
	return content.Category{}
}
