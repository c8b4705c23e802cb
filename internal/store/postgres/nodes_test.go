package postgres_test

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/masthead-news/masthead/internal/content"
	"github.com/masthead-news/masthead/internal/media"
	"github.com/masthead-news/masthead/internal/search"
	"github.com/masthead-news/masthead/internal/store"
	"github.com/masthead-news/masthead/internal/store/postgres"
	"github.com/masthead-news/masthead/internal/store/postgres/pgtest"
	"github.com/masthead-news/masthead/internal/store/storetest"
)

// These tests play several nodes: stores opened on one schema, as separate
// processes would be on one database.

// TestNodesMigrateTogether: nodes that start at once apply every migration
// exactly once between them (the advisory lock), and all end up current.
func TestNodesMigrateTogether(t *testing.T) {
	url := pgtest.URL(t)
	nodes := []*store.Store{pgtest.OpenURL(t, url), pgtest.OpenURL(t, url), pgtest.OpenURL(t, url)}
	var mu sync.Mutex
	var all []string
	var wg sync.WaitGroup
	for _, s := range nodes {
		wg.Go(func() {
			applied, err := s.Migrate(context.Background())
			if err != nil {
				t.Error(err)
			}
			mu.Lock()
			all = append(all, applied...)
			mu.Unlock()
		})
	}
	wg.Wait()
	slices.Sort(all)
	if len(all) == 0 || len(slices.Compact(slices.Clone(all))) != len(all) {
		t.Fatalf("migrations applied between the nodes: %v", all)
	}
	for _, s := range nodes {
		if p, err := s.Pending(context.Background()); err != nil || len(p) != 0 {
			t.Fatalf("pending after migrating: %v %v", p, err)
		}
	}
}

// TestChangeNotices: a committed write on one node reaches the others'
// listeners, which move their generation (so their page caches drop old
// pages); a rolled-back transaction and writes no page shows send nothing.
func TestChangeNotices(t *testing.T) {
	ctx := context.Background()
	url := pgtest.URL(t)
	a := pgtest.OpenURL(t, url)
	if _, err := a.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	b := pgtest.OpenURL(t, url)
	cat := storetest.SeedNews(t, a)

	// A raw listener records who sent each notice. The channel is shared by
	// everything on the server (other tests too), so it looks only at A's.
	raw, err := pgx.Connect(ctx, url)
	if err != nil {
		t.Fatal(err)
	}
	defer raw.Close(ctx)
	if _, err := raw.Exec(ctx, "LISTEN "+postgres.Channel); err != nil {
		t.Fatal(err)
	}
	fromA := func(wait time.Duration) int {
		t.Helper()
		n := 0
		for {
			wctx, cancel := context.WithTimeout(ctx, wait)
			note, err := raw.WaitForNotification(wctx)
			cancel()
			if errors.Is(err, context.DeadlineExceeded) {
				return n
			}
			if err != nil {
				t.Fatal(err)
			}
			if note.Payload == a.NodeID() {
				n++
			}
			wait = 300 * time.Millisecond // drain what else came
		}
	}
	lctx, stop := context.WithCancel(ctx)
	defer stop()
	if err := postgres.Listen(lctx, url, b.NodeID(), b.Changed,
		slog.New(slog.NewTextHandler(io.Discard, nil))); err != nil {
		t.Fatal(err)
	}

	before := b.Generation()
	at := time.Now().UTC().Truncate(time.Second)
	art := &content.Article{Edition: "en", Slug: "fair", Title: "Harbour fair", PrimaryCategoryID: cat.ID, CategoryIDs: []int64{cat.ID},
		External: content.Byline{Writer: "W"}, Status: content.Published, PublishedAt: at, CreatedAt: at, UpdatedAt: at}
	if err := a.CreateArticle(ctx, art); err != nil {
		t.Fatal(err)
	}
	if n := fromA(5 * time.Second); n != 1 {
		t.Fatalf("a committed transaction sent %d notices, want 1", n)
	}
	deadline := time.Now().Add(5 * time.Second)
	for b.Generation() == before {
		if time.Now().After(deadline) {
			t.Fatal("node B's generation did not move after A's write")
		}
		time.Sleep(10 * time.Millisecond)
	}
	// A single write outside a transaction is announced too.
	if err := a.SetSetting(ctx, "x", "1"); err != nil {
		t.Fatal(err)
	}
	if n := fromA(5 * time.Second); n != 1 {
		t.Fatalf("a single write sent %d notices, want 1", n)
	}
	// A transaction that rolls back announces nothing.
	err = a.WithinTx(ctx, func(ctx context.Context) error {
		art.Title = "Never seen"
		if err := a.UpdateArticle(ctx, art); err != nil {
			return err
		}
		return errors.New("changed my mind")
	})
	if err == nil {
		t.Fatal("the transaction did not fail")
	}
	// Sessions are no page's business: no notice.
	if err := a.DeleteExpiredSessions(ctx, at); err != nil {
		t.Fatal(err)
	}
	if n := fromA(time.Second); n != 0 {
		t.Fatalf("a rollback or a quiet write sent %d notices", n)
	}
}

