package user

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// PasswordReset is an emailed one-time link to set a new password. The
// database keeps only the SHA-256 of the link's token.
type PasswordReset struct {
	TokenHash string
	UserID    int64
	CreatedAt time.Time
	ExpiresAt time.Time
	UsedAt    time.Time // zero until the link is used
}

// TwoFactor is an account's TOTP (RFC 6238) secret.
type TwoFactor struct {
	UserID    int64
	Secret    string    // base32
	EnabledAt time.Time // zero while set-up waits for the first code
	LastStep  int64     // the newest accepted time step: it and older ones are refused
	CreatedAt time.Time
}

// Enabled reports whether sign-in asks for a code.
func (t *TwoFactor) Enabled() bool { return t != nil && !t.EnabledAt.IsZero() }

// LoginChallenge is a sign-in whose password was right and that waits for
// its second factor; no session exists until the code is right.
type LoginChallenge struct {
	TokenHash string
	UserID    int64
	CreatedAt time.Time
	ExpiresAt time.Time
}

// SecurityStore persists password resets, two-factor secrets, recovery
// codes and pending sign-ins. Every "use" method changes a row only if it is
// still usable and reports whether it did, so two requests racing for the
// same link or code cannot both win.
type SecurityStore interface {
	// CreatePasswordReset stores a link and ends the account's earlier ones.
	CreatePasswordReset(ctx context.Context, r *PasswordReset) error
	PasswordResetByHash(ctx context.Context, hash string) (*PasswordReset, error)
	// ResetPassword marks a live, unused link used, stores the new password
	// hash and ends the account's sessions, pending sign-ins and other links,
	// all at once; it returns ErrResetInvalid when the link is not usable.
	ResetPassword(ctx context.Context, tokenHash, passwordHash string, now time.Time) (userID int64, err error)

	TwoFactorByUser(ctx context.Context, userID int64) (*TwoFactor, error)
	// SaveTwoFactor stores a pending (not yet enabled) secret, replacing any.
	SaveTwoFactor(ctx context.Context, t *TwoFactor) error
	// EnableTwoFactor switches the pending secret on, records the step of
	// the confirming code and replaces the recovery codes.
	EnableTwoFactor(ctx context.Context, userID int64, at time.Time, step int64, codeHashes []string) error
	// AdvanceTwoFactorStep records step as used if it is newer than the last.
	AdvanceTwoFactorStep(ctx context.Context, userID, step int64) (bool, error)
	// DeleteTwoFactor removes the secret and the recovery codes.
	DeleteTwoFactor(ctx context.Context, userID int64) error
	ReplaceRecoveryCodes(ctx context.Context, userID int64, codeHashes []string) error
	UseRecoveryCode(ctx context.Context, userID int64, codeHash string, now time.Time) (bool, error)
	CountRecoveryCodes(ctx context.Context, userID int64) (int, error) // unused ones

	CreateLoginChallenge(ctx context.Context, c *LoginChallenge) error
	LoginChallengeByHash(ctx context.Context, hash string) (*LoginChallenge, error)
	DeleteLoginChallenge(ctx context.Context, hash string) error
}

// Errors of password resets and two-factor sign-in.
var (
	ErrResetInvalid      = errors.New("this password reset link is unknown, has expired or was already used")
	ErrTwoFactorRequired = errors.New("the password is right; now the two-factor code is needed")
	ErrBadCode           = errors.New("the code is wrong or was already used")
	ErrChallengeInvalid  = errors.New("this sign-in has expired; start again")
	ErrTwoFactorOn       = errors.New("two-factor sign-in is already on")
	ErrTwoFactorOff      = errors.New("two-factor sign-in is off")
	ErrPasswordTooShort  = fmt.Errorf("the password must have at least %d characters", MinPasswordLength)
)

// Lifetimes and limits.
const (
	ResetLinkLife = time.Hour
	ChallengeLife = 10 * time.Minute
	// Reset requests within LoginWindow, per address typed and per client.
	MaxResetsAccount = 3
	MaxResetsIP      = 10
	// Setting names a site setting (the settings table) that makes every
	// admin account set up two-factor sign-in before using the admin.
	SettingRequire2FAAdmins = "require_2fa_admins"
)

