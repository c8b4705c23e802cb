package wpapi

import (
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/masthead-news/masthead/internal/content"
	"github.com/masthead-news/masthead/internal/edition"
	"github.com/masthead-news/masthead/internal/media"
	"github.com/masthead-news/masthead/internal/user"
)

// params reads and checks query parameters, collecting WordPress-style
// messages for the bad ones.
type params struct {
	q    url.Values
	errs map[string]string
}

func newParams(r *http.Request) *params { return &params{q: r.URL.Query(), errs: map[string]string{}} }

func (p *params) bad(name, msg string) { p.errs[name] = msg }

func (p *params) has(name string) bool {
	_, one := p.q[name]
	_, many := p.q[name+"[]"]
	return one || many
}

// values gives a list parameter, sent as "a,b", "x=a&x=b" or "x[]=a".
func (p *params) values(name string) []string {
	var out []string
	for _, raw := range append(append([]string{}, p.q[name]...), p.q[name+"[]"]...) {
		for _, v := range strings.Split(raw, ",") {
			if v = strings.TrimSpace(v); v != "" {
				out = append(out, v)
			}
		}
	}
	return out
}

func (p *params) ids(name string) []int64 {
	var out []int64
	for _, v := range p.values(name) {
		id, err := strconv.ParseInt(v, 10, 64)
		if err != nil || id < 0 {
			p.bad(name, name+"[0] is not of type integer.")
			return nil
		}
		out = append(out, id)
	}
	return out
}

func (p *params) integer(name string, def, min, max int) int {
	raw := p.q.Get(name)
	if raw == "" {
		return def
	}
	n, err := strconv.Atoi(raw)
	switch {
	case err != nil:
		p.bad(name, name+" is not of type integer.")
	case n < min || (max > 0 && n > max):
		if max > 0 {
			p.bad(name, fmt.Sprintf("%s must be between %d (inclusive) and %d (inclusive)", name, min, max))
		} else {
			p.bad(name, fmt.Sprintf("%s must be greater than or equal to %d", name, min))
		}
	default:
		return n
	}
	return def
}

func (p *params) enum(name, def string, allowed ...string) string {
	v := p.q.Get(name)
	if v == "" {
		return def
	}
	if !slices.Contains(allowed, v) {
		p.bad(name, name+" is not one of "+strings.Join(allowed, ", ")+".")
		return def
	}
	return v
}

// date reads an ISO 8601 date-time: with an offset (RFC 3339), or without
// one in the edition's time zone as WordPress does.
func (p *params) date(name string, ed *edition.Edition) time.Time {
	raw := strings.TrimSpace(p.q.Get(name))
	if raw == "" {
		return time.Time{}
	}
	if t, ok := parseDate(raw, ed.Location()); ok {
		return t
	}
	p.bad(name, "Invalid date.")
	return time.Time{}
}

func parseDate(raw string, loc *time.Location) (time.Time, bool) {
	if t, err := time.Parse(time.RFC3339, raw); err == nil {
		return t.UTC(), true
	}
	for _, layout := range []string{wpTime, "2006-01-02T15:04", "2006-01-02"} {
		if t, err := time.ParseInLocation(layout, raw, loc); err == nil {
			return t.UTC(), true
		}
	}
	return time.Time{}, false
}

// paging reads page, per_page and offset.
func (p *params) paging() (page, perPage, offset int) {
	page = p.integer("page", 1, 1, 0)
	perPage = p.integer("per_page", 10, 1, 100)
	offset = (page - 1) * perPage
	if p.q.Get("offset") != "" {
		offset = p.integer("offset", 0, 0, 0)
	}
	return page, perPage, offset
}

func (p *params) order() bool { return p.enum("order", "desc", "asc", "desc") == "asc" }

// setPaging writes X-WP-Total, X-WP-TotalPages and the Link header with
// the previous and next pages.
func setPaging(w http.ResponseWriter, r *http.Request, s *site, page, perPage, total int) {
	pages := (total + perPage - 1) / perPage
	h := w.Header()
	h.Set("X-WP-Total", strconv.Itoa(total))
	h.Set("X-WP-TotalPages", strconv.Itoa(pages))
	pageURL := func(n int) string {
		q := r.URL.Query()
		q.Set("page", strconv.Itoa(n))
		return s.base + r.URL.EscapedPath() + "?" + q.Encode()
	}
	var rels []string
	if page > 1 {
		prev := min(page-1, max(pages, 1))
		rels = append(rels, "<"+pageURL(prev)+`>; rel="prev"`)
	}
	if page < pages {
		rels = append(rels, "<"+pageURL(page+1)+`>; rel="next"`)
	}
	if len(rels) > 0 {
		h.Set("Link", strings.Join(rels, ", "))
	}
}

