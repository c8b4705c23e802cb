package web

import (
	"bytes"
	"fmt"
	"html/template"
	"io/fs"
	"net/http"
	"strconv"
	"strings"

	"github.com/masthead-news/masthead/internal/web/templates"
)

// views holds one parsed template set per page template. Each set is the
// layout plus the partials plus that page, parsed once at start-up.
type views struct {
	pages map[string]*template.Template
}

// pageTemplates are the page files; every other file is a shared layout or partial.
var pageTemplates = []string{"listing.html", "article.html", "page.html", "error.html", "search.html",
	"media_listing.html", "media_item.html", "media_photo.html", "newsletter.html", "books.html", "book.html", "series.html", "issue.html"}

func parseViews(a *assets) (*views, error) {
	icons, err := a.URL("img/icons.svg")
	if err != nil {
		return nil, err
	}
	sh, err := newShell(a)
	if err != nil {
		return nil, err
	}
	funcs := template.FuncMap{
		"asset":         a.URL,
		"shellHead":     sh.head,
		"shellTop":      sh.top,
		"shellBottom":   sh.bottom,
		"subscribeHTML": subscribeHTML,
		"byline":        bylineHTML,
		"shareList":     func(label string, links []ShareLink) template.HTML { return shareList(icons, label, links) },
		"cards": func(tr translator, cards []Card, leadFirst bool) template.HTML {
			return cardsHTML(tr, icons, cards, leadFirst)
		},
		"subscribeAt": func(p *Page, id, email string, bare bool) subscribeSpot {
			return subscribeSpot{P: p, ID: id, Email: email, Bare: bare}
		},
	}
	entries, err := fs.ReadDir(templates.FS, ".")
	if err != nil {
		return nil, err
	}
	isPage := map[string]bool{}
	for _, p := range pageTemplates {
		isPage[p] = true
	}
	var shared []string
	for _, e := range entries {
		if strings.HasSuffix(e.Name(), ".html") && !isPage[e.Name()] {
			shared = append(shared, e.Name())
		}
	}
	v := &views{pages: map[string]*template.Template{}}
	for _, p := range pageTemplates {
		t, err := template.New(p).Funcs(funcs).ParseFS(templates.FS, append(shared, p)...)
		if err != nil {
			return nil, fmt.Errorf("parsing template %s: %w", p, err)
		}
		v.pages[p] = t
	}
	return v, nil
}

// execute runs a page template into a buffer, so a template error becomes a
// clean 500 instead of half a page.
func (s *Server) execute(name string, data any) ([]byte, error) {
	t := s.views.pages[name]
	if t == nil {
		return nil, fmt.Errorf("no template %q", name)
	}
	var buf bytes.Buffer
	if err := t.ExecuteTemplate(&buf, "base", data); err != nil {
		return nil, fmt.Errorf("rendering %s: %w", name, err)
	}
	return buf.Bytes(), nil
}

// render writes a page with its status.
func (s *Server) render(w http.ResponseWriter, r *http.Request, status int, name string, data any) {
	body, err := s.execute(name, data)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	s.writeHTML(w, r, status, body)
}

func (s *Server) writeHTML(w http.ResponseWriter, r *http.Request, status int, body []byte) {
	h := w.Header()
	h.Set("Content-Type", "text/html; charset=utf-8")
	h.Set("Content-Length", strconv.Itoa(len(body)))
	if re := editionFrom(r.Context()); re != nil {
		h.Set("Content-Language", re.ed.Lang)
	}
	w.WriteHeader(status)
	if r.Method != http.MethodHead {
		w.Write(body)
	}
}

// subscribeSpot places the subscribe form: ids stay unique per page, and
// Bare leaves out the heading (on the newsletter page, which has its own).
type subscribeSpot struct {
	P     *Page
	ID    string
	Email string
	Bare  bool
}

type translator interface {
	T(key string, args ...any) string
}
