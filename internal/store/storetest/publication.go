package storetest

import (
	"testing"
	"time"

	"github.com/masthead-news/masthead/internal/media"
	"github.com/masthead-news/masthead/internal/store"
)

// testDownloads: counts add up per file, keep the generation (a download
// must not empty the page cache), a PDF keeps its page count, and deleting
// a file takes its count with it.
func testDownloads(t *testing.T, s *store.Store) {
	pdf := &media.Media{Kind: "document", Path: "2026/02/annual-report-ab12cd34.pdf", Filename: "annual report.pdf", MIME: "application/pdf",
		Size: 48213, Pages: 12, Title: "گزارش سالانه", SHA256: "ab12cd34ab12cd34ab12", CreatedAt: time.Unix(1700000000, 0).UTC()}
	must(t, s.CreateMedia(ctx, pdf))
	other := newMedia(t, s, "2026/02/b.jpg")
	got, err := s.MediaByID(ctx, pdf.ID)
	must(t, err)
	if *got != *pdf {
		t.Fatalf("MediaByID = %+v, want %+v", got, pdf)
	}
	g := s.Generation()
	for i := 0; i < 3; i++ {
		must(t, s.CountDownload(ctx, pdf.ID, 1700000100+int64(i)))
	}
	must(t, s.CountDownload(ctx, other.ID, 1700000200))
	if s.Generation() != g {
		t.Fatal("counting downloads changed the generation: every download would empty the page cache")
	}
	counts, err := s.DownloadCounts(ctx, []int64{pdf.ID, other.ID, 999999})
	must(t, err)
	if counts[pdf.ID] != 3 || counts[other.ID] != 1 || len(counts) != 2 {
		t.Fatalf("DownloadCounts = %v; want %d:3 %d:1", counts, pdf.ID, other.ID)
	}
	if empty, err := s.DownloadCounts(ctx, nil); err != nil || len(empty) != 0 {
		t.Fatalf("DownloadCounts(nil) = %v, %v", empty, err)
	}
	must(t, s.DeleteMedia(ctx, pdf.ID))
	counts, err = s.DownloadCounts(ctx, []int64{pdf.ID})
	must(t, err)
	if len(counts) != 0 {
		t.Fatalf("a deleted file kept its count: %v", counts)
	}
}
