package admin

import (
	"context"
	"net/http"

	"github.com/masthead-news/masthead/internal/edition"
	"github.com/masthead-news/masthead/internal/user"
)

// The steps every item screen of the admin shares (structure, Media
// sections, publications): load the item named in the path or answer 404,
// apply a change or show the form again with what is wrong, then write the
// audit log and redirect with a flash message. The role is checked before
// anything is read; cross-origin protection and the session come from
// signedIn, which wraps every handler.

// loadByID checks perm, reads the posted form when post is set, and loads
// the item named by the path's {id} with byID. A missing item answers 404,
// any other error 500; ok is false whenever an answer has been sent.
func loadByID[T any](h *Handler, w http.ResponseWriter, r *http.Request, u *user.User, perm user.Permission, post bool,
	byID func(context.Context, int64) (T, error)) (item T, ok bool) {
	if !h.allowed(w, r, u, perm) || (post && !parseSmallForm(w, r)) {
		return item, false
	}
	item, err := byID(r.Context(), parseID(r.PathValue("id")))
	if err != nil {
		h.notFoundOr(w, r, u, err)
		return item, false
	}
	return item, true
}

// loadOrFresh is loadByID with the form read, for a handler that serves
// both "new" (no {id} in the path: the item is fresh(), called after the
// form is read) and an existing item.
func loadOrFresh[T any](h *Handler, w http.ResponseWriter, r *http.Request, u *user.User, perm user.Permission,
	byID func(context.Context, int64) (T, error), fresh func() T) (item T, ok bool) {
	if r.PathValue("id") != "" {
		return loadByID(h, w, r, u, perm, true, byID)
	}
	if !h.allowed(w, r, u, perm) || !parseSmallForm(w, r) {
		return item, false
	}
	return fresh(), true
}

// postedEdition is the edition named by the posted form's "edition" field;
// an unknown one answers 404 and gives nil.
func (h *Handler) postedEdition(w http.ResponseWriter, r *http.Request, u *user.User) *edition.Edition {
	set, err := h.editions(r.Context())
	if err != nil {
		h.serverError(w, r, u, err)
		return nil
	}
	ed := set.Get(r.PostForm.Get("edition"))
	if ed == nil {
		h.errorPage(w, r, u, http.StatusNotFound)
		return nil
	}
	return ed
}

// applied makes a change through a service unless the form already has
// problems (fields). Those problems, or the service's refusal, go to
// refuse, which shows the form again with them (422, or 409 for a refused
// deletion); with refuse nil a refusal is an error like any other. Any
// other error answers 404 for a missing item, else 500. It reports whether
// the change was made; when it was not, an answer has been sent.
func (h *Handler) applied(w http.ResponseWriter, r *http.Request, u *user.User, fields problems, change func() error, refuse func(problems)) bool {
	if fields == nil {
		err := change()
		if f, ok := refusal(err); ok && refuse != nil {
			fields = f
		} else if err != nil {
			h.notFoundOr(w, r, u, err)
			return false
		}
	}
	if fields != nil {
		refuse(fields)
		return false
	}
	return true
}

// recorded ends a change that was made: the audit log entry (action on the
// item kind/id, with detail), then a redirect to to with the flash message
// of key flash.
func (h *Handler) recorded(w http.ResponseWriter, r *http.Request, u *user.User, action, kind string, id int64, detail, to, flash string) {
	h.record(r.Context(), u, action, kind, id, detail)
	done(w, r, to, flash)
}

// formPage starts a form screen: the structure page in edition code (or
// ?edition=) with refused input, if any, in its messages.
func (h *Handler) formPage(r *http.Request, u *user.User, titleKey, nav, base, code string, fields problems) (*structPage, error) {
	sp, err := h.newStructPage(r, u, titleKey, nav, base, code)
	if err != nil {
		return nil, err
	}
	if fields != nil {
		refused(sp.page, fields)
	}
	return sp, nil
}

// newOrEdit picks a screen's title key: newKey for an item not yet saved.
func newOrEdit(id int64, newKey, editKey string) string {
	if id == 0 {
		return newKey
	}
	return editKey
}

// createOrUpdate is the audit action of a save: kind.create for an item
// that had no id before, else kind.update.
func createOrUpdate(kind string, isNew bool) string {
	if isNew {
		return kind + ".create"
	}
	return kind + ".update"
}

// versionBadges lists the versions of item self found in its translation
// group, in the order of the editions, each linking to base + its id.
func versionBadges[T any](editions []*edition.Edition, group []T, self int64, base string, key func(T) (code string, id int64, label string)) []versionBadge {
	var out []versionBadge
	for _, e := range editions {
		for _, x := range group {
			if code, id, label := key(x); code == e.Code && id != self {
				out = append(out, versionBadge{Edition: e, Label: label, URL: idPath(base, id)})
			}
		}
	}
	return out
}

// options turns a list read from the store into the choices of a select.
func options[T any](list []T, err error, option func(T) linkOption) ([]linkOption, error) {
	var opts []linkOption
	for _, x := range list {
		opts = append(opts, option(x))
	}
	return opts, err
}
