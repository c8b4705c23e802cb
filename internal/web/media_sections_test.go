package web_test

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/masthead-news/masthead/internal/mediasection"
)

// demoItem is the newest published demo item of a kind in an edition.
func demoItem(t *testing.T, edition string, kind mediasection.Kind) *mediasection.Item {
	t.Helper()
	list, err := site.store.ListMediaItems(context.Background(), mediasection.Filter{Edition: edition, Kind: kind, Published: true, Before: time.Now(), Limit: 1})
	if err != nil || len(list) == 0 {
		t.Fatalf("no demo %s in %s: %v", kind, edition, err)
	}
	return list[0]
}

func prefixOf(edition string) string {
	if edition == "en" {
		return ""
	}
	return "/" + edition
}

func itemURL(edition string, it *mediasection.Item) string {
	return prefixOf(edition) + "/media/" + it.Kind.Section() + "/" + url.PathEscape(it.Slug) + "/"
}

// TestMediaSectionPagesInTwoEditions requests every Media section URL in
// English and Persian: the grids, each kind's item page, an album photo's
// own page, and 404s for unknown slugs, photo numbers and pages.
func TestMediaSectionPagesInTwoEditions(t *testing.T) {
	for _, ed := range []string{"en", "fa"} {
		pre := prefixOf(ed)
		for _, k := range mediasection.Kinds {
			res, body := get(t, pre+"/media/"+k.Section()+"/")
			if res.StatusCode != http.StatusOK {
				t.Fatalf("%s %s listing: %d", ed, k, res.StatusCode)
			}
			it := demoItem(t, ed, k)
			if !strings.Contains(body, `href="`+itemURL(ed, it)+`"`) {
				t.Errorf("%s %s listing lacks a link to %q", ed, k, itemURL(ed, it))
			}
			if !strings.Contains(body, `<html lang="`+ed+`"`) {
				t.Errorf("%s %s listing is not in its language", ed, k)
			}
			res, body = get(t, itemURL(ed, it))
			if res.StatusCode != http.StatusOK {
				t.Fatalf("%s %s page %s: %d", ed, k, itemURL(ed, it), res.StatusCode)
			}
			for _, want := range []string{"<h1 class=\"article-title\">" + it.Title, `hreflang="en"`, `hreflang="fa"`, `class="share"`, "https://t.me/share/url?url="} {
				if !strings.Contains(body, want) {
					t.Errorf("%s %s page lacks %q", ed, k, want)
				}
			}
			if res, _ := get(t, pre+"/media/"+k.Section()+"/no-such-item/"); res.StatusCode != http.StatusNotFound {
				t.Errorf("%s unknown %s: %d", ed, k, res.StatusCode)
			}
			if res, _ := get(t, pre+"/media/"+k.Section()+"/page/9/"); res.StatusCode != http.StatusNotFound {
				t.Errorf("%s %s page 9: %d", ed, k, res.StatusCode)
			}
			if res, _ := get(t, pre+"/media/"+k.Section()+"/page/1/"); res.StatusCode != http.StatusMovedPermanently {
				t.Errorf("%s %s page 1 does not redirect: %d", ed, k, res.StatusCode)
			}
		}
		album := demoItem(t, ed, mediasection.Album)
		photos, err := site.store.AlbumPhotos(context.Background(), album.ID)
		if err != nil || len(photos) < 3 {
			t.Fatalf("album photos: %d, %v", len(photos), err)
		}
		res, body := get(t, itemURL(ed, album)+"2/")
		if res.StatusCode != http.StatusOK {
			t.Fatalf("%s photo 2: %d", ed, res.StatusCode)
		}
		for _, want := range []string{`href="` + itemURL(ed, album) + `1/" rel="prev"`, `href="` + itemURL(ed, album) + `3/" rel="next"`,
			photos[1].Media.URL(), photos[1].Caption} {
			if !strings.Contains(body, want) {
				t.Errorf("%s photo 2 lacks %q", ed, want)
			}
		}
		for _, bad := range []string{"0/", "01/", fmt.Sprintf("%d/", len(photos)+1), "x/"} {
			if res, _ := get(t, itemURL(ed, album)+bad); res.StatusCode != http.StatusNotFound {
				t.Errorf("%s photo %q: %d", ed, bad, res.StatusCode)
			}
		}
	}
}

