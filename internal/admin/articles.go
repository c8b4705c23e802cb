package admin

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/masthead-news/masthead/internal/content"
	"github.com/masthead-news/masthead/internal/edition"
	"github.com/masthead-news/masthead/internal/mail"
	"github.com/masthead-news/masthead/internal/media"
	"github.com/masthead-news/masthead/internal/user"
)

// maxUpload bounds a form with files (the media service applies its own
// per-file limit too).
const maxUpload = 64 << 20

type articleRow struct {
	*content.Article
	Outdated bool
	EditURL  string
	Date     string
}

type listData struct {
	*page
	Rows       []articleRow
	Editions   []*edition.Edition
	Categories []content.Category
	Authors    []content.Author
	Filter     listFilter
	Total      int
	Newer      string
	Older      string
}

type listFilter struct {
	Edition, Status, Q string
	Category, Author   int64
	Page               int
}

func (h *Handler) editions(ctx context.Context) (*edition.Set, error) {
	list, err := h.Editions.Editions(ctx)
	if err != nil {
		return nil, err
	}
	return edition.NewSet(list)
}

func parseID(s string) int64 {
	n, err := strconv.ParseInt(s, 10, 64)
	if err != nil || n < 0 {
		return 0
	}
	return n
}

func (h *Handler) articleList(w http.ResponseWriter, r *http.Request, u *user.User) {
	ctx := r.Context()
	q := r.URL.Query()
	f := listFilter{Edition: q.Get("edition"), Status: q.Get("status"), Q: strings.TrimSpace(q.Get("q")),
		Category: parseID(q.Get("category")), Author: parseID(q.Get("author")), Page: max(1, int(parseID(q.Get("page"))))}
	set, err := h.editions(ctx)
	if err != nil {
		h.serverError(w, r, u, err)
		return
	}
	filter := content.ArticleFilter{Edition: f.Edition, Status: content.Status(f.Status), Text: f.Q, AuthorID: f.Author, Limit: 25, Offset: (f.Page - 1) * 25}
	if f.Category != 0 {
		filter.CategoryIDs = []int64{f.Category}
	}
	if !u.Role.Can(user.EditAnyArticle) {
		filter.OwnerID = u.ID // authors and contributors see their own work
	}
	total, err := h.Content.Store.CountArticles(ctx, filter)
	if err != nil {
		h.serverError(w, r, u, err)
		return
	}
	filter.Summary = true
	list, err := h.Content.Store.ListArticles(ctx, filter)
	if err != nil {
		h.serverError(w, r, u, err)
		return
	}
	outdated, err := h.Content.OutdatedTranslations(ctx, list)
	if err != nil {
		h.serverError(w, r, u, err)
		return
	}
	p := h.newPage(r, u, "admin.articles.title", "articles")
	d := &listData{page: p, Editions: set.All(), Filter: f, Total: total}
	if f.Edition != "" {
		d.Categories, _ = h.Content.Store.Categories(ctx, f.Edition)
	}
	authorsIn := f.Edition
	if authorsIn == "" {
		authorsIn = set.Default().Code
	}
	if d.Authors, err = h.Content.Authors(ctx, authorsIn); err != nil {
		h.serverError(w, r, u, err)
		return
	}
	for _, a := range list {
		d.Rows = append(d.Rows, articleRow{Article: a, Outdated: outdated[a.ID], EditURL: fmt.Sprintf("/admin/articles/%d/", a.ID),
			Date: p.L.DateTime(a.UpdatedAt)})
	}
	link := func(page int) string {
		v := r.URL.Query()
		v.Set("page", strconv.Itoa(page))
		return "/admin/articles/?" + v.Encode()
	}
	if f.Page > 1 {
		d.Newer = link(f.Page - 1)
	}
	if f.Page*25 < total {
		d.Older = link(f.Page + 1)
	}
	h.render(w, r, http.StatusOK, "articles.html", d)
}

