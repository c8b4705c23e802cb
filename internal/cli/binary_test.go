package cli_test

import (
	"bufio"
	"context"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestBinaryServesTheDemo builds the real masthead binary, starts it with
// --demo on a free port in an empty data folder, reads the home page, then
// stops it with SIGTERM and expects a clean exit.
func TestBinaryServesTheDemo(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and runs the binary")
	}
	dir := t.TempDir()
	bin := filepath.Join(dir, "masthead")
	build := exec.Command("go", "build", "-o", bin, "github.com/masthead-news/masthead/cmd/masthead")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close()

	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, bin, "serve", "--demo", "--addr", addr, "--data", filepath.Join(dir, "data"))
	cmd.Env = append(os.Environ(), "MASTHEAD_BASE_URL=")
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	var stderr strings.Builder
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer cmd.Process.Kill()

	lines := make(chan string, 64)
	go func() {
		sc := bufio.NewScanner(stdout)
		for sc.Scan() {
			lines <- sc.Text()
		}
		close(lines)
	}()
	var printed []string
	serving := false
	for !serving {
		select {
		case l, ok := <-lines:
			if !ok {
				t.Fatalf("masthead exited early:\n%s\n%s", strings.Join(printed, "\n"), stderr.String())
			}
			printed = append(printed, l)
			serving = strings.HasPrefix(l, "Masthead is serving")
		case <-ctx.Done():
			t.Fatalf("masthead did not start:\n%s\n%s", strings.Join(printed, "\n"), stderr.String())
		}
	}
	all := strings.Join(printed, "\n")
	if !regexp.MustCompile(`(?m)^Admin: http://127\.0\.0\.1:\d+/admin/$`).MatchString(all) ||
		!regexp.MustCompile(`password: [A-Za-z0-9-]{20,}`).MatchString(all) {
		t.Fatalf("the first start did not print the admin URL and password:\n%s", all)
	}

	res, err := http.Get("http://" + addr + "/")
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(res.Body)
	res.Body.Close()
	if res.StatusCode != 200 || !strings.Contains(string(body), "Masthead Daily") || strings.Count(string(body), `<article class="card`) < 10 {
		t.Fatalf("home page: %d, %d bytes", res.StatusCode, len(body))
	}
	for _, p := range []string{"/fa/", "/ar/", "/healthz", "/readyz"} {
		res, err := http.Get("http://" + addr + p)
		if err != nil {
			t.Fatal(err)
		}
		res.Body.Close()
		if res.StatusCode != 200 {
			t.Errorf("%s: %d", p, res.StatusCode)
		}
	}

	if err := cmd.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	select {
	case err := <-done:
		if err != nil {
			t.Fatalf("masthead did not exit cleanly after SIGTERM: %v\n%s", err, stderr.String())
		}
	case <-time.After(30 * time.Second):
		t.Fatal("masthead did not stop within 30 s of SIGTERM")
	}
	if !strings.Contains(stderr.String(), "method=GET path=/ status=200") {
		t.Errorf("no request log line:\n%s", stderr.String())
	}
}
