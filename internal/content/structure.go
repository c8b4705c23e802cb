package content

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/masthead-news/masthead/internal/media"
)

// The site's structure as editors change it in the admin: categories with
// their hierarchy, tags, author profiles, static pages, menu items, and the
// translation links between their versions in different editions. Every
// method validates first and changes nothing when it refuses.

// TagUse is a tag with the number of articles that carry it.
type TagUse struct {
	Tag
	Articles int
}

// TranslationKind names what a translation link joins.
type TranslationKind string

// Things that carry translation groups besides articles.
const (
	CategoryTranslations TranslationKind = "categories"
	PageTranslations     TranslationKind = "pages"
	MenuItemTranslations TranslationKind = "menu_items"
)

// StructureStore is the persistence the structure methods need; it is part
// of Store.
type StructureStore interface {
	CategoryByID(ctx context.Context, id int64) (*Category, error)
	UpdateCategory(ctx context.Context, c *Category) error
	DeleteCategory(ctx context.Context, id int64) error
	// CategoryArticleCount counts the articles filed under a category
	// (as their primary category or an additional one).
	CategoryArticleCount(ctx context.Context, id int64) (int, error)
	// CategoryMediaItemCount counts the Media sections' items filed under
	// a category.
	CategoryMediaItemCount(ctx context.Context, id int64) (int, error)

	Tags(ctx context.Context, edition string) ([]TagUse, error)
	TagByID(ctx context.Context, id int64) (*TagUse, error)
	UpdateTag(ctx context.Context, t *Tag) error
	// MergeTags moves every article of tag from to tag into and deletes from.
	MergeTags(ctx context.Context, from, into int64) error
	DeleteTag(ctx context.Context, id int64) error

	// AuthorByID loads an author with the base name and bio, and the
	// localized profiles.
	AuthorByID(ctx context.Context, id int64) (*Author, []AuthorProfile, error)
	UpdateAuthor(ctx context.Context, a *Author, profiles []AuthorProfile) error
	AuthorSlugTaken(ctx context.Context, slug string, exceptID int64) (bool, error)
	MediaByID(ctx context.Context, id int64) (*media.Media, error)

	Pages(ctx context.Context, edition string) ([]*Page, error)
	PageByID(ctx context.Context, id int64) (*Page, error)
	UpdatePage(ctx context.Context, p *Page) error
	DeletePage(ctx context.Context, id int64) error

	MenuItemByID(ctx context.Context, id int64) (*MenuItem, error)
	CreateMenuItem(ctx context.Context, it *MenuItem) error
	UpdateMenuItem(ctx context.Context, it *MenuItem) error
	// DeleteMenuItem removes an item and everything nested below it.
	DeleteMenuItem(ctx context.Context, id int64) error
	// SetMenuPositions numbers items 0, 1, 2 … in the order given.
	SetMenuPositions(ctx context.Context, ids []int64) error
	MenuItemTranslations(ctx context.Context, group int64) ([]*MenuItem, error)

	// LinkTranslations puts the items ids (of one kind) into one translation
	// group, the group of ids[0]; items that were in a group with them and
	// are not named stay together in a group of their own.
	LinkTranslations(ctx context.Context, kind TranslationKind, ids []int64) error
	// TranslationGroupOf reads the current group of one item.
	TranslationGroupOf(ctx context.Context, kind TranslationKind, id int64) (int64, error)
}

// refuse is invalid input with a catalog key ("invalid.<key>"), so screens
// can show the message in their own language.
func refuse(field, key, format string, args ...any) error {
	return &ValidationError{Field: field, Message: fmt.Sprintf(format, args...), Key: "invalid." + key, Args: args}
}

const (
	maxName        = 120
	maxDescription = 2000
	maxMenuLabel   = 80
	maxMenuDepth   = 3
)

// ---- Categories ----

