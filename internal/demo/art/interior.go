package art

import "math"

func (s *scene) market() {
	p := s.palette([][]string{
		// wall, wall shade, sky, awning a, awning b, awning c, stripe light, wood, wood dark, ground, bunting
		{"#f3e3c7", "#e2c9a2", "#bfe1ee", "#d1495b", "#2a9d8f", "#edae49", "#fff8ec", "#b07845", "#6e4a2e", "#cdb89a", "#3d5a80"},
		{"#efe6da", "#d9c8b4", "#f6cfa6", "#e76f51", "#287271", "#8ab17d", "#fffaf2", "#a8744f", "#5e3f2b", "#c2ab93", "#e9c46a"},
		{"#f6ead8", "#e8d2b3", "#cde6e0", "#c0392b", "#1d4e89", "#f2a541", "#fffdf6", "#b5835a", "#6b4428", "#d1bfa6", "#7fb069"},
	})
	w, h, u := s.w, s.h, s.u
	// sky and facades behind the stalls
	s.sky(h*0.3, gradient{{0, p[2]}, {1, mix(p[2], p[0], 0.6)}})
	fx := -s.r.f(0, 60) * u
	for fx < w {
		fw := s.r.f(160, 280) * u
		ft := h * s.r.f(0.04, 0.2)
		c := mix(p[0], p[1], s.r.f(0, 1))
		s.fill(rect(fx, ft, fw+1, h), solid(c))
		s.fill(rect(fx-4*u, ft-6*u, fw+8*u, 8*u), solid(c.scale(0.9)))
		// arched windows
		nw := max(1, int(fw/(70*u)))
		for i := 0; i < nw; i++ {
			wx := fx + fw*(float64(i)+0.5)/float64(nw) - 14*u
			for row := 0; row < 2; row++ {
				wy := ft + 30*u + float64(row)*90*u
				var b builder
				b.move(wx, wy+50*u).line(wx, wy+14*u)
				b.cubic(wx, wy-4*u, wx+28*u, wy-4*u, wx+28*u, wy+14*u)
				b.line(wx+28*u, wy+50*u)
				s.fill(b.path(), solid(mix(c, p[8], 0.35)))
				s.fill(rect(wx-3*u, wy+50*u, 34*u, 4*u), solid(c.scale(0.92)))
			}
		}
		fx += fw
	}
	// bunting strung across the square
	for k := 0; k < s.r.i(1, 2); k++ {
		y0 := h * (0.04 + 0.07*float64(k))
		sag := h * s.r.f(0.04, 0.08)
		cat := func(x float64) float64 { t := x / w; return y0 + sag*4*t*(1-t) + sag*0.3*math.Sin(t*9) }
		var pts []pt
		for x := -4.0; x <= w+4; x += 8 {
			pts = append(pts, pt{x, cat(x)})
		}
		s.fill(stroke(pts, 1.2*u, 1.2*u), solid(p[8]))
		flags := []col{p[3], p[4], p[5], p[10], p[6]}
		i := s.r.IntN(5)
		for x := s.r.f(5, 25) * u; x < w; x += 34 * u {
			y := cat(x)
			s.fill(poly(pt{x - 11*u, y}, pt{x + 11*u, y + (cat(x+11*u)-cat(x-11*u))/2}, pt{x, y + 24*u}), solid(flags[i%5]))
			i++
		}
	}
	// stalls
	n := max(2, int(w/(380*u)))
	sw := w / float64(n)
	ay := h * s.r.f(0.28, 0.34)
	counterY := h * s.r.f(0.68, 0.74)
	colours := []col{p[3], p[4], p[5]}
	start := s.r.IntN(3)
	fruit := [][]col{
		{hex("#f28c28"), hex("#f7a440")}, {hex("#d62828"), hex("#e5383b")}, {hex("#f6d743"), hex("#ffe66d")},
		{hex("#6a994e"), hex("#8cb369")}, {hex("#6d2e46"), hex("#8e3b5d")}, {hex("#f4845f"), hex("#f79d65")},
	}
	for i := 0; i < n; i++ {
		x0 := float64(i)*sw + sw*0.04
		x1 := float64(i+1)*sw - sw*0.04
		aw := colours[(start+i)%3]
		// shade under the awning
		s.fill(rect(x0, ay, x1-x0, counterY-ay), solid(mix(p[8], p[1], 0.35)))
		s.fill(rect(x0, ay, x1-x0, (counterY-ay)*0.35), vertical(ay, ay+(counterY-ay)*0.35, gradient{{0, p[8].scale(0.7)}, {1, mix(p[8], p[1], 0.35)}}))
		// hanging goods: strings of garlic or peppers
		for k := 0; k < s.r.i(1, 3); k++ {
			hx := x0 + (x1-x0)*s.r.f(0.1, 0.9)
			c := fruit[s.r.IntN(len(fruit))][0]
			for j := 0; j < 5; j++ {
				s.fill(ellipse(hx, ay+30*u+float64(j)*13*u, 6*u, 8*u, 0), solid(c))
			}
		}
		// a back shelf with jars and baskets
		shelfY := ay + (counterY-ay)*0.42
		s.fill(rect(x0, shelfY, x1-x0, 6*u), solid(p[8]))
		for jx := x0 + 20*u; jx < x1-40*u; jx += s.r.f(30, 55) * u {
			if s.r.chance(0.5) {
				jc := fruit[s.r.IntN(len(fruit))][0]
				s.fill(roundRect(jx, shelfY-30*u, 20*u, 30*u, 4*u), solid(mix(jc, p[6], 0.25)))
				s.fill(rect(jx+2*u, shelfY-36*u, 16*u, 6*u), solid(p[8]))
			} else {
				s.fill(path{arcPts(jx+15*u, shelfY-12*u, 15*u, 0, math.Pi)}, solid(p[7]))
				for q := 0; q < 3; q++ {
					s.fill(circle(jx+6*u+float64(q)*9*u, shelfY-14*u, 6*u), solid(fruit[s.r.IntN(len(fruit))][1]))
				}
				s.fill(rect(jx, shelfY-14*u, 30*u, 4*u), solid(p[8]))
			}
		}
		// posts
		s.fill(rect(x0, ay-10*u, 8*u, counterY-ay+20*u), solid(p[8]))
		s.fill(rect(x1-8*u, ay-10*u, 8*u, counterY-ay+20*u), solid(p[8]))
		// awning: stripes with a scalloped hem
		top := ay - h*0.12
		ah := h * 0.12
		over := 14 * u
		canvasShape := poly(pt{x0 - over + 10*u, top}, pt{x1 + over - 10*u, top}, pt{x1 + over, ay}, pt{x0 - over, ay})
		s.withClip(canvasShape, func() {
			nst := 8
			stw := (x1 - x0 + 2*over) / float64(nst)
			for k := 0; k < nst; k++ {
				c := aw
				if k%2 == 1 {
					c = p[6]
				}
				s.fill(rect(x0-over+float64(k)*stw, top, stw+0.5, ah), solid(c))
			}
			s.fill(rect(x0-over, top, x1-x0+2*over, ah*0.25), solidA(p[8], 0.15))
		})
		nst := 8
		stw := (x1 - x0 + 2*over) / float64(nst)
		for k := 0; k < nst; k++ {
			c := aw
			if k%2 == 1 {
				c = p[6]
			}
			cx := x0 - over + (float64(k)+0.5)*stw
			s.fill(path{arcPts(cx, ay-1, stw/2, 0, math.Pi)}, solid(c.scale(0.95)))
		}
		s.fill(rect(x0-over, top-5*u, x1-x0+2*over, 6*u), solid(p[8]))
		// crates of fruit
		nc := s.r.i(2, 3)
		cw := (x1 - x0 - 20*u) / float64(nc)
		for k := 0; k < nc; k++ {
			cx := x0 + 10*u + float64(k)*cw
			ch := h * s.r.f(0.1, 0.13)
			cy := counterY - ch
			f := fruit[s.r.IntN(len(fruit))]
			fr := u * s.r.f(13, 18)
			// fruit pile: rows of overlapping balls, narrowing upward
			for row := 0; row < 4; row++ {
				nrow := int((cw-12*u)/(fr*1.9)) - row
				for j := 0; j < nrow; j++ {
					bx := cx + 6*u + fr + float64(j)*fr*1.9 + float64(row)*fr*0.95 + s.r.f(-1, 1)*u
					by := cy - float64(row)*fr*1.45 + fr*0.3
					s.fill(circle(bx, by, fr), solid(f[s.r.IntN(2)].scale(s.r.f(0.92, 1.04))))
					s.fill(circle(bx-fr*0.35, by-fr*0.35, fr*0.25), solidA(col{1, 1, 1}, 0.35))
					if s.r.chance(0.15) {
						s.fill(ellipse(bx+fr*0.3, by-fr*0.95, fr*0.35, fr*0.15, -0.5), solid(hex("#4f7f3a")))
					}
				}
			}
			s.fill(rect(cx+2*u, cy, cw-4*u, ch), solid(p[7]))
			for j := 1; j < 3; j++ {
				s.fill(rect(cx+2*u, cy+ch*float64(j)/3-1*u, cw-4*u, 2*u), solid(p[8]))
			}
			s.fill(rect(cx+2*u, cy, 3*u, ch), solid(p[8]))
			s.fill(rect(cx+cw-5*u, cy, 3*u, ch), solid(p[8]))
		}
		// counter front
		s.fill(rect(x0-6*u, counterY, x1-x0+12*u, h-counterY), solid(p[7].scale(0.92)))
		s.fill(rect(x0-10*u, counterY-4*u, x1-x0+20*u, 9*u), solid(p[8]))
		for j := 1; j < 6; j++ {
			xx := x0 + (x1-x0)*float64(j)/6
			s.fill(rect(xx, counterY+5*u, 1.6*u, h), solidA(p[8], 0.5))
		}
	}
	s.fill(rect(0, h*0.96, w, h*0.04+1), solid(p[9]))
	s.vign = 0.18
}

