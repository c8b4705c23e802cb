package art

import "math"

type building struct {
	x, w, h float64
	top     int // 0 flat, 1 stepped, 2 spire, 3 dome, 4 antenna, 5 slanted
	glass   bool
}

// mirrorY reflects a path about the horizontal line y = m.
func mirrorY(p path, m float64) path {
	out := make(path, len(p))
	for i, sp := range p {
		q := make([]pt, len(sp))
		for j, v := range sp {
			q[j] = pt{v.x, 2*m - v.y}
		}
		out[i] = q
	}
	return out
}

func (s *scene) skyline(scale, minH, maxH float64) []building {
	var bs []building
	x := -s.r.f(5, 40) * s.u
	for x < s.w+10 {
		bw := s.r.f(38, 105) * s.u * scale
		b := building{x: x, w: bw, h: s.h * s.r.f(minH, maxH), top: s.r.IntN(6), glass: s.r.chance(0.25)}
		if s.r.chance(0.12) {
			b.h *= 1.35 // the odd tower
		}
		bs = append(bs, b)
		x += bw + s.r.f(-12, 6)*s.u*scale
	}
	return bs
}

// buildingPath is the silhouette of b standing on ground level g.
func (s *scene) buildingPath(b building, g float64) path {
	u := s.u
	top := g - b.h
	p := path{rectPts(b.x, top, b.w, b.h+2)}
	switch b.top {
	case 1:
		p = p.add(rectPts(b.x+b.w*0.18, top-b.h*0.08, b.w*0.64, b.h*0.08+1))
		p = p.add(rectPts(b.x+b.w*0.34, top-b.h*0.14, b.w*0.32, b.h*0.06+1))
	case 2:
		p = p.add(rectPts(b.x+b.w*0.15, top-b.w*0.12, b.w*0.7, b.w*0.12+1))
		p = p.add([]pt{{b.x + b.w*0.3, top - b.w*0.12 + 1}, {b.x + b.w*0.5, top - b.w*0.7}, {b.x + b.w*0.7, top - b.w*0.12 + 1}})
		p = p.add(rectPts(b.x+b.w*0.5-u, top-b.w*0.95, 2*u, b.w*0.4))
	case 3:
		p = p.add(ellipsePts(b.x+b.w/2, top, b.w*0.32, b.w*0.3, 0))
	case 4:
		p = p.add(rectPts(b.x+b.w*0.3, top-6*u, b.w*0.4, 6*u+1))
		p = p.add(rectPts(b.x+b.w*0.5-1.2*u, top-b.h*0.22, 2.4*u, b.h*0.22))
	case 5:
		p = p.add([]pt{{b.x, top + 1}, {b.x, top - b.w*0.35}, {b.x + b.w, top + 1}})
	}
	return union(p)
}