// SaveCategory creates a category (ID 0) or changes one: name, slug,
// description, parent and position. The parent must be a category of the
// same edition and not the category itself or one below it.
func (s *Service) SaveCategory(ctx context.Context, c *Category) error {
	c.Name = strings.TrimSpace(c.Name)
	c.Description = strings.TrimSpace(c.Description)
	switch {
	case c.Edition == "":
		return refuse("edition", "edition", "choose an edition")
	case c.Name == "":
		return refuse("name", "name_required", "the name is required")
	case utf8.RuneCountInString(c.Name) > maxName:
		return refuse("name", "name_long", "the name is longer than %d characters", maxName)
	case utf8.RuneCountInString(c.Description) > maxDescription:
		return refuse("description", "description_long", "the description is longer than %d characters", maxDescription)
	case c.Position < 0 || c.Position > 9999:
		return refuse("position", "position_range", "the position must be a number from 0 to 9999")
	}
	if strings.TrimSpace(c.Slug) == "" {
		c.Slug = Slugify(c.Name)
	} else if c.Slug = strings.ToLower(strings.TrimSpace(c.Slug)); !ValidSlug(c.Slug) {
		return refuse("slug", "slug_chars", "a slug may hold only letters, digits and single hyphens")
	}
	return s.Store.WithinTx(ctx, func(ctx context.Context) error {
		if c.ID != 0 {
			old, err := s.Store.CategoryByID(ctx, c.ID)
			if err != nil {
				return err
			}
			if old.Edition != c.Edition {
				return refuse("edition", "category_edition", "a category stays in its edition")
			}
			c.TranslationGroup = old.TranslationGroup
		}
		if c.ParentID != 0 {
			if err := s.checkParent(ctx, c); err != nil {
				return err
			}
		}
		if existing, err := s.Store.CategoryBySlug(ctx, c.Edition, c.Slug); err == nil && existing.ID != c.ID {
			return refuse("slug", "category_slug_taken", "another category in this edition already uses the slug %q", c.Slug)
		} else if err != nil && !errors.Is(err, ErrNotFound) {
			return err
		}
		if c.ID == 0 {
			return s.CreateCategory(ctx, c)
		}
		return s.Store.UpdateCategory(ctx, c)
	})
}

// checkParent refuses a parent from another edition and a parent that is
// the category itself or lies below it (which would make a loop).
func (s *Service) checkParent(ctx context.Context, c *Category) error {
	all, err := s.Store.Categories(ctx, c.Edition)
	if err != nil {
		return err
	}
	parentOf := map[int64]int64{}
	found := false
	for _, x := range all {
		parentOf[x.ID] = x.ParentID
		if x.ID == c.ParentID {
			found = true
		}
	}
	if !found {
		return refuse("parent", "category_parent_edition", "the parent must be a category of the same edition")
	}
	depth := 0
	for p := c.ParentID; p != 0; p = parentOf[p] {
		if c.ID != 0 && p == c.ID {
			return refuse("parent", "category_loop", "a category cannot be placed inside itself or one of its subcategories")
		}
		if depth++; depth > len(all) {
			break // a loop already stored; do not spin
		}
	}
	return nil
}

// DeleteCategory removes a category that no article and no item of the
// Media sections uses and that has no subcategories.
func (s *Service) DeleteCategory(ctx context.Context, id int64) error {
	return s.Store.WithinTx(ctx, func(ctx context.Context) error {
		c, err := s.Store.CategoryByID(ctx, id)
		if err != nil {
			return err
		}
		n, err := s.Store.CategoryArticleCount(ctx, id)
		if err != nil {
			return err
		}
		if n > 0 {
			return refuse("category", "category_in_use", "%d articles are filed under this category; move them to another category first", n)
		}
		if n, err = s.Store.CategoryMediaItemCount(ctx, id); err != nil {
			return err
		} else if n > 0 {
			return refuse("category", "category_has_media", "%d items of the Media sections are filed under this category; move them to another category first", n)
		}
		all, err := s.Store.Categories(ctx, c.Edition)
		if err != nil {
			return err
		}
		for _, x := range all {
			if x.ParentID == id {
				return refuse("category", "category_has_children", "the category %q is inside it; move or delete the subcategories first", x.Name)
			}
		}
		// A category that led a translation group hands the group on.
		if err := s.unlink(ctx, CategoryTranslations, id); err != nil {
			return err
		}
		return s.Store.DeleteCategory(ctx, id)
	})
}

