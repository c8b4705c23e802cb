package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"os/signal"
	"runtime"
	"runtime/debug"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/masthead-news/masthead/internal/admin"
	"github.com/masthead-news/masthead/internal/httpfront"
	"github.com/masthead-news/masthead/internal/media"
	"github.com/masthead-news/masthead/internal/newsletter"
	"github.com/masthead-news/masthead/internal/readership"
	"github.com/masthead-news/masthead/internal/search"
	"github.com/masthead-news/masthead/internal/web"
	"github.com/masthead-news/masthead/internal/wpapi"
)

// shutdownGrace is how long in-flight requests may run after a stop signal.
const shutdownGrace = 20 * time.Second

// viewFlushEvery is how often counted reads are written to the database.
const viewFlushEvery = 30 * time.Second

func runServe(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	var o options
	fs := newFlags("serve", &o, "addr", "data", "database", "media-url", "base-url", "demo", "log-json", "cache-size", "metrics-token", "max-upload-mb", "image-workers", "smtp-url", "mail-from", "mail-rate", "trusted-proxies")
	if err := parseFlags(fs, args, stdout); err != nil {
		return err
	}
	cacheMB, err := checkCacheSize(o.cacheSize)
	if err != nil {
		return err
	}
	// A soft memory limit (memoryLimitMB) makes the collector work harder
	// before the process grows, so a small server stays small under load.
	// Below it, the collector may let the heap grow to three times what
	// is live instead of twice: rendering a page allocates about 50 kB,
	// and at Go's default the collector took a tenth of the CPU time of
	// uncached pages. GOMEMLIMIT and GOGC in the environment win.
	if _, set := os.LookupEnv("GOMEMLIMIT"); !set {
		debug.SetMemoryLimit(memoryLimitMB(cacheMB) << 20)
	}
	if _, set := os.LookupEnv("GOGC"); !set {
		debug.SetGCPercent(200)
	}
	gcPercent := debug.SetGCPercent(-1)
	debug.SetGCPercent(gcPercent)
	memoryNote := fmt.Sprintf("memory: soft limit %d MB, GOGC %d", debug.SetMemoryLimit(-1)>>20, gcPercent)
	uploadMB, err := checkWholeNumber("--max-upload-mb", o.maxUploadMB, 1, 1<<14)
	if err != nil {
		return err
	}
	imageWorkers, err := checkWholeNumber("--image-workers", o.imageWorkers, 0, 64)
	if err != nil {
		return err
	}
	if err := checkAddr(o.addr); err != nil {
		return err
	}
	if err := checkData(o.data); err != nil {
		return err
	}
	baseURL, err := checkBaseURL(o.baseURL)
	if err != nil {
		return err
	}
	mailer, err := checkMail(o.smtpURL, o.mailFrom)
	if err != nil {
		return err
	}
	proxies, err := web.ParseTrustedProxies(o.trustedProxies)
	if err != nil {
		return usagef("--trusted-proxies: %v", err)
	}
	mailRate, err := checkWholeNumber("--mail-rate", o.mailRate, 1, 1000)
	if err != nil {
		return err
	}
	if _, err := checkMediaURL(o.mediaURL); err != nil {
		return err
	}
	logs := newLogBuffer(stderr, logFlushEvery)
	defer logs.Close()
	var handler slog.Handler = slog.NewTextHandler(logs, nil)
	if o.logJSON {
		handler = slog.NewJSONHandler(logs, nil)
	}
	handler = flushingHandler{handler, logs}
	logger := slog.New(handler)

	ctx, stop := signal.NotifyContext(ctx, syscall.SIGINT, syscall.SIGTERM)
	defer stop()

	a, err := openApp(ctx, &o)
	if err != nil {
		return err
	}
	defer a.Close()
	a.media.MaxSize = uploadMB << 20

	// Listen before loading the demo so a taken port fails fast.
	ln, err := net.Listen("tcp", o.addr)
	if err != nil {
		return fmt.Errorf("cannot listen on %s: %w", o.addr, err)
	}
	defer ln.Close()
	siteURL := baseURL
	if siteURL == "" {
		siteURL = "http://" + displayAddr(ln.Addr())
	}

	hasSite, err := a.hasSite(ctx)
	if err != nil {
		return err
	}
	if o.demo && !hasSite {
		logger.Info("loading the demo site")
		sum, password, err := a.loadDemo(ctx)
		if err != nil {
			return err
		}
		fmt.Fprintf(stdout, "Demo site loaded: %d editions, %d articles, %d pages.\n", sum.Editions, sum.Articles, sum.Pages)
		printAdmin(stdout, siteURL, password)
	} else if err := a.ensureSite(ctx); err != nil {
		return err
	}

	resetMail, outbox := newOutbox(a.store, mailer, baseURL, logger) // mail.go
	// Comment notifications, contact forwards and replies, and newsletter
	// confirmations go through the durable outbox: without a server they
	// wait there (the admin says so).
	if err := a.readerServices(ctx, outbox, siteURL, logger); err != nil {
		return err
	}
	news := a.newsletter
	adm, err := admin.New(admin.Deps{Auth: a.auth, Users: a.store, Content: a.content, Media: a.media, Editions: a.store,
		Audit: a.store, Logger: logger, Secure: strings.HasPrefix(baseURL, "https://"),
		Mail: resetMail, Outbox: outbox, BaseURL: baseURL, Settings: a.store, Comments: a.comments, Contact: a.contact, Newsletter: news})
	if err != nil {
		return err
	}
	// Reads for "Most read" are counted in memory and written in batches.
	views := readership.NewCounter(a.store, nil, logger)
	api := wpapi.New(wpapi.Deps{Store: a.store, Content: a.content, Media: a.media, Auth: a.auth, Audit: a.store,
		BaseURL: baseURL, Logger: logger})
	srv, err := web.New(ctx, web.Deps{Content: a.store, Media: a.store, Blob: a.blob, Editions: a.store,
		Ready: a.store.Ping, Logger: logger, BaseURL: baseURL, Admin: adm, API: api, Search: &search.Service{Store: a.store},
		Generation: a.store.Generation, CacheBytes: cacheMB << 20, MetricsToken: o.metricsToken, DBStats: a.store.DBStats, Views: views,
		Redirects: a.store, Comments: a.comments, Contact: a.contact, Newsletter: news, TrustedProxies: proxies,
		Renderers: renderersFor(a.store.DialectName())})
	if err != nil {
		return err
	}
	adm.Preview = srv.PreviewArticle
	adm.OnSiteChanged = srv.ReloadEditions // settings changed in the admin show at once

	// Background work stops with ctx; wait for it before the database closes.
	var background sync.WaitGroup
	defer background.Wait()
	if err := a.followOtherNodes(ctx, &o, srv.ReloadEditions, logger, &background); err != nil { // nodes.go
		return err
	}
	background.Add(1)
	go func() {
		defer background.Done()
		a.runScheduler(ctx, logger)
	}()
	// Responsive image variants are made from a queue in the database, so
	// uploads from before a restart (and the demo's pictures) get theirs too.
	for range imageWorkers {
		background.Add(1)
		go func() {
			defer background.Done()
			(&media.Worker{Service: a.media, Logger: logger}).Run(ctx)
		}()
	}
	// The view counter stops after the HTTP server (this defer runs before
	// background.Wait), so reads still in flight at shutdown are written.
	viewCtx, stopViews := context.WithCancel(context.WithoutCancel(ctx))
	defer stopViews()
	background.Add(1)
	go func() {
		defer background.Done()
		views.Run(viewCtx, viewFlushEvery)
	}()
	// Mail goes out from the outbox in the database: what is not sent when
	// the process stops is sent after the restart (or by another node).
	// Newsletter issues go out from their own rows, one per recipient, at
	// most --mail-rate a second (newsletter.Sender).
	if outbox.Configured() {
		background.Add(2)
		go func() {
			defer background.Done()
			outbox.Run(ctx)
		}()
		go func() {
			defer background.Done()
			(&newsletter.Sender{Service: news, SMTP: mailer, Rate: float64(mailRate), Logger: logger}).Run(ctx)
		}()
	}
	hs := &http.Server{
		Handler:           srv,
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       60 * time.Second,
		WriteTimeout:      120 * time.Second,
		IdleTimeout:       120 * time.Second,
		MaxHeaderBytes:    64 << 10,
		ErrorLog:          slog.NewLogLogger(handler, slog.LevelWarn),
	}
	// The front answers readers' page requests itself, from the page
	// cache or by rendering, and hands every other connection to hs (see
	// internal/httpfront and web.Server.FrontAnswer).
	front := &httpfront.Server{Answer: srv.FrontAnswer, HTTP: hs}
	fmt.Fprintf(stdout, "Masthead is serving %s\n", siteURL+"/")
	logger.Info(memoryNote)
	errc := make(chan error, 1)
	go func() { errc <- front.Serve(ln) }()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	logger.Info("shutting down: letting requests in flight finish")
	sctx, cancel := context.WithTimeout(context.Background(), shutdownGrace)
	defer cancel()
	if err := front.Shutdown(sctx); err != nil {
		return fmt.Errorf("shutdown: %w", err)
	}
	if err := <-errc; err != nil && !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	logger.Info("stopped")
	return nil
}

