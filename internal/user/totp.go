package user

import (
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha1"
	"crypto/sha256"
	"encoding/base32"
	"encoding/binary"
	"encoding/hex"
	"fmt"
	"net/url"
	"strings"
	"time"
)

// TOTP parameters (RFC 6238 with the defaults every authenticator app
// understands): HMAC-SHA-1, 30-second steps, 6 digits, and one step of
// clock drift accepted either way.
const (
	TOTPPeriod = 30
	TOTPDigits = 6
	TOTPSkew   = 1
)

// base32NoPad is how secrets are shown, stored and put in otpauth:// URIs.
var base32NoPad = base32.StdEncoding.WithPadding(base32.NoPadding)

// NewTOTPSecret returns a random 160-bit secret in base32 (RFC 4226 §4
// recommends the length of the HMAC-SHA-1 output).
func NewTOTPSecret() string {
	b := make([]byte, 20)
	if _, err := rand.Read(b); err != nil {
		panic(err)
	}
	return base32NoPad.EncodeToString(b)
}

// decodeSecret reads a base32 secret, forgiving spaces, lower case and padding.
func decodeSecret(secret string) ([]byte, error) {
	s := strings.ToUpper(strings.Map(func(r rune) rune {
		if r == ' ' || r == '-' || r == '=' {
			return -1
		}
		return r
	}, secret))
	return base32NoPad.DecodeString(s)
}

// HOTP is RFC 4226: the HMAC-SHA-1 of the big-endian counter, dynamically
// truncated to digits decimal digits.
func HOTP(key []byte, counter uint64, digits int) string {
	var msg [8]byte
	binary.BigEndian.PutUint64(msg[:], counter)
	mac := hmac.New(sha1.New, key)
	mac.Write(msg[:])
	sum := mac.Sum(nil)
	off := sum[len(sum)-1] & 0x0f
	code := binary.BigEndian.Uint32(sum[off:off+4]) & 0x7fffffff
	mod := uint32(1)
	for range digits {
		mod *= 10
	}
	return fmt.Sprintf("%0*d", digits, code%mod)
}

// TOTPStep is the 30-second time step that t falls in (RFC 6238's T).
func TOTPStep(t time.Time) int64 { return t.Unix() / TOTPPeriod }

// TOTPCode is the 6-digit code of a base32 secret at time t.
func TOTPCode(secret string, t time.Time) (string, error) {
	key, err := decodeSecret(secret)
	if err != nil {
		return "", fmt.Errorf("the two-factor secret is not base32: %w", err)
	}
	return HOTP(key, uint64(TOTPStep(t)), TOTPDigits), nil
}

// matchTOTP returns the step whose code equals code, trying the current
// step and TOTPSkew steps either side, newest last; ok is false when none
// matches. Steps at or before after are never accepted, so a code (or an
// older one) cannot be used twice.
func matchTOTP(secret, code string, now time.Time, after int64) (step int64, ok bool) {
	key, err := decodeSecret(secret)
	code = strings.TrimSpace(code)
	if err != nil || len(code) != TOTPDigits {
		return 0, false
	}
	cur := TOTPStep(now)
	for s := cur - TOTPSkew; s <= cur+TOTPSkew; s++ {
		if s <= after || s < 0 {
			continue
		}
		if hmac.Equal([]byte(HOTP(key, uint64(s), TOTPDigits)), []byte(code)) {
			return s, true
		}
	}
	return 0, false
}

// TOTPURI is the otpauth:// URI that authenticator apps import (the
// "Key Uri Format" every app follows): issuer and account name it, the
// parameters say SHA-1, 6 digits, 30 seconds.
func TOTPURI(issuer, account, secret string) string {
	label := url.PathEscape(issuer) + ":" + url.PathEscape(account)
	q := url.Values{"secret": {secret}, "issuer": {issuer}, "algorithm": {"SHA1"},
		"digits": {fmt.Sprint(TOTPDigits)}, "period": {fmt.Sprint(TOTPPeriod)}}
	return "otpauth://totp/" + label + "?" + q.Encode()
}

// RecoveryCodeCount is how many recovery codes an account gets at a time.
const RecoveryCodeCount = 10

// recoveryAlphabet avoids letters and digits that look alike (0/o, 1/l/i).
const recoveryAlphabet = "abcdefghjkmnpqrstuvwxyz23456789"

// NewRecoveryCodes returns RecoveryCodeCount random codes such as
// "k7dq-3m9x-pw2a-h4ze" (16 characters of a 31-letter alphabet, about 79
// bits, so a fast hash is enough to store them).
func NewRecoveryCodes() []string {
	codes := make([]string, RecoveryCodeCount)
	for i := range codes {
		var sb strings.Builder
		for n := 0; n < 16; {
			var b [1]byte
			if _, err := rand.Read(b[:]); err != nil {
				panic(err)
			}
			if b[0] >= 248 { // 248 = 8×31: reject the rest so every letter is equally likely
				continue
			}
			if n > 0 && n%4 == 0 {
				sb.WriteByte('-')
			}
			sb.WriteByte(recoveryAlphabet[int(b[0])%len(recoveryAlphabet)])
			n++
		}
		codes[i] = sb.String()
	}
	return codes
}

// normalizeRecoveryCode drops spaces and dashes and lowers the case, so a
// code typed "K7DQ 3M9X-PW2A H4ZE" matches.
func normalizeRecoveryCode(code string) string {
	return strings.ToLower(strings.Map(func(r rune) rune {
		if r == ' ' || r == '-' || r == '\t' {
			return -1
		}
		return r
	}, code))
}

// HashRecoveryCode is what the database keeps for a recovery code.
func HashRecoveryCode(code string) string {
	sum := sha256.Sum256([]byte("masthead-recovery:" + normalizeRecoveryCode(code)))
	return hex.EncodeToString(sum[:])
}
