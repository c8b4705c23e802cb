package web

import (
	"html"
	"html/template"
	"net/url"
	"strconv"
	"strings"
)

// The article card and the byline are written in Go rather than in a
// template: a listing repeats them for every article, and html/template
// spends an allocating reflective call on each of their two dozen actions
// — the largest part of an uncached listing's cost (see bench/). They keep
// html/template's rules by hand: every text and attribute value goes
// through html.EscapeString, and the one URL that comes from an editor
// (a republished piece's original) passes safeURL.

// cardSizes are the sizes attributes of card pictures: the lead card of a
// front page is wider than the rest.
const (
	cardSizes     = "(max-width: 760px) calc(100vw - 2rem), (max-width: 1020px) 46vw, 400px"
	leadCardSizes = "(max-width: 760px) calc(100vw - 2rem), (max-width: 1020px) 56vw, 480px"
)

// cardHTML writes the i-th card of a listing; lead marks the front page's
// first card. Pictures after the second load lazily.
func cardHTML(tr translator, icons string, c Card, i int, lead bool) template.HTML {
	var b strings.Builder
	b.Grow(2048 + len(c.Body))
	w := func(parts ...string) {
		for _, p := range parts {
			b.WriteString(p)
		}
	}
	esc := html.EscapeString
	w(`<article class="card`)
	if lead {
		w(" card-lead")
	}
	w(`">`)
	if img := c.Image; img != nil {
		sizes := cardSizes
		if lead {
			sizes = leadCardSizes
		}
		w("\n        <figure class=\"card-media\">\n          ",
			`<a href="`, esc(c.URL), `" tabindex="-1" aria-hidden="true"><picture>`)
		if img.WebPSrcset != "" {
			w(`<source type="image/webp" srcset="`, esc(img.WebPSrcset), `" sizes="`, sizes, `">`)
		}
		w(`<img src="`, esc(img.URL), `" alt="`, esc(img.Alt), `"`)
		if img.Srcset != "" {
			w(` srcset="`, esc(img.Srcset), `" sizes="`, sizes, `"`)
		}
		w(` width="`, strconv.Itoa(img.Width), `" height="`, strconv.Itoa(img.Height), `"`)
		if i > 1 {
			w(` loading="lazy"`)
		}
		w(` decoding="async"></picture></a>`)
		if img.Caption != "" {
			w("\n          <figcaption>", esc(img.Caption), "</figcaption>")
		}
		w("\n        </figure>")
	}
	w("\n        <div class=\"card-body\">\n          ")
	if c.CategoryName != "" {
		w(`<a class="kicker" href="`, esc(c.CategoryURL), `">`, esc(c.CategoryName), `</a>`)
	}
	w("\n          <h2 class=\"card-title\"><a href=\"", esc(c.URL), `">`, esc(c.Title), "</a></h2>")
	if c.Body != "" {
		w("\n          <div class=\"prose\">", string(c.Body), "</div>") // sanitized when stored
	} else if c.Excerpt != "" {
		w("\n          <p class=\"excerpt\">", esc(c.Excerpt), "</p>")
	}
	w("\n          <p class=\"meta\">\n            ", string(bylineHTML(tr, c)),
		"\n            <time datetime=\"", esc(c.DateISO), `">`, esc(c.Date), "</time>",
		"\n            <a class=\"comments-link\" href=\"", esc(c.CommentsURL),
		`"><svg aria-hidden="true" focusable="false" width="14" height="14"><use href="`, esc(icons),
		`#comment"></use></svg>`, esc(c.Comments), "</a>\n          </p>\n          ",
		string(shareList(icons, tr.T("share.label", c.Title), c.Share)),
		"\n        </div>\n      </article>")
	return template.HTML(b.String())
}

// bylineHTML is "By {author}" linking the author's page, or "Written by
// {writer}, {publication}" linking the original of a republished piece.
func bylineHTML(tr translator, c Card) template.HTML {
	esc := html.EscapeString
	switch {
	case c.External != nil:
		pub := "<bdi>" + esc(c.External.Publication) + "</bdi>"
		if u, ok := safeURL(c.External.URL); ok {
			pub = `<a href="` + esc(u) + `" rel="noopener">` + pub + "</a>"
		}
		return template.HTML(`<span class="byline">` + esc(tr.T("byline.written_by")) + " <bdi>" +
			esc(c.External.Writer) + "</bdi>, " + pub + "</span>")
	case c.AuthorName != "":
		return template.HTML(`<span class="byline">` + esc(tr.T("byline.by")) + ` <a href="` + esc(c.AuthorURL) +
			`"><bdi>` + esc(c.AuthorName) + "</bdi></a></span>")
	}
	return ""
}

// safeURL admits an absolute http or https URL, as the content service
// does on save; anything else is left unlinked rather than trusted.
func safeURL(raw string) (string, bool) {
	if raw == "" {
		return "", false
	}
	u, err := url.Parse(raw)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return "", false
	}
	return u.String(), true
}

// shareList writes the share links of an article or card (see cardHTML
// for why in Go). The URLs are built by shareLinks from query-escaped
// parts behind fixed https: and mailto: prefixes.
func shareList(icons, label string, links []ShareLink) template.HTML {
	esc := html.EscapeString
	var b strings.Builder
	b.Grow(256 + len(links)*400)
	b.WriteString(`<ul class="share" aria-label="` + esc(label) + `">`)
	for _, l := range links {
		network, text := esc(l.Network), esc(l.Label)
		b.WriteString("\n    <li><a class=\"share-link share-" + network + `" href="` + esc(l.URL) +
			`" rel="noopener nofollow" title="` + text + `"><svg aria-hidden="true" focusable="false" width="16" height="16"><use href="` +
			esc(icons) + "#" + network + `"></use></svg><span class="visually-hidden">` + text + `</span></a></li>`)
	}
	b.WriteString("\n  </ul>")
	return template.HTML(b.String())
}
