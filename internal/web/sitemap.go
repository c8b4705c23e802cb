package web

import (
	"context"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/masthead-news/masthead/internal/content"
	"github.com/masthead-news/masthead/internal/edition"
	"github.com/masthead-news/masthead/internal/sitemap"
)

// Files for crawlers at the site's root, without an edition prefix:
// robots.txt, the sitemap index /sitemap.xml, one or more sitemaps per
// edition at /sitemaps/{edition}-{n}.xml (home, static pages, categories,
// then articles newest first, sitemap.MaxURLs to a file), and the Google
// News sitemap /news-sitemap.xml of the last two days' articles.

// newsWindow is how far back the news sitemap reaches (Google News reads
// the last two days).
const newsWindow = 48 * time.Hour

// newsMax is the most articles a news sitemap may list.
const newsMax = 1000

func (s *Server) perSitemap() int {
	if s.sitemapSize > 0 {
		return s.sitemapSize
	}
	return sitemap.MaxURLs
}

// robots serves robots.txt: crawlers may read everything but the admin
// and the search results of every edition; it names the sitemaps.
func (s *Server) robots(w http.ResponseWriter, r *http.Request) {
	disallow := []string{"/admin/"}
	for _, ed := range s.editions.Load().set.All() {
		disallow = append(disallow, ed.Path("/search/"), ed.Path("/")+"?s=")
	}
	body := sitemap.Robots(disallow, []string{s.absURL(r, "/sitemap.xml"), s.absURL(r, "/news-sitemap.xml")})
	serveDocument(w, r, "text/plain; charset=utf-8", body, time.Time{})
}

// editionSitemaps counts what an edition's sitemaps list.
type editionSitemaps struct {
	ed       *edition.Edition
	pages    []*content.Page // this edition's published pages
	cats     []content.Category
	sections map[string][]sectionURL // every edition's Media sections and Publications pages
	articles int
}

func (e editionSitemaps) fixed() int {
	return 1 + len(e.pages) + len(e.cats) + len(e.sections[e.ed.Code])
}

func (e editionSitemaps) files(per int) int { return max(1, (e.fixed()+e.articles+per-1)/per) }

// plan counts an edition's pages, categories and articles (two queries);
// pages and sections are read once per request, for every edition.
func (s *Server) plan(ctx context.Context, ed *edition.Edition, pages []*content.Page, sections map[string][]sectionURL) (editionSitemaps, error) {
	p := editionSitemaps{ed: ed, sections: sections}
	for _, pg := range pages {
		if pg.Edition == ed.Code {
			p.pages = append(p.pages, pg)
		}
	}
	var err error
	if p.cats, err = s.deps.Content.Categories(ctx, ed.Code); err != nil {
		return p, err
	}
	p.articles, err = s.deps.Content.CountArticles(ctx, content.ArticleFilter{Edition: ed.Code, Status: content.Published, Before: s.now()})
	return p, err
}

// newest is the time of an edition's latest published article (zero if none).
func (s *Server) newest(ctx context.Context, ed *edition.Edition) (time.Time, error) {
	list, err := s.deps.Content.ListArticles(ctx, content.ArticleFilter{Edition: ed.Code, Status: content.Published, Before: s.now(), Limit: 1, Summary: true})
	if err != nil || len(list) == 0 {
		return time.Time{}, err
	}
	return later(list[0].PublishedAt, list[0].UpdatedAt), nil
}

// sitemapIndex lists every edition's sitemap files and the news sitemap.
func (s *Server) sitemapIndex(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	pages, err := s.deps.Content.PublishedPages(ctx)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	sections, err := s.sectionURLs(ctx)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	var entries []sitemap.Entry
	var modified time.Time
	for _, ed := range s.editions.Load().set.All() {
		p, err := s.plan(ctx, ed, pages, sections)
		if err != nil {
			s.serverError(w, r, err)
			return
		}
		last, err := s.newest(ctx, ed)
		if err != nil {
			s.serverError(w, r, err)
			return
		}
		modified = later(modified, last)
		for n := 1; n <= p.files(s.perSitemap()); n++ {
			e := sitemap.Entry{Loc: s.absURL(r, "/sitemaps/"+ed.Code+"-"+strconv.Itoa(n)+".xml")}
			if n == 1 {
				e.LastMod = last // the newest articles are on the first file
			}
			entries = append(entries, e)
		}
	}
	entries = append(entries, sitemap.Entry{Loc: s.absURL(r, "/news-sitemap.xml"), LastMod: modified})
	body, err := sitemap.Index(entries)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	serveDocument(w, r, sitemap.ContentType, body, modified)
}

