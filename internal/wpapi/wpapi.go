// Package wpapi serves a WordPress-compatible REST API (wp/v2) at
// /wp-json/: the index, posts, pages, categories, tags, users (public author
// fields only), media and comments, with WordPress's field names, query
// parameters, paging headers and error shape, so WordPress clients and
// tools work against Masthead. Reads of published content are public;
// writes (posts, media uploads) authenticate with application passwords over
// HTTP Basic auth and go through the same services and role checks as the
// admin.
//
// It owns the JSON shapes and the HTTP handlers only: every read goes
// through the Store it declares (implemented by internal/store) and every
// write through content.Service and media.Service. It never runs SQL and
// never accepts the admin's session cookie.
package wpapi

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"github.com/masthead-news/masthead/internal/clientaddr"
	"log/slog"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/masthead-news/masthead/internal/audit"
	"github.com/masthead-news/masthead/internal/content"
	"github.com/masthead-news/masthead/internal/edition"
	"github.com/masthead-news/masthead/internal/media"
	"github.com/masthead-news/masthead/internal/user"
)

// Store is what the API reads.
type Store interface {
	Editions(ctx context.Context) ([]edition.Edition, error)

	ArticleByID(ctx context.Context, id int64) (*content.Article, error)
	QueryArticles(ctx context.Context, q content.ArticleQuery) ([]*content.Article, int, error)
	QueryPages(ctx context.Context, q content.PageQuery) ([]*content.Page, int, error)
	QueryComments(ctx context.Context, q content.CommentQuery) ([]content.Comment, int, error)

	Categories(ctx context.Context, edition string) ([]content.Category, error)
	CategoryCounts(ctx context.Context, edition string) (map[int64]int, error)
	Tags(ctx context.Context, edition string) ([]content.TagUse, error)
	TagByID(ctx context.Context, id int64) (*content.TagUse, error)
	Authors(ctx context.Context, edition string) ([]content.Author, error)
	TagsOfArticles(ctx context.Context, articleIDs []int64) (map[int64][]content.Tag, error)
	CategoriesOfArticles(ctx context.Context, articleIDs []int64) (map[int64][]int64, error)

	MediaByID(ctx context.Context, id int64) (*media.Media, error)
	MediaByIDs(ctx context.Context, ids []int64) (map[int64]*media.Media, error)
	ListMedia(ctx context.Context, f media.Filter) ([]*media.Media, error)
	CountMedia(ctx context.Context, f media.Filter) (int, error)
}

// Deps are what the API needs.
type Deps struct {
	Store   Store
	Content *content.Service
	Media   *media.Service
	Auth    *user.Auth
	Audit   audit.Store // nil records nothing
	// BaseURL is the absolute site URL without a trailing slash; "" derives
	// it from each request.
	BaseURL string
	Logger  *slog.Logger
	Now     func() time.Time
}

// Handler serves /wp-json/.
type Handler struct {
	d   Deps
	mux *http.ServeMux
}

// New builds the API handler.
func New(d Deps) *Handler {
	if d.Logger == nil {
		d.Logger = slog.Default()
	}
	if d.Now == nil {
		d.Now = time.Now
	}
	h := &Handler{d: d, mux: http.NewServeMux()}
	h.routes()
	return h
}

// route is one API route: its path pattern in the index, the methods it
// answers and its handlers.
type route struct {
	index   string // the route as the /wp-json/ index lists it
	methods []string
}

var routeTable = []route{
	{"/", []string{"GET"}},
	{"/wp/v2", []string{"GET"}},
	{"/wp/v2/posts", []string{"GET", "POST"}},
	{"/wp/v2/posts/(?P<id>[\\d]+)", []string{"GET", "POST", "PUT", "PATCH"}},
	{"/wp/v2/pages", []string{"GET"}},
	{"/wp/v2/pages/(?P<id>[\\d]+)", []string{"GET"}},
	{"/wp/v2/media", []string{"GET", "POST"}},
	{"/wp/v2/media/(?P<id>[\\d]+)", []string{"GET"}},
	{"/wp/v2/categories", []string{"GET"}},
	{"/wp/v2/categories/(?P<id>[\\d]+)", []string{"GET"}},
	{"/wp/v2/tags", []string{"GET"}},
	{"/wp/v2/tags/(?P<id>[\\d]+)", []string{"GET"}},
	{"/wp/v2/users", []string{"GET"}},
	{"/wp/v2/users/(?P<id>[\\d]+)", []string{"GET"}},
	{"/wp/v2/users/me", []string{"GET"}},
	{"/wp/v2/comments", []string{"GET"}},
	{"/wp/v2/comments/(?P<id>[\\d]+)", []string{"GET"}},
}