// LinkCategory makes the categories others (one per other edition) the
// versions of category id in their editions; categories of its group that
// are not named are unlinked.
func (s *Service) LinkCategory(ctx context.Context, id int64, others []int64) error {
	return versionsOf[*Category, Category]{
		kind: CategoryTranslations, byID: s.Store.CategoryByID, members: s.Store.CategoryTranslations,
		place:    func(c *Category) (string, int64) { return c.Edition, c.TranslationGroup },
		memberID: func(c Category) int64 { return c.ID },
		key:      "category", missing: "a linked category no longer exists", twice: "choose at most one category per edition (%s)",
	}.link(ctx, s, id, others)
}

// unlink takes one item out of its translation group.
func (s *Service) unlink(ctx context.Context, kind TranslationKind, id int64) error {
	return s.Store.LinkTranslations(ctx, kind, []int64{id})
}

// ---- Tags ----

// RenameTag changes a tag's name and slug (made from the name when empty).
func (s *Service) RenameTag(ctx context.Context, id int64, name, slug string) (*Tag, error) {
	name = strings.Join(strings.Fields(name), " ")
	switch {
	case name == "":
		return nil, refuse("name", "name_required", "the name is required")
	case utf8.RuneCountInString(name) > 60:
		return nil, refuse("name", "tag_long", "a tag is at most 60 characters long")
	}
	if slug = strings.ToLower(strings.TrimSpace(slug)); slug == "" {
		slug = Slugify(name)
	} else if !ValidSlug(slug) {
		return nil, refuse("slug", "slug_chars", "a slug may hold only letters, digits and single hyphens")
	}
	var t *Tag
	err := s.Store.WithinTx(ctx, func(ctx context.Context) error {
		cur, err := s.Store.TagByID(ctx, id)
		if err != nil {
			return err
		}
		if other, err := s.Store.TagBySlug(ctx, cur.Edition, slug); err == nil && other.ID != id {
			return refuse("slug", "tag_slug_taken", "the tag %q already uses the slug %q; merge the two tags instead", other.Name, slug)
		} else if err != nil && !errors.Is(err, ErrNotFound) {
			return err
		}
		t = &Tag{ID: id, Edition: cur.Edition, Name: name, Slug: slug}
		return s.Store.UpdateTag(ctx, t)
	})
	return t, err
}

// MergeTags gives every article of tag from the tag into instead and
// deletes from. Both must belong to the same edition.
func (s *Service) MergeTags(ctx context.Context, from, into int64) error {
	if from == 0 || into == 0 {
		return refuse("merge", "merge_choose", "choose the two tags to merge")
	}
	if from == into {
		return refuse("merge", "merge_same", "choose two different tags")
	}
	return s.Store.WithinTx(ctx, func(ctx context.Context) error {
		a, err := s.Store.TagByID(ctx, from)
		if err != nil {
			return err
		}
		b, err := s.Store.TagByID(ctx, into)
		if err != nil {
			return err
		}
		if a.Edition != b.Edition {
			return refuse("merge", "merge_editions", "tags of different editions cannot be merged")
		}
		return s.Store.MergeTags(ctx, from, into)
	})
}

// DeleteTag removes a tag that no article carries.
func (s *Service) DeleteTag(ctx context.Context, id int64) error {
	return s.Store.WithinTx(ctx, func(ctx context.Context) error {
		t, err := s.Store.TagByID(ctx, id)
		if err != nil {
			return err
		}
		if t.Articles > 0 {
			return refuse("tag", "tag_in_use", "%d articles carry this tag; merge it into another tag instead", t.Articles)
		}
		return s.Store.DeleteTag(ctx, id)
	})
}

// ---- Authors ----

