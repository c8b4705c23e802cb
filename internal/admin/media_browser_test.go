package admin_test

import (
	"bytes"
	"context"
	"fmt"
	"image/jpeg"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/masthead-news/masthead/internal/browsertest"
	"github.com/masthead-news/masthead/internal/demo/art"
	"github.com/masthead-news/masthead/internal/media"
	"github.com/masthead-news/masthead/internal/user"
)

// TestMediaLibraryInABrowser: an editor uploads several pictures at once
// through the library's plain form, the worker makes their variants, and
// the grid reads well on a desktop and on a phone (nothing wider than the
// screen), in English and in Persian.
func TestMediaLibraryInABrowser(t *testing.T) {
	t.Parallel()
	s := newSite(t)
	ctx := browsertest.Tab(t, 120*time.Second)
	out := browsertest.OutputDir(t)
	shot := func(name string) {
		t.Helper()
		b, err := chromedp.Run(ctx, chromedp.FullScreenshot(85))
		if err != nil {
			t.Fatalf("screenshot %s: %v", name, err)
		}
		os.WriteFile(filepath.Join(out, "admin-media-"+name+".jpg"), b, 0o644)
	}
	dir := t.TempDir()
	var paths []string
	for i, theme := range []string{"river", "city", "market", "mountains", "library"} {
		var buf bytes.Buffer
		if err := jpeg.Encode(&buf, art.Render(theme, uint64(i+1), 1200, 675), &jpeg.Options{Quality: 80}); err != nil {
			t.Fatal(err)
		}
		p := filepath.Join(dir, theme+".jpg")
		if err := os.WriteFile(p, buf.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		paths = append(paths, p)
	}
	pdf, err := media.PDFOfImages(distinctPNG(3, 40, 60))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "annual-report.pdf"), pdf, 0o644); err != nil {
		t.Fatal(err)
	}
	paths = append(paths, filepath.Join(dir, "annual-report.pdf"))

	err = chromedp.Do(ctx,
		chromedp.Navigate(s.server.URL+"/admin/login"),
		chromedp.SetValue(chromedp.CSS("#email"), "editor@example.org"),
		chromedp.SetValue(chromedp.CSS("#password"), password),
		chromedp.Submit(chromedp.CSS("#password")),
		chromedp.WaitVisible(chromedp.CSS(".bar-nav")),
		chromedp.Navigate(s.server.URL+"/admin/media/"),
		chromedp.WaitVisible(chromedp.CSS("#files")),
		chromedp.SetUploadFiles(chromedp.CSS("#files"), paths),
		chromedp.SetValue(chromedp.CSS("#u-credit"), "Illustration: Masthead"),
		chromedp.Click(chromedp.CSS(`.upload-form button[type="submit"]`)),
		chromedp.WaitVisible(chromedp.CSS(".flash")),
	)
	if err != nil {
		t.Fatalf("uploading through the form: %v", err)
	}
	if n := s.mediaCount(t); n != len(paths) {
		t.Fatalf("%d items after uploading %d files", n, len(paths))
	}
	w := &media.Worker{Logger: quiet, Service: s.media}
	for {
		did, err := w.RunOnce(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		if !did {
			break
		}
	}
	river := s.mediaNamed(t, "river.jpg")
	river.Alt = "A river bend under a pale sky"
	if err := s.media.Update(context.Background(), river); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name string
		w, h int64
	}{{"1280", 1280, 900}, {"375", 375, 812}} {
		err := chromedp.Do(ctx,
			chromedp.EmulateViewport(c.w, c.h),
			chromedp.Navigate(s.server.URL+"/admin/media/"),
			chromedp.WaitVisible(chromedp.CSS(".media-grid")),
		)
		if err != nil {
			t.Fatal(err)
		}
		eval := func(js string) int {
			t.Helper()
			n, err := chromedp.Run(ctx, chromedp.Evaluate[int](js))
			if err != nil {
				t.Fatal(err)
			}
			return n
		}
		scroll, inner, cards := eval(`document.documentElement.scrollWidth`), eval(`window.innerWidth`), eval(`document.querySelectorAll(".media-card").length`)
		shot(c.name)
		if cards != len(paths) {
			t.Errorf("%s: %d cards", c.name, cards)
		}
		if scroll > inner {
			t.Errorf("%s px: the page is %d px wide, wider than the screen", c.name, scroll)
		}
	}
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(1280, 900),
		chromedp.Navigate(s.server.URL+fmt.Sprintf("/admin/media/%d/", river.ID)), chromedp.WaitVisible(chromedp.CSS(".variant-list"))); err != nil {
		t.Fatal(err)
	}
	shot("edit")
	if err := s.store.SetLocale(context.Background(), s.users[user.Editor].ID, "fa"); err != nil {
		t.Fatal(err)
	}
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(375, 812),
		chromedp.Navigate(s.server.URL+"/admin/media/"), chromedp.WaitVisible(chromedp.CSS(".media-grid"))); err != nil {
		t.Fatal(err)
	}
	shot("fa-375")
}
