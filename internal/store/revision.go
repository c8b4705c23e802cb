package store

import (
	"context"
	"time"

	"github.com/masthead-news/masthead/internal/content"
)

// CreateRevision records a state of an article's text.
func (s *Store) CreateRevision(ctx context.Context, r *content.Revision) error {
	id, err := s.insert(ctx, `INSERT INTO article_revisions (article_id, user_id, title, excerpt, body_source, body_format, status, autosave, created_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`, r.ArticleID, nullID(r.UserID), r.Title, r.Excerpt, r.BodySource, r.BodyFormat,
		string(r.Status), boolInt(r.Autosave), unix(r.CreatedAt))
	r.ID = id
	return err
}

const revisionSelect = `SELECT id, article_id, COALESCE(user_id, 0), title, excerpt, body_source, body_format, status, autosave, created_at FROM article_revisions`

func scanRevision(sc interface{ Scan(...any) error }) (*content.Revision, error) {
	var r content.Revision
	var status string
	var auto int
	var created int64
	if err := sc.Scan(&r.ID, &r.ArticleID, &r.UserID, &r.Title, &r.Excerpt, &r.BodySource, &r.BodyFormat, &status, &auto, &created); err != nil {
		return nil, err
	}
	r.Status, r.Autosave, r.CreatedAt = content.Status(status), auto == 1, fromUnix(created)
	return &r, nil
}

// Revisions lists an article's revisions, newest first.
func (s *Store) Revisions(ctx context.Context, articleID int64) ([]content.Revision, error) {
	rows, err := s.query(ctx, revisionSelect+" WHERE article_id = ? ORDER BY id DESC", articleID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []content.Revision
	for rows.Next() {
		r, err := scanRevision(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, *r)
	}
	return out, rows.Err()
}

// RevisionByID loads one revision.
func (s *Store) RevisionByID(ctx context.Context, id int64) (*content.Revision, error) {
	r, err := scanRevision(s.queryRow(ctx, revisionSelect+" WHERE id = ?", id))
	return r, notFound(err)
}

// PublishDue turns due scheduled articles into published ones in one
// statement, so concurrent schedulers never publish an article twice: on
// PostgreSQL a second node's UPDATE waits for the first one's row locks and
// then finds the rows no longer 'scheduled'.
func (s *Store) PublishDue(ctx context.Context, now time.Time) (int, error) {
	// Quiet unless something is due: the scheduler runs every second and
	// must not empty the page cache each time (a commit changes the
	// generation), so a read looks first.
	var due int
	if err := s.queryRow(ctx, "SELECT COUNT(*) FROM articles WHERE status = 'scheduled' AND published_at <= ?", unix(now)).Scan(&due); err != nil || due == 0 {
		return 0, err
	}
	var ids []int64
	err := s.WithinTx(ctx, func(ctx context.Context) error {
		ids = ids[:0]
		rows, err := s.query(ctx, `UPDATE articles SET status = 'published', updated_at = ?
			WHERE status = 'scheduled' AND published_at <= ? RETURNING id`, unix(now), unix(now))
		if err != nil {
			return err
		}
		for rows.Next() {
			var id int64
			if err := rows.Scan(&id); err != nil {
				rows.Close()
				return err
			}
			ids = append(ids, id)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return err
		}
		if len(ids) > 0 {
			s.wrote(ctx, nil) // the UPDATE ran as a query: mark the change for other nodes
		}
		// The search index follows in the same transaction.
		return s.indexArticleIDs(ctx, ids)
	})
	if err != nil {
		return 0, err
	}
	return len(ids), nil
}
