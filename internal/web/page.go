package web

import (
	"context"
	"html/template"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/masthead-news/masthead/internal/content"
	"github.com/masthead-news/masthead/internal/edition"
	"github.com/masthead-news/masthead/internal/i18n"
	"github.com/masthead-news/masthead/internal/media"
)

// Page is the data every public template receives: the edition, the header,
// sidebar and footer, and the head metadata. Each page type embeds it.
type Page struct {
	Ed          *edition.Edition
	L           *i18n.Locale
	Title       string // the <title>
	Description string
	Canonical   string
	Alternates  []Alternate
	// Translations are "Read in" links to this content in other editions.
	Translations []Link
	Robots       string
	Home         string // the edition's home path
	SearchQuery  string // the query on a search page, shown again in the header's search box
	Menu         []NavItem
	Recent       []RecentItem
	Social       []edition.SocialLink
	Copyright    string
	// Discovery (meta.go, feed_show.go): Open Graph and Twitter/X card
	// data, JSON-LD blocks, feed autodiscovery and the sidebar's Most read.
	Meta     Meta
	JSONLD   []template.JS
	Feeds    []FeedLink
	MostRead []RecentItem
	// Newsletter shows the subscribe forms (the site has a newsletter);
	// SubscribeToken is their signed form token, which the page's script
	// replaces with the reader's own (the page may come from the cache).
	Newsletter     bool
	SubscribeToken string
}

// Base is the shared part of any page type that embeds Page, for partials
// that take it as an argument.
func (p *Page) Base() *Page { return p }

// T translates a UI string for the page's edition.
func (p *Page) T(key string, args ...any) string { return p.L.T(key, args...) }

// N translates a UI string that depends on a count.
func (p *Page) N(key string, n int, args ...any) string { return p.L.N(key, n, args...) }

// Alternate is a hreflang link to the same content in another edition.
type Alternate struct {
	Lang string
	URL  string
}

// NavItem is one menu entry, ready to render.
type NavItem struct {
	ID       string
	Label    string
	URL      string
	Edition  string // the edition code of an edition link
	Lang     string // set for edition links, whose label is in their own language
	Dir      string
	Current  bool
	Children []NavItem
}

// RecentItem is one entry of the sidebar's Recent Posts.
type RecentItem struct {
	Title   string
	URL     string
	DateISO string
	Date    string
}

// Image is a picture with its text alternatives.
type Image struct {
	URL     string
	Alt     string
	Caption string
	Credit  string
	Width   int
	Height  int
	// Srcset lists the responsive copies in the original's format and
	// WebPSrcset the WebP ones (in a <picture> <source type="image/webp">,
	// so a browser takes WebP only if it can: the HTML is the same for
	// every reader and stays cacheable). Both are empty until the
	// background worker has made the copies.
	Srcset     string
	WebPSrcset string
}

// Card is one article in a listing, with every element of the anatomy.
type Card struct {
	URL          string
	Title        string
	Excerpt      string
	Body         template.HTML // the full text, for listings in full-text mode
	Image        *Image
	CategoryName string
	CategoryURL  string
	AuthorName   string
	AuthorURL    string
	External     *content.Byline
	DateISO      string
	Date         string
	Comments     string
	CommentsURL  string
	// Share are the share links; a listing's cards leave them nil and
	// write them from shareOrigin (the site's origin) as they go.
	Share       []ShareLink
	shareOrigin string
}

// ShareLink is a plain link to a network's share page: no script, no tracking.
type ShareLink struct {
	Network string
	Label   string
	URL     string
}

// recentSize is how many articles the sidebar's Recent Posts lists.
const recentSize = 5

// base builds the parts of Page shared by every public page.
func (s *Server) base(ctx context.Context, r *http.Request, title, description string) (*Page, error) {
	return s.baseWith(ctx, r, title, description, nil)
}

