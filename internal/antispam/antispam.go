// Package antispam defends the public forms (comments, the contact form, the
// newsletter subscription) without any outside service: a honeypot field, a
// signed form token that carries the time the form was shown (so a form sent
// too fast, too late or twice is refused), per-address and per-e-mail rate
// limits, a limit on links, blocked words and addresses, and duplicate
// detection. It also keys IP addresses with the site secret, so no form
// stores a reader's address in the clear.
//
// It knows nothing of HTTP, SQL or any particular form: callers pass the
// values the reader sent and a Store that remembers used tokens and
// fingerprints. It must not import other Masthead packages.
package antispam

import (
	"context"
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"fmt"
	"net"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode"
)

// Reason says why a submission was refused or judged to be spam. Each one
// has a UI message under "antispam.<reason>" in the catalogs.
type Reason string

// Reasons for a refusal (nothing is stored) or a spam verdict.
const (
	Honeypot     Reason = "honeypot"   // the hidden field was filled in
	BadToken     Reason = "bad_token"  // missing, forged or for another form
	TooFast      Reason = "too_fast"   // sent sooner than a person can type
	Expired      Reason = "expired"    // the form was shown too long ago
	Reused       Reason = "reused"     // this form (its token) was already sent
	Duplicate    Reason = "duplicate"  // the same text was already sent
	RateIP       Reason = "rate_ip"    // too many from one address
	RateEmail    Reason = "rate_email" // too many from one e-mail address
	TooManyLinks Reason = "too_many_links"
	BlockedWord  Reason = "blocked_word"
	BlockedEmail Reason = "blocked_address"
)

// Refusal is returned by Check for a submission that must not be accepted.
// Spam is true for the verdicts a form may instead keep as spam for a
// moderator to review (blocked words and addresses); the others mean
// nothing may be stored.
type Refusal struct {
	Reason Reason
	Spam   bool
	// RetryAfter is set for the rate limits.
	RetryAfter time.Duration
}

func (r *Refusal) Error() string { return "antispam: refused (" + string(r.Reason) + ")" }

// Key is the catalog key of the reader-facing message.
func (r *Refusal) Key() string { return "antispam." + string(r.Reason) }

// AsRefusal unwraps a Refusal from err.
func AsRefusal(err error) (*Refusal, bool) {
	var r *Refusal
	ok := errors.As(err, &r)
	return r, ok
}

// Store remembers keys (used token nonces, content fingerprints) until they
// expire. Remember records key and reports whether it was new; it must be
// atomic, so two requests racing with the same token cannot both win.
type Store interface {
	Remember(ctx context.Context, key string, expires time.Time) (fresh bool, err error)
	Counter // the rate limits
}

// Policy holds the limits one site applies; Defaults gives sensible ones and
// the site's settings override them (see ParsePolicy).
type Policy struct {
	MinDelay         time.Duration // a form sent sooner after it was shown is refused
	MaxAge           time.Duration // a form shown longer ago is refused (the reader sends it again)
	MaxLinks         int           // more links than this in the text is refused; -1 for no limit
	PerIP            int           // submissions per address per Window
	PerEmail         int           // submissions per e-mail address per Window
	Window           time.Duration
	DuplicateWindow  time.Duration // the same text from the same sender within it is refused
	BlockedWords     []string      // lower-case words or phrases; a match is spam
	BlockedAddresses []string      // whole addresses, "@domain" or "domain" (with subdomains); a match is spam
}

// Defaults are the limits of a site that set none.
func Defaults() Policy {
	return Policy{MinDelay: 3 * time.Second, MaxAge: 24 * time.Hour, MaxLinks: 2, PerIP: 5, PerEmail: 3,
		Window: 10 * time.Minute, DuplicateWindow: 24 * time.Hour}
}

// Setting names of the site-wide settings ParsePolicy reads.
const (
	SettingMinSeconds       = "antispam_min_seconds"
	SettingMaxLinks         = "antispam_max_links"
	SettingPerIP            = "antispam_per_ip"
	SettingPerEmail         = "antispam_per_email"
	SettingBlockedWords     = "antispam_blocked_words"     // one per line
	SettingBlockedAddresses = "antispam_blocked_addresses" // one per line
	// SettingSecret is the site secret that signs form tokens and keys IP
	// addresses; it is made on first use and never shown.
	SettingSecret = "antispam_secret"
)

