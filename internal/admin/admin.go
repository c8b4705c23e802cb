// Package admin serves the newsroom admin under /admin/: sign-in and
// sessions, roles checked on every action, articles with revisions,
// scheduling and preview, uploads from the editor, the account screen and
// the audit log. Every action is a plain HTML form; JavaScript only adds
// autosave, drag-and-drop uploads and the live preview. It calls the domain
// services and never runs SQL.
package admin

import (
	"bytes"
	"context"
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"fmt"
	"html/template"
	"io/fs"
	"log/slog"
	"net/http"
	"path"
	"strconv"
	"strings"
	"time"

	"github.com/masthead-news/masthead/internal/audit"
	"github.com/masthead-news/masthead/internal/comment"
	"github.com/masthead-news/masthead/internal/contact"
	"github.com/masthead-news/masthead/internal/content"
	"github.com/masthead-news/masthead/internal/edition"
	"github.com/masthead-news/masthead/internal/i18n"
	"github.com/masthead-news/masthead/internal/mail"
	"github.com/masthead-news/masthead/internal/media"
	"github.com/masthead-news/masthead/internal/mediasection"
	"github.com/masthead-news/masthead/internal/newsletter"
	"github.com/masthead-news/masthead/internal/publication"
	"github.com/masthead-news/masthead/internal/user"
)

//go:embed templates/*.html
var templateFS embed.FS

//go:embed static
var staticFS embed.FS

// CookieName is the session cookie; the page cache treats any request that
// carries it as personal and never caches it.
const CookieName = "masthead_session"

// EditionStore lists the site's editions.
type EditionStore interface {
	Editions(ctx context.Context) ([]edition.Edition, error)
}

// Deps are the services the admin works through.
type Deps struct {
	Auth     *user.Auth
	Users    user.Store
	Content  *content.Service
	Media    *media.Service
	Editions EditionStore
	Audit    audit.Store
	Logger   *slog.Logger
	Secure   bool // send the session cookie only over HTTPS
	Now      func() time.Time
	// Preview renders an article exactly as a reader would see it; it is
	// provided by the public site once both exist.
	Preview func(w http.ResponseWriter, r *http.Request, a *content.Article)
	// Sites changes edition and site-wide settings (settings.go); when nil
	// and Editions can store them, a service over Editions is used.
	Sites *edition.Service
	// OnSiteChanged tells the public site that editions or site settings
	// changed, so the next request shows them (web.Server.ReloadEditions).
	OnSiteChanged func(ctx context.Context) error
	// Mail sends password reset links; nil means no mail server is
	// configured, and the admin says that no link can be sent (security.go).
	Mail mail.Sender
	// Outbox is the durable mail queue; the dashboard shows whether mail
	// is configured and how many messages wait. nil hides that line.
	Outbox *mail.Outbox
	// Newsletter manages subscribers and sends issues (newsletter.go); nil
	// leaves the screens out.
	Newsletter *newsletter.Service
	// BaseURL is the site's public URL for links in mail; "" uses the
	// request's Host.
	BaseURL string
	// Settings holds site-wide settings such as require_2fa_admins; nil
	// means none is required.
	Settings SettingStore
	// Comments is the moderation queue and Contact the contact inbox
	// (comments.go); nil leaves the screen out.
	Comments *comment.Service
	Contact  *contact.Service
	// Sections manages the Media sections (media_sections.go); when nil, a
	// service over the content store is used (the store serves both).
	Sections *mediasection.Service
	// Publications writes books, series and issues (publications.go); when
	// nil and the content store can hold them, a service over it is used.
	Publications *publication.Service
}

// Handler is the admin's http.Handler.
type Handler struct {
	Deps
	mux    *http.ServeMux
	pages  map[string]*template.Template
	assets map[string]asset // by fingerprinted URL
	urls   map[string]string
}

type asset struct {
	body []byte
	mime string
}

var pageFiles = []string{"login.html", "dashboard.html", "articles.html", "editor.html", "revisions.html", "account.html", "audit.html", "error.html",
	"publications.html", "publication_book.html", "publication_series.html", "publication_issue.html"}