// SaveAuthor creates (ID 0) or changes an author profile with its names and
// biographies per edition. Profiles without a name and a bio are dropped.
func (s *Service) SaveAuthor(ctx context.Context, a *Author, profiles []AuthorProfile) error {
	a.Name = strings.TrimSpace(a.Name)
	a.Bio = strings.TrimSpace(a.Bio)
	switch {
	case a.Name == "":
		return refuse("name", "name_required", "the name is required")
	case utf8.RuneCountInString(a.Name) > maxName:
		return refuse("name", "name_long", "the name is longer than %d characters", maxName)
	case utf8.RuneCountInString(a.Bio) > maxDescription:
		return refuse("bio", "bio_long", "the biography is longer than %d characters", maxDescription)
	}
	if strings.TrimSpace(a.Slug) == "" {
		a.Slug = Slugify(a.Name)
	} else if a.Slug = strings.ToLower(strings.TrimSpace(a.Slug)); !ValidSlug(a.Slug) {
		return refuse("slug", "slug_chars", "a slug may hold only letters, digits and single hyphens")
	}
	var kept []AuthorProfile
	seen := map[string]bool{}
	for _, p := range profiles {
		p.Name, p.Bio = strings.TrimSpace(p.Name), strings.TrimSpace(p.Bio)
		if p.Edition == "" || seen[p.Edition] || (p.Name == "" && p.Bio == "") {
			continue
		}
		seen[p.Edition] = true
		if utf8.RuneCountInString(p.Name) > maxName {
			return refuse("profile_"+p.Edition, "name_long", "the name is longer than %d characters", maxName)
		}
		if utf8.RuneCountInString(p.Bio) > maxDescription {
			return refuse("profile_"+p.Edition, "bio_long", "the biography is longer than %d characters", maxDescription)
		}
		if p.Name == "" {
			p.Name = a.Name // a localized bio under the common name
		}
		kept = append(kept, p)
	}
	return s.Store.WithinTx(ctx, func(ctx context.Context) error {
		if a.AvatarMediaID != 0 {
			m, err := s.Store.MediaByID(ctx, a.AvatarMediaID)
			if errors.Is(err, ErrNotFound) {
				return refuse("avatar", "avatar_missing", "there is no such item in the media library")
			} else if err != nil {
				return err
			}
			if m.Kind != "image" {
				return refuse("avatar", "avatar_kind", "the picture must be an image")
			}
		}
		taken, err := s.Store.AuthorSlugTaken(ctx, a.Slug, a.ID)
		if err != nil {
			return err
		}
		if taken {
			return refuse("slug", "author_slug_taken", "another author already uses the slug %q", a.Slug)
		}
		if a.ID == 0 {
			return s.Store.CreateAuthor(ctx, a, kept)
		}
		if _, _, err := s.Store.AuthorByID(ctx, a.ID); err != nil {
			return err
		}
		return s.Store.UpdateAuthor(ctx, a, kept)
	})
}

// ---- Pages ----

// preparePage checks a page and fills its slug, sanitized body and times.
func (s *Service) preparePage(p *Page) error {
	p.Title = strings.TrimSpace(p.Title)
	p.Description = strings.TrimSpace(p.Description)
	switch {
	case p.Edition == "":
		return refuse("edition", "edition", "choose an edition")
	case p.Title == "":
		return refuse("title", "title_required", "the title is required")
	case utf8.RuneCountInString(p.Title) > maxTitle:
		return refuse("title", "title_long", "the title is longer than %d characters", maxTitle)
	case utf8.RuneCountInString(p.Description) > maxExcerpt:
		return refuse("description", "description_long", "the description is longer than %d characters", maxExcerpt)
	case len(p.BodySource) > maxBody:
		return refuse("body", "body_long", "the body is too long")
	case p.Status != Draft && p.Status != Published:
		return refuse("status", "page_status", "a page is either a draft or published")
	}
	if strings.TrimSpace(p.Slug) == "" {
		p.Slug = Slugify(p.Title)
	} else if p.Slug = strings.ToLower(strings.TrimSpace(p.Slug)); !ValidSlug(p.Slug) {
		return refuse("slug", "slug_chars", "a slug may hold only letters, digits and single hyphens")
	}
	if s.pageSlugReserved(p.Slug) {
		return refuse("slug", "slug_reserved", "%q is used by the site itself; choose another slug", p.Slug)
	}
	if p.BodyFormat == "" {
		p.BodyFormat = "html"
	}
	p.BodyHTML = SanitizeHTML(p.BodySource)
	now := s.now().UTC().Truncate(time.Second)
	p.UpdatedAt = now
	if p.Status == Published && p.PublishedAt.IsZero() {
		p.PublishedAt = now
	}
	p.PublishedAt = p.PublishedAt.UTC().Truncate(time.Second)
	return nil
}

