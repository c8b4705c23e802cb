package art

import (
	"bytes"
	"fmt"
	"image"
	"image/draw"
	"image/png"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
)

// TestPreview writes PNGs for eyeballing when ART_PREVIEW_DIR is set:
// every theme at 1200×675 (seeds from ART_PREVIEW_SEEDS, default "1"), a 2×2
// sheet of four seeds per theme, and portraits at avatar sizes.
func TestPreview(t *testing.T) {
	dir := os.Getenv("ART_PREVIEW_DIR")
	if dir == "" {
		t.Skip("set ART_PREVIEW_DIR to write preview PNGs")
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	seeds := []uint64{1}
	if v := os.Getenv("ART_PREVIEW_SEEDS"); v != "" {
		seeds = nil
		for _, f := range strings.Fields(v) {
			n, err := strconv.ParseUint(f, 10, 64)
			if err != nil {
				t.Fatal(err)
			}
			seeds = append(seeds, n)
		}
	}
	save := func(name string, img image.Image) {
		var buf bytes.Buffer
		if err := png.Encode(&buf, img); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, name), buf.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for _, th := range append(append([]string{}, Themes...), "unknown") {
		for _, seed := range seeds {
			start := time.Now()
			img := Render(th, seed, 1200, 675)
			t.Logf("%s seed %d: %v", th, seed, time.Since(start))
			save(fmt.Sprintf("%s-%d.png", th, seed), img)
		}
		sheet := image.NewRGBA(image.Rect(0, 0, 1204, 682))
		for i := 0; i < 4; i++ {
			img := Render(th, uint64(100+i), 600, 338)
			x, y := (i%2)*604, (i/2)*344
			draw.Draw(sheet, image.Rect(x, y, x+600, y+338), img, image.Point{}, draw.Src)
		}
		save(th+"-sheet.png", sheet)
	}
	sizes := image.NewRGBA(image.Rect(0, 0, 8*100, 100+404))
	for i := 0; i < 8; i++ {
		draw.Draw(sizes, image.Rect(i*100, 0, i*100+96, 96), Render("portrait", uint64(i), 96, 96), image.Point{}, draw.Src)
	}
	for i := 0; i < 2; i++ {
		draw.Draw(sizes, image.Rect(i*404, 100, i*404+400, 500), Render("portrait", uint64(10+i), 400, 400), image.Point{}, draw.Src)
	}
	save("portrait-sizes.png", sizes)
}
