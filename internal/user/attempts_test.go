package user_test

import (
	"context"
	"errors"
	"path/filepath"
	"testing"
	"time"

	"github.com/masthead-news/masthead/internal/store"
	"github.com/masthead-news/masthead/internal/store/postgres/pgtest"
	"github.com/masthead-news/masthead/internal/store/sqlite"
	"github.com/masthead-news/masthead/internal/user"
)

// Sign-in limits hold for a whole site, not per process: failures made on
// one node count on every other, and a restart forgets none of them.
func TestSignInLimitsAreSharedByNodes(t *testing.T) {
	t.Run("sqlite", func(t *testing.T) {
		path := filepath.Join(t.TempDir(), "site.db")
		open := func() *store.Store {
			s, err := sqlite.Open(path)
			if err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() { s.Close() })
			return s
		}
		first := open()
		if _, err := first.Migrate(context.Background()); err != nil {
			t.Fatal(err)
		}
		checkSharedLimits(t, first, open(), open())
	})
	t.Run("postgres", func(t *testing.T) {
		url := pgtest.URL(t)
		first := pgtest.OpenURL(t, url)
		if _, err := first.Migrate(context.Background()); err != nil {
			t.Fatal(err)
		}
		checkSharedLimits(t, first, pgtest.OpenURL(t, url), pgtest.OpenURL(t, url))
	})
}

func checkSharedLimits(t *testing.T, nodeA, nodeB, restarted *store.Store) {
	ctx := context.Background()
	now := time.Date(2026, 11, 29, 10, 0, 0, 0, time.UTC)
	clock := func() time.Time { return now }
	svc := &user.Service{Store: nodeA, Now: clock}
	if _, err := svc.Add(ctx, "editor@example.org", "Editor", user.Editor, "a long enough password"); err != nil {
		t.Fatal(err)
	}
	a, b := &user.Auth{Store: nodeA, Now: clock}, &user.Auth{Store: nodeB, Now: clock}
	gen := nodeA.Generation()

	for i := range user.MaxFailsAccount {
		node := a
		if i%2 == 1 {
			node = b
		}
		if _, _, err := node.Login(ctx, "editor@example.org", "wrong password", "192.0.2.10"); !errors.Is(err, user.ErrBadLogin) {
			t.Fatalf("failure %d: %v", i+1, err)
		}
	}
	var limited *user.RateLimitError
	_, _, err := b.Login(ctx, "Editor@example.org", "a long enough password", "192.0.2.99")
	if !errors.As(err, &limited) || limited.RetryAfter <= 0 || limited.RetryAfter > user.LoginWindow {
		t.Fatalf("after %d failures spread over two nodes, the right password from elsewhere: %v", user.MaxFailsAccount, err)
	}
	restartedAuth := &user.Auth{Store: restarted, Now: clock}
	if _, _, err := restartedAuth.Login(ctx, "editor@example.org", "a long enough password", "192.0.2.99"); !errors.As(err, &limited) {
		t.Fatalf("a restarted node forgot the failures: %v", err)
	}
	if nodeA.Generation() != gen {
		t.Error("counting failures moved the page cache's generation: anybody could empty the cache")
	}

	// The window passes: the account signs in, and its count starts again.
	now = now.Add(user.LoginWindow + time.Second)
	if _, _, err := a.Login(ctx, "editor@example.org", "a long enough password", "192.0.2.99"); err != nil {
		t.Fatalf("after the window: %v", err)
	}
	if _, _, err := b.Login(ctx, "editor@example.org", "wrong password", "192.0.2.10"); !errors.Is(err, user.ErrBadLogin) {
		t.Fatalf("a new failure after the window: %v", err)
	}
}
