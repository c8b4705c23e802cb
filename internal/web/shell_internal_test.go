package web

import (
	"html/template"
	"strings"
	"testing"

	"github.com/masthead-news/masthead/internal/edition"
	"github.com/masthead-news/masthead/internal/i18n"
)

// The shell (shell.go) escapes by hand what html/template escaped: for any
// text it must write exactly what html/template writes in the same place.
func TestShellEscapesLikeHTMLTemplate(t *testing.T) {
	ref := template.Must(template.New("").Parse(
		`<p title="{{.}}">{{.}}</p><a href="{{.}}">x</a><use href="/i.svg#{{.}}"></use>`))
	for _, s := range []string{
		"", "plain", `<script>alert(1)</script>`, `"onmouseover="alert(2)`, `'&+<>`, "nul\x00byte",
		"javascript:alert(3)", "JavaScript:alert(4)", "data:text/html,<b>", "vbscript:x", "mailto:a@b.example?subject=a b",
		"https://example.org/a b?q=1&r=2#frag", "HTTPS://EXAMPLE.ORG/", "/fa/search/", "/2026/01/02/%D8%B4%D9%87%D8%B1/",
		"/bad%zzescape/%", "/ünïcode/شهر", "rel/a:b", "?a=b:c", "#x:y", "a\tb\nc", "~-._!$*,;=@[]()'\"",
	} {
		var want strings.Builder
		if err := ref.Execute(&want, s); err != nil {
			t.Fatal(err)
		}
		var w htmlWriter
		w.raw(`<p title="`)
		w.text(s)
		w.raw(`">`)
		w.text(s)
		w.raw(`</p><a href="`)
		w.url(s)
		w.raw(`">x</a><use href="/i.svg#`)
		w.urlPart(s)
		w.raw(`"></use>`)
		if got := w.String(); got != want.String() {
			t.Errorf("%q:\n got %s\nwant %s", s, got, want.String())
		}
	}
}

// A page's hostile values stay text in every part of the shell.
func TestShellEscapesPageValues(t *testing.T) {
	hostile := `<script>alert(1)</script>"'&`
	ed := &edition.Edition{Code: "en", Lang: "en", Dir: "ltr", IsDefault: true,
		Settings: edition.Settings{SiteName: hostile, Tagline: hostile, FooterText: hostile,
			Social: []edition.SocialLink{{Network: `x"><script>`, Label: hostile, URL: "javascript:alert(2)"}}}}
	p := &Page{Ed: ed, L: i18n.MustNew("en", i18n.Options{}), Title: hostile, Description: hostile, Canonical: "https://news.example.org/",
		Robots: hostile, Home: "/", SearchQuery: hostile, Copyright: hostile, Newsletter: true,
		Menu:   []NavItem{{ID: "m-0", Label: hostile, URL: "javascript:alert(3)", Children: []NavItem{{ID: "m-0-0", Label: hostile, URL: "/a/"}}}},
		Recent: []RecentItem{{Title: hostile, URL: "/x/", Date: hostile, DateISO: hostile}},
		Meta:   Meta{Type: "article", Title: hostile, Section: hostile, Tags: []string{hostile}, Image: &MetaImage{URL: hostile, Alt: hostile}},
		Feeds:  []FeedLink{{Title: hostile, URL: "/feed/"}}}
	sh := &shell{icons: "/static/icons.svg", css: "/static/site.css", favicon: "/static/favicon.svg", js: "/static/site.js"}
	var w htmlWriter
	sh.head(&w, p)
	sh.top(&w, p)
	sh.bottom(&w, p)
	out := w.String() + string(subscribeHTML(subscribeSpot{P: p, ID: "x", Email: hostile, Bare: true}))
	for _, bad := range []string{"<script>alert", `"'&<`, "javascript:", `x"><script>`} {
		if strings.Contains(out, bad) {
			t.Errorf("the shell contains %q", bad)
		}
	}
	if n := strings.Count(out, "&lt;script&gt;alert(1)&lt;/script&gt;&#34;&#39;&amp;"); n < 15 {
		t.Errorf("hostile text escaped %d times, want every use:\n%s", n, out)
	}
	if !strings.Contains(out, `href="#ZgotmplZ"`) {
		t.Error("an unsafe menu or social URL is not neutralised")
	}
}
