package web

import (
	"net/http"
	"strings"

	"github.com/masthead-news/masthead/internal/mediasection"
)

// routes is the whole URL space of the public site on one screen (see
// DESIGN.md's URL contract). Edition pages are matched after the edition
// prefix ("/ar", "/fa" …) has been stripped, so one table serves them all.
func (s *Server) routes() http.Handler {
	// Operations and files: one per site, never under an edition prefix.
	root := http.NewServeMux()
	s.root, s.pagePatterns = root, map[string]bool{}
	// page registers a handler whose responses go through the page cache;
	// the HTTP front serves these requests itself (FrontAnswer).
	page := func(pattern string, h http.Handler) {
		root.Handle(pattern, s.cachePages(h))
		s.pagePatterns[pattern] = true
	}
	root.HandleFunc("GET /healthz", s.healthz)
	root.HandleFunc("GET /readyz", s.readyz)
	root.HandleFunc("GET /static/", s.assets.serve)
	root.HandleFunc("GET /uploads/{path...}", s.upload)
	root.HandleFunc("GET /download/{id}/{name}", s.download) // download.go: attachments, counted
	if s.deps.Admin != nil {
		root.Handle("/admin/", s.deps.Admin)
		root.Handle("/admin", http.RedirectHandler("/admin/", http.StatusMovedPermanently))
	}
	root.HandleFunc("GET /form-token/{form}/{target}", s.formToken) // never cached (comments.go)
	root.HandleFunc("GET /metrics", s.serveMetrics)                 // 404 unless a metrics token is set
	// The WordPress-compatible API: one per site (?lang= picks the
	// edition). Public reads go through the page cache, keyed by the query;
	// authenticated requests bypass it.
	if s.deps.API != nil {
		page("/wp-json/", s.deps.API)
		root.Handle("GET /wp-json", http.RedirectHandler("/wp-json/", http.StatusMovedPermanently))
	}
	// Files for crawlers, one set per site (sitemap.go), cached like pages.
	page("GET /robots.txt", http.HandlerFunc(s.robots))
	page("GET /sitemap.xml", http.HandlerFunc(s.sitemapIndex))
	page("GET /sitemaps/{file}", http.HandlerFunc(s.editionSitemap))
	page("GET /news-sitemap.xml", http.HandlerFunc(s.newsSitemap))
	// Pages go through the page cache (cache.go), which sees the path with
	// its edition prefix.
	page("/", s.announceAPI(s.resolveEdition(s.mux)))

	// Pages of an edition.
	m := s.mux
	// Listings.
	m.HandleFunc("GET /{$}", s.home)
	m.HandleFunc("GET /page/{n}/{$}", s.home)
	m.HandleFunc("GET /articles/{$}", s.allArticles)
	m.HandleFunc("GET /articles/page/{n}/{$}", s.allArticles)
	m.HandleFunc("GET /category/{slug}/{$}", s.categoryListing)
	m.HandleFunc("GET /category/{slug}/page/{n}/{$}", s.categoryListing)
	m.HandleFunc("GET /tag/{slug}/{$}", s.tagListing)
	m.HandleFunc("GET /tag/{slug}/page/{n}/{$}", s.tagListing)
	m.HandleFunc("GET /author/{slug}/{$}", s.authorListing)
	m.HandleFunc("GET /author/{slug}/page/{n}/{$}", s.authorListing)

	// Media sections (media_sections.go): a paged grid per section, each
	// item's page, and each album photo's own page (the lightbox's
	// fallback without script).
	for _, k := range mediasection.Kinds {
		base := "GET /media/" + k.Section()
		m.HandleFunc(base+"/{$}", s.mediaListing(k))
		m.HandleFunc(base+"/page/{n}/{$}", s.mediaListing(k))
		m.HandleFunc(base+"/{slug}/{$}", s.mediaItem(k))
	}
	m.HandleFunc("GET /media/gallery/{slug}/{n}/{$}", s.albumPhoto)

	// Search (the home page also hands WordPress's ?s= to it).
	m.HandleFunc("GET /search/{$}", s.search)
	m.HandleFunc("GET /search/page/{n}/{$}", s.search)

	// Feeds: RSS at feed/, Atom at feed/atom/, JSON Feed at feed/json/ (feed_show.go).
	m.HandleFunc("GET /feed/{$}", s.siteFeed)
	m.HandleFunc("GET /feed/{format}/{$}", s.siteFeed)
	m.HandleFunc("GET /category/{slug}/feed/{$}", s.categoryFeed)
	m.HandleFunc("GET /category/{slug}/feed/{format}/{$}", s.categoryFeed)
	m.HandleFunc("GET /tag/{slug}/feed/{$}", s.tagFeed)
	m.HandleFunc("GET /tag/{slug}/feed/{format}/{$}", s.tagFeed)
	m.HandleFunc("GET /author/{slug}/feed/{$}", s.authorFeed)
	m.HandleFunc("GET /author/{slug}/feed/{format}/{$}", s.authorFeed)

	// Publications (publications.go).
	m.HandleFunc("GET /publications/books/{$}", s.books)
	m.HandleFunc("GET /publications/books/page/{n}/{$}", s.books)
	m.HandleFunc("GET /publications/books/{slug}/{$}", s.book)
	m.HandleFunc("GET /publications/{series}/{$}", s.series)
	m.HandleFunc("GET /publications/{series}/{issue}/{$}", s.issue)

	// Single items.
	m.HandleFunc("GET /{yyyy}/{mm}/{dd}/{slug}/{$}", s.article)
	m.HandleFunc("GET /{yyyy}/{mm}/{dd}/{slug}/share.png", s.shareImage) // for articles without a picture
	m.HandleFunc("GET /{slug}/{$}", s.staticPage)
	// The public forms (comments.go): comments on an article, the contact
	// page's form. Cross-origin protection covers every POST (middleware.go).
	m.HandleFunc("POST /{yyyy}/{mm}/{dd}/{slug}/comments/{$}", s.postComment)
	m.HandleFunc("POST /{slug}/{$}", s.postContact)

	// The newsletter (newsletter.go): subscribing, confirming, unsubscribing.
	if s.deps.Newsletter != nil {
		m.HandleFunc("POST /newsletter/subscribe/{$}", s.subscribe)
		m.HandleFunc("GET /newsletter/confirm/{$}", s.confirmForm)
		m.HandleFunc("POST /newsletter/confirm/{$}", s.confirm)
		m.HandleFunc("GET /newsletter/unsubscribe/{$}", s.unsubscribeForm)
		m.HandleFunc("POST /newsletter/unsubscribe/{$}", s.unsubscribe)
	}

	// Everything else.
	m.HandleFunc("/", s.fallback)
	return root
}

