package web_test

import (
	"bytes"
	"context"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"github.com/masthead-news/masthead/internal/mediasection"
	"github.com/masthead-news/masthead/internal/publication"
	"image"
	_ "image/png"
	"net/http"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/mmcdole/gofeed"
	"github.com/mmcdole/gofeed/atom"
	jsonfeed "github.com/mmcdole/gofeed/json"
	"github.com/mmcdole/gofeed/rss"

	"github.com/masthead-news/masthead/internal/content"
	"github.com/masthead-news/masthead/internal/media"
	"github.com/masthead-news/masthead/internal/xmltest"
)

const origin = "https://news.example.org"

var editionsUnderTest = []struct{ code, prefix, lang string }{{"en", "", "en"}, {"ar", "/ar", "ar"}, {"fa", "/fa", "fa"}, {"sq", "/sq", "sq"}}

// listingsOf gives an edition's home and one category, tag and author
// listing path (without the edition prefix), taken from its newest article.
func listingsOf(t *testing.T, code string) []string {
	t.Helper()
	ctx := context.Background()
	a := latest(t, code, 0)
	tags, err := site.store.ArticleTags(ctx, a.ID)
	if err != nil || len(tags) == 0 {
		t.Fatalf("%s: newest article has no tags (%v)", code, err)
	}
	return []string{"/", "/category/" + url.PathEscape(a.PrimaryCategory.Slug) + "/",
		"/tag/" + url.PathEscape(tags[0].Slug) + "/", "/author/" + url.PathEscape(a.Author.Slug) + "/"}
}

// TestEveryFeedParsesWithTheSpecsRequiredElements fetches the RSS, Atom
// and JSON feeds of every edition's home, a category, a tag and an author,
// parses each with gofeed, and checks what each specification requires
// (and what we promise: language, full text, dates). Atom feeds must also
// pass RFC 4287's RELAX NG schema.
func TestEveryFeedParsesWithTheSpecsRequiredElements(t *testing.T) {
	atomSchema := ""
	for _, ed := range editionsUnderTest {
		for _, listing := range listingsOf(t, ed.code) {
			feedPath := ed.prefix + listing + "feed/"
			t.Run(feedPath, func(t *testing.T) {
				// RSS 2.0
				res, body := get(t, feedPath)
				if res.StatusCode != 200 || res.Header.Get("Content-Type") != "application/rss+xml; charset=utf-8" {
					t.Fatalf("RSS: %d %q", res.StatusCode, res.Header.Get("Content-Type"))
				}
				ch, err := (&rss.Parser{}).Parse(strings.NewReader(body))
				if err != nil {
					t.Fatalf("RSS does not parse: %v", err)
				}
				if ch.Version != "2.0" || ch.Title == "" || ch.Link != origin+ed.prefix+listing || ch.Description == "" || ch.Language != ed.lang {
					t.Errorf("RSS channel: version %q title %q link %q description %q language %q", ch.Version, ch.Title, ch.Link, ch.Description, ch.Language)
				}
				if len(ch.Items) == 0 || len(ch.Items) > 20 {
					t.Fatalf("RSS has %d items", len(ch.Items))
				}
				for i, it := range ch.Items {
					if it.Title == "" || !strings.HasPrefix(it.Link, origin+ed.prefix+"/") || it.GUID == nil || it.GUID.Value == "" ||
						it.PubDateParsed == nil || it.Content == "" {
						t.Errorf("RSS item %d lacks title, link, guid, pubDate or content:encoded: %+v", i, it)
					}
				}
				if self := ch.Extensions["atom"]["link"]; len(self) == 0 || self[0].Attrs["href"] != origin+feedPath {
					t.Errorf("RSS atom:link self = %+v", self)
				}
				if err := xmltest.WellFormed(t, []byte(body)); err != nil {
					t.Error(err)
				}

				// Atom 1.0
				res, body = get(t, feedPath+"atom/")
				if res.StatusCode != 200 || res.Header.Get("Content-Type") != "application/atom+xml; charset=utf-8" {
					t.Fatalf("Atom: %d %q", res.StatusCode, res.Header.Get("Content-Type"))
				}
				af, err := (&atom.Parser{}).Parse(strings.NewReader(body))
				if err != nil {
					t.Fatalf("Atom does not parse: %v", err)
				}
				if af.ID == "" || af.Title == "" || af.UpdatedParsed == nil || af.Language != ed.lang || len(af.Authors) == 0 {
					t.Errorf("Atom feed: id %q title %q updated %q lang %q authors %d", af.ID, af.Title, af.Updated, af.Language, len(af.Authors))
				}
				for i, e := range af.Entries {
					if e.ID == "" || e.Title == "" || e.UpdatedParsed == nil || e.Content == nil || e.Content.Type != "html" || len(e.Links) == 0 {
						t.Errorf("Atom entry %d lacks id, title, updated, html content or link", i)
					}
				}
				if atomSchema == "" {
					atomSchema = xmltest.Schema(t, "atom.rng")
				}
				if err := xmltest.ValidateRelaxNG(t, atomSchema, []byte(body)); err != nil {
					t.Errorf("Atom fails RFC 4287's schema: %v", err)
				}

				// JSON Feed 1.1
				res, body = get(t, feedPath+"json/")
				if res.StatusCode != 200 || res.Header.Get("Content-Type") != "application/feed+json; charset=utf-8" {
					t.Fatalf("JSON Feed: %d %q", res.StatusCode, res.Header.Get("Content-Type"))
				}
				jf, err := (&jsonfeed.Parser{}).Parse(strings.NewReader(body))
				if err != nil {
					t.Fatalf("JSON Feed does not parse: %v", err)
				}
				if jf.Version != "https://jsonfeed.org/version/1.1" || jf.Title == "" || jf.Language != ed.lang || len(jf.Authors) == 0 ||
					jf.FeedURL != origin+feedPath+"json/" || len(jf.Items) != len(ch.Items) {
					t.Errorf("JSON Feed: version %q title %q language %q authors %d feed_url %q items %d", jf.Version, jf.Title, jf.Language,
						len(jf.Authors), jf.FeedURL, len(jf.Items))
				}
				for i, it := range jf.Items {
					if it.ID == "" || it.ContentHTML == "" || it.URL == "" || len(it.Authors) == 0 {
						t.Errorf("JSON item %d lacks id, content_html, url or authors", i)
					}
				}
			})
		}
	}
}