// TestAlbumGridLinksEveryPhotoPage checks the lightbox's fallback: each
// thumbnail is a plain link to its photo's page, with the full picture
// and caption for the script, lazily loaded after the first row.
func TestAlbumGridLinksEveryPhotoPage(t *testing.T) {
	album := demoItem(t, "ar", mediasection.Album)
	res, body := get(t, itemURL("ar", album))
	if res.StatusCode != http.StatusOK {
		t.Fatalf("album: %d", res.StatusCode)
	}
	links := regexp.MustCompile(`<a class="album-thumb" href="([^"]+)"`).FindAllStringSubmatch(body, -1)
	if len(links) != album.PhotoCount || album.PhotoCount == 0 {
		t.Fatalf("%d thumbnails for %d photos", len(links), album.PhotoCount)
	}
	for i, l := range links {
		if want := itemURL("ar", album) + fmt.Sprint(i+1) + "/"; l[1] != want {
			t.Errorf("thumbnail %d links %q, want %q", i+1, l[1], want)
		}
	}
	for _, want := range []string{`data-lightbox`, `data-full="/uploads/`, `loading="lazy"`} {
		if !strings.Contains(body, want) {
			t.Errorf("album page lacks %q", want)
		}
	}
	if !regexp.MustCompile(`<script src="/static/js/media\.[0-9a-f]+\.js" defer></script>`).MatchString(body) {
		t.Error("album page does not load media.js")
	}
}

// TestVideoPagePlaysAndOffersTheFile checks the uploaded video's page: a
// player with both sources and the poster, and download links with type and
// size pointing at /download/{id}/{name}.
func TestVideoPagePlaysAndOffersTheFile(t *testing.T) {
	v := demoItem(t, "sq", mediasection.Video)
	_, body := get(t, itemURL("sq", v))
	for _, want := range []string{`<video controls preload="metadata"`, `poster="` + v.Image.URL() + `"`,
		`<source src="` + v.Video.URL() + `" type="video/webm">`, `<source src="` + v.AltVideo.URL() + `" type="video/mp4">`,
		`href="` + v.Video.DownloadURL() + `" download`, "WebM, ", "MP4, ", `datetime="PT0H0M4S">0:04</time>`} {
		if !strings.Contains(body, want) {
			t.Errorf("video page lacks %q", want)
		}
	}
	if strings.Contains(body, "<iframe") || strings.Contains(body, "frame-src") {
		t.Error("an uploaded video page frames something")
	}
	// The download link serves the file as an attachment.
	res, data := get(t, v.AltVideo.DownloadURL())
	if res.StatusCode != http.StatusOK || res.Header.Get("Content-Type") != "video/mp4" || int64(len(data)) != v.AltVideo.Size ||
		!strings.HasPrefix(res.Header.Get("Content-Disposition"), "attachment") {
		t.Errorf("download: %d %q %q, %d bytes", res.StatusCode, res.Header.Get("Content-Type"), res.Header.Get("Content-Disposition"), len(data))
	}
}

