package store

import (
	"context"
	"fmt"
	"sort"

	"github.com/masthead-news/masthead/internal/content"
	"github.com/masthead-news/masthead/internal/i18n"
	"github.com/masthead-news/masthead/internal/media"
	"github.com/masthead-news/masthead/internal/publication"
	"github.com/masthead-news/masthead/internal/search"
)

// The site structure as the admin changes it (content.StructureStore):
// categories, tags, authors, pages, menu items and translation links.

// CategoryByID loads one category.
func (s *Store) CategoryByID(ctx context.Context, id int64) (*content.Category, error) {
	list, err := s.categories(ctx, categorySelect+" WHERE c.id = ?", id)
	if err != nil {
		return nil, err
	}
	if len(list) == 0 {
		return nil, content.ErrNotFound
	}
	return &list[0], nil
}

// UpdateCategory stores a category's name, slug, description, parent and
// position.
func (s *Store) UpdateCategory(ctx context.Context, c *content.Category) error {
	res, err := s.exec(ctx, `UPDATE categories SET slug = ?, slug_key = ?, name = ?, description = ?, parent_id = ?, position = ?
		WHERE id = ?`, c.Slug, i18n.Fold(c.Slug), c.Name, c.Description, nullID(c.ParentID), c.Position, c.ID)
	return affectedOne(res, err)
}

// DeleteCategory removes a category (the caller checked that nothing uses it).
func (s *Store) DeleteCategory(ctx context.Context, id int64) error {
	res, err := s.exec(ctx, "DELETE FROM categories WHERE id = ?", id)
	return affectedOne(res, err)
}

// CategoryArticleCount counts the articles filed under a category.
func (s *Store) CategoryArticleCount(ctx context.Context, id int64) (int, error) {
	var n int
	err := s.queryRow(ctx, `SELECT COUNT(*) FROM articles WHERE primary_category_id = ?
		OR id IN (SELECT article_id FROM article_categories WHERE category_id = ?)`, id, id).Scan(&n)
	return n, err
}

// CategoryMediaItemCount counts the Media sections' items (cartoons,
// photos, albums, videos) filed under a category.
func (s *Store) CategoryMediaItemCount(ctx context.Context, id int64) (int, error) {
	var n int
	err := s.queryRow(ctx, `SELECT COUNT(*) FROM media_items WHERE category_id = ?`, id).Scan(&n)
	return n, err
}

// Tags lists an edition's tags by name with their article counts.
func (s *Store) Tags(ctx context.Context, edition string) ([]content.TagUse, error) {
	rows, err := s.query(ctx, `SELECT t.id, t.edition, t.slug, t.name, (SELECT COUNT(*) FROM article_tags at WHERE at.tag_id = t.id)
		FROM tags t WHERE t.edition = ? ORDER BY t.name, t.id`, edition)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []content.TagUse
	for rows.Next() {
		var t content.TagUse
		if err := rows.Scan(&t.ID, &t.Edition, &t.Slug, &t.Name, &t.Articles); err != nil {
			return nil, err
		}
		out = append(out, t)
	}
	return out, rows.Err()
}

// TagByID loads a tag with its article count.
func (s *Store) TagByID(ctx context.Context, id int64) (*content.TagUse, error) {
	var t content.TagUse
	err := s.queryRow(ctx, `SELECT t.id, t.edition, t.slug, t.name, (SELECT COUNT(*) FROM article_tags at WHERE at.tag_id = t.id)
		FROM tags t WHERE t.id = ?`, id).Scan(&t.ID, &t.Edition, &t.Slug, &t.Name, &t.Articles)
	if err != nil {
		return nil, notFound(err)
	}
	return &t, nil
}

// UpdateTag stores a tag's name and slug.
func (s *Store) UpdateTag(ctx context.Context, t *content.Tag) error {
	forgetTags(ctx)
	res, err := s.exec(ctx, "UPDATE tags SET name = ?, slug = ? WHERE id = ?", t.Name, t.Slug, t.ID)
	return affectedOne(res, err)
}

// MergeTags moves the articles of tag from to tag into (an article that
// carries both keeps one) and deletes from.
func (s *Store) MergeTags(ctx context.Context, from, into int64) error {
	forgetTags(ctx)
	return s.WithinTx(ctx, func(ctx context.Context) error {
		if _, err := s.exec(ctx, `INSERT INTO article_tags (article_id, tag_id, position)
			SELECT article_id, ?, position FROM article_tags WHERE tag_id = ?
			AND article_id NOT IN (SELECT article_id FROM article_tags WHERE tag_id = ?)`, into, from, into); err != nil {
			return err
		}
		if _, err := s.exec(ctx, "DELETE FROM article_tags WHERE tag_id = ?", from); err != nil {
			return err
		}
		res, err := s.exec(ctx, "DELETE FROM tags WHERE id = ?", from)
		return affectedOne(res, err)
	})
}

