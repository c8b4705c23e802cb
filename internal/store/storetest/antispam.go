package storetest

import (
	"testing"
	"time"

	"github.com/masthead-news/masthead/internal/antispam"
	"github.com/masthead-news/masthead/internal/store"
)

// testAntispam checks the remembered keys behind form tokens and duplicate
// detection, and the site secret.
func testAntispam(t *testing.T, s *store.Store) {
	gen := s.Generation()
	future := time.Now().Add(time.Hour)
	fresh, err := s.Remember(ctx, "token:a", future)
	must(t, err)
	if !fresh {
		t.Fatal("a new key is not fresh")
	}
	if fresh, err := s.Remember(ctx, "token:a", future); err != nil || fresh {
		t.Fatalf("the same key again: fresh=%v err=%v", fresh, err)
	}
	past := time.Now().Add(-time.Minute)
	if fresh, _ := s.Remember(ctx, "token:old", past); !fresh {
		t.Fatal("second key")
	}
	if fresh, err := s.Remember(ctx, "token:old", future); err != nil || !fresh {
		t.Errorf("a key whose time is up is not fresh again: fresh=%v err=%v", fresh, err)
	}
	if fresh, _ := s.Remember(ctx, "dup:x", past); !fresh {
		t.Fatal("third key")
	}
	n, err := s.ForgetExpired(ctx, time.Now())
	must(t, err)
	if n != 1 {
		t.Errorf("forgot %d keys, want 1", n)
	}
	if s.Generation() != gen {
		t.Error("remembering form tokens moved the cache generation: any reader could empty the page cache")
	}

	secret, err := antispam.LoadSecret(ctx, s)
	must(t, err)
	again, err := antispam.LoadSecret(ctx, s)
	must(t, err)
	if len(secret) < 16 || string(secret) != string(again) {
		t.Error("the site secret changes between loads")
	}
}
