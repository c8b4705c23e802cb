// Package sitemap writes the files search engines read to find a site's
// pages: sitemap indexes and URL sets (sitemaps.org 0.9) with hreflang
// alternates (xhtml:link), image entries (Google's image extension 1.1) and
// Google News entries, and robots.txt. It is pure: the web layer gathers the
// URLs and serves the bytes.
package sitemap

import (
	"bytes"
	"encoding/xml"
	"strings"
	"time"
)

// MaxURLs is the most URLs one sitemap file may list (the protocol allows
// 50,000; smaller files are cheaper to build and to fetch).
const MaxURLs = 10000

// ContentType is what sitemap files are served as.
const ContentType = "application/xml; charset=utf-8"

// Namespaces.
const (
	nsSitemap = "http://www.sitemaps.org/schemas/sitemap/0.9"
	nsXHTML   = "http://www.w3.org/1999/xhtml"
	nsImage   = "http://www.google.com/schemas/sitemap-image/1.1"
	nsNews    = "http://www.google.com/schemas/sitemap-news/0.9"
)

// URL is one page of a URL set.
type URL struct {
	Loc        string    // absolute URL
	LastMod    time.Time // zero: left out
	Alternates []Alternate
	Images     []Image
	News       *News
}

// Alternate is the same page in another language (hreflang).
type Alternate struct {
	Lang string // BCP 47 tag or "x-default"
	Href string // absolute URL
}

// Image is a picture on the page.
type Image struct {
	Loc     string // absolute URL
	Title   string
	Caption string
}

// News marks a URL as a news article for Google News.
type News struct {
	Publication string // the publication's name
	Language    string // ISO 639 code
	Published   time.Time
	Title       string
}

// Entry is one sitemap file in an index.
type Entry struct {
	Loc     string
	LastMod time.Time
}

// URLSet writes a urlset; it declares only the namespaces it uses.
func URLSet(urls []URL) ([]byte, error) {
	var alt, img, news bool
	for _, u := range urls {
		alt = alt || len(u.Alternates) > 0
		img = img || len(u.Images) > 0
		news = news || u.News != nil
	}
	w := newWriter()
	attrs := []string{"xmlns", nsSitemap}
	if alt {
		attrs = append(attrs, "xmlns:xhtml", nsXHTML)
	}
	if img {
		attrs = append(attrs, "xmlns:image", nsImage)
	}
	if news {
		attrs = append(attrs, "xmlns:news", nsNews)
	}
	w.start("urlset", attrs...)
	for _, u := range urls {
		w.start("url")
		w.elem("loc", u.Loc)
		if !u.LastMod.IsZero() {
			w.elem("lastmod", date(u.LastMod))
		}
		for _, a := range u.Alternates {
			w.elem("xhtml:link", "", "rel", "alternate", "hreflang", a.Lang, "href", a.Href)
		}
		for _, im := range u.Images {
			w.start("image:image")
			w.elem("image:loc", im.Loc)
			w.opt("image:caption", im.Caption)
			w.opt("image:title", im.Title)
			w.end("image:image")
		}
		if n := u.News; n != nil {
			w.start("news:news")
			w.start("news:publication")
			w.elem("news:name", n.Publication)
			w.elem("news:language", n.Language)
			w.end("news:publication")
			w.elem("news:publication_date", date(n.Published))
			w.elem("news:title", n.Title)
			w.end("news:news")
		}
		w.end("url")
	}
	w.end("urlset")
	return w.bytes()
}

// Index writes a sitemap index.
func Index(entries []Entry) ([]byte, error) {
	w := newWriter()
	w.start("sitemapindex", "xmlns", nsSitemap)
	for _, e := range entries {
		w.start("sitemap")
		w.elem("loc", e.Loc)
		if !e.LastMod.IsZero() {
			w.elem("lastmod", date(e.LastMod))
		}
		w.end("sitemap")
	}
	w.end("sitemapindex")
	return w.bytes()
}

// NewsLanguage is the language code Google News expects: ISO 639-1 or -2,
// except Chinese, which keeps its script ("zh-cn", "zh-tw").
func NewsLanguage(tag string) string {
	tag = strings.ToLower(tag)
	if strings.HasPrefix(tag, "zh-") {
		switch {
		case strings.Contains(tag, "hant"), strings.HasSuffix(tag, "-tw"), strings.HasSuffix(tag, "-hk"):
			return "zh-tw"
		}
		return "zh-cn"
	}
	lang, _, _ := strings.Cut(tag, "-")
	return lang
}

// date is a W3C datetime in UTC, to the second.
func date(t time.Time) string { return t.UTC().Format(time.RFC3339) }

// Robots writes robots.txt: every crawler may read everything except the
// disallowed path prefixes, and the sitemaps are named by absolute URL.
func Robots(disallow []string, sitemaps []string) []byte {
	var b strings.Builder
	b.WriteString("User-agent: *\n")
	for _, p := range disallow {
		b.WriteString("Disallow: " + p + "\n")
	}
	if len(disallow) == 0 {
		b.WriteString("Disallow:\n")
	}
	b.WriteString("\n")
	for _, s := range sitemaps {
		b.WriteString("Sitemap: " + s + "\n")
	}
	return []byte(b.String())
}

// writer writes XML token by token; encoding/xml escapes text and checks
// that elements nest. Prefixed names are written as given, with their
// namespaces declared on the root.
type writer struct {
	buf bytes.Buffer
	enc *xml.Encoder
	err error
}

func newWriter() *writer {
	w := &writer{}
	w.buf.WriteString(xml.Header)
	w.enc = xml.NewEncoder(&w.buf)
	return w
}

func (w *writer) token(t xml.Token) {
	if w.err == nil {
		w.err = w.enc.EncodeToken(t)
	}
}

func (w *writer) start(name string, attrs ...string) {
	se := xml.StartElement{Name: xml.Name{Local: name}}
	for i := 0; i+1 < len(attrs); i += 2 {
		se.Attr = append(se.Attr, xml.Attr{Name: xml.Name{Local: attrs[i]}, Value: attrs[i+1]})
	}
	w.token(se)
}

func (w *writer) end(name string) { w.token(xml.EndElement{Name: xml.Name{Local: name}}) }

func (w *writer) elem(name, text string, attrs ...string) {
	w.start(name, attrs...)
	if text != "" {
		w.token(xml.CharData(text))
	}
	w.end(name)
}

func (w *writer) opt(name, text string) {
	if text != "" {
		w.elem(name, text)
	}
}

func (w *writer) bytes() ([]byte, error) {
	if w.err == nil {
		w.err = w.enc.Flush()
	}
	if w.err != nil {
		return nil, w.err
	}
	w.buf.WriteByte('\n')
	return w.buf.Bytes(), nil
}
