package art

import "math"

func (s *scene) night() {
	p := s.palette([][]string{
		// sky top, horizon, moon, stars, hills, houses, windows, roofs
		{"#0b1033", "#2f4184", "#f6f1d5", "#ffffff", "#1a2556", "#0d1230", "#ffc96b", "#161c44"},
		{"#06192a", "#1f5f70", "#f4f1e0", "#e8f6ff", "#0f3646", "#05121c", "#ffd27a", "#0b2431"},
		{"#170e2e", "#5b3b7d", "#ffe9d6", "#fff5ff", "#2a1c48", "#110a22", "#ffb86b", "#22153a"},
	})
	w, h, u := s.w, s.h, s.u
	s.sky(h*0.85, gradient{{0, p[0]}, {1, p[1]}})
	// a faint milky way: a soft diagonal band with dense small stars
	if s.r.chance(0.7) {
		y0, y1 := h*s.r.f(0.0, 0.4), h*s.r.f(0.2, 0.6)
		band := poly(pt{-10, y0 - h*0.12}, pt{w + 10, y1 - h*0.12}, pt{w + 10, y1 + h*0.12}, pt{-10, y0 + h*0.12})
		mid := func(x float64) float64 { return y0 + (y1-y0)*(x+10)/(w+20) }
		s.fill(band, fnPaint(func(x, y float64) (col, float32) {
			d := math.Abs(y-mid(x)) / (h * 0.12)
			return mix(p[3], p[1], 0.4), float32(0.13 * (1 - d) * (1 - d))
		}))
		s.withClip(band, func() {
			for i := 0; i < 300; i++ {
				x := s.r.f(0, w)
				y := mid(x) + s.r.NormFloat64()*h*0.05
				s.fill(circle(x, y, u*s.r.f(0.4, 0.9)), solidA(p[3], s.r.f(0.2, 0.7)))
			}
		})
	}
	s.stars(int(140*w*h/(1200*675))+20, h*0.75, p[3])
	// moon
	mx, my := w*s.r.f(0.15, 0.85), h*s.r.f(0.15, 0.35)
	mr := u * s.r.f(38, 58)
	s.fill(circle(mx, my, mr*6), glow(mx, my, mr*6, p[2], 0.28))
	s.fill(circle(mx, my, mr*2), glow(mx, my, mr*2, p[2], 0.25))
	if s.r.chance(0.5) {
		s.fill(circle(mx, my, mr), solid(p[2]))
		for i := 0; i < 5; i++ {
			a := s.r.f(0, 2*math.Pi)
			d := mr * s.r.f(0.1, 0.65)
			s.fill(circle(mx+math.Cos(a)*d, my+math.Sin(a)*d, mr*s.r.f(0.08, 0.2)), solidA(p[2].scale(0.88), 0.8))
		}
	} else {
		a := s.r.f(-0.6, 0.6) + math.Pi
		s.fill(crescent(mx, my, mr, a, mr*0.5, mr*0.95), solid(p[2]))
	}
	// rolling hills with trees
	for i := 0; i < 2; i++ {
		nz := noise1{s.r.u64()}
		base := h * (0.66 + 0.08*float64(i))
		amp := h * 0.08
		top := func(x float64) float64 { return base - amp*(0.5+0.5*nz.fbm(x/w*2+float64(i)*5, 3, 0.45)) }
		c := mix(p[4], p[5], 0.5*float64(i))
		all := ridge(w, h+2, 4, top)
		for k := 0; k < s.r.i(4, 12); k++ {
			x := s.r.f(0, w)
			ht := h * s.r.f(0.05, 0.1) * (1 + float64(i))
			if s.r.chance(0.6) {
				all = append(all, conifer(x, top(x)+3, ht, ht*0.4, 0)...)
			} else {
				_, cr := s.roundTree(x, top(x)+3, ht)
				all = append(all, cr...)
				all = all.add(rectPts(x-ht*0.03, top(x)-ht*0.4, ht*0.06, ht*0.4+3))
			}
		}
		s.fill(union(all), solid(c))
	}
	// rooftops
	x := -s.r.f(0, 40) * u
	g := h + 2
	for x < w {
		bw := s.r.f(70, 150) * u
		bh := h * s.r.f(0.12, 0.26)
		roofH := bw * s.r.f(0.3, 0.55)
		body := p[5].scale(s.r.f(0.9, 1.25))
		roof := p[7].scale(s.r.f(0.9, 1.2))
		top := g - bh
		var house path
		house = house.add(rectPts(x, top, bw, bh))
		if s.r.chance(0.6) {
			cx := x + bw*s.r.f(0.2, 0.75)
			house = house.add(rectPts(cx, top-roofH*0.95, bw*0.09, roofH*0.6))
		}
		s.fill(union(house), solid(body))
		var edge []pt
		if s.r.chance(0.75) {
			edge = []pt{{x - 6*u, top + 1}, {x + bw/2, top - roofH}, {x + bw + 6*u, top + 1}}
		} else {
			edge = []pt{{x - 4*u, top + 1}, {x + bw*0.2, top - roofH*0.6}, {x + bw*0.8, top - roofH*0.6}, {x + bw + 4*u, top + 1}}
		}
		s.fill(path{edge}, solid(roof))
		// moonlight catching the roof line
		for k := 0; k+1 < len(edge); k++ {
			s.fill(line(edge[k].x, edge[k].y, edge[k+1].x, edge[k+1].y, 2.5*u), solidA(mix(roof, p[2], 0.45), 0.7))
		}
		// windows, some warmly lit
		cols := max(1, int(bw/(34*u)))
		rows := max(1, int(bh/(44*u)))
		for r := 0; r < rows; r++ {
			for c := 0; c < cols; c++ {
				wx := x + bw*(float64(c)+0.5)/float64(cols) - 7*u
				wy := top + 14*u + float64(r)*44*u
				if wy+20*u > h {
					continue
				}
				if s.r.chance(0.45) {
					s.fill(circle(wx+7*u, wy+10*u, 40*u), glow(wx+7*u, wy+10*u, 40*u, p[6], 0.22))
					s.fill(rect(wx, wy, 14*u, 20*u), solid(p[6]))
					s.fill(rect(wx+6.3*u, wy, 1.4*u, 20*u), solidA(body, 0.8))
					s.fill(rect(wx, wy+9*u, 14*u, 1.4*u), solidA(body, 0.8))
				} else {
					s.fill(rect(wx, wy, 14*u, 20*u), solid(mix(body, p[1], 0.2)))
				}
			}
		}
		x += bw + s.r.f(-10, 20)*u
	}
	s.vign = 0.3
	s.grain = 0.026
}

