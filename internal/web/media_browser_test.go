package web_test

import (
	"context"
	"net/http/httptest"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
	"github.com/masthead-news/masthead/internal/browsertest"
	"github.com/masthead-news/masthead/internal/mediasection"
)

func evalJS[T any](t *testing.T, ctx context.Context, js string) T {
	t.Helper()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](js))
	if err != nil {
		t.Fatalf("%s: %v", js, err)
	}
	return v
}

func press(t *testing.T, ctx context.Context, key string) {
	t.Helper()
	if err := chromedp.Do(ctx, chromedp.KeyEvent(key)); err != nil {
		t.Fatal(err)
	}
}

// TestLightboxByKeyboard opens an album's lightbox from the keyboard (Tab
// to the first thumbnail, Enter), moves with the arrow keys — mirrored in
// the Arabic edition — keeps Tab inside the dialog, and closes with Escape,
// giving focus back to the thumbnail.
func TestLightboxByKeyboard(t *testing.T) {
	srv := httptest.NewServer(site.handler)
	defer srv.Close()
	for _, tc := range []struct {
		edition, next, prev string
	}{{"en", kb.ArrowRight, kb.ArrowLeft}, {"ar", kb.ArrowLeft, kb.ArrowRight}} {
		t.Run(tc.edition, func(t *testing.T) {
			album := demoItem(t, tc.edition, mediasection.Album)
			ctx := browsertest.Tab(t, 60*time.Second)
			if err := chromedp.Do(ctx, chromedp.EmulateViewport(1280, 900), chromedp.Navigate(srv.URL+itemURL(tc.edition, album)),
				chromedp.WaitReady(chromedp.CSS("footer.site-footer"))); err != nil {
				t.Fatal(err)
			}
			reached := false
			for i := 0; i < 120 && !reached; i++ {
				press(t, ctx, kb.Tab)
				reached = evalJS[bool](t, ctx, `document.activeElement === document.querySelector('.album-thumb')`)
			}
			if !reached {
				t.Fatal("Tab never reached the first thumbnail")
			}
			press(t, ctx, kb.Enter)
			state := func() string {
				return evalJS[string](t, ctx, `(() => { const d = document.querySelector('.lightbox');
					if (!d || d.hidden) return 'closed';
					return [d.getAttribute('role'), d.getAttribute('aria-modal'), d.contains(document.activeElement),
						d.querySelector('.lightbox-count').textContent, d.querySelector('img').getAttribute('src')].join('|'); })()`)
			}
			photos, err := site.store.AlbumPhotos(context.Background(), album.ID)
			if err != nil {
				t.Fatal(err)
			}
			label := func(n int) string {
				return evalJS[string](t, ctx, `document.querySelectorAll('.album-thumb')[`+string(rune('0'+n-1))+`].getAttribute('data-label')`)
			}
			want := "dialog|true|true|" + label(1) + "|" + photos[0].Media.URL()
			if got := state(); got != want {
				t.Fatalf("after Enter: %q, want %q", got, want)
			}
			if shot, err := chromedp.Run(ctx, chromedp.CaptureScreenshot()); err == nil {
				os.WriteFile(filepath.Join(browsertest.OutputDir(t), "lightbox-"+tc.edition+".png"), shot, 0o644)
			}
			if evalJS[bool](t, ctx, `!document.querySelector('main').closest('[inert]')`) {
				t.Error("the page behind the dialog is not inert")
			}
			press(t, ctx, tc.next)
			if got, want := state(), "dialog|true|true|"+label(2)+"|"+photos[1].Media.URL(); got != want {
				t.Fatalf("after the next-photo arrow: %q, want %q", got, want)
			}
			press(t, ctx, tc.prev)
			press(t, ctx, tc.prev) // wraps around to the last photo
			if got, want := state(), "dialog|true|true|"+label(len(photos))+"|"+photos[len(photos)-1].Media.URL(); got != want {
				t.Fatalf("after two previous-photo arrows: %q, want %q", got, want)
			}
			for range 5 {
				press(t, ctx, kb.Tab)
				if !evalJS[bool](t, ctx, `document.querySelector('.lightbox').contains(document.activeElement)`) {
					t.Fatal("Tab left the open dialog")
				}
			}
			press(t, ctx, kb.Escape)
			if got := state(); got != "closed" {
				t.Fatalf("after Escape: %q", got)
			}
			if !evalJS[bool](t, ctx, `document.activeElement === document.querySelector('.album-thumb') && !document.querySelector('main').closest('[inert]')`) {
				t.Error("focus did not return to the thumbnail, or the page stayed inert")
			}
		})
	}
}

