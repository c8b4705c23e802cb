package web

import (
	"fmt"
	"html/template"
	"io/fs"
	"net/http"
	"strconv"
	"strings"
	"sync"

	"github.com/masthead-news/masthead/internal/web/templates"
)

// views holds one parsed template set per page template. Each set is the
// partials plus that page, parsed once at start-up; the page shell around
// a page's "main" (and optional "head-extra") is written in Go (shell.go).
type views struct {
	pages map[string]*template.Template
	shell *shell
	// extra marks the page templates that define "head-extra".
	extra map[string]bool
	// goMain writes the main column of the pages that have no template.
	goMain map[string]func(w *htmlWriter, data pageData) error
}

// pageTemplates are the page files; every other file is a shared layout or partial.
var pageTemplates = []string{"article.html", "page.html", "error.html", "search.html",
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
		"subscribeHTML": subscribeHTML,
		"byline":        bylineHTML,
		"shareList":     func(label string, links []ShareLink) template.HTML { return shareList(icons, label, links) },
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
	v := &views{pages: map[string]*template.Template{}, shell: sh, extra: map[string]bool{},
		goMain: map[string]func(*htmlWriter, pageData) error{
			"listing.html": func(w *htmlWriter, data pageData) error {
				lp, ok := data.(*ListingPage)
				if !ok {
					return fmt.Errorf("listing.html needs a *ListingPage, not %T", data)
				}
				writeListingMain(w, icons, lp)
				return nil
			},
		}}
	for _, p := range pageTemplates {
		t, err := template.New(p).Funcs(funcs).ParseFS(templates.FS, append(shared, p)...)
		if err != nil {
			return nil, fmt.Errorf("parsing template %s: %w", p, err)
		}
		if t.Lookup("main") == nil {
			return nil, fmt.Errorf("template %s defines no \"main\"", p)
		}
		v.pages[p] = t
		v.extra[p] = t.Lookup("head-extra") != nil
	}
	return v, nil
}

// pageData is what every page template receives: a page type that embeds
// *Page.
type pageData interface{ Base() *Page }

// pageBuffers are reused for renderings: a page is tens of kilobytes, and a
// fresh buffer grew (and was copied) a dozen times per page.
var pageBuffers = sync.Pool{New: func() any { return new(htmlWriter) }}

// maxPooledBuffer keeps an unusually large page's buffer out of the pool.
const maxPooledBuffer = 1 << 20

func releaseBuffer(w *htmlWriter) {
	if w.Cap() <= maxPooledBuffer {
		w.Reset()
		pageBuffers.Put(w)
	}
}

// execute renders a page into a buffer, so a template error becomes a clean
// 500 instead of half a page: the shell's head, the page's "head-extra",
// the shell's header, the page's "main", the sidebar and footer. The
// caller writes the buffer and then releases it (releaseBuffer).
func (s *Server) execute(name string, data pageData) (*htmlWriter, error) {
	t, goMain := s.views.pages[name], s.views.goMain[name]
	if t == nil && goMain == nil {
		return nil, fmt.Errorf("no template %q", name)
	}
	p := data.Base()
	w := pageBuffers.Get().(*htmlWriter)
	w.Grow(64 << 10)
	sh := s.views.shell
	sh.head(w, p)
	if s.views.extra[name] {
		if err := t.ExecuteTemplate(w, "head-extra", data); err != nil {
			releaseBuffer(w)
			return nil, fmt.Errorf("rendering %s: %w", name, err)
		}
	}
	sh.top(w, p)
	w.WriteByte('\n')
	var err error
	if goMain != nil {
		err = goMain(w, data)
	} else {
		err = t.ExecuteTemplate(w, "main", data)
	}
	if err != nil {
		releaseBuffer(w)
		return nil, fmt.Errorf("rendering %s: %w", name, err)
	}
	w.WriteByte('\n')
	sh.bottom(w, p)
	return w, nil
}

// render writes a page with its status.
func (s *Server) render(w http.ResponseWriter, r *http.Request, status int, name string, data pageData) {
	buf, err := s.execute(name, data)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	s.writeHTML(w, r, status, buf.Bytes())
	releaseBuffer(buf)
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
