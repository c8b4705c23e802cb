// Package feed writes syndication feeds of an edition's articles: RSS 2.0
// (with content:encoded, Dublin Core creators and enclosures), Atom 1.0 and
// JSON Feed 1.1. It is pure: given the articles, the edition and the site's
// absolute URL it returns bytes. The web layer finds the articles, decides
// the URLs and answers HTTP (content types, conditional requests).
package feed

import (
	"fmt"
	"net/url"
	"strings"
	"time"

	"github.com/masthead-news/masthead/internal/content"
	"github.com/masthead-news/masthead/internal/edition"
	"github.com/masthead-news/masthead/internal/media"
)

// Generator names the software in every feed.
const Generator = "Masthead"

// Content types of the three formats.
const (
	RSSType  = "application/rss+xml; charset=utf-8"
	AtomType = "application/atom+xml; charset=utf-8"
	JSONType = "application/feed+json; charset=utf-8"
)

// Feed is one feed: the newest articles of a listing in one edition.
type Feed struct {
	Edition     *edition.Edition
	BaseURL     string // absolute site URL without a trailing slash: "https://news.example.org"
	Title       string
	Description string
	PagePath    string // the HTML page the feed mirrors: "/fa/category/environment/"
	FeedPath    string // the RSS feed; Atom is at FeedPath+"atom/", JSON Feed at FeedPath+"json/"
	IconPath    string // a small square icon (site path), optional
	LogoPath    string // a larger logo (site path), optional
	// Updated is used when the feed has no entries; otherwise the newest
	// entry's time is the feed's time.
	Updated time.Time
	Entries []Entry
}

// Entry is one article with what the feed shows beside its own fields.
type Entry struct {
	Article      *content.Article
	Path         string // the article's canonical site path
	AuthorPath   string // the author page, "" for an external writer
	CategoryPath string // the primary category's page
	Tags         []content.Tag
	Attachments  []*media.Media
}

// Format names a feed format as it appears in URLs.
type Format string

// The formats, by their URL segment ("" is RSS at /feed/).
const (
	RSS  Format = ""
	Atom Format = "atom"
	JSON Format = "json"
)

// ParseFormat reads the format segment of a feed URL.
func ParseFormat(s string) (Format, bool) {
	switch Format(s) {
	case RSS, Atom, JSON:
		return Format(s), true
	}
	return "", false
}

// ContentType is the media type a format is served with.
func (f Format) ContentType() string {
	switch f {
	case Atom:
		return AtomType
	case JSON:
		return JSONType
	}
	return RSSType
}

// MIME is the bare media type, as autodiscovery links name it.
func (f Format) MIME() string { return strings.SplitN(f.ContentType(), ";", 2)[0] }

// Path gives the feed path of a format below an RSS path ("/feed/").
func (f Format) Path(rssPath string) string {
	if f == RSS {
		return rssPath
	}
	return rssPath + string(f) + "/"
}

// Render writes the feed in a format.
func Render(f *Feed, format Format) ([]byte, error) {
	switch format {
	case Atom:
		return AtomXML(f)
	case JSON:
		return JSONFeed(f)
	}
	return RSSXML(f)
}

// LastModified is the newest publication or update time of the entries
// (the feed's Updated when it has none), in UTC and whole seconds.
func (f *Feed) LastModified() time.Time {
	t := f.Updated
	for _, e := range f.Entries {
		t = later(t, later(e.Article.PublishedAt, e.Article.UpdatedAt))
	}
	return t.UTC().Truncate(time.Second)
}

func later(a, b time.Time) time.Time {
	if b.After(a) {
		return b
	}
	return a
}

// abs makes an absolute URL of a site path.
func (f *Feed) abs(p string) string {
	if p == "" || strings.HasPrefix(p, "http://") || strings.HasPrefix(p, "https://") {
		return p
	}
	return f.BaseURL + p
}

// lang is the feed's language tag.
func (f *Feed) lang() string {
	if f.Edition == nil {
		return ""
	}
	return f.Edition.Lang
}

// entryID is a permanent identifier of an article that survives a change of
// its slug or date: a tag URI (RFC 4151) on the site's host.
func (f *Feed) entryID(a *content.Article) string {
	host := f.BaseURL
	if u, err := url.Parse(f.BaseURL); err == nil && u.Hostname() != "" {
		host = u.Hostname()
	}
	day := a.CreatedAt
	if day.IsZero() {
		day = a.PublishedAt
	}
	return fmt.Sprintf("tag:%s,%s:article-%d", host, day.UTC().Format("2006-01-02"), a.ID)
}

// updated is when an article last changed (never before it was published).
func updated(a *content.Article) time.Time { return later(a.PublishedAt, a.UpdatedAt) }

// body is the article's HTML, wrapped with its language and direction for
// right-to-left editions so readers show it the right way round.
func (f *Feed) body(a *content.Article) string {
	if f.Edition != nil && f.Edition.Dir == "rtl" {
		return `<div dir="rtl" lang="` + f.Edition.Lang + `">` + a.BodyHTML + `</div>`
	}
	return a.BodyHTML
}

// authorName is who wrote the piece: the staff author, or the external
// writer with the publication it first appeared in.
func authorName(a *content.Article) string {
	if a.HasExternalByline() {
		if a.External.Publication != "" {
			return a.External.Writer + " (" + a.External.Publication + ")"
		}
		return a.External.Writer
	}
	if a.Author != nil {
		return a.Author.Name
	}
	return ""
}

// enclosure is a file attached to an entry.
type enclosure struct {
	URL    string
	Type   string
	Length int64
	Title  string
}

// enclosures are the featured image followed by the downloadable files.
func (f *Feed) enclosures(e Entry) []enclosure {
	var out []enclosure
	if m := e.Article.Featured; m != nil && m.Path != "" {
		title := e.Article.FeaturedAlt
		if title == "" {
			title = m.Alt
		}
		out = append(out, enclosure{URL: f.abs(m.URL()), Type: m.MIME, Length: m.Size, Title: title})
	}
	for _, m := range e.Attachments {
		title := m.Title
		if title == "" {
			title = m.Filename
		}
		out = append(out, enclosure{URL: f.abs(m.URL()), Type: m.MIME, Length: m.Size, Title: title})
	}
	return out
}

// terms are the primary category followed by the tags.
func terms(e Entry) []string {
	var out []string
	if c := e.Article.PrimaryCategory; c != nil && c.Name != "" {
		out = append(out, c.Name)
	}
	for _, t := range e.Tags {
		out = append(out, t.Name)
	}
	return out
}
