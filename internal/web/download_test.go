package web_test

import (
	"bytes"
	"context"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"io"
	"mime"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strconv"
	"strings"
	"testing"

	"github.com/masthead-news/masthead/internal/media"
)

// storedPDF adds a three-page PDF titled title to the demo site's library.
func storedPDF(t *testing.T, title string) (*media.Media, []byte) {
	t.Helper()
	var pages [][]byte
	for i := 0; i < 3; i++ {
		img := image.NewRGBA(image.Rect(0, 0, 300, 420))
		for y := 0; y < 420; y++ {
			for x := 0; x < 300; x++ {
				img.Set(x, y, color.RGBA{uint8(x + i*40), uint8(y), uint8(len(title) * 7), 255})
			}
		}
		var buf bytes.Buffer
		if err := png.Encode(&buf, img); err != nil {
			t.Fatal(err)
		}
		pages = append(pages, buf.Bytes())
	}
	pdf, err := media.PDFOfImages(pages...)
	if err != nil {
		t.Fatal(err)
	}
	m, err := site.media.Add(context.Background(), bytes.NewReader(pdf), media.Upload{Filename: "test.pdf", Title: title})
	if err != nil {
		t.Fatal(err)
	}
	return m, pdf
}

func request(t *testing.T, method, path string, header ...string) (*http.Response, []byte) {
	t.Helper()
	req := httptest.NewRequest(method, path, nil)
	req.Header.Set("User-Agent", browserUA)
	for i := 0; i+1 < len(header); i += 2 {
		req.Header.Set(header[i], header[i+1])
	}
	rec := httptest.NewRecorder()
	site.handler.ServeHTTP(rec, req)
	res := rec.Result()
	body, _ := io.ReadAll(res.Body)
	return res, body
}

func downloads(t *testing.T, id int64) int64 {
	t.Helper()
	counts, err := site.store.DownloadCounts(context.Background(), []int64{id})
	if err != nil {
		t.Fatal(err)
	}
	return counts[id]
}

// TestDownloadInTwoRanges fetches a PDF in two Range requests, as a
// resuming download does, and gets exactly the original bytes; the
// download counts once.
func TestDownloadInTwoRanges(t *testing.T) {
	m, pdf := storedPDF(t, "Two halves")
	gen := site.store.Generation()
	half := len(pdf) / 2
	res, first := request(t, "GET", m.DownloadURL(), "Range", fmt.Sprintf("bytes=0-%d", half-1))
	if res.StatusCode != http.StatusPartialContent {
		t.Fatalf("first range: status %d", res.StatusCode)
	}
	if got, want := res.Header.Get("Content-Range"), fmt.Sprintf("bytes 0-%d/%d", half-1, len(pdf)); got != want {
		t.Errorf("Content-Range = %q; want %q", got, want)
	}
	etag := res.Header.Get("ETag")
	res, rest := request(t, "GET", m.DownloadURL(), "Range", fmt.Sprintf("bytes=%d-", half), "If-Range", etag)
	if res.StatusCode != http.StatusPartialContent {
		t.Fatalf("second range: status %d", res.StatusCode)
	}
	if got := append(first, rest...); !bytes.Equal(got, pdf) {
		t.Fatalf("the two ranges give %d bytes that differ from the %d-byte original", len(got), len(pdf))
	}
	if res.Header.Get("Content-Type") != "application/pdf" {
		t.Errorf("Content-Type = %q", res.Header.Get("Content-Type"))
	}
	if n := downloads(t, m.ID); n != 1 {
		t.Errorf("downloads = %d after one download in two parts; want 1", n)
	}
	if site.store.Generation() != gen {
		t.Error("counting a download changed the store generation (it would empty the page cache)")
	}
}

