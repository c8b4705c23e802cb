package admin

import (
	"context"
	"fmt"
	"net/http"
	"strings"

	"github.com/masthead-news/masthead/internal/content"
	"github.com/masthead-news/masthead/internal/edition"
	"github.com/masthead-news/masthead/internal/user"
)

// The menu editor: an edition's nested menu as a list with buttons to move
// each item up, down, into the item above or out of its group; forms to
// add, change and delete items; and links between an item and its
// counterparts in other editions' menus. The public site reads the menu on
// every request (through the page cache, which the write invalidates), so
// a change shows on the next page view.

type menuRow struct {
	*content.MenuItem
	Depth    int
	Display  string // the label, or the edition's name for an unlabelled edition link
	Lang     string // set for edition links, whose label is in their own language
	First    bool
	Last     bool
	EditURL  string
	Versions []versionBadge
}

type menuData struct {
	*structPage
	Rows      []menuRow
	Parents   []linkOption
	New       *content.MenuItem
	PublicURL string
}

// menuItemForm is the data of the "menu-fields" template.
type menuItemForm struct {
	P        *page
	It       *content.MenuItem
	Parents  []linkOption
	Edition  *edition.Edition
	Editions []*edition.Edition // the editions an edition link can go to
}

// ItemForm gives the fields of a menu item form.
func (sp *structPage) ItemForm(it *content.MenuItem, parents []linkOption) menuItemForm {
	f := menuItemForm{P: sp.page, It: it, Parents: parents, Edition: sp.Edition}
	for _, e := range sp.Editions {
		if e.Code != sp.Edition.Code {
			f.Editions = append(f.Editions, e)
		}
	}
	return f
}

// flattenMenu lists a menu tree in reading order with each item's depth.
func flattenMenu(set *edition.Set, items []*content.MenuItem, depth int, out *[]menuRow) {
	for i, it := range items {
		row := menuRow{MenuItem: it, Depth: depth, Display: it.Label, First: i == 0, Last: i == len(items)-1,
			EditURL: idPath("/admin/menus/items/", it.ID)}
		if it.Kind == content.MenuEdition {
			if e := set.Get(it.Target); e != nil {
				row.Lang = e.Lang
				if row.Display == "" {
					row.Display = e.Name
				}
			}
		}
		*out = append(*out, row)
		flattenMenu(set, it.Children, depth+1, out)
	}
}

// menuRows reads an edition's menu in reading order.
func (h *Handler) menuRows(ctx context.Context, set *edition.Set, code string) ([]menuRow, error) {
	tree, err := h.Content.Store.Menu(ctx, code)
	if err != nil {
		return nil, err
	}
	var rows []menuRow
	flattenMenu(set, tree, 0, &rows)
	return rows, nil
}

// menuParents are the items that can hold others (groups and links above
// the deepest level), leaving out skip and everything below it.
func menuParents(rows []menuRow, skip int64) []linkOption {
	var out []linkOption
	skipDepth := -1
	for _, r := range rows {
		if skipDepth >= 0 {
			if r.Depth > skipDepth {
				continue
			}
			skipDepth = -1
		}
		if r.ID == skip {
			skipDepth = r.Depth
			continue
		}
		if r.Kind == content.MenuEdition || r.Depth >= 2 {
			continue
		}
		out = append(out, linkOption{ID: r.ID, Label: strings.Repeat("— ", r.Depth) + r.Display})
	}
	return out
}

func (h *Handler) menuEditor(w http.ResponseWriter, r *http.Request, u *user.User) {
	if !h.allowed(w, r, u, user.ManageMenus) {
		return
	}
	h.renderMenu(w, r, u, http.StatusOK, "", content.MenuItem{Kind: content.MenuLink}, nil)
}

