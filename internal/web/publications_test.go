package web_test

import (
	"context"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"github.com/masthead-news/masthead/internal/media"
	"github.com/masthead-news/masthead/internal/publication"
)

// TestPublicationMenuEntriesArePopulated: every Publications entry of every
// edition's menu leads to a page that lists something.
func TestPublicationMenuEntriesArePopulated(t *testing.T) {
	for _, ed := range []string{"", "/ar", "/fa", "/sq"} {
		for _, p := range []string{"/publications/books/", "/publications/newsletter/", "/publications/brief/"} {
			res, body := get(t, ed+p)
			if res.StatusCode != http.StatusOK {
				t.Errorf("%s%s: status %d", ed, p, res.StatusCode)
				continue
			}
			if !strings.Contains(body, `class="pub-card"`) {
				t.Errorf("%s%s lists nothing", ed, p)
			}
		}
	}
}

var hrefRE = regexp.MustCompile(`<h2 class="pub-title"><a href="([^"]+)"`)

// TestPublicationPages opens every book and issue from the listings in two
// editions and checks what each page must carry.
func TestPublicationPages(t *testing.T) {
	for _, tc := range []struct {
		prefix, lang, download, contents string
		books, newsletter, brief         int
	}{
		{"", "en", "Download the PDF", "In this issue", 2, 3, 2},
		{"/fa", "fa", "دریافت فایل PDF", "در این شماره", 2, 3, 2},
	} {
		_, body := get(t, tc.prefix+"/publications/books/")
		books := hrefRE.FindAllStringSubmatch(body, -1)
		if len(books) != tc.books {
			t.Fatalf("%s books listing shows %d books; want %d", tc.lang, len(books), tc.books)
		}
		for _, m := range books {
			res, page := get(t, m[1])
			if res.StatusCode != http.StatusOK {
				t.Fatalf("%s: status %d", m[1], res.StatusCode)
			}
			for _, want := range []string{`<html lang="` + tc.lang + `"`, tc.download, `href="/download/`, "ISBN", `hreflang="ar"`, `class="read-in"`, `class="pub-facts"`} {
				if !strings.Contains(page, want) {
					t.Errorf("%s lacks %q", m[1], want)
				}
			}
		}
		for series, n := range map[string]int{"newsletter": tc.newsletter, "brief": tc.brief} {
			_, body := get(t, tc.prefix+"/publications/"+series+"/")
			issues := hrefRE.FindAllStringSubmatch(body, -1)
			if len(issues) != n {
				t.Fatalf("%s %s lists %d issues; want %d", tc.lang, series, len(issues), n)
			}
			if !strings.HasSuffix(issues[0][1], "/"+series+"/"+string(rune('0'+n))+"/") {
				t.Errorf("%s %s: newest issue first, got %s", tc.lang, series, issues[0][1])
			}
			for _, m := range issues {
				res, page := get(t, m[1])
				if res.StatusCode != http.StatusOK {
					t.Fatalf("%s: status %d", m[1], res.StatusCode)
				}
				for _, want := range []string{tc.contents, `href="/download/`, `class="pub-articles"`, `hreflang="sq"`, `<ol>`} {
					if !strings.Contains(page, want) {
						t.Errorf("%s lacks %q", m[1], want)
					}
				}
			}
		}
	}
}

func TestPublicationURLsRefuseAndRedirect(t *testing.T) {
	for path, want := range map[string]int{
		"/publications/books/no-such-book/":       http.StatusNotFound,
		"/publications/no-such-series/":           http.StatusNotFound,
		"/publications/newsletter/99/":            http.StatusNotFound,
		"/publications/newsletter/0/":             http.StatusNotFound,
		"/publications/newsletter/x/":             http.StatusNotFound,
		"/publications/newsletter/-1/":            http.StatusNotFound,
		"/publications/newsletter/02/":            http.StatusMovedPermanently,
		"/publications/books/page/1/":             http.StatusMovedPermanently,
		"/publications/books/page/9/":             http.StatusNotFound,
		"/fa/publications/books/water-in-common/": http.StatusNotFound, // the English slug in the Persian edition
		"/publications/books":                     http.StatusMovedPermanently,
	} {
		if res, _ := get(t, path); res.StatusCode != want {
			t.Errorf("%s: status %d; want %d", path, res.StatusCode, want)
		}
	}
	if res, _ := get(t, "/publications/newsletter/02/"); res.Header.Get("Location") != "/publications/newsletter/2/" {
		t.Errorf("02 redirects to %q", res.Header.Get("Location"))
	}
}

// TestDraftPublicationsStayHidden: a draft book and a draft issue are
// neither listed nor served.
func TestDraftPublicationsStayHidden(t *testing.T) {
	ctx := context.Background()
	svc := &publication.Service{Store: site.store}
	b := &publication.Book{Edition: "en", Title: "Unfinished manuscript", Status: publication.Draft}
	if err := svc.SaveBook(ctx, b); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { svc.DeleteBook(ctx, b.ID) })
	if _, body := get(t, "/publications/books/"); strings.Contains(body, "Unfinished manuscript") {
		t.Error("a draft book is listed")
	}
	if res, _ := get(t, "/publications/books/"+b.Slug+"/"); res.StatusCode != http.StatusNotFound {
		t.Errorf("draft book: status %d", res.StatusCode)
	}
	se, err := site.store.SeriesBySlug(ctx, "en", "brief")
	if err != nil {
		t.Fatal(err)
	}
	is := &publication.Issue{SeriesID: se.ID, Number: 77, Title: "Not yet", Date: site.now, Status: publication.Draft}
	if err := svc.SaveIssue(ctx, is); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { svc.DeleteIssue(ctx, is.ID) })
	if res, _ := get(t, "/publications/brief/77/"); res.StatusCode != http.StatusNotFound {
		t.Errorf("draft issue: status %d", res.StatusCode)
	}
	if _, body := get(t, "/publications/brief/"); strings.Contains(body, "Not yet") {
		t.Error("a draft issue is listed")
	}
}

// TestDemoBookPDFDownloads: the PDF a book page links to downloads whole,
// is a valid PDF, and has the page count the page states.
func TestDemoBookPDFDownloads(t *testing.T) {
	_, page := get(t, "/fa/publications/books/"+url.PathEscape("آب-مشترک")+"/")
	m := regexp.MustCompile(`href="(/download/[^"]+)"`).FindStringSubmatch(page)
	if m == nil {
		t.Fatal("no download link on the Persian book page")
	}
	res, body := request(t, "GET", strings.ReplaceAll(m[1], "&amp;", "&"))
	if res.StatusCode != http.StatusOK || res.Header.Get("Content-Type") != "application/pdf" {
		t.Fatalf("download: status %d, type %q", res.StatusCode, res.Header.Get("Content-Type"))
	}
	n, err := media.PDFPages(body)
	if err != nil || n != 4 {
		t.Fatalf("the demo book is %d pages, %v; want a valid 4-page PDF", n, err)
	}
	if !strings.Contains(page, "۴ صفحه") {
		t.Error("the page does not state 4 pages in Persian digits")
	}
}
