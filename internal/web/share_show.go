package web

import (
	"bytes"
	"image"
	"image/png"
	"io/fs"
	"net/http"
	"net/url"
	"strconv"
	"sync"

	"github.com/masthead-news/masthead/internal/content"
	"github.com/masthead-news/masthead/internal/shareimg"
	"github.com/masthead-news/masthead/internal/web/static"
)

// logoPicture is the publisher logo, decoded once for share pictures.
var logoPicture = sync.OnceValues(func() (image.Image, error) {
	b, err := fs.ReadFile(static.FS, logoAsset)
	if err != nil {
		return nil, err
	}
	return png.Decode(bytes.NewReader(b))
})

// sharePath is where an article's generated share picture lives: beside
// the article, versioned by its last change so networks fetch a new one
// after the title changes.
func sharePath(canonical string, a *content.Article) string {
	return canonical + "share.png?v=" + strconv.FormatInt(later(a.PublishedAt, a.UpdatedAt).Unix(), 10)
}

// shareImage serves the picture that social networks show for an article
// without a featured image: its title set in its own script and direction
// (internal/shareimg). The page cache keeps the PNG like a page.
func (s *Server) shareImage(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	re := editionFrom(ctx)
	a, err := s.deps.Content.ArticleBySlug(ctx, re.ed.Code, r.PathValue("slug"))
	if err != nil {
		s.fail(w, r, err)
		return
	}
	canonical := articlePath(re.ed, a)
	decoded, _ := url.PathUnescape(canonical)
	if a.Status != content.Published || a.PublishedAt.After(s.now()) || re.ed.Path(r.URL.Path) != decoded+"share.png" {
		s.notFound(w, r)
		return
	}
	logo, err := logoPicture()
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	body, err := shareimg.PNG(shareimg.Card{Title: a.Title, Site: re.ed.Settings.SiteName, RTL: re.ed.Dir == "rtl", Logo: logo})
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	serveDocument(w, r, "image/png", body, later(a.PublishedAt, a.UpdatedAt))
}
