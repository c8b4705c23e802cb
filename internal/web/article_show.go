package web

import (
	"context"
	"html/template"
	"net/http"
	"net/url"
	"time"
	"unicode"

	"github.com/masthead-news/masthead/internal/content"
)

// ArticlePage is a single article with everything around it.
type ArticlePage struct {
	*Page
	Article      Card
	Body         template.HTML
	UpdatedISO   string
	Updated      string
	Categories   []Link
	Tags         []Link
	Author       *AuthorView
	Attachments  []Attachment
	Related      []Card
	Comments     []CommentView
	CommentsOpen bool
	Form         *CommentForm // nil when the site takes no comments
}

// Link is a labelled link, optionally in another language.
type Link struct {
	Label string
	URL   string
	Lang  string
	Dir   string
}

// Attachment is a downloadable file with its size and type.
type Attachment struct {
	Title string
	URL   string
	Type  string
	Size  string
}

// CommentView is one approved comment, ready to render.
type CommentView struct {
	ID          int64
	Author      string
	AuthorURL   string
	Initials    string
	AvatarClass string
	Staff       bool // a reply from the newsroom
	Body        string
	DateISO     string
	Date        string
	Depth       int
	ReplyURL    string // empty when replies cannot go deeper or comments are closed
}

// article serves /{yyyy}/{mm}/{dd}/{slug}/ for published articles of the
// request's edition; a wrong date in the path redirects to the right one.
func (s *Server) article(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	re := editionFrom(ctx)
	a, err := s.deps.Content.ArticleBySlug(ctx, re.ed.Code, r.PathValue("slug"))
	if err != nil {
		s.fail(w, r, err)
		return
	}
	if a.Status != content.Published || a.PublishedAt.After(s.now()) {
		s.notFound(w, r)
		return
	}
	canonical := articlePath(re.ed, a)
	if decoded, _ := url.PathUnescape(canonical); re.ed.Path(r.URL.Path) != decoded {
		http.Redirect(w, r, canonical, http.StatusMovedPermanently)
		return
	}
	s.showArticle(w, r, a, false)
}

// PreviewArticle shows an article — published or not — exactly as readers
// will see it, for the admin's preview. It is never indexed or cached.
func (s *Server) PreviewArticle(w http.ResponseWriter, r *http.Request, a *content.Article) {
	all := s.editions.Load()
	ed := all.set.Get(a.Edition)
	if ed == nil {
		http.NotFound(w, r)
		return
	}
	re := &requestEdition{ed: ed, locale: all.locales[ed.Code], all: all, rawPath: articlePath(ed, a)}
	w.Header().Set("Cache-Control", "no-store")
	s.showArticle(w, r.WithContext(context.WithValue(r.Context(), editionKey, re)), a, true)
}

// showArticle renders an article page.
func (s *Server) showArticle(w http.ResponseWriter, r *http.Request, a *content.Article, preview bool) {
	s.showArticleWith(w, r, a, preview, nil, http.StatusOK)
}