func (s *scene) city() {
	p := s.palette([][]string{
		// sky top, sky mid, horizon, sun, far, mid, near, window, water
		{"#23264f", "#8e4b7c", "#f49e6b", "#ffe0b0", "#b77a93", "#5e3a6e", "#231a3a", "#ffd27d", "#3a2d5a"},
		{"#0f2a4a", "#2f6690", "#a9cbd9", "#fdf0d5", "#7199b5", "#2c4d6f", "#0f1f33", "#ffe29a", "#1d3a57"},
		{"#f2a07b", "#f8c9a0", "#fff0d9", "#fffaf0", "#e4a58e", "#b9645c", "#4d2742", "#ffe6a6", "#7b4a5e"},
		{"#12343b", "#2d6e6a", "#e9b97e", "#fff0cf", "#5f8b85", "#2f5656", "#12262a", "#ffcf7a", "#1e3a40"},
	})
	w, h, u := s.w, s.h, s.u
	water := s.r.chance(0.6)
	g := h * 0.97
	if water {
		g = h * s.r.f(0.74, 0.8)
	}
	s.sky(g, gradient{{0, p[0]}, {0.55, p[1]}, {1, p[2]}})
	sx, sy := w*s.r.f(0.15, 0.85), g-h*s.r.f(0.25, 0.45)
	sr := u * s.r.f(40, 70)
	s.sun(sx, sy, sr, p[3], p[3], sr*6, 0.5)
	// long thin dusk clouds
	for i := 0; i < s.r.i(2, 5); i++ {
		cy := h * s.r.f(0.08, 0.5)
		cw := w * s.r.f(0.12, 0.3)
		cx := s.r.f(-0.1, 1) * w
		th := u * s.r.f(5, 11)
		s.fill(roundRect(cx, cy, cw, th, th/2), solidA(mix(p[3], p[1], 0.3), 0.35))
		s.fill(roundRect(cx+cw*0.2, cy+th*1.6, cw*0.6, th*0.8, th*0.4), solidA(mix(p[3], p[1], 0.3), 0.25))
	}

	far := s.skyline(1.3, 0.25, 0.45)
	mid := s.skyline(1, 0.17, 0.36)
	near := s.skyline(1.15, 0.08, 0.25)
	layers := []struct {
		bs      []building
		c       col
		windows float64
	}{{far, p[4], 0}, {mid, p[5], 0.12}, {near, p[6], 0.4}}

	for li, L := range layers {
		for _, b := range L.bs {
			c := L.c
			if li > 0 {
				c = c.scale(s.r.f(0.92, 1.08))
			}
			s.fill(s.buildingPath(b, g), vertical(g-b.h, g, gradient{{0, c}, {1, mix(c, p[2], 0.18-0.05*float64(li))}}))
			if L.windows > 0 {
				s.windows(b, g, c, p[7], L.windows, li == 2)
			}
		}
		if li == 0 {
			s.mist(g-h*0.25, g, p[2], 0.5)
		}
	}

	if !water {
		s.fill(rect(-1, g-1, w+2, h-g+2), solid(p[6]))
	}
	if water {
		wp := vertical(g, h, gradient{{0, mix(p[8], p[2], 0.35)}, {1, p[8]}})
		s.fill(rect(-1, g, w+2, h-g+1), wp)
		s.withClip(rect(-1, g, w+2, h-g+1), func() {
			for li, L := range layers[1:] {
				var all path
				for _, b := range L.bs {
					all = append(all, mirrorY(s.buildingPath(b, g), g)...)
				}
				s.fill(union(all), solidA(mix(L.c, p[8], 0.45), 0.55+0.2*float64(li)))
			}
			// sun path on the water
			for y := g + 3*u; y < h; y += s.r.f(5, 11) * u {
				t := (y - g) / (h - g)
				lw := sr * s.r.f(0.6, 2.2) * (1 + t)
				s.fill(roundRect(sx-lw/2+s.r.f(-10, 10)*u, y, lw, 2*u, u), solidA(p[3], 0.5*(1-t)))
			}
			// ripples breaking up the reflection
			for y := g + 2*u; y < h; y += s.r.f(6, 14) * u {
				x := s.r.f(-0.1, 1) * w
				s.fill(roundRect(x, y, w*s.r.f(0.1, 0.5), 1.6*u, 0.8*u), solidA(mix(p[8], p[2], 0.3), 0.6))
			}
		})
		s.fill(rect(-1, g, w+2, 1.5*u), solidA(p[2], 0.5))
	}
	s.vign = 0.25
}

// windows draws a grid of windows on b; a fraction lit are warm.
func (s *scene) windows(b building, g float64, body, lit col, frac float64, big bool) {
	u := s.u
	ww, wh, gx, gy := 5*u, 7*u, 5*u, 7*u
	if big {
		ww, wh, gx, gy = 6*u, 9*u, 6*u, 8*u
	}
	unlit := mix(body, lit, 0.08)
	if b.glass {
		// vertical glass strips
		n := int((b.w - 8*u) / (7 * u))
		for i := 0; i < n && i < 60; i++ {
			x := b.x + 4*u + float64(i)*7*u + 2*u
			c, a := unlit, 0.7
			if s.r.chance(frac * 0.5) {
				c, a = lit, 0.55
			}
			s.fill(rect(x, g-b.h+8*u, 2.2*u, b.h-10*u), solidA(c, a))
		}
		return
	}
	cols := int((b.w - gx) / (ww + gx))
	rows := int((b.h - 2*gy) / (wh + gy))
	if cols <= 0 || rows <= 0 {
		return
	}
	cols, rows = min(cols, 40), min(rows, 80)
	x0 := b.x + (b.w-(float64(cols)*(ww+gx)-gx))/2
	y0 := g - b.h + gy*1.5
	// lit windows cluster by floor, like real offices at dusk
	for r := 0; r < rows; r++ {
		floor := frac * s.r.f(0.2, 1.8)
		for c := 0; c < cols; c++ {
			x := x0 + float64(c)*(ww+gx)
			y := y0 + float64(r)*(wh+gy)
			if s.r.chance(math.Min(0.95, floor)) {
				s.fill(rect(x, y, ww, wh), solid(lit.scale(s.r.f(0.85, 1.05))))
			} else {
				s.fill(rect(x, y, ww, wh), solidA(unlit, 0.8))
			}
		}
	}
}

