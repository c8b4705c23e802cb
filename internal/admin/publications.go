package admin

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/masthead-news/masthead/internal/content"
	"github.com/masthead-news/masthead/internal/edition"
	"github.com/masthead-news/masthead/internal/media"
	"github.com/masthead-news/masthead/internal/publication"
	"github.com/masthead-news/masthead/internal/user"
)

// Publications per edition: books, and series with their numbered issues.
// Editors and administrators (user.ManagePages) write, publish, link to the
// versions in other editions and delete them; every change goes through
// publication.Service and into the audit log.

func (h *Handler) publicationRoutes(m *http.ServeMux) {
	if h.Publications == nil {
		return
	}
	m.HandleFunc("GET /admin/publications/{$}", h.signedIn(h.pubList))
	m.HandleFunc("GET /admin/publications/books/new", h.signedIn(h.bookNew))
	m.HandleFunc("POST /admin/publications/books/new", h.signedIn(h.bookSave))
	m.HandleFunc("GET /admin/publications/books/{id}/{$}", h.signedIn(h.bookEdit))
	m.HandleFunc("POST /admin/publications/books/{id}/{$}", h.signedIn(h.bookSave))
	m.HandleFunc("POST /admin/publications/books/{id}/translations", h.signedIn(h.bookLink))
	m.HandleFunc("POST /admin/publications/books/{id}/delete", h.signedIn(h.bookDelete))
	m.HandleFunc("GET /admin/publications/series/new", h.signedIn(h.seriesNew))
	m.HandleFunc("POST /admin/publications/series/new", h.signedIn(h.seriesSave))
	m.HandleFunc("GET /admin/publications/series/{id}/{$}", h.signedIn(h.seriesEdit))
	m.HandleFunc("POST /admin/publications/series/{id}/{$}", h.signedIn(h.seriesSave))
	m.HandleFunc("POST /admin/publications/series/{id}/translations", h.signedIn(h.seriesLink))
	m.HandleFunc("POST /admin/publications/series/{id}/delete", h.signedIn(h.seriesDelete))
	m.HandleFunc("GET /admin/publications/issues/new", h.signedIn(h.issueNew))
	m.HandleFunc("POST /admin/publications/issues/new", h.signedIn(h.issueSave))
	m.HandleFunc("GET /admin/publications/issues/{id}/{$}", h.signedIn(h.issueEdit))
	m.HandleFunc("POST /admin/publications/issues/{id}/{$}", h.signedIn(h.issueSave))
	m.HandleFunc("POST /admin/publications/issues/{id}/translations", h.signedIn(h.issueLink))
	m.HandleFunc("POST /admin/publications/issues/{id}/delete", h.signedIn(h.issueDelete))
}

// pubFile is a cover or PDF as the lists show it.
type pubFile struct {
	URL       string // the library item's edit screen
	Label     string
	Downloads string // for PDFs
}

type bookRow struct {
	*publication.Book
	EditURL  string
	PDF      *pubFile
	Versions []versionBadge
}

type seriesRow struct {
	*publication.Series
	EditURL  string
	Issues   string
	Versions []versionBadge
}

type pubListData struct {
	*structPage
	Books  []bookRow
	Series []seriesRow
}

// pdfFile describes a PDF with its download count.
func (h *Handler) pdfFile(ctx context.Context, p *page, m *media.Media) (*pubFile, error) {
	if m == nil {
		return nil, nil
	}
	counts, err := h.Media.Store.DownloadCounts(ctx, []int64{m.ID})
	if err != nil {
		return nil, err
	}
	label := m.Title
	if label == "" {
		label = m.Filename
	}
	return &pubFile{URL: idPath("/admin/media/", m.ID), Label: label, Downloads: p.L.N("admin.media.downloads", int(counts[m.ID]))}, nil
}

