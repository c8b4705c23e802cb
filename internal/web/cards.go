package web

import (
	"html/template"
	"net/url"
	"strconv"
	"strings"
	"sync"

	"github.com/masthead-news/masthead/internal/i18n"
)

// The article card and the byline are written in Go rather than in a
// template: a listing repeats them for every article, and html/template
// spends an allocating reflective call on each of their two dozen actions
// — the largest part of an uncached listing's cost (see bench/). They keep
// html/template's rules by hand: every text and attribute value goes
// through htmlWriter.esc (html.EscapeString's escaping), and the one URL that comes from an editor
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
	var w htmlWriter
	writeCard(&w, tr, icons, newCardShares(tr, icons), &c, i, lead)
	return template.HTML(w.String())
}

func writeCard(w *htmlWriter, tr translator, icons string, shares *cardShares, c *Card, i int, lead bool) {
	w.raw(`<article class="card`)
	if lead {
		w.raw(" card-lead")
	}
	w.raw(`">`)
	if img := c.Image; img != nil {
		sizes := cardSizes
		if lead {
			sizes = leadCardSizes
		}
		w.raw("\n        <figure class=\"card-media\">\n          ", `<a href="`)
		w.esc(c.URL)
		w.raw(`" tabindex="-1" aria-hidden="true"><picture>`)
		if img.WebPSrcset != "" {
			w.raw(`<source type="image/webp" srcset="`)
			w.esc(img.WebPSrcset)
			w.raw(`" sizes="`, sizes, `">`)
		}
		w.raw(`<img src="`)
		w.esc(img.URL)
		w.raw(`" alt="`)
		w.esc(img.Alt)
		w.raw(`"`)
		if img.Srcset != "" {
			w.raw(` srcset="`)
			w.esc(img.Srcset)
			w.raw(`" sizes="`, sizes, `"`)
		}
		w.raw(` width="`, strconv.Itoa(img.Width), `" height="`, strconv.Itoa(img.Height), `"`)
		if i > 1 {
			w.raw(` loading="lazy"`)
		}
		w.raw(` decoding="async"></picture></a>`)
		if img.Caption != "" {
			w.raw("\n          <figcaption>")
			w.esc(img.Caption)
			w.raw("</figcaption>")
		}
		w.raw("\n        </figure>")
	}
	w.raw("\n        <div class=\"card-body\">\n          ")
	if c.CategoryName != "" {
		w.raw(`<a class="kicker" href="`)
		w.esc(c.CategoryURL)
		w.raw(`">`)
		w.esc(c.CategoryName)
		w.raw(`</a>`)
	}
	w.raw("\n          <h2 class=\"card-title\"><a href=\"")
	w.esc(c.URL)
	w.raw(`">`)
	w.esc(c.Title)
	w.raw("</a></h2>")
	if c.Body != "" {
		w.raw("\n          <div class=\"prose\">", string(c.Body), "</div>") // sanitized when stored
	} else if c.Excerpt != "" {
		w.raw("\n          <p class=\"excerpt\">")
		w.esc(c.Excerpt)
		w.raw("</p>")
	}
	w.raw("\n          <p class=\"meta\">\n            ")
	writeByline(w, tr, c)
	w.raw("\n            <time datetime=\"")
	w.esc(c.DateISO)
	w.raw(`">`)
	w.esc(c.Date)
	w.raw("</time>", "\n            <a class=\"comments-link\" href=\"")
	w.esc(c.CommentsURL)
	w.raw(`"><svg aria-hidden="true" focusable="false" width="14" height="14"><use href="`)
	w.esc(icons)
	w.raw(`#comment"></use></svg>`)
	w.esc(c.Comments)
	w.raw("</a>\n          </p>\n          ")
	if c.Share != nil {
		writeShareList(w, icons, tr.T("share.label", c.Title), c.Share)
	} else {
		shares.write(w, tr, c)
	}
	w.raw("\n        </div>\n      </article>")
}

// bylineHTML is "By {author}" linking the author's page, or "Written by
// {writer}, {publication}" linking the original of a republished piece.
func bylineHTML(tr translator, c Card) template.HTML {
	var w htmlWriter
	writeByline(&w, tr, &c)
	return template.HTML(w.String())
}

