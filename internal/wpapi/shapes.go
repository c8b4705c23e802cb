package wpapi

import (
	"html"
	"net/url"
	"path"
	"strconv"
	"strings"
	"time"

	"github.com/masthead-news/masthead/internal/content"
	"github.com/masthead-news/masthead/internal/edition"
	"github.com/masthead-news/masthead/internal/media"
)

// The JSON shapes of wp/v2 in the "view" context, field for field as in
// WordPress's own fixtures (../shared/fixtures/wp-rest/json/*Model.json),
// plus "lang" (the edition, as Polylang adds it). raw fields appear only
// for an authenticated account that may edit the item, as in WordPress's
// "edit" context.

type rendered struct {
	Rendered string `json:"rendered"`
	Raw      string `json:"raw,omitempty"`
}

type renderedText struct {
	Rendered  string `json:"rendered"`
	Raw       string `json:"raw,omitempty"`
	Protected bool   `json:"protected"`
}

type link struct {
	Href       string `json:"href"`
	Embeddable bool   `json:"embeddable,omitempty"`
	Taxonomy   string `json:"taxonomy,omitempty"`
	Name       string `json:"name,omitempty"`
	Templated  bool   `json:"templated,omitempty"`
}

type links map[string][]link

var curies = []link{{Name: "wp", Href: "https://api.w.org/{rel}", Templated: true}}

// object is an empty JSON object ("meta": {}).
type object struct{}

type post struct {
	ID            int64         `json:"id"`
	Date          string        `json:"date"`
	DateGMT       *string       `json:"date_gmt"`
	GUID          rendered      `json:"guid"`
	Modified      string        `json:"modified"`
	ModifiedGMT   string        `json:"modified_gmt"`
	Slug          string        `json:"slug"`
	Status        string        `json:"status"`
	Type          string        `json:"type"`
	Link          string        `json:"link"`
	Title         rendered      `json:"title"`
	Content       renderedText  `json:"content"`
	Excerpt       renderedText  `json:"excerpt"`
	Author        int64         `json:"author"`
	FeaturedMedia int64         `json:"featured_media"`
	CommentStatus string        `json:"comment_status"`
	PingStatus    string        `json:"ping_status"`
	Sticky        bool          `json:"sticky"`
	Template      string        `json:"template"`
	Format        string        `json:"format"`
	Meta          object        `json:"meta"`
	Categories    []int64       `json:"categories"`
	Tags          []int64       `json:"tags"`
	ClassList     []string      `json:"class_list"`
	Lang          string        `json:"lang"`
	Links         links         `json:"_links"`
	Embedded      *postEmbedded `json:"_embedded,omitempty"`
}

type postEmbedded struct {
	Author        []*userJSON   `json:"author,omitempty"`
	FeaturedMedia []*mediaJSON  `json:"wp:featuredmedia,omitempty"`
	Term          [][]*termJSON `json:"wp:term,omitempty"`
}

type wpPage struct {
	ID            int64        `json:"id"`
	Date          string       `json:"date"`
	DateGMT       *string      `json:"date_gmt"`
	GUID          rendered     `json:"guid"`
	Modified      string       `json:"modified"`
	ModifiedGMT   string       `json:"modified_gmt"`
	Slug          string       `json:"slug"`
	Status        string       `json:"status"`
	Type          string       `json:"type"`
	Link          string       `json:"link"`
	Title         rendered     `json:"title"`
	Content       renderedText `json:"content"`
	Excerpt       renderedText `json:"excerpt"`
	Author        int64        `json:"author"`
	FeaturedMedia int64        `json:"featured_media"`
	Parent        int64        `json:"parent"`
	MenuOrder     int          `json:"menu_order"`
	CommentStatus string       `json:"comment_status"`
	PingStatus    string       `json:"ping_status"`
	Template      string       `json:"template"`
	Meta          object       `json:"meta"`
	ClassList     []string     `json:"class_list"`
	Lang          string       `json:"lang"`
	Links         links        `json:"_links"`
}

type termJSON struct {
	ID          int64  `json:"id"`
	Count       int    `json:"count"`
	Description string `json:"description"`
	Link        string `json:"link"`
	Name        string `json:"name"`
	Slug        string `json:"slug"`
	Taxonomy    string `json:"taxonomy"`
	Parent      *int64 `json:"parent,omitempty"` // categories only
	Meta        object `json:"meta"`
	Lang        string `json:"lang"`
	Links       links  `json:"_links"`
}

type userJSON struct {
	ID          int64             `json:"id"`
	Name        string            `json:"name"`
	URL         string            `json:"url"`
	Description string            `json:"description"`
	Link        string            `json:"link"`
	Slug        string            `json:"slug"`
	AvatarURLs  map[string]string `json:"avatar_urls"`
	Meta        object            `json:"meta"`
	Links       links             `json:"_links"`
}