// embedRels is what ?_embed asks for: nil for nothing, an empty set for
// everything.
func embedRels(r *http.Request) map[string]bool {
	q := r.URL.Query()
	if _, ok := q["_embed"]; !ok {
		return nil
	}
	rels := map[string]bool{}
	for _, v := range q["_embed"] {
		for _, rel := range strings.Split(v, ",") {
			if rel = strings.TrimSpace(rel); rel != "" && rel != "1" && rel != "true" {
				rels[rel] = true
			}
		}
	}
	return rels
}

func wants(rels map[string]bool, rel string) bool {
	return rels != nil && (len(rels) == 0 || rels[rel])
}

// postStatuses maps a status parameter to our states.
var postStatuses = map[string][]content.Status{
	"publish": {content.Published}, "future": {content.Scheduled}, "draft": {content.Draft}, "pending": {content.Pending},
	"any": {content.Published, content.Scheduled, content.Draft, content.Pending},
}

// statusFilter reads ?status=: the public may list published items only;
// editors (who may edit every article) may list any state.
func (h *Handler) statusFilter(w http.ResponseWriter, r *http.Request, p *params, u *user.User) ([]content.Status, bool) {
	var out []content.Status
	for _, v := range p.values("status") {
		list, ok := postStatuses[v]
		if !ok {
			p.bad("status", "status[0] is not one of publish, future, draft, pending, any.")
			return nil, true
		}
		out = append(out, list...)
	}
	if len(out) == 0 {
		return []content.Status{content.Published}, true
	}
	if slices.ContainsFunc(out, func(s content.Status) bool { return s != content.Published }) &&
		(u == nil || !u.Role.Can(user.EditAnyArticle)) {
		status := http.StatusUnauthorized
		if u != nil {
			status = http.StatusForbidden
		}
		h.writeJSON(w, r, status, apiError{Code: "rest_invalid_param", Message: "Invalid parameter(s): status",
			Data: errorData{Status: status, Params: map[string]string{"status": "Status is forbidden."}}})
		return nil, false
	}
	return out, true
}

var postOrders = []string{"author", "date", "id", "include", "modified", "parent", "relevance", "slug", "include_slugs", "title"}

// ourOrder maps WordPress's orderby to what the store sorts by; orders
// without a meaning here (author, parent, relevance) fall back to date.
func ourOrder(orderBy string) string {
	switch orderBy {
	case "id", "include", "modified", "slug", "title":
		return orderBy
	case "include_slugs":
		return "date"
	}
	return "date"
}

func (h *Handler) posts(w http.ResponseWriter, r *http.Request) {
	s, u, ok := h.siteAndUser(w, r)
	if !ok {
		return
	}
	p := newParams(r)
	page, perPage, offset := p.paging()
	q := content.ArticleQuery{Edition: s.ed.Code, Limit: perPage, Offset: offset,
		CategoryIDs: p.ids("categories"), TagIDs: p.ids("tags"), AuthorIDs: p.ids("author"),
		IDs: p.ids("include"), Exclude: p.ids("exclude"), Slugs: p.values("slug"),
		Search: strings.TrimSpace(p.q.Get("search")), After: p.date("after", s.ed), Before: p.date("before", s.ed),
		OrderBy: ourOrder(p.enum("orderby", "date", postOrders...)), Asc: p.order()}
	p.enum("context", "view", "view", "embed", "edit")
	statuses, ok := h.statusFilter(w, r, p, u)
	if !ok {
		return
	}
	q.Statuses = statuses
	sticky := p.enum("sticky", "", "true", "false", "1", "0")
	collection(h, w, r, s, p, "rest_post_invalid_page_number", page, perPage,
		func() ([]*content.Article, int, error) {
			if sticky == "true" || sticky == "1" { // Masthead has no sticky posts
				return nil, 0, nil
			}
			return h.d.Store.QueryArticles(r.Context(), q)
		},
		func(list []*content.Article) ([]*post, error) { return h.shapePosts(r, s, list, u) })
}

// canEdit reports whether u may edit the article (and so see it unpublished).
func canEdit(u *user.User, a *content.Article) bool {
	return u != nil && u.CanEditArticle(a.OwnerID, a.Status == content.Published || a.Status == content.Scheduled)
}