func (h *Handler) renderMenu(w http.ResponseWriter, r *http.Request, u *user.User, status int, code string, fresh content.MenuItem, fields problems) {
	ctx := r.Context()
	sp, err := h.formPage(r, u, "admin.menus.title", "menus", "/admin/menus/", code, fields)
	if err != nil {
		h.serverError(w, r, u, err)
		return
	}
	set, err := h.editions(ctx)
	if err != nil {
		h.serverError(w, r, u, err)
		return
	}
	d := &menuData{structPage: sp, New: &fresh, PublicURL: sp.Edition.Path("/")}
	if d.Rows, err = h.menuRows(ctx, set, sp.Edition.Code); err != nil {
		h.serverError(w, r, u, err)
		return
	}
	for i := range d.Rows {
		row := &d.Rows[i]
		group, err := h.Content.Store.MenuItemTranslations(ctx, row.TranslationGroup)
		if err != nil {
			h.serverError(w, r, u, err)
			return
		}
		row.Versions = versionBadges(sp.Editions, group, row.ID, "/admin/menus/items/",
			func(x *content.MenuItem) (string, int64, string) { return x.Edition, x.ID, x.Label })
	}
	d.Parents = menuParents(d.Rows, 0)
	h.render(w, r, status, "menus.html", d)
}

// menuForm reads an item's label, kind, target and parent.
func menuForm(r *http.Request, it *content.MenuItem) {
	f := r.PostForm
	it.Label, it.Kind = f.Get("label"), f.Get("kind")
	it.Target = f.Get("target")
	if it.Kind == content.MenuEdition {
		it.Target = f.Get("target_edition")
	}
	it.ParentID = parseID(f.Get("parent"))
}

func (h *Handler) menuAdd(w http.ResponseWriter, r *http.Request, u *user.User) {
	if !h.allowed(w, r, u, user.ManageMenus) || !parseSmallForm(w, r) {
		return
	}
	ed := h.postedEdition(w, r, u)
	if ed == nil {
		return
	}
	it := content.MenuItem{Edition: ed.Code}
	menuForm(r, &it)
	if h.applied(w, r, u, nil, func() error { return h.Content.AddMenuItem(r.Context(), &it) }, func(f problems) {
		it.ID = 0
		h.renderMenu(w, r, u, http.StatusUnprocessableEntity, ed.Code, it, f)
	}) {
		h.recorded(w, r, u, "menu.add", "menu_item", it.ID, ed.Code+": "+it.Label+" → "+it.Target, "/admin/menus/?edition="+ed.Code, "menu_saved")
	}
}

type menuItemData struct {
	*structPage
	It      *content.MenuItem
	Parents []linkOption
	Links   []linkChoice
}

// Panel is the translation links form of the item.
func (d *menuItemData) Panel() linksPanel {
	return linksPanel{P: d.page, Action: idPath("/admin/menus/items/", d.It.ID) + "translations", Links: d.Links}
}

func (h *Handler) menuItemEdit(w http.ResponseWriter, r *http.Request, u *user.User) {
	if it, ok := loadByID(h, w, r, u, user.ManageMenus, false, h.Content.Store.MenuItemByID); ok {
		h.renderMenuItem(w, r, u, http.StatusOK, it, nil)
	}
}

func (h *Handler) renderMenuItem(w http.ResponseWriter, r *http.Request, u *user.User, status int, it *content.MenuItem, fields problems) {
	ctx := r.Context()
	sp, err := h.formPage(r, u, "admin.menu_item.title", "menus", "/admin/menus/", it.Edition, fields)
	if err != nil {
		h.serverError(w, r, u, err)
		return
	}
	set, err := h.editions(ctx)
	if err != nil {
		h.serverError(w, r, u, err)
		return
	}
	rows, err := h.menuRows(ctx, set, it.Edition)
	if err != nil {
		h.serverError(w, r, u, err)
		return
	}
	d := &menuItemData{structPage: sp, It: it, Parents: menuParents(rows, it.ID)}
	linked, err := h.Content.Store.MenuItemTranslations(ctx, it.TranslationGroup)
	if err != nil {
		h.serverError(w, r, u, err)
		return
	}
	d.Links, err = linkChoices(sp.Editions, it.Edition, linkedIDs(linked, func(x *content.MenuItem) (string, int64) { return x.Edition, x.ID }),
		func(code string) ([]linkOption, error) {
			rows, err := h.menuRows(ctx, set, code)
			return options(rows, err, func(x menuRow) linkOption {
				return linkOption{ID: x.ID, Label: strings.Repeat("— ", x.Depth) + x.Display}
			})
		})
	if err != nil {
		h.serverError(w, r, u, err)
		return
	}
	h.render(w, r, status, "menu_item.html", d)
}