func TestDownloadHeadersAndCount(t *testing.T) {
	title := "گزارش «آب» ۱۴۰۴"
	m, pdf := storedPDF(t, title)
	res, body := request(t, "GET", m.DownloadURL())
	if res.StatusCode != http.StatusOK || !bytes.Equal(body, pdf) {
		t.Fatalf("full download: status %d, %d bytes (want %d)", res.StatusCode, len(body), len(pdf))
	}
	disp, params, err := mime.ParseMediaType(res.Header.Get("Content-Disposition"))
	if err != nil || disp != "attachment" || params["filename"] != title+".pdf" {
		t.Errorf("Content-Disposition %q parses as %q %q, %v; want attachment with the Persian title", res.Header.Get("Content-Disposition"), disp, params, err)
	}
	if !strings.Contains(res.Header.Get("Content-Disposition"), `filename="`) {
		t.Errorf("no ASCII filename fallback in %q", res.Header.Get("Content-Disposition"))
	}
	if res.Header.Get("ETag") == "" || res.Header.Get("Last-Modified") == "" || res.Header.Get("Accept-Ranges") != "bytes" {
		t.Errorf("headers: ETag %q, Last-Modified %q, Accept-Ranges %q", res.Header.Get("ETag"), res.Header.Get("Last-Modified"), res.Header.Get("Accept-Ranges"))
	}
	if n := downloads(t, m.ID); n != 1 {
		t.Fatalf("downloads = %d; want 1", n)
	}

	// HEAD: the headers without the body, and no count.
	head, hb := request(t, "HEAD", m.DownloadURL())
	if head.StatusCode != http.StatusOK || len(hb) != 0 || head.Header.Get("Content-Length") != strconv.Itoa(len(pdf)) {
		t.Errorf("HEAD: status %d, body %d bytes, Content-Length %q", head.StatusCode, len(hb), head.Header.Get("Content-Length"))
	}
	// Conditional requests: 304 and no count.
	res, _ = request(t, "GET", m.DownloadURL(), "If-None-Match", res.Header.Get("ETag"))
	if res.StatusCode != http.StatusNotModified {
		t.Errorf("If-None-Match: status %d; want 304", res.StatusCode)
	}
	res, _ = request(t, "GET", m.DownloadURL(), "If-Modified-Since", head.Header.Get("Last-Modified"))
	if res.StatusCode != http.StatusNotModified {
		t.Errorf("If-Modified-Since: status %d; want 304", res.StatusCode)
	}
	// A resumed download (range not from 0) is not a new one.
	if res, _ = request(t, "GET", m.DownloadURL(), "Range", "bytes=100-"); res.StatusCode != http.StatusPartialContent {
		t.Errorf("resume: status %d", res.StatusCode)
	}
	if n := downloads(t, m.ID); n != 1 {
		t.Errorf("downloads = %d after HEAD, 304s and a resume; want still 1", n)
	}
	request(t, "GET", m.DownloadURL())
	if n := downloads(t, m.ID); n != 2 {
		t.Errorf("downloads = %d after a second download; want 2", n)
	}
	request(t, "GET", m.DownloadURL(), "User-Agent", "Googlebot/2.1 (+http://www.google.com/bot.html)")
	if n := downloads(t, m.ID); n != 2 {
		t.Errorf("downloads = %d after a crawler's fetch; want still 2", n)
	}
}

func TestDownloadBadRanges(t *testing.T) {
	m, pdf := storedPDF(t, "Bad ranges")
	for _, rng := range []string{
		fmt.Sprintf("bytes=%d-", len(pdf)), // starts past the end
		fmt.Sprintf("bytes=%d-%d", len(pdf)+5, len(pdf)+10),
		"bytes=20-10", // backwards
		"bytes=abc",   // malformed
		"bytes=-0",    // an empty suffix
		"items=0-10",  // another unit
		"bytes=0-1,x", // one bad part
	} {
		res, _ := request(t, "GET", m.DownloadURL(), "Range", rng)
		if res.StatusCode != http.StatusRequestedRangeNotSatisfiable {
			t.Errorf("Range %q: status %d; want 416", rng, res.StatusCode)
			continue
		}
		if got, want := res.Header.Get("Content-Range"), fmt.Sprintf("bytes */%d", len(pdf)); got != want {
			t.Errorf("Range %q: Content-Range %q; want %q", rng, got, want)
		}
	}
	if n := downloads(t, m.ID); n != 0 {
		t.Errorf("refused ranges counted %d downloads", n)
	}
}

func TestDownloadWrongNameRedirects(t *testing.T) {
	m, _ := storedPDF(t, "Renamed report")
	res, _ := request(t, "GET", fmt.Sprintf("/download/%d/old-name.pdf?x=1", m.ID))
	if res.StatusCode != http.StatusMovedPermanently || res.Header.Get("Location") != m.DownloadURL()+"?x=1" {
		t.Errorf("wrong name: status %d, Location %q; want 301 to %q", res.StatusCode, res.Header.Get("Location"), m.DownloadURL())
	}
	for _, p := range []string{"/download/0/x.pdf", "/download/abc/x.pdf", "/download/99999999/x.pdf", "/fa/download/" + strconv.FormatInt(m.ID, 10) + "/" + url.PathEscape(m.DownloadName())} {
		if res, _ := request(t, "GET", p); res.StatusCode != http.StatusNotFound {
			t.Errorf("%s: status %d; want 404", p, res.StatusCode)
		}
	}
}