// alternates turns the versions of one item (edition code → path) into
// hreflang links, with x-default for the default edition's version; a
// single version has none.
func (s *Server) alternates(r *http.Request, versions map[string]string) []sitemap.Alternate {
	if len(versions) < 2 {
		return nil
	}
	var out []sitemap.Alternate
	for _, ed := range s.editions.Load().set.All() {
		if p, ok := versions[ed.Code]; ok {
			out = append(out, sitemap.Alternate{Lang: ed.Lang, Href: s.absURL(r, p)})
			if ed.IsDefault {
				out = append(out, sitemap.Alternate{Lang: "x-default", Href: s.absURL(r, p)})
			}
		}
	}
	return out
}

// parseSitemapFile reads "fa-2.xml" as edition fa, file 2.
func parseSitemapFile(name string) (code string, n int, ok bool) {
	base, found := strings.CutSuffix(name, ".xml")
	i := strings.LastIndexByte(base, '-')
	if !found || i <= 0 {
		return "", 0, false
	}
	n, err := strconv.Atoi(base[i+1:])
	if err != nil || n < 1 || strconv.Itoa(n) != base[i+1:] {
		return "", 0, false
	}
	return base[:i], n, true
}

// editionSitemap serves one file of an edition's sitemap.
func (s *Server) editionSitemap(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	all := s.editions.Load().set
	code, n, ok := parseSitemapFile(r.PathValue("file"))
	ed := all.Get(code)
	if !ok || ed == nil {
		http.NotFound(w, r)
		return
	}
	pages, err := s.deps.Content.PublishedPages(ctx)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	sections, err := s.sectionURLs(ctx)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	plan, err := s.plan(ctx, ed, pages, sections)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	per := s.perSitemap()
	if n > plan.files(per) {
		http.NotFound(w, r)
		return
	}
	start, end := (n-1)*per, n*per
	var urls []sitemap.URL
	var modified time.Time
	pos := 0
	add := func(u sitemap.URL) {
		if pos >= start && pos < end {
			urls = append(urls, u)
			modified = later(modified, u.LastMod)
		}
		pos++
	}
	if start < plan.fixed() {
		if err := s.fixedSitemapURLs(ctx, r, plan, pages, add); err != nil {
			s.serverError(w, r, err)
			return
		}
	}
	if limit := end - max(start, plan.fixed()); limit > 0 && plan.articles > 0 {
		refs, err := s.deps.Content.ArticleRefs(ctx, content.RefFilter{Edition: ed.Code, Before: s.now(),
			Limit: limit, Offset: max(0, start-plan.fixed())})
		if err != nil {
			s.serverError(w, r, err)
			return
		}
		for _, a := range refs {
			u := sitemap.URL{Loc: s.absURL(r, datedPath(ed, a.PublishedAt, a.Slug)), LastMod: later(a.PublishedAt, a.UpdatedAt)}
			versions := map[string]string{ed.Code: datedPath(ed, a.PublishedAt, a.Slug)}
			for _, t := range a.Translations {
				if other := all.Get(t.Edition); other != nil {
					versions[other.Code] = datedPath(other, t.PublishedAt, t.Slug)
				}
			}
			u.Alternates = s.alternates(r, versions)
			u.Images = s.refImages(r, a)
			urls = append(urls, u)
			modified = later(modified, u.LastMod)
		}
	}
	body, err := sitemap.URLSet(urls)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	serveDocument(w, r, sitemap.ContentType, body, modified)
}

