package store

import (
	"context"
)

// CountDownload adds one download of a media item. It writes quietly:
// counts appear only in the admin, so a download must not invalidate the
// page cache.
func (s *Store) CountDownload(ctx context.Context, id int64, at int64) error {
	_, err := s.execQuiet(ctx, `INSERT INTO media_downloads (media_id, downloads, last_at) VALUES (?, 1, ?)
		ON CONFLICT (media_id) DO UPDATE SET downloads = media_downloads.downloads + 1, last_at = excluded.last_at`, id, at)
	return err
}

// DownloadCounts gives the download counts of the items ids; items never
// downloaded are absent.
func (s *Store) DownloadCounts(ctx context.Context, ids []int64) (map[int64]int64, error) {
	out := map[int64]int64{}
	if len(ids) == 0 {
		return out, nil
	}
	rows, err := s.query(ctx, "SELECT media_id, downloads FROM media_downloads WHERE media_id IN ("+placeholders(len(ids))+")", idArgs(ids)...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var id, n int64
		if err := rows.Scan(&id, &n); err != nil {
			return nil, err
		}
		out[id] = n
	}
	return out, rows.Err()
}
