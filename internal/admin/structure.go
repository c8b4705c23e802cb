package admin

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strconv"

	"github.com/masthead-news/masthead/internal/content"
	"github.com/masthead-news/masthead/internal/edition"
	"github.com/masthead-news/masthead/internal/user"
)

// The site's structure in the admin: categories and tags (taxonomy.go),
// author profiles (authors.go), static pages (pages.go), menus (menus.go)
// and the per-edition site settings (settings.go). Every screen is a plain
// form; the role is checked on the server for every request, every change
// goes through a domain service that validates first, and every change is
// written to the audit log.

func init() {
	pageFiles = append(pageFiles, "categories.html", "category.html", "tags.html", "authors.html", "author.html",
		"pages.html", "page.html", "menus.html", "menu_item.html", "settings.html")
}

// structureRoutes adds the structure screens to the admin's routes.
func (h *Handler) structureRoutes(m *http.ServeMux) {
	m.HandleFunc("GET /admin/categories/{$}", h.signedIn(h.categoryList))
	m.HandleFunc("POST /admin/categories/new", h.signedIn(h.categoryCreate))
	m.HandleFunc("GET /admin/categories/{id}/{$}", h.signedIn(h.categoryEdit))
	m.HandleFunc("POST /admin/categories/{id}/{$}", h.signedIn(h.categorySave))
	m.HandleFunc("POST /admin/categories/{id}/translations", h.signedIn(h.categoryLink))
	m.HandleFunc("POST /admin/categories/{id}/delete", h.signedIn(h.categoryDelete))

	m.HandleFunc("GET /admin/tags/{$}", h.signedIn(h.tagList))
	m.HandleFunc("POST /admin/tags/{id}/{$}", h.signedIn(h.tagRename))
	m.HandleFunc("POST /admin/tags/{id}/delete", h.signedIn(h.tagDelete))
	m.HandleFunc("POST /admin/tags/merge", h.signedIn(h.tagMerge))

	m.HandleFunc("GET /admin/authors/{$}", h.signedIn(h.authorList))
	m.HandleFunc("GET /admin/authors/new", h.signedIn(h.authorNew))
	m.HandleFunc("POST /admin/authors/new", h.signedIn(h.authorCreate))
	m.HandleFunc("GET /admin/authors/{id}/{$}", h.signedIn(h.authorEdit))
	m.HandleFunc("POST /admin/authors/{id}/{$}", h.signedIn(h.authorSave))

	m.HandleFunc("GET /admin/pages/{$}", h.signedIn(h.pageList))
	m.HandleFunc("GET /admin/pages/new", h.signedIn(h.pageNew))
	m.HandleFunc("POST /admin/pages/new", h.signedIn(h.pageCreate))
	m.HandleFunc("GET /admin/pages/{id}/{$}", h.signedIn(h.pageEdit))
	m.HandleFunc("POST /admin/pages/{id}/{$}", h.signedIn(h.pageSave))
	m.HandleFunc("POST /admin/pages/{id}/translations", h.signedIn(h.pageLink))
	m.HandleFunc("POST /admin/pages/{id}/delete", h.signedIn(h.pageDelete))

	m.HandleFunc("GET /admin/menus/{$}", h.signedIn(h.menuEditor))
	m.HandleFunc("POST /admin/menus/items", h.signedIn(h.menuAdd))
	m.HandleFunc("GET /admin/menus/items/{id}/{$}", h.signedIn(h.menuItemEdit))
	m.HandleFunc("POST /admin/menus/items/{id}/{$}", h.signedIn(h.menuItemSave))
	m.HandleFunc("POST /admin/menus/items/{id}/move", h.signedIn(h.menuItemMove))
	m.HandleFunc("POST /admin/menus/items/{id}/translations", h.signedIn(h.menuItemLink))
	m.HandleFunc("POST /admin/menus/items/{id}/delete", h.signedIn(h.menuItemDelete))

	m.HandleFunc("GET /admin/settings/{$}", h.signedIn(h.settingsForm))
	m.HandleFunc("POST /admin/settings/{$}", h.signedIn(h.settingsSave))
	m.HandleFunc("POST /admin/settings/site", h.signedIn(h.siteSettingsSave))
}

// allowed answers 403 and reports false when the account lacks perm.
func (h *Handler) allowed(w http.ResponseWriter, r *http.Request, u *user.User, perm user.Permission) bool {
	if u.Role.Can(perm) {
		return true
	}
	h.record(r.Context(), u, "forbidden", "", 0, r.Method+" "+r.URL.Path)
	h.errorPage(w, r, u, http.StatusForbidden)
	return false
}

// parseSmallForm reads a form of at most 1 MB (pages carry HTML bodies).
func parseSmallForm(w http.ResponseWriter, r *http.Request) bool {
	r.Body = http.MaxBytesReader(w, r.Body, 4<<20)
	if err := r.ParseForm(); err != nil {
		http.Error(w, "The form is too large or damaged.", http.StatusRequestEntityTooLarge)
		return false
	}
	return true
}

// editionTab is one edition in the switcher above a per-edition screen.
type editionTab struct {
	*edition.Edition
	URL     string
	Current bool
}

// structPage is the shared data of the structure screens: the page, the
// editions and the one being edited.
type structPage struct {
	*page
	Editions []*edition.Edition
	Edition  *edition.Edition
	Tabs     []editionTab
	Sub      string // the section tab of the taxonomy screens
}

