package antispam_test

import (
	"context"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/masthead-news/masthead/internal/antispam"
)

// memStore is an in-memory antispam.Store.
type memStore struct {
	mu     sync.Mutex
	seen   map[string]time.Time
	events []event
}

type event struct {
	key         string
	at, expires time.Time
}

func (m *memStore) RateEvents(_ context.Context, key string, since time.Time) (int, time.Time, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	n, oldest := 0, time.Time{}
	for _, e := range m.events {
		if e.key == key && e.at.After(since) {
			if n == 0 || e.at.Before(oldest) {
				oldest = e.at
			}
			n++
		}
	}
	return n, oldest, nil
}

func (m *memStore) AddRateEvent(_ context.Context, key string, at, expires time.Time) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.events = append(m.events, event{key, at, expires})
	return nil
}

func (m *memStore) Remember(_ context.Context, key string, expires time.Time) (bool, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.seen == nil {
		m.seen = map[string]time.Time{}
	}
	if _, ok := m.seen[key]; ok {
		return false, nil
	}
	m.seen[key] = expires
	return true, nil
}

type clock struct{ t time.Time }

func (c *clock) now() time.Time { return c.t }

func newGuard(t *testing.T) (*antispam.Guard, *clock) {
	t.Helper()
	secret, err := antispam.DecodeSecret(antispam.NewSecret())
	if err != nil {
		t.Fatal(err)
	}
	g, err := antispam.NewGuard(secret, &memStore{})
	if err != nil {
		t.Fatal(err)
	}
	c := &clock{time.Unix(1_800_000_000, 0)}
	g.Now = c.now
	return g, c
}

func reason(t *testing.T, err error) antispam.Reason {
	t.Helper()
	if err == nil {
		return ""
	}
	r, ok := antispam.AsRefusal(err)
	if !ok {
		t.Fatalf("not a refusal: %v", err)
	}
	return r.Reason
}

func TestCheckDefences(t *testing.T) {
	ctx := context.Background()
	p := antispam.Defaults()
	p.BlockedWords = []string{"casino", "cheap pills"}
	p.BlockedAddresses = []string{"spammer@example.net", "@junk.example", "bad.example"}

	g, c := newGuard(t)
	sub := func(text string) antispam.Submission {
		s := antispam.Submission{Form: "comment", Target: "42", Token: g.Token("comment", "42"), IP: "192.0.2.1",
			Email: "reader@example.org", Text: []string{"Reader", text}}
		return s
	}

	s := sub("A fine article.")
	if got := reason(t, g.Check(ctx, p, s)); got != antispam.TooFast {
		t.Errorf("sent at once: %q, want too_fast", got)
	}
	c.t = c.t.Add(5 * time.Second)
	if err := g.Check(ctx, p, s); err != nil {
		t.Fatalf("a good submission was refused: %v", err)
	}
	if got := reason(t, g.Check(ctx, p, s)); got != antispam.Reused {
		t.Errorf("the same form sent twice: %q, want reused", got)
	}
	s2 := sub("A fine article.")
	c.t = c.t.Add(5 * time.Second)
	if got := reason(t, g.Check(ctx, p, s2)); got != antispam.Duplicate {
		t.Errorf("the same text with a new token: %q, want duplicate", got)
	}

	cases := []struct {
		name string
		edit func(*antispam.Submission)
		want antispam.Reason
		spam bool
	}{
		{"honeypot", func(s *antispam.Submission) { s.Honeypot = "http://x.example" }, antispam.Honeypot, false},
		{"no token", func(s *antispam.Submission) { s.Token = "" }, antispam.BadToken, false},
		{"forged token", func(s *antispam.Submission) { s.Token = strings.Replace(s.Token, ".", ".x", 1) }, antispam.BadToken, false},
		{"token of another article", func(s *antispam.Submission) { s.Target = "43" }, antispam.BadToken, false},
		{"token of another form", func(s *antispam.Submission) { s.Form = "contact" }, antispam.BadToken, false},
		{"links", func(s *antispam.Submission) {
			s.Text[1] = "see https://a.example and http://b.example and www.c.example"
		}, antispam.TooManyLinks, false},
		{"blocked word", func(s *antispam.Submission) { s.Text[1] = "Best CASINO in town" }, antispam.BlockedWord, true},
		{"blocked phrase", func(s *antispam.Submission) { s.Text[1] = "buy cheap  pills now" }, antispam.BlockedWord, true},
		{"blocked address", func(s *antispam.Submission) { s.Email = "Spammer@Example.net" }, antispam.BlockedEmail, true},
		{"blocked @domain", func(s *antispam.Submission) { s.Email = "x@junk.example" }, antispam.BlockedEmail, true},
		{"blocked subdomain", func(s *antispam.Submission) { s.Email = "x@mail.bad.example" }, antispam.BlockedEmail, true},
	}
	for i, tc := range cases {
		g, c := newGuard(t)
		s := antispam.Submission{Form: "comment", Target: "42", Token: g.Token("comment", "42"), IP: "192.0.2.1",
			Email: "reader@example.org", Text: []string{"Reader", "Text number " + string(rune('a'+i))}}
		c.t = c.t.Add(10 * time.Second)
		tc.edit(&s)
		err := g.Check(ctx, p, s)
		if got := reason(t, err); got != tc.want {
			t.Errorf("%s: %q, want %q", tc.name, got, tc.want)
			continue
		}
		if r, _ := antispam.AsRefusal(err); r.Spam != tc.spam {
			t.Errorf("%s: spam=%v, want %v", tc.name, r.Spam, tc.spam)
		}
	}

	// A word inside another word is not blocked ("casinos" is, as a whole word, not "casino").
	g, c = newGuard(t)
	s = sub("occasionally")
	s.Token = g.Token("comment", "42")
	c.t = c.t.Add(10 * time.Second)
	if err := g.Check(ctx, p, s); err != nil {
		t.Errorf("a word containing a blocked word was refused: %v", err)
	}

	// A form shown more than a day ago has expired.
	g, c = newGuard(t)
	old := g.Token("comment", "42")
	c.t = c.t.Add(25 * time.Hour)
	s = sub("Late reply")
	s.Token = old
	if got := reason(t, g.Check(ctx, p, s)); got != antispam.Expired {
		t.Errorf("old form: %q, want expired", got)
	}
}

