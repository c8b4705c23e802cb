package admin

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"

	"github.com/masthead-news/masthead/internal/content"
	"github.com/masthead-news/masthead/internal/media"
	"github.com/masthead-news/masthead/internal/user"
)

// The media library: a searchable grid of every uploaded file, an upload
// form for several files at once, an edit screen per item (texts, where it
// is used, its responsive variants) and deletion, refused while the item is
// used anywhere. Everyone signed in may browse and reuse; adding needs
// user.UploadMedia; editors and administrators may change any item, authors
// only what they uploaded.

func init() {
	pageFiles = append(pageFiles, "media.html", "media_edit.html")
}

// libraryPerPage is the size of one page of the grid.
const libraryPerPage = 24

// maxFilesPerUpload bounds one upload form.
const maxFilesPerUpload = 20

func (h *Handler) mediaRoutes(m *http.ServeMux) {
	m.HandleFunc("GET /admin/media/{$}", h.signedIn(h.mediaLibrary))
	m.HandleFunc("POST /admin/media/{$}", h.signedIn(h.mediaLibraryUpload))
	m.HandleFunc("GET /admin/media/{id}/{$}", h.signedIn(h.mediaEdit))
	m.HandleFunc("POST /admin/media/{id}/{$}", h.signedIn(h.mediaSave))
	m.HandleFunc("POST /admin/media/{id}/delete", h.signedIn(h.mediaDelete))
	m.HandleFunc("POST /admin/articles/{id}/featured", h.signedIn(h.articleUseFeatured))
}

// canManageMedia reports whether u may change or delete m.
func canManageMedia(u *user.User, m *media.Media) bool {
	if u.Role.Can(user.EditAnyArticle) {
		return true
	}
	return u.Role.Can(user.UploadMedia) && m.UploadedBy != 0 && m.UploadedBy == u.ID
}

// mediaItem is one item as the library shows it.
type mediaItem struct {
	*media.Media
	Label    string // the title, or the file name
	Thumb    string
	SizeText string
	Dims     string
	Date     string
	EditURL  string
	CanEdit  bool
	// Downloads counts the file's downloads (files other than images,
	// which are shown rather than downloaded); PagesText gives a PDF's
	// page count.
	Downloads string
	PagesText string
}

func (h *Handler) item(p *page, u *user.User, m *media.Media) mediaItem {
	it := mediaItem{Media: m, Label: m.Title, Thumb: m.ThumbURL(320), SizeText: p.L.FileSize(m.Size),
		Date: p.L.Date(m.CreatedAt), EditURL: fmt.Sprintf("/admin/media/%d/", m.ID), CanEdit: canManageMedia(u, m)}
	if it.Label == "" {
		it.Label = m.Filename
	}
	if m.Width > 0 && m.Height > 0 {
		it.Dims = p.L.Digits(fmt.Sprintf("%d × %d", m.Width, m.Height))
	}
	if m.Pages > 0 {
		it.PagesText = p.L.N("admin.media.pages", m.Pages)
	}
	return it
}

// countDownloads fills in the download counts of the items that are not
// images, with one query.
func (h *Handler) countDownloads(ctx context.Context, p *page, items []mediaItem) error {
	var ids []int64
	for _, it := range items {
		if it.Kind != "image" {
			ids = append(ids, it.ID)
		}
	}
	if len(ids) == 0 {
		return nil
	}
	counts, err := h.Media.Store.DownloadCounts(ctx, ids)
	if err != nil {
		return err
	}
	for i := range items {
		if items[i].Kind != "image" {
			items[i].Downloads = p.L.N("admin.media.downloads", int(counts[items[i].ID]))
		}
	}
	return nil
}

type libraryFilter struct {
	Q, Kind string
	Page    int
	Pick    int64 // an article choosing its featured image
}

type uploadOutcome struct {
	Filename string
	Error    string
	EditURL  string
}

type libraryData struct {
	*page
	Items        []mediaItem
	Filter       libraryFilter
	Kinds        []string
	Total        string
	Newer, Older string
	CanUpload    bool
	MaxMB        int64
	Pick         *content.Article
	Results      []uploadOutcome
	Alt          string
	Caption      string
	Credit       string
}

