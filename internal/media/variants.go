package media

import (
	"bytes"
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"image"
	"image/jpeg"
	"image/png"
	"io"
	"log/slog"
	"path"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/gen2brain/webp"
	"golang.org/x/image/draw"
	xwebp "golang.org/x/image/webp"
)

// VariantWidths are the widths, in pixels, of the responsive copies made of
// every JPEG, PNG and WebP image. An image is never enlarged: widths at or
// above its own are skipped, and the original itself is the largest size.
var VariantWidths = []int{320, 640, 1024, 1600}

// Variant is one resized or re-encoded copy of an image.
type Variant struct {
	MediaID int64
	Width   int
	Height  int
	Format  string // "jpeg", "png" or "webp"
	Path    string // storage key under /uploads/
	Size    int64
}

// URL is the public path of the variant.
func (v Variant) URL() string { return "/uploads/" + v.Path }

// MIME is the variant's content type.
func (v Variant) MIME() string { return "image/" + v.Format }

// VariantStore is the durable queue of variant jobs and the record of
// finished variants.
type VariantStore interface {
	// QueueVariants adds (or re-arms) the job that makes an item's variants.
	QueueVariants(ctx context.Context, mediaID int64, at time.Time) error
	// ClaimVariantJob takes the oldest due job — pending, or running with
	// a lease that ran out before now — with a conditional UPDATE, so that
	// of two workers only one gets it, and leases it until leaseUntil.
	// It returns 0 when no job is due.
	ClaimVariantJob(ctx context.Context, worker string, now, leaseUntil time.Time, maxAttempts int) (mediaID int64, attempt int, err error)
	// FinishVariantJob records the variants and marks the job done, in one
	// transaction, if worker still holds the job; otherwise ErrLeaseLost.
	FinishVariantJob(ctx context.Context, mediaID int64, worker string, vs []Variant, at time.Time) error
	// RetryVariantJob records a failure: the job is due again at notBefore,
	// or given up when failed is true.
	RetryVariantJob(ctx context.Context, mediaID int64, worker, msg string, notBefore time.Time, failed bool) error
	// ReleaseVariantJob hands a claimed job back unfinished (at shutdown).
	ReleaseVariantJob(ctx context.Context, mediaID int64, worker string) error
	MediaVariants(ctx context.Context, mediaID int64) ([]Variant, error)
	MediaVariantByPath(ctx context.Context, p string) (*Variant, error)
	// VariantJobState is "pending", "running", "done", "failed", or "" when
	// the item has no job.
	VariantJobState(ctx context.Context, mediaID int64) (string, error)
}

// ErrLeaseLost means another worker took the job over (its lease ran out).
var ErrLeaseLost = errors.New("the variant job is no longer held by this worker")

// formatOf names the image format of a content type ("" for none we resize).
func formatOf(mime string) string {
	switch mime {
	case "image/jpeg":
		return "jpeg"
	case "image/png":
		return "png"
	case "image/webp":
		return "webp"
	}
	return ""
}

// NeedsVariants reports whether m is an image that gets responsive
// variants: JPEG, PNG and WebP. GIFs keep their animation and are served
// as they are.
func NeedsVariants(m *Media) bool {
	return m.Kind == "image" && formatOf(m.MIME) != "" && m.Width > 0 && m.Height > 0
}

// VariantKey is the predictable storage key of a variant: the original's
// key with the width before a new extension, e.g. "2026/11/river-3f2a1b2c.jpg"
// → "2026/11/river-3f2a1b2c-640w.webp". The original's key holds a hash of
// its content, so a variant's key never names other bytes and may be cached
// for ever.
func VariantKey(original string, width int, format string) string {
	ext := map[string]string{"jpeg": ".jpg", "png": ".png", "webp": ".webp"}[format]
	return strings.TrimSuffix(original, path.Ext(original)) + "-" + strconv.Itoa(width) + "w" + ext
}

// PlanVariants lists the variants m should have, widest first: each of
// VariantWidths below the image's width in its own format and as WebP, and a
// full-size WebP when the image is not wider than the largest variant width
// (so browsers that take WebP never fall back to a smaller picture).
func PlanVariants(m *Media) []Variant {
	if !NeedsVariants(m) {
		return nil
	}
	orig := formatOf(m.MIME)
	var out []Variant
	add := func(w int, format string) {
		h := int((int64(m.Height)*int64(w) + int64(m.Width)/2) / int64(m.Width))
		out = append(out, Variant{MediaID: m.ID, Width: w, Height: max(h, 1), Format: format, Path: VariantKey(m.Path, w, format)})
	}
	if orig != "webp" && m.Width <= VariantWidths[len(VariantWidths)-1] {
		add(m.Width, "webp")
	}
	for i := len(VariantWidths) - 1; i >= 0; i-- {
		w := VariantWidths[i]
		if w >= m.Width {
			continue
		}
		add(w, orig)
		if orig != "webp" {
			add(w, "webp")
		}
	}
	return out
}