// DeleteTag removes a tag (the caller checked that no article carries it).
func (s *Store) DeleteTag(ctx context.Context, id int64) error {
	forgetTags(ctx)
	res, err := s.exec(ctx, "DELETE FROM tags WHERE id = ?", id)
	return affectedOne(res, err)
}

// AuthorByID loads an author's common name and bio and their localized
// profiles, by edition.
func (s *Store) AuthorByID(ctx context.Context, id int64) (*content.Author, []content.AuthorProfile, error) {
	var a content.Author
	err := s.queryRow(ctx, "SELECT id, slug, name, bio, COALESCE(avatar_media_id, 0) FROM authors WHERE id = ?", id).
		Scan(&a.ID, &a.Slug, &a.Name, &a.Bio, &a.AvatarMediaID)
	if err != nil {
		return nil, nil, notFound(err)
	}
	if a.AvatarMediaID != 0 {
		if m, err := s.MediaByID(ctx, a.AvatarMediaID); err == nil {
			a.Avatar = m
		}
	}
	rows, err := s.query(ctx, "SELECT edition, name, bio FROM author_profiles WHERE author_id = ? ORDER BY edition", id)
	if err != nil {
		return nil, nil, err
	}
	defer rows.Close()
	var profiles []content.AuthorProfile
	for rows.Next() {
		var p content.AuthorProfile
		if err := rows.Scan(&p.Edition, &p.Name, &p.Bio); err != nil {
			return nil, nil, err
		}
		profiles = append(profiles, p)
	}
	return &a, profiles, rows.Err()
}

// UpdateAuthor stores an author and replaces their localized profiles.
func (s *Store) UpdateAuthor(ctx context.Context, a *content.Author, profiles []content.AuthorProfile) error {
	return s.WithinTx(ctx, func(ctx context.Context) error {
		res, err := s.exec(ctx, "UPDATE authors SET slug = ?, name = ?, bio = ?, avatar_media_id = ? WHERE id = ?",
			a.Slug, a.Name, a.Bio, nullID(a.AvatarMediaID), a.ID)
		if err := affectedOne(res, err); err != nil {
			return err
		}
		if _, err := s.exec(ctx, "DELETE FROM author_profiles WHERE author_id = ?", a.ID); err != nil {
			return err
		}
		for _, p := range profiles {
			if _, err := s.exec(ctx, "INSERT INTO author_profiles (author_id, edition, name, bio) VALUES (?, ?, ?, ?)",
				a.ID, p.Edition, p.Name, p.Bio); err != nil {
				return err
			}
		}
		return nil
	})
}

// AuthorSlugTaken reports whether another author uses slug.
func (s *Store) AuthorSlugTaken(ctx context.Context, slug string, exceptID int64) (bool, error) {
	var n int
	err := s.queryRow(ctx, "SELECT COUNT(*) FROM authors WHERE slug = ? AND id <> ?", slug, exceptID).Scan(&n)
	return n > 0, err
}

// RecentImages lists the newest images of the media library, for pickers
// such as an author's picture.
func (s *Store) RecentImages(ctx context.Context, limit int) ([]*media.Media, error) {
	rows, err := s.query(ctx, "SELECT "+mediaColumns+" FROM media WHERE kind = 'image' ORDER BY id DESC LIMIT ?", limit)
	if err != nil {
		return nil, err
	}
	return collect(rows, scanMedia)
}

// Pages lists an edition's pages in every state, by title.
func (s *Store) Pages(ctx context.Context, edition string) ([]*content.Page, error) {
	return s.pages(ctx, pageSelect+" WHERE edition = ? ORDER BY title, id", edition)
}

// PageByID loads one page.
func (s *Store) PageByID(ctx context.Context, id int64) (*content.Page, error) {
	list, err := s.pages(ctx, pageSelect+" WHERE id = ?", id)
	if err != nil {
		return nil, err
	}
	if len(list) == 0 {
		return nil, content.ErrNotFound
	}
	return list[0], nil
}