type mediaDetails struct {
	Width    int               `json:"width,omitempty"`
	Height   int               `json:"height,omitempty"`
	File     string            `json:"file"`
	Filesize int64             `json:"filesize"`
	Sizes    map[string]object `json:"sizes"`
}

type mediaJSON struct {
	ID            int64        `json:"id"`
	Date          string       `json:"date"`
	DateGMT       *string      `json:"date_gmt"`
	GUID          rendered     `json:"guid"`
	Modified      string       `json:"modified"`
	ModifiedGMT   string       `json:"modified_gmt"`
	Slug          string       `json:"slug"`
	Status        string       `json:"status"`
	Type          string       `json:"type"`
	Link          string       `json:"link"`
	Title         rendered     `json:"title"`
	Author        int64        `json:"author"`
	FeaturedMedia int64        `json:"featured_media"`
	CommentStatus string       `json:"comment_status"`
	PingStatus    string       `json:"ping_status"`
	Template      string       `json:"template"`
	Meta          object       `json:"meta"`
	ClassList     []string     `json:"class_list"`
	Description   rendered     `json:"description"`
	Caption       rendered     `json:"caption"`
	AltText       string       `json:"alt_text"`
	MediaType     string       `json:"media_type"`
	MimeType      string       `json:"mime_type"`
	MediaDetails  mediaDetails `json:"media_details"`
	Post          *int64       `json:"post"`
	SourceURL     string       `json:"source_url"`
	Links         links        `json:"_links"`
}

type commentJSON struct {
	ID               int64             `json:"id"`
	Post             int64             `json:"post"`
	Parent           int64             `json:"parent"`
	Author           int64             `json:"author"`
	AuthorName       string            `json:"author_name"`
	AuthorURL        string            `json:"author_url"`
	Date             string            `json:"date"`
	DateGMT          string            `json:"date_gmt"`
	Content          rendered          `json:"content"`
	Link             string            `json:"link"`
	Status           string            `json:"status"`
	Type             string            `json:"type"`
	AuthorAvatarURLs map[string]string `json:"author_avatar_urls"`
	Meta             object            `json:"meta"`
	Links            links             `json:"_links"`
}

// WordPress writes dates without an offset: "date" in the site's (here the
// edition's) time zone, "date_gmt" in UTC.
const wpTime = "2006-01-02T15:04:05"

func localDate(t time.Time, ed *edition.Edition) string { return t.In(ed.Location()).Format(wpTime) }
func gmtDate(t time.Time) string                        { return t.UTC().Format(wpTime) }

// wpStatus maps our publication states to WordPress's.
func wpStatus(s content.Status) string {
	switch s {
	case content.Published:
		return "publish"
	case content.Scheduled:
		return "future"
	}
	return string(s) // draft, pending
}

// Site paths, as the public router (internal/web) serves them.
func articlePath(ed *edition.Edition, a *content.Article) string {
	return ed.Path(a.PublishedAt.In(ed.Location()).Format("/2006/01/02/") + url.PathEscape(a.Slug) + "/")
}
func pagePath(ed *edition.Edition, p *content.Page) string {
	return ed.Path("/" + url.PathEscape(p.Slug) + "/")
}
func categoryPath(ed *edition.Edition, slug string) string {
	return ed.Path("/category/" + url.PathEscape(slug) + "/")
}
func tagPath(ed *edition.Edition, slug string) string {
	return ed.Path("/tag/" + url.PathEscape(slug) + "/")
}
func authorPath(ed *edition.Edition, slug string) string {
	return ed.Path("/author/" + url.PathEscape(slug) + "/")
}

// paragraphs turns plain text into HTML paragraphs, escaped, as WordPress's
// wpautop does for excerpts and comments.
func paragraphs(text string) string {
	text = strings.TrimSpace(strings.ReplaceAll(text, "\r\n", "\n"))
	if text == "" {
		return ""
	}
	var b strings.Builder
	for _, para := range strings.Split(text, "\n\n") {
		para = strings.TrimSpace(para)
		if para == "" {
			continue
		}
		b.WriteString("<p>")
		b.WriteString(strings.ReplaceAll(html.EscapeString(para), "\n", "<br />\n"))
		b.WriteString("</p>\n")
	}
	return b.String()
}

func idStr(id int64) string { return strconv.FormatInt(id, 10) }