// shapePosts shapes articles with their terms and what ?_embed asks for,
// in a fixed number of queries whatever the number of articles.
func (h *Handler) shapePosts(r *http.Request, s *site, list []*content.Article, u *user.User) ([]*post, error) {
	ctx := r.Context()
	ids := make([]int64, len(list))
	for i, a := range list {
		ids[i] = a.ID
	}
	cats, err := h.d.Store.CategoriesOfArticles(ctx, ids)
	if err != nil {
		return nil, err
	}
	tags, err := h.d.Store.TagsOfArticles(ctx, ids)
	if err != nil {
		return nil, err
	}
	out := make([]*post, len(list))
	for i, a := range list {
		var tagIDs []int64
		for _, t := range tags[a.ID] {
			tagIDs = append(tagIDs, t.ID)
		}
		ed := s.set.Get(a.Edition)
		if ed == nil {
			ed = s.ed
		}
		out[i] = postJSON(s, ed, a, cats[a.ID], tagIDs, canEdit(u, a))
	}
	rels := embedRels(r)
	if rels == nil || len(list) == 0 {
		return out, nil
	}
	emb := make([]postEmbedded, len(list))
	if wants(rels, "author") {
		type key struct {
			edition string
			id      int64
		}
		// Authors are shared by editions but named per edition.
		byID := map[key]*userJSON{}
		editions := map[string]bool{}
		for _, a := range list {
			editions[a.Edition] = true
		}
		for code := range editions {
			ed := s.set.Get(code)
			if ed == nil {
				continue
			}
			authors, err := h.d.Store.Authors(ctx, code)
			if err != nil {
				return nil, err
			}
			avatars, err := h.avatars(r, authors)
			if err != nil {
				return nil, err
			}
			for i := range authors {
				byID[key{code, authors[i].ID}] = authorJSON(s, ed, &authors[i], avatars[authors[i].AvatarMediaID])
			}
		}
		for i, a := range list {
			if j := byID[key{a.Edition, a.AuthorID}]; j != nil {
				emb[i].Author = []*userJSON{j}
			}
		}
	}
	if wants(rels, "wp:featuredmedia") {
		var mids []int64
		for _, a := range list {
			if a.FeaturedMediaID != 0 {
				mids = append(mids, a.FeaturedMediaID)
			}
		}
		ms, err := h.d.Store.MediaByIDs(ctx, mids)
		if err != nil {
			return nil, err
		}
		for i, a := range list {
			if m := ms[a.FeaturedMediaID]; m != nil {
				emb[i].FeaturedMedia = []*mediaJSON{mediaItemJSON(s, s.set.Get(a.Edition), m)}
			}
		}
	}
	if wants(rels, "wp:term") {
		catByID := map[int64]*termJSON{}
		for _, code := range editionsOf(list) {
			ed := s.set.Get(code)
			all, err := h.d.Store.Categories(ctx, code)
			if err != nil {
				return nil, err
			}
			counts, err := h.d.Store.CategoryCounts(ctx, code)
			if err != nil {
				return nil, err
			}
			for i := range all {
				catByID[all[i].ID] = categoryJSON(s, ed, &all[i], counts[all[i].ID])
			}
		}
		for i, a := range list {
			ed := s.set.Get(a.Edition)
			cs, ts := []*termJSON{}, []*termJSON{}
			for _, id := range cats[a.ID] {
				if c := catByID[id]; c != nil {
					cs = append(cs, c)
				}
			}
			for _, t := range tags[a.ID] {
				ts = append(ts, tagJSON(s, ed, &t, 0))
			}
			emb[i].Term = [][]*termJSON{cs, ts}
		}
	}
	for i := range out {
		if emb[i].Author != nil || emb[i].FeaturedMedia != nil || emb[i].Term != nil {
			out[i].Embedded = &emb[i]
		}
	}
	return out, nil
}

func editionsOf(list []*content.Article) []string {
	var out []string
	for _, a := range list {
		if !slices.Contains(out, a.Edition) {
			out = append(out, a.Edition)
		}
	}
	return out
}

// avatars loads the avatar pictures of authors in one query.
func (h *Handler) avatars(r *http.Request, authors []content.Author) (map[int64]*media.Media, error) {
	var ids []int64
	for _, a := range authors {
		if a.AvatarMediaID != 0 {
			ids = append(ids, a.AvatarMediaID)
		}
	}
	return h.d.Store.MediaByIDs(r.Context(), ids)
}

// siteAndUser resolves the edition and the caller (nil for an anonymous
// one); ok is false when either already answered.
func (h *Handler) siteAndUser(w http.ResponseWriter, r *http.Request) (*site, *user.User, bool) {
	s, ok := h.siteFor(w, r)
	if !ok {
		return nil, nil, false
	}
	u, ok := h.authenticate(w, r)
	return s, u, ok
}

