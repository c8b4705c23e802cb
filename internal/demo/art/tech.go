package art

import "math"

func (s *scene) energy() {
	p := s.palette([][]string{
		// sky top, horizon, cloud, far hill, near hill, grass, turbine, turbine shade, panel, panel light, frame, sun
		{"#6fb7e0", "#e3f3f7", "#ffffff", "#a9d3a8", "#5fae6a", "#86c27a", "#f6f8fa", "#c3ced8", "#23457a", "#5b8fd0", "#d0d7de", "#fff6d8"},
		{"#f4a582", "#fde2c8", "#fff4e8", "#c6b38f", "#8c9a5b", "#a7ae6a", "#fbf4ec", "#d9c6b5", "#2d3a66", "#6a7fb8", "#d9cbbd", "#fff0d6"},
		{"#8fd0c8", "#eef7f0", "#ffffff", "#9cc9a4", "#3f8f6b", "#67a97d", "#f7faf9", "#c5d4cf", "#1f4061", "#4f86b8", "#cfd9d6", "#fffbe6"},
	})
	w, h, u := s.w, s.h, s.u
	s.sky(h*0.6, gradient{{0, p[0]}, {1, p[1]}})
	sx, sy := w*s.r.f(0.1, 0.9), h*s.r.f(0.12, 0.3)
	sr := u * s.r.f(30, 45)
	s.sun(sx, sy, sr, p[11], p[11], sr*6, 0.6)
	for i := 0; i < s.r.i(2, 4); i++ {
		s.cloud(w*s.r.f(0.05, 0.95), h*s.r.f(0.12, 0.35), u*s.r.f(25, 45), p[2], 0.9)
	}
	spin := s.r.f(0, 2*math.Pi)
	type hill struct {
		top func(float64) float64
	}
	var hills []hill
	for i := 0; i < 3; i++ {
		t := float64(i) / 2
		nz := noise1{s.r.u64()}
		base := h * (0.58 + 0.17*float64(i))
		amp := h * (0.14 - 0.03*float64(i))
		ph := s.r.f(0, 2*math.Pi)
		fr := s.r.f(0.6, 1.1)
		top := func(x float64) float64 {
			return base - amp*(0.6*(0.5+0.5*math.Sin(x/w*2*math.Pi*fr+ph))+0.4*(0.5+0.5*nz.fbm(x/w*3, 2, 0.4)))
		}
		hills = append(hills, hill{top})
		c := mix(mix(p[3], p[1], 0.25), p[4], t)
		// turbines stand behind the crest they're planted on
		if i < 2 {
			n := s.r.i(2, 4) + 2*(1-i)
			for k := 0; k < n; k++ {
				x := w * (float64(k) + s.r.f(0.2, 0.8)) / float64(n)
				ht := h * (0.2 + 0.22*float64(i)) * s.r.f(0.85, 1.1)
				s.turbine(x, top(x)+4*u, ht, spin+s.r.f(-0.3, 0.3), mix(p[6], p[1], 0.3*(1-t)), mix(p[7], p[1], 0.3*(1-t)))
			}
		}
		s.fill(ridge(w, h+2, 3, top), vertical(base-amp, h, gradient{{0, c}, {1, mix(c, p[5], 0.4)}}))
	}
	// solar field on the near slope: a back row and a large front row
	for r := 0; r < 2; r++ {
		if r == 0 && s.r.chance(0.4) {
			continue
		}
		y := h*0.85 + h*0.16*float64(r)
		ph := (30 + 28*float64(r)) * u
		pw := (80 + 50*float64(r)) * u
		gap := (14 + 10*float64(r)) * u
		x := -s.r.f(0, pw)
		for x < w {
			s.panel(x, y, pw, ph, p)
			x += pw + gap
		}
	}
	for i := 0; i < s.r.i(1, 3); i++ {
		s.bird(w*s.r.f(0.1, 0.9), h*s.r.f(0.08, 0.3), u*s.r.f(7, 10), mix(p[8], p[0], 0.3))
	}
	s.vign = 0.16
}

