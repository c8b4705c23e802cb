package feed

import (
	"strconv"
	"time"
)

// RSSXML writes the feed as RSS 2.0 (https://www.rssboard.org/rss-specification)
// with the full text in content:encoded, the writer in dc:creator, an
// atom:link to itself, and an enclosure for the featured image and for each
// downloadable file.
func RSSXML(f *Feed) ([]byte, error) {
	w := newXMLWriter()
	w.start("rss", "version", "2.0",
		"xmlns:atom", "http://www.w3.org/2005/Atom",
		"xmlns:content", "http://purl.org/rss/1.0/modules/content/",
		"xmlns:dc", "http://purl.org/dc/elements/1.1/")
	w.start("channel")
	w.elem("title", f.Title)
	w.elem("link", f.abs(f.PagePath))
	w.elem("description", f.Description)
	w.opt("language", f.lang())
	w.elem("lastBuildDate", rssDate(f.LastModified()))
	w.elem("generator", Generator)
	w.elem("docs", "https://www.rssboard.org/rss-specification")
	w.elem("atom:link", "", "href", f.abs(RSS.Path(f.FeedPath)), "rel", "self", "type", RSS.MIME())
	if f.LogoPath != "" {
		w.start("image")
		w.elem("url", f.abs(f.LogoPath))
		w.elem("title", f.Title)
		w.elem("link", f.abs(f.PagePath))
		w.end("image")
	}
	for _, e := range f.Entries {
		a := e.Article
		link := f.abs(e.Path)
		w.start("item")
		w.elem("title", a.Title)
		w.elem("link", link)
		w.elem("guid", f.entryID(a), "isPermaLink", "false")
		w.elem("pubDate", rssDate(a.PublishedAt))
		w.opt("dc:creator", authorName(a))
		for _, t := range terms(e) {
			w.elem("category", t)
		}
		w.opt("description", a.Excerpt)
		w.elem("content:encoded", f.body(a))
		w.elem("comments", link+"#comments")
		for _, enc := range f.enclosures(e) {
			w.elem("enclosure", "", "url", enc.URL, "length", strconv.FormatInt(enc.Length, 10), "type", enc.Type)
		}
		w.end("item")
	}
	w.end("channel")
	w.end("rss")
	return w.bytes()
}

// rssDate is RFC 822 with a four-digit year, as RSS 2.0 asks.
func rssDate(t time.Time) string { return t.UTC().Format(time.RFC1123Z) }