// byPathID loads the item named by the path's {id}: a malformed id or a
// missing item answers 404 with code and msg, another error 500; ok is
// false when it answered.
func byPathID[T any](h *Handler, w http.ResponseWriter, r *http.Request, load func(int64) (T, error), missing func(error) bool, code, msg string) (x T, ok bool) {
	id, ok := pathID(r)
	var err error
	if ok {
		x, err = load(id)
	}
	if !ok || missing(err) {
		h.fail(w, r, http.StatusNotFound, code, msg)
		return x, false
	} else if err != nil {
		h.serverError(w, r, err)
		return x, false
	}
	return x, true
}

// isNotFound is content's "no such item".
func isNotFound(err error) bool { return errors.Is(err, content.ErrNotFound) }

func pathID(r *http.Request) (int64, bool) {
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	return id, err == nil && id > 0
}

// forbidden answers WordPress's rest_forbidden: 401 without credentials,
// 403 with an account that may not.
func (h *Handler) forbidden(w http.ResponseWriter, r *http.Request, u *user.User, code, msg string) {
	status := http.StatusUnauthorized
	if u != nil {
		status = http.StatusForbidden
	}
	h.fail(w, r, status, code, msg)
}

func (h *Handler) post(w http.ResponseWriter, r *http.Request) {
	s, u, ok := h.siteAndUser(w, r)
	if !ok {
		return
	}
	a, ok := byPathID(h, w, r, func(id int64) (*content.Article, error) { return h.d.Store.ArticleByID(r.Context(), id) },
		isNotFound, "rest_post_invalid_id", "Invalid post ID.")
	if !ok {
		return
	}
	if a.Status != content.Published && !canEdit(u, a) {
		h.forbidden(w, r, u, "rest_forbidden", "Sorry, you are not allowed to do that.")
		return
	}
	out, err := h.shapePosts(r, s, []*content.Article{a}, u)
	if err != nil {
		h.serverError(w, r, err)
		return
	}
	h.writeJSON(w, r, http.StatusOK, out[0])
}

var pageOrders = []string{"author", "date", "id", "include", "modified", "parent", "relevance", "slug", "include_slugs", "title", "menu_order"}

func (h *Handler) pages(w http.ResponseWriter, r *http.Request) {
	s, u, ok := h.siteAndUser(w, r)
	if !ok {
		return
	}
	p := newParams(r)
	page, perPage, offset := p.paging()
	q := content.PageQuery{Edition: s.ed.Code, Limit: perPage, Offset: offset, IDs: p.ids("include"), Exclude: p.ids("exclude"),
		Slugs: p.values("slug"), Search: strings.TrimSpace(p.q.Get("search")), After: p.date("after", s.ed), Before: p.date("before", s.ed),
		OrderBy: ourOrder(p.enum("orderby", "date", pageOrders...)), Asc: p.order()}
	statuses, ok := h.statusFilter(w, r, p, u)
	if !ok {
		return
	}
	q.Statuses = statuses
	collection(h, w, r, s, p, "rest_post_invalid_page_number", page, perPage,
		func() ([]*content.Page, int, error) { return h.d.Store.QueryPages(r.Context(), q) },
		shapeEach(func(pg *content.Page) *wpPage { return pageJSON(s, s.ed, pg) }))
}

func (h *Handler) page(w http.ResponseWriter, r *http.Request) {
	s, u, ok := h.siteAndUser(w, r)
	if !ok {
		return
	}
	id, ok := pathID(r)
	var list []*content.Page
	var err error
	if ok {
		list, _, err = h.d.Store.QueryPages(r.Context(), content.PageQuery{IDs: []int64{id}, Limit: 1})
		if err != nil {
			h.serverError(w, r, err)
			return
		}
	}
	if len(list) == 0 {
		h.fail(w, r, http.StatusNotFound, "rest_post_invalid_id", "Invalid post ID.")
		return
	}
	pg := list[0]
	if pg.Status != content.Published && (u == nil || !u.Role.Can(user.ManagePages)) {
		h.forbidden(w, r, u, "rest_forbidden", "Sorry, you are not allowed to do that.")
		return
	}
	ed := s.set.Get(pg.Edition)
	if ed == nil {
		ed = s.ed
	}
	h.writeJSON(w, r, http.StatusOK, pageJSON(s, ed, pg))
}

