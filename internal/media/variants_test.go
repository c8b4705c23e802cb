package media_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"image"
	"image/color"
	"image/gif"
	"image/jpeg"
	"image/png"
	"io"
	"log/slog"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/gen2brain/webp"
	"github.com/masthead-news/masthead/internal/media"
	"github.com/masthead-news/masthead/internal/store"
	"github.com/masthead-news/masthead/internal/store/sqlite"
	_ "golang.org/x/image/webp"
)

// countingBlob is a folder on disk that counts how often each key is
// written and can run a hook before each write.
type countingBlob struct {
	media.LocalBlob
	mu     sync.Mutex
	puts   map[string]int
	before func(key string)
}

func (b *countingBlob) Put(ctx context.Context, key string, r io.Reader) error {
	b.mu.Lock()
	hook := b.before
	b.mu.Unlock()
	if hook != nil {
		hook(key)
	}
	if err := b.LocalBlob.Put(ctx, key, r); err != nil {
		return err
	}
	b.mu.Lock()
	b.puts[key]++
	b.mu.Unlock()
	return nil
}

func (b *countingBlob) setHook(f func(string)) {
	b.mu.Lock()
	b.before = f
	b.mu.Unlock()
}

type fixture struct {
	store *store.Store
	blob  *countingBlob
	svc   *media.Service
}

func newFixture(t *testing.T) *fixture {
	t.Helper()
	dir := t.TempDir()
	st, err := sqlite.Open(filepath.Join(dir, "site.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	if _, err := st.Migrate(context.Background()); err != nil {
		t.Fatal(err)
	}
	blob := &countingBlob{LocalBlob: media.LocalBlob{Root: filepath.Join(dir, "uploads")}, puts: map[string]int{}}
	return &fixture{store: st, blob: blob, svc: &media.Service{Store: st, Blob: blob}}
}

// picture draws a w×h gradient (seed varies the content, so each file is new).
func picture(w, h, seed int) *image.RGBA {
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			img.Set(x, y, color.RGBA{uint8(x * 255 / w), uint8(y * 255 / h), uint8(seed * 40), 255})
		}
	}
	return img
}