func (h *Handler) pubList(w http.ResponseWriter, r *http.Request, u *user.User) {
	if !h.allowed(w, r, u, user.ManagePages) {
		return
	}
	ctx := r.Context()
	sp, err := h.newStructPage(r, u, "admin.pubs.title", "publications", "/admin/publications/", "")
	if err != nil {
		h.serverError(w, r, u, err)
		return
	}
	st := h.Publications.Store
	d := &pubListData{structPage: sp}
	books, err := st.Books(ctx, publication.BookFilter{Edition: sp.Edition.Code})
	if err != nil {
		h.serverError(w, r, u, err)
		return
	}
	for _, b := range books {
		row := bookRow{Book: b, EditURL: idPath("/admin/publications/books/", b.ID)}
		if row.PDF, err = h.pdfFile(ctx, sp.page, b.PDF); err != nil {
			h.serverError(w, r, u, err)
			return
		}
		group, err := st.BookTranslations(ctx, b.TranslationGroup)
		if err != nil {
			h.serverError(w, r, u, err)
			return
		}
		row.Versions = versionBadges(sp.Editions, group, b.ID, "/admin/publications/books/",
			func(x *publication.Book) (string, int64, string) { return x.Edition, x.ID, x.Title })
		d.Books = append(d.Books, row)
	}
	series, err := st.SeriesList(ctx, sp.Edition.Code)
	if err != nil {
		h.serverError(w, r, u, err)
		return
	}
	for _, se := range series {
		n, err := st.CountIssues(ctx, se.ID, false)
		if err != nil {
			h.serverError(w, r, u, err)
			return
		}
		row := seriesRow{Series: se, EditURL: idPath("/admin/publications/series/", se.ID), Issues: sp.L.N("admin.pubs.issue_count", n)}
		group, err := st.SeriesTranslations(ctx, se.TranslationGroup)
		if err != nil {
			h.serverError(w, r, u, err)
			return
		}
		row.Versions = versionBadges(sp.Editions, group, se.ID, "/admin/publications/series/",
			func(x *publication.Series) (string, int64, string) { return x.Edition, x.ID, x.Title })
		d.Series = append(d.Series, row)
	}
	h.render(w, r, http.StatusOK, "publications.html", d)
}

// fileChoices are the library items a cover or PDF may be picked from.
type fileChoices struct {
	Images []linkOption
	PDFs   []linkOption
}

func (h *Handler) fileChoices(ctx context.Context) (fileChoices, error) {
	var fc fileChoices
	imgs, err := h.Media.Store.ListMedia(ctx, media.Filter{Kind: "image", Limit: 200})
	if err != nil {
		return fc, err
	}
	for _, m := range imgs {
		fc.Images = append(fc.Images, linkOption{ID: m.ID, Label: mediaLabel(m)})
	}
	docs, err := h.Media.Store.ListMedia(ctx, media.Filter{Kind: "document", Limit: 200})
	if err != nil {
		return fc, err
	}
	for _, m := range docs {
		if m.MIME == "application/pdf" {
			fc.PDFs = append(fc.PDFs, linkOption{ID: m.ID, Label: mediaLabel(m)})
		}
	}
	return fc, nil
}

func mediaLabel(m *media.Media) string {
	if m.Title != "" {
		return m.Title + " (" + m.Filename + ")"
	}
	return m.Filename
}

// ---- Books ----

type bookEditData struct {
	*structPage
	B         *publication.Book
	IsNew     bool
	Action    string
	PublicURL string
	Files     fileChoices
	PDF       *pubFile
	Links     []linkChoice
}

// Panel is the translation links form of the book.
func (d *bookEditData) Panel() linksPanel {
	return linksPanel{P: d.page, Action: idPath("/admin/publications/books/", d.B.ID) + "translations", Links: d.Links}
}

func (h *Handler) bookNew(w http.ResponseWriter, r *http.Request, u *user.User) {
	if !h.allowed(w, r, u, user.ManagePages) {
		return
	}
	h.renderBook(w, r, u, http.StatusOK, &publication.Book{Status: publication.Draft, Edition: r.URL.Query().Get("edition")}, nil)
}

func (h *Handler) bookEdit(w http.ResponseWriter, r *http.Request, u *user.User) {
	if b, ok := loadByID(h, w, r, u, user.ManagePages, false, h.Publications.Store.BookByID); ok {
		h.renderBook(w, r, u, http.StatusOK, b, nil)
	}
}

