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
	small := image.NewRGBA(image.Rect(0, 0, 7*164, 4*100))
	for i, th := range Themes {
		x, y := (i%7)*164, (i/7)*200
		draw.Draw(small, image.Rect(x, y, x+160, y+90), Render(th, 9, 160, 90), image.Point{}, draw.Src)
		draw.Draw(small, image.Rect(x, y+100, x+96, y+196), Render(th, 9, 96, 96), image.Point{}, draw.Src)
	}
	save("small-sizes.png", small)
}

func TestThemesRender(t *testing.T) {
	for _, th := range append(append([]string{}, Themes...), "no-such-theme", "") {
		for _, sz := range [][2]int{{1200, 675}, {96, 96}, {400, 400}, {31, 7}, {1, 1}} {
			img := Render(th, 7, sz[0], sz[1])
			if b := img.Bounds(); b.Dx() != sz[0] || b.Dy() != sz[1] {
				t.Fatalf("%s %v: got bounds %v", th, sz, b)
			}
		}
	}
	if img := Render("city", 1, 0, 10); img.Bounds().Dx() != 0 {
		t.Fatalf("zero width: got %v", img.Bounds())
	}
	if img := Render("city", 1, -5, -5); !img.Bounds().Empty() {
		t.Fatalf("negative size: got %v", img.Bounds())
	}
}

func TestDeterministic(t *testing.T) {
	for _, th := range Themes {
		a := Render(th, 42, 320, 180)
		b := Render(th, 42, 320, 180)
		if !bytes.Equal(a.Pix, b.Pix) {
			t.Errorf("%s: two renders with the same seed differ", th)
		}
	}
}

func TestSeedsDiffer(t *testing.T) {
	for _, th := range append(append([]string{}, Themes...), "no-such-theme") {
		a := Render(th, 1, 320, 180)
		b := Render(th, 2, 320, 180)
		// count clearly different pixels, so grain alone doesn't pass the test
		diff := 0
		for i := 0; i < len(a.Pix); i += 4 {
			d := 0
			for c := 0; c < 3; c++ {
				v := int(a.Pix[i+c]) - int(b.Pix[i+c])
				if v < 0 {
					v = -v
				}
				d += v
			}
			if d > 30 {
				diff++
			}
		}
		if frac := float64(diff) / float64(len(a.Pix)/4); frac < 0.1 {
			t.Errorf("%s: seeds 1 and 2 differ in only %.1f%% of pixels", th, frac*100)
		}
	}
}

func TestNotBlank(t *testing.T) {
	for _, th := range append(append([]string{}, Themes...), "no-such-theme") {
		for _, sz := range [][2]int{{1200, 675}, {96, 96}} {
			img := Render(th, 3, sz[0], sz[1])
			// quantize so grain doesn't inflate the count
			colours := map[[3]uint8]bool{}
			var minL, maxL = 255 * 3, 0
			for i := 0; i < len(img.Pix); i += 4 {
				colours[[3]uint8{img.Pix[i] >> 4, img.Pix[i+1] >> 4, img.Pix[i+2] >> 4}] = true
				l := int(img.Pix[i]) + int(img.Pix[i+1]) + int(img.Pix[i+2])
				minL, maxL = min(minL, l), max(maxL, l)
				if img.Pix[i+3] != 255 {
					t.Fatalf("%s %v: pixel %d is not opaque", th, sz, i/4)
				}
			}
			if len(colours) < 12 {
				t.Errorf("%s %v: only %d distinct colours", th, sz, len(colours))
			}
			if maxL-minL < 90 {
				t.Errorf("%s %v: contrast too low (%d..%d)", th, sz, minL, maxL)
			}
		}
	}
}
func BenchmarkRender(b *testing.B) {
	for _, th := range Themes {
		b.Run(th, func(b *testing.B) {
			for i := 0; b.Loop(); i++ {
				Render(th, uint64(i), 1200, 675)
			}
		})
	}
}
