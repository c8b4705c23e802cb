package art

import (
	"image"
	"math"
)

// canvas is a floating-point RGB drawing surface. Every shape is turned into
// polygons and rasterized with exact-area coverage (signed-area accumulation),
// which gives smooth anti-aliased edges without supersampling.
type canvas struct {
	w, h int
	pix  []float32 // r, g, b interleaved, sRGB in 0..1
	clip *clipMask // optional coverage mask; nil means no clipping
	acc  []float32 // scratch accumulation buffer
	pool [][]float32
}

// clipMask is a coverage mask that is zero outside its bounding box.
type clipMask struct {
	m              []float32 // full canvas size; only the box is meaningful
	x0, y0, x1, y1 int
}

func newCanvas(w, h int) *canvas {
	return &canvas{w: w, h: h, pix: make([]float32, w*h*3)}
}

// paint is a solid colour or a position-dependent colour (gradient) with alpha.
type paint struct {
	c  col
	a  float32
	fn func(x, y float64) (col, float32)
}

func solid(c col) paint                                 { return paint{c: c, a: 1} }
func solidA(c col, a float64) paint                     { return paint{c: c, a: float32(a)} }
func fnPaint(f func(x, y float64) (col, float32)) paint { return paint{fn: f, a: 1} }

// coverage rasterizes p and calls emit for every pixel with non-zero coverage.
func (cv *canvas) coverage(p path, emit func(x, y int, cov float32)) (bx0, by0, bx1, by1 int) {
	minx, miny := math.Inf(1), math.Inf(1)
	maxx, maxy := math.Inf(-1), math.Inf(-1)
	for _, sp := range p {
		for _, q := range sp {
			minx = math.Min(minx, q.x)
			maxx = math.Max(maxx, q.x)
			miny = math.Min(miny, q.y)
			maxy = math.Max(maxy, q.y)
		}
	}
	if !(minx < maxx && miny < maxy) || math.IsNaN(minx) || math.IsNaN(miny) {
		return 0, 0, 0, 0
	}
	x0 := int(math.Max(0, math.Floor(minx)))
	y0 := int(math.Max(0, math.Floor(miny)))
	x1 := int(math.Min(float64(cv.w), math.Ceil(maxx)))
	y1 := int(math.Min(float64(cv.h), math.Ceil(maxy)))
	if x0 >= x1 || y0 >= y1 {
		return 0, 0, 0, 0
	}
	bw, bh := x1-x0, y1-y0
	stride := bw + 2
	n := stride * bh
	if cap(cv.acc) < n {
		cv.acc = make([]float32, n)
	}
	acc := cv.acc[:n]
	clear(acc)
	r := rast{a: acc, w: bw, h: bh, stride: stride}
	fx, fy := float64(x0), float64(y0)
	for _, sp := range p {
		m := len(sp)
		if m < 3 {
			continue
		}
		for i := 0; i < m; i++ {
			a, b := sp[i], sp[(i+1)%m]
			r.line(clampf(a.x-fx, 0, float64(bw)), a.y-fy, clampf(b.x-fx, 0, float64(bw)), b.y-fy)
		}
	}
	for y := 0; y < bh; y++ {
		row := acc[y*stride : y*stride+bw]
		var s float32
		for x, v := range row {
			s += v
			c := s
			if c < 0 {
				c = -c
			}
			if c > 1 {
				c = 1
			}
			if c > 1.0/1024 {
				emit(x0+x, y0+y, c)
			}
		}
	}
	return x0, y0, x1, y1
}

