package store

import (
	"context"
	"database/sql"
	"time"
)

// RecentAttempts counts a key's sign-in attempts after since, with the
// oldest of them (user.AttemptStore).
func (s *Store) RecentAttempts(ctx context.Context, keyHash string, since time.Time) (int, time.Time, error) {
	var n int
	var oldest sql.NullInt64
	err := s.queryRow(ctx, `SELECT COUNT(*), MIN(at) FROM auth_attempts WHERE key_hash = ? AND at > ?`,
		keyHash, since.Unix()).Scan(&n, &oldest)
	if err != nil {
		return 0, time.Time{}, err
	}
	return n, fromUnix(oldest.Int64), nil
}

// AddAttempt records an attempt and deletes every one at or before forget.
// Quiet: attempts are on no page, and anybody can make them.
func (s *Store) AddAttempt(ctx context.Context, keyHash string, at, forget time.Time) error {
	if _, err := s.execQuiet(ctx, `DELETE FROM auth_attempts WHERE at <= ?`, forget.Unix()); err != nil {
		return err
	}
	_, err := s.execQuiet(ctx, `INSERT INTO auth_attempts (key_hash, at) VALUES (?, ?)`, keyHash, at.Unix())
	return err
}

// ClearAttempts forgets a key's attempts.
func (s *Store) ClearAttempts(ctx context.Context, keyHash string) error {
	_, err := s.execQuiet(ctx, `DELETE FROM auth_attempts WHERE key_hash = ?`, keyHash)
	return err
}