func (h *Handler) renderBook(w http.ResponseWriter, r *http.Request, u *user.User, status int, b *publication.Book, fields problems) {
	ctx := r.Context()
	sp, err := h.formPage(r, u, newOrEdit(b.ID, "admin.pubs.book_new", "admin.pubs.book_edit"), "publications", "/admin/publications/", b.Edition, fields)
	if err != nil {
		h.serverError(w, r, u, err)
		return
	}
	b.Edition = sp.Edition.Code
	d := &bookEditData{structPage: sp, B: b, IsNew: b.ID == 0, Action: "/admin/publications/books/new"}
	if d.Files, err = h.fileChoices(ctx); err != nil {
		h.serverError(w, r, u, err)
		return
	}
	if !d.IsNew {
		d.Action = idPath("/admin/publications/books/", b.ID)
		if b.Status == publication.Published {
			d.PublicURL = sp.Edition.Path("/publications/books/" + url.PathEscape(b.Slug) + "/")
		}
		if stored, err := h.Publications.Store.BookByID(ctx, b.ID); err == nil {
			if d.PDF, err = h.pdfFile(ctx, sp.page, stored.PDF); err != nil {
				h.serverError(w, r, u, err)
				return
			}
		}
		linked, err := h.Publications.Store.BookTranslations(ctx, b.TranslationGroup)
		if err != nil {
			h.serverError(w, r, u, err)
			return
		}
		d.Links, err = linkChoices(sp.Editions, b.Edition, linkedIDs(linked, func(x *publication.Book) (string, int64) { return x.Edition, x.ID }),
			func(code string) ([]linkOption, error) {
				list, err := h.Publications.Store.Books(ctx, publication.BookFilter{Edition: code})
				return options(list, err, func(x *publication.Book) linkOption { return linkOption{ID: x.ID, Label: x.Title} })
			})
		if err != nil {
			h.serverError(w, r, u, err)
			return
		}
	}
	h.render(w, r, status, "publication_book.html", d)
}

// statusFrom reads the pressed button.
func statusFrom(r *http.Request, current publication.Status) (publication.Status, problems) {
	switch r.PostForm.Get("action") {
	case "publish":
		return publication.Published, nil
	case "draft", "unpublish":
		return publication.Draft, nil
	case "", "save":
		if current == "" {
			return publication.Draft, nil
		}
		return current, nil
	}
	return current, formProblem("action", "unknown_action", "unknown action")
}

func (h *Handler) bookSave(w http.ResponseWriter, r *http.Request, u *user.User) {
	b, ok := loadOrFresh(h, w, r, u, user.ManagePages, h.Publications.Store.BookByID,
		func() *publication.Book { return &publication.Book{Edition: r.PostForm.Get("edition")} })
	if !ok {
		return
	}
	ctx := r.Context()
	f := r.PostForm
	b.Title, b.Slug, b.Author, b.ISBN, b.Language = f.Get("title"), f.Get("slug"), f.Get("author"), f.Get("isbn"), strings.TrimSpace(f.Get("language"))
	b.Description, b.PurchaseURL = f.Get("description"), strings.TrimSpace(f.Get("purchase_url"))
	b.CoverID, b.PDFID = parseID(f.Get("cover")), parseID(f.Get("pdf"))
	var fields problems
	year, ok := formInt(r, "year")
	if !ok {
		fields = formProblem("year", "pub_year_number", "the year must be a whole number")
	}
	b.Year = year
	if fields == nil {
		b.Status, fields = statusFrom(r, b.Status)
	}
	if fields == nil {
		if bad := content.ActiveContent(b.Description); bad != "" {
			fields = formProblem("description", "active_content", "the text contains code that pages may not run (%q): remove it", strings.TrimSpace(bad))
		}
	}
	h.savePublication(w, r, u, fields, "book", "/admin/publications/books/", &b.ID,
		func() error { return h.Publications.SaveBook(ctx, b) },
		func(f problems) { h.renderBook(w, r, u, http.StatusUnprocessableEntity, b, f) },
		func() string { return b.Edition + ": " + b.Title })
}

