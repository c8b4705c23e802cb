// Package cli owns the masthead command: sub-commands, flags and their
// MASTHEAD_* environment variables, wiring of the store, services and web
// server, and clean start-up and shutdown. Nothing imports it but main.
package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"strings"
)

// Version is set at build time with -ldflags "-X …/internal/cli.Version=v1.2.3".
var Version = ""

// usageError is a mistake in how the command was called: exit code 2.
type usageError struct{ msg string }

func (e *usageError) Error() string { return e.msg }

func usagef(format string, args ...any) error { return &usageError{fmt.Sprintf(format, args...)} }

const usage = `masthead — a multilingual news site in one binary

Usage:
  masthead serve   [--addr :8080] [--data ./data] [--database URL] [--media-url URL] [--base-url URL] [--demo]
  masthead demo    [--data ./data] [--media-url URL]
  masthead migrate [--data ./data] [--database URL]
  masthead migrate --from sqlite://PATH --to postgres://… [--force]
  masthead user add --email E --name N --role admin|editor|author|contributor [--password-stdin]
  masthead import wordpress FILE.xml [--uploads DIR] [--edition CODE] [--category-base B] [--tag-base B]
                 [--data ./data] [--database URL] [--media-url URL]
  masthead backup  FILE [--data ./data] [--database URL] [--media-url URL]
  masthead restore FILE [--data ./data] [--database postgres://…] [--force]
  masthead version

Every flag can also be set with an environment variable MASTHEAD_<FLAG>,
e.g. MASTHEAD_DATABASE or MASTHEAD_BASE_URL. Run "masthead COMMAND -h" for details.
`

// Main runs the command line args and returns the process exit code:
// 0 on success, 1 when the work failed, 2 for a usage mistake.
func Main(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return 2
	}
	var err error
	switch cmd, rest := args[0], args[1:]; cmd {
	case "serve":
		err = runServe(ctx, rest, stdout, stderr)
	case "demo":
		err = runDemo(ctx, rest, stdout, stderr)
	case "migrate":
		err = runMigrate(ctx, rest, stdout, stderr)
	case "user":
		err = runUser(ctx, rest, stdout, stderr)
	case "backup":
		err = runBackup(ctx, rest, stdout, stderr) // backup.go
	case "restore":
		err = runRestore(ctx, rest, stdout, stderr)
	case "import":
		err = runImport(ctx, rest, stdout, stderr)
	case "version", "--version", "-version":
		fmt.Fprintln(stdout, "masthead", version())
	case "help", "-h", "--help":
		fmt.Fprint(stdout, usage)
	default:
		err = usagef("unknown command %q (try: serve, demo, migrate, user, import, backup, restore, version)", cmd)
	}
	if err == nil || errors.Is(err, flag.ErrHelp) {
		return 0
	}
	fmt.Fprintln(stderr, "masthead: "+oneLine(err.Error()))
	var ue *usageError
	if errors.As(err, &ue) {
		return 2
	}
	return 1
}

// oneLine keeps an error on a single line of stderr.
func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

func version() string {
	v := Version
	if v == "" {
		v = "devel"
		if info, ok := debug.ReadBuildInfo(); ok && info.Main.Version != "" && info.Main.Version != "(devel)" {
			v = info.Main.Version
		}
	}
	if info, ok := debug.ReadBuildInfo(); ok {
		return v + " (" + info.GoVersion + ")"
	}
	return v
}

// options are the flags shared by the sub-commands.
type options struct {
	addr     string
	data     string
	database string
	baseURL  string
	demo     bool
	logJSON  bool
	// serve's page cache size in MB ("0" switches it off) and /metrics token
	cacheSize    string
	metricsToken string
	// serve's per-file upload limit in MB and number of image variant workers
	maxUploadMB  string
	imageWorkers string
	// serve's mail server URL and sender address (password reset links)
	smtpURL  string
	mailFrom string
	// where uploaded files live: empty for the data folder, s3://… a bucket
	mediaURL string
	// serve's newsletter sending rate, messages per second
	mailRate string
	// reverse proxies whose X-Forwarded-For is believed
	trustedProxies string
}

