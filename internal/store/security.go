package store

import (
	"context"
	"time"

	"github.com/masthead-news/masthead/internal/user"
)

// Password resets, two-factor secrets, recovery codes and pending sign-ins
// (migration 0006). None of it shows on public pages, so single writes use
// execQuiet and leave the cache generation alone.

// CreatePasswordReset stores a reset link, ends the account's earlier links
// and sweeps expired ones (no transaction: a transaction's commit would move
// the cache generation, and anyone may ask for a reset).
func (s *Store) CreatePasswordReset(ctx context.Context, r *user.PasswordReset) error {
	if _, err := s.execQuiet(ctx, "DELETE FROM password_resets WHERE user_id = ? OR expires_at < ?", r.UserID, unix(r.CreatedAt)); err != nil {
		return err
	}
	_, err := s.execQuiet(ctx, "INSERT INTO password_resets (token_hash, user_id, created_at, expires_at, used_at) VALUES (?, ?, ?, ?, 0)",
		r.TokenHash, r.UserID, unix(r.CreatedAt), unix(r.ExpiresAt))
	return err
}

// PasswordResetByHash loads a reset link.
func (s *Store) PasswordResetByHash(ctx context.Context, hash string) (*user.PasswordReset, error) {
	var r user.PasswordReset
	var c, e, u int64
	err := s.queryRow(ctx, "SELECT token_hash, user_id, created_at, expires_at, used_at FROM password_resets WHERE token_hash = ?", hash).
		Scan(&r.TokenHash, &r.UserID, &c, &e, &u)
	if err != nil {
		return nil, notFound(err)
	}
	r.CreatedAt, r.ExpiresAt, r.UsedAt = fromUnix(c), fromUnix(e), fromUnix(u)
	return &r, nil
}

// ResetPassword uses a live link once: the new password, no sessions, no
// pending sign-ins and no other links for the account, in one transaction.
func (s *Store) ResetPassword(ctx context.Context, tokenHash, passwordHash string, now time.Time) (int64, error) {
	var userID int64
	err := s.WithinTx(ctx, func(ctx context.Context) error {
		err := s.queryRow(ctx, `UPDATE password_resets SET used_at = ?
			WHERE token_hash = ? AND used_at = 0 AND expires_at > ? RETURNING user_id`, unix(now), tokenHash, unix(now)).Scan(&userID)
		if isNoRows(err) {
			return user.ErrResetInvalid
		}
		if err != nil {
			return err
		}
		if _, err := s.execQuiet(ctx, "UPDATE users SET password_hash = ?, updated_at = ? WHERE id = ?", passwordHash, unix(now), userID); err != nil {
			return err
		}
		for _, q := range []string{
			"DELETE FROM sessions WHERE user_id = ?",
			"DELETE FROM login_challenges WHERE user_id = ?",
			"DELETE FROM password_resets WHERE user_id = ? AND used_at = 0",
		} {
			if _, err := s.execQuiet(ctx, q, userID); err != nil {
				return err
			}
		}
		return nil
	})
	return userID, err
}

// TwoFactorByUser loads an account's TOTP secret.
func (s *Store) TwoFactorByUser(ctx context.Context, userID int64) (*user.TwoFactor, error) {
	var t user.TwoFactor
	var en, c int64
	err := s.queryRow(ctx, "SELECT user_id, secret, enabled_at, last_step, created_at FROM two_factor WHERE user_id = ?", userID).
		Scan(&t.UserID, &t.Secret, &en, &t.LastStep, &c)
	if err != nil {
		return nil, notFound(err)
	}
	t.EnabledAt, t.CreatedAt = fromUnix(en), fromUnix(c)
	return &t, nil
}

// SaveTwoFactor stores a pending secret, replacing the account's secret.
func (s *Store) SaveTwoFactor(ctx context.Context, t *user.TwoFactor) error {
	_, err := s.execQuiet(ctx, `INSERT INTO two_factor (user_id, secret, enabled_at, last_step, created_at) VALUES (?, ?, ?, ?, ?)
		ON CONFLICT (user_id) DO UPDATE SET secret = excluded.secret, enabled_at = excluded.enabled_at,
		last_step = excluded.last_step, created_at = excluded.created_at`,
		t.UserID, t.Secret, unix(t.EnabledAt), t.LastStep, unix(t.CreatedAt))
	return err
}

