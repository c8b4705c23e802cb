package wpimport

import (
	"context"
	"errors"
	"fmt"
	"html"
	"io"
	"net/url"
	"sort"
	"strings"
	"sync"
	"unicode"

	"github.com/masthead-news/masthead/internal/content"
	"github.com/masthead-news/masthead/internal/media"
)

// menus imports the navigation menu WordPress most likely showed as the
// site's main menu into the edition's menu. Masthead has one menu per
// edition (no footer or secondary menu): every other menu is reported as
// skipped. A menu that editors changed by hand since the last import is
// left alone.
func (st *state) menus(ctx context.Context) error {
	if len(st.menuItems) == 0 {
		return nil
	}
	byMenu := map[string][]*Item{}
	titles := map[string]string{}
	for _, it := range st.menuItems {
		slug := ""
		for _, t := range it.Terms {
			if t.Domain == "nav_menu" {
				slug = t.Slug
				if titles[slug] == "" {
					titles[slug] = html.UnescapeString(strings.TrimSpace(t.Name))
				}
			}
		}
		byMenu[slug] = append(byMenu[slug], it)
	}
	for slug := range byMenu {
		if t := st.terms["nav_menu\x00"+slug]; t != nil && t.Name != "" {
			titles[slug] = t.Name
		}
		if titles[slug] == "" {
			titles[slug] = slug
		}
	}
	names := make([]string, 0, len(byMenu))
	for n := range byMenu {
		names = append(names, n)
	}
	sort.Slice(names, func(i, j int) bool {
		a, b := names[i], names[j]
		if sa, sb := menuRole(a, titles[a]), menuRole(b, titles[b]); sa != sb {
			return sa > sb
		}
		if len(byMenu[a]) != len(byMenu[b]) {
			return len(byMenu[a]) > len(byMenu[b])
		}
		return a < b
	})
	var chosen string
	var tree []*content.MenuItem
	for i, n := range names {
		if chosen != "" {
			st.skipMenu(n, titles[n], byMenu[n], fmt.Sprintf("Masthead has one menu per edition, with no footer or secondary menu, and took %q as the main menu", titles[chosen]))
			continue
		}
		t, err := st.menuTree(ctx, byMenu[n])
		if err != nil {
			return err
		}
		if len(t) == 0 {
			st.skipMenu(n, titles[n], byMenu[n], "none of its entries could be imported")
			continue
		}
		chosen, tree = names[i], t
	}
	if chosen == "" {
		return nil
	}
	ed := st.defaultEdition
	current, err := st.imp.Store.Menu(ctx, ed)
	if err != nil {
		return err
	}
	want, have := menuHash(tree), menuHash(current)
	if want == have {
		st.sum.Unchanged["menus"]++
		return nil
	}
	prev, err := st.mapping(ctx, "menu", ed)
	if err != nil {
		return err
	}
	if len(current) > 0 && (prev == nil || prev.Hash != have) {
		st.skipMenu(chosen, titles[chosen], byMenu[chosen], fmt.Sprintf("the %s edition's menu was changed in Masthead since the last import (or made there); empty it in the admin and import again to take WordPress's", ed))
		return nil
	}
	if err := st.imp.Content.SetMenu(ctx, ed, tree); err != nil {
		return fmt.Errorf("menu %q: %w", chosen, err)
	}
	st.count("menus", prev)
	return st.remember(ctx, "menu", ed, 0, want, chosen)
}

// skipMenu reports a menu that was not imported, at its first entry's line.
func (st *state) skipMenu(slug, title string, items []*Item, reason string) {
	line := 0
	for _, it := range items {
		if line == 0 || it.Line < line {
			line = it.Line
		}
	}
	st.sum.Skipped = append(st.sum.Skipped, Skip{Kind: "menu", ID: slug, Title: fmt.Sprintf("%s (%d entries)", title, len(items)), Line: line, Reason: reason})
}