// newFlags declares the named flags on a set whose defaults come from the
// MASTHEAD_* environment; the command line wins over the environment.
func newFlags(name string, o *options, which ...string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	for _, w := range which {
		switch w {
		case "addr":
			fs.StringVar(&o.addr, "addr", envOr("ADDR", ":8080"), "address to listen on (MASTHEAD_ADDR)")
		case "data":
			fs.StringVar(&o.data, "data", envOr("DATA", "./data"), "data folder for the database and uploads (MASTHEAD_DATA)")
		case "database":
			fs.StringVar(&o.database, "database", envOr("DATABASE", ""), "database URL; empty means SQLite in the data folder (MASTHEAD_DATABASE)")
		case "base-url":
			fs.StringVar(&o.baseURL, "base-url", envOr("BASE_URL", ""), "public URL of the site, e.g. https://news.example.org (MASTHEAD_BASE_URL)")
		case "demo":
			fs.BoolVar(&o.demo, "demo", false, "load the demo site into an empty database (MASTHEAD_DEMO)")
		case "log-json":
			fs.BoolVar(&o.logJSON, "log-json", false, "write logs as JSON lines (MASTHEAD_LOG_JSON)")
		case "cache-size":
			fs.StringVar(&o.cacheSize, "cache-size", envOr("CACHE_SIZE", "64"), "page cache size in MB; 0 switches the cache off (MASTHEAD_CACHE_SIZE)")
		case "max-upload-mb":
			fs.StringVar(&o.maxUploadMB, "max-upload-mb", envOr("MAX_UPLOAD_MB", "64"), "largest accepted upload per file, in MB (MASTHEAD_MAX_UPLOAD_MB)")
		case "image-workers":
			fs.StringVar(&o.imageWorkers, "image-workers", envOr("IMAGE_WORKERS", "1"), "background workers making responsive image variants; 0 leaves it to other nodes (MASTHEAD_IMAGE_WORKERS)")
		case "metrics-token":
			fs.StringVar(&o.metricsToken, "metrics-token", envOr("METRICS_TOKEN", ""), "serve /metrics to requests with this bearer token; empty means no /metrics (MASTHEAD_METRICS_TOKEN)")
		case "smtp-url":
			fs.StringVar(&o.smtpURL, "smtp-url", envOr("SMTP_URL", ""), "mail server for all the site's mail (password resets, newsletter), e.g. smtp://user:pass@mail.example.org:587; empty means no mail (MASTHEAD_SMTP_URL)")
		case "media-url":
			fs.StringVar(&o.mediaURL, "media-url", envOr("MEDIA_URL", ""), "where uploaded files live: empty for uploads/ in the data folder, or s3://bucket/prefix?endpoint=https://…&region=… with MASTHEAD_S3_ACCESS_KEY and MASTHEAD_S3_SECRET_KEY (MASTHEAD_MEDIA_URL)")
		case "mail-rate":
			fs.StringVar(&o.mailRate, "mail-rate", envOr("MAIL_RATE", "5"), "newsletter messages sent per second at most, 1 to 1000 (MASTHEAD_MAIL_RATE)")
		case "trusted-proxies":
			fs.StringVar(&o.trustedProxies, "trusted-proxies", envOr("TRUSTED_PROXIES", ""), "addresses or CIDR ranges of the reverse proxies in front, e.g. 127.0.0.1,10.0.0.0/8, whose X-Forwarded-For names the reader; empty trusts none (MASTHEAD_TRUSTED_PROXIES)")
		case "mail-from":
			fs.StringVar(&o.mailFrom, "mail-from", envOr("MAIL_FROM", ""), "sender of the site's mail, e.g. \"Newsroom <news@example.org>\" (MASTHEAD_MAIL_FROM)")
		}
	}
	return fs
}

func envOr(name, def string) string {
	if v, ok := os.LookupEnv("MASTHEAD_" + name); ok {
		return v
	}
	return def
}

// parseFlags parses args, applies boolean environment variables and reports
// problems as usage errors.
func parseFlags(fs *flag.FlagSet, args []string, stdout io.Writer) error {
	for _, b := range []string{"demo", "log-json"} {
		if f := fs.Lookup(b); f != nil {
			env := "MASTHEAD_" + strings.ToUpper(strings.ReplaceAll(b, "-", "_"))
			if v, ok := os.LookupEnv(env); ok {
				if err := f.Value.Set(v); err != nil {
					return usagef("%s=%q is not a boolean (use true or false)", env, v)
				}
			}
		}
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			fs.SetOutput(stdout)
			fmt.Fprintf(stdout, "Usage of masthead %s:\n", fs.Name())
			fs.PrintDefaults()
			return err
		}
		return usagef("%v (run: masthead %s -h)", err, fs.Name())
	}
	if fs.NArg() > 0 {
		return usagef("unexpected argument %q (run: masthead %s -h)", fs.Arg(0), fs.Name())
	}
	return nil
}
