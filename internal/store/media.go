package store

import (
	"context"
	"database/sql"
	"errors"

	"github.com/masthead-news/masthead/internal/content"
	"github.com/masthead-news/masthead/internal/media"
)

const mediaColumns = `id, kind, path, filename, mime, size, width, height, title, alt, caption, credit, sha256, created_at, COALESCE(uploaded_by, 0), variants, pages`

func isNoRows(err error) bool { return errors.Is(err, sql.ErrNoRows) }

// notFound maps "no rows" to the domain's not-found error.
func notFound(err error) error {
	if isNoRows(err) {
		return content.ErrNotFound
	}
	return err
}

// CreateMedia records a stored file.
func (s *Store) CreateMedia(ctx context.Context, m *media.Media) error {
	id, err := s.insert(ctx, `INSERT INTO media (kind, path, filename, mime, size, width, height, title, alt, caption, credit, sha256, created_at, uploaded_by, pages)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		m.Kind, m.Path, m.Filename, m.MIME, m.Size, m.Width, m.Height, m.Title, m.Alt, m.Caption, m.Credit, m.SHA256, unix(m.CreatedAt), nullID(m.UploadedBy), m.Pages)
	if err != nil {
		return err
	}
	m.ID = id
	return nil
}

func scanMedia(sc interface{ Scan(...any) error }) (*media.Media, error) {
	var m media.Media
	var created int64
	if err := sc.Scan(&m.ID, &m.Kind, &m.Path, &m.Filename, &m.MIME, &m.Size, &m.Width, &m.Height,
		&m.Title, &m.Alt, &m.Caption, &m.Credit, &m.SHA256, &created, &m.UploadedBy, &m.VariantList, &m.Pages); err != nil {
		return nil, err
	}
	m.CreatedAt = fromUnix(created)
	return &m, nil
}

// MediaByID loads one media record.
func (s *Store) MediaByID(ctx context.Context, id int64) (*media.Media, error) {
	m, err := scanMedia(s.queryRow(ctx, "SELECT "+mediaColumns+" FROM media WHERE id = ?", id))
	return m, notFound(err)
}

// MediaByPath loads the media record stored under p.
func (s *Store) MediaByPath(ctx context.Context, p string) (*media.Media, error) {
	m, err := scanMedia(s.queryRow(ctx, "SELECT "+mediaColumns+" FROM media WHERE path = ?", p))
	return m, notFound(err)
}