// New parses the admin templates and builds the routes.
func New(d Deps) (*Handler, error) {
	if d.Now == nil {
		d.Now = time.Now
	}
	if d.Logger == nil {
		d.Logger = slog.Default()
	}
	if d.Publications == nil && d.Content != nil {
		if st, ok := d.Content.Store.(publication.Store); ok {
			d.Publications = &publication.Service{Store: st, Now: d.Now}
		}
	}
	if st, ok := d.Editions.(edition.Store); ok && d.Sites == nil {
		d.Sites = &edition.Service{Store: st, Now: d.Now}
	}
	if st, ok := d.Content.Store.(mediasection.Store); ok && d.Sections == nil {
		d.Sections = &mediasection.Service{Store: st, Now: d.Now}
	}
	if d.Sections == nil {
		return nil, fmt.Errorf("admin: no service for the Media sections")
	}
	h := &Handler{Deps: d, mux: http.NewServeMux(), pages: map[string]*template.Template{}, assets: map[string]asset{}, urls: map[string]string{}}
	err := fs.WalkDir(staticFS, "static", func(p string, e fs.DirEntry, err error) error {
		if err != nil || e.IsDir() {
			return err
		}
		b, err := staticFS.ReadFile(p)
		if err != nil {
			return err
		}
		sum := sha256.Sum256(b)
		name := strings.TrimPrefix(p, "static/")
		ext := path.Ext(name)
		url := "/admin/assets/" + strings.TrimSuffix(name, ext) + "." + hex.EncodeToString(sum[:5]) + ext
		mime := map[string]string{".css": "text/css; charset=utf-8", ".js": "text/javascript; charset=utf-8"}[ext]
		h.assets[url] = asset{b, mime}
		h.urls[name] = url
		return nil
	})
	if err != nil {
		return nil, err
	}
	funcs := template.FuncMap{
		"int64": func(n int) int64 { return int64(n) },
		"add":   func(a, b int) int { return a + b },
		"list":  func(s ...string) []string { return s },
		"hasID": func(ids []int64, id int64) bool {
			for _, x := range ids {
				if x == id {
					return true
				}
			}
			return false
		},
		"asset": func(name string) (string, error) {
			if u, ok := h.urls[name]; ok {
				return u, nil
			}
			return "", fmt.Errorf("no admin asset %q", name)
		},
	}
	for _, p := range pageFiles {
		t, err := template.New(p).Funcs(funcs).ParseFS(templateFS, "templates/layout.html", "templates/_*.html", "templates/"+p)
		if err != nil {
			return nil, fmt.Errorf("admin template %s: %w", p, err)
		}
		h.pages[p] = t
	}
	h.routes()
	return h, nil
}

// routes is the whole admin URL space.
func (h *Handler) routes() {
	m := h.mux
	m.HandleFunc("GET /admin/assets/", h.serveAsset)
	m.HandleFunc("GET /admin/login", h.loginForm)
	m.HandleFunc("POST /admin/login", h.login)
	m.HandleFunc("POST /admin/logout", h.signedIn(h.logout))

	m.HandleFunc("GET /admin/{$}", h.signedIn(h.dashboard))
	m.HandleFunc("GET /admin/articles/{$}", h.signedIn(h.articleList))
	m.HandleFunc("POST /admin/articles/bulk", h.signedIn(h.articleBulk))
	m.HandleFunc("GET /admin/articles/new", h.signedIn(h.articleNew))
	m.HandleFunc("POST /admin/articles/new", h.signedIn(h.articleCreate))
	m.HandleFunc("GET /admin/articles/{id}/{$}", h.signedIn(h.articleEdit))
	m.HandleFunc("POST /admin/articles/{id}/{$}", h.signedIn(h.articleSave))
	m.HandleFunc("POST /admin/articles/{id}/autosave", h.signedIn(h.articleAutosave))
	m.HandleFunc("GET /admin/articles/{id}/preview", h.signedIn(h.articlePreview))
	m.HandleFunc("GET /admin/articles/{id}/revisions/{$}", h.signedIn(h.revisionList))
	m.HandleFunc("POST /admin/articles/{id}/revisions/{rev}/restore", h.signedIn(h.revisionRestore))
	m.HandleFunc("POST /admin/preview", h.signedIn(h.bodyPreview))
	m.HandleFunc("POST /admin/media/upload", h.signedIn(h.mediaUpload))

	m.HandleFunc("GET /admin/account/{$}", h.signedIn(h.account))
	m.HandleFunc("POST /admin/account/password", h.signedIn(h.accountPassword))
	m.HandleFunc("POST /admin/account/language", h.signedIn(h.accountLanguage))
	m.HandleFunc("POST /admin/account/logout-everywhere", h.signedIn(h.accountLogoutEverywhere))
	m.HandleFunc("GET /admin/audit/{$}", h.signedIn(h.auditLog))

	h.structureRoutes(m)    // categories, tags, authors, pages, menus, settings (structure.go)
	h.mediaRoutes(m)        // the media library (media.go)
	h.mediaSectionRoutes(m) // cartoons, news photos, albums, videos (media_sections.go)
	h.publicationRoutes(m)  // books, series and issues (publications.go)
	h.securityRoutes(m)     // password reset, two-factor sign-in (security.go)
	h.appPasswordRoutes(m)  // application passwords for the REST API (apppasswords.go)
	h.readerRoutes()        // comments, the contact inbox, privacy requests (comments.go)
	if h.Newsletter != nil {
		h.newsletterRoutes(m) // subscribers and issues (newsletter.go)
	}

	m.HandleFunc("/admin/", h.signedIn(func(w http.ResponseWriter, r *http.Request, u *user.User) {
		h.errorPage(w, r, u, http.StatusNotFound)
	}))
}

// ServeHTTP serves the admin; nothing here may be cached by anyone.
func (h *Handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if !strings.HasPrefix(r.URL.Path, "/admin/assets/") {
		w.Header().Set("Cache-Control", "no-store")
	}
	w.Header().Set("X-Robots-Tag", "noindex, nofollow")
	h.mux.ServeHTTP(w, r)
}

