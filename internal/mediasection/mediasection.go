// Package mediasection owns the Media sections of a site: cartoons, news
// photos (NewsPics), photo albums with their ordered photos, and videos
// (uploaded MP4/WebM files or a YouTube/Vimeo link). It holds their types,
// the rules of every write and the Store interface it needs. The files
// themselves live in the media library (package media); this package only
// points at them. It knows nothing of SQL or HTTP.
package mediasection

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/masthead-news/masthead/internal/content"
	"github.com/masthead-news/masthead/internal/media"
)

// Kind is what an item is.
type Kind string

// The kinds of items, one per section.
const (
	Cartoon Kind = "cartoon"
	NewsPic Kind = "newspic"
	Album   Kind = "album"
	Video   Kind = "video"
)

// Kinds lists every kind in menu order.
var Kinds = []Kind{Cartoon, NewsPic, Album, Video}

// sections maps kinds to the URL segment of their section (/media/{section}/).
var sections = map[Kind]string{Cartoon: "cartoons", NewsPic: "newspics", Album: "gallery", Video: "videos"}

// Section is the kind's URL segment under /media/.
func (k Kind) Section() string { return sections[k] }

// Valid reports whether k is a known kind.
func (k Kind) Valid() bool { _, ok := sections[k]; return ok }

// KindOfSection gives the kind whose section is seg ("gallery" → Album).
func KindOfSection(seg string) (Kind, bool) {
	for k, s := range sections {
		if s == seg {
			return k, true
		}
	}
	return "", false
}

// HasCategory reports whether items of the kind are filed under a category
// (cartoons and news photos are; albums and videos are not).
func (k Kind) HasCategory() bool { return k == Cartoon || k == NewsPic }

// Status is whether readers see an item.
type Status string

// Statuses of an item.
const (
	Draft     Status = "draft"
	Published Status = "published"
)

// Item is one cartoon, news photo, album or video.
type Item struct {
	ID      int64
	Kind    Kind
	Edition string
	Slug    string
	Title   string
	// Caption is the cartoon's or photo's caption, the album's
	// description or the video's summary (plain text).
	Caption string
	Credit  string
	// CategoryID files a cartoon or news photo (0: none); Category is
	// loaded with the item.
	CategoryID int64
	Category   *content.Category
	// ImageID is the picture of a cartoon or news photo, the cover of an
	// album and the poster of a video; Image is loaded with the item.
	ImageID int64
	Image   *media.Media
	// VideoID and AltVideoID are the uploaded files of a video (say, a
	// WebM and an MP4 of the same film, offered as two <source>s).
	VideoID    int64
	Video      *media.Media
	AltVideoID int64
	AltVideo   *media.Media
	// ExternalURL is a YouTube or Vimeo video, stored in its canonical form.
	ExternalURL      string
	Status           Status
	TranslationGroup int64
	// CreatedBy is the account that made the item; authors and
	// contributors may change only their own, like articles.
	CreatedBy   int64
	PublishedAt time.Time
	UpdatedAt   time.Time
	// PhotoCount is the number of photos of an album (set in listings).
	PhotoCount int
}

// External parses the item's external video link (nil without one).
func (it *Item) External() *External {
	if it.ExternalURL == "" {
		return nil
	}
	e, err := ParseExternal(it.ExternalURL)
	if err != nil {
		return nil
	}
	return e
}

// Sources are the uploaded files of a video, the main one first.
func (it *Item) Sources() []*media.Media {
	var out []*media.Media
	for _, m := range []*media.Media{it.Video, it.AltVideo} {
		if m != nil {
			out = append(out, m)
		}
	}
	return out
}

// Photo is one picture of an album, in its place.
type Photo struct {
	ID       int64
	AlbumID  int64
	MediaID  int64
	Media    *media.Media
	Position int
	Caption  string // falls back to the picture's own caption when empty
	Credit   string
}

// Filter selects items, newest first.
type Filter struct {
	Edition string
	Kind    Kind
	// Published keeps only items readers may see at Before.
	Published bool
	Before    time.Time
	Limit     int
	Offset    int
}

