package web

import (
	"bytes"
	"context"
	"net/http"
	"strings"
	"time"

	"github.com/masthead-news/masthead/internal/content"
	"github.com/masthead-news/masthead/internal/edition"
	"github.com/masthead-news/masthead/internal/feed"
)

// feedSize is how many of the newest articles a feed carries.
const feedSize = 20

// Most read: the top of the last seven days (today included).
const (
	mostReadDays = 7
	mostReadSize = 5
)

// feedFormats in the order autodiscovery lists them: RSS first, which most
// readers pick.
var feedFormats = []struct {
	format feed.Format
	label  string
}{{feed.RSS, "RSS"}, {feed.Atom, "Atom"}, {feed.JSON, "JSON Feed"}}

// feedLinks are the autodiscovery links of a listing's feeds; base is the
// listing's path inside the edition ("/", "/category/x/").
func (s *Server) feedLinks(r *http.Request, ed *edition.Edition, base, name string) []FeedLink {
	var out []FeedLink
	for _, f := range feedFormats {
		out = append(out, FeedLink{Format: string(f.format), Title: name + " (" + f.label + ")",
			URL: s.absURL(r, f.format.Path(ed.Path(base+"feed/")))})
	}
	return out
}

// listingMeta adds what a listing page says beside the defaults: a
// category's, tag's or author's own feeds (before the edition's in the
// autodiscovery links), and on the first page of the home the WebSite and
// Organization structured data.
func (s *Server) listingMeta(r *http.Request, p *Page, basePath, name string, pageNum int) {
	if basePath == "/" && pageNum == 1 {
		p.JSONLD = append(p.JSONLD, s.keptHomeLD(r, p)...)
		return
	}
	for _, prefix := range []string{"/category/", "/tag/", "/author/"} {
		if strings.HasPrefix(basePath, prefix) {
			p.Feeds = append(s.feedLinks(r, p.Ed, basePath, name+" — "+p.Ed.Settings.SiteName), p.Feeds...)
			return
		}
	}
}

// mostRead fills the sidebar's Most read list.
func (s *Server) mostRead(ctx context.Context, p *Page) error {
	list, err := s.mostReadArticles(ctx, p.Ed.Code)
	if err != nil {
		return err
	}
	for _, a := range list {
		p.MostRead = append(p.MostRead, RecentItem{Title: a.Title, URL: articlePath(p.Ed, a),
			DateISO: a.PublishedAt.Format(time.RFC3339), Date: p.L.Date(a.PublishedAt)})
	}
	return nil
}

// siteFeed serves /feed/, /feed/atom/ and /feed/json/ of an edition.
func (s *Server) siteFeed(w http.ResponseWriter, r *http.Request) {
	ed := editionFrom(r.Context()).ed
	title := ed.Settings.SiteName
	if ed.Settings.Tagline != "" {
		title += " — " + ed.Settings.Tagline
	}
	s.serveFeed(w, r, content.ArticleFilter{}, "/", title, ed.Settings.Description)
}

func (s *Server) categoryFeed(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	ed := editionFrom(ctx).ed
	cat, err := s.categoryBySlug(ctx, ed.Code, r.PathValue("slug"))
	if err != nil {
		s.fail(w, r, err)
		return
	}
	all, err := s.categories(ctx, ed.Code)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	s.serveFeed(w, r, content.ArticleFilter{CategoryIDs: descendants(all, cat.ID)}, "/category/"+pathSegment(cat.Slug)+"/",
		cat.Name+" — "+ed.Settings.SiteName, cat.Description)
}

func (s *Server) tagFeed(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	re := editionFrom(ctx)
	tag, err := s.deps.Content.TagBySlug(ctx, re.ed.Code, r.PathValue("slug"))
	if err != nil {
		s.fail(w, r, err)
		return
	}
	s.serveFeed(w, r, content.ArticleFilter{TagID: tag.ID}, "/tag/"+pathSegment(tag.Slug)+"/",
		re.locale.T("listing.tag", tag.Name)+" — "+re.ed.Settings.SiteName, "")
}

func (s *Server) authorFeed(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	ed := editionFrom(ctx).ed
	au, err := s.deps.Content.AuthorBySlug(ctx, ed.Code, r.PathValue("slug"))
	if err != nil {
		s.fail(w, r, err)
		return
	}
	s.serveFeed(w, r, content.ArticleFilter{AuthorID: au.ID}, "/author/"+pathSegment(au.Slug)+"/",
		au.Name+" — "+ed.Settings.SiteName, au.Bio)
}

// serveFeed answers a feed of the newest published articles a filter
// selects, in the format the path names. Three queries, whatever the size:
// the articles, their tags, their attachments.
func (s *Server) serveFeed(w http.ResponseWriter, r *http.Request, f content.ArticleFilter, base, title, description string) {
	ctx := r.Context()
	re := editionFrom(ctx)
	format, ok := feed.ParseFormat(r.PathValue("format"))
	if !ok {
		s.notFound(w, r)
		return
	}
	if description == "" {
		description = re.ed.Settings.Description
	}
	if description == "" {
		description = title
	}
	f.Edition, f.Status, f.Before, f.Limit = re.ed.Code, content.Published, s.now(), feedSize
	list, err := s.deps.Content.ListArticles(ctx, f)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	ids := make([]int64, len(list))
	for i, a := range list {
		ids[i] = a.ID
	}
	tags, err := s.deps.Content.TagsOfArticles(ctx, ids)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	files, err := s.deps.Content.AttachmentsOfArticles(ctx, ids)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	fd := &feed.Feed{Edition: re.ed, BaseURL: s.absURL(r, ""), Title: title, Description: description,
		PagePath: re.ed.Path(base), FeedPath: re.ed.Path(base + "feed/"), Updated: time.Unix(0, 0)}
	fd.IconPath, _ = s.assets.URL("img/favicon.svg")
	fd.LogoPath, _ = s.assets.URL(logoAsset)
	for _, a := range list {
		e := feed.Entry{Article: a, Path: articlePath(re.ed, a), Tags: tags[a.ID], Attachments: files[a.ID]}
		if a.Author != nil && !a.HasExternalByline() {
			e.AuthorPath = re.ed.Path("/author/" + pathSegment(a.Author.Slug) + "/")
		}
		if a.PrimaryCategory != nil {
			e.CategoryPath = re.ed.Path("/category/" + pathSegment(a.PrimaryCategory.Slug) + "/")
		}
		fd.Entries = append(fd.Entries, e)
	}
	body, err := feed.Render(fd, format)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	serveDocument(w, r, format.ContentType(), body, fd.LastModified())
}

// serveDocument answers a generated document (a feed, a sitemap) with its
// Last-Modified time, and 304 to a matching If-Modified-Since. The page
// cache in front (cache.go) gives it an ETag from its bytes and answers a
// matching If-None-Match, which takes precedence.
func serveDocument(w http.ResponseWriter, r *http.Request, contentType string, body []byte, modified time.Time) {
	h := w.Header()
	h.Set("Content-Type", contentType)
	if re := editionFrom(r.Context()); re != nil {
		h.Set("Content-Language", re.ed.Lang)
	}
	http.ServeContent(w, r, "", modified, bytes.NewReader(body))
}
