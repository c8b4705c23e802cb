package wpimport

import (
	"regexp"
	"strconv"
	"strings"
)

// Classic-editor content is stored without paragraphs: WordPress adds them
// when it shows a post (wpautop). The import adds them once, so the body
// Masthead keeps reads the same. Block-editor content ("<!-- wp:") and text
// that already has paragraphs are left exactly as they are.

var (
	h1Tag      = regexp.MustCompile(`(?i)<(/?)h1\b`)
	preBlock   = regexp.MustCompile(`(?is)<pre\b.*?</pre>`)
	blankLines = regexp.MustCompile(`\n[ \t]*\n\s*`)
	blockStart = regexp.MustCompile(`(?i)^\s*(?:<(?:h[1-6]|p|ul|ol|li|dl|dt|dd|blockquote|table|thead|tbody|tr|td|th|figure|figcaption|div|hr|pre|address|section|aside|form|fieldset|iframe|object|embed|video|audio|script|style)\b|</|<!--|\x00pre)`)
)

// prepareBody turns a WordPress body into Masthead's: paragraphs added to
// classic content, and h1 (the page's own title level) demoted to h2.
func prepareBody(body string) string {
	body = h1Tag.ReplaceAllString(body, "<${1}h2")
	if strings.Contains(body, "<!-- wp:") || strings.Contains(body, "<p>") || strings.Contains(body, "<p ") ||
		strings.TrimSpace(body) == "" {
		return body
	}
	// Keep <pre> blocks as they are: their blank lines are content.
	var pres []string
	body = preBlock.ReplaceAllStringFunc(body, func(p string) string {
		pres = append(pres, p)
		return "\n\n\x00pre" + strconv.Itoa(len(pres)-1) + "\x00\n\n"
	})
	body = strings.ReplaceAll(body, "\r\n", "\n")
	var b strings.Builder
	for _, chunk := range blankLines.Split(body, -1) {
		chunk = strings.TrimSpace(chunk)
		if chunk == "" {
			continue
		}
		if blockStart.MatchString(chunk) {
			b.WriteString(chunk + "\n")
			continue
		}
		b.WriteString("<p>" + strings.ReplaceAll(chunk, "\n", "<br>\n") + "</p>\n")
	}
	out := b.String()
	for i, p := range pres {
		out = strings.Replace(out, "\x00pre"+strconv.Itoa(i)+"\x00", p, 1)
	}
	return strings.TrimSuffix(out, "\n")
}
