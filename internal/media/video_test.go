package media_test

import (
	"bytes"
	"context"
	"encoding/binary"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/masthead-news/masthead/internal/media"
)

// The demo's own films (internal/demo/assets/make-video.sh): 4 s each.
func demoVideo(t *testing.T, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "demo", "assets", name))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestVideoUploadsRecordTypeDurationAndSize(t *testing.T) {
	f := newFixture(t)
	for _, tc := range []struct{ file, mime string }{{"demo-video.webm", "video/webm"}, {"demo-video.mp4", "video/mp4"}} {
		data := demoVideo(t, tc.file)
		// The name says nothing: the type comes from the content.
		m, err := f.svc.Add(context.Background(), bytes.NewReader(data), media.Upload{Filename: "film.bin", Expect: "video"})
		if err != nil {
			t.Fatalf("%s: %v", tc.file, err)
		}
		if m.Kind != "video" || m.MIME != tc.mime || m.Size != int64(len(data)) {
			t.Fatalf("%s: kind %q mime %q size %d", tc.file, m.Kind, m.MIME, m.Size)
		}
		if m.Duration < 3900*time.Millisecond || m.Duration > 4100*time.Millisecond {
			t.Fatalf("%s: duration %v, want about 4 s", tc.file, m.Duration)
		}
		got, err := f.store.MediaByID(context.Background(), m.ID)
		if err != nil || got.Duration != m.Duration.Truncate(time.Millisecond) {
			t.Fatalf("%s: stored duration %v (%v)", tc.file, got.Duration, err)
		}
	}
}

func TestNotAVideoIsRefusedAndNothingStored(t *testing.T) {
	f := newFixture(t)
	webm := demoVideo(t, "demo-video.webm")
	mp4 := demoVideo(t, "demo-video.mp4")
	// An MP4 whose movie header box is cut off.
	broken := append([]byte{}, mp4...)
	if i := bytes.Index(broken, []byte("moov")); i > 0 {
		binary.BigEndian.PutUint32(broken[i-4:], uint32(len(broken)*2))
	}
	cases := []struct {
		name string
		data []byte
		want string
	}{
		{"png named video.mp4", encoded(t, "png", picture(20, 20, 1)), "not a video"},
		{"text named video.webm", []byte(strings.Repeat("not a film ", 50)), "not a video"},
		{"webm cut after its header", webm[:40], "damaged"},
		{"mp4 with a broken box", broken, "damaged"},
	}
	for _, tc := range cases {
		_, err := f.svc.Add(context.Background(), bytes.NewReader(tc.data), media.Upload{Filename: "video.mp4", Expect: "video"})
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: err = %v, want %q", tc.name, err, tc.want)
		}
		if tc.want == "not a video" && !errors.Is(err, media.ErrNotVideo) {
			t.Errorf("%s: err is not ErrNotVideo", tc.name)
		}
	}
	if n, err := f.store.CountMedia(context.Background(), media.Filter{}); err != nil || n != 0 {
		t.Fatalf("%d media records after refusals (%v)", n, err)
	}
	if len(f.blob.puts) != 0 {
		t.Fatalf("files written: %v", f.blob.puts)
	}
}