// Require2FA reports whether the value of SettingRequire2FAAdmins is on.
func Require2FA(value string) bool {
	on, _ := strconv.ParseBool(strings.TrimSpace(value))
	return on
}

// RequestReset starts a password reset for the account with email. For an
// existing account it returns the account and the token for the emailed
// link; for an unknown address it returns nil, "" and no error, and the
// caller must answer exactly as for a known one. Requests are limited per
// address typed and per client, whether the account exists or not.
func (a *Auth) RequestReset(ctx context.Context, email, clientIP string) (*User, string, error) {
	now := a.now()
	email = strings.ToLower(strings.TrimSpace(email))
	acct, ip := "reset:"+email, "reset-ip:"+clientIP
	if err := a.throttle(ctx, now, limit(acct, MaxResetsAccount), limit(ip, MaxResetsIP)); err != nil {
		return nil, "", err
	}
	if err := a.countAttempt(ctx, now, acct, ip); err != nil {
		return nil, "", err
	}
	u, err := a.Store.UserByEmail(ctx, email)
	if err != nil {
		if isNotFound(err) {
			return nil, "", nil
		}
		return nil, "", err
	}
	token, hash := NewToken()
	if err := a.Store.CreatePasswordReset(ctx, &PasswordReset{TokenHash: hash, UserID: u.ID, CreatedAt: now, ExpiresAt: now.Add(ResetLinkLife)}); err != nil {
		return nil, "", err
	}
	return u, token, nil
}

// CheckReset returns the account of a usable reset link and whether the
// account also has to give a two-factor code.
func (a *Auth) CheckReset(ctx context.Context, token string) (*User, bool, error) {
	if token == "" {
		return nil, false, ErrResetInvalid
	}
	r, err := a.Store.PasswordResetByHash(ctx, HashToken(token))
	if err != nil {
		if isNotFound(err) {
			return nil, false, ErrResetInvalid
		}
		return nil, false, err
	}
	if !r.UsedAt.IsZero() || !a.now().Before(r.ExpiresAt) {
		return nil, false, ErrResetInvalid
	}
	u, err := a.Store.UserByID(ctx, r.UserID)
	if err != nil {
		return nil, false, ErrResetInvalid
	}
	tf, err := a.TwoFactor(ctx, u.ID)
	if err != nil {
		return nil, false, err
	}
	return u, tf.Enabled(), nil
}

// ResetPassword uses a reset link: it checks the new password and, for an
// account with two-factor sign-in, the code (limited like sign-in codes),
// then sets the password, ends every session of the account and opens a
// fresh one, whose token it returns. A refused password or code leaves the
// link usable; a used or expired link is ErrResetInvalid.
func (a *Auth) ResetPassword(ctx context.Context, token, password, code, clientIP string) (*User, string, error) {
	u, needCode, err := a.CheckReset(ctx, token)
	if err != nil {
		return nil, "", err
	}
	if utf8.RuneCountInString(password) < MinPasswordLength {
		return nil, "", ErrPasswordTooShort
	}
	if needCode {
		// A code is needed unless two-factor sign-in was switched off meanwhile.
		if err := a.verifySecondFactor(ctx, u, code, clientIP); err != nil && !errors.Is(err, ErrTwoFactorOff) {
			return nil, "", err
		}
	}
	if _, err := a.Store.ResetPassword(ctx, HashToken(token), HashPassword(password), a.now()); err != nil {
		return nil, "", err
	}
	sess, err := a.open(ctx, u.ID, a.now())
	if err != nil {
		return nil, "", err
	}
	if err := a.forgetAttempts(ctx, "account:"+strings.ToLower(u.Email)); err != nil {
		return nil, "", err
	}
	return u, sess, nil
}