// articleBulk publishes or unpublishes the checked articles.
func (h *Handler) articleBulk(w http.ResponseWriter, r *http.Request, u *user.User) {
	if err := r.ParseForm(); err != nil {
		http.Error(w, "Bad form.", http.StatusBadRequest)
		return
	}
	action := r.PostForm.Get("action")
	if !u.Role.Can(user.PublishArticle) || (action != "publish" && action != "unpublish") {
		h.errorPage(w, r, u, http.StatusForbidden)
		return
	}
	for _, raw := range r.PostForm["id"] {
		a, err := h.Content.LoadForEdit(r.Context(), parseID(raw))
		if err != nil {
			continue
		}
		if !u.CanEditArticle(a.OwnerID, true) {
			h.errorPage(w, r, u, http.StatusForbidden)
			return
		}
		if action == "publish" {
			a.Status = content.Published
			if a.PublishedAt.IsZero() || a.PublishedAt.After(h.Now()) {
				a.PublishedAt = h.Now()
			}
		} else {
			a.Status = content.Draft
		}
		if err := h.Content.UpdateArticle(r.Context(), a, u.ID); err != nil {
			h.serverError(w, r, u, err)
			return
		}
		h.record(r.Context(), u, "article."+action, "article", a.ID, a.Title)
	}
	http.Redirect(w, r, "/admin/articles/?done=bulk", http.StatusSeeOther)
}

type editorData struct {
	*page
	A            *content.Article
	IsNew        bool
	Editions     []*edition.Edition
	Edition      *edition.Edition
	Categories   []content.Category
	Authors      []content.Author
	Tags         string
	PublishAt    string // datetime-local value in the edition's zone
	Versions     []version
	Missing      []*edition.Edition // editions without a version yet
	Outdated     bool
	CanPublish   bool
	FeaturedURL  string
	RevisionsURL string
	// FeaturedChoices are library images offered as the featured image.
	FeaturedChoices []libraryChoice
}

type version struct {
	Edition *edition.Edition
	URL     string
	Title   string
}

func (h *Handler) articleNew(w http.ResponseWriter, r *http.Request, u *user.User) {
	ctx := r.Context()
	set, err := h.editions(ctx)
	if err != nil {
		h.serverError(w, r, u, err)
		return
	}
	ed := set.Get(r.URL.Query().Get("edition"))
	if ed == nil {
		ed = set.Default()
	}
	a := &content.Article{Edition: ed.Code, Status: content.Draft, CommentsOpen: true, AuthorID: u.AuthorID, BodyFormat: "html"}
	if src := parseID(r.URL.Query().Get("translation_of")); src != 0 {
		if orig, err := h.Content.Store.ArticleByID(ctx, src); err == nil {
			a.TranslationGroup = orig.TranslationGroup
			a.FeaturedMediaID, a.FeaturedAlt, a.FeaturedCaption = orig.FeaturedMediaID, "", ""
			a.AuthorID, a.External = orig.AuthorID, orig.External
		}
	}
	h.renderEditor(w, r, u, a, true, http.StatusOK)
}