// turbine draws a wind turbine whose tower stands at (x, y), ht tall to the hub.
func (s *scene) turbine(x, y, ht, angle float64, c, shade col) {
	k := ht / 100
	hy := y - ht
	s.fill(poly(pt{x - 2.6*k, y}, pt{x - 1.1*k, hy}, pt{x + 1.1*k, hy}, pt{x + 2.6*k, y}), linear(x-2.6*k, 0, x+2.6*k, 0, gradient{{0, c}, {0.55, c}, {0.56, shade}, {1, shade}}))
	s.fill(roundRect(x-3*k, hy-2.4*k, 9*k, 4.8*k, 2*k), solid(shade))
	L := 48 * k
	for b := 0; b < 3; b++ {
		a := angle + float64(b)*2*math.Pi/3
		blade := path{{{0, -0.9 * k}, {L * 0.2, -2.6 * k}, {L, -0.5 * k}, {L, 0.2 * k}, {L * 0.2, 1.4 * k}, {0, 1.2 * k}}}
		s.fill(transform(blade, x, hy, 1, a), solid(c))
	}
	s.fill(circle(x, hy, 2.3*k), solid(shade))
}

// panel draws one tilted photovoltaic module with its top-left corner near (x, y).
func (s *scene) panel(x, y, pw, ph float64, p []col) {
	u := s.u
	sk := ph * 0.35 // the top edge leans back
	// legs
	s.fill(rect(x+pw*0.2, y, 2.2*u, ph*0.5), solid(p[10].scale(0.8)))
	s.fill(rect(x+pw*0.8, y-ph*0.1, 2.2*u, ph*0.6), solid(p[10].scale(0.8)))
	face := poly(pt{x + sk, y - ph}, pt{x + pw + sk, y - ph}, pt{x + pw, y}, pt{x, y})
	s.fill(face, linear(x, y-ph, x+pw, y, gradient{{0, p[9]}, {0.45, p[8]}, {1, p[8].scale(0.8)}}))
	s.withClip(face, func() {
		for i := 1; i < 6; i++ {
			f := float64(i) / 6
			s.fill(line(x+pw*f+sk, y-ph, x+pw*f, y, 0.9*u), solidA(p[10], 0.5))
		}
		for j := 1; j < 3; j++ {
			f := float64(j) / 3
			s.fill(line(x+sk*(1-f)-2, y-ph+ph*f, x+pw+sk*(1-f)+2, y-ph+ph*f, 0.9*u), solidA(p[10], 0.5))
		}
		// sheen
		s.fill(poly(pt{x + pw*0.1, y}, pt{x + pw*0.35, y - ph - 2}, pt{x + pw*0.5, y - ph - 2}, pt{x + pw*0.25, y}), solidA(p[2], 0.12))
	})
	s.fill(stroke([]pt{{x, y}, {x + pw, y}}, 1.5*u, 1.5*u), solid(p[10]))
}