// baseWith is base for a page that already holds the edition's newest
// published articles (the first page of the home or of all articles):
// Recent Posts are the first of them rather than a query of their own.
// newest nil means the page has none.
func (s *Server) baseWith(ctx context.Context, r *http.Request, title, description string, newest []*content.Article) (*Page, error) {
	re := editionFrom(ctx)
	ed, loc := re.ed, re.locale
	p := &Page{Ed: ed, L: loc, Description: description, Home: ed.Path("/"), Newsletter: s.deps.Newsletter != nil}
	if p.Newsletter {
		// A page for GET may be cached and shared: its token stays the same
		// for an hour, so the page's bytes do too. The page answering a
		// form (a refusal) gets a token of the reader's own.
		if r.Method == http.MethodGet || r.Method == http.MethodHead {
			p.SubscribeToken = s.deps.Newsletter.PageToken(ed.Code)
		} else {
			p.SubscribeToken = s.deps.Newsletter.Token(ed.Code)
		}
	}
	site := ed.Settings.SiteName
	if title == "" {
		p.Title = site
		if ed.Settings.Tagline != "" {
			p.Title = site + " — " + ed.Settings.Tagline
		}
	} else {
		p.Title = title + " — " + site
	}
	if p.Description == "" {
		p.Description = ed.Settings.Description
	}
	p.Canonical = s.absURL(r, re.rawPath)
	menu, err := s.menu(ctx, ed.Code)
	if err != nil {
		return nil, err
	}
	p.Menu = s.navItems(re, menu, "m")
	recent := newest[:min(len(newest), recentSize)]
	if newest == nil {
		var err error
		recent, err = s.deps.Content.ListArticleCards(ctx, content.ArticleFilter{Edition: ed.Code, Before: s.now(), Limit: recentSize, Summary: true})
		if err != nil {
			return nil, err
		}
	}
	p.Recent = make([]RecentItem, 0, len(recent))
	for _, a := range recent {
		p.Recent = append(p.Recent, RecentItem{Title: a.Title, URL: articlePath(ed, a), DateISO: a.PublishedAt.Format(time.RFC3339), Date: loc.Date(a.PublishedAt)})
	}
	p.Social = ed.Settings.Social
	if err := s.discovery(ctx, r, p, title); err != nil {
		return nil, err
	}
	first := ed.Settings.CopyrightYear
	now := s.now().In(ed.Location())
	if first == 0 {
		first = now.Year()
	}
	p.Copyright = loc.T("footer.rights", loc.Year(time.Date(first, 6, 1, 0, 0, 0, 0, time.UTC)), loc.Year(now), site)
	return p, nil
}

// navItems turns stored menu items into links for the current edition.
func (s *Server) navItems(re *requestEdition, items []*content.MenuItem, idPrefix string) []NavItem {
	out := make([]NavItem, 0, len(items))
	for i, it := range items {
		n := NavItem{ID: idPrefix + "-" + strconv.Itoa(i), Label: it.Label}
		switch it.Kind {
		case content.MenuLink:
			n.URL = it.Target
			if strings.HasPrefix(it.Target, "/") {
				n.URL = re.ed.Path(it.Target)
			}
			n.Current = n.URL == re.rawPath
		case content.MenuEdition:
			other := re.all.set.Get(it.Target)
			if other == nil {
				continue
			}
			if n.Label == "" {
				n.Label = other.Name
			}
			n.URL, n.Lang, n.Dir, n.Edition = other.Path("/"), other.Lang, other.Dir, other.Code
		}
		n.Children = s.navItems(re, it.Children, n.ID)
		out = append(out, n)
	}
	return out
}

// absURL makes an absolute URL of a site path.
func (s *Server) absURL(r *http.Request, p string) string {
	if s.deps.BaseURL != "" {
		return s.deps.BaseURL + p
	}
	scheme := "http"
	if r.TLS != nil {
		scheme = "https"
	}
	return scheme + "://" + r.Host + p
}

// articlePath is an article's canonical path, dated in its edition's zone.
func articlePath(ed *edition.Edition, a *content.Article) string {
	return datedPath(ed, a.PublishedAt, a.Slug)
}

