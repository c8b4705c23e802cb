package storetest

import (
	"errors"
	"testing"
	"time"

	"github.com/masthead-news/masthead/internal/content"
	"github.com/masthead-news/masthead/internal/media"
	"github.com/masthead-news/masthead/internal/mediasection"
	"github.com/masthead-news/masthead/internal/store"
)

// testMediaSections checks the Media sections' items, album photos, the
// listing filter, translation groups, the video duration of media records
// and that the media library sees items as uses of their files.
func testMediaSections(t *testing.T, s *store.Store) {
	f := seedSite(t, s)
	svc := &mediasection.Service{Store: s, Now: func() time.Time { return time.Unix(1_800_000_000, 0) }}
	vid := &media.Media{Kind: "video", Path: "v/film.webm", Filename: "film.webm", MIME: "video/webm", Size: 99_000,
		SHA256: "ab", CreatedAt: time.Unix(1700000000, 0).UTC(), Duration: 4200 * time.Millisecond}
	must(t, s.CreateMedia(ctx, vid))
	if got, err := s.MediaByID(ctx, vid.ID); err != nil || got.Duration != 4200*time.Millisecond {
		t.Fatalf("video duration = %v, %v", got, err)
	}

	// Cartoons, newest first, drafts and future items hidden from readers.
	base := time.Unix(1_700_000_000, 0).UTC()
	var ids []int64
	for i := range 3 {
		it := &mediasection.Item{Kind: mediasection.Cartoon, Edition: "en", Title: "Cartoon " + string(rune('A'+i)), ImageID: f.img.ID,
			CategoryID: f.cat.ID, Status: mediasection.Published, PublishedAt: base.Add(time.Duration(i) * time.Hour), Caption: "c", Credit: "cr"}
		must(t, svc.Save(ctx, it))
		ids = append(ids, it.ID)
	}
	for id, want := range map[int64]int{f.cat.ID: 3, f.other.ID: 0} {
		if n, err := s.CategoryMediaItemCount(ctx, id); err != nil || n != want {
			t.Errorf("category %d files %d media items (%v), want %d", id, n, err, want)
		}
	}
	draft := &mediasection.Item{Kind: mediasection.Cartoon, Edition: "en", Title: "Draft", ImageID: f.img.ID, Status: mediasection.Draft}
	must(t, svc.Save(ctx, draft))
	list, err := s.ListMediaItems(ctx, mediasection.Filter{Edition: "en", Kind: mediasection.Cartoon, Published: true, Before: base.Add(90 * time.Minute), Limit: 10})
	must(t, err)
	if len(list) != 2 || list[0].ID != ids[1] || list[1].ID != ids[0] {
		t.Fatalf("published cartoons before 1h30 = %v", itemIDs(list))
	}
	if list[0].Image == nil || list[0].Image.ID != f.img.ID || list[0].Category == nil || list[0].Category.Slug != "news" {
		t.Fatalf("item not loaded with its picture and category: %+v", list[0])
	}
	page2, err := s.ListMediaItems(ctx, mediasection.Filter{Edition: "en", Kind: mediasection.Cartoon, Limit: 2, Offset: 2})
	must(t, err)
	if len(page2) != 2 {
		t.Fatalf("second page of all cartoons has %d items", len(page2))
	}
	if other, err := s.ListMediaItems(ctx, mediasection.Filter{Edition: "fa", Kind: mediasection.Cartoon}); err != nil || len(other) != 0 {
		t.Fatalf("fa cartoons = %v, %v", other, err)
	}
	got, err := s.MediaItemBySlug(ctx, "en", mediasection.Cartoon, "cartoon-a")
	must(t, err)
	if got.ID != ids[0] || got.Title != "Cartoon A" || got.Caption != "c" || got.Credit != "cr" || !got.PublishedAt.Equal(base) {
		t.Fatalf("by slug = %+v", got)
	}
	if _, err := s.MediaItemBySlug(ctx, "en", mediasection.NewsPic, "cartoon-a"); !errors.Is(err, content.ErrNotFound) {
		t.Fatalf("slug of another section: %v", err)
	}
	// The same slug in another section is fine; in the same one it is refused.
	np := &mediasection.Item{Kind: mediasection.NewsPic, Edition: "en", Title: "Cartoon A", ImageID: f.img.ID, Status: mediasection.Published}
	must(t, svc.Save(ctx, np))
	dup := &mediasection.Item{Kind: mediasection.Cartoon, Edition: "en", Title: "Cartoon A", ImageID: f.img.ID, Status: mediasection.Published}
	if err := svc.Save(ctx, dup); err == nil {
		t.Fatal("a second cartoon with the same slug was stored")
	}

	// Videos: a file, or a link; the media library sees the uses.
	v := &mediasection.Item{Kind: mediasection.Video, Edition: "en", Title: "Film", ImageID: f.img.ID, VideoID: vid.ID, Status: mediasection.Published}
	must(t, svc.Save(ctx, v))
	got, err = s.MediaItemByID(ctx, v.ID)
	must(t, err)
	if got.Video == nil || got.Video.Duration != 4200*time.Millisecond || got.Image == nil {
		t.Fatalf("video item = %+v", got)
	}
	uses, err := s.MediaUses(ctx, vid, 10)
	must(t, err)
	if len(uses) != 1 || uses[0].Kind != "media_item" || uses[0].ID != v.ID {
		t.Fatalf("uses of the video file = %+v", uses)
	}
	ext := &mediasection.Item{Kind: mediasection.Video, Edition: "fa", Title: "فیلم", ExternalURL: "https://youtu.be/dQw4w9WgXcQ", Status: mediasection.Published}
	must(t, svc.Save(ctx, ext))
	if ext.ExternalURL != "https://www.youtube.com/watch?v=dQw4w9WgXcQ" {
		t.Fatalf("external link stored as %q", ext.ExternalURL)
	}

	// Translations.
	must(t, svc.LinkTranslation(ctx, ext.ID, v.ID))
	group, err := s.MediaItemTranslations(ctx, v.TranslationGroup)
	must(t, err)
	if len(group) != 2 {
		t.Fatalf("translation group = %v", itemIDs(group))
	}
	must(t, svc.LinkTranslation(ctx, ext.ID, 0))
	if group, _ = s.MediaItemTranslations(ctx, v.TranslationGroup); len(group) != 1 {
		t.Fatalf("after unlinking: %v", itemIDs(group))
	}

	// Albums: photos in order, moved, captioned, removed.
	album := &mediasection.Item{Kind: mediasection.Album, Edition: "en", Title: "Harbour", ImageID: f.img.ID, Status: mediasection.Published}
	must(t, svc.Save(ctx, album))
	var photos []int64
	for i := range 3 {
		m := newMedia(t, s, "album/"+string(rune('a'+i))+".jpg")
		p := &mediasection.Photo{AlbumID: album.ID, MediaID: m.ID, Caption: "P" + string(rune('a'+i))}
		must(t, svc.AddPhoto(ctx, p))
		photos = append(photos, p.ID)
	}
	must(t, svc.MovePhoto(ctx, photos[2], -1))
	if err := svc.MovePhoto(ctx, photos[0], -1); err == nil {
		t.Fatal("moved the first photo up")
	}
	must(t, svc.UpdatePhoto(ctx, photos[1], "New caption", "Credit B"))
	ps, err := s.AlbumPhotos(ctx, album.ID)
	must(t, err)
	if len(ps) != 3 || ps[0].ID != photos[0] || ps[1].ID != photos[2] || ps[2].ID != photos[1] || ps[2].Caption != "New caption" || ps[2].Media == nil {
		t.Fatalf("album order = %+v", ps)
	}
	if got, _ := s.MediaItemByID(ctx, album.ID); got.PhotoCount != 3 {
		t.Fatalf("photo count = %d", got.PhotoCount)
	}
	if uses, _ := s.MediaUses(ctx, ps[0].Media, 10); len(uses) != 1 || uses[0].Kind != "album_photo" {
		t.Fatalf("uses of a photo = %+v", uses)
	}
	must(t, svc.RemovePhoto(ctx, photos[2]))
	if ps, _ = s.AlbumPhotos(ctx, album.ID); len(ps) != 2 || ps[0].Position != 0 || ps[1].Position != 1 {
		t.Fatalf("after removing: %+v", ps)
	}
	must(t, svc.Delete(ctx, album.ID))
	if _, err := s.MediaItemByID(ctx, album.ID); !errors.Is(err, content.ErrNotFound) {
		t.Fatalf("deleted album: %v", err)
	}
	if n := countRows(t, s, "SELECT COUNT(*) FROM album_photos"); n != 0 {
		t.Fatalf("%d photos left after deleting their album", n)
	}
}

func itemIDs(list []*mediasection.Item) []int64 {
	var out []int64
	for _, it := range list {
		out = append(out, it.ID)
	}
	return out
}

func countRows(t *testing.T, s *store.Store, q string) int {
	t.Helper()
	var n int
	must(t, s.QueryRowForTest(ctx, q, &n))
	return n
}
