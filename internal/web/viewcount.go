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
		ed, slug, ok := s.articleRead(r)
		if !ok {
			next.ServeHTTP(w, r)
			return
		}
		rec := &statusRecorder{ResponseWriter: w}
		next.ServeHTTP(rec, r)
		if rec.status == http.StatusOK {
			s.deps.Views.Count(ed, slug)
		}
	})
}

// articleRead reports whether a request reads an article (a GET of an
// article path by a person, not a prefetch or a bot), and which one.
func (s *Server) articleRead(r *http.Request) (edition, slug string, ok bool) {
	if !s.isRead(r) {
		return "", "", false
	}
	edition, slug, ok = s.articleAt(r.URL.Path)
	return edition, slug, ok && !readership.IsBot(r.UserAgent())
}

// isRead reports whether a request may count as a read: a GET that is not
// a prefetch, with a counter to count it (the reader's User-Agent is
// checked last, by the callers, as it costs the most).
func (s *Server) isRead(r *http.Request) bool {
	return s.deps.Views != nil && r.Method == http.MethodGet && !prefetch(r)
}

// articleAt gives the edition and slug of the article a path shows, if it
// is an article's path. A cached page keeps the answer, so cache hits do
// not match the path again.
func (s *Server) articleAt(path string) (edition, slug string, ok bool) {
	ed, rest, _ := s.editions.Load().set.Resolve(path)
	if ed == nil {
		return "", "", false
	}
	m := articlePathRE.FindStringSubmatch(rest)
	if m == nil {
		return "", "", false
	}
	return ed.Code, m[1], true
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