func writeByline(w *htmlWriter, tr translator, c *Card) {
	switch {
	case c.External != nil:
		w.raw(`<span class="byline">`)
		w.esc(tr.T("byline.written_by"))
		w.raw(" <bdi>")
		w.esc(c.External.Writer)
		w.raw("</bdi>, ")
		u, ok := safeURL(c.External.URL)
		if ok {
			w.raw(`<a href="`)
			w.esc(u)
			w.raw(`" rel="noopener">`)
		}
		w.raw("<bdi>")
		w.esc(c.External.Publication)
		w.raw("</bdi>")
		if ok {
			w.raw("</a>")
		}
		w.raw("</span>")
	case c.AuthorName != "":
		w.raw(`<span class="byline">`)
		w.esc(tr.T("byline.by"))
		w.raw(` <a href="`)
		w.esc(c.AuthorURL)
		w.raw(`"><bdi>`)
		w.esc(c.AuthorName)
		w.raw("</bdi></a></span>")
	}
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
	var w htmlWriter
	writeShareList(&w, icons, label, links)
	return template.HTML(w.String())
}

// cardShares writes the share links of a listing's cards: what
// writeShareList writes for shareLinks(…) of a card, without building the
// links first (a listing has ten cards of seven links each). What is the
// same on every card — each link's label and icon, escaped — is written
// once per page (newCardShares); a card adds its page URL and title,
// query-escaped straight into the buffer.
type cardShares struct {
	// tails are, per network, the markup from the end of the href to the
	// end of the list item.
	tails [len(shareNetworks)]string
	// labelBefore and labelAfter are the list's label around the title,
	// escaped; split is false when the translation does not hold the
	// title exactly once, and the label is then made per card.
	labelBefore, labelAfter string
	split                   bool
}

// cardSharesKept holds the cardShares of each locale and icon sprite: they
// are the same on every listing of an edition, and making them (fourteen
// escaped labels) was about 2% of an uncached listing. Reloading the
// editions makes new locales, so past a few dozen the set starts again.
var cardSharesKept struct {
	sync.Mutex
	m map[cardSharesKey]*cardShares
}

type cardSharesKey struct {
	loc   *i18n.Locale
	icons string
}

func keptCardShares(loc *i18n.Locale, icons string) *cardShares {
	key := cardSharesKey{loc, icons}
	cardSharesKept.Lock()
	defer cardSharesKept.Unlock()
	if cs := cardSharesKept.m[key]; cs != nil {
		return cs
	}
	if len(cardSharesKept.m) >= 64 || cardSharesKept.m == nil {
		cardSharesKept.m = map[cardSharesKey]*cardShares{}
	}
	cs := newCardShares(loc, icons)
	cardSharesKept.m[key] = cs
	return cs
}

// shareNetworks are the networks of shareLinks, in its order.
var shareNetworks = [...]string{"facebook", "x", "pinterest", "whatsapp", "telegram", "skype", "email"}

func newCardShares(tr translator, icons string) *cardShares {
	cs := &cardShares{}
	for i, network := range shareNetworks {
		label := tr.T("share." + network)
		var w htmlWriter
		w.raw(`" rel="noopener nofollow" title="`)
		w.esc(label)
		w.raw(`"><svg aria-hidden="true" focusable="false" width="16" height="16"><use href="`)
		w.esc(icons)
		w.raw("#", network, `"></use></svg><span class="visually-hidden">`)
		w.esc(label)
		w.raw(`</span></a></li>`)
		cs.tails[i] = w.String()
	}
	const mark = "\x00"
	if before, after, ok := strings.Cut(tr.T("share.label", mark), mark); ok && !strings.Contains(after, mark) {
		var b, a htmlWriter
		b.esc(before)
		a.esc(after)
		cs.labelBefore, cs.labelAfter, cs.split = b.String(), a.String(), true
	}
	return cs
}