// savePublication ends the save of a book, series or issue: unless the form
// already has problems it saves; then it shows the form again with what is
// wrong (a new item keeps no id), or records the change in the audit log and
// returns to the item's screen.
func (h *Handler) savePublication(w http.ResponseWriter, r *http.Request, u *user.User, fields problems,
	kind, base string, id *int64, save func() error, render func(problems), label func() string) {
	isNew := *id == 0
	if h.applied(w, r, u, fields, save, func(f problems) {
		if isNew {
			*id = 0
		}
		render(f)
	}) {
		h.recorded(w, r, u, createOrUpdate(kind, isNew), kind, *id, label(), idPath(base, *id), "pub_saved")
	}
}

// finishPublicationLinks ends the saving of a publication's translation
// links: a refusal shows the form again, success is audited.
func (h *Handler) finishPublicationLinks(w http.ResponseWriter, r *http.Request, u *user.User, err error,
	kind, base string, id int64, render func(problems), label string) {
	if h.applied(w, r, u, nil, func() error { return err }, render) {
		h.recorded(w, r, u, kind+".translations", kind, id, label, idPath(base, id), "links_saved")
	}
}

func (h *Handler) bookLink(w http.ResponseWriter, r *http.Request, u *user.User) {
	b, ok := loadByID(h, w, r, u, user.ManagePages, true, h.Publications.Store.BookByID)
	if !ok {
		return
	}
	err := h.Publications.LinkBook(r.Context(), b.ID, formIDs(r, "version"))
	h.finishPublicationLinks(w, r, u, err, "book", "/admin/publications/books/", b.ID,
		func(f problems) { h.renderBook(w, r, u, http.StatusUnprocessableEntity, b, f) }, b.Edition+": "+b.Title)
}

func (h *Handler) bookDelete(w http.ResponseWriter, r *http.Request, u *user.User) {
	b, ok := loadByID(h, w, r, u, user.ManagePages, true, h.Publications.Store.BookByID)
	if !ok {
		return
	}
	if h.applied(w, r, u, nil, func() error { return h.Publications.DeleteBook(r.Context(), b.ID) }, nil) {
		h.recorded(w, r, u, "book.delete", "book", b.ID, b.Edition+": "+b.Title, "/admin/publications/?edition="+b.Edition, "pub_deleted")
	}
}

// ---- Series ----

type issueRow struct {
	*publication.Issue
	EditURL string
	Label   string
	Date    string
	PDF     *pubFile
}

type seriesEditData struct {
	*structPage
	S         *publication.Series
	IsNew     bool
	Action    string
	PublicURL string
	Issues    []issueRow
	Links     []linkChoice
}

// Panel is the translation links form of the series.
func (d *seriesEditData) Panel() linksPanel {
	return linksPanel{P: d.page, Action: idPath("/admin/publications/series/", d.S.ID) + "translations", Links: d.Links}
}

func (h *Handler) seriesNew(w http.ResponseWriter, r *http.Request, u *user.User) {
	if !h.allowed(w, r, u, user.ManagePages) {
		return
	}
	h.renderSeries(w, r, u, http.StatusOK, &publication.Series{Edition: r.URL.Query().Get("edition")}, nil)
}

func (h *Handler) seriesEdit(w http.ResponseWriter, r *http.Request, u *user.User) {
	if se, ok := loadByID(h, w, r, u, user.ManagePages, false, h.Publications.Store.SeriesByID); ok {
		h.renderSeries(w, r, u, http.StatusOK, se, nil)
	}
}

