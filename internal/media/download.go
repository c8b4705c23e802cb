package media

import (
	"context"
	"net/url"
	"path"
	"strconv"
	"strings"
	"unicode"
)

// DownloadStore counts downloads of files (see the /download/ route). The
// counts are bookkeeping for the newsroom, never shown on public pages, so
// writing them must not invalidate cached pages.
type DownloadStore interface {
	// CountDownload adds one download of the item id at the given Unix time.
	CountDownload(ctx context.Context, id int64, at int64) error
	// DownloadCounts gives the downloads of each of ids (absent: none).
	DownloadCounts(ctx context.Context, ids []int64) (map[int64]int64, error)
}

// DownloadName is the file name a reader's browser saves the item under:
// its title when it has one (so a Persian or Arabic title survives), else
// the uploaded name, always with the extension of its real type.
func (m *Media) DownloadName() string {
	ext := extFor(m.MIME)
	base := strings.TrimSpace(m.Title)
	if base == "" {
		base = strings.TrimSuffix(path.Base(m.Filename), path.Ext(m.Filename))
	}
	base = strings.Map(func(r rune) rune {
		switch {
		case r == '/' || r == '\\' || r == '"' || r == ':' || r == '*' || r == '?' || r == '<' || r == '>' || r == '|':
			return '-'
		case unicode.IsControl(r) || r == '\u2028' || r == '\u2029':
			return ' '
		}
		return r
	}, base)
	base = strings.Trim(strings.Join(strings.Fields(base), " "), ". -")
	if r := []rune(base); len(r) > 120 {
		base = strings.TrimSpace(string(r[:120]))
	}
	if base == "" {
		base = "file"
	}
	return base + ext
}

// DownloadURL is the site path that serves the original file as an
// attachment and counts the download: /download/{id}/{name}.
func (m *Media) DownloadURL() string {
	return "/download/" + strconv.FormatInt(m.ID, 10) + "/" + url.PathEscape(m.DownloadName())
}
