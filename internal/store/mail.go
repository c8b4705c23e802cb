package store

import (
	"context"
	"encoding/json"
	"fmt"
	"time"

	"github.com/masthead-news/masthead/internal/mail"
)

var _ mail.Store = (*Store)(nil)

// The outbox's rows are never shown on a public page, so its writes are
// quiet (they leave the page-cache generation alone).

// EnqueueMail stores m as JSON, due at once.
func (s *Store) EnqueueMail(ctx context.Context, m *mail.Message, at time.Time) (int64, error) {
	body, err := json.Marshal(m)
	if err != nil {
		return 0, err
	}
	var id int64
	q := s.dialect.Rebind(`INSERT INTO mail_outbox (message, state, attempts, claimed_by, not_before, last_error, created_at, updated_at)
		VALUES (?, 'queued', 0, '', 0, '', ?, ?) RETURNING id`)
	s.queries.count()
	err = s.writer(ctx).QueryRowContext(ctx, q, string(body), unix(at), unix(at)).Scan(&id)
	return id, err
}

// ClaimMail picks due rows (waiting, or claimed under a lease that ran
// out) and marks them sending in one transaction; on PostgreSQL the
// SELECT skips rows another node has locked.
func (s *Store) ClaimMail(ctx context.Context, worker string, now, leaseUntil time.Time, maxAttempts, limit int) ([]mail.Queued, error) {
	// A cheap look first, so an idle poll writes nothing.
	var n int
	if err := s.queryRow(ctx, "SELECT COUNT(*) FROM mail_outbox WHERE state IN ('queued', 'sending') AND not_before <= ?",
		unix(now)).Scan(&n); err != nil || n == 0 {
		return nil, err
	}
	var out []mail.Queued
	err := s.withinTxQuiet(ctx, func(ctx context.Context) error {
		out = out[:0]
		// A worker died during the last allowed try: give the row up.
		if _, err := s.execQuiet(ctx, "UPDATE mail_outbox SET state = 'failed', claimed_by = '', not_before = 0, last_error = ?, updated_at = ? WHERE state = 'sending' AND not_before <= ? AND attempts >= ?",
			"the worker stopped during the last try", unix(now), unix(now), maxAttempts); err != nil {
			return err
		}
		rows, err := s.query(ctx, `SELECT id, message, attempts FROM mail_outbox
			WHERE state IN ('queued', 'sending') AND not_before <= ? AND attempts < ?
			ORDER BY not_before, id LIMIT ?`+s.dialect.SkipLocked(), unix(now), maxAttempts, limit)
		if err != nil {
			return err
		}
		for rows.Next() {
			var q mail.Queued
			var body string
			if err := rows.Scan(&q.ID, &body, &q.Attempts); err != nil {
				rows.Close()
				return err
			}
			if err := json.Unmarshal([]byte(body), &q.Message); err != nil {
				rows.Close()
				return fmt.Errorf("mail outbox row %d: %w", q.ID, err)
			}
			q.Attempts++
			out = append(out, q)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return err
		}
		for _, q := range out {
			if _, err := s.execQuiet(ctx, "UPDATE mail_outbox SET state = 'sending', claimed_by = ?, not_before = ?, attempts = ?, updated_at = ? WHERE id = ?",
				worker, unix(leaseUntil), q.Attempts, unix(now), q.ID); err != nil {
				return err
			}
		}
		return nil
	})
	return out, err
}

// finishMail moves a row this worker holds to its next state.
func (s *Store) finishMail(ctx context.Context, id int64, worker, set string, args ...any) error {
	res, err := s.execQuiet(ctx, "UPDATE mail_outbox SET "+set+" WHERE id = ? AND state = 'sending' AND claimed_by = ?", append(args, id, worker)...)
	if err != nil {
		return err
	}
	if n, _ := res.RowsAffected(); n != 1 {
		return fmt.Errorf("mail outbox row %d: the claim was lost (its lease ran out)", id)
	}
	return nil
}

func (s *Store) MailSent(ctx context.Context, id int64, worker string, at time.Time) error {
	return s.finishMail(ctx, id, worker, "state = 'sent', message = '', claimed_by = '', not_before = 0, last_error = '', updated_at = ?", unix(at))
}

func (s *Store) MailRetry(ctx context.Context, id int64, worker string, notBefore time.Time, reason string, at time.Time) error {
	return s.finishMail(ctx, id, worker, "state = 'queued', claimed_by = '', not_before = ?, last_error = ?, updated_at = ?", unix(notBefore), clip(reason, 500), unix(at))
}

func (s *Store) MailFailed(ctx context.Context, id int64, worker string, reason string, at time.Time) error {
	return s.finishMail(ctx, id, worker, "state = 'failed', claimed_by = '', not_before = 0, last_error = ?, updated_at = ?", clip(reason, 500), unix(at))
}

// MailStats counts rows by state.
func (s *Store) MailStats(ctx context.Context) (mail.Stats, error) {
	var st mail.Stats
	rows, err := s.query(ctx, "SELECT state, COUNT(*), MIN(created_at) FROM mail_outbox GROUP BY state")
	if err != nil {
		return st, err
	}
	defer rows.Close()
	for rows.Next() {
		var state string
		var n int
		var oldest int64
		if err := rows.Scan(&state, &n, &oldest); err != nil {
			return st, err
		}
		switch state {
		case "queued":
			st.Queued = n
		case "sending":
			st.Sending = n
		case "sent":
			st.Sent = n
		case "failed":
			st.Failed = n
		}
		if (state == "queued" || state == "sending") && (st.Oldest.IsZero() || fromUnix(oldest).Before(st.Oldest)) {
			st.Oldest = fromUnix(oldest)
		}
	}
	return st, rows.Err()
}

// clip shortens s to at most n bytes at a rune boundary.
func clip(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && s[n]&0xC0 == 0x80 {
		n--
	}
	return s[:n]
}