// EnableTwoFactor switches a pending secret on and replaces the recovery codes.
func (s *Store) EnableTwoFactor(ctx context.Context, userID int64, at time.Time, step int64, codeHashes []string) error {
	return s.WithinTx(ctx, func(ctx context.Context) error {
		res, err := s.execQuiet(ctx, "UPDATE two_factor SET enabled_at = ?, last_step = ? WHERE user_id = ? AND enabled_at = 0", unix(at), step, userID)
		if err != nil {
			return err
		}
		if n, err := res.RowsAffected(); err != nil || n != 1 {
			if err == nil {
				err = user.ErrTwoFactorOn
			}
			return err
		}
		return s.ReplaceRecoveryCodes(ctx, userID, codeHashes)
	})
}

// AdvanceTwoFactorStep records a used time step if it is newer than the last.
func (s *Store) AdvanceTwoFactorStep(ctx context.Context, userID, step int64) (bool, error) {
	res, err := s.execQuiet(ctx, "UPDATE two_factor SET last_step = ? WHERE user_id = ? AND enabled_at > 0 AND last_step < ?", step, userID, step)
	if err != nil {
		return false, err
	}
	n, err := res.RowsAffected()
	return n == 1, err
}

// DeleteTwoFactor removes an account's secret and recovery codes.
func (s *Store) DeleteTwoFactor(ctx context.Context, userID int64) error {
	return s.WithinTx(ctx, func(ctx context.Context) error {
		if _, err := s.execQuiet(ctx, "DELETE FROM recovery_codes WHERE user_id = ?", userID); err != nil {
			return err
		}
		_, err := s.execQuiet(ctx, "DELETE FROM two_factor WHERE user_id = ?", userID)
		return err
	})
}

// ReplaceRecoveryCodes stores a new set of recovery code hashes.
func (s *Store) ReplaceRecoveryCodes(ctx context.Context, userID int64, codeHashes []string) error {
	return s.WithinTx(ctx, func(ctx context.Context) error {
		if _, err := s.execQuiet(ctx, "DELETE FROM recovery_codes WHERE user_id = ?", userID); err != nil {
			return err
		}
		for _, h := range codeHashes {
			if _, err := s.execQuiet(ctx, "INSERT INTO recovery_codes (user_id, code_hash, used_at) VALUES (?, ?, 0)", userID, h); err != nil {
				return err
			}
		}
		return nil
	})
}

// UseRecoveryCode marks an unused code used.
func (s *Store) UseRecoveryCode(ctx context.Context, userID int64, codeHash string, now time.Time) (bool, error) {
	res, err := s.execQuiet(ctx, "UPDATE recovery_codes SET used_at = ? WHERE user_id = ? AND code_hash = ? AND used_at = 0", unix(now), userID, codeHash)
	if err != nil {
		return false, err
	}
	n, err := res.RowsAffected()
	return n == 1, err
}

// CountRecoveryCodes counts an account's unused recovery codes.
func (s *Store) CountRecoveryCodes(ctx context.Context, userID int64) (int, error) {
	var n int
	err := s.queryRow(ctx, "SELECT COUNT(*) FROM recovery_codes WHERE user_id = ? AND used_at = 0", userID).Scan(&n)
	return n, err
}

// CreateLoginChallenge stores a pending sign-in and sweeps expired ones.
func (s *Store) CreateLoginChallenge(ctx context.Context, c *user.LoginChallenge) error {
	if _, err := s.execQuiet(ctx, "DELETE FROM login_challenges WHERE expires_at < ?", unix(c.CreatedAt)); err != nil {
		return err
	}
	_, err := s.execQuiet(ctx, "INSERT INTO login_challenges (token_hash, user_id, created_at, expires_at) VALUES (?, ?, ?, ?)",
		c.TokenHash, c.UserID, unix(c.CreatedAt), unix(c.ExpiresAt))
	return err
}

// LoginChallengeByHash loads a pending sign-in.
func (s *Store) LoginChallengeByHash(ctx context.Context, hash string) (*user.LoginChallenge, error) {
	var c user.LoginChallenge
	var cr, e int64
	err := s.queryRow(ctx, "SELECT token_hash, user_id, created_at, expires_at FROM login_challenges WHERE token_hash = ?", hash).
		Scan(&c.TokenHash, &c.UserID, &cr, &e)
	if err != nil {
		return nil, notFound(err)
	}
	c.CreatedAt, c.ExpiresAt = fromUnix(cr), fromUnix(e)
	return &c, nil
}

// DeleteLoginChallenge ends a pending sign-in.
func (s *Store) DeleteLoginChallenge(ctx context.Context, hash string) error {
	_, err := s.execQuiet(ctx, "DELETE FROM login_challenges WHERE token_hash = ?", hash)
	return err
}
