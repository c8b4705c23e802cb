package admin

import (
	"context"
	"net/http"
	"net/url"
	"strings"

	"github.com/masthead-news/masthead/internal/content"
	"github.com/masthead-news/masthead/internal/edition"
	"github.com/masthead-news/masthead/internal/user"
)

// Categories (with their hierarchy and translation links) and tags.

type categoryRow struct {
	content.Category
	Depth    int
	Articles int
	EditURL  string
	Versions []versionBadge
}

// versionBadge is a linked version of an item in another edition.
type versionBadge struct {
	Edition *edition.Edition
	Label   string
	URL     string
}

type categoriesData struct {
	*structPage
	Rows    []categoryRow
	Parents []linkOption
	New     content.Category
}

// categoryTree orders categories parent before children, each level by
// position and name (the order the store returns), with their depth.
func categoryTree(all []content.Category) []categoryRow {
	children := map[int64][]content.Category{}
	ids := map[int64]bool{}
	for _, c := range all {
		ids[c.ID] = true
	}
	for _, c := range all {
		p := c.ParentID
		if !ids[p] {
			p = 0 // an orphan shows at the top level
		}
		children[p] = append(children[p], c)
	}
	var out []categoryRow
	seen := map[int64]bool{}
	var walk func(parent int64, depth int)
	walk = func(parent int64, depth int) {
		for _, c := range children[parent] {
			if seen[c.ID] {
				continue
			}
			seen[c.ID] = true
			out = append(out, categoryRow{Category: c, Depth: depth, EditURL: idPath("/admin/categories/", c.ID)})
			walk(c.ID, depth+1)
		}
	}
	walk(0, 0)
	return out
}

// treeOptions labels categories with their depth, for parent selects,
// leaving out skip and everything below it.
func treeOptions(rows []categoryRow, skip int64) []linkOption {
	var out []linkOption
	skipDepth := -1
	for _, c := range rows {
		if skipDepth >= 0 {
			if c.Depth > skipDepth {
				continue
			}
			skipDepth = -1
		}
		if c.ID == skip {
			skipDepth = c.Depth
			continue
		}
		out = append(out, linkOption{ID: c.ID, Label: strings.Repeat("— ", c.Depth) + c.Name})
	}
	return out
}

func (h *Handler) categoryList(w http.ResponseWriter, r *http.Request, u *user.User) {
	if !h.allowed(w, r, u, user.ManageTaxonomy) {
		return
	}
	h.renderCategories(w, r, u, http.StatusOK, "", content.Category{}, nil)
}

func (h *Handler) renderCategories(w http.ResponseWriter, r *http.Request, u *user.User, status int, code string, fresh content.Category, fields problems) {
	ctx := r.Context()
	sp, err := h.formPage(r, u, "admin.categories.title", "taxonomy", "/admin/categories/", code, fields)
	if err != nil {
		h.serverError(w, r, u, err)
		return
	}
	sp.Sub = "categories"
	all, err := h.Content.Store.Categories(ctx, sp.Edition.Code)
	if err != nil {
		h.serverError(w, r, u, err)
		return
	}
	d := &categoriesData{structPage: sp, Rows: categoryTree(all), New: fresh}
	for i := range d.Rows {
		row := &d.Rows[i]
		if row.Articles, err = h.Content.Store.CategoryArticleCount(ctx, row.ID); err != nil {
			h.serverError(w, r, u, err)
			return
		}
		if row.Versions, err = h.categoryVersions(ctx, sp, &row.Category); err != nil {
			h.serverError(w, r, u, err)
			return
		}
	}
	d.Parents = treeOptions(d.Rows, 0)
	h.render(w, r, status, "categories.html", d)
}

// categoryVersions lists a category's linked versions in other editions.
func (h *Handler) categoryVersions(ctx context.Context, sp *structPage, c *content.Category) ([]versionBadge, error) {
	list, err := h.Content.Store.CategoryTranslations(ctx, c.TranslationGroup)
	if err != nil {
		return nil, err
	}
	return versionBadges(sp.Editions, list, c.ID, "/admin/categories/",
		func(x content.Category) (string, int64, string) { return x.Edition, x.ID, x.Name }), nil
}

func categoryForm(r *http.Request, c *content.Category) problems {
	f := r.PostForm
	c.Name = f.Get("name")
	c.Slug = f.Get("slug")
	c.Description = f.Get("description")
	c.ParentID = parseID(f.Get("parent"))
	n, ok := formInt(r, "position")
	if !ok {
		return formProblem("position", "position_number", "the position must be a whole number")
	}
	c.Position = n
	return nil
}

