package wpapi

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/masthead-news/masthead/internal/content"
	"github.com/masthead-news/masthead/internal/edition"
	"github.com/masthead-news/masthead/internal/media"
	"github.com/masthead-news/masthead/internal/user"
)

// maxPostBody bounds a post's JSON or form body (the text itself may be
// 2 MB; the rest is small).
const maxPostBody = 4 << 20

// postInput is what a create or update request sets; nil fields are left
// as they are.
type postInput struct {
	Title, Content, Excerpt, Status, Slug, CommentStatus, Date, DateGMT, Lang *string
	Categories, Tags                                                          *[]int64
	Author, FeaturedMedia                                                     *int64
}

// readPostInput reads a JSON, urlencoded or multipart body. Text fields may
// be a string or an object with "raw", as WordPress accepts.
func readPostInput(w http.ResponseWriter, r *http.Request) (*postInput, map[string]string) {
	in := &postInput{}
	errs := map[string]string{}
	r.Body = http.MaxBytesReader(w, r.Body, maxPostBody)
	ct, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type"))
	if ct == "application/json" {
		var raw map[string]json.RawMessage
		if err := json.NewDecoder(r.Body).Decode(&raw); err != nil {
			errs["body"] = "The request body is not valid JSON."
			return nil, errs
		}
		str := func(name string, dst **string) {
			v, ok := raw[name]
			if !ok {
				return
			}
			var s string
			if err := json.Unmarshal(v, &s); err == nil {
				*dst = &s
				return
			}
			var obj struct {
				Raw *string `json:"raw"`
			}
			if err := json.Unmarshal(v, &obj); err == nil && obj.Raw != nil {
				*dst = obj.Raw
				return
			}
			if string(v) == "null" {
				return
			}
			errs[name] = name + " is not of type string."
		}
		ids := func(name string, dst **[]int64) {
			v, ok := raw[name]
			if !ok {
				return
			}
			var list []int64
			if err := json.Unmarshal(v, &list); err != nil {
				var one int64
				if err := json.Unmarshal(v, &one); err != nil {
					errs[name] = name + "[0] is not of type integer."
					return
				}
				list = []int64{one}
			}
			*dst = &list
		}
		integer := func(name string, dst **int64) {
			v, ok := raw[name]
			if !ok {
				return
			}
			var n int64
			if err := json.Unmarshal(v, &n); err != nil || n < 0 {
				errs[name] = name + " is not of type integer."
				return
			}
			*dst = &n
		}
		postFields{str, ids, integer}.read(in)
		return in, errs
	}
	var err error
	if ct == "multipart/form-data" {
		err = r.ParseMultipartForm(1 << 20)
	} else {
		err = r.ParseForm()
	}
	if err != nil {
		errs["body"] = "The request body could not be read."
		return nil, errs
	}
	f := r.PostForm
	str := func(name string, dst **string) {
		if _, ok := f[name]; ok {
			v := f.Get(name)
			*dst = &v
		}
	}
	ids := func(name string, dst **[]int64) {
		vals := append(append([]string{}, f[name]...), f[name+"[]"]...)
		if len(vals) == 0 {
			return
		}
		list := []int64{}
		for _, raw := range vals {
			for _, v := range strings.Split(raw, ",") {
				if v = strings.TrimSpace(v); v == "" {
					continue
				}
				id, err := strconv.ParseInt(v, 10, 64)
				if err != nil || id < 0 {
					errs[name] = name + "[0] is not of type integer."
					return
				}
				list = append(list, id)
			}
		}
		*dst = &list
	}
	integer := func(name string, dst **int64) {
		if _, ok := f[name]; !ok {
			return
		}
		n, err := strconv.ParseInt(strings.TrimSpace(f.Get(name)), 10, 64)
		if err != nil || n < 0 {
			errs[name] = name + " is not of type integer."
			return
		}
		*dst = &n
	}
	postFields{str, ids, integer}.read(in)
	return in, errs
}

