// Package media owns uploaded files: their records (type, size, dimensions,
// alt text, caption, credit) and their bytes, which live behind the Blob
// interface. It checks what a file really is from its content, never from its
// name. It knows nothing of SQL or HTTP.
package media

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"image"
	_ "image/gif" // register decoders for DecodeConfig
	_ "image/jpeg"
	_ "image/png"

	_ "golang.org/x/image/webp" // WebP decoding for uploads
	"io"
	"net/http"
	"path"
	"strings"
	"sync"
	"time"
)

// Media is one stored file.
type Media struct {
	ID       int64
	Kind     string // "image", "video", "audio", "document"
	Path     string // storage key under /uploads/, e.g. "2026/11/river-cleanup-3f2a.jpg"
	Filename string // the original file name, shown in downloads
	MIME     string
	Size     int64
	Width    int
	Height   int
	// Pages is a PDF's page count (0 for other kinds).
	Pages     int
	Title     string
	Alt       string
	Caption   string
	Credit    string
	SHA256    string
	CreatedAt time.Time
	// Duration is the playing time of a video, read from its container.
	Duration time.Duration
	// UploadedBy is the account that added the file (0 when unknown):
	// authors may change and delete only their own uploads.
	UploadedBy int64
	// VariantList summarizes the finished responsive copies (see
	// Variants in variants.go); empty until the background worker has
	// made them. A string keeps Media comparable.
	VariantList string
}

// URL is the public path of the file.
func (m *Media) URL() string { return "/uploads/" + m.Path }

// Store persists media records.
type Store interface {
	CreateMedia(ctx context.Context, m *Media) error
	MediaByID(ctx context.Context, id int64) (*Media, error)
	MediaByPath(ctx context.Context, p string) (*Media, error)
	LibraryStore  // library.go
	VariantStore  // variants.go
	DownloadStore // download.go
}

// Blob keeps the bytes of media files.
type Blob interface {
	Put(ctx context.Context, key string, r io.Reader) error
	Open(ctx context.Context, key string) (io.ReadSeekCloser, error)
	Delete(ctx context.Context, key string) error
}

// MaxPixels bounds an image's width × height (a decompression bomb is a
// small file that decodes to gigabytes).
const MaxPixels = 40_000_000

// ErrUnsupported is returned for a file whose content is not an accepted type.
var ErrUnsupported = errors.New("unsupported file type")

// TooLargeError refuses a file above the size limit.
type TooLargeError struct{ Limit int64 }

func (e *TooLargeError) Error() string {
	return fmt.Sprintf("file is larger than the %d MB limit", e.Limit>>20)
}

// accepted maps sniffed content types to media kinds.
var accepted = map[string]string{
	"image/jpeg":      "image",
	"image/png":       "image",
	"image/gif":       "image",
	"image/webp":      "image",
	"application/pdf": "document",
	"video/mp4":       "video",
	"video/webm":      "video",
	"audio/mpeg":      "audio",
	"audio/ogg":       "audio",
	"audio/wave":      "audio",
}

// Service stores uploads.
type Service struct {
	Store   Store
	Blob    Blob
	MaxSize int64 // bytes per file; 0 means 64 MB
	Now     func() time.Time

	wakeOnce sync.Once
	wakeCh   chan struct{} // tells a waiting variant worker that a job was queued
}

// Upload describes a file being added.
type Upload struct {
	Filename string
	Title    string
	Alt      string
	Caption  string
	Credit   string
	// UploadedBy is the uploading account's id.
	UploadedBy int64
	// Expect, when set, is the kind the file must be ("video" for a video
	// field); anything else is refused with a clear message.
	Expect string
}