// postJSON shapes an article. cats and tags are its term ids; raw adds
// what an editor edits.
func postJSON(s *site, ed *edition.Edition, a *content.Article, cats, tags []int64, raw bool) *post {
	p := &post{ID: a.ID, Slug: a.Slug, Status: wpStatus(a.Status), Type: "post",
		GUID:    rendered{Rendered: s.abs("/?p=" + idStr(a.ID))},
		Title:   rendered{Rendered: html.EscapeString(a.Title)},
		Content: renderedText{Rendered: a.BodyHTML},
		Excerpt: renderedText{Rendered: paragraphs(a.Excerpt)},
		Author:  a.AuthorID, FeaturedMedia: a.FeaturedMediaID, CommentStatus: "closed", PingStatus: "closed",
		Format: "standard", Categories: nonNil(cats), Tags: nonNil(tags), Lang: ed.Code,
		Modified: localDate(a.UpdatedAt, ed), ModifiedGMT: gmtDate(a.UpdatedAt)}
	if a.CommentsOpen {
		p.CommentStatus = "open"
	}
	if a.PublishedAt.IsZero() {
		// Not yet dated: WordPress shows the creation time and no GMT date.
		p.Date = localDate(a.CreatedAt, ed)
		p.Link = s.abs("/?p=" + idStr(a.ID))
	} else {
		p.Date = localDate(a.PublishedAt, ed)
		g := gmtDate(a.PublishedAt)
		p.DateGMT = &g
		p.Link = s.abs(articlePath(ed, a))
	}
	if a.Status != content.Published {
		p.Link = s.abs("/?p=" + idStr(a.ID))
	}
	if raw {
		p.Title.Raw, p.Content.Raw, p.Excerpt.Raw = a.Title, a.BodySource, a.Excerpt
	}
	p.ClassList = []string{"post-" + idStr(a.ID), "post", "type-post", "status-" + p.Status, "format-standard", "hentry"}
	if a.FeaturedMediaID != 0 {
		p.ClassList = append(p.ClassList, "has-post-thumbnail")
	}
	if a.PrimaryCategory != nil {
		p.ClassList = append(p.ClassList, "category-"+a.PrimaryCategory.Slug)
	}
	self := s.api("/wp/v2/posts/" + idStr(a.ID))
	p.Links = links{
		"self":          {{Href: self}},
		"collection":    {{Href: s.api("/wp/v2/posts")}},
		"about":         {{Href: s.api("/wp/v2/types/post")}},
		"replies":       {{Href: s.api("/wp/v2/comments?post=" + idStr(a.ID)), Embeddable: true}},
		"wp:attachment": {{Href: s.api("/wp/v2/media?parent=" + idStr(a.ID))}},
		"wp:term": {
			{Href: s.api("/wp/v2/categories?post=" + idStr(a.ID)), Taxonomy: "category", Embeddable: true},
			{Href: s.api("/wp/v2/tags?post=" + idStr(a.ID)), Taxonomy: "post_tag", Embeddable: true},
		},
		"curies": curies,
	}
	if a.AuthorID != 0 {
		p.Links["author"] = []link{{Href: s.api("/wp/v2/users/" + idStr(a.AuthorID)), Embeddable: true}}
	}
	if a.FeaturedMediaID != 0 {
		p.Links["wp:featuredmedia"] = []link{{Href: s.api("/wp/v2/media/" + idStr(a.FeaturedMediaID)), Embeddable: true}}
	}
	return p
}

func nonNil(ids []int64) []int64 {
	if ids == nil {
		return []int64{}
	}
	return ids
}

func pageJSON(s *site, ed *edition.Edition, pg *content.Page) *wpPage {
	p := &wpPage{ID: pg.ID, Slug: pg.Slug, Status: wpStatus(pg.Status), Type: "page",
		GUID:          rendered{Rendered: s.abs("/?page_id=" + idStr(pg.ID))},
		Title:         rendered{Rendered: html.EscapeString(pg.Title)},
		Content:       renderedText{Rendered: pg.BodyHTML},
		Excerpt:       renderedText{Rendered: paragraphs(pg.Description)},
		CommentStatus: "closed", PingStatus: "closed", Lang: ed.Code,
		Modified: localDate(pg.UpdatedAt, ed), ModifiedGMT: gmtDate(pg.UpdatedAt),
		Link: s.abs(pagePath(ed, pg))}
	when := pg.PublishedAt
	if when.IsZero() {
		when = pg.UpdatedAt
	} else {
		g := gmtDate(pg.PublishedAt)
		p.DateGMT = &g
	}
	p.Date = localDate(when, ed)
	p.ClassList = []string{"post-" + idStr(pg.ID), "page", "type-page", "status-" + p.Status, "hentry"}
	p.Links = links{
		"self":       {{Href: s.api("/wp/v2/pages/" + idStr(pg.ID))}},
		"collection": {{Href: s.api("/wp/v2/pages")}},
		"about":      {{Href: s.api("/wp/v2/types/page")}},
		"curies":     curies,
	}
	return p
}

