package art

import "math"

// col is an sRGB colour with components in 0..1.
type col struct{ r, g, b float32 }

// hex parses "#rrggbb" (the leading # is optional). It is only used on literals.
func hex(s string) col {
	if len(s) > 0 && s[0] == '#' {
		s = s[1:]
	}
	var v [3]float32
	for i := 0; i < 3 && 2*i+1 < len(s); i++ {
		v[i] = float32(hexDigit(s[2*i])*16+hexDigit(s[2*i+1])) / 255
	}
	return col{v[0], v[1], v[2]}
}

func hexDigit(c byte) int {
	switch {
	case c >= '0' && c <= '9':
		return int(c - '0')
	case c >= 'a' && c <= 'f':
		return int(c-'a') + 10
	case c >= 'A' && c <= 'F':
		return int(c-'A') + 10
	}
	return 0
}

// mix blends a toward b by t.
func mix(a, b col, t float64) col {
	f := float32(t)
	return col{a.r + (b.r-a.r)*f, a.g + (b.g-a.g)*f, a.b + (b.b-a.b)*f}
}

// scale darkens (k < 1) or brightens (k > 1) a colour.
func (c col) scale(k float64) col {
	f := float32(k)
	return col{min(1, c.r*f), min(1, c.g*f), min(1, c.b*f)}
}

func (c col) hsl() (h, s, l float64) {
	r, g, b := float64(c.r), float64(c.g), float64(c.b)
	mx := math.Max(r, math.Max(g, b))
	mn := math.Min(r, math.Min(g, b))
	l = (mx + mn) / 2
	if mx == mn {
		return 0, 0, l
	}
	d := mx - mn
	if l > 0.5 {
		s = d / (2 - mx - mn)
	} else {
		s = d / (mx + mn)
	}
	switch mx {
	case r:
		h = (g - b) / d
		if g < b {
			h += 6
		}
	case g:
		h = (b-r)/d + 2
	default:
		h = (r-g)/d + 4
	}
	return h * 60, s, l
}

func fromHSL(h, s, l float64) col {
	h = math.Mod(h, 360)
	if h < 0 {
		h += 360
	}
	s = clampf(s, 0, 1)
	l = clampf(l, 0, 1)
	c := (1 - math.Abs(2*l-1)) * s
	x := c * (1 - math.Abs(math.Mod(h/60, 2)-1))
	m := l - c/2
	var r, g, b float64
	switch {
	case h < 60:
		r, g, b = c, x, 0
	case h < 120:
		r, g, b = x, c, 0
	case h < 180:
		r, g, b = 0, c, x
	case h < 240:
		r, g, b = 0, x, c
	case h < 300:
		r, g, b = x, 0, c
	default:
		r, g, b = c, 0, x
	}
	return col{float32(r + m), float32(g + m), float32(b + m)}
}

// shift rotates hue by dh degrees and adds ds, dl to saturation and lightness.
func (c col) shift(dh, ds, dl float64) col {
	h, s, l := c.hsl()
	return fromHSL(h+dh, s+ds, l+dl)
}

// gradient is a list of colour stops along 0..1.
type gradient []stop

type stop struct {
	t float64
	c col
}

func (g gradient) at(t float64) col {
	if len(g) == 0 {
		return col{}
	}
	if t <= g[0].t {
		return g[0].c
	}
	for i := 1; i < len(g); i++ {
		if t <= g[i].t {
			a, b := g[i-1], g[i]
			u := (t - a.t) / (b.t - a.t)
			u = u * u * (3 - 2*u) // smooth transitions between stops
			return mix(a.c, b.c, u)
		}
	}
	return g[len(g)-1].c
}

// linear returns a paint that runs along the gradient from (x0,y0) to (x1,y1).
func linear(x0, y0, x1, y1 float64, g gradient) paint {
	dx, dy := x1-x0, y1-y0
	l2 := dx*dx + dy*dy
	if l2 == 0 {
		l2 = 1
	}
	return fnPaint(func(x, y float64) (col, float32) {
		t := ((x-x0)*dx + (y-y0)*dy) / l2
		return g.at(t), 1
	})
}

// vertical returns a paint running along g from y0 (t=0) to y1 (t=1).
func vertical(y0, y1 float64, g gradient) paint {
	// Pixels are sampled at row centres, so colours can be cached per row:
	// vertical gradients are by far the most common paint.
	var cache []col
	var have []bool
	d := y1 - y0
	if d == 0 {
		d = 1
	}
	return fnPaint(func(x, y float64) (col, float32) {
		i := int(y)
		if i < 0 || i > 1<<16 {
			return g.at((y - y0) / d), 1
		}
		if i >= len(cache) {
			cache = append(cache, make([]col, i+1-len(cache))...)
			have = append(have, make([]bool, i+1-len(have))...)
		}
		if !have[i] {
			cache[i] = g.at((float64(i) + 0.5 - y0) / d)
			have[i] = true
		}
		return cache[i], 1
	})
}

// glow is a radial paint of colour c whose alpha falls from a0 at the centre to 0 at radius r.
func glow(cx, cy, r float64, c col, a0 float64) paint {
	return fnPaint(func(x, y float64) (col, float32) {
		d := math.Hypot(x-cx, y-cy) / r
		if d >= 1 {
			return c, 0
		}
		f := 1 - d
		return c, float32(a0 * f * f)
	})
}
