package art

import "math"

// conifer returns a fir tree standing at (x, y), ht tall and wd wide.
// tiers == 0 gives a simple slender triangle.
func conifer(x, y, ht, wd float64, tiers int) path {
	trunkH := ht * 0.09
	p := path{rectPts(x-wd*0.05, y-trunkH-2, wd*0.1, trunkH+2)}
	cb := y - trunkH*0.7
	ch := ht - trunkH*0.7
	if tiers == 0 {
		var b builder
		b.move(x, y-ht).quad(x+wd*0.12, cb-ch*0.5, x+wd/2, cb).quad(x, cb-ch*0.06, x-wd/2, cb).quad(x-wd*0.12, cb-ch*0.5, x, y-ht)
		return append(p, b.path()...)
	}
	step := ch / float64(tiers+1)
	for k := 0; k < tiers; k++ {
		yb := cb - float64(k)*step
		ya := yb - 2*step
		if k == tiers-1 {
			ya = y - ht
		}
		hw := wd / 2 * (1 - float64(k)/(float64(tiers)+0.8))
		var b builder
		b.move(x, ya).quad(x+hw*0.35, yb-step*0.9, x+hw, yb).quad(x, yb-step*0.45, x-hw, yb).quad(x-hw*0.35, yb-step*0.9, x, ya)
		p = append(p, b.path()...)
	}
	return p
}

// roundTree returns a deciduous tree: a trunk and a cluster of round blobs.
func (s *scene) roundTree(x, y, ht float64) (trunk, crown path) {
	r := ht * 0.32
	trunk = path{[]pt{{x - ht*0.04, y + 1}, {x - ht*0.025, y - ht + r}, {x + ht*0.025, y - ht + r}, {x + ht*0.04, y + 1}}}
	cy := y - ht + r
	crown = path{ellipsePts(x, cy, r, r*1.05, 0)}
	for i := 0; i < 3; i++ {
		a := s.r.f(0, 2*math.Pi)
		rr := r * s.r.f(0.55, 0.75)
		crown = crown.add(ellipsePts(x+math.Cos(a)*r*0.5, cy+math.Sin(a)*r*0.35, rr, rr, 0))
	}
	return trunk, union(crown)
}

// reeds draws a clump of tapered reed blades rising from (x, y).
func (s *scene) reeds(x, y, ht float64, n int, c, head col) {
	var blades, heads path
	for i := 0; i < n; i++ {
		bx := x + s.r.f(-0.25, 0.25)*ht
		hh := ht * s.r.f(0.45, 1)
		lean := s.r.f(-0.35, 0.35) * hh
		var pts []pt
		for k := 0; k <= 12; k++ {
			t := float64(k) / 12
			pts = append(pts, pt{bx + lean*t*t, y - hh*t})
		}
		wd := ht * s.r.f(0.018, 0.03)
		blades = append(blades, stroke(pts, wd, wd*0.15)...)
		if s.r.chance(0.35) {
			// cattail head just below the tip
			t := 0.8
			hx, hy := bx+lean*t*t, y-hh*t
			ang := math.Atan2(-hh, 2*lean*t)
			heads = append(heads, ellipsePts(hx, hy, hh*0.08, wd*1.6, ang))
		} else if s.r.chance(0.5) {
			// a leaf curving away
			var lp []pt
			lx, ly := bx+lean*0.1, y-hh*0.3
			dir := 1.0
			if s.r.chance(0.5) {
				dir = -1
			}
			for k := 0; k <= 10; k++ {
				t := float64(k) / 10
				lp = append(lp, pt{lx + dir*hh*0.3*t, ly - hh*0.35*t + hh*0.25*t*t})
			}
			blades = append(blades, stroke(lp, wd*1.2, wd*0.1)...)
		}
	}
	s.fill(union(blades), solid(c))
	if len(heads) > 0 {
		s.fill(union(heads), solid(head))
	}
}

