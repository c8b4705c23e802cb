package feed_test

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/mmcdole/gofeed"
	"github.com/mmcdole/gofeed/atom"
	jsonfeed "github.com/mmcdole/gofeed/json"
	"github.com/mmcdole/gofeed/rss"

	"github.com/masthead-news/masthead/internal/content"
	"github.com/masthead-news/masthead/internal/edition"
	"github.com/masthead-news/masthead/internal/feed"
	"github.com/masthead-news/masthead/internal/media"
	"github.com/masthead-news/masthead/internal/xmltest"
)

var (
	published = time.Date(2026, 3, 20, 8, 30, 0, 0, time.UTC)
	fa        = &edition.Edition{Code: "fa", Name: "فارسی", Lang: "fa", Dir: "rtl", TimeZone: "Asia/Tehran",
		Settings: edition.Settings{SiteName: "روزنامه"}}
)

// sample is a Persian feed with two entries: a staff article with a
// featured image, a video and a PDF, and a republished piece without image.
func sample() *feed.Feed {
	staff := &content.Article{ID: 7, Edition: "fa", Slug: "باغ-شهری", Title: "باغ‌های شهری <رشد> می‌کنند & more",
		Excerpt: "خلاصه", BodyHTML: "<p>متن کامل</p>", PublishedAt: published, CreatedAt: published,
		UpdatedAt: published.Add(3 * time.Hour), Author: &content.Author{Name: "امینه رحیمی", Slug: "amina"},
		PrimaryCategory: &content.Category{Name: "محیط زیست"},
		Featured:        &media.Media{Path: "2026/03/garden.jpg", MIME: "image/jpeg", Size: 48213, Width: 1200, Height: 675, Alt: "باغ"}}
	ext := &content.Article{ID: 8, Edition: "fa", Slug: "گزارش", Title: "گزارش", BodyHTML: "<p>b</p>",
		PublishedAt: published.Add(-24 * time.Hour), CreatedAt: published.Add(-24 * time.Hour), UpdatedAt: published.Add(-24 * time.Hour),
		External:        content.Byline{Writer: "Jane Roe", Publication: "The Courier", URL: "https://courier.example/x"},
		PrimaryCategory: &content.Category{Name: "جهان"}}
	return &feed.Feed{
		Edition: fa, BaseURL: "https://news.example.org", Title: "روزنامه — محیط زیست", Description: "تازه‌ها",
		PagePath: "/fa/category/env/", FeedPath: "/fa/category/env/feed/", IconPath: "/static/img/favicon.svg", LogoPath: "/static/img/logo.png",
		Entries: []feed.Entry{
			{Article: staff, Path: "/fa/2026/03/20/%D8%A8/", AuthorPath: "/fa/author/amina/", Tags: []content.Tag{{Name: "باغبانی"}},
				Attachments: []*media.Media{
					{Path: "2026/03/tour.mp4", MIME: "video/mp4", Size: 7340032, Title: "Tour"},
					{Path: "2026/03/report.pdf", MIME: "application/pdf", Size: 120934, Filename: "report.pdf"},
				}},
			{Article: ext, Path: "/fa/2026/03/19/x/"},
		},
	}
}

