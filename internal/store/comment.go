package store

import (
	"context"

	"github.com/masthead-news/masthead/internal/content"
)

// AddComment stores a comment and keeps the article's approved count exact.
func (s *Store) AddComment(ctx context.Context, c *content.Comment) error {
	return s.WithinTx(ctx, func(ctx context.Context) error {
		id, err := s.insert(ctx, "INSERT INTO comments (article_id, parent_id, author_name, body, status, created_at) VALUES (?, ?, ?, ?, ?, ?)",
			c.ArticleID, nullID(c.ParentID), c.AuthorName, c.Body, c.Status, unix(c.CreatedAt))
		if err != nil {
			return err
		}
		c.ID = id
		return s.recountComments(ctx, c.ArticleID)
	})
}

func (s *Store) recountComments(ctx context.Context, articleID int64) error {
	_, err := s.exec(ctx, `UPDATE articles SET comment_count =
		(SELECT COUNT(*) FROM comments WHERE article_id = ? AND status = 'approved') WHERE id = ?`, articleID, articleID)
	return err
}

// Comments lists an article's comments with a status, oldest first.
func (s *Store) Comments(ctx context.Context, articleID int64, status string) ([]content.Comment, error) {
	rows, err := s.query(ctx, `SELECT id, article_id, COALESCE(parent_id, 0), author_name, body, status, created_at
		FROM comments WHERE article_id = ? AND status = ? ORDER BY created_at, id`, articleID, status)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []content.Comment
	for rows.Next() {
		var c content.Comment
		var created int64
		if err := rows.Scan(&c.ID, &c.ArticleID, &c.ParentID, &c.AuthorName, &c.Body, &c.Status, &created); err != nil {
			return nil, err
		}
		c.CreatedAt = fromUnix(created)
		out = append(out, c)
	}
	return out, rows.Err()
}