func (h *Handler) renderEditor(w http.ResponseWriter, r *http.Request, u *user.User, a *content.Article, isNew bool, status int) {
	ctx := r.Context()
	set, err := h.editions(ctx)
	if err != nil {
		h.serverError(w, r, u, err)
		return
	}
	titleKey := "admin.editor.edit"
	if isNew {
		titleKey = "admin.editor.new"
	}
	p := h.newPage(r, u, titleKey, "articles")
	if status != http.StatusOK && p.Error == "" {
		p.Error = p.T("admin.editor.fix")
	}
	if fe, ok := r.Context().Value(fieldErrKey{}).(map[string]string); ok {
		p.Fields = fe
	}
	ed := set.Get(a.Edition)
	if ed == nil {
		ed = set.Default()
	}
	d := &editorData{page: p, A: a, IsNew: isNew, Editions: set.All(), Edition: ed, CanPublish: u.Role.Can(user.PublishArticle),
		Tags: strings.Join(a.Tags, ", ")}
	d.Categories, err = h.Content.Store.Categories(ctx, ed.Code)
	if err != nil {
		h.serverError(w, r, u, err)
		return
	}
	d.Authors, err = h.Content.Authors(ctx, ed.Code)
	if err != nil {
		h.serverError(w, r, u, err)
		return
	}
	if !a.PublishedAt.IsZero() {
		d.PublishAt = a.PublishedAt.In(ed.Location()).Format("2006-01-02T15:04:05")
	}
	if a.FeaturedMediaID != 0 {
		if m, err := h.Media.Store.MediaByID(ctx, a.FeaturedMediaID); err == nil {
			d.FeaturedURL = m.ThumbURL(320)
		}
	}
	d.FeaturedChoices = h.featuredChoices(r, a.FeaturedMediaID)
	if !isNew {
		d.RevisionsURL = fmt.Sprintf("/admin/articles/%d/revisions/", a.ID)
		group, err := h.Content.Store.ArticleTranslations(ctx, a.TranslationGroup)
		if err != nil {
			h.serverError(w, r, u, err)
			return
		}
		have := map[string]bool{}
		for _, g := range group {
			have[g.Edition] = true
			if g.ID != a.ID {
				d.Versions = append(d.Versions, version{Edition: set.Get(g.Edition), URL: fmt.Sprintf("/admin/articles/%d/", g.ID), Title: g.Title})
			}
		}
		for _, e := range set.All() {
			if !have[e.Code] {
				d.Missing = append(d.Missing, e)
			}
		}
		out, err := h.Content.OutdatedTranslations(ctx, []*content.Article{a})
		if err == nil {
			d.Outdated = out[a.ID]
		}
	}
	h.render(w, r, status, "editor.html", d)
}

type fieldErrKey struct{}

// formArticle reads the editor form into a, uploading a featured image if
// one was attached. It returns a field → message map for bad input.
func (h *Handler) formArticle(r *http.Request, u *user.User, a *content.Article, set *edition.Set) (map[string]string, error) {
	f := r.PostForm
	errs := map[string]string{}
	if a.ID == 0 {
		if ed := set.Get(f.Get("edition")); ed != nil {
			a.Edition = ed.Code
		} else {
			errs["edition"] = "choose an edition"
		}
		a.TranslationGroup = parseID(f.Get("translation_group"))
	}
	ed := set.Get(a.Edition)
	a.Title = f.Get("title")
	a.Slug = strings.TrimSpace(f.Get("slug"))
	a.Excerpt = f.Get("excerpt")
	a.BodySource = f.Get("body")
	a.BodyFormat = "html"
	if bad := content.ActiveContent(a.BodySource); bad != "" {
		errs["body"] = fmt.Sprintf("the text contains code that pages may not run (%q): remove it", strings.TrimSpace(bad))
	}
	a.PrimaryCategoryID = parseID(f.Get("category"))
	a.CategoryIDs = nil
	for _, raw := range f["categories"] {
		if id := parseID(raw); id != 0 {
			a.CategoryIDs = append(a.CategoryIDs, id)
		}
	}
	a.Tags = strings.Split(f.Get("tags"), ",")
	a.CommentsOpen = f.Get("comments_open") == "on"
	a.External = content.Byline{Writer: strings.TrimSpace(f.Get("ext_writer")), Publication: strings.TrimSpace(f.Get("ext_publication")), URL: strings.TrimSpace(f.Get("ext_url"))}
	a.AuthorID = parseID(f.Get("author"))
	if !u.Role.Can(user.EditAnyArticle) && u.AuthorID != 0 {
		a.AuthorID = u.AuthorID // authors and contributors write under their own name
	}
	a.FeaturedAlt = strings.TrimSpace(f.Get("featured_alt"))
	a.FeaturedCaption = strings.TrimSpace(f.Get("featured_caption"))
	if id := parseID(f.Get("featured_media")); id != 0 || f.Get("featured_media") == "" {
		a.FeaturedMediaID = id
	}
	if raw := strings.TrimSpace(f.Get("publish_at")); raw != "" && ed != nil {
		t, err := time.ParseInLocation("2006-01-02T15:04:05", raw, ed.Location())
		if err != nil {
			t, err = time.ParseInLocation("2006-01-02T15:04", raw, ed.Location())
		}
		if err != nil {
			errs["publish_at"] = "use the date and time picker (YYYY-MM-DDTHH:MM)"
		} else {
			a.PublishedAt = t.UTC()
		}
	}
	if r.MultipartForm != nil && len(r.MultipartForm.File["featured_file"]) > 0 {
		fh := r.MultipartForm.File["featured_file"][0]
		if fh.Size > 0 {
			if !u.Role.Can(user.UploadMedia) {
				return nil, errForbidden
			}
			file, err := fh.Open()
			if err != nil {
				return nil, err
			}
			defer file.Close()
			m, err := h.Media.Add(r.Context(), file, media.Upload{Filename: fh.Filename, Alt: a.FeaturedAlt, Caption: a.FeaturedCaption, UploadedBy: u.ID})
			if err != nil {
				errs["featured_file"] = err.Error()
			} else {
				if m.Kind != "image" {
					errs["featured_file"] = "the featured image must be an image"
				}
				a.FeaturedMediaID = m.ID
			}
		}
	}
	return errs, nil
}