// postFields reads the fields of a post from one kind of body (JSON, or a
// urlencoded or multipart form): text, lists of ids and whole numbers.
type postFields struct {
	str     func(name string, dst **string)
	ids     func(name string, dst **[]int64)
	integer func(name string, dst **int64)
}

// read fills in with every field a post accepts.
func (f postFields) read(in *postInput) {
	f.str("title", &in.Title)
	f.str("content", &in.Content)
	f.str("excerpt", &in.Excerpt)
	f.str("status", &in.Status)
	f.str("slug", &in.Slug)
	f.str("comment_status", &in.CommentStatus)
	f.str("date", &in.Date)
	f.str("date_gmt", &in.DateGMT)
	f.str("lang", &in.Lang)
	f.ids("categories", &in.Categories)
	f.ids("tags", &in.Tags)
	f.integer("author", &in.Author)
	f.integer("featured_media", &in.FeaturedMedia)
}

// errWrite is a refusal with WordPress's code and status.
type errWrite struct {
	status        int
	code, message string
}

func (e *errWrite) Error() string { return e.message }

// apply sets what in asks for on a, checking it against the edition's
// categories, tags, authors and media and the account's role. Field
// problems go to errs; a refusal of the role is returned.
func (h *Handler) apply(r *http.Request, u *user.User, ed *edition.Edition, a *content.Article, in *postInput, isNew bool, errs map[string]string) error {
	ctx := r.Context()
	if in.Title != nil {
		a.Title = *in.Title
	}
	if in.Content != nil {
		a.BodySource, a.BodyFormat = *in.Content, "html"
		if bad := content.ActiveContent(a.BodySource); bad != "" {
			errs["content"] = fmt.Sprintf("The text contains code that pages may not run (%q): remove it.", strings.TrimSpace(bad))
		}
	}
	if in.Excerpt != nil {
		a.Excerpt = *in.Excerpt
	}
	if in.Slug != nil {
		a.Slug = *in.Slug
	}
	if in.CommentStatus != nil {
		switch *in.CommentStatus {
		case "open":
			a.CommentsOpen = true
		case "closed":
			a.CommentsOpen = false
		default:
			errs["comment_status"] = "comment_status is not one of open, closed."
		}
	}
	if in.Categories != nil {
		cats, err := h.d.Store.Categories(ctx, ed.Code)
		if err != nil {
			return err
		}
		a.CategoryIDs = nil
		for _, id := range *in.Categories {
			if !slices.ContainsFunc(cats, func(c content.Category) bool { return c.ID == id }) {
				errs["categories"] = fmt.Sprintf("Category %d does not exist in the edition %s.", id, ed.Code)
				break
			}
			if !slices.Contains(a.CategoryIDs, id) {
				a.CategoryIDs = append(a.CategoryIDs, id)
			}
		}
		a.PrimaryCategoryID = 0
		if len(a.CategoryIDs) > 0 {
			a.PrimaryCategoryID = a.CategoryIDs[0]
		}
	}
	if isNew && a.PrimaryCategoryID == 0 && errs["categories"] == "" {
		errs["categories"] = "Give at least one category id; the first is the primary category."
	}
	if in.Tags != nil {
		a.Tags = nil
		for _, id := range *in.Tags {
			t, err := h.d.Store.TagByID(ctx, id)
			if errors.Is(err, content.ErrNotFound) || (err == nil && t.Edition != ed.Code) {
				errs["tags"] = fmt.Sprintf("Tag %d does not exist in the edition %s.", id, ed.Code)
				break
			} else if err != nil {
				return err
			}
			a.Tags = append(a.Tags, t.Name)
		}
	}
	if in.Author != nil && *in.Author != a.AuthorID {
		if !u.Role.Can(user.EditAnyArticle) && *in.Author != u.AuthorID {
			return &errWrite{http.StatusForbidden, "rest_cannot_edit_others", "Sorry, you are not allowed to update posts as this user."}
		}
		authors, err := h.d.Store.Authors(ctx, ed.Code)
		if err != nil {
			return err
		}
		if !slices.ContainsFunc(authors, func(x content.Author) bool { return x.ID == *in.Author }) {
			errs["author"] = "Invalid author ID."
		}
		a.AuthorID = *in.Author
	}
	if isNew && a.AuthorID == 0 {
		a.AuthorID = u.AuthorID
	}
	if !u.Role.Can(user.EditAnyArticle) && u.AuthorID != 0 {
		a.AuthorID = u.AuthorID // authors and contributors write under their own name, as in the admin
	}
	if in.FeaturedMedia != nil {
		if id := *in.FeaturedMedia; id == 0 {
			a.FeaturedMediaID = 0
		} else if m, err := h.d.Store.MediaByID(ctx, id); err != nil || m.Kind != "image" {
			if err != nil && !strings.Contains(err.Error(), "not found") {
				return err
			}
			errs["featured_media"] = "Invalid featured media ID."
		} else {
			a.FeaturedMediaID = id
		}
	}
	switch {
	case in.DateGMT != nil && *in.DateGMT != "":
		t, ok := parseDate(*in.DateGMT, time.UTC)
		if !ok {
			errs["date_gmt"] = "Invalid date."
		}
		a.PublishedAt = t
	case in.Date != nil && *in.Date != "":
		t, ok := parseDate(*in.Date, ed.Location())
		if !ok {
			errs["date"] = "Invalid date."
		}
		a.PublishedAt = t
	}
	if in.Status != nil {
		switch *in.Status {
		case "publish", "future":
			if !u.Role.Can(user.PublishArticle) {
				return &errWrite{http.StatusForbidden, "rest_cannot_publish", "Sorry, you are not allowed to publish posts in this post type."}
			}
			a.Status = content.Published
			if *in.Status == "future" {
				a.Status = content.Scheduled
			}
		case "draft":
			a.Status = content.Draft
		case "pending":
			a.Status = content.Pending
		case "private":
			errs["status"] = "Masthead has no private posts: use draft, pending, future or publish."
		default:
			errs["status"] = "status is not one of publish, future, draft, pending, private."
		}
	}
	if a.Status == "" {
		a.Status = content.Draft
	}
	return nil
}

