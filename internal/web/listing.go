package web

import (
	"net/http"
	"strconv"

	"github.com/masthead-news/masthead/internal/content"
)

// ListingPage is a paged list of article cards: home, all articles, a
// category, a tag or an author.
type ListingPage struct {
	*Page
	// versions are this listing's paths in other editions (for hreflang,
	// "Read in" and the edition links of the menu); readIn shows the links.
	versions map[string]string
	readIn   bool
	Heading  string
	Intro    string
	HideHead bool // the home page shows the site name as its only h1
	Suggest  *Suggestion
	Cards    []Card
	Newer    string
	Older    string
	PageNum  int
	Author   *AuthorView
}

// AuthorView is the author box on an author listing or under an article.
type AuthorView struct {
	Name   string
	URL    string
	Bio    string
	Avatar *Image
}

// pageNumber reads {n} from the path: 1 when absent; ok is false for a
// malformed number or an explicit /page/1/, which has a canonical URL without it.
func pageNumber(r *http.Request) (n int, explicitFirst bool, ok bool) {
	raw := r.PathValue("n")
	if raw == "" {
		return 1, false, true
	}
	n, err := strconv.Atoi(raw)
	if err != nil || n < 1 || strconv.Itoa(n) != raw {
		return 0, false, false
	}
	return n, n == 1, true
}

// listing renders one page of a filtered list of published articles.
// base is the listing's path without paging ("/category/x/").
func (s *Server) listing(w http.ResponseWriter, r *http.Request, f content.ArticleFilter, basePath string, lp *ListingPage, title string) {
	ctx := r.Context()
	re := editionFrom(ctx)
	n, first, ok := pageNumber(r)
	if !ok {
		s.notFound(w, r)
		return
	}
	if first {
		http.Redirect(w, r, re.ed.Path(basePath), http.StatusMovedPermanently)
		return
	}
	per := re.ed.Settings.PerPage
	f.Edition, f.Status, f.Before = re.ed.Code, content.Published, s.now()
	// One row more than a page tells whether an older page exists, without
	// counting every matching article (a COUNT over 100,000 rows costs more
	// than the rest of the page).
	f.Limit, f.Offset = per+1, (n-1)*per
	f.Summary = re.ed.Settings.ListingMode != "full"
	list, err := s.deps.Content.ListArticleCards(ctx, f)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	if n > 1 && len(list) == 0 {
		s.notFound(w, r)
		return
	}
	// The first page of an unfiltered listing starts with the edition's
	// newest articles, which are also the sidebar's Recent Posts.
	var newest []*content.Article
	if f.Offset == 0 && len(f.CategoryIDs) == 0 && f.TagID == 0 && f.AuthorID == 0 && f.OwnerID == 0 && f.Text == "" &&
		(len(list) >= recentSize || len(list) <= per) {
		newest = list
	}
	hasOlder := len(list) > per
	if hasOlder {
		list = list[:per]
	}
	if n > 1 {
		title = re.locale.T("paging.title", title, re.locale.Number(int64(n)))
	}
	p, err := s.baseWith(ctx, r, title, lp.Intro, newest)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	lp.Page, lp.PageNum = p, n
	s.listingMeta(r, p, basePath, lp.Heading, n)
	if n == 1 {
		s.linkVersions(r, p, lp.versions, lp.readIn)
	}
	full := re.ed.Settings.ListingMode == "full"
	lp.Cards = make([]Card, 0, len(list))
	for _, a := range list {
		lp.Cards = append(lp.Cards, s.card(r, re, a, full))
	}
	pagePath := func(k int) string {
		if k == 1 {
			return re.ed.Path(basePath)
		}
		return re.ed.Path(basePath + "page/" + strconv.Itoa(k) + "/")
	}
	if n > 1 {
		lp.Newer = pagePath(n - 1)
	}
	if hasOlder {
		lp.Older = pagePath(n + 1)
	}
	s.render(w, r, http.StatusOK, "listing.html", lp)
}

