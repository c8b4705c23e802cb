package web_test

import (
	"bytes"
	"context"
	"image"
	"image/color"
	"image/jpeg"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/masthead-news/masthead/internal/content"
	"github.com/masthead-news/masthead/internal/edition"
	"github.com/masthead-news/masthead/internal/media"
	"github.com/masthead-news/masthead/internal/store/sqlite"
	"github.com/masthead-news/masthead/internal/web"
)

// TestPagesUseImageVariantsOnceMade: a fresh image is served as it is;
// once the background worker has made its variants, the home page's card
// and the article's featured image offer them in srcset, with a WebP
// <source> in a <picture>, and the (cached) page shows them at once.
func TestPagesUseImageVariantsOnceMade(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	st, err := sqlite.Open(filepath.Join(dir, "site.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if _, err := st.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	e := &edition.Edition{Code: "en", Name: "English", Lang: "en", Dir: "ltr", Calendar: "gregorian", Digits: "latn", TimeZone: "UTC", IsDefault: true,
		Settings: edition.Settings{SiteName: "Variants Daily", ListingMode: "excerpt", PerPage: 10, CopyrightYear: 2024}}
	if err := st.SaveEdition(ctx, e); err != nil {
		t.Fatal(err)
	}
	csvc := &content.Service{Store: st}
	cat := &content.Category{Edition: "en", Name: "News"}
	if err := csvc.CreateCategory(ctx, cat); err != nil {
		t.Fatal(err)
	}
	blob := media.LocalBlob{Root: filepath.Join(dir, "uploads")}
	msvc := &media.Service{Store: st, Blob: blob}
	img := image.NewRGBA(image.Rect(0, 0, 1400, 788))
	for y := 0; y < 788; y++ {
		for x := 0; x < 1400; x++ {
			img.Set(x, y, color.RGBA{uint8(x / 6), uint8(y / 4), 120, 255})
		}
	}
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, img, nil); err != nil {
		t.Fatal(err)
	}
	m, err := msvc.Add(ctx, &buf, media.Upload{Filename: "river.jpg", Alt: "The river at dusk"})
	if err != nil {
		t.Fatal(err)
	}
	au := &content.Author{Slug: "ana", Name: "Ana"}
	if err := csvc.CreateAuthor(ctx, au, nil); err != nil {
		t.Fatal(err)
	}
	a := &content.Article{Edition: "en", Title: "River cleanup", Excerpt: "Volunteers.",
		BodySource: `<p>Text.</p><figure><img src="/uploads/` + m.Path + `" alt="The river, inline"><figcaption>Inline</figcaption></figure>`, PrimaryCategoryID: cat.ID, AuthorID: au.ID,
		Status: content.Published, PublishedAt: time.Now().Add(-time.Hour), FeaturedMediaID: m.ID}
	if err := csvc.CreateArticle(ctx, a); err != nil {
		t.Fatal(err)
	}
	srv, err := web.New(ctx, web.Deps{Content: st, Media: st, Blob: blob, Editions: st, Ready: st.Ping,
		Logger: slog.New(slog.NewTextHandler(io.Discard, nil)), Generation: st.Generation, CacheBytes: 8 << 20})
	if err != nil {
		t.Fatal(err)
	}
	fetch := func(path string) (*http.Response, string) {
		rec := httptest.NewRecorder()
		srv.ServeHTTP(rec, httptest.NewRequest("GET", path, nil))
		res := rec.Result()
		b, _ := io.ReadAll(res.Body)
		return res, string(b)
	}
	anatomy := regexp.MustCompile(`<img src="/uploads/[^"]+" alt="[^"]+"`)
	_, home := fetch("/")
	if strings.Contains(home, "srcset") || !anatomy.MatchString(home) {
		t.Fatalf("before the variants exist the card should be a plain image")
	}

	if did, err := (&media.Worker{Logger: slog.New(slog.NewTextHandler(io.Discard, nil)), Service: msvc}).RunOnce(ctx); !did || err != nil {
		t.Fatalf("worker: %v %v", did, err)
	}

	stem := strings.TrimSuffix(m.URL(), ".jpg")
	_, home = fetch("/") // the cached copy from before must not be served
	_, article := fetch(strings.TrimSuffix(articleURL(t, home, "River cleanup"), "#comments"))
	for name, page := range map[string]string{"home": home, "article": article} {
		if !anatomy.MatchString(page) {
			t.Errorf("%s: the image lost its src or alt", name)
		}
		for _, want := range []string{
			`<picture><source type="image/webp" srcset="` + stem + `-320w.webp 320w, ` + stem + `-640w.webp 640w, ` + stem + `-1024w.webp 1024w, ` + stem + `-1400w.webp 1400w" sizes="`,
			`srcset="` + stem + `-320w.jpg 320w, ` + stem + `-640w.jpg 640w, ` + stem + `-1024w.jpg 1024w, ` + m.URL() + ` 1400w" sizes="`,
		} {
			if !strings.Contains(page, want) {
				t.Errorf("%s lacks %s", name, want)
			}
		}
	}
	// The figure in the text gets them too, sized for the text column.
	if !strings.Contains(article, `<picture><source type="image/webp" srcset="`+stem+`-320w.webp 320w`) ||
		!regexp.MustCompile(`<img src="`+regexp.QuoteMeta(m.URL())+`" alt="The river, inline" srcset="[^"]+ 1400w" sizes="\(max-width: 760px\) calc\(100vw - 2rem\), 672px"></picture>`).MatchString(article) {
		t.Errorf("the inline figure has no responsive image:\n%s", article[strings.Index(article, "article-body"):][:600])
	}
	// Every URL in the srcsets answers, with the right type, for a year.
	for _, u := range regexp.MustCompile(`/uploads/[^ "]+-\d+w\.(?:jpg|webp)`).FindAllString(home, -1) {
		res, _ := fetch(u)
		want := map[bool]string{true: "image/webp", false: "image/jpeg"}[strings.HasSuffix(u, ".webp")]
		if res.StatusCode != 200 || res.Header.Get("Content-Type") != want || !strings.Contains(res.Header.Get("Cache-Control"), "immutable") {
			t.Errorf("%s: %d %s %s", u, res.StatusCode, res.Header.Get("Content-Type"), res.Header.Get("Cache-Control"))
		}
	}
}

// articleURL finds the link of the card titled title on a listing.
func articleURL(t *testing.T, page, title string) string {
	t.Helper()
	m := regexp.MustCompile(`<h2 class="card-title"><a href="([^"]+)">` + regexp.QuoteMeta(title) + `</a>`).FindStringSubmatch(page)
	if m == nil {
		t.Fatalf("no card titled %q", title)
	}
	return m[1]
}
