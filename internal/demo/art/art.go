// Package art draws the demo site's illustrations: deterministic, original, flat-style pictures.
package art

import (
	"image"
	"math"
)

// Themes lists every theme Render knows.
var Themes = []string{"city", "river", "mountains", "forest", "sea", "desert", "fields", "library", "science", "market", "energy", "night", "birds", "portrait"}

// Render draws theme at w×h pixels. The same (theme, seed, w, h) always gives the same pixels;
// different seeds give visibly different compositions (positions, palette variation, counts).
// An unknown theme falls back to a neutral abstract composition, never an error.
func Render(theme string, seed uint64, w, h int) *image.RGBA {
	if w <= 0 || h <= 0 {
		return image.NewRGBA(image.Rect(0, 0, max(w, 0), max(h, 0)))
	}
	s := &scene{
		canvas: newCanvas(w, h),
		r:      newRng(seed, theme),
		w:      float64(w),
		h:      float64(h),
		grain:  0.022,
		vign:   0.18,
	}
	s.u = math.Min(s.h, s.w*9/16) / 675 // one "design pixel" of a 1200×675 layout
	s.hue = s.r.f(-9, 9)
	draw, ok := themes[theme]
	if !ok {
		draw = (*scene).abstract
	}
	draw(s)
	return s.toImage(hash3(seed, uint64(w), uint64(h)), s.grain, s.vign)
}

var themes = map[string]func(*scene){
	"city":      (*scene).city,
	"river":     (*scene).river,
	"mountains": (*scene).mountains,
	"forest":    (*scene).forest,
	"sea":       (*scene).sea,
	"desert":    (*scene).desert,
	"fields":    (*scene).fields,
	"library":   (*scene).library,
	"science":   (*scene).science,
	"market":    (*scene).market,
	"energy":    (*scene).energy,
	"night":     (*scene).night,
	"birds":     (*scene).birds,
	"portrait":  (*scene).portrait,
}

// scene carries the canvas, the random source and the layout units of one picture.
type scene struct {
	*canvas
	r     rng
	w, h  float64
	u     float64 // size unit: 1 at 1200×675
	hue   float64 // small per-seed hue rotation applied to palettes
	grain float64
	vign  float64
}

// palette picks one of the variants by the random source and applies the
// per-seed hue jitter, returning colours in the order they were listed.
func (s *scene) palette(variants [][]string) []col {
	v := variants[s.r.IntN(len(variants))]
	out := make([]col, len(v))
	for i, h := range v {
		out[i] = hex(h).shift(s.hue, 0, 0)
	}
	return out
}

// sky fills the canvas with a vertical gradient from the top to y1.
func (s *scene) sky(y1 float64, g gradient) paint {
	p := vertical(0, y1, g)
	s.fillAll(p)
	return p
}

// sun draws a disc with a soft halo.
func (s *scene) sun(x, y, r float64, c, halo col, haloR, haloA float64) {
	if haloR > 0 {
		s.fill(circle(x, y, haloR), glow(x, y, haloR, halo, haloA))
	}
	s.fill(circle(x, y, r), solid(c))
}

// cloud draws a flat, flat-bottomed cloud centred at x with its base at y.
func (s *scene) cloud(x, y, size float64, c col, a float64) {
	var p path
	wd := size * s.r.f(2.2, 3.4)
	p = p.add(roundRectPts(x-wd/2, y-size*0.55, wd, size*0.55, size*0.27))
	n := s.r.i(2, 4)
	for i := 0; i < n; i++ {
		t := (float64(i) + 0.5) / float64(n)
		cx := x - wd/2 + wd*(0.15+0.7*t)
		rr := size * s.r.f(0.35, 0.62) * (1 - 0.5*math.Abs(t-0.5))
		p = p.add(ellipsePts(cx, y-size*0.45, rr, rr, 0))
	}
	s.fill(union(p), solidA(c, a))
}

// birdShape is a gliding bird silhouette of half-span 1 centred at the origin.
func birdShape(flap float64) path {
	var b builder
	tip := -0.22 - 0.35*flap
	b.move(-1, tip)
	b.quad(-0.5, -0.42-0.2*flap, -0.04, 0.02)
	b.line(0, 0.08)
	b.line(0.04, 0.02)
	b.quad(0.5, -0.42-0.2*flap, 1, tip)
	b.quad(0.5, -0.2-0.15*flap, 0.02, 0.22)
	b.quad(-0.5, -0.2-0.15*flap, -1, tip)
	return b.path()
}

func (s *scene) bird(x, y, size float64, c col) {
	s.fill(transform(birdShape(s.r.f(-0.3, 0.6)), x, y, size, s.r.f(-0.15, 0.15)), solid(c))
}

// stars scatters n stars above y1, denser and brighter toward the top.
func (s *scene) stars(n int, y1 float64, c col) {
	for i := 0; i < n; i++ {
		x := s.r.f(0, s.w)
		t := s.r.Float64()
		y := y1 * t * t
		b := s.r.f(0.25, 1) * (1 - 0.5*t)
		r := s.u * s.r.f(0.6, 1.6)
		if s.r.chance(0.04) {
			r *= 1.8
			s.fill(circle(x, y, r*5), glow(x, y, r*5, c, 0.35*b))
			// four-point sparkle
			s.fill(line(x-r*4, y, x+r*4, y, r*0.35), solidA(c, 0.6*b))
			s.fill(line(x, y-r*4, x, y+r*4, r*0.35), solidA(c, 0.6*b))
		}
		s.fill(circle(x, y, r), solidA(c, b))
	}
}

// mist lays a band of haze colour c that rises from transparent at y0 to alpha a
// at y1 and fades out again below y1.
func (s *scene) mist(y0, y1 float64, c col, a float64) {
	d := y1 - y0
	s.fill(rect(-1, y0, s.w+2, d*2.5), fnPaint(func(x, y float64) (col, float32) {
		t := (y - y0) / d
		if t > 1 {
			t = clampf(1-(t-1)/1.5, 0, 1)
		}
		return c, float32(a * t * t * (3 - 2*t))
	}))
}