// TestExternalVideoLoadsNothingBeforeTheClick: a YouTube video's page holds
// a link and our own poster, no iframe and no third-party URL but the link,
// and only this page's CSP allows the player's host as a frame.
func TestExternalVideoLoadsNothingBeforeTheClick(t *testing.T) {
	ctx := context.Background()
	svc := &mediasection.Service{Store: site.store}
	poster := demoItem(t, "en", mediasection.Video).Image
	it := &mediasection.Item{Kind: mediasection.Video, Edition: "en", Title: "A linked film", ExternalURL: "https://youtu.be/dQw4w9WgXcQ",
		ImageID: poster.ID, Status: mediasection.Published, PublishedAt: time.Now().Add(-time.Minute)}
	if err := svc.Save(ctx, it); err != nil {
		t.Fatal(err)
	}
	defer svc.Delete(ctx, it.ID)
	res, body := get(t, itemURL("en", it))
	if res.StatusCode != http.StatusOK {
		t.Fatalf("external video: %d", res.StatusCode)
	}
	if strings.Contains(body, "<iframe") {
		t.Error("the page has an iframe before any click")
	}
	if n := strings.Count(body, "youtube-nocookie.com"); n != 1 || !strings.Contains(body, `data-embed="https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1&amp;rel=0"`) {
		t.Errorf("the player URL appears %d times, want once in data-embed", n)
	}
	if !strings.Contains(body, `<a class="embed-link" href="https://www.youtube.com/watch?v=dQw4w9WgXcQ"`) {
		t.Error("no plain link to the video for readers without script")
	}
	for _, src := range regexp.MustCompile(`(?:src|srcset|poster)="([^"]+)"`).FindAllStringSubmatch(body, -1) {
		if strings.Contains(src[1], "://") && !strings.HasPrefix(src[1], "https://news.example.org/") {
			t.Errorf("third-party resource on the page: %q", src[1])
		}
	}
	csp := res.Header.Get("Content-Security-Policy")
	if !strings.HasSuffix(csp, "; frame-src https://www.youtube-nocookie.com https://player.vimeo.com") || !strings.Contains(csp, "frame-ancestors 'none'") {
		t.Errorf("CSP of the embed page = %q", csp)
	}
	if other, _ := get(t, "/media/videos/"); strings.Contains(other.Header.Get("Content-Security-Policy"), "frame-src") {
		t.Error("a page without an embed allows frames")
	}
}

// TestMediaSectionPaging puts more cartoons than a grid holds into the
// Albanian edition and follows Older/Newer.
func TestMediaSectionPaging(t *testing.T) {
	ctx := context.Background()
	svc := &mediasection.Service{Store: site.store}
	img := demoItem(t, "sq", mediasection.Cartoon).Image
	var ids []int64
	for i := range 13 {
		it := &mediasection.Item{Kind: mediasection.NewsPic, Edition: "sq", Title: fmt.Sprintf("Faqe prove %d", i), ImageID: img.ID,
			Status: mediasection.Published, PublishedAt: time.Now().Add(-time.Duration(i+1) * time.Minute)}
		if err := svc.Save(ctx, it); err != nil {
			t.Fatal(err)
		}
		ids = append(ids, it.ID)
	}
	defer func() {
		for _, id := range ids {
			svc.Delete(ctx, id)
		}
	}()
	_, body := get(t, "/sq/media/newspics/")
	if !strings.Contains(body, `href="/sq/media/newspics/page/2/" rel="next"`) || strings.Contains(body, `rel="prev"`) {
		t.Error("first page lacks the Older link or has a Newer one")
	}
	if n := strings.Count(body, `class="media-card"`); n != 12 {
		t.Errorf("first page shows %d items, want 12", n)
	}
	res, body := get(t, "/sq/media/newspics/page/2/")
	if res.StatusCode != http.StatusOK || !strings.Contains(body, `href="/sq/media/newspics/" rel="prev"`) {
		t.Errorf("second page: %d, newer link missing", res.StatusCode)
	}
	if res, _ := get(t, "/sq/media/newspics/page/3/"); res.StatusCode != http.StatusNotFound {
		t.Errorf("third page: %d", res.StatusCode)
	}
}

// TestDraftItemsStayHidden: a draft has no page until it is published.
func TestDraftItemsStayHidden(t *testing.T) {
	ctx := context.Background()
	svc := &mediasection.Service{Store: site.store}
	img := demoItem(t, "en", mediasection.Cartoon).Image
	it := &mediasection.Item{Kind: mediasection.Cartoon, Edition: "en", Title: "Not yet", ImageID: img.ID, Status: mediasection.Draft}
	if err := svc.Save(ctx, it); err != nil {
		t.Fatal(err)
	}
	defer svc.Delete(ctx, it.ID)
	if res, _ := get(t, itemURL("en", it)); res.StatusCode != http.StatusNotFound {
		t.Errorf("draft page: %d", res.StatusCode)
	}
	if _, body := get(t, "/media/cartoons/"); strings.Contains(body, "Not yet") {
		t.Error("draft listed")
	}
}