// UpdatePage stores a page and makes the search index follow it.
func (s *Store) UpdatePage(ctx context.Context, p *content.Page) error {
	return s.WithinTx(ctx, func(ctx context.Context) error {
		res, err := s.exec(ctx, `UPDATE pages SET slug = ?, slug_key = ?, title = ?, description = ?, body_source = ?, body_format = ?,
			body_html = ?, status = ?, published_at = ?, updated_at = ? WHERE id = ?`,
			p.Slug, i18n.Fold(p.Slug), p.Title, p.Description, p.BodySource, p.BodyFormat, p.BodyHTML, string(p.Status),
			unix(p.PublishedAt), unix(p.UpdatedAt), p.ID)
		if err := affectedOne(res, err); err != nil {
			return err
		}
		return s.indexPage(ctx, p)
	})
}

// DeletePage removes a page and its search entry.
func (s *Store) DeletePage(ctx context.Context, id int64) error {
	return s.WithinTx(ctx, func(ctx context.Context) error {
		if err := s.unindex(ctx, search.Page, id); err != nil {
			return err
		}
		res, err := s.exec(ctx, "DELETE FROM pages WHERE id = ?", id)
		return affectedOne(res, err)
	})
}

const menuItemSelect = `SELECT id, edition, COALESCE(parent_id, 0), position, label, kind, target,
	COALESCE(NULLIF(translation_group, 0), id) FROM menu_items`

