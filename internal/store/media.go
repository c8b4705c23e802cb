package store

import (
	"context"
	"database/sql"
	"errors"
	"time"

	"github.com/masthead-news/masthead/internal/content"
	"github.com/masthead-news/masthead/internal/media"
)

const mediaColumns = `id, kind, path, filename, mime, size, width, height, title, alt, caption, credit, sha256, created_at, COALESCE(uploaded_by, 0), variants, pages, duration_ms`

// mediaColumnsM are mediaColumns of a table aliased "m", for joins.
const mediaColumnsM = `m.id, m.kind, m.path, m.filename, m.mime, m.size, m.width, m.height, m.title, m.alt, m.caption, m.credit, m.sha256, m.created_at, COALESCE(m.uploaded_by, 0), m.variants, m.pages, m.duration_ms`

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
	id, err := s.insert(ctx, `INSERT INTO media (kind, path, filename, mime, size, width, height, title, alt, caption, credit, sha256, created_at, uploaded_by, pages, duration_ms)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		m.Kind, m.Path, m.Filename, m.MIME, m.Size, m.Width, m.Height, m.Title, m.Alt, m.Caption, m.Credit, m.SHA256, unix(m.CreatedAt), nullID(m.UploadedBy), m.Pages, m.Duration.Milliseconds())
	if err != nil {
		return err
	}
	m.ID = id
	return nil
}

func scanMedia(sc interface{ Scan(...any) error }) (*media.Media, error) {
	var m media.Media
	var created, durationMS int64
	if err := sc.Scan(&m.ID, &m.Kind, &m.Path, &m.Filename, &m.MIME, &m.Size, &m.Width, &m.Height,
		&m.Title, &m.Alt, &m.Caption, &m.Credit, &m.SHA256, &created, &m.UploadedBy, &m.VariantList, &m.Pages, &durationMS); err != nil {
		return nil, err
	}
	m.CreatedAt = fromUnix(created)
	m.Duration = time.Duration(durationMS) * time.Millisecond
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
