package shareimg

import (
	"bytes"
	"image"
	"image/color"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestShapeJoinsLettersByContext(t *testing.T) {
	cases := []struct{ in, want, why string }{
		// سلام: seen initial, then lam-alef as one ligature joined to it
		// (final form), then meem alone, since alef does not join forward.
		{"سلام", "\uFEB3\uFEFC\uFEE1", "seen initial, lam-alef final, meem isolated"},
		{"بيت", "\uFE91\uFEF4\uFE96", "beh initial, yeh medial, teh final"},
		// lam + alef is one ligature; standing alone it is the isolated one.
		{"لا", "\uFEFB", "lam-alef ligature"},
		{"ملا", "\uFEE3\uFEFC", "lam-alef joined to the meem before it"},
		// Persian: the ZWNJ in «می‌شود» stops the join: yeh takes its final
		// form, sheen its initial one, and the ZWNJ itself is not drawn.
		// (waw does not join forward, so the dal after it stands alone).
		{"می\u200cشود", "\uFEE3\uFBFD\uFEB7\uFEEE\uFEA9", "ZWNJ breaks the join"},
		{"یک", "\uFBFE\uFB8F", "Persian yeh initial, keheh final"},
		{"يك", "\uFEF3\uFEDA", "Arabic yeh initial, kaf final"},
		{"گپ", "\uFB94\uFB57", "gaf initial, peh final"},
		{"Nova 3", "Nova 3", "Latin is unchanged"},
		{"شَد", "\uFEB7\u064E\uFEAA", "a fatha does not break the join"},
		{"خانهٔ ما", "\uFEA7\uFE8E\uFEE7\uFBA5 \uFEE3\uFE8E", "heh with hamza above as one letter"},
	}
	for _, c := range cases {
		if got := Shape(c.in); got != c.want {
			t.Errorf("%s: Shape(%q) = %U, want %U", c.why, c.in, []rune(got), []rune(c.want))
		}
	}
}

func TestVisualOrder(t *testing.T) {
	cases := []struct {
		in   string
		rtl  bool
		want string
	}{
		{"abc def", false, "abc def"},
		{"ابت", true, "تبا"},
		// A Latin name and a number keep their own order inside Persian text,
		// and the runs go right to left.
		{"تلسکوپ Nova-3 باز", true, "زاب Nova-3 پوکسلت"},
		{"سال ۱۴۰۵ است", true, "تسا ۱۴۰۵ لاس"},
		// Guillemets are mirrored in right-to-left text.
		{"«باغ»", true, "«غاب»"},
		// A mark stays after its letter.
		{"شَد", true, "دشَ"},
	}
	for _, c := range cases {
		if got := Visual(c.in, c.rtl); got != c.want {
			t.Errorf("Visual(%q, rtl=%v) = %q, want %q", c.in, c.rtl, got, c.want)
		}
	}
}

// inkColumns reports the leftmost and rightmost columns where the title
// area holds white ink.
func inkColumns(img *image.RGBA) (left, right int) {
	left, right = Width, -1
	for y := 170; y < Height-64; y++ {
		for x := 0; x < Width; x++ {
			if c := img.RGBAAt(x, y); c.R > 200 && c.G > 200 && c.B > 200 {
				left, right = min(left, x), max(right, x)
			}
		}
	}
	return
}

func TestRenderSetsTheTitleInItsDirection(t *testing.T) {
	if !HasArabicFont() {
		if os.Getenv("MASTHEAD_REQUIRE_BROWSER") == "1" {
			t.Fatal("no Arabic-script font installed (Debian: fonts-noto-core), which CI installs")
		}
		t.Skip("no Arabic-script font installed (apt-get install fonts-noto-core); Arabic titles cannot be drawn")
	}
	logo := image.NewRGBA(image.Rect(0, 0, 64, 64))
	for i := range logo.Pix {
		logo.Pix[i] = 0xff
	}
	cards := map[string]Card{
		"fa":   {Title: "کتاب‌خانهٔ مرکزی ارغوان‌شهر تا نیمه‌شب باز می‌ماند", Site: "ماستهد روزانه", RTL: true, Logo: logo},
		"ar":   {Title: "المكتبة العامة تفتح أبوابها حتى منتصف الليل لطلاب الجامعات والعمال", Site: "ماستهد اليومية", RTL: true, Logo: logo},
		"en":   {Title: "Central library to stay open until midnight on Fridays", Site: "Masthead Daily", Logo: logo},
		"long": {Title: strings.Repeat("A very long headline that goes on ", 12), Site: "Masthead Daily"},
	}
	dir := os.Getenv("MASTHEAD_SHAREIMG_OUT") // set to look at the pictures
	for name, c := range cards {
		img, err := Render(c)
		if err != nil {
			t.Fatal(err)
		}
		if img.Bounds() != image.Rect(0, 0, Width, Height) {
			t.Fatalf("%s: %v", name, img.Bounds())
		}
		left, right := inkColumns(img)
		if right < 0 {
			t.Fatalf("%s: no title was drawn", name)
		}
		if c.RTL && Width-80-right > 12 {
			t.Errorf("%s: a right-to-left title must end at the right margin; its ink ends at x=%d", name, right)
		}
		if !c.RTL && left-80 > 12 {
			t.Errorf("%s: a left-to-right title must start at the left margin; its ink starts at x=%d", name, left)
		}
		if left < 70 || right > Width-70 {
			t.Errorf("%s: the title overflows its margins: %d–%d", name, left, right)
		}
		if got := img.RGBAAt(Width/2, Height-5); got != (color.RGBA{0xc8, 0x10, 0x2e, 0xff}) {
			t.Errorf("%s: the red rule is %v", name, got)
		}
		if dir != "" {
			var buf bytes.Buffer
			png.Encode(&buf, img)
			os.WriteFile(filepath.Join(dir, name+".png"), buf.Bytes(), 0o644)
		}
	}
	b, err := PNG(cards["fa"])
	if err != nil {
		t.Fatal(err)
	}
	if cfg, err := png.DecodeConfig(bytes.NewReader(b)); err != nil || cfg.Width != Width || cfg.Height != Height {
		t.Fatalf("PNG: %v %+v", err, cfg)
	}
}