func (h *Handler) maxFileSize() int64 {
	if h.Media.MaxSize > 0 {
		return h.Media.MaxSize
	}
	return 64 << 20
}

// formLimit bounds a form that carries one file: the configured per-file
// limit (--max-upload-mb) and room for the other fields, at least maxUpload.
func (h *Handler) formLimit() int64 { return max(maxUpload, h.maxFileSize()+1<<20) }

func (h *Handler) mediaLibrary(w http.ResponseWriter, r *http.Request, u *user.User) {
	h.renderLibrary(w, r, u, http.StatusOK, nil)
}

func (h *Handler) renderLibrary(w http.ResponseWriter, r *http.Request, u *user.User, status int, fill func(*libraryData)) {
	ctx := r.Context()
	q := r.URL.Query()
	f := libraryFilter{Q: strings.TrimSpace(q.Get("q")), Kind: q.Get("kind"), Page: max(1, int(parseID(q.Get("page")))), Pick: parseID(q.Get("pick"))}
	p := h.newPage(r, u, "admin.media.title", "media")
	d := &libraryData{page: p, Kinds: media.Kinds, CanUpload: u.Role.Can(user.UploadMedia), MaxMB: h.maxFileSize() >> 20}
	if f.Pick != 0 {
		a, err := h.Content.LoadForEdit(ctx, f.Pick)
		if err != nil || !u.CanEditArticle(a.OwnerID, a.Status == content.Published || a.Status == content.Scheduled) {
			f.Pick = 0
		} else {
			d.Pick = a
			f.Kind = "image"
		}
	}
	if !validKind(f.Kind) {
		f.Kind = ""
	}
	d.Filter = f
	filter := media.Filter{Text: f.Q, Kind: f.Kind, Limit: libraryPerPage, Offset: (f.Page - 1) * libraryPerPage}
	total, err := h.Media.Store.CountMedia(ctx, filter)
	if err != nil {
		h.serverError(w, r, u, err)
		return
	}
	list, err := h.Media.Store.ListMedia(ctx, filter)
	if err != nil {
		h.serverError(w, r, u, err)
		return
	}
	d.Total = p.L.N("admin.media.count", total)
	for _, m := range list {
		d.Items = append(d.Items, h.item(p, u, m))
	}
	if err := h.countDownloads(ctx, p, d.Items); err != nil {
		h.serverError(w, r, u, err)
		return
	}
	link := func(page int) string {
		v := url.Values{}
		for k, val := range map[string]string{"q": f.Q, "kind": f.Kind} {
			if val != "" {
				v.Set(k, val)
			}
		}
		if f.Pick != 0 {
			v.Set("pick", strconv.FormatInt(f.Pick, 10))
		}
		v.Set("page", strconv.Itoa(page))
		return "/admin/media/?" + v.Encode()
	}
	if f.Page > 1 {
		d.Newer = link(f.Page - 1)
	}
	if f.Page*libraryPerPage < total {
		d.Older = link(f.Page + 1)
	}
	if fill != nil {
		fill(d)
	}
	h.render(w, r, status, "media.html", d)
}

func validKind(k string) bool { return slices.Contains(media.Kinds, k) }