// collection answers one page of a list the store pages and counts: 400
// with the parameters' problems, or with code for a page past the last one;
// else the paging headers and the items shaped for JSON (an empty page is
// []). query runs only when the parameters are good.
func collection[T, J any](h *Handler, w http.ResponseWriter, r *http.Request, s *site, p *params, code string, page, perPage int,
	query func() ([]T, int, error), shape func([]T) ([]J, error)) {
	if len(p.errs) > 0 {
		h.invalidParams(w, r, p.errs)
		return
	}
	list, total, err := query()
	if err != nil {
		h.serverError(w, r, err)
		return
	}
	if h.pastLastPage(w, r, p, code, page, perPage, total) {
		return
	}
	out, err := shape(list)
	if err != nil {
		h.serverError(w, r, err)
		return
	}
	setPaging(w, r, s, page, perPage, total)
	h.writeJSON(w, r, http.StatusOK, out)
}

// shapeEach shapes every item of a list alike.
func shapeEach[T, J any](shape func(T) J) func([]T) ([]J, error) {
	return func(list []T) ([]J, error) {
		out := make([]J, len(list))
		for i, x := range list {
			out[i] = shape(x)
		}
		return out, nil
	}
}

// pastLastPage answers 400 with code when page lies past the last page of
// total items, as WordPress does unless ?offset= is given.
func (h *Handler) pastLastPage(w http.ResponseWriter, r *http.Request, p *params, code string, page, perPage, total int) bool {
	if pages := (total + perPage - 1) / perPage; page > pages && total > 0 && p.q.Get("offset") == "" {
		h.fail(w, r, http.StatusBadRequest, code, "The page number requested is larger than the number of pages available.")
		return true
	}
	return false
}

// pageOf cuts one page out of an in-memory list and writes the paging
// headers; ok is false when the answer was already written.
func pageOf[T any](h *Handler, w http.ResponseWriter, r *http.Request, s *site, p *params, list []T) ([]T, bool) {
	page, perPage, offset := p.paging()
	if len(p.errs) > 0 {
		h.invalidParams(w, r, p.errs)
		return nil, false
	}
	total := len(list)
	if h.pastLastPage(w, r, p, "rest_invalid_page_number", page, perPage, total) {
		return nil, false
	}
	setPaging(w, r, s, page, perPage, total)
	if offset >= total {
		return []T{}, true
	}
	return list[offset:min(offset+perPage, total)], true
}

// listed is what the lists kept in memory (terms, users) filter and sort
// on.
type listed struct {
	id    int64
	name  string
	slug  string
	count int
}

// listQuery is the filter and order those lists share: include, exclude,
// slug, search (in the name or slug), orderby and order.
type listQuery struct {
	include, exclude []int64
	slugs            []string
	search           string
	orderBy          string
	asc              bool
}

// readListQuery reads the shared parameters; orders are the orderby values
// the list accepts (its default is name).
func readListQuery(p *params, orders ...string) listQuery {
	return listQuery{include: p.ids("include"), exclude: p.ids("exclude"), slugs: p.values("slug"),
		search:  strings.ToLower(strings.TrimSpace(p.q.Get("search"))),
		orderBy: p.enum("orderby", "name", orders...), asc: p.enum("order", "asc", "asc", "desc") == "asc"}
}

// listRows keeps the rows that pass the query (and keep, when not nil), in
// the asked order; ties go by id.
func listRows[T any](q listQuery, rows []T, of func(T) listed, keep func(T) bool) []T {
	var out []T
	for _, row := range rows {
		t := of(row)
		switch {
		case len(q.include) > 0 && !slices.Contains(q.include, t.id),
			slices.Contains(q.exclude, t.id),
			len(q.slugs) > 0 && !slices.Contains(q.slugs, t.slug),
			q.search != "" && !strings.Contains(strings.ToLower(t.name), q.search) && !strings.Contains(t.slug, q.search),
			keep != nil && !keep(row):
			continue
		}
		out = append(out, row)
	}
	slices.SortStableFunc(out, func(x, y T) int {
		a, b := of(x), of(y)
		var c int
		switch q.orderBy {
		case "id", "registered_date":
			c = cmpInt(a.id, b.id)
		case "slug":
			c = strings.Compare(a.slug, b.slug)
		case "count":
			c = cmpInt(int64(a.count), int64(b.count))
		case "include":
			c = cmpInt(int64(slices.Index(q.include, a.id)), int64(slices.Index(q.include, b.id)))
		default:
			c = strings.Compare(strings.ToLower(a.name), strings.ToLower(b.name))
		}
		if c == 0 {
			c = cmpInt(a.id, b.id)
		}
		if !q.asc {
			c = -c
		}
		return c
	})
	return out
}

// termRow is a category or tag as the term lists filter it.
type termRow struct {
	listed
	parent int64
	json   *termJSON
}

