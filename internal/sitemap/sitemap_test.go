package sitemap_test

import (
	"bytes"
	"encoding/xml"
	"strings"
	"testing"
	"time"

	"github.com/masthead-news/masthead/internal/sitemap"
	"github.com/masthead-news/masthead/internal/xmltest"
)

var when = time.Date(2026, 4, 20, 10, 30, 0, 0, time.FixedZone("IRST", 12600))

func sample() []sitemap.URL {
	return []sitemap.URL{
		{Loc: "https://news.example.org/fa/", LastMod: when},
		{Loc: "https://news.example.org/fa/2026/04/20/%D8%A8%D8%A7%D8%BA/", LastMod: when,
			Alternates: []sitemap.Alternate{{Lang: "fa", Href: "https://news.example.org/fa/2026/04/20/%D8%A8%D8%A7%D8%BA/"},
				{Lang: "en", Href: "https://news.example.org/2026/04/20/garden/"}, {Lang: "x-default", Href: "https://news.example.org/2026/04/20/garden/"}},
			Images: []sitemap.Image{{Loc: "https://news.example.org/uploads/a.jpg", Title: "باغ & <گل>", Caption: "عکس"}},
			News:   &sitemap.News{Publication: "روزنامه", Language: "fa", Published: when, Title: "باغ‌ها «رشد» می‌کنند"}},
	}
}

func TestURLSetIsValid(t *testing.T) {
	b, err := sitemap.URLSet(sample())
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		`xmlns:xhtml="http://www.w3.org/1999/xhtml"`, `<lastmod>2026-04-20T07:00:00Z</lastmod>`,
		`<xhtml:link rel="alternate" hreflang="x-default" href="https://news.example.org/2026/04/20/garden/">`,
		`<image:title>باغ &amp; &lt;گل&gt;</image:title>`, `<news:language>fa</news:language>`,
	} {
		if !bytes.Contains(b, []byte(want)) {
			t.Errorf("missing %s in\n%s", want, b)
		}
	}
	var doc struct {
		URLs []struct {
			Loc string `xml:"loc"`
		} `xml:"url"`
	}
	if err := xml.Unmarshal(b, &doc); err != nil || len(doc.URLs) != 2 {
		t.Fatalf("parse: %v, %d urls", err, len(doc.URLs))
	}
	if err := xmltest.ValidateXSD(t, xmltest.SitemapSchema(t), b); err != nil {
		t.Fatalf("urlset fails the schema: %v", err)
	}
}

// TestTheSchemaCheckCanFail feeds the validator broken sitemaps.
func TestTheSchemaCheckCanFail(t *testing.T) {
	b, err := sitemap.URLSet(sample())
	if err != nil {
		t.Fatal(err)
	}
	schema := xmltest.SitemapSchema(t)
	for name, broken := range map[string][]byte{
		"bad lastmod":       bytes.Replace(b, []byte("<lastmod>2026-04-20T07:00:00Z"), []byte("<lastmod>yesterday"), 1),
		"news without name": bytes.Replace(b, []byte("<news:name>روزنامه</news:name>"), nil, 1),
		"bad hreflang":      bytes.Replace(b, []byte(`hreflang="en"`), []byte(`hreflang="English please"`), 1),
	} {
		if err := xmltest.ValidateXSD(t, schema, broken); err == nil {
			t.Errorf("%s passed the schema", name)
		}
	}
}

func TestIndexIsValid(t *testing.T) {
	b, err := sitemap.Index([]sitemap.Entry{{Loc: "https://news.example.org/sitemaps/en-1.xml", LastMod: when},
		{Loc: "https://news.example.org/sitemaps/fa-1.xml"}})
	if err != nil {
		t.Fatal(err)
	}
	if err := xmltest.ValidateXSD(t, xmltest.Schema(t, "siteindex.xsd"), b); err != nil {
		t.Fatalf("index fails the schema: %v\n%s", err, b)
	}
}

func TestNewsLanguage(t *testing.T) {
	for in, want := range map[string]string{"fa": "fa", "ar": "ar", "sq": "sq", "pt-BR": "pt", "zh-Hant-TW": "zh-tw", "zh-CN": "zh-cn"} {
		if got := sitemap.NewsLanguage(in); got != want {
			t.Errorf("NewsLanguage(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestRobots(t *testing.T) {
	got := string(sitemap.Robots([]string{"/admin/", "/search/"}, []string{"https://x.example/sitemap.xml"}))
	want := "User-agent: *\nDisallow: /admin/\nDisallow: /search/\n\nSitemap: https://x.example/sitemap.xml\n"
	if got != want {
		t.Fatalf("robots.txt =\n%s\nwant\n%s", got, want)
	}
	if !strings.Contains(string(sitemap.Robots(nil, nil)), "Disallow:\n") {
		t.Fatal("an empty robots.txt must still have a rule")
	}
}
