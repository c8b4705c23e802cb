package user

import (
	"encoding/base32"
	"net/url"
	"strings"
	"testing"
	"time"
)

// rfcSecret is the SHA-1 seed of RFC 4226 appendix D and RFC 6238 appendix B.
var rfcSecret = []byte("12345678901234567890")

func TestHOTPMatchesRFC4226(t *testing.T) {
	want := []string{"755224", "287082", "359152", "969429", "338314", "254676", "287922", "162583", "399871", "520489"}
	for i, w := range want {
		if got := HOTP(rfcSecret, uint64(i), 6); got != w {
			t.Errorf("HOTP(count %d) = %s, want %s", i, got, w)
		}
	}
}

func TestTOTPMatchesRFC6238(t *testing.T) {
	// RFC 6238 appendix B, SHA-1 rows: 8 digits, and the same values cut to
	// the 6 digits that apps use.
	for _, v := range []struct {
		unix int64
		want string
	}{
		{59, "94287082"}, {1111111109, "07081804"}, {1111111111, "14050471"},
		{1234567890, "89005924"}, {2000000000, "69279037"}, {20000000000, "65353130"},
	} {
		at := time.Unix(v.unix, 0)
		if got := HOTP(rfcSecret, uint64(TOTPStep(at)), 8); got != v.want {
			t.Errorf("T=%d: %s, want %s", v.unix, got, v.want)
		}
		secret := base32.StdEncoding.EncodeToString(rfcSecret)
		got, err := TOTPCode(secret, at)
		if err != nil || got != v.want[2:] {
			t.Errorf("TOTPCode at %d = %s (%v), want %s", v.unix, got, err, v.want[2:])
		}
	}
}

func TestMatchTOTPAcceptsOneStepOfDriftAndNoReuse(t *testing.T) {
	secret := NewTOTPSecret()
	if len(secret) != 32 {
		t.Fatalf("secret %q: want 160 bits in 32 base32 letters", secret)
	}
	now := time.Unix(1_700_000_000, 0)
	cur := TOTPStep(now)
	code := func(step int64) string { c, _ := TOTPCode(secret, time.Unix(step*TOTPPeriod, 0)); return c }
	for d := int64(-1); d <= 1; d++ {
		if step, ok := matchTOTP(secret, code(cur+d), now, 0); !ok || step != cur+d {
			t.Errorf("drift %d: step %d ok %v", d, step, ok)
		}
	}
	for _, d := range []int64{-2, 2} {
		if _, ok := matchTOTP(secret, code(cur+d), now, 0); ok {
			t.Errorf("drift %d accepted", d)
		}
	}
	// A step already used (or older) is refused; the next one is not.
	if _, ok := matchTOTP(secret, code(cur), now, cur); ok {
		t.Error("a used code was accepted again")
	}
	if _, ok := matchTOTP(secret, code(cur-1), now, cur); ok {
		t.Error("an older code was accepted after a newer one")
	}
	if _, ok := matchTOTP(secret, code(cur+1), now, cur); !ok {
		t.Error("the next step's code was refused")
	}
	// Lower-case or spaced secrets (as typed from the screen) still work.
	spaced := strings.ToLower(secret[:4] + " " + secret[4:])
	if _, ok := matchTOTP(spaced, code(cur), now, 0); !ok {
		t.Error("a lower-case spaced secret did not match")
	}
	for _, bad := range []string{"", "12345", "1234567", "abcdef"} {
		if _, ok := matchTOTP(secret, bad, now, 0); ok {
			t.Errorf("%q accepted", bad)
		}
	}
}

func TestTOTPURI(t *testing.T) {
	uri := TOTPURI("news.example.org", "sara@example.org", "JBSWY3DPEHPK3PXP")
	u, err := url.Parse(uri)
	if err != nil || u.Scheme != "otpauth" || u.Host != "totp" {
		t.Fatalf("%s: %v", uri, err)
	}
	if u.Path != "/news.example.org:sara@example.org" {
		t.Errorf("label %q", u.Path)
	}
	q := u.Query()
	if q.Get("secret") != "JBSWY3DPEHPK3PXP" || q.Get("issuer") != "news.example.org" || q.Get("algorithm") != "SHA1" || q.Get("digits") != "6" || q.Get("period") != "30" {
		t.Errorf("query %v", q)
	}
}

func TestRecoveryCodes(t *testing.T) {
	codes := NewRecoveryCodes()
	if len(codes) != RecoveryCodeCount {
		t.Fatalf("%d codes", len(codes))
	}
	seen := map[string]bool{}
	for _, c := range codes {
		if len(c) != 19 || strings.Count(c, "-") != 3 || strings.Trim(c, recoveryAlphabet+"-") != "" {
			t.Errorf("code %q", c)
		}
		if seen[c] {
			t.Errorf("duplicate %q", c)
		}
		seen[c] = true
	}
	c := codes[0]
	if HashRecoveryCode(strings.ToUpper(strings.ReplaceAll(c, "-", " "))) != HashRecoveryCode(c) {
		t.Error("a code typed in capitals with spaces does not match")
	}
	if HashRecoveryCode(c) == HashRecoveryCode(codes[1]) || HashRecoveryCode(c) == c {
		t.Error("hashes")
	}
}
