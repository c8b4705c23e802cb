// Package user owns newsroom accounts: roles, password hashing and the rules
// for creating an account. Sessions, login throttling and two-factor sign-in
// build on it. It knows nothing of SQL or HTTP.
package user

import (
	"context"
	"crypto/rand"
	"crypto/subtle"
	"encoding/base64"
	"errors"
	"fmt"
	"net/mail"
	"strings"
	"time"
	"unicode/utf8"

	"golang.org/x/crypto/argon2"
)

// Role decides what an account may do in the admin.
type Role string

// Roles, from most to least powerful.
const (
	Admin       Role = "admin"
	Editor      Role = "editor"
	Author      Role = "author"
	Contributor Role = "contributor"
)

// ParseRole checks a role name.
func ParseRole(s string) (Role, error) {
	switch r := Role(strings.ToLower(strings.TrimSpace(s))); r {
	case Admin, Editor, Author, Contributor:
		return r, nil
	}
	return "", fmt.Errorf("unknown role %q (use admin, editor, author or contributor)", s)
}

// User is a newsroom account.
type User struct {
	ID           int64
	Email        string
	Name         string
	Role         Role
	PasswordHash string
	AuthorID     int64
	Locale       string // the admin's language: "en", "ar", "fa", "sq"
	CreatedAt    time.Time
}

// Store persists accounts.
type Store interface {
	CreateUser(ctx context.Context, u *User) error
	UserByEmail(ctx context.Context, email string) (*User, error)
	UserByID(ctx context.Context, id int64) (*User, error)
	Users(ctx context.Context) ([]User, error)
	CountUsers(ctx context.Context) (int, error)
	SetPassword(ctx context.Context, userID int64, hash string) error
	SetLocale(ctx context.Context, userID int64, locale string) error

	CreateSession(ctx context.Context, s *Session) error
	SessionByHash(ctx context.Context, hash string) (*Session, error)
	TouchSession(ctx context.Context, hash string, seen, expires time.Time) error
	DeleteSession(ctx context.Context, hash string) error
	DeleteUserSessions(ctx context.Context, userID int64) error

	AttemptStore     // counted failures and reset requests (auth.go)
	SecurityStore    // password resets and two-factor sign-in (security.go)
	AppPasswordStore // application passwords for the REST API (apppassword.go)
}

// ErrExists is returned when an address already has an account.
var ErrExists = errors.New("an account with this email address already exists")

// MinPasswordLength is the shortest password accepted.
const MinPasswordLength = 12

// Service creates and checks accounts.
type Service struct {
	Store Store
	Now   func() time.Time
}

// Add validates and creates an account with a hashed password.
func (s *Service) Add(ctx context.Context, email, name string, role Role, password string) (*User, error) {
	addr, err := mail.ParseAddress(strings.TrimSpace(email))
	if err != nil || addr.Name != "" {
		return nil, fmt.Errorf("%q is not a valid email address", email)
	}
	name = strings.TrimSpace(name)
	if name == "" {
		return nil, errors.New("a name is required")
	}
	if _, err := ParseRole(string(role)); err != nil {
		return nil, err
	}
	if utf8.RuneCountInString(password) < MinPasswordLength {
		return nil, fmt.Errorf("the password must have at least %d characters", MinPasswordLength)
	}
	if existing, err := s.Store.UserByEmail(ctx, addr.Address); err == nil && existing != nil {
		return nil, ErrExists
	}
	now := time.Now
	if s.Now != nil {
		now = s.Now
	}
	u := &User{Email: strings.ToLower(addr.Address), Name: name, Role: role, PasswordHash: HashPassword(password), Locale: "en", CreatedAt: now().UTC()}
	if err := s.Store.CreateUser(ctx, u); err != nil {
		return nil, err
	}
	return u, nil
}

// argon2id parameters (RFC 9106's second recommended option, lighter memory).
const (
	argonThreads = 2
	argonKeyLen  = 32
)

// argonTime and argonMemory are the cost of a new hash; CheckPassword reads
// the cost stored in each hash, so lowering them never weakens old hashes.
var (
	argonTime   uint32 = 3
	argonMemory uint32 = 64 * 1024
)

// UseFastHashingForTests makes new password hashes cheap. Test suites that
// create many accounts call it from TestMain; the binary never does.
func UseFastHashingForTests() {
	argonTime, argonMemory = 1, 1024
}

// HashPassword returns an argon2id hash in the PHC string format.
func HashPassword(password string) string {
	salt := make([]byte, 16)
	if _, err := rand.Read(salt); err != nil {
		panic(err) // the system's randomness source failing is not recoverable
	}
	key := argon2.IDKey([]byte(password), salt, argonTime, argonMemory, argonThreads, argonKeyLen)
	enc := base64.RawStdEncoding
	return fmt.Sprintf("$argon2id$v=%d$m=%d,t=%d,p=%d$%s$%s", argon2.Version, argonMemory, argonTime, argonThreads,
		enc.EncodeToString(salt), enc.EncodeToString(key))
}

// CheckPassword reports whether password matches a hash made by HashPassword.
func CheckPassword(hash, password string) bool {
	parts := strings.Split(hash, "$")
	if len(parts) != 6 || parts[1] != "argon2id" {
		return false
	}
	var mem, iters uint32
	var threads uint8
	if _, err := fmt.Sscanf(parts[3], "m=%d,t=%d,p=%d", &mem, &iters, &threads); err != nil {
		return false
	}
	enc := base64.RawStdEncoding
	salt, err1 := enc.DecodeString(parts[4])
	want, err2 := enc.DecodeString(parts[5])
	if err1 != nil || err2 != nil {
		return false
	}
	got := argon2.IDKey([]byte(password), salt, iters, mem, threads, uint32(len(want)))
	return subtle.ConstantTimeCompare(got, want) == 1
}

// GeneratePassword returns a random password that is easy to copy.
func GeneratePassword() string {
	const alphabet = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789"
	b := make([]byte, 20)
	if _, err := rand.Read(b); err != nil {
		panic(err)
	}
	for i := range b {
		b[i] = alphabet[int(b[i])%len(alphabet)]
	}
	return string(b[:5]) + "-" + string(b[5:10]) + "-" + string(b[10:15]) + "-" + string(b[15:])
}
