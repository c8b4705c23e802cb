package admin

import (
	"fmt"
	"net/http"
	"net/url"
	"strings"

	"github.com/masthead-news/masthead/internal/content"
	"github.com/masthead-news/masthead/internal/user"
)

// Static pages per edition: list, write, publish, unpublish, delete, and
// link to their versions in other editions.

type pageRow struct {
	*content.Page
	EditURL  string
	Date     string
	Outdated bool
	Versions []versionBadge
}

type pagesData struct {
	*structPage
	Rows []pageRow
}

func (h *Handler) pageList(w http.ResponseWriter, r *http.Request, u *user.User) {
	if !h.allowed(w, r, u, user.ManagePages) {
		return
	}
	ctx := r.Context()
	sp, err := h.newStructPage(r, u, "admin.pages.title", "pages", "/admin/pages/", "")
	if err != nil {
		h.serverError(w, r, u, err)
		return
	}
	list, err := h.Content.Store.Pages(ctx, sp.Edition.Code)
	if err != nil {
		h.serverError(w, r, u, err)
		return
	}
	outdated, err := h.Content.OutdatedPages(ctx, list)
	if err != nil {
		h.serverError(w, r, u, err)
		return
	}
	d := &pagesData{structPage: sp}
	for _, p := range list {
		row := pageRow{Page: p, EditURL: idPath("/admin/pages/", p.ID), Date: sp.L.DateTime(p.UpdatedAt), Outdated: outdated[p.ID]}
		group, err := h.Content.Store.PageTranslations(ctx, p.TranslationGroup)
		if err != nil {
			h.serverError(w, r, u, err)
			return
		}
		row.Versions = versionBadges(sp.Editions, group, p.ID, "/admin/pages/",
			func(x *content.Page) (string, int64, string) { return x.Edition, x.ID, x.Title })
		d.Rows = append(d.Rows, row)
	}
	h.render(w, r, http.StatusOK, "pages.html", d)
}

type pageEditData struct {
	*structPage
	P         *content.Page
	IsNew     bool
	Action    string
	PublicURL string
	Links     []linkChoice
	Missing   []editionTab // editions without a version: start one there
	Outdated  bool
}

// Panel is the translation links form of the page.
func (d *pageEditData) Panel() linksPanel {
	return linksPanel{P: d.page, Action: idPath("/admin/pages/", d.P.ID) + "translations", Links: d.Links}
}

func (h *Handler) pageNew(w http.ResponseWriter, r *http.Request, u *user.User) {
	if !h.allowed(w, r, u, user.ManagePages) {
		return
	}
	p := &content.Page{Status: content.Draft, Edition: r.URL.Query().Get("edition")}
	if src := parseID(r.URL.Query().Get("translation_of")); src != 0 {
		if orig, err := h.Content.Store.PageByID(r.Context(), src); err == nil {
			p.TranslationGroup = orig.TranslationGroup
		}
	}
	h.renderPage(w, r, u, http.StatusOK, p, nil)
}

func (h *Handler) pageEdit(w http.ResponseWriter, r *http.Request, u *user.User) {
	if p, ok := loadByID(h, w, r, u, user.ManagePages, false, h.Content.Store.PageByID); ok {
		h.renderPage(w, r, u, http.StatusOK, p, nil)
	}
}

func (h *Handler) renderPage(w http.ResponseWriter, r *http.Request, u *user.User, status int, p *content.Page, fields problems) {
	ctx := r.Context()
	sp, err := h.formPage(r, u, newOrEdit(p.ID, "admin.page.new", "admin.page.edit"), "pages", "/admin/pages/", p.Edition, fields)
	if err != nil {
		h.serverError(w, r, u, err)
		return
	}
	p.Edition = sp.Edition.Code
	d := &pageEditData{structPage: sp, P: p, IsNew: p.ID == 0, Action: "/admin/pages/new"}
	if d.IsNew {
		h.render(w, r, status, "page.html", d)
		return
	}
	d.Action = idPath("/admin/pages/", p.ID)
	if p.Status == content.Published {
		d.PublicURL = sp.Edition.Path("/" + url.PathEscape(p.Slug) + "/")
	}
	out, err := h.Content.OutdatedPages(ctx, []*content.Page{p})
	if err != nil {
		h.serverError(w, r, u, err)
		return
	}
	d.Outdated = out[p.ID]
	linked, err := h.Content.Store.PageTranslations(ctx, p.TranslationGroup)
	if err != nil {
		h.serverError(w, r, u, err)
		return
	}
	d.Links, err = linkChoices(sp.Editions, p.Edition, linkedIDs(linked, func(x *content.Page) (string, int64) { return x.Edition, x.ID }),
		func(code string) ([]linkOption, error) {
			pages, err := h.Content.Store.Pages(ctx, code)
			return options(pages, err, func(x *content.Page) linkOption { return linkOption{ID: x.ID, Label: x.Title} })
		})
	if err != nil {
		h.serverError(w, r, u, err)
		return
	}
	for _, ch := range d.Links {
		if ch.Selected == 0 {
			d.Missing = append(d.Missing, editionTab{Edition: ch.Edition, URL: fmt.Sprintf("/admin/pages/new?edition=%s&translation_of=%d", url.QueryEscape(ch.Edition.Code), p.ID)})
		}
	}
	h.render(w, r, status, "page.html", d)
}

