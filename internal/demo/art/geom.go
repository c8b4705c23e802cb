package art

import (
	"math"
	"math/rand/v2"
)

type pt struct{ x, y float64 }

// path is a set of closed polygons (sub-paths) filled with the non-zero rule.
type path [][]pt

func (p path) add(q ...[]pt) path { return append(p, q...) }

func rectPts(x, y, w, h float64) []pt {
	return []pt{{x, y}, {x + w, y}, {x + w, y + h}, {x, y + h}}
}

func rect(x, y, w, h float64) path { return path{rectPts(x, y, w, h)} }

func segs(r float64) int {
	n := int(r * 1.2)
	return max(10, min(n, 256))
}

func ellipsePts(cx, cy, rx, ry, rot float64) []pt {
	n := segs(math.Max(rx, ry))
	s, c := math.Sincos(rot)
	out := make([]pt, n)
	for i := range out {
		a := 2 * math.Pi * float64(i) / float64(n)
		ex, ey := rx*math.Cos(a), ry*math.Sin(a)
		out[i] = pt{cx + ex*c - ey*s, cy + ex*s + ey*c}
	}
	return out
}

func circle(cx, cy, r float64) path { return path{ellipsePts(cx, cy, r, r, 0)} }

func ellipse(cx, cy, rx, ry, rot float64) path { return path{ellipsePts(cx, cy, rx, ry, rot)} }

// arcPts returns points on a circular arc from angle a0 to a1 (radians, screen coordinates).
func arcPts(cx, cy, r, a0, a1 float64) []pt {
	n := max(2, int(float64(segs(r))*math.Abs(a1-a0)/(2*math.Pi))+1)
	out := make([]pt, n+1)
	for i := 0; i <= n; i++ {
		a := a0 + (a1-a0)*float64(i)/float64(n)
		out[i] = pt{cx + r*math.Cos(a), cy + r*math.Sin(a)}
	}
	return out
}

func roundRectPts(x, y, w, h, r float64) []pt {
	r = math.Min(r, math.Min(w, h)/2)
	if r <= 0 {
		return rectPts(x, y, w, h)
	}
	var out []pt
	out = append(out, arcPts(x+w-r, y+r, r, -math.Pi/2, 0)...)
	out = append(out, arcPts(x+w-r, y+h-r, r, 0, math.Pi/2)...)
	out = append(out, arcPts(x+r, y+h-r, r, math.Pi/2, math.Pi)...)
	out = append(out, arcPts(x+r, y+r, r, math.Pi, 1.5*math.Pi)...)
	return out
}

func roundRect(x, y, w, h, r float64) path { return path{roundRectPts(x, y, w, h, r)} }

func poly(p ...pt) path { return path{p} }

// area2 returns twice the signed area of a polygon.
func area2(p []pt) float64 {
	var s float64
	for i := range p {
		a, b := p[i], p[(i+1)%len(p)]
		s += a.x*b.y - b.x*a.y
	}
	return s
}

// union orients every sub-path the same way so that overlapping parts merge.
func union(p path) path {
	for _, sp := range p {
		if area2(sp) < 0 {
			reverse(sp)
		}
	}
	return p
}

func reverse(p []pt) {
	for i, j := 0, len(p)-1; i < j; i, j = i+1, j-1 {
		p[i], p[j] = p[j], p[i]
	}
}

// builder makes polygons out of lines and Bézier curves.
type builder struct {
	cur []pt
	out path
}

func (b *builder) move(x, y float64) *builder {
	b.close()
	b.cur = []pt{{x, y}}
	return b
}

func (b *builder) line(x, y float64) *builder {
	b.cur = append(b.cur, pt{x, y})
	return b
}

func (b *builder) last() pt {
	if len(b.cur) == 0 {
		return pt{}
	}
	return b.cur[len(b.cur)-1]
}

func (b *builder) quad(cx, cy, x, y float64) *builder {
	p0 := b.last()
	l := math.Hypot(cx-p0.x, cy-p0.y) + math.Hypot(x-cx, y-cy)
	n := max(4, min(int(l/3), 64))
	for i := 1; i <= n; i++ {
		t := float64(i) / float64(n)
		u := 1 - t
		b.cur = append(b.cur, pt{u*u*p0.x + 2*u*t*cx + t*t*x, u*u*p0.y + 2*u*t*cy + t*t*y})
	}
	return b
}

func (b *builder) cubic(c1x, c1y, c2x, c2y, x, y float64) *builder {
	p0 := b.last()
	l := math.Hypot(c1x-p0.x, c1y-p0.y) + math.Hypot(c2x-c1x, c2y-c1y) + math.Hypot(x-c2x, y-c2y)
	n := max(4, min(int(l/3), 96))
	for i := 1; i <= n; i++ {
		t := float64(i) / float64(n)
		u := 1 - t
		a, bb, c, d := u*u*u, 3*u*u*t, 3*u*t*t, t*t*t
		b.cur = append(b.cur, pt{a*p0.x + bb*c1x + c*c2x + d*x, a*p0.y + bb*c1y + c*c2y + d*y})
	}
	return b
}

func (b *builder) close() *builder {
	if len(b.cur) >= 3 {
		b.out = append(b.out, b.cur)
	}
	b.cur = nil
	return b
}

func (b *builder) path() path {
	b.close()
	return b.out
}

