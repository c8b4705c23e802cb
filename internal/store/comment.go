package store

import (
	"context"
	"strings"
	"time"

	"github.com/masthead-news/masthead/internal/comment"
	"github.com/masthead-news/masthead/internal/content"
)

var _ comment.Store = (*Store)(nil)

const commentColumns = `c.id, c.article_id, COALESCE(c.parent_id, 0), c.author_name, c.author_email, c.author_url, c.body,
	c.status, c.ip_hash, COALESCE(c.user_id, 0), c.spam_reason, c.created_at, c.updated_at`

func scanComment(r interface{ Scan(...any) error }, extra ...any) (content.Comment, error) {
	var c content.Comment
	var created, updated int64
	err := r.Scan(append([]any{&c.ID, &c.ArticleID, &c.ParentID, &c.AuthorName, &c.AuthorEmail, &c.AuthorURL, &c.Body,
		&c.Status, &c.IPHash, &c.UserID, &c.SpamReason, &created, &updated}, extra...)...)
	c.CreatedAt, c.UpdatedAt = fromUnix(created), fromUnix(updated)
	return c, err
}

// AddComment stores a comment. An approved one changes the article's page
// and count, so it commits through the page-cache generation; a held or
// spam comment shows nowhere, so posting one cannot empty the page cache.
func (s *Store) AddComment(ctx context.Context, c *content.Comment) error {
	const q = `INSERT INTO comments (article_id, parent_id, author_name, author_email, author_url, body, status, ip_hash,
		user_id, spam_reason, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
	args := []any{c.ArticleID, nullID(c.ParentID), c.AuthorName, c.AuthorEmail, c.AuthorURL, c.Body, c.Status, c.IPHash,
		nullID(c.UserID), c.SpamReason, unix(c.CreatedAt), unix(c.UpdatedAt)}
	if c.Status != content.CommentApproved {
		id, err := s.insertQuiet(ctx, q, args...)
		c.ID = id
		return err
	}
	return s.WithinTx(ctx, func(ctx context.Context) error {
		id, err := s.insert(ctx, q, args...)
		if err != nil {
			return err
		}
		c.ID = id
		return s.recountComments(ctx, c.ArticleID)
	})
}

// insertQuiet is insert for rows no page shows: the cache generation stays.
func (s *Store) insertQuiet(ctx context.Context, q string, args ...any) (int64, error) {
	s.queries.count()
	var id int64
	err := s.writer(ctx).QueryRowContext(ctx, s.dialect.Rebind(q+" RETURNING id"), args...).Scan(&id)
	return id, err
}

func (s *Store) recountComments(ctx context.Context, articleID int64) error {
	_, err := s.exec(ctx, `UPDATE articles SET comment_count =
		(SELECT COUNT(*) FROM comments WHERE article_id = ? AND status = 'approved') WHERE id = ?`, articleID, articleID)
	return err
}

// Comments lists an article's comments with a status, oldest first.
func (s *Store) Comments(ctx context.Context, articleID int64, status string) ([]content.Comment, error) {
	rows, err := s.query(ctx, `SELECT `+commentColumns+` FROM comments c WHERE c.article_id = ? AND c.status = ? ORDER BY c.created_at, c.id`, articleID, status)
	if err != nil {
		return nil, err
	}
	return collect(rows, func(r interface{ Scan(...any) error }) (content.Comment, error) { return scanComment(r) })
}

// CommentByID loads one comment with its article's title and edition.
func (s *Store) CommentByID(ctx context.Context, id int64) (*content.Comment, error) {
	var title, ed string
	c, err := scanComment(s.queryRow(ctx, `SELECT `+commentColumns+`, a.title, a.edition FROM comments c
		JOIN articles a ON a.id = c.article_id WHERE c.id = ?`, id), &title, &ed)
	if err != nil {
		if isNoRows(err) {
			return nil, content.ErrNotFound
		}
		return nil, err
	}
	c.ArticleTitle, c.ArticleEdition = title, ed
	return &c, nil
}

// EditComment saves a moderator's edit of the name, website and text.
func (s *Store) EditComment(ctx context.Context, c *content.Comment) error {
	res, err := s.exec(ctx, "UPDATE comments SET author_name = ?, author_url = ?, body = ?, updated_at = ? WHERE id = ?",
		c.AuthorName, c.AuthorURL, c.Body, unix(c.UpdatedAt), c.ID)
	if err != nil {
		return err
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return content.ErrNotFound
	}
	return nil
}

// articlesOf gives the distinct articles of some comments.
func (s *Store) articlesOf(ctx context.Context, ids []int64) ([]int64, error) {
	if len(ids) == 0 {
		return nil, nil
	}
	rows, err := s.query(ctx, "SELECT DISTINCT article_id FROM comments WHERE id IN ("+placeholders(len(ids))+")", int64Args(ids)...)
	if err != nil {
		return nil, err
	}
	return collect(rows, func(r interface{ Scan(...any) error }) (int64, error) {
		var id int64
		return id, r.Scan(&id)
	})
}

// SetCommentsStatus moves comments to a status and recounts their articles,
// in one transaction; it returns how many comments changed.
func (s *Store) SetCommentsStatus(ctx context.Context, ids []int64, status string, at time.Time) (int, error) {
	n := 0
	err := s.WithinTx(ctx, func(ctx context.Context) error {
		arts, err := s.articlesOf(ctx, ids)
		if err != nil || len(arts) == 0 {
			return err
		}
		res, err := s.exec(ctx, "UPDATE comments SET status = ?, updated_at = ? WHERE status <> ? AND id IN ("+placeholders(len(ids))+")",
			append([]any{status, at.Unix(), status}, int64Args(ids)...)...)
		if err != nil {
			return err
		}
		m, _ := res.RowsAffected()
		n = int(m)
		for _, a := range arts {
			if err := s.recountComments(ctx, a); err != nil {
				return err
			}
		}
		return nil
	})
	return n, err
}

// deleteComments removes comments for good. Their replies move up to the
// deleted comment's parent rather than disappearing with it.
func (s *Store) deleteComments(ctx context.Context, where string, args ...any) (int, error) {
	n := 0
	err := s.WithinTx(ctx, func(ctx context.Context) error {
		rows, err := s.query(ctx, "SELECT id FROM comments WHERE "+where, args...)
		if err != nil {
			return err
		}
		ids, err := collect(rows, func(r interface{ Scan(...any) error }) (int64, error) {
			var id int64
			return id, r.Scan(&id)
		})
		if err != nil || len(ids) == 0 {
			return err
		}
		arts, err := s.articlesOf(ctx, ids)
		if err != nil {
			return err
		}
		in := "(" + placeholders(len(ids)) + ")"
		// Twice as deep as any thread allows: a deleted parent's parent may be deleted too.
		for range 2 * 10 {
			res, err := s.exec(ctx, `UPDATE comments SET parent_id = (SELECT p.parent_id FROM comments p WHERE p.id = comments.parent_id)
				WHERE parent_id IN `+in+` AND id NOT IN `+in, append(int64Args(ids), int64Args(ids)...)...)
			if err != nil {
				return err
			}
			if m, _ := res.RowsAffected(); m == 0 {
				break
			}
		}
		if _, err := s.exec(ctx, "UPDATE comments SET parent_id = NULL WHERE id IN "+in, int64Args(ids)...); err != nil {
			return err
		}
		res, err := s.exec(ctx, "DELETE FROM comments WHERE id IN "+in, int64Args(ids)...)
		if err != nil {
			return err
		}
		m, _ := res.RowsAffected()
		n = int(m)
		for _, a := range arts {
			if err := s.recountComments(ctx, a); err != nil {
				return err
			}
		}
		return nil
	})
	return n, err
}

// DeleteComments removes the given comments for good.
func (s *Store) DeleteComments(ctx context.Context, ids []int64) (int, error) {
	if len(ids) == 0 {
		return 0, nil
	}
	return s.deleteComments(ctx, "id IN ("+placeholders(len(ids))+")", int64Args(ids)...)
}

// DeleteCommentsWithStatus empties a status (spam, trash) for good.
func (s *Store) DeleteCommentsWithStatus(ctx context.Context, status string) (int, error) {
	return s.deleteComments(ctx, "status = ?", status)
}

func commentWhere(f comment.Filter) (string, []any) {
	var where []string
	var args []any
	if f.Status != "" {
		where, args = append(where, "c.status = ?"), append(args, f.Status)
	}
	if f.ArticleID != 0 {
		where, args = append(where, "c.article_id = ?"), append(args, f.ArticleID)
	}
	if f.Email != "" {
		where, args = append(where, "LOWER(c.author_email) = ?"), append(args, strings.ToLower(f.Email))
	}
	if len(where) == 0 {
		return "", nil
	}
	return " WHERE " + strings.Join(where, " AND "), args
}

// ModerationQueue lists comments for the admin, newest first, with their
// article's title and edition.
func (s *Store) ModerationQueue(ctx context.Context, f comment.Filter) ([]content.Comment, error) {
	where, args := commentWhere(f)
	limit := f.Limit
	if limit <= 0 {
		limit = 1000
	}
	rows, err := s.query(ctx, `SELECT `+commentColumns+`, a.title, a.edition FROM comments c JOIN articles a ON a.id = c.article_id`+
		where+` ORDER BY c.created_at DESC, c.id DESC LIMIT ? OFFSET ?`, append(args, limit, f.Offset)...)
	if err != nil {
		return nil, err
	}
	return collect(rows, func(r interface{ Scan(...any) error }) (content.Comment, error) {
		var title, ed string
		c, err := scanComment(r, &title, &ed)
		c.ArticleTitle, c.ArticleEdition = title, ed
		return c, err
	})
}

// CountComments counts the comments a filter selects.
func (s *Store) CountComments(ctx context.Context, f comment.Filter) (int, error) {
	where, args := commentWhere(f)
	var n int
	err := s.queryRow(ctx, "SELECT COUNT(*) FROM comments c"+where, args...).Scan(&n)
	return n, err
}

// CommentStatusCounts counts comments per status.
func (s *Store) CommentStatusCounts(ctx context.Context) (map[string]int, error) {
	rows, err := s.query(ctx, "SELECT status, COUNT(*) FROM comments GROUP BY status")
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[string]int{}
	for rows.Next() {
		var st string
		var n int
		if err := rows.Scan(&st, &n); err != nil {
			return nil, err
		}
		out[st] = n
	}
	return out, rows.Err()
}

// DeleteCommentsByEmail removes everything a commenter wrote (a privacy request).
func (s *Store) DeleteCommentsByEmail(ctx context.Context, email string) (int, error) {
	return s.deleteComments(ctx, "LOWER(author_email) = ? AND user_id IS NULL", strings.ToLower(strings.TrimSpace(email)))
}

// ClearCommentIPs empties the address hashes of comments older than before.
func (s *Store) ClearCommentIPs(ctx context.Context, before time.Time) (int64, error) {
	res, err := s.execQuiet(ctx, "UPDATE comments SET ip_hash = '' WHERE ip_hash <> '' AND created_at < ?", before.Unix())
	if err != nil {
		return 0, err
	}
	return res.RowsAffected()
}
