package search

import (
	"html"
	"strings"
	"time"

	"github.com/masthead-news/masthead/internal/i18n"
)

// Document is what the index holds for one published item.
type Document struct {
	Kind        Kind
	ID          int64
	Edition     string
	PublishedAt time.Time
	Title       string
	Body        string // plain text: the summary (excerpt, description), then the body
}

// NewDocument builds the document of an item from its title, its summary
// and its sanitized HTML body.
func NewDocument(kind Kind, id int64, edition, title, summary, bodyHTML string, published time.Time) Document {
	return Document{Kind: kind, ID: id, Edition: edition, PublishedAt: published, Title: title, Body: BodyText(summary, bodyHTML)}
}

// IndexTitle is the folded title the index tokenizes.
func (d Document) IndexTitle() string { return i18n.Fold(d.Title) }

// IndexBody is the folded body the index tokenizes.
func (d Document) IndexBody() string { return i18n.Fold(d.Body) }

// BodyText is the searchable text of an item: its summary, then the text of
// its HTML body. Snippets are cut from the same text the index holds.
func BodyText(summary, bodyHTML string) string {
	summary = strings.Join(strings.Fields(summary), " ")
	body := PlainText(bodyHTML)
	switch {
	case summary == "":
		return body
	case body == "":
		return summary
	}
	return summary + " " + body
}

// blockTags separate words: the text on either side of them never joins.
var blockTags = map[string]bool{
	"address": true, "article": true, "aside": true, "blockquote": true, "br": true, "caption": true, "dd": true,
	"div": true, "dl": true, "dt": true, "figcaption": true, "figure": true, "footer": true, "h1": true, "h2": true,
	"h3": true, "h4": true, "h5": true, "h6": true, "header": true, "hr": true, "img": true, "li": true, "ol": true,
	"p": true, "pre": true, "section": true, "table": true, "td": true, "th": true, "tr": true, "ul": true,
}

// PlainText turns sanitized HTML into text: tags go (block-level ones leave
// a space), entities are decoded and white space collapses to single spaces.
func PlainText(h string) string {
	var b strings.Builder
	b.Grow(len(h))
	for h != "" {
		i := strings.IndexByte(h, '<')
		if i < 0 {
			b.WriteString(html.UnescapeString(h))
			break
		}
		b.WriteString(html.UnescapeString(h[:i]))
		h = h[i:]
		j := strings.IndexByte(h, '>')
		if j < 0 {
			break // a broken tag: drop the rest
		}
		if blockTags[tagName(h[1:j])] {
			b.WriteByte(' ')
		}
		h = h[j+1:]
	}
	return strings.Join(strings.Fields(b.String()), " ")
}

// tagName is the lower-case element name of a tag's inside ("/p" → "p").
func tagName(inside string) string {
	inside = strings.TrimPrefix(inside, "/")
	end := strings.IndexAny(inside, " \t\n\r\f/")
	if end >= 0 {
		inside = inside[:end]
	}
	return strings.ToLower(inside)
}
