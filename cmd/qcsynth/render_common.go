package main

import (
	"image/color"
	"math"
	"math/rand/v2"
)

// renderer draws one document with its own seeded generator.
type renderer struct {
	fs  *fontSet
	rng *rand.Rand
}

var (
	inkBlack = color.RGBA{28, 28, 30, 255}
	inkGrey  = color.RGBA{90, 90, 92, 255}
	paper    = color.RGBA{252, 252, 250, 255}
)

func (r *renderer) uniform(lo, hi float64) float64 { return lo + (hi-lo)*r.rng.Float64() }

// printFont is the face for printed body text: a Song face when present.
func (r *renderer) printFont(bold bool) textStyle {
	f := r.fs.Serif
	if bold {
		f = r.fs.SerifBold
	}
	st := textStyle{Font: f, Color: inkBlack}
	if !r.fs.HasSerif && bold {
		st.Weight = 0.12
	}
	return st
}

func sized(st textStyle, size float64) textStyle {
	st.Size = size
	return st
}

// emblem draws a simplified national emblem: a disc, five stars and a
// gate: red and gold, or dark grey on the 400 certificates.
func (c *canvas) emblem(cx, cy, r float64, red bool) {
	disc, fg := color.RGBA{72, 72, 74, 255}, color.RGBA{250, 250, 250, 255}
	if red {
		disc, fg = color.RGBA{200, 30, 32, 255}, color.RGBA{240, 190, 60, 255}
		c.fill(func(p *path) { p.circle(cx, cy, r*1.08, false) }, fg, blendOver)
	}
	c.fill(func(p *path) { p.circle(cx, cy, r, false) }, disc, blendOver)
	c.fill(func(p *path) {
		p.star(cx, cy-r*0.42, r*0.22, 0)
		for _, a := range []float64{-0.95, -0.45, 0.45, 0.95} {
			p.star(cx+math.Sin(a)*r*0.5, cy-r*0.42-math.Cos(a)*r*0.12+r*0.02, r*0.08, a)
		}
		p.polygon(cx-r*0.5, cy+r*0.05, cx+r*0.5, cy+r*0.05, cx+r*0.42, cy-r*0.07, cx-r*0.42, cy-r*0.07)
		p.rect(cx-r*0.42, cy+r*0.08, r*0.84, r*0.06)
		for i := 0; i < 7; i++ {
			p.rect(cx-r*0.38+float64(i)*r*0.125, cy+r*0.16, r*0.05, r*0.22)
		}
		p.rect(cx-r*0.55, cy+r*0.4, r*1.1, r*0.07)
	}, fg, blendOver)
}

// qrCode draws a plausible QR symbol of side size at (x, y).
func (c *canvas) qrCode(x, y, size float64, rng *rand.Rand) {
	const n = 25
	m := size / n
	finder := func(fx, fy int) bool {
		for _, o := range [][2]int{{0, 0}, {n - 7, 0}, {0, n - 7}} {
			dx, dy := fx-o[0], fy-o[1]
			if dx >= -1 && dx <= 7 && dy >= -1 && dy <= 7 {
				return true
			}
		}
		return false
	}
	c.fill(func(p *path) {
		for _, o := range [][2]int{{0, 0}, {n - 7, 0}, {0, n - 7}} {
			ox, oy := x+float64(o[0])*m, y+float64(o[1])*m
			p.strokeRect(ox+m/2, oy+m/2, 6*m, 6*m, m)
			p.rect(ox+2*m, oy+2*m, 3*m, 3*m)
		}
		for j := 0; j < n; j++ {
			for i := 0; i < n; i++ {
				if !finder(i, j) && rng.IntN(2) == 0 {
					p.rect(x+float64(i)*m, y+float64(j)*m, m*1.02, m*1.02)
				}
			}
		}
	}, inkBlack, blendMultiply)
}

// certBorder draws the decorative frame of a certificate: two rules and a
// band of small diamonds between them.
func (c *canvas) certBorder(w, h, inset, band float64, col color.RGBA) {
	c.fill(func(p *path) {
		p.strokeRect(inset, inset, w-2*inset, h-2*inset, 0.5)
		p.strokeRect(inset+band, inset+band, w-2*inset-2*band, h-2*inset-2*band, 0.35)
		p.strokeRect(inset+band+1.2, inset+band+1.2, w-2*inset-2*band-2.4, h-2*inset-2*band-2.4, 0.2)
		step := band * 0.9
		mid := inset + band/2
		diamond := func(x, y float64) {
			s := band * 0.32
			p.polygon(x, y-s, x+s, y, x, y+s, x-s, y)
			p.polygon(x, y-s*0.45, x-s*0.45, y, x, y+s*0.45, x+s*0.45, y) // hollow centre
		}
		for x := inset + band; x <= w-inset-band; x += step {
			diamond(x, mid)
			diamond(x, h-mid)
		}
		for y := inset + band; y <= h-inset-band; y += step {
			diamond(mid, y)
			diamond(w-mid, y)
		}
	}, col, blendMultiply)
}

// labelValue prints a bold label spread over lw units and a value that
// wraps within vw units; it returns the y after the last value line.
func (r *renderer) labelValue(c *canvas, x, y, lw, vx, vw, size float64, label, value string, spread bool) float64 {
	lst := sized(r.printFont(true), size)
	if spread {
		c.textSpread(x, y, lw, lst, label)
	} else {
		c.text(x, y, lst, label)
	}
	vst := sized(r.printFont(false), size)
	lines := c.wrap(vst, value, vw, 0)
	for i, l := range lines {
		c.text(vx, y+float64(i)*size*1.55, vst, l)
	}
	return y + float64(len(lines))*size*1.55
}

// guilloche lays faint wavy security lines over a card.
func (c *canvas) guilloche(w, h float64, col color.RGBA, rng *rand.Rand) {
	c.fill(func(p *path) {
		for k := 0; k < 26; k++ {
			y0 := h * float64(k) / 25
			amp := 0.6 + rng.Float64()*1.2
			freq := 0.18 + rng.Float64()*0.12
			ph := rng.Float64() * 6
			px, py := 0.0, y0
			for x := 0.5; x <= w; x += 0.5 {
				yy := y0 + amp*math.Sin(x*freq+ph) + 0.5*math.Sin(x*freq*2.7+ph*1.3)
				p.strokeLine(px, py, x, yy, 0.08)
				px, py = x, yy
			}
		}
	}, col, blendMultiply)
}
