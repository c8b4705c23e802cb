package web

import (
	"bytes"
	"html/template"
	"strconv"
	"strings"
)

// The page shell — the head, the header with the menu, the sidebar and the
// footer around every page's "main" template — is written in Go, like the
// cards (cards.go). It is the same on every page, and as a template it
// cost more than anything else in an uncached page: html/template runs
// each of its 150-odd actions, and the escaper it adds to each, as a
// reflective call. base.html keeps the order of the parts and the page
// templates keep their own "main".
//
// The writer keeps html/template's escaping exactly (the output is byte
// for byte what the templates wrote): htmlText for text and ordinary
// attribute values (html/template's HTML escaper: " & ' + < > and NUL),
// and htmlURL for URL attributes (href, src, action), which html/template
// filters (only http, https, mailto or relative URLs; anything else
// becomes "#ZgotmplZ"), normalises (percent-encoding what a URL may not
// hold) and then escapes. JSON-LD is already safe JavaScript (template.JS).

// shell writes the shared parts of a page; one per server, built with the
// parsed templates, holding the fingerprinted asset URLs.
type shell struct {
	icons, css, favicon, js string
}

func newShell(a *assets) (*shell, error) {
	sh := &shell{}
	for _, x := range []struct {
		to   *string
		name string
	}{{&sh.icons, "img/icons.svg"}, {&sh.css, "css/site.css"}, {&sh.favicon, "img/favicon.svg"}, {&sh.js, "js/site.js"}} {
		u, err := a.URL(x.name)
		if err != nil {
			return nil, err
		}
		*x.to = u
	}
	return sh, nil
}

// htmlWriter builds HTML in a buffer.
type htmlWriter struct{ bytes.Buffer }

// raw writes trusted markup.
func (w *htmlWriter) raw(parts ...string) {
	for _, p := range parts {
		w.WriteString(p)
	}
}

// Each byte's escaped form ("" keeps the byte): html/template's for text
// and quoted attribute values, and html.EscapeString's, which the cards
// have always used.
var (
	templateEscapes = [256]string{0: "\uFFFD", '"': "&#34;", '&': "&amp;", '\'': "&#39;", '+': "&#43;", '<': "&lt;", '>': "&gt;"}
	htmlEscapes     = [256]string{'"': "&#34;", '&': "&amp;", '\'': "&#39;", '<': "&lt;", '>': "&gt;"}
)

// text writes s escaped as html/template escapes text and quoted
// attribute values.
func (w *htmlWriter) text(s string) { w.escape(s, &templateEscapes) }

// langAttrs writes a link's lang, dir and hreflang attributes, for a link
// to a page in another language (the menu's edition switcher, "Read in").
func (w *htmlWriter) langAttrs(lang, dir string) {
	w.raw(` lang="`)
	w.text(lang)
	w.raw(`" dir="`)
	w.text(dir)
	w.raw(`" hreflang="`)
	w.text(lang)
	w.raw(`"`)
}

// esc writes s escaped as html.EscapeString escapes it (& ' < > ").
func (w *htmlWriter) esc(s string) { w.escape(s, &htmlEscapes) }

func (w *htmlWriter) escape(s string, table *[256]string) {
	last := 0
	for i := 0; i < len(s); i++ {
		if repl := table[s[i]]; repl != "" {
			w.WriteString(s[last:i])
			w.WriteString(repl)
			last = i + 1
		}
	}
	w.WriteString(s[last:])
}

// url writes s as the start of a URL attribute's value, as html/template
// does: filtered, normalised, escaped.
func (w *htmlWriter) url(s string) {
	if protocol, _, ok := strings.Cut(s, ":"); ok && !strings.Contains(protocol, "/") {
		if !strings.EqualFold(protocol, "http") && !strings.EqualFold(protocol, "https") && !strings.EqualFold(protocol, "mailto") {
			w.WriteString("#ZgotmplZ")
			return
		}
	}
	const hex = "0123456789abcdef"
	last := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9':
			continue
		case strings.IndexByte("!#$*,/:;=?@[]-._~", c) >= 0:
			continue
		case c == '&':
			w.text(s[last:i])
			w.WriteString("&amp;")
			last = i + 1
			continue
		case c == '+':
			w.text(s[last:i])
			w.WriteString("&#43;")
			last = i + 1
			continue
		case c == '%' && i+2 < len(s) && isHexDigit(s[i+1]) && isHexDigit(s[i+2]):
			continue
		}
		w.text(s[last:i])
		w.WriteByte('%')
		w.WriteByte(hex[c>>4])
		w.WriteByte(hex[c&15])
		last = i + 1
	}
	w.text(s[last:])
}

