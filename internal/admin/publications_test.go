package admin_test

import (
	"bytes"
	"context"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/masthead-news/masthead/internal/content"
	"github.com/masthead-news/masthead/internal/media"
	"github.com/masthead-news/masthead/internal/publication"
	"github.com/masthead-news/masthead/internal/user"
)

// TestPublicationsAdmin: an editor adds a book (a bad ISBN or a
// javascript: purchase link is refused and stores nothing), links it to
// its Persian version, adds a series and an issue with a PDF and an
// article, and the public site shows them; roles without page rights are
// turned away.
func TestPublicationsAdmin(t *testing.T) {
	s := newSite(t)
	ctx := context.Background()
	editor := s.login(t, user.Editor)
	pdf, err := media.PDFOfImages(distinctPNG(4, 40, 60), distinctPNG(5, 40, 60))
	if err != nil {
		t.Fatal(err)
	}
	doc, err := s.media.Add(ctx, bytes.NewReader(pdf), media.Upload{Filename: "book.pdf", Title: "The book"})
	if err != nil {
		t.Fatal(err)
	}
	cover, err := s.media.Add(ctx, bytes.NewReader(distinctPNG(6, 60, 80)), media.Upload{Filename: "cover.png", Alt: "A cover"})
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range []user.Role{user.Author, user.Contributor} {
		c := s.login(t, r)
		if res, _ := s.get(t, c, "/admin/publications/"); res.StatusCode != http.StatusForbidden {
			t.Errorf("%s opens the publications: %d", r, res.StatusCode)
		}
		if res := s.post(t, c, "/admin/publications/books/new", url.Values{"edition": {"en"}, "title": {"X"}}); res.StatusCode != http.StatusForbidden {
			t.Errorf("%s adds a book: %d", r, res.StatusCode)
		}
	}
	form := func(isbn, buy string) url.Values {
		return url.Values{"edition": {"en"}, "title": {"Clean Rivers"}, "author": {"A. Writer"}, "year": {"2025"}, "isbn": {isbn}, "language": {"en"},
			"description": {"<p>About rivers.</p>"}, "purchase_url": {buy}, "cover": {fmt.Sprint(cover.ID)}, "pdf": {fmt.Sprint(doc.ID)}, "action": {"publish"}}
	}
	for _, bad := range []url.Values{form("978-0-306-40615-8", ""), form("", "javascript:alert(1)"), form("", "")} {
		if bad.Get("isbn") == "" && bad.Get("purchase_url") == "" {
			bad.Set("pdf", fmt.Sprint(cover.ID)) // a picture is not a PDF
		}
		res, body := s.postBody(t, editor, "/admin/publications/books/new", bad)
		if res.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(body, "field-error") {
			t.Errorf("bad book %v: status %d", bad, res.StatusCode)
		}
	}
	if n, _ := s.store.CountBooks(ctx, publication.BookFilter{}); n != 0 {
		t.Fatalf("refused books were stored: %d", n)
	}
	res := s.post(t, editor, "/admin/publications/books/new", form("978-0-306-40615-7", "https://shop.example/rivers"))
	if res.StatusCode != http.StatusSeeOther {
		t.Fatalf("new book: %d", res.StatusCode)
	}
	books, _ := s.store.Books(ctx, publication.BookFilter{Edition: "en"})
	if len(books) != 1 || books[0].Slug != "clean-rivers" || books[0].ISBN != "9780306406157" || books[0].Status != publication.Published {
		t.Fatalf("stored books: %+v", books)
	}
	book := books[0]
	fa := &publication.Book{Edition: "fa", Title: "رودهای پاک", Status: publication.Published}
	if err := (&publication.Service{Store: s.store}).SaveBook(ctx, fa); err != nil {
		t.Fatal(err)
	}
	if res := s.post(t, editor, fmt.Sprintf("/admin/publications/books/%d/translations", book.ID), url.Values{"version": {fmt.Sprint(fa.ID)}}); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("linking: %d", res.StatusCode)
	}
	_, page := get(t, s, "/publications/books/clean-rivers/")
	if !strings.Contains(page, "Clean Rivers") || !strings.Contains(page, `hreflang="fa"`) || !strings.Contains(page, doc.DownloadURL()) {
		t.Error("the public book page lacks its title, its Persian version or its download")
	}
	_, list := s.get(t, editor, "/admin/publications/?edition=en")
	if !strings.Contains(list, "Clean Rivers") || !strings.Contains(list, "Not downloaded yet") || !strings.Contains(list, "رودهای پاک") {
		t.Error("the admin list lacks the book, its download count or its Persian version")
	}

	// A series and an issue with the article of its online edition.
	if res := s.post(t, editor, "/admin/publications/series/new", url.Values{"edition": {"en"}, "title": {"Newsletter"}}); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("new series: %d", res.StatusCode)
	}
	se, err := s.store.SeriesBySlug(ctx, "en", "newsletter")
	if err != nil {
		t.Fatal(err)
	}
	a := s.article(t, user.Editor, content.Published, "A story for the issue")
	issue := url.Values{"series": {fmt.Sprint(se.ID)}, "number": {"1"}, "date": {"2026-03-01"}, "title": {"First"}, "contents": {"One\r\nTwo"},
		"pdf": {fmt.Sprint(doc.ID)}, "articles": {fmt.Sprint(a.ID)}, "action": {"publish"}}
	bad := url.Values{}
	for k, v := range issue {
		bad[k] = v
	}
	bad.Set("date", "1 March")
	if res, _ := s.postBody(t, editor, "/admin/publications/issues/new", bad); res.StatusCode != http.StatusUnprocessableEntity {
		t.Errorf("bad date: %d", res.StatusCode)
	}
	if res := s.post(t, editor, "/admin/publications/issues/new", issue); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("new issue: %d", res.StatusCode)
	}
	is, err := s.store.IssueByNumber(ctx, se.ID, 1)
	if err != nil || is.Contents != "One\nTwo" || len(is.ArticleIDs) != 1 {
		t.Fatalf("stored issue %+v, %v", is, err)
	}
	if res := s.post(t, editor, "/admin/publications/issues/new", issue); res.StatusCode != http.StatusUnprocessableEntity {
		t.Errorf("a second number 1: %d", res.StatusCode)
	}
	_, page = get(t, s, "/publications/newsletter/1/")
	if !strings.Contains(page, "A story for the issue") || !strings.Contains(page, "<li>Two</li>") {
		t.Error("the public issue lacks its article or its contents")
	}
	if res := s.post(t, editor, fmt.Sprintf("/admin/publications/series/%d/delete", se.ID), nil); res.StatusCode != http.StatusConflict {
		t.Errorf("deleting a series with issues: %d", res.StatusCode)
	}
	if res := s.post(t, editor, fmt.Sprintf("/admin/publications/issues/%d/delete", is.ID), nil); res.StatusCode != http.StatusSeeOther {
		t.Errorf("deleting the issue: %d", res.StatusCode)
	}
	if n := s.audits(t, "book.create"); n != 1 {
		t.Errorf("audit log: %d book.create", n)
	}
}

// get reads a public page of the test site without signing in.
func get(t *testing.T, s *site, path string) (*http.Response, string) {
	t.Helper()
	return s.get(t, s.client(t), path)
}
