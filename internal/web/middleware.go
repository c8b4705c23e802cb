package web

import (
	"context"
	"crypto/sha256"
	"encoding/base64"
	"fmt"
	"log/slog"
	"net/http"
	"strings"
	"time"

	"github.com/masthead-news/masthead/internal/edition"
	"github.com/masthead-news/masthead/internal/i18n"
)

// jsFlagScript marks the document as scripted before first paint so the
// enhanced menu does not flash; CSP allows it by hash, nothing else inline.
const jsFlagScript = `document.documentElement.classList.add("js")`

var contentSecurityPolicy = func() string {
	sum := sha256.Sum256([]byte(jsFlagScript))
	return "default-src 'self'; script-src 'self' 'sha256-" + base64.StdEncoding.EncodeToString(sum[:]) + "'; " +
		"style-src 'self'; img-src 'self' data:; media-src 'self'; font-src 'self'; object-src 'none'; " +
		"base-uri 'self'; form-action 'self'; frame-ancestors 'none'"
}()

type ctxKey int

const editionKey ctxKey = iota

// requestEdition is the edition a request belongs to and its locale.
type requestEdition struct {
	ed      *edition.Edition
	locale  *i18n.Locale
	all     *siteEditions
	rawPath string // the path as the reader asked for it, with the edition prefix
}

func editionFrom(ctx context.Context) *requestEdition {
	re, _ := ctx.Value(editionKey).(*requestEdition)
	return re
}

// middleware wraps the router: logging, recovery, security headers and
// cross-origin protection for every state change.
func (s *Server) middleware(next http.Handler) http.Handler {
	cop := http.NewCrossOriginProtection()
	// The one exemption: RFC 8058's one-click unsubscribe, a POST that a
	// mail provider sends on the reader's behalf, with no browser headers
	// to check. It needs the token from the reader's own mail and can only
	// stop that mail (newsletter.go).
	cop.AddInsecureBypassPattern("POST /newsletter/unsubscribe/{$}")
	cop.AddInsecureBypassPattern("POST /{edition}/newsletter/unsubscribe/{$}")
	h := cop.Handler(next)
	h = securityHeaders(h, strings.HasPrefix(s.deps.BaseURL, "https://"))
	h = s.recoverPanics(h)
	h = s.countViews(h) // outside the page cache, so cached reads count too
	h = s.logRequests(h)
	return forwardedFor(h, s.deps.TrustedProxies) // first, so the log shows readers' addresses too
}

// securityHeaderValues are set on every response. The slices are shared,
// read-only, and assigned straight into the header map: Header.Set would
// allocate a fresh one for each header of each response, cache hits too.
var securityHeaderValues = []struct {
	name  string
	value []string
}{
	{"Content-Security-Policy", []string{contentSecurityPolicy}},
	{"X-Content-Type-Options", []string{"nosniff"}},
	{"X-Frame-Options", []string{"DENY"}},
	{"Referrer-Policy", []string{"strict-origin-when-cross-origin"}},
	{"Cross-Origin-Opener-Policy", []string{"same-origin"}},
	{"Permissions-Policy", []string{"camera=(), microphone=(), geolocation=(), interest-cohort=()"}},
}

var hstsValue = []string{"max-age=63072000; includeSubDomains"}

func securityHeaders(next http.Handler, https bool) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		for _, sh := range securityHeaderValues {
			h[sh.name] = sh.value
		}
		if https {
			h["Strict-Transport-Security"] = hstsValue
		}
		next.ServeHTTP(w, r)
	})
}

// resolveEdition finds the edition named by the path prefix, strips the
// prefix so one route table serves every edition, and sends an explicit
// prefix of the default edition to its unprefixed URL.
func (s *Server) resolveEdition(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		all := s.editions.Load()
		ed, rest, prefixed := all.set.Resolve(r.URL.Path)
		if ed == nil {
			http.Error(w, "This site has no editions yet.", http.StatusServiceUnavailable)
			return
		}
		re := &requestEdition{ed: ed, locale: all.locales[ed.Code], all: all, rawPath: r.URL.Path}
		if prefixed && ed.IsDefault {
			target := rest
			if r.URL.RawQuery != "" {
				target += "?" + r.URL.RawQuery
			}
			http.Redirect(w, r, target, http.StatusMovedPermanently)
			return
		}
		if prefixed && r.URL.Path == "/"+ed.Code {
			http.Redirect(w, r, r.URL.Path+"/", http.StatusMovedPermanently)
			return
		}
		if target, ok := s.slashRedirect(r, rest, r.URL.Path); ok {
			http.Redirect(w, r, target, http.StatusMovedPermanently)
			return
		}
		r2 := r.WithContext(context.WithValue(r.Context(), editionKey, re))
		if prefixed {
			u := *r.URL
			u.Path, u.RawPath = rest, ""
			r2.URL = &u
		}
		next.ServeHTTP(w, r2)
		r.Pattern = r2.Pattern // for the request log and metrics
	})
}

type statusRecorder struct {
	http.ResponseWriter
	status int
	bytes  int64
}

func (rec *statusRecorder) WriteHeader(code int) {
	if rec.status == 0 {
		rec.status = code
	}
	rec.ResponseWriter.WriteHeader(code)
}

func (rec *statusRecorder) Write(b []byte) (int, error) {
	if rec.status == 0 {
		rec.status = http.StatusOK
	}
	n, err := rec.ResponseWriter.Write(b)
	rec.bytes += int64(n)
	return n, err
}

func (rec *statusRecorder) Unwrap() http.ResponseWriter { return rec.ResponseWriter }

// logRequests writes one structured line per request.
func (s *Server) logRequests(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		rec := &statusRecorder{ResponseWriter: w}
		next.ServeHTTP(rec, r)
		if rec.status == 0 {
			rec.status = http.StatusOK
		}
		s.logRequest(r, rec.status, rec.bytes, start)
	})
}

// logRequest records one answered request in the metrics and the log; the
// middleware chain and the cache-hit path (ServeHTTP) share it.
func (s *Server) logRequest(r *http.Request, status int, bytes int64, start time.Time) {
	if s.metrics != nil {
		s.metrics.observe(r, status, time.Since(start))
	}
	level := slog.LevelInfo
	if status >= 500 {
		level = slog.LevelError
	}
	// The record goes to the handler without a caller: Logger.LogAttrs
	// walks the stack for one on every request (runtime.Callers, about 1%
	// of a cached page's CPU), for a source no handler here prints.
	h, ctx := s.deps.Logger.Handler(), r.Context()
	if !h.Enabled(ctx, level) {
		return
	}
	rec := slog.NewRecord(time.Now(), level, "request", 0)
	rec.AddAttrs(slog.String("method", r.Method), slog.String("path", r.URL.Path), slog.Int("status", status),
		slog.Duration("duration", time.Since(start)), slog.Int64("bytes", bytes))
	_ = h.Handle(ctx, rec)
}

// recoverPanics turns a panic in a handler into a logged 500.
func (s *Server) recoverPanics(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		defer func() {
			if v := recover(); v != nil {
				if v == http.ErrAbortHandler {
					panic(v)
				}
				s.serverError(w, r, fmt.Errorf("panic: %v", v))
			}
		}()
		next.ServeHTTP(w, r)
	})
}