// NewPage validates and stores a new page written in the admin, where a page
// is either a draft or published.
func (s *Service) NewPage(ctx context.Context, p *Page) error {
	p.ID = 0
	if err := s.preparePage(p); err != nil {
		return err
	}
	return s.Store.WithinTx(ctx, func(ctx context.Context) error {
		taken, err := s.Store.PageSlugTaken(ctx, p.Edition, p.Slug, 0)
		if err != nil {
			return err
		}
		if taken {
			return refuse("slug", "page_slug_taken", "another page in this edition already uses the slug %q", p.Slug)
		}
		return s.CreatePage(ctx, p)
	})
}

// UpdatePage validates and stores changes to a page; its edition and
// translation group stay as they are.
func (s *Service) UpdatePage(ctx context.Context, p *Page) error {
	if p.ID == 0 {
		return invalid("id", "no such page")
	}
	if err := s.preparePage(p); err != nil {
		return err
	}
	return s.Store.WithinTx(ctx, func(ctx context.Context) error {
		old, err := s.Store.PageByID(ctx, p.ID)
		if err != nil {
			return err
		}
		if old.Edition != p.Edition {
			return refuse("edition", "page_edition", "a page stays in its edition")
		}
		p.TranslationGroup = old.TranslationGroup
		taken, err := s.Store.PageSlugTaken(ctx, p.Edition, p.Slug, p.ID)
		if err != nil {
			return err
		}
		if taken {
			return refuse("slug", "page_slug_taken", "another page in this edition already uses the slug %q", p.Slug)
		}
		return s.Store.UpdatePage(ctx, p)
	})
}

// DeletePage removes a page (a translation group it led passes on).
func (s *Service) DeletePage(ctx context.Context, id int64) error {
	return s.Store.WithinTx(ctx, func(ctx context.Context) error {
		if _, err := s.Store.PageByID(ctx, id); err != nil {
			return err
		}
		if err := s.unlink(ctx, PageTranslations, id); err != nil {
			return err
		}
		return s.Store.DeletePage(ctx, id)
	})
}

// LinkPage makes the pages others (one per other edition) the versions of
// page id; pages of its group that are not named are unlinked.
func (s *Service) LinkPage(ctx context.Context, id int64, others []int64) error {
	return versionsOf[*Page, *Page]{
		kind: PageTranslations, byID: s.Store.PageByID, members: s.Store.PageTranslations,
		place:    func(p *Page) (string, int64) { return p.Edition, p.TranslationGroup },
		memberID: func(p *Page) int64 { return p.ID },
		key:      "page", missing: "a linked page no longer exists", twice: "choose at most one page per edition (%s)",
	}.link(ctx, s, id, others)
}

// OutdatedPages reports which pages of list are translations whose source
// (the page that leads their translation group) changed after they did.
func (s *Service) OutdatedPages(ctx context.Context, list []*Page) (map[int64]bool, error) {
	out := map[int64]bool{}
	sources := map[int64]time.Time{}
	for _, p := range list {
		if p.TranslationGroup == 0 || p.TranslationGroup == p.ID {
			continue
		}
		at, ok := sources[p.TranslationGroup]
		if !ok {
			src, err := s.Store.PageByID(ctx, p.TranslationGroup)
			if errors.Is(err, ErrNotFound) {
				continue
			} else if err != nil {
				return nil, err
			}
			at = src.UpdatedAt
			sources[p.TranslationGroup] = at
		}
		if at.After(p.UpdatedAt) {
			out[p.ID] = true
		}
	}
	return out, nil
}

// ---- Menus ----