func (h *Handler) renderSeries(w http.ResponseWriter, r *http.Request, u *user.User, status int, se *publication.Series, fields problems) {
	ctx := r.Context()
	sp, err := h.formPage(r, u, newOrEdit(se.ID, "admin.pubs.series_new", "admin.pubs.series_edit"), "publications", "/admin/publications/", se.Edition, fields)
	if err != nil {
		h.serverError(w, r, u, err)
		return
	}
	se.Edition = sp.Edition.Code
	d := &seriesEditData{structPage: sp, S: se, IsNew: se.ID == 0, Action: "/admin/publications/series/new"}
	if !d.IsNew {
		d.Action = idPath("/admin/publications/series/", se.ID)
		d.PublicURL = sp.Edition.Path("/publications/" + url.PathEscape(se.Slug) + "/")
		issues, err := h.Publications.Store.Issues(ctx, se.ID, false, 500, 0)
		if err != nil {
			h.serverError(w, r, u, err)
			return
		}
		for _, is := range issues {
			row := issueRow{Issue: is, EditURL: idPath("/admin/publications/issues/", is.ID), Label: sp.L.Digits(strconv.Itoa(is.Number)), Date: sp.L.Date(is.Date)}
			if row.PDF, err = h.pdfFile(ctx, sp.page, is.PDF); err != nil {
				h.serverError(w, r, u, err)
				return
			}
			d.Issues = append(d.Issues, row)
		}
		linked, err := h.Publications.Store.SeriesTranslations(ctx, se.TranslationGroup)
		if err != nil {
			h.serverError(w, r, u, err)
			return
		}
		d.Links, err = linkChoices(sp.Editions, se.Edition, linkedIDs(linked, func(x *publication.Series) (string, int64) { return x.Edition, x.ID }),
			func(code string) ([]linkOption, error) {
				list, err := h.Publications.Store.SeriesList(ctx, code)
				return options(list, err, func(x *publication.Series) linkOption { return linkOption{ID: x.ID, Label: x.Title} })
			})
		if err != nil {
			h.serverError(w, r, u, err)
			return
		}
	}
	h.render(w, r, status, "publication_series.html", d)
}

func (h *Handler) seriesSave(w http.ResponseWriter, r *http.Request, u *user.User) {
	se, ok := loadOrFresh(h, w, r, u, user.ManagePages, h.Publications.Store.SeriesByID,
		func() *publication.Series { return &publication.Series{Edition: r.PostForm.Get("edition")} })
	if !ok {
		return
	}
	ctx := r.Context()
	f := r.PostForm
	se.Title, se.Slug, se.Description = f.Get("title"), f.Get("slug"), f.Get("description")
	var fields problems
	pos, ok := formInt(r, "position")
	if !ok {
		fields = formProblem("position", "pub_position", "the position must be a whole number")
	}
	se.Position = pos
	h.savePublication(w, r, u, fields, "series", "/admin/publications/series/", &se.ID,
		func() error { return h.Publications.SaveSeries(ctx, se) },
		func(f problems) { h.renderSeries(w, r, u, http.StatusUnprocessableEntity, se, f) },
		func() string { return se.Edition + ": " + se.Title })
}

func (h *Handler) seriesLink(w http.ResponseWriter, r *http.Request, u *user.User) {
	se, ok := loadByID(h, w, r, u, user.ManagePages, true, h.Publications.Store.SeriesByID)
	if !ok {
		return
	}
	err := h.Publications.LinkSeries(r.Context(), se.ID, formIDs(r, "version"))
	h.finishPublicationLinks(w, r, u, err, "series", "/admin/publications/series/", se.ID,
		func(f problems) { h.renderSeries(w, r, u, http.StatusUnprocessableEntity, se, f) }, se.Edition+": "+se.Title)
}

func (h *Handler) seriesDelete(w http.ResponseWriter, r *http.Request, u *user.User) {
	se, ok := loadByID(h, w, r, u, user.ManagePages, true, h.Publications.Store.SeriesByID)
	if !ok {
		return
	}
	if h.applied(w, r, u, nil, func() error { return h.Publications.DeleteSeries(r.Context(), se.ID) },
		func(f problems) { h.renderSeries(w, r, u, http.StatusConflict, se, f) }) {
		h.recorded(w, r, u, "series.delete", "series", se.ID, se.Edition+": "+se.Title, "/admin/publications/?edition="+se.Edition, "pub_deleted")
	}
}