func encoded(t *testing.T, format string, img image.Image) []byte {
	t.Helper()
	var buf bytes.Buffer
	var err error
	switch format {
	case "jpeg":
		err = jpeg.Encode(&buf, img, nil)
	case "png":
		err = png.Encode(&buf, img)
	case "webp":
		err = webp.Encode(&buf, img)
	case "gif":
		err = gif.Encode(&buf, img, nil)
	}
	if err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func (f *fixture) add(t *testing.T, name string, data []byte) *media.Media {
	t.Helper()
	m, err := f.svc.Add(context.Background(), bytes.NewReader(data), media.Upload{Filename: name, Alt: "alt"})
	if err != nil {
		t.Fatal(err)
	}
	return m
}

func (f *fixture) jobState(t *testing.T, id int64) string {
	t.Helper()
	st, err := f.store.VariantJobState(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	return st
}

// drain runs a worker until the queue is empty.
func drain(t *testing.T, w *media.Worker) int {
	t.Helper()
	n := 0
	for {
		did, err := w.RunOnce(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		if !did {
			return n
		}
		n++
	}
}

func TestWorkerMakesEverySizeInTheOriginalFormatAndWebP(t *testing.T) {
	f := newFixture(t)
	jpg := f.add(t, "wide.jpg", encoded(t, "jpeg", picture(1200, 675, 1)))
	pngM := f.add(t, "huge.png", encoded(t, "png", picture(1700, 850, 2)))
	wp := f.add(t, "small.webp", encoded(t, "webp", picture(500, 250, 3)))
	tiny := f.add(t, "tiny.png", encoded(t, "png", picture(200, 100, 4)))
	anim := f.add(t, "anim.gif", encoded(t, "gif", picture(800, 400, 5)))
	if st := f.jobState(t, anim.ID); st != "" {
		t.Errorf("a GIF got a variant job (%q): GIFs are served as they are", st)
	}
	for _, m := range []*media.Media{jpg, pngM, wp, tiny} {
		if st := f.jobState(t, m.ID); st != "pending" {
			t.Errorf("%s: job %q after upload, want pending", m.Filename, st)
		}
	}
	if n := drain(t, &media.Worker{Logger: quiet, Service: f.svc}); n != 4 {
		t.Fatalf("the worker did %d jobs, want 4", n)
	}
	want := map[int64][]string{
		jpg.ID:  {"jpeg:320x180", "jpeg:640x360", "jpeg:1024x576", "webp:320x180", "webp:640x360", "webp:1024x576", "webp:1200x675"},
		pngM.ID: {"png:320x160", "png:640x320", "png:1024x512", "png:1600x800", "webp:320x160", "webp:640x320", "webp:1024x512", "webp:1600x800"},
		wp.ID:   {"webp:320x160"},
		tiny.ID: {"webp:200x100"},
	}
	for id, list := range want {
		vs, err := f.store.MediaVariants(context.Background(), id)
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, v := range vs {
			got = append(got, fmt.Sprintf("%s:%dx%d", v.Format, v.Width, v.Height))
			// The stored bytes are what the record says.
			r, err := f.blob.Open(context.Background(), v.Path)
			if err != nil {
				t.Fatalf("variant %s: %v", v.Path, err)
			}
			data, _ := io.ReadAll(r)
			r.Close()
			cfg, format, err := image.DecodeConfig(bytes.NewReader(data))
			if err != nil || format != v.Format || cfg.Width != v.Width || cfg.Height != v.Height || int64(len(data)) != v.Size {
				t.Errorf("%s: decodes as %s %dx%d (%d bytes, %v); the record says %s %dx%d (%d bytes)",
					v.Path, format, cfg.Width, cfg.Height, len(data), err, v.Format, v.Width, v.Height, v.Size)
			}
			if want := media.VariantKey(mustMedia(t, f, id).Path, v.Width, v.Format); v.Path != want {
				t.Errorf("variant key %q, want the predictable %q", v.Path, want)
			}
		}
		slices.Sort(got)
		slices.Sort(list)
		if !slices.Equal(got, list) {
			t.Errorf("media %d variants:\n got %v\nwant %v", id, got, list)
		}
		if st := f.jobState(t, id); st != "done" {
			t.Errorf("media %d: job %q, want done", id, st)
		}
		// The record carries the summary pages use, with the srcsets.
		m := mustMedia(t, f, id)
		if len(m.Variants()) != len(list) {
			t.Errorf("media %d: the record lists %d variants, want %d", id, len(m.Variants()), len(list))
		}
	}
	m := mustMedia(t, f, jpg.ID)
	if got := m.Srcset("jpeg"); !strings.HasPrefix(got, "/uploads/") || !strings.Contains(got, "-320w.jpg 320w") || !strings.HasSuffix(got, m.URL()+" 1200w") {
		t.Errorf("jpeg srcset %q", got)
	}
	if got := m.Srcset("webp"); !strings.Contains(got, "-1200w.webp 1200w") || strings.Contains(got, ".jpg") {
		t.Errorf("webp srcset %q", got)
	}
}

func mustMedia(t *testing.T, f *fixture, id int64) *media.Media {
	t.Helper()
	m, err := f.store.MediaByID(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// TestWorkerResumesAfterACrash: a job claimed by a worker that died is
// taken up by another once its lease has run out, and not before.
func TestWorkerResumesAfterACrash(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	m := f.add(t, "photo.jpg", encoded(t, "jpeg", picture(700, 400, 1)))
	t0 := time.Now()
	// The "crashed" worker claims the job and never finishes it.
	id, attempt, err := f.store.ClaimVariantJob(ctx, "crashed", t0, t0.Add(10*time.Minute), 3)
	if err != nil || id != m.ID || attempt != 1 {
		t.Fatalf("claim: id %d attempt %d err %v", id, attempt, err)
	}
	// A restarted node sees the job leased while the lease lasts…
	early := &media.Worker{Logger: quiet, Service: f.svc, Name: "restarted", Now: func() time.Time { return t0.Add(5 * time.Minute) }}
	if did, err := early.RunOnce(ctx); did || err != nil {
		t.Fatalf("the job was taken while its lease lasted (%v %v)", did, err)
	}
	// …and takes it up after.
	late := &media.Worker{Logger: quiet, Service: f.svc, Name: "restarted", Now: func() time.Time { return t0.Add(11 * time.Minute) }}
	if did, err := late.RunOnce(ctx); !did || err != nil {
		t.Fatalf("the abandoned job was not resumed (%v %v)", did, err)
	}
	if st := f.jobState(t, m.ID); st != "done" {
		t.Fatalf("job %q after the resume", st)
	}
	if vs, _ := f.store.MediaVariants(ctx, m.ID); len(vs) != 5 { // jpeg 320, 640; webp 320, 640, 700
		t.Fatalf("%d variants after the resume, want 5", len(vs))
	}
	// The crashed worker, come back to life, cannot record over the job.
	if err := f.store.FinishVariantJob(ctx, m.ID, "crashed", nil, time.Now()); !errors.Is(err, media.ErrLeaseLost) {
		t.Fatalf("a stale worker finished the job: %v", err)
	}
	if vs, _ := f.store.MediaVariants(ctx, m.ID); len(vs) != 5 {
		t.Fatalf("the stale worker changed the variants: %d", len(vs))
	}
}

// TestStoppingHandsTheJobBack: a worker stopped in the middle of a job
// releases it, so the next start does it at once and the try is not counted.
func TestStoppingHandsTheJobBack(t *testing.T) {
	f := newFixture(t)
	m := f.add(t, "photo.png", encoded(t, "png", picture(900, 500, 1)))
	ctx, cancel := context.WithCancel(context.Background())
	f.blob.setHook(func(string) { cancel() }) // stop during the first write
	did, err := (&media.Worker{Logger: quiet, Service: f.svc, Name: "a"}).RunOnce(ctx)
	if !did || !errors.Is(err, context.Canceled) {
		t.Fatalf("RunOnce while stopping: %v %v", did, err)
	}
	if st := f.jobState(t, m.ID); st != "pending" {
		t.Fatalf("job %q after a stop, want pending (handed back)", st)
	}
	f.blob.setHook(nil)
	if n := drain(t, &media.Worker{Logger: quiet, Service: f.svc, Name: "b", MaxAttempts: 1}); n != 1 {
		t.Fatalf("the next start did %d jobs, want 1 (with one try allowed: the stopped try was not counted)", n)
	}
	if st := f.jobState(t, m.ID); st != "done" {
		t.Fatalf("job %q", st)
	}
}

// TestFailingJobsAreRetriedThenGivenUp: a job that fails is due again
// later, and after MaxAttempts it is marked failed.
func TestFailingJobsAreRetriedThenGivenUp(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	m := f.add(t, "gone.jpg", encoded(t, "jpeg", picture(800, 450, 1)))
	if err := f.blob.Delete(ctx, m.Path); err != nil { // the original vanished
		t.Fatal(err)
	}
	now := time.Now()
	w := &media.Worker{Logger: quiet, Service: f.svc, MaxAttempts: 2, Now: func() time.Time { return now }}
	if did, err := w.RunOnce(ctx); !did || err == nil {
		t.Fatalf("first try: %v %v", did, err)
	}
	if st := f.jobState(t, m.ID); st != "pending" {
		t.Fatalf("after one failure: %q", st)
	}
	if did, _ := w.RunOnce(ctx); did {
		t.Fatal("a failed job was retried at once")
	}
	now = now.Add(2 * time.Minute)
	if did, err := w.RunOnce(ctx); !did || err == nil {
		t.Fatalf("second try: %v %v", did, err)
	}
	if st := f.jobState(t, m.ID); st != "failed" {
		t.Fatalf("after the last try: %q, want failed", st)
	}
	now = now.Add(time.Hour)
	if did, _ := w.RunOnce(ctx); did {
		t.Fatal("a failed job was tried again")
	}
}

// TestTwoWorkersNeverDoOneJobTwice runs two workers on one queue at once:
// every job is done, and every variant file is written exactly once.
func TestTwoWorkersNeverDoOneJobTwice(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	var ids []int64
	for i := range 8 {
		ids = append(ids, f.add(t, fmt.Sprintf("p%d.jpg", i), encoded(t, "jpeg", picture(400, 200, i))).ID)
	}
	// Claims first: of two claims at the same moment only one gets a job.
	now := time.Now()
	a, _, err := f.store.ClaimVariantJob(ctx, "x", now, now.Add(time.Minute), 3)
	if err != nil {
		t.Fatal(err)
	}
	b, _, err := f.store.ClaimVariantJob(ctx, "y", now, now.Add(time.Minute), 3)
	if err != nil || a == 0 || b == 0 || a == b {
		t.Fatalf("two claims got jobs %d and %d (%v)", a, b, err)
	}
	for _, id := range []int64{a, b} {
		if err := f.store.ReleaseVariantJob(ctx, id, map[int64]string{a: "x", b: "y"}[id]); err != nil {
			t.Fatal(err)
		}
	}
	done := map[string][]int64{}
	var mu sync.Mutex
	var wg sync.WaitGroup
	for _, name := range []string{"node-1", "node-2"} {
		wg.Add(1)
		go func() {
			defer wg.Done()
			w := &media.Worker{Logger: quiet, Service: f.svc, Name: name}
			for {
				did, err := w.RunOnce(ctx)
				if err != nil {
					t.Error(err)
					return
				}
				if !did {
					return
				}
				mu.Lock()
				done[name] = append(done[name], 0)
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	if total := len(done["node-1"]) + len(done["node-2"]); total != len(ids) {
		t.Errorf("the workers did %d jobs between them, want %d", total, len(ids))
	}
	for _, id := range ids {
		if st := f.jobState(t, id); st != "done" {
			t.Errorf("media %d: job %q", id, st)
		}
	}
	f.blob.mu.Lock()
	defer f.blob.mu.Unlock()
	variants := 0
	for key, n := range f.blob.puts {
		if strings.Contains(key, "w.") {
			variants++
			if n != 1 {
				t.Errorf("%s was written %d times", key, n)
			}
		}
	}
	if variants != len(ids)*3 { // jpeg 320; webp 320, 400
		t.Errorf("%d variant files, want %d", variants, len(ids)*3)
	}
}

func TestPlanNeverEnlarges(t *testing.T) {
	for _, c := range []struct {
		w, h int
		mime string
		want string
	}{
		{3000, 2000, "image/jpeg", "jpeg:1600x1067 jpeg:1024x683 jpeg:640x427 jpeg:320x213 webp:1600x1067 webp:1024x683 webp:640x427 webp:320x213"},
		{1600, 900, "image/png", "png:1024x576 png:640x360 png:320x180 webp:1600x900 webp:1024x576 webp:640x360 webp:320x180"},
		{640, 480, "image/webp", "webp:320x240"},
		{320, 200, "image/jpeg", "webp:320x200"},
		{800, 600, "image/gif", ""},
	} {
		m := &media.Media{Kind: "image", MIME: c.mime, Width: c.w, Height: c.h, Path: "2026/01/a-0123abcd.x"}
		var got []string
		for _, v := range media.PlanVariants(m) {
			if v.Width > c.w {
				t.Errorf("%dx%d: planned an enlargement to %d", c.w, c.h, v.Width)
			}
			got = append(got, fmt.Sprintf("%s:%dx%d", v.Format, v.Width, v.Height))
		}
		slices.SortFunc(got, func(a, b string) int {
			fa, fb := strings.Split(a, ":")[0], strings.Split(b, ":")[0]
			if fa != fb {
				return strings.Compare(fa, fb)
			}
			var wa, wb int
			fmt.Sscanf(strings.Split(a, ":")[1], "%d", &wa)
			fmt.Sscanf(strings.Split(b, ":")[1], "%d", &wb)
			return wb - wa
		})
		if strings.Join(got, " ") != c.want {
			t.Errorf("%dx%d %s:\n got %s\nwant %s", c.w, c.h, c.mime, strings.Join(got, " "), c.want)
		}
	}
	if k := media.VariantKey("2026/11/river-3f2a1b2c.jpg", 640, "webp"); k != "2026/11/river-3f2a1b2c-640w.webp" {
		t.Errorf("VariantKey = %q", k)
	}
	list := media.EncodeVariantList([]media.Variant{{Width: 640, Height: 360, Format: "webp"}, {Width: 320, Height: 180, Format: "jpeg"}})
	back := media.DecodeVariantList(7, "2026/01/x-01234567.jpg", list+" junk bad:1x webp:0x4")
	if len(back) != 2 || back[0].Path != "2026/01/x-01234567-320w.jpg" || back[1].Path != "2026/01/x-01234567-640w.webp" || back[1].MediaID != 7 {
		t.Errorf("DecodeVariantList(%q) = %+v", list, back)
	}
}

// quiet is the workers' logger in tests.
var quiet = slog.New(slog.NewTextHandler(io.Discard, nil))
