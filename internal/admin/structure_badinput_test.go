package admin_test

import (
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/masthead-news/masthead/internal/content"
	"github.com/masthead-news/masthead/internal/media"
	"github.com/masthead-news/masthead/internal/mediasection"
	"github.com/masthead-news/masthead/internal/user"
)

// TestStructureBadInputIsRefusedAndChangesNothing sends each structure
// form with one mistake; each gets 422 with a clear message, and nothing
// the screens manage changes.
func TestStructureBadInputIsRefusedAndChangesNothing(t *testing.T) {
	t.Parallel()
	s := newStructure(t)
	ctx := t.Context()
	editor := s.login(t, user.Editor)
	admin := s.login(t, user.Admin)

	// A second level of categories and of menu items, and pages to collide with.
	child := &content.Category{Edition: "en", Name: "Climate", ParentID: s.category["en"]}
	must(t, s.content.SaveCategory(ctx, child))
	grandchild := &content.MenuItem{Edition: "en", Label: "Europe", Kind: content.MenuLink, Target: "/category/europe/", ParentID: s.child.ID}
	must(t, s.content.AddMenuItem(ctx, grandchild))
	faPage := &content.Page{Edition: "fa", Title: "درباره ما", Status: content.Published}
	must(t, s.content.NewPage(ctx, faPage))
	faPage2 := &content.Page{Edition: "fa", Title: "تماس با ما", Status: content.Published}
	must(t, s.content.NewPage(ctx, faPage2))
	faTag, err := s.store.EnsureTag(ctx, "fa", "اقلیم", "اقلیم")
	must(t, err)
	must(t, s.content.SaveCategory(ctx, &content.Category{Edition: "en", Name: "Sub of spare", ParentID: s.freeCat[user.Editor]}))
	// A category that only a cartoon uses.
	img := &media.Media{Kind: "image", Path: "2026/11/cartoon.png", Filename: "cartoon.png", MIME: "image/png", Size: 10,
		Width: 10, Height: 10, SHA256: "cd", CreatedAt: time.Now().UTC()}
	must(t, s.store.CreateMedia(ctx, img))
	cartoonCat := &content.Category{Edition: "en", Name: "Drawn news"}
	must(t, s.content.SaveCategory(ctx, cartoonCat))
	must(t, s.store.CreateMediaItem(ctx, &mediasection.Item{Kind: mediasection.Cartoon, Edition: "en", Slug: "drawn", Title: "Drawn",
		ImageID: img.ID, CategoryID: cartoonCat.ID, Status: mediasection.Published, PublishedAt: time.Now(), UpdatedAt: time.Now()}))
	id := func(n int64) string { return fmt.Sprint(n) }
	catPath := fmt.Sprintf("/admin/categories/%d/", s.category["en"])
	pagePath := fmt.Sprintf("/admin/pages/%d/", s.page.ID)
	itemPath := fmt.Sprintf("/admin/menus/items/%d/", s.group.ID)
	settings := func(edit func(url.Values)) url.Values {
		v := url.Values{"edition": {"en"}, "site_name": {"Site en"}, "listing_mode": {"excerpt"}, "per_page": {"10"}, "copyright_year": {"2020"},
			"calendar": {"gregorian"}, "digits": {"latn"}, "time_zone": {"UTC"}, "social_rows": {"1"},
			"social_0_network": {"x"}, "social_0_label": {"X"}, "social_0_url": {"https://x.com/masthead"}}
		edit(v)
		return v
	}
	cases := []struct {
		name   string
		client *http.Client
		path   string
		form   url.Values
		want   string
	}{
		// Categories.
		{"category without a name", editor, "/admin/categories/new", url.Values{"edition": {"en"}, "name": {"  "}}, "the name is required"},
		{"duplicate category slug", editor, "/admin/categories/new", url.Values{"edition": {"en"}, "name": {"Other news"}, "slug": {"news"}}, "already uses the slug"},
		{"bad category slug", editor, catPath, url.Values{"name": {"News"}, "slug": {"News Today!"}}, "a slug may hold only"},
		{"category made its own parent", editor, catPath, url.Values{"name": {"News"}, "parent": {id(s.category["en"])}}, "inside itself"},
		{"category made its own grandchild", editor, catPath, url.Values{"name": {"News"}, "parent": {id(child.ID)}}, "inside itself"},
		{"parent from another edition", editor, catPath, url.Values{"name": {"News"}, "parent": {id(s.category["fa"])}}, "same edition"},
		{"position that is no number", editor, catPath, url.Values{"name": {"News"}, "position": {"first"}}, "whole number"},
		{"delete a category in use", editor, catPath + "delete", url.Values{}, "articles are filed under this category"},
		{"delete a category with subcategories", editor, fmt.Sprintf("/admin/categories/%d/delete", s.freeCat[user.Editor]), nil, "subcategories first"},
		{"two translations in one edition", editor, catPath + "translations", url.Values{"version": {id(s.category["fa"]), id(s.category["fa"])}}, "at most one category per edition"},
		{"translation in the category's own edition", editor, catPath + "translations", url.Values{"version": {id(child.ID)}}, "at most one category per edition"},
		// Tags.
		{"tag without a name", editor, fmt.Sprintf("/admin/tags/%d/", s.tag.ID), url.Values{"name": {""}}, "the name is required"},
		{"tag slug of another tag", editor, fmt.Sprintf("/admin/tags/%d/", s.tag.ID), url.Values{"name": {"Climate"}, "slug": {"spare-editor"}}, "merge the two tags"},
		{"merge a tag into itself", editor, "/admin/tags/merge", url.Values{"from": {id(s.tag.ID)}, "into": {id(s.tag.ID)}}, "two different tags"},
		{"merge tags of two editions", editor, "/admin/tags/merge", url.Values{"from": {id(s.tag.ID)}, "into": {id(faTag.ID)}}, "different editions"},
		{"merge without choosing", editor, "/admin/tags/merge", url.Values{"edition": {"en"}, "from": {"0"}, "into": {"0"}}, "choose the two tags"},
		{"delete a tag in use", editor, fmt.Sprintf("/admin/tags/%d/delete", s.tag.ID), url.Values{}, "articles carry this tag"},
		// Authors.
		{"author without a name", editor, "/admin/authors/new", url.Values{"name": {""}}, "the name is required"},
		{"duplicate author slug", editor, "/admin/authors/new", url.Values{"name": {"Sara Two"}, "slug": {"sara"}}, "another author already uses"},
		{"picture that does not exist", editor, fmt.Sprintf("/admin/authors/%d/", s.author), url.Values{"name": {"Sara"}, "avatar": {"424242"}}, "no such item in the media library"},
		// Pages.
		{"page without a title", editor, "/admin/pages/new", url.Values{"edition": {"en"}, "title": {""}, "action": {"draft"}}, "the title is required"},
		{"page slug the router uses", editor, "/admin/pages/new", url.Values{"edition": {"en"}, "title": {"Search"}, "slug": {"search"}, "action": {"draft"}}, "used by the site itself"},
		{"page slug that is an edition", editor, pagePath, url.Values{"title": {"About us"}, "slug": {"fa"}, "action": {"save"}}, "used by the site itself"},
		{"duplicate page slug", editor, "/admin/pages/new", url.Values{"edition": {"en"}, "title": {"About us"}, "slug": {s.page.Slug}, "action": {"draft"}}, "already uses the slug"},
		{"script in a page", editor, pagePath, url.Values{"title": {"About us"}, "body": {`<p>Hi</p><script>alert(1)</script>`}, "action": {"save"}}, "code that pages may not run"},
		{"event handler in a page", editor, pagePath, url.Values{"title": {"About us"}, "body": {`<img src=x onerror="steal()">`}, "action": {"save"}}, "code that pages may not run"},
		{"javascript link in a page", editor, "/admin/pages/new", url.Values{"edition": {"en"}, "title": {"Links"}, "body": {`<a href="javascript:alert(1)">x</a>`}, "action": {"publish"}}, "code that pages may not run"},
		{"two page translations in one edition", editor, pagePath + "translations", url.Values{"version": {id(faPage.ID), id(faPage2.ID)}}, "at most one page per edition"},
		// Menus.
		{"menu link without a label", editor, "/admin/menus/items", url.Values{"edition": {"en"}, "label": {" "}, "kind": {"link"}, "target": {"/"}}, "needs a label"},
		{"javascript menu target", editor, "/admin/menus/items", url.Values{"edition": {"en"}, "label": {"Hi"}, "kind": {"link"}, "target": {"javascript:alert(1)"}}, "site path"},
		{"protocol-relative menu target", editor, "/admin/menus/items", url.Values{"edition": {"en"}, "label": {"Hi"}, "kind": {"link"}, "target": {"//evil.example/"}}, "single /"},
		{"menu link without a target", editor, "/admin/menus/items", url.Values{"edition": {"en"}, "label": {"Hi"}, "kind": {"link"}}, "needs a target"},
		{"unknown kind", editor, "/admin/menus/items", url.Values{"edition": {"en"}, "label": {"Hi"}, "kind": {"script"}}, "unknown menu item kind"},
		{"edition link to no edition", editor, "/admin/menus/items", url.Values{"edition": {"en"}, "kind": {"edition"}, "target_edition": {"xx"}}, "choose the edition"},
		{"edition link to itself", editor, "/admin/menus/items", url.Values{"edition": {"en"}, "kind": {"edition"}, "target_edition": {"en"}}, "another edition"},
		{"fourth menu level", editor, "/admin/menus/items", url.Values{"edition": {"en"}, "label": {"Deep"}, "kind": {"link"}, "target": {"/"}, "parent": {id(grandchild.ID)}}, "at most 3 levels"},
		{"menu group put inside its own child", editor, itemPath, url.Values{"label": {"Sections"}, "kind": {"group"}, "parent": {id(s.child.ID)}}, "inside itself"},
		{"parent from another menu", editor, itemPath, url.Values{"label": {"Sections"}, "kind": {"group"}, "parent": {"999999"}}, "no longer exists"},
		{"move the first item up", editor, fmt.Sprintf("/admin/menus/items/%d/move", s.group.ID), url.Values{"move": {"up"}}, "already at the end"},
		{"move a top item out", editor, fmt.Sprintf("/admin/menus/items/%d/move", s.group.ID), url.Values{"move": {"out"}}, "already at the top level"},
		{"nest the first sub-item", editor, fmt.Sprintf("/admin/menus/items/%d/move", s.child.ID), url.Values{"move": {"in"}}, "no item above"},
		{"unknown move", editor, fmt.Sprintf("/admin/menus/items/%d/move", s.child.ID), url.Values{"move": {"sideways"}}, "unknown move"},
		// Settings.
		{"empty site name", admin, "/admin/settings/", settings(func(v url.Values) { v.Set("site_name", " ") }), "the site name is required"},
		{"javascript social link", admin, "/admin/settings/", settings(func(v url.Values) { v.Set("social_0_url", "javascript:alert(1)") }), "http or https"},
		{"ftp social link", admin, "/admin/settings/", settings(func(v url.Values) { v.Set("social_0_url", "ftp://files.example.org/") }), "http or https"},
		{"social link without a network", admin, "/admin/settings/", settings(func(v url.Values) { v.Set("social_0_network", "") }), "choose a network"},
		{"no articles per page", admin, "/admin/settings/", settings(func(v url.Values) { v.Set("per_page", "0") }), "from 1 to 100"},
		{"articles per page in words", admin, "/admin/settings/", settings(func(v url.Values) { v.Set("per_page", "ten") }), "from 1 to 100"},
		{"unknown time zone", admin, "/admin/settings/", settings(func(v url.Values) { v.Set("time_zone", "Mars/Olympus") }), "not a time zone"},
		{"copyright year in the future", admin, "/admin/settings/", settings(func(v url.Values) { v.Set("copyright_year", "3000") }), "first copyright year"},
		{"unknown calendar", admin, "/admin/settings/", settings(func(v url.Values) { v.Set("calendar", "julian") }), "calendar"},
		{"unknown digits", admin, "/admin/settings/", settings(func(v url.Values) { v.Set("digits", "roman") }), "digits"},
		{"unknown listing mode", admin, "/admin/settings/", settings(func(v url.Values) { v.Set("listing_mode", "teaser") }), "excerpts or full"},
		{"unknown negotiation", admin, "/admin/settings/site", url.Values{"edition": {"en"}, "language_negotiation": {"sometimes"}}, "off, banner or redirect"},
	}
	before := s.snapshot(t)
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			res, body := s.postBody(t, tc.client, tc.path, tc.form)
			if res.StatusCode != http.StatusUnprocessableEntity {
				t.Errorf("status %d, want 422", res.StatusCode)
			}
			if tc.want == "" || !strings.Contains(body, tc.want) || !strings.Contains(body, "Nothing was saved.") {
				t.Errorf("the answer lacks %q: %s", tc.want, alertText(body))
			}
			if after := s.snapshot(t); after != before {
				t.Errorf("stored state changed:\nbefore %s\nafter  %s", before, after)
				before = after
			}
		})
	}
}