// ---- Issues ----

type issueEditData struct {
	*structPage
	I         *publication.Issue
	Series    *publication.Series
	IsNew     bool
	Action    string
	PublicURL string
	DateValue string // yyyy-mm-dd for <input type="date">
	Files     fileChoices
	Articles  []linkOption
	PDF       *pubFile
	Links     []linkChoice
}

// Panel is the translation links form of the issue.
func (d *issueEditData) Panel() linksPanel {
	return linksPanel{P: d.page, Action: idPath("/admin/publications/issues/", d.I.ID) + "translations", Links: d.Links}
}

func (h *Handler) issueNew(w http.ResponseWriter, r *http.Request, u *user.User) {
	if !h.allowed(w, r, u, user.ManagePages) {
		return
	}
	ctx := r.Context()
	se, err := h.Publications.Store.SeriesByID(ctx, parseID(r.URL.Query().Get("series")))
	if err != nil {
		h.notFoundOr(w, r, u, err)
		return
	}
	next := 1
	if last, err := h.Publications.Store.Issues(ctx, se.ID, false, 1, 0); err == nil && len(last) > 0 {
		next = last[0].Number + 1
	}
	h.renderIssue(w, r, u, http.StatusOK, &publication.Issue{SeriesID: se.ID, Number: next, Date: h.Now().UTC(), Status: publication.Draft}, nil)
}

func (h *Handler) issueEdit(w http.ResponseWriter, r *http.Request, u *user.User) {
	if is, ok := loadByID(h, w, r, u, user.ManagePages, false, h.Publications.Store.IssueByID); ok {
		h.renderIssue(w, r, u, http.StatusOK, is, nil)
	}
}

func (h *Handler) renderIssue(w http.ResponseWriter, r *http.Request, u *user.User, status int, is *publication.Issue, fields problems) {
	ctx := r.Context()
	se, err := h.Publications.Store.SeriesByID(ctx, is.SeriesID)
	if err != nil {
		h.notFoundOr(w, r, u, err)
		return
	}
	sp, err := h.formPage(r, u, newOrEdit(is.ID, "admin.pubs.issue_new", "admin.pubs.issue_edit"), "publications", "/admin/publications/", se.Edition, fields)
	if err != nil {
		h.serverError(w, r, u, err)
		return
	}
	d := &issueEditData{structPage: sp, I: is, Series: se, IsNew: is.ID == 0, Action: "/admin/publications/issues/new"}
	if !is.Date.IsZero() {
		d.DateValue = is.Date.Format(time.DateOnly)
	}
	if d.Files, err = h.fileChoices(ctx); err != nil {
		h.serverError(w, r, u, err)
		return
	}
	arts, err := h.Content.Store.ListArticles(ctx, content.ArticleFilter{Edition: se.Edition, Status: content.Published, Limit: 100})
	if err != nil {
		h.serverError(w, r, u, err)
		return
	}
	for _, a := range arts {
		d.Articles = append(d.Articles, linkOption{ID: a.ID, Label: a.Title})
	}
	if !d.IsNew {
		d.Action = idPath("/admin/publications/issues/", is.ID)
		if is.Status == publication.Published {
			d.PublicURL = sp.Edition.Path(fmt.Sprintf("/publications/%s/%d/", url.PathEscape(se.Slug), is.Number))
		}
		if stored, err := h.Publications.Store.IssueByID(ctx, is.ID); err == nil {
			if d.PDF, err = h.pdfFile(ctx, sp.page, stored.PDF); err != nil {
				h.serverError(w, r, u, err)
				return
			}
		}
		linked, err := h.Publications.Store.IssueTranslations(ctx, is.TranslationGroup)
		if err != nil {
			h.serverError(w, r, u, err)
			return
		}
		editionOf := map[int64]string{}
		for _, x := range linked {
			if xs, err := h.Publications.Store.SeriesByID(ctx, x.SeriesID); err == nil {
				editionOf[x.ID] = xs.Edition
			}
		}
		d.Links, err = linkChoices(sp.Editions, se.Edition, linkedIDs(linked, func(x *publication.Issue) (string, int64) { return editionOf[x.ID], x.ID }),
			func(code string) ([]linkOption, error) {
				list, err := h.Publications.Store.SeriesList(ctx, code)
				if err != nil {
					return nil, err
				}
				var opts []linkOption
				for _, s := range list {
					issues, err := h.Publications.Store.Issues(ctx, s.ID, false, 500, 0)
					if err != nil {
						return nil, err
					}
					for _, x := range issues {
						opts = append(opts, linkOption{ID: x.ID, Label: s.Title + " " + sp.L.T("pub.issue_number", strconv.Itoa(x.Number))})
					}
				}
				return opts, nil
			})
		if err != nil {
			h.serverError(w, r, u, err)
			return
		}
	}
	h.render(w, r, status, "publication_issue.html", d)
}