// Store is the persistence the Media sections need.
type Store interface {
	WithinTx(ctx context.Context, fn func(ctx context.Context) error) error
	CreateMediaItem(ctx context.Context, it *Item) error
	UpdateMediaItem(ctx context.Context, it *Item) error
	// DeleteMediaItem removes an item (and an album's photos).
	DeleteMediaItem(ctx context.Context, id int64) error
	// MediaItemByID and MediaItemBySlug load an item with its pictures,
	// files and category.
	MediaItemByID(ctx context.Context, id int64) (*Item, error)
	MediaItemBySlug(ctx context.Context, edition string, kind Kind, slug string) (*Item, error)
	ListMediaItems(ctx context.Context, f Filter) ([]*Item, error)
	MediaItemTranslations(ctx context.Context, group int64) ([]*Item, error)
	// SetMediaItemGroup puts an item into a translation group.
	SetMediaItemGroup(ctx context.Context, id, group int64) error

	// AlbumPhotos lists an album's photos in order, with their pictures.
	AlbumPhotos(ctx context.Context, albumID int64) ([]*Photo, error)
	AlbumPhotoByID(ctx context.Context, id int64) (*Photo, error)
	// AddAlbumPhoto appends a photo after the album's last one.
	AddAlbumPhoto(ctx context.Context, p *Photo) error
	UpdateAlbumPhoto(ctx context.Context, p *Photo) error
	DeleteAlbumPhoto(ctx context.Context, id int64) error
	// SetAlbumOrder numbers the album's photos 0, 1, 2 … in the order given.
	SetAlbumOrder(ctx context.Context, albumID int64, photoIDs []int64) error

	MediaByID(ctx context.Context, id int64) (*media.Media, error)
	CategoryByID(ctx context.Context, id int64) (*content.Category, error)
}

// ErrNotFound is the content package's not-found error, so every layer
// maps one error to 404.
var ErrNotFound = content.ErrNotFound

// Limits, in characters.
const (
	maxTitle   = 300
	maxCaption = 5000
	maxCredit  = 300
	maxURL     = 500
)

// refuse is invalid input with a catalog key ("invalid.<key>").
func refuse(field, key, format string, args ...any) error {
	return &content.ValidationError{Field: field, Message: fmt.Sprintf(format, args...), Key: "invalid." + key, Args: args}
}

// Service enforces the rules of every write.
type Service struct {
	Store Store
	Now   func() time.Time
}

func (s *Service) now() time.Time {
	if s.Now != nil {
		return s.Now().UTC().Truncate(time.Second)
	}
	return time.Now().UTC().Truncate(time.Second)
}

// Save creates an item (ID 0) or changes one after checking it: a title, a
// slug free in its section of the edition, the picture the kind needs, a
// category of the same edition, and for a video either uploaded video
// files or a valid YouTube/Vimeo link. A refused item changes nothing.
func (s *Service) Save(ctx context.Context, it *Item) error {
	it.Title = strings.TrimSpace(it.Title)
	it.Caption = strings.TrimSpace(it.Caption)
	it.Credit = strings.TrimSpace(it.Credit)
	it.ExternalURL = strings.TrimSpace(it.ExternalURL)
	switch {
	case !it.Kind.Valid():
		return refuse("kind", "media_kind", "unknown kind of item %q", it.Kind)
	case it.Edition == "":
		return refuse("edition", "edition", "choose an edition")
	case it.Title == "":
		return refuse("title", "title_required", "the title is required")
	case utf8.RuneCountInString(it.Title) > maxTitle:
		return refuse("title", "title_long", "the title is longer than %d characters", maxTitle)
	case utf8.RuneCountInString(it.Caption) > maxCaption:
		return refuse("caption", "caption_long", "the caption is longer than %d characters", maxCaption)
	case utf8.RuneCountInString(it.Credit) > maxCredit:
		return refuse("credit", "credit_long", "the credit is longer than %d characters", maxCredit)
	case it.Status != Draft && it.Status != Published:
		return refuse("status", "page_status", "unknown status %q", it.Status)
	}
	if strings.TrimSpace(it.Slug) == "" {
		it.Slug = content.Slugify(it.Title)
	} else if it.Slug = strings.ToLower(strings.TrimSpace(it.Slug)); !content.ValidSlug(it.Slug) {
		return refuse("slug", "slug_chars", "a slug may hold only letters, digits and single hyphens")
	}
	if it.Kind == Album && isNumber(it.Slug) {
		// /media/gallery/{album}/{n}/ must never be ambiguous.
		return refuse("slug", "album_slug_number", "an album's slug cannot be only digits")
	}
	if !it.Kind.HasCategory() {
		it.CategoryID = 0
	}
	if it.Kind != Video {
		it.VideoID, it.AltVideoID, it.ExternalURL = 0, 0, ""
	}
	return s.Store.WithinTx(ctx, func(ctx context.Context) error {
		if it.ID != 0 {
			old, err := s.Store.MediaItemByID(ctx, it.ID)
			if err != nil {
				return err
			}
			if old.Edition != it.Edition || old.Kind != it.Kind {
				return refuse("edition", "media_item_edition", "an item stays in its edition and section")
			}
			it.CreatedBy = old.CreatedBy
			if it.TranslationGroup == 0 {
				it.TranslationGroup = old.TranslationGroup
			}
			if it.PublishedAt.IsZero() {
				it.PublishedAt = old.PublishedAt
			}
		}
		if err := s.checkFiles(ctx, it); err != nil {
			return err
		}
		if it.CategoryID != 0 {
			c, err := s.Store.CategoryByID(ctx, it.CategoryID)
			if errors.Is(err, ErrNotFound) || (err == nil && c.Edition != it.Edition) {
				return refuse("category", "media_category", "choose a category of the same edition")
			} else if err != nil {
				return err
			}
		}
		if other, err := s.Store.MediaItemBySlug(ctx, it.Edition, it.Kind, it.Slug); err == nil && other.ID != it.ID && other.Slug == it.Slug {
			return refuse("slug", "media_slug_taken", "another item of this section already uses the slug %q", it.Slug)
		} else if err != nil && !errors.Is(err, ErrNotFound) {
			return err
		}
		now := s.now()
		it.UpdatedAt = now
		if it.Status == Published && it.PublishedAt.IsZero() {
			it.PublishedAt = now
		}
		if it.ID == 0 {
			return s.Store.CreateMediaItem(ctx, it)
		}
		return s.Store.UpdateMediaItem(ctx, it)
	})
}

