package web

import (
	"context"
	"encoding/json"
	"html/template"
	"net/http"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/masthead-news/masthead/internal/content"
	"github.com/masthead-news/masthead/internal/edition"
	"github.com/masthead-news/masthead/internal/shareimg"
)

// Search and social metadata of a page: Open Graph and Twitter/X card tags
// (written by the page shell, shell.go, from Page.Meta) and JSON-LD structured data
// (Page.JSONLD). JSON-LD is built from typed structs, marshalled by
// encoding/json — which escapes <, > and & — and handed to the template as
// template.JS inside <script type="application/ld+json">, which browsers do
// not execute, so the Content-Security-Policy need not allow it.

// logoAsset is the publisher logo: the favicon drawn as a PNG (logo_test.go).
const logoAsset = "img/logo.png"

// Meta is what Open Graph and Twitter/X cards say about a page.
type Meta struct {
	Type          string // og:type: "website" or "article"
	Title         string // the title without the site name
	Image         *MetaImage
	Published     string // article:published_time (RFC 3339)
	Modified      string // article:modified_time
	Section       string // article:section
	Tags          []string
	TwitterSite   string // "@handle" of the edition's X account
	TwitterAuthor string
}

// MetaImage is a share image with its size and text alternative.
type MetaImage struct {
	URL    string // absolute
	Type   string
	Width  int
	Height int
	Alt    string
}

// TwitterCard is the card type: a large image for pictures in landscape,
// the small summary card for the square logo.
func (m Meta) TwitterCard() string {
	if m.Image != nil && m.Image.Width > m.Image.Height {
		return "summary_large_image"
	}
	return "summary"
}

// ogLocales maps languages to Facebook's locale names where they are not
// simply language_COUNTRY of the same letters.
var ogLocales = map[string]string{"en": "en_US", "ar": "ar_AR", "fa": "fa_IR", "sq": "sq_AL", "de": "de_DE", "fr": "fr_FR",
	"es": "es_ES", "ru": "ru_RU", "tr": "tr_TR", "ur": "ur_PK", "ps": "ps_AF", "ku": "ku_TR", "he": "he_IL", "uk": "uk_UA"}

// ogLocale turns a BCP 47 tag into Open Graph's language_TERRITORY.
func ogLocale(tag string) string {
	lang, region, _ := strings.Cut(tag, "-")
	lang = strings.ToLower(lang)
	if region != "" && len(region) == 2 {
		return lang + "_" + strings.ToUpper(region)
	}
	if l, ok := ogLocales[lang]; ok {
		return l
	}
	return lang
}

// OGLocale is the page's og:locale.
func (p *Page) OGLocale() string { return ogLocale(p.Ed.Lang) }

// OGLocaleAlternates are the locales of the page's versions in other
// editions (from its hreflang alternates).
func (p *Page) OGLocaleAlternates() []string {
	var out []string
	seen := map[string]bool{p.OGLocale(): true}
	for _, a := range p.Alternates {
		if a.Lang == "x-default" {
			continue
		}
		if l := ogLocale(a.Lang); !seen[l] {
			seen[l] = true
			out = append(out, l)
		}
	}
	return out
}

// FeedLink is an autodiscovery link to a feed.
type FeedLink struct {
	Format string // "" (RSS), "atom" or "json"; the template writes the media type
	Title  string
	URL    string
}

// logoImage is the publisher logo with its absolute URL and size.
func (s *Server) logoImage(r *http.Request) *MetaImage {
	as, cfg := s.assets.byName[logoAsset], s.assets.logo
	if as == nil || cfg == nil {
		return nil
	}
	return &MetaImage{URL: s.absURL(r, as.url), Type: "image/png", Width: cfg.Width, Height: cfg.Height}
}

// twitterHandle reads "@name" from the edition's X (or Twitter) profile link.
func twitterHandle(ed *edition.Edition) string {
	for _, l := range ed.Settings.Social {
		if l.Network != "x" && l.Network != "twitter" {
			continue
		}
		u := strings.TrimSuffix(l.URL, "/")
		if i := strings.LastIndexByte(u, '/'); i >= 0 && i < len(u)-1 {
			return "@" + u[i+1:]
		}
	}
	return ""
}

// discovery fills what every page has for search engines, feed readers and
// social networks: a "website" card with the site's logo as its image, the
// edition's feeds, and the sidebar's Most read. Handlers refine the card.
func (s *Server) discovery(ctx context.Context, r *http.Request, p *Page, title string) error {
	if title == "" {
		title = p.Ed.Settings.SiteName
	}
	p.Meta = Meta{Type: "website", Title: title, TwitterSite: twitterHandle(p.Ed)}
	if logo := s.logoImage(r); logo != nil {
		logo.Alt = p.Ed.Settings.SiteName
		p.Meta.Image = logo
	}
	p.Feeds = s.feedLinks(r, p.Ed, "/", p.Ed.Settings.SiteName)
	return s.mostRead(ctx, p)
}