// ParsePolicy builds a policy from site settings (missing or empty values
// keep the defaults). get returns a setting's value and whether it is set.
func ParsePolicy(get func(name string) (string, bool)) (Policy, error) {
	p := Defaults()
	num := func(name string, lo, hi int, set func(int)) error {
		v, ok := get(name)
		if !ok || strings.TrimSpace(v) == "" {
			return nil
		}
		n, err := strconv.Atoi(strings.TrimSpace(v))
		if err != nil || n < lo || n > hi {
			return fmt.Errorf("setting %s is %q; it must be a whole number from %d to %d", name, v, lo, hi)
		}
		set(n)
		return nil
	}
	err := errors.Join(
		num(SettingMinSeconds, 0, 3600, func(n int) { p.MinDelay = time.Duration(n) * time.Second }),
		num(SettingMaxLinks, -1, 1000, func(n int) { p.MaxLinks = n }),
		num(SettingPerIP, 1, 10000, func(n int) { p.PerIP = n }),
		num(SettingPerEmail, 1, 10000, func(n int) { p.PerEmail = n }),
	)
	if v, ok := get(SettingBlockedWords); ok {
		p.BlockedWords = Lines(v)
	}
	if v, ok := get(SettingBlockedAddresses); ok {
		p.BlockedAddresses = Lines(v)
	}
	return p, err
}

// Lines splits a setting of one entry per line into trimmed, lower-case,
// non-empty entries.
func Lines(v string) []string {
	var out []string
	for _, l := range strings.Split(v, "\n") {
		if l = strings.ToLower(strings.TrimSpace(l)); l != "" {
			out = append(out, l)
		}
	}
	return out
}

// Guard checks submissions. One Guard serves every form of a site; its rate
// limits are counted in the Store, so every node shares them.
type Guard struct {
	Secret []byte
	Store  Store
	Now    func() time.Time

	// pageTokens keeps the current hour's PageToken per form and target:
	// every uncached page with a subscribe form needs one, and two HMACs
	// per page were about 1% of an uncached home page.
	pageMu     sync.Mutex
	pageTokens map[string]pageToken
}

type pageToken struct {
	hour  int64
	token string
}

// maxPageTokens bounds pageTokens; past it the map starts again.
const maxPageTokens = 256

// NewGuard makes a guard with a secret of at least 16 bytes.
func NewGuard(secret []byte, st Store) (*Guard, error) {
	if len(secret) < 16 {
		return nil, errors.New("antispam: the site secret is too short")
	}
	if st == nil {
		return nil, errors.New("antispam: a guard needs a store")
	}
	return &Guard{Secret: secret, Store: st}, nil
}

func (g *Guard) now() time.Time {
	if g.Now != nil {
		return g.Now()
	}
	return time.Now()
}

// Token signs a new form token for form ("comment", "contact" …) and target
// (an article id, an edition …): the time it was shown and a random nonce.
func (g *Guard) Token(form, target string) string {
	var b [16]byte
	binary.BigEndian.PutUint64(b[:8], uint64(g.now().Unix()))
	if _, err := rand.Read(b[8:]); err != nil {
		panic(err)
	}
	return base64.RawURLEncoding.EncodeToString(b[:]) + "." + g.sign(form, target, b[:])
}

// PageToken is a token for a page that many readers share (a cached page):
// the same for a whole hour, so the page's bytes and ETag do not change with
// every rendering. Its time is the start of the hour, and like every token it
// works once; a page script fetches each reader a Token of their own.
func (g *Guard) PageToken(form, target string) string {
	hour := g.now().Truncate(time.Hour)
	key := form + "\x00" + target
	g.pageMu.Lock()
	kept, ok := g.pageTokens[key]
	g.pageMu.Unlock()
	if ok && kept.hour == hour.Unix() {
		return kept.token
	}
	token := g.pageToken(form, target, hour)
	g.pageMu.Lock()
	if g.pageTokens == nil || len(g.pageTokens) >= maxPageTokens {
		g.pageTokens = map[string]pageToken{}
	}
	g.pageTokens[key] = pageToken{hour.Unix(), token}
	g.pageMu.Unlock()
	return token
}