func (s *scene) birds() {
	p := s.palette([][]string{
		// sky top, horizon, sun, treeline, water, water light, reeds, birds, mud banks
		{"#f3b48f", "#fde7cf", "#fff6e6", "#c79f8c", "#e6b69a", "#fde7cf", "#5a4036", "#3f2c33", "#b98c73"},
		{"#8db8d8", "#eef2ea", "#fffdf3", "#9fb4a9", "#a9c9d9", "#f3f7f2", "#3f5a46", "#2c3a46", "#8fa58e"},
		{"#4a5a8c", "#f2b8a0", "#ffe6cf", "#6f6a8c", "#c7a2a8", "#f7cdbb", "#262a40", "#1e2136", "#5d5a78"},
		{"#d9e4c7", "#f7f2df", "#fffcf0", "#9db19a", "#c4d7c8", "#f8f6e8", "#4c6a4a", "#2e3b2f", "#a4b48f"},
	})
	w, h, u := s.w, s.h, s.u
	hz := h * s.r.f(0.56, 0.64)
	s.sky(hz, gradient{{0, p[0]}, {1, p[1]}})
	sx, sy := w*s.r.f(0.15, 0.85), hz-h*s.r.f(0.08, 0.25)
	sr := u * s.r.f(30, 48)
	s.sun(sx, sy, sr, p[2], p[2], sr*6, 0.5)
	for i := 0; i < s.r.i(1, 3); i++ {
		cy := h * s.r.f(0.1, 0.4)
		cw := w * s.r.f(0.12, 0.25)
		cx := s.r.f(-0.1, 1) * w
		th := u * s.r.f(6, 10)
		s.fill(roundRect(cx, cy, cw, th, th/2), solidA(p[2], 0.45))
	}
	// treeline on the far shore, and its reflection
	var trees path
	x := -10.0
	for x < w+10 {
		r := s.r.f(6, 20) * u
		if s.r.chance(0.2) {
			r *= 0.3
		}
		trees = trees.add(ellipsePts(x, hz-r*0.6, r, r*s.r.f(0.9, 1.5), 0))
		x += r * s.r.f(0.7, 1.4)
	}
	trees = trees.add(rectPts(-10, hz-8*u, w+20, 8*u+1))
	trees = union(trees)
	s.fill(trees, solid(p[3]))
	// water
	s.fill(rect(-1, hz, w+2, h-hz+1), vertical(hz, h, gradient{{0, p[5]}, {1, p[4]}}))
	s.fill(mirrorY(trees, hz), solidA(p[3], 0.35))
	for y := hz + 2*u; y < h; y += s.r.f(4, 10) * u {
		t := (y - hz) / (h - hz)
		lw := sr * s.r.f(0.5, 2.2) * (1 + t)
		s.fill(roundRect(sx-lw/2+s.r.f(-10, 10)*u, y, lw, (1.2+2*t)*u, u), solidA(p[2], 0.6*(1-t)))
		xx := s.r.f(0, w)
		s.fill(roundRect(xx, y, w*s.r.f(0.03, 0.12), (1+1.5*t)*u, u), solidA(p[5], 0.5))
	}
	// low muddy islands with grass
	for i := 0; i < s.r.i(2, 4); i++ {
		t := s.r.f(0.15, 0.7)
		y := hz + (h-hz)*t
		cx := w * s.r.f(0, 1)
		iw := w * s.r.f(0.1, 0.25) * (0.5 + t)
		ih := (h - hz) * 0.03 * (0.5 + t)
		s.fill(ellipse(cx, y, iw, ih, 0), solid(mix(p[8], p[4], 0.3)))
		var grass path
		for k := 0; k < int(20*iw/(w*0.2)); k++ {
			gx := cx + s.r.f(-0.8, 0.8)*iw
			gh := ih * s.r.f(1.5, 4)
			lean := s.r.f(-0.4, 0.4) * gh
			grass = append(grass, stroke([]pt{{gx, y}, {gx + lean*0.3, y - gh*0.5}, {gx + lean, y - gh}}, u*(1+t), u*0.2)...)
		}
		s.fill(union(grass), solid(mix(p[6], p[8], 0.3)))
	}
	// a heron wading in the shallows
	if s.r.chance(0.6) {
		s.heron(w*s.r.f(0.15, 0.85), hz+(h-hz)*s.r.f(0.55, 0.8), h*s.r.f(0.2, 0.26), p[7], p[4])
	}
	// V formation
	dirx := 1.0
	if s.r.chance(0.5) {
		dirx = -1
	}
	size := u * s.r.f(15, 22)
	n1, n2 := s.r.i(3, 7), s.r.i(3, 7)
	sp := size * s.r.f(2, 2.6)
	lx := w*s.r.f(0.4, 0.6) + dirx*float64(max(n1, n2))*sp*0.5
	ly := math.Max(h*s.r.f(0.12, 0.3), float64(n1)*sp*0.55+size*2)
	s.fill(transform(birdShape(0.3), lx, ly, size, 0), solid(p[7]))
	for arm, n := range []int{n1, n2} {
		side := float64(arm*2 - 1)
		for k := 1; k <= n; k++ {
			fk := float64(k)
			bx := lx - dirx*fk*sp*1.05 + s.r.f(-2, 2)*u
			by := ly + side*fk*sp*0.55 + s.r.f(-3, 3)*u
			sz := size * (1 - 0.03*fk) * s.r.f(0.9, 1.05)
			s.fill(transform(birdShape(s.r.f(-0.3, 0.7)), bx, by, sz, s.r.f(-0.1, 0.1)), solid(p[7]))
		}
	}
	// reeds framing the view
	for i := 0; i < 2; i++ {
		if i == 1 && s.r.chance(0.3) {
			continue
		}
		x := w * s.r.f(0, 0.12)
		if i == 1 {
			x = w - x
		}
		s.reeds(x, h+4, h*s.r.f(0.3, 0.45), s.r.i(12, 20), p[6], mix(p[6], p[8], 0.4))
	}
	s.vign = 0.2
}