// pageForm reads the page editor into p; the pressed button sets the status.
func pageForm(r *http.Request, p *content.Page) problems {
	f := r.PostForm
	p.Title, p.Slug, p.Description = f.Get("title"), strings.TrimSpace(f.Get("slug")), f.Get("description")
	p.BodySource, p.BodyFormat = f.Get("body"), "html"
	switch f.Get("action") {
	case "publish":
		p.Status = content.Published
	case "draft", "unpublish":
		p.Status = content.Draft
	case "", "save":
		if p.Status == "" {
			p.Status = content.Draft
		}
	default:
		return formProblem("action", "unknown_action", "unknown action")
	}
	if bad := content.ActiveContent(p.BodySource); bad != "" {
		return formProblem("body", "active_content", "the text contains code that pages may not run (%q): remove it", strings.TrimSpace(bad))
	}
	return nil
}

func (h *Handler) pageCreate(w http.ResponseWriter, r *http.Request, u *user.User) {
	if !h.allowed(w, r, u, user.ManagePages) || !parseSmallForm(w, r) {
		return
	}
	ed := h.postedEdition(w, r, u)
	if ed == nil {
		return
	}
	p := &content.Page{Edition: ed.Code}
	// A translation joins the group of the page it translates, if that group
	// has no page in this edition yet.
	if g := parseID(r.PostForm.Get("translation_group")); g != 0 {
		if group, err := h.Content.Store.PageTranslations(r.Context(), g); err == nil && len(group) > 0 {
			p.TranslationGroup = g
			for _, x := range group {
				if x.Edition == ed.Code {
					p.TranslationGroup = 0
				}
			}
		}
	}
	if h.applied(w, r, u, pageForm(r, p), func() error { return h.Content.NewPage(r.Context(), p) },
		func(f problems) { p.ID = 0; h.renderPage(w, r, u, http.StatusUnprocessableEntity, p, f) }) {
		h.recorded(w, r, u, "page.create", "page", p.ID, p.Edition+": "+p.Title, idPath("/admin/pages/", p.ID), "page_saved")
	}
}

// loadPage checks the role, reads the form and loads the page in the path.
func (h *Handler) loadPage(w http.ResponseWriter, r *http.Request, u *user.User) (*content.Page, bool) {
	return loadByID(h, w, r, u, user.ManagePages, true, h.Content.Store.PageByID)
}

// refusePage shows the page's form again with what is wrong.
func (h *Handler) refusePage(w http.ResponseWriter, r *http.Request, u *user.User, p *content.Page) func(problems) {
	return func(f problems) { h.renderPage(w, r, u, http.StatusUnprocessableEntity, p, f) }
}

func (h *Handler) pageSave(w http.ResponseWriter, r *http.Request, u *user.User) {
	p, ok := h.loadPage(w, r, u)
	if !ok {
		return
	}
	if !h.applied(w, r, u, pageForm(r, p), func() error { return h.Content.UpdatePage(r.Context(), p) }, h.refusePage(w, r, u, p)) {
		return
	}
	action := "page.update"
	switch r.PostForm.Get("action") {
	case "publish":
		action = "page.publish"
	case "unpublish":
		action = "page.unpublish"
	}
	h.recorded(w, r, u, action, "page", p.ID, p.Edition+": "+p.Title, idPath("/admin/pages/", p.ID), "page_saved")
}

func (h *Handler) pageLink(w http.ResponseWriter, r *http.Request, u *user.User) {
	p, ok := h.loadPage(w, r, u)
	if !ok {
		return
	}
	if h.applied(w, r, u, nil, func() error { return h.Content.LinkPage(r.Context(), p.ID, formIDs(r, "version")) }, h.refusePage(w, r, u, p)) {
		h.recorded(w, r, u, "page.translations", "page", p.ID, p.Edition+": "+p.Title, idPath("/admin/pages/", p.ID), "links_saved")
	}
}

func (h *Handler) pageDelete(w http.ResponseWriter, r *http.Request, u *user.User) {
	p, ok := h.loadPage(w, r, u)
	if !ok {
		return
	}
	if h.applied(w, r, u, nil, func() error { return h.Content.DeletePage(r.Context(), p.ID) }, nil) {
		h.recorded(w, r, u, "page.delete", "page", p.ID, p.Edition+": "+p.Title, "/admin/pages/?edition="+p.Edition, "page_deleted")
	}
}
