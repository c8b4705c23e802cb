package storetest

import (
	"errors"
	"sort"
	"testing"
	"time"

	"github.com/masthead-news/masthead/internal/content"
	"github.com/masthead-news/masthead/internal/edition"
	"github.com/masthead-news/masthead/internal/search"
	"github.com/masthead-news/masthead/internal/store"
)

// The site structure as the admin changes it (content.StructureStore).

func seedThirdEdition(t *testing.T, s *store.Store) {
	t.Helper()
	e := edition.Edition{Code: "ar", Name: "العربية", Lang: "ar", Dir: "rtl", Calendar: "gregorian", Digits: "arab", TimeZone: "Asia/Amman", Position: 2,
		Settings: edition.Settings{SiteName: "Site ar", ListingMode: "excerpt", PerPage: 10}}
	must(t, s.SaveEdition(ctx, &e))
}

// groupOf reads an item's translation group.
func groupOf(t *testing.T, s *store.Store, kind content.TranslationKind, id int64) int64 {
	t.Helper()
	g, err := s.TranslationGroupOf(ctx, kind, id)
	must(t, err)
	return g
}

func testTranslationLinks(t *testing.T, s *store.Store) {
	seedEditions(t, s)
	seedThirdEdition(t, s)
	en := &content.Category{Edition: "en", Slug: "sport", Name: "Sport"}
	must(t, s.CreateCategory(ctx, en))
	fa := &content.Category{Edition: "fa", Slug: "ورزش", Name: "ورزش", TranslationGroup: en.TranslationGroup}
	must(t, s.CreateCategory(ctx, fa))
	ar := &content.Category{Edition: "ar", Slug: "رياضة", Name: "رياضة", TranslationGroup: en.TranslationGroup}
	must(t, s.CreateCategory(ctx, ar))
	other := &content.Category{Edition: "fa", Slug: "سیاست", Name: "سیاست"}
	must(t, s.CreateCategory(ctx, other))
	kind := content.CategoryTranslations
	members := func(group int64) []int64 {
		list, err := s.CategoryTranslations(ctx, group)
		must(t, err)
		var ids []int64
		for _, c := range list {
			ids = append(ids, c.ID)
		}
		sort.Slice(ids, func(i, j int) bool { return ids[i] < ids[j] })
		return ids
	}
	// The group's leader leaves: the others stay together under one of them.
	must(t, s.LinkTranslations(ctx, kind, []int64{en.ID}))
	if g := groupOf(t, s, kind, en.ID); g != en.ID {
		t.Fatalf("the unlinked leader's group = %d, want its id %d", g, en.ID)
	}
	rest := groupOf(t, s, kind, fa.ID)
	if rest != fa.ID || groupOf(t, s, kind, ar.ID) != rest {
		t.Fatalf("left behind: fa in %d, ar in %d; want both in %d", rest, groupOf(t, s, kind, ar.ID), fa.ID)
	}
	if got := members(en.ID); len(got) != 1 {
		t.Fatalf("the unlinked leader's group holds %v", got)
	}
	// Joining: the first item's group is kept when its leader takes part.
	must(t, s.LinkTranslations(ctx, kind, []int64{ar.ID, fa.ID, en.ID}))
	if g := groupOf(t, s, kind, en.ID); g != fa.ID || len(members(fa.ID)) != 3 {
		t.Fatalf("after relinking: en in %d, group %d holds %v", g, fa.ID, members(fa.ID))
	}
	// A member moves to another group; nobody else follows it.
	must(t, s.LinkTranslations(ctx, kind, []int64{other.ID, en.ID}))
	if got := members(groupOf(t, s, kind, other.ID)); len(got) != 2 {
		t.Fatalf("the new pair's group holds %v", got)
	}
	if got := members(fa.ID); len(got) != 2 || got[0] != fa.ID || got[1] != ar.ID {
		t.Fatalf("the old group holds %v, want [fa ar]", got)
	}
	// Every group is named by one of its members.
	for _, c := range []*content.Category{en, fa, ar, other} {
		g := groupOf(t, s, kind, c.ID)
		if !has(members(g), g) {
			t.Errorf("category %d is in group %d, which no member leads", c.ID, g)
		}
	}
	if err := s.LinkTranslations(ctx, kind, []int64{424242}); !errors.Is(err, content.ErrNotFound) {
		t.Errorf("linking a missing item: %v", err)
	}
	if err := s.LinkTranslations(ctx, content.TranslationKind("articles; DROP TABLE x"), []int64{en.ID}); err == nil {
		t.Error("an unknown kind was accepted")
	}
}

