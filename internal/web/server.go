// Package web serves Masthead over HTTP: the route table, middleware (security
// headers, cross-origin protection, logging, edition resolution), template
// rendering into a buffer, the typed page data and the one place where errors
// become status codes. It calls the domain packages and never runs SQL.
package web

import (
	"context"
	"fmt"
	"log/slog"
	"net/http"
	"sync"
	"sync/atomic"
	"time"

	"github.com/masthead-news/masthead/internal/content"
	"github.com/masthead-news/masthead/internal/edition"
	"github.com/masthead-news/masthead/internal/i18n"
	"github.com/masthead-news/masthead/internal/media"
)

// EditionStore is where the web layer reads the site's editions.
type EditionStore interface {
	Editions(ctx context.Context) ([]edition.Edition, error)
}

// Deps are the services a Server needs.
type Deps struct {
	Content  content.Store
	Media    media.Store
	Blob     media.Blob
	Editions EditionStore
	// Ready reports whether the database answers (for /readyz).
	Ready   func(ctx context.Context) error
	Logger  *slog.Logger
	BaseURL string // absolute site URL without a trailing slash; "" derives it from each request
	Now     func() time.Time
}

// Server is the HTTP face of a Masthead site.
type Server struct {
	deps     Deps
	handler  http.Handler
	mux      *http.ServeMux
	views    *views
	assets   *assets
	editions atomic.Pointer[siteEditions]
	reloadMu sync.Mutex
}

// siteEditions is the edition set with a ready-made locale per edition.
type siteEditions struct {
	set     *edition.Set
	locales map[string]*i18n.Locale
}

// New builds a server; it parses every template and loads the editions, so a
// broken template or edition fails here rather than on a reader's request.
func New(ctx context.Context, deps Deps) (*Server, error) {
	if deps.Logger == nil {
		deps.Logger = slog.Default()
	}
	if deps.Now == nil {
		deps.Now = time.Now
	}
	s := &Server{deps: deps}
	var err error
	if s.assets, err = loadAssets(); err != nil {
		return nil, err
	}
	if s.views, err = parseViews(s.assets); err != nil {
		return nil, err
	}
	if err := s.ReloadEditions(ctx); err != nil {
		return nil, err
	}
	s.mux = http.NewServeMux()
	s.handler = s.middleware(s.routes())
	return s, nil
}

// ServeHTTP makes Server an http.Handler.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) { s.handler.ServeHTTP(w, r) }

// ReloadEditions re-reads editions and their settings after a change.
func (s *Server) ReloadEditions(ctx context.Context) error {
	s.reloadMu.Lock()
	defer s.reloadMu.Unlock()
	list, err := s.deps.Editions.Editions(ctx)
	if err != nil {
		return fmt.Errorf("loading editions: %w", err)
	}
	set, err := edition.NewSet(list)
	if err != nil {
		return err
	}
	se := &siteEditions{set: set, locales: map[string]*i18n.Locale{}}
	for _, e := range set.All() {
		loc, err := i18n.New(e.Lang, i18n.Options{Calendar: i18n.Calendar(e.Calendar), Digits: i18n.Digits(e.Digits), Location: e.Location()})
		if err != nil {
			// An edition in a language without a catalog falls back to English UI text.
			loc, err = i18n.New("en", i18n.Options{Location: e.Location()})
			if err != nil {
				return err
			}
		}
		se.locales[e.Code] = loc
	}
	s.editions.Store(se)
	return nil
}

func (s *Server) now() time.Time { return s.deps.Now() }
