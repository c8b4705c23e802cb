package admin_test

import (
	"bytes"
	"image"
	"image/color"
	"image/png"
)

func tinyPNG() []byte {
	img := image.NewRGBA(image.Rect(0, 0, 8, 6))
	for x := 0; x < 8; x++ {
		for y := 0; y < 6; y++ {
			img.Set(x, y, color.RGBA{uint8(30 * x), 90, uint8(40 * y), 255})
		}
	}
	var b bytes.Buffer
	png.Encode(&b, img)
	return b.Bytes()
}

// pngHeader is the signature and the start of a PNG with nothing after it.
func pngHeader() []byte { return tinyPNG()[:40] }
