package admin_test

import (
	"bytes"
	"context"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/masthead-news/masthead/internal/media"
	"github.com/masthead-news/masthead/internal/mediasection"
	"github.com/masthead-news/masthead/internal/user"
)

// libraryImage adds a small picture to the media library.
func (s *site) libraryImage(t *testing.T, seed uint8) *media.Media {
	t.Helper()
	img := image.NewRGBA(image.Rect(0, 0, 40, 30))
	for i := range img.Pix {
		img.Pix[i] = seed + uint8(i)
	}
	img.Set(0, 0, color.RGBA{seed, 1, 2, 255})
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		t.Fatal(err)
	}
	m, err := s.media.Add(context.Background(), &buf, media.Upload{Filename: fmt.Sprintf("pic-%d.png", seed), Title: fmt.Sprintf("Picture %d", seed)})
	if err != nil {
		t.Fatal(err)
	}
	return m
}

func (s *site) items(t *testing.T, edition string, kind mediasection.Kind) []*mediasection.Item {
	t.Helper()
	list, err := s.store.ListMediaItems(context.Background(), mediasection.Filter{Edition: edition, Kind: kind})
	if err != nil {
		t.Fatal(err)
	}
	return list
}

// TestMediaSectionsAdmin creates, publishes and refuses items through the
// admin under each role's rights, and arranges an album's photos.
func TestMediaSectionsAdmin(t *testing.T) {
	s := newSite(t)
	pic := s.libraryImage(t, 10)
	editor := s.login(t, user.Editor)

	// The list and the form render for every kind.
	for _, k := range mediasection.Kinds {
		if res, body := s.get(t, editor, "/admin/media-sections/?edition=fa&kind="+string(k)); res.StatusCode != http.StatusOK || !strings.Contains(body, `href="/admin/media-sections/new?edition=fa&amp;kind=`+string(k)+`"`) {
			t.Fatalf("list of %s: %d", k, res.StatusCode)
		}
		if res, _ := s.get(t, editor, "/admin/media-sections/new?edition=fa&kind="+string(k)); res.StatusCode != http.StatusOK {
			t.Fatalf("new %s form: %d", k, res.StatusCode)
		}
	}

	// A cartoon without a picture is refused with a message; nothing stored.
	form := url.Values{"edition": {"en"}, "kind": {"cartoon"}, "title": {"Queue at the bus stop"}, "action": {"publish"},
		"category": {fmt.Sprint(s.category["en"])}}
	res, body := s.postBody(t, editor, "/admin/media-sections/new", form)
	if res.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(body, "choose a picture from the media library") {
		t.Fatalf("cartoon without picture: %d", res.StatusCode)
	}
	if n := len(s.items(t, "en", mediasection.Cartoon)); n != 0 {
		t.Fatalf("%d cartoons stored after a refusal", n)
	}
	// A category of another edition is refused too.
	form.Set("image", fmt.Sprint(pic.ID))
	form.Set("category", fmt.Sprint(s.category["fa"]))
	if res := s.post(t, editor, "/admin/media-sections/new", form); res.StatusCode != http.StatusUnprocessableEntity {
		t.Fatalf("cartoon with a Persian category: %d", res.StatusCode)
	}
	form.Set("category", fmt.Sprint(s.category["en"]))
	if res := s.post(t, editor, "/admin/media-sections/new", form); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("cartoon: %d", res.StatusCode)
	}
	list := s.items(t, "en", mediasection.Cartoon)
	if len(list) != 1 || list[0].Status != mediasection.Published || list[0].Slug != "queue-at-the-bus-stop" || list[0].CreatedBy != s.users[user.Editor].ID {
		t.Fatalf("stored cartoon = %+v", list)
	}
	if res, _ := s.get(t, s.client(t), "/media/cartoons/queue-at-the-bus-stop/"); res.StatusCode != http.StatusOK {
		t.Fatalf("public page of the new cartoon: %d", res.StatusCode)
	}

	// A video with a bad link is refused; a YouTube link is stored canonical.
	vform := url.Values{"edition": {"fa"}, "kind": {"video"}, "title": {"گزارش ویدئویی"}, "action": {"publish"}, "external_url": {"https://evil.example/watch?v=dQw4w9WgXcQ"}}
	if res, body := s.postBody(t, editor, "/admin/media-sections/new", vform); res.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(body, "not a YouTube or Vimeo video") {
		t.Fatalf("bad video link: %d", res.StatusCode)
	}
	vform.Set("external_url", "https://youtu.be/dQw4w9WgXcQ")
	if res := s.post(t, editor, "/admin/media-sections/new", vform); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("video with link: %d", res.StatusCode)
	}
	// A PNG picked as the video file is refused.
	vform.Set("external_url", "")
	vform.Set("video", fmt.Sprint(pic.ID))
	vform.Set("title", "ویدئوی دیگر")
	if res := s.post(t, editor, "/admin/media-sections/new", vform); res.StatusCode != http.StatusUnprocessableEntity {
		t.Fatalf("an image as the video file: %d", res.StatusCode)
	}
	// A real film from the library is accepted.
	film, err := os.ReadFile(filepath.Join("..", "demo", "assets", "demo-video.webm"))
	if err != nil {
		t.Fatal(err)
	}
	fm, err := s.media.Add(context.Background(), bytes.NewReader(film), media.Upload{Filename: "film.webm", Expect: "video"})
	if err != nil {
		t.Fatal(err)
	}
	vform.Set("video", fmt.Sprint(fm.ID))
	if res := s.post(t, editor, "/admin/media-sections/new", vform); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("video with a file: %d", res.StatusCode)
	}
	if n := len(s.items(t, "fa", mediasection.Video)); n != 2 {
		t.Fatalf("%d videos stored", n)
	}

	// Roles: a contributor may only save drafts, and not touch others' items.
	contrib := s.login(t, user.Contributor)
	cform := url.Values{"edition": {"en"}, "kind": {"newspic"}, "title": {"Rain on the square"}, "image": {fmt.Sprint(pic.ID)}, "action": {"publish"}}
	if res := s.post(t, contrib, "/admin/media-sections/new", cform); res.StatusCode != http.StatusUnprocessableEntity {
		t.Fatalf("contributor publishing: %d", res.StatusCode)
	}
	cform.Set("action", "draft")
	if res := s.post(t, contrib, "/admin/media-sections/new", cform); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("contributor draft: %d", res.StatusCode)
	}
	cartoon := list[0]
	if res := s.post(t, contrib, fmt.Sprintf("/admin/media-sections/%d/", cartoon.ID), url.Values{"title": {"Changed"}, "image": {fmt.Sprint(pic.ID)}, "action": {"save"}}); res.StatusCode != http.StatusForbidden {
		t.Fatalf("contributor editing the editor's cartoon: %d", res.StatusCode)
	}
	if res := s.post(t, s.login(t, user.Author), fmt.Sprintf("/admin/media-sections/%d/delete", cartoon.ID), url.Values{}); res.StatusCode != http.StatusForbidden {
		t.Fatalf("author deleting the editor's cartoon: %d", res.StatusCode)
	}

	// Albums: add photos, caption, move, remove.
	if res := s.post(t, editor, "/admin/media-sections/new", url.Values{"edition": {"en"}, "kind": {"album"}, "title": {"Harbour"}, "image": {fmt.Sprint(pic.ID)}, "action": {"publish"}}); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("album: %d", res.StatusCode)
	}
	album := s.items(t, "en", mediasection.Album)[0]
	var pics []int64
	for i := range 3 {
		m := s.libraryImage(t, uint8(20+i))
		pics = append(pics, m.ID)
		if res := s.post(t, editor, fmt.Sprintf("/admin/media-sections/%d/photos", album.ID), url.Values{"image": {fmt.Sprint(m.ID)}, "caption": {fmt.Sprintf("Photo %d", i+1)}}); res.StatusCode != http.StatusSeeOther {
			t.Fatalf("add photo: %d", res.StatusCode)
		}
	}
	photos, _ := s.store.AlbumPhotos(context.Background(), album.ID)
	if res := s.post(t, editor, fmt.Sprintf("/admin/media-sections/photos/%d/move", photos[2].ID), url.Values{"dir": {"up"}}); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("move up: %d", res.StatusCode)
	}
	if res := s.post(t, editor, fmt.Sprintf("/admin/media-sections/photos/%d/move", photos[0].ID), url.Values{"dir": {"up"}}); res.StatusCode != http.StatusUnprocessableEntity {
		t.Fatalf("moving the first photo up: %d", res.StatusCode)
	}
	if res := s.post(t, editor, fmt.Sprintf("/admin/media-sections/photos/%d/", photos[1].ID), url.Values{"caption": {"The pier"}, "credit": {"Ana"}}); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("caption: %d", res.StatusCode)
	}
	if res := s.post(t, editor, fmt.Sprintf("/admin/media-sections/photos/%d/delete", photos[0].ID), url.Values{}); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("remove: %d", res.StatusCode)
	}
	after, _ := s.store.AlbumPhotos(context.Background(), album.ID)
	if len(after) != 2 || after[0].MediaID != pics[2] || after[1].MediaID != pics[1] || after[1].Caption != "The pier" || after[1].Credit != "Ana" {
		t.Fatalf("album after edits: %+v %+v", after[0], after[1])
	}
	if res, body := s.get(t, editor, fmt.Sprintf("/admin/media-sections/%d/", album.ID)); res.StatusCode != http.StatusOK || !strings.Contains(body, "The pier") {
		t.Fatalf("album editor: %d", res.StatusCode)
	}
	// The library shows where a picture is used and refuses to delete it.
	if _, body := s.get(t, editor, fmt.Sprintf("/admin/media/%d/", pics[1])); !strings.Contains(body, fmt.Sprintf("/admin/media-sections/%d/", album.ID)) {
		t.Error("the media library does not show the album as a use of its photo")
	}

	// Translations: the Persian video links to the English one? Different
	// kinds are refused; the same kind in another edition is linked.
	faVideo := s.items(t, "fa", mediasection.Video)[0]
	if res := s.post(t, editor, fmt.Sprintf("/admin/media-sections/%d/translation", faVideo.ID), url.Values{"of": {fmt.Sprint(cartoon.ID)}}); res.StatusCode != http.StatusUnprocessableEntity {
		t.Fatalf("linking a video to a cartoon: %d", res.StatusCode)
	}
	if res := s.post(t, editor, "/admin/media-sections/new", url.Values{"edition": {"en"}, "kind": {"video"}, "title": {"Film"}, "video": {fmt.Sprint(fm.ID)}, "action": {"publish"}}); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("en video: %d", res.StatusCode)
	}
	enVideo := s.items(t, "en", mediasection.Video)[0]
	if res := s.post(t, editor, fmt.Sprintf("/admin/media-sections/%d/translation", faVideo.ID), url.Values{"of": {fmt.Sprint(enVideo.ID)}}); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("linking videos: %d", res.StatusCode)
	}
	if g, _ := s.store.MediaItemTranslations(context.Background(), enVideo.TranslationGroup); len(g) != 2 {
		t.Fatalf("translation group has %d items", len(g))
	}
	if _, body := s.get(t, editor, fmt.Sprintf("/admin/media-sections/%d/", enVideo.ID)); !strings.Contains(body, fmt.Sprintf(`<a href="/admin/media-sections/%d/" dir="auto">fa: %s</a>`, faVideo.ID, faVideo.Title)) {
		t.Error("the English video's editor does not list its Persian version")
	}

	// Delete.
	if res := s.post(t, editor, fmt.Sprintf("/admin/media-sections/%d/delete", album.ID), url.Values{}); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("delete album: %d", res.StatusCode)
	}
	if n := len(s.items(t, "en", mediasection.Album)); n != 0 {
		t.Fatalf("%d albums after delete", n)
	}
}