// EncodeVariantList is the compact summary of finished variants kept with
// the media record ("jpeg:320x180 webp:320x180 …").
func EncodeVariantList(vs []Variant) string {
	parts := make([]string, len(vs))
	for i, v := range vs {
		parts[i] = fmt.Sprintf("%s:%dx%d", v.Format, v.Width, v.Height)
	}
	return strings.Join(parts, " ")
}

// DecodeVariantList reads a summary written by EncodeVariantList for the
// original stored under key; malformed entries are skipped. The variants
// come sorted by format, then width.
func DecodeVariantList(mediaID int64, key, list string) []Variant {
	var out []Variant
	for _, f := range strings.Fields(list) {
		format, dims, ok := strings.Cut(f, ":")
		ws, hs, ok2 := strings.Cut(dims, "x")
		w, err1 := strconv.Atoi(ws)
		h, err2 := strconv.Atoi(hs)
		if !ok || !ok2 || err1 != nil || err2 != nil || w <= 0 || h <= 0 || (format != "jpeg" && format != "png" && format != "webp") {
			continue
		}
		out = append(out, Variant{MediaID: mediaID, Width: w, Height: h, Format: format, Path: VariantKey(key, w, format)})
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Format != out[j].Format {
			return out[i].Format < out[j].Format
		}
		return out[i].Width < out[j].Width
	})
	return out
}

// Srcset is the srcset of m in one format, narrowest first: the variants in
// that format and, for the original's own format, the original at its full
// width. It is empty when no variant in that format exists yet, and for a
// WebP original asked for "webp" beyond its own format (the original's
// srcset already is WebP).
func (m *Media) Srcset(format string) string {
	var parts []string
	for _, v := range m.Variants() {
		if v.Format == format {
			parts = append(parts, v.URL()+" "+strconv.Itoa(v.Width)+"w")
		}
	}
	if len(parts) == 0 {
		return ""
	}
	if format == formatOf(m.MIME) && m.Width > 0 {
		parts = append(parts, m.URL()+" "+strconv.Itoa(m.Width)+"w")
	}
	return strings.Join(parts, ", ")
}

// Variants lists the finished variants, by format, then width.
func (m *Media) Variants() []Variant { return DecodeVariantList(m.ID, m.Path, m.VariantList) }

// OriginalFormat is "jpeg", "png" or "webp" for images with variants, else "".
func (m *Media) OriginalFormat() string { return formatOf(m.MIME) }

// ThumbURL is the URL of the narrowest copy at least minWidth wide in the
// original's format (the original itself when there is none).
func (m *Media) ThumbURL(minWidth int) string {
	best := m.URL()
	bestW := m.Width
	for _, v := range m.Variants() {
		if v.Format == formatOf(m.MIME) && v.Width >= minWidth && (bestW == 0 || v.Width < bestW) {
			best, bestW = v.URL(), v.Width
		}
	}
	return best
}

// MakeVariants reads the stored image, resizes it to every planned width
// (each from the next larger one, which is faster than always starting from
// the original and looks the same) and stores each copy under its
// predictable key. It checks ctx between copies.
func (s *Service) MakeVariants(ctx context.Context, m *Media) ([]Variant, error) {
	plan := PlanVariants(m)
	if len(plan) == 0 {
		return nil, nil
	}
	if m.Width*m.Height > MaxPixels {
		return nil, fmt.Errorf("the image is too large to resize (%d×%d)", m.Width, m.Height)
	}
	f, err := s.Blob.Open(ctx, m.Path)
	if err != nil {
		return nil, fmt.Errorf("opening %s: %w", m.Path, err)
	}
	data, err := io.ReadAll(f)
	f.Close()
	if err != nil {
		return nil, fmt.Errorf("reading %s: %w", m.Path, err)
	}
	var src image.Image
	switch m.MIME {
	case "image/jpeg":
		src, err = jpeg.Decode(bytes.NewReader(data))
	case "image/png":
		src, err = png.Decode(bytes.NewReader(data))
	case "image/webp":
		src, err = xwebp.Decode(bytes.NewReader(data))
	}
	if err != nil {
		return nil, fmt.Errorf("decoding %s: %w", m.Path, err)
	}
	var out []Variant
	current := src
	for i := 0; i < len(plan); {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		w, h := plan[i].Width, plan[i].Height
		scaled := current
		if b := current.Bounds(); b.Dx() != w || b.Dy() != h {
			dst := image.NewRGBA(image.Rect(0, 0, w, h))
			draw.CatmullRom.Scale(dst, dst.Bounds(), current, current.Bounds(), draw.Src, nil)
			scaled = dst
		}
		for ; i < len(plan) && plan[i].Width == w; i++ {
			v := plan[i]
			var buf bytes.Buffer
			if err := encodeImage(&buf, scaled, v.Format); err != nil {
				return nil, fmt.Errorf("encoding %s: %w", v.Path, err)
			}
			v.Size = int64(buf.Len())
			if err := s.Blob.Put(ctx, v.Path, &buf); err != nil {
				return nil, fmt.Errorf("storing %s: %w", v.Path, err)
			}
			out = append(out, v)
		}
		current = scaled
	}
	return out, nil
}

