package store

import (
	"context"
	"time"

	"github.com/masthead-news/masthead/internal/antispam"
)

var _ antispam.Store = (*Store)(nil)

// Remember records key until expires and reports whether it was new. A key
// whose time is up counts as new again. One statement decides, so two
// requests racing with the same form token cannot both win. No page shows
// these rows, so the page cache is left alone.
func (s *Store) Remember(ctx context.Context, key string, expires time.Time) (bool, error) {
	res, err := s.execQuiet(ctx, `INSERT INTO antispam_seen (seen_key, expires_at) VALUES (?, ?)
		ON CONFLICT (seen_key) DO UPDATE SET expires_at = excluded.expires_at WHERE antispam_seen.expires_at <= ?`,
		key, expires.Unix(), time.Now().Unix())
	if err != nil {
		return false, err
	}
	n, err := res.RowsAffected()
	return n == 1, err
}

// ForgetExpired deletes remembered keys whose time is up.
func (s *Store) ForgetExpired(ctx context.Context, now time.Time) (int64, error) {
	res, err := s.execQuiet(ctx, "DELETE FROM antispam_seen WHERE expires_at <= ?", now.Unix())
	if err != nil {
		return 0, err
	}
	return res.RowsAffected()
}

// EnsureSetting stores value under name unless the name is already set, and
// returns the stored value: the first of several nodes to start wins.
func (s *Store) EnsureSetting(ctx context.Context, name, value string) (string, error) {
	if _, err := s.execQuiet(ctx, "INSERT INTO settings (name, value) VALUES (?, ?) ON CONFLICT (name) DO NOTHING", name, value); err != nil {
		return "", err
	}
	v, _, err := s.Setting(ctx, name)
	return v, err
}
