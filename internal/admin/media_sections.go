package admin

import (
	"fmt"
	"net/http"
	"net/url"
	"strings"

	"github.com/masthead-news/masthead/internal/content"
	"github.com/masthead-news/masthead/internal/media"
	"github.com/masthead-news/masthead/internal/mediasection"
	"github.com/masthead-news/masthead/internal/user"
)

// The Media sections in the admin: cartoons, news photos, albums and videos
// per edition and kind; list, write, publish, unpublish, delete, link to the
// versions in other editions, and an album's photos with captions, credits
// and up/down ordering. Pictures and video files are picked from the media
// library. The roles are those of articles: contributors and authors work
// on their own items (contributors only as drafts), editors and admins on
// everyone's.

func init() {
	pageFiles = append(pageFiles, "media_sections.html", "media_section.html")
}

func (h *Handler) mediaSectionRoutes(m *http.ServeMux) {
	m.HandleFunc("GET /admin/media-sections/{$}", h.signedIn(h.sectionList))
	m.HandleFunc("GET /admin/media-sections/new", h.signedIn(h.sectionNew))
	m.HandleFunc("POST /admin/media-sections/new", h.signedIn(h.sectionCreate))
	m.HandleFunc("GET /admin/media-sections/{id}/{$}", h.signedIn(h.sectionEdit))
	m.HandleFunc("POST /admin/media-sections/{id}/{$}", h.signedIn(h.sectionSave))
	m.HandleFunc("POST /admin/media-sections/{id}/translation", h.signedIn(h.sectionLink))
	m.HandleFunc("POST /admin/media-sections/{id}/delete", h.signedIn(h.sectionDelete))
	m.HandleFunc("POST /admin/media-sections/{id}/photos", h.signedIn(h.photoAdd))
	m.HandleFunc("POST /admin/media-sections/photos/{pid}/{$}", h.signedIn(h.photoSave))
	m.HandleFunc("POST /admin/media-sections/photos/{pid}/move", h.signedIn(h.photoMove))
	m.HandleFunc("POST /admin/media-sections/photos/{pid}/delete", h.signedIn(h.photoDelete))
}

type kindTab struct {
	Kind    string
	URL     string
	Current bool
}

type sectionRow struct {
	*mediasection.Item
	EditURL string
	Date    string
	Thumb   string
	CanEdit bool
}

type sectionsData struct {
	*structPage
	Kind  string
	Kinds []kindTab
	Rows  []sectionRow
}

// sectionKind reads ?kind= (cartoon by default).
func sectionKind(r *http.Request) mediasection.Kind {
	k := mediasection.Kind(r.URL.Query().Get("kind"))
	if !k.Valid() {
		return mediasection.Cartoon
	}
	return k
}

// canEditItem applies the article rules to a Media section item.
func canEditItem(u *user.User, it *mediasection.Item) bool {
	return u.CanEditArticle(it.CreatedBy, it.Status == mediasection.Published)
}

func (h *Handler) sectionList(w http.ResponseWriter, r *http.Request, u *user.User) {
	if !h.allowed(w, r, u, user.WriteArticle) {
		return
	}
	kind := sectionKind(r)
	sp, err := h.newStructPage(r, u, "admin.sections.title", "sections", "/admin/media-sections/", "")
	if err != nil {
		h.serverError(w, r, u, err)
		return
	}
	for i := range sp.Tabs {
		sp.Tabs[i].URL += "&kind=" + string(kind)
	}
	list, err := h.Sections.Store.ListMediaItems(r.Context(), mediasection.Filter{Edition: sp.Edition.Code, Kind: kind, Limit: 500})
	if err != nil {
		h.serverError(w, r, u, err)
		return
	}
	d := &sectionsData{structPage: sp, Kind: string(kind)}
	for _, k := range mediasection.Kinds {
		d.Kinds = append(d.Kinds, kindTab{Kind: string(k), URL: "/admin/media-sections/?edition=" + url.QueryEscape(sp.Edition.Code) + "&kind=" + string(k), Current: k == kind})
	}
	for _, it := range list {
		row := sectionRow{Item: it, EditURL: idPath("/admin/media-sections/", it.ID), Date: sp.L.DateTime(it.UpdatedAt), CanEdit: canEditItem(u, it)}
		if it.Image != nil {
			row.Thumb = it.Image.URL()
		}
		d.Rows = append(d.Rows, row)
	}
	h.render(w, r, http.StatusOK, "media_sections.html", d)
}

type mediaChoice struct {
	ID    int64
	Label string
}

type photoRow struct {
	*mediasection.Photo
	N     int // its place, from 1
	Thumb string
	First bool
	Last  bool
}

