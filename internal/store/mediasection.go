package store

import (
	"context"
	"strings"

	"github.com/masthead-news/masthead/internal/content"
	"github.com/masthead-news/masthead/internal/media"
	"github.com/masthead-news/masthead/internal/mediasection"
)

var _ mediasection.Store = (*Store)(nil)

const mediaItemSelect = `SELECT i.id, i.kind, i.edition, i.slug, i.title, i.caption, i.credit, COALESCE(i.category_id, 0),
	COALESCE(i.image_media_id, 0), COALESCE(i.video_media_id, 0), COALESCE(i.alt_video_media_id, 0), i.external_url, i.status,
	i.translation_group, COALESCE(i.created_by, 0), i.published_at, i.updated_at,
	(SELECT COUNT(*) FROM album_photos p WHERE p.item_id = i.id) FROM media_items i`

func scanMediaItem(sc interface{ Scan(...any) error }) (*mediasection.Item, error) {
	var it mediasection.Item
	var kind, status string
	var pub, upd int64
	err := sc.Scan(&it.ID, &kind, &it.Edition, &it.Slug, &it.Title, &it.Caption, &it.Credit, &it.CategoryID,
		&it.ImageID, &it.VideoID, &it.AltVideoID, &it.ExternalURL, &status, &it.TranslationGroup, &it.CreatedBy, &pub, &upd, &it.PhotoCount)
	if err != nil {
		return nil, err
	}
	it.Kind, it.Status = mediasection.Kind(kind), mediasection.Status(status)
	it.PublishedAt, it.UpdatedAt = fromUnix(pub), fromUnix(upd)
	return &it, nil
}

// mediaItems runs an item query and loads the pictures, files and
// categories of every item found with one query each.
func (s *Store) mediaItems(ctx context.Context, q string, args ...any) ([]*mediasection.Item, error) {
	rows, err := s.query(ctx, q, args...)
	if err != nil {
		return nil, err
	}
	items, err := collect(rows, scanMediaItem)
	if err != nil || len(items) == 0 {
		return items, err
	}
	var mediaIDs, catIDs []int64
	for _, it := range items {
		for _, id := range []int64{it.ImageID, it.VideoID, it.AltVideoID} {
			if id != 0 {
				mediaIDs = append(mediaIDs, id)
			}
		}
		if it.CategoryID != 0 {
			catIDs = append(catIDs, it.CategoryID)
		}
	}
	files, err := s.mediaByIDs(ctx, mediaIDs)
	if err != nil {
		return nil, err
	}
	cats := map[int64]*content.Category{}
	if len(catIDs) > 0 {
		list, err := s.categories(ctx, categorySelect+" WHERE c.id IN ("+placeholders(len(catIDs))+")", int64Args(catIDs)...)
		if err != nil {
			return nil, err
		}
		for i := range list {
			cats[list[i].ID] = &list[i]
		}
	}
	for _, it := range items {
		it.Image, it.Video, it.AltVideo = files[it.ImageID], files[it.VideoID], files[it.AltVideoID]
		it.Category = cats[it.CategoryID]
	}
	return items, nil
}

// mediaByIDs loads media records by id.
func (s *Store) mediaByIDs(ctx context.Context, ids []int64) (map[int64]*media.Media, error) {
	out := map[int64]*media.Media{}
	if len(ids) == 0 {
		return out, nil
	}
	rows, err := s.query(ctx, "SELECT "+mediaColumns+" FROM media WHERE id IN ("+placeholders(len(ids))+")", int64Args(ids)...)
	if err != nil {
		return nil, err
	}
	list, err := collect(rows, scanMedia)
	if err != nil {
		return nil, err
	}
	for _, m := range list {
		out[m.ID] = m
	}
	return out, nil
}

func int64Args(ids []int64) []any {
	out := make([]any, len(ids))
	for i, id := range ids {
		out[i] = id
	}
	return out
}

func (s *Store) oneMediaItem(ctx context.Context, q string, args ...any) (*mediasection.Item, error) {
	list, err := s.mediaItems(ctx, q, args...)
	if err != nil {
		return nil, err
	}
	if len(list) == 0 {
		return nil, content.ErrNotFound
	}
	return list[0], nil
}

