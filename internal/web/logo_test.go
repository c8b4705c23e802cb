package web_test

import (
	"bytes"
	"image"
	"image/color"
	"image/png"
	"math"
	"os"
	"strings"
	"testing"
)

// The publisher logo of the structured data and the feeds' image is a PNG
// (search engines do not take SVG logos) drawn here from the favicon's own
// shapes: a rounded square in the brand red with the white "M".
// MASTHEAD_UPDATE_LOGO=1 go test ./internal/web -run TestLogo redraws it.

const (
	logoSize   = 512
	logoFile   = "static/img/logo.png"
	faviconSVG = "static/img/favicon.svg"
	// The favicon's drawing, in its 44×44 viewBox.
	logoRect = `<rect width="44" height="44" rx="8" fill="#c8102e"/>`
	logoPath = `M9 33V11h5.2L22 23.4 29.8 11H35v22h-4.6V18.8L23.6 29.4h-3.2L13.6 18.8V33z`
)

// logoM is logoPath's outline as points of the viewBox.
var logoM = [][2]float64{{9, 33}, {9, 11}, {14.2, 11}, {22, 23.4}, {29.8, 11}, {35, 11}, {35, 33}, {30.4, 33},
	{30.4, 18.8}, {23.6, 29.4}, {20.4, 29.4}, {13.6, 18.8}, {13.6, 33}}

func inRoundRect(x, y, w, h, r float64) bool {
	if x < 0 || y < 0 || x > w || y > h {
		return false
	}
	cx := math.Max(r, math.Min(w-r, x))
	cy := math.Max(r, math.Min(h-r, y))
	return (x-cx)*(x-cx)+(y-cy)*(y-cy) <= r*r
}

func inPolygon(x, y float64, pts [][2]float64) bool {
	in := false
	for i, j := 0, len(pts)-1; i < len(pts); j, i = i, i+1 {
		xi, yi, xj, yj := pts[i][0], pts[i][1], pts[j][0], pts[j][1]
		if (yi > y) != (yj > y) && x < (xj-xi)*(y-yi)/(yj-yi)+xi {
			in = !in
		}
	}
	return in
}

// drawLogo renders the favicon at size×size with 8×8 samples per pixel.
func drawLogo(size int) *image.NRGBA {
	const ss = 8
	red := color.NRGBA{0xc8, 0x10, 0x2e, 0xff}
	img := image.NewNRGBA(image.Rect(0, 0, size, size))
	scale := 44.0 / float64(size)
	for py := 0; py < size; py++ {
		for px := 0; px < size; px++ {
			var inRect, inM int
			for sy := 0; sy < ss; sy++ {
				for sx := 0; sx < ss; sx++ {
					x := (float64(px) + (float64(sx)+0.5)/ss) * scale
					y := (float64(py) + (float64(sy)+0.5)/ss) * scale
					if inRoundRect(x, y, 44, 44, 8) {
						inRect++
						if inPolygon(x, y, logoM) {
							inM++
						}
					}
				}
			}
			if inRect == 0 {
				continue
			}
			// White over red where the M covers the sample, alpha from the square.
			white := float64(inM) / float64(inRect)
			mix := func(c uint8) uint8 { return uint8(math.Round(float64(c)*(1-white) + 255*white)) }
			img.SetNRGBA(px, py, color.NRGBA{mix(red.R), mix(red.G), mix(red.B), uint8(math.Round(255 * float64(inRect) / ss / ss))})
		}
	}
	return img
}

func TestLogoIsTheFaviconDrawnAsPNG(t *testing.T) {
	svg, err := os.ReadFile(faviconSVG)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(svg), logoRect) || !strings.Contains(string(svg), `d="`+logoPath+`"`) {
		t.Fatalf("%s changed: update logoRect, logoPath and logoM, then redraw %s", faviconSVG, logoFile)
	}
	want := drawLogo(logoSize)
	if os.Getenv("MASTHEAD_UPDATE_LOGO") == "1" {
		var buf bytes.Buffer
		if err := (&png.Encoder{CompressionLevel: png.BestCompression}).Encode(&buf, want); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(logoFile, buf.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	f, err := os.Open(logoFile)
	if err != nil {
		t.Fatalf("%v (MASTHEAD_UPDATE_LOGO=1 draws it)", err)
	}
	defer f.Close()
	got, err := png.Decode(f)
	if err != nil {
		t.Fatal(err)
	}
	if got.Bounds() != want.Bounds() {
		t.Fatalf("logo is %v, want %v", got.Bounds(), want.Bounds())
	}
	for y := 0; y < logoSize; y++ {
		for x := 0; x < logoSize; x++ {
			if color.NRGBAModel.Convert(got.At(x, y)) != want.At(x, y) {
				t.Fatalf("%s differs from the favicon's drawing at (%d,%d); MASTHEAD_UPDATE_LOGO=1 redraws it", logoFile, x, y)
			}
		}
	}
	// The centre of the M's left leg is white, a corner transparent, the
	// middle of the bottom edge red.
	at := func(x, y float64) color.NRGBA {
		return want.NRGBAAt(int(x*logoSize/44), int(y*logoSize/44))
	}
	if c := at(11, 25); c != (color.NRGBA{255, 255, 255, 255}) {
		t.Errorf("the M is %v", c)
	}
	if c := at(0.3, 0.3); c.A != 0 {
		t.Errorf("the corner is %v", c)
	}
	if c := at(22, 40); c != (color.NRGBA{0xc8, 0x10, 0x2e, 0xff}) {
		t.Errorf("the square is %v", c)
	}
}