type sectionEditData struct {
	*structPage
	It           *mediasection.Item
	IsNew        bool
	Action       string
	PublicURL    string
	Categories   []content.Category
	Images       []mediaChoice
	Videos       []mediaChoice
	Photos       []photoRow
	Translations []mediaChoice // items of the same kind in other editions
	Linked       []mediaChoice // the versions already linked
	CanPublish   bool
	CanEdit      bool
}

func (h *Handler) sectionNew(w http.ResponseWriter, r *http.Request, u *user.User) {
	if !h.allowed(w, r, u, user.WriteArticle) {
		return
	}
	it := &mediasection.Item{Kind: sectionKind(r), Edition: r.URL.Query().Get("edition"), Status: mediasection.Draft}
	h.renderSection(w, r, u, http.StatusOK, it, nil)
}

func (h *Handler) sectionEdit(w http.ResponseWriter, r *http.Request, u *user.User) {
	if it, ok := loadByID(h, w, r, u, user.WriteArticle, false, h.Sections.Store.MediaItemByID); ok {
		h.renderSection(w, r, u, http.StatusOK, it, nil)
	}
}

// libraryChoices lists the newest library items of a kind for a picker,
// always including the ones already chosen.
func (h *Handler) libraryChoices(r *http.Request, kind string, keep ...int64) ([]mediaChoice, error) {
	list, err := h.Media.Store.ListMedia(r.Context(), media.Filter{Kind: kind, Limit: 300})
	if err != nil {
		return nil, err
	}
	seen := map[int64]bool{}
	var out []mediaChoice
	add := func(m *media.Media) {
		if seen[m.ID] {
			return
		}
		seen[m.ID] = true
		label := m.Title
		if label == "" {
			label = m.Filename
		}
		if m.Kind == "video" {
			label += " (" + strings.TrimPrefix(m.MIME, "video/") + ")"
		}
		out = append(out, mediaChoice{ID: m.ID, Label: fmt.Sprintf("#%d %s", m.ID, label)})
	}
	for _, id := range keep {
		if id == 0 {
			continue
		}
		if m, err := h.Media.Store.MediaByID(r.Context(), id); err == nil {
			add(m)
		}
	}
	for _, m := range list {
		add(m)
	}
	return out, nil
}

func (h *Handler) renderSection(w http.ResponseWriter, r *http.Request, u *user.User, status int, it *mediasection.Item, fields problems) {
	ctx := r.Context()
	sp, err := h.formPage(r, u, newOrEdit(it.ID, "admin.sections.new", "admin.sections.edit"), "sections", "/admin/media-sections/", it.Edition, fields)
	if err != nil {
		h.serverError(w, r, u, err)
		return
	}
	it.Edition = sp.Edition.Code
	sp.Tabs = nil // an item stays in its edition
	d := &sectionEditData{structPage: sp, It: it, IsNew: it.ID == 0, Action: "/admin/media-sections/new",
		CanPublish: u.Role.Can(user.PublishArticle), CanEdit: it.ID == 0 || canEditItem(u, it)}
	if it.Kind.HasCategory() {
		if d.Categories, err = h.Content.Store.Categories(ctx, it.Edition); err != nil {
			h.serverError(w, r, u, err)
			return
		}
	}
	if d.Images, err = h.libraryChoices(r, "image", it.ImageID); err != nil {
		h.serverError(w, r, u, err)
		return
	}
	if it.Kind == mediasection.Video {
		if d.Videos, err = h.libraryChoices(r, "video", it.VideoID, it.AltVideoID); err != nil {
			h.serverError(w, r, u, err)
			return
		}
	}
	if !d.IsNew {
		d.Action = idPath("/admin/media-sections/", it.ID)
		if it.Status == mediasection.Published {
			d.PublicURL = sp.Edition.Path("/media/" + it.Kind.Section() + "/" + url.PathEscape(it.Slug) + "/")
		}
		if it.Kind == mediasection.Album {
			photos, err := h.Sections.Store.AlbumPhotos(ctx, it.ID)
			if err != nil {
				h.serverError(w, r, u, err)
				return
			}
			for i, p := range photos {
				row := photoRow{Photo: p, N: i + 1, First: i == 0, Last: i == len(photos)-1}
				if p.Media != nil {
					row.Thumb = p.Media.URL()
				}
				d.Photos = append(d.Photos, row)
			}
		}
		group, err := h.Sections.Store.MediaItemTranslations(ctx, it.TranslationGroup)
		if err != nil {
			h.serverError(w, r, u, err)
			return
		}
		for _, g := range group {
			if g.ID != it.ID {
				d.Linked = append(d.Linked, mediaChoice{ID: g.ID, Label: g.Edition + ": " + g.Title})
			}
		}
		for _, e := range sp.Editions {
			if e.Code == it.Edition {
				continue
			}
			others, err := h.Sections.Store.ListMediaItems(ctx, mediasection.Filter{Edition: e.Code, Kind: it.Kind, Limit: 300})
			if err != nil {
				h.serverError(w, r, u, err)
				return
			}
			for _, o := range others {
				d.Translations = append(d.Translations, mediaChoice{ID: o.ID, Label: e.Name + ": " + o.Title})
			}
		}
	}
	h.render(w, r, status, "media_section.html", d)
}

