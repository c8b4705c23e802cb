package web

import (
	"context"
	"errors"
	"net/http"
	"regexp"
	"strconv"

	"github.com/masthead-news/masthead/internal/content"
	"github.com/masthead-news/masthead/internal/wpimport"
)

// RedirectStore finds where an old URL (a WordPress permalink, "?p=12" …)
// points now; content.ErrNotFound when it is not one.
type RedirectStore interface {
	Redirect(ctx context.Context, path string) (*wpimport.Redirect, error)
}

// pagedPath is an old listing's later page: "/topics/news/page/2/".
var pagedPath = regexp.MustCompile(`^(/.+/)page/([1-9][0-9]{0,8})/$`)

// pagedKinds are the redirect kinds whose targets are paged listings.
var pagedKinds = map[string]bool{"category": true, "tag": true, "author": true}

// oldQueryKeys are WordPress's query-string links to single items.
var oldQueryKeys = []string{"p", "page_id", "attachment_id"}

// oldURL answers a request for an old URL with a 301 to the canonical URL
// of what it points to now, resolved at request time so that later slug
// changes still land right. It reports whether it answered. A miss costs
// one look-up by primary key (two for a path ending in /page/N/).
func (s *Server) oldURL(w http.ResponseWriter, r *http.Request, key string) bool {
	if s.deps.Redirects == nil || (r.Method != http.MethodGet && r.Method != http.MethodHead) || key == "" {
		return false
	}
	ctx := r.Context()
	rd, err := s.deps.Redirects.Redirect(ctx, key)
	paged := ""
	if m := pagedPath.FindStringSubmatch(key); m != nil && errors.Is(err, content.ErrNotFound) {
		// A later page of an old listing (/topics/news/page/2/): the
		// listing's own record, and the same page of the new one.
		if base, err2 := s.deps.Redirects.Redirect(ctx, m[1]); err2 == nil && pagedKinds[base.Kind] {
			rd, err = base, nil
			if m[2] != "1" {
				paged = "page/" + m[2] + "/"
			}
		} else if !errors.Is(err2, content.ErrNotFound) {
			err = err2
		}
	}
	if err != nil {
		if !errors.Is(err, content.ErrNotFound) {
			s.deps.Logger.Error("redirect look-up failed", "path", key, "err", err)
		}
		return false
	}
	to, err := s.redirectTarget(r, rd)
	if err != nil || to == "" {
		return false
	}
	to += paged
	if to == key || to == r.URL.Path || to == r.URL.EscapedPath() {
		// The canonical URL itself, missing for another reason (a page
		// past the last one): redirecting would loop.
		return false
	}
	w.Header().Set("Cache-Control", "public, max-age=3600")
	http.Redirect(w, r, to, http.StatusMovedPermanently)
	return true
}

// oldQueryURL handles "/?p=12", "/?page_id=3" and "/?attachment_id=7".
func (s *Server) oldQueryURL(w http.ResponseWriter, r *http.Request) bool {
	q := r.URL.Query()
	for _, k := range oldQueryKeys {
		if v := q.Get(k); v != "" {
			if _, err := strconv.ParseInt(v, 10, 64); err != nil {
				return false
			}
			return s.oldURL(w, r, "?"+k+"="+v)
		}
	}
	return false
}

// redirectTarget is the canonical URL of a redirect's target; "" when it
// is gone or not public.
func (s *Server) redirectTarget(r *http.Request, rd *wpimport.Redirect) (string, error) {
	ctx := r.Context()
	all := s.editions.Load()
	st := s.deps.Content
	switch rd.Kind {
	case "article":
		a, err := st.ArticleByID(ctx, rd.TargetID)
		if err != nil {
			return "", err
		}
		ed := all.set.Get(a.Edition)
		if ed == nil || a.Status != content.Published || a.PublishedAt.After(s.now()) {
			return "", nil
		}
		return articlePath(ed, a), nil
	case "page":
		p, err := st.PageByID(ctx, rd.TargetID)
		if err != nil {
			return "", err
		}
		ed := all.set.Get(p.Edition)
		if ed == nil || p.Status != content.Published {
			return "", nil
		}
		return ed.Path("/" + pathSegment(p.Slug) + "/"), nil
	case "category", "category_feed":
		c, err := st.CategoryByID(ctx, rd.TargetID)
		if err != nil {
			return "", err
		}
		ed := all.set.Get(c.Edition)
		if ed == nil {
			return "", nil
		}
		return ed.Path("/category/" + pathSegment(c.Slug) + "/" + feedSuffix(rd.Kind)), nil
	case "tag", "tag_feed":
		t, err := st.TagByID(ctx, rd.TargetID)
		if err != nil {
			return "", err
		}
		ed := all.set.Get(t.Edition)
		if ed == nil {
			return "", nil
		}
		return ed.Path("/tag/" + pathSegment(t.Slug) + "/" + feedSuffix(rd.Kind)), nil
	case "author", "author_feed":
		a, _, err := st.AuthorByID(ctx, rd.TargetID)
		if err != nil {
			return "", err
		}
		ed := editionFrom(ctx)
		if ed == nil {
			return "", nil
		}
		return ed.ed.Path("/author/" + pathSegment(a.Slug) + "/" + feedSuffix(rd.Kind)), nil
	case "media":
		m, err := st.MediaByID(ctx, rd.TargetID)
		if err != nil {
			return "", err
		}
		return m.URL(), nil
	}
	return "", nil
}

func feedSuffix(kind string) string {
	if len(kind) > 5 && kind[len(kind)-5:] == "_feed" {
		return "feed/"
	}
	return ""
}
