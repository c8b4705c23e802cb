package web

import (
	"html/template"
	"net/http"

	"github.com/masthead-news/masthead/internal/content"
)

// StaticPage is an About Us or Contact us page.
type StaticPage struct {
	*Page
	Heading      string
	Body         template.HTML
	Translations []Link
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
	p, err := s.base(ctx, r, pg.Title, pg.Description)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	sp := &StaticPage{Page: p, Heading: pg.Title, Body: template.HTML(pg.BodyHTML)}
	list, err := s.deps.Content.PageTranslations(ctx, pg.TranslationGroup)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	for _, t := range list {
		ed := re.all.set.Get(t.Edition)
		if ed == nil || t.Status != content.Published {
			continue
		}
		path := ed.Path("/" + pathSegment(t.Slug) + "/")
		p.Alternates = append(p.Alternates, Alternate{Lang: ed.Lang, URL: s.absURL(r, path)})
		if ed.IsDefault {
			p.Alternates = append(p.Alternates, Alternate{Lang: "x-default", URL: s.absURL(r, path)})
		}
		if t.ID != pg.ID {
			sp.Translations = append(sp.Translations, Link{Label: ed.Name, URL: path, Lang: ed.Lang, Dir: ed.Dir})
		}
	}
	if len(sp.Translations) == 0 {
		p.Alternates = nil
	}
	s.render(w, r, http.StatusOK, "page.html", sp)
}
