package content

import (
	"regexp"
	"sync"

	"github.com/microcosm-cc/bluemonday"
)

var (
	policyOnce sync.Once
	policy     *bluemonday.Policy
)

// bodyPolicy is the allow-list for stored article and page HTML: structure and
// text formatting, links, images and figures, tables; no scripts, styles,
// event handlers, forms or frames, and only http, https and mailto URLs.
func bodyPolicy() *bluemonday.Policy {
	policyOnce.Do(func() {
		p := bluemonday.NewPolicy()
		p.AllowStandardURLs()
		p.AllowURLSchemes("http", "https", "mailto")
		p.RequireParseableURLs(true)
		p.AllowRelativeURLs(true)
		p.AllowElements("p", "br", "hr", "h2", "h3", "h4", "h5", "h6", "strong", "b", "em", "i", "u", "s",
			"sub", "sup", "small", "mark", "abbr", "cite", "q", "code", "pre", "kbd", "blockquote",
			"ul", "ol", "li", "dl", "dt", "dd", "figure", "figcaption", "table", "thead", "tbody",
			"tfoot", "tr", "th", "td", "caption", "span", "div", "bdi", "bdo", "time")
		p.AllowAttrs("href").OnElements("a")
		p.AllowAttrs("title").Globally()
		p.AllowAttrs("dir").Matching(regexp.MustCompile(`^(ltr|rtl|auto)$`)).Globally()
		p.AllowAttrs("lang").Matching(regexp.MustCompile(`^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$`)).Globally()
		p.AllowAttrs("src", "alt").OnElements("img")
		p.AllowAttrs("width", "height").Matching(bluemonday.Number).OnElements("img")
		p.AllowAttrs("loading").Matching(regexp.MustCompile(`^(lazy|eager)$`)).OnElements("img")
		p.AllowAttrs("cite").OnElements("blockquote", "q")
		p.AllowAttrs("datetime").OnElements("time")
		p.AllowAttrs("colspan", "rowspan").Matching(bluemonday.Number).OnElements("td", "th")
		p.AllowAttrs("scope").Matching(regexp.MustCompile(`^(row|col|rowgroup|colgroup)$`)).OnElements("th")
		p.RequireNoReferrerOnLinks(false)
		p.AddTargetBlankToFullyQualifiedLinks(false)
		policy = p
	})
	return policy
}

// SanitizeHTML returns body with everything outside the allow-list removed.
func SanitizeHTML(body string) string { return bodyPolicy().Sanitize(body) }

var activeContent = regexp.MustCompile(`(?i)<\s*(script|iframe|object|embed|style)\b|\son[a-z]+\s*=|javascript\s*:|vbscript\s*:|data\s*:\s*text/html`)

// ActiveContent returns the first piece of script-like markup in body (a
// script element, an on* event handler, a javascript: URL …), or "" when
// there is none. The admin refuses such text with a clear message rather
// than silently dropping what the editor typed.
func ActiveContent(body string) string {
	return activeContent.FindString(body)
}
