package store

import (
	"context"

	"github.com/masthead-news/masthead/internal/content"
	"github.com/masthead-news/masthead/internal/i18n"
)

const pageSelect = `SELECT id, edition, slug, title, description, body_source, body_format, body_html, status,
	translation_group, published_at, updated_at FROM pages`

func (s *Store) pages(ctx context.Context, q string, args ...any) ([]*content.Page, error) {
	rows, err := s.query(ctx, q, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []*content.Page
	for rows.Next() {
		var p content.Page
		var status string
		var pub, upd int64
		if err := rows.Scan(&p.ID, &p.Edition, &p.Slug, &p.Title, &p.Description, &p.BodySource, &p.BodyFormat,
			&p.BodyHTML, &status, &p.TranslationGroup, &pub, &upd); err != nil {
			return nil, err
		}
		p.Status = content.Status(status)
		p.PublishedAt, p.UpdatedAt = fromUnix(pub), fromUnix(upd)
		out = append(out, &p)
	}
	return out, rows.Err()
}

// CreatePage inserts a page; it starts its own translation group unless it
// joins one.
func (s *Store) CreatePage(ctx context.Context, p *content.Page) error {
	return s.WithinTx(ctx, func(ctx context.Context) error {
		id, err := s.insert(ctx, `INSERT INTO pages (edition, slug, slug_key, title, description, body_source, body_format, body_html,
			status, translation_group, published_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			p.Edition, p.Slug, i18n.Fold(p.Slug), p.Title, p.Description, p.BodySource, p.BodyFormat, p.BodyHTML, string(p.Status),
			p.TranslationGroup, unix(p.PublishedAt), unix(p.UpdatedAt))
		if err != nil {
			return err
		}
		p.ID = id
		if p.TranslationGroup == 0 {
			p.TranslationGroup = id
			if _, err := s.exec(ctx, "UPDATE pages SET translation_group = ? WHERE id = ?", id, id); err != nil {
				return err
			}
		}
		return s.indexPage(ctx, p)
	})
}

// PageBySlug loads one page of an edition.
func (s *Store) PageBySlug(ctx context.Context, edition, slug string) (*content.Page, error) {
	list, err := s.pages(ctx, pageSelect+" WHERE edition = ? AND slug = ?", edition, slug)
	if err == nil && len(list) == 0 {
		list, err = s.pages(ctx, pageSelect+" WHERE edition = ? AND slug_key = ? ORDER BY id LIMIT 1", edition, i18n.Fold(slug))
	}
	if err != nil {
		return nil, err
	}
	if len(list) == 0 {
		return nil, content.ErrNotFound
	}
	return list[0], nil
}

// PageTranslations lists the pages of a translation group.
func (s *Store) PageTranslations(ctx context.Context, group int64) ([]*content.Page, error) {
	return s.pages(ctx, pageSelect+" WHERE translation_group = ? ORDER BY edition", group)
}

// PageSlugTaken reports whether another page of the edition uses slug.
func (s *Store) PageSlugTaken(ctx context.Context, edition, slug string, exceptID int64) (bool, error) {
	var n int
	err := s.queryRow(ctx, "SELECT COUNT(*) FROM pages WHERE edition = ? AND slug = ? AND id <> ?", edition, slug, exceptID).Scan(&n)
	return n > 0, err
}