// mediaLibraryUpload adds one or more files from the library's plain
// multipart form; each file is checked on its own, and a refused file
// leaves the others stored.
func (h *Handler) mediaLibraryUpload(w http.ResponseWriter, r *http.Request, u *user.User) {
	if !u.Role.Can(user.UploadMedia) {
		h.record(r.Context(), u, "forbidden", "media", 0, r.Method+" "+r.URL.Path)
		h.errorPage(w, r, u, http.StatusForbidden)
		return
	}
	r.Body = http.MaxBytesReader(w, r.Body, h.maxFileSize()*maxFilesPerUpload+1<<20)
	if err := r.ParseMultipartForm(8 << 20); err != nil {
		p := h.newPage(r, u, "", "")
		h.renderLibrary(w, r, u, http.StatusRequestEntityTooLarge, func(d *libraryData) {
			d.Error = p.T("admin.media.err_form", h.maxFileSize()>>20)
		})
		return
	}
	defer r.MultipartForm.RemoveAll()
	alt, caption, credit := strings.TrimSpace(r.FormValue("alt")), strings.TrimSpace(r.FormValue("caption")), strings.TrimSpace(r.FormValue("credit"))
	files := r.MultipartForm.File["files"]
	var nonEmpty int
	for _, fh := range files {
		if fh.Size > 0 || fh.Filename != "" {
			nonEmpty++
		}
	}
	refuse := func(key string, args ...any) {
		h.renderLibrary(w, r, u, http.StatusUnprocessableEntity, func(d *libraryData) {
			d.Error = d.T(key, args...)
			d.Alt, d.Caption, d.Credit = alt, caption, credit
		})
	}
	switch {
	case nonEmpty == 0:
		refuse("admin.media.err_nofile")
		return
	case len(files) > maxFilesPerUpload:
		refuse("admin.media.err_toomany", maxFilesPerUpload)
		return
	}
	var results []uploadOutcome
	failed := 0
	loc := h.newPage(r, u, "", "")
	for _, fh := range files {
		out := uploadOutcome{Filename: fh.Filename}
		file, err := fh.Open()
		if err == nil {
			var m *media.Media
			m, err = h.Media.Add(r.Context(), file, media.Upload{Filename: fh.Filename, Alt: alt, Caption: caption, Credit: credit, UploadedBy: u.ID})
			file.Close()
			if err == nil {
				out.EditURL = fmt.Sprintf("/admin/media/%d/", m.ID)
				h.record(r.Context(), u, "media.upload", "media", m.ID, m.Filename)
			}
		}
		if err != nil {
			failed++
			out.Error = uploadError(loc, err)
		}
		results = append(results, out)
	}
	if failed == 0 {
		http.Redirect(w, r, "/admin/media/?done=uploaded", http.StatusSeeOther)
		return
	}
	h.renderLibrary(w, r, u, http.StatusUnprocessableEntity, func(d *libraryData) {
		d.Error = d.L.N("admin.media.err_some", failed)
		d.Results = results
		d.Alt, d.Caption, d.Credit = alt, caption, credit
	})
}

// uploadError says in the account's language why a file was refused.
func uploadError(p *page, err error) string {
	var big *media.TooLargeError
	switch {
	case errors.As(err, &big):
		return p.T("admin.media.err_size", big.Limit>>20)
	case errors.Is(err, media.ErrUnsupported):
		return p.T("admin.media.err_type")
	case errors.Is(err, media.ErrBadPDF):
		return p.T("admin.media.err_pdf")
	case strings.Contains(err.Error(), "too large"):
		return p.T("admin.media.err_pixels", media.MaxPixels/1_000_000)
	case strings.Contains(err.Error(), "damaged"):
		return p.T("admin.media.err_damaged")
	}
	return err.Error()
}

type editData struct {
	*page
	Item      mediaItem
	Uses      []useRow
	Variants  []variantRow
	JobState  string
	Uploader  string
	PublicURL string
	// DownloadURL serves the file as an attachment and counts it (not for images).
	DownloadURL string
}

type useRow struct {
	media.Use
	URL string
}

type variantRow struct {
	media.Variant
	SizeText string
	Dims     string
}

func (h *Handler) loadMedia(w http.ResponseWriter, r *http.Request, u *user.User) *media.Media {
	m, err := h.Media.Store.MediaByID(r.Context(), parseID(r.PathValue("id")))
	if err != nil {
		if errors.Is(err, content.ErrNotFound) {
			h.errorPage(w, r, u, http.StatusNotFound)
		} else {
			h.serverError(w, r, u, err)
		}
		return nil
	}
	return m
}

func (h *Handler) mediaEdit(w http.ResponseWriter, r *http.Request, u *user.User) {
	if m := h.loadMedia(w, r, u); m != nil {
		h.renderMediaEdit(w, r, u, m, http.StatusOK, "", nil)
	}
}