// sectionForm reads the editor into it; the pressed button sets the status.
func sectionForm(r *http.Request, u *user.User, it *mediasection.Item) problems {
	f := r.PostForm
	it.Title, it.Slug, it.Caption, it.Credit = f.Get("title"), strings.TrimSpace(f.Get("slug")), f.Get("caption"), f.Get("credit")
	it.CategoryID, it.ImageID = parseID(f.Get("category")), parseID(f.Get("image"))
	it.VideoID, it.AltVideoID, it.ExternalURL = parseID(f.Get("video")), parseID(f.Get("alt_video")), f.Get("external_url")
	switch f.Get("action") {
	case "publish":
		if !u.Role.Can(user.PublishArticle) {
			return formProblem("action", "publish_denied", "your role may save drafts only; an editor publishes them")
		}
		it.Status = mediasection.Published
	case "draft", "unpublish":
		it.Status = mediasection.Draft
	case "", "save":
		if it.Status == "" {
			it.Status = mediasection.Draft
		}
	default:
		return formProblem("action", "unknown_action", "unknown action")
	}
	return nil
}

func (h *Handler) sectionCreate(w http.ResponseWriter, r *http.Request, u *user.User) {
	if !h.allowed(w, r, u, user.WriteArticle) || !parseSmallForm(w, r) {
		return
	}
	ed := h.postedEdition(w, r, u)
	if ed == nil {
		return
	}
	kind := mediasection.Kind(r.PostForm.Get("kind"))
	if !kind.Valid() {
		h.errorPage(w, r, u, http.StatusNotFound)
		return
	}
	it := &mediasection.Item{Kind: kind, Edition: ed.Code, CreatedBy: u.ID}
	if h.applied(w, r, u, sectionForm(r, u, it), func() error { return h.Sections.Save(r.Context(), it) }, func(f problems) {
		it.ID = 0
		h.renderSection(w, r, u, http.StatusUnprocessableEntity, it, f)
	}) {
		h.recorded(w, r, u, "media_item.create", "media_item", it.ID, it.Edition+" "+string(it.Kind)+": "+it.Title,
			idPath("/admin/media-sections/", it.ID), "section_saved")
	}
}

// loadItem reads the form and the item named in the path, after checking
// that the account may change it.
func (h *Handler) loadItem(w http.ResponseWriter, r *http.Request, u *user.User) (*mediasection.Item, bool) {
	it, ok := loadByID(h, w, r, u, user.WriteArticle, true, h.Sections.Store.MediaItemByID)
	return it, ok && h.mayEditItem(w, r, u, it)
}

// mayEditItem answers 403, in the audit log too, when the account may not
// change the item.
func (h *Handler) mayEditItem(w http.ResponseWriter, r *http.Request, u *user.User, it *mediasection.Item) bool {
	if canEditItem(u, it) {
		return true
	}
	h.record(r.Context(), u, "forbidden", "media_item", it.ID, r.Method+" "+r.URL.Path)
	h.errorPage(w, r, u, http.StatusForbidden)
	return false
}

// refuseSection shows the item's form again with what is wrong.
func (h *Handler) refuseSection(w http.ResponseWriter, r *http.Request, u *user.User, it *mediasection.Item) func(problems) {
	return func(f problems) { h.renderSection(w, r, u, http.StatusUnprocessableEntity, it, f) }
}

func (h *Handler) sectionSave(w http.ResponseWriter, r *http.Request, u *user.User) {
	it, ok := h.loadItem(w, r, u)
	if !ok {
		return
	}
	wasPublished := it.Status == mediasection.Published
	fields := sectionForm(r, u, it)
	if fields == nil && wasPublished && it.Status != mediasection.Published && !u.Role.Can(user.PublishArticle) {
		fields = formProblem("action", "publish_denied", "your role may save drafts only; an editor publishes them")
	}
	if h.applied(w, r, u, fields, func() error { return h.Sections.Save(r.Context(), it) }, h.refuseSection(w, r, u, it)) {
		h.recorded(w, r, u, "media_item.update", "media_item", it.ID, it.Edition+" "+string(it.Kind)+": "+it.Title,
			idPath("/admin/media-sections/", it.ID), "section_saved")
	}
}