func (h *Handler) filterTerms(w http.ResponseWriter, r *http.Request, s *site, p *params, rows []termRow, postTerms func(int64) ([]int64, error)) {
	q := readListQuery(p, "id", "include", "name", "slug", "include_slugs", "term_group", "description", "count")
	hideEmpty := p.enum("hide_empty", "false", "true", "false", "1", "0")
	var parent []int64
	if p.has("parent") {
		parent = p.ids("parent")
	}
	var postIDs []int64
	if p.has("post") {
		post := p.integer("post", 0, 1, 0)
		if len(p.errs) == 0 {
			var err error
			if postIDs, err = postTerms(int64(post)); err != nil {
				h.serverError(w, r, err)
				return
			}
		}
	}
	if len(p.errs) > 0 {
		h.invalidParams(w, r, p.errs)
		return
	}
	keep := listRows(q, rows, func(t termRow) listed { return t.listed }, func(t termRow) bool {
		return !((hideEmpty == "true" || hideEmpty == "1") && t.count == 0) &&
			(parent == nil || slices.Contains(parent, t.parent)) &&
			(!p.has("post") || slices.Contains(postIDs, t.id))
	})
	pageRows, ok := pageOf(h, w, r, s, p, keep)
	if !ok {
		return
	}
	out := make([]*termJSON, len(pageRows))
	for i, t := range pageRows {
		out[i] = t.json
	}
	h.writeJSON(w, r, http.StatusOK, out)
}