func TestRateLimits(t *testing.T) {
	ctx := context.Background()
	p := antispam.Defaults()
	g, c := newGuard(t)
	send := func(ip, email string, n int) error {
		tok := g.Token("contact", "en")
		c.t = c.t.Add(4 * time.Second)
		return g.Check(ctx, p, antispam.Submission{Form: "contact", Target: "en", Token: tok, IP: ip, Email: email,
			Text: []string{"message " + string(rune('a'+n))}})
	}
	for i := 0; i < p.PerEmail; i++ {
		if err := send("192.0.2.1", "a@example.org", i); err != nil {
			t.Fatalf("message %d refused: %v", i, err)
		}
	}
	err := send("192.0.2.2", "A@example.org", 10)
	if got := reason(t, err); got != antispam.RateEmail {
		t.Fatalf("4th message from one address: %q, want rate_email", got)
	}
	if r, _ := antispam.AsRefusal(err); r.RetryAfter <= 0 || r.RetryAfter > p.Window {
		t.Errorf("retry after %v", r.RetryAfter)
	}
	for i := 0; i < p.PerIP-p.PerEmail; i++ {
		if err := send("192.0.2.1", "other"+string(rune('a'+i))+"@example.org", 20+i); err != nil {
			t.Fatalf("message %d refused: %v", i, err)
		}
	}
	if got := reason(t, send("192.0.2.1", "new@example.org", 30)); got != antispam.RateIP {
		t.Fatalf("6th message from one IP: %q, want rate_ip", got)
	}
	c.t = c.t.Add(p.Window)
	if err := send("192.0.2.1", "new@example.org", 31); err != nil {
		t.Errorf("still limited after the window: %v", err)
	}
}

func TestHashIP(t *testing.T) {
	g, _ := newGuard(t)
	h := g.HashIP("203.0.113.7")
	if h == "" || strings.Contains(h, "203.0.113.7") || h != g.HashIP("203.0.113.7") || h == g.HashIP("203.0.113.8") {
		t.Errorf("hash %q", h)
	}
	if g.HashIP("2001:db8:1:2:aaaa::1") != g.HashIP("2001:db8:1:2:bbbb::9") {
		t.Error("two addresses of one IPv6 /64 hash differently")
	}
	g2, _ := newGuard(t)
	if g2.HashIP("203.0.113.7") == h {
		t.Error("the hash does not depend on the site secret")
	}
}