func encodeImage(w io.Writer, img image.Image, format string) error {
	switch format {
	case "jpeg":
		return jpeg.Encode(w, img, &jpeg.Options{Quality: 82})
	case "png":
		return (&png.Encoder{CompressionLevel: png.BestCompression}).Encode(w, img)
	case "webp":
		return webp.Encode(w, img, webp.Options{Quality: 80})
	}
	return fmt.Errorf("no encoder for %q", format)
}

// wake tells a waiting worker that a job was queued; it never blocks.
func (s *Service) wake() {
	select {
	case s.wakeup() <- struct{}{}:
	default:
	}
}

func (s *Service) wakeup() chan struct{} {
	s.wakeOnce.Do(func() { s.wakeCh = make(chan struct{}, 1) })
	return s.wakeCh
}

// Worker makes the variants queued in the database, one image at a time,
// until its context ends. Several workers, in one process or on several
// nodes, may share a queue: each job is claimed by one of them.
type Worker struct {
	Service *Service
	// Name identifies the worker's claims; empty picks a random one.
	Name string
	// Lease is how long a claimed job is this worker's; after it runs out
	// (the worker died) another worker takes the job up. Default 10 minutes.
	Lease time.Duration
	// Poll is how often an idle worker looks for work that another node
	// queued (its own uploads wake it at once). Default 5 seconds.
	Poll time.Duration
	// MaxAttempts bounds the tries per job. Default 3.
	MaxAttempts int
	Logger      *slog.Logger
	Now         func() time.Time
}

func (w *Worker) defaults() {
	if w.Name == "" {
		b := make([]byte, 8)
		rand.Read(b)
		w.Name = "worker-" + hex.EncodeToString(b)
	}
	if w.Lease <= 0 {
		w.Lease = 10 * time.Minute
	}
	if w.Poll <= 0 {
		w.Poll = 5 * time.Second
	}
	if w.MaxAttempts <= 0 {
		w.MaxAttempts = 3
	}
	if w.Logger == nil {
		w.Logger = slog.Default()
	}
	if w.Now == nil {
		w.Now = time.Now
	}
}

// Run works through the queue until ctx ends. A job cut short by ctx is
// handed back for the next start.
func (w *Worker) Run(ctx context.Context) {
	w.defaults()
	timer := time.NewTimer(0)
	defer timer.Stop()
	for {
		did, err := w.RunOnce(ctx)
		if ctx.Err() != nil {
			return
		}
		if err != nil {
			w.Logger.Error("image variants", "err", err)
		}
		if did {
			continue
		}
		timer.Reset(w.Poll)
		select {
		case <-ctx.Done():
			return
		case <-w.Service.wakeup():
		case <-timer.C:
		}
	}
}

// RunOnce claims one due job and does it. It reports whether there was one.
func (w *Worker) RunOnce(ctx context.Context) (bool, error) {
	w.defaults()
	st := w.Service.Store
	now := w.Now()
	id, attempt, err := st.ClaimVariantJob(ctx, w.Name, now, now.Add(w.Lease), w.MaxAttempts)
	if err != nil || id == 0 {
		return false, err
	}
	m, err := st.MediaByID(ctx, id)
	if err != nil {
		return true, fmt.Errorf("variant job %d: %w", id, err)
	}
	vs, err := w.Service.MakeVariants(ctx, m)
	if ctx.Err() != nil {
		// Stopping: hand the job back so the next start does it at once.
		_ = st.ReleaseVariantJob(context.WithoutCancel(ctx), id, w.Name)
		return true, ctx.Err()
	}
	if err != nil {
		failed := attempt >= w.MaxAttempts
		retry := w.Now().Add(time.Duration(attempt) * time.Minute)
		if rerr := st.RetryVariantJob(ctx, id, w.Name, err.Error(), retry, failed); rerr != nil {
			return true, errors.Join(err, rerr)
		}
		return true, fmt.Errorf("variants of media %d (try %d of %d): %w", id, attempt, w.MaxAttempts, err)
	}
	err = st.FinishVariantJob(ctx, id, w.Name, vs, w.Now())
	if errors.Is(err, ErrLeaseLost) {
		// Another worker took the job over (this one outlived its lease) and
		// writes the same files under the same keys; or the item was deleted
		// meanwhile, which leaves these files unused: wasted space, nothing worse.
		w.Logger.Warn("image variants: the job was taken over", "media", id)
		return true, nil
	}
	if err == nil {
		w.Logger.Info("image variants made", "media", id, "path", m.Path, "count", len(vs))
	}
	return true, err
}