func (h *Handler) categoryCreate(w http.ResponseWriter, r *http.Request, u *user.User) {
	if !h.allowed(w, r, u, user.ManageTaxonomy) || !parseSmallForm(w, r) {
		return
	}
	ed := h.postedEdition(w, r, u)
	if ed == nil {
		return
	}
	c := content.Category{Edition: ed.Code}
	if h.applied(w, r, u, categoryForm(r, &c), func() error { return h.Content.SaveCategory(r.Context(), &c) }, func(f problems) {
		c.ID = 0
		h.renderCategories(w, r, u, http.StatusUnprocessableEntity, ed.Code, c, f)
	}) {
		h.recorded(w, r, u, "category.create", "category", c.ID, ed.Code+": "+c.Name, "/admin/categories/?edition="+ed.Code, "category_saved")
	}
}

type categoryData struct {
	*structPage
	C         *content.Category
	Parents   []linkOption
	Articles  int
	Children  int
	Links     []linkChoice
	PublicURL string
}

// Panel is the translation links form of the category.
func (d *categoryData) Panel() linksPanel {
	return linksPanel{P: d.page, Action: idPath("/admin/categories/", d.C.ID) + "translations", Links: d.Links}
}

func (h *Handler) categoryEdit(w http.ResponseWriter, r *http.Request, u *user.User) {
	if c, ok := loadByID(h, w, r, u, user.ManageTaxonomy, false, h.Content.Store.CategoryByID); ok {
		h.renderCategory(w, r, u, http.StatusOK, c, nil)
	}
}

func (h *Handler) renderCategory(w http.ResponseWriter, r *http.Request, u *user.User, status int, c *content.Category, fields problems) {
	ctx := r.Context()
	sp, err := h.formPage(r, u, "admin.category.title", "taxonomy", "/admin/categories/", c.Edition, fields)
	if err != nil {
		h.serverError(w, r, u, err)
		return
	}
	sp.Sub = "categories"
	all, err := h.Content.Store.Categories(ctx, c.Edition)
	if err != nil {
		h.serverError(w, r, u, err)
		return
	}
	d := &categoryData{structPage: sp, C: c, Parents: treeOptions(categoryTree(all), c.ID),
		PublicURL: sp.Edition.Path("/category/" + url.PathEscape(c.Slug) + "/")}
	for _, x := range all {
		if x.ParentID == c.ID {
			d.Children++
		}
	}
	if d.Articles, err = h.Content.Store.CategoryArticleCount(ctx, c.ID); err != nil {
		h.serverError(w, r, u, err)
		return
	}
	linked, err := h.Content.Store.CategoryTranslations(ctx, c.TranslationGroup)
	if err != nil {
		h.serverError(w, r, u, err)
		return
	}
	d.Links, err = linkChoices(sp.Editions, c.Edition, linkedIDs(linked, func(x content.Category) (string, int64) { return x.Edition, x.ID }),
		func(code string) ([]linkOption, error) {
			cats, err := h.Content.Store.Categories(ctx, code)
			return treeOptions(categoryTree(cats), 0), err
		})
	if err != nil {
		h.serverError(w, r, u, err)
		return
	}
	h.render(w, r, status, "category.html", d)
}

// loadCategory checks the role, reads the form and loads the category in
// the path.
func (h *Handler) loadCategory(w http.ResponseWriter, r *http.Request, u *user.User) (*content.Category, bool) {
	return loadByID(h, w, r, u, user.ManageTaxonomy, true, h.Content.Store.CategoryByID)
}

// refuseCategory shows the category's form again with what is wrong.
func (h *Handler) refuseCategory(w http.ResponseWriter, r *http.Request, u *user.User, c *content.Category) func(problems) {
	return func(f problems) { h.renderCategory(w, r, u, http.StatusUnprocessableEntity, c, f) }
}

func (h *Handler) categorySave(w http.ResponseWriter, r *http.Request, u *user.User) {
	c, ok := h.loadCategory(w, r, u)
	if !ok {
		return
	}
	stored := *c
	if !h.applied(w, r, u, categoryForm(r, c), func() error { return h.Content.SaveCategory(r.Context(), c) }, h.refuseCategory(w, r, u, c)) {
		return
	}
	detail := c.Edition + ": " + c.Name
	if stored.Name != c.Name {
		detail = c.Edition + ": " + stored.Name + " → " + c.Name
	}
	h.recorded(w, r, u, "category.update", "category", c.ID, detail, idPath("/admin/categories/", c.ID), "category_saved")
}

func (h *Handler) categoryLink(w http.ResponseWriter, r *http.Request, u *user.User) {
	c, ok := h.loadCategory(w, r, u)
	if !ok {
		return
	}
	if h.applied(w, r, u, nil, func() error { return h.Content.LinkCategory(r.Context(), c.ID, formIDs(r, "version")) }, h.refuseCategory(w, r, u, c)) {
		h.recorded(w, r, u, "category.translations", "category", c.ID, c.Edition+": "+c.Name, idPath("/admin/categories/", c.ID), "links_saved")
	}
}

