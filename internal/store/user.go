package store

import (
	"context"
	"time"

	"github.com/masthead-news/masthead/internal/user"
)

// CreateUser inserts an account.
func (s *Store) CreateUser(ctx context.Context, u *user.User) error {
	if u.Locale == "" {
		u.Locale = "en"
	}
	id, err := s.insert(ctx, "INSERT INTO users (email, name, role, password_hash, author_id, locale, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
		u.Email, u.Name, string(u.Role), u.PasswordHash, nullID(u.AuthorID), u.Locale, unix(u.CreatedAt), unix(u.CreatedAt))
	if err != nil {
		if s.dialect.IsUniqueViolation(err) {
			return user.ErrExists
		}
		return err
	}
	u.ID = id
	return nil
}

const userSelect = `SELECT id, email, name, role, password_hash, COALESCE(author_id, 0), locale, created_at FROM users`

func scanUser(sc interface{ Scan(...any) error }) (*user.User, error) {
	var u user.User
	var role string
	var created int64
	if err := sc.Scan(&u.ID, &u.Email, &u.Name, &role, &u.PasswordHash, &u.AuthorID, &u.Locale, &created); err != nil {
		return nil, err
	}
	u.Role, u.CreatedAt = user.Role(role), fromUnix(created)
	return &u, nil
}

// UserByEmail loads the account with an email address (case-insensitive).
func (s *Store) UserByEmail(ctx context.Context, email string) (*user.User, error) {
	u, err := scanUser(s.queryRow(ctx, userSelect+" WHERE email = LOWER(?)", email))
	return u, notFound(err)
}

// UserByID loads an account.
func (s *Store) UserByID(ctx context.Context, id int64) (*user.User, error) {
	u, err := scanUser(s.queryRow(ctx, userSelect+" WHERE id = ?", id))
	return u, notFound(err)
}

// Users lists every account by name.
func (s *Store) Users(ctx context.Context) ([]user.User, error) {
	rows, err := s.query(ctx, userSelect+" ORDER BY name, id")
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []user.User
	for rows.Next() {
		u, err := scanUser(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, *u)
	}
	return out, rows.Err()
}

// SetPassword stores a new password hash.
func (s *Store) SetPassword(ctx context.Context, userID int64, hash string) error {
	_, err := s.execQuiet(ctx, "UPDATE users SET password_hash = ?, updated_at = ? WHERE id = ?", hash, time.Now().Unix(), userID)
	return err
}

// SetLocale stores an account's admin language.
func (s *Store) SetLocale(ctx context.Context, userID int64, locale string) error {
	_, err := s.execQuiet(ctx, "UPDATE users SET locale = ?, updated_at = ? WHERE id = ?", locale, time.Now().Unix(), userID)
	return err
}

// CountUsers counts accounts.
func (s *Store) CountUsers(ctx context.Context) (int, error) {
	var n int
	err := s.queryRow(ctx, "SELECT COUNT(*) FROM users").Scan(&n)
	return n, err
}