// fixedSitemapURLs adds an edition's home, static pages, categories and
// its Media sections' and Publications' pages, in that order, with their
// versions in other editions.
func (s *Server) fixedSitemapURLs(ctx context.Context, r *http.Request, plan editionSitemaps, pages []*content.Page, add func(sitemap.URL)) error {
	ed := plan.ed
	all := s.editions.Load().set
	last, err := s.newest(ctx, ed)
	if err != nil {
		return err
	}
	homes := map[string]string{}
	for _, e := range all.All() {
		homes[e.Code] = e.Path("/")
	}
	add(sitemap.URL{Loc: s.absURL(r, ed.Path("/")), LastMod: last, Alternates: s.alternates(r, homes)})

	pageGroups := map[int64]map[string]string{}
	for _, pg := range pages {
		if e := all.Get(pg.Edition); e != nil {
			if pageGroups[pg.TranslationGroup] == nil {
				pageGroups[pg.TranslationGroup] = map[string]string{}
			}
			pageGroups[pg.TranslationGroup][e.Code] = e.Path("/" + pathSegment(pg.Slug) + "/")
		}
	}
	for _, pg := range plan.pages {
		add(sitemap.URL{Loc: s.absURL(r, ed.Path("/"+pathSegment(pg.Slug)+"/")), LastMod: pg.UpdatedAt,
			Alternates: s.alternates(r, pageGroups[pg.TranslationGroup])})
	}

	catGroups := map[int64]map[string]string{}
	for _, e := range all.All() {
		cats := plan.cats
		if e.Code != ed.Code {
			if cats, err = s.deps.Content.Categories(ctx, e.Code); err != nil {
				return err
			}
		}
		for _, c := range cats {
			if catGroups[c.TranslationGroup] == nil {
				catGroups[c.TranslationGroup] = map[string]string{}
			}
			catGroups[c.TranslationGroup][e.Code] = e.Path("/category/" + pathSegment(c.Slug) + "/")
		}
	}
	for _, c := range plan.cats {
		add(sitemap.URL{Loc: s.absURL(r, ed.Path("/category/"+pathSegment(c.Slug)+"/")),
			Alternates: s.alternates(r, catGroups[c.TranslationGroup])})
	}
	s.addSectionURLs(r, ed.Code, plan.sections, add)
	return nil
}

// refImages is an article's featured image as a sitemap image entry.
func (s *Server) refImages(r *http.Request, a content.ArticleRef) []sitemap.Image {
	if a.Featured == nil || a.Featured.Path == "" {
		return nil
	}
	title := a.FeaturedAlt
	if title == "" {
		title = a.Featured.Alt
	}
	return []sitemap.Image{{Loc: s.absURL(r, a.Featured.URL()), Title: title, Caption: a.Featured.Caption}}
}

// newsSitemap lists every edition's articles of the last two days with
// their Google News data. With none, it lists the editions' home pages so
// the file stays valid (a urlset needs at least one url).
func (s *Server) newsSitemap(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	now := s.now()
	var urls []sitemap.URL
	var modified time.Time
	all := s.editions.Load().set.All()
	for _, ed := range all {
		refs, err := s.deps.Content.ArticleRefs(ctx, content.RefFilter{Edition: ed.Code, After: now.Add(-newsWindow), Before: now, Limit: newsMax})
		if err != nil {
			s.serverError(w, r, err)
			return
		}
		for _, a := range refs {
			u := sitemap.URL{Loc: s.absURL(r, datedPath(ed, a.PublishedAt, a.Slug)), LastMod: later(a.PublishedAt, a.UpdatedAt),
				Images: s.refImages(r, a),
				News: &sitemap.News{Publication: ed.Settings.SiteName, Language: sitemap.NewsLanguage(ed.Lang),
					Published: a.PublishedAt, Title: a.Title}}
			urls = append(urls, u)
			modified = later(modified, u.LastMod)
		}
	}
	if len(urls) > newsMax {
		// Keep the newest across editions.
		sortURLsByNews(urls)
		urls = urls[:newsMax]
	}
	if len(urls) == 0 {
		for _, ed := range all {
			urls = append(urls, sitemap.URL{Loc: s.absURL(r, ed.Path("/"))})
		}
	}
	body, err := sitemap.URLSet(urls)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	serveDocument(w, r, sitemap.ContentType, body, modified)
}

func sortURLsByNews(urls []sitemap.URL) {
	slices.SortStableFunc(urls, func(a, b sitemap.URL) int { return b.News.Published.Compare(a.News.Published) })
}
