package web

import (
	"errors"
	"net/http"

	"github.com/masthead-news/masthead/internal/content"
)

// ErrorPage is the data of the 404 and 500 pages.
type ErrorPage struct {
	*Page
	Status  int
	Code    string // the status in the edition's digits
	Heading string
	Message string
}

// fail maps an error to its status: the one place where that happens.
func (s *Server) fail(w http.ResponseWriter, r *http.Request, err error) {
	if errors.Is(err, content.ErrNotFound) {
		s.notFound(w, r)
		return
	}
	s.serverError(w, r, err)
}

// notFound answers 404 with a page in the edition's language.
func (s *Server) notFound(w http.ResponseWriter, r *http.Request) {
	if re := editionFrom(r.Context()); re != nil && s.oldURL(w, r, re.rawPath) {
		return // an old WordPress URL of imported content
	}
	s.errorPage(w, r, http.StatusNotFound, "error.notfound.title", "error.notfound.text")
}

// serverError logs err and answers 500 without revealing it.
func (s *Server) serverError(w http.ResponseWriter, r *http.Request, err error) {
	s.deps.Logger.Error("request failed", "method", r.Method, "path", r.URL.Path, "err", err)
	s.errorPage(w, r, http.StatusInternalServerError, "error.server.title", "error.server.text")
}

func (s *Server) errorPage(w http.ResponseWriter, r *http.Request, status int, titleKey, textKey string) {
	re := editionFrom(r.Context())
	if re == nil {
		http.Error(w, http.StatusText(status), status)
		return
	}
	p, err := s.base(r.Context(), r, re.locale.T(titleKey), "")
	if err != nil {
		// The database itself is failing: a plain page is all we can give.
		s.deps.Logger.Error("error page failed", "err", err)
		http.Error(w, http.StatusText(status), status)
		return
	}
	p.Robots = "noindex"
	w.Header().Set("Cache-Control", "no-store")
	data := &ErrorPage{Page: p, Status: status, Code: re.locale.Number(int64(status)), Heading: re.locale.T(titleKey), Message: re.locale.T(textKey)}
	buf, err := s.execute("error.html", data)
	if err != nil {
		s.deps.Logger.Error("error page failed", "err", err)
		http.Error(w, http.StatusText(status), status)
		return
	}
	s.writeHTML(w, r, status, buf.Bytes())
	releaseBuffer(buf)
}