// pageToken makes the PageToken of form and target for hour.
func (g *Guard) pageToken(form, target string, hour time.Time) string {
	var b [16]byte
	binary.BigEndian.PutUint64(b[:8], uint64(hour.Unix()))
	m := hmac.New(sha256.New, g.Secret)
	m.Write([]byte("page-token-nonce\x00" + form + "\x00" + target + "\x00"))
	m.Write(b[:8])
	copy(b[8:], m.Sum(nil))
	return base64.RawURLEncoding.EncodeToString(b[:]) + "." + g.sign(form, target, b[:])
}

func (g *Guard) sign(form, target string, payload []byte) string {
	m := hmac.New(sha256.New, g.Secret)
	m.Write([]byte("form-token\x00" + form + "\x00" + target + "\x00"))
	m.Write(payload)
	return base64.RawURLEncoding.EncodeToString(m.Sum(nil)[:18])
}

// parseToken checks a token's signature and gives its time and nonce.
func (g *Guard) parseToken(form, target, token string) (time.Time, string, bool) {
	body, sig, ok := strings.Cut(token, ".")
	if !ok {
		return time.Time{}, "", false
	}
	payload, err := base64.RawURLEncoding.DecodeString(body)
	if err != nil || len(payload) != 16 {
		return time.Time{}, "", false
	}
	if !hmac.Equal([]byte(sig), []byte(g.sign(form, target, payload))) {
		return time.Time{}, "", false
	}
	return time.Unix(int64(binary.BigEndian.Uint64(payload[:8])), 0), hex.EncodeToString(payload[8:]), true
}

// Submission is what a reader sent, as far as the guard cares.
type Submission struct {
	Form     string // "comment", "contact", "subscribe"
	Target   string // what the form was for, as given to Token
	Token    string
	Honeypot string // the hidden field; people leave it empty
	IP       string // the client address, in the clear (it is never stored by the guard)
	Email    string
	// Text holds the free-text fields (name, subject, body …), checked for
	// links and blocked words and fingerprinted for duplicates.
	Text []string
	// Repeatable skips the duplicate check: sending the same again is
	// legitimate (a subscription whose confirmation mail went astray).
	Repeatable bool
}

// Check runs every defence on sub, cheapest first, and returns nil or a
// *Refusal. It records the token as used and the text's fingerprint only
// when everything else passed, so a refused form can be corrected and sent
// again with a fresh token.
func (g *Guard) Check(ctx context.Context, p Policy, sub Submission) error {
	now := g.now()
	if strings.TrimSpace(sub.Honeypot) != "" {
		return &Refusal{Reason: Honeypot}
	}
	shown, nonce, ok := g.parseToken(sub.Form, sub.Target, sub.Token)
	if !ok {
		return &Refusal{Reason: BadToken}
	}
	if age := now.Sub(shown); age < p.MinDelay {
		return &Refusal{Reason: TooFast}
	} else if p.MaxAge > 0 && age > p.MaxAge {
		return &Refusal{Reason: Expired}
	}
	text := strings.Join(sub.Text, "\n")
	if p.MaxLinks >= 0 && CountLinks(text) > p.MaxLinks {
		return &Refusal{Reason: TooManyLinks}
	}
	email := strings.ToLower(strings.TrimSpace(sub.Email))
	// Rate limits count every attempt that got this far.
	if err := throttle(ctx, g.Store, p, sub.Form, sub.IP, email, now); err != nil {
		return err
	}
	fresh, err := g.Store.Remember(ctx, "token:"+nonce, shown.Add(max(p.MaxAge, 24*time.Hour)).Add(time.Hour))
	if err != nil {
		return err
	}
	if !fresh {
		return &Refusal{Reason: Reused}
	}
	if !sub.Repeatable {
		fresh, err = g.Store.Remember(ctx, "dup:"+g.fingerprint(sub.Form, sub.Target, email, text), now.Add(p.DuplicateWindow))
		if err != nil {
			return err
		}
		if !fresh {
			return &Refusal{Reason: Duplicate}
		}
	}
	if w := BlockedWordIn(text+"\n"+email, p.BlockedWords); w != "" {
		return &Refusal{Reason: BlockedWord, Spam: true}
	}
	if email != "" && AddressBlocked(email, p.BlockedAddresses) {
		return &Refusal{Reason: BlockedEmail, Spam: true}
	}
	return nil
}

