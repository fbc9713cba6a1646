package main

import (
	"fmt"
	"image"
	"image/color"
	"math"
)

// Resident ID card, 85.6 × 54 mm.
const cardW, cardH = 85.6, 54.0

var (
	cardBase  = color.RGBA{238, 242, 244, 255}
	cardLabel = color.RGBA{40, 112, 170, 255}
	cardWave  = color.RGBA{200, 214, 226, 110}
)

func (r *renderer) cardCanvas(widthPx float64) *canvas {
	base := cardBase
	base.R -= uint8(r.rng.IntN(8))
	c := newCanvas(cardW, cardH, widthPx/cardW, base, r.fs, r.rng)
	paperTexture(c.img, r.rng, 0.04)
	c.guilloche(cardW, cardH, cardWave, r.rng)
	return c
}

// roundCorners makes the card's corners transparent.
func roundCorners(c *canvas) {
	p := newPath()
	b := c.img.Bounds()
	p.roundRect(0, 0, float64(b.Dx()), float64(b.Dy()), 3.2*c.s)
	m, ok := p.mask(b)
	if !ok {
		return
	}
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			c.img.Pix[c.img.PixOffset(x, y)+3] = m.AlphaAt(x, y).A
		}
	}
}

func (r *renderer) idFront(p person, widthPx float64) *sheet {
	c := r.cardCanvas(widthPx)
	lab := textStyle{Font: r.fs.Sans, Size: 2.7, Color: cardLabel}
	val := textStyle{Font: r.fs.Sans, Size: 3.5, Color: inkBlack}
	c.textSpread(7, 11, 6.5, lab, "姓名")
	c.text(16, 11.2, sized(val, 4.0), p.Name)
	c.textSpread(7, 18, 6.5, lab, "性别")
	c.text(16, 18.2, val, map[bool]string{true: "男", false: "女"}[p.Male])
	c.textSpread(29, 18, 6.5, lab, "民族")
	c.text(39, 18.2, val, p.Ethnic)
	c.textSpread(7, 25, 6.5, lab, "出生")
	x := 16.0
	for i, part := range []string{fmt.Sprint(p.Birth.Year()), "年", fmt.Sprint(int(p.Birth.Month())), "月", fmt.Sprint(p.Birth.Day()), "日"} {
		st := val
		if i%2 == 1 {
			st = lab
		}
		x += c.text(x, 25.2, st, part) + 1.2
	}
	c.textSpread(7, 32, 6.5, lab, "住址")
	addr := val
	lines := c.wrap(addr, p.Address, 33, 0)
	for len(lines) > 3 && addr.Size > 2.6 {
		addr.Size -= 0.3
		lines = c.wrap(addr, p.Address, 33, 0)
	}
	for i, l := range lines {
		c.text(16, 32.2+float64(i)*addr.Size*1.4, addr, l)
	}
	r.avatar(c, p.Male)
	c.text(7, 48, lab, "公民身份号码")
	c.text(27, 48.5, textStyle{Font: r.fs.Sans, Size: 4.4, Color: inkBlack, Spacing: 0.32}, p.ID)
	roundCorners(c)
	return &sheet{img: c.img}
}

// avatar is the grey silhouette where the photo goes.
func (r *renderer) avatar(c *canvas, male bool) {
	cx, top := 68.0, 9.0
	c.fill(func(pp *path) { shoulders(pp, cx, top+29, 13, 11, top+35) }, color.RGBA{150, 146, 150, 255}, blendMultiply)
	c.fill(func(pp *path) {
		pp.rect(cx-3.2, top+12, 6.4, 8)
		pp.ellipse(cx, top+9.5, 6.2, 7.6, false)
	}, color.RGBA{170, 166, 172, 255}, blendOver)
	c.fill(func(pp *path) {
		if male {
			pp.ellipse(cx, top+5.2, 6.4, 4.2, false)
		} else {
			pp.ellipse(cx, top+8, 7.4, 8.6, false)
		}
	}, color.RGBA{96, 94, 98, 255}, blendMultiply)
	c.fill(func(pp *path) {
		pp.ellipse(cx, top+11, 5.2, 5.6, false)
	}, color.RGBA{176, 172, 178, 255}, blendOver)
}

// shoulders is the part of an ellipse above the line y = cut.
func shoulders(p *path, cx, cy, rx, ry, cut float64) {
	first := true
	for i := 0; i <= 64; i++ {
		t := math.Pi + math.Pi*float64(i)/64
		x, y := cx+rx*math.Cos(t), cy+ry*math.Sin(t)
		if first {
			p.moveTo(x, y)
			first = false
		} else {
			p.lineTo(x, y)
		}
	}
	h := cut - cy
	if h > 0 && h < ry {
		dx := rx * math.Sqrt(1-h*h/(ry*ry))
		p.lineTo(cx+rx, cy)
		p.lineTo(cx+dx, cut)
		p.lineTo(cx-dx, cut)
	}
	p.lineTo(cx-rx, cy)
}

func (r *renderer) idBack(p person, widthPx float64) *sheet {
	c := r.cardCanvas(widthPx)
	c.emblem(14, 15, 8.2, true) // red and gold, as on the card (and the shared samples)
	bold := textStyle{Font: r.fs.Sans, Size: 4.4, Color: inkBlack, Weight: 0.1}
	c.textSpread(31, 14, 40, bold, "中华人民共和国")
	c.textSpread(31, 27, 42, sized(bold, 6.8), "居民身份证")
	lab := textStyle{Font: r.fs.Sans, Size: 2.9, Color: inkBlack}
	val := textStyle{Font: r.fs.Sans, Size: 3.4, Color: inkBlack}
	c.text(19, 42, lab, "签发机关")
	iss := val
	for c.measure(iss, p.Issuer) > 48 && iss.Size > 2.4 {
		iss.Size -= 0.2
	}
	c.text(33, 42, iss, p.Issuer)
	c.text(19, 49, lab, "有效期限")
	c.text(33, 49, val, validityText(p))
	roundCorners(c)
	return &sheet{img: c.img}
}

func validityText(p person) string {
	if isLong(p.ValidTo) {
		return dotDate(p.ValidFrom) + "-长期"
	}
	return dotDate(p.ValidFrom) + "-" + dotDate(p.ValidTo)
}

// copyNotes are what applicants write on ID copies.
var copyNotes = []string{"仅供号码申请使用，再复印无效", "此复印件仅供办理语音业务使用", "仅供办理号码业务使用，他用无效"}

// annotate writes a note above the card on a copy page, by hand or typed.
func (r *renderer) annotate(img *image.RGBA, x, y, size float64) {
	c := &canvas{img: img, s: 1, fs: r.fs, rng: r.rng}
	note := copyNotes[r.rng.IntN(len(copyNotes))]
	st := textStyle{Font: r.fs.Kai, Size: size, Color: color.RGBA{40, 52, 150, 255}, Jitter: 1}
	if r.rng.IntN(3) == 0 {
		st = textStyle{Font: r.fs.Sans, Size: size * 0.9, Color: color.RGBA{50, 50, 120, 255}}
	}
	if r.rng.IntN(4) == 0 {
		st.Color = color.RGBA{30, 30, 36, 255}
	}
	c.text(x, y, st, note)
}
