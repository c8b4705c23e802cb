package art

import "math"

// ridged returns sharp mountain-like noise in 0..1.
func ridged(n noise1, x float64) float64 {
	var s, amp, norm float64 = 0, 1, 0
	for i := 0; i < 4; i++ {
		v := 1 - math.Abs(noise1{n.seed + uint64(i)*131}.at(x))
		s += amp * v * v
		norm += amp
		amp *= 0.45
		x *= 2.1
	}
	return s / norm
}

func (s *scene) mountains() {
	p := s.palette([][]string{
		// sky top, sky middle, horizon, sun, far ridge, near ridge
		{"#2e3563", "#b56576", "#f6bd60", "#fff3d6", "#d89a9e", "#1c1b3a"},
		{"#7fb2d6", "#bfd9ea", "#f4efe6", "#fffaf0", "#a3bfd4", "#1f3b57"},
		{"#e9c9a3", "#f0b98d", "#f7e3c6", "#e9724c", "#a9b8a3", "#23392e"},
		{"#45365f", "#e58f8c", "#ffd6a5", "#fff4e0", "#b8a1c9", "#2a1f3d"},
	})
	w, h, u := s.w, s.h, s.u
	s.sky(h*0.7, gradient{{0, p[0]}, {0.55, p[1]}, {1, p[2]}})
	sx, sy := w*s.r.f(0.15, 0.85), h*s.r.f(0.2, 0.4)
	sr := u * s.r.f(45, 75)
	s.sun(sx, sy, sr, p[3], p[3], sr*5, 0.45)
	for i := 0; i < s.r.i(0, 3); i++ {
		s.cloud(w*s.r.f(0, 1), h*s.r.f(0.12, 0.35), u*s.r.f(22, 40), p[3], 0.35)
	}

	n := s.r.i(4, 5)
	shadeRight := sx < w/2
	for i := 0; i < n; i++ {
		t := float64(i) / float64(n-1)
		c := mix(p[4], p[5], math.Pow(t, 1.15))
		base := h * (0.6 + 0.4*t)
		amp := h * (0.4 - 0.27*t)
		haze := mix(c, p[2], 0.3*(1-t)+0.1)
		if t < 0.6 {
			// a range of distinct peaks
			pk := s.peaks(base, amp, s.r.i(2, 4)+i, 0.55+0.5*(1-t), 0.06)
			s.fill(ridge(w, h+2, 2, pk.top), vertical(base-amp, base+h*0.05, gradient{{0, c}, {1, haze}}))
			dark := mix(c, p[5], 0.22)
			s.withClip(ridge(w, h+2, 2, pk.top), func() {
				for _, q := range pk.list {
					if pk.top(q.x) < pk.base-q.h-2 {
						continue // hidden behind a taller neighbour
					}
					s.fill(s.faceShadow(q.x, pk.top(q.x), base, shadeRight), solidA(dark, 0.55))
					if i == 0 && snowy(p) {
						s.fill(s.snowCap(q.x, pk.top(q.x), base, q.h), solidA(mix(p[3], p[4], 0.15), 0.92))
					}
				}
			})
		} else {
			nz := noise1{s.r.u64()}
			off := s.r.f(0, 100)
			fr := s.r.f(1.2, 2.2) * w / h * 9 / 16
			top := func(x float64) float64 {
				v := x/w*fr + off
				return base - amp*(0.55+0.45*nz.fbm(v, 4, 0.4))
			}
			s.fill(ridge(w, h+2, 2, top), vertical(base-amp, base+h*0.05, gradient{{0, c}, {1, haze}}))
		}
	}
	nb := s.r.i(2, 6)
	bx, by := w*s.r.f(0.2, 0.8), h*s.r.f(0.15, 0.35)
	for i := 0; i < nb; i++ {
		s.bird(bx+s.r.f(-90, 90)*u, by+s.r.f(-30, 30)*u, u*s.r.f(7, 12), mix(p[5], p[1], 0.2))
	}
	s.vign = 0.22
}

