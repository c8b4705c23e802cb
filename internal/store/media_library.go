package store

import (
	"context"
	"database/sql"
	"path"
	"strings"
	"time"

	"github.com/masthead-news/masthead/internal/media"
)

// mediaWhere turns a library filter into a WHERE clause.
func mediaWhere(f media.Filter) (string, []any) {
	var conds []string
	var args []any
	if f.Kind != "" {
		conds = append(conds, "kind = ?")
		args = append(args, f.Kind)
	}
	if f.UploadedBy != 0 {
		conds = append(conds, "uploaded_by = ?")
		args = append(args, f.UploadedBy)
	}
	if t := strings.TrimSpace(f.Text); t != "" {
		conds = append(conds, `(LOWER(title) LIKE LOWER(?) ESCAPE '\' OR LOWER(alt) LIKE LOWER(?) ESCAPE '\' OR LOWER(caption) LIKE LOWER(?) ESCAPE '\' OR LOWER(credit) LIKE LOWER(?) ESCAPE '\' OR LOWER(filename) LIKE LOWER(?) ESCAPE '\')`)
		p := "%" + likeEscaper.Replace(t) + "%"
		args = append(args, p, p, p, p, p)
	}
	if len(conds) == 0 {
		return "", nil
	}
	return " WHERE " + strings.Join(conds, " AND "), args
}

// ListMedia returns a page of the library, newest first.
func (s *Store) ListMedia(ctx context.Context, f media.Filter) ([]*media.Media, error) {
	where, args := mediaWhere(f)
	limit := f.Limit
	if limit <= 0 {
		limit = 24
	}
	args = append(args, limit, f.Offset)
	rows, err := s.query(ctx, "SELECT "+mediaColumns+" FROM media"+where+" ORDER BY created_at DESC, id DESC LIMIT ? OFFSET ?", args...)
	if err != nil {
		return nil, err
	}
	return collect(rows, scanMedia)
}

// CountMedia counts the items a filter selects.
func (s *Store) CountMedia(ctx context.Context, f media.Filter) (int, error) {
	where, args := mediaWhere(f)
	var n int
	err := s.queryRow(ctx, "SELECT COUNT(*) FROM media"+where, args...).Scan(&n)
	return n, err
}

// UpdateMedia saves an item's texts.
func (s *Store) UpdateMedia(ctx context.Context, m *media.Media) error {
	res, err := s.exec(ctx, "UPDATE media SET title = ?, alt = ?, caption = ?, credit = ? WHERE id = ?", m.Title, m.Alt, m.Caption, m.Credit, m.ID)
	if err != nil {
		return err
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return notFound(sql.ErrNoRows)
	}
	return nil
}

// MediaUses lists where an item appears: as an article's featured image, in
// the text of an article or a page (by its URL or a variant's), as an
// attachment, or as an author's picture.
func (s *Store) MediaUses(ctx context.Context, m *media.Media, limit int) ([]media.Use, error) {
	if limit <= 0 {
		limit = 50
	}
	stem := strings.TrimSuffix(m.Path, path.Ext(m.Path))
	inURL := "%/uploads/" + likeEscaper.Replace(m.Path) + "%"
	inVariant := "%/uploads/" + likeEscaper.Replace(stem) + "-%w.%"
	inText := func(col string) string {
		return "(" + col + ` LIKE ? ESCAPE '\' OR ` + col + ` LIKE ? ESCAPE '\')`
	}
	queries := []struct {
		kind string
		q    string
		args []any
	}{
		{"featured", "SELECT id, title, edition FROM articles WHERE featured_media_id = ? ORDER BY id LIMIT ?", []any{m.ID, limit}},
		{"attachment", "SELECT a.id, a.title, a.edition FROM article_attachments aa JOIN articles a ON a.id = aa.article_id WHERE aa.media_id = ? ORDER BY a.id LIMIT ?", []any{m.ID, limit}},
		{"avatar", "SELECT id, name, '' FROM authors WHERE avatar_media_id = ? ORDER BY id LIMIT ?", []any{m.ID, limit}},
		{"inline", "SELECT id, title, edition FROM articles WHERE " + inText("body_source") + " OR " + inText("body_html") + " ORDER BY id LIMIT ?",
			[]any{inURL, inVariant, inURL, inVariant, limit}},
		{"page", "SELECT id, title, edition FROM pages WHERE " + inText("body_source") + " OR " + inText("body_html") + " ORDER BY id LIMIT ?",
			[]any{inURL, inVariant, inURL, inVariant, limit}},
		{"book", "SELECT id, title, edition FROM books WHERE cover_media_id = ? OR pdf_media_id = ? ORDER BY id LIMIT ?", []any{m.ID, m.ID, limit}},
		{"issue", `SELECT i.id, ps.title || ' ' || CAST(i.number AS TEXT), ps.edition FROM publication_issues i JOIN publication_series ps ON ps.id = i.series_id
			WHERE i.cover_media_id = ? OR i.pdf_media_id = ? ORDER BY i.id LIMIT ?`, []any{m.ID, m.ID, limit}},
		{"media_item", "SELECT id, title, edition FROM media_items WHERE image_media_id = ? OR video_media_id = ? OR alt_video_media_id = ? ORDER BY id LIMIT ?",
			[]any{m.ID, m.ID, m.ID, limit}},
		{"album_photo", "SELECT i.id, i.title, i.edition FROM album_photos p JOIN media_items i ON i.id = p.item_id WHERE p.media_id = ? ORDER BY i.id LIMIT ?",
			[]any{m.ID, limit}},
	}
	var out []media.Use
	for _, q := range queries {
		if len(out) >= limit {
			break
		}
		rows, err := s.query(ctx, q.q, q.args...)
		if err != nil {
			return nil, err
		}
		for rows.Next() {
			u := media.Use{Kind: q.kind}
			if err := rows.Scan(&u.ID, &u.Title, &u.Edition); err != nil {
				rows.Close()
				return nil, err
			}
			out = append(out, u)
		}
		err = rows.Err()
		rows.Close()
		if err != nil {
			return nil, err
		}
	}
	return out, nil
}

