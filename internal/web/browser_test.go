package web_test

import (
	"context"
	"fmt"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
	"github.com/masthead-news/masthead/internal/browsertest"
)

// TestPagesInABrowser opens the home page and a Persian article at desktop
// and phone widths in headless Chromium: no console errors, no sideways
// scrolling on the phone, and the menu opens from the keyboard. Screenshots
// land in testoutput/screenshots/.
func TestPagesInABrowser(t *testing.T) {
	srv := httptest.NewServer(site.handler)
	defer srv.Close()
	fa := latest(t, "fa", 0)
	pages := []struct{ name, path string }{
		{"home", "/"},
		{"fa-article", pathOf(t, fa, "/fa")},
	}
	widths := []struct {
		name  string
		w, h  int64
		phone bool
	}{{"desktop", 1280, 900, false}, {"phone", 375, 812, true}}
	out := browsertest.OutputDir(t)
	for _, p := range pages {
		for _, w := range widths {
			t.Run(p.name+"-"+w.name, func(t *testing.T) {
				ctx := browsertest.Tab(t, 60*time.Second)
				var mu sync.Mutex
				var problems []string
				consoleCtx, stopConsole := context.WithCancel(ctx)
				defer stopConsole()
				messages := chromedp.Console(consoleCtx)
				go func() {
					for m, err := range messages {
						if err != nil {
							return
						}
						if m.Type == chromedp.ConsoleError || m.IsException() || m.Type == chromedp.ConsoleWarning {
							mu.Lock()
							problems = append(problems, m.String())
							mu.Unlock()
						}
					}
				}()
				err := chromedp.Do(ctx,
					chromedp.EmulateViewport(w.w, w.h),
					chromedp.Navigate(srv.URL+p.path),
					chromedp.WaitReady(chromedp.CSS("footer.site-footer")),
				)
				if err != nil {
					t.Fatal(err)
				}
				overflow, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`document.documentElement.scrollWidth > window.innerWidth + 1`))
				if err != nil {
					t.Fatal(err)
				}
				if overflow {
					wide, _ := chromedp.Run(ctx, chromedp.Evaluate[string](`[...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > window.innerWidth + 1 || e.getBoundingClientRect().left < -1).slice(0, 5).map(e => e.tagName + '.' + e.className).join(', ')`))
					t.Errorf("the page scrolls sideways at %dpx; too wide: %s", w.w, wide)
				}
				shot, err := chromedp.Run(ctx, chromedp.FullScreenshot(85))
				if err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(filepath.Join(out, fmt.Sprintf("%s-%s.jpg", p.name, w.name)), shot, 0o644); err != nil {
					t.Fatal(err)
				}
				openMenuByKeyboard(t, ctx, w.phone)
				menuShot, err := chromedp.Run(ctx, chromedp.CaptureScreenshot())
				if err == nil {
					os.WriteFile(filepath.Join(out, fmt.Sprintf("%s-%s-menu.png", p.name, w.name)), menuShot, 0o644)
				}
				time.Sleep(100 * time.Millisecond) // let late console messages arrive
				mu.Lock()
				defer mu.Unlock()
				if len(problems) > 0 {
					t.Errorf("console messages:\n%s", strings.Join(problems, "\n"))
				}
			})
		}
	}
}

// openMenuByKeyboard tabs to the Media menu and opens it with Enter; on a
// phone it first opens the folded menu the same way.
func openMenuByKeyboard(t *testing.T, ctx context.Context, phone bool) {
	t.Helper()
	tabTo := func(selector string) {
		t.Helper()
		for i := 0; i < 40; i++ {
			if err := chromedp.Do(ctx, chromedp.KeyEvent(kb.Tab)); err != nil {
				t.Fatal(err)
			}
			ok, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`document.activeElement && document.activeElement.matches(`+"`"+selector+"`"+`)`))
			if err != nil {
				t.Fatal(err)
			}
			if ok {
				return
			}
		}
		t.Fatalf("Tab never reached %s", selector)
	}
	visible := func(selector string) bool {
		v, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`(() => { const e = document.querySelector(`+"`"+selector+"`"+`); if (!e) return false; const r = e.getBoundingClientRect(); return getComputedStyle(e).display !== 'none' && r.width > 0 && r.height > 0; })()`))
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	if err := chromedp.Do(ctx, chromedp.Evaluate[chromedp.Void](`window.scrollTo(0, 0); document.activeElement && document.activeElement.blur()`)); err != nil {
		t.Fatal(err)
	}
	if phone {
		if visible("#site-nav .menu") {
			t.Fatal("the phone menu is open before it was asked for")
		}
		tabTo(".nav-toggle")
		if err := chromedp.Do(ctx, chromedp.KeyEvent(kb.Enter)); err != nil {
			t.Fatal(err)
		}
		if !visible("#site-nav .menu") {
			t.Fatal("Enter on the menu button did not open the phone menu")
		}
	}
	submenu := `#site-nav .has-children:nth-child(3) > .submenu`
	if visible(submenu) {
		t.Fatal("the Media submenu is open before it was asked for")
	}
	tabTo(`#site-nav .has-children:nth-child(3) > button`)
	if err := chromedp.Do(ctx, chromedp.KeyEvent(kb.Enter)); err != nil {
		t.Fatal(err)
	}
	if !visible(submenu) {
		t.Fatal("Enter on Media did not open its submenu")
	}
	tabTo(submenu + ` a`)
	if err := chromedp.Do(ctx, chromedp.KeyEvent(kb.Escape)); err != nil {
		t.Fatal(err)
	}
	if visible(submenu) {
		t.Error("Escape did not close the submenu")
	}
}