func (s *scene) sea() {
	p := s.palette([][]string{
		// sky top, sky horizon, sun, sea far, sea near, crest, boat hull, sail, accent sail
		{"#f6c6a8", "#fde8d0", "#fff6e6", "#8fb8c4", "#1f4e6b", "#e9f3f2", "#3b2f3f", "#fffaf2", "#e76f51"},
		{"#5aa9d6", "#d8eef5", "#fffdf2", "#6fb3c8", "#12436a", "#e8f6fa", "#28323f", "#ffffff", "#f4a261"},
		{"#3c3f78", "#f0a27a", "#ffe2b8", "#9a7fa8", "#23264f", "#f7d9c4", "#191a33", "#fff1e0", "#e85d75"},
		{"#9ad1d4", "#f4f1de", "#fffbe8", "#7fc4bd", "#0f5e6b", "#f1faee", "#223843", "#fffdf7", "#e07a5f"},
	})
	w, h, u := s.w, s.h, s.u
	hz := h * s.r.f(0.5, 0.6)
	s.sky(hz, gradient{{0, p[0]}, {1, p[1]}})
	sx, sy := w*s.r.f(0.15, 0.85), hz-h*s.r.f(0.08, 0.3)
	sr := u * s.r.f(40, 65)
	s.sun(sx, sy, sr, p[2], p[2], sr*6, 0.6)
	for i := 0; i < s.r.i(1, 3); i++ {
		s.cloud(w*s.r.f(0.05, 0.95), h*s.r.f(0.12, 0.35), u*s.r.f(28, 45), p[2], 0.55)
	}
	// sea body
	s.fill(rect(-1, hz, w+2, h-hz+1), vertical(hz, h, gradient{{0, p[3]}, {1, p[4]}}))
	// glitter path under the sun
	for y := hz + 2*u; y < h; y += s.r.f(5, 10) * u {
		t := (y - hz) / (h - hz)
		lw := sr * s.r.f(0.5, 2) * (1 + 2*t)
		s.fill(roundRect(sx-lw/2+s.r.f(-15, 15)*u*(1+t), y, lw, (1.5+2*t)*u, u), solidA(p[2], 0.55*(1-t)))
	}
	// wave bands, growing toward the viewer
	n := s.r.i(5, 7)
	boatBand := s.r.i(1, 2)
	for i := 0; i < n; i++ {
		t := float64(i+1) / float64(n)
		y0 := hz + (h-hz)*(0.08+0.92*math.Pow(t, 1.6))*0.97
		amp := u * (3 + 22*t*t)
		wl := w * s.r.f(0.12, 0.22) * (0.4 + t)
		ph := s.r.f(0, 10)
		nz := noise1{s.r.u64()}
		top := func(x float64) float64 {
			return y0 - amp*(0.5+0.5*math.Sin(x/wl*2*math.Pi+ph)) - amp*0.6*nz.fbm(x/wl*1.7, 2, 0.5)
		}
		c := mix(p[3], p[4], 0.15+0.85*t)
		if i == boatBand {
			s.boat(w*s.r.f(0.15, 0.85), y0-amp*0.6, u*s.r.f(0.8, 1.1)*(0.7+t), p)
		}
		s.fill(ridge(w, h+2, 2, top), vertical(y0-amp, h, gradient{{0, c}, {1, mix(c, p[4], 0.5)}}))
		// crest highlight
		var crest []pt
		for x := -2.0; x <= w+2; x += 3 {
			crest = append(crest, pt{x, top(x)})
		}
		s.fill(stroke(crest, (1+2.5*t)*u, (1+2.5*t)*u), solidA(mix(p[5], c, 0.2), 0.55))
		// short foam dashes
		for k := 0; k < int(6+10*t); k++ {
			x := s.r.f(0, w)
			yy := top(x) + amp*s.r.f(0.6, 1.6)
			lw := u * s.r.f(15, 45) * (0.5 + t)
			s.fill(roundRect(x, yy, lw, (1.2+1.5*t)*u, u), solidA(p[5], 0.35))
		}
	}
	for i := 0; i < s.r.i(2, 4); i++ {
		s.bird(w*s.r.f(0.1, 0.9), h*s.r.f(0.1, 0.4), u*s.r.f(8, 13), mix(p[6], p[0], 0.2))
	}
	s.vign = 0.2
}

// boat draws a small sailboat whose waterline is at y.
func (s *scene) boat(x, y, k float64, p []col) {
	u := s.u * k
	var hull builder
	hull.move(x-48*u, y-10*u).line(x+52*u, y-10*u).quad(x+44*u, y+4*u, x+32*u, y+6*u).line(x-34*u, y+6*u).quad(x-44*u, y+2*u, x-48*u, y-10*u)
	s.fill(line(x, y-10*u, x, y-118*u, 2.5*u), solid(p[6]))
	var main builder
	main.move(x-3*u, y-16*u).line(x-3*u, y-114*u).quad(x-30*u, y-60*u, x-50*u, y-16*u)
	s.fill(main.path(), solid(p[7]))
	var jib builder
	jib.move(x+3*u, y-104*u).line(x+3*u, y-16*u).line(x+44*u, y-16*u).quad(x+28*u, y-50*u, x+3*u, y-104*u)
	s.fill(jib.path(), solid(p[8]))
	s.fill(hull.path(), solid(p[6]))
	s.fill(rect(x-46*u, y-10*u, 96*u, 2.5*u), solidA(p[8], 0.9))
}