func (s *scene) forest() {
	p := s.palette([][]string{
		// sky top, horizon, sun, far trees, near trees, mist
		{"#bcd8d0", "#f3efe0", "#fffaf0", "#9fc2b6", "#15332f", "#eef2e6"},
		{"#f0a978", "#fbe1c0", "#fff3dc", "#cf9a82", "#2a1c26", "#fbe6cf"},
		{"#1e3250", "#6f8fae", "#eef3f8", "#506e8f", "#0b1524", "#8aa3bd"},
		{"#e6d3a3", "#fbf1d6", "#fffdf5", "#9db59a", "#1e3a2b", "#f6f0da"},
	})
	w, h, u := s.w, s.h, s.u
	s.sky(h*0.75, gradient{{0, p[0]}, {1, p[1]}})
	sx, sy := w*s.r.f(0.2, 0.8), h*s.r.f(0.15, 0.35)
	sr := u * s.r.f(35, 55)
	// light rays
	for i := 0; i < s.r.i(4, 7); i++ {
		a := math.Pi/2 + s.r.f(-0.9, 0.9)
		da := s.r.f(0.03, 0.08)
		L := h * 1.5
		s.fill(poly(pt{sx, sy}, pt{sx + L*math.Cos(a-da), sy + L*math.Sin(a-da)}, pt{sx + L*math.Cos(a+da), sy + L*math.Sin(a+da)}),
			fnPaint(func(x, y float64) (col, float32) {
				d := math.Hypot(x-sx, y-sy) / L
				return p[2], float32(0.16 * (1 - d))
			}))
	}
	s.sun(sx, sy, sr, p[2], p[2], sr*6, 0.55)
	n := s.r.i(5, 6)
	for i := 0; i < n; i++ {
		t := float64(i) / float64(n-1)
		c := mix(p[3], p[4], math.Pow(t, 1.25))
		base := h * (0.5 + 0.52*t)
		nz := noise1{s.r.u64()}
		ground := func(x float64) float64 { return base - h*0.04*nz.fbm(x/w*3, 2, 0.5) }
		all := ridge(w, h+2, 6, ground)
		x := -s.r.f(0, 30) * u
		tallest := 0.0
		for x < w+40*u {
			ht := h * (0.07 + 0.34*math.Pow(t, 1.4)) * s.r.f(0.65, 1.3)
			wd := ht * s.r.f(0.3, 0.42)
			tiers := 0
			if t > 0.3 {
				tiers = s.r.i(3, 5)
			}
			all = append(all, conifer(x, ground(x)+2, ht, wd, tiers)...)
			tallest = math.Max(tallest, ht)
			x += (11 + 55*t*t) * u * s.r.f(0.7, 1.8)
		}
		s.fill(union(all), vertical(base-tallest, base+h*0.1, gradient{{0, c}, {1, mix(c, p[5], 0.2*(1-t))}}))
		if i < n-1 {
			s.mist(base-tallest*0.55, base+h*0.02, p[5], 0.55-0.25*t)
		}
	}
	for i := 0; i < s.r.i(2, 5); i++ {
		s.bird(w*s.r.f(0.1, 0.9), h*s.r.f(0.08, 0.3), u*s.r.f(6, 10), mix(p[4], p[0], 0.3))
	}
	s.vign = 0.22
}