// showArticleWith renders an article page with its comment form in a given
// state (nil: a fresh form) and status.
func (s *Server) showArticleWith(w http.ResponseWriter, r *http.Request, a *content.Article, preview bool, state *FormState, status int) {
	ctx := r.Context()
	re := editionFrom(ctx)
	canonical := articlePath(re.ed, a)
	description := a.Excerpt
	p, err := s.base(ctx, r, a.Title, description)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	p.Canonical = s.absURL(r, canonical)
	if preview {
		p.Robots = "noindex"
	}
	card := s.card(r, re, a, false)
	card.Share = shareLinks(re.locale, card.shareOrigin, card.URL, a.Title, card.Image)
	ap := &ArticlePage{Page: p, Article: card, Body: template.HTML(s.responsiveBody(ctx, a.BodyHTML)), CommentsOpen: a.CommentsOpen}
	if a.UpdatedAt.Sub(a.PublishedAt) > time.Hour {
		ap.UpdatedISO, ap.Updated = a.UpdatedAt.Format(time.RFC3339), re.locale.Date(a.UpdatedAt)
	}
	cats, err := s.deps.Content.ArticleCategories(ctx, a.ID)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	for _, c := range cats {
		ap.Categories = append(ap.Categories, Link{Label: c.Name, URL: re.ed.Path("/category/" + pathSegment(c.Slug) + "/")})
	}
	tags, err := s.deps.Content.ArticleTags(ctx, a.ID)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	for _, t := range tags {
		ap.Tags = append(ap.Tags, Link{Label: t.Name, URL: re.ed.Path("/tag/" + pathSegment(t.Slug) + "/")})
	}
	if a.Author != nil {
		if au, err := s.deps.Content.AuthorBySlug(ctx, re.ed.Code, a.Author.Slug); err == nil {
			ap.Author = authorView(re, au)
		}
	}
	if err := s.translations(r, re, a, ap); err != nil {
		s.fail(w, r, err)
		return
	}
	files, err := s.deps.Content.ArticleAttachments(ctx, a.ID)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	for _, m := range files {
		title := m.Title
		if title == "" {
			title = m.Filename
		}
		ap.Attachments = append(ap.Attachments, Attachment{Title: title, URL: m.DownloadURL(), Type: m.MIME, Size: re.locale.FileSize(m.Size)})
	}
	// Related: most shared tags and categories first, then the newest.
	related, err := s.deps.Content.RelatedArticles(ctx, a, s.now(), 3)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	for _, x := range related {
		ap.Related = append(ap.Related, s.card(r, re, x, false))
	}
	s.articleMeta(r, ap, a)
	comments, err := s.deps.Content.Comments(ctx, a.ID, "approved")
	if err != nil {
		s.fail(w, r, err)
		return
	}
	form, err := s.commentForm(r, a, state)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	ap.Form = form
	maxDepth := 0
	if form != nil {
		ap.CommentsOpen = form.Open
		if form.Open && !preview {
			maxDepth = form.MaxDepth
		}
		for _, c := range comments {
			if c.ID == form.ParentID {
				form.ReplyTo = c.AuthorName
			}
		}
		if form.ReplyTo == "" {
			form.ParentID = 0
		}
	}
	ap.Comments = threadComments(re, comments, canonical, maxDepth)
	s.render(w, r, status, "article.html", ap)
}

// translations links the article's published versions in other editions.
func (s *Server) translations(r *http.Request, re *requestEdition, a *content.Article, ap *ArticlePage) error {
	list, err := s.deps.Content.ArticleTranslations(r.Context(), a.TranslationGroup)
	if err != nil {
		return err
	}
	versions := map[string]string{}
	for _, t := range list {
		if ed := re.all.set.Get(t.Edition); ed != nil && t.Status == content.Published && !t.PublishedAt.After(s.now()) {
			versions[ed.Code] = articlePath(ed, t)
		}
	}
	s.linkVersions(r, ap.Page, versions, true)
	return nil
}

// threadComments orders comments as a thread: replies under their parent.
// A reply whose parent is not shown (held, spam or deleted) stands at the
// top. Replies are offered while the thread is shallower than maxDepth.
func threadComments(re *requestEdition, list []content.Comment, articleURL string, maxDepth int) []CommentView {
	shown := map[int64]bool{}
	for _, c := range list {
		shown[c.ID] = true
	}
	children := map[int64][]content.Comment{}
	for _, c := range list {
		parent := c.ParentID
		if !shown[parent] {
			parent = 0
		}
		children[parent] = append(children[parent], c)
	}
	var out []CommentView
	var walk func(parent int64, depth int)
	walk = func(parent int64, depth int) {
		for _, c := range children[parent] {
			v := CommentView{ID: c.ID, Author: c.AuthorName, AuthorURL: c.AuthorURL, Initials: initials(c.AuthorName),
				AvatarClass: avatarClass(c.AuthorName), Staff: c.UserID != 0, Body: c.Body,
				DateISO: c.CreatedAt.Format(time.RFC3339), Date: re.locale.DateTime(c.CreatedAt), Depth: min(depth, 2)}
			if depth+1 < maxDepth {
				v.ReplyURL = replyURL(articleURL, c.ID)
			}
			out = append(out, v)
			walk(c.ID, depth+1)
		}
	}
	walk(0, 0)
	return out
}

// initials makes the avatar letters of a name, in any script.
func initials(name string) string {
	var out []rune
	start := true
	for _, r := range name {
		if r == ' ' || r == '-' {
			start = true
			continue
		}
		if start && len(out) < 2 {
			out = append(out, r)
		}
		start = false
	}
	// Two Arabic-script letters would join into what reads as a word; a
	// zero-width non-joiner keeps them apart as initials.
	if len(out) == 2 && unicode.Is(unicode.Arabic, out[0]) && unicode.Is(unicode.Arabic, out[1]) {
		return string(out[0]) + "\u200c" + string(out[1])
	}
	return string(out)
}