func (h *Handler) issueSave(w http.ResponseWriter, r *http.Request, u *user.User) {
	is, ok := loadOrFresh(h, w, r, u, user.ManagePages, h.Publications.Store.IssueByID,
		func() *publication.Issue { return &publication.Issue{SeriesID: parseID(r.PostForm.Get("series"))} })
	if !ok {
		return
	}
	ctx := r.Context()
	if is.ID == 0 {
		if _, err := h.Publications.Store.SeriesByID(ctx, is.SeriesID); err != nil {
			h.notFoundOr(w, r, u, err)
			return
		}
	}
	f := r.PostForm
	is.Title, is.Summary, is.Contents = f.Get("title"), f.Get("summary"), strings.ReplaceAll(f.Get("contents"), "\r\n", "\n")
	is.CoverID, is.PDFID, is.ArticleIDs = parseID(f.Get("cover")), parseID(f.Get("pdf")), formIDs(r, "articles")
	var fields problems
	n, ok := formInt(r, "number")
	if !ok {
		fields = formProblem("number", "pub_number", "the issue number must be a whole number from 1")
	}
	is.Number = n
	is.Date = time.Time{}
	if raw := strings.TrimSpace(f.Get("date")); raw != "" {
		t, err := time.Parse(time.DateOnly, raw)
		if err != nil && fields == nil {
			fields = formProblem("date", "pub_date", "give the date of the issue")
		}
		is.Date = t
	}
	if fields == nil {
		is.Status, fields = statusFrom(r, is.Status)
	}
	h.savePublication(w, r, u, fields, "issue", "/admin/publications/issues/", &is.ID,
		func() error { return h.Publications.SaveIssue(ctx, is) },
		func(f problems) { h.renderIssue(w, r, u, http.StatusUnprocessableEntity, is, f) },
		func() string { return fmt.Sprintf("series %d, no. %d", is.SeriesID, is.Number) })
}

func (h *Handler) issueLink(w http.ResponseWriter, r *http.Request, u *user.User) {
	is, ok := loadByID(h, w, r, u, user.ManagePages, true, h.Publications.Store.IssueByID)
	if !ok {
		return
	}
	err := h.Publications.LinkIssue(r.Context(), is.ID, formIDs(r, "version"))
	h.finishPublicationLinks(w, r, u, err, "issue", "/admin/publications/issues/", is.ID,
		func(f problems) { h.renderIssue(w, r, u, http.StatusUnprocessableEntity, is, f) }, fmt.Sprintf("series %d, no. %d", is.SeriesID, is.Number))
}

func (h *Handler) issueDelete(w http.ResponseWriter, r *http.Request, u *user.User) {
	is, ok := loadByID(h, w, r, u, user.ManagePages, true, h.Publications.Store.IssueByID)
	if !ok {
		return
	}
	if h.applied(w, r, u, nil, func() error { return h.Publications.DeleteIssue(r.Context(), is.ID) }, nil) {
		h.recorded(w, r, u, "issue.delete", "issue", is.ID, fmt.Sprintf("series %d, no. %d", is.SeriesID, is.Number),
			idPath("/admin/publications/series/", is.SeriesID), "pub_deleted")
	}
}

