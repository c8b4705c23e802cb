package web

import (
	"context"
	"errors"
	"html"
	"html/template"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/masthead-news/masthead/internal/content"
	"github.com/masthead-news/masthead/internal/edition"
	"github.com/masthead-news/masthead/internal/media"
	"github.com/masthead-news/masthead/internal/publication"
)

// Publications (DESIGN.md): /publications/books/ (+ page/{n}/),
// /publications/books/{slug}/, /publications/{series}/ and
// /publications/{series}/{issue}/ in every edition. Drafts are not shown.

// BookCard is one book in the books listing.
type BookCard struct {
	Title  string
	URL    string
	Author string
	Year   string
	Cover  *Image
}

// BooksPage is the books listing.
type BooksPage struct {
	*Page
	Heading string
	Books   []BookCard
	Newer   string
	Older   string
}

// FileLink is a downloadable file with what a reader wants to know first.
type FileLink struct {
	URL   string
	Label string // "Download the PDF"
	Meta  string // "PDF · 4 pages · 1.2 MB"
}

// Fact is one line of a details list.
type Fact struct {
	Label string
	Value string
	Lang  string // set when Value is in another language
	Dir   string
}

// BookPage shows one book.
type BookPage struct {
	*Page
	Heading     string
	Author      string
	Cover       *Image
	Description template.HTML
	Facts       []Fact
	Download    *FileLink
	PurchaseURL string
	BooksURL    string
}

// IssueCard is one issue in a series listing.
type IssueCard struct {
	Label   string // "No. 3"
	Title   string
	URL     string
	Date    string
	DateISO string
	Cover   *Image
	Summary string
}

// SeriesPage lists a series' issues.
type SeriesPage struct {
	*Page
	Heading string
	Intro   string
	Issues  []IssueCard
}

// IssueArticle is an article of an issue's HTML edition.
type IssueArticle struct {
	Title   string
	URL     string
	Excerpt string
}

// IssuePage shows one issue.
type IssuePage struct {
	*Page
	Heading  string // the issue's title, or the series and number
	Label    string // "No. 3"
	Series   Link
	Date     string
	DateISO  string
	Cover    *Image
	Summary  string
	Contents []string
	Download *FileLink
	// PurchaseURL is empty: issues are free (the actions template shared
	// with books reads it).
	PurchaseURL string
	Articles    []IssueArticle
	Previous    *Link // the issue before (lower number)
	Next        *Link
}

func bookPath(ed *edition.Edition, b *publication.Book) string {
	return ed.Path("/publications/books/" + pathSegment(b.Slug) + "/")
}

func seriesPath(ed *edition.Edition, se *publication.Series) string {
	return ed.Path("/publications/" + pathSegment(se.Slug) + "/")
}

func issuePath(ed *edition.Edition, se *publication.Series, is *publication.Issue) string {
	return ed.Path("/publications/" + pathSegment(se.Slug) + "/" + strconv.Itoa(is.Number) + "/")
}

// coverImage is a publication's cover with an alt text naming it.
func coverImage(loc interface{ T(string, ...any) string }, m *media.Media, title string) *Image {
	if m == nil {
		return nil
	}
	alt := m.Alt
	if alt == "" {
		alt = loc.T("pub.cover_of", title)
	}
	return imageOf(m, alt, "")
}

// pdfLink describes a PDF to download.
func (s *Server) pdfLink(re *requestEdition, m *media.Media) *FileLink {
	if m == nil {
		return nil
	}
	meta := []string{"PDF"}
	if m.Pages > 0 {
		meta = append(meta, re.locale.N("pub.pages", m.Pages))
	}
	meta = append(meta, re.locale.FileSize(m.Size))
	return &FileLink{URL: m.DownloadURL(), Label: re.locale.T("pub.download_pdf"), Meta: strings.Join(meta, " · ")}
}

func (s *Server) books(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	re := editionFrom(ctx)
	n, first, ok := pageNumber(r)
	if !ok {
		s.notFound(w, r)
		return
	}
	if first {
		http.Redirect(w, r, re.ed.Path("/publications/books/"), http.StatusMovedPermanently)
		return
	}
	per := re.ed.Settings.PerPage
	if per <= 0 {
		per = 10
	}
	list, err := s.pubs.Books(ctx, publication.BookFilter{Edition: re.ed.Code, PublishedOnly: true, Limit: per + 1, Offset: (n - 1) * per})
	if err != nil {
		s.fail(w, r, err)
		return
	}
	if n > 1 && len(list) == 0 {
		s.notFound(w, r)
		return
	}
	heading := re.locale.T("nav.books")
	p, err := s.base(ctx, r, heading, "")
	if err != nil {
		s.fail(w, r, err)
		return
	}
	bp := &BooksPage{Page: p, Heading: heading}
	if len(list) > per {
		list = list[:per]
		bp.Older = re.ed.Path("/publications/books/page/" + strconv.Itoa(n+1) + "/")
	}
	if n == 2 {
		bp.Newer = re.ed.Path("/publications/books/")
	} else if n > 2 {
		bp.Newer = re.ed.Path("/publications/books/page/" + strconv.Itoa(n-1) + "/")
	}
	for _, b := range list {
		c := BookCard{Title: b.Title, URL: bookPath(re.ed, b), Author: b.Author, Cover: coverImage(re.locale, b.Cover, b.Title)}
		if b.Year != 0 {
			c.Year = re.locale.Digits(strconv.Itoa(b.Year))
		}
		bp.Books = append(bp.Books, c)
	}
	if n == 1 {
		s.linkVersions(r, p, everyEdition(re, "/publications/books/"), false)
	}
	s.render(w, r, http.StatusOK, "books.html", bp)
}

