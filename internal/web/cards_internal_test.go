package web

import (
	"html"
	"net/url"
	"strings"
	"testing"

	"github.com/masthead-news/masthead/internal/content"
	"github.com/masthead-news/masthead/internal/i18n"
)

type keyTranslator struct{}

func (keyTranslator) T(key string, args ...any) string { return key }

// The card and byline are written without html/template, so they must do
// its job: hostile text stays text and a hostile link is not a link.
func TestCardHTMLEscapesEverything(t *testing.T) {
	hostile := `<script>alert(1)</script>"'&`
	c := Card{URL: `/2026/01/02/x/"onmouseover="alert(2)`, Title: hostile, Excerpt: hostile,
		Image:        &Image{URL: "/uploads/a.jpg", Alt: hostile, Caption: hostile, Width: 800, Height: 450, Srcset: `/a.jpg 400w" onerror="x`},
		CategoryName: hostile, CategoryURL: "/category/x/", Date: hostile, DateISO: hostile, Comments: hostile, CommentsURL: "/x/#comments",
		External: &content.Byline{Writer: hostile, Publication: hostile, URL: "javascript:alert(3)"},
		Share:    shareLinks(i18n.MustNew("en", i18n.Options{}), "https://news.example.org", "/x/", hostile, nil)}
	out := string(cardHTML(keyTranslator{}, "/static/icons.svg", c, 3, false))
	for _, bad := range []string{"<script", `"onmouseover=`, `" onerror=`, "javascript:", `"'&<`} {
		if strings.Contains(out, bad) {
			t.Errorf("card HTML contains %q:\n%s", bad, out)
		}
	}
	if !strings.Contains(out, "&lt;script&gt;alert(1)&lt;/script&gt;&#34;&#39;&amp;") {
		t.Errorf("the title is not escaped as text:\n%s", out)
	}
	if !strings.Contains(out, `loading="lazy"`) || strings.Contains(out, "card-lead") {
		t.Errorf("a fourth, non-lead card loads lazily and is not the lead:\n%s", out)
	}
	c.External.URL = "https://example.org/original?a=1&b=2"
	by := string(bylineHTML(keyTranslator{}, c))
	if !strings.Contains(by, `<a href="https://example.org/original?a=1&amp;b=2" rel="noopener">`) {
		t.Errorf("an http(s) original is linked: %s", by)
	}
}

// A listing card writes its share links without building them first; the
// bytes must be those of the share links an article page builds.
func TestCardSharesAsShareList(t *testing.T) {
	loc := i18n.MustNew("fa", i18n.Options{})
	for _, img := range []*Image{nil, {URL: "/uploads/a b+c.jpg"}} {
		for _, title := range []string{`<b>"R&D" + 'quotes'</b>`, "شهر و رودخانه ۱۴۰۵", "plain"} {
			c := Card{URL: "/fa/2026/01/02/%D8%B4%D9%87%D8%B1/", Title: title, Image: img, shareOrigin: "https://news.example.org"}
			var got, want htmlWriter
			newCardShares(loc, "/static/icons.svg").write(&got, loc, &c)
			writeShareList(&want, "/static/icons.svg", loc.T("share.label", title), shareLinks(loc, c.shareOrigin, c.URL, title, img))
			if got.String() != want.String() {
				t.Errorf("%q (image %v):\n got %s\nwant %s", title, img != nil, got.String(), want.String())
			}
		}
	}
}

// A translation of the list's label without the title falls back to one
// label per card, as the article page makes it.
func TestCardSharesLabelWithoutTheTitle(t *testing.T) {
	cs := newCardShares(keyTranslator{}, "/static/icons.svg")
	if cs.split {
		t.Fatal("a label without the title was split")
	}
	var got htmlWriter
	cs.write(&got, keyTranslator{}, &Card{URL: "/x/", Title: "T&T", shareOrigin: "https://news.example.org"})
	if !strings.HasPrefix(got.String(), `<ul class="share" aria-label="share.label">`) {
		t.Errorf("the list's label: %s", got.String())
	}
	if !newCardShares(i18n.MustNew("ar", i18n.Options{}), "/i.svg").split {
		t.Error("the Arabic label, which holds the title, was not split")
	}
}

// The e-mail share link path-escapes its parts straight into the page.
func TestPathEscapedIsEscapedPathEscape(t *testing.T) {
	var all []byte
	for c := 0; c < 256; c++ {
		all = append(all, byte(c))
	}
	for _, s := range []string{"", "plain", string(all), "https://news.example.org/fa/2026/01/02/%D8%B4/?a=1&b=2", `<b>"R&D" + 'q'</b> ~x_y.z-$:=@`, "شهر و رودخانه"} {
		var w htmlWriter
		w.pathEscaped(s)
		if got, want := w.String(), html.EscapeString(url.PathEscape(s)); got != want {
			t.Errorf("%q: got %q, want %q", s, got, want)
		}
	}
}

// Card share links query-escape their parts straight into the page.
func TestAppendQueryEscapeIsQueryEscape(t *testing.T) {
	var all []byte
	for c := 0; c < 256; c++ {
		all = append(all, byte(c))
	}
	for _, s := range []string{"", "plain", string(all), "https://news.example.org/fa/2026/01/02/%D8%B4/", `<b>"R&D" + 'q'</b> ~x_y.z-`, "شهر و رودخانه"} {
		if got, want := string(appendQueryEscape(nil, s)), url.QueryEscape(s); got != want {
			t.Errorf("%q: got %q, want %q", s, got, want)
		}
	}
}
