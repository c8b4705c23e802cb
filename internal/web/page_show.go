package web

import (
	"html/template"
	"net/http"

	"github.com/masthead-news/masthead/internal/content"
)

// StaticPage is an About Us or Contact us page.
type StaticPage struct {
	*Page
	Heading string
	Body    template.HTML
	Contact *FormState // the contact form, on the page that carries it
}

func (s *Server) staticPage(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	re := editionFrom(ctx)
	pg, err := s.deps.Content.PageBySlug(ctx, re.ed.Code, r.PathValue("slug"))
	if err != nil {
		s.fail(w, r, err)
		return
	}
	if pg.Status != content.Published {
		s.notFound(w, r)
		return
	}
	if pg.Slug != r.PathValue("slug") { // found through a folded slug
		http.Redirect(w, r, re.ed.Path("/"+pathSegment(pg.Slug)+"/"), http.StatusMovedPermanently)
		return
	}
	s.showPage(w, r, pg, nil, http.StatusOK)
}

// showPage renders a static page; on the contact page the form is shown in
// the given state (nil: a fresh form) with the given status.
func (s *Server) showPage(w http.ResponseWriter, r *http.Request, pg *content.Page, state *FormState, status int) {
	ctx := r.Context()
	re := editionFrom(ctx)
	p, err := s.base(ctx, r, pg.Title, pg.Description)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	sp := &StaticPage{Page: p, Heading: pg.Title, Body: template.HTML(pg.BodyHTML)}
	if sp.Contact, err = s.contactForm(r, pg, state); err != nil {
		s.fail(w, r, err)
		return
	}
	list, err := s.deps.Content.PageTranslations(ctx, pg.TranslationGroup)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	versions := map[string]string{}
	for _, t := range list {
		if ed := re.all.set.Get(t.Edition); ed != nil && t.Status == content.Published {
			versions[ed.Code] = ed.Path("/" + pathSegment(t.Slug) + "/")
		}
	}
	s.linkVersions(r, p, versions, true)
	s.render(w, r, status, "page.html", sp)
}