func (s *Server) book(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	re := editionFrom(ctx)
	slug := r.PathValue("slug")
	b, err := s.pubs.BookBySlug(ctx, re.ed.Code, slug)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	if b.Status != publication.Published {
		s.notFound(w, r)
		return
	}
	if b.Slug != slug {
		http.Redirect(w, r, bookPath(re.ed, b), http.StatusMovedPermanently)
		return
	}
	p, err := s.base(ctx, r, b.Title, plainSummary(b.Description))
	if err != nil {
		s.fail(w, r, err)
		return
	}
	bp := &BookPage{Page: p, Heading: b.Title, Author: b.Author, Cover: coverImage(re.locale, b.Cover, b.Title),
		Description: template.HTML(b.Description), Download: s.pdfLink(re, b.PDF), PurchaseURL: b.PurchaseURL,
		BooksURL: re.ed.Path("/publications/books/")}
	if b.Cover != nil {
		p.Meta.Image = s.metaImage(r, b.Cover, bp.Cover.Alt)
	}
	if b.Author != "" {
		bp.Facts = append(bp.Facts, Fact{Label: re.locale.T("pub.author"), Value: b.Author})
	}
	if b.Year != 0 {
		bp.Facts = append(bp.Facts, Fact{Label: re.locale.T("pub.year"), Value: re.locale.Digits(strconv.Itoa(b.Year))})
	}
	if b.Language != "" {
		f := Fact{Label: re.locale.T("pub.language"), Value: b.Language}
		for _, ed := range re.all.set.All() {
			if ed.Lang == b.Language {
				f.Value, f.Lang, f.Dir = ed.Name, ed.Lang, ed.Dir
				break
			}
		}
		bp.Facts = append(bp.Facts, f)
	}
	if b.ISBN != "" {
		bp.Facts = append(bp.Facts, Fact{Label: "ISBN", Value: publication.FormatISBN(b.ISBN), Lang: "en", Dir: "ltr"})
	}
	if b.PDF != nil && b.PDF.Pages > 0 {
		bp.Facts = append(bp.Facts, Fact{Label: re.locale.T("pub.length"), Value: re.locale.N("pub.pages", b.PDF.Pages)})
	}
	tr, err := s.pubs.BookTranslations(ctx, b.TranslationGroup)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	versions := map[string]string{}
	for _, t := range tr {
		if ed := re.all.set.Get(t.Edition); ed != nil && t.Status == publication.Published {
			versions[ed.Code] = bookPath(ed, t)
		}
	}
	s.linkVersions(r, p, versions, true)
	s.render(w, r, http.StatusOK, "book.html", bp)
}

// seriesFor finds the series named in the path, redirecting a folded slug.
func (s *Server) seriesFor(w http.ResponseWriter, r *http.Request) (*publication.Series, bool) {
	ctx := r.Context()
	re := editionFrom(ctx)
	slug := r.PathValue("series")
	se, err := s.pubs.SeriesBySlug(ctx, re.ed.Code, slug)
	if err != nil {
		s.fail(w, r, err)
		return nil, false
	}
	if se.Slug != slug {
		target := seriesPath(re.ed, se)
		if n := r.PathValue("issue"); n != "" {
			target += n + "/"
		}
		http.Redirect(w, r, target, http.StatusMovedPermanently)
		return nil, false
	}
	return se, true
}

func (s *Server) seriesVersions(ctx context.Context, re *requestEdition, se *publication.Series) (map[string]string, error) {
	tr, err := s.pubs.SeriesTranslations(ctx, se.TranslationGroup)
	if err != nil {
		return nil, err
	}
	versions := map[string]string{}
	for _, t := range tr {
		if ed := re.all.set.Get(t.Edition); ed != nil {
			versions[ed.Code] = seriesPath(ed, t)
		}
	}
	return versions, nil
}

func (s *Server) issueLabel(re *requestEdition, n int) string {
	return re.locale.T("pub.issue_number", re.locale.Digits(strconv.Itoa(n)))
}