// smooth returns a Catmull-Rom curve through pts, sampled densely.
func smooth(pts []pt, per int) []pt {
	if len(pts) < 3 {
		return pts
	}
	var out []pt
	for i := 0; i < len(pts)-1; i++ {
		p0 := pts[max(0, i-1)]
		p1 := pts[i]
		p2 := pts[i+1]
		p3 := pts[min(len(pts)-1, i+2)]
		for k := 0; k < per; k++ {
			t := float64(k) / float64(per)
			t2, t3 := t*t, t*t*t
			f := func(a, b, c, d float64) float64 {
				return 0.5 * (2*b + (-a+c)*t + (2*a-5*b+4*c-d)*t2 + (-a+3*b-3*c+d)*t3)
			}
			out = append(out, pt{f(p0.x, p1.x, p2.x, p3.x), f(p0.y, p1.y, p2.y, p3.y)})
		}
	}
	return append(out, pts[len(pts)-1])
}

// stroke turns a polyline into a filled outline. Width tapers linearly from w0 to w1.
func stroke(pts []pt, w0, w1 float64) path {
	n := len(pts)
	if n < 2 {
		return nil
	}
	left := make([]pt, n)
	right := make([]pt, n)
	for i := range pts {
		var dx, dy float64
		switch {
		case i == 0:
			dx, dy = pts[1].x-pts[0].x, pts[1].y-pts[0].y
		case i == n-1:
			dx, dy = pts[n-1].x-pts[n-2].x, pts[n-1].y-pts[n-2].y
		default:
			dx, dy = pts[i+1].x-pts[i-1].x, pts[i+1].y-pts[i-1].y
		}
		l := math.Hypot(dx, dy)
		if l == 0 {
			l = 1
		}
		t := float64(i) / float64(n-1)
		hw := (w0 + (w1-w0)*t) / 2
		nx, ny := -dy/l*hw, dx/l*hw
		left[i] = pt{pts[i].x + nx, pts[i].y + ny}
		right[i] = pt{pts[i].x - nx, pts[i].y - ny}
	}
	reverse(right)
	return path{append(left, right...)}
}

// line is a straight stroke of width w with square ends.
func line(x0, y0, x1, y1, w float64) path { return stroke([]pt{{x0, y0}, {x1, y1}}, w, w) }

// ring is the outline of an ellipse, width w.
func ring(cx, cy, rx, ry, rot, w float64) path {
	outer := ellipsePts(cx, cy, rx+w/2, ry+w/2, rot)
	inner := ellipsePts(cx, cy, math.Max(0, rx-w/2), math.Max(0, ry-w/2), rot)
	reverse(inner)
	return path{outer, inner}
}

// transform applies rotation by a, scaling by s and translation to every point.
func transform(p path, tx, ty, s, a float64) path {
	sn, cs := math.Sincos(a)
	out := make(path, len(p))
	for i, sp := range p {
		q := make([]pt, len(sp))
		for j, v := range sp {
			x, y := v.x*s, v.y*s
			q[j] = pt{tx + x*cs - y*sn, ty + x*sn + y*cs}
		}
		out[i] = q
	}
	return out
}

// noise1 is smooth 1-D value noise.
type noise1 struct{ seed uint64 }

func (n noise1) lattice(i int64) float64 {
	return float64(hash3(uint64(i), n.seed, 0x51ed)&0xffffff)/float64(0xffffff)*2 - 1
}

func (n noise1) at(x float64) float64 {
	f := math.Floor(x)
	t := x - f
	i := int64(f)
	a, b := n.lattice(i), n.lattice(i+1)
	t = t * t * t * (t*(t*6-15) + 10)
	return a + (b-a)*t
}

// fbm sums octaves of noise; the result lies roughly in -1..1.
func (n noise1) fbm(x float64, oct int, gain float64) float64 {
	var s, amp, norm float64 = 0, 1, 0
	for i := 0; i < oct; i++ {
		s += amp * noise1{n.seed + uint64(i)*7919}.at(x)
		norm += amp
		amp *= gain
		x *= 2.03
	}
	return s / norm
}

// rng wraps math/rand/v2 with small drawing-oriented helpers.
type rng struct{ *rand.Rand }

func newRng(seed uint64, theme string) rng {
	var h uint64 = 1469598103934665603
	for i := 0; i < len(theme); i++ {
		h ^= uint64(theme[i])
		h *= 1099511628211
	}
	return rng{rand.New(rand.NewPCG(seed, h))}
}

// f returns a uniform float in [a, b).
func (r rng) f(a, b float64) float64 { return a + (b-a)*r.Float64() }

// i returns a uniform int in [a, b].
func (r rng) i(a, b int) int {
	if b <= a {
		return a
	}
	return a + r.IntN(b-a+1)
}

func (r rng) chance(p float64) bool { return r.Float64() < p }

func (r rng) u64() uint64 { return r.Uint64() }

// ridge returns a closed polygon whose top edge is y = top(x) and which extends to bottom.
func ridge(w, bottom float64, step float64, top func(x float64) float64) path {
	if step <= 0 {
		step = 4
	}
	var p []pt
	p = append(p, pt{-2, bottom})
	for x := -2.0; ; x += step {
		if x > w+2 {
			x = w + 2
		}
		p = append(p, pt{x, top(x)})
		if x >= w+2 {
			break
		}
	}
	p = append(p, pt{w + 2, bottom})
	return path{p}
}