// TestScheduledPublishingOnce: schedulers on two nodes, racing, publish
// each due article exactly once, and index it once.
func TestScheduledPublishingOnce(t *testing.T) {
	ctx := context.Background()
	url := pgtest.URL(t)
	a := pgtest.OpenURL(t, url)
	if _, err := a.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	b := pgtest.OpenURL(t, url)
	cat := storetest.SeedNews(t, a)
	now := time.Now().UTC().Truncate(time.Second)
	const articles = 30
	for round := range 3 {
		for i := range articles {
			at := now.Add(-time.Duration(i) * time.Minute)
			art := &content.Article{Edition: "en", Slug: fmt.Sprintf("due-%d-%d", round, i), Title: fmt.Sprintf("Tide table %d", i),
				PrimaryCategoryID: cat.ID, CategoryIDs: []int64{cat.ID}, External: content.Byline{Writer: "W"},
				Status: content.Scheduled, PublishedAt: at, CreatedAt: at, UpdatedAt: at}
			if err := a.CreateArticle(ctx, art); err != nil {
				t.Fatal(err)
			}
		}
		var mu sync.Mutex
		published := 0
		var wg sync.WaitGroup
		for w := range 8 {
			node := []*store.Store{a, b}[w%2]
			wg.Go(func() {
				for range 5 {
					n, err := node.PublishDue(ctx, now)
					if err != nil {
						t.Error(err)
						return
					}
					mu.Lock()
					published += n
					mu.Unlock()
				}
			})
		}
		wg.Wait()
		if published != articles {
			t.Fatalf("round %d: the schedulers published %d times for %d due articles", round, published, articles)
		}
		_, total, err := b.Search(ctx, search.Parse("tide"), search.Filter{Edition: "en"})
		if err != nil || total != articles*(round+1) {
			t.Fatalf("round %d: search finds %d (%v), want %d", round, total, err, articles*(round+1))
		}
	}
}

// TestVariantJobsClaimedOnce: workers on two nodes drain one queue of image
// jobs at once; each job goes to exactly one worker.
func TestVariantJobsClaimedOnce(t *testing.T) {
	ctx := context.Background()
	url := pgtest.URL(t)
	a := pgtest.OpenURL(t, url)
	if _, err := a.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	b := pgtest.OpenURL(t, url)
	now := time.Now()
	const jobs = 40
	for i := range jobs {
		m := &media.Media{Kind: "image", Path: fmt.Sprintf("2026/01/p%d.jpg", i), MIME: "image/jpeg", Size: 10, Width: 800, Height: 600, CreatedAt: now}
		if err := a.CreateMedia(ctx, m); err != nil {
			t.Fatal(err)
		}
		if err := a.QueueVariants(ctx, m.ID, now); err != nil {
			t.Fatal(err)
		}
	}
	var mu sync.Mutex
	claimed := map[int64]string{}
	var wg sync.WaitGroup
	for w := range 6 {
		node := []*store.Store{a, b}[w%2]
		name := fmt.Sprintf("worker-%d", w)
		wg.Go(func() {
			for {
				id, attempt, err := node.ClaimVariantJob(ctx, name, now, now.Add(time.Hour), 3)
				if err != nil {
					t.Error(err)
					return
				}
				if id == 0 {
					return
				}
				mu.Lock()
				if other, dup := claimed[id]; dup || attempt != 1 {
					t.Errorf("job %d claimed by %s and %s (try %d)", id, other, name, attempt)
				}
				claimed[id] = name
				mu.Unlock()
			}
		})
	}
	wg.Wait()
	if len(claimed) != jobs {
		t.Fatalf("%d of %d jobs claimed", len(claimed), jobs)
	}
}