// TestRefusalsSpeakTheAdminLanguage: an account whose admin language is
// Persian reads why its input was refused in Persian, with Persian digits.
func TestRefusalsSpeakTheAdminLanguage(t *testing.T) {
	t.Parallel()
	s := newStructure(t)
	must(t, s.store.SetLocale(t.Context(), s.users[user.Editor].ID, "fa"))
	c := s.login(t, user.Editor)
	for _, tc := range []struct {
		path string
		form url.Values
		want []string
	}{
		{"/admin/categories/new", url.Values{"edition": {"fa"}, "name": {""}}, []string{"چیزی ذخیره نشد.", "نام لازم است"}},
		{"/admin/menus/items", url.Values{"edition": {"fa"}, "label": {strings.Repeat("ب", 81)}, "kind": {"link"}, "target": {"/"}}, []string{"برچسب بیش از ۸۰ نویسه است"}},
		{fmt.Sprintf("/admin/pages/%d/", s.page.ID), url.Values{"title": {"About us"}, "slug": {"search"}, "action": {"save"}}, []string{"«search» را خود سایت به کار می‌برد"}},
	} {
		res, body := s.postBody(t, c, tc.path, tc.form)
		if res.StatusCode != http.StatusUnprocessableEntity {
			t.Errorf("POST %s: %d, want 422", tc.path, res.StatusCode)
		}
		if !strings.Contains(body, `<html lang="fa" dir="rtl">`) {
			t.Errorf("POST %s: the answer is not a Persian page", tc.path)
		}
		for _, w := range tc.want {
			if !strings.Contains(body, w) {
				t.Errorf("POST %s: the answer lacks %q: %s", tc.path, w, alertText(body))
			}
		}
	}
}