func (h *Handler) sectionLink(w http.ResponseWriter, r *http.Request, u *user.User) {
	it, ok := h.loadItem(w, r, u)
	if !ok {
		return
	}
	if h.applied(w, r, u, nil, func() error { return h.Sections.LinkTranslation(r.Context(), it.ID, parseID(r.PostForm.Get("of"))) }, h.refuseSection(w, r, u, it)) {
		h.recorded(w, r, u, "media_item.translations", "media_item", it.ID, it.Edition+": "+it.Title, idPath("/admin/media-sections/", it.ID), "links_saved")
	}
}

func (h *Handler) sectionDelete(w http.ResponseWriter, r *http.Request, u *user.User) {
	it, ok := h.loadItem(w, r, u)
	if !ok {
		return
	}
	if h.applied(w, r, u, nil, func() error { return h.Sections.Delete(r.Context(), it.ID) }, nil) {
		h.recorded(w, r, u, "media_item.delete", "media_item", it.ID, it.Edition+" "+string(it.Kind)+": "+it.Title,
			"/admin/media-sections/?edition="+url.QueryEscape(it.Edition)+"&kind="+string(it.Kind), "section_deleted")
	}
}

func (h *Handler) photoAdd(w http.ResponseWriter, r *http.Request, u *user.User) {
	it, ok := h.loadItem(w, r, u)
	if !ok {
		return
	}
	p := &mediasection.Photo{AlbumID: it.ID, MediaID: parseID(r.PostForm.Get("image")), Caption: r.PostForm.Get("caption"), Credit: r.PostForm.Get("credit")}
	if h.applied(w, r, u, nil, func() error { return h.Sections.AddPhoto(r.Context(), p) }, h.refuseSection(w, r, u, it)) {
		h.recorded(w, r, u, "album.photo_add", "media_item", it.ID, fmt.Sprintf("%s: media %d", it.Title, p.MediaID), idPath("/admin/media-sections/", it.ID), "photos_saved")
	}
}

// loadPhoto finds a photo's album and checks the account may change it.
func (h *Handler) loadPhoto(w http.ResponseWriter, r *http.Request, u *user.User) (*mediasection.Photo, *mediasection.Item) {
	if !h.allowed(w, r, u, user.WriteArticle) || !parseSmallForm(w, r) {
		return nil, nil
	}
	p, err := h.Sections.Store.AlbumPhotoByID(r.Context(), parseID(r.PathValue("pid")))
	if err != nil {
		h.notFoundOr(w, r, u, err)
		return nil, nil
	}
	it, err := h.Sections.Store.MediaItemByID(r.Context(), p.AlbumID)
	if err != nil {
		h.notFoundOr(w, r, u, err)
		return nil, nil
	}
	if !h.mayEditItem(w, r, u, it) {
		return nil, nil
	}
	return p, it
}

func (h *Handler) photoSave(w http.ResponseWriter, r *http.Request, u *user.User) {
	p, it := h.loadPhoto(w, r, u)
	if p == nil {
		return
	}
	if h.applied(w, r, u, nil, func() error {
		return h.Sections.UpdatePhoto(r.Context(), p.ID, r.PostForm.Get("caption"), r.PostForm.Get("credit"))
	}, h.refuseSection(w, r, u, it)) {
		h.recorded(w, r, u, "album.photo_update", "media_item", it.ID, fmt.Sprintf("%s: photo %d", it.Title, p.ID), idPath("/admin/media-sections/", it.ID), "photos_saved")
	}
}

func (h *Handler) photoMove(w http.ResponseWriter, r *http.Request, u *user.User) {
	p, it := h.loadPhoto(w, r, u)
	if p == nil {
		return
	}
	delta := 1
	if r.PostForm.Get("dir") == "up" {
		delta = -1
	}
	if h.applied(w, r, u, nil, func() error { return h.Sections.MovePhoto(r.Context(), p.ID, delta) }, h.refuseSection(w, r, u, it)) {
		h.recorded(w, r, u, "album.photo_move", "media_item", it.ID, fmt.Sprintf("%s: photo %d %s", it.Title, p.ID, r.PostForm.Get("dir")),
			idPath("/admin/media-sections/", it.ID), "photos_saved")
	}
}

func (h *Handler) photoDelete(w http.ResponseWriter, r *http.Request, u *user.User) {
	p, it := h.loadPhoto(w, r, u)
	if p == nil {
		return
	}
	if h.applied(w, r, u, nil, func() error { return h.Sections.RemovePhoto(r.Context(), p.ID) }, nil) {
		h.recorded(w, r, u, "album.photo_remove", "media_item", it.ID, fmt.Sprintf("%s: photo %d", it.Title, p.ID), idPath("/admin/media-sections/", it.ID), "photos_saved")
	}
}