// urlPart writes s inside a URL after its start (a fragment or query),
// where html/template percent-encodes every reserved character.
func (w *htmlWriter) urlPart(s string) {
	const hex = "0123456789abcdef"
	last := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '-' || c == '.' || c == '_' || c == '~' {
			continue
		}
		w.WriteString(s[last:i])
		w.WriteByte('%')
		w.WriteByte(hex[c>>4])
		w.WriteByte(hex[c&15])
		last = i + 1
	}
	w.WriteString(s[last:])
}

func isHexDigit(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}

// head writes the document from the doctype to the last element of <head>
// before a page's own "head-extra".
func (sh *shell) head(w *htmlWriter, p *Page) {
	w.raw("<!doctype html>\n<html lang=\"")
	w.text(p.Ed.Lang)
	w.raw(`" dir="`)
	w.text(p.Ed.Dir)
	w.raw("\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>")
	w.text(p.Title)
	w.raw("</title>\n<meta name=\"description\" content=\"")
	w.text(p.Description)
	w.raw("\">\n")
	if p.Robots != "" {
		w.raw(`<meta name="robots" content="`)
		w.text(p.Robots)
		w.raw("\">\n")
	}
	w.raw(`<link rel="canonical" href="`)
	w.url(p.Canonical)
	w.raw("\">\n")
	for _, a := range p.Alternates {
		w.raw(`<link rel="alternate" hreflang="`)
		w.text(a.Lang)
		w.raw(`" href="`)
		w.url(a.URL)
		w.raw("\">\n")
	}
	sh.headMeta(w, p)
	w.raw(`<link rel="stylesheet" href="`)
	w.url(sh.css)
	w.raw("\">\n<link rel=\"icon\" href=\"")
	w.url(sh.favicon)
	w.raw("\" type=\"image/svg+xml\">\n<meta name=\"theme-color\" content=\"#13294b\">\n<script>", jsFlagScript, "</script>\n<script src=\"")
	w.url(sh.js)
	w.raw("\" defer></script>\n")
}

// headMeta writes feed autodiscovery, Open Graph and Twitter/X cards and
// JSON-LD (meta.go).
func (sh *shell) headMeta(w *htmlWriter, p *Page) {
	for _, f := range p.Feeds {
		w.raw(`<link rel="alternate" type="`)
		switch f.Format {
		case "atom":
			w.raw("application/atom+xml")
		case "json":
			w.raw("application/feed+json")
		default:
			w.raw("application/rss+xml")
		}
		w.raw(`" title="`)
		w.text(f.Title)
		w.raw(`" href="`)
		w.url(f.URL)
		w.raw("\">\n")
	}
	m := &p.Meta
	w.raw(`<meta property="og:type" content="`)
	w.text(m.Type)
	w.raw("\">\n<meta property=\"og:site_name\" content=\"")
	w.text(p.Ed.Settings.SiteName)
	w.raw("\">\n<meta property=\"og:title\" content=\"")
	w.text(m.Title)
	w.raw("\">\n<meta property=\"og:description\" content=\"")
	w.text(p.Description)
	w.raw("\">\n<meta property=\"og:url\" content=\"")
	w.text(p.Canonical)
	w.raw("\">\n<meta property=\"og:locale\" content=\"")
	w.text(p.OGLocale())
	w.raw("\">\n")
	for _, l := range p.OGLocaleAlternates() {
		w.raw(`<meta property="og:locale:alternate" content="`)
		w.text(l)
		w.raw("\">\n")
	}
	if img := m.Image; img != nil {
		w.raw(`<meta property="og:image" content="`)
		w.text(img.URL)
		w.raw("\">\n")
		if img.Type != "" {
			w.raw(`<meta property="og:image:type" content="`)
			w.text(img.Type)
			w.raw("\">\n")
		}
		w.raw(`<meta property="og:image:width" content="`, strconv.Itoa(img.Width),
			"\">\n<meta property=\"og:image:height\" content=\"", strconv.Itoa(img.Height), "\">\n")
		if img.Alt != "" {
			w.raw(`<meta property="og:image:alt" content="`)
			w.text(img.Alt)
			w.raw("\">\n")
		}
	}
	if m.Type == "article" {
		w.raw(`<meta property="article:published_time" content="`)
		w.text(m.Published)
		w.raw("\">\n<meta property=\"article:modified_time\" content=\"")
		w.text(m.Modified)
		w.raw("\">\n")
		if m.Section != "" {
			w.raw(`<meta property="article:section" content="`)
			w.text(m.Section)
			w.raw("\">\n")
		}
		for _, t := range m.Tags {
			w.raw(`<meta property="article:tag" content="`)
			w.text(t)
			w.raw("\">\n")
		}
	}
	w.raw(`<meta name="twitter:card" content="`)
	w.text(m.TwitterCard())
	w.raw("\">\n")
	if m.TwitterSite != "" {
		w.raw(`<meta name="twitter:site" content="`)
		w.text(m.TwitterSite)
		w.raw("\">\n")
	}
	w.raw(`<meta name="twitter:title" content="`)
	w.text(m.Title)
	w.raw("\">\n<meta name=\"twitter:description\" content=\"")
	w.text(p.Description)
	w.raw("\">\n")
	if img := m.Image; img != nil {
		w.raw(`<meta name="twitter:image" content="`)
		w.text(img.URL)
		w.raw("\">\n")
		if img.Alt != "" {
			w.raw(`<meta name="twitter:image:alt" content="`)
			w.text(img.Alt)
			w.raw("\">\n")
		}
	}
	for _, js := range p.JSONLD {
		w.raw(`<script type="application/ld+json">`, string(js), "</script>\n")
	}
}