// write writes c's share list. The escaped page URL and title hold only
// letters, digits, "-_.~%+" (url.QueryEscape's output), which HTML
// leaves alone; the fixed parts of the hrefs are written escaped ("&amp;").
func (cs *cardShares) write(w *htmlWriter, tr translator, c *Card) {
	pageURL := c.shareOrigin + c.URL
	var ubuf, tbuf [512]byte
	u, t := appendQueryEscape(ubuf[:0], pageURL), appendQueryEscape(tbuf[:0], c.Title)
	w.raw(`<ul class="share" aria-label="`)
	if cs.split {
		w.raw(cs.labelBefore)
		w.esc(c.Title)
		w.raw(cs.labelAfter)
	} else {
		w.esc(tr.T("share.label", c.Title))
	}
	w.raw(`">`)
	link := func(i int, href string) {
		w.raw("\n    <li><a class=\"share-link share-", shareNetworks[i], `" href="`, href)
	}
	// pageAndText is a link whose href is href, the page URL, then the
	// title as its "text" parameter.
	pageAndText := func(i int, href string) {
		link(i, href)
		w.Write(u)
		w.WriteString("&amp;text=")
		w.Write(t)
		w.WriteString(cs.tails[i])
	}
	link(0, "https://www.facebook.com/sharer/sharer.php?u=")
	w.Write(u)
	w.WriteString(cs.tails[0])
	pageAndText(1, "https://x.com/intent/post?url=")
	link(2, "https://pinterest.com/pin/create/button/?url=")
	w.Write(u)
	w.WriteString("&amp;description=")
	w.Write(t)
	if c.Image != nil {
		w.WriteString("&amp;media=")
		w.writeQueryEscaped(c.shareOrigin)
		w.writeQueryEscaped(c.Image.URL)
	}
	w.WriteString(cs.tails[2])
	link(3, "https://wa.me/?text=")
	w.Write(t) // url.QueryEscape(title + " " + pageURL)
	w.WriteByte('+')
	w.Write(u)
	w.WriteString(cs.tails[3])
	pageAndText(4, "https://t.me/share/url?url=")
	pageAndText(5, "https://web.skype.com/share?url=")
	link(6, "mailto:?subject=")
	w.pathEscaped(c.Title)
	w.WriteString("&amp;body=")
	w.pathEscaped(pageURL)
	w.WriteString(cs.tails[6])
	w.raw("\n  </ul>")
}

// appendQueryEscape appends url.QueryEscape(s) to b.
func appendQueryEscape(b []byte, s string) []byte {
	const hex = "0123456789ABCDEF"
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '-' || c == '_' || c == '.' || c == '~':
			b = append(b, c)
		case c == ' ':
			b = append(b, '+')
		default:
			b = append(b, '%', hex[c>>4], hex[c&15])
		}
	}
	return b
}

// pathEscaped writes html.EscapeString(url.PathEscape(s)) without
// making either string: PathEscape keeps letters, digits and
// "-_.~$&+:=@", of which HTML escapes only "&".
func (w *htmlWriter) pathEscaped(s string) {
	var buf [512]byte
	w.Write(appendPathEscapedHTML(buf[:0], s))
}

// appendPathEscapedHTML appends html.EscapeString(url.PathEscape(s)) to
// b: a byte at a time into a slice, which is cheaper than a buffer write
// a byte (an Arabic title is mostly escapes).
func appendPathEscapedHTML(b []byte, s string) []byte {
	const hex = "0123456789ABCDEF"
	for i := 0; i < len(s); i++ {
		switch c := s[i]; c {
		case '-', '_', '.', '~', '$', '+', ':', '=', '@':
			b = append(b, c)
		case '&':
			b = append(b, "&amp;"...)
		default:
			if 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' {
				b = append(b, c)
				continue
			}
			b = append(b, '%', hex[c>>4], hex[c&15])
		}
	}
	return b
}

// writeQueryEscaped writes url.QueryEscape(s).
func (w *htmlWriter) writeQueryEscaped(s string) {
	var buf [512]byte
	w.Write(appendQueryEscape(buf[:0], s))
}

func writeShareList(w *htmlWriter, icons, label string, links []ShareLink) {
	w.raw(`<ul class="share" aria-label="`)
	w.esc(label)
	w.raw(`">`)
	for _, l := range links {
		w.raw("\n    <li><a class=\"share-link share-")
		w.esc(l.Network)
		w.raw(`" href="`)
		w.esc(l.URL)
		w.raw(`" rel="noopener nofollow" title="`)
		w.esc(l.Label)
		w.raw(`"><svg aria-hidden="true" focusable="false" width="16" height="16"><use href="`)
		w.esc(icons)
		w.raw("#")
		w.esc(l.Network)
		w.raw(`"></use></svg><span class="visually-hidden">`)
		w.esc(l.Label)
		w.raw(`</span></a></li>`)
	}
	w.raw("\n  </ul>")
}