// TwoFactor returns an account's two-factor secret, or nil when it has none.
func (a *Auth) TwoFactor(ctx context.Context, userID int64) (*TwoFactor, error) {
	tf, err := a.Store.TwoFactorByUser(ctx, userID)
	if err != nil {
		if isNotFound(err) {
			return nil, nil
		}
		return nil, err
	}
	return tf, nil
}

// challenge records a sign-in that waits for its second factor.
func (a *Auth) challenge(ctx context.Context, userID int64, now time.Time) (string, error) {
	token, hash := NewToken()
	err := a.Store.CreateLoginChallenge(ctx, &LoginChallenge{TokenHash: hash, UserID: userID, CreatedAt: now, ExpiresAt: now.Add(ChallengeLife)})
	return token, err
}

// ChallengeUser returns the account of a pending sign-in.
func (a *Auth) ChallengeUser(ctx context.Context, challenge string) (*User, error) {
	if challenge == "" {
		return nil, ErrChallengeInvalid
	}
	c, err := a.Store.LoginChallengeByHash(ctx, HashToken(challenge))
	if err != nil || !a.now().Before(c.ExpiresAt) {
		if err == nil || isNotFound(err) {
			return nil, ErrChallengeInvalid
		}
		return nil, err
	}
	u, err := a.Store.UserByID(ctx, c.UserID)
	if err != nil {
		return nil, ErrChallengeInvalid
	}
	return u, nil
}

// CompleteLogin finishes a sign-in that Login answered with
// ErrTwoFactorRequired: with the right code (or an unused recovery code) it
// ends the challenge and opens a session, returning its token.
func (a *Auth) CompleteLogin(ctx context.Context, challenge, code, clientIP string) (*User, string, error) {
	u, err := a.ChallengeUser(ctx, challenge)
	if err != nil {
		return nil, "", err
	}
	if err := a.verifySecondFactor(ctx, u, code, clientIP); err != nil {
		if errors.Is(err, ErrTwoFactorOff) { // switched off since the password step: start again
			err = ErrChallengeInvalid
		}
		return nil, "", err
	}
	if err := a.Store.DeleteLoginChallenge(ctx, HashToken(challenge)); err != nil {
		return nil, "", err
	}
	token, err := a.open(ctx, u.ID, a.now())
	if err != nil {
		return nil, "", err
	}
	return u, token, nil
}

// verifySecondFactor checks a 6-digit code or a recovery code of an account
// with two-factor sign-in on. Failures count like wrong passwords, per
// account and per client; a code is accepted once.
func (a *Auth) verifySecondFactor(ctx context.Context, u *User, code, clientIP string) error {
	now := a.now()
	acct, ip := "2fa:"+strconv.FormatInt(u.ID, 10), "ip:"+clientIP
	if err := a.throttle(ctx, now, limit(acct, MaxFailsAccount), limit(ip, MaxFailsIP)); err != nil {
		return err
	}
	tf, err := a.TwoFactor(ctx, u.ID)
	if err != nil {
		return err
	}
	if !tf.Enabled() {
		return ErrTwoFactorOff
	}
	ok := false
	code = strings.TrimSpace(code)
	if digits := strings.ReplaceAll(code, " ", ""); len(digits) == TOTPDigits && isDigits(digits) {
		if step, match := matchTOTP(tf.Secret, digits, now, tf.LastStep); match {
			if ok, err = a.Store.AdvanceTwoFactorStep(ctx, u.ID, step); err != nil {
				return err
			}
		}
	} else if code != "" {
		if ok, err = a.Store.UseRecoveryCode(ctx, u.ID, HashRecoveryCode(code), now); err != nil {
			return err
		}
	}
	if !ok {
		if err := a.countAttempt(ctx, now, acct, ip); err != nil {
			return err
		}
		return ErrBadCode
	}
	return a.forgetAttempts(ctx, acct)
}

func isDigits(s string) bool {
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return s != ""
}