// writeRefused answers a refusal from apply or the content service.
func (h *Handler) writeRefused(w http.ResponseWriter, r *http.Request, err error) bool {
	var we *errWrite
	var ve *content.ValidationError
	switch {
	case errors.As(err, &we):
		h.fail(w, r, we.status, we.code, we.message)
	case errors.As(err, &ve):
		field := map[string]string{"body": "content", "category": "categories", "published_at": "date"}[ve.Field]
		if field == "" {
			field = ve.Field
		}
		h.invalidParams(w, r, map[string]string{field: ve.Message})
	default:
		return false
	}
	return true
}

// writeFailed answers a failed write: the refusal, or 500.
func (h *Handler) writeFailed(w http.ResponseWriter, r *http.Request, err error) {
	if !h.writeRefused(w, r, err) {
		h.serverError(w, r, err)
	}
}

// applied applies the input to the article and answers what is wrong with
// it (apply's refusal, or the fields in errs); ok is false when it answered.
func (h *Handler) applied(w http.ResponseWriter, r *http.Request, u *user.User, ed *edition.Edition, a *content.Article, in *postInput, isNew bool, errs map[string]string) bool {
	if err := h.apply(r, u, ed, a, in, isNew, errs); err != nil {
		h.writeFailed(w, r, err)
		return false
	}
	if len(errs) > 0 {
		h.invalidParams(w, r, errs)
		return false
	}
	return true
}