func (h *Handler) serveAsset(w http.ResponseWriter, r *http.Request) {
	a, ok := h.assets[r.URL.Path]
	if !ok {
		http.NotFound(w, r)
		return
	}
	w.Header().Set("Content-Type", a.mime)
	w.Header().Set("Cache-Control", "public, max-age=31536000, immutable")
	w.Write(a.body)
}

// signedIn resolves the session cookie; without a valid session the browser
// goes to the sign-in form (and a script gets 401).
func (h *Handler) signedIn(next func(http.ResponseWriter, *http.Request, *user.User)) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		c, err := r.Cookie(CookieName)
		var u *user.User
		if err == nil {
			u, err = h.Auth.Resolve(r.Context(), c.Value)
		}
		if err != nil || u == nil {
			if r.Method != http.MethodGet {
				http.Error(w, "Your session has ended. Sign in again.", http.StatusUnauthorized)
				return
			}
			http.Redirect(w, r, "/admin/login?next="+urlQueryEscape(r.URL.RequestURI()), http.StatusSeeOther)
			return
		}
		if h.twoFactorGate(w, r, u) {
			return
		}
		next(w, r, u)
	}
}

// page is the data every admin template receives.
type page struct {
	User   *user.User
	L      *i18n.Locale
	Title  string
	Nav    string
	Flash  string
	Error  string
	Fields map[string]string // field → error message
}

// T translates for the account's admin language.
func (p *page) T(key string, args ...any) string { return p.L.T(key, args...) }

// Can reports whether the signed-in account holds a permission.
func (p *page) Can(perm string) bool { return p.User != nil && p.User.Role.Can(user.Permission(perm)) }

func (h *Handler) newPage(r *http.Request, u *user.User, titleKey, nav string) *page {
	lang := "en"
	if u != nil && u.Locale != "" {
		lang = u.Locale
	} else if l := r.URL.Query().Get("lang"); l != "" {
		lang = l
	}
	loc, err := i18n.New(lang, i18n.Options{Calendar: i18n.Gregorian})
	if err != nil {
		loc, _ = i18n.New("en", i18n.Options{})
	}
	p := &page{User: u, L: loc, Nav: nav}
	p.Title = loc.T(titleKey)
	if f := r.URL.Query().Get("done"); f != "" {
		p.Flash = loc.T("admin.flash." + sanitizeKey(f))
	}
	return p
}

func sanitizeKey(s string) string {
	var b strings.Builder
	for _, r := range s {
		if (r >= 'a' && r <= 'z') || r == '_' {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// render writes a page, rendered into a buffer first.
func (h *Handler) render(w http.ResponseWriter, r *http.Request, status int, name string, data any) {
	var buf bytes.Buffer
	if err := h.pages[name].ExecuteTemplate(&buf, "layout", data); err != nil {
		h.Logger.Error("admin render", "template", name, "err", err)
		http.Error(w, "The page could not be shown.", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Content-Length", strconv.Itoa(buf.Len()))
	w.WriteHeader(status)
	w.Write(buf.Bytes())
}

type errorData struct {
	*page
	Status  int
	Message string
}

func (h *Handler) errorPage(w http.ResponseWriter, r *http.Request, u *user.User, status int) {
	p := h.newPage(r, u, "admin.error.title", "")
	key := "admin.error.notfound"
	switch status {
	case http.StatusForbidden:
		key = "admin.error.forbidden"
	case http.StatusInternalServerError:
		key = "admin.error.server"
	}
	h.render(w, r, status, "error.html", &errorData{page: p, Status: status, Message: p.T(key)})
}

func (h *Handler) serverError(w http.ResponseWriter, r *http.Request, u *user.User, err error) {
	h.Logger.Error("admin request failed", "path", r.URL.Path, "err", err)
	h.errorPage(w, r, u, http.StatusInternalServerError)
}

// record writes an audit entry; a failure is logged, never shown.
func (h *Handler) record(ctx context.Context, u *user.User, action, objType string, objID int64, detail string) {
	var uid int64
	if u != nil {
		uid = u.ID
	}
	if h.Audit == nil {
		return
	}
	if err := h.Audit.AddAudit(ctx, &audit.Entry{UserID: uid, Action: action, ObjectType: objType, ObjectID: objID, Detail: detail, CreatedAt: h.Now().UTC()}); err != nil {
		h.Logger.Error("audit log", "err", err)
	}
}

func (h *Handler) setSession(w http.ResponseWriter, token string) {
	http.SetCookie(w, &http.Cookie{Name: CookieName, Value: token, Path: "/", HttpOnly: true, Secure: h.Secure,
		SameSite: http.SameSiteLaxMode, MaxAge: int(user.SessionMax.Seconds())})
}

func (h *Handler) clearSession(w http.ResponseWriter) {
	http.SetCookie(w, &http.Cookie{Name: CookieName, Value: "", Path: "/", HttpOnly: true, Secure: h.Secure,
		SameSite: http.SameSiteLaxMode, MaxAge: -1})
}
