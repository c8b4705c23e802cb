package web

import (
	"testing"
	"time"

	"github.com/masthead-news/masthead/internal/edition"
)

// TestDatedPathAsFormatted: the hand-built article path is the formatted
// one, in each edition's zone, for years of every width and slugs that
// need escaping.
func TestDatedPathAsFormatted(t *testing.T) {
	eds := []*edition.Edition{
		{Code: "en", IsDefault: true, TimeZone: "UTC"},
		{Code: "fa", TimeZone: "Asia/Tehran"},
		{Code: "sq", TimeZone: "Europe/Tirane"},
	}
	times := []time.Time{
		time.Date(2026, 11, 29, 23, 30, 0, 0, time.UTC), time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC),
		time.Date(999, 12, 31, 22, 0, 0, 0, time.UTC), time.Date(7, 3, 4, 5, 6, 7, 0, time.UTC),
		time.Date(12345, 6, 7, 8, 0, 0, 0, time.UTC), time.Date(-44, 3, 15, 12, 0, 0, 0, time.UTC),
	}
	for _, ed := range eds {
		for _, at := range times {
			for _, slug := range []string{"river-clean-up", "خبر-تازه", "a b?c#d/e%f"} {
				want := ed.Path(at.In(ed.Location()).Format("/2006/01/02/") + pathSegment(slug) + "/")
				if got := datedPath(ed, at, slug); got != want {
					t.Errorf("datedPath(%s, %v, %q) = %q, want %q", ed.Code, at, slug, got, want)
				}
			}
		}
	}
}