func (s *scene) library() {
	p := s.palette([][]string{
		// wall, wall dark, wood, wood dark, books x6, lamp shade, glow, floor, window sky
		{"#2f4858", "#1f3140", "#8a5a3b", "#5c3a24", "#c44536", "#e8a33d", "#2a7f62", "#f2e3c6", "#3d5a80", "#8e4162", "#1f6f50", "#ffcf7d", "#3a2a22", "#1b2747"},
		{"#6b2d3a", "#4a1f29", "#9a6a44", "#603f27", "#e0a458", "#3e7cb1", "#f4ecd6", "#2e6e5e", "#c86b3c", "#8ea98f", "#2e5d4b", "#ffd38a", "#3b2721", "#22304f"},
		{"#e9dfcc", "#d6c6aa", "#a47148", "#6f4a2f", "#b23a48", "#386fa4", "#f2bb05", "#59a96a", "#1f2041", "#d17a22", "#2f6f57", "#ffe0a3", "#7a5a44", "#9ccbe0"},
	})
	w, h, u := s.w, s.h, s.u
	s.sky(h, gradient{{0, p[1]}, {0.5, p[0]}, {1, p[1]}})
	// wallpaper stripes
	for x := 0.0; x < w; x += 40 * u {
		s.fill(rect(x, 0, 14*u, h), solidA(p[1], 0.25))
	}
	floorY := h * 0.9
	bx0, bx1 := w*s.r.f(0.03, 0.08), w*s.r.f(0.6, 0.68)
	rightShelf := s.r.chance(0.5)
	if rightShelf {
		bx0, bx1 = w-bx1, w-bx0
	}
	top := h * 0.13
	// lamp glow on the wall first, so everything sits in warm light
	var lx float64
	if rightShelf {
		lx = w * s.r.f(0.14, 0.24)
	} else {
		lx = w * s.r.f(0.76, 0.86)
	}
	deskY := h * 0.66
	ly := deskY - 95*u
	s.fill(circle(lx, ly, h*0.75), glow(lx, ly, h*0.75, p[11], 0.45))
	// window on the free wall
	wx := lx - 70*u
	if s.r.chance(0.7) {
		wy := h * 0.1
		ww, wh := 140*u, h*0.32
		s.fill(arch(wx-6*u, wy-6*u, ww+12*u, wh+6*u), solid(p[3]))
		inner := arch(wx, wy, ww, wh)
		s.fill(inner, vertical(wy, wy+wh, gradient{{0, p[13]}, {1, mix(p[13], p[11], 0.35)}}))
		s.withClip(inner, func() {
			s.fill(circle(wx+ww*0.68, wy+ww*0.3, 12*u), solid(mix(p[11], col{1, 1, 1}, 0.5)))
			for i := 0; i < 12; i++ {
				s.fill(circle(wx+s.r.f(0, ww), wy+s.r.f(0, wh*0.6), s.r.f(0.6, 1.4)*u), solidA(col{1, 1, 1}, 0.7))
			}
			s.fill(rect(wx+ww/2-2*u, wy-10*u, 4*u, wh+20*u), solid(p[3]))
			s.fill(rect(wx-2*u, wy+wh*0.55, ww+4*u, 4*u), solid(p[3]))
		})
		s.fill(rect(wx-10*u, wy+wh, ww+20*u, 8*u), solid(p[2]))
	}
	// bookcase
	s.fill(rect(bx0-10*u, top-12*u, bx1-bx0+20*u, floorY-top+12*u), solid(p[3]))
	s.fill(rect(bx0-16*u, top-20*u, bx1-bx0+32*u, 12*u), solid(p[2]))
	nShelves := s.r.i(4, 5)
	sh := (floorY - top - 20*u) / float64(nShelves)
	books := p[4:10]
	for k := 0; k < nShelves; k++ {
		y0 := top + float64(k)*sh
		y1 := y0 + sh - 9*u
		s.fill(rect(bx0, y0, bx1-bx0, sh), vertical(y0, y1, gradient{{0, p[3].scale(0.55)}, {1, p[3].scale(0.8)}}))
		x := bx0 + s.r.f(2, 20)*u
		for x < bx1-14*u {
			switch {
			case s.r.chance(0.06):
				// a stack lying flat
				sw := s.r.f(40, 60) * u
				if x+sw > bx1-4*u {
					x = bx1
					break
				}
				yy := y1
				for j := 0; j < s.r.i(2, 4); j++ {
					bh := s.r.f(7, 11) * u
					c := books[s.r.IntN(6)]
					off := s.r.f(-4, 4) * u
					s.fill(rect(x+off, yy-bh, sw, bh), solid(c))
					s.fill(rect(x+off+3*u, yy-bh+2*u, sw-6*u, 1.2*u), solidA(p[7], 0.5))
					yy -= bh
				}
				x += sw + s.r.f(4, 10)*u
			case s.r.chance(0.05):
				// a leaning book
				bw := s.r.f(12, 18) * u
				bh := (y1 - y0) * s.r.f(0.7, 0.85)
				c := books[s.r.IntN(6)]
				s.fill(transform(rect(0, -bh, bw, bh), x+bh*0.28, y1, 1, -0.3), solid(c))
				x += bh*0.28 + bw + 4*u
			default:
				bw := s.r.f(11, 24) * u
				bh := (y1 - y0) * s.r.f(0.72, 0.95)
				c := books[s.r.IntN(6)].scale(s.r.f(0.85, 1.08))
				s.fill(rect(x, y1-bh, bw-1*u, bh), solid(c))
				// spine detail
				band := mix(c, p[7], 0.5)
				if s.r.chance(0.6) {
					s.fill(rect(x, y1-bh+bh*0.1, bw-1*u, 2.5*u), solid(band))
					s.fill(rect(x, y1-bh*0.16, bw-1*u, 2.5*u), solid(band))
				} else if s.r.chance(0.5) {
					s.fill(rect(x+bw*0.25, y1-bh*0.65, bw*0.5-1*u, bh*0.3), solidA(band, 0.7))
				}
				s.fill(rect(x+bw-2*u, y1-bh, 1*u, bh), solidA(c.scale(0.7), 0.6))
				x += bw
			}
		}
		s.fill(rect(bx0-10*u, y1, bx1-bx0+20*u, 9*u), solid(p[2]))
		s.fill(rect(bx0-10*u, y1+9*u, bx1-bx0+20*u, 3*u), solidA(p[3], 0.6))
	}
	// side panels
	s.fill(rect(bx0-10*u, top-12*u, 10*u, floorY-top+12*u), solid(p[2]))
	s.fill(rect(bx1, top-12*u, 10*u, floorY-top+12*u), solid(p[2]))
	// floor
	s.fill(rect(0, floorY, w, h-floorY+1), vertical(floorY, h, gradient{{0, p[12]}, {1, p[12].scale(0.8)}}))
	// desk with lamp and books
	dw := 300 * u
	dx := lx - dw/2
	s.fill(rect(dx, deskY, dw, 10*u), solid(p[2]))
	s.fill(rect(dx+12*u, deskY+10*u, 10*u, floorY-deskY-10*u), solid(p[3]))
	s.fill(rect(dx+dw-22*u, deskY+10*u, 10*u, floorY-deskY-10*u), solid(p[3]))
	s.fill(rect(dx+dw-90*u, deskY+10*u, 68*u, 40*u), solid(p[3].scale(1.1)))
	// lamp: base, stem, dome shade
	s.fill(ellipse(lx, deskY-3*u, 22*u, 6*u, 0), solid(p[3]))
	s.fill(rect(lx-2*u, ly, 4*u, deskY-ly), solid(p[3]))
	s.fill(poly(pt{lx - 14*u, ly + 16*u}, pt{lx - 11*u, ly + 21*u}, pt{lx + 11*u, ly + 21*u}, pt{lx + 14*u, ly + 16*u}), solid(p[11]))
	var shade builder
	shade.move(lx-56*u, ly+16*u).cubic(lx-50*u, ly-28*u, lx+50*u, ly-28*u, lx+56*u, ly+16*u)
	s.fill(shade.path(), linear(lx-56*u, 0, lx+56*u, 0, gradient{{0, p[10].scale(1.2)}, {1, p[10].scale(0.8)}}))
	s.fill(poly(pt{lx - 56*u, ly + 16*u}, pt{lx + 56*u, ly + 16*u}, pt{lx + 100*u, deskY}, pt{lx - 100*u, deskY}), solidA(p[11], 0.16))
	// books and a mug on the desk
	side := 1.0
	if rightShelf {
		side = -1
	}
	bxx := lx + 80*u*side - 30*u
	yy := deskY
	for j := 0; j < s.r.i(2, 4); j++ {
		bh := s.r.f(8, 12) * u
		bw := s.r.f(50, 65) * u
		s.fill(rect(bxx+s.r.f(-4, 4)*u, yy-bh, bw, bh), solid(books[s.r.IntN(6)]))
		yy -= bh
	}
	mx := lx - 75*u*side
	s.fill(ring(mx+10*u, deskY-12*u, 6*u, 6*u, 0, 3*u), solid(p[7]))
	s.fill(roundRect(mx-8*u, deskY-24*u, 18*u, 24*u, 3*u), solid(p[7]))
	// a plant on top of the bookcase
	px := bx0 + (bx1-bx0)*s.r.f(0.1, 0.9)
	s.fill(poly(pt{px - 16*u, top - 20*u}, pt{px + 16*u, top - 20*u}, pt{px + 12*u, top - 46*u}, pt{px - 12*u, top - 46*u}), solid(p[5]))
	var leaves path
	for i := 0; i < 7; i++ {
		a := -math.Pi/2 + s.r.f(-1.2, 1.2)
		l := s.r.f(30, 55) * u
		leaves = append(leaves, ellipsePts(px+math.Cos(a)*l*0.5, top-46*u+math.Sin(a)*l*0.5, l*0.5, 6*u, a))
	}
	s.fill(union(leaves), solid(p[10]))
	s.vign = 0.35
}