// DeleteMedia removes an item with its variants and its job.
func (s *Store) DeleteMedia(ctx context.Context, id int64) error {
	return s.WithinTx(ctx, func(ctx context.Context) error {
		for _, q := range []string{"DELETE FROM media_variants WHERE media_id = ?", "DELETE FROM media_jobs WHERE media_id = ?", "DELETE FROM media_downloads WHERE media_id = ?"} {
			if _, err := s.exec(ctx, q, id); err != nil {
				return err
			}
		}
		res, err := s.exec(ctx, "DELETE FROM media WHERE id = ?", id)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return notFound(sql.ErrNoRows)
		}
		return nil
	})
}

// QueueVariants adds the job that makes an item's variants, or arms it
// again if it exists.
func (s *Store) QueueVariants(ctx context.Context, mediaID int64, at time.Time) error {
	_, err := s.execQuiet(ctx, `INSERT INTO media_jobs (media_id, state, attempts, claimed_by, not_before, last_error, created_at, updated_at)
		VALUES (?, 'pending', 0, '', 0, '', ?, ?)
		ON CONFLICT (media_id) DO UPDATE SET state = 'pending', attempts = 0, claimed_by = '', not_before = 0, last_error = '', updated_at = excluded.updated_at`,
		mediaID, unix(at), unix(at))
	return err
}

// ClaimVariantJob takes the oldest due job in one UPDATE whose subquery
// picks the candidate. On PostgreSQL the subquery locks it and skips jobs
// other workers hold locked (SkipLocked), so two nodes claiming at once take
// different jobs; on SQLite the single writer runs claims one at a time. The
// outer condition repeats jobDue, so a job is never claimed unless still due.
func (s *Store) ClaimVariantJob(ctx context.Context, worker string, now, leaseUntil time.Time, maxAttempts int) (int64, int, error) {
	var id int64
	var attempt int
	err := s.queryRowWriter(ctx, "UPDATE media_jobs SET state = 'running', claimed_by = ?, not_before = ?, attempts = attempts + 1, updated_at = ?"+
		" WHERE media_id = (SELECT media_id FROM media_jobs WHERE "+jobDue+" ORDER BY created_at, media_id LIMIT 1"+s.dialect.SkipLocked()+")"+
		" AND "+jobDue+" RETURNING media_id, attempts",
		worker, unix(leaseUntil), unix(now), unix(now), maxAttempts, unix(now), maxAttempts).Scan(&id, &attempt)
	if isNoRows(err) {
		return 0, 0, nil
	}
	return id, attempt, err
}

// jobDue selects a job that may be claimed now (arguments: now, maxAttempts).
const jobDue = "state IN ('pending', 'running') AND not_before <= ? AND attempts < ?"