var errForbidden = errors.New("forbidden")

// applyAction sets the status that the pressed button asks for, checking
// the role: contributors may only save drafts and submit them for review.
func applyAction(u *user.User, a *content.Article, action string, now time.Time) error {
	switch action {
	case "save", "":
		if a.Status == "" {
			a.Status = content.Draft
		}
		if (a.Status == content.Published || a.Status == content.Scheduled) && !u.Role.Can(user.PublishArticle) {
			return errForbidden
		}
	case "draft":
		a.Status = content.Draft
	case "submit":
		a.Status = content.Pending
	case "publish":
		if !u.Role.Can(user.PublishArticle) {
			return errForbidden
		}
		a.Status = content.Published
		if a.PublishedAt.IsZero() || a.PublishedAt.After(now) {
			a.PublishedAt = now
		}
	case "schedule":
		if !u.Role.Can(user.PublishArticle) {
			return errForbidden
		}
		a.Status = content.Scheduled
	case "unpublish":
		if !u.Role.Can(user.PublishArticle) {
			return errForbidden
		}
		a.Status = content.Draft
	default:
		return fmt.Errorf("unknown action %q", action)
	}
	return nil
}

func (h *Handler) parseEditorForm(w http.ResponseWriter, r *http.Request) error {
	r.Body = http.MaxBytesReader(w, r.Body, h.formLimit())
	if strings.HasPrefix(r.Header.Get("Content-Type"), "multipart/") {
		return r.ParseMultipartForm(8 << 20)
	}
	return r.ParseForm()
}

func (h *Handler) articleCreate(w http.ResponseWriter, r *http.Request, u *user.User) {
	if !u.Role.Can(user.WriteArticle) {
		h.errorPage(w, r, u, http.StatusForbidden)
		return
	}
	if err := h.parseEditorForm(w, r); err != nil {
		http.Error(w, "The form is too large or damaged.", http.StatusRequestEntityTooLarge)
		return
	}
	set, err := h.editions(r.Context())
	if err != nil {
		h.serverError(w, r, u, err)
		return
	}
	a := &content.Article{OwnerID: u.ID}
	h.saveArticle(w, r, u, a, set, true)
}

func (h *Handler) loadEditable(w http.ResponseWriter, r *http.Request, u *user.User) *content.Article {
	a, err := h.Content.LoadForEdit(r.Context(), parseID(r.PathValue("id")))
	if err != nil {
		if errors.Is(err, content.ErrNotFound) {
			h.errorPage(w, r, u, http.StatusNotFound)
		} else {
			h.serverError(w, r, u, err)
		}
		return nil
	}
	if !u.CanEditArticle(a.OwnerID, a.Status == content.Published || a.Status == content.Scheduled) {
		h.errorPage(w, r, u, http.StatusForbidden)
		return nil
	}
	return a
}

func (h *Handler) articleEdit(w http.ResponseWriter, r *http.Request, u *user.User) {
	if a := h.loadEditable(w, r, u); a != nil {
		h.renderEditor(w, r, u, a, false, http.StatusOK)
	}
}

