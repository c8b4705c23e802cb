package admin_test

import (
	"bytes"
	"context"
	"fmt"
	"net/http"
	"strings"
	"testing"

	"github.com/masthead-news/masthead/internal/media"
	"github.com/masthead-news/masthead/internal/user"
)

// TestLibraryShowsPDFPagesAndDownloads: a PDF uploaded through the library
// shows its page count; after a reader downloads it through /download/,
// the library and the edit screen show the count; a fake PDF is refused
// with the PDF message and nothing is stored.
func TestLibraryShowsPDFPagesAndDownloads(t *testing.T) {
	s := newSite(t)
	c := s.login(t, user.Editor)
	pdf, err := media.PDFOfImages(distinctPNG(1, 60, 80), distinctPNG(2, 60, 80))
	if err != nil {
		t.Fatal(err)
	}
	before := s.count(t)
	res, body := libraryUpload(t, s, c, nil, file{"fake.pdf", []byte("%PDF-1.7\nnot really\n")})
	if res.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(body, "the PDF is damaged") {
		t.Fatalf("fake PDF: status %d; the page does not say the PDF is damaged", res.StatusCode)
	}
	if s.count(t) != before {
		t.Fatal("a refused PDF was stored")
	}
	if res, _ := libraryUpload(t, s, c, nil, file{"report.pdf", pdf}); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("upload: status %d", res.StatusCode)
	}
	m := s.mediaNamed(t, "report.pdf")
	_, body = s.get(t, c, "/admin/media/")
	if !strings.Contains(body, "2 pages") || !strings.Contains(body, "Not downloaded yet") {
		t.Fatalf("library lacks the page count or the download count")
	}
	req, _ := http.NewRequest("GET", s.server.URL+m.DownloadURL(), nil)
	req.Header.Set("User-Agent", "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0 Safari/537.36")
	dl, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	var got bytes.Buffer
	got.ReadFrom(dl.Body)
	dl.Body.Close()
	if dl.StatusCode != http.StatusOK || !bytes.Equal(got.Bytes(), pdf) {
		t.Fatalf("download: status %d, %d bytes", dl.StatusCode, got.Len())
	}
	_, body = s.get(t, c, "/admin/media/")
	if !strings.Contains(body, "1 download") {
		t.Error("library does not show 1 download")
	}
	_, body = s.get(t, c, fmt.Sprintf("/admin/media/%d/", m.ID))
	if !strings.Contains(body, "1 download") || !strings.Contains(body, m.DownloadURL()) {
		t.Error("edit screen lacks the download count or link")
	}
	if n, _ := s.store.DownloadCounts(context.Background(), []int64{m.ID}); n[m.ID] != 1 {
		t.Errorf("stored count %d", n[m.ID])
	}
}