// heron draws a grey heron standing in water at (x, y), ht tall.
func (s *scene) heron(x, y, ht float64, c, water col) {
	k := ht / 100
	dir := 1.0
	if s.r.chance(0.5) {
		dir = -1
	}
	X := func(v float64) float64 { return x + dir*v*k }
	Y := func(v float64) float64 { return y - v*k }
	// legs
	s.fill(line(X(-4), Y(0), X(-2), Y(38), 1.4*k), solid(c))
	s.fill(line(X(5), Y(0), X(2), Y(38), 1.4*k), solid(c))
	// body
	var b builder
	b.move(X(-22), Y(52)).quad(X(-10), Y(66), X(10), Y(64)).quad(X(20), Y(60), X(16), Y(48)).quad(X(6), Y(36), X(-8), Y(40)).quad(X(-20), Y(42), X(-34), Y(38)).close()
	s.fill(b.path(), solid(c))
	// neck, head and bill
	neck := smooth([]pt{{X(12), Y(58)}, {X(20), Y(72)}, {X(12), Y(84)}, {X(20), Y(96)}}, 8)
	s.fill(stroke(neck, 6*k, 3.6*k), solid(c))
	s.fill(ellipse(X(22), Y(97), 5*k, 3.5*k, 0), solid(c))
	s.fill(poly(pt{X(25), Y(99)}, pt{X(42), Y(95)}, pt{X(25), Y(94.5)}), solid(c))
	// ripples
	for i := 0; i < 3; i++ {
		rw := (14 + 10*float64(i)) * k
		s.fill(ring(x, y+1*k, rw, rw*0.18, 0, 1*k), solidA(mix(water, c, 0.25), 0.5-0.12*float64(i)))
	}
}

// crescent is the part of the disc (x, y, r) not covered by a disc of radius r2
// whose centre lies d away in direction a.
func crescent(x, y, r, a, d, r2 float64) path {
	cx, cy := x+d*math.Cos(a), y+d*math.Sin(a)
	ca := clampf((r*r+d*d-r2*r2)/(2*r*d), -1, 1)
	al := math.Acos(ca)
	cb := clampf((r2*r2+d*d-r*r)/(2*r2*d), -1, 1)
	be := math.Acos(cb)
	outer := arcPts(x, y, r, a+al, a+2*math.Pi-al)
	// inner edge: the shadow disc's arc facing the moon's centre, walked back
	inner := arcPts(cx, cy, r2, a+math.Pi-be, a+math.Pi+be)
	last := outer[len(outer)-1]
	if math.Hypot(inner[0].x-last.x, inner[0].y-last.y) > math.Hypot(inner[len(inner)-1].x-last.x, inner[len(inner)-1].y-last.y) {
		reverse(inner)
	}
	return path{append(outer, inner...)}
}