// articleMeta describes an article page for sharing and search engines.
func (s *Server) articleMeta(r *http.Request, ap *ArticlePage, a *content.Article) {
	p := ap.Page
	p.Meta.Type, p.Meta.Title = "article", a.Title
	p.Meta.Published = a.PublishedAt.UTC().Format(time.RFC3339)
	p.Meta.Modified = later(a.PublishedAt, a.UpdatedAt).UTC().Format(time.RFC3339)
	if a.PrimaryCategory != nil {
		p.Meta.Section = a.PrimaryCategory.Name
	}
	for _, t := range ap.Tags {
		p.Meta.Tags = append(p.Meta.Tags, t.Label)
	}
	if img := ap.Article.Image; img != nil {
		p.Meta.Image = &MetaImage{URL: s.absURL(r, img.URL), Type: mimeOf(a), Width: img.Width, Height: img.Height, Alt: img.Alt}
	} else {
		// No picture: a generated one with the title (share_show.go).
		p.Meta.Image = &MetaImage{URL: s.absURL(r, sharePath(articlePath(ap.Ed, a), a)), Type: "image/png",
			Width: shareimg.Width, Height: shareimg.Height, Alt: a.Title}
	}
	p.JSONLD = append(p.JSONLD, s.newsArticleLD(r, ap, a), s.breadcrumbLD(r, ap, a))
}

func mimeOf(a *content.Article) string {
	if a.Featured != nil {
		return a.Featured.MIME
	}
	return ""
}

func later(a, b time.Time) time.Time {
	if b.After(a) {
		return b
	}
	return a
}

// JSON-LD types (https://schema.org). Only what search engines read.

type ldImage struct {
	Type   string `json:"@type"`
	URL    string `json:"url"`
	Width  int    `json:"width,omitempty"`
	Height int    `json:"height,omitempty"`
}

type ldPerson struct {
	Type string `json:"@type"`
	Name string `json:"name"`
	URL  string `json:"url,omitempty"`
}

type ldOrganization struct {
	Context string   `json:"@context,omitempty"`
	Type    string   `json:"@type"`
	ID      string   `json:"@id,omitempty"`
	Name    string   `json:"name"`
	URL     string   `json:"url"`
	Logo    *ldImage `json:"logo,omitempty"`
	SameAs  []string `json:"sameAs,omitempty"`
}

type ldRef struct {
	Type string `json:"@type"`
	ID   string `json:"@id"`
}

type ldNewsArticle struct {
	Context             string         `json:"@context"`
	Type                string         `json:"@type"`
	Headline            string         `json:"headline"`
	Description         string         `json:"description,omitempty"`
	Image               []ldImage      `json:"image,omitempty"`
	DatePublished       string         `json:"datePublished"`
	DateModified        string         `json:"dateModified"`
	Author              []ldPerson     `json:"author"`
	Publisher           ldOrganization `json:"publisher"`
	InLanguage          string         `json:"inLanguage"`
	IsAccessibleForFree bool           `json:"isAccessibleForFree"`
	MainEntityOfPage    ldRef          `json:"mainEntityOfPage"`
	URL                 string         `json:"url"`
	ArticleSection      string         `json:"articleSection,omitempty"`
	Keywords            []string       `json:"keywords,omitempty"`
	IsBasedOn           string         `json:"isBasedOn,omitempty"`
	CommentCount        int            `json:"commentCount"`
}

type ldListItem struct {
	Type     string `json:"@type"`
	Position int    `json:"position"`
	Name     string `json:"name"`
	Item     string `json:"item,omitempty"`
}

type ldBreadcrumbs struct {
	Context string       `json:"@context"`
	Type    string       `json:"@type"`
	Items   []ldListItem `json:"itemListElement"`
}

type ldEntryPoint struct {
	Type        string `json:"@type"`
	URLTemplate string `json:"urlTemplate"`
}

type ldSearchAction struct {
	Type       string       `json:"@type"`
	Target     ldEntryPoint `json:"target"`
	QueryInput string       `json:"query-input"`
}

type ldWebSite struct {
	Context         string          `json:"@context"`
	Type            string          `json:"@type"`
	ID              string          `json:"@id"`
	Name            string          `json:"name"`
	URL             string          `json:"url"`
	Description     string          `json:"description,omitempty"`
	InLanguage      string          `json:"inLanguage"`
	Publisher       ldRef           `json:"publisher"`
	PotentialAction *ldSearchAction `json:"potentialAction,omitempty"`
}

// jsonLD marshals structured data for a <script type="application/ld+json">.
// encoding/json escapes <, > and & as \u003c …, so no text can close the
// script element.
func jsonLD(v any) template.JS {
	b, err := json.Marshal(v)
	if err != nil {
		return template.JS("{}") // our own structs of strings and numbers cannot fail
	}
	return template.JS(b)
}

// organizationLD is the newsroom as publisher.
func (s *Server) organizationLD(r *http.Request, ed *edition.Edition) ldOrganization {
	home := s.absURL(r, ed.Path("/"))
	o := ldOrganization{Type: "Organization", ID: home + "#organization", Name: ed.Settings.SiteName, URL: home}
	if logo := s.logoImage(r); logo != nil {
		o.Logo = &ldImage{Type: "ImageObject", URL: logo.URL, Width: logo.Width, Height: logo.Height}
	}
	for _, l := range ed.Settings.Social {
		if strings.HasPrefix(l.URL, "https://") || strings.HasPrefix(l.URL, "http://") {
			o.SameAs = append(o.SameAs, l.URL)
		}
	}
	return o
}