// checkFiles checks that the item's picture is an image and its video
// files are videos, and that a video has something to play.
func (s *Service) checkFiles(ctx context.Context, it *Item) error {
	needImage := it.Kind == Cartoon || it.Kind == NewsPic
	if it.ImageID == 0 && needImage {
		return refuse("image", "media_image_required", "choose a picture from the media library")
	}
	if it.ImageID != 0 {
		m, err := s.Store.MediaByID(ctx, it.ImageID)
		if errors.Is(err, ErrNotFound) || (err == nil && m.Kind != "image") {
			return refuse("image", "media_image_kind", "the picture must be an image from the media library")
		} else if err != nil {
			return err
		}
	}
	if it.Kind != Video {
		return nil
	}
	if it.ExternalURL != "" {
		if utf8.RuneCountInString(it.ExternalURL) > maxURL {
			return refuse("external_url", "video_url", "the link is not a YouTube or Vimeo video")
		}
		e, err := ParseExternal(it.ExternalURL)
		if err != nil {
			return err
		}
		it.ExternalURL = e.WatchURL
	}
	if it.VideoID == 0 && it.AltVideoID != 0 {
		it.VideoID, it.AltVideoID = it.AltVideoID, 0
	}
	if it.VideoID == it.AltVideoID {
		it.AltVideoID = 0
	}
	if it.VideoID == 0 && it.ExternalURL == "" {
		return refuse("video", "video_required", "choose a video file from the media library or give a YouTube or Vimeo link")
	}
	if it.VideoID != 0 && it.ExternalURL != "" {
		return refuse("external_url", "video_both", "give either a video file or a link, not both")
	}
	for _, id := range []int64{it.VideoID, it.AltVideoID} {
		if id == 0 {
			continue
		}
		m, err := s.Store.MediaByID(ctx, id)
		if errors.Is(err, ErrNotFound) || (err == nil && m.Kind != "video") {
			return refuse("video", "video_kind", "the video must be an MP4 or WebM file from the media library")
		} else if err != nil {
			return err
		}
	}
	return nil
}