// Add reads a file, checks its real type and size, stores its bytes and
// records it. Nothing is kept when any step fails.
func (s *Service) Add(ctx context.Context, r io.Reader, up Upload) (*Media, error) {
	max := s.MaxSize
	if max <= 0 {
		max = 64 << 20
	}
	data, err := io.ReadAll(io.LimitReader(r, max+1))
	if err != nil {
		return nil, fmt.Errorf("reading upload: %w", err)
	}
	if int64(len(data)) > max {
		return nil, &TooLargeError{Limit: max}
	}
	mime := http.DetectContentType(data)
	if i := strings.IndexByte(mime, ';'); i >= 0 {
		mime = mime[:i]
	}
	kind, ok := accepted[mime]
	if up.Expect == "video" && kind != "video" {
		return nil, ErrNotVideo
	}
	if !ok {
		return nil, fmt.Errorf("%w: %s", ErrUnsupported, mime)
	}
	if up.Expect != "" && kind != up.Expect {
		return nil, fmt.Errorf("%w: expected a %s file, got %s", ErrUnsupported, up.Expect, mime)
	}
	m := &Media{Kind: kind, MIME: mime, Size: int64(len(data)), Filename: path.Base(up.Filename),
		Title: up.Title, Alt: up.Alt, Caption: up.Caption, Credit: up.Credit, CreatedAt: s.now(), UploadedBy: up.UploadedBy}
	if kind == "image" {
		// Read the size first so a decompression bomb is refused before any
		// pixel is decoded, then decode it all to be sure it is whole.
		cfg, _, err := image.DecodeConfig(bytes.NewReader(data))
		if err != nil {
			return nil, fmt.Errorf("the image is damaged or not what it claims to be: %v", err)
		}
		if cfg.Width <= 0 || cfg.Height <= 0 || cfg.Width*cfg.Height > MaxPixels {
			return nil, fmt.Errorf("the image is too large (%d×%d pixels; the limit is %d megapixels)", cfg.Width, cfg.Height, MaxPixels/1_000_000)
		}
		if _, _, err := image.Decode(bytes.NewReader(data)); err != nil {
			return nil, fmt.Errorf("the image is damaged: %v", err)
		}
		m.Width, m.Height = cfg.Width, cfg.Height
		if data, err = StripMetadata(mime, data); err != nil {
			return nil, fmt.Errorf("the image is damaged: %v", err)
		}
		m.Size = int64(len(data))
	}
	if mime == "application/pdf" {
		if m.Pages, err = PDFPages(data); err != nil {
			return nil, err
		}
	}
	if kind == "video" {
		if m.Duration, err = VideoDuration(mime, data); err != nil {
			return nil, err
		}
	}
	sum := sha256.Sum256(data)
	m.SHA256 = hex.EncodeToString(sum[:])
	m.Path = fmt.Sprintf("%s/%s-%s%s", m.CreatedAt.UTC().Format("2006/01"), safeBase(up.Filename), m.SHA256[:8], extFor(mime))
	// The same file under the same name in the same month has the same
	// key: it is already in the library, and storing it again would
	// overwrite (and, when the record is refused, delete) the first copy.
	if old, err := s.Store.MediaByPath(ctx, m.Path); err == nil && old.SHA256 == m.SHA256 {
		return old, nil
	}
	if err := s.Blob.Put(ctx, m.Path, bytes.NewReader(data)); err != nil {
		return nil, fmt.Errorf("storing file: %w", err)
	}
	// The record and its variant job commit together: an image is never
	// left without the job that makes its variants.
	err = s.Store.WithinTx(ctx, func(ctx context.Context) error {
		if err := s.Store.CreateMedia(ctx, m); err != nil {
			return err
		}
		if NeedsVariants(m) {
			return s.Store.QueueVariants(ctx, m.ID, m.CreatedAt)
		}
		return nil
	})
	if err != nil {
		_ = s.Blob.Delete(ctx, m.Path)
		return nil, err
	}
	if NeedsVariants(m) {
		s.wake()
	}
	return m, nil
}

func (s *Service) now() time.Time {
	if s.Now != nil {
		return s.Now()
	}
	return time.Now()
}

func extFor(mime string) string {
	switch mime {
	case "image/jpeg":
		return ".jpg"
	case "image/png":
		return ".png"
	case "image/gif":
		return ".gif"
	case "image/webp":
		return ".webp"
	case "application/pdf":
		return ".pdf"
	case "video/mp4":
		return ".mp4"
	case "video/webm":
		return ".webm"
	case "audio/mpeg":
		return ".mp3"
	case "audio/ogg":
		return ".ogg"
	case "audio/wave":
		return ".wav"
	}
	return ""
}

// safeBase turns a file name into a short ASCII storage name.
func safeBase(name string) string {
	name = strings.TrimSuffix(path.Base(name), path.Ext(name))
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(name) {
		if (r >= 'a' && r <= 'z') || (r >= '0' && r <= '9') {
			b.WriteRune(r)
			dash = false
		} else if !dash && b.Len() > 0 {
			b.WriteByte('-')
			dash = true
		}
		if b.Len() >= 40 {
			break
		}
	}
	s := strings.Trim(b.String(), "-")
	if s == "" {
		return "file"
	}
	return s
}