func TestParsePolicy(t *testing.T) {
	vals := map[string]string{antispam.SettingMinSeconds: "5", antispam.SettingMaxLinks: "0",
		antispam.SettingBlockedWords: " Casino \n\n viagra", antispam.SettingBlockedAddresses: "@x.example"}
	p, err := antispam.ParsePolicy(func(n string) (string, bool) { v, ok := vals[n]; return v, ok })
	if err != nil {
		t.Fatal(err)
	}
	if p.MinDelay != 5*time.Second || p.MaxLinks != 0 || len(p.BlockedWords) != 2 || p.BlockedWords[0] != "casino" || p.PerIP != antispam.Defaults().PerIP {
		t.Errorf("policy %+v", p)
	}
	vals[antispam.SettingPerIP] = "-3"
	if _, err := antispam.ParsePolicy(func(n string) (string, bool) { v, ok := vals[n]; return v, ok }); err == nil {
		t.Error("a negative rate limit was accepted")
	}
}

func TestCountLinks(t *testing.T) {
	for text, want := range map[string]int{"no links": 0, "https://a.example": 1, `<a href="x">y</a> www.b.example`: 2, "[url=x]": 1} {
		if got := antispam.CountLinks(text); got != want {
			t.Errorf("CountLinks(%q) = %d, want %d", text, got, want)
		}
	}
}

func TestRateLimitsSlideAndSayHowLongToWait(t *testing.T) {
	ctx := context.Background()
	st := &memStore{}
	now := time.Unix(1_700_000_000, 0)
	l := antispam.Limit{Key: "k", Max: 3, Window: time.Minute}
	for i := range 3 {
		if i, _, err := antispam.Exceeded(ctx, st, now, l); err != nil || i >= 0 {
			t.Fatalf("refused after %d events, limit 3 (%v)", i, err)
		}
		if err := antispam.Record(ctx, st, now.Add(time.Duration(i)*time.Second), l); err != nil {
			t.Fatal(err)
		}
	}
	i, wait, err := antispam.Exceeded(ctx, st, now.Add(10*time.Second), antispam.Limit{Key: "other", Max: 1, Window: time.Minute}, l)
	if err != nil || i != 1 || wait != 50*time.Second {
		t.Fatalf("limit %d, wait %v (%v); want the second limit, 50s", i, wait, err)
	}
	if i, _, _ := antispam.Exceeded(ctx, st, now.Add(61*time.Second), l); i >= 0 {
		t.Error("still refused after the first event left the window")
	}
	if len(st.events) != 3 || st.events[0].key == "k" || st.events[0].key != antispam.RateKey("k") {
		t.Errorf("stored keys must be hashed: %+v", st.events)
	}
	if !st.events[0].expires.Equal(now.Add(time.Minute)) {
		t.Errorf("an event expires at %v, want the end of its window", st.events[0].expires)
	}
}

// A page many readers share carries the same token for an hour (its bytes
// and ETag stay put); the token works once, and a new hour brings a new one.
func TestPageTokenIsStableForAnHourAndWorksOnce(t *testing.T) {
	ctx := context.Background()
	g, c := newGuard(t)
	c.t = c.t.Truncate(time.Hour).Add(10 * time.Minute)
	first := g.PageToken("subscribe", "en")
	c.t = c.t.Add(40 * time.Minute)
	if again := g.PageToken("subscribe", "en"); again != first {
		t.Fatal("the page token changed within the hour")
	}
	if g.PageToken("subscribe", "fa") == first || g.PageToken("contact", "en") == first {
		t.Error("two forms or targets share a page token")
	}
	p := antispam.Defaults()
	sub := antispam.Submission{Form: "subscribe", Target: "en", Token: first, IP: "192.0.2.1", Email: "a@example.org", Repeatable: true}
	if err := g.Check(ctx, p, sub); err != nil {
		t.Fatalf("the page token: %v", err)
	}
	sub.Email, sub.IP = "b@example.org", "192.0.2.2"
	if r, ok := antispam.AsRefusal(g.Check(ctx, p, sub)); !ok || r.Reason != antispam.Reused {
		t.Errorf("the page token worked twice")
	}
	c.t = c.t.Add(time.Hour)
	if g.PageToken("subscribe", "en") == first {
		t.Error("the next hour has the same page token")
	}
	// Kept tokens are the ones a guard makes afresh, past the bound of
	// the kept ones too.
	fresh := func(target string) string {
		return (&antispam.Guard{Secret: g.Secret, Store: g.Store, Now: g.Now}).PageToken("subscribe", target)
	}
	for round := range 2 {
		for i := range 300 {
			target := fmt.Sprint("t", i)
			if got, want := g.PageToken("subscribe", target), fresh(target); got != want {
				t.Fatalf("round %d: kept page token of %s differs from a fresh one", round, target)
			}
		}
	}
}