func (h *Handler) renderMediaEdit(w http.ResponseWriter, r *http.Request, u *user.User, m *media.Media, status int, msg string, fields map[string]string) {
	ctx := r.Context()
	p := h.newPage(r, u, "admin.media.edit", "media")
	p.Error, p.Fields = msg, fields
	d := &editData{page: p, Item: h.item(p, u, m), PublicURL: m.URL()}
	items := []mediaItem{d.Item}
	if err := h.countDownloads(ctx, p, items); err != nil {
		h.serverError(w, r, u, err)
		return
	}
	d.Item = items[0]
	if m.Kind != "image" {
		d.DownloadURL = m.DownloadURL()
	}
	uses, err := h.Media.Uses(ctx, m)
	if err != nil {
		h.serverError(w, r, u, err)
		return
	}
	for _, use := range uses {
		row := useRow{Use: use}
		switch use.Kind {
		case "featured", "inline", "attachment":
			row.URL = fmt.Sprintf("/admin/articles/%d/", use.ID)
		case "avatar":
			row.URL = fmt.Sprintf("/admin/authors/%d/", use.ID)
		case "page":
			row.URL = fmt.Sprintf("/admin/pages/%d/", use.ID)
		case "media_item", "album_photo":
			row.URL = fmt.Sprintf("/admin/media-sections/%d/", use.ID)
		case "book":
			row.URL = fmt.Sprintf("/admin/publications/books/%d/", use.ID)
		case "issue":
			row.URL = fmt.Sprintf("/admin/publications/issues/%d/", use.ID)
		}
		d.Uses = append(d.Uses, row)
	}
	vs, err := h.Media.Store.MediaVariants(ctx, m.ID)
	if err != nil {
		h.serverError(w, r, u, err)
		return
	}
	for _, v := range vs {
		d.Variants = append(d.Variants, variantRow{Variant: v, SizeText: p.L.FileSize(v.Size), Dims: p.L.Digits(fmt.Sprintf("%d × %d", v.Width, v.Height))})
	}
	if d.JobState, err = h.Media.Store.VariantJobState(ctx, m.ID); err != nil {
		h.serverError(w, r, u, err)
		return
	}
	if m.UploadedBy != 0 && h.Users != nil {
		if up, err := h.Users.UserByID(ctx, m.UploadedBy); err == nil {
			d.Uploader = up.Name
		}
	}
	h.render(w, r, status, "media_edit.html", d)
}

func (h *Handler) mediaSave(w http.ResponseWriter, r *http.Request, u *user.User) {
	r.Body = http.MaxBytesReader(w, r.Body, 1<<20)
	if err := r.ParseForm(); err != nil {
		http.Error(w, "The form is too large or damaged.", http.StatusRequestEntityTooLarge)
		return
	}
	m := h.loadMedia(w, r, u)
	if m == nil {
		return
	}
	if !canManageMedia(u, m) {
		h.record(r.Context(), u, "forbidden", "media", m.ID, r.Method+" "+r.URL.Path)
		h.errorPage(w, r, u, http.StatusForbidden)
		return
	}
	before := *m
	f := r.PostForm
	m.Title, m.Alt, m.Caption, m.Credit = f.Get("title"), f.Get("alt"), f.Get("caption"), f.Get("credit")
	if err := h.Media.Update(r.Context(), m); err != nil {
		var fe *media.FieldError
		if errors.As(err, &fe) {
			p := h.newPage(r, u, "", "")
			h.renderMediaEdit(w, r, u, m, http.StatusUnprocessableEntity, p.T("admin.editor.fix"), map[string]string{fe.Field: fe.Message})
			return
		}
		h.serverError(w, r, u, err)
		return
	}
	var changed []string
	for name, pair := range map[string][2]string{"title": {before.Title, m.Title}, "alt": {before.Alt, m.Alt}, "caption": {before.Caption, m.Caption}, "credit": {before.Credit, m.Credit}} {
		if pair[0] != pair[1] {
			changed = append(changed, name)
		}
	}
	h.record(r.Context(), u, "media.edit", "media", m.ID, strings.TrimSpace(m.Filename+" "+strings.Join(slices.Sorted(slices.Values(changed)), ",")))
	http.Redirect(w, r, fmt.Sprintf("/admin/media/%d/?done=media_saved", m.ID), http.StatusSeeOther)
}

