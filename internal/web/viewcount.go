package web

import (
	"net/http"
	"regexp"
	"strings"

	"github.com/masthead-news/masthead/internal/readership"
)

// ViewCounter records a read of an article; readership.Counter is one.
type ViewCounter interface {
	Count(edition, slug string)
}

// articlePathRE matches an article path inside an edition and captures its
// slug (already decoded in URL.Path).
var articlePathRE = regexp.MustCompile(`^/\d{4}/\d{2}/\d{2}/([^/]+)/$`)

// countViews counts reads of articles for "Most read". It wraps the whole
// site, outside the page cache, so a page served from the cache counts like
// a rendered one; it counts only a successful GET of an article page (not a
// redirect, a 404, a HEAD or a prefetch) from what looks like a person's
// browser. It keeps nothing about the reader: no cookie is read or set, no
// address stored — only the article and the day (see internal/readership).
func (s *Server) countViews(next http.Handler) http.Handler {
	if s.deps.Views == nil {
		return next
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodGet || prefetch(r) {
			next.ServeHTTP(w, r)
			return
		}
		all := s.editions.Load()
		ed, rest, _ := all.set.Resolve(r.URL.Path)
		m := articlePathRE.FindStringSubmatch(rest)
		if ed == nil || m == nil || readership.IsBot(r.UserAgent()) {
			next.ServeHTTP(w, r)
			return
		}
		rec := &statusRecorder{ResponseWriter: w}
		next.ServeHTTP(rec, r)
		if rec.status == http.StatusOK {
			s.deps.Views.Count(ed.Code, m[1])
		}
	})
}

// prefetch reports a speculative load by the browser, which is not a read.
func prefetch(r *http.Request) bool {
	for _, h := range []string{"Sec-Purpose", "Purpose", "X-Moz", "X-Purpose"} {
		if v := r.Header.Get(h); strings.HasPrefix(v, "prefetch") || v == "preview" {
			return true
		}
	}
	return false
}