// top writes from the end of <head> to the opening of <main>: the skip
// link and the header with the search form and the menu.
func (sh *shell) top(w *htmlWriter, p *Page) {
	w.raw("</head>\n<body>\n<a class=\"skip-link\" href=\"#main\">")
	w.text(p.T("a11y.skip"))
	w.raw("</a>\n<header class=\"site-header\" id=\"top\">\n  <div class=\"masthead wrap\">\n    <a class=\"brand\" href=\"")
	w.url(p.Home)
	w.raw("\" rel=\"home\">\n      <svg class=\"brand-mark\" aria-hidden=\"true\" focusable=\"false\" width=\"44\" height=\"44\"><use href=\"")
	w.url(sh.icons)
	w.raw("#logo\"></use></svg>\n      <span class=\"brand-text\"><span class=\"brand-name\">")
	w.text(p.Ed.Settings.SiteName)
	w.raw("</span>")
	if t := p.Ed.Settings.Tagline; t != "" {
		w.raw(`<span class="brand-tagline">`)
		w.text(t)
		w.raw("</span>")
	}
	w.raw("</span>\n    </a>\n    <button type=\"button\" class=\"nav-toggle\" aria-expanded=\"false\" aria-controls=\"site-nav\">\n      <svg aria-hidden=\"true\" focusable=\"false\" width=\"22\" height=\"22\"><use href=\"")
	w.url(sh.icons)
	w.raw("#menu\"></use></svg>\n      <span>")
	w.text(p.T("nav.menu"))
	w.raw("</span>\n    </button>\n    <form class=\"site-search\" role=\"search\" aria-label=\"")
	w.text(p.T("search.site"))
	w.raw(`" action="`)
	w.url(p.Ed.Path("/search/"))
	w.raw("\" method=\"get\">\n      <label class=\"visually-hidden\" for=\"site-search-q\">")
	w.text(p.T("search.field"))
	w.raw("</label>\n      <input class=\"site-search-input\" type=\"search\" id=\"site-search-q\" name=\"q\" value=\"")
	w.text(p.SearchQuery)
	w.raw(`" placeholder="`)
	w.text(p.T("search.placeholder"))
	w.raw(`" maxlength="256" enterkeyhint="search"`)
	if p.SearchQuery != "" {
		w.raw(` dir="auto"`)
	}
	w.raw(" autocomplete=\"off\">\n      <button class=\"site-search-button\" type=\"submit\"><svg aria-hidden=\"true\" focusable=\"false\" width=\"20\" height=\"20\"><use href=\"")
	w.url(sh.icons)
	w.raw("#search\"></use></svg><span class=\"visually-hidden\">")
	w.text(p.T("search.submit"))
	w.raw("</span></button>\n    </form>\n  </div>\n  <nav id=\"site-nav\" class=\"site-nav\" aria-label=\"")
	w.text(p.T("nav.label"))
	w.raw("\">\n    <ul class=\"menu wrap\">")
	for i := range p.Menu {
		sh.menuItem(w, &p.Menu[i])
	}
	w.raw("\n    </ul>\n  </nav>\n</header>\n<div class=\"page wrap\">\n  <main id=\"main\" class=\"main\" tabindex=\"-1\">")
}

