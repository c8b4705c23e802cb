// Package shareimg draws the picture that social networks show for an
// article without a featured image: its title in its own script and
// direction, over the site's colours, with the site's name and logo. Latin
// text is set in Go Bold; Arabic-script text in an Arabic font installed on
// the machine (Debian's fonts-noto-core: Noto Sans or Naskh Arabic Bold, or
// the file named by MASTHEAD_ARABIC_FONT), shaped and reordered here
// (shape.go). Without such a font, an Arabic-script card shows the site's
// name and logo but no title. It is pure: the web layer serves the PNG.
// The same typesetting draws sheets of text (sheet.go): the pages and
// covers of the demo's publications.
package shareimg

import (
	"bytes"
	"image"
	"image/color"
	"image/png"
	"os"
	"strings"
	"sync"

	"golang.org/x/image/draw"
	"golang.org/x/image/font"
	"golang.org/x/image/font/gofont/gobold"
	"golang.org/x/image/font/opentype"
	"golang.org/x/image/math/fixed"
)

// The picture's size: what Open Graph and X cards show best (1.91:1).
const (
	Width  = 1200
	Height = 630
)

// arabicFontFiles are where Debian and other distributions keep a bold
// Arabic-script font; the first one that exists is used.
var arabicFontFiles = []string{
	"/usr/share/fonts/truetype/noto/NotoSansArabic-Bold.ttf",
	"/usr/share/fonts/truetype/noto/NotoNaskhArabic-Bold.ttf",
	"/usr/share/fonts/opentype/noto/NotoSansArabic-Bold.ttf",
	"/usr/share/fonts/noto/NotoSansArabic-Bold.ttf",
	"/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf",
}

// findArabicFont reads the first available Arabic-script font.
func findArabicFont() []byte {
	paths := arabicFontFiles
	if p := os.Getenv("MASTHEAD_ARABIC_FONT"); p != "" {
		paths = append([]string{p}, paths...)
	}
	for _, p := range paths {
		if b, err := os.ReadFile(p); err == nil {
			return b
		}
	}
	return nil
}

// HasArabicFont reports whether Arabic-script titles can be drawn here.
func HasArabicFont() bool {
	fs, err := loadFonts()
	return err == nil && fs.arabic != nil
}

var (
	brand  = color.RGBA{0x13, 0x29, 0x4b, 0xff} // the header's navy
	accent = color.RGBA{0xc8, 0x10, 0x2e, 0xff} // the logo's red
	muted  = color.RGBA{0xc9, 0xd3, 0xe3, 0xff}
)

type fonts struct {
	latin, arabic *opentype.Font
}

var loadFonts = sync.OnceValues(func() (fonts, error) {
	latin, err := opentype.Parse(gobold.TTF)
	if err != nil {
		return fonts{}, err
	}
	data := findArabicFont()
	if data == nil {
		return fonts{latin: latin}, nil
	}
	arabic, err := opentype.Parse(data)
	if err != nil {
		return fonts{latin: latin}, nil // an unreadable system font: Latin only
	}
	return fonts{latin, arabic}, nil
})

// Card is what the picture says.
type Card struct {
	Title string
	Site  string
	RTL   bool        // the edition writes right to left
	Logo  image.Image // drawn beside the site name; optional
}

