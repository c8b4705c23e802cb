package antispam_test

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"github.com/masthead-news/masthead/internal/antispam"
	"github.com/masthead-news/masthead/internal/store/sqlite"
)

// The public forms' rate limits hold for the whole site: two guards on
// two connections to one database (two nodes) share one count.
func TestFormLimitsAreSharedByNodes(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "site.db")
	var guards []*antispam.Guard
	now := time.Unix(1_800_000_000, 0)
	secret, _ := antispam.DecodeSecret(antispam.NewSecret())
	for i := range 2 {
		st, err := sqlite.Open(path)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { st.Close() })
		if i == 0 {
			if _, err := st.Migrate(ctx); err != nil {
				t.Fatal(err)
			}
		}
		g, err := antispam.NewGuard(secret, st)
		if err != nil {
			t.Fatal(err)
		}
		g.Now = func() time.Time { return now }
		guards = append(guards, g)
	}
	p := antispam.Defaults()
	for i := range p.PerIP {
		shown := now
		now = shown.Add(p.MinDelay + time.Second)
		g := guards[i%2]
		g.Now = func() time.Time { return shown }
		tok := g.Token("contact", "en")
		g.Now = func() time.Time { return now }
		sub := antispam.Submission{Form: "contact", Target: "en", Token: tok, IP: "198.51.100.7",
			Email: "reader" + string(rune('a'+i)) + "@example.org", Text: []string{"message number " + string(rune('a'+i))}}
		if err := g.Check(ctx, p, sub); err != nil {
			t.Fatalf("message %d refused: %v", i+1, err)
		}
	}
	shown := now
	now = now.Add(p.MinDelay + time.Second)
	g := guards[0]
	g.Now = func() time.Time { return shown }
	tok := g.Token("contact", "en")
	g.Now = func() time.Time { return now }
	err := g.Check(ctx, p, antispam.Submission{Form: "contact", Target: "en", Token: tok, IP: "198.51.100.7",
		Email: "late@example.org", Text: []string{"one more"}})
	if r, ok := antispam.AsRefusal(err); !ok || r.Reason != antispam.RateIP {
		t.Fatalf("message %d from one address over two nodes: %v, want rate_ip", p.PerIP+1, err)
	}
}
