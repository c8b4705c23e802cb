package admin_test

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/masthead-news/masthead/internal/content"
	"github.com/masthead-news/masthead/internal/edition"
	"github.com/masthead-news/masthead/internal/user"
)

// structure is a site with one of each structure item, for the tests of
// the categories, tags, authors, pages, menus and settings screens.
type structure struct {
	*site
	tag      content.Tag // carried by an article
	freeTag  map[user.Role]int64
	freeCat  map[user.Role]int64
	page     *content.Page
	freePage map[user.Role]int64
	group    *content.MenuItem // "Sections", with one child
	child    *content.MenuItem
	freeItem map[user.Role]int64
	article  *content.Article
}

func newStructure(t *testing.T) *structure {
	t.Helper()
	ctx := context.Background()
	s := &structure{site: newSite(t), freeTag: map[user.Role]int64{}, freeCat: map[user.Role]int64{},
		freePage: map[user.Role]int64{}, freeItem: map[user.Role]int64{}}
	s.article = &content.Article{Edition: "en", Title: "Tagged story", BodySource: "<p>x</p>", AuthorID: s.author,
		PrimaryCategoryID: s.category["en"], Status: content.Published, Tags: []string{"Climate"}}
	must(t, s.content.CreateArticle(ctx, s.article))
	tags, err := s.store.Tags(ctx, "en")
	must(t, err)
	s.tag = tags[0].Tag
	s.page = &content.Page{Edition: "en", Title: "About us", BodySource: "<p>We report.</p>", Status: content.Published}
	must(t, s.content.NewPage(ctx, s.page))
	s.group = &content.MenuItem{Edition: "en", Label: "Sections", Kind: content.MenuGroup}
	must(t, s.content.AddMenuItem(ctx, s.group))
	s.child = &content.MenuItem{Edition: "en", Label: "World", Kind: content.MenuLink, Target: "/category/world/", ParentID: s.group.ID}
	must(t, s.content.AddMenuItem(ctx, s.child))
	for _, r := range []user.Role{user.Editor, user.Admin} {
		tag, err := s.store.EnsureTag(ctx, "en", "Spare "+string(r), "spare-"+string(r))
		must(t, err)
		s.freeTag[r] = tag.ID
		c := &content.Category{Edition: "en", Name: "Spare " + string(r)}
		must(t, s.content.SaveCategory(ctx, c))
		s.freeCat[r] = c.ID
		p := &content.Page{Edition: "en", Title: "Spare " + string(r), Status: content.Draft}
		must(t, s.content.NewPage(ctx, p))
		s.freePage[r] = p.ID
		it := &content.MenuItem{Edition: "en", Label: "Spare " + string(r), Kind: content.MenuLink, Target: "/"}
		must(t, s.content.AddMenuItem(ctx, it))
		s.freeItem[r] = it.ID
	}
	return s
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

// snapshot is everything the structure screens can change, as text, so a
// test can tell that a refused request stored nothing.
func (s *structure) snapshot(t *testing.T) string {
	t.Helper()
	ctx := context.Background()
	var parts []any
	for _, ed := range []string{"en", "fa"} {
		cats, err := s.store.Categories(ctx, ed)
		must(t, err)
		tags, err := s.store.Tags(ctx, ed)
		must(t, err)
		pages, err := s.store.Pages(ctx, ed)
		must(t, err)
		menu, err := s.store.Menu(ctx, ed)
		must(t, err)
		authors, err := s.store.Authors(ctx, ed)
		must(t, err)
		parts = append(parts, cats, tags, pages, menu, authors)
	}
	eds, err := s.store.Editions(ctx)
	must(t, err)
	neg, _, err := s.store.Setting(ctx, edition.SettingNegotiation)
	must(t, err)
	n, err := s.store.CountArticles(ctx, content.ArticleFilter{TagID: s.tag.ID})
	must(t, err)
	parts = append(parts, eds, neg, n)
	b, err := json.Marshal(parts)
	must(t, err)
	return string(b)
}

// TestStructureRoleMatrix tries every structure screen and action as each
// role and as an anonymous visitor.
func TestStructureRoleMatrix(t *testing.T) {
	t.Parallel()
	s := newStructure(t)
	const anon = user.Role("anonymous")
	roles := []user.Role{anon, user.Contributor, user.Author, user.Editor, user.Admin}
	clients := map[user.Role]*http.Client{anon: s.client(t)}
	for _, r := range roles[1:] {
		clients[r] = s.login(t, r)
	}
	const (
		ok   = http.StatusOK
		seeO = http.StatusSeeOther
		no   = http.StatusForbidden
		a401 = http.StatusUnauthorized
	)
	editors := [5]int{seeO, no, no, ok, ok}         // GET, editors and admins
	editorsPost := [5]int{a401, no, no, seeO, seeO} // POST, editors and admins
	adminOnly := [5]int{seeO, no, no, no, ok}
	adminPost := [5]int{a401, no, no, no, seeO}
	fixed := func(p string) func(user.Role) string { return func(user.Role) string { return p } }
	per := func(format string, ids map[user.Role]int64) func(user.Role) string {
		return func(r user.Role) string {
			id := ids[r]
			if id == 0 {
				id = ids[user.Editor] // roles that are refused aim at the editor's item
			}
			return fmt.Sprintf(format, id)
		}
	}
	form := func(v url.Values) func(user.Role) url.Values { return func(user.Role) url.Values { return v } }
	id := func(n int64) string { return fmt.Sprint(n) }
	settings := url.Values{"edition": {"fa"}, "site_name": {"سایت"}, "listing_mode": {"excerpt"}, "per_page": {"12"},
		"calendar": {"persian"}, "digits": {"arabext"}, "time_zone": {"Asia/Tehran"}, "social_rows": {"0"}}
	rows := []struct {
		name, method string
		path         func(user.Role) string
		form         func(user.Role) url.Values
		want         [5]int
	}{
		{"category list", "GET", fixed("/admin/categories/?edition=fa"), nil, editors},
		{"category form", "GET", fixed(fmt.Sprintf("/admin/categories/%d/", s.category["en"])), nil, editors},
		{"add a category", "POST", fixed("/admin/categories/new"), func(r user.Role) url.Values {
			return url.Values{"edition": {"en"}, "name": {"Added by " + string(r)}}
		}, editorsPost},
		{"rename a category", "POST", fixed(fmt.Sprintf("/admin/categories/%d/", s.category["en"])), form(url.Values{"name": {"News"}, "slug": {"news"}}), editorsPost},
		{"link category translations", "POST", fixed(fmt.Sprintf("/admin/categories/%d/translations", s.category["en"])),
			form(url.Values{"version": {id(s.category["fa"])}}), editorsPost},
		{"delete a category", "POST", per("/admin/categories/%d/delete", s.freeCat), form(url.Values{}), editorsPost},
		{"tag list", "GET", fixed("/admin/tags/"), nil, editors},
		{"rename a tag", "POST", fixed(fmt.Sprintf("/admin/tags/%d/", s.tag.ID)), form(url.Values{"name": {"Climate"}, "slug": {"climate"}}), editorsPost},
		{"delete an unused tag", "POST", per("/admin/tags/%d/delete", s.freeTag), form(url.Values{}), editorsPost},
		{"merge tags", "POST", fixed("/admin/tags/merge"), func(r user.Role) url.Values {
			return url.Values{"from": {"999999"}, "into": {id(s.tag.ID)}}
		}, [5]int{a401, no, no, 404, 404}},
		{"author list", "GET", fixed("/admin/authors/"), nil, editors},
		{"new author form", "GET", fixed("/admin/authors/new"), nil, editors},
		{"author form", "GET", fixed(fmt.Sprintf("/admin/authors/%d/", s.author)), nil, editors},
		{"add an author", "POST", fixed("/admin/authors/new"), func(r user.Role) url.Values { return url.Values{"name": {"Writer " + string(r)}} }, editorsPost},
		{"save an author", "POST", fixed(fmt.Sprintf("/admin/authors/%d/", s.author)), form(url.Values{"name": {"Sara"}, "slug": {"sara"}, "name_fa": {"سارا"}}), editorsPost},
		{"page list", "GET", fixed("/admin/pages/?edition=en"), nil, editors},
		{"new page form", "GET", fixed("/admin/pages/new?edition=fa"), nil, editors},
		{"page form", "GET", fixed(fmt.Sprintf("/admin/pages/%d/", s.page.ID)), nil, editors},
		{"create a page", "POST", fixed("/admin/pages/new"), func(r user.Role) url.Values {
			return url.Values{"edition": {"en"}, "title": {"Page by " + string(r)}, "action": {"draft"}}
		}, editorsPost},
		{"save a page", "POST", fixed(fmt.Sprintf("/admin/pages/%d/", s.page.ID)), form(url.Values{"title": {"About us"}, "body": {"<p>We report.</p>"}, "action": {"save"}}), editorsPost},
		{"link page translations", "POST", fixed(fmt.Sprintf("/admin/pages/%d/translations", s.page.ID)), form(url.Values{}), editorsPost},
		{"delete a page", "POST", per("/admin/pages/%d/delete", s.freePage), form(url.Values{}), editorsPost},
		{"menu editor", "GET", fixed("/admin/menus/?edition=fa"), nil, editors},
		{"menu item form", "GET", fixed(fmt.Sprintf("/admin/menus/items/%d/", s.child.ID)), nil, editors},
		{"add a menu item", "POST", fixed("/admin/menus/items"), func(r user.Role) url.Values {
			return url.Values{"edition": {"fa"}, "label": {"By " + string(r)}, "kind": {"link"}, "target": {"/articles/"}}
		}, editorsPost},
		{"save a menu item", "POST", fixed(fmt.Sprintf("/admin/menus/items/%d/", s.child.ID)),
			form(url.Values{"label": {"World"}, "kind": {"link"}, "target": {"/category/world/"}, "parent": {id(s.group.ID)}}), editorsPost},
		{"move a menu item", "POST", fixed(fmt.Sprintf("/admin/menus/items/%d/move", s.freeItem[user.Admin])), form(url.Values{"move": {"up"}}), editorsPost},
		{"link menu item translations", "POST", fixed(fmt.Sprintf("/admin/menus/items/%d/translations", s.child.ID)), form(url.Values{}), editorsPost},
		{"delete a menu item", "POST", per("/admin/menus/items/%d/delete", s.freeItem), form(url.Values{}), editorsPost},
		{"settings form", "GET", fixed("/admin/settings/?edition=fa"), nil, adminOnly},
		{"save settings", "POST", fixed("/admin/settings/"), form(settings), adminPost},
		{"save the site setting", "POST", fixed("/admin/settings/site"), form(url.Values{"language_negotiation": {"banner"}}), adminPost},
		{"unknown category", "GET", fixed("/admin/categories/999999/"), nil, [5]int{seeO, no, no, 404, 404}},
	}
	for _, rw := range rows {
		for i, r := range roles {
			c := clients[r]
			var res *http.Response
			var body string
			if rw.method == "GET" {
				res, body = s.get(t, c, rw.path(r))
			} else {
				res, body = s.postBody(t, c, rw.path(r), rw.form(r))
			}
			if res.StatusCode != rw.want[i] {
				t.Errorf("%s: %s %s as %s: %d, want %d", rw.name, rw.method, rw.path(r), r, res.StatusCode, rw.want[i])
				if res.StatusCode == http.StatusUnprocessableEntity {
					t.Logf("%s", alertText(body))
				}
			}
		}
	}
	// The navigation offers each role exactly the screens it may use.
	for _, r := range roles[1:] {
		_, body := s.get(t, clients[r], "/admin/")
		for path, allowed := range map[string]bool{
			"/admin/categories/": r.Can(user.ManageTaxonomy), "/admin/pages/": r.Can(user.ManagePages),
			"/admin/menus/": r.Can(user.ManageMenus), "/admin/settings/": r.Can(user.ManageSettings),
		} {
			if strings.Contains(body, `href="`+path+`"`) != allowed {
				t.Errorf("navigation for %s: link to %s shown = %v, want %v", r, path, !allowed, allowed)
			}
		}
	}
	// What the refused roles asked for was not stored; the allowed ones were.
	list, err := s.store.Categories(t.Context(), "en")
	must(t, err)
	names := map[string]bool{}
	for _, c := range list {
		names[c.Name] = true
	}
	for _, r := range roles {
		if want := r == user.Editor || r == user.Admin; names["Added by "+string(r)] != want {
			t.Errorf("category added by %s stored = %v, want %v", r, !want, want)
		}
	}
	audit, err := s.store.AuditLog(t.Context(), 500, 0)
	must(t, err)
	seen := map[string]bool{}
	for _, e := range audit {
		seen[e.Action] = true
	}
	for _, a := range []string{"category.create", "category.update", "category.translations", "category.delete", "tag.update", "tag.delete",
		"author.create", "author.update", "page.create", "page.update", "page.translations", "page.delete", "menu.add", "menu.update",
		"menu.move", "menu.translations", "menu.delete", "settings.update", "settings.site", "forbidden"} {
		if !seen[a] {
			t.Errorf("the audit log has no %q entry", a)
		}
	}
}

// alertText is the message at the top of an admin page, for failure output.
func alertText(body string) string {
	i := strings.Index(body, `class="alert"`)
	if i < 0 {
		return ""
	}
	end := strings.Index(body[i:], "</p>")
	if end < 0 {
		end = len(body) - i
	}
	return body[i : i+end]
}

// TestMenuMovesKeepTheTree drives the menu service's moves and checks the
// whole tree after each.
func TestMenuMovesKeepTheTree(t *testing.T) {
	t.Parallel()
	s := newSite(t)
	ctx := t.Context()
	add := func(label, kind string, parent int64) int64 {
		it := &content.MenuItem{Edition: "fa", Label: label, Kind: kind, Target: "/" + label + "/", ParentID: parent}
		must(t, s.content.AddMenuItem(ctx, it))
		return it.ID
	}
	a := add("a", content.MenuLink, 0)
	b := add("b", content.MenuGroup, 0)
	add("b1", content.MenuLink, b)
	b2 := add("b2", content.MenuLink, b)
	c := add("c", content.MenuLink, 0)
	shape := func() string {
		tree, err := s.store.Menu(ctx, "fa")
		must(t, err)
		var out func([]*content.MenuItem) string
		out = func(list []*content.MenuItem) string {
			var parts []string
			for i, it := range list {
				if it.Position != i {
					t.Errorf("%s is at position %d, listed %d", it.Label, it.Position, i)
				}
				p := it.Label
				if len(it.Children) > 0 {
					p += "(" + out(it.Children) + ")"
				}
				parts = append(parts, p)
			}
			return strings.Join(parts, " ")
		}
		return out(tree)
	}
	step := func(id int64, move, want string) {
		t.Helper()
		if err := s.content.MoveMenuItem(ctx, id, move); err != nil {
			t.Fatalf("move %s: %v", move, err)
		}
		if got := shape(); got != want {
			t.Fatalf("after move %s: %s, want %s", move, got, want)
		}
	}
	if got := shape(); got != "a b(b1 b2) c" {
		t.Fatalf("start: %s", got)
	}
	step(c, content.MoveIn, "a b(b1 b2 c)")
	step(c, content.MoveUp, "a b(b1 c b2)")
	step(c, content.MoveOut, "a b(b1 b2) c")
	step(b, content.MoveIn, "a(b(b1 b2)) c")
	step(b2, content.MoveUp, "a(b(b2 b1)) c")
	// A fourth level is refused and changes nothing.
	before := shape()
	var ve *content.ValidationError
	if err := s.content.MoveMenuItem(ctx, b2, "down"); err != nil {
		t.Fatal(err)
	}
	if err := s.content.MoveMenuItem(ctx, b2, content.MoveIn); !errors.As(err, &ve) || ve.Field != "parent" {
		t.Fatalf("nesting a fourth level: %v", err)
	}
	if got := shape(); got != "a(b(b1 b2)) c" || before == "" {
		t.Fatalf("a refused move changed the menu: %s", got)
	}
	step(b, content.MoveOut, "a b(b1 b2) c")
	must(t, s.content.DeleteMenuItem(ctx, b))
	if got := shape(); got != "a c" {
		t.Fatalf("after deleting the group: %s", got)
	}
	_ = a
}