func (s *Server) home(w http.ResponseWriter, r *http.Request) {
	if r.URL.Query().Has("s") { // WordPress's search URL: /?s=…
		s.search(w, r)
		return
	}
	if s.oldQueryURL(w, r) { // WordPress's /?p=12, /?page_id=3 …
		return
	}
	re := editionFrom(r.Context())
	var suggest *Suggestion
	if re.ed.IsDefault && r.PathValue("n") == "" {
		w.Header().Add("Vary", "Accept-Language")
		if to := negotiate(r, re.all); to != nil {
			if re.all.negotiation == NegotiateRedirect && fromOutside(r) {
				w.Header().Set("Cache-Control", "private, no-store")
				http.Redirect(w, r, to.Path("/"), http.StatusFound)
				return
			}
			suggest = s.suggestion(re.all, to)
		}
	}
	lp := &ListingPage{Suggest: suggest, Heading: re.ed.Settings.SiteName, HideHead: true, versions: everyEdition(re, "/")}
	title := ""
	if r.PathValue("n") != "" {
		title = re.locale.T("nav.home")
	}
	s.listing(w, r, content.ArticleFilter{}, "/", lp, title)
}

func (s *Server) allArticles(w http.ResponseWriter, r *http.Request) {
	re := editionFrom(r.Context())
	heading := re.locale.T("nav.articles")
	s.listing(w, r, content.ArticleFilter{}, "/articles/", &ListingPage{Heading: heading, versions: everyEdition(re, "/articles/")}, heading)
}

func (s *Server) categoryListing(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	re := editionFrom(ctx)
	slug := r.PathValue("slug")
	cat, err := s.categoryBySlug(ctx, re.ed.Code, slug)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	all, err := s.categories(ctx, re.ed.Code)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	if cat.Slug != slug { // found through a folded slug
		http.Redirect(w, r, re.ed.Path("/category/"+pathSegment(cat.Slug)+"/"), http.StatusMovedPermanently)
		return
	}
	ids := descendants(all, cat.ID)
	versions := map[string]string{}
	tr, err := s.categoryTranslations(ctx, re, cat.TranslationGroup)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	for _, c := range tr {
		if ed := re.all.set.Get(c.Edition); ed != nil {
			versions[ed.Code] = ed.Path("/category/" + pathSegment(c.Slug) + "/")
		}
	}
	lp := &ListingPage{Heading: cat.Name, Intro: cat.Description, versions: versions, readIn: true}
	s.listing(w, r, content.ArticleFilter{CategoryIDs: ids}, "/category/"+pathSegment(cat.Slug)+"/", lp, cat.Name)
}

// descendants returns id and the ids of every category below it.
func descendants(all []content.Category, id int64) []int64 {
	out := []int64{id}
	for i := 0; i < len(out); i++ {
		for _, c := range all {
			if c.ParentID == out[i] {
				out = append(out, c.ID)
			}
		}
	}
	return out
}

func (s *Server) tagListing(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	re := editionFrom(ctx)
	tag, err := s.deps.Content.TagBySlug(ctx, re.ed.Code, r.PathValue("slug"))
	if err != nil {
		s.fail(w, r, err)
		return
	}
	heading := re.locale.T("listing.tag", tag.Name)
	s.listing(w, r, content.ArticleFilter{TagID: tag.ID}, "/tag/"+pathSegment(tag.Slug)+"/", &ListingPage{Heading: heading}, heading)
}

func (s *Server) authorListing(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	re := editionFrom(ctx)
	au, err := s.deps.Content.AuthorBySlug(ctx, re.ed.Code, r.PathValue("slug"))
	if err != nil {
		s.fail(w, r, err)
		return
	}
	path := "/author/" + pathSegment(au.Slug) + "/"
	lp := &ListingPage{Heading: au.Name, Intro: au.Bio, Author: authorView(re, au), versions: everyEdition(re, path)}
	s.listing(w, r, content.ArticleFilter{AuthorID: au.ID}, path, lp, au.Name)
}

func authorView(re *requestEdition, au *content.Author) *AuthorView {
	v := &AuthorView{Name: au.Name, Bio: au.Bio, URL: re.ed.Path("/author/" + pathSegment(au.Slug) + "/")}
	if au.Avatar != nil {
		v.Avatar = imageOf(au.Avatar, au.Name, "")
	}
	return v
}