// fill paints path p.
func (cv *canvas) fill(p path, pt paint) {
	cv.coverage(p, func(x, y int, cov float32) {
		i := y*cv.w + x
		if cl := cv.clip; cl != nil {
			if x < cl.x0 || x >= cl.x1 || y < cl.y0 || y >= cl.y1 {
				return
			}
			cov *= cl.m[i]
			if cov <= 0 {
				return
			}
		}
		c, a := pt.c, pt.a
		if pt.fn != nil {
			c, a = pt.fn(float64(x)+0.5, float64(y)+0.5)
		}
		a *= cov
		if a <= 0 {
			return
		}
		j := i * 3
		cv.pix[j] += (c.r - cv.pix[j]) * a
		cv.pix[j+1] += (c.g - cv.pix[j+1]) * a
		cv.pix[j+2] += (c.b - cv.pix[j+2]) * a
	})
}

// fillAll paints the whole canvas (respecting the clip mask).
func (cv *canvas) fillAll(pt paint) {
	cv.fill(path{rectPts(-1, -1, float64(cv.w)+2, float64(cv.h)+2)}, pt)
}

// withClip runs draw with the clip mask set to p (intersected with any current clip).
func (cv *canvas) withClip(p path, draw func()) {
	var m []float32
	if n := len(cv.pool); n > 0 {
		m, cv.pool = cv.pool[n-1], cv.pool[:n-1]
	} else {
		m = make([]float32, cv.w*cv.h)
	}
	// coverage only reports pixels with some coverage, so clear the box first
	x0, y0, x1, y1 := pathBox(p, cv.w, cv.h)
	for y := y0; y < y1; y++ {
		clear(m[y*cv.w+x0 : y*cv.w+x1])
	}
	cv.coverage(p, func(x, y int, cov float32) { m[y*cv.w+x] = cov })
	old := cv.clip
	cm := &clipMask{m: m, x0: x0, y0: y0, x1: x1, y1: y1}
	if old != nil {
		cm.x0, cm.y0 = max(cm.x0, old.x0), max(cm.y0, old.y0)
		cm.x1, cm.y1 = min(cm.x1, old.x1), min(cm.y1, old.y1)
		for y := cm.y0; y < cm.y1; y++ {
			for x := cm.x0; x < cm.x1; x++ {
				m[y*cv.w+x] *= old.m[y*cv.w+x]
			}
		}
	}
	cv.clip = cm
	draw()
	cv.clip = old
	cv.pool = append(cv.pool, m)
}

// pathBox returns the pixel box that coverage would use for p.
func pathBox(p path, w, h int) (x0, y0, x1, y1 int) {
	minx, miny := math.Inf(1), math.Inf(1)
	maxx, maxy := math.Inf(-1), math.Inf(-1)
	for _, sp := range p {
		for _, q := range sp {
			minx = math.Min(minx, q.x)
			maxx = math.Max(maxx, q.x)
			miny = math.Min(miny, q.y)
			maxy = math.Max(maxy, q.y)
		}
	}
	if !(minx < maxx && miny < maxy) {
		return 0, 0, 0, 0
	}
	x0 = int(math.Max(0, math.Floor(minx)))
	y0 = int(math.Max(0, math.Floor(miny)))
	x1 = int(math.Min(float64(w), math.Ceil(maxx)))
	y1 = int(math.Min(float64(h), math.Ceil(maxy)))
	if x0 >= x1 || y0 >= y1 {
		return 0, 0, 0, 0
	}
	return
}

// toImage converts the canvas to 8-bit RGBA, adding fine film grain (which also
// dithers away gradient banding) and an optional soft vignette.
func (cv *canvas) toImage(seed uint64, grain, vignette float64) *image.RGBA {
	img := image.NewRGBA(image.Rect(0, 0, cv.w, cv.h))
	g := float32(grain)
	cx, cy := float64(cv.w)/2, float64(cv.h)/2
	rr := cx*cx + cy*cy
	for y := 0; y < cv.h; y++ {
		dy := (float64(y) + 0.5 - cy)
		for x := 0; x < cv.w; x++ {
			i := y*cv.w + x
			h := hash3(uint64(x), uint64(y), seed)
			// triangular noise in [-1, 1]
			n := float32(h&0xffff)/65535 + float32((h>>16)&0xffff)/65535 - 1
			v := float32(1)
			if vignette > 0 {
				dx := float64(x) + 0.5 - cx
				d := (dx*dx + dy*dy) / rr
				v = float32(1 - vignette*d*d)
			}
			// fine, slightly chromatic grain
			n2 := float32((h>>32)&0xff)/255 - 0.5
			j := i * 3
			o := i * 4
			img.Pix[o] = to8(cv.pix[j]*v + g*n + g*0.3*n2)
			img.Pix[o+1] = to8(cv.pix[j+1]*v + g*n)
			img.Pix[o+2] = to8(cv.pix[j+2]*v + g*n - g*0.3*n2)
			img.Pix[o+3] = 255
		}
	}
	return img
}