// menuItem writes one menu entry with its submenu.
func (sh *shell) menuItem(w *htmlWriter, it *NavItem) {
	w.raw("\n      <li class=\"menu-item")
	if len(it.Children) > 0 {
		w.raw(" has-children")
	}
	w.raw(`">`)
	if len(it.Children) == 0 {
		w.raw(`<a href="`)
		w.url(it.URL)
		w.raw(`"`)
		if it.Lang != "" {
			w.langAttrs(it.Lang, it.Dir)
		}
		if it.Current {
			w.raw(` aria-current="page"`)
		}
		w.raw(">")
		w.text(it.Label)
		w.raw("</a></li>")
		return
	}
	if it.URL != "" {
		w.raw(`<a href="`)
		w.url(it.URL)
		w.raw(`"`)
		if it.Current {
			w.raw(` aria-current="page"`)
		}
		w.raw(">")
		w.text(it.Label)
		w.raw("</a>\n        <button type=\"button\" class=\"submenu-toggle\" aria-expanded=\"false\" aria-controls=\"")
		w.text(it.ID)
		w.raw(`"><span class="visually-hidden">`)
		w.text(it.Label)
		w.raw(`</span><svg aria-hidden="true" focusable="false" width="12" height="12"><use href="`)
		w.url(sh.icons)
		w.raw(`#chevron"></use></svg></button>`)
	} else {
		w.raw(`<button type="button" class="submenu-label" aria-expanded="false" aria-controls="`)
		w.text(it.ID)
		w.raw(`">`)
		w.text(it.Label)
		w.raw(`<svg aria-hidden="true" focusable="false" width="12" height="12"><use href="`)
		w.url(sh.icons)
		w.raw(`#chevron"></use></svg></button>`)
	}
	w.raw("\n        <ul class=\"submenu\" id=\"")
	w.text(it.ID)
	w.raw(`">`)
	for i := range it.Children {
		sh.menuItem(w, &it.Children[i])
	}
	w.raw("\n        </ul></li>")
}

// bottom writes from the end of <main> to the end of the document: the
// sidebar and the footer.
func (sh *shell) bottom(w *htmlWriter, p *Page) {
	w.raw("  </main>\n  \n  <aside class=\"sidebar\" aria-label=\"")
	w.text(p.T("sidebar.label"))
	w.raw("\">\n    <section class=\"widget\" aria-labelledby=\"recent-heading\">\n      <h2 id=\"recent-heading\" class=\"widget-title\">")
	w.text(p.T("sidebar.recent"))
	w.raw("</h2>\n      <ul class=\"recent-list\">")
	for _, it := range p.Recent {
		recentItem(w, it)
	}
	w.raw("\n      </ul>\n    </section>")
	if len(p.MostRead) > 0 {
		w.raw("\n    <section class=\"widget\" aria-labelledby=\"most-read-heading\">\n      <h2 id=\"most-read-heading\" class=\"widget-title\">")
		w.text(p.T("sidebar.most_read"))
		w.raw("</h2>\n      <ol class=\"recent-list most-read-list\">")
		for _, it := range p.MostRead {
			recentItem(w, it)
		}
		w.raw("\n      </ol>\n    </section>")
	}
	if p.Newsletter {
		w.raw("\n    <section class=\"widget widget-subscribe\">\n      ")
		subscribeForm(w, subscribeSpot{P: p, ID: "sidebar"})
		w.raw("\n    </section>")
	}
	if len(p.Social) > 0 {
		w.raw("\n    <section class=\"widget\" aria-labelledby=\"social-heading\">\n      <h2 id=\"social-heading\" class=\"widget-title\">")
		w.text(p.T("sidebar.follow"))
		w.raw("</h2>\n      <ul class=\"social-list\">")
		for _, l := range p.Social {
			w.raw("\n        <li><a class=\"social-link\" href=\"")
			w.url(l.URL)
			w.raw(`" rel="me noopener"><svg aria-hidden="true" focusable="false" width="20" height="20"><use href="`)
			w.url(sh.icons)
			w.raw("#")
			w.urlPart(l.Network)
			w.raw(`"></use></svg><span>`)
			w.text(l.Label)
			w.raw("</span></a></li>")
		}
		w.raw("\n      </ul>\n    </section>")
	}
	w.raw("\n  </aside>\n\n</div>\n<footer class=\"site-footer\">")
	if p.Newsletter {
		w.raw("\n  <div class=\"footer-subscribe\"><div class=\"wrap\">")
		subscribeForm(w, subscribeSpot{P: p, ID: "footer"})
		w.raw("</div></div>")
	}
	w.raw("\n  <div class=\"wrap footer-inner\">\n    <div class=\"footer-brand\">\n      <p class=\"footer-name\">")
	w.text(p.Ed.Settings.SiteName)
	w.raw("</p>\n      ")
	if t := p.Ed.Settings.FooterText; t != "" {
		w.raw(`<p class="footer-text">`)
		w.text(t)
		w.raw("</p>")
	}
	w.raw("\n    </div>\n    <p class=\"copyright\">")
	w.text(p.Copyright)
	w.raw("</p>\n    <div class=\"footer-actions\">\n      <a class=\"footer-feed\" href=\"")
	w.url(p.Ed.Path("/feed/"))
	w.raw(`" type="application/rss+xml"><svg aria-hidden="true" focusable="false" width="16" height="16"><use href="`)
	w.url(sh.icons)
	w.raw(`#rss"></use></svg>`)
	w.text(p.T("footer.feed"))
	w.raw("</a>\n      <a class=\"back-to-top\" href=\"#top\">")
	w.text(p.T("footer.top"))
	w.raw(" <span aria-hidden=\"true\" class=\"arrow-up\">↑</span></a>\n    </div>\n  </div>\n</footer>\n</body>\n</html>")
}