func (h *Handler) articleSave(w http.ResponseWriter, r *http.Request, u *user.User) {
	if err := h.parseEditorForm(w, r); err != nil {
		http.Error(w, "The form is too large or damaged.", http.StatusRequestEntityTooLarge)
		return
	}
	a := h.loadEditable(w, r, u)
	if a == nil {
		return
	}
	set, err := h.editions(r.Context())
	if err != nil {
		h.serverError(w, r, u, err)
		return
	}
	h.saveArticle(w, r, u, a, set, false)
}

// saveArticle applies the form and the pressed button through the content
// service; refused input re-renders the form with messages and stores nothing.
func (h *Handler) saveArticle(w http.ResponseWriter, r *http.Request, u *user.User, a *content.Article, set *edition.Set, isNew bool) {
	ctx := r.Context()
	original := *a
	fieldErrs, err := h.formArticle(r, u, a, set)
	if errors.Is(err, errForbidden) {
		h.errorPage(w, r, u, http.StatusForbidden)
		return
	} else if err != nil {
		h.serverError(w, r, u, err)
		return
	}
	action := r.PostForm.Get("action")
	if err := applyAction(u, a, action, h.Now().UTC()); err != nil {
		if errors.Is(err, errForbidden) {
			h.record(ctx, u, "article.forbidden", "article", a.ID, action)
			h.errorPage(w, r, u, http.StatusForbidden)
			return
		}
		fieldErrs["action"] = err.Error()
	}
	if len(fieldErrs) == 0 {
		if isNew {
			err = h.Content.CreateArticle(ctx, a)
			if err == nil {
				err = h.Content.Store.CreateRevision(ctx, &content.Revision{ArticleID: a.ID, UserID: u.ID, Title: a.Title, Excerpt: a.Excerpt,
					BodySource: a.BodySource, BodyFormat: a.BodyFormat, Status: a.Status, CreatedAt: h.Now().UTC()})
			}
		} else {
			err = h.Content.UpdateArticle(ctx, a, u.ID)
		}
		var ve *content.ValidationError
		switch {
		case errors.As(err, &ve):
			fieldErrs[ve.Field] = ve.Message
		case err != nil:
			h.serverError(w, r, u, err)
			return
		}
	}
	if len(fieldErrs) > 0 {
		if !isNew {
			a.ID = original.ID
		}
		ctx = context.WithValue(ctx, fieldErrKey{}, fieldErrs)
		h.renderEditor(w, r.WithContext(ctx), u, a, isNew, http.StatusUnprocessableEntity)
		return
	}
	verb := map[string]string{"publish": "publish", "schedule": "schedule", "unpublish": "unpublish", "submit": "submit"}[action]
	if verb == "" {
		verb = "save"
	}
	h.record(ctx, u, "article."+verb, "article", a.ID, a.Title)
	http.Redirect(w, r, fmt.Sprintf("/admin/articles/%d/?done=%s", a.ID, verb), http.StatusSeeOther)
}

// articleAutosave keeps the editor's text as an autosave revision (JSON).
func (h *Handler) articleAutosave(w http.ResponseWriter, r *http.Request, u *user.User) {
	r.Body = http.MaxBytesReader(w, r.Body, 4<<20)
	if err := r.ParseForm(); err != nil {
		http.Error(w, "bad form", http.StatusBadRequest)
		return
	}
	a := h.loadEditable(w, r, u)
	if a == nil {
		return
	}
	if err := h.Content.Autosave(r.Context(), a.ID, u.ID, r.PostForm.Get("title"), r.PostForm.Get("excerpt"), r.PostForm.Get("body")); err != nil {
		http.Error(w, err.Error(), http.StatusUnprocessableEntity)
		return
	}
	w.Header().Set("Content-Type", "application/json")
	json.NewEncoder(w).Encode(map[string]string{"saved": h.Now().UTC().Format(time.RFC3339)})
}