// TestVideoPlays starts the demo film (muted, as a reader's click would)
// and sees its time advance.
func TestVideoPlays(t *testing.T) {
	srv := httptest.NewServer(site.handler)
	defer srv.Close()
	v := demoItem(t, "fa", mediasection.Video)
	ctx := browsertest.Tab(t, 60*time.Second)
	if err := chromedp.Do(ctx, chromedp.Navigate(srv.URL+itemURL("fa", v)), chromedp.WaitReady(chromedp.CSS("video"))); err != nil {
		t.Fatal(err)
	}
	evalJS[chromedp.Void](t, ctx, `(() => { const v = document.querySelector('video'); v.muted = true; v.play(); })()`)
	var at float64
	for i := 0; i < 40 && at < 0.5; i++ {
		time.Sleep(100 * time.Millisecond)
		at = evalJS[float64](t, ctx, `document.querySelector('video').currentTime`)
	}
	if at < 0.5 {
		errText := evalJS[string](t, ctx, `(() => { const v = document.querySelector('video'); return (v.error ? v.error.message : '') + ' state=' + v.readyState + ' src=' + v.currentSrc; })()`)
		t.Fatalf("currentTime stayed at %v: %s", at, errText)
	}
	if d := evalJS[float64](t, ctx, `document.querySelector('video').duration`); d < 3.9 || d > 4.1 {
		t.Errorf("duration in the browser = %v, want about 4 s", d)
	}
}

// TestEmbedLoadsOnlyAfterTheClick: a YouTube video's page has no iframe and
// no request to a video host until the reader clicks; the click creates the
// player's iframe, which the page's CSP allows.
func TestEmbedLoadsOnlyAfterTheClick(t *testing.T) {
	ctx0 := context.Background()
	svc := &mediasection.Service{Store: site.store}
	it := &mediasection.Item{Kind: mediasection.Video, Edition: "fa", Title: "ویدئوی پیوندی", ExternalURL: "https://vimeo.com/76979871",
		Status: mediasection.Published, PublishedAt: time.Now().Add(-time.Minute)}
	if err := svc.Save(ctx0, it); err != nil {
		t.Fatal(err)
	}
	defer svc.Delete(ctx0, it.ID)
	srv := httptest.NewServer(site.handler)
	defer srv.Close()
	ctx := browsertest.Tab(t, 60*time.Second)
	if err := chromedp.Do(ctx, chromedp.Navigate(srv.URL+itemURL("fa", it)), chromedp.WaitReady(chromedp.CSS(".embed-link"))); err != nil {
		t.Fatal(err)
	}
	time.Sleep(300 * time.Millisecond)
	before := evalJS[string](t, ctx, `(() => { window.__violations = [];
		document.addEventListener('securitypolicyviolation', e => window.__violations.push(e.violatedDirective + ' ' + e.blockedURI));
		const hosts = performance.getEntriesByType('resource').map(e => new URL(e.name).host).filter(h => h !== location.host);
		return document.querySelectorAll('iframe').length + '|' + hosts.join(','); })()`)
	if before != "0|" {
		t.Fatalf("before the click: iframes|foreign hosts = %q", before)
	}
	if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS(".embed-link"))); err != nil {
		t.Fatal(err)
	}
	time.Sleep(500 * time.Millisecond)
	after := evalJS[string](t, ctx, `(() => { const f = document.querySelector('.embed iframe');
		return (f ? f.src : 'none') + '|' + window.__violations.join(';'); })()`)
	if after != "https://player.vimeo.com/video/76979871?autoplay=1&dnt=1|" {
		t.Errorf("after the click: iframe src|CSP violations = %q", after)
	}
}
