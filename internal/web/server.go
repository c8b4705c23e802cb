// Package web serves Masthead over HTTP: the route table, middleware (security
// headers, cross-origin protection, logging, edition resolution), template
// rendering into a buffer, the typed page data and the one place where errors
// become status codes. It calls the domain packages and never runs SQL.
package web

import (
	"context"
	"database/sql"
	"fmt"
	"log/slog"
	"net/http"
	"net/netip"
	"sync"
	"sync/atomic"
	"time"

	"github.com/masthead-news/masthead/internal/comment"
	"github.com/masthead-news/masthead/internal/contact"
	"github.com/masthead-news/masthead/internal/content"
	"github.com/masthead-news/masthead/internal/edition"
	"github.com/masthead-news/masthead/internal/i18n"
	"github.com/masthead-news/masthead/internal/media"
	"github.com/masthead-news/masthead/internal/mediasection"
	"github.com/masthead-news/masthead/internal/newsletter"
	"github.com/masthead-news/masthead/internal/publication"
	"github.com/masthead-news/masthead/internal/search"
)

// EditionStore is where the web layer reads the site's editions and its
// site-wide settings.
type EditionStore interface {
	Editions(ctx context.Context) ([]edition.Edition, error)
	Setting(ctx context.Context, name string) (value string, ok bool, err error)
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
	// Admin serves /admin/ (the newsroom); nil leaves it out.
	Admin http.Handler
	// API serves /wp-json/ (the WordPress-compatible REST API, package
	// wpapi); nil leaves it out.
	API http.Handler
	Now func() time.Time
	// Generation changes after every committed write (store.Generation);
	// the page cache serves an entry only while it is unchanged. Without
	// it there is no page cache.
	Generation func() uint64
	// TrustedProxies are the reverse proxies whose X-Forwarded-For names
	// the reader (proxy.go); none by default.
	TrustedProxies []netip.Prefix
	// CacheBytes bounds the page cache; 0 switches it off.
	CacheBytes int64
	// Renderers bounds how many pages render at once (cache.go); 0 means
	// four per core, which suits a database over the network. Rendering on
	// SQLite is CPU work from end to end and does best with one more than
	// the cores: at 256 connections the default cost 3–8% more CPU per
	// uncached home there (docs/caching.md).
	Renderers int
	// MetricsToken, when set, serves /metrics to requests that carry it as
	// a bearer token; empty means no /metrics.
	MetricsToken string
	// DBStats reports the database connection pools by name, for /metrics.
	DBStats func() map[string]sql.DBStats
	// Search answers /search/ and /?s=. When nil and Content can search
	// (the store can), a search.Service over Content is used.
	Search Searcher
	// Redirects answers old WordPress URLs of imported content with a 301
	// (redirect.go); nil answers them 404.
	Redirects RedirectStore
	// Publications serves books and series (publications.go). When nil
	// and Content can (the store can), Content is used.
	Publications publication.Store
	// Views counts article reads for "Most read" (viewcount.go); nil
	// counts nothing. The caller runs its flushing goroutine.
	Views ViewCounter
	// Sections reads the Media sections (media_sections.go); when nil, the
	// Content store serves them if it can (the store can).
	Sections mediasection.Store
	// Comments takes readers' comments (the form under articles); nil
	// shows the approved thread without a form.
	Comments *comment.Service
	// Contact takes messages from the contact page's form; nil shows no form.
	Contact *contact.Service
	// Newsletter takes subscriptions from the forms in the sidebar, the
	// footer and under articles, and answers the links in its mail; nil
	// shows no form (newsletter.go).
	Newsletter *newsletter.Service
}

// Server is the HTTP face of a Masthead site.
type Server struct {
	deps    Deps
	handler http.Handler
	mux     *http.ServeMux
	// root is the site's outer mux (routes); pagePatterns are its
	// patterns whose handlers go through the page cache.
	root         *http.ServeMux
	pagePatterns map[string]bool
	views        *views
	assets       *assets
	editions     atomic.Pointer[siteEditions]
	reloadMu     sync.Mutex
	cache        *pageCache // nil when off
	renders      *renderGate
	epoch        atomic.Uint64
	// structure is the menus and category trees of the current write
	// generation (structure.go).
	structure atomic.Pointer[structure]
	metrics   *metrics // nil without a metrics token
	pubs      publication.Store
	// sitemapSize is the most URLs per sitemap file (0: sitemap.MaxURLs).
	sitemapSize int
}

// siteEditions is the edition set with a ready-made locale per edition.
type siteEditions struct {
	set         *edition.Set
	locales     map[string]*i18n.Locale
	negotiation string // NegotiateOff, NegotiateBanner or NegotiateRedirect
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
	if deps.Search == nil {
		st, ok := deps.Content.(search.Store)
		if !ok {
			return nil, fmt.Errorf("web: no search service and the content store cannot search")
		}
		deps.Search = &search.Service{Store: st}
	}
	if deps.Sections == nil {
		st, ok := deps.Content.(mediasection.Store)
		if !ok {
			return nil, fmt.Errorf("web: no Media sections store and the content store cannot serve them")
		}
		deps.Sections = st
	}
	if deps.Publications == nil {
		st, ok := deps.Content.(publication.Store)
		if !ok {
			return nil, fmt.Errorf("web: no publications store and the content store has none")
		}
		deps.Publications = st
	}
	s := &Server{deps: deps, pubs: deps.Publications, renders: newRenderGate(deps.Renderers)}
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
	if deps.CacheBytes > 0 && deps.Generation != nil {
		s.cache = newPageCache(deps.CacheBytes)
	}
	if deps.MetricsToken != "" {
		s.metrics = newMetrics(s)
	}
	s.mux = http.NewServeMux()
	s.handler = s.middleware(s.routes())
	return s, nil
}

// ServeHTTP makes Server an http.Handler.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if s.serveHit(w, r) {
		return
	}
	s.handler.ServeHTTP(w, r)
}

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
	se := &siteEditions{set: set, locales: map[string]*i18n.Locale{}, negotiation: NegotiateBanner}
	if v, ok, err := s.deps.Editions.Setting(ctx, "language_negotiation"); err != nil {
		return fmt.Errorf("loading settings: %w", err)
	} else if ok {
		switch v {
		case NegotiateOff, NegotiateBanner, NegotiateRedirect:
			se.negotiation = v
		default:
			return fmt.Errorf("setting language_negotiation is %q; use off, banner or redirect", v)
		}
	}
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
	s.epoch.Add(1) // cached pages show the old editions: drop them
	return nil
}

func (s *Server) now() time.Time { return s.deps.Now() }