func (h *Handler) routes() {
	m := h.mux
	m.HandleFunc("GET /wp-json/{$}", h.index)
	m.HandleFunc("GET /wp-json/wp/v2/{$}", h.namespaceIndex)
	m.HandleFunc("GET /wp-json/wp/v2", h.namespaceIndex)
	m.HandleFunc("GET /wp-json/wp/v2/posts", h.posts)
	m.HandleFunc("POST /wp-json/wp/v2/posts", h.createPost)
	m.HandleFunc("GET /wp-json/wp/v2/posts/{id}", h.post)
	for _, method := range []string{"POST", "PUT", "PATCH"} {
		m.HandleFunc(method+" /wp-json/wp/v2/posts/{id}", h.updatePost)
	}
	m.HandleFunc("GET /wp-json/wp/v2/pages", h.pages)
	m.HandleFunc("GET /wp-json/wp/v2/pages/{id}", h.page)
	m.HandleFunc("GET /wp-json/wp/v2/media", h.mediaList)
	m.HandleFunc("POST /wp-json/wp/v2/media", h.upload)
	m.HandleFunc("GET /wp-json/wp/v2/media/{id}", h.mediaItem)
	m.HandleFunc("GET /wp-json/wp/v2/categories", h.categories)
	m.HandleFunc("GET /wp-json/wp/v2/categories/{id}", h.category)
	m.HandleFunc("GET /wp-json/wp/v2/tags", h.tags)
	m.HandleFunc("GET /wp-json/wp/v2/tags/{id}", h.tag)
	m.HandleFunc("GET /wp-json/wp/v2/users", h.users)
	m.HandleFunc("GET /wp-json/wp/v2/users/me", h.me)
	m.HandleFunc("GET /wp-json/wp/v2/users/{id}", h.userItem)
	m.HandleFunc("GET /wp-json/wp/v2/comments", h.comments)
	m.HandleFunc("GET /wp-json/wp/v2/comments/{id}", h.comment)
	m.HandleFunc("/", h.noRoute)
}

// ServeHTTP answers an API request. CORS is granted to reads only, without
// credentials: public data may be fetched by any site's scripts, but no
// other origin can send an authenticated or state-changing request (its
// preflight is refused), and Basic credentials are never ambient because
// the API never asks the browser for them (no WWW-Authenticate).
func (h *Handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	hdr := w.Header()
	if r.Method == http.MethodGet || r.Method == http.MethodHead || r.Method == http.MethodOptions {
		// Sent whether or not the request has an Origin, so a cached public
		// answer serves every reader alike (no Vary: Origin).
		hdr.Set("Access-Control-Allow-Origin", "*")
		hdr.Set("Access-Control-Expose-Headers", "X-WP-Total, X-WP-TotalPages, Link, Allow")
	}
	if r.Method == http.MethodOptions {
		allow := h.allowed(r.URL.Path)
		if allow == "" {
			h.fail(w, r, http.StatusNotFound, "rest_no_route", "No route was found matching the URL and request method.")
			return
		}
		hdr.Set("Allow", allow)
		hdr.Set("Access-Control-Allow-Methods", "GET, HEAD")
		hdr.Set("Access-Control-Max-Age", "600")
		w.WriteHeader(http.StatusNoContent)
		return
	}
	if allow := h.allowed(r.URL.Path); allow != "" {
		hdr.Set("Allow", allow)
	}
	if r.Header.Get("Authorization") != "" || (r.Method != http.MethodGet && r.Method != http.MethodHead) {
		// Never kept by shared caches: it depends on who asks, or changes things.
		hdr.Set("Cache-Control", "no-store, private")
	}
	h.mux.ServeHTTP(w, r)
}