// abstract is the neutral fallback: a calm geometric composition.
func (s *scene) abstract() {
	p := s.palette([][]string{
		{"#f1e9db", "#e07a5f", "#3d405b", "#81b29a", "#f2cc8f"},
		{"#ece4d8", "#264653", "#2a9d8f", "#e9c46a", "#e76f51"},
		{"#f4f1ea", "#5b6c8f", "#c8553d", "#f28f3b", "#588b8b"},
	})
	w, h, u := s.w, s.h, s.u
	s.fillAll(solid(p[0]))
	order := s.r.Perm(4)
	c := func(i int) col { return p[1+order[i%4]] }
	// big disc
	s.fill(circle(w*s.r.f(0.55, 0.8), h*s.r.f(0.3, 0.6), h*s.r.f(0.35, 0.5)), solid(c(0)))
	// half discs along the base
	bx := w * s.r.f(0.05, 0.3)
	for i := 0; i < 3; i++ {
		r := h * s.r.f(0.12, 0.22)
		s.fill(path{arcPts(bx+r, h, r, math.Pi, 2*math.Pi)}, solid(c(i+1)))
		bx += 2*r + u*s.r.f(0, 20)
	}
	// stripes
	x := w * s.r.f(0.05, 0.25)
	y := h * s.r.f(0.1, 0.3)
	for i := 0; i < 4; i++ {
		s.fill(roundRect(x, y+float64(i)*u*22, w*s.r.f(0.15, 0.3), u*10, u*5), solid(c(2)))
	}
	// dot grid
	gx, gy := w*s.r.f(0.6, 0.8), h*s.r.f(0.65, 0.8)
	for i := 0; i < 5; i++ {
		for j := 0; j < 3; j++ {
			s.fill(circle(gx+float64(i)*u*26, gy+float64(j)*u*26, u*5), solid(c(3)))
		}
	}
	s.fill(ring(w*s.r.f(0.3, 0.5), h*s.r.f(0.3, 0.6), h*0.2, h*0.2, 0, u*8), solid(c(1)))
}

// snowy reports whether the palette is a cool daylight one suited to snow caps.
func snowy(p []col) bool { return p[0].b > p[0].r }

type peak struct{ x, h, sl, sr float64 }

type peakLine struct {
	list []peak
	base float64
	det  noise1
	w    float64
	damp float64
}

// peaks lays out n mountain peaks; steep sets the slope (height per horizontal pixel).
func (s *scene) peaks(base, amp float64, n int, steep, detail float64) peakLine {
	pl := peakLine{base: base, det: noise1{s.r.u64()}, w: s.w, damp: amp * detail}
	for i := 0; i < n; i++ {
		x := s.w * (float64(i) + s.r.f(0.15, 0.85)) / float64(n)
		hh := amp * s.r.f(0.55, 1)
		st := steep * s.r.f(0.6, 1.5)
		pl.list = append(pl.list, peak{x, hh, st * s.r.f(0.75, 1.3), st * s.r.f(0.75, 1.3)})
	}
	return pl
}

func (pl peakLine) top(x float64) float64 {
	best := 0.0
	for _, q := range pl.list {
		dx := x - q.x
		sl := q.sl
		if dx > 0 {
			sl = q.sr
		}
		v := q.h - sl*math.Sqrt(dx*dx+16)
		best = math.Max(best, v)
	}
	return pl.base - best - pl.damp*pl.det.fbm(x/pl.w*25, 3, 0.5)
}

// faceShadow is the shaded face of a peak at (px,py): everything on one side of
// a jagged line running from the summit down to the base. Callers clip it to the ridge.
func (s *scene) faceShadow(px, py, base float64, right bool) path {
	dir := 1.0
	if !right {
		dir = -1
	}
	pts := []pt{{px, py - 4}}
	k := 6
	drift := s.r.f(-0.25, 0.35) * (base - py)
	for j := 1; j <= k; j++ {
		f := float64(j) / float64(k)
		x := px + drift*f*dir + s.r.f(-1, 1)*(base-py)*0.04
		pts = append(pts, pt{x, py + (base-py)*f*1.05})
	}
	pts = append(pts, pt{px + dir*s.w, base + s.h}, pt{px + dir*s.w, py - 4})
	return path{pts}
}

// snowCap is a jagged-edged region around the summit; callers clip it to the ridge.
func (s *scene) snowCap(px, py, base, ph float64) path {
	line := py + ph*s.r.f(0.18, 0.28)
	half := ph * 1.2
	pts := []pt{{px - half, py - 10}, {px + half, py - 10}}
	k := 9
	for j := k; j >= 0; j-- {
		f := float64(j) / float64(k)
		x := px - half + 2*half*f
		y := line + ph*0.08*math.Abs(math.Sin(f*11+px))*s.r.f(0.3, 1)
		pts = append(pts, pt{x, y})
	}
	return path{pts}
}