// BeginTwoFactor returns the pending secret for setting up two-factor
// sign-in, making one the first time (so reloading the set-up page keeps
// the secret an app may already have scanned).
func (a *Auth) BeginTwoFactor(ctx context.Context, u *User) (*TwoFactor, error) {
	tf, err := a.TwoFactor(ctx, u.ID)
	if err != nil {
		return nil, err
	}
	if tf.Enabled() {
		return nil, ErrTwoFactorOn
	}
	if tf != nil {
		return tf, nil
	}
	tf = &TwoFactor{UserID: u.ID, Secret: NewTOTPSecret(), CreatedAt: a.now()}
	if err := a.Store.SaveTwoFactor(ctx, tf); err != nil {
		return nil, err
	}
	return tf, nil
}

// EnableTwoFactor confirms the pending secret with a code from the app and
// switches two-factor sign-in on. It returns the new recovery codes, which
// are shown once: only their hashes are kept. Wrong codes count like wrong
// sign-in codes.
func (a *Auth) EnableTwoFactor(ctx context.Context, u *User, code, clientIP string) ([]string, error) {
	now := a.now()
	acct, ip := "2fa:"+strconv.FormatInt(u.ID, 10), "ip:"+clientIP
	if err := a.throttle(ctx, now, limit(acct, MaxFailsAccount), limit(ip, MaxFailsIP)); err != nil {
		return nil, err
	}
	tf, err := a.TwoFactor(ctx, u.ID)
	if err != nil {
		return nil, err
	}
	if tf == nil {
		return nil, ErrTwoFactorOff
	}
	if tf.Enabled() {
		return nil, ErrTwoFactorOn
	}
	step, ok := matchTOTP(tf.Secret, strings.ReplaceAll(code, " ", ""), now, 0)
	if !ok {
		if err := a.countAttempt(ctx, now, acct, ip); err != nil {
			return nil, err
		}
		return nil, ErrBadCode
	}
	if err := a.forgetAttempts(ctx, acct); err != nil {
		return nil, err
	}
	codes := NewRecoveryCodes()
	if err := a.Store.EnableTwoFactor(ctx, u.ID, now, step, hashCodes(codes)); err != nil {
		return nil, err
	}
	return codes, nil
}

func hashCodes(codes []string) []string {
	out := make([]string, len(codes))
	for i, c := range codes {
		out[i] = HashRecoveryCode(c)
	}
	return out
}

// checkPassword checks an account's password for a sensitive change,
// counting failures like sign-in failures.
func (a *Auth) checkPassword(ctx context.Context, u *User, password, clientIP string) error {
	now := a.now()
	acct, ip := "account:"+strings.ToLower(u.Email), "ip:"+clientIP
	if err := a.throttle(ctx, now, limit(acct, MaxFailsAccount), limit(ip, MaxFailsIP)); err != nil {
		return err
	}
	if !CheckPassword(u.PasswordHash, password) {
		if err := a.countAttempt(ctx, now, acct, ip); err != nil {
			return err
		}
		return ErrBadLogin
	}
	return nil
}

// DisableTwoFactor switches two-factor sign-in off (or drops a pending
// set-up); it needs the account's password.
func (a *Auth) DisableTwoFactor(ctx context.Context, u *User, password, clientIP string) error {
	if err := a.checkPassword(ctx, u, password, clientIP); err != nil {
		return err
	}
	return a.Store.DeleteTwoFactor(ctx, u.ID)
}

// NewRecoveryCodes replaces an account's recovery codes; it needs the
// password and returns the new codes, shown once.
func (a *Auth) NewRecoveryCodes(ctx context.Context, u *User, password, clientIP string) ([]string, error) {
	if err := a.checkPassword(ctx, u, password, clientIP); err != nil {
		return nil, err
	}
	tf, err := a.TwoFactor(ctx, u.ID)
	if err != nil {
		return nil, err
	}
	if !tf.Enabled() {
		return nil, ErrTwoFactorOff
	}
	codes := NewRecoveryCodes()
	if err := a.Store.ReplaceRecoveryCodes(ctx, u.ID, hashCodes(codes)); err != nil {
		return nil, err
	}
	return codes, nil
}
