package web

import "net/http"

// routes is the whole URL space of the public site on one screen (see
// DESIGN.md's URL contract). Edition pages are matched after the edition
// prefix ("/ar", "/fa" …) has been stripped, so one table serves them all.
func (s *Server) routes() http.Handler {
	// Operations and files: one per site, never under an edition prefix.
	root := http.NewServeMux()
	root.HandleFunc("GET /healthz", s.healthz)
	root.HandleFunc("GET /readyz", s.readyz)
	root.HandleFunc("GET /static/", s.assets.serve)
	root.HandleFunc("GET /uploads/{path...}", s.upload)
	root.Handle("/", s.resolveEdition(s.mux))

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

	// Single items.
	m.HandleFunc("GET /{yyyy}/{mm}/{dd}/{slug}/{$}", s.article)
	m.HandleFunc("GET /{slug}/{$}", s.staticPage)

	// Everything else: add a missing trailing slash, or a localized 404.
	m.HandleFunc("/", s.fallback)
	return root
}

// fallback redirects a path missing its trailing slash to the slashed one
// when that would match a route, and otherwise answers 404.
func (s *Server) fallback(w http.ResponseWriter, r *http.Request) {
	if (r.Method == http.MethodGet || r.Method == http.MethodHead) && r.URL.Path != "/" && r.URL.Path[len(r.URL.Path)-1] != '/' {
		probe := r.Clone(r.Context())
		probe.URL.Path += "/"
		probe.URL.RawPath = ""
		if _, pattern := s.mux.Handler(probe); pattern != "/" && pattern != "" {
			target := editionFrom(r.Context()).rawPath + "/"
			if r.URL.RawQuery != "" {
				target += "?" + r.URL.RawQuery
			}
			http.Redirect(w, r, target, http.StatusMovedPermanently)
			return
		}
	}
	s.notFound(w, r)
}