func (h *Handler) createPost(w http.ResponseWriter, r *http.Request) {
	s, u, ok := h.siteAndUser(w, r)
	if !ok {
		return
	}
	if u == nil || !u.Role.Can(user.WriteArticle) {
		h.forbidden(w, r, u, "rest_cannot_create", "Sorry, you are not allowed to create posts as this user.")
		return
	}
	in, errs := readPostInput(w, r)
	if in == nil {
		h.invalidParams(w, r, errs)
		return
	}
	ed := s.ed
	if in.Lang != nil && *in.Lang != "" {
		if ed = s.set.Get(*in.Lang); ed == nil {
			h.invalidParams(w, r, map[string]string{"lang": "lang is not an edition of this site."})
			return
		}
	}
	a := &content.Article{Edition: ed.Code, OwnerID: u.ID, CommentsOpen: true}
	if !h.applied(w, r, u, ed, a, in, true, errs) {
		return
	}
	ctx := r.Context()
	err := h.d.Content.Store.WithinTx(ctx, func(ctx context.Context) error {
		if err := h.d.Content.CreateArticle(ctx, a); err != nil {
			return err
		}
		return h.d.Content.Store.CreateRevision(ctx, &content.Revision{ArticleID: a.ID, UserID: u.ID, Title: a.Title,
			Excerpt: a.Excerpt, BodySource: a.BodySource, BodyFormat: a.BodyFormat, Status: a.Status, CreatedAt: h.d.Now().UTC()})
	})
	if err != nil {
		h.writeFailed(w, r, err)
		return
	}
	h.record(ctx, u, "article.api_create", "article", a.ID, a.Title)
	h.respondPost(w, r, s, u, a.ID, http.StatusCreated)
}

func (h *Handler) respondPost(w http.ResponseWriter, r *http.Request, s *site, u *user.User, id int64, status int) {
	a, err := h.d.Store.ArticleByID(r.Context(), id)
	if err != nil {
		h.serverError(w, r, err)
		return
	}
	out, err := h.shapePosts(r, s, []*content.Article{a}, u)
	if err != nil {
		h.serverError(w, r, err)
		return
	}
	if status == http.StatusCreated {
		w.Header().Set("Location", s.api("/wp/v2/posts/"+idStr(id)))
	}
	h.writeJSON(w, r, status, out[0])
}

func (h *Handler) updatePost(w http.ResponseWriter, r *http.Request) {
	s, u, ok := h.siteAndUser(w, r)
	if !ok {
		return
	}
	id, ok := pathID(r)
	if !ok {
		h.fail(w, r, http.StatusNotFound, "rest_post_invalid_id", "Invalid post ID.")
		return
	}
	if u == nil {
		h.fail(w, r, http.StatusUnauthorized, "rest_cannot_edit", "Sorry, you are not allowed to edit this post.")
		return
	}
	a, err := h.d.Content.LoadForEdit(r.Context(), id)
	if errors.Is(err, content.ErrNotFound) {
		h.fail(w, r, http.StatusNotFound, "rest_post_invalid_id", "Invalid post ID.")
		return
	} else if err != nil {
		h.serverError(w, r, err)
		return
	}
	if !canEdit(u, a) {
		h.fail(w, r, http.StatusForbidden, "rest_cannot_edit", "Sorry, you are not allowed to edit this post.")
		return
	}
	in, errs := readPostInput(w, r)
	if in == nil {
		h.invalidParams(w, r, errs)
		return
	}
	if in.Lang != nil && *in.Lang != "" && *in.Lang != a.Edition {
		errs["lang"] = "A post stays in its edition; create a translation instead."
	}
	ed := s.set.Get(a.Edition)
	if ed == nil {
		h.serverError(w, r, fmt.Errorf("article %d has an unknown edition %q", a.ID, a.Edition))
		return
	}
	if !h.applied(w, r, u, ed, a, in, false, errs) {
		return
	}
	if err := h.d.Content.UpdateArticle(r.Context(), a, u.ID); err != nil {
		h.writeFailed(w, r, err)
		return
	}
	h.record(r.Context(), u, "article.api_update", "article", a.ID, a.Title)
	h.respondPost(w, r, s, u, a.ID, http.StatusOK)
}