// fingerprint is a keyed hash of a submission's normalized content, so the
// table of fingerprints reveals nothing of what was sent.
func (g *Guard) fingerprint(parts ...string) string {
	m := hmac.New(sha256.New, g.Secret)
	m.Write([]byte("fingerprint"))
	for _, p := range parts {
		m.Write([]byte{0})
		m.Write([]byte(strings.Join(strings.Fields(strings.ToLower(p)), " ")))
	}
	return hex.EncodeToString(m.Sum(nil)[:20])
}

// HashIP keys a client address with the site secret: the same address gives
// the same value (for rate limits and a moderator's "same sender" view), but
// the address cannot be read back from it. IPv6 addresses are cut to their
// /64, which is what one household or device gets.
func (g *Guard) HashIP(ip string) string {
	if ip == "" {
		return ""
	}
	if parsed := net.ParseIP(ip); parsed != nil {
		if parsed.To4() == nil {
			parsed = parsed.Mask(net.CIDRMask(64, 128))
		}
		ip = parsed.String()
	}
	m := hmac.New(sha256.New, g.Secret)
	m.Write([]byte("ip\x00" + ip))
	return hex.EncodeToString(m.Sum(nil)[:16])
}

var linkPattern = regexp.MustCompile(`(?i)(https?://|ftp://|www\.|<a\s|\[url)`)

// CountLinks counts what looks like a link in text.
func CountLinks(text string) int { return len(linkPattern.FindAllStringIndex(text, -1)) }

// BlockedWordIn returns the first blocked word or phrase found in text
// (case-insensitive, on word boundaries), or "".
func BlockedWordIn(text string, words []string) string {
	if len(words) == 0 {
		return ""
	}
	norm := " " + strings.Join(strings.FieldsFunc(strings.ToLower(text), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsNumber(r) && !unicode.Is(unicode.Mn, r) && r != '@' && r != '.' && r != '\u200c'
	}), " ") + " "
	for _, w := range words {
		w = strings.ToLower(strings.TrimSpace(w))
		if w != "" && strings.Contains(norm, " "+w+" ") {
			return w
		}
	}
	return ""
}

// AddressBlocked reports whether email is blocked by a list of whole
// addresses, "@domain" entries and bare domains (which also block their
// subdomains).
func AddressBlocked(email string, list []string) bool {
	email = strings.ToLower(strings.TrimSpace(email))
	at := strings.LastIndexByte(email, '@')
	domain := ""
	if at >= 0 {
		domain = email[at+1:]
	}
	for _, b := range list {
		b = strings.ToLower(strings.TrimSpace(b))
		switch {
		case b == "":
		case strings.HasPrefix(b, "@"):
			if domain == b[1:] {
				return true
			}
		case strings.Contains(b, "@"):
			if email == b {
				return true
			}
		default:
			if domain == b || strings.HasSuffix(domain, "."+b) {
				return true
			}
		}
	}
	return false
}

// NewSecret makes a random site secret, base64-encoded for the settings table.
func NewSecret() string {
	b := make([]byte, 32)
	if _, err := rand.Read(b); err != nil {
		panic(err)
	}
	return base64.RawStdEncoding.EncodeToString(b)
}

// DecodeSecret reads a secret made by NewSecret.
func DecodeSecret(s string) ([]byte, error) {
	b, err := base64.RawStdEncoding.DecodeString(strings.TrimSpace(s))
	if err != nil || len(b) < 16 {
		return nil, errors.New("antispam: the stored site secret is damaged")
	}
	return b, nil
}

// SecretStore keeps the site secret among the site's settings.
type SecretStore interface {
	// EnsureSetting stores value unless name is set and returns the stored value.
	EnsureSetting(ctx context.Context, name, value string) (string, error)
}

// LoadSecret returns the site secret, making and storing one on first use.
func LoadSecret(ctx context.Context, st SecretStore) ([]byte, error) {
	v, err := st.EnsureSetting(ctx, SettingSecret, NewSecret())
	if err != nil {
		return nil, err
	}
	return DecodeSecret(v)
}