func (s *scene) science() {
	p := s.palette([][]string{
		// bg top, bg bottom, stars, planet a, planet b, ring, orbit, accent a, accent b, hill
		{"#0b1230", "#22306a", "#e8ecff", "#f4a261", "#e76f51", "#f6d7a7", "#8fa3d9", "#2ec4b6", "#ffd166", "#070b1f"},
		{"#04202a", "#0f4c5c", "#e0fbff", "#ffb703", "#fb8500", "#ffe8a3", "#7fc8d8", "#8ecae6", "#ff6b6b", "#021318"},
		{"#140f2d", "#3b2b6e", "#f5edff", "#ff8fab", "#c77dff", "#ffd6e0", "#9d8fd9", "#72efdd", "#ffd166", "#0b0820"},
	})
	w, h, u := s.w, s.h, s.u
	s.sky(h, gradient{{0, p[0]}, {1, p[1]}})
	s.fill(circle(w*0.5, h*0.5, h*0.9), glow(w*0.5, h*0.5, h*0.9, p[6], 0.12))
	s.stars(int(160*w*h/(1200*675))+20, h, p[2])
	// faint measuring grid
	step := 60 * u
	for x := math.Mod(s.r.f(0, step), step); x < w; x += step {
		s.fill(rect(x, 0, 0.8*u, h), solidA(p[6], 0.06))
	}
	for y := math.Mod(s.r.f(0, step), step); y < h; y += step {
		s.fill(rect(0, y, w, 0.8*u), solidA(p[6], 0.06))
	}
	// a star with its orbiting planets
	left := s.r.chance(0.5)
	cx, cy := w*s.r.f(0.36, 0.46), h*s.r.f(0.36, 0.46)
	if !left {
		cx = w - cx
	}
	tilt := s.r.f(-0.35, 0.15)
	flat := s.r.f(0.3, 0.45)
	sr := u * s.r.f(28, 40)
	n := s.r.i(3, 5)
	type planet struct{ x, y, r float64 }
	var front []planet
	for i := 0; i < n; i++ {
		R := sr*2.2 + float64(i+1)*h*s.r.f(0.09, 0.12)
		s.fill(ring(cx, cy, R, R*flat, tilt, 1.3*u), solidA(p[6], 0.45))
		a := s.r.f(0, 2*math.Pi)
		ex, ey := R*math.Cos(a), R*flat*math.Sin(a)
		sn, cs := math.Sincos(tilt)
		front = append(front, planet{cx + ex*cs - ey*sn, cy + ex*sn + ey*cs, u * s.r.f(7, 16)})
	}
	s.fill(circle(cx, cy, sr*5), glow(cx, cy, sr*5, p[8], 0.45))
	s.fill(circle(cx, cy, sr), solid(mix(hex("#fff4d6"), p[8], 0.25)))
	for i, pl := range front {
		c := []col{p[3], p[4], p[7], p[5]}[i%4]
		s.shadedBall(pl.x, pl.y, pl.r, c, cx, cy)
	}
	// ringed giant
	gx, gy := w*s.r.f(0.76, 0.86), h*s.r.f(0.2, 0.32)
	if !left {
		gx = w - gx
	}
	gr := h * s.r.f(0.1, 0.14)
	gt := s.r.f(-0.5, -0.2)
	backHalf := func() path { // the half of the ring behind the planet
		return transform(path{{{-10 * gr, -10 * gr}, {10 * gr, -10 * gr}, {10 * gr, 0}, {-10 * gr, 0}}}, gx, gy, 1, gt)
	}
	s.withClip(backHalf(), func() {
		s.fill(ring(gx, gy, gr*1.8, gr*0.42, gt, gr*0.14), solidA(p[5], 0.85))
		s.fill(ring(gx, gy, gr*1.55, gr*0.36, gt, gr*0.06), solidA(p[5], 0.6))
	})
	s.shadedBall(gx, gy, gr, p[3], cx, cy)
	s.withClip(circle(gx, gy, gr), func() {
		for k := 0; k < 3; k++ {
			yy := gy - gr*0.5 + float64(k)*gr*0.4
			s.fill(transform(rect(-2*gr, -gr*0.06, 4*gr, gr*0.12), gx, yy, 1, gt*0.3), solidA(p[4], 0.35))
		}
	})
	frontHalf := transform(path{{{-10 * gr, 0}, {10 * gr, 0}, {10 * gr, 10 * gr}, {-10 * gr, 10 * gr}}}, gx, gy, 1, gt)
	s.withClip(frontHalf, func() {
		s.fill(ring(gx, gy, gr*1.8, gr*0.42, gt, gr*0.14), solidA(p[5], 0.95))
		s.fill(ring(gx, gy, gr*1.55, gr*0.36, gt, gr*0.06), solidA(p[5], 0.7))
	})
	molX := w * s.r.f(0.72, 0.88)
	if !left {
		molX = w - molX
	}
	if s.r.chance(0.5) {
		// the curved limb of a huge planet along the bottom, with an atmosphere glow
		R := w * 1.2
		px, py := w*s.r.f(0.3, 0.7), h*0.92+R
		s.fill(circle(px, py, R+h*0.08), fnPaint(func(x, y float64) (col, float32) {
			d := (math.Hypot(x-px, y-py) - R) / (h * 0.08)
			return p[7], float32(0.35 * clampf(1-d, 0, 1) * clampf(1-d, 0, 1))
		}))
		s.fill(circle(px, py, R), vertical(py-R, py-R+h*0.15, gradient{{0, mix(p[9], p[7], 0.35)}, {1, p[9]}}))
		s.molecule(molX, h*s.r.f(0.62, 0.7), h*0.075, p)
	} else {
		// a hill with an observatory telescope
		nz := noise1{s.r.u64()}
		base := h * 0.93
		top := func(x float64) float64 { return base - h*0.1*(0.5+0.5*nz.fbm(x/w*2, 3, 0.45)) }
		tx := w - molX
		s.telescope(tx, top(tx)+2*u, h*0.26, p[9])
		s.fill(ridge(w, h+2, 4, top), solid(p[9]))
		if s.r.chance(0.6) {
			s.molecule(molX, h*s.r.f(0.62, 0.7), h*0.075, p)
		}
	}
	s.vign = 0.3
}