func to8(v float32) uint8 {
	v = v*255 + 0.5
	if v <= 0 {
		return 0
	}
	if v >= 255 {
		return 255
	}
	return uint8(v)
}

func clampf(v, lo, hi float64) float64 {
	if v < lo {
		return lo
	}
	if v > hi {
		return hi
	}
	return v
}

// rast accumulates signed area for polygon edges (the algorithm used by font-rs).
type rast struct {
	a      []float32
	w, h   int
	stride int
}

func (r *rast) line(ax, ay, bx, by float64) {
	if ay == by {
		return
	}
	dir := float32(1)
	if ay > by {
		ax, ay, bx, by = bx, by, ax, ay
		dir = -1
	}
	if by <= 0 || ay >= float64(r.h) {
		return
	}
	dxdy := (bx - ax) / (by - ay)
	x := ax
	if ay < 0 {
		x -= ay * dxdy
	}
	ys := int(math.Max(0, math.Floor(ay)))
	ye := min(r.h, int(math.Ceil(by)))
	fw := float64(r.w)
	for y := ys; y < ye; y++ {
		line := y * r.stride
		dy := math.Min(float64(y+1), by) - math.Max(float64(y), ay)
		xnext := x + dxdy*dy
		d := float32(dy) * dir
		x0, x1 := x, xnext
		if x0 > x1 {
			x0, x1 = x1, x0
		}
		x0 = clampf(x0, 0, fw)
		x1 = clampf(x1, 0, fw)
		x0f := math.Floor(x0)
		x0i := int(x0f)
		x1c := math.Ceil(x1)
		x1i := int(x1c)
		if x1i <= x0i+1 {
			xmf := float32(0.5*(x0+x1) - x0f)
			r.a[line+x0i] += d - d*xmf
			r.a[line+x0i+1] += d * xmf
		} else {
			s := float32(1 / (x1 - x0))
			fx0 := float32(x0 - x0f)
			a0 := 0.5 * s * (1 - fx0) * (1 - fx0)
			fx1 := float32(x1 - x1c + 1)
			am := 0.5 * s * fx1 * fx1
			r.a[line+x0i] += d * a0
			if x1i == x0i+2 {
				r.a[line+x0i+1] += d * (1 - a0 - am)
			} else {
				a1 := s * (1.5 - fx0)
				r.a[line+x0i+1] += d * (a1 - a0)
				for xi := x0i + 2; xi < x1i-1; xi++ {
					r.a[line+xi] += d * s
				}
				a2 := a1 + float32(x1i-x0i-3)*s
				r.a[line+x1i-1] += d * (1 - a2 - am)
			}
			r.a[line+x1i] += d * am
		}
		x = xnext
	}
}

// hash3 mixes three integers into a well-distributed 64-bit value.
func hash3(a, b, c uint64) uint64 {
	h := a*0x9E3779B97F4A7C15 ^ b*0xC2B2AE3D27D4EB4F ^ c*0x165667B19E3779F9
	h ^= h >> 31
	h *= 0xBF58476D1CE4E5B9
	h ^= h >> 29
	h *= 0x94D049BB133111EB
	h ^= h >> 32
	return h
}