func (s *Server) series(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	re := editionFrom(ctx)
	se, ok := s.seriesFor(w, r)
	if !ok {
		return
	}
	list, err := s.pubs.Issues(ctx, se.ID, true, 500, 0)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	p, err := s.base(ctx, r, se.Title, se.Description)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	sp := &SeriesPage{Page: p, Heading: se.Title, Intro: se.Description}
	for _, is := range list {
		sp.Issues = append(sp.Issues, IssueCard{Label: s.issueLabel(re, is.Number), Title: is.Title, URL: issuePath(re.ed, se, is),
			Date: re.locale.Date(is.Date), DateISO: is.Date.Format(time.DateOnly), Cover: coverImage(re.locale, is.Cover, se.Title+" "+s.issueLabel(re, is.Number)),
			Summary: is.Summary})
	}
	versions, err := s.seriesVersions(ctx, re, se)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	s.linkVersions(r, p, versions, true)
	s.render(w, r, http.StatusOK, "series.html", sp)
}

func (s *Server) issue(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	re := editionFrom(ctx)
	raw := r.PathValue("issue")
	n, err := strconv.Atoi(raw)
	if err != nil || n < 1 || strings.TrimLeft(raw, "0123456789") != "" {
		s.notFound(w, r)
		return
	}
	se, ok := s.seriesFor(w, r)
	if !ok {
		return
	}
	if strconv.Itoa(n) != raw { // "03" → "3"
		http.Redirect(w, r, re.ed.Path("/publications/"+pathSegment(se.Slug)+"/"+strconv.Itoa(n)+"/"), http.StatusMovedPermanently)
		return
	}
	is, err := s.pubs.IssueByNumber(ctx, se.ID, n)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	if is.Status != publication.Published {
		s.notFound(w, r)
		return
	}
	label := s.issueLabel(re, is.Number)
	heading := se.Title + " · " + label
	if is.Title != "" {
		heading = is.Title
	}
	p, err := s.base(ctx, r, heading+" — "+se.Title+" "+label, is.Summary)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	ip := &IssuePage{Page: p, Heading: heading, Label: label, Series: Link{Label: se.Title, URL: seriesPath(re.ed, se)},
		Date: re.locale.Date(is.Date), DateISO: is.Date.Format(time.DateOnly), Cover: coverImage(re.locale, is.Cover, se.Title+" "+label),
		Summary: is.Summary, Contents: is.ContentsLines(), Download: s.pdfLink(re, is.PDF)}
	if is.Cover != nil {
		p.Meta.Image = s.metaImage(r, is.Cover, ip.Cover.Alt)
	}
	for _, id := range is.ArticleIDs {
		a, err := s.deps.Content.ArticleByID(ctx, id)
		if err != nil {
			if errors.Is(err, content.ErrNotFound) {
				continue
			}
			s.fail(w, r, err)
			return
		}
		if a.Status != content.Published || a.PublishedAt.After(s.now()) {
			continue
		}
		ip.Articles = append(ip.Articles, IssueArticle{Title: a.Title, URL: articlePath(re.ed, a), Excerpt: a.Excerpt})
	}
	// The neighbours: the published issues just below and above.
	all, err := s.pubs.Issues(ctx, se.ID, true, 500, 0)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	for i, x := range all {
		if x.ID != is.ID {
			continue
		}
		if i > 0 {
			ip.Next = &Link{Label: s.issueLabel(re, all[i-1].Number), URL: issuePath(re.ed, se, all[i-1])}
		}
		if i+1 < len(all) {
			ip.Previous = &Link{Label: s.issueLabel(re, all[i+1].Number), URL: issuePath(re.ed, se, all[i+1])}
		}
	}
	tr, err := s.pubs.IssueTranslations(ctx, is.TranslationGroup)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	versions := map[string]string{}
	for _, t := range tr {
		if t.Status != publication.Published {
			continue
		}
		tse, err := s.pubs.SeriesByID(ctx, t.SeriesID)
		if err != nil {
			s.fail(w, r, err)
			return
		}
		if ed := re.all.set.Get(tse.Edition); ed != nil {
			versions[ed.Code] = issuePath(ed, tse, t)
		}
	}
	s.linkVersions(r, p, versions, true)
	s.render(w, r, http.StatusOK, "issue.html", ip)
}

// plainSummary is the first sentence-sized piece of an HTML description,
// as text, for the meta description.
func plainSummary(body string) string {
	var b strings.Builder
	in := false
	for _, r := range body {
		switch {
		case r == '<':
			in = true
		case r == '>':
			in = false
			b.WriteRune(' ')
		case !in:
			b.WriteRune(r)
		}
	}
	text := strings.Join(strings.Fields(html.UnescapeString(b.String())), " ")
	if r := []rune(text); len(r) > 200 {
		text = string(r[:200]) + "…"
	}
	return text
}

// metaImage is a cover as the page's share image.
func (s *Server) metaImage(r *http.Request, m *media.Media, alt string) *MetaImage {
	return &MetaImage{URL: s.absURL(r, m.URL()), Type: m.MIME, Width: m.Width, Height: m.Height, Alt: alt}
}