// bodyPreview returns the sanitized HTML of a body, for the live preview.
func (h *Handler) bodyPreview(w http.ResponseWriter, r *http.Request, u *user.User) {
	r.Body = http.MaxBytesReader(w, r.Body, 4<<20)
	if err := r.ParseForm(); err != nil {
		http.Error(w, "bad form", http.StatusBadRequest)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Write([]byte(content.SanitizeHTML(r.PostForm.Get("body"))))
}

// articlePreview shows an unpublished article exactly as a reader will see it.
func (h *Handler) articlePreview(w http.ResponseWriter, r *http.Request, u *user.User) {
	a := h.loadEditable(w, r, u)
	if a == nil {
		return
	}
	if h.Preview == nil {
		h.errorPage(w, r, u, http.StatusNotFound)
		return
	}
	if a.PublishedAt.IsZero() {
		a.PublishedAt = h.Now().UTC()
	}
	h.Preview(w, r, a)
}

type uploadResult struct {
	ID      int64  `json:"id"`
	URL     string `json:"url"`
	Width   int    `json:"width"`
	Height  int    `json:"height"`
	Kind    string `json:"kind"`
	Alt     string `json:"alt"`
	Caption string `json:"caption"`
	Error   string `json:"error,omitempty"`
}

// mediaUpload takes one file from the editor (drag-and-drop or paste).
func (h *Handler) mediaUpload(w http.ResponseWriter, r *http.Request, u *user.User) {
	w.Header().Set("Content-Type", "application/json")
	if !u.Role.Can(user.UploadMedia) {
		w.WriteHeader(http.StatusForbidden)
		json.NewEncoder(w).Encode(uploadResult{Error: "your role may not upload files"})
		return
	}
	r.Body = http.MaxBytesReader(w, r.Body, h.formLimit())
	if err := r.ParseMultipartForm(8 << 20); err != nil {
		w.WriteHeader(http.StatusRequestEntityTooLarge)
		json.NewEncoder(w).Encode(uploadResult{Error: "the file is too large"})
		return
	}
	file, fh, err := r.FormFile("file")
	if err != nil {
		w.WriteHeader(http.StatusBadRequest)
		json.NewEncoder(w).Encode(uploadResult{Error: "no file"})
		return
	}
	defer file.Close()
	up := media.Upload{Filename: fh.Filename, Alt: r.FormValue("alt"), Caption: r.FormValue("caption"), UploadedBy: u.ID}
	m, err := h.Media.Add(r.Context(), file, up)
	if err != nil {
		w.WriteHeader(http.StatusUnprocessableEntity)
		json.NewEncoder(w).Encode(uploadResult{Error: err.Error()})
		return
	}
	h.record(r.Context(), u, "media.upload", "media", m.ID, m.Filename)
	json.NewEncoder(w).Encode(uploadResult{ID: m.ID, URL: m.URL(), Width: m.Width, Height: m.Height, Kind: m.Kind, Alt: m.Alt, Caption: m.Caption})
}

type revisionRow struct {
	content.Revision
	Date string
	Diff []content.DiffLine
}

type revisionsData struct {
	*page
	A    *content.Article
	Rows []revisionRow
}

func (h *Handler) revisionList(w http.ResponseWriter, r *http.Request, u *user.User) {
	a := h.loadEditable(w, r, u)
	if a == nil {
		return
	}
	revs, err := h.Content.Store.Revisions(r.Context(), a.ID)
	if err != nil {
		h.serverError(w, r, u, err)
		return
	}
	p := h.newPage(r, u, "admin.revisions.title", "articles")
	d := &revisionsData{page: p, A: a}
	for _, rev := range revs {
		row := revisionRow{Revision: rev, Date: p.L.DateTime(rev.CreatedAt)}
		row.Diff = content.Diff(rev.Title+"\n"+rev.BodySource, a.Title+"\n"+a.BodySource)
		d.Rows = append(d.Rows, row)
	}
	h.render(w, r, http.StatusOK, "revisions.html", d)
}

func (h *Handler) revisionRestore(w http.ResponseWriter, r *http.Request, u *user.User) {
	a := h.loadEditable(w, r, u)
	if a == nil {
		return
	}
	if _, err := h.Content.RestoreRevision(r.Context(), a.ID, parseID(r.PathValue("rev")), u.ID); err != nil {
		if errors.Is(err, content.ErrNotFound) {
			h.errorPage(w, r, u, http.StatusNotFound)
			return
		}
		h.serverError(w, r, u, err)
		return
	}
	h.record(r.Context(), u, "article.restore", "article", a.ID, r.PathValue("rev"))
	http.Redirect(w, r, fmt.Sprintf("/admin/articles/%d/?done=restored", a.ID), http.StatusSeeOther)
}

type dashboardData struct {
	*page
	Counts map[string]int
	Recent []articleRow
	Mail   *mailStatus
}

// mailStatus is the dashboard's line about the outbox.
type mailStatus struct {
	Configured bool
	Server     string // the SMTP URL without its password
	Stats      mail.Stats
	Oldest     string
}

// mailStatus reads the outbox for editors and administrators; nil when the
// admin has no outbox or the user has no business with it.
func (h *Handler) mailStatus(r *http.Request, u *user.User, p *page) *mailStatus {
	if h.Outbox == nil || !u.Role.Can(user.EditAnyArticle) {
		return nil
	}
	st, err := h.Outbox.Status(r.Context())
	if err != nil {
		h.Logger.Error("mail outbox status", "err", err)
		return nil
	}
	ms := &mailStatus{Configured: h.Outbox.Configured(), Stats: st}
	if ms.Configured {
		ms.Server = h.Outbox.SMTP.String()
	}
	if !st.Oldest.IsZero() {
		ms.Oldest = p.L.DateTime(st.Oldest)
	}
	return ms
}

func (h *Handler) dashboard(w http.ResponseWriter, r *http.Request, u *user.User) {
	ctx := r.Context()
	p := h.newPage(r, u, "admin.dashboard.title", "dashboard")
	d := &dashboardData{page: p, Counts: map[string]int{}, Mail: h.mailStatus(r, u, p)}
	base := content.ArticleFilter{}
	if !u.Role.Can(user.EditAnyArticle) {
		base.OwnerID = u.ID
	}
	for _, st := range []content.Status{content.Published, content.Scheduled, content.Pending, content.Draft} {
		f := base
		f.Status = st
		n, err := h.Content.Store.CountArticles(ctx, f)
		if err != nil {
			h.serverError(w, r, u, err)
			return
		}
		d.Counts[string(st)] = n
	}
	f := base
	f.Limit, f.Summary = 8, true
	list, err := h.Content.Store.ListArticles(ctx, f)
	if err != nil {
		h.serverError(w, r, u, err)
		return
	}
	for _, a := range list {
		d.Recent = append(d.Recent, articleRow{Article: a, EditURL: fmt.Sprintf("/admin/articles/%d/", a.ID), Date: p.L.DateTime(a.UpdatedAt)})
	}
	h.render(w, r, http.StatusOK, "dashboard.html", d)
}

type auditData struct {
	*page
	Rows []auditRow
}

type auditRow struct {
	Date, Who, Action, Object, Detail string
}

func (h *Handler) auditLog(w http.ResponseWriter, r *http.Request, u *user.User) {
	if !u.Role.Can(user.ReadAuditLog) {
		h.errorPage(w, r, u, http.StatusForbidden)
		return
	}
	list, err := h.Audit.AuditLog(r.Context(), 200, 0)
	if err != nil {
		h.serverError(w, r, u, err)
		return
	}
	p := h.newPage(r, u, "admin.audit.title", "audit")
	d := &auditData{page: p}
	for _, e := range list {
		obj := e.ObjectType
		if e.ObjectID != 0 {
			obj += " #" + strconv.FormatInt(e.ObjectID, 10)
		}
		d.Rows = append(d.Rows, auditRow{Date: p.L.DateTime(e.CreatedAt), Who: e.UserName, Action: e.Action, Object: obj, Detail: e.Detail})
	}
	h.render(w, r, http.StatusOK, "audit.html", d)
}