func (s *scene) portrait() {
	bgs := [][2]string{{"#f2e8dc", "#e07a5f"}, {"#e9f1f2", "#3d7ea6"}, {"#f3efe6", "#81b29a"}, {"#efe9f4", "#9b72aa"}, {"#fbf0e0", "#f2a541"}, {"#e8eef2", "#5c7a99"}, {"#f6e7e7", "#d1495b"}, {"#edf3e8", "#4f9d69"}}
	skins := []string{"#f5d5c0", "#eac0a2", "#d9a27e", "#c68863", "#a86b4c", "#8a5338", "#6b3e2a", "#f0c9a8"}
	hairs := []string{"#2b1d16", "#4a3021", "#6b4428", "#1c1c22", "#a86b3c", "#d8b26e", "#8c8c8c", "#3a2a2a"}
	shirts := []string{"#264653", "#2a9d8f", "#e9c46a", "#3d405b", "#f4f1de", "#6d597a", "#355070", "#b56576", "#1d3557"}
	bg := bgs[s.r.IntN(len(bgs))]
	bgc, circ := hex(bg[0]), hex(bg[1]).shift(s.hue, 0, 0)
	skin := hex(skins[s.r.IntN(len(skins))])
	hair := hex(hairs[s.r.IntN(len(hairs))])
	shirt := hex(shirts[s.r.IntN(len(shirts))])
	for shirt == circ {
		shirt = hex(shirts[s.r.IntN(len(shirts))])
	}
	w, h := s.w, s.h
	S := math.Min(w, h)
	cx, cy := w/2, h/2
	X := func(v float64) float64 { return cx + v*S }
	Y := func(v float64) float64 { return cy + v*S }
	s.fillAll(solid(bgc))
	s.grain = 0.018
	s.vign = 0
	R := S * 0.46
	disc := circle(cx, cy, R)
	s.fill(disc, solid(circ))
	// soft light from the top left
	s.fill(disc, fnPaint(func(x, y float64) (col, float32) {
		t := clampf(((x-cx)+(y-cy))/(2*R)+0.5, 0, 1)
		return col{1, 1, 1}, float32(0.12 * (1 - t))
	}))
	style := s.r.IntN(6)
	hx := s.r.f(-0.015, 0.015)
	headY := -0.07 + s.r.f(-0.01, 0.02)
	hrx, hry := 0.125*s.r.f(0.95, 1.05), 0.16*s.r.f(0.95, 1.05)
	neckW := 0.085 * s.r.f(0.9, 1.1)
	clip := union(path{ellipsePts(cx, cy, R, R, 0), rectPts(cx-R, cy, 2*R, h)})
	s.withClip(clip, func() {
		// long hair falls behind the shoulders
		if style == 2 || style == 5 {
			s.fill(roundRect(X(hx-0.17), Y(headY-0.12), 0.34*S, 0.42*S, 0.12*S), solid(hair))
		}
		if style == 4 {
			// headscarf: a wrap around head and neck
			sc := shirt.shift(40, 0, 0.1)
			s.fill(union(path{ellipsePts(X(hx), Y(headY-0.01), (hrx+0.045)*S, (hry+0.05)*S, 0),
				[]pt{{X(hx - 0.16), Y(0.24)}, {X(hx - 0.12), Y(headY + 0.05)}, {X(hx + 0.12), Y(headY + 0.05)}, {X(hx + 0.16), Y(0.24)}}}), solid(sc))
		}
		// shoulders
		var b builder
		sy := 0.19
		b.move(X(-0.4), Y(0.6)).line(X(-0.37), Y(sy+0.12)).cubic(X(-0.35), Y(sy+0.01), X(-0.2), Y(sy-0.02), X(-0.08), Y(sy-0.03))
		b.line(X(0.08), Y(sy-0.03)).cubic(X(0.2), Y(sy-0.02), X(0.35), Y(sy+0.01), X(0.37), Y(sy+0.12)).line(X(0.4), Y(0.6))
		body := b.path()
		s.fill(body, solid(shirt))
		// neck with a shadow under the chin
		s.fill(roundRect(X(hx-neckW/2), Y(headY+0.08), neckW*S, (sy-headY)*S, neckW*S*0.4), solid(skin.scale(0.9)))
		s.withClip(body, func() {
			// collar: a V of skin and lapels
			s.fill(poly(pt{X(hx - neckW/2 - 0.01), Y(sy - 0.04)}, pt{X(hx + neckW/2 + 0.01), Y(sy - 0.04)}, pt{X(hx), Y(sy + 0.07)}), solid(skin.scale(0.9)))
			lap := shirt.scale(0.82)
			s.fill(poly(pt{X(hx - neckW/2 - 0.012), Y(sy - 0.04)}, pt{X(hx), Y(sy + 0.07)}, pt{X(hx - 0.05), Y(sy + 0.14)}, pt{X(hx - 0.09), Y(sy - 0.02)}), solid(lap))
			s.fill(poly(pt{X(hx + neckW/2 + 0.012), Y(sy - 0.04)}, pt{X(hx), Y(sy + 0.07)}, pt{X(hx + 0.05), Y(sy + 0.14)}, pt{X(hx + 0.09), Y(sy - 0.02)}), solid(lap))
		})
		if style == 4 {
			sc := shirt.shift(40, 0, 0.1)
			s.fill(poly(pt{X(hx - 0.15), Y(sy + 0.01)}, pt{X(hx - 0.12), Y(headY + 0.08)}, pt{X(hx + 0.12), Y(headY + 0.08)}, pt{X(hx + 0.15), Y(sy + 0.01)}, pt{X(hx), Y(sy + 0.09)}), solid(sc))
		}
		// ears and head
		if style != 4 {
			s.fill(ellipse(X(hx-hrx), Y(headY+0.01), 0.024*S, 0.034*S, 0), solid(skin.scale(0.95)))
			s.fill(ellipse(X(hx+hrx), Y(headY+0.01), 0.024*S, 0.034*S, 0), solid(skin.scale(0.95)))
		}
		s.fill(ellipse(X(hx), Y(headY), hrx*S, hry*S, 0), solid(skin))
		// gentle shading on the far cheek
		s.withClip(ellipse(X(hx), Y(headY), hrx*S, hry*S, 0), func() {
			s.fill(ellipse(X(hx+hrx*1.1), Y(headY+0.02), hrx*0.6*S, hry*1.2*S, 0), solidA(skin.scale(0.85), 0.5))
		})
		switch style {
		case 0, 2, 5: // side-parted cap of hair
			var hb builder
			hb.move(X(hx-hrx-0.012), Y(headY+0.02))
			hb.cubic(X(hx-hrx-0.02), Y(headY-hry-0.05), X(hx+hrx+0.03), Y(headY-hry-0.06), X(hx+hrx+0.012), Y(headY+0.02))
			hb.cubic(X(hx+hrx-0.01), Y(headY-0.06), X(hx+0.02), Y(headY-0.1), X(hx-0.04), Y(headY-0.08))
			hb.cubic(X(hx-0.08), Y(headY-0.07), X(hx-hrx+0.01), Y(headY-0.04), X(hx-hrx-0.012), Y(headY+0.02))
			s.fill(hb.path(), solid(hair))
		case 1: // short crop
			s.withClip(ellipse(X(hx), Y(headY-0.01), (hrx+0.012)*S, (hry+0.015)*S, 0), func() {
				s.fill(rect(X(hx-0.3), Y(headY-0.3), 0.6*S, (0.3-0.06)*S), solid(hair))
			})
		case 3: // curls
			var curls path
			for i := 0; i < 11; i++ {
				a := math.Pi + math.Pi*float64(i)/10
				curls = curls.add(ellipsePts(X(hx+math.Cos(a)*(hrx+0.005)), Y(headY-0.03+math.Sin(a)*(hry-0.005)), 0.045*S, 0.045*S, 0))
			}
			curls = curls.add(ellipsePts(X(hx), Y(headY-0.085), hrx*0.9*S, 0.06*S, 0))
			s.fill(union(curls), solid(hair))
		}
		if style == 5 {
			// bun on top
			s.fill(circle(X(hx+0.02), Y(headY-hry-0.035), 0.055*S), solid(hair))
		}
		if s.r.chance(0.3) && style != 4 {
			// round glasses
			gc := hair.scale(0.6)
			lw := math.Max(1, 0.008*S)
			s.fill(ring(X(hx-0.05), Y(headY+0.015), 0.036*S, 0.03*S, 0, lw), solid(gc))
			s.fill(ring(X(hx+0.05), Y(headY+0.015), 0.036*S, 0.03*S, 0, lw), solid(gc))
			s.fill(line(X(hx-0.014), Y(headY+0.012), X(hx+0.014), Y(headY+0.012), lw), solid(gc))
		}
	})
}

// arch is a round-topped window or doorway shape.
func arch(x, y, w, h float64) path {
	var b builder
	b.move(x, y+h).line(x, y+w/2)
	b.cubic(x, y-w*0.16, x+w, y-w*0.16, x+w, y+w/2)
	b.line(x+w, y+h)
	return b.path()
}
