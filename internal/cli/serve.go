package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os/signal"
	"syscall"
	"time"

	"github.com/masthead-news/masthead/internal/web"
)

// shutdownGrace is how long in-flight requests may run after a stop signal.
const shutdownGrace = 20 * time.Second

func runServe(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	var o options
	fs := newFlags("serve", &o, "addr", "data", "database", "base-url", "demo", "log-json")
	if err := parseFlags(fs, args, stdout); err != nil {
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
	var handler slog.Handler = slog.NewTextHandler(stderr, nil)
	if o.logJSON {
		handler = slog.NewJSONHandler(stderr, nil)
	}
	logger := slog.New(handler)

	ctx, stop := signal.NotifyContext(ctx, syscall.SIGINT, syscall.SIGTERM)
	defer stop()

	a, err := openApp(ctx, &o)
	if err != nil {
		return err
	}
	defer a.Close()

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

	srv, err := web.New(ctx, web.Deps{Content: a.store, Media: a.store, Blob: a.blob, Editions: a.store,
		Ready: a.store.Ping, Logger: logger, BaseURL: baseURL})
	if err != nil {
		return err
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
	fmt.Fprintf(stdout, "Masthead is serving %s\n", siteURL+"/")
	errc := make(chan error, 1)
	go func() { errc <- hs.Serve(ln) }()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	logger.Info("shutting down: letting requests in flight finish")
	sctx, cancel := context.WithTimeout(context.Background(), shutdownGrace)
	defer cancel()
	if err := hs.Shutdown(sctx); err != nil {
		return fmt.Errorf("shutdown: %w", err)
	}
	if err := <-errc; err != nil && !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	logger.Info("stopped")
	return nil
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
