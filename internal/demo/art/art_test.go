package art

import (
	"bytes"
	"fmt"
	"image/png"
	"os"
	"path/filepath"
	"testing"
	"time"
)

func TestPreview(t *testing.T) {
	dir := os.Getenv("ART_PREVIEW_DIR")
	if dir == "" {
		t.Skip("set ART_PREVIEW_DIR to write preview PNGs")
	}
	seeds := []uint64{1}
	if os.Getenv("ART_PREVIEW_SEEDS") != "" {
		seeds = nil
		for _, f := range bytes.Fields([]byte(os.Getenv("ART_PREVIEW_SEEDS"))) {
			var v uint64
			fmt.Sscan(string(f), &v)
			seeds = append(seeds, v)
		}
	}
	themes := append(append([]string{}, Themes...), "unknown")
	for _, th := range themes {
		for _, seed := range seeds {
			start := time.Now()
			img := Render(th, seed, 1200, 675)
			t.Logf("%s seed %d: %v", th, seed, time.Since(start))
			var buf bytes.Buffer
			if err := png.Encode(&buf, img); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("%s-%d.png", th, seed)), buf.Bytes(), 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
}
