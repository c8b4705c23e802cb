package store_test

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"github.com/masthead-news/masthead/internal/media"
	"github.com/masthead-news/masthead/internal/store/sqlite"
)

// TestAJobIsClaimedOnce: two workers that both saw the same pending job
// race to claim it; the conditional UPDATE lets exactly one of them have it,
// until its lease runs out.
func TestAJobIsClaimedOnce(t *testing.T) {
	ctx := context.Background()
	s, err := sqlite.Open(filepath.Join(t.TempDir(), "t.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if _, err := s.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	now := time.Now()
	m := &media.Media{Kind: "image", Path: "2026/01/a-01234567.jpg", MIME: "image/jpeg", Size: 10, Width: 800, Height: 600, CreatedAt: now}
	if err := s.CreateMedia(ctx, m); err != nil {
		t.Fatal(err)
	}
	if err := s.QueueVariants(ctx, m.ID, now); err != nil {
		t.Fatal(err)
	}
	lease := now.Add(10 * time.Minute)
	first, err := s.ClaimJobForTest(ctx, m.ID, "node-1", now, lease, 3)
	if err != nil || first != 1 {
		t.Fatalf("the first claim: try %d, %v", first, err)
	}
	second, err := s.ClaimJobForTest(ctx, m.ID, "node-2", now, lease, 3)
	if err != nil || second != 0 {
		t.Fatalf("a second worker claimed a job already taken: try %d, %v", second, err)
	}
	if id, _, err := s.ClaimVariantJob(ctx, "node-2", now.Add(time.Minute), lease, 3); err != nil || id != 0 {
		t.Fatalf("a leased job was offered again: %d %v", id, err)
	}
	// Only the holder may finish it.
	if err := s.FinishVariantJob(ctx, m.ID, "node-2", nil, now); err != media.ErrLeaseLost {
		t.Fatalf("node-2 finished node-1's job: %v", err)
	}
	// After the lease the job is due again (node-1 died), as try 2.
	again, err := s.ClaimJobForTest(ctx, m.ID, "node-2", lease.Add(time.Second), lease.Add(time.Hour), 3)
	if err != nil || again != 2 {
		t.Fatalf("claim after the lease: try %d, %v", again, err)
	}
	vs := []media.Variant{{Width: 320, Height: 240, Format: "webp", Path: media.VariantKey(m.Path, 320, "webp"), Size: 5}}
	if err := s.FinishVariantJob(ctx, m.ID, "node-2", vs, now); err != nil {
		t.Fatal(err)
	}
	got, err := s.MediaByID(ctx, m.ID)
	if err != nil || got.VariantList != "webp:320x240" {
		t.Fatalf("the record's variant summary: %q %v", got.VariantList, err)
	}
	v, err := s.MediaVariantByPath(ctx, "2026/01/a-01234567-320w.webp")
	if err != nil || v.MediaID != m.ID || v.Size != 5 {
		t.Fatalf("variant by path: %+v %v", v, err)
	}
	if st, _ := s.VariantJobState(ctx, m.ID); st != "done" {
		t.Fatalf("job state %q", st)
	}
}
