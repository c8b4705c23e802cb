package web

import (
	"context"
	"errors"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/masthead-news/masthead/internal/content"
	"github.com/masthead-news/masthead/internal/i18n"
	"github.com/masthead-news/masthead/internal/search"
)

// Searcher answers readers' searches; *search.Service is one.
type Searcher interface {
	Search(ctx context.Context, text string, f search.Filter) (*search.Results, error)
}

// SearchPage is the search form with one page of results.
type SearchPage struct {
	*Page
	Heading    string
	Action     string // the form's target
	Query      string // what the reader typed
	Asked      bool   // the query holds something to search for
	Count      string // "12 results"
	First      int    // the rank of the first result on this page
	Results    []ResultView
	Newer      string
	Older      string
	Kinds      []Option
	Categories []Option
	From, To   string // yyyy-mm-dd as chosen
	FiltersSet bool
}

// ResultView is one search result ready to render. Title and Snippet are
// fragments of the original text; the template marks the matched ones.
type ResultView struct {
	URL          string
	Title        []search.Fragment
	Snippet      []search.Fragment
	KindLabel    string
	CategoryName string
	CategoryURL  string
	DateISO      string
	Date         string
}

// Option is one choice of a <select>.
type Option struct {
	Value    string
	Label    string
	Selected bool
}

// searchParams are the query-string parameters of a search, as read.
type searchParams struct {
	q, category, kind, from, to string
}

func (p searchParams) values() url.Values {
	v := url.Values{}
	for _, kv := range [][2]string{{"q", p.q}, {"kind", p.kind}, {"category", p.category}, {"from", p.from}, {"to", p.to}} {
		if kv[1] != "" {
			v.Set(kv[0], kv[1])
		}
	}
	return v
}

// searchPath is the path of page n of a search.
func searchPath(re *requestEdition, p searchParams, n int) string {
	path := "/search/"
	if n > 1 {
		path += "page/" + strconv.Itoa(n) + "/"
	}
	path = re.ed.Path(path)
	if v := p.values(); len(v) > 0 {
		path += "?" + v.Encode()
	}
	return path
}

// parseDay reads a yyyy-mm-dd date (in any digits) as the start of that day
// in the edition's time zone.
func parseDay(s string, loc *time.Location) (time.Time, bool) {
	s = strings.TrimSpace(i18n.Fold(s))
	if s == "" {
		return time.Time{}, false
	}
	t, err := time.ParseInLocation("2006-01-02", s, loc)
	return t, err == nil
}