// allowed gives the Allow header for a path ("" when no route has it).
func (h *Handler) allowed(path string) string {
	rest := strings.TrimSuffix(strings.TrimPrefix(path, "/wp-json"), "/")
	if rest == "" {
		rest = "/"
	}
	for _, rt := range routeTable {
		if matchRoute(rt.index, rest) {
			return strings.Join(rt.methods, ", ")
		}
	}
	return ""
}

func matchRoute(pattern, path string) bool {
	const idPart = "(?P<id>[\\d]+)"
	if !strings.HasSuffix(pattern, idPart) {
		return pattern == path
	}
	prefix := strings.TrimSuffix(pattern, idPart)
	if !strings.HasPrefix(path, prefix) {
		return false
	}
	_, err := strconv.ParseUint(path[len(prefix):], 10, 63)
	return err == nil
}

func (h *Handler) noRoute(w http.ResponseWriter, r *http.Request) {
	if h.allowed(r.URL.Path) != "" {
		h.fail(w, r, http.StatusMethodNotAllowed, "rest_no_route", "No route was found matching the URL and request method.")
		return
	}
	h.fail(w, r, http.StatusNotFound, "rest_no_route", "No route was found matching the URL and request method.")
}

// apiError is WordPress's error body.
type apiError struct {
	Code    string    `json:"code"`
	Message string    `json:"message"`
	Data    errorData `json:"data"`
}

type errorData struct {
	Status  int               `json:"status"`
	Params  map[string]string `json:"params,omitempty"`
	Details map[string]any    `json:"details,omitempty"`
}

func (h *Handler) fail(w http.ResponseWriter, r *http.Request, status int, code, msg string) {
	h.writeJSON(w, r, status, apiError{Code: code, Message: msg, Data: errorData{Status: status}})
}

// invalidParams answers WordPress's rest_invalid_param for bad query or
// body parameters.
func (h *Handler) invalidParams(w http.ResponseWriter, r *http.Request, params map[string]string) {
	names := make([]string, 0, len(params))
	details := map[string]any{}
	for name, msg := range params {
		names = append(names, name)
		details[name] = map[string]any{"code": "rest_invalid_param", "message": msg, "data": nil}
	}
	slices.Sort(names)
	h.writeJSON(w, r, http.StatusBadRequest, apiError{Code: "rest_invalid_param",
		Message: "Invalid parameter(s): " + strings.Join(names, ", "),
		Data:    errorData{Status: http.StatusBadRequest, Params: params, Details: details}})
}

func (h *Handler) serverError(w http.ResponseWriter, r *http.Request, err error) {
	h.d.Logger.Error("wp-json", "method", r.Method, "path", r.URL.Path, "err", err)
	h.fail(w, r, http.StatusInternalServerError, "rest_internal_error", "The server could not answer this request.")
}

// writeJSON sends v, filtered by _fields when the request asks.
func (h *Handler) writeJSON(w http.ResponseWriter, r *http.Request, status int, v any) {
	body, err := marshal(v)
	if err != nil {
		h.d.Logger.Error("wp-json encode", "err", err)
		status, body = http.StatusInternalServerError, []byte(`{"code":"rest_internal_error","message":"The response could not be encoded.","data":{"status":500}}`)
	} else if fields := r.URL.Query().Get("_fields"); fields != "" && status < 300 {
		body = filterFields(body, fields)
	}
	w.Header().Set("Content-Type", "application/json; charset=UTF-8")
	w.Header().Set("X-Content-Type-Options", "nosniff")
	w.WriteHeader(status)
	if r.Method != http.MethodHead {
		w.Write(body)
	}
}

// marshal encodes without escaping <, > and & (as WordPress does; the
// body is served as JSON with nosniff, never as HTML).
func marshal(v any) ([]byte, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return bytes.TrimSuffix(b.Bytes(), []byte("\n")), nil
}

// filterFields keeps the top-level keys that _fields names ("title.rendered"
// keeps "title"), in each object of a list or in a single object; _links
// and _embedded stay when asked for by name.
func filterFields(body []byte, fields string) []byte {
	keep := map[string]bool{}
	for _, f := range strings.Split(fields, ",") {
		f = strings.TrimSpace(f)
		if top, _, _ := strings.Cut(f, "."); top != "" {
			keep[top] = true
		}
	}
	filter := func(obj map[string]json.RawMessage) map[string]json.RawMessage {
		out := map[string]json.RawMessage{}
		for k, v := range obj {
			if keep[k] {
				out[k] = v
			}
		}
		return out
	}
	var list []map[string]json.RawMessage
	if err := json.Unmarshal(body, &list); err == nil {
		for i := range list {
			list[i] = filter(list[i])
		}
		b, _ := marshal(list)
		return b
	}
	var obj map[string]json.RawMessage
	if err := json.Unmarshal(body, &obj); err == nil {
		b, _ := marshal(filter(obj))
		return b
	}
	return body
}