func isNumber(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

// Delete removes an item; an album's photos go with it (the pictures stay
// in the media library).
func (s *Service) Delete(ctx context.Context, id int64) error {
	return s.Store.WithinTx(ctx, func(ctx context.Context) error {
		if _, err := s.Store.MediaItemByID(ctx, id); err != nil {
			return err
		}
		return s.Store.DeleteMediaItem(ctx, id)
	})
}

// LinkTranslation makes item id a translation of item of (same kind,
// another edition): id joins of's group. of = 0 takes id out of its group.
func (s *Service) LinkTranslation(ctx context.Context, id, of int64) error {
	return s.Store.WithinTx(ctx, func(ctx context.Context) error {
		it, err := s.Store.MediaItemByID(ctx, id)
		if err != nil {
			return err
		}
		if of == 0 {
			return s.Store.SetMediaItemGroup(ctx, id, id)
		}
		other, err := s.Store.MediaItemByID(ctx, of)
		if errors.Is(err, ErrNotFound) {
			return refuse("translation", "media_link_missing", "the item to link no longer exists")
		} else if err != nil {
			return err
		}
		if other.Kind != it.Kind || other.Edition == it.Edition {
			return refuse("translation", "media_link_kind", "a translation is an item of the same section in another edition")
		}
		group, err := s.Store.MediaItemTranslations(ctx, other.TranslationGroup)
		if err != nil {
			return err
		}
		for _, g := range group {
			if g.Edition == it.Edition && g.ID != it.ID {
				return refuse("translation", "media_link_twice", "that item already has a version in this edition")
			}
		}
		return s.Store.SetMediaItemGroup(ctx, id, other.TranslationGroup)
	})
}

// AddPhoto appends a picture from the media library to an album.
func (s *Service) AddPhoto(ctx context.Context, p *Photo) error {
	p.Caption, p.Credit = strings.TrimSpace(p.Caption), strings.TrimSpace(p.Credit)
	if err := checkPhotoText(p); err != nil {
		return err
	}
	return s.Store.WithinTx(ctx, func(ctx context.Context) error {
		album, err := s.Store.MediaItemByID(ctx, p.AlbumID)
		if err != nil {
			return err
		}
		if album.Kind != Album {
			return refuse("album", "media_album", "photos belong to albums")
		}
		m, err := s.Store.MediaByID(ctx, p.MediaID)
		if errors.Is(err, ErrNotFound) || (err == nil && m.Kind != "image") {
			return refuse("image", "media_image_kind", "the picture must be an image from the media library")
		} else if err != nil {
			return err
		}
		return s.Store.AddAlbumPhoto(ctx, p)
	})
}

func checkPhotoText(p *Photo) error {
	switch {
	case utf8.RuneCountInString(p.Caption) > maxCaption:
		return refuse("caption", "caption_long", "the caption is longer than %d characters", maxCaption)
	case utf8.RuneCountInString(p.Credit) > maxCredit:
		return refuse("credit", "credit_long", "the credit is longer than %d characters", maxCredit)
	}
	return nil
}

// UpdatePhoto changes a photo's caption and credit.
func (s *Service) UpdatePhoto(ctx context.Context, id int64, caption, credit string) error {
	p := &Photo{ID: id, Caption: strings.TrimSpace(caption), Credit: strings.TrimSpace(credit)}
	if err := checkPhotoText(p); err != nil {
		return err
	}
	return s.Store.WithinTx(ctx, func(ctx context.Context) error {
		if _, err := s.Store.AlbumPhotoByID(ctx, id); err != nil {
			return err
		}
		return s.Store.UpdateAlbumPhoto(ctx, p)
	})
}

// RemovePhoto takes a photo out of its album.
func (s *Service) RemovePhoto(ctx context.Context, id int64) error {
	return s.Store.WithinTx(ctx, func(ctx context.Context) error {
		p, err := s.Store.AlbumPhotoByID(ctx, id)
		if err != nil {
			return err
		}
		if err := s.Store.DeleteAlbumPhoto(ctx, id); err != nil {
			return err
		}
		return s.renumber(ctx, p.AlbumID, nil)
	})
}

// MovePhoto moves a photo one place up (delta -1) or down (+1).
func (s *Service) MovePhoto(ctx context.Context, id int64, delta int) error {
	if delta != -1 && delta != 1 {
		return refuse("move", "move_unknown", "unknown move")
	}
	return s.Store.WithinTx(ctx, func(ctx context.Context) error {
		p, err := s.Store.AlbumPhotoByID(ctx, id)
		if err != nil {
			return err
		}
		return s.renumber(ctx, p.AlbumID, func(ids []int64) ([]int64, error) {
			for i, x := range ids {
				if x != id {
					continue
				}
				j := i + delta
				if j < 0 {
					return nil, refuse("move", "move_top", "the photo is already first")
				}
				if j >= len(ids) {
					return nil, refuse("move", "move_end", "the photo is already last")
				}
				ids[i], ids[j] = ids[j], ids[i]
				return ids, nil
			}
			return nil, ErrNotFound
		})
	})
}

// renumber stores the album's order, changed by change when given.
func (s *Service) renumber(ctx context.Context, albumID int64, change func([]int64) ([]int64, error)) error {
	photos, err := s.Store.AlbumPhotos(ctx, albumID)
	if err != nil {
		return err
	}
	ids := make([]int64, len(photos))
	for i, p := range photos {
		ids[i] = p.ID
	}
	if change != nil {
		if ids, err = change(ids); err != nil {
			return err
		}
	}
	return s.Store.SetAlbumOrder(ctx, albumID, ids)
}
