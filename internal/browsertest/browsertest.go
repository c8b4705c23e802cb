// Package browsertest starts one headless Chromium (Debian's /usr/bin/chromium)
// for a test package and gives each test a fresh tab. Without Chromium the
// tests skip with a clear message, unless MASTHEAD_REQUIRE_BROWSER=1 (set by
// CI), which makes them fail instead. It is imported only by tests.
package browsertest

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

var (
	once      sync.Once
	allocCtx  context.Context
	cancelAll context.CancelFunc
	execPath  string
	// browserCtx is the one running browser; each test's tab lives in its
	// own browser context (separate cookies), so parallel tests neither
	// start a second Chromium on the same profile nor share a session.
	browserCtx context.Context
	startErr   error
)

func chromiumPath() string {
	if p := os.Getenv("MASTHEAD_CHROMIUM"); p != "" {
		return p
	}
	for _, p := range []string{"/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"} {
		if _, err := os.Stat(p); err == nil {
			return p
		}
	}
	if p, err := exec.LookPath("chromium"); err == nil {
		return p
	}
	return ""
}

// Tab returns a context driving a new tab of the shared browser, with a time
// limit; it skips (or fails on CI) when no Chromium is installed. The limit
// only stops a hung test: it is doubled, because on a 2-core machine that
// runs every package's tests at once a long flow of page loads has been
// seen to take over two minutes without anything being wrong.
func Tab(t *testing.T, timeout time.Duration) context.Context {
	t.Helper()
	once.Do(func() {
		execPath = chromiumPath()
		if execPath == "" {
			return
		}
		dir, err := os.MkdirTemp("", "masthead-chromium-")
		if err != nil {
			startErr = err
			return
		}
		opts := []chromedp.ExecAllocatorOption{
			chromedp.ExecPath(execPath), chromedp.Headless, chromedp.NoSandbox, chromedp.DisableGPU, chromedp.NoFirstRun,
			chromedp.Flag("disable-quic", true), chromedp.Flag("disable-background-networking", true),
			chromedp.Flag("disable-component-update", true), chromedp.Flag("disable-sync", true),
			chromedp.Flag("hide-scrollbars", true), chromedp.Flag("font-render-hinting", "none"),
			chromedp.UserDataDir(dir), chromedp.WindowSize(1280, 900),
		}
		allocCtx, cancelAll = chromedp.NewExecAllocator(context.Background(), opts...)
		browserCtx, _ = chromedp.NewContext(allocCtx) // cancelled with allocCtx
		startErr = chromedp.Do(browserCtx)            // starts Chromium
	})
	if execPath == "" {
		if os.Getenv("MASTHEAD_REQUIRE_BROWSER") == "1" {
			t.Fatal("MASTHEAD_REQUIRE_BROWSER=1 but no Chromium was found (install Debian's chromium package)")
		}
		t.Skip("browser test skipped: Chromium is not installed (apt-get install chromium); set MASTHEAD_REQUIRE_BROWSER=1 to fail instead")
	}
	if startErr != nil {
		t.Fatalf("starting Chromium (%s): %v", execPath, startErr)
	}
	ctx, cancel := chromedp.NewContext(browserCtx, chromedp.WithNewBrowserContext())
	ctx, cancelTimeout := context.WithTimeout(ctx, 2*timeout)
	t.Cleanup(func() {
		cancelTimeout()
		cancel()
	})
	return ctx
}

// Shutdown stops the shared browser; call it from TestMain after m.Run.
func Shutdown() {
	if cancelAll != nil {
		cancelAll()
	}
}

// OutputDir is where tests save screenshots: testoutput/ beside the test,
// ignored by git.
func OutputDir(t *testing.T) string {
	t.Helper()
	dir := filepath.Join("testoutput", "screenshots")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	return dir
}