// datedPath is the path of an article published at t with slug:
// ed.Path(t.In(ed.Location()).Format("/2006/01/02/") + pathSegment(slug) + "/"),
// built with fewer allocations (every card of a listing has one).
func datedPath(ed *edition.Edition, t time.Time, slug string) string {
	local := t.In(ed.Location())
	y, m, d := local.Date()
	if y < 0 {
		return ed.Path(local.Format("/2006/01/02/") + pathSegment(slug) + "/")
	}
	prefix, seg := ed.Prefix(), pathSegment(slug)
	var b strings.Builder
	b.Grow(len(prefix) + len("/2006/01/02/") + len(seg) + len("/"))
	b.WriteString(prefix)
	b.WriteByte('/')
	var num [20]byte
	year := strconv.AppendInt(num[:0], int64(y), 10)
	for range 4 - min(len(year), 4) { // Format pads the year to four digits
		b.WriteByte('0')
	}
	b.Write(year)
	for _, v := range [2]int{int(m), d} {
		b.WriteByte('/')
		b.WriteByte(byte('0' + v/10))
		b.WriteByte(byte('0' + v%10))
	}
	b.WriteByte('/')
	b.WriteString(seg)
	b.WriteByte('/')
	return b.String()
}

// pathSegment escapes a slug for use in a URL path (Unicode slugs become
// percent-encoded UTF-8, which browsers show as readable text).
func pathSegment(slug string) string { return url.PathEscape(slug) }

func imageOf(m *media.Media, alt, caption string) *Image {
	if m == nil {
		return nil
	}
	img := &Image{URL: m.URL(), Alt: m.Alt, Caption: m.Caption, Credit: m.Credit, Width: m.Width, Height: m.Height,
		Srcset: m.Srcset(m.OriginalFormat())}
	if m.OriginalFormat() != "webp" {
		img.WebPSrcset = m.Srcset("webp")
	}
	if alt != "" {
		img.Alt = alt
	}
	if caption != "" {
		img.Caption = caption
	}
	return img
}

// card builds the listing view of an article.
func (s *Server) card(r *http.Request, re *requestEdition, a *content.Article, full bool) Card {
	ed, loc := re.ed, re.locale
	c := Card{URL: articlePath(ed, a), Title: a.Title, Excerpt: a.Excerpt,
		DateISO: a.PublishedAt.Format(time.RFC3339), Date: loc.Date(a.PublishedAt)}
	if full {
		c.Body = template.HTML(a.BodyHTML) // sanitized when it was stored
	}
	c.Image = imageOf(a.Featured, a.FeaturedAlt, a.FeaturedCaption)
	if a.PrimaryCategory != nil {
		c.CategoryName = a.PrimaryCategory.Name
		c.CategoryURL = ed.Path("/category/" + pathSegment(a.PrimaryCategory.Slug) + "/")
	}
	if a.HasExternalByline() {
		ext := a.External
		c.External = &ext
	} else if a.Author != nil {
		c.AuthorName = a.Author.Name
		c.AuthorURL = ed.Path("/author/" + pathSegment(a.Author.Slug) + "/")
	}
	c.Comments = loc.N("comments.count", a.CommentCount)
	c.CommentsURL = c.URL + "#comments"
	c.shareOrigin = s.absURL(r, "")
	return c
}

func shareLinks(loc *i18n.Locale, origin, path, title string, img *Image) []ShareLink {
	pageURL := origin + path
	u, t := url.QueryEscape(pageURL), url.QueryEscape(title)
	pin := "https://pinterest.com/pin/create/button/?url=" + u + "&description=" + t
	if img != nil {
		pin += "&media=" + url.QueryEscape(origin+img.URL)
	}
	return []ShareLink{
		{"facebook", loc.T("share.facebook"), "https://www.facebook.com/sharer/sharer.php?u=" + u},
		{"x", loc.T("share.x"), "https://x.com/intent/post?url=" + u + "&text=" + t},
		{"pinterest", loc.T("share.pinterest"), pin},
		{"whatsapp", loc.T("share.whatsapp"), "https://wa.me/?text=" + url.QueryEscape(title+" "+pageURL)},
		{"telegram", loc.T("share.telegram"), "https://t.me/share/url?url=" + u + "&text=" + t},
		{"skype", loc.T("share.skype"), "https://web.skype.com/share?url=" + u + "&text=" + t},
		{"email", loc.T("share.email"), "mailto:?subject=" + url.PathEscape(title) + "&body=" + url.PathEscape(pageURL)},
	}
}