// menuRole ranks a menu by its name: WordPress's export does not say which
// menu a theme showed where (that is a theme setting), but names such as
// "Primary", "Main" or "Header" say it for the main menu, and "Footer",
// "Social" or "Secondary" say it is not.
func menuRole(slug, title string) int {
	words := strings.FieldsFunc(strings.ToLower(slug+" "+title), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
	role := 1
	for _, w := range words {
		switch w {
		case "primary", "main", "header", "top", "navigation", "nav", "principal", "principale", "kryesore", "اصلی", "الرئيسية", "رئيسية":
			return 2
		case "footer", "social", "secondary", "legal", "bottom", "sidebar", "widget", "utility", "mobile":
			role = 0
		}
	}
	return role
}

// menuHash fingerprints a menu's shape, labels and targets.
func menuHash(items []*content.MenuItem) string {
	var walk func([]*content.MenuItem) []any
	walk = func(list []*content.MenuItem) []any {
		out := []any{}
		for _, it := range list {
			out = append(out, []any{it.Label, it.Kind, it.Target, walk(it.Children)})
		}
		return out
	}
	return hashOf(walk(items))
}

// menuTree resolves nav_menu_item entries into a tree of links, three
// levels deep at most (deeper items join the third level).
func (st *state) menuTree(ctx context.Context, items []*Item) ([]*content.MenuItem, error) {
	sort.SliceStable(items, func(i, j int) bool { return items[i].MenuOrder < items[j].MenuOrder })
	nodes := map[int64]*content.MenuItem{}
	parents := map[int64]int64{}
	depth := map[int64]int{}
	for _, it := range items {
		label := html.UnescapeString(strings.TrimSpace(it.Title))
		var target string
		objID := mustInt(it.MetaValue("_menu_item_object_id"))
		switch it.MetaValue("_menu_item_type") {
		case "custom":
			target = strings.TrimSpace(it.MetaValue("_menu_item_url"))
			if u, err := url.Parse(target); err == nil && st.sameSite(u) {
				target = u.Path
				if target == "" {
					target = "/"
				}
				// A link to an old URL of the site (a category under its
				// base, a post's permalink) goes to the new one.
				p, err := st.newPathOf(ctx, oldPath(u.String()))
				if err != nil {
					return nil, err
				}
				if p != "" {
					target = p
				}
			}
		case "post_type":
			t, ok := st.posts[objID]
			if !ok {
				st.skip("menu item", it, "it links to an item that was not imported")
				continue
			}
			p, title, err := st.pathOf(ctx, t)
			if err != nil {
				return nil, err
			}
			target = p
			if label == "" {
				label = title
			}
		case "taxonomy":
			switch it.MetaValue("_menu_item_object") {
			case "category":
				id, ok := st.catByTerm[objID]
				if !ok {
					st.skip("menu item", it, "it links to a category that was not imported")
					continue
				}
				c, err := st.imp.Store.CategoryByID(ctx, id)
				if err != nil {
					return nil, err
				}
				target = st.menuPath(c.Edition, "/category/"+c.Slug+"/")
				if label == "" {
					label = c.Name
				}
			case "post_tag":
				id, ok := st.tagByTerm[objID]
				if !ok {
					st.skip("menu item", it, "it links to a tag that was not imported")
					continue
				}
				t, err := st.imp.Store.TagByID(ctx, id)
				if err != nil {
					return nil, err
				}
				target = st.menuPath(t.Edition, "/tag/"+t.Slug+"/")
				if label == "" {
					label = t.Name
				}
			default:
				st.skip("menu item", it, "it links to a "+it.MetaValue("_menu_item_object")+" listing, which Masthead menus do not link by id")
				continue
			}
		default:
			st.skip("menu item", it, "its type is unknown")
			continue
		}
		if label == "" || target == "" {
			st.skip("menu item", it, "it has no label or no link")
			continue
		}
		nodes[it.ID] = &content.MenuItem{Label: clip(label, 80), Kind: content.MenuLink, Target: target}
		parents[it.ID] = mustInt(it.MetaValue("_menu_item_menu_item_parent"))
	}
	var roots []*content.MenuItem
	var level func(id int64) int
	level = func(id int64) int {
		if d, ok := depth[id]; ok {
			return d
		}
		depth[id] = 1 // a loop ends here
		p := parents[id]
		d := 1
		if nodes[p] != nil {
			d = level(p) + 1
		}
		depth[id] = d
		return d
	}
	for _, it := range items {
		n := nodes[it.ID]
		if n == nil {
			continue
		}
		p := parents[it.ID]
		for nodes[p] != nil && level(p) >= 3 {
			p = parents[p] // too deep: hang it on an ancestor
		}
		if nodes[p] == nil || p == it.ID {
			roots = append(roots, n)
			continue
		}
		nodes[p].Children = append(nodes[p].Children, n)
	}
	return roots, nil
}

func (st *state) sameSite(u *url.URL) bool {
	if u.Host == "" {
		return u.Path != ""
	}
	for _, s := range []string{st.sum.Site.BaseBlogURL, st.sum.Site.BaseSiteURL, st.sum.Site.Link} {
		if b, err := url.Parse(s); err == nil && b.Host != "" && strings.EqualFold(b.Host, u.Host) {
			return true
		}
	}
	return false
}

// menuPath is a menu target for a path of an edition: menu paths are
// relative to the menu's edition (the web layer adds its prefix), so only
// another edition's path carries that edition's prefix.
func (st *state) menuPath(ed, p string) string {
	if e := st.editions[ed]; e != nil && ed != st.defaultEdition {
		return e.Prefix() + p
	}
	return p
}

// pathOf is the menu path of an imported article or page.
func (st *state) pathOf(ctx context.Context, t target) (string, string, error) {
	if t.kind == "page" {
		p, err := st.imp.Store.PageByID(ctx, t.id)
		if err != nil {
			return "", "", err
		}
		return st.menuPath(p.Edition, "/"+p.Slug+"/"), p.Title, nil
	}
	a, err := st.imp.Store.ArticleByID(ctx, t.id)
	if err != nil {
		return "", "", err
	}
	loc := st.editions[a.Edition].Location()
	return st.menuPath(a.Edition, a.PublishedAt.In(loc).Format("/2006/01/02/")+a.Slug+"/"), a.Title, nil
}

// newPathOf is the menu path of what an old URL of the site ("/topics/news/",
// "?p=12") now redirects to; "" when it is none of the import's old URLs.
func (st *state) newPathOf(ctx context.Context, old string) (string, error) {
	if old == "" || old == "/" {
		return "", nil
	}
	rd, err := st.imp.Store.Redirect(ctx, old)
	if errors.Is(err, content.ErrNotFound) {
		return "", nil
	}
	if err != nil {
		return "", err
	}
	feed := ""
	if strings.HasSuffix(rd.Kind, "_feed") {
		feed = "feed/"
	}
	switch rd.Kind {
	case "article", "page":
		p, _, err := st.pathOf(ctx, target{kind: rd.Kind, id: rd.TargetID})
		if errors.Is(err, content.ErrNotFound) {
			return "", nil
		}
		return p, err
	case "category", "category_feed":
		c, err := st.imp.Store.CategoryByID(ctx, rd.TargetID)
		if errors.Is(err, content.ErrNotFound) {
			return "", nil
		}
		if err != nil {
			return "", err
		}
		return st.menuPath(c.Edition, "/category/"+c.Slug+"/"+feed), nil
	case "tag", "tag_feed":
		t, err := st.imp.Store.TagByID(ctx, rd.TargetID)
		if errors.Is(err, content.ErrNotFound) {
			return "", nil
		}
		if err != nil {
			return "", err
		}
		return st.menuPath(t.Edition, "/tag/"+t.Slug+"/"+feed), nil
	case "author", "author_feed":
		a, _, err := st.imp.Store.AuthorByID(ctx, rd.TargetID)
		if errors.Is(err, content.ErrNotFound) {
			return "", nil
		}
		if err != nil {
			return "", err
		}
		return "/author/" + a.Slug + "/" + feed, nil
	}
	return "", nil
}

// stagingBlob remembers the files an import adds, so a rolled-back import
// removes them again and leaves the uploads folder as it was.
type stagingBlob struct {
	media.Blob
	mu    sync.Mutex
	added []string
}

func (b *stagingBlob) Put(ctx context.Context, key string, r io.Reader) error {
	existed := false
	if f, err := b.Blob.Open(ctx, key); err == nil {
		existed = true
		f.Close()
	}
	if err := b.Blob.Put(ctx, key, r); err != nil {
		return err
	}
	if !existed {
		b.mu.Lock()
		b.added = append(b.added, key)
		b.mu.Unlock()
	}
	return nil
}

func (b *stagingBlob) discard(ctx context.Context) {
	b.mu.Lock()
	defer b.mu.Unlock()
	for _, k := range b.added {
		if err := b.Blob.Delete(ctx, k); err != nil && !errors.Is(err, context.Canceled) {
			continue
		}
	}
	b.added = nil
}