func recentItem(w *htmlWriter, it RecentItem) {
	w.raw("\n        <li><a href=\"")
	w.url(it.URL)
	w.raw(`">`)
	w.text(it.Title)
	w.raw(`</a> <time datetime="`)
	w.text(it.DateISO)
	w.raw(`">`)
	w.text(it.Date)
	w.raw("</time></li>")
}

// subscribeForm is the newsletter's subscribe form: a plain POST with a
// honeypot field and a signed token (refreshed by site.js), the same markup wherever it appears (sidebar, footer,
// under articles, the newsletter page; templates call it as "subscribe").
func subscribeForm(w *htmlWriter, sp subscribeSpot) {
	p := sp.P
	if !p.Newsletter {
		return
	}
	w.raw("\n<form class=\"subscribe subscribe-")
	w.text(sp.ID)
	w.raw(`" method="post" action="`)
	w.url(p.Ed.Path("/newsletter/subscribe/"))
	w.raw(`"`)
	if !sp.Bare {
		w.raw(` aria-labelledby="subscribe-`)
		w.text(sp.ID)
		w.raw(`-h"`)
	}
	w.raw(">")
	if !sp.Bare {
		w.raw("\n  <h2 class=\"subscribe-title")
		if sp.ID == "sidebar" {
			w.raw(" widget-title")
		}
		w.raw(`" id="subscribe-`)
		w.text(sp.ID)
		w.raw(`-h">`)
		w.text(p.T("newsletter.form.title"))
		w.raw("</h2>\n  <p class=\"subscribe-lead\">")
		w.text(p.T("newsletter.form.lead"))
		w.raw("</p>")
	}
	w.raw("\n  <div class=\"subscribe-row\">\n    <label class=\"visually-hidden\" for=\"subscribe-")
	w.text(sp.ID)
	w.raw(`-email">`)
	w.text(p.T("newsletter.form.email"))
	w.raw("</label>\n    <input class=\"subscribe-input\" type=\"email\" id=\"subscribe-")
	w.text(sp.ID)
	w.raw(`-email" name="email" value="`)
	w.text(sp.Email)
	w.raw(`" required maxlength="254" autocomplete="email" inputmode="email" dir="ltr" placeholder="`)
	w.text(p.T("newsletter.form.email"))
	w.raw(`"`)
	if sp.Bare {
		w.raw(` aria-describedby="newsletter-page-error"`)
	}
	w.raw(">\n    <button class=\"subscribe-button\" type=\"submit\">")
	w.text(p.T("newsletter.form.submit"))
	w.raw("</button>\n  </div>\n  <p class=\"subscribe-hp\" aria-hidden=\"true\"><label for=\"subscribe-")
	w.text(sp.ID)
	w.raw(`-website">`)
	w.text(p.T("newsletter.form.honeypot"))
	w.raw(`</label> <input type="text" id="subscribe-`)
	w.text(sp.ID)
	w.raw("-website\" name=\"website\" tabindex=\"-1\" autocomplete=\"off\"></p>\n  <input type=\"hidden\" name=\"token\" value=\"")
	w.text(p.SubscribeToken)
	w.raw(`" data-refresh="/form-token/subscribe/`)
	w.text(p.Ed.Code)
	w.raw("\">\n  <p class=\"subscribe-note\">")
	w.text(p.T("newsletter.form.privacy"))
	w.raw("</p>\n</form>")
}

// subscribeHTML is subscribeForm for the templates.
func subscribeHTML(sp subscribeSpot) template.HTML {
	var w htmlWriter
	subscribeForm(&w, sp)
	return template.HTML(w.String())
}