// search serves /search/?q= and the home page's ?s= (WordPress's search URL).
func (s *Server) search(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	re := editionFrom(ctx)
	loc := re.locale
	n, first, ok := pageNumber(r)
	if !ok {
		s.notFound(w, r)
		return
	}
	qs := r.URL.Query()
	p := searchParams{q: qs.Get("q"), category: qs.Get("category"), kind: qs.Get("kind"), from: qs.Get("from"), to: qs.Get("to")}
	if p.q == "" && qs.Has("s") {
		p.q = qs.Get("s")
	}
	if first {
		http.Redirect(w, r, searchPath(re, p, 1), http.StatusMovedPermanently)
		return
	}
	per := max(1, re.ed.Settings.PerPage)
	f := search.Filter{Edition: re.ed.Code, Before: s.now(), Limit: per, Offset: (n - 1) * per}

	// Filters: a value that is not understood is dropped, never an error.
	sp := &SearchPage{}
	if k, ok := search.ParseKind(p.kind); ok {
		f.Kinds = []search.Kind{k}
	} else {
		p.kind = ""
	}
	sp.Kinds = append(sp.Kinds, Option{Value: "", Label: loc.T("search.kinds.all"), Selected: p.kind == ""})
	for _, k := range search.Kinds {
		sp.Kinds = append(sp.Kinds, Option{Value: string(k), Label: kindsLabel(loc, k), Selected: p.kind == string(k)})
	}
	cats, err := s.categories(ctx, re.ed.Code)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	if p.category != "" {
		cat, err := s.categoryBySlug(ctx, re.ed.Code, p.category)
		switch {
		case errors.Is(err, content.ErrNotFound):
			p.category = ""
		case err != nil:
			s.fail(w, r, err)
			return
		default:
			p.category = cat.Slug
			f.CategoryIDs = descendants(cats, cat.ID)
		}
	}
	sp.Categories = categoryOptions(loc, cats, p.category)
	zone := re.ed.Location()
	if t, ok := parseDay(p.from, zone); ok {
		f.From, p.from = t, t.Format("2006-01-02")
	} else {
		p.from = ""
	}
	if t, ok := parseDay(p.to, zone); ok {
		f.To, p.to = t.AddDate(0, 0, 1), t.Format("2006-01-02")
	} else {
		p.to = ""
	}

	res, err := s.deps.Search.Search(ctx, p.q, f)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	pages := max(1, (res.Total+per-1)/per)
	if n > pages {
		s.notFound(w, r)
		return
	}
	sp.Query, sp.Asked = res.Query.Text, !res.Query.Empty()
	p.q = res.Query.Text
	sp.Heading = loc.T("search.title")
	title := sp.Heading
	if sp.Asked {
		title = loc.T("search.title_for", res.Query.Text)
		sp.Count = loc.N("search.count", res.Total)
		if res.More {
			sp.Count = loc.T("search.count_more", loc.Number(int64(search.MaxTotal)))
		}
	}
	if n > 1 {
		title = loc.T("paging.title", title, loc.Number(int64(n)))
	}
	page, err := s.base(ctx, r, title, "")
	if err != nil {
		s.fail(w, r, err)
		return
	}
	page.Robots = "noindex"
	page.SearchQuery = res.Query.Text
	page.Canonical = s.absURL(r, searchPath(re, p, n))
	sp.Page = page
	sp.Action = re.ed.Path("/search/")
	sp.From, sp.To = p.from, p.to
	sp.FiltersSet = p.kind != "" || p.category != "" || p.from != "" || p.to != ""
	sp.First = f.Offset + 1
	for _, it := range res.Items {
		sp.Results = append(sp.Results, s.resultView(re, it))
	}
	if n > 1 {
		sp.Newer = searchPath(re, p, n-1)
	}
	if n < pages {
		sp.Older = searchPath(re, p, n+1)
	}
	s.render(w, r, http.StatusOK, "search.html", sp)
}

func (s *Server) resultView(re *requestEdition, it search.Result) ResultView {
	ed, loc := re.ed, re.locale
	v := ResultView{Title: it.Title, Snippet: it.Snippet, KindLabel: kindLabel(loc, it.Kind)}
	switch it.Kind {
	case search.Article:
		v.URL = articlePath(ed, &content.Article{Slug: it.Slug, PublishedAt: it.PublishedAt})
	default:
		v.URL = ed.Path("/" + pathSegment(it.Slug) + "/")
	}
	if it.Category != nil {
		v.CategoryName = it.Category.Name
		v.CategoryURL = ed.Path("/category/" + pathSegment(it.Category.Slug) + "/")
	}
	if !it.PublishedAt.IsZero() {
		v.DateISO, v.Date = it.PublishedAt.Format(time.RFC3339), loc.Date(it.PublishedAt)
	}
	return v
}

// kindLabel names one result's kind; kindsLabel names a kind as a filter.
func kindLabel(loc *i18n.Locale, k search.Kind) string {
	switch k {
	case search.Article:
		return loc.T("search.kind.article")
	case search.Page:
		return loc.T("search.kind.page")
	}
	return string(k)
}

func kindsLabel(loc *i18n.Locale, k search.Kind) string {
	switch k {
	case search.Article:
		return loc.T("search.kinds.article")
	case search.Page:
		return loc.T("search.kinds.page")
	}
	return string(k)
}

// categoryOptions lists an edition's categories as a tree, each child
// indented under its parent.
func categoryOptions(loc *i18n.Locale, cats []content.Category, selected string) []Option {
	out := []Option{{Value: "", Label: loc.T("search.category.all"), Selected: selected == ""}}
	known := map[int64]bool{}
	for _, c := range cats {
		known[c.ID] = true
	}
	var walk func(parent int64, depth int)
	walk = func(parent int64, depth int) {
		if depth > 8 {
			return
		}
		for _, c := range cats {
			p := c.ParentID
			if !known[p] {
				p = 0 // an orphan shows at the top
			}
			if p != parent || c.ID == parent {
				continue
			}
			out = append(out, Option{Value: c.Slug, Label: strings.Repeat("\u00a0\u00a0\u00a0", depth) + c.Name, Selected: c.Slug == selected})
			walk(c.ID, depth+1)
		}
	}
	walk(0, 0)
	return out
}
