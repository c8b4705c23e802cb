package store

import (
	"context"
	"time"

	"github.com/masthead-news/masthead/internal/user"
)

// CreateSession stores a new session.
func (s *Store) CreateSession(ctx context.Context, se *user.Session) error {
	_, err := s.execQuiet(ctx, `INSERT INTO sessions (id_hash, user_id, created_at, last_seen_at, expires_at) VALUES (?, ?, ?, ?, ?)`,
		se.IDHash, se.UserID, unix(se.CreatedAt), unix(se.LastSeenAt), unix(se.ExpiresAt))
	return err
}

// SessionByHash loads a session.
func (s *Store) SessionByHash(ctx context.Context, hash string) (*user.Session, error) {
	var se user.Session
	var c, l, e int64
	err := s.queryRow(ctx, `SELECT id_hash, user_id, created_at, last_seen_at, expires_at FROM sessions WHERE id_hash = ?`, hash).
		Scan(&se.IDHash, &se.UserID, &c, &l, &e)
	if err != nil {
		return nil, notFound(err)
	}
	se.CreatedAt, se.LastSeenAt, se.ExpiresAt = fromUnix(c), fromUnix(l), fromUnix(e)
	return &se, nil
}

// TouchSession records activity and extends the idle expiry.
func (s *Store) TouchSession(ctx context.Context, hash string, seen, expires time.Time) error {
	_, err := s.execQuiet(ctx, "UPDATE sessions SET last_seen_at = ?, expires_at = ? WHERE id_hash = ?", unix(seen), unix(expires), hash)
	return err
}

// DeleteSession ends a session.
func (s *Store) DeleteSession(ctx context.Context, hash string) error {
	_, err := s.execQuiet(ctx, "DELETE FROM sessions WHERE id_hash = ?", hash)
	return err
}

// DeleteUserSessions ends every session of an account.
func (s *Store) DeleteUserSessions(ctx context.Context, userID int64) error {
	_, err := s.execQuiet(ctx, "DELETE FROM sessions WHERE user_id = ?", userID)
	return err
}

// DeleteExpiredSessions removes sessions past their expiry.
func (s *Store) DeleteExpiredSessions(ctx context.Context, now time.Time) error {
	_, err := s.execQuiet(ctx, "DELETE FROM sessions WHERE expires_at < ?", unix(now))
	return err
}
