package store

import (
	"context"
	"database/sql"
	"time"
)

// RateEvents counts a key's rate-limited events after since, with the
// oldest of them (antispam.Counter).
func (s *Store) RateEvents(ctx context.Context, key string, since time.Time) (int, time.Time, error) {
	var n int
	var oldest sql.NullInt64
	err := s.queryRow(ctx, `SELECT COUNT(*), MIN(at) FROM rate_events WHERE key_hash = ? AND at > ?`,
		key, since.Unix()).Scan(&n, &oldest)
	if err != nil {
		return 0, time.Time{}, err
	}
	return n, fromUnix(oldest.Int64), nil
}

// AddRateEvent records an event kept until expires, and deletes every
// event that expired by at. Quiet: events are on no page, and anybody can
// make them.
func (s *Store) AddRateEvent(ctx context.Context, key string, at, expires time.Time) error {
	if _, err := s.execQuiet(ctx, `DELETE FROM rate_events WHERE expires_at <= ?`, at.Unix()); err != nil {
		return err
	}
	_, err := s.execQuiet(ctx, `INSERT INTO rate_events (key_hash, at, expires_at) VALUES (?, ?, ?)`,
		key, at.Unix(), expires.Unix())
	return err
}

// ClearRateEvents forgets a key's events.
func (s *Store) ClearRateEvents(ctx context.Context, key string) error {
	_, err := s.execQuiet(ctx, `DELETE FROM rate_events WHERE key_hash = ?`, key)
	return err
}