// headline keeps a title within the 110 characters search engines show.
func headline(title string) string {
	const max = 110
	if utf8.RuneCountInString(title) <= max {
		return title
	}
	r := []rune(title)[:max-1]
	return strings.TrimRight(string(r), " ") + "…"
}

func (s *Server) newsArticleLD(r *http.Request, ap *ArticlePage, a *content.Article) template.JS {
	ed := ap.Ed
	pub := s.organizationLD(r, ed)
	na := ldNewsArticle{
		Context: "https://schema.org", Type: "NewsArticle", Headline: headline(a.Title), Description: a.Excerpt,
		DatePublished: a.PublishedAt.UTC().Format(time.RFC3339), DateModified: later(a.PublishedAt, a.UpdatedAt).UTC().Format(time.RFC3339),
		Publisher: pub, InLanguage: ed.Lang, IsAccessibleForFree: true,
		MainEntityOfPage: ldRef{Type: "WebPage", ID: ap.Canonical}, URL: ap.Canonical,
		ArticleSection: ap.Meta.Section, Keywords: ap.Meta.Tags, CommentCount: a.CommentCount,
	}
	switch {
	case a.HasExternalByline():
		na.Author = []ldPerson{{Type: "Person", Name: a.External.Writer}}
		na.IsBasedOn = a.External.URL
	case ap.Author != nil:
		na.Author = []ldPerson{{Type: "Person", Name: ap.Author.Name, URL: s.absURL(r, ap.Author.URL)}}
	default:
		na.Author = []ldPerson{{Type: "Organization", Name: pub.Name, URL: pub.URL}}
	}
	if img := ap.Meta.Image; img != nil {
		na.Image = []ldImage{{Type: "ImageObject", URL: img.URL, Width: img.Width, Height: img.Height}}
	}
	return jsonLD(na)
}

// breadcrumbLD is home → primary category → article.
func (s *Server) breadcrumbLD(r *http.Request, ap *ArticlePage, a *content.Article) template.JS {
	items := []ldListItem{{Type: "ListItem", Position: 1, Name: ap.T("nav.home"), Item: s.absURL(r, ap.Home)}}
	if c := a.PrimaryCategory; c != nil && c.Slug != "" {
		items = append(items, ldListItem{Type: "ListItem", Position: 2, Name: c.Name,
			Item: s.absURL(r, ap.Ed.Path("/category/"+pathSegment(c.Slug)+"/"))})
	}
	items = append(items, ldListItem{Type: "ListItem", Position: len(items) + 1, Name: headline(a.Title)})
	return jsonLD(ldBreadcrumbs{Context: "https://schema.org", Type: "BreadcrumbList", Items: items})
}

// keptHomeLD is homeLD, kept with the site structure (structure.go): it
// follows only the edition's settings and the site's origin, and encoding
// it was about 2% of an uncached home page. With --base-url unset the
// origin comes from each request's Host header, so only the first few
// (edition, origin) pairs of a generation are kept, and any other is
// encoded anew.
func (s *Server) keptHomeLD(r *http.Request, p *Page) []template.JS {
	st := s.currentStructure()
	if st == nil {
		return s.homeLD(r, p)
	}
	key := p.Ed.Code + "\x00" + s.absURL(r, "")
	st.mu.Lock()
	ld, ok := st.homeLD[key]
	st.mu.Unlock()
	if ok {
		return ld
	}
	ld = s.homeLD(r, p)
	st.mu.Lock()
	if len(st.homeLD) < keptHomeLDs {
		st.homeLD[key] = ld
	}
	st.mu.Unlock()
	return ld
}

// keptHomeLDs bounds the home JSON-LDs kept per generation: an edition's
// per origin (scheme and host).
const keptHomeLDs = 16

// homeLD describes the site on its home page: the WebSite with its search
// and the Organization behind it. Callers must not change the result.
func (s *Server) homeLD(r *http.Request, p *Page) []template.JS {
	home := s.absURL(r, p.Ed.Path("/"))
	org := s.organizationLD(r, p.Ed)
	org.Context = "https://schema.org"
	site := ldWebSite{Context: "https://schema.org", Type: "WebSite", ID: home + "#website", Name: p.Ed.Settings.SiteName,
		URL: home, Description: p.Ed.Settings.Description, InLanguage: p.Ed.Lang, Publisher: ldRef{Type: "Organization", ID: org.ID},
		PotentialAction: &ldSearchAction{Type: "SearchAction",
			Target:     ldEntryPoint{Type: "EntryPoint", URLTemplate: s.absURL(r, p.Ed.Path("/search/")) + "?q={search_term_string}"},
			QueryInput: "required name=search_term_string"}}
	return []template.JS{jsonLD(site), jsonLD(org)}
}
