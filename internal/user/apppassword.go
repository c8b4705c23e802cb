package user

import (
	"context"
	"crypto/rand"
	"errors"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"
)

// AppPassword is a WordPress-style application password: a long random
// password for one API client (a script, a mobile app, an importer) that
// signs requests to /wp-json/ with HTTP Basic auth. It is shown once; the
// database keeps only its SHA-256 (HashToken), like a session token — it is
// random and long, so a slow hash would add cost per request and nothing
// else. Revoking it ends that client's access without touching the account's
// own password or other clients.
type AppPassword struct {
	ID         int64
	UserID     int64
	Name       string
	Hash       string
	CreatedAt  time.Time
	LastUsedAt time.Time // zero until first used
	LastIP     string
}

// AppPasswordStore persists application passwords.
type AppPasswordStore interface {
	CreateAppPassword(ctx context.Context, p *AppPassword) error
	AppPasswords(ctx context.Context, userID int64) ([]AppPassword, error)
	AppPasswordByHash(ctx context.Context, hash string) (*AppPassword, error)
	// TouchAppPassword records a use (no page shows it).
	TouchAppPassword(ctx context.Context, id int64, at time.Time, ip string) error
	// DeleteAppPassword revokes one of an account's passwords; it reports
	// whether there was one.
	DeleteAppPassword(ctx context.Context, userID, id int64) (bool, error)
}

// Application password limits.
const (
	AppPasswordLength  = 24 // characters, shown in six groups of four like WordPress
	MaxAppPasswords    = 20 // per account
	maxAppPasswordName = 100
)

// Errors of creating application passwords.
var (
	ErrAppPasswordName    = errors.New("give the application password a name (at most 100 characters)")
	ErrTooManyAppPassword = fmt.Errorf("an account may have at most %d application passwords; revoke one first", MaxAppPasswords)
)

// AppLoginError is a refused Basic-auth sign-in with an application
// password. UnknownUser tells the API which of WordPress's codes to use
// (invalid_username or incorrect_password), as WordPress itself does.
type AppLoginError struct{ UnknownUser bool }

func (e *AppLoginError) Error() string {
	if e.UnknownUser {
		return "unknown username"
	}
	return "the application password is wrong or was revoked"
}

// appPasswordAlphabet has no look-alike characters, so a password read off a
// screen is typed right.
const appPasswordAlphabet = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789"

// NewAppPassword makes a password, grouped "abcd efgh …" for display.
func NewAppPassword() string {
	b := make([]byte, AppPasswordLength)
	if _, err := rand.Read(b); err != nil {
		panic(err)
	}
	var sb strings.Builder
	// 256 is not a multiple of the alphabet's length: reject the biased top.
	limit := byte(256 - 256%len(appPasswordAlphabet))
	for i := 0; i < AppPasswordLength; {
		for b[i] >= limit {
			if _, err := rand.Read(b[i : i+1]); err != nil {
				panic(err)
			}
		}
		if i > 0 && i%4 == 0 {
			sb.WriteByte(' ')
		}
		sb.WriteByte(appPasswordAlphabet[int(b[i])%len(appPasswordAlphabet)])
		i++
	}
	return sb.String()
}

// normalizeAppPassword drops the spaces clients may or may not send.
func normalizeAppPassword(p string) string {
	return strings.Map(func(r rune) rune {
		if r == ' ' || r == '\t' {
			return -1
		}
		return r
	}, p)
}

// CreateAppPassword makes a new application password for u named name and
// returns it (shown once) with its record.
func (a *Auth) CreateAppPassword(ctx context.Context, u *User, name string) (string, *AppPassword, error) {
	name = strings.Join(strings.Fields(name), " ")
	if name == "" || utf8.RuneCountInString(name) > maxAppPasswordName {
		return "", nil, ErrAppPasswordName
	}
	list, err := a.Store.AppPasswords(ctx, u.ID)
	if err != nil {
		return "", nil, err
	}
	if len(list) >= MaxAppPasswords {
		return "", nil, ErrTooManyAppPassword
	}
	plain := NewAppPassword()
	p := &AppPassword{UserID: u.ID, Name: name, Hash: HashToken(normalizeAppPassword(plain)), CreatedAt: a.now()}
	if err := a.Store.CreateAppPassword(ctx, p); err != nil {
		return "", nil, err
	}
	return plain, p, nil
}

// AppPasswords lists an account's application passwords, newest first.
func (a *Auth) AppPasswords(ctx context.Context, userID int64) ([]AppPassword, error) {
	return a.Store.AppPasswords(ctx, userID)
}

// RevokeAppPassword deletes one of u's application passwords.
func (a *Auth) RevokeAppPassword(ctx context.Context, u *User, id int64) (bool, error) {
	return a.Store.DeleteAppPassword(ctx, u.ID, id)
}

// AppLogin checks HTTP Basic credentials: the account's e-mail address and
// one of its application passwords (never the account password, which
// stays for the admin's sign-in form with its second factor). Failures count
// like failed sign-ins, per account and per client address, and a limited
// client gets a RateLimitError.
func (a *Auth) AppLogin(ctx context.Context, login, password, clientIP string) (*User, error) {
	now := a.now()
	login = strings.ToLower(strings.TrimSpace(login))
	acct, ip := "app:"+login, "ip:"+clientIP
	if err := a.throttle(ctx, now, limit(acct, MaxFailsAccount), limit(ip, MaxFailsIP)); err != nil {
		return nil, err
	}
	fail := func(unknown bool) (*User, error) {
		if err := a.countAttempt(ctx, now, acct, ip); err != nil {
			return nil, err
		}
		return nil, &AppLoginError{UnknownUser: unknown}
	}
	u, err := a.Store.UserByEmail(ctx, login)
	if err != nil {
		if isNotFound(err) {
			return fail(true)
		}
		return nil, err
	}
	p, err := a.Store.AppPasswordByHash(ctx, HashToken(normalizeAppPassword(password)))
	if err != nil {
		if isNotFound(err) {
			return fail(false)
		}
		return nil, err
	}
	if p.UserID != u.ID {
		return fail(false)
	}
	if err := a.forgetAttempts(ctx, acct); err != nil {
		return nil, err
	}
	// Record the use at most once a minute, not on every request.
	if now.Sub(p.LastUsedAt) > time.Minute || p.LastIP != clientIP {
		if err := a.Store.TouchAppPassword(ctx, p.ID, now, clientIP); err != nil {
			return nil, err
		}
	}
	return u, nil
}