func (s *scene) river() {
	p := s.palette([][]string{
		// sky top, horizon, sun, far hills, near hills, ground far, ground near, water, water light, reeds, reed heads, trees
		{"#8ec5e0", "#eaf5f0", "#fffbea", "#a3c9b4", "#5f9467", "#b9d98a", "#4f8c45", "#4f9ec4", "#cdeef5", "#24472b", "#6e4a2e", "#3f7a46"},
		{"#f2a97f", "#fde3c2", "#fff4dd", "#c9a98f", "#8a8a5c", "#d9c47f", "#7f8e45", "#6fa3b5", "#f7e1c0", "#3a3a22", "#6e3f24", "#66753a"},
		{"#4b4e8a", "#f3b59b", "#ffe8cc", "#8b7aa8", "#4f5a82", "#8f9c9a", "#3d5a57", "#c78e8a", "#ffd9c2", "#1c2630", "#3a2a2a", "#2e4a4c"},
	})
	w, h, u := s.w, s.h, s.u
	hz := h * s.r.f(0.42, 0.5)
	s.sky(hz, gradient{{0, p[0]}, {1, p[1]}})
	sx, sy := w*s.r.f(0.2, 0.8), hz-h*s.r.f(0.12, 0.28)
	sr := u * s.r.f(35, 50)
	s.sun(sx, sy, sr, p[2], p[2], sr*5, 0.5)
	for i := 0; i < s.r.i(1, 3); i++ {
		s.cloud(w*s.r.f(0.05, 0.95), h*s.r.f(0.1, 0.28), u*s.r.f(25, 40), p[2], 0.6)
	}
	// far hills
	for i := 0; i < 2; i++ {
		nz := noise1{s.r.u64()}
		b := hz + u*2
		amp := h * (0.12 - 0.05*float64(i))
		c := mix(p[3], p[4], float64(i)*0.45)
		s.fill(ridge(w, h, 4, func(x float64) float64 { return b - amp*(0.5+0.5*nz.fbm(x/w*2.5+float64(i)*7, 3, 0.45)) }),
			vertical(b-amp, b, gradient{{0, c}, {1, mix(c, p[1], 0.25)}}))
	}
	// ground plane
	s.fill(rect(-1, hz, w+2, h-hz+1), vertical(hz, h, gradient{{0, p[5]}, {1, p[6]}}))
	// subtle field bands for depth
	for k := 0; k < 7; k++ {
		t := math.Pow(float64(k+1)/8, 1.6)
		y := hz + (h-hz)*t
		s.fill(rect(-1, y, w+2, (h-hz)*0.012*(1+6*t)), solidA(mix(p[5], p[6], 0.6), s.r.f(0.06, 0.16)))
	}
	// the river: a meandering band widening toward the viewer
	vx := w * s.r.f(0.35, 0.65)
	bx := w * s.r.f(0.3, 0.7)
	amp := w * s.r.f(0.12, 0.22)
	ph := s.r.f(0, 2*math.Pi)
	k := s.r.f(1.5, 2.5)
	center := func(t float64) pt {
		x := vx + (bx-vx)*t + amp*math.Sin(t*math.Pi*k+ph)*math.Pow(t, 0.8)
		return pt{x, hz + (h-hz)*math.Pow(t, 1.5)}
	}
	width := func(t float64) float64 { return w * (0.004 + 0.42*math.Pow(t, 1.7)) }
	var left, right []pt
	const steps = 120
	for i := 0; i <= steps; i++ {
		t := float64(i) / steps * 1.05
		c := center(t)
		wd := width(t) / 2
		left = append(left, pt{c.x - wd, c.y})
		right = append(right, pt{c.x + wd, c.y})
	}
	bank := mix(p[5], p[2], 0.35)
	s.fill(stroke(left, 1*u, 14*u), solid(bank))
	s.fill(stroke(right, 1*u, 14*u), solid(bank))
	reverse(right)
	water := path{append(append([]pt{}, left...), right...)}
	s.fill(water, vertical(hz, h, gradient{{0, p[8]}, {0.5, mix(p[8], p[7], 0.6)}, {1, p[7]}}))
	s.withClip(water, func() {
		for i := 0; i < 40; i++ {
			t := math.Pow(s.r.f(0.05, 1), 0.8)
			c := center(t)
			lw := width(t) * s.r.f(0.1, 0.35)
			s.fill(roundRect(c.x-lw/2+s.r.f(-0.3, 0.3)*width(t), c.y, lw, (1+3*t)*u, u), solidA(p[8], 0.55))
		}
	})
	// trees along the banks, far to near
	for i := 0; i < 14; i++ {
		t := s.r.f(0.05, 0.75)
		c := center(t)
		side := 1.0
		if s.r.chance(0.5) {
			side = -1
		}
		x := c.x + side*(width(t)/2+s.r.f(0.02, 0.2)*w*(0.3+t))
		ht := h * (0.05 + 0.3*t*t)
		tr, cr := s.roundTree(x, c.y, ht)
		s.fill(tr, solid(p[9]))
		s.fill(cr, linear(x-ht*0.3, c.y-ht, x+ht*0.3, c.y-ht*0.4, gradient{{0, mix(p[11], p[5], 0.3)}, {1, p[11]}}))
	}
	// reeds framing the foreground
	for i := 0; i < 2; i++ {
		x := w * (0.02 + s.r.f(0, 0.1))
		if i == 1 {
			x = w - x
		}
		s.reeds(x, h+4, h*s.r.f(0.3, 0.42), s.r.i(12, 18), p[9], p[10])
	}
	for i := 0; i < s.r.i(1, 4); i++ {
		s.bird(w*s.r.f(0.1, 0.9), h*s.r.f(0.08, 0.3), u*s.r.f(7, 11), mix(p[9], p[0], 0.3))
	}
	s.vign = 0.2
}