func (h *Handler) categoryDelete(w http.ResponseWriter, r *http.Request, u *user.User) {
	c, ok := h.loadCategory(w, r, u)
	if !ok {
		return
	}
	if h.applied(w, r, u, nil, func() error { return h.Content.DeleteCategory(r.Context(), c.ID) }, h.refuseCategory(w, r, u, c)) {
		h.recorded(w, r, u, "category.delete", "category", c.ID, c.Edition+": "+c.Name, "/admin/categories/?edition="+c.Edition, "category_deleted")
	}
}

// ---- Tags ----

type tagsData struct {
	*structPage
	Tags    []content.TagUse
	Editing int64 // the tag whose row shows an error
}

func (h *Handler) tagList(w http.ResponseWriter, r *http.Request, u *user.User) {
	if !h.allowed(w, r, u, user.ManageTaxonomy) {
		return
	}
	h.renderTags(w, r, u, http.StatusOK, "", 0, nil)
}

func (h *Handler) renderTags(w http.ResponseWriter, r *http.Request, u *user.User, status int, code string, editing int64, fields problems) {
	sp, err := h.formPage(r, u, "admin.tags.title", "taxonomy", "/admin/tags/", code, fields)
	if err != nil {
		h.serverError(w, r, u, err)
		return
	}
	sp.Sub = "tags"
	d := &tagsData{structPage: sp, Editing: editing}
	if d.Tags, err = h.Content.Store.Tags(r.Context(), sp.Edition.Code); err != nil {
		h.serverError(w, r, u, err)
		return
	}
	h.render(w, r, status, "tags.html", d)
}

// refuseTag shows the tag list again with what is wrong on the tag's row.
func (h *Handler) refuseTag(w http.ResponseWriter, r *http.Request, u *user.User, t *content.TagUse) func(problems) {
	return func(f problems) { h.renderTags(w, r, u, http.StatusUnprocessableEntity, t.Edition, t.ID, f) }
}

func (h *Handler) tagRename(w http.ResponseWriter, r *http.Request, u *user.User) {
	t, ok := loadByID(h, w, r, u, user.ManageTaxonomy, true, h.Content.Store.TagByID)
	if !ok {
		return
	}
	var nt *content.Tag
	rename := func() (err error) {
		nt, err = h.Content.RenameTag(r.Context(), t.ID, r.PostForm.Get("name"), r.PostForm.Get("slug"))
		return err
	}
	if h.applied(w, r, u, nil, rename, h.refuseTag(w, r, u, t)) {
		h.recorded(w, r, u, "tag.update", "tag", t.ID, t.Edition+": "+t.Name+" → "+nt.Name, "/admin/tags/?edition="+t.Edition, "tag_saved")
	}
}

func (h *Handler) tagDelete(w http.ResponseWriter, r *http.Request, u *user.User) {
	t, ok := loadByID(h, w, r, u, user.ManageTaxonomy, true, h.Content.Store.TagByID)
	if !ok {
		return
	}
	if h.applied(w, r, u, nil, func() error { return h.Content.DeleteTag(r.Context(), t.ID) }, h.refuseTag(w, r, u, t)) {
		h.recorded(w, r, u, "tag.delete", "tag", t.ID, t.Edition+": "+t.Name, "/admin/tags/?edition="+t.Edition, "tag_deleted")
	}
}

func (h *Handler) tagMerge(w http.ResponseWriter, r *http.Request, u *user.User) {
	if !h.allowed(w, r, u, user.ManageTaxonomy) || !parseSmallForm(w, r) {
		return
	}
	from, into := parseID(r.PostForm.Get("from")), parseID(r.PostForm.Get("into"))
	code := r.PostForm.Get("edition")
	var fromTag, intoTag *content.TagUse
	var err error
	if fromTag, err = h.Content.Store.TagByID(r.Context(), from); err == nil {
		code = fromTag.Edition
		intoTag, err = h.Content.Store.TagByID(r.Context(), into)
	}
	if err == nil {
		err = h.Content.MergeTags(r.Context(), from, into)
	} else if from == 0 || into == 0 {
		err = h.Content.MergeTags(r.Context(), from, into) // refuses with a message
	}
	if h.applied(w, r, u, nil, func() error { return err }, func(f problems) { h.renderTags(w, r, u, http.StatusUnprocessableEntity, code, 0, f) }) {
		h.recorded(w, r, u, "tag.merge", "tag", into, fromTag.Edition+": "+fromTag.Name+" → "+intoTag.Name, "/admin/tags/?edition="+code, "tags_merged")
	}
}