// shadedBall draws a sphere lit from (lx, ly).
func (s *scene) shadedBall(x, y, r float64, c col, lx, ly float64) {
	a := math.Atan2(y-ly, x-lx)
	s.fill(circle(x, y, r), solid(c))
	s.withClip(circle(x, y, r), func() {
		s.fill(circle(x+math.Cos(a)*r*0.55, y+math.Sin(a)*r*0.55, r*1.05), solidA(c.scale(0.6), 0.6))
	})
	hx, hy := x-math.Cos(a)*r*0.4, y-math.Sin(a)*r*0.4
	s.withClip(circle(x, y, r), func() {
		s.fill(circle(hx, hy, r*0.7), glow(hx, hy, r*0.7, mix(c, col{1, 1, 1}, 0.7), 0.45))
	})
}

// molecule draws a small ball-and-stick structure centred at (x, y).
func (s *scene) molecule(x, y, size float64, p []col) {
	type atom struct{ x, y, r float64 }
	atoms := []atom{{x, y, size * 0.32}}
	var bonds [][2]int
	want := s.r.i(4, 6)
	for try := 0; try < 60 && len(atoms) <= want; try++ {
		parent := s.r.IntN(len(atoms))
		a := s.r.f(0, 2*math.Pi)
		d := size * s.r.f(1, 1.4)
		nx, ny := atoms[parent].x+math.Cos(a)*d, atoms[parent].y+math.Sin(a)*d
		ok := true
		for _, o := range atoms {
			if math.Hypot(o.x-nx, o.y-ny) < size*0.9 {
				ok = false
			}
		}
		if !ok {
			continue
		}
		atoms = append(atoms, atom{nx, ny, size * s.r.f(0.16, 0.28)})
		bonds = append(bonds, [2]int{parent, len(atoms) - 1})
	}
	for _, b := range bonds {
		a, c := atoms[b[0]], atoms[b[1]]
		s.fill(line(a.x, a.y, c.x, c.y, size*0.07), solidA(p[6], 0.9))
	}
	for i, a := range atoms {
		c := []col{p[7], p[8], p[3], p[4]}[i%4]
		s.fill(circle(a.x, a.y, a.r*2.2), glow(a.x, a.y, a.r*2.2, c, 0.3))
		s.shadedBall(a.x, a.y, a.r, c, a.x-a.r, a.y-a.r)
	}
}

// telescope draws a refracting telescope on a tripod standing at (x, y).
func (s *scene) telescope(x, y, ht float64, c col) {
	k := ht / 100
	var legs path
	legs = append(legs, line(x, y-55*k, x-22*k, y, 3*k)...)
	legs = append(legs, line(x, y-55*k, x+22*k, y, 3*k)...)
	legs = append(legs, line(x, y-55*k, x+4*k, y, 3*k)...)
	s.fill(union(legs), solid(c))
	tube := transform(path{roundRectPts(-30, -6, 80, 12, 3), rectPts(50, -8, 10, 16), rectPts(-38, -4, 8, 8)}, x, y-62*k, k, -0.6)
	s.fill(union(tube), solid(c))
	s.fill(circle(x, y-57*k, 5*k), solid(c))
}