func (s *scene) desert() {
	p := s.palette([][]string{
		// sky top, horizon, sun, far dune, near dune, shadow, cactus
		{"#f29a66", "#fde2b8", "#fff3d6", "#f0c595", "#e09a5c", "#a8503a", "#5a3b2e"},
		{"#5b4a8b", "#f5a88e", "#ffe5c2", "#e3a892", "#d07a5c", "#5c2f4a", "#3a2538"},
		{"#8fcbe0", "#f6ead2", "#fffaf0", "#f3d9ab", "#e8ae6a", "#b0683f", "#4d6b3c"},
		{"#3f8f95", "#f3e3c3", "#fff7e6", "#f4c48c", "#e38548", "#8c3f2b", "#2f4f4f"},
	})
	w, h, u := s.w, s.h, s.u
	hz := h * s.r.f(0.52, 0.6)
	skyP := s.sky(hz, gradient{{0, p[0]}, {1, p[1]}})
	sx, sy := w*s.r.f(0.2, 0.8), hz-h*s.r.f(0.04, 0.2)
	sr := u * s.r.f(60, 95)
	s.sun(sx, sy, sr, p[2], p[2], sr*4, 0.55)
	if s.r.chance(0.5) {
		// retro banded sun
		s.withClip(circle(sx, sy, sr+1), func() {
			th := sr * 0.05
			for k := 0; k < 4; k++ {
				y := sy + sr*(0.25+0.2*float64(k))
				s.fill(rect(sx-sr-2, y, 2*sr+4, th*(1+0.6*float64(k))), skyP)
			}
		})
	}
	// distant mesas and the plain beneath them
	far := mix(p[3], p[1], 0.5)
	var m builder
	m.move(-2, h)
	m.line(-2, hz)
	x := -2.0
	for x < w {
		hw := s.r.f(60, 200) * u
		if s.r.chance(0.3) {
			top := hz - s.r.f(25, 60)*u
			ledge := hz - (hz-top)*s.r.f(0.3, 0.5)
			m.line(x+hw*0.08, hz-2*u).line(x+hw*0.15, ledge).line(x+hw*0.22, ledge-2*u).line(x+hw*0.27, top+3*u).line(x+hw*0.3, top)
			m.line(x+hw*0.5, top-s.r.f(0, 3)*u).line(x+hw*0.68, top+1*u).line(x+hw*0.72, top+4*u).line(x+hw*0.8, ledge+4*u).line(x+hw*0.92, hz-2*u)
		} else {
			m.quad(x+hw/4, hz-s.r.f(4, 14)*u, x+hw/2, hz-s.r.f(0, 6)*u)
		}
		x += hw
	}
	m.line(w+2, hz).line(w+2, h)
	s.fill(m.path(), vertical(hz-60*u, h, gradient{{0, far}, {1, mix(far, p[3], 0.5)}}))

	n := s.r.i(3, 4)
	dir := 1.0 // shadows fall away from the sun
	if sx > w/2 {
		dir = -1
	}
	for i := 0; i < n; i++ {
		t := float64(i) / float64(n-1)
		c := mix(mix(p[3], p[1], 0.25), p[4], t)
		base := hz + (h-hz)*(0.3+0.8*t)
		amp := (h - hz) * (0.28 + 0.35*t)
		type dune struct{ x, hh, wlit, wlee float64 }
		var ds []dune
		k := s.r.i(1, 2)
		for j := 0; j < k; j++ {
			ds = append(ds, dune{x: w * (float64(j) + s.r.f(0.25, 0.75)) / float64(k), hh: amp * s.r.f(0.6, 1), wlit: w * s.r.f(0.25, 0.4), wlee: w * s.r.f(0.1, 0.16)})
		}
		nz := noise1{s.r.u64()}
		top := func(x float64) float64 {
			best := amp * 0.25 * (0.5 + 0.5*nz.fbm(x/w*2, 2, 0.5))
			for _, d := range ds {
				dx := (x - d.x) * dir
				wd := d.wlit
				if dx > 0 {
					wd = d.wlee
				}
				best = math.Max(best, d.hh*math.Exp(-dx*dx/(wd*wd)))
			}
			return base - best
		}
		layer := ridge(w, h+2, 3, top)
		s.fill(layer, vertical(base-amp, base, gradient{{0, mix(c, p[2], 0.2)}, {1, c}}))
		shadow := mix(c, p[5], 0.45)
		s.withClip(layer, func() {
			for _, d := range ds {
				cx, cy := d.x, top(d.x)
				// walk down the lee face to its foot
				fx := cx
				for q := 0; q < 400 && math.Abs(fx-cx) < d.wlee*2.2; q++ {
					nx := fx + dir*3
					if top(nx) < top(fx)-0.01 {
						break
					}
					fx = nx
				}
				fy := top(fx)
				var b builder
				b.move(cx, cy)
				for xx := cx; (xx-fx)*dir < 0; xx += dir * 3 {
					b.line(xx, top(xx))
				}
				b.line(fx, fy)
				b.cubic(cx+(fx-cx)*0.45, fy+d.hh*0.12, cx+(fx-cx)*0.04, cy+(fy-cy)*0.5+d.hh*0.25, cx, cy)
				s.fill(b.path(), solid(shadow))
				// wind ripples on the sunlit side
				for r := 0; r < int(3+4*t); r++ {
					ry := cy + d.hh*s.r.f(0.25, 0.9)
					rx := cx - dir*s.r.f(0.1, 0.9)*d.wlit
					rl := s.r.f(40, 110) * u * (0.5 + t)
					var pts []pt
					for q := 0; q <= 12; q++ {
						f := float64(q) / 12
						pts = append(pts, pt{rx - rl/2 + rl*f, ry - math.Sin(f*math.Pi)*rl*0.06})
					}
					s.fill(stroke(pts, u*(0.5+1.3*t), u*(0.2+0.4*t)), solidA(shadow, 0.3))
				}
			}
		})
		if i >= n-2 && s.r.chance(0.65) {
			cx := w * s.r.f(0.05, 0.95)
			s.cactus(cx, top(cx)+6*u, h*(0.1+0.2*t)*s.r.f(0.8, 1.2), mix(p[6], c, 0.35*(1-t)))
		}
	}
	for i := 0; i < s.r.i(0, 3); i++ {
		s.bird(w*s.r.f(0.1, 0.9), h*s.r.f(0.1, 0.35), u*s.r.f(7, 11), mix(p[6], p[0], 0.3))
	}
	s.vign = 0.22
}