func (s *Store) menuItems(ctx context.Context, q string, args ...any) ([]*content.MenuItem, error) {
	rows, err := s.query(ctx, q, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []*content.MenuItem
	for rows.Next() {
		it := &content.MenuItem{}
		if err := rows.Scan(&it.ID, &it.Edition, &it.ParentID, &it.Position, &it.Label, &it.Kind, &it.Target, &it.TranslationGroup); err != nil {
			return nil, err
		}
		out = append(out, it)
	}
	return out, rows.Err()
}

// MenuItemByID loads one menu item (without its children).
func (s *Store) MenuItemByID(ctx context.Context, id int64) (*content.MenuItem, error) {
	list, err := s.menuItems(ctx, menuItemSelect+" WHERE id = ?", id)
	if err != nil {
		return nil, err
	}
	if len(list) == 0 {
		return nil, content.ErrNotFound
	}
	return list[0], nil
}

// CreateMenuItem inserts one menu item; it starts its own translation group.
func (s *Store) CreateMenuItem(ctx context.Context, it *content.MenuItem) error {
	return s.WithinTx(ctx, func(ctx context.Context) error {
		id, err := s.insert(ctx, `INSERT INTO menu_items (edition, parent_id, position, label, kind, target, translation_group)
			VALUES (?, ?, ?, ?, ?, ?, ?)`, it.Edition, nullID(it.ParentID), it.Position, it.Label, it.Kind, it.Target, it.TranslationGroup)
		if err != nil {
			return err
		}
		it.ID = id
		if it.TranslationGroup == 0 {
			it.TranslationGroup = id
			_, err = s.exec(ctx, "UPDATE menu_items SET translation_group = ? WHERE id = ?", id, id)
		}
		return err
	})
}

// UpdateMenuItem stores an item's label, kind, target, parent and position.
func (s *Store) UpdateMenuItem(ctx context.Context, it *content.MenuItem) error {
	res, err := s.exec(ctx, "UPDATE menu_items SET parent_id = ?, position = ?, label = ?, kind = ?, target = ? WHERE id = ?",
		nullID(it.ParentID), it.Position, it.Label, it.Kind, it.Target, it.ID)
	return affectedOne(res, err)
}

// DeleteMenuItem removes an item and everything below it (explicitly, so it
// does not depend on the database enforcing ON DELETE CASCADE).
func (s *Store) DeleteMenuItem(ctx context.Context, id int64) error {
	return s.WithinTx(ctx, func(ctx context.Context) error {
		todo, all := []int64{id}, []int64{}
		for len(todo) > 0 {
			cur := todo[0]
			todo = todo[1:]
			all = append(all, cur)
			rows, err := s.query(ctx, "SELECT id FROM menu_items WHERE parent_id = ?", cur)
			if err != nil {
				return err
			}
			for rows.Next() {
				var c int64
				if err := rows.Scan(&c); err != nil {
					rows.Close()
					return err
				}
				todo = append(todo, c)
			}
			rows.Close()
			if len(all) > 10000 {
				return fmt.Errorf("menu item %d: the menu loops", id)
			}
		}
		for i := len(all) - 1; i >= 0; i-- { // children first
			if _, err := s.exec(ctx, "DELETE FROM menu_items WHERE id = ?", all[i]); err != nil {
				return err
			}
		}
		return nil
	})
}

// SetMenuPositions numbers the items 0, 1, 2 … in the order given.
func (s *Store) SetMenuPositions(ctx context.Context, ids []int64) error {
	return s.WithinTx(ctx, func(ctx context.Context) error {
		for i, id := range ids {
			if _, err := s.exec(ctx, "UPDATE menu_items SET position = ? WHERE id = ?", i, id); err != nil {
				return err
			}
		}
		return nil
	})
}

// MenuItemTranslations lists the menu items of a translation group.
func (s *Store) MenuItemTranslations(ctx context.Context, group int64) ([]*content.MenuItem, error) {
	return s.menuItems(ctx, menuItemSelect+" WHERE COALESCE(NULLIF(translation_group, 0), id) = ? ORDER BY edition, id", group)
}

// translationTables are the tables whose rows carry translation groups
// linked from the admin.
var translationTables = map[content.TranslationKind]string{
	content.CategoryTranslations:   "categories",
	content.PageTranslations:       "pages",
	content.MenuItemTranslations:   "menu_items",
	publication.BookTranslations:   "books",
	publication.SeriesTranslations: "publication_series",
	publication.IssueTranslations:  "publication_issues",
}

// groupExpr reads a row's group; 0 (menu items written by ReplaceMenu)
// means the row's own id.
const groupExpr = "COALESCE(NULLIF(translation_group, 0), id)"

// TranslationGroupOf reads the translation group of one item.
func (s *Store) TranslationGroupOf(ctx context.Context, kind content.TranslationKind, id int64) (int64, error) {
	table, ok := translationTables[kind]
	if !ok {
		return 0, fmt.Errorf("no translation groups for %q", kind)
	}
	var g int64
	err := s.queryRow(ctx, "SELECT "+groupExpr+" FROM "+table+" WHERE id = ?", id).Scan(&g)
	return g, notFound(err)
}

// LinkTranslations makes ids one translation group. A group is always the
// id of one of its members: the group keeps the id it had when that member
// stays in it, and members left behind by a leaving member whose id named
// their group are given the smallest id among them.
func (s *Store) LinkTranslations(ctx context.Context, kind content.TranslationKind, ids []int64) error {
	table, ok := translationTables[kind]
	if !ok {
		return fmt.Errorf("no translation groups for %q", kind)
	}
	if len(ids) == 0 {
		return nil
	}
	return s.WithinTx(ctx, func(ctx context.Context) error {
		in := map[int64]bool{}
		groupOf := map[int64]int64{}
		for _, id := range ids {
			g, err := s.TranslationGroupOf(ctx, kind, id)
			if err != nil {
				return err
			}
			in[id], groupOf[id] = true, g
		}
		// The members left behind in each group the linked items come from.
		seen := map[int64]bool{}
		for _, id := range ids {
			g := groupOf[id]
			if seen[g] {
				continue
			}
			seen[g] = true
			rows, err := s.query(ctx, "SELECT id FROM "+table+" WHERE "+groupExpr+" = ?", g)
			if err != nil {
				return err
			}
			var rest []int64
			for rows.Next() {
				var m int64
				if err := rows.Scan(&m); err != nil {
					rows.Close()
					return err
				}
				if !in[m] {
					rest = append(rest, m)
				}
			}
			rows.Close()
			if len(rest) == 0 {
				continue
			}
			sort.Slice(rest, func(i, j int) bool { return rest[i] < rest[j] })
			if containsInt64(rest, g) {
				continue // the member that names the group stays with them
			}
			for _, m := range rest {
				if _, err := s.exec(ctx, "UPDATE "+table+" SET translation_group = ? WHERE id = ?", rest[0], m); err != nil {
					return err
				}
			}
		}
		// The new group: the first item's group if its leader is linked too,
		// else a linked item that leads its own group, else the first item.
		group := ids[0]
		if in[groupOf[ids[0]]] {
			group = groupOf[ids[0]]
		} else {
			for _, id := range ids {
				if groupOf[id] == id {
					group = id
					break
				}
			}
		}
		for _, id := range ids {
			if _, err := s.exec(ctx, "UPDATE "+table+" SET translation_group = ? WHERE id = ?", group, id); err != nil {
				return err
			}
		}
		return nil
	})
}

func containsInt64(list []int64, x int64) bool {
	for _, v := range list {
		if v == x {
			return true
		}
	}
	return false
}

// affectedOne turns an update of no row into content.ErrNotFound.
func affectedOne(res interface{ RowsAffected() (int64, error) }, err error) error {
	if err != nil {
		return err
	}
	n, err := res.RowsAffected()
	if err != nil {
		return err
	}
	if n == 0 {
		return content.ErrNotFound
	}
	return nil
}
