package user

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
	"time"

	"github.com/masthead-news/masthead/internal/antispam"
)

// Sign-in errors. ErrBadLogin never says which of the two was wrong.
var (
	ErrBadLogin    = errors.New("the email address or the password is wrong")
	ErrRateLimited = errors.New("too many failed sign-ins")
	ErrNoSession   = errors.New("not signed in")
)

// RateLimitError tells how long to wait.
type RateLimitError struct{ RetryAfter time.Duration }

func (e *RateLimitError) Error() string {
	return fmt.Sprintf("too many failed sign-ins; try again in %d minutes", int(e.RetryAfter.Minutes())+1)
}

func (e *RateLimitError) Unwrap() error { return ErrRateLimited }

// Limits on failed sign-ins within LoginWindow.
const (
	LoginWindow     = 15 * time.Minute
	MaxFailsAccount = 5
	MaxFailsIP      = 20
)

// AttemptStore keeps the counted attempts (failed passwords and codes,
// reset requests; per account and per client address) in the database, so
// every node of a site counts against the same limits and a restart
// forgets nothing.
type AttemptStore interface {
	antispam.Counter
	// ClearRateEvents forgets a key's events, after a success.
	ClearRateEvents(ctx context.Context, key string) error
}

// limit is a bound on one key's attempts within LoginWindow.
func limit(key string, max int) antispam.Limit {
	return antispam.Limit{Key: key, Max: max, Window: LoginWindow}
}

// throttle refuses with a RateLimitError while any key is at its bound.
func (a *Auth) throttle(ctx context.Context, now time.Time, limits ...antispam.Limit) error {
	i, wait, err := antispam.Exceeded(ctx, a.Store, now, limits...)
	if err != nil {
		return err
	}
	if i >= 0 {
		return &RateLimitError{wait}
	}
	return nil
}

// countAttempt records one attempt against each key.
func (a *Auth) countAttempt(ctx context.Context, now time.Time, keys ...string) error {
	limits := make([]antispam.Limit, len(keys))
	for i, k := range keys {
		limits[i] = limit(k, 0) // the bound does not matter when recording
	}
	return antispam.Record(ctx, a.Store, now, limits...)
}

// forgetAttempts clears a key's attempts after a success.
func (a *Auth) forgetAttempts(ctx context.Context, key string) error {
	if err := a.Store.ClearRateEvents(ctx, antispam.RateKey(key)); err != nil {
		return fmt.Errorf("clearing attempts: %w", err)
	}
	return nil
}

// Auth signs accounts in and out and resolves sessions.
type Auth struct {
	Store Store
	Now   func() time.Time
}

func (a *Auth) now() time.Time {
	if a.Now != nil {
		return a.Now().UTC()
	}
	return time.Now().UTC()
}

// Login checks a password, limited per account and per client address, and
// opens a new session. The caller sets the returned token as the cookie and
// ends the session it replaces (session ids rotate at every sign-in). For an
// account with two-factor sign-in the error is ErrTwoFactorRequired and the
// token is a challenge for CompleteLogin, not a session.
func (a *Auth) Login(ctx context.Context, email, password, clientIP string) (*User, string, error) {
	now := a.now()
	acct, ip := "account:"+strings.ToLower(strings.TrimSpace(email)), "ip:"+clientIP
	if err := a.throttle(ctx, now, limit(acct, MaxFailsAccount), limit(ip, MaxFailsIP)); err != nil {
		return nil, "", err
	}
	u, err := a.Store.UserByEmail(ctx, strings.TrimSpace(email))
	if err != nil || !CheckPassword(u.PasswordHash, password) {
		if err == nil || isNotFound(err) {
			if u == nil {
				// Spend the same time as a real check so timing does not reveal accounts.
				CheckPassword(dummyHash(), password)
			}
			if err := a.countAttempt(ctx, now, acct, ip); err != nil {
				return nil, "", err
			}
			return nil, "", ErrBadLogin
		}
		return nil, "", err
	}
	if err := a.forgetAttempts(ctx, acct); err != nil {
		return nil, "", err
	}
	// With two-factor sign-in on, no session yet: a challenge waits for the code.
	if tf, err := a.TwoFactor(ctx, u.ID); err != nil {
		return nil, "", err
	} else if tf.Enabled() {
		challenge, err := a.challenge(ctx, u.ID, now)
		if err != nil {
			return nil, "", err
		}
		return u, challenge, ErrTwoFactorRequired
	}
	token, err := a.open(ctx, u.ID, now)
	if err != nil {
		return nil, "", err
	}
	return u, token, nil
}

// dummyHash is checked against when the account does not exist, so that a
// wrong login name costs as long as a wrong password. It is made on first
// use, not at start: an argon2id hash takes 64 MiB and a fifth of a second,
// which every command (and every server that never sees a login) would pay.
var dummyHash = sync.OnceValue(func() string { return HashPassword("a password nobody has") })

func isNotFound(err error) bool { return err != nil && strings.Contains(err.Error(), "not found") }

func (a *Auth) open(ctx context.Context, userID int64, now time.Time) (string, error) {
	token, hash := NewToken()
	err := a.Store.CreateSession(ctx, &Session{IDHash: hash, UserID: userID, CreatedAt: now, LastSeenAt: now, ExpiresAt: now.Add(SessionIdle)})
	return token, err
}

// Resolve returns the account of a session token, extending an idle
// session's life; an unknown, expired or too old session is ErrNoSession.
func (a *Auth) Resolve(ctx context.Context, token string) (*User, error) {
	if token == "" {
		return nil, ErrNoSession
	}
	hash := HashToken(token)
	sess, err := a.Store.SessionByHash(ctx, hash)
	if err != nil {
		return nil, ErrNoSession
	}
	now := a.now()
	if now.After(sess.ExpiresAt) || now.Sub(sess.CreatedAt) > SessionMax {
		_ = a.Store.DeleteSession(ctx, hash)
		return nil, ErrNoSession
	}
	u, err := a.Store.UserByID(ctx, sess.UserID)
	if err != nil {
		return nil, ErrNoSession
	}
	// Write at most once a minute, not on every request.
	if now.Sub(sess.LastSeenAt) > time.Minute {
		_ = a.Store.TouchSession(ctx, hash, now, now.Add(SessionIdle))
	}
	return u, nil
}

// Logout ends one session.
func (a *Auth) Logout(ctx context.Context, token string) error {
	return a.Store.DeleteSession(ctx, HashToken(token))
}

// LogoutEverywhere ends every session of an account and opens a fresh one
// for the browser that asked, returning its token.
func (a *Auth) LogoutEverywhere(ctx context.Context, userID int64) (string, error) {
	if err := a.Store.DeleteUserSessions(ctx, userID); err != nil {
		return "", err
	}
	return a.open(ctx, userID, a.now())
}

// ChangePassword checks the current password, stores the new one and ends
// every other session; it returns a new token for this browser.
func (a *Auth) ChangePassword(ctx context.Context, u *User, current, next string) (string, error) {
	if !CheckPassword(u.PasswordHash, current) {
		return "", ErrBadLogin
	}
	if len([]rune(next)) < MinPasswordLength {
		return "", fmt.Errorf("the new password must have at least %d characters", MinPasswordLength)
	}
	if err := a.Store.SetPassword(ctx, u.ID, HashPassword(next)); err != nil {
		return "", err
	}
	return a.LogoutEverywhere(ctx, u.ID)
}
