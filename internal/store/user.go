package store

import (
	"context"

	"github.com/masthead-news/masthead/internal/user"
)

// CreateUser inserts an account.
func (s *Store) CreateUser(ctx context.Context, u *user.User) error {
	id, err := s.insert(ctx, "INSERT INTO users (email, name, role, password_hash, author_id, created_at) VALUES (?, ?, ?, ?, ?, ?)",
		u.Email, u.Name, string(u.Role), u.PasswordHash, nullID(u.AuthorID), unix(u.CreatedAt))
	if err != nil {
		if s.dialect.IsUniqueViolation(err) {
			return user.ErrExists
		}
		return err
	}
	u.ID = id
	return nil
}

// UserByEmail loads the account with an email address (case-insensitive).
func (s *Store) UserByEmail(ctx context.Context, email string) (*user.User, error) {
	var u user.User
	var role string
	var created int64
	err := s.queryRow(ctx, `SELECT id, email, name, role, password_hash, COALESCE(author_id, 0), created_at
		FROM users WHERE email = LOWER(?)`, email).Scan(&u.ID, &u.Email, &u.Name, &role, &u.PasswordHash, &u.AuthorID, &created)
	if err != nil {
		return nil, notFound(err)
	}
	u.Role, u.CreatedAt = user.Role(role), fromUnix(created)
	return &u, nil
}

// CountUsers counts accounts.
func (s *Store) CountUsers(ctx context.Context) (int, error) {
	var n int
	err := s.queryRow(ctx, "SELECT COUNT(*) FROM users").Scan(&n)
	return n, err
}