// announceAPI adds WordPress's API discovery header to pages, so clients
// given only the site's address find /wp-json/, and answers WordPress's
// other form of API URL, /?rest_route=/wp/v2/posts (or /index.php?…), as
// the /wp-json/ path it names.
func (s *Server) announceAPI(next http.Handler) http.Handler {
	if s.deps.API == nil {
		return next
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/" || r.URL.Path == "/index.php" {
			q := r.URL.Query()
			if route := q.Get("rest_route"); strings.HasPrefix(route, "/") {
				q.Del("rest_route")
				u := *r.URL
				u.Path, u.RawPath, u.RawQuery = "/wp-json"+route, "", q.Encode()
				r2 := r.Clone(r.Context())
				r2.URL = &u
				s.deps.API.ServeHTTP(w, r2)
				return
			}
		}
		w.Header().Set("Link", "<"+s.absURL(r, "/wp-json/")+`>; rel="https://api.w.org/"`)
		next.ServeHTTP(w, r)
	})
}

// fallback answers every path no route claims with a localized 404.
func (s *Server) fallback(w http.ResponseWriter, r *http.Request) { s.notFound(w, r) }

// slashRedirect gives the URL with a trailing slash when a path lacks one
// and the slashed path is a route ("/fa/articles" → "/fa/articles/"); the
// router's own redirect would lose the edition prefix.
func (s *Server) slashRedirect(r *http.Request, rest, rawPath string) (string, bool) {
	if (r.Method != http.MethodGet && r.Method != http.MethodHead) || strings.HasSuffix(rest, "/") {
		return "", false
	}
	probe := r.Clone(r.Context())
	probe.URL.Path, probe.URL.RawPath = rest+"/", ""
	if _, pattern := s.mux.Handler(probe); pattern == "/" || pattern == "" {
		return "", false
	}
	target := rawPath + "/"
	if r.URL.RawQuery != "" {
		target += "?" + r.URL.RawQuery
	}
	return target, true
}
