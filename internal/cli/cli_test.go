package cli

import (
	"bytes"
	"context"
	"runtime"
	"strings"
	"testing"

	"github.com/masthead-news/masthead/internal/store/postgres"
	"github.com/masthead-news/masthead/internal/store/sqlite"
)

func run(t *testing.T, env map[string]string, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	for k, v := range env {
		t.Setenv(k, v)
	}
	var out, errb bytes.Buffer
	code = Main(context.Background(), args, &out, &errb)
	return code, out.String(), errb.String()
}

func TestBadInvocationsGiveOneClearLineAndExitTwo(t *testing.T) {
	dir := t.TempDir()
	cases := []struct {
		name string
		env  map[string]string
		args []string
		want string
	}{
		{"no command", nil, nil, "Usage"},
		{"unknown command", nil, []string{"frobnicate"}, `unknown command "frobnicate"`},
		{"unknown flag", nil, []string{"serve", "--port", "80"}, "flag provided but not defined: -port"},
		{"bad addr", nil, []string{"serve", "--addr", "nonsense", "--data", dir}, `--addr "nonsense" is not a listen address`},
		{"bad base url", nil, []string{"serve", "--base-url", "ftp://x", "--data", dir}, "--base-url"},
		{"bad database", nil, []string{"serve", "--database", "mysql://x", "--data", dir, "--addr", "127.0.0.1:0"}, "is not a database URL"},
		{"bad env", map[string]string{"MASTHEAD_ADDR": "::::"}, []string{"serve", "--data", dir}, "is not a listen address"},
		{"bad env bool", map[string]string{"MASTHEAD_DEMO": "maybe"}, []string{"serve", "--data", dir}, "MASTHEAD_DEMO"},
		{"bad cache size", nil, []string{"serve", "--cache-size", "lots", "--data", dir}, `--cache-size "lots"`},
		{"negative cache size", map[string]string{"MASTHEAD_CACHE_SIZE": "-5"}, []string{"serve", "--data", dir}, "--cache-size"},
		{"bad trusted proxy", nil, []string{"serve", "--trusted-proxies", "10.0.0.0/8,proxy.local", "--data", dir}, `--trusted-proxies: "proxy.local" is not an address`},
		{"stray argument", nil, []string{"migrate", "--data", dir, "extra"}, `unexpected argument "extra"`},
		{"data is a file", nil, []string{"migrate", "--data", "cli_test.go"}, "is a file, not a folder"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			code, _, stderr := run(t, tc.env, tc.args...)
			if code != 2 {
				t.Fatalf("exit code %d, want 2 (stderr %q)", code, stderr)
			}
			if !strings.Contains(stderr, tc.want) {
				t.Fatalf("stderr %q lacks %q", stderr, tc.want)
			}
			if tc.args != nil && strings.Count(strings.TrimSpace(stderr), "\n") > 0 {
				t.Fatalf("stderr is more than one line: %q", stderr)
			}
			if strings.Contains(stderr, "goroutine") || strings.Contains(stderr, "panic") {
				t.Fatalf("stack trace on stderr: %q", stderr)
			}
		})
	}
}

func TestEnvironmentSetsFlagsAndTheCommandLineWins(t *testing.T) {
	t.Setenv("MASTHEAD_ADDR", "127.0.0.1:9999")
	t.Setenv("MASTHEAD_DATA", "/srv/site")
	var o options
	fs := newFlags("serve", &o, "addr", "data")
	if err := parseFlags(fs, []string{"--data", "/tmp/x"}, nil); err != nil {
		t.Fatal(err)
	}
	if o.addr != "127.0.0.1:9999" || o.data != "/tmp/x" {
		t.Fatalf("addr=%q data=%q", o.addr, o.data)
	}
}

func TestVersionAndMigrate(t *testing.T) {
	code, out, _ := run(t, nil, "version")
	if code != 0 || !strings.HasPrefix(out, "masthead ") {
		t.Fatalf("version: %d %q", code, out)
	}
	dir := t.TempDir()
	code, out, errs := run(t, nil, "migrate", "--data", dir)
	if code != 0 || !strings.Contains(out, "migrated to schema ") || !strings.Contains(out, "applied: 0001_init, ") {
		t.Fatalf("first migrate: %d %q %q", code, out, errs)
	}
	code, out, _ = run(t, nil, "migrate", "--data", dir)
	if code != 0 || !strings.Contains(out, "is up to date (schema ") {
		t.Fatalf("second migrate: %d %q", code, out)
	}
}

func TestDemoRefusesAFilledDatabase(t *testing.T) {
	if testing.Short() {
		t.Skip("loads the whole demo")
	}
	dir := t.TempDir()
	code, out, errs := run(t, nil, "demo", "--data", dir)
	if code != 0 || !strings.Contains(out, "4 editions") || !strings.Contains(out, "password:") {
		t.Fatalf("demo: %d %q %q", code, out, errs)
	}
	code, _, errs = run(t, nil, "demo", "--data", dir)
	if code != 1 || !strings.Contains(errs, "already holds a site") {
		t.Fatalf("second demo: %d %q", code, errs)
	}
}

// serve bounds renderings at one more than the cores on SQLite and leaves
// PostgreSQL, whose renderings wait on the network, to web's default.
func TestRenderersFollowTheDatabase(t *testing.T) {
	cores := runtime.GOMAXPROCS(0)
	for dialect, want := range map[string]int{sqlite.Dialect{}.Name(): cores + 1, postgres.Dialect{}.Name(): 0} {
		if got := renderersFor(dialect); got != want {
			t.Errorf("%s: %d renderers, want %d", dialect, got, want)
		}
	}
}

// serve's soft memory limit keeps the default server (a 64 MB page cache)
// near 150 MB and leaves rendering room when the cache is small or off.
func TestMemoryLimitFollowsTheCache(t *testing.T) {
	for cache, want := range map[int64]int64{0: 64, 8: 64, 16: 64, 64: 112, 1024: 1072} {
		if got := memoryLimitMB(cache); got != want {
			t.Errorf("cache %d MB: limit %d MB, want %d", cache, got, want)
		}
	}
}
