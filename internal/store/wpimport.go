package store

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/masthead-news/masthead/internal/content"
	"github.com/masthead-news/masthead/internal/wpimport"
)

// The WordPress import's own rows: the mapping from WordPress ids to ours
// and the old URLs that redirect (migration 0014).

var _ wpimport.Store = (*Store)(nil)

// ImportMapping reads what a WordPress item became; content.ErrNotFound
// when it was never imported.
func (s *Store) ImportMapping(ctx context.Context, site, kind, key string) (*wpimport.Mapping, error) {
	if b := bulkOf(ctx); b != nil {
		if m, ok := b.mappings[mappingKey{site, kind, key}]; ok {
			return &m, nil
		}
	}
	m := &wpimport.Mapping{Site: site, Kind: kind, Key: key}
	err := s.queryRow(ctx, "SELECT target_id, hash, meta FROM wp_import_map WHERE site = ? AND kind = ? AND wp_key = ?",
		site, kind, key).Scan(&m.TargetID, &m.Hash, &m.Meta)
	return m, notFound(err)
}

// SaveImportMapping records (or changes) what a WordPress item became. No
// page shows the mapping itself, so it leaves the cache generation alone.
func (s *Store) SaveImportMapping(ctx context.Context, m *wpimport.Mapping) error {
	if b := bulkOf(ctx); b != nil {
		b.mappings[mappingKey{m.Site, m.Kind, m.Key}] = *m
		if len(b.mappings) >= bulkRowBatch {
			return s.flushMappings(ctx)
		}
		return nil
	}
	_, err := s.execQuiet(ctx, `INSERT INTO wp_import_map (site, kind, wp_key, target_id, hash, meta) VALUES (?, ?, ?, ?, ?, ?)
		ON CONFLICT (site, kind, wp_key) DO UPDATE SET target_id = excluded.target_id, hash = excluded.hash, meta = excluded.meta`,
		m.Site, m.Kind, m.Key, m.TargetID, m.Hash, m.Meta)
	return err
}

// ImportKeys lists the WordPress ids an earlier import recorded for a
// site's items of one kind (those this import recorded are held back in
// its bulk transaction, and are in its export anyway).
func (s *Store) ImportKeys(ctx context.Context, site, kind string) ([]string, error) {
	rows, err := s.query(ctx, "SELECT wp_key FROM wp_import_map WHERE site = ? AND kind = ? ORDER BY wp_key", site, kind)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var keys []string
	for rows.Next() {
		var k string
		if err := rows.Scan(&k); err != nil {
			return nil, err
		}
		keys = append(keys, k)
	}
	return keys, rows.Err()
}

// mappingKey is a mapping's primary key.
type mappingKey struct{ site, kind, key string }

// flushMappings writes the mappings a bulk transaction holds back, in
// statements of many rows.
func (s *Store) flushMappings(ctx context.Context) error {
	b := bulkOf(ctx)
	if b == nil || len(b.mappings) == 0 {
		return nil
	}
	rows := make([]wpimport.Mapping, 0, len(b.mappings))
	for _, m := range b.mappings {
		rows = append(rows, m)
	}
	clear(b.mappings)
	return inChunks(rows, func(part []wpimport.Mapping) error {
		args := make([]any, 0, 6*len(part))
		for _, m := range part {
			args = append(args, m.Site, m.Kind, m.Key, m.TargetID, m.Hash, m.Meta)
		}
		_, err := s.execQuiet(ctx, `INSERT INTO wp_import_map (site, kind, wp_key, target_id, hash, meta) VALUES `+valueRows(len(part), 6)+`
			ON CONFLICT (site, kind, wp_key) DO UPDATE SET target_id = excluded.target_id, hash = excluded.hash, meta = excluded.meta`, args...)
		return err
	})
}

// flushRedirects writes the redirects a bulk transaction holds back.
func (s *Store) flushRedirects(ctx context.Context) error {
	b := bulkOf(ctx)
	if b == nil || len(b.redirects) == 0 {
		return nil
	}
	rows := make([]pendingRedirect, 0, len(b.redirects))
	for _, r := range b.redirects {
		rows = append(rows, r)
	}
	clear(b.redirects)
	return inChunks(rows, func(part []pendingRedirect) error {
		args := make([]any, 0, 4*len(part))
		for _, r := range part {
			args = append(args, r.Path, r.Kind, r.TargetID, r.created)
		}
		_, err := s.exec(ctx, `INSERT INTO redirects (path, target_kind, target_id, created_at) VALUES `+valueRows(len(part), 4)+`
			ON CONFLICT (path) DO UPDATE SET target_kind = excluded.target_kind, target_id = excluded.target_id`, args...)
		return err
	})
}