// renderersFor bounds the pages that render at once on a store of the
// named dialect (store.Store.DialectName). On SQLite, whose queries run in
// this process, a rendering is CPU work from end to end: one more than the
// cores keeps them busy (web.Deps.Renderers). A PostgreSQL rendering waits
// on the network, so it keeps web's default.
func renderersFor(dialect string) int {
	if dialect != "sqlite" {
		return 0
	}
	return runtime.GOMAXPROCS(0) + 1
}

func displayAddr(a net.Addr) string {
	host, port, err := net.SplitHostPort(a.String())
	if err != nil {
		return a.String()
	}
	if host == "" || host == "::" || host == "0.0.0.0" {
		host = "localhost"
	}
	return net.JoinHostPort(host, port)
}

func printAdmin(w io.Writer, siteURL, password string) {
	fmt.Fprintf(w, "\nAdmin: %s/admin/\n  email:    %s\n  password: %s\n(The password is shown only this once.)\n\n", siteURL, demoAdminEmail, password)
}

// checkWholeNumber reads a flag that takes a whole number from lo to hi.
func checkWholeNumber(flag, raw string, lo, hi int64) (int64, error) {
	n, err := strconv.ParseInt(strings.TrimSpace(raw), 10, 64)
	if err != nil || n < lo || n > hi {
		return 0, usagef("%s %q must be a whole number from %d to %d", flag, raw, lo, hi)
	}
	return n, nil
}

// memoryLimitMB is serve's soft memory limit for a page cache of cacheMB:
// the cache's bound plus 48 MB for rendering, and at least 64 MB. With the
// binary and SQLite's own memory (about 40 MB) that keeps the default
// server, its 64 MB cache full, within about 150 MB. (A floor of 96 MB
// made uncached pages at 256 connections about 5% cheaper but took the
// peak, over a whole benchmark run with the cache off, to 139 MB.)
func memoryLimitMB(cacheMB int64) int64 { return max(cacheMB+48, 64) }

// checkCacheSize reads --cache-size: whole megabytes, 0 for no page cache.
func checkCacheSize(raw string) (int64, error) {
	n, err := strconv.ParseInt(strings.TrimSpace(raw), 10, 64)
	if err != nil || n < 0 || n > 1<<20 {
		return 0, usagef("--cache-size %q must be a whole number of megabytes, 0 to switch the page cache off", raw)
	}
	return n, nil
}