func testStructureWrites(t *testing.T, s *store.Store) {
	f := seedSite(t, s)
	at := time.Date(2026, 5, 1, 9, 0, 0, 0, time.UTC)
	// Categories.
	c, err := s.CategoryByID(ctx, f.sub.ID)
	must(t, err)
	c.Name, c.Slug, c.ParentID, c.Position = "Weather", "weather", 0, 7
	must(t, s.UpdateCategory(ctx, c))
	got, err := s.CategoryBySlug(ctx, "en", "weather")
	must(t, err)
	if got.Name != "Weather" || got.ParentID != 0 || got.Position != 7 {
		t.Fatalf("updated category = %+v", got)
	}
	a := article(f, "filed", at)
	a.PrimaryCategoryID, a.CategoryIDs, a.Tags = f.cat.ID, []int64{f.cat.ID, c.ID}, []string{"Heat", "Rain"}
	must(t, s.CreateArticle(ctx, a))
	for id, want := range map[int64]int{f.cat.ID: 1, c.ID: 1, f.other.ID: 0} {
		n, err := s.CategoryArticleCount(ctx, id)
		must(t, err)
		if n != want {
			t.Errorf("category %d counts %d articles, want %d", id, n, want)
		}
	}
	must(t, s.DeleteCategory(ctx, f.other.ID))
	if _, err := s.CategoryByID(ctx, f.other.ID); !errors.Is(err, content.ErrNotFound) {
		t.Fatalf("deleted category: %v", err)
	}
	if err := s.UpdateCategory(ctx, &content.Category{ID: 424242, Name: "x", Slug: "x"}); !errors.Is(err, content.ErrNotFound) {
		t.Errorf("updating a missing category: %v", err)
	}

	// Tags: counts, rename, merge (an article with both keeps one), delete.
	tags, err := s.Tags(ctx, "en")
	must(t, err)
	if len(tags) != 2 || tags[0].Name != "Heat" || tags[0].Articles != 1 {
		t.Fatalf("tags = %+v", tags)
	}
	heat, rain := tags[0], tags[1]
	b := article(f, "rainy", at.Add(time.Hour))
	b.Tags = []string{"Rain"}
	must(t, s.CreateArticle(ctx, b))
	must(t, s.UpdateTag(ctx, &content.Tag{ID: rain.ID, Name: "Rainfall", Slug: "rainfall"}))
	must(t, s.MergeTags(ctx, heat.ID, rain.ID))
	if _, err := s.TagByID(ctx, heat.ID); !errors.Is(err, content.ErrNotFound) {
		t.Fatal("the merged tag remains")
	}
	merged, err := s.TagByID(ctx, rain.ID)
	must(t, err)
	if merged.Name != "Rainfall" || merged.Articles != 2 {
		t.Fatalf("merged tag = %+v", merged)
	}
	at1, err := s.ArticleTags(ctx, a.ID)
	must(t, err)
	if len(at1) != 1 || at1[0].ID != rain.ID {
		t.Fatalf("the article with both tags now has %+v", at1)
	}
	spare, err := s.EnsureTag(ctx, "en", "Spare", "spare")
	must(t, err)
	must(t, s.DeleteTag(ctx, spare.ID))

	// Authors: the common profile and the localized ones.
	au, profiles, err := s.AuthorByID(ctx, f.author.ID)
	must(t, err)
	au.Name, au.Bio, au.AvatarMediaID = "Ana Berisha", "Writes on cities.", f.img.ID
	profiles = []content.AuthorProfile{{Edition: "fa", Name: "آنا بریشا", Bio: "دربارهٔ شهرها می‌نویسد."}}
	must(t, s.UpdateAuthor(ctx, au, profiles))
	_, back, err := s.AuthorByID(ctx, f.author.ID)
	must(t, err)
	if len(back) != 1 || back[0].Name != "آنا بریشا" {
		t.Fatalf("profiles = %+v", back)
	}
	faView, err := s.AuthorBySlug(ctx, "fa", au.Slug)
	must(t, err)
	if faView.Name != "آنا بریشا" || faView.Avatar == nil {
		t.Fatalf("Persian view = %+v", faView)
	}
	taken, err := s.AuthorSlugTaken(ctx, au.Slug, 0)
	must(t, err)
	if !taken {
		t.Error("AuthorSlugTaken")
	}
	imgs, err := s.RecentImages(ctx, 10)
	must(t, err)
	if len(imgs) == 0 || imgs[0].Kind != "image" {
		t.Errorf("RecentImages = %+v", imgs)
	}

	// Pages: update follows into the search index; delete leaves it.
	p := &content.Page{Edition: "en", Slug: "about", Title: "About", BodyHTML: "<p>plain</p>", Status: content.Draft, UpdatedAt: at}
	must(t, s.CreatePage(ctx, p))
	p.Title, p.BodyHTML, p.Status, p.PublishedAt = "About the newsroom", "<p>zeppelin</p>", content.Published, at
	must(t, s.UpdatePage(ctx, p))
	if ids, _ := found(t, ctx, s, search.Filter{Edition: "en"}, "zeppelin"); len(ids) != 1 {
		t.Fatalf("the published page is not found by search: %v", ids)
	}
	list, err := s.Pages(ctx, "en")
	must(t, err)
	if len(list) != 1 || list[0].Title != "About the newsroom" {
		t.Fatalf("pages = %+v", list)
	}
	must(t, s.DeletePage(ctx, p.ID))
	if ids, _ := found(t, ctx, s, search.Filter{Edition: "en"}, "zeppelin"); len(ids) != 0 {
		t.Fatalf("the deleted page is still found: %v", ids)
	}
	if _, err := s.PageByID(ctx, p.ID); !errors.Is(err, content.ErrNotFound) {
		t.Fatalf("deleted page: %v", err)
	}

	// Menu items: create, nest, renumber, translations, delete a subtree.
	top := &content.MenuItem{Edition: "en", Label: "Top", Kind: content.MenuGroup}
	must(t, s.CreateMenuItem(ctx, top))
	kid := &content.MenuItem{Edition: "en", Label: "Kid", Kind: content.MenuLink, Target: "/", ParentID: top.ID}
	must(t, s.CreateMenuItem(ctx, kid))
	grandkid := &content.MenuItem{Edition: "en", Label: "Grandkid", Kind: content.MenuLink, Target: "/x/", ParentID: kid.ID}
	must(t, s.CreateMenuItem(ctx, grandkid))
	last := &content.MenuItem{Edition: "en", Label: "Last", Kind: content.MenuLink, Target: "/y/", Position: 1}
	must(t, s.CreateMenuItem(ctx, last))
	must(t, s.SetMenuPositions(ctx, []int64{last.ID, top.ID}))
	tree, err := s.Menu(ctx, "en")
	must(t, err)
	if len(tree) != 2 || tree[0].ID != last.ID || tree[1].Children[0].Children[0].ID != grandkid.ID {
		t.Fatalf("menu = %+v", tree)
	}
	if tree[0].TranslationGroup != last.ID {
		t.Errorf("a new item's group = %d, want its id", tree[0].TranslationGroup)
	}
	kid.Label, kid.ParentID = "Kid renamed", 0
	must(t, s.UpdateMenuItem(ctx, kid))
	back2, err := s.MenuItemByID(ctx, kid.ID)
	must(t, err)
	if back2.Label != "Kid renamed" || back2.ParentID != 0 {
		t.Fatalf("updated item = %+v", back2)
	}
	faItem := &content.MenuItem{Edition: "fa", Label: "بالا", Kind: content.MenuGroup}
	must(t, s.CreateMenuItem(ctx, faItem))
	must(t, s.LinkTranslations(ctx, content.MenuItemTranslations, []int64{top.ID, faItem.ID}))
	group, err := s.MenuItemTranslations(ctx, top.TranslationGroup)
	must(t, err)
	if len(group) != 2 {
		t.Fatalf("menu translations = %+v", group)
	}
	must(t, s.DeleteMenuItem(ctx, kid.ID))
	for _, id := range []int64{kid.ID, grandkid.ID} {
		if _, err := s.MenuItemByID(ctx, id); !errors.Is(err, content.ErrNotFound) {
			t.Errorf("item %d survived deleting its branch: %v", id, err)
		}
	}
	// Items written by ReplaceMenu (no stored group) count as their own group.
	must(t, s.ReplaceMenu(ctx, "fa", []*content.MenuItem{{Label: "خانه", Kind: content.MenuLink, Target: "/"}}))
	faMenu, err := s.Menu(ctx, "fa")
	must(t, err)
	if len(faMenu) != 1 || faMenu[0].TranslationGroup != faMenu[0].ID {
		t.Fatalf("a replaced menu's item group = %+v", faMenu)
	}
	must(t, s.LinkTranslations(ctx, content.MenuItemTranslations, []int64{last.ID, faMenu[0].ID}))
	if g := groupOf(t, s, content.MenuItemTranslations, faMenu[0].ID); g != last.ID {
		t.Errorf("linked replaced item's group = %d, want %d", g, last.ID)
	}
}