// cactus draws a saguaro of height ht standing at (x, y).
func (s *scene) cactus(x, y, ht float64, c col) {
	tw := ht * 0.16
	p := path{roundRectPts(x-tw/2, y-ht, tw, ht, tw/2)}
	for _, side := range []float64{-1, 1} {
		if s.r.chance(0.2) {
			continue
		}
		ay := y - ht*s.r.f(0.35, 0.6)
		ah := ht * s.r.f(0.2, 0.38)
		ax := x + side*tw*1.35
		aw := tw * 0.8
		p = p.add(roundRectPts(math.Min(x, ax)-aw/2, ay-aw/2, math.Abs(ax-x)+aw, aw, aw/2))
		p = p.add(roundRectPts(ax-aw/2, ay-ah, aw, ah+aw/2, aw/2))
	}
	s.fill(union(p), solid(c))
	// ribs
	s.fill(line(x, y-ht+tw*0.6, x, y-2, tw*0.12), solidA(c.scale(1.35), 0.5))
}

func (s *scene) fields() {
	p := s.palette([][]string{
		// sky top, horizon, cloud, far hill, patches x4, hedge, roof, wall, tree
		{"#7cc0e3", "#e8f5f4", "#ffffff", "#a8c7a0", "#8fbf5a", "#d5d56e", "#5f9e4e", "#e6c36a", "#3d6b3f", "#c8553d", "#f4ecdc", "#2f5d3a"},
		{"#f3b27a", "#fbe6c6", "#fff6e8", "#c9b38d", "#d9a441", "#b5a34a", "#8c8f3e", "#e8c774", "#4f5a2e", "#a84b3c", "#f3e6d0", "#3f4a2b"},
		{"#a9c8d8", "#f2efe6", "#fffdf7", "#b5c4b1", "#9fbf8f", "#d8cf8a", "#7fa67a", "#c9b27a", "#4a6a58", "#b0603f", "#ece3d2", "#3c5a4a"},
	})
	w, h, u := s.w, s.h, s.u
	s.sky(h*0.55, gradient{{0, p[0]}, {1, p[1]}})
	for i := 0; i < s.r.i(2, 4); i++ {
		s.cloud(w*s.r.f(0.05, 0.95), h*s.r.f(0.12, 0.32), u*s.r.f(28, 48), p[2], 0.85)
	}
	// far hill
	nz0 := noise1{s.r.u64()}
	s.fill(ridge(w, h, 4, func(x float64) float64 { return h*0.45 - h*0.08*(0.5+0.5*nz0.fbm(x/w*2, 3, 0.5)) }),
		vertical(h*0.35, h*0.5, gradient{{0, p[3]}, {1, mix(p[3], p[1], 0.2)}}))
	patches := p[4:8]
	n := 3
	type spot struct{ x, y, t float64 }
	var spots []spot
	for i := 0; i < n; i++ {
		t := float64(i) / float64(n-1)
		base := h * (0.6 + 0.2*float64(i))
		amp := h * s.r.f(0.12, 0.2)
		nz := noise1{s.r.u64()}
		tilt := s.r.f(-1, 1) * h * 0.05
		fr := s.r.f(0.7, 1.2) * w / h * 9 / 16
		ph := s.r.f(0, 2*math.Pi)
		top := func(x float64) float64 {
			v := 0.5 + 0.5*math.Sin(x/w*2*math.Pi*fr+ph)
			return base - amp*(0.75*v+0.25*(0.5+0.5*nz.fbm(x/w*3, 2, 0.4))) + tilt*(x/w-0.5)
		}
		hill := ridge(w, h+2, 3, top)
		haze := 0.35 * (1 - t)
		s.fill(hill, solid(mix(patches[i%4], p[3], haze)))
		// patchwork: strips whose borders fan out toward the viewer, each with furrows
		s.withClip(hill, func() {
			x := -s.r.f(0, 0.15) * w
			for x < w {
				pw := w * s.r.f(0.12, 0.3)
				pc := mix(patches[s.r.IntN(4)], p[3], haze)
				fan := func(x float64) float64 { return (x/w - 0.5) * 0.9 }
				yTop := base - amp*1.5 - math.Abs(tilt)
				quad := poly(pt{x, yTop}, pt{x + pw, yTop}, pt{x + pw + fan(x+pw)*(h-yTop), h + 2}, pt{x + fan(x)*(h-yTop), h + 2})
				s.fill(quad, vertical(yTop, h, gradient{{0, pc}, {1, pc.scale(0.94)}}))
				if s.r.chance(0.65) {
					s.withClip(quad, func() {
						gap := (4 + 9*t) * u * s.r.f(0.8, 1.3)
						var rows path
						x0 := x - 0.5*w*0.5
						x1 := x + pw + 0.5*w*0.5
						for k := 1; k < 200; k++ {
							off := float64(k) * gap * (1 + float64(k)*0.02)
							if top(x0)+off > h && top(x1)+off > h {
								break
							}
							var pts []pt
							for xx := x0; xx <= x1; xx += 10 {
								pts = append(pts, pt{xx, top(xx) + off})
							}
							lw := gap * 0.3 * (1 + float64(k)*0.02)
							rows = append(rows, stroke(pts, lw, lw)...)
						}
						s.fill(union(rows), solidA(pc.scale(0.84), 0.6))
					})
				}
				x += pw
			}
		})
		// hedgerow along the crest with the odd bush
		hedgeC := mix(p[8], p[3], haze)
		var crest []pt
		for x := -4.0; x <= w+4; x += 6 {
			crest = append(crest, pt{x, top(x)})
		}
		hedge := stroke(crest, (2+3*t)*u, (2+3*t)*u)
		for k := 0; k < s.r.i(3, 8); k++ {
			x := s.r.f(0, w)
			r := s.r.f(4, 9) * u * (0.6 + t)
			for j := 0; j < 3; j++ {
				hedge = hedge.add(ellipsePts(x+float64(j-1)*r*1.1, top(x+float64(j-1)*r*1.1)-r*0.5, r*s.r.f(0.8, 1.2), r*s.r.f(0.8, 1.1), 0))
			}
		}
		s.fill(union(hedge), solid(hedgeC))
		for k := 0; k < 3; k++ {
			x := w * s.r.f(0.08, 0.92)
			spots = append(spots, spot{x, top(x), t})
		}
	}
	// a farmhouse on the middle hill, a lone tree on the near one
	houseX := -w
	if s.r.chance(0.75) {
		sp := spots[s.r.i(3, 5)]
		houseX = sp.x
		s.farmhouse(sp.x, sp.y+4*u, u*s.r.f(0.8, 1.1), p[9], p[10])
	}
	{
		sp := spots[s.r.i(6, 8)]
		if s.r.chance(0.5) {
			sp = spots[s.r.i(3, 5)]
		}
		for k := 3; k < 9 && math.Abs(sp.x-houseX) < w*0.15; k++ {
			sp = spots[k]
		}
		ht := h * s.r.f(0.16, 0.22) * (0.7 + 0.5*sp.t)
		tr, cr := s.roundTree(sp.x, sp.y+3*u, ht)
		s.fill(ellipse(sp.x+ht*0.25, sp.y+4*u, ht*0.45, ht*0.05, 0), solidA(p[8], 0.35))
		s.fill(tr, solid(p[11]))
		s.fill(cr, linear(sp.x-ht*0.3, sp.y-ht, sp.x+ht*0.3, sp.y-ht*0.4, gradient{{0, mix(p[11], p[4], 0.45)}, {1, p[11]}}))
	}
	for i := 0; i < s.r.i(1, 3); i++ {
		s.bird(w*s.r.f(0.1, 0.9), h*s.r.f(0.08, 0.3), u*s.r.f(6, 10), p[11])
	}
	s.vign = 0.18
}

// farmhouse draws a small barn-like house sitting on (x, y).
func (s *scene) farmhouse(x, y, k float64, roof, wall col) {
	u := s.u * k
	s.fill(rect(x-30*u, y-36*u, 60*u, 36*u), solid(wall))
	s.fill(poly(pt{x - 36*u, y - 34*u}, pt{x - 22*u, y - 58*u}, pt{x + 22*u, y - 58*u}, pt{x + 36*u, y - 34*u}), solid(roof))
	s.fill(rect(x-8*u, y-22*u, 16*u, 22*u), solid(roof.scale(0.7)))
	s.fill(rect(x+14*u, y-28*u, 9*u, 9*u), solid(roof.scale(0.6)))
	s.fill(rect(x-23*u, y-28*u, 9*u, 9*u), solid(roof.scale(0.6)))
	// silo
	s.fill(roundRect(x+34*u, y-62*u, 18*u, 62*u, 9*u), solid(wall.scale(0.88)))
}
