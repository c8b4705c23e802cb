package feed

import (
	"strconv"
	"time"
)

// AtomXML writes the feed as Atom 1.0 (RFC 4287): xml:lang on the feed,
// permanent ids, updated times, an author for the feed and each entry, the
// full text as content type="html" and enclosure links.
func AtomXML(f *Feed) ([]byte, error) {
	w := newXMLWriter()
	w.start("feed", "xmlns", "http://www.w3.org/2005/Atom", "xml:lang", f.lang())
	w.elem("id", f.abs(Atom.Path(f.FeedPath)))
	w.elem("title", f.Title, "type", "text")
	w.opt("subtitle", f.Description, "type", "text")
	w.elem("updated", atomDate(f.LastModified()))
	w.elem("link", "", "rel", "alternate", "type", "text/html", "href", f.abs(f.PagePath))
	w.elem("link", "", "rel", "self", "type", Atom.MIME(), "href", f.abs(Atom.Path(f.FeedPath)))
	// The site speaks for entries that name no author.
	w.start("author")
	w.elem("name", f.siteName())
	w.elem("uri", f.abs(f.homePath()))
	w.end("author")
	w.elem("generator", Generator)
	w.opt("icon", f.abs(f.IconPath))
	w.opt("logo", f.abs(f.LogoPath))
	for _, e := range f.Entries {
		a := e.Article
		w.start("entry")
		w.elem("id", f.entryID(a))
		w.elem("title", a.Title, "type", "text")
		w.elem("link", "", "rel", "alternate", "type", "text/html", "href", f.abs(e.Path))
		w.elem("published", atomDate(a.PublishedAt))
		w.elem("updated", atomDate(updated(a)))
		if name := authorName(a); name != "" {
			w.start("author")
			w.elem("name", name)
			if a.HasExternalByline() {
				w.opt("uri", a.External.URL)
			} else {
				w.opt("uri", f.abs(e.AuthorPath))
			}
			w.end("author")
		}
		for _, t := range terms(e) {
			w.elem("category", "", "term", t)
		}
		w.opt("summary", a.Excerpt, "type", "text")
		w.elem("content", f.body(a), "type", "html")
		for _, enc := range f.enclosures(e) {
			w.elem("link", "", "rel", "enclosure", "type", enc.Type, "length", strconv.FormatInt(enc.Length, 10),
				"href", enc.URL, "title", enc.Title)
		}
		w.end("entry")
	}
	w.end("feed")
	return w.bytes()
}

// atomDate is an RFC 3339 timestamp in UTC.
func atomDate(t time.Time) string { return t.UTC().Format(time.RFC3339) }

func (f *Feed) siteName() string {
	if f.Edition != nil && f.Edition.Settings.SiteName != "" {
		return f.Edition.Settings.SiteName
	}
	return f.Title
}

func (f *Feed) homePath() string {
	if f.Edition != nil {
		return f.Edition.Path("/")
	}
	return "/"
}