// pendingRedirect is a redirect held back, with the time it was saved.
type pendingRedirect struct {
	wpimport.Redirect
	created int64
}

// inChunks calls fn on parts of rows small enough for one statement.
func inChunks[T any](rows []T, fn func([]T) error) error {
	for len(rows) > 0 {
		n := min(len(rows), bulkRowBatch)
		if err := fn(rows[:n]); err != nil {
			return err
		}
		rows = rows[n:]
	}
	return nil
}

// valueRows is "(?, ?), (?, ?)" for n rows of k values.
func valueRows(n, k int) string {
	row := "(" + placeholders(k) + ")"
	return strings.TrimSuffix(strings.Repeat(row+", ", n), ", ")
}

// Redirect finds the target of an old path; content.ErrNotFound when the
// path is not one. The primary key makes this one indexed look-up.
func (s *Store) Redirect(ctx context.Context, path string) (*wpimport.Redirect, error) {
	if b := bulkOf(ctx); b != nil {
		if r, ok := b.redirects[path]; ok {
			return &r.Redirect, nil
		}
	}
	r := &wpimport.Redirect{Path: path}
	err := s.queryRow(ctx, "SELECT target_kind, target_id FROM redirects WHERE path = ?", path).Scan(&r.Kind, &r.TargetID)
	return r, notFound(err)
}

// SaveRedirect points an old path at a target (a 404 becomes a 301, so it
// is a write readers see).
func (s *Store) SaveRedirect(ctx context.Context, r *wpimport.Redirect) error {
	if b := bulkOf(ctx); b != nil {
		b.redirects[r.Path] = pendingRedirect{Redirect: *r, created: time.Now().Unix()}
		if len(b.redirects) >= bulkRowBatch {
			return s.flushRedirects(ctx)
		}
		return nil
	}
	_, err := s.exec(ctx, `INSERT INTO redirects (path, target_kind, target_id, created_at) VALUES (?, ?, ?, ?)
		ON CONFLICT (path) DO UPDATE SET target_kind = excluded.target_kind, target_id = excluded.target_id`,
		r.Path, r.Kind, r.TargetID, time.Now().Unix())
	return err
}

// UpdateComment changes an imported comment and keeps the article's
// approved count exact.
func (s *Store) UpdateComment(ctx context.Context, c *content.Comment) error {
	return s.WithinTx(ctx, func(ctx context.Context) error {
		res, err := s.exec(ctx, `UPDATE comments SET parent_id = ?, author_name = ?, author_email = ?, author_url = ?, body = ?,
			status = ?, created_at = ?, updated_at = ? WHERE id = ? AND article_id = ?`,
			nullID(c.ParentID), c.AuthorName, c.AuthorEmail, c.AuthorURL, c.Body, c.Status, unix(c.CreatedAt), unix(c.UpdatedAt),
			c.ID, c.ArticleID)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return content.ErrNotFound
		}
		return s.recountComments(ctx, c.ArticleID)
	})
}

// TargetExists reports whether the article or page an import mapping points
// at is still there (a second import checks each unchanged item so).
func (s *Store) TargetExists(ctx context.Context, kind string, id int64) (bool, error) {
	table := map[string]string{"article": "articles", "page": "pages"}[kind]
	if table == "" {
		return false, fmt.Errorf("store: no import targets of kind %q", kind)
	}
	var n int
	err := s.queryRow(ctx, "SELECT COUNT(*) FROM "+table+" WHERE id = ?", id).Scan(&n)
	return n > 0, err
}

// SetTranslationGroup puts articles or pages into one translation group,
// the group of ids[0] (imports link the versions an export names).
func (s *Store) SetTranslationGroup(ctx context.Context, kind string, ids []int64) error {
	table := map[string]string{"article": "articles", "page": "pages"}[kind]
	if table == "" {
		return fmt.Errorf("store: no translation groups for %q", kind)
	}
	if len(ids) < 2 {
		return nil
	}
	return s.WithinTx(ctx, func(ctx context.Context) error {
		args := []any{ids[0]}
		for _, id := range ids {
			args = append(args, id)
		}
		_, err := s.exec(ctx, "UPDATE "+table+" SET translation_group = ? WHERE id IN ("+placeholders(len(ids))+")", args...)
		return err
	})
}