// PNG draws the card and encodes it.
func PNG(c Card) ([]byte, error) {
	img, err := Render(c)
	if err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	if err := (&png.Encoder{CompressionLevel: png.BestSpeed}).Encode(&buf, img); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// Render draws the card: the logo and site name at the top, the title as
// large as fits in at most five lines, a red rule at the foot. Right-to-
// left editions mirror the layout.
func Render(c Card) (*image.RGBA, error) {
	fs, err := loadFonts()
	if err != nil {
		return nil, err
	}
	if fs.arabic == nil && strings.IndexFunc(c.Title, arabicScript) >= 0 {
		c.Title = "" // no font to draw it with: name and logo only
	}
	img := image.NewRGBA(image.Rect(0, 0, Width, Height))
	draw.Draw(img, img.Bounds(), image.NewUniform(brand), image.Point{}, draw.Src)
	draw.Draw(img, image.Rect(0, Height-14, Width, Height), image.NewUniform(accent), image.Point{}, draw.Src)

	const pad = 80
	// Masthead: logo and site name.
	logoW := 0
	if c.Logo != nil {
		logoW = 72 + 24
		x := pad
		if c.RTL {
			x = Width - pad - 72
		}
		draw.CatmullRom.Scale(img, image.Rect(x, 56, x+72, 128), c.Logo, c.Logo.Bounds(), draw.Over, nil)
	}
	site, err := newSetter(fs, 34)
	if err != nil {
		return nil, err
	}
	defer site.close()
	name := Visual(Shape(c.Site), c.RTL)
	if c.RTL {
		site.draw(img, name, Width-pad-logoW-site.width(name), 104, muted)
	} else {
		site.draw(img, name, pad+logoW, 104, muted)
	}

	// Title: the largest size at which it fits.
	title := Shape(strings.Join(strings.Fields(c.Title), " "))
	maxW := Width - 2*pad
	var lines []string
	var ts *setter
	for _, size := range []float64{72, 64, 56, 50, 44} {
		if ts != nil {
			ts.close()
		}
		if ts, err = newSetter(fs, size); err != nil {
			return nil, err
		}
		lines = ts.wrap(title, maxW)
		if len(lines) <= 4 || (size == 44 && len(lines) <= 5) {
			break
		}
	}
	defer ts.close()
	if len(lines) > 5 {
		lines = lines[:5]
		last := strings.Fields(lines[4])
		for len(last) > 1 && ts.width(strings.Join(last, " ")+" …") > maxW {
			last = last[:len(last)-1]
		}
		lines[4] = strings.Join(last, " ") + " …"
	}
	lineH := int(ts.size * 1.45)
	top, bottom := 170, Height-14-50
	y := top + (bottom-top-lineH*len(lines))/2 + int(ts.size)
	for _, l := range lines {
		v := Visual(l, c.RTL)
		x := pad
		if c.RTL {
			x = Width - pad - ts.width(v)
		}
		ts.draw(img, v, x, y, color.White)
		y += lineH
	}
	return img, nil
}

// setter sets text at one size, Arabic-script letters in the Arabic font
// and everything else in the Latin one.
type setter struct {
	size          float64
	latin, arabic font.Face
}

func newSetter(fs fonts, size float64) (*setter, error) {
	opts := &opentype.FaceOptions{Size: size, DPI: 72, Hinting: font.HintingNone}
	latin, err := opentype.NewFace(fs.latin, opts)
	if err != nil {
		return nil, err
	}
	if fs.arabic == nil {
		return &setter{size: size, latin: latin, arabic: latin}, nil
	}
	arabic, err := opentype.NewFace(fs.arabic, opts)
	if err != nil {
		return nil, err
	}
	return &setter{size: size, latin: latin, arabic: arabic}, nil
}

func (s *setter) close() {
	s.latin.Close()
	if s.arabic != s.latin {
		s.arabic.Close()
	}
}

// arabicScript reports whether r belongs to the Arabic font: Arabic
// letters, digits, punctuation and presentation forms.
func arabicScript(r rune) bool {
	return r >= 0x0600 && r <= 0x06FF || r >= 0x0750 && r <= 0x077F || r >= 0xFB50 && r <= 0xFDFF || r >= 0xFE70 && r <= 0xFEFF
}

// face picks the font for a rune: the Arabic one for its script, else the
// Latin one when it has the glyph, else whichever has it.
func (s *setter) face(r rune) font.Face {
	if arabicScript(r) {
		return s.arabic
	}
	if _, ok := s.latin.GlyphAdvance(r); ok {
		return s.latin
	}
	return s.arabic
}

func (s *setter) width(text string) int {
	var w fixed.Int26_6
	for _, r := range text {
		if adv, ok := s.face(r).GlyphAdvance(r); ok {
			w += adv
		}
	}
	return w.Ceil()
}

// wrap breaks logical text into lines no wider than max, at spaces.
func (s *setter) wrap(text string, max int) []string {
	var lines []string
	line := ""
	for _, w := range strings.Fields(text) {
		cand := w
		if line != "" {
			cand = line + " " + w
		}
		if line != "" && s.width(cand) > max {
			lines = append(lines, line)
			cand = w
		}
		line = cand
	}
	if line != "" {
		lines = append(lines, line)
	}
	return lines
}

// draw sets visual-order text with its baseline at y, from x rightwards.
// A mark (a hamza or haraka, which follows its letter in visual order
// too) is centred over that letter: without the font's positioning
// tables, that is where it belongs.
func (s *setter) draw(dst draw.Image, text string, x, y int, c color.Color) {
	src := image.NewUniform(c)
	dot := fixed.P(x, y)
	var baseX, baseAdv fixed.Int26_6
	for _, r := range text {
		f := s.face(r)
		at := dot
		if transparent(r) {
			b, _, ok := f.GlyphBounds(r)
			if !ok {
				continue
			}
			at.X = baseX + (baseAdv-(b.Max.X-b.Min.X))/2 - b.Min.X
		}
		dr, mask, mp, adv, ok := f.Glyph(at, r)
		if !ok {
			continue
		}
		draw.DrawMask(dst, dr, src, image.Point{}, mask, mp, draw.Over)
		if !transparent(r) {
			baseX, baseAdv = dot.X, adv
			dot.X += adv
		}
	}
}
