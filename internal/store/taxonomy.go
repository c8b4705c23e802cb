package store

import (
	"context"

	"github.com/masthead-news/masthead/internal/content"
	"github.com/masthead-news/masthead/internal/i18n"
)

const categorySelect = `SELECT c.id, c.edition, c.slug, c.name, c.description, COALESCE(c.parent_id, 0), c.position, c.translation_group FROM categories c`

func (s *Store) categories(ctx context.Context, q string, args ...any) ([]content.Category, error) {
	rows, err := s.query(ctx, q, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []content.Category
	for rows.Next() {
		var c content.Category
		if err := rows.Scan(&c.ID, &c.Edition, &c.Slug, &c.Name, &c.Description, &c.ParentID, &c.Position, &c.TranslationGroup); err != nil {
			return nil, err
		}
		out = append(out, c)
	}
	return out, rows.Err()
}

// CreateCategory inserts a category; it starts its own translation group
// unless it joins one.
func (s *Store) CreateCategory(ctx context.Context, c *content.Category) error {
	return s.WithinTx(ctx, func(ctx context.Context) error {
		id, err := s.insert(ctx, `INSERT INTO categories (edition, slug, slug_key, name, description, parent_id, position, translation_group)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?)`, c.Edition, c.Slug, i18n.Fold(c.Slug), c.Name, c.Description, nullID(c.ParentID), c.Position, c.TranslationGroup)
		if err != nil {
			return err
		}
		c.ID = id
		if c.TranslationGroup == 0 {
			c.TranslationGroup = id
			_, err = s.exec(ctx, "UPDATE categories SET translation_group = ? WHERE id = ?", id, id)
		}
		return err
	})
}

// Categories lists an edition's categories by position and name.
func (s *Store) Categories(ctx context.Context, edition string) ([]content.Category, error) {
	return s.categories(ctx, categorySelect+" WHERE c.edition = ? ORDER BY c.position, c.name", edition)
}

// CategoryBySlug loads one category of an edition.
func (s *Store) CategoryBySlug(ctx context.Context, edition, slug string) (*content.Category, error) {
	list, err := s.categories(ctx, categorySelect+" WHERE c.edition = ? AND c.slug = ?", edition, slug)
	if err == nil && len(list) == 0 {
		list, err = s.categories(ctx, categorySelect+" WHERE c.edition = ? AND c.slug_key = ? ORDER BY c.id LIMIT 1", edition, i18n.Fold(slug))
	}
	if err != nil {
		return nil, err
	}
	if len(list) == 0 {
		return nil, content.ErrNotFound
	}
	return &list[0], nil
}

// CategoryTranslations lists the categories of a translation group.
func (s *Store) CategoryTranslations(ctx context.Context, group int64) ([]content.Category, error) {
	return s.categories(ctx, categorySelect+" WHERE c.translation_group = ? ORDER BY c.edition", group)
}

// EnsureTag returns the edition's tag with slug, creating it when missing.
func (s *Store) EnsureTag(ctx context.Context, edition, name, slug string) (content.Tag, error) {
	if t, ok := bulkTag(ctx, edition, slug); ok {
		return t, nil
	}
	t := content.Tag{Edition: edition, Name: name, Slug: slug}
	err := s.queryRow(ctx, "SELECT id, name FROM tags WHERE edition = ? AND slug = ?", edition, slug).Scan(&t.ID, &t.Name)
	if err == nil {
		rememberTag(ctx, t)
		return t, nil
	}
	if !isNoRows(err) {
		return t, err
	}
	t.ID, err = s.insert(ctx, "INSERT INTO tags (edition, slug, name) VALUES (?, ?, ?)", edition, slug, name)
	if err == nil {
		rememberTag(ctx, t)
	}
	return t, err
}

// TagBySlug loads one tag of an edition.
func (s *Store) TagBySlug(ctx context.Context, edition, slug string) (*content.Tag, error) {
	t := content.Tag{Edition: edition, Slug: slug}
	err := s.queryRow(ctx, "SELECT id, name FROM tags WHERE edition = ? AND slug = ?", edition, slug).Scan(&t.ID, &t.Name)
	if err != nil {
		return nil, notFound(err)
	}
	return &t, nil
}

// CreateAuthor inserts an author and their localized profiles.
func (s *Store) CreateAuthor(ctx context.Context, a *content.Author, profiles []content.AuthorProfile) error {
	return s.WithinTx(ctx, func(ctx context.Context) error {
		id, err := s.insert(ctx, "INSERT INTO authors (slug, name, bio, avatar_media_id) VALUES (?, ?, ?, ?)",
			a.Slug, a.Name, a.Bio, nullID(a.AvatarMediaID))
		if err != nil {
			return err
		}
		a.ID = id
		for _, p := range profiles {
			if _, err := s.exec(ctx, "INSERT INTO author_profiles (author_id, edition, name, bio) VALUES (?, ?, ?, ?)",
				id, p.Edition, p.Name, p.Bio); err != nil {
				return err
			}
		}
		return nil
	})
}

// AuthorBySlug loads an author with their name and bio for an edition and
// their avatar.
func (s *Store) AuthorBySlug(ctx context.Context, edition, slug string) (*content.Author, error) {
	var a content.Author
	err := s.queryRow(ctx, `SELECT au.id, au.slug, COALESCE(ap.name, au.name), COALESCE(ap.bio, au.bio), COALESCE(au.avatar_media_id, 0)
		FROM authors au LEFT JOIN author_profiles ap ON ap.author_id = au.id AND ap.edition = ?
		WHERE au.slug = ?`, edition, slug).Scan(&a.ID, &a.Slug, &a.Name, &a.Bio, &a.AvatarMediaID)
	if err != nil {
		return nil, notFound(err)
	}
	if a.AvatarMediaID != 0 {
		if m, err := s.MediaByID(ctx, a.AvatarMediaID); err == nil {
			a.Avatar = m
		}
	}
	return &a, nil
}

// Authors lists every author with their name in an edition, by name.
func (s *Store) Authors(ctx context.Context, edition string) ([]content.Author, error) {
	rows, err := s.query(ctx, `SELECT au.id, au.slug, COALESCE(ap.name, au.name), COALESCE(ap.bio, au.bio), COALESCE(au.avatar_media_id, 0)
		FROM authors au LEFT JOIN author_profiles ap ON ap.author_id = au.id AND ap.edition = ? ORDER BY 3, au.id`, edition)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []content.Author
	for rows.Next() {
		var a content.Author
		if err := rows.Scan(&a.ID, &a.Slug, &a.Name, &a.Bio, &a.AvatarMediaID); err != nil {
			return nil, err
		}
		out = append(out, a)
	}
	return out, rows.Err()
}
