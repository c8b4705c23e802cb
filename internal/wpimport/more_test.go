package wpimport_test

import (
	"bytes"
	"context"
	"image"
	"image/color"
	"image/jpeg"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// writeJPEG puts a small real JPEG at dir/rel.
func writeJPEG(t *testing.T, dir, rel string) {
	t.Helper()
	img := image.NewRGBA(image.Rect(0, 0, 40, 30))
	for x := 0; x < 40; x++ {
		img.Set(x, x%30, color.RGBA{200, 30, 30, 255})
	}
	var b bytes.Buffer
	if err := jpeg.Encode(&b, img, nil); err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(dir, filepath.FromSlash(rel))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
}

func files(t *testing.T, dir string) []string {
	t.Helper()
	var out []string
	filepath.Walk(dir, func(p string, fi os.FileInfo, err error) error {
		if err == nil && !fi.IsDir() {
			out = append(out, p)
		}
		return nil
	})
	return out
}

// Attachments come from --uploads into the media library, and the post's
// link to the file (on another host) points to our copy.
func TestAttachmentsFromUploads(t *testing.T) {
	s := newSite(t)
	ctx := context.Background()
	uploads := t.TempDir()
	writeJPEG(t, uploads, "2008/06/canola2.jpg")
	s.imp.Uploads = uploads
	sum, err := s.imp.Import(ctx, fixture(t, "wxr-flat-attachment-same-site.xml"))
	if err != nil {
		t.Fatal(err)
	}
	if sum.Created["media"] != 1 || len(sum.Skipped) != 0 {
		t.Fatalf("created %v, skipped %+v", sum.Created, sum.Skipped)
	}
	var body, path string
	if err := s.store.QueryRowForTest(ctx, "SELECT body_html FROM articles", &body); err != nil {
		t.Fatal(err)
	}
	if err := s.store.QueryRowForTest(ctx, "SELECT path FROM media", &path); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(body, `src="/uploads/`+path+`"`) || strings.Contains(body, "files.wordpress.com") {
		t.Errorf("the body still links the old file: %s", body)
	}
	h := s.server(t)
	if res := get(h, "/uploads/"+path); res.StatusCode != 200 {
		t.Errorf("the copied file answers %d", res.StatusCode)
	}
	if res := get(h, "/?attachment_id=611"); res.StatusCode != 301 || res.Header.Get("Location") != "/uploads/"+path {
		t.Errorf("?attachment_id=611: %d → %q", res.StatusCode, res.Header.Get("Location"))
	}
}

// A file missing from the uploads folder is reported and the rest imported.
func TestMissingUploadIsReported(t *testing.T) {
	s := newSite(t)
	s.imp.Uploads = t.TempDir()
	sum, err := s.imp.Import(context.Background(), fixture(t, "wxr-flat-attachment-same-site.xml"))
	if err != nil {
		t.Fatal(err)
	}
	if len(sum.Skipped) != 1 || !strings.Contains(sum.Skipped[0].Reason, "2008/06/canola2.jpg is not in the uploads folder") {
		t.Fatalf("skipped %+v", sum.Skipped)
	}
	if sum.Created["articles"] != 1 {
		t.Errorf("created %v", sum.Created)
	}
}

// When the file breaks after attachments were copied, the import rolls back
// and takes the copied files away again.
func TestFailedImportRemovesCopiedFiles(t *testing.T) {
	s := newSite(t)
	ctx := context.Background()
	uploads := t.TempDir()
	writeJPEG(t, uploads, "2008/06/canola2.jpg")
	s.imp.Uploads = uploads
	raw, err := os.ReadFile(fixture(t, "wxr-flat-attachment-same-site.xml"))
	if err != nil {
		t.Fatal(err)
	}
	broken := filepath.Join(t.TempDir(), "broken.xml")
	cut := bytes.Index(raw, []byte("<title>Post with Attachment</title>"))
	if err := os.WriteFile(broken, append(raw[:cut], "<wp:post_id>5</wp:post_id></channel>"...), 0o644); err != nil {
		t.Fatal(err)
	}
	before := s.checksum(t)
	if _, err := s.imp.Import(ctx, broken); err == nil || !strings.Contains(err.Error(), "line ") {
		t.Fatalf("error %v, want one with a line number", err)
	}
	if s.checksum(t) != before {
		t.Error("the failed import changed the database")
	}
	if left := files(t, filepath.Join(s.dir, "uploads")); len(left) != 0 {
		t.Errorf("copied files left behind: %v", left)
	}
}

// A newer export of the same site updates what changed, and only that.
func TestNewerExportUpdatesWhatChanged(t *testing.T) {
	s := newSite(t)
	ctx := context.Background()
	file := fixture(t, "small-export.xml")
	if _, err := s.imp.Import(ctx, file); err != nil {
		t.Fatal(err)
	}
	raw, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	const oldTitle = "<title>Hello world!</title>"
	if !bytes.Contains(raw, []byte(oldTitle)) {
		t.Fatalf("fixture lacks %s", oldTitle)
	}
	newer := filepath.Join(t.TempDir(), "newer.xml")
	if err := os.WriteFile(newer, bytes.Replace(raw, []byte(oldTitle), []byte("<title>Hello again, world</title>"), 1), 0o644); err != nil {
		t.Fatal(err)
	}
	var articles int
	s.store.QueryRowForTest(ctx, "SELECT COUNT(*) FROM articles", &articles)
	sum, err := s.imp.Import(ctx, newer)
	if err != nil {
		t.Fatal(err)
	}
	if sum.Updated["articles"] != 1 || sum.Created["articles"] != 0 || sum.Unchanged["articles"] != articles-1 {
		t.Errorf("created %v, updated %v, unchanged %v", sum.Created, sum.Updated, sum.Unchanged)
	}
	if n := s.count(t, "SELECT COUNT(*) FROM articles WHERE title = 'Hello again, world'"); n != 1 {
		t.Error("the changed title was not stored")
	}
	if n := s.count(t, "SELECT COUNT(*) FROM articles"); n != articles {
		t.Errorf("%d articles after the update, had %d", n, articles)
	}
	if len(sum.Missing) != 0 {
		t.Errorf("nothing is missing from the newer export, the summary says %v", sum.Missing)
	}

	// A later export without the post (deleted in WordPress): the summary
	// names it, and it stays.
	start := bytes.LastIndex(raw[:bytes.Index(raw, []byte(oldTitle))], []byte("<item>"))
	end := start + bytes.Index(raw[start:], []byte("</item>")) + len("</item>")
	id := regexp.MustCompile(`<wp:post_id>(\d+)</wp:post_id>`).FindSubmatch(raw[start:end])
	if start < 0 || id == nil {
		t.Fatal("cannot find the post's item in the fixture")
	}
	without := filepath.Join(t.TempDir(), "without.xml")
	if err := os.WriteFile(without, append(append([]byte{}, raw[:start]...), raw[end:]...), 0o644); err != nil {
		t.Fatal(err)
	}
	sum, err = s.imp.Import(ctx, without)
	if err != nil {
		t.Fatal(err)
	}
	if got := sum.Missing["article"]; len(got) != 1 || got[0] != string(id[1]) || len(sum.Missing["page"]) != 0 {
		t.Errorf("missing = %v, want article %s", sum.Missing, id[1])
	}
	if n := s.count(t, "SELECT COUNT(*) FROM articles"); n != articles {
		t.Errorf("%d articles after an export without one, had %d: nothing is deleted", n, articles)
	}
}

const polylang = `<?xml version="1.0" encoding="UTF-8" ?>
<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/" xmlns:content="http://purl.org/rss/1.0/modules/content/"
 xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
<channel>
<title>Bilingual</title><link>https://bi.example.org</link>
<wp:wxr_version>1.2</wp:wxr_version>
<wp:base_site_url>https://bi.example.org</wp:base_site_url>
<wp:term><wp:term_id>2</wp:term_id><wp:term_taxonomy>language</wp:term_taxonomy><wp:term_slug>en</wp:term_slug><wp:term_name><![CDATA[English]]></wp:term_name></wp:term>
<wp:term><wp:term_id>3</wp:term_id><wp:term_taxonomy>language</wp:term_taxonomy><wp:term_slug>ar</wp:term_slug><wp:term_name><![CDATA[العربية]]></wp:term_name></wp:term>
<wp:term><wp:term_id>4</wp:term_id><wp:term_taxonomy>language</wp:term_taxonomy><wp:term_slug>de</wp:term_slug><wp:term_name><![CDATA[Deutsch]]></wp:term_name></wp:term>
<wp:term><wp:term_id>9</wp:term_id><wp:term_taxonomy>post_translations</wp:term_taxonomy><wp:term_slug>pll_1</wp:term_slug><wp:term_name><![CDATA[pll_1]]></wp:term_name><wp:term_description><![CDATA[a:2:{s:2:"en";i:10;s:2:"ar";i:11;}]]></wp:term_description></wp:term>
<item><title>River report</title><link>https://bi.example.org/2024/03/01/river-report/</link><dc:creator>editor</dc:creator>
<content:encoded><![CDATA[<p>The river rose.</p>]]></content:encoded><excerpt:encoded><![CDATA[]]></excerpt:encoded>
<wp:post_id>10</wp:post_id><wp:post_date_gmt>2024-03-01 10:00:00</wp:post_date_gmt><wp:post_name>river-report</wp:post_name>
<wp:status>publish</wp:status><wp:post_type>post</wp:post_type>
<category domain="language" nicename="en"><![CDATA[English]]></category>
<category domain="post_translations" nicename="pll_1"><![CDATA[pll_1]]></category></item>
<item><title>تقرير النهر</title><link>https://bi.example.org/ar/2024/03/01/%d8%aa%d9%82%d8%b1%d9%8a%d8%b1-%d8%a7%d9%84%d9%86%d9%87%d8%b1/</link><dc:creator>editor</dc:creator>
<content:encoded><![CDATA[<p>ارتفع النهر.</p>]]></content:encoded><excerpt:encoded><![CDATA[]]></excerpt:encoded>
<wp:post_id>11</wp:post_id><wp:post_date_gmt>2024-03-01 10:05:00</wp:post_date_gmt><wp:post_name>%d8%aa%d9%82%d8%b1%d9%8a%d8%b1-%d8%a7%d9%84%d9%86%d9%87%d8%b1</wp:post_name>
<wp:status>publish</wp:status><wp:post_type>post</wp:post_type>
<category domain="language" nicename="ar"><![CDATA[العربية]]></category>
<category domain="post_translations" nicename="pll_1"><![CDATA[pll_1]]></category></item>
<item><title>Flussbericht</title><link>https://bi.example.org/de/2024/03/01/flussbericht/</link><dc:creator>editor</dc:creator>
<content:encoded><![CDATA[<p>Der Fluss stieg.</p>]]></content:encoded>
<wp:post_id>12</wp:post_id><wp:post_date_gmt>2024-03-01 10:06:00</wp:post_date_gmt><wp:post_name>flussbericht</wp:post_name>
<wp:status>publish</wp:status><wp:post_type>post</wp:post_type>
<category domain="language" nicename="de"><![CDATA[Deutsch]]></category></item>
</channel></rss>
`

// Polylang: languages become editions, translations are linked, and a
// language without an edition is reported.
func TestPolylangLanguagesAndTranslations(t *testing.T) {
	s := newSite(t)
	ctx := context.Background()
	file := filepath.Join(t.TempDir(), "polylang.xml")
	if err := os.WriteFile(file, []byte(polylang), 0o644); err != nil {
		t.Fatal(err)
	}
	sum, err := s.imp.Import(ctx, file)
	if err != nil {
		t.Fatal(err)
	}
	if n := s.count(t, "SELECT COUNT(*) FROM articles WHERE edition = 'ar' AND slug = 'تقرير-النهر'"); n != 1 {
		t.Error("the Arabic post is not in the ar edition with its Arabic slug")
	}
	if n := s.count(t, "SELECT COUNT(DISTINCT translation_group) FROM articles"); n != 1 {
		t.Errorf("%d translation groups, want the two versions linked in one", n)
	}
	if len(sum.Skipped) != 1 || !strings.Contains(sum.Skipped[0].Reason, `"de"`) {
		t.Errorf("skipped %+v, want the German post with its reason", sum.Skipped)
	}
	h := s.server(t)
	res := get(h, "/ar/2024/03/01/%d8%aa%d9%82%d8%b1%d9%8a%d8%b1-%d8%a7%d9%84%d9%86%d9%87%d8%b1/")
	if res.StatusCode != 200 {
		t.Errorf("the Arabic article answers %d at its old (and new) URL", res.StatusCode)
	}
	if again, err := s.imp.Import(ctx, file); err != nil || again.Changed {
		t.Errorf("second import: %v, changed %v", err, again != nil && again.Changed)
	}
}
