package admin

import (
	"errors"
	"net/http"
	"strings"

	"github.com/masthead-news/masthead/internal/user"
)

// Application passwords: each account makes its own for the REST API at
// /wp-json/ (scripts, apps, importers), names them, sees when each was last
// used and revokes them. A new password is shown once; the rules live in
// user.Auth.

func init() {
	pageFiles = append(pageFiles, "apppasswords.html")
}

func (h *Handler) appPasswordRoutes(m *http.ServeMux) {
	m.HandleFunc("GET /admin/account/app-passwords/{$}", h.signedIn(h.appPasswords))
	m.HandleFunc("POST /admin/account/app-passwords/{$}", h.signedIn(h.appPasswordCreate))
	m.HandleFunc("POST /admin/account/app-passwords/{id}/revoke", h.signedIn(h.appPasswordRevoke))
}

type appPasswordRow struct {
	ID       int64
	Name     string
	Created  string
	LastUsed string // "" when never used
	LastIP   string
}

type appPasswordsData struct {
	*page
	Rows     []appPasswordRow
	New      string // the password just made, shown once
	NewName  string
	Name     string // the name typed, kept after a refusal
	Endpoint string
	Login    string
}

func (h *Handler) renderAppPasswords(w http.ResponseWriter, r *http.Request, u *user.User, status int, fill func(*appPasswordsData)) {
	p := h.newPage(r, u, "admin.apppw.title", "account")
	d := &appPasswordsData{page: p, Endpoint: h.siteURL(r) + "/wp-json/", Login: u.Email}
	list, err := h.Auth.AppPasswords(r.Context(), u.ID)
	if err != nil {
		h.serverError(w, r, u, err)
		return
	}
	for _, ap := range list {
		row := appPasswordRow{ID: ap.ID, Name: ap.Name, Created: p.L.DateTime(ap.CreatedAt), LastIP: ap.LastIP}
		if !ap.LastUsedAt.IsZero() {
			row.LastUsed = p.L.DateTime(ap.LastUsedAt)
		}
		d.Rows = append(d.Rows, row)
	}
	if fill != nil {
		fill(d)
	}
	// A page that shows a new password must not be kept anywhere.
	w.Header().Set("Cache-Control", "no-store")
	h.render(w, r, status, "apppasswords.html", d)
}

func (h *Handler) appPasswords(w http.ResponseWriter, r *http.Request, u *user.User) {
	h.renderAppPasswords(w, r, u, http.StatusOK, nil)
}

func (h *Handler) appPasswordCreate(w http.ResponseWriter, r *http.Request, u *user.User) {
	if !h.parseSmallForm(w, r) {
		return
	}
	name := strings.TrimSpace(r.PostForm.Get("name"))
	plain, ap, err := h.Auth.CreateAppPassword(r.Context(), u, name)
	if err != nil {
		key := ""
		switch {
		case errors.Is(err, user.ErrAppPasswordName):
			key = "admin.apppw.err_name"
		case errors.Is(err, user.ErrTooManyAppPassword):
			key = "admin.apppw.err_many"
		default:
			h.serverError(w, r, u, err)
			return
		}
		h.renderAppPasswords(w, r, u, http.StatusUnprocessableEntity, func(d *appPasswordsData) {
			d.Error = d.T(key, user.MaxAppPasswords)
			d.Name = name
		})
		return
	}
	h.record(r.Context(), u, "app_password.create", "app_password", ap.ID, ap.Name)
	h.renderAppPasswords(w, r, u, http.StatusOK, func(d *appPasswordsData) {
		d.New, d.NewName = plain, ap.Name
	})
}

func (h *Handler) appPasswordRevoke(w http.ResponseWriter, r *http.Request, u *user.User) {
	ok, err := h.Auth.RevokeAppPassword(r.Context(), u, parseID(r.PathValue("id")))
	if err != nil {
		h.serverError(w, r, u, err)
		return
	}
	if !ok {
		// Not one of this account's passwords (or already revoked).
		h.errorPage(w, r, u, http.StatusNotFound)
		return
	}
	h.record(r.Context(), u, "app_password.revoke", "app_password", parseID(r.PathValue("id")), "")
	http.Redirect(w, r, "/admin/account/app-passwords/?done=apppw_revoked", http.StatusSeeOther)
}