func (h *Handler) mediaDelete(w http.ResponseWriter, r *http.Request, u *user.User) {
	m := h.loadMedia(w, r, u)
	if m == nil {
		return
	}
	if !canManageMedia(u, m) {
		h.record(r.Context(), u, "forbidden", "media", m.ID, r.Method+" "+r.URL.Path)
		h.errorPage(w, r, u, http.StatusForbidden)
		return
	}
	if _, err := h.Media.Delete(r.Context(), m.ID); err != nil {
		var inUse *media.InUseError
		if errors.As(err, &inUse) {
			h.record(r.Context(), u, "media.delete_refused", "media", m.ID, fmt.Sprintf("%s: in use in %d place(s)", m.Filename, len(inUse.Uses)))
			p := h.newPage(r, u, "", "")
			h.renderMediaEdit(w, r, u, m, http.StatusConflict, p.L.N("admin.media.in_use", len(inUse.Uses)), nil)
			return
		}
		if errors.Is(err, content.ErrNotFound) {
			h.errorPage(w, r, u, http.StatusNotFound)
			return
		}
		h.serverError(w, r, u, err)
		return
	}
	h.record(r.Context(), u, "media.delete", "media", m.ID, m.Filename)
	http.Redirect(w, r, "/admin/media/?done=media_deleted", http.StatusSeeOther)
}

// articleUseFeatured makes a library image an article's featured image
// (the library's "use as featured image" button).
func (h *Handler) articleUseFeatured(w http.ResponseWriter, r *http.Request, u *user.User) {
	r.Body = http.MaxBytesReader(w, r.Body, 1<<16)
	if err := r.ParseForm(); err != nil {
		http.Error(w, "Bad form.", http.StatusBadRequest)
		return
	}
	a := h.loadEditable(w, r, u)
	if a == nil {
		return
	}
	m, err := h.Media.Store.MediaByID(r.Context(), parseID(r.PostForm.Get("media")))
	if err != nil || m.Kind != "image" {
		if err != nil && !errors.Is(err, content.ErrNotFound) {
			h.serverError(w, r, u, err)
			return
		}
		p := h.newPage(r, u, "", "")
		h.renderLibrary(w, r, u, http.StatusUnprocessableEntity, func(d *libraryData) { d.Error = p.T("admin.media.err_not_image") })
		return
	}
	a.FeaturedMediaID = m.ID
	if err := h.Content.UpdateArticle(r.Context(), a, u.ID); err != nil {
		var ve *content.ValidationError
		if errors.As(err, &ve) {
			http.Redirect(w, r, fmt.Sprintf("/admin/articles/%d/", a.ID), http.StatusSeeOther)
			return
		}
		h.serverError(w, r, u, err)
		return
	}
	h.record(r.Context(), u, "article.featured", "article", a.ID, m.Filename)
	http.Redirect(w, r, fmt.Sprintf("/admin/articles/%d/?done=featured", a.ID), http.StatusSeeOther)
}

// libraryChoice is an image offered in the editor's featured-image list.
type libraryChoice struct {
	ID    int64
	Label string
}

// featuredChoices lists recent library images for the editor, with the
// article's current image first if it is older than those.
func (h *Handler) featuredChoices(r *http.Request, current int64) []libraryChoice {
	// On a failed read the list is just the current image: the form must
	// never drop an article's image because the list could not be read.
	list, _ := h.Media.Store.ListMedia(r.Context(), media.Filter{Kind: "image", Limit: 40})
	var out []libraryChoice
	seen := false
	label := func(m *media.Media) string {
		name := m.Title
		if name == "" {
			name = m.Filename
		}
		return fmt.Sprintf("%s · %d×%d", name, m.Width, m.Height)
	}
	for _, m := range list {
		seen = seen || m.ID == current
		out = append(out, libraryChoice{ID: m.ID, Label: label(m)})
	}
	if current != 0 && !seen {
		c := libraryChoice{ID: current, Label: fmt.Sprintf("#%d", current)}
		if m, err := h.Media.Store.MediaByID(r.Context(), current); err == nil {
			c.Label = label(m)
		}
		out = append([]libraryChoice{c}, out...)
	}
	return out
}