func render(t *testing.T, f *feed.Feed, format feed.Format) []byte {
	t.Helper()
	b, err := feed.Render(f, format)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestRSS(t *testing.T) {
	b := render(t, sample(), feed.RSS)
	doc, err := (&rss.Parser{}).Parse(bytes.NewReader(b))
	if err != nil {
		t.Fatalf("parse: %v\n%s", err, b)
	}
	// RSS 2.0's required channel elements, and what we promise beside them.
	if doc.Version != "2.0" || doc.Title != "روزنامه — محیط زیست" || doc.Link != "https://news.example.org/fa/category/env/" ||
		doc.Description != "تازه‌ها" || doc.Language != "fa" || doc.Generator != feed.Generator {
		t.Errorf("channel = %q %q %q %q %q", doc.Version, doc.Title, doc.Link, doc.Description, doc.Language)
	}
	if doc.LastBuildDateParsed == nil || !doc.LastBuildDateParsed.Equal(published.Add(3*time.Hour)) {
		t.Errorf("lastBuildDate %v, want the newest update", doc.LastBuildDate)
	}
	self := doc.Extensions["atom"]["link"]
	if len(self) != 1 || self[0].Attrs["rel"] != "self" || self[0].Attrs["href"] != "https://news.example.org/fa/category/env/feed/" {
		t.Errorf("atom:link self = %+v", self)
	}
	if len(doc.Items) != 2 {
		t.Fatalf("%d items", len(doc.Items))
	}
	it := doc.Items[0]
	if it.Title != "باغ‌های شهری <رشد> می‌کنند & more" || it.Link != "https://news.example.org/fa/2026/03/20/%D8%A8/" ||
		it.GUID == nil || it.GUID.Value != "tag:news.example.org,2026-03-20:article-7" || it.PubDateParsed == nil || !it.PubDateParsed.Equal(published) {
		t.Errorf("item = %+v", it)
	}
	if it.Content != `<div dir="rtl" lang="fa"><p>متن کامل</p></div>` {
		t.Errorf("content:encoded = %q", it.Content)
	}
	if it.DublinCoreExt == nil || len(it.DublinCoreExt.Creator) != 1 || it.DublinCoreExt.Creator[0] != "امینه رحیمی" {
		t.Errorf("dc:creator = %+v", it.DublinCoreExt)
	}
	if len(it.Categories) != 2 || it.Categories[0].Value != "محیط زیست" || it.Categories[1].Value != "باغبانی" {
		t.Errorf("categories = %+v", it.Categories)
	}
	// gofeed's RSS parser keeps one enclosure; count them in the XML.
	if n := bytes.Count(b, []byte("<enclosure ")); n != 3 {
		t.Errorf("%d enclosures, want 3 (image, video, PDF)", n)
	}
	for _, want := range []string{
		`<enclosure url="https://news.example.org/uploads/2026/03/garden.jpg" length="48213" type="image/jpeg">`,
		`<enclosure url="https://news.example.org/uploads/2026/03/tour.mp4" length="7340032" type="video/mp4">`,
		`<enclosure url="https://news.example.org/uploads/2026/03/report.pdf" length="120934" type="application/pdf">`,
	} {
		if !bytes.Contains(b, []byte(want)) {
			t.Errorf("missing %s", want)
		}
	}
	if c := doc.Items[1].DublinCoreExt.Creator; len(c) != 1 || c[0] != "Jane Roe (The Courier)" {
		t.Errorf("external writer = %v", c)
	}
	if err := xmltest.WellFormed(t, b); err != nil {
		t.Error(err)
	}
}

func TestAtom(t *testing.T) {
	b := render(t, sample(), feed.Atom)
	doc, err := (&atom.Parser{}).Parse(bytes.NewReader(b))
	if err != nil {
		t.Fatalf("parse: %v\n%s", err, b)
	}
	if doc.Language != "fa" || doc.ID != "https://news.example.org/fa/category/env/feed/atom/" || doc.Title != "روزنامه — محیط زیست" ||
		doc.UpdatedParsed == nil || !doc.UpdatedParsed.Equal(published.Add(3*time.Hour)) {
		t.Errorf("feed = lang %q id %q title %q updated %q", doc.Language, doc.ID, doc.Title, doc.Updated)
	}
	if len(doc.Authors) != 1 || doc.Authors[0].Name != "روزنامه" {
		t.Errorf("feed author = %+v", doc.Authors)
	}
	rels := map[string]string{}
	for _, l := range doc.Links {
		rels[l.Rel] = l.Href
	}
	if rels["self"] != "https://news.example.org/fa/category/env/feed/atom/" || rels["alternate"] != "https://news.example.org/fa/category/env/" {
		t.Errorf("links = %v", rels)
	}
	if len(doc.Entries) != 2 {
		t.Fatalf("%d entries", len(doc.Entries))
	}
	e := doc.Entries[0]
	if e.ID != "tag:news.example.org,2026-03-20:article-7" || e.UpdatedParsed == nil || !e.UpdatedParsed.Equal(published.Add(3*time.Hour)) ||
		e.PublishedParsed == nil || !e.PublishedParsed.Equal(published) {
		t.Errorf("entry id/dates = %q %q %q", e.ID, e.Updated, e.Published)
	}
	if e.Content == nil || e.Content.Type != "html" || e.Content.Value != `<div dir="rtl" lang="fa"><p>متن کامل</p></div>` {
		t.Errorf("content = %+v", e.Content)
	}
	if len(e.Authors) != 1 || e.Authors[0].Name != "امینه رحیمی" || e.Authors[0].URI != "https://news.example.org/fa/author/amina/" {
		t.Errorf("author = %+v", e.Authors)
	}
	var enclosures []string
	for _, l := range e.Links {
		if l.Rel == "enclosure" {
			enclosures = append(enclosures, l.Type+" "+l.Length)
		}
	}
	if strings.Join(enclosures, ",") != "image/jpeg 48213,video/mp4 7340032,application/pdf 120934" {
		t.Errorf("enclosures = %v", enclosures)
	}
	if err := xmltest.ValidateRelaxNG(t, xmltest.Schema(t, "atom.rng"), b); err != nil {
		t.Errorf("Atom feed is not valid against RFC 4287's schema: %v", err)
	}
}

// TestAtomSchemaCatchesMistakes makes sure the RELAX NG check can fail.
func TestAtomSchemaCatchesMistakes(t *testing.T) {
	b := render(t, sample(), feed.Atom)
	broken := bytes.Replace(b, []byte("<updated>"), []byte("<updated>yesterday"), 1)
	broken = bytes.Replace(broken, []byte("<id>"), []byte("<ident>"), 1)
	broken = bytes.Replace(broken, []byte("</id>"), []byte("</ident>"), 1)
	if err := xmltest.ValidateRelaxNG(t, xmltest.Schema(t, "atom.rng"), broken); err == nil {
		t.Fatal("a feed without an id and with a bad date passed the schema")
	}
}

func TestJSONFeed(t *testing.T) {
	b := render(t, sample(), feed.JSON)
	doc, err := (&jsonfeed.Parser{}).Parse(bytes.NewReader(b))
	if err != nil {
		t.Fatalf("parse: %v\n%s", err, b)
	}
	if doc.Version != "https://jsonfeed.org/version/1.1" || doc.Title == "" || doc.Language != "fa" ||
		doc.FeedURL != "https://news.example.org/fa/category/env/feed/json/" || doc.HomePageURL != "https://news.example.org/fa/category/env/" {
		t.Errorf("feed = %+v", doc)
	}
	if len(doc.Authors) != 1 || doc.Authors[0].Name != "روزنامه" {
		t.Errorf("authors = %+v", doc.Authors)
	}
	if len(doc.Items) != 2 {
		t.Fatalf("%d items", len(doc.Items))
	}
	it := doc.Items[0]
	if it.ID == "" || it.ContentHTML == "" || it.DatePublished != "2026-03-20T08:30:00Z" || it.Image != "https://news.example.org/uploads/2026/03/garden.jpg" {
		t.Errorf("item = %+v", it)
	}
	if len(it.Authors) != 1 || it.Authors[0].Name != "امینه رحیمی" {
		t.Errorf("item authors = %+v", it.Authors)
	}
	if it.Attachments == nil || len(*it.Attachments) != 2 || (*it.Attachments)[1].MimeType != "application/pdf" || (*it.Attachments)[1].SizeInBytes != 120934 {
		t.Errorf("attachments = %+v", it.Attachments)
	}
	if ext := doc.Items[1]; ext.ExternalURL != "https://courier.example/x" || ext.Authors[0].URL != "https://courier.example/x" {
		t.Errorf("republished item = %+v", ext)
	}
	// Every item has the two members JSON Feed requires.
	var raw struct {
		Items []map[string]any `json:"items"`
	}
	if err := json.Unmarshal(b, &raw); err != nil {
		t.Fatal(err)
	}
	for i, it := range raw.Items {
		if it["id"] == nil || (it["content_html"] == nil && it["content_text"] == nil) {
			t.Errorf("item %d lacks id or content", i)
		}
	}
}

// TestUniversalParserDetectsEachFormat runs every format through gofeed's
// detecting parser, as a feed reader would.
func TestUniversalParserDetectsEachFormat(t *testing.T) {
	for format, want := range map[feed.Format]string{feed.RSS: "rss", feed.Atom: "atom", feed.JSON: "json"} {
		f, err := gofeed.NewParser().Parse(bytes.NewReader(render(t, sample(), format)))
		if err != nil {
			t.Fatalf("%s: %v", want, err)
		}
		if f.FeedType != want || len(f.Items) != 2 || f.Language != "fa" || f.Items[0].Title == "" || f.Items[0].Link == "" {
			t.Errorf("%s: type %q, %d items, language %q", want, f.FeedType, len(f.Items), f.Language)
		}
	}
}

func TestEmptyFeedIsStillValid(t *testing.T) {
	f := sample()
	f.Entries = nil
	f.Updated = published
	b := render(t, f, feed.Atom)
	if !bytes.Contains(b, []byte("<updated>2026-03-20T08:30:00Z</updated>")) {
		t.Errorf("an empty feed lacks its updated time:\n%s", b)
	}
	if err := xmltest.ValidateRelaxNG(t, xmltest.Schema(t, "atom.rng"), b); err != nil {
		t.Error(err)
	}
	j := render(t, f, feed.JSON)
	if !bytes.Contains(j, []byte(`"items": []`)) {
		t.Errorf("an empty JSON feed must still have items: %s", j)
	}
}