// CreateMediaItem inserts an item; it starts its own translation group
// unless it joins one.
func (s *Store) CreateMediaItem(ctx context.Context, it *mediasection.Item) error {
	return s.WithinTx(ctx, func(ctx context.Context) error {
		id, err := s.insert(ctx, `INSERT INTO media_items (kind, edition, slug, title, caption, credit, category_id, image_media_id,
			video_media_id, alt_video_media_id, external_url, status, translation_group, created_by, published_at, updated_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			string(it.Kind), it.Edition, it.Slug, it.Title, it.Caption, it.Credit, nullID(it.CategoryID), nullID(it.ImageID),
			nullID(it.VideoID), nullID(it.AltVideoID), it.ExternalURL, string(it.Status), it.TranslationGroup, nullID(it.CreatedBy),
			unix(it.PublishedAt), unix(it.UpdatedAt))
		if err != nil {
			return err
		}
		it.ID = id
		if it.TranslationGroup == 0 {
			it.TranslationGroup = id
			_, err = s.exec(ctx, "UPDATE media_items SET translation_group = ? WHERE id = ?", id, id)
		}
		return err
	})
}

// UpdateMediaItem saves everything but the kind, the edition and the author.
func (s *Store) UpdateMediaItem(ctx context.Context, it *mediasection.Item) error {
	res, err := s.exec(ctx, `UPDATE media_items SET slug = ?, title = ?, caption = ?, credit = ?, category_id = ?, image_media_id = ?,
		video_media_id = ?, alt_video_media_id = ?, external_url = ?, status = ?, translation_group = ?, published_at = ?, updated_at = ?
		WHERE id = ?`,
		it.Slug, it.Title, it.Caption, it.Credit, nullID(it.CategoryID), nullID(it.ImageID), nullID(it.VideoID), nullID(it.AltVideoID),
		it.ExternalURL, string(it.Status), it.TranslationGroup, unix(it.PublishedAt), unix(it.UpdatedAt), it.ID)
	return affectedOne(res, err)
}

// DeleteMediaItem removes an item and an album's photos.
func (s *Store) DeleteMediaItem(ctx context.Context, id int64) error {
	return s.WithinTx(ctx, func(ctx context.Context) error {
		if _, err := s.exec(ctx, "DELETE FROM album_photos WHERE item_id = ?", id); err != nil {
			return err
		}
		res, err := s.exec(ctx, "DELETE FROM media_items WHERE id = ?", id)
		return affectedOne(res, err)
	})
}

// MediaItemByID loads one item.
func (s *Store) MediaItemByID(ctx context.Context, id int64) (*mediasection.Item, error) {
	return s.oneMediaItem(ctx, mediaItemSelect+" WHERE i.id = ?", id)
}

// MediaItemBySlug loads an item of a section of an edition by its slug; a
// slug that differs only in case or Arabic-script variants finds it too.
func (s *Store) MediaItemBySlug(ctx context.Context, edition string, kind mediasection.Kind, slug string) (*mediasection.Item, error) {
	it, err := s.oneMediaItem(ctx, mediaItemSelect+" WHERE i.edition = ? AND i.kind = ? AND i.slug = ?", edition, string(kind), slug)
	if err == content.ErrNotFound && slug != strings.ToLower(slug) {
		return s.oneMediaItem(ctx, mediaItemSelect+" WHERE i.edition = ? AND i.kind = ? AND i.slug = ?", edition, string(kind), strings.ToLower(slug))
	}
	return it, err
}

// ListMediaItems lists items newest first.
func (s *Store) ListMediaItems(ctx context.Context, f mediasection.Filter) ([]*mediasection.Item, error) {
	var where []string
	var args []any
	if f.Edition != "" {
		where, args = append(where, "i.edition = ?"), append(args, f.Edition)
	}
	if f.Kind != "" {
		where, args = append(where, "i.kind = ?"), append(args, string(f.Kind))
	}
	if f.Published {
		where, args = append(where, "i.status = 'published' AND i.published_at <= ?"), append(args, unix(f.Before))
	}
	q := mediaItemSelect
	if len(where) > 0 {
		q += " WHERE " + strings.Join(where, " AND ")
	}
	q += " ORDER BY CASE WHEN i.published_at = 0 THEN i.updated_at ELSE i.published_at END DESC, i.id DESC"
	if f.Limit > 0 {
		q, args = q+" LIMIT ? OFFSET ?", append(args, f.Limit, f.Offset)
	}
	return s.mediaItems(ctx, q, args...)
}

// MediaItemTranslations lists the items of a translation group.
func (s *Store) MediaItemTranslations(ctx context.Context, group int64) ([]*mediasection.Item, error) {
	return s.mediaItems(ctx, mediaItemSelect+" WHERE i.translation_group = ? ORDER BY i.edition", group)
}

// SetMediaItemGroup puts an item into a translation group.
func (s *Store) SetMediaItemGroup(ctx context.Context, id, group int64) error {
	res, err := s.exec(ctx, "UPDATE media_items SET translation_group = ? WHERE id = ?", group, id)
	return affectedOne(res, err)
}

const albumPhotoSelect = "SELECT id, item_id, media_id, position, caption, credit FROM album_photos"

func scanAlbumPhoto(sc interface{ Scan(...any) error }) (*mediasection.Photo, error) {
	var p mediasection.Photo
	err := sc.Scan(&p.ID, &p.AlbumID, &p.MediaID, &p.Position, &p.Caption, &p.Credit)
	return &p, err
}

// AlbumPhotos lists an album's photos in order with their pictures.
func (s *Store) AlbumPhotos(ctx context.Context, albumID int64) ([]*mediasection.Photo, error) {
	rows, err := s.query(ctx, albumPhotoSelect+" WHERE item_id = ? ORDER BY position, id", albumID)
	if err != nil {
		return nil, err
	}
	list, err := collect(rows, scanAlbumPhoto)
	if err != nil || len(list) == 0 {
		return list, err
	}
	ids := make([]int64, len(list))
	for i, p := range list {
		ids[i] = p.MediaID
	}
	files, err := s.mediaByIDs(ctx, ids)
	if err != nil {
		return nil, err
	}
	for _, p := range list {
		p.Media = files[p.MediaID]
	}
	return list, nil
}

// AlbumPhotoByID loads one photo (without its picture).
func (s *Store) AlbumPhotoByID(ctx context.Context, id int64) (*mediasection.Photo, error) {
	p, err := scanAlbumPhoto(s.queryRow(ctx, albumPhotoSelect+" WHERE id = ?", id))
	if err != nil {
		return nil, notFound(err)
	}
	return p, nil
}

// AddAlbumPhoto appends a photo after the album's last one.
func (s *Store) AddAlbumPhoto(ctx context.Context, p *mediasection.Photo) error {
	return s.WithinTx(ctx, func(ctx context.Context) error {
		var next int
		if err := s.queryRow(ctx, "SELECT COALESCE(MAX(position), -1) + 1 FROM album_photos WHERE item_id = ?", p.AlbumID).Scan(&next); err != nil {
			return err
		}
		p.Position = next
		id, err := s.insert(ctx, "INSERT INTO album_photos (item_id, media_id, position, caption, credit) VALUES (?, ?, ?, ?, ?)",
			p.AlbumID, p.MediaID, p.Position, p.Caption, p.Credit)
		p.ID = id
		return err
	})
}

// UpdateAlbumPhoto saves a photo's caption and credit.
func (s *Store) UpdateAlbumPhoto(ctx context.Context, p *mediasection.Photo) error {
	res, err := s.exec(ctx, "UPDATE album_photos SET caption = ?, credit = ? WHERE id = ?", p.Caption, p.Credit, p.ID)
	return affectedOne(res, err)
}

// DeleteAlbumPhoto takes a photo out of its album.
func (s *Store) DeleteAlbumPhoto(ctx context.Context, id int64) error {
	res, err := s.exec(ctx, "DELETE FROM album_photos WHERE id = ?", id)
	return affectedOne(res, err)
}

// SetAlbumOrder numbers the album's photos in the order given.
func (s *Store) SetAlbumOrder(ctx context.Context, albumID int64, ids []int64) error {
	return s.WithinTx(ctx, func(ctx context.Context) error {
		for i, id := range ids {
			if _, err := s.exec(ctx, "UPDATE album_photos SET position = ? WHERE id = ? AND item_id = ?", i, id, albumID); err != nil {
				return err
			}
		}
		return nil
	})
}
