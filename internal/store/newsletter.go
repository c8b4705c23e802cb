package store

import (
	"context"
	"strconv"
	"strings"
	"time"

	"github.com/masthead-news/masthead/internal/newsletter"
)

var _ newsletter.Store = (*Store)(nil)

// Newsletter rows are never shown on a public page: every write here is
// quiet (it leaves the page-cache generation alone).

const subscriberCols = "id, edition, email, status, source, consent_at, ip_hash, confirm_sent_at, created_at, updated_at"

func scanSubscriber(r interface{ Scan(...any) error }) (newsletter.Subscriber, error) {
	var s newsletter.Subscriber
	var consent, sent, created, updated int64
	err := r.Scan(&s.ID, &s.Edition, &s.Email, &s.Status, &s.Source, &consent, &s.IPHash, &sent, &created, &updated)
	s.ConsentAt, s.ConfirmSentAt, s.CreatedAt, s.UpdatedAt = fromUnix(consent), fromUnix(sent), fromUnix(created), fromUnix(updated)
	return s, err
}

func (s *Store) oneSubscriber(ctx context.Context, q string, args ...any) (*newsletter.Subscriber, error) {
	sub, err := scanSubscriber(s.queryRow(ctx, q, args...))
	if isNoRows(err) {
		return nil, newsletter.ErrNotFound
	}
	if err != nil {
		return nil, err
	}
	return &sub, nil
}

func (s *Store) SubscriberByEmail(ctx context.Context, edition, email string) (*newsletter.Subscriber, error) {
	return s.oneSubscriber(ctx, "SELECT "+subscriberCols+" FROM newsletter_subscribers WHERE edition = ? AND email = ?", edition, email)
}

func (s *Store) SaveSubscriber(ctx context.Context, sub *newsletter.Subscriber) error {
	if sub.ID == 0 {
		var id int64
		q := s.dialect.Rebind(`INSERT INTO newsletter_subscribers (edition, email, status, source, consent_at, ip_hash, confirm_sent_at, created_at, updated_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`)
		s.queries.count()
		err := s.writer(ctx).QueryRowContext(ctx, q, sub.Edition, sub.Email, sub.Status, sub.Source, unix(sub.ConsentAt), sub.IPHash,
			unix(sub.ConfirmSentAt), unix(sub.CreatedAt), unix(sub.UpdatedAt)).Scan(&id)
		if err == nil {
			sub.ID = id
		}
		return err
	}
	_, err := s.execQuiet(ctx, `UPDATE newsletter_subscribers SET status = ?, source = ?, consent_at = ?, ip_hash = ?, confirm_sent_at = ?, updated_at = ?
		WHERE id = ?`, sub.Status, sub.Source, unix(sub.ConsentAt), sub.IPHash, unix(sub.ConfirmSentAt), unix(sub.UpdatedAt), sub.ID)
	return err
}

func subscriberWhere(f newsletter.Filter) (string, []any) {
	var conds []string
	var args []any
	if f.Edition != "" {
		conds, args = append(conds, "edition = ?"), append(args, f.Edition)
	}
	if f.Status != "" {
		conds, args = append(conds, "status = ?"), append(args, f.Status)
	}
	if f.Email != "" {
		conds, args = append(conds, "email = ?"), append(args, f.Email)
	}
	if len(conds) == 0 {
		return "", nil
	}
	return " WHERE " + strings.Join(conds, " AND "), args
}

func (s *Store) Subscribers(ctx context.Context, f newsletter.Filter) ([]newsletter.Subscriber, error) {
	where, args := subscriberWhere(f)
	limit := f.Limit
	if limit <= 0 || limit > 1000 {
		limit = 100
	}
	rows, err := s.query(ctx, "SELECT "+subscriberCols+" FROM newsletter_subscribers"+where+" ORDER BY id DESC LIMIT ? OFFSET ?",
		append(args, limit, max(f.Offset, 0))...)
	if err != nil {
		return nil, err
	}
	return collect(rows, scanSubscriber)
}

func (s *Store) CountSubscribers(ctx context.Context, f newsletter.Filter) (int, error) {
	where, args := subscriberWhere(f)
	var n int
	err := s.queryRow(ctx, "SELECT COUNT(*) FROM newsletter_subscribers"+where, args...).Scan(&n)
	return n, err
}

