package web_test

import (
	"bytes"
	"context"
	"errors"
	"image"
	"image/color"
	"image/png"
	"io"
	"io/fs"
	"log/slog"
	"math/rand/v2"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/masthead-news/masthead/internal/edition"
	"github.com/masthead-news/masthead/internal/media"
	"github.com/masthead-news/masthead/internal/media/s3blob"
	"github.com/masthead-news/masthead/internal/media/s3blob/s3test"
	"github.com/masthead-news/masthead/internal/store/sqlite"
	"github.com/masthead-news/masthead/internal/web"
)

// TestUploadsFromS3: with media in an S3 bucket (a real S3 protocol server
// on loopback), an image uploaded through media.Service gets its variants
// made by the worker and stored in the bucket, /uploads/ serves the
// original and the variants, a Range request on a document (through
// /uploads/ and /download/) is answered
// from a ranged GET, deleting removes every object, and with presign= the
// site answers with a redirect to a URL the bucket honours.
func TestUploadsFromS3(t *testing.T) {
	ctx := context.Background()
	srv := s3test.Start(t)
	cfg, err := s3blob.ParseURL(srv.MediaURL(), func(k string) string {
		return map[string]string{"MASTHEAD_S3_ACCESS_KEY": srv.AccessKey, "MASTHEAD_S3_SECRET_KEY": srv.SecretKey}[k]
	})
	if err != nil {
		t.Fatal(err)
	}
	blob, err := s3blob.New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	st, err := sqlite.Open(filepath.Join(dir, "site.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if _, err := st.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	if err := st.SaveEdition(ctx, &edition.Edition{Code: "en", Name: "English", Lang: "en", Dir: "ltr", Calendar: "gregorian", Digits: "latn",
		TimeZone: "UTC", IsDefault: true, Settings: edition.Settings{SiteName: "Bucket Daily", ListingMode: "excerpt", PerPage: 10, CopyrightYear: 2024}}); err != nil {
		t.Fatal(err)
	}
	logger := slog.New(slog.NewTextHandler(io.Discard, nil))
	msvc := &media.Service{Store: st, Blob: blob}

	img := image.NewRGBA(image.Rect(0, 0, 900, 500))
	for y := range 500 {
		for x := range 900 {
			img.Set(x, y, color.RGBA{uint8(x / 4), uint8(y / 2), 90, 255})
		}
	}
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		t.Fatal(err)
	}
	pic, err := msvc.Add(ctx, &buf, media.Upload{Filename: "harbour.png", Alt: "The harbour"})
	if err != nil {
		t.Fatal(err)
	}
	noise := image.NewRGBA(image.Rect(0, 0, 300, 300))
	rng := rand.New(rand.NewPCG(3, 4))
	for i := range noise.Pix {
		noise.Pix[i] = byte(rng.Uint32()) | 3
	}
	var nbuf bytes.Buffer
	if err := png.Encode(&nbuf, noise); err != nil {
		t.Fatal(err)
	}
	doc, err := media.PDFOfImages(nbuf.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	if len(doc) < 200_100 {
		t.Fatalf("the test PDF is only %d bytes", len(doc))
	}
	pdf, err := msvc.Add(ctx, bytes.NewReader(doc), media.Upload{Filename: "annual-report.pdf", Title: "Annual report"})
	if err != nil {
		t.Fatal(err)
	}
	if did, err := (&media.Worker{Logger: logger, Service: msvc}).RunOnce(ctx); !did || err != nil {
		t.Fatalf("variant worker: %v %v", did, err)
	}
	pic, err = st.MediaByID(ctx, pic.ID)
	if err != nil {
		t.Fatal(err)
	}
	variants := pic.Variants()
	if len(variants) == 0 {
		t.Fatal("no variants were recorded")
	}

	site, err := web.New(ctx, web.Deps{Content: st, Media: st, Blob: blob, Editions: st, Ready: st.Ping, Logger: logger})
	if err != nil {
		t.Fatal(err)
	}
	get := func(h http.Handler, path, rangeHdr string) *http.Response {
		req := httptest.NewRequest("GET", path, nil)
		if rangeHdr != "" {
			req.Header.Set("Range", rangeHdr)
		}
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		return rec.Result()
	}

	res := get(site, pic.URL(), "")
	body, _ := io.ReadAll(res.Body)
	if res.StatusCode != 200 || res.Header.Get("Content-Type") != "image/png" || int64(len(body)) != pic.Size {
		t.Fatalf("original: %d %s, %d bytes (want %d)", res.StatusCode, res.Header.Get("Content-Type"), len(body), pic.Size)
	}
	for _, v := range variants {
		res := get(site, v.URL(), "")
		body, _ := io.ReadAll(res.Body)
		if res.StatusCode != 200 || res.Header.Get("Content-Type") != v.MIME() || len(body) == 0 {
			t.Errorf("variant %s: %d %s, %d bytes", v.Path, res.StatusCode, res.Header.Get("Content-Type"), len(body))
		}
		if _, _, err := image.Decode(bytes.NewReader(body)); err != nil && v.Format != "webp" {
			t.Errorf("variant %s does not decode: %v", v.Path, err)
		}
	}

	size := strconv.Itoa(len(doc))
	for _, path := range []string{pdf.URL(), pdf.DownloadURL()} {
		before := srv.Requests()
		res = get(site, path, "bytes=200000-200099")
		body, _ = io.ReadAll(res.Body)
		if res.StatusCode != http.StatusPartialContent || res.Header.Get("Content-Range") != "bytes 200000-200099/"+size ||
			!bytes.Equal(body, doc[200000:200100]) {
			t.Fatalf("Range on %s: %d %q, body equal %v", path, res.StatusCode, res.Header.Get("Content-Range"), bytes.Equal(body, doc[200000:200100]))
		}
		if n := srv.Requests() - before; srv.Requests() > 0 && n != 2 {
			t.Errorf("a Range request on %s cost %d requests to the bucket, want 2 (HEAD and one ranged GET)", path, n)
		}
	}
	if res := get(site, "/uploads/2026/01/missing-00000000.pdf", ""); res.StatusCode != 404 {
		t.Errorf("a missing upload answered %d", res.StatusCode)
	}

	// Presigned mode: the site redirects, the bucket serves.
	pcfg := cfg
	pcfg.PresignTTL = 600e9
	pblob, err := s3blob.New(pcfg)
	if err != nil {
		t.Fatal(err)
	}
	psite, err := web.New(ctx, web.Deps{Content: st, Media: st, Blob: pblob, Editions: st, Ready: st.Ping, Logger: logger})
	if err != nil {
		t.Fatal(err)
	}
	res = get(psite, pdf.URL(), "")
	loc := res.Header.Get("Location")
	if res.StatusCode != http.StatusFound || !strings.HasPrefix(loc, srv.Endpoint) || res.Header.Get("Cache-Control") != "public, max-age=300" {
		t.Fatalf("presign mode: %d Location %q Cache-Control %q", res.StatusCode, loc, res.Header.Get("Cache-Control"))
	}
	req, _ := http.NewRequest("GET", loc, nil)
	req.Header.Set("Range", "bytes=0-4")
	direct, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	body, _ = io.ReadAll(direct.Body)
	direct.Body.Close()
	if direct.StatusCode != http.StatusPartialContent || string(body) != "%PDF-" || direct.Header.Get("Content-Type") != "application/pdf" {
		t.Fatalf("following the presigned URL: %d %q %q", direct.StatusCode, direct.Header.Get("Content-Type"), body)
	}

	// Deleting the image removes the original and every variant from the bucket.
	if _, err := msvc.Delete(ctx, pic.ID); err != nil {
		t.Fatal(err)
	}
	for _, key := range append([]string{pic.Path}, func() (ks []string) {
		for _, v := range variants {
			ks = append(ks, v.Path)
		}
		return
	}()...) {
		if _, err := blob.Open(ctx, key); !errors.Is(err, fs.ErrNotExist) {
			t.Errorf("%s is still in the bucket after the delete (%v)", key, err)
		}
	}
}