// loadMenuItem checks the role, reads the form and loads the item in the
// path.
func (h *Handler) loadMenuItem(w http.ResponseWriter, r *http.Request, u *user.User) (*content.MenuItem, bool) {
	return loadByID(h, w, r, u, user.ManageMenus, true, h.Content.Store.MenuItemByID)
}

// refuseMenuItem shows the item's form again with what is wrong.
func (h *Handler) refuseMenuItem(w http.ResponseWriter, r *http.Request, u *user.User, it *content.MenuItem) func(problems) {
	return func(f problems) { h.renderMenuItem(w, r, u, http.StatusUnprocessableEntity, it, f) }
}

func (h *Handler) menuItemSave(w http.ResponseWriter, r *http.Request, u *user.User) {
	it, ok := h.loadMenuItem(w, r, u)
	if !ok {
		return
	}
	menuForm(r, it)
	if h.applied(w, r, u, nil, func() error { return h.Content.UpdateMenuItem(r.Context(), it) }, h.refuseMenuItem(w, r, u, it)) {
		h.recorded(w, r, u, "menu.update", "menu_item", it.ID, it.Edition+": "+it.Label+" → "+it.Target, "/admin/menus/?edition="+it.Edition, "menu_saved")
	}
}

func (h *Handler) menuItemMove(w http.ResponseWriter, r *http.Request, u *user.User) {
	it, ok := h.loadMenuItem(w, r, u)
	if !ok {
		return
	}
	move := r.PostForm.Get("move")
	if !h.applied(w, r, u, nil, func() error { return h.Content.MoveMenuItem(r.Context(), it.ID, move) }, func(f problems) {
		h.renderMenu(w, r, u, http.StatusUnprocessableEntity, it.Edition, content.MenuItem{Kind: content.MenuLink}, f)
	}) {
		return
	}
	h.record(r.Context(), u, "menu.move", "menu_item", it.ID, fmt.Sprintf("%s: %s %s", it.Edition, it.Label, move))
	http.Redirect(w, r, fmt.Sprintf("/admin/menus/?edition=%s&done=menu_moved#item-%d", it.Edition, it.ID), http.StatusSeeOther)
}

func (h *Handler) menuItemLink(w http.ResponseWriter, r *http.Request, u *user.User) {
	it, ok := h.loadMenuItem(w, r, u)
	if !ok {
		return
	}
	if h.applied(w, r, u, nil, func() error { return h.Content.LinkMenuItem(r.Context(), it.ID, formIDs(r, "version")) }, h.refuseMenuItem(w, r, u, it)) {
		h.recorded(w, r, u, "menu.translations", "menu_item", it.ID, it.Edition+": "+it.Label, idPath("/admin/menus/items/", it.ID), "links_saved")
	}
}

func (h *Handler) menuItemDelete(w http.ResponseWriter, r *http.Request, u *user.User) {
	it, ok := h.loadMenuItem(w, r, u)
	if !ok {
		return
	}
	if h.applied(w, r, u, nil, func() error { return h.Content.DeleteMenuItem(r.Context(), it.ID) }, nil) {
		h.recorded(w, r, u, "menu.delete", "menu_item", it.ID, it.Edition+": "+it.Label, "/admin/menus/?edition="+it.Edition, "menu_deleted")
	}
}