// pubFileSelect is the data of the "pub-file-select" template: a choice of
// one library item for a field.
type pubFileSelect struct {
	P        *page
	Name     string
	Label    string
	Options  []linkOption
	Selected int64
}

// pubHead is the data of the "pub-head" template: the screen's heading
// with the way back and the public page.
type pubHead struct {
	P                          *page
	Back, BackLabel, PublicURL string
}

// pubTitleSlug is the data of the "pub-title-slug" template.
type pubTitleSlug struct {
	P           *page
	Edition     *edition.Edition
	Title, Slug string
	Max         int // the title's length
}

// pubPublish is the data of the "pub-publish" template: the edition,
// status, PDF and the save and publish buttons of form FormID.
type pubPublish struct {
	P        *page
	Edition  *edition.Edition
	Status   string
	FormID   string
	PDF      *pubFile
	ErrField string // a field whose refusal shows in the panel
}

// pubItemPanels is the data of the "pub-links-delete" template: the
// translation links and the delete form of a saved item.
type pubItemPanels struct {
	Links   linksPanel
	Action  string // the delete URL
	Hint    string // catalog key of the delete hint
	Confirm string // the name the confirmation question shows
}

// listHead is the heading of a screen whose way back is the edition's
// publication list.
func (sp *structPage) listHead(publicURL string) pubHead {
	return pubHead{sp.page, "/admin/publications/?edition=" + sp.Edition.Code, sp.T("admin.structure.back"), publicURL}
}

// The parts of the book screen.
func (d *bookEditData) Head() pubHead { return d.listHead(d.PublicURL) }
func (d *bookEditData) TitleSlug() pubTitleSlug {
	return pubTitleSlug{d.page, d.Edition, d.B.Title, d.B.Slug, 300}
}
func (d *bookEditData) CoverSelect() pubFileSelect {
	return pubFileSelect{d.page, "cover", d.T("admin.pubs.cover"), d.Files.Images, d.B.CoverID}
}
func (d *bookEditData) PDFSelect() pubFileSelect {
	return pubFileSelect{d.page, "pdf", "PDF", d.Files.PDFs, d.B.PDFID}
}
func (d *bookEditData) Publish() pubPublish {
	return pubPublish{d.page, d.Edition, string(d.B.Status), "book-form", d.PDF, "status"}
}
func (d *bookEditData) ItemPanels() pubItemPanels {
	return pubItemPanels{d.Panel(), idPath("/admin/publications/books/", d.B.ID) + "delete", "admin.pubs.delete_hint", d.B.Title}
}

// The parts of the series screen.
func (d *seriesEditData) Head() pubHead { return d.listHead(d.PublicURL) }
func (d *seriesEditData) TitleSlug() pubTitleSlug {
	return pubTitleSlug{d.page, d.Edition, d.S.Title, d.S.Slug, 200}
}
func (d *seriesEditData) ItemPanels() pubItemPanels {
	return pubItemPanels{d.Panel(), idPath("/admin/publications/series/", d.S.ID) + "delete", "admin.pubs.series_delete_hint", d.S.Title}
}

// The parts of the issue screen, whose way back is its series.
func (d *issueEditData) Head() pubHead {
	return pubHead{d.page, idPath("/admin/publications/series/", d.Series.ID), d.Series.Title, d.PublicURL}
}
func (d *issueEditData) CoverSelect() pubFileSelect {
	return pubFileSelect{d.page, "cover", d.T("admin.pubs.cover"), d.Files.Images, d.I.CoverID}
}
func (d *issueEditData) PDFSelect() pubFileSelect {
	return pubFileSelect{d.page, "pdf", "PDF", d.Files.PDFs, d.I.PDFID}
}
func (d *issueEditData) Publish() pubPublish {
	return pubPublish{d.page, d.Edition, string(d.I.Status), "issue-form", d.PDF, "series"}
}
func (d *issueEditData) ItemPanels() pubItemPanels {
	return pubItemPanels{d.Panel(), idPath("/admin/publications/issues/", d.I.ID) + "delete", "admin.pubs.delete_hint", d.Title}
}