func (s *Store) SubscriberCounts(ctx context.Context, edition string) (map[string]int, error) {
	where, args := subscriberWhere(newsletter.Filter{Edition: edition})
	rows, err := s.query(ctx, "SELECT status, COUNT(*) FROM newsletter_subscribers"+where+" GROUP BY status", args...)
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

// DeleteSubscribers deletes an address from every edition, with its tokens
// and send records (deleted explicitly, not left to ON DELETE CASCADE, so
// the result does not depend on foreign keys being enforced).
func (s *Store) DeleteSubscribers(ctx context.Context, email string) (int, error) {
	var n int64
	err := s.withinTxQuiet(ctx, func(ctx context.Context) error {
		for _, q := range []string{
			"DELETE FROM newsletter_tokens WHERE subscriber_id IN (SELECT id FROM newsletter_subscribers WHERE email = ?)",
			"DELETE FROM newsletter_sends WHERE subscriber_id IN (SELECT id FROM newsletter_subscribers WHERE email = ?)",
		} {
			if _, err := s.execQuiet(ctx, q, email); err != nil {
				return err
			}
		}
		res, err := s.execQuiet(ctx, "DELETE FROM newsletter_subscribers WHERE email = ?", email)
		if err == nil {
			n, _ = res.RowsAffected()
		}
		return err
	})
	return int(n), err
}

func (s *Store) ClearSubscriberIPs(ctx context.Context, before time.Time) (int64, error) {
	res, err := s.execQuiet(ctx, "UPDATE newsletter_subscribers SET ip_hash = '' WHERE ip_hash <> '' AND created_at < ?", unix(before))
	if err != nil {
		return 0, err
	}
	return res.RowsAffected()
}

func (s *Store) AddNewsletterToken(ctx context.Context, hash string, subscriberID int64, purpose string, expires, at time.Time) error {
	_, err := s.execQuiet(ctx, "INSERT INTO newsletter_tokens (token_hash, subscriber_id, purpose, expires_at, created_at) VALUES (?, ?, ?, ?, ?)",
		hash, subscriberID, purpose, unix(expires), unix(at))
	return err
}

func (s *Store) SubscriberByToken(ctx context.Context, hash, purpose string, now time.Time) (*newsletter.Subscriber, error) {
	return s.oneSubscriber(ctx, "SELECT "+prefixCols("s.", subscriberCols)+` FROM newsletter_tokens t
		JOIN newsletter_subscribers s ON s.id = t.subscriber_id
		WHERE t.token_hash = ? AND t.purpose = ? AND (t.expires_at = 0 OR t.expires_at > ?)`, hash, purpose, unix(now))
}

func prefixCols(p, cols string) string {
	parts := strings.Split(cols, ", ")
	for i := range parts {
		parts[i] = p + parts[i]
	}
	return strings.Join(parts, ", ")
}

func (s *Store) DeleteNewsletterToken(ctx context.Context, hash string) error {
	_, err := s.execQuiet(ctx, "DELETE FROM newsletter_tokens WHERE token_hash = ?", hash)
	return err
}

const campaignCols = "id, edition, subject, intro, article_ids, status, html, text, COALESCE(created_by, 0), created_at, updated_at, started_at"

func scanCampaign(r interface{ Scan(...any) error }) (newsletter.Campaign, error) {
	var c newsletter.Campaign
	var ids string
	var created, updated, started int64
	err := r.Scan(&c.ID, &c.Edition, &c.Subject, &c.Intro, &ids, &c.Status, &c.HTML, &c.Text, &c.CreatedBy, &created, &updated, &started)
	c.CreatedAt, c.UpdatedAt, c.StartedAt = fromUnix(created), fromUnix(updated), fromUnix(started)
	for _, f := range strings.Split(ids, ",") {
		if id, err := strconv.ParseInt(f, 10, 64); err == nil {
			c.ArticleIDs = append(c.ArticleIDs, id)
		}
	}
	return c, err
}

func joinIDs(ids []int64) string {
	parts := make([]string, len(ids))
	for i, id := range ids {
		parts[i] = strconv.FormatInt(id, 10)
	}
	return strings.Join(parts, ",")
}

func (s *Store) CreateCampaign(ctx context.Context, c *newsletter.Campaign) error {
	q := s.dialect.Rebind(`INSERT INTO newsletter_campaigns (edition, subject, intro, article_ids, status, html, text, created_by, created_at, updated_at, started_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`)
	s.queries.count()
	return s.writer(ctx).QueryRowContext(ctx, q, c.Edition, c.Subject, c.Intro, joinIDs(c.ArticleIDs), c.Status, c.HTML, c.Text,
		nullID(c.CreatedBy), unix(c.CreatedAt), unix(c.UpdatedAt), unix(c.StartedAt)).Scan(&c.ID)
}

func (s *Store) UpdateCampaign(ctx context.Context, c *newsletter.Campaign) error {
	_, err := s.execQuiet(ctx, "UPDATE newsletter_campaigns SET subject = ?, intro = ?, article_ids = ?, updated_at = ? WHERE id = ? AND status = 'draft'",
		c.Subject, c.Intro, joinIDs(c.ArticleIDs), unix(c.UpdatedAt), c.ID)
	return err
}

func (s *Store) CampaignByID(ctx context.Context, id int64) (*newsletter.Campaign, error) {
	c, err := scanCampaign(s.queryRow(ctx, "SELECT "+campaignCols+" FROM newsletter_campaigns WHERE id = ?", id))
	if isNoRows(err) {
		return nil, newsletter.ErrNotFound
	}
	if err != nil {
		return nil, err
	}
	return &c, nil
}

func (s *Store) Campaigns(ctx context.Context, edition string, limit int) ([]newsletter.Campaign, error) {
	q, args := "SELECT "+campaignCols+" FROM newsletter_campaigns", []any{}
	if edition != "" {
		q, args = q+" WHERE edition = ?", append(args, edition)
	}
	rows, err := s.query(ctx, q+" ORDER BY id DESC LIMIT ?", append(args, limit)...)
	if err != nil {
		return nil, err
	}
	return collect(rows, scanCampaign)
}

func (s *Store) StartCampaign(ctx context.Context, c *newsletter.Campaign, at time.Time) (int, error) {
	var n int64
	err := s.withinTxQuiet(ctx, func(ctx context.Context) error {
		res, err := s.execQuiet(ctx, "UPDATE newsletter_campaigns SET status = 'sending', html = ?, text = ?, started_at = ?, updated_at = ? WHERE id = ? AND status = 'draft'",
			c.HTML, c.Text, unix(at), unix(at), c.ID)
		if err != nil {
			return err
		}
		if k, _ := res.RowsAffected(); k != 1 {
			return newsletter.ErrNotFound
		}
		res, err = s.execQuiet(ctx, `INSERT INTO newsletter_sends (campaign_id, subscriber_id, email, state, attempts, claimed_by, not_before, last_error, updated_at)
			SELECT ?, id, email, 'queued', 0, '', 0, '', ? FROM newsletter_subscribers WHERE edition = ? AND status = 'confirmed'
			ON CONFLICT (campaign_id, subscriber_id) DO NOTHING`, c.ID, unix(at), c.Edition)
		if err != nil {
			return err
		}
		n, _ = res.RowsAffected()
		return nil
	})
	if err == nil {
		c.Status, c.StartedAt = newsletter.Sending, at
	}
	return int(n), err
}

func (s *Store) CampaignProgress(ctx context.Context, id int64) (newsletter.Progress, error) {
	var p newsletter.Progress
	rows, err := s.query(ctx, "SELECT state, COUNT(*) FROM newsletter_sends WHERE campaign_id = ? GROUP BY state", id)
	if err != nil {
		return p, err
	}
	defer rows.Close()
	for rows.Next() {
		var st string
		var n int
		if err := rows.Scan(&st, &n); err != nil {
			return p, err
		}
		switch st {
		case newsletter.SendQueued:
			p.Queued = n
		case newsletter.SendSending:
			p.Sending = n
		case newsletter.SendSent:
			p.Sent = n
		case newsletter.SendFailed:
			p.Failed = n
		}
	}
	return p, rows.Err()
}

const sendCols = "id, campaign_id, subscriber_id, email, state, attempts, last_error, updated_at"

func scanSend(r interface{ Scan(...any) error }) (newsletter.Send, error) {
	var sd newsletter.Send
	var updated int64
	err := r.Scan(&sd.ID, &sd.CampaignID, &sd.SubscriberID, &sd.Email, &sd.State, &sd.Attempts, &sd.LastError, &updated)
	sd.UpdatedAt = fromUnix(updated)
	return sd, err
}

func (s *Store) CampaignSends(ctx context.Context, id int64, state string, limit int) ([]newsletter.Send, error) {
	q, args := "SELECT "+sendCols+" FROM newsletter_sends WHERE campaign_id = ?", []any{id}
	if state != "" {
		q, args = q+" AND state = ?", append(args, state)
	}
	rows, err := s.query(ctx, q+" ORDER BY id LIMIT ?", append(args, limit)...)
	if err != nil {
		return nil, err
	}
	return collect(rows, scanSend)
}

// ClaimSends works like ClaimMail: a cheap look, then one transaction that
// fails the sends of subscribers who left, picks due rows (SKIP LOCKED on
// PostgreSQL) and marks them sending under this worker's lease.
func (s *Store) ClaimSends(ctx context.Context, worker string, now, leaseUntil time.Time, maxAttempts, limit int) ([]newsletter.Send, error) {
	const due = "state IN ('queued', 'sending') AND not_before <= ?"
	var n int
	if err := s.queryRow(ctx, "SELECT COUNT(*) FROM newsletter_sends WHERE "+due, unix(now)).Scan(&n); err != nil || n == 0 {
		return nil, err
	}
	var out []newsletter.Send
	err := s.withinTxQuiet(ctx, func(ctx context.Context) error {
		out = out[:0]
		if _, err := s.execQuiet(ctx, `UPDATE newsletter_sends SET state = 'failed', claimed_by = '', not_before = 0, last_error = 'unsubscribed before sending', updated_at = ?
			WHERE `+due+` AND subscriber_id IN (SELECT id FROM newsletter_subscribers WHERE status <> 'confirmed')`, unix(now), unix(now)); err != nil {
			return err
		}
		if _, err := s.execQuiet(ctx, `UPDATE newsletter_sends SET state = 'failed', claimed_by = '', not_before = 0, last_error = 'the worker stopped during the last try', updated_at = ?
			WHERE state = 'sending' AND not_before <= ? AND attempts >= ?`, unix(now), unix(now), maxAttempts); err != nil {
			return err
		}
		rows, err := s.query(ctx, "SELECT "+sendCols+" FROM newsletter_sends WHERE "+due+" AND attempts < ? ORDER BY not_before, id LIMIT ?"+s.dialect.SkipLocked(),
			unix(now), maxAttempts, limit)
		if err != nil {
			return err
		}
		list, err := collect(rows, scanSend)
		if err != nil {
			return err
		}
		for _, sd := range list {
			sd.Attempts++
			sd.State = newsletter.SendSending
			if _, err := s.execQuiet(ctx, "UPDATE newsletter_sends SET state = 'sending', claimed_by = ?, not_before = ?, attempts = ?, updated_at = ? WHERE id = ?",
				worker, unix(leaseUntil), sd.Attempts, unix(now), sd.ID); err != nil {
				return err
			}
			out = append(out, sd)
		}
		return nil
	})
	return out, err
}

func (s *Store) finishSend(ctx context.Context, id int64, worker, set string, args ...any) error {
	res, err := s.execQuiet(ctx, "UPDATE newsletter_sends SET "+set+" WHERE id = ? AND state = 'sending' AND claimed_by = ?", append(args, id, worker)...)
	if err != nil {
		return err
	}
	if n, _ := res.RowsAffected(); n != 1 {
		return newsletter.ErrNotFound
	}
	return nil
}

func (s *Store) SendSent(ctx context.Context, id int64, worker string, at time.Time) error {
	return s.finishSend(ctx, id, worker, "state = 'sent', claimed_by = '', not_before = 0, last_error = '', updated_at = ?", unix(at))
}

func (s *Store) SendRetry(ctx context.Context, id int64, worker string, notBefore time.Time, reason string, at time.Time) error {
	return s.finishSend(ctx, id, worker, "state = 'queued', claimed_by = '', not_before = ?, last_error = ?, updated_at = ?", unix(notBefore), clip(reason, 500), unix(at))
}

func (s *Store) SendFailed(ctx context.Context, id int64, worker string, reason string, at time.Time) error {
	return s.finishSend(ctx, id, worker, "state = 'failed', claimed_by = '', not_before = 0, last_error = ?, updated_at = ?", clip(reason, 500), unix(at))
}

func (s *Store) FinishCampaigns(ctx context.Context, at time.Time) error {
	_, err := s.execQuiet(ctx, `UPDATE newsletter_campaigns SET status = 'done', updated_at = ? WHERE status = 'sending'
		AND NOT EXISTS (SELECT 1 FROM newsletter_sends WHERE campaign_id = newsletter_campaigns.id AND state IN ('queued', 'sending'))`, unix(at))
	return err
}
