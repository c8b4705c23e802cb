package admin

import (
	"context"
	"net/http"

	"github.com/masthead-news/masthead/internal/content"
	"github.com/masthead-news/masthead/internal/edition"
	"github.com/masthead-news/masthead/internal/media"
	"github.com/masthead-news/masthead/internal/user"
)

// Author profiles: a common name, slug, biography and picture, and a name
// and biography per edition. Editors manage them with the taxonomy (the
// byline is how articles are filed by person).

type authorRow struct {
	content.Author
	EditURL   string
	AvatarURL string
	Localized []string // editions with their own name or biography
}

type authorsData struct {
	*structPage
	Rows []authorRow
}

func (h *Handler) authorList(w http.ResponseWriter, r *http.Request, u *user.User) {
	if !h.allowed(w, r, u, user.ManageTaxonomy) {
		return
	}
	ctx := r.Context()
	set, err := h.editions(ctx)
	if err != nil {
		h.serverError(w, r, u, err)
		return
	}
	list, err := h.Content.Store.Authors(ctx, set.Default().Code)
	if err != nil {
		h.serverError(w, r, u, err)
		return
	}
	d := &authorsData{structPage: &structPage{page: h.newPage(r, u, "admin.authors.title", "taxonomy"), Sub: "authors"}}
	for _, a := range list {
		full, profiles, err := h.Content.Store.AuthorByID(ctx, a.ID)
		if err != nil {
			h.serverError(w, r, u, err)
			return
		}
		row := authorRow{Author: *full, EditURL: idPath("/admin/authors/", a.ID)}
		if full.Avatar != nil {
			row.AvatarURL = full.Avatar.URL()
		}
		for _, p := range profiles {
			if e := set.Get(p.Edition); e != nil {
				row.Localized = append(row.Localized, e.Name)
			}
		}
		d.Rows = append(d.Rows, row)
	}
	h.render(w, r, http.StatusOK, "authors.html", d)
}

type profileField struct {
	Edition *edition.Edition
	Name    string
	Bio     string
	Error   string
}

type authorData struct {
	*structPage
	A         *content.Author
	IsNew     bool
	Profiles  []profileField
	Images    []*media.Media // choices for the picture; nil: type a media number
	AvatarURL string
	Action    string
}

// imageLister is what a media store offers for pickers (the SQL store does).
type imageLister interface {
	RecentImages(ctx context.Context, limit int) ([]*media.Media, error)
}

func (h *Handler) authorNew(w http.ResponseWriter, r *http.Request, u *user.User) {
	if !h.allowed(w, r, u, user.ManageTaxonomy) {
		return
	}
	h.renderAuthor(w, r, u, http.StatusOK, &content.Author{}, nil, nil)
}

func (h *Handler) authorEdit(w http.ResponseWriter, r *http.Request, u *user.User) {
	if !h.allowed(w, r, u, user.ManageTaxonomy) {
		return
	}
	a, profiles, err := h.Content.Store.AuthorByID(r.Context(), parseID(r.PathValue("id")))
	if err != nil {
		h.notFoundOr(w, r, u, err)
		return
	}
	h.renderAuthor(w, r, u, http.StatusOK, a, profiles, nil)
}

func (h *Handler) renderAuthor(w http.ResponseWriter, r *http.Request, u *user.User, status int, a *content.Author, profiles []content.AuthorProfile, fields problems) {
	ctx := r.Context()
	set, err := h.editions(ctx)
	if err != nil {
		h.serverError(w, r, u, err)
		return
	}
	key := "admin.author.edit"
	if a.ID == 0 {
		key = "admin.author.new"
	}
	d := &authorData{structPage: &structPage{page: h.newPage(r, u, key, "taxonomy"), Sub: "authors"}, A: a, IsNew: a.ID == 0, Action: "/admin/authors/new"}
	if !d.IsNew {
		d.Action = idPath("/admin/authors/", a.ID)
	}
	if fields != nil {
		refused(d.page, fields)
	}
	errs := d.Fields
	byEdition := map[string]content.AuthorProfile{}
	for _, p := range profiles {
		byEdition[p.Edition] = p
	}
	for _, e := range set.All() {
		p := byEdition[e.Code]
		d.Profiles = append(d.Profiles, profileField{Edition: e, Name: p.Name, Bio: p.Bio, Error: errs["profile_"+e.Code]})
	}
	if l, ok := h.Media.Store.(imageLister); ok {
		if d.Images, err = l.RecentImages(ctx, 200); err != nil {
			h.serverError(w, r, u, err)
			return
		}
		// The current picture stays choosable even when it is older.
		found := a.AvatarMediaID == 0
		for _, m := range d.Images {
			found = found || m.ID == a.AvatarMediaID
		}
		if !found {
			if m, err := h.Media.Store.MediaByID(ctx, a.AvatarMediaID); err == nil {
				d.Images = append(d.Images, m)
			}
		}
	}
	if a.AvatarMediaID != 0 {
		if m, err := h.Media.Store.MediaByID(ctx, a.AvatarMediaID); err == nil {
			d.AvatarURL = m.URL()
		}
	}
	h.render(w, r, status, "author.html", d)
}

func (h *Handler) authorCreate(w http.ResponseWriter, r *http.Request, u *user.User) {
	if !h.allowed(w, r, u, user.ManageTaxonomy) || !parseSmallForm(w, r) {
		return
	}
	h.saveAuthor(w, r, u, &content.Author{})
}

func (h *Handler) authorSave(w http.ResponseWriter, r *http.Request, u *user.User) {
	if !h.allowed(w, r, u, user.ManageTaxonomy) || !parseSmallForm(w, r) {
		return
	}
	a, _, err := h.Content.Store.AuthorByID(r.Context(), parseID(r.PathValue("id")))
	if err != nil {
		h.notFoundOr(w, r, u, err)
		return
	}
	h.saveAuthor(w, r, u, a)
}

func (h *Handler) saveAuthor(w http.ResponseWriter, r *http.Request, u *user.User, a *content.Author) {
	ctx := r.Context()
	set, err := h.editions(ctx)
	if err != nil {
		h.serverError(w, r, u, err)
		return
	}
	f := r.PostForm
	isNew := a.ID == 0
	a.Name, a.Slug, a.Bio = f.Get("name"), f.Get("slug"), f.Get("bio")
	a.AvatarMediaID = parseID(f.Get("avatar"))
	var profiles []content.AuthorProfile
	for _, e := range set.All() {
		profiles = append(profiles, content.AuthorProfile{Edition: e.Code, Name: f.Get("name_" + e.Code), Bio: f.Get("bio_" + e.Code)})
	}
	err = h.Content.SaveAuthor(ctx, a, profiles)
	if fields, ok := refusal(err); ok {
		if isNew {
			a.ID = 0
		}
		h.renderAuthor(w, r, u, http.StatusUnprocessableEntity, a, profiles, fields)
		return
	} else if err != nil {
		h.notFoundOr(w, r, u, err)
		return
	}
	action := "author.update"
	if isNew {
		action = "author.create"
	}
	h.record(ctx, u, action, "author", a.ID, a.Name)
	done(w, r, idPath("/admin/authors/", a.ID), "author_saved")
}
