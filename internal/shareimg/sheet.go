package shareimg

import (
	"bytes"
	"image"
	"image/color"
	"image/png"
	"strings"

	"golang.org/x/image/draw"
)

// Sheet is a page of text in one script direction: a page of a generated
// document or the cover of a publication. The demo draws its PDFs' pages
// this way, so Arabic and Persian are shaped and ordered by our own code.
type Sheet struct {
	Width, Height int
	RTL           bool
	Background    color.Color
	// Picture, when set, is drawn into PictureRect (scaled to fill it).
	Picture     image.Image
	PictureRect image.Rectangle
	// Top is where the first block starts; Margin is the space on both
	// sides of the text.
	Top, Margin int
	Blocks      []Block
	// Band, when not empty, is a strip of colour drawn under the blocks.
	Band      image.Rectangle
	BandColor color.Color
}

// Block is a paragraph set at one size and colour, wrapped to the sheet's
// width; After is the space below it.
type Block struct {
	Text  string
	Size  float64
	Color color.Color
	After int
}

// RenderSheet draws a sheet. Blocks that no longer fit are left out.
func RenderSheet(sh Sheet) (*image.RGBA, error) {
	fs, err := loadFonts()
	if err != nil {
		return nil, err
	}
	img := image.NewRGBA(image.Rect(0, 0, sh.Width, sh.Height))
	draw.Draw(img, img.Bounds(), image.NewUniform(sh.Background), image.Point{}, draw.Src)
	if sh.Picture != nil {
		draw.CatmullRom.Scale(img, sh.PictureRect, sh.Picture, sh.Picture.Bounds(), draw.Over, nil)
	}
	if !sh.Band.Empty() && sh.BandColor != nil {
		draw.Draw(img, sh.Band, image.NewUniform(sh.BandColor), image.Point{}, draw.Src)
	}
	y := sh.Top
	maxW := sh.Width - 2*sh.Margin
	for _, b := range sh.Blocks {
		text := strings.Join(strings.Fields(b.Text), " ")
		if fs.arabic == nil && strings.IndexFunc(text, arabicScript) >= 0 {
			continue // no font to draw it with
		}
		ts, err := newSetter(fs, b.Size)
		if err != nil {
			return nil, err
		}
		lineH := int(b.Size * 1.5)
		for _, l := range ts.wrap(Shape(text), maxW) {
			if y+lineH > sh.Height-sh.Margin/2 {
				break
			}
			v := Visual(l, sh.RTL)
			x := sh.Margin
			if sh.RTL {
				x = sh.Width - sh.Margin - ts.width(v)
			}
			ts.draw(img, v, x, y+int(b.Size), b.Color)
			y += lineH
		}
		ts.close()
		y += b.After
	}
	return img, nil
}

// SheetPNG draws a sheet and encodes it as PNG.
func SheetPNG(sh Sheet) ([]byte, error) {
	img, err := RenderSheet(sh)
	if err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	if err := (&png.Encoder{CompressionLevel: png.BestSpeed}).Encode(&buf, img); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}