func cmpInt(a, b int64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// visibleArticle loads an article for listing its terms or comments: a
// reader may ask about published ones only.
func (h *Handler) visibleArticle(r *http.Request, id int64) (*content.Article, error) {
	a, err := h.d.Store.ArticleByID(r.Context(), id)
	if err != nil {
		return nil, err
	}
	if a.Status != content.Published {
		return nil, content.ErrNotFound
	}
	return a, nil
}

func (h *Handler) categoryRows(r *http.Request, s *site, ed *edition.Edition) ([]termRow, error) {
	all, err := h.d.Store.Categories(r.Context(), ed.Code)
	if err != nil {
		return nil, err
	}
	counts, err := h.d.Store.CategoryCounts(r.Context(), ed.Code)
	if err != nil {
		return nil, err
	}
	rows := make([]termRow, len(all))
	for i := range all {
		c := &all[i]
		rows[i] = termRow{listed: listed{id: c.ID, name: c.Name, slug: c.Slug, count: counts[c.ID]}, parent: c.ParentID, json: categoryJSON(s, ed, c, counts[c.ID])}
	}
	return rows, nil
}

func (h *Handler) categories(w http.ResponseWriter, r *http.Request) {
	s, ok := h.siteFor(w, r)
	if !ok {
		return
	}
	rows, err := h.categoryRows(r, s, s.ed)
	if err != nil {
		h.serverError(w, r, err)
		return
	}
	h.filterTerms(w, r, s, newParams(r), rows, func(post int64) ([]int64, error) {
		if _, err := h.visibleArticle(r, post); err != nil {
			if errors.Is(err, content.ErrNotFound) {
				return nil, nil
			}
			return nil, err
		}
		m, err := h.d.Store.CategoriesOfArticles(r.Context(), []int64{post})
		return m[post], err
	})
}

func (h *Handler) category(w http.ResponseWriter, r *http.Request) {
	s, ok := h.siteFor(w, r)
	if !ok {
		return
	}
	id, _ := pathID(r)
	// A category belongs to one edition; look in each.
	for _, ed := range s.set.All() {
		rows, err := h.categoryRows(r, s, ed)
		if err != nil {
			h.serverError(w, r, err)
			return
		}
		for _, t := range rows {
			if t.id == id {
				h.writeJSON(w, r, http.StatusOK, t.json)
				return
			}
		}
	}
	h.fail(w, r, http.StatusNotFound, "rest_term_invalid", "Term does not exist.")
}

func (h *Handler) tags(w http.ResponseWriter, r *http.Request) {
	s, ok := h.siteFor(w, r)
	if !ok {
		return
	}
	all, err := h.d.Store.Tags(r.Context(), s.ed.Code)
	if err != nil {
		h.serverError(w, r, err)
		return
	}
	rows := make([]termRow, len(all))
	for i := range all {
		t := &all[i]
		rows[i] = termRow{listed: listed{id: t.ID, name: t.Name, slug: t.Slug, count: t.Articles}, json: tagJSON(s, s.ed, &t.Tag, t.Articles)}
	}
	h.filterTerms(w, r, s, newParams(r), rows, func(post int64) ([]int64, error) {
		if _, err := h.visibleArticle(r, post); err != nil {
			if errors.Is(err, content.ErrNotFound) {
				return nil, nil
			}
			return nil, err
		}
		m, err := h.d.Store.TagsOfArticles(r.Context(), []int64{post})
		var ids []int64
		for _, t := range m[post] {
			ids = append(ids, t.ID)
		}
		return ids, err
	})
}

func (h *Handler) tag(w http.ResponseWriter, r *http.Request) {
	s, ok := h.siteFor(w, r)
	if !ok {
		return
	}
	t, ok := byPathID(h, w, r, func(id int64) (*content.TagUse, error) { return h.d.Store.TagByID(r.Context(), id) },
		isNotFound, "rest_term_invalid", "Term does not exist.")
	if !ok {
		return
	}
	ed := s.set.Get(t.Edition)
	if ed == nil {
		ed = s.ed
	}
	h.writeJSON(w, r, http.StatusOK, tagJSON(s, ed, &t.Tag, t.Articles))
}

// users lists the newsroom's authors (the people posts are credited to),
// with public fields only.
func (h *Handler) users(w http.ResponseWriter, r *http.Request) {
	s, ok := h.siteFor(w, r)
	if !ok {
		return
	}
	authors, err := h.d.Store.Authors(r.Context(), s.ed.Code)
	if err != nil {
		h.serverError(w, r, err)
		return
	}
	avatars, err := h.avatars(r, authors)
	if err != nil {
		h.serverError(w, r, err)
		return
	}
	p := newParams(r)
	q := readListQuery(p, "id", "include", "name", "registered_date", "slug", "include_slugs", "email", "url")
	if len(p.errs) > 0 {
		h.invalidParams(w, r, p.errs)
		return
	}
	list := make([]*content.Author, len(authors))
	for i := range authors {
		list[i] = &authors[i]
	}
	keep := listRows(q, list, func(a *content.Author) listed { return listed{id: a.ID, name: a.Name, slug: a.Slug} }, nil)
	pageRows, ok := pageOf(h, w, r, s, p, keep)
	if !ok {
		return
	}
	out := make([]*userJSON, len(pageRows))
	for i, a := range pageRows {
		out[i] = authorJSON(s, s.ed, a, avatars[a.AvatarMediaID])
	}
	h.writeJSON(w, r, http.StatusOK, out)
}

func (h *Handler) findAuthor(w http.ResponseWriter, r *http.Request, s *site, id int64) {
	authors, err := h.d.Store.Authors(r.Context(), s.ed.Code)
	if err != nil {
		h.serverError(w, r, err)
		return
	}
	for i := range authors {
		if authors[i].ID == id {
			avatars, err := h.avatars(r, authors[i:i+1])
			if err != nil {
				h.serverError(w, r, err)
				return
			}
			h.writeJSON(w, r, http.StatusOK, authorJSON(s, s.ed, &authors[i], avatars[authors[i].AvatarMediaID]))
			return
		}
	}
	h.fail(w, r, http.StatusNotFound, "rest_user_invalid_id", "Invalid user ID.")
}

func (h *Handler) userItem(w http.ResponseWriter, r *http.Request) {
	s, ok := h.siteFor(w, r)
	if !ok {
		return
	}
	id, _ := pathID(r)
	h.findAuthor(w, r, s, id)
}

// me is the author profile of the signed-in account.
func (h *Handler) me(w http.ResponseWriter, r *http.Request) {
	s, u, ok := h.siteAndUser(w, r)
	if !ok {
		return
	}
	if u == nil {
		h.fail(w, r, http.StatusUnauthorized, "rest_not_logged_in", "You are not currently logged in.")
		return
	}
	if u.AuthorID == 0 {
		h.fail(w, r, http.StatusNotFound, "rest_user_invalid_id", "This account has no author profile.")
		return
	}
	h.findAuthor(w, r, s, u.AuthorID)
}

// wpMediaTypes maps media_type to our media kinds.
var wpMediaTypes = map[string]string{"image": "image", "video": "video", "audio": "audio", "application": "document", "text": "document"}

func (h *Handler) mediaList(w http.ResponseWriter, r *http.Request) {
	s, ok := h.siteFor(w, r)
	if !ok {
		return
	}
	p := newParams(r)
	page, perPage, offset := p.paging()
	f := media.Filter{Text: strings.TrimSpace(p.q.Get("search")), Limit: perPage, Offset: offset}
	if mt := p.enum("media_type", "", "image", "video", "text", "application", "audio"); mt != "" {
		f.Kind = wpMediaTypes[mt]
	}
	collection(h, w, r, s, p, "rest_post_invalid_page_number", page, perPage,
		func() ([]*media.Media, int, error) {
			total, err := h.d.Store.CountMedia(r.Context(), f)
			if err != nil || offset >= total {
				return nil, total, err
			}
			list, err := h.d.Store.ListMedia(r.Context(), f)
			return list, total, err
		},
		shapeEach(func(m *media.Media) *mediaJSON { return mediaItemJSON(s, s.ed, m) }))
}

func (h *Handler) mediaItem(w http.ResponseWriter, r *http.Request) {
	s, ok := h.siteFor(w, r)
	if !ok {
		return
	}
	m, ok := byPathID(h, w, r, func(id int64) (*media.Media, error) { return h.d.Store.MediaByID(r.Context(), id) },
		func(err error) bool { return err != nil && strings.Contains(err.Error(), "not found") }, "rest_post_invalid_id", "Invalid post ID.")
	if !ok {
		return
	}
	h.writeJSON(w, r, http.StatusOK, mediaItemJSON(s, s.ed, m))
}

// comments lists approved comments on published articles; moderators may
// ask for other states.
func (h *Handler) comments(w http.ResponseWriter, r *http.Request) {
	s, u, ok := h.siteAndUser(w, r)
	if !ok {
		return
	}
	p := newParams(r)
	page, perPage, offset := p.paging()
	q := content.CommentQuery{Edition: s.ed.Code, Status: "approved", PublishedOnly: true, Limit: perPage, Offset: offset,
		IDs: p.ids("include"), ArticleIDs: p.ids("post"), Search: strings.TrimSpace(p.q.Get("search")),
		After: p.date("after", s.ed), Before: p.date("before", s.ed), Asc: p.order()}
	if p.has("parent") {
		q.ParentIDs = p.ids("parent")
	}
	if p.enum("orderby", "date_gmt", "date", "date_gmt", "id", "include", "post", "parent", "type") == "id" {
		q.OrderBy = "id"
	}
	if st := p.enum("status", "approve", "approve", "approved", "hold", "spam", "trash"); st != "approve" && st != "approved" {
		if u == nil || !u.Role.Can(user.ModerateComment) {
			h.forbidden(w, r, u, "rest_forbidden_param", "Query parameter not permitted: status")
			return
		}
		q.Status, q.PublishedOnly = map[string]string{"hold": "pending", "spam": "spam", "trash": "trash"}[st], false
	}
	collection(h, w, r, s, p, "rest_comment_invalid_page_number", page, perPage,
		func() ([]content.Comment, int, error) { return h.d.Store.QueryComments(r.Context(), q) },
		func(list []content.Comment) ([]*commentJSON, error) { return h.shapeComments(r, s, list) })
}

// shapeComments shapes comments with their articles' links (one query).
func (h *Handler) shapeComments(r *http.Request, s *site, list []content.Comment) ([]*commentJSON, error) {
	var ids []int64
	for _, c := range list {
		if !slices.Contains(ids, c.ArticleID) {
			ids = append(ids, c.ArticleID)
		}
	}
	linkOf := map[int64]string{}
	if len(ids) > 0 {
		arts, _, err := h.d.Store.QueryArticles(r.Context(), content.ArticleQuery{IDs: ids, Limit: len(ids)})
		if err != nil {
			return nil, err
		}
		for _, a := range arts {
			if ed := s.set.Get(a.Edition); ed != nil && a.Status == content.Published {
				linkOf[a.ID] = s.abs(articlePath(ed, a))
			} else {
				linkOf[a.ID] = s.abs("/?p=" + idStr(a.ID))
			}
		}
	}
	out := make([]*commentJSON, len(list))
	for i := range list {
		out[i] = commentItemJSON(s, s.ed, &list[i], linkOf[list[i].ArticleID])
	}
	return out, nil
}

func (h *Handler) comment(w http.ResponseWriter, r *http.Request) {
	s, u, ok := h.siteAndUser(w, r)
	if !ok {
		return
	}
	id, ok := pathID(r)
	var list []content.Comment
	if ok {
		q := content.CommentQuery{IDs: []int64{id}, Limit: 1}
		if u == nil || !u.Role.Can(user.ModerateComment) {
			q.Status, q.PublishedOnly = "approved", true
		}
		var err error
		if list, _, err = h.d.Store.QueryComments(r.Context(), q); err != nil {
			h.serverError(w, r, err)
			return
		}
	}
	if len(list) == 0 {
		h.fail(w, r, http.StatusNotFound, "rest_comment_invalid_id", "Invalid comment ID.")
		return
	}
	out, err := h.shapeComments(r, s, list)
	if err != nil {
		h.serverError(w, r, err)
		return
	}
	h.writeJSON(w, r, http.StatusOK, out[0])
}