// upload adds a file to the media library: the raw body with
// Content-Disposition: attachment; filename=…, or a multipart form with the
// file in "file". A refused file stores nothing.
func (h *Handler) upload(w http.ResponseWriter, r *http.Request) {
	s, u, ok := h.siteAndUser(w, r)
	if !ok {
		return
	}
	if u == nil {
		h.fail(w, r, http.StatusUnauthorized, "rest_cannot_create", "Sorry, you are not allowed to create posts as this user.")
		return
	}
	if !u.Role.Can(user.UploadMedia) {
		h.fail(w, r, http.StatusForbidden, "rest_cannot_create", "Sorry, you are not allowed to upload media on this site.")
		return
	}
	limit := h.d.Media.MaxSize
	if limit <= 0 {
		limit = 64 << 20
	}
	r.Body = http.MaxBytesReader(w, r.Body, limit+1<<20)
	up := media.Upload{UploadedBy: u.ID}
	var body io.Reader
	ct, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type"))
	q := r.URL.Query()
	meta := func(get func(string) string) {
		up.Title = strings.TrimSpace(get("title"))
		up.Alt = strings.TrimSpace(get("alt_text"))
		up.Caption = strings.TrimSpace(get("caption"))
		up.Credit = strings.TrimSpace(get("description"))
	}
	if ct == "multipart/form-data" {
		if err := r.ParseMultipartForm(8 << 20); err != nil {
			h.tooBigOr(w, r, err, "rest_upload_no_data", "No data supplied.")
			return
		}
		defer r.MultipartForm.RemoveAll()
		file, fh, err := r.FormFile("file")
		if err != nil {
			h.fail(w, r, http.StatusBadRequest, "rest_upload_no_data", "No data supplied.")
			return
		}
		defer file.Close()
		up.Filename, body = fh.Filename, file
		meta(func(name string) string {
			if v := r.FormValue(name); v != "" {
				return v
			}
			return q.Get(name)
		})
	} else {
		_, cd, err := mime.ParseMediaType(r.Header.Get("Content-Disposition"))
		if err != nil || strings.TrimSpace(cd["filename"]) == "" {
			h.fail(w, r, http.StatusBadRequest, "rest_upload_no_content_disposition", "No Content-Disposition supplied.")
			return
		}
		up.Filename, body = strings.TrimSpace(cd["filename"]), r.Body
		meta(q.Get)
	}
	// An empty body is refused before the library sees it.
	first := make([]byte, 1)
	n, err := io.ReadFull(body, first)
	if n == 0 {
		if err != nil && !errors.Is(err, io.EOF) && !errors.Is(err, io.ErrUnexpectedEOF) {
			h.tooBigOr(w, r, err, "rest_upload_no_data", "No data supplied.")
			return
		}
		h.fail(w, r, http.StatusBadRequest, "rest_upload_no_data", "No data supplied.")
		return
	}
	m, err := h.d.Media.Add(r.Context(), io.MultiReader(strings.NewReader(string(first)), body), up)
	if err != nil {
		var tooLarge *media.TooLargeError
		var maxBytes *http.MaxBytesError
		switch {
		case errors.As(err, &tooLarge) || errors.As(err, &maxBytes):
			h.fail(w, r, http.StatusRequestEntityTooLarge, "rest_upload_file_too_big", fmt.Sprintf("This file is larger than the %d MB limit.", limit>>20))
		case errors.Is(err, media.ErrUnsupported):
			h.fail(w, r, http.StatusBadRequest, "rest_upload_sideload_error", "Sorry, you are not allowed to upload this file type.")
		case strings.HasPrefix(err.Error(), "the image"):
			h.fail(w, r, http.StatusBadRequest, "rest_upload_sideload_error", "Sorry, this file could not be used: "+err.Error()+".")
		default:
			h.serverError(w, r, err)
		}
		return
	}
	h.record(r.Context(), u, "media.api_upload", "media", m.ID, m.Filename)
	w.Header().Set("Location", s.api("/wp/v2/media/"+idStr(m.ID)))
	h.writeJSON(w, r, http.StatusCreated, mediaItemJSON(s, s.ed, m))
}

func (h *Handler) tooBigOr(w http.ResponseWriter, r *http.Request, err error, code, msg string) {
	var maxBytes *http.MaxBytesError
	if errors.As(err, &maxBytes) {
		h.fail(w, r, http.StatusRequestEntityTooLarge, "rest_upload_file_too_big", "This file is larger than the upload limit.")
		return
	}
	h.fail(w, r, http.StatusBadRequest, code, msg)
}
