package main

import (
	"image/color"
	"math"
)

// The handheld photo: a flat cartoon person holding the administrator's
// ID card in front of their chest, the card small but readable.

var (
	walls  = []color.RGBA{{206, 212, 206, 255}, {214, 206, 200, 255}, {196, 204, 214, 255}, {220, 218, 210, 255}}
	shirts = []color.RGBA{{70, 112, 82, 255}, {58, 80, 130, 255}, {102, 102, 108, 255}, {122, 52, 62, 255}, {182, 160, 128, 255}, {40, 44, 52, 255}}
	skins  = []color.RGBA{{232, 200, 168, 255}, {222, 186, 150, 255}, {240, 210, 184, 255}, {204, 166, 128, 255}}
)

func (r *renderer) handheld(a *app, w, h int) *sheet {
	c := newCanvas(float64(w), float64(h), 1, pick(r.rng, walls), r.fs, r.rng)
	W, H := float64(w), float64(h)
	u := math.Min(W, H)
	paperTexture(c.img, r.rng, 0.06)
	if r.rng.IntN(2) == 0 {
		bx := W * r.uniform(0.7, 0.86)
		c.fill(func(p *path) { p.rect(bx, 0, W*0.1, H) }, color.RGBA{176, 168, 156, 255}, blendMultiply)
	}
	cx := W * r.uniform(0.44, 0.56)
	headY := u * 0.32
	if W > H {
		headY = u * 0.3
	}
	skin, shirt := pick(r.rng, skins), pick(r.rng, shirts)
	r.figure(c, a.Admin.Male, cx, headY, u, skin, shirt)
	cw := W * 0.5
	if W > H {
		cw = W * 0.4
	}
	card := r.idFront(a.Admin, cw)
	ccx, ccy := cx+W*r.uniform(-0.06, 0.06), headY+u*0.72
	if ccy+cw*0.35 > H {
		ccy = H - cw*0.36
	}
	rot := r.uniform(-0.1, 0.1)
	m := translate(-card.w()/2, -card.h()/2).then(rotation(rot)).then(translate(ccx, ccy))
	shadow := translate(u*0.008, u*0.012)
	c.fill(func(p *path) {
		q := boxQuad([4]float64{0, 0, card.w(), card.h()}).mapped(m.then(shadow))
		p.polygon(q[0][0], q[0][1], q[1][0], q[1][1], q[2][0], q[2][1], q[3][0], q[3][1])
	}, color.RGBA{0, 0, 0, 60}, blendOver)
	paste(c.img, card.img, m)
	r.hand(c, m, card.w(), card.h(), u, skin)
	return &sheet{img: c.img}
}

// figure draws torso, neck, head, hair and face.
func (r *renderer) figure(c *canvas, male bool, cx, hy, u float64, skin, shirt color.RGBA) {
	hair := color.RGBA{24, 20, 20, 255}
	dark := color.RGBA{uint8(float64(skin.R) * 0.85), uint8(float64(skin.G) * 0.8), uint8(float64(skin.B) * 0.78), 255}
	if !male {
		c.fill(func(p *path) { p.ellipse(cx, hy+u*0.1, u*0.2, u*0.3, false) }, hair, blendOver)
	}
	c.fill(func(p *path) { p.ellipse(cx, hy+u*0.95, u*0.62, u*0.62, false) }, shirt, blendOver)
	c.fill(func(p *path) {
		p.rect(cx-u*0.06, hy+u*0.12, u*0.12, u*0.24)
		p.polygon(cx-u*0.11, hy+u*0.34, cx+u*0.11, hy+u*0.34, cx, hy+u*0.48)
	}, skin, blendOver)
	c.fill(func(p *path) {
		p.ellipse(cx-u*0.145, hy+u*0.01, u*0.03, u*0.05, false)
		p.ellipse(cx+u*0.145, hy+u*0.01, u*0.03, u*0.05, false)
	}, dark, blendOver)
	c.fill(func(p *path) { p.ellipse(cx, hy, u*0.14, u*0.18, false) }, skin, blendOver)
	c.fill(func(p *path) {
		if male {
			p.ellipse(cx, hy-u*0.13, u*0.15, u*0.09, false)
		} else {
			p.ellipse(cx, hy-u*0.12, u*0.16, u*0.1, false)
		}
	}, hair, blendOver)
	c.fill(func(p *path) {
		p.ellipse(cx-u*0.055, hy-u*0.01, u*0.018, u*0.011, false)
		p.ellipse(cx+u*0.055, hy-u*0.01, u*0.018, u*0.011, false)
		p.rect(cx-u*0.08, hy-u*0.045, u*0.05, u*0.008)
		p.rect(cx+u*0.03, hy-u*0.045, u*0.05, u*0.008)
	}, color.RGBA{40, 30, 30, 255}, blendOver)
	c.fill(func(p *path) { p.ellipse(cx, hy+u*0.04, u*0.014, u*0.035, false) }, dark, blendOver)
	c.fill(func(p *path) { p.ellipse(cx, hy+u*0.1, u*0.035, u*0.011, false) }, color.RGBA{178, 80, 76, 255}, blendOver)
}

// hand draws a palm behind the card's right edge and fingers over it.
func (r *renderer) hand(c *canvas, m affine, w, h, u float64, skin color.RGBA) {
	px, py := m.apply(w*1.02, h*0.55)
	c.fill(func(p *path) { p.ellipse(px+u*0.03, py, u*0.07, u*0.1, false) }, skin, blendOver)
	finger := color.RGBA{uint8(float64(skin.R) * 0.96), uint8(float64(skin.G) * 0.92), uint8(float64(skin.B) * 0.9), 255}
	c.fill(func(p *path) {
		for i := 0; i < 3; i++ {
			fx, fy := m.apply(w*0.985, h*(0.28+0.16*float64(i)))
			p.ellipse(fx+u*0.02, fy, u*0.04, u*0.02, false)
		}
	}, finger, blendOver)
	tx, ty := m.apply(w*0.975, h*0.66)
	c.fill(func(p *path) { p.ellipse(tx, ty, u*0.045, u*0.022, false) }, finger, blendOver)
}