// site is what every handler needs to know about the request's site.
type site struct {
	base string // absolute site URL without a trailing slash
	ed   *edition.Edition
	set  *edition.Set
}

// siteFor resolves the edition of a request from ?lang= (the default
// edition otherwise). ok is false when the answer was already written.
func (h *Handler) siteFor(w http.ResponseWriter, r *http.Request) (*site, bool) {
	list, err := h.d.Store.Editions(r.Context())
	if err != nil {
		h.serverError(w, r, err)
		return nil, false
	}
	set, err := edition.NewSet(list)
	if err != nil || set.Default() == nil {
		h.serverError(w, r, fmt.Errorf("editions: %v", err))
		return nil, false
	}
	s := &site{base: h.baseURL(r), ed: set.Default(), set: set}
	if code := r.URL.Query().Get("lang"); code != "" {
		ed := set.Get(code)
		if ed == nil {
			codes := make([]string, 0, len(set.All()))
			for _, e := range set.All() {
				codes = append(codes, e.Code)
			}
			h.invalidParams(w, r, map[string]string{"lang": "lang is not one of " + strings.Join(codes, ", ") + "."})
			return nil, false
		}
		s.ed = ed
	}
	return s, true
}

func (h *Handler) baseURL(r *http.Request) string {
	if h.d.BaseURL != "" {
		return h.d.BaseURL
	}
	scheme := "http"
	if r.TLS != nil {
		scheme = "https"
	}
	return scheme + "://" + r.Host
}

// api makes an absolute URL of an API path ("/wp/v2/posts/4").
func (s *site) api(p string) string { return s.base + "/wp-json" + p }

// abs makes an absolute URL of a site path.
func (s *site) abs(p string) string { return s.base + p }

// authenticate reads HTTP Basic credentials (an account's e-mail address
// and one of its application passwords). No credentials is (nil, true);
// wrong ones get WordPress's 401 and ok false. Cookies are ignored on
// purpose: an API write must carry its credentials itself, so no other
// site can make a signed-in browser send one.
func (h *Handler) authenticate(w http.ResponseWriter, r *http.Request) (*user.User, bool) {
	authz := r.Header.Get("Authorization")
	if authz == "" {
		return nil, true
	}
	login, password, ok := r.BasicAuth()
	if !ok {
		h.fail(w, r, http.StatusUnauthorized, "rest_not_logged_in", "Only HTTP Basic authentication with an application password is supported.")
		return nil, false
	}
	u, err := h.d.Auth.AppLogin(r.Context(), login, password, clientaddr.IP(r))
	if err != nil {
		var le *user.AppLoginError
		var rl *user.RateLimitError
		switch {
		case errors.As(err, &rl):
			w.Header().Set("Retry-After", strconv.Itoa(int(rl.RetryAfter.Seconds())+1))
			h.fail(w, r, http.StatusTooManyRequests, "rest_too_many_attempts", rl.Error()+".")
		case errors.As(err, &le) && le.UnknownUser:
			h.fail(w, r, http.StatusUnauthorized, "invalid_username", "Unknown username. Check again or try your email address.")
		case errors.As(err, &le):
			h.fail(w, r, http.StatusUnauthorized, "incorrect_password", "The provided password is an invalid application password.")
		default:
			h.serverError(w, r, err)
		}
		return nil, false
	}
	return u, true
}

// record writes an audit entry; a failure is logged, never shown.
func (h *Handler) record(ctx context.Context, u *user.User, action, objType string, objID int64, detail string) {
	if h.d.Audit == nil {
		return
	}
	if err := h.d.Audit.AddAudit(ctx, &audit.Entry{UserID: u.ID, Action: action, ObjectType: objType, ObjectID: objID,
		Detail: detail, CreatedAt: h.d.Now().UTC()}); err != nil {
		h.d.Logger.Error("audit log", "err", err)
	}
}