func categoryJSON(s *site, ed *edition.Edition, c *content.Category, count int) *termJSON {
	parent := c.ParentID
	return &termJSON{ID: c.ID, Count: count, Description: c.Description, Link: s.abs(categoryPath(ed, c.Slug)),
		Name: c.Name, Slug: c.Slug, Taxonomy: "category", Parent: &parent, Lang: ed.Code,
		Links: links{
			"self":         {{Href: s.api("/wp/v2/categories/" + idStr(c.ID))}},
			"collection":   {{Href: s.api("/wp/v2/categories")}},
			"about":        {{Href: s.api("/wp/v2/taxonomies/category")}},
			"wp:post_type": {{Href: s.api("/wp/v2/posts?categories=" + idStr(c.ID))}},
			"curies":       curies,
		}}
}

func tagJSON(s *site, ed *edition.Edition, t *content.Tag, count int) *termJSON {
	return &termJSON{ID: t.ID, Count: count, Link: s.abs(tagPath(ed, t.Slug)), Name: t.Name, Slug: t.Slug,
		Taxonomy: "post_tag", Lang: ed.Code,
		Links: links{
			"self":         {{Href: s.api("/wp/v2/tags/" + idStr(t.ID))}},
			"collection":   {{Href: s.api("/wp/v2/tags")}},
			"about":        {{Href: s.api("/wp/v2/taxonomies/post_tag")}},
			"wp:post_type": {{Href: s.api("/wp/v2/posts?tags=" + idStr(t.ID))}},
			"curies":       curies,
		}}
}

// authorJSON shapes a staff author: public fields only (no e-mail, no
// account, no role).
func authorJSON(s *site, ed *edition.Edition, a *content.Author, avatar *media.Media) *userJSON {
	u := &userJSON{ID: a.ID, Name: a.Name, Description: a.Bio, Link: s.abs(authorPath(ed, a.Slug)), Slug: a.Slug,
		AvatarURLs: map[string]string{},
		Links: links{
			"self":       {{Href: s.api("/wp/v2/users/" + idStr(a.ID))}},
			"collection": {{Href: s.api("/wp/v2/users")}},
		}}
	if avatar != nil {
		for _, size := range []string{"24", "48", "96"} {
			u.AvatarURLs[size] = s.abs(avatar.URL())
		}
	}
	return u
}

// wpMediaType is WordPress's media_type: "image" or "file".
func wpMediaType(m *media.Media) string {
	if m.Kind == "image" {
		return "image"
	}
	return "file"
}

func mediaItemJSON(s *site, ed *edition.Edition, m *media.Media) *mediaJSON {
	title := m.Title
	if title == "" {
		title = strings.TrimSuffix(m.Filename, path.Ext(m.Filename))
	}
	g := gmtDate(m.CreatedAt)
	src := s.abs(m.URL())
	j := &mediaJSON{ID: m.ID, Date: localDate(m.CreatedAt, ed), DateGMT: &g, GUID: rendered{Rendered: src},
		Modified: localDate(m.CreatedAt, ed), ModifiedGMT: g,
		Slug:   strings.TrimSuffix(path.Base(m.Path), path.Ext(m.Path)),
		Status: "inherit", Type: "attachment", Link: src, Title: rendered{Rendered: html.EscapeString(title)},
		CommentStatus: "closed", PingStatus: "closed",
		Caption:     rendered{Rendered: paragraphs(m.Caption)},
		Description: rendered{Rendered: paragraphs(m.Credit)},
		AltText:     m.Alt, MediaType: wpMediaType(m), MimeType: m.MIME, SourceURL: src,
		MediaDetails: mediaDetails{Width: m.Width, Height: m.Height, File: m.Path, Filesize: m.Size, Sizes: map[string]object{}},
		ClassList:    []string{"post-" + idStr(m.ID), "attachment", "type-attachment", "status-inherit", "hentry"},
		Links: links{
			"self":       {{Href: s.api("/wp/v2/media/" + idStr(m.ID))}},
			"collection": {{Href: s.api("/wp/v2/media")}},
			"about":      {{Href: s.api("/wp/v2/types/attachment")}},
		}}
	return j
}

func commentItemJSON(s *site, ed *edition.Edition, c *content.Comment, articleLink string) *commentJSON {
	return &commentJSON{ID: c.ID, Post: c.ArticleID, Parent: c.ParentID, AuthorName: c.AuthorName,
		Date: localDate(c.CreatedAt, ed), DateGMT: gmtDate(c.CreatedAt), Content: rendered{Rendered: paragraphs(c.Body)},
		Link: articleLink + "#comment-" + idStr(c.ID), Status: c.Status, Type: "comment", AuthorAvatarURLs: map[string]string{},
		Links: links{
			"self":       {{Href: s.api("/wp/v2/comments/" + idStr(c.ID))}},
			"collection": {{Href: s.api("/wp/v2/comments")}},
			"up":         {{Href: s.api("/wp/v2/posts/" + idStr(c.ArticleID)), Embeddable: true}},
		}}
}