// writeListingMain writes a listing page's main column (home, all articles,
// category, tag, author): the edition suggestion, the heading, the cards
// and the pager. Listings are the most requested pages, and as a template
// this was their last reflective work; it keeps html/template's escaping
// (htmlWriter.text and url, see shell.go) for everything but the cards.
func writeListingMain(w *htmlWriter, icons string, lp *ListingPage) {
	if sg := lp.Suggest; sg != nil {
		w.raw("\n    <aside class=\"edition-suggest\" lang=\"")
		w.text(sg.Lang)
		w.raw(`" dir="`)
		w.text(sg.Dir)
		w.raw(`" aria-label="`)
		w.text(sg.Label)
		w.raw("\">\n      <p>")
		w.text(sg.Text)
		w.raw(` <a href="`)
		w.url(sg.URL)
		w.raw(`" hreflang="`)
		w.text(sg.Lang)
		w.raw(`">`)
		w.text(sg.Label)
		w.raw(" <span aria-hidden=\"true\" class=\"arrow-fwd\">→</span></a></p>\n    </aside>")
	}
	if lp.HideHead {
		w.raw("\n    <h1 class=\"visually-hidden\">")
		w.text(lp.Heading)
		w.raw("</h1>")
	} else {
		w.raw("\n    <header class=\"listing-head\">")
		if lp.Author != nil && lp.Author.Avatar != nil {
			w.raw(`<img class="avatar avatar-lg" src="`)
			w.url(lp.Author.Avatar.URL)
			w.raw(`" alt="" width="96" height="96">`)
		}
		w.raw("\n      <div>\n        <h1 class=\"listing-title\">")
		w.text(lp.Heading)
		w.raw("</h1>\n        ")
		if lp.Intro != "" {
			w.raw(`<p class="listing-intro">`)
			w.text(lp.Intro)
			w.raw("</p>")
		}
		writeReadIn(w, lp.Page)
		w.raw("\n      </div>\n    </header>")
	}
	if len(lp.Cards) > 0 {
		w.raw("\n    <div class=\"cards\">")
		shares := keptCardShares(lp.L, icons)
		for i := range lp.Cards {
			w.raw("\n      ")
			writeCard(w, lp.Page, icons, shares, &lp.Cards[i], i, i == 0 && lp.PageNum == 1 && lp.HideHead)
		}
		w.raw("\n    </div>")
	} else {
		w.raw("\n    <p class=\"empty\">")
		w.text(lp.T("listing.empty"))
		w.raw("</p>")
	}
	if lp.Newer != "" || lp.Older != "" {
		w.raw("\n    <nav class=\"pager\" aria-label=\"")
		w.text(lp.T("paging.label"))
		w.raw("\">\n      ")
		if lp.Newer != "" {
			w.raw(`<a class="pager-newer" href="`)
			w.url(lp.Newer)
			w.raw(`" rel="prev"><span aria-hidden="true" class="arrow-back">←</span> `)
			w.text(lp.T("paging.newer"))
			w.raw("</a>")
		}
		w.raw("\n      ")
		if lp.Older != "" {
			w.raw(`<a class="pager-older" href="`)
			w.url(lp.Older)
			w.raw(`" rel="next">`)
			w.text(lp.T("paging.older"))
			w.raw(` <span aria-hidden="true" class="arrow-fwd">→</span></a>`)
		}
		w.raw("\n    </nav>")
	}
	w.raw("\n")
}

// writeReadIn writes the "Read in" links to a page's other editions (the
// templates' "read-in" partial).
func writeReadIn(w *htmlWriter, p *Page) {
	if len(p.Translations) > 0 {
		w.raw("\n  <p class=\"read-in\">")
		w.text(p.T("article.read_in"))
		for i, t := range p.Translations {
			if i > 0 {
				w.raw(",")
			}
			w.raw(` <a href="`)
			w.url(t.URL)
			w.raw(`"`)
			w.langAttrs(t.Lang, t.Dir)
			w.raw(">")
			w.text(t.Label)
			w.raw("</a>")
		}
		w.raw("\n  </p>")
	}
	w.raw("\n")
}