// TestFeedItemsLinkToTheirArticles follows every link of the Persian
// edition's feed: each is a published article of that edition, newest first.
func TestFeedItemsLinkToTheirArticles(t *testing.T) {
	_, body := get(t, "/fa/feed/")
	f, err := gofeed.NewParser().ParseString(body)
	if err != nil {
		t.Fatal(err)
	}
	if f.FeedType != "rss" || f.Items[0].Title != latest(t, "fa", 0).Title {
		t.Fatalf("feed type %q, first item %q", f.FeedType, f.Items[0].Title)
	}
	var prev time.Time
	for i, it := range f.Items {
		u, err := url.Parse(it.Link)
		if err != nil {
			t.Fatal(err)
		}
		res, page := get(t, u.EscapedPath())
		if res.StatusCode != 200 || !strings.Contains(page, `lang="fa"`) {
			t.Errorf("item %d links to %s: %d", i, it.Link, res.StatusCode)
		}
		if i > 0 && it.PublishedParsed.After(prev) {
			t.Errorf("item %d is newer than the one before it", i)
		}
		prev = *it.PublishedParsed
	}
}

// TestFeedEnclosures attaches a PDF and a video to an article and finds
// them, with the featured image, as enclosures of every format.
func TestFeedEnclosures(t *testing.T) {
	ctx := context.Background()
	a := latest(t, "sq", 0)
	var ids []int64
	files := []*media.Media{
		{Kind: "document", Path: "test/raporti.pdf", Filename: "raporti.pdf", MIME: "application/pdf", Size: 48213, Title: "Raporti vjetor", CreatedAt: site.now},
		{Kind: "video", Path: "test/pamje.mp4", Filename: "pamje.mp4", MIME: "video/mp4", Size: 7340032, CreatedAt: site.now},
	}
	for _, m := range files {
		if err := site.store.CreateMedia(ctx, m); err != nil {
			t.Fatal(err)
		}
		ids = append(ids, m.ID)
	}
	if err := site.store.AttachMedia(ctx, a.ID, ids); err != nil {
		t.Fatal(err)
	}
	defer site.store.AttachMedia(ctx, a.ID, nil)

	_, body := get(t, "/sq/feed/")
	item := body[strings.Index(body, "<item>"):strings.Index(body, "</item>")]
	for _, want := range []string{
		`<enclosure url="` + origin + a.Featured.URL() + `" length="` + strconv.FormatInt(a.Featured.Size, 10) + `" type="image/jpeg">`,
		`<enclosure url="` + origin + `/uploads/test/raporti.pdf" length="48213" type="application/pdf">`,
		`<enclosure url="` + origin + `/uploads/test/pamje.mp4" length="7340032" type="video/mp4">`,
	} {
		if !strings.Contains(item, want) {
			t.Errorf("RSS item lacks %s", want)
		}
	}
	_, body = get(t, "/sq/feed/atom/")
	f, err := (&atom.Parser{}).Parse(strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, l := range f.Entries[0].Links {
		if l.Rel == "enclosure" {
			got = append(got, l.Type+" "+l.Length)
		}
	}
	if strings.Join(got, ",") != "image/jpeg "+strconv.FormatInt(a.Featured.Size, 10)+",application/pdf 48213,video/mp4 7340032" {
		t.Errorf("Atom enclosures = %v", got)
	}
	_, body = get(t, "/sq/feed/json/")
	jf, err := (&jsonfeed.Parser{}).Parse(strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	if at := jf.Items[0].Attachments; at == nil || len(*at) != 2 || (*at)[0].Title != "Raporti vjetor" || (*at)[1].SizeInBytes != 7340032 {
		t.Errorf("JSON attachments = %+v", at)
	}
	// The article page offers the files through /download/ (their own
	// names, counted), not as bare uploads.
	_, body = get(t, pathOf(t, a, "/sq"))
	for i, name := range []string{"Raporti vjetor", "pamje.mp4"} {
		want := `<a href="` + files[i].DownloadURL() + `" download>` + name + `</a>`
		if !strings.HasPrefix(files[i].DownloadURL(), "/download/") || !strings.Contains(body, want) {
			t.Errorf("the article page lacks %s", want)
		}
	}
}

// TestFeedConditionalGET: a feed carries an ETag and a Last-Modified, and
// either validator turns a repeated request into a 304 without a body.
func TestFeedConditionalGET(t *testing.T) {
	for _, p := range []string{"/feed/", "/fa/feed/atom/", "/ar/feed/json/"} {
		res, body := get(t, p)
		etag, lm := res.Header.Get("ETag"), res.Header.Get("Last-Modified")
		if res.StatusCode != 200 || etag == "" || lm == "" {
			t.Fatalf("%s: %d, ETag %q, Last-Modified %q", p, res.StatusCode, etag, lm)
		}
		modified, err := http.ParseTime(lm)
		if err != nil || modified.After(time.Now()) || time.Since(modified) > 30*24*time.Hour {
			t.Errorf("%s: Last-Modified %q is not the newest article's time", p, lm)
		}
		res, body2 := get(t, p, "If-None-Match", etag)
		if res.StatusCode != http.StatusNotModified || body2 != "" {
			t.Errorf("%s with If-None-Match: %d, %d bytes", p, res.StatusCode, len(body2))
		}
		res, body2 = get(t, p, "If-Modified-Since", lm)
		if res.StatusCode != http.StatusNotModified || body2 != "" {
			t.Errorf("%s with If-Modified-Since: %d, %d bytes", p, res.StatusCode, len(body2))
		}
		res, _ = get(t, p, "If-Modified-Since", modified.Add(-time.Hour).Format(http.TimeFormat))
		if res.StatusCode != 200 {
			t.Errorf("%s modified since an hour before: %d", p, res.StatusCode)
		}
		res, _ = get(t, p, "If-None-Match", `"stale"`, "If-Modified-Since", lm)
		if res.StatusCode != 200 {
			t.Errorf("%s: a stale ETag must win over a current date: %d", p, res.StatusCode)
		}
		if len(body) < 500 {
			t.Errorf("%s: %d bytes", p, len(body))
		}
	}
}

func TestFeedRoutes(t *testing.T) {
	for path, status := range map[string]int{
		"/feed/rss/": 404, "/feed/atom": 301, "/category/no-such/feed/": 404, "/tag/no-such/feed/json/": 404,
		"/author/nobody/feed/atom/": 404, "/fa/feed/": 200, "/sq/category/mjedisi/feed/json/": 200,
	} {
		if res, _ := get(t, path); res.StatusCode != status {
			t.Errorf("%s: %d, want %d", path, res.StatusCode, status)
		}
	}
}

var alternateFeed = regexp.MustCompile(`<link rel="alternate" type="(application/(?:rss\+xml|atom\+xml|feed\+json))" title="([^"]+)" href="([^"]+)">`)

// TestEveryPageAnnouncesItsFeeds: the edition's three feeds on every page,
// and a listing's own feeds first on category, tag and author pages. Every
// announced feed answers with the announced type.
func TestEveryPageAnnouncesItsFeeds(t *testing.T) {
	fa := latest(t, "fa", 0)
	listings := listingsOf(t, "fa")
	pages := map[string]string{"/fa/": "", pathOf(t, fa, "/fa"): "", "/fa/no-such-page/": ""}
	for _, l := range listings[1:] {
		pages["/fa"+l] = "/fa" + l + "feed/"
	}
	for p, own := range pages {
		_, body := get(t, p)
		links := alternateFeed.FindAllStringSubmatch(body, -1)
		var hrefs []string
		for _, l := range links {
			hrefs = append(hrefs, l[3])
		}
		want := []string{origin + "/fa/feed/", origin + "/fa/feed/atom/", origin + "/fa/feed/json/"}
		if own != "" {
			want = append([]string{origin + own, origin + own + "atom/", origin + own + "json/"}, want...)
		}
		if strings.Join(hrefs, " ") != strings.Join(want, " ") {
			t.Errorf("%s announces %v, want %v", p, hrefs, want)
		}
		for _, l := range links {
			res, _ := get(t, strings.TrimPrefix(l[3], origin))
			if ct := res.Header.Get("Content-Type"); res.StatusCode != 200 || !strings.HasPrefix(ct, l[1]+";") {
				t.Errorf("%s: %d %s, announced as %s", l[3], res.StatusCode, ct, l[1])
			}
		}
	}
	_, body := get(t, "/")
	if !strings.Contains(body, `<a class="footer-feed" href="/feed/" type="application/rss+xml">`) {
		t.Error("the footer lacks the feed link")
	}
}

type urlset struct {
	URLs []struct {
		Loc     string `xml:"loc"`
		LastMod string `xml:"lastmod"`
		Links   []struct {
			Rel      string `xml:"rel,attr"`
			Hreflang string `xml:"hreflang,attr"`
			Href     string `xml:"href,attr"`
		} `xml:"http://www.w3.org/1999/xhtml link"`
		Images []struct {
			Loc string `xml:"loc"`
		} `xml:"http://www.google.com/schemas/sitemap-image/1.1 image"`
		News *struct {
			Name     string `xml:"publication>name"`
			Language string `xml:"publication>language"`
			Date     string `xml:"publication_date"`
			Title    string `xml:"title"`
		} `xml:"http://www.google.com/schemas/sitemap-news/0.9 news"`
	} `xml:"url"`
}

type sitemapIndex struct {
	Sitemaps []struct {
		Loc string `xml:"loc"`
	} `xml:"sitemap"`
}

// sitemapURLs fetches the index and every sitemap it lists, validating
// each against the schemas, and returns the URL sets by path.
func sitemapURLs(t *testing.T, schema, indexSchema string) map[string]urlset {
	t.Helper()
	res, body := get(t, "/sitemap.xml")
	if res.StatusCode != 200 || res.Header.Get("Content-Type") != "application/xml; charset=utf-8" {
		t.Fatalf("/sitemap.xml: %d %q", res.StatusCode, res.Header.Get("Content-Type"))
	}
	if err := xmltest.ValidateXSD(t, indexSchema, []byte(body)); err != nil {
		t.Fatalf("the sitemap index fails siteindex.xsd: %v", err)
	}
	var idx sitemapIndex
	if err := xml.Unmarshal([]byte(body), &idx); err != nil {
		t.Fatal(err)
	}
	out := map[string]urlset{}
	for _, sm := range idx.Sitemaps {
		p := strings.TrimPrefix(sm.Loc, origin)
		res, body := get(t, p)
		if res.StatusCode != 200 {
			t.Fatalf("%s: %d", p, res.StatusCode)
		}
		if err := xmltest.ValidateXSD(t, schema, []byte(body)); err != nil {
			t.Fatalf("%s fails the sitemap schemas: %v", p, err)
		}
		var us urlset
		if err := xml.Unmarshal([]byte(body), &us); err != nil {
			t.Fatal(err)
		}
		out[p] = us
	}
	return out
}

// TestSitemapsAreValidAndComplete validates the index and every sitemap it
// names with xmllint, and checks that each edition's sitemaps list its
// home, pages, categories and every published article exactly once, with
// hreflang alternates for translations and the featured images.
func TestSitemapsAreValidAndComplete(t *testing.T) {
	ctx := context.Background()
	schema, indexSchema := xmltest.SitemapSchema(t), xmltest.Schema(t, "siteindex.xsd")
	sets := sitemapURLs(t, schema, indexSchema)
	if _, ok := sets["/news-sitemap.xml"]; !ok {
		t.Error("the index does not name the news sitemap")
	}
	for _, ed := range editionsUnderTest {
		us, ok := sets["/sitemaps/"+ed.code+"-1.xml"]
		if !ok {
			t.Fatalf("no sitemap for %s", ed.code)
		}
		seen := map[string]int{}
		for _, u := range us.URLs {
			seen[u.Loc]++
		}
		if us.URLs[0].Loc != origin+ed.prefix+"/" || len(us.URLs[0].Links) != 5 {
			t.Errorf("%s: the home comes first with its 4 editions and x-default: %+v", ed.code, us.URLs[0])
		}
		cats, err := site.store.Categories(ctx, ed.code)
		if err != nil {
			t.Fatal(err)
		}
		for _, c := range cats {
			if seen[origin+ed.prefix+"/category/"+url.PathEscape(c.Slug)+"/"] != 1 {
				t.Errorf("%s: category %s is not listed once", ed.code, c.Slug)
			}
		}
		arts, err := site.store.ListArticles(ctx, content.ArticleFilter{Edition: ed.code, Status: content.Published, Before: time.Now(), Limit: 1000})
		if err != nil {
			t.Fatal(err)
		}
		withImages, translated, featured := 0, 0, 0
		for _, a := range arts {
			if a.Featured != nil {
				featured++
			}
			loc := origin + pathOf(t, a, ed.prefix)
			if seen[loc] != 1 {
				t.Errorf("%s: article %s listed %d times", ed.code, loc, seen[loc])
			}
			for _, u := range us.URLs {
				if u.Loc != loc {
					continue
				}
				if len(u.Images) == 1 && u.Images[0].Loc == origin+a.Featured.URL() {
					withImages++
				}
				group, _ := site.store.ArticleTranslations(ctx, a.TranslationGroup)
				if len(group) > 1 {
					translated++
					langs := map[string]string{}
					for _, l := range u.Links {
						langs[l.Hreflang] = l.Href
					}
					if langs[ed.lang] != loc || langs["x-default"] == "" || len(langs) < len(group) {
						t.Errorf("%s: %s alternates %v", ed.code, loc, langs)
					}
				}
			}
		}
		if withImages != featured || featured == 0 || translated == 0 {
			t.Errorf("%s: %d of %d featured images listed, %d translated", ed.code, withImages, featured, translated)
		}
		// The Media sections and Publications: each section's listing and
		// every published item, book, series and issue, once, translated
		// items with their versions, pictures as image entries.
		byLoc := map[string]int{}
		for i, u := range us.URLs {
			byLoc[u.Loc] = i
		}
		expect := func(path string, versions int, image bool) {
			t.Helper()
			loc := origin + ed.prefix + path
			if seen[loc] != 1 {
				t.Errorf("%s: %s listed %d times", ed.code, loc, seen[loc])
				return
			}
			u := us.URLs[byLoc[loc]]
			if versions > 0 && len(u.Links) != versions+1 {
				t.Errorf("%s: %s has %d alternates, want %d and x-default", ed.code, loc, len(u.Links), versions)
			}
			if image && (len(u.Images) != 1 || !strings.HasPrefix(u.Images[0].Loc, origin+"/uploads/")) {
				t.Errorf("%s: %s images %+v", ed.code, loc, u.Images)
			}
		}
		for _, k := range mediasection.Kinds {
			items, err := site.store.ListMediaItems(ctx, mediasection.Filter{Edition: ed.code, Kind: k, Published: true, Before: time.Now()})
			if err != nil || len(items) == 0 {
				t.Fatalf("%s: no published %s in the demo (%v)", ed.code, k, err)
			}
			expect("/media/"+k.Section()+"/", 4, false)
			for _, it := range items {
				group, _ := site.store.MediaItemTranslations(ctx, it.TranslationGroup)
				expect("/media/"+k.Section()+"/"+url.PathEscape(it.Slug)+"/", len(group), it.ImageID != 0)
			}
		}
		books, err := site.store.Books(ctx, publication.BookFilter{Edition: ed.code, PublishedOnly: true})
		if err != nil || len(books) == 0 {
			t.Fatalf("%s: no books in the demo (%v)", ed.code, err)
		}
		expect("/publications/books/", 4, false)
		for _, b := range books {
			expect("/publications/books/"+url.PathEscape(b.Slug)+"/", 0, b.CoverID != 0)
		}
		series, err := site.store.SeriesList(ctx, ed.code)
		if err != nil || len(series) == 0 {
			t.Fatalf("%s: no series in the demo (%v)", ed.code, err)
		}
		for _, se := range series {
			expect("/publications/"+url.PathEscape(se.Slug)+"/", 0, false)
			issues, err := site.store.Issues(ctx, se.ID, true, 0, 0)
			if err != nil || len(issues) == 0 {
				t.Fatalf("%s: series %s has no issues (%v)", ed.code, se.Slug, err)
			}
			for _, is := range issues {
				expect(fmt.Sprintf("/publications/%s/%d/", url.PathEscape(se.Slug), is.Number), 0, is.CoverID != 0)
			}
		}
		about := map[string]string{"en": "/about-us/", "sq": "/sq/rreth-nesh/"}[ed.code]
		if about != "" && seen[origin+about] != 1 {
			t.Errorf("%s: static page %s is not listed", ed.code, about)
		}
	}
}

// TestSitemapsPage lowers the file size to seven URLs: the index then names
// several files per edition, none longer than seven, together listing the
// same URLs as one big file; a file past the end is a 404.
func TestSitemapsPage(t *testing.T) {
	schema, indexSchema := xmltest.SitemapSchema(t), xmltest.Schema(t, "siteindex.xsd")
	whole := sitemapURLs(t, schema, indexSchema)["/sitemaps/fa-1.xml"]
	site.handler.SetSitemapSize(7)
	defer site.handler.SetSitemapSize(0)
	sets := sitemapURLs(t, schema, indexSchema)
	var paged []string
	for n := 1; ; n++ {
		us, ok := sets["/sitemaps/fa-"+strconv.Itoa(n)+".xml"]
		if !ok {
			break
		}
		if len(us.URLs) > 7 {
			t.Errorf("file %d has %d URLs", n, len(us.URLs))
		}
		for _, u := range us.URLs {
			paged = append(paged, u.Loc)
		}
	}
	var all []string
	for _, u := range whole.URLs {
		all = append(all, u.Loc)
	}
	if len(all) < 20 || strings.Join(paged, "\n") != strings.Join(all, "\n") {
		t.Errorf("paged sitemaps list %d URLs, the whole one %d, or in another order", len(paged), len(all))
	}
	last := (len(all) + 6) / 7
	for p, status := range map[string]int{
		"/sitemaps/fa-" + strconv.Itoa(last) + ".xml": 200, "/sitemaps/fa-" + strconv.Itoa(last+1) + ".xml": 404,
		"/sitemaps/fa-0.xml": 404, "/sitemaps/fa-01.xml": 404, "/sitemaps/xx-1.xml": 404, "/sitemaps/fa.xml": 404,
	} {
		if res, _ := get(t, p); res.StatusCode != status {
			t.Errorf("%s: %d, want %d", p, res.StatusCode, status)
		}
	}
}

// TestNewsSitemap: valid, and exactly the last two days' articles of every
// edition with their Google News publication, language, date and title.
func TestNewsSitemap(t *testing.T) {
	ctx := context.Background()
	res, body := get(t, "/news-sitemap.xml")
	if res.StatusCode != 200 {
		t.Fatalf("%d", res.StatusCode)
	}
	if err := xmltest.ValidateXSD(t, xmltest.SitemapSchema(t), []byte(body)); err != nil {
		t.Fatalf("the news sitemap fails the schemas: %v", err)
	}
	var us urlset
	if err := xml.Unmarshal([]byte(body), &us); err != nil {
		t.Fatal(err)
	}
	got := map[string]bool{}
	for _, u := range us.URLs {
		got[u.Loc] = true
		if u.News == nil || u.News.Name == "" || u.News.Title == "" {
			t.Fatalf("%s lacks its news data", u.Loc)
		}
		when, err := time.Parse(time.RFC3339, u.News.Date)
		if err != nil || time.Since(when) > 48*time.Hour {
			t.Errorf("%s: publication date %q", u.Loc, u.News.Date)
		}
	}
	want := 0
	for _, ed := range editionsUnderTest {
		arts, err := site.store.ListArticles(ctx, content.ArticleFilter{Edition: ed.code, Status: content.Published, Before: time.Now(), Limit: 100})
		if err != nil {
			t.Fatal(err)
		}
		for _, a := range arts {
			if time.Since(a.PublishedAt) < 47*time.Hour {
				want++
				if !got[origin+pathOf(t, a, ed.prefix)] {
					t.Errorf("%s: recent article %s is missing", ed.code, a.Slug)
				}
			}
		}
	}
	if want == 0 || len(us.URLs) < want {
		t.Fatalf("%d news URLs, %d recent articles", len(us.URLs), want)
	}
	if !strings.Contains(body, "<news:language>fa</news:language>") || !strings.Contains(body, "<news:language>ar</news:language>") {
		t.Error("the news sitemap lacks the Arabic or Persian edition")
	}
}

func TestRobotsTxt(t *testing.T) {
	res, body := get(t, "/robots.txt")
	if res.StatusCode != 200 || res.Header.Get("Content-Type") != "text/plain; charset=utf-8" {
		t.Fatalf("%d %q", res.StatusCode, res.Header.Get("Content-Type"))
	}
	for _, want := range []string{"User-agent: *\n", "Disallow: /admin/\n", "Disallow: /search/\n", "Disallow: /fa/search/\n",
		"Disallow: /?s=\n", "Sitemap: " + origin + "/sitemap.xml\n", "Sitemap: " + origin + "/news-sitemap.xml\n"} {
		if !strings.Contains(body, want) {
			t.Errorf("robots.txt lacks %q:\n%s", want, body)
		}
	}
	if strings.Contains(body, "Disallow: /\n") {
		t.Error("robots.txt shuts crawlers out")
	}
}

var (
	jsonLDBlock = regexp.MustCompile(`(?s)<script type="application/ld\+json">(.*?)</script>`)
	metaTag     = regexp.MustCompile(`<meta (?:property|name)="([^"]+)" content="([^"]*)">`)
)

func jsonLDOf(t *testing.T, body, typ string) map[string]any {
	t.Helper()
	for _, m := range jsonLDBlock.FindAllStringSubmatch(body, -1) {
		var v map[string]any
		if err := json.Unmarshal([]byte(m[1]), &v); err != nil {
			t.Fatalf("JSON-LD does not parse: %v\n%s", err, m[1])
		}
		if v["@type"] == typ {
			if v["@context"] != "https://schema.org" {
				t.Errorf("%s: @context %v", typ, v["@context"])
			}
			return v
		}
	}
	t.Fatalf("no %s JSON-LD", typ)
	return nil
}

func metas(body string) map[string][]string {
	out := map[string][]string{}
	for _, m := range metaTag.FindAllStringSubmatch(body, -1) {
		out[m[1]] = append(out[m[1]], m[2])
	}
	return out
}

// TestArticleJSONLD parses a Persian article's JSON-LD and checks the
// properties search engines require of a NewsArticle, the breadcrumbs, and
// that the publisher's logo really is a PNG of the stated size.
func TestArticleJSONLD(t *testing.T) {
	a := latest(t, "fa", 0)
	path := pathOf(t, a, "/fa")
	_, body := get(t, path)
	na := jsonLDOf(t, body, "NewsArticle")
	for _, prop := range []string{"headline", "author", "publisher", "datePublished", "dateModified", "image", "inLanguage",
		"isAccessibleForFree", "mainEntityOfPage"} {
		if na[prop] == nil {
			t.Errorf("NewsArticle lacks %s", prop)
		}
	}
	if na["headline"] != a.Title || na["inLanguage"] != "fa" || na["isAccessibleForFree"] != true {
		t.Errorf("headline %v, inLanguage %v, isAccessibleForFree %v", na["headline"], na["inLanguage"], na["isAccessibleForFree"])
	}
	for _, d := range []string{"datePublished", "dateModified"} {
		if ts, err := time.Parse(time.RFC3339, na[d].(string)); err != nil || ts.Before(a.PublishedAt.Add(-time.Second)) {
			t.Errorf("%s = %v", d, na[d])
		}
	}
	if page, _ := na["mainEntityOfPage"].(map[string]any); page["@id"] != origin+path {
		t.Errorf("mainEntityOfPage = %v", na["mainEntityOfPage"])
	}
	authors, _ := na["author"].([]any)
	if len(authors) != 1 || authors[0].(map[string]any)["@type"] != "Person" || authors[0].(map[string]any)["name"] != a.Author.Name {
		t.Errorf("author = %v, want %s", na["author"], a.Author.Name)
	}
	images, _ := na["image"].([]any)
	if len(images) != 1 || images[0].(map[string]any)["url"] != origin+a.Featured.URL() || images[0].(map[string]any)["width"] != float64(a.Featured.Width) {
		t.Errorf("image = %v", na["image"])
	}
	pub, _ := na["publisher"].(map[string]any)
	logo, _ := pub["logo"].(map[string]any)
	if pub["name"] == nil || pub["name"] == "" || logo["url"] == nil {
		t.Fatalf("publisher = %v", pub)
	}
	res, png := get(t, strings.TrimPrefix(logo["url"].(string), origin))
	if res.StatusCode != 200 || res.Header.Get("Content-Type") != "image/png" {
		t.Fatalf("logo: %d %s", res.StatusCode, res.Header.Get("Content-Type"))
	}
	cfg, _, err := image.DecodeConfig(bytes.NewReader([]byte(png)))
	if err != nil || float64(cfg.Width) != logo["width"] || float64(cfg.Height) != logo["height"] {
		t.Errorf("logo is %dx%d (%v), JSON-LD says %vx%v", cfg.Width, cfg.Height, err, logo["width"], logo["height"])
	}
	bc := jsonLDOf(t, body, "BreadcrumbList")
	items, _ := bc["itemListElement"].([]any)
	if len(items) != 3 || items[0].(map[string]any)["item"] != origin+"/fa/" ||
		items[1].(map[string]any)["name"] != a.PrimaryCategory.Name || items[2].(map[string]any)["position"] != float64(3) {
		t.Errorf("breadcrumbs = %v", items)
	}
}

// TestJSONLDOfHostileAndRepublishedArticles: markup in a title stays text
// inside the JSON and cannot end the script element; an external writer is
// the author and the original is what it is based on.
func TestJSONLDOfHostileAndRepublishedArticles(t *testing.T) {
	a, err := site.store.ArticleByID(context.Background(), site.hostile.ID)
	if err != nil {
		t.Fatal(err)
	}
	_, body := get(t, pathOf(t, a, ""))
	for _, m := range jsonLDBlock.FindAllStringSubmatch(body, -1) {
		if strings.Contains(m[1], "<") {
			t.Errorf("JSON-LD holds a raw '<': %s", m[1])
		}
	}
	na := jsonLDOf(t, body, "NewsArticle")
	if na["headline"] != a.Title {
		t.Errorf("headline %q, want %q", na["headline"], a.Title)
	}
	authors, _ := na["author"].([]any)
	if len(authors) != 1 || authors[0].(map[string]any)["name"] != a.External.Writer || na["isBasedOn"] != a.External.URL {
		t.Errorf("republished piece: author %v, isBasedOn %v", na["author"], na["isBasedOn"])
	}
}

// TestHomeJSONLD: the WebSite with its edition's SearchAction, and the
// Organization with its logo and profiles.
func TestHomeJSONLD(t *testing.T) {
	_, body := get(t, "/ar/")
	ws := jsonLDOf(t, body, "WebSite")
	action, _ := ws["potentialAction"].(map[string]any)
	target, _ := action["target"].(map[string]any)
	if action["@type"] != "SearchAction" || target["urlTemplate"] != origin+"/ar/search/?q={search_term_string}" ||
		action["query-input"] != "required name=search_term_string" || ws["url"] != origin+"/ar/" || ws["inLanguage"] != "ar" {
		t.Errorf("WebSite = %v", ws)
	}
	org := jsonLDOf(t, body, "Organization")
	if logo, _ := org["logo"].(map[string]any); logo["url"] == nil || logo["width"] == nil {
		t.Errorf("Organization logo = %v", org["logo"])
	}
	if same, _ := org["sameAs"].([]any); len(same) == 0 {
		t.Error("Organization lacks its social profiles")
	}
	if _, body := get(t, "/ar/page/2/"); strings.Contains(body, `"WebSite"`) {
		t.Error("the second home page repeats the WebSite data")
	}
}

// TestOpenGraphAndTwitterCards checks an article's and the home page's
// share metadata.
func TestOpenGraphAndTwitterCards(t *testing.T) {
	a := latest(t, "fa", 0)
	path := pathOf(t, a, "/fa")
	_, body := get(t, path)
	m := metas(body)
	one := func(k string) string {
		if len(m[k]) != 1 {
			t.Errorf("%s appears %d times", k, len(m[k]))
			return ""
		}
		return m[k][0]
	}
	checks := map[string]string{
		"og:type": "article", "og:url": origin + path, "og:locale": "fa_IR", "og:image": origin + a.Featured.URL(),
		"og:image:width": strconv.Itoa(a.Featured.Width), "og:image:height": strconv.Itoa(a.Featured.Height),
		"og:image:type": "image/jpeg", "twitter:card": "summary_large_image", "og:site_name": "",
		"twitter:site": "@mastheaddaily_fa",
	}
	for k, want := range checks {
		if got := one(k); want != "" && got != want {
			t.Errorf("%s = %q, want %q", k, got, want)
		}
	}
	if one("og:title") != htmlText(a.Title) || one("og:image:alt") == "" || one("article:published_time") == "" {
		t.Errorf("og:title %q, og:image:alt %q", m["og:title"], m["og:image:alt"])
	}
	if alts := m["og:locale:alternate"]; len(alts) == 0 || strings.Contains(strings.Join(alts, " "), "fa_IR") {
		t.Errorf("og:locale:alternate = %v", alts)
	}
	_, home := get(t, "/")
	hm := metas(home)
	if hm["og:type"][0] != "website" || hm["twitter:card"][0] != "summary" || hm["og:image:width"][0] != "512" ||
		!strings.HasPrefix(hm["og:image"][0], origin+"/static/img/logo.") {
		t.Errorf("home: og:type %v twitter:card %v og:image %v", hm["og:type"], hm["twitter:card"], hm["og:image"])
	}
}

// htmlText is how html/template writes s inside an attribute.
func htmlText(s string) string {
	return strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&#34;", "'", "&#39;", "+", "&#43;").Replace(s)
}

var relatedLink = regexp.MustCompile(`<li>\s*(?:<img [^>]+>)?\s*<a href="([^"]+)">`)

// TestRelatedArticlesShareTheMostTerms reads an article's related list and
// checks it against the tags and categories each article really shares
// with it: in order of shared terms, none sharing nothing, never itself.
func TestRelatedArticlesShareTheMostTerms(t *testing.T) {
	ctx := context.Background()
	terms := func(id int64) map[string]bool {
		out := map[string]bool{}
		tags, err := site.store.ArticleTags(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		for _, x := range tags {
			out["t"+strconv.FormatInt(x.ID, 10)] = true
		}
		cats, err := site.store.ArticleCategories(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		for _, x := range cats {
			out["c"+strconv.FormatInt(x.ID, 10)] = true
		}
		return out
	}
	bySlug := map[string]*content.Article{}
	all, err := site.store.ListArticles(ctx, content.ArticleFilter{Edition: "en", Status: content.Published, Limit: 1000})
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range all {
		bySlug[pathOf(t, a, "")] = a
	}
	checked := 0
	for _, a := range all[:6] {
		mine := terms(a.ID)
		_, body := get(t, pathOf(t, a, ""))
		i := strings.Index(body, `class="related-list"`)
		if i < 0 {
			continue
		}
		section := body[i : strings.Index(body[i:], "</ul>")+i]
		prev := 1 << 30
		for _, m := range relatedLink.FindAllStringSubmatch(section, -1) {
			r := bySlug[m[1]]
			if r == nil || r.ID == a.ID {
				t.Fatalf("%s: related link %s is not another article", a.Slug, m[1])
			}
			shared := 0
			for k := range terms(r.ID) {
				if mine[k] {
					shared++
				}
			}
			if shared == 0 || shared > prev {
				t.Errorf("%s: related %s shares %d terms after one sharing %d", a.Slug, r.Slug, shared, prev)
			}
			prev = shared
		}
		checked++
	}
	if checked < 3 {
		t.Fatalf("only %d articles show related articles", checked)
	}
}

// TestShareImageForArticlesWithoutAPicture: an article without a featured
// image announces a generated 1200×630 PNG of its title, which is served
// for published articles only.
func TestShareImageForArticlesWithoutAPicture(t *testing.T) {
	ctx := context.Background()
	cats, err := site.store.Categories(ctx, "fa")
	if err != nil {
		t.Fatal(err)
	}
	a := &content.Article{Edition: "fa", Title: "کتاب‌خانهٔ شهر «Nova» تا ساعت ۲۴ باز می‌ماند", Excerpt: "خلاصه", BodySource: "<p>متن</p>",
		PrimaryCategoryID: cats[0].ID, AuthorID: latest(t, "fa", 0).AuthorID, Status: content.Published,
		PublishedAt: site.now.Add(-400 * 24 * time.Hour)}
	if err := site.content.CreateArticle(ctx, a); err != nil {
		t.Fatal(err)
	}
	path := pathOf(t, a, "/fa")
	_, body := get(t, path)
	m := metas(body)
	want := origin + path + "share.png?v=" + strconv.FormatInt(a.UpdatedAt.Unix(), 10)
	if len(m["og:image"]) != 1 || m["og:image"][0] != want || m["og:image:width"][0] != "1200" || m["og:image:height"][0] != "630" ||
		m["twitter:card"][0] != "summary_large_image" || m["og:image:type"][0] != "image/png" {
		t.Fatalf("og:image %v (want %s), size %v×%v, card %v", m["og:image"], want, m["og:image:width"], m["og:image:height"], m["twitter:card"])
	}
	images, _ := jsonLDOf(t, body, "NewsArticle")["image"].([]any)
	if len(images) != 1 || images[0].(map[string]any)["url"] != want {
		t.Errorf("JSON-LD image = %v", images)
	}
	res, png := get(t, strings.TrimPrefix(want, origin))
	if res.StatusCode != 200 || res.Header.Get("Content-Type") != "image/png" {
		t.Fatalf("share picture: %d %s", res.StatusCode, res.Header.Get("Content-Type"))
	}
	cfg, _, err := image.DecodeConfig(bytes.NewReader([]byte(png)))
	if err != nil || cfg.Width != 1200 || cfg.Height != 630 {
		t.Fatalf("share picture is %dx%d: %v", cfg.Width, cfg.Height, err)
	}
	a.Status = content.Draft
	if err := site.store.UpdateArticle(ctx, a); err != nil {
		t.Fatal(err)
	}
	for _, p := range []string{path + "share.png", "/fa/2001/01/01/" + url.PathEscape(a.Slug) + "/share.png", "/fa/2026/01/01/no-such/share.png"} {
		if res, _ := get(t, p); res.StatusCode != 404 {
			t.Errorf("%s: %d, want 404", p, res.StatusCode)
		}
	}
}