// newStructPage resolves ?edition= (or code, when given) against the
// editions and builds the switcher links to base.
func (h *Handler) newStructPage(r *http.Request, u *user.User, titleKey, nav, base, code string) (*structPage, error) {
	set, err := h.editions(r.Context())
	if err != nil {
		return nil, err
	}
	if code == "" {
		code = r.URL.Query().Get("edition")
	}
	ed := set.Get(code)
	if ed == nil {
		ed = set.Default()
	}
	if ed == nil {
		return nil, errors.New("the site has no editions")
	}
	sp := &structPage{page: h.newPage(r, u, titleKey, nav), Editions: set.All(), Edition: ed}
	for _, e := range set.All() {
		sp.Tabs = append(sp.Tabs, editionTab{Edition: e, URL: base + "?edition=" + url.QueryEscape(e.Code), Current: e.Code == ed.Code})
	}
	return sp, nil
}

// problem is refused input in one field: the English message and, when the
// catalogs have it, its key and arguments.
type problem struct {
	Message string
	Key     string
	Args    []any
}

// problems maps form fields to what is wrong with them.
type problems map[string]problem

// refusal turns a service's refusal into problems; ok is false for any
// other error.
func refusal(err error) (probs problems, ok bool) {
	var ve *content.ValidationError
	var fe *edition.FieldError
	switch {
	case errors.As(err, &ve):
		return problems{ve.Field: {ve.Message, ve.Key, ve.Args}}, true
	case errors.As(err, &fe):
		return problems{fe.Field: {fe.Message, fe.Key, fe.Args}}, true
	}
	return nil, false
}

// formProblem is a problem the admin finds in a form before the service
// sees it; key is the catalog key without its "invalid." prefix.
func formProblem(field, key, format string, args ...any) problems {
	return problems{field: {fmt.Sprintf(format, args...), "invalid." + key, args}}
}

// refused fills a page's messages from a refusal, in the page's language
// where the catalog has the message: the general "nothing was saved" line
// with the reason (so forms without a place for the field show it too), and
// each field's own message.
func refused(p *page, probs problems) {
	p.Fields = map[string]string{}
	p.Error = p.T("admin.structure.refused")
	for field, pr := range probs {
		msg := pr.Message
		if pr.Key != "" && p.L.Has(pr.Key) {
			msg = p.T(pr.Key, pr.Args...)
		}
		p.Fields[field] = msg
		p.Error += " " + msg
	}
}

// done redirects after a change with a flash message key.
func done(w http.ResponseWriter, r *http.Request, to, key string) {
	sep := "?"
	for _, c := range to {
		if c == '?' {
			sep = "&"
		}
	}
	http.Redirect(w, r, to+sep+"done="+key, http.StatusSeeOther)
}

// notFoundOr answers 404 for a missing item and 500 for anything else.
func (h *Handler) notFoundOr(w http.ResponseWriter, r *http.Request, u *user.User, err error) {
	if errors.Is(err, content.ErrNotFound) {
		h.errorPage(w, r, u, http.StatusNotFound)
		return
	}
	h.serverError(w, r, u, err)
}

// siteChanged tells the public site that editions or site settings changed.
func (h *Handler) siteChanged(ctx context.Context) {
	if h.OnSiteChanged == nil {
		return
	}
	if err := h.OnSiteChanged(ctx); err != nil {
		h.Logger.Error("reloading the site settings", "err", err)
	}
}

// formIDs reads the non-zero ids of a form field that may repeat.
func formIDs(r *http.Request, name string) []int64 {
	var out []int64
	for _, raw := range r.PostForm[name] {
		if id := parseID(raw); id != 0 {
			out = append(out, id)
		}
	}
	return out
}

// formInt reads a whole number; ok is false when the field holds something else.
func formInt(r *http.Request, name string) (n int, ok bool) {
	raw := r.PostForm.Get(name)
	if raw == "" {
		return 0, true
	}
	n, err := strconv.Atoi(raw)
	return n, err == nil
}

// linkChoice is one edition's select in a "translations" panel.
type linkChoice struct {
	Edition  *edition.Edition
	Options  []linkOption
	Selected int64
}

// linksPanel is the data of the "links-form" template: the translation
// links of one item.
type linksPanel struct {
	P      *page
	Action string
	Links  []linkChoice
}

type linkOption struct {
	ID    int64
	Label string
}

func idPath(prefix string, id int64) string { return fmt.Sprintf("%s%d/", prefix, id) }

// linkChoices builds the "same item in other editions" pickers of an item
// in edition current: one per other edition, its options from optionsIn,
// preselected with the version already linked (linked: edition → id).
func linkChoices(editions []*edition.Edition, current string, linked map[string]int64, optionsIn func(code string) ([]linkOption, error)) ([]linkChoice, error) {
	var out []linkChoice
	for _, e := range editions {
		if e.Code == current {
			continue
		}
		opts, err := optionsIn(e.Code)
		if err != nil {
			return nil, err
		}
		out = append(out, linkChoice{Edition: e, Options: opts, Selected: linked[e.Code]})
	}
	return out, nil
}

// linkedIDs maps each edition to the id of an item's version there.
func linkedIDs[T any](versions []T, key func(T) (edition string, id int64)) map[string]int64 {
	out := map[string]int64{}
	for _, v := range versions {
		code, id := key(v)
		out[code] = id
	}
	return out
}
