// Package blobtest is the contract every media.Blob must keep: the local
// folder and the S3 bucket run the same cases, so uploads, variants and
// Range downloads behave the same on both. Test helper only.
package blobtest

import (
	"bytes"
	"context"
	"errors"
	"io"
	"io/fs"
	"math/rand/v2"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/masthead-news/masthead/internal/media"
)

// Run runs the contract against blobs made by newBlob (a fresh, empty one
// per call).
func Run(t *testing.T, newBlob func(t *testing.T) media.Blob) {
	ctx := context.Background()
	data := make([]byte, 300_000)
	rng := rand.New(rand.NewPCG(1, 2))
	for i := range data {
		data[i] = byte(rng.Uint32())
	}

	t.Run("PutOpenReadsBack", func(t *testing.T) {
		b := newBlob(t)
		if err := b.Put(ctx, "2026/11/river-3f2a1b2c.jpg", bytes.NewReader(data)); err != nil {
			t.Fatal(err)
		}
		got := readAll(t, b, "2026/11/river-3f2a1b2c.jpg")
		if !bytes.Equal(got, data) {
			t.Fatalf("read back %d bytes, want the %d written", len(got), len(data))
		}
	})

	t.Run("SizeBySeekingToTheEnd", func(t *testing.T) {
		b := newBlob(t)
		put(t, b, "a/size.pdf", data[:12345])
		f, err := b.Open(ctx, "a/size.pdf")
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		n, err := f.Seek(0, io.SeekEnd)
		if err != nil || n != 12345 {
			t.Fatalf("Seek(0, end) = %d, %v; want 12345", n, err)
		}
	})

	t.Run("SeekAndReadRanges", func(t *testing.T) {
		b := newBlob(t)
		put(t, b, "a/range.mp4", data)
		f, err := b.Open(ctx, "a/range.mp4")
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		for _, r := range [][2]int64{{1000, 50}, {0, 10}, {299_990, 10}, {150_000, 70_000}, {7, 1}} {
			if _, err := f.Seek(r[0], io.SeekStart); err != nil {
				t.Fatal(err)
			}
			buf := make([]byte, r[1])
			if _, err := io.ReadFull(f, buf); err != nil {
				t.Fatalf("reading %d bytes at %d: %v", r[1], r[0], err)
			}
			if !bytes.Equal(buf, data[r[0]:r[0]+r[1]]) {
				t.Fatalf("bytes at %d+%d differ", r[0], r[1])
			}
		}
		if _, err := f.Seek(int64(len(data)), io.SeekStart); err != nil {
			t.Fatal(err)
		}
		if n, err := f.Read(make([]byte, 10)); n != 0 || err != io.EOF {
			t.Fatalf("read at the end = %d, %v; want 0, EOF", n, err)
		}
	})

	t.Run("ServeContentRange", func(t *testing.T) {
		b := newBlob(t)
		put(t, b, "v/clip.webm", data)
		f, err := b.Open(ctx, "v/clip.webm")
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		req := httptest.NewRequest("GET", "/uploads/v/clip.webm", nil)
		req.Header.Set("Range", "bytes=100000-100099")
		rec := httptest.NewRecorder()
		http.ServeContent(rec, req, "", time.Unix(1_700_000_000, 0), f)
		if rec.Code != http.StatusPartialContent || rec.Header().Get("Content-Range") != "bytes 100000-100099/300000" {
			t.Fatalf("status %d, Content-Range %q", rec.Code, rec.Header().Get("Content-Range"))
		}
		if !bytes.Equal(rec.Body.Bytes(), data[100000:100100]) {
			t.Fatal("the ranged body differs from the stored bytes")
		}
	})

	t.Run("OverwriteReplacesWhole", func(t *testing.T) {
		b := newBlob(t)
		put(t, b, "a/x.png", data)
		put(t, b, "a/x.png", []byte("short"))
		if got := readAll(t, b, "a/x.png"); string(got) != "short" {
			t.Fatalf("after overwrite read %d bytes, want \"short\"", len(got))
		}
	})

	t.Run("StreamOfUnknownLength", func(t *testing.T) {
		// An io.Pipe has no length: the blob must stream it (S3 in parts),
		// and large enough to need more than one part.
		b := newBlob(t)
		big := bytes.Repeat(data[:1<<16], 17<<4) // 17 MiB
		pr, pw := io.Pipe()
		go func() { _, err := pw.Write(big); pw.CloseWithError(err) }()
		if err := b.Put(ctx, "big/stream.mp4", struct{ io.Reader }{pr}); err != nil {
			t.Fatal(err)
		}
		if got := readAll(t, b, "big/stream.mp4"); !bytes.Equal(got, big) {
			t.Fatalf("read back %d bytes, want %d", len(got), len(big))
		}
	})

	t.Run("MissingIsNotExist", func(t *testing.T) {
		b := newBlob(t)
		if _, err := b.Open(ctx, "no/such.jpg"); !errors.Is(err, fs.ErrNotExist) {
			t.Fatalf("Open(missing) = %v, want fs.ErrNotExist", err)
		}
	})

	t.Run("DeleteThenMissing", func(t *testing.T) {
		b := newBlob(t)
		put(t, b, "d/gone.gif", data[:100])
		if err := b.Delete(ctx, "d/gone.gif"); err != nil {
			t.Fatal(err)
		}
		if _, err := b.Open(ctx, "d/gone.gif"); !errors.Is(err, fs.ErrNotExist) {
			t.Fatalf("Open after Delete = %v, want fs.ErrNotExist", err)
		}
		if err := b.Delete(ctx, "d/gone.gif"); err != nil {
			t.Fatalf("deleting a missing key: %v", err)
		}
	})

	t.Run("BadKeysRefused", func(t *testing.T) {
		b := newBlob(t)
		for _, k := range []string{"", "/", "../escape.jpg", "a/../../b.jpg"} {
			if err := b.Put(ctx, k, bytes.NewReader([]byte("x"))); err == nil {
				t.Errorf("Put(%q) was accepted", k)
			}
			if _, err := b.Open(ctx, k); err == nil {
				t.Errorf("Open(%q) was accepted", k)
			}
		}
	})
}

func put(t *testing.T, b media.Blob, key string, data []byte) {
	t.Helper()
	if err := b.Put(context.Background(), key, bytes.NewReader(data)); err != nil {
		t.Fatalf("Put(%s): %v", key, err)
	}
}

func readAll(t *testing.T, b media.Blob, key string) []byte {
	t.Helper()
	f, err := b.Open(context.Background(), key)
	if err != nil {
		t.Fatalf("Open(%s): %v", key, err)
	}
	defer f.Close()
	got, err := io.ReadAll(f)
	if err != nil {
		t.Fatalf("reading %s: %v", key, err)
	}
	return got
}