// claimVariantJob is the conditional UPDATE: it claims job id only if it is
// still due, and gives the try's number, or 0 when the job was not due.
func (s *Store) claimVariantJob(ctx context.Context, id int64, worker string, now, leaseUntil time.Time, maxAttempts int) (int, error) {
	res, err := s.execQuiet(ctx, "UPDATE media_jobs SET state = 'running', claimed_by = ?, not_before = ?, attempts = attempts + 1, updated_at = ? WHERE media_id = ? AND "+jobDue,
		worker, unix(leaseUntil), unix(now), id, unix(now), maxAttempts)
	if err != nil {
		return 0, err
	}
	if n, _ := res.RowsAffected(); n != 1 {
		return 0, nil
	}
	var attempt int
	err = s.queryRowWriter(ctx, "SELECT attempts FROM media_jobs WHERE media_id = ?", id).Scan(&attempt)
	return attempt, err
}

// queryRowWriter reads through the writer connection, to see a write this
// process has just made even outside a transaction.
func (s *Store) queryRowWriter(ctx context.Context, q string, args ...any) *sql.Row {
	s.queries.count()
	return s.writer(ctx).QueryRowContext(ctx, s.dialect.Rebind(q), args...)
}

// FinishVariantJob records the variants, their summary on the media row and
// the job's end in one transaction, if worker still holds the job.
func (s *Store) FinishVariantJob(ctx context.Context, mediaID int64, worker string, vs []media.Variant, at time.Time) error {
	return s.WithinTx(ctx, func(ctx context.Context) error {
		res, err := s.exec(ctx, "UPDATE media_jobs SET state = 'done', not_before = 0, last_error = '', updated_at = ? WHERE media_id = ? AND state = 'running' AND claimed_by = ?",
			unix(at), mediaID, worker)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return media.ErrLeaseLost
		}
		if _, err := s.exec(ctx, "DELETE FROM media_variants WHERE media_id = ?", mediaID); err != nil {
			return err
		}
		for _, v := range vs {
			if _, err := s.exec(ctx, "INSERT INTO media_variants (media_id, width, height, format, path, size) VALUES (?, ?, ?, ?, ?, ?)",
				mediaID, v.Width, v.Height, v.Format, v.Path, v.Size); err != nil {
				return err
			}
		}
		_, err = s.exec(ctx, "UPDATE media SET variants = ? WHERE id = ?", media.EncodeVariantList(vs), mediaID)
		return err
	})
}

// RetryVariantJob records a failed try.
func (s *Store) RetryVariantJob(ctx context.Context, mediaID int64, worker, msg string, notBefore time.Time, failed bool) error {
	state := "pending"
	if failed {
		state = "failed"
	}
	if len(msg) > 1000 {
		msg = msg[:1000]
	}
	_, err := s.execQuiet(ctx, "UPDATE media_jobs SET state = ?, claimed_by = '', not_before = ?, last_error = ?, updated_at = ? WHERE media_id = ? AND claimed_by = ?",
		state, unix(notBefore), msg, unix(time.Now()), mediaID, worker)
	return err
}

// ReleaseVariantJob hands an unfinished job back, due at once; the try it
// took is not counted.
func (s *Store) ReleaseVariantJob(ctx context.Context, mediaID int64, worker string) error {
	_, err := s.execQuiet(ctx, "UPDATE media_jobs SET state = 'pending', claimed_by = '', not_before = 0, attempts = CASE WHEN attempts > 0 THEN attempts - 1 ELSE 0 END WHERE media_id = ? AND state = 'running' AND claimed_by = ?",
		mediaID, worker)
	return err
}

const variantColumns = "media_id, width, height, format, path, size"

func scanVariant(sc interface{ Scan(...any) error }) (*media.Variant, error) {
	var v media.Variant
	err := sc.Scan(&v.MediaID, &v.Width, &v.Height, &v.Format, &v.Path, &v.Size)
	return &v, err
}

// MediaVariants lists an item's variants by format, then width.
func (s *Store) MediaVariants(ctx context.Context, mediaID int64) ([]media.Variant, error) {
	rows, err := s.query(ctx, "SELECT "+variantColumns+" FROM media_variants WHERE media_id = ? ORDER BY format, width", mediaID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []media.Variant
	for rows.Next() {
		v, err := scanVariant(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, *v)
	}
	return out, rows.Err()
}

// MediaVariantByPath finds the variant stored under p.
func (s *Store) MediaVariantByPath(ctx context.Context, p string) (*media.Variant, error) {
	v, err := scanVariant(s.queryRow(ctx, "SELECT "+variantColumns+" FROM media_variants WHERE path = ?", p))
	if err != nil {
		return nil, notFound(err)
	}
	return v, nil
}

// VariantJobState is the state of an item's variant job ("" for none).
func (s *Store) VariantJobState(ctx context.Context, mediaID int64) (string, error) {
	var state string
	err := s.queryRow(ctx, "SELECT state FROM media_jobs WHERE media_id = ?", mediaID).Scan(&state)
	if isNoRows(err) {
		return "", nil
	}
	return state, err
}