// checkMenuItem validates the fields of a menu item.
func (s *Service) checkMenuItem(it *MenuItem) error {
	it.Label = strings.TrimSpace(it.Label)
	it.Target = strings.TrimSpace(it.Target)
	switch it.Kind {
	case MenuLink, MenuGroup, MenuEdition:
	default:
		return refuse("kind", "menu_kind", "unknown menu item kind %q", it.Kind)
	}
	if it.Label == "" && it.Kind != MenuEdition {
		return refuse("label", "label_required", "every menu item needs a label")
	}
	if utf8.RuneCountInString(it.Label) > maxMenuLabel {
		return refuse("label", "label_long", "the label is longer than %d characters", maxMenuLabel)
	}
	switch it.Kind {
	case MenuLink:
		if err := checkMenuTarget(it.Target); err != nil {
			return err
		}
	case MenuGroup:
		it.Target = ""
	case MenuEdition:
		known := s.EditionCodes == nil
		if s.EditionCodes != nil {
			for _, c := range s.EditionCodes() {
				known = known || c == it.Target
			}
		}
		if it.Target == "" || !known {
			return refuse("target", "menu_edition_choose", "choose the edition this item links to")
		}
		if it.Target == it.Edition {
			return refuse("target", "menu_edition_self", "an edition link goes to another edition")
		}
	}
	return nil
}

// checkMenuTarget accepts a site path ("/articles/") or an absolute http or
// https address.
func checkMenuTarget(t string) error {
	if t == "" {
		return refuse("target", "target_required", "a link needs a target: a site path such as /articles/ or an https:// address")
	}
	if strings.ContainsAny(t, " \t\r\n<>\"") {
		return refuse("target", "target_spaces", "the target may not contain spaces or quotes")
	}
	if strings.HasPrefix(t, "/") {
		if strings.HasPrefix(t, "//") || strings.Contains(t, "\\") {
			return refuse("target", "target_double_slash", "a site path starts with a single /")
		}
		return nil
	}
	u, err := url.Parse(t)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return refuse("target", "target_bad", "the target must be a site path such as /articles/ or an http or https address")
	}
	return nil
}

// menuPlace checks that parent can hold it: same edition, not it or one of
// its descendants, and at most three levels deep with its subtree.
func (s *Service) menuPlace(ctx context.Context, it *MenuItem, parent int64) error {
	if parent == 0 {
		return s.checkDepth(ctx, it, 0)
	}
	p, err := s.Store.MenuItemByID(ctx, parent)
	if errors.Is(err, ErrNotFound) {
		return refuse("parent", "menu_parent_missing", "the parent item no longer exists")
	} else if err != nil {
		return err
	}
	if p.Edition != it.Edition {
		return refuse("parent", "menu_parent_edition", "the parent must be an item of the same menu")
	}
	if p.Kind == MenuEdition {
		return refuse("parent", "menu_parent_edition_link", "an edition link cannot hold other items")
	}
	depth := 1
	for x := p; ; depth++ {
		if it.ID != 0 && x.ID == it.ID {
			return refuse("parent", "menu_loop", "an item cannot be placed inside itself or one of its sub-items")
		}
		if x.ParentID == 0 || depth > 50 {
			break
		}
		if x, err = s.Store.MenuItemByID(ctx, x.ParentID); err != nil {
			return err
		}
	}
	return s.checkDepth(ctx, it, depth)
}

// checkDepth refuses a place depth levels down when the item with its
// sub-items would then nest deeper than maxMenuDepth.
func (s *Service) checkDepth(ctx context.Context, it *MenuItem, depth int) error {
	height := 1
	if it.ID != 0 {
		tree, err := s.Store.Menu(ctx, it.Edition)
		if err != nil {
			return err
		}
		if n := findItem(tree, it.ID); n != nil {
			height = treeHeight(n)
		}
	}
	if depth+height > maxMenuDepth {
		return refuse("parent", "menu_depth", "menus nest at most %d levels deep", maxMenuDepth)
	}
	return nil
}

func findItem(list []*MenuItem, id int64) *MenuItem {
	for _, it := range list {
		if it.ID == id {
			return it
		}
		if f := findItem(it.Children, id); f != nil {
			return f
		}
	}
	return nil
}

func treeHeight(it *MenuItem) int {
	h := 0
	for _, c := range it.Children {
		h = max(h, treeHeight(c))
	}
	return h + 1
}

// siblings returns the items that share parent in an edition's menu.
func (s *Service) siblings(ctx context.Context, edition string, parent int64) ([]*MenuItem, error) {
	tree, err := s.Store.Menu(ctx, edition)
	if err != nil {
		return nil, err
	}
	if parent == 0 {
		return tree, nil
	}
	if p := findItem(tree, parent); p != nil {
		return p.Children, nil
	}
	return nil, nil
}

