package store

import (
	"context"
	"time"

	"github.com/masthead-news/masthead/internal/user"
)

// CreateAppPassword stores a new application password.
func (s *Store) CreateAppPassword(ctx context.Context, p *user.AppPassword) error {
	id, err := s.insert(ctx, `INSERT INTO app_passwords (user_id, name, hash, created_at, last_used_at, last_ip)
		VALUES (?, ?, ?, ?, 0, '')`, p.UserID, p.Name, p.Hash, unix(p.CreatedAt))
	if err != nil {
		return err
	}
	p.ID = id
	return nil
}

const appPasswordSelect = `SELECT id, user_id, name, hash, created_at, last_used_at, last_ip FROM app_passwords`

func scanAppPassword(sc interface{ Scan(...any) error }) (user.AppPassword, error) {
	var p user.AppPassword
	var created, used int64
	err := sc.Scan(&p.ID, &p.UserID, &p.Name, &p.Hash, &created, &used, &p.LastIP)
	p.CreatedAt = fromUnix(created)
	if used != 0 {
		p.LastUsedAt = fromUnix(used)
	}
	return p, err
}

// AppPasswords lists an account's application passwords, newest first.
func (s *Store) AppPasswords(ctx context.Context, userID int64) ([]user.AppPassword, error) {
	rows, err := s.query(ctx, appPasswordSelect+" WHERE user_id = ? ORDER BY created_at DESC, id DESC", userID)
	if err != nil {
		return nil, err
	}
	return collect(rows, scanAppPassword)
}

// AppPasswordByHash finds an application password by its hash.
func (s *Store) AppPasswordByHash(ctx context.Context, hash string) (*user.AppPassword, error) {
	p, err := scanAppPassword(s.queryRow(ctx, appPasswordSelect+" WHERE hash = ?", hash))
	if err != nil {
		return nil, notFound(err)
	}
	return &p, nil
}

// TouchAppPassword records when and from where a password was last used.
func (s *Store) TouchAppPassword(ctx context.Context, id int64, at time.Time, ip string) error {
	_, err := s.execQuiet(ctx, "UPDATE app_passwords SET last_used_at = ?, last_ip = ? WHERE id = ?", unix(at), ip, id)
	return err
}

// DeleteAppPassword revokes one of an account's application passwords.
func (s *Store) DeleteAppPassword(ctx context.Context, userID, id int64) (bool, error) {
	res, err := s.execQuiet(ctx, "DELETE FROM app_passwords WHERE id = ? AND user_id = ?", id, userID)
	if err != nil {
		return false, err
	}
	n, err := res.RowsAffected()
	return n > 0, err
}
