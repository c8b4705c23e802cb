package media_test

import (
	"bytes"
	"context"
	"encoding/binary"
	"errors"
	"hash/crc32"
	"image"
	"image/color"
	"image/png"
	"strings"
	"testing"

	"github.com/masthead-news/masthead/internal/media"
)

// pagePNG draws a small page picture.
func pagePNG(t *testing.T, shade uint8) []byte {
	t.Helper()
	img := image.NewRGBA(image.Rect(0, 0, 120, 170))
	for y := 0; y < 170; y++ {
		for x := 0; x < 120; x++ {
			img.Set(x, y, color.RGBA{shade, uint8(x), uint8(y), 255})
		}
	}
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestPDFPagesCountsAndRefuses(t *testing.T) {
	pdf, err := media.PDFOfImages(pagePNG(t, 10), pagePNG(t, 90), pagePNG(t, 200))
	if err != nil {
		t.Fatal(err)
	}
	n, err := media.PDFPages(pdf)
	if err != nil || n != 3 {
		t.Fatalf("PDFPages = %d, %v; want 3 pages", n, err)
	}
	bad := map[string][]byte{
		"not a PDF":       []byte("GIF89a this is no document"),
		"only the header": []byte("%PDF-1.7\n%%EOF\n"),
		"cut in half":     pdf[:len(pdf)/2],
		"garbled xref":    bytes.Replace(pdf, []byte("xref"), []byte("xxxx"), -1),
		"text pretending": []byte("%PDF-1.4\nHello, I am plain text pretending to be a document.\n"),
		"object soup":     []byte("%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 9 0 R >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"),
	}
	for name, data := range bad {
		if n, err := media.PDFPages(data); !errors.Is(err, media.ErrBadPDF) {
			t.Errorf("%s: PDFPages = %d, %v; want ErrBadPDF", name, n, err)
		}
	}
}

// TestAddRefusesBadPDFAndStoresNothing: a damaged PDF upload is refused
// with a clear message and leaves neither a record nor a file; a good one
// is stored with its page count.
func TestAddRefusesBadPDFAndStoresNothing(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	pdf, err := media.PDFOfImages(pagePNG(t, 1), pagePNG(t, 2))
	if err != nil {
		t.Fatal(err)
	}
	for name, data := range map[string][]byte{"damaged": pdf[:len(pdf)-200], "fake": []byte("%PDF-1.4 nothing else")} {
		_, err = f.svc.Add(ctx, bytes.NewReader(data), media.Upload{Filename: name + ".pdf"})
		if !errors.Is(err, media.ErrBadPDF) || !strings.Contains(err.Error(), "PDF is damaged") {
			t.Fatalf("%s PDF: err = %v; want a message about the PDF", name, err)
		}
	}
	if n, _ := f.store.CountMedia(ctx, media.Filter{}); n != 0 || len(f.blob.puts) != 0 {
		t.Fatalf("refused PDFs left %d records and %d files", n, len(f.blob.puts))
	}
	m, err := f.svc.Add(ctx, bytes.NewReader(pdf), media.Upload{Filename: "report.pdf", Title: "گزارش سالانه"})
	if err != nil {
		t.Fatal(err)
	}
	if m.Kind != "document" || m.MIME != "application/pdf" || m.Pages != 2 {
		t.Fatalf("stored %+v; want a 2-page PDF document", m)
	}
	again, err := f.store.MediaByID(ctx, m.ID)
	if err != nil || again.Pages != 2 {
		t.Fatalf("reloaded: %+v, %v; want 2 pages", again, err)
	}
	if got := m.DownloadName(); got != "گزارش سالانه.pdf" {
		t.Errorf("DownloadName = %q", got)
	}
	if got := m.DownloadURL(); !strings.HasPrefix(got, "/download/") || !strings.HasSuffix(got, "/%DA%AF%D8%B2%D8%A7%D8%B1%D8%B4%20%D8%B3%D8%A7%D9%84%D8%A7%D9%86%D9%87.pdf") {
		t.Errorf("DownloadURL = %q", got)
	}
}

// TestAddRefusesDecompressionBomb: a tiny PNG that claims 20000×20000
// pixels is refused from its header, before any pixel is decoded, and
// nothing is stored.
func TestAddRefusesDecompressionBomb(t *testing.T) {
	f := newFixture(t)
	small := encoded(t, "png", picture(4, 4, 1))
	// Rewrite the IHDR chunk's width and height and its checksum.
	bomb := append([]byte(nil), small...)
	binary.BigEndian.PutUint32(bomb[16:], 20000)
	binary.BigEndian.PutUint32(bomb[20:], 20000)
	binary.BigEndian.PutUint32(bomb[29:], crc32.ChecksumIEEE(bomb[12:29]))
	_, err := f.svc.Add(context.Background(), bytes.NewReader(bomb), media.Upload{Filename: "bomb.png"})
	if err == nil || !strings.Contains(err.Error(), "too large") {
		t.Fatalf("bomb: err = %v; want the pixel limit", err)
	}
	if n, _ := f.store.CountMedia(context.Background(), media.Filter{}); n != 0 || len(f.blob.puts) != 0 {
		t.Fatalf("a refused bomb left %d records and %d files", n, len(f.blob.puts))
	}
}

func TestDownloadNameIsSafe(t *testing.T) {
	for _, tc := range []struct{ title, file, mime, want string }{
		{"", "Annual Report 2025.PDF", "application/pdf", "Annual Report 2025.pdf"},
		{"a/b\\c: \"d\"\n", "x.pdf", "application/pdf", "a-b-c- -d.pdf"},
		{"  ", "", "video/mp4", "file.mp4"},
		{"التقرير السنوي", "r.pdf", "application/pdf", "التقرير السنوي.pdf"},
	} {
		m := &media.Media{Title: tc.title, Filename: tc.file, MIME: tc.mime}
		if got := m.DownloadName(); got != tc.want {
			t.Errorf("DownloadName(%q, %q) = %q; want %q", tc.title, tc.file, got, tc.want)
		}
	}
}