// AddMenuItem adds an item at the end of its parent's list (or of the top
// level).
func (s *Service) AddMenuItem(ctx context.Context, it *MenuItem) error {
	if it.Edition == "" {
		return refuse("edition", "edition", "choose an edition")
	}
	it.ID = 0
	if err := s.checkMenuItem(it); err != nil {
		return err
	}
	return s.Store.WithinTx(ctx, func(ctx context.Context) error {
		if err := s.menuPlace(ctx, it, it.ParentID); err != nil {
			return err
		}
		sib, err := s.siblings(ctx, it.Edition, it.ParentID)
		if err != nil {
			return err
		}
		it.Position = len(sib)
		return s.Store.CreateMenuItem(ctx, it)
	})
}

// UpdateMenuItem changes an item's label, kind, target and parent; moved to
// another parent, it goes to the end of that parent's list.
func (s *Service) UpdateMenuItem(ctx context.Context, it *MenuItem) error {
	return s.Store.WithinTx(ctx, func(ctx context.Context) error {
		old, err := s.Store.MenuItemByID(ctx, it.ID)
		if err != nil {
			return err
		}
		it.Edition, it.TranslationGroup, it.Position = old.Edition, old.TranslationGroup, old.Position
		if err := s.checkMenuItem(it); err != nil {
			return err
		}
		if it.Kind == MenuEdition {
			if tree, err := s.Store.Menu(ctx, it.Edition); err != nil {
				return err
			} else if n := findItem(tree, it.ID); n != nil && len(n.Children) > 0 {
				return refuse("kind", "menu_edition_children", "an item with sub-items cannot become an edition link")
			}
		}
		if it.ParentID != old.ParentID {
			if err := s.menuPlace(ctx, it, it.ParentID); err != nil {
				return err
			}
			sib, err := s.siblings(ctx, it.Edition, it.ParentID)
			if err != nil {
				return err
			}
			it.Position = len(sib)
		}
		if err := s.Store.UpdateMenuItem(ctx, it); err != nil {
			return err
		}
		if it.ParentID != old.ParentID {
			return s.renumber(ctx, it.Edition, old.ParentID)
		}
		return nil
	})
}

// renumber closes the gaps in the positions under parent.
func (s *Service) renumber(ctx context.Context, edition string, parent int64) error {
	sib, err := s.siblings(ctx, edition, parent)
	if err != nil {
		return err
	}
	ids := make([]int64, len(sib))
	for i, x := range sib {
		ids[i] = x.ID
	}
	return s.Store.SetMenuPositions(ctx, ids)
}

// Menu moves.
const (
	MoveUp   = "up"   // before the previous sibling
	MoveDown = "down" // after the next sibling
	MoveIn   = "in"   // into the previous sibling, at the end of its items
	MoveOut  = "out"  // out of its parent, right after it
)

// MoveMenuItem moves an item one step: up, down, in (nested under the item
// above it) or out (one level up, after its old parent).
func (s *Service) MoveMenuItem(ctx context.Context, id int64, move string) error {
	return s.Store.WithinTx(ctx, func(ctx context.Context) error {
		it, err := s.Store.MenuItemByID(ctx, id)
		if err != nil {
			return err
		}
		sib, err := s.siblings(ctx, it.Edition, it.ParentID)
		if err != nil {
			return err
		}
		at := -1
		ids := make([]int64, len(sib))
		for i, x := range sib {
			ids[i] = x.ID
			if x.ID == id {
				at = i
			}
		}
		if at < 0 {
			return ErrNotFound
		}
		switch move {
		case MoveUp, MoveDown:
			to := at - 1
			if move == MoveDown {
				to = at + 1
			}
			if to < 0 || to >= len(ids) {
				return refuse("move", "move_end", "the item is already at the end of its list")
			}
			ids[at], ids[to] = ids[to], ids[at]
			return s.Store.SetMenuPositions(ctx, ids)
		case MoveIn:
			if at == 0 {
				return refuse("move", "move_no_above", "there is no item above to nest it in")
			}
			it.ParentID = sib[at-1].ID
			return s.UpdateMenuItem(ctx, it)
		case MoveOut:
			if it.ParentID == 0 {
				return refuse("move", "move_top", "the item is already at the top level")
			}
			parent, err := s.Store.MenuItemByID(ctx, it.ParentID)
			if err != nil {
				return err
			}
			it.ParentID = parent.ParentID
			if err := s.UpdateMenuItem(ctx, it); err != nil {
				return err
			}
			// Place it right after its old parent.
			outer, err := s.siblings(ctx, it.Edition, parent.ParentID)
			if err != nil {
				return err
			}
			var order []int64
			for _, x := range outer {
				if x.ID == it.ID {
					continue
				}
				order = append(order, x.ID)
				if x.ID == parent.ID {
					order = append(order, it.ID)
				}
			}
			return s.Store.SetMenuPositions(ctx, order)
		}
		return refuse("move", "move_unknown", "unknown move %q", move)
	})
}

// DeleteMenuItem removes an item with everything nested below it.
func (s *Service) DeleteMenuItem(ctx context.Context, id int64) error {
	return s.Store.WithinTx(ctx, func(ctx context.Context) error {
		it, err := s.Store.MenuItemByID(ctx, id)
		if err != nil {
			return err
		}
		if err := s.unlink(ctx, MenuItemTranslations, id); err != nil {
			return err
		}
		if err := s.Store.DeleteMenuItem(ctx, id); err != nil {
			return err
		}
		return s.renumber(ctx, it.Edition, it.ParentID)
	})
}

// LinkMenuItem makes the items others (one per other edition's menu) the
// counterparts of item id; items of its group that are not named are
// unlinked.
func (s *Service) LinkMenuItem(ctx context.Context, id int64, others []int64) error {
	return versionsOf[*MenuItem, *MenuItem]{
		kind: MenuItemTranslations, byID: s.Store.MenuItemByID, members: s.Store.MenuItemTranslations,
		place:    func(it *MenuItem) (string, int64) { return it.Edition, it.TranslationGroup },
		memberID: func(it *MenuItem) int64 { return it.ID },
		key:      "menu", missing: "a linked menu item no longer exists", twice: "choose at most one item per edition (%s)",
	}.link(ctx, s, id, others)
}

// versionsOf is one kind of item with translation links (categories, pages,
// menu items): T as loaded alone, M as listed in a translation group.
type versionsOf[T, M any] struct {
	kind     TranslationKind
	byID     func(context.Context, int64) (T, error)
	place    func(T) (edition string, group int64)
	members  func(context.Context, int64) ([]M, error)
	memberID func(M) int64
	// key names the refusal messages (key_link_missing, key_link_twice);
	// twice takes the edition code.
	key, missing, twice string
}

// link makes the items others (one per other edition) the versions of item
// id, in one transaction: each must still exist and stand in an edition of
// its own (zero ids and id itself are skipped). Members of id's old group
// that are not named get a group of their own.
func (v versionsOf[T, M]) link(ctx context.Context, s *Service, id int64, others []int64) error {
	return s.Store.WithinTx(ctx, func(ctx context.Context) error {
		x, err := v.byID(ctx, id)
		if err != nil {
			return err
		}
		ed, group := v.place(x)
		editions := map[string]bool{ed: true}
		ids := []int64{id}
		for _, o := range others {
			if o == 0 || o == id {
				continue
			}
			other, err := v.byID(ctx, o)
			if errors.Is(err, ErrNotFound) {
				return &ValidationError{Field: "translations", Message: v.missing, Key: "invalid." + v.key + "_link_missing"}
			} else if err != nil {
				return err
			}
			code, _ := v.place(other)
			if editions[code] {
				return refuse("translations", v.key+"_link_twice", v.twice, code)
			}
			editions[code] = true
			ids = append(ids, o)
		}
		old, err := v.members(ctx, group)
		if err != nil {
			return err
		}
		keep := map[int64]bool{}
		for _, id := range ids {
			keep[id] = true
		}
		for _, m := range old {
			if mid := v.memberID(m); !keep[mid] {
				if err := s.unlink(ctx, v.kind, mid); err != nil {
					return err
				}
			}
		}
		return s.Store.LinkTranslations(ctx, v.kind, ids)
	})
}
