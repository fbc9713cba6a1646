package main

import (
	"image"
	"image/color"
	"math"
)

// Presentations: how a document reaches the file. Each function returns
// an opaque sheet in final pixels with its seals mapped along.

func isCard(depicts string) bool {
	switch depicts {
	case "lr_front", "lr_back", "admin_front", "admin_back":
		return true
	}
	return false
}

func isLetter(depicts string) bool { return depicts == "commitment" || depicts == "application" }

// contentAspect is width over height of what a document depicts.
func contentAspect(depicts string) float64 {
	switch {
	case isCard(depicts):
		return cardW / cardH
	case isLetter(depicts):
		return pageW / pageH
	}
	return licW / licH
}

// content renders the document itself, widthPx wide.
func (r *renderer) content(a *app, d *docPlan, widthPx float64) *sheet {
	switch d.Depicts {
	case "license":
		return r.license(a, widthPx)
	case "lr_front":
		return r.idFront(a.LRCard, widthPx)
	case "lr_back":
		return r.idBack(a.LRCard, widthPx)
	case "admin_front":
		return r.idFront(a.Admin, widthPx)
	case "admin_back":
		return r.idBack(a.Admin, widthPx)
	case "commitment", "application":
		l := &a.Commit
		if d.Depicts == "application" {
			l = &a.Apply
		}
		d.LetterFill = r.pickFill()
		return r.letterSheet(a, l, d.LetterFill, widthPx)
	case "tax_cert":
		return r.taxCert(a, widthPx)
	case "org_cert":
		return r.orgCert(a, widthPx)
	}
	panic("unknown document " + d.Depicts)
}

// produce makes the final image of a document plan.
func (r *renderer) produce(a *app, d *docPlan) *sheet {
	var out *sheet
	switch d.Presentation {
	case "handheld":
		out = r.handheldShot(a, d)
	case "photo", "copy_photo":
		out = r.photoOf(a, d)
	default:
		out = r.scanOf(a, d)
	}
	r.finish(out, d)
	return out
}

// frame picks the photo size: 4:3 landscape or 3:4 portrait.
func (r *renderer) frame(d *docPlan) (int, int) {
	if isLetter(d.Depicts) {
		w := r.uniform(900, 1400)
		if d.Format == "huge_png" {
			w = r.uniform(1500, 1800)
		}
		return int(w), int(w * 4 / 3)
	}
	w := r.uniform(1200, 2500)
	if d.Format == "huge_png" {
		w = math.Max(w, r.uniform(1750, 2200))
	}
	return int(w), int(w * 3 / 4)
}

func (r *renderer) photoOf(a *app, d *docPlan) *sheet {
	W, H := r.frame(d)
	var f float64 // share of the frame's width the paper takes
	switch {
	case isCard(d.Depicts) && d.Copy:
		f = r.uniform(0.72, 0.86)
	case isCard(d.Depicts):
		f = r.uniform(0.55, 0.72)
	case isLetter(d.Depicts):
		f = r.uniform(0.8, 0.92) * float64(H) * pageW / pageH / float64(W)
	default:
		f = r.uniform(0.78, 0.9)
	}
	var sh *sheet
	if d.Copy {
		sh = r.copyPage(a, d, f*float64(W))
	} else {
		sh = r.content(a, d, f*float64(W))
	}
	return r.photograph(sh, W, H, d)
}

func (r *renderer) scanOf(a *app, d *docPlan) *sheet {
	var sh *sheet
	switch {
	case d.Presentation == "scan":
		w := r.uniform(1000, 1750)
		if d.Format == "huge_png" {
			w = r.uniform(1500, 1800)
		}
		sh = r.content(a, d, w)
	case isCard(d.Depicts):
		sh = r.copyPage(a, d, r.uniform(1200, 2000))
	default:
		w := r.uniform(1250, 2400)
		if d.Format == "huge_png" {
			w = math.Max(w, 1800)
		}
		sh = r.copyPage(a, d, w)
	}
	return r.scan(sh, d)
}

// copyPage lays the document on a sheet of copy paper pageW pixels wide,
// photocopies it (greyscale, or colour for colorcopy_scan), then the
// applicant writes a note and stamps it.
func (r *renderer) copyPage(a *app, d *docPlan, pagePx float64) *sheet {
	var page *sheet
	var card image.Rectangle
	if isCard(d.Depicts) {
		fw, fh := r.uniform(1.4, 1.65), r.uniform(1.45, 1.85)
		cw := pagePx / fw
		content := r.content(a, d, cw)
		page = blankPage(int(pagePx), int(content.h()*fh))
		x, y := (page.w()-content.w())/2+r.uniform(-0.06, 0.06)*cw, (page.h()-content.h())*r.uniform(0.5, 0.62)
		content.placeOn(page, translate(x, y))
		card = image.Rect(int(x), int(y), int(x+content.w()), int(y+content.h()))
		cardEdge(page.img, x, y, content.w(), content.h(), r)
	} else {
		m := r.uniform(0.015, 0.04)
		content := r.content(a, d, pagePx*(1-2*m))
		page = blankPage(int(pagePx), int(content.h()+2*m*pagePx))
		content.placeOn(page, translate(m*pagePx, m*pagePx))
	}
	if d.Presentation == "colorcopy_scan" {
		colorCopy(page.img, r)
	} else {
		greyCopy(page.img, r)
	}
	if !card.Empty() && r.rng.IntN(2) == 0 {
		r.annotate(page.img, float64(card.Min.X)+r.uniform(0, 0.08)*float64(card.Dx()), float64(card.Min.Y)-0.07*float64(card.Dy()), 0.065*float64(card.Dy()))
	}
	if d.Stamped {
		r.stampCopy(page, a, d, card)
	}
	return page
}

// cardEdge is the dark outline a copier picks up around a card.
func cardEdge(img *image.RGBA, x, y, w, h float64, r *renderer) {
	lw := math.Max(1.2, w*r.uniform(0.0012, 0.0025))
	rad := w * 3.2 / cardW
	p := newPath()
	p.roundRect(x-lw/2, y-lw/2, w+lw, h+lw, rad+lw/2)
	p.roundRect(x+lw/2, y+lw/2, w-lw, h-lw, rad-lw/2)
	reverseLast(p)
	fillPath(img, p, color.RGBA{60, 60, 64, uint8(r.uniform(120, 220))}, blendMultiply)
}

func blankPage(w, h int) *sheet {
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	fillImage(img, paper)
	return &sheet{img: img}
}

// stampCopy presses the company seal on a copy: over the card's right
// half, or on the lower middle of a certificate.
func (r *renderer) stampCopy(page *sheet, a *app, d *docPlan, card image.Rectangle) {
	var cx, cy, dia float64
	if !card.Empty() {
		cw, ch := float64(card.Dx()), float64(card.Dy())
		dia = cw * r.uniform(0.42, 0.52)
		cx = float64(card.Min.X) + cw*r.uniform(0.6, 0.78)
		cy = float64(card.Min.Y) + ch*r.uniform(0.38, 0.62)
	} else {
		dia = page.w() * r.uniform(0.125, 0.145)
		cx, cy = page.w()*r.uniform(0.4, 0.58), page.h()*r.uniform(0.6, 0.74)
	}
	cx = clampF(cx, dia/2+2, page.w()-dia/2-2)
	cy = clampF(cy, dia/2+2, page.h()-dia/2-2)
	box := drawSeal(page.img, r.fs, r.rng, cx, cy, companySeal(r.rng, a.Ent.Name, dia))
	page.stamps = append(page.stamps, boxQuad(box))
}

// greyCopy turns a page into a greyscale photocopy: paper goes white, ink
// goes dark, toner speckles and the odd streak appear.
func greyCopy(img *image.RGBA, r *renderer) {
	black, white := r.uniform(30, 70), r.uniform(200, 230)
	gamma := r.uniform(0.9, 1.3)
	var lut [256]float64
	for l := range lut {
		lut[l] = math.Pow(clampF((float64(l)-black)/(white-black), 0, 1), gamma) * 250
	}
	fr := newFastRand(r.rng)
	b := img.Bounds()
	for i := 0; i < len(img.Pix); i += 4 {
		l := (77*int(img.Pix[i]) + 151*int(img.Pix[i+1]) + 28*int(img.Pix[i+2])) >> 8
		v := lut[l] + 4*fr.tri()
		if fr.next()&0x1fff == 0 {
			v *= 0.3
		}
		g := clamp8(v)
		img.Pix[i], img.Pix[i+1], img.Pix[i+2] = g, g, g
	}
	for k := r.rng.IntN(3); k > 0; k-- {
		x := r.uniform(0, float64(b.Dx()))
		c := &canvas{img: img, s: 1}
		c.fill(func(p *path) { p.rect(x, 0, r.uniform(1, 3), float64(b.Dy())) }, color.RGBA{150, 150, 150, uint8(r.uniform(30, 80))}, blendMultiply)
	}
}

// colorCopy washes colours out a little, as a colour copier does.
func colorCopy(img *image.RGBA, r *renderer) {
	lift, sat := r.uniform(0.88, 0.96), r.uniform(0.75, 0.95)
	fr := newFastRand(r.rng)
	for i := 0; i < len(img.Pix); i += 4 {
		l := 0.3*float64(img.Pix[i]) + 0.59*float64(img.Pix[i+1]) + 0.11*float64(img.Pix[i+2])
		n := 3 * fr.tri()
		for k := 0; k < 3; k++ {
			v := l + (float64(img.Pix[i+k])-l)*sat
			img.Pix[i+k] = clamp8(255 - (255-v)*lift + n)
		}
	}
}

// scan puts the page on a scanner: a tiny turn on white, slight blur.
func (r *renderer) scan(sh *sheet, d *docPlan) *sheet {
	rot := r.uniform(-1.2, 1.2)
	if r.rng.IntN(4) == 0 {
		rot = r.uniform(-0.15, 0.15)
	}
	w, h := sh.img.Bounds().Dx(), sh.img.Bounds().Dy()
	out := blankPage(w, h)
	fillImage(out.img, color.RGBA{254, 254, 254, 255})
	m := translate(-sh.w()/2, -sh.h()/2).then(rotation(rot * math.Pi / 180)).then(translate(float64(w)/2, float64(h)/2))
	sh.placeOn(out, m)
	d.Rotation = rot
	d.Blur = r.uniform(0.05, 0.7)
	gaussianBlur(out.img, d.Blur)
	addNoise(out.img, r, r.uniform(1, 3))
	return out
}

// photograph lays the paper on a table or against a wall, turned a
// little, with a shadow, uneven light, blur and sensor noise.
func (r *renderer) photograph(sh *sheet, W, H int, d *docPlan) *sheet {
	out := &sheet{img: makeBackground(r.rng, W, H)}
	rot := r.uniform(-3.5, 3.5)
	cx, cy := float64(W)*r.uniform(0.47, 0.53), float64(H)*r.uniform(0.47, 0.53)
	m := translate(-sh.w()/2, -sh.h()/2).then(rotation(rot * math.Pi / 180)).then(translate(cx, cy))
	softShadow(out.img, sh, m, float64(W)*0.008)
	sh.placeOn(out, m)
	r.camera(out, d, rot, 1.2)
	return out
}

// softShadow darkens the background around the paper, offset down-right;
// the paper's own area is left out since the paper covers it.
func softShadow(dst *image.RGBA, sh *sheet, m affine, off float64) {
	c := &canvas{img: dst, s: 1}
	in := boxQuad([4]float64{2, 2, sh.w() - 4, sh.h() - 4}).mapped(m)
	for k := 3; k >= 1; k-- {
		grow := off * float64(k) * 0.8
		q := boxQuad([4]float64{-grow, -grow, sh.w() + 2*grow, sh.h() + 2*grow}).mapped(m.then(translate(off, off*1.4)))
		c.fill(func(p *path) {
			p.polygon(q[0][0], q[0][1], q[1][0], q[1][1], q[2][0], q[2][1], q[3][0], q[3][1])
			p.polygon(in[0][0], in[0][1], in[3][0], in[3][1], in[2][0], in[2][1], in[1][0], in[1][1])
		}, color.RGBA{0, 0, 0, 40}, blendMultiply)
	}
}

// lighting multiplies by a gradient across the frame and a vignette.
func lighting(img *image.RGBA, r *renderer) {
	b := img.Bounds()
	w, h := float64(b.Dx()), float64(b.Dy())
	ang := r.uniform(0, 2*math.Pi)
	dx, dy := math.Cos(ang), math.Sin(ang)
	amp, vig := r.uniform(0.06, 0.18), r.uniform(0.08, 0.2)
	warm := r.uniform(-0.03, 0.04)
	for y := 0; y < b.Dy(); y++ {
		i := img.PixOffset(0, y)
		ny := (float64(y) - h/2) / h
		for x := 0; x < b.Dx(); x, i = x+1, i+4 {
			nx := (float64(x) - w/2) / w
			k := 1 + amp*(nx*dx+ny*dy)*2 - vig*(nx*nx+ny*ny)*2
			img.Pix[i] = clamp8(float64(img.Pix[i]) * k * (1 + warm))
			img.Pix[i+1] = clamp8(float64(img.Pix[i+1]) * k)
			img.Pix[i+2] = clamp8(float64(img.Pix[i+2]) * k * (1 - warm))
		}
	}
}

// handheldShot renders the scene, turns it slightly and crops in so no
// border shows.
func (r *renderer) handheldShot(a *app, d *docPlan) *sheet {
	var w, h int
	if r.rng.IntN(3) == 0 {
		w = int(r.uniform(1250, 1750))
		h = w * 3 / 4
	} else {
		w = int(r.uniform(900, 1750))
		h = w * 4 / 3
	}
	scene := r.handheld(a, w, h)
	rot := r.uniform(-4, 4)
	zoom := 1 + math.Abs(rot)*math.Pi/180*1.6
	out := blankPage(w, h)
	m := translate(-float64(w)/2, -float64(h)/2).then(rotation(rot * math.Pi / 180)).then(scaling(zoom, zoom)).then(translate(float64(w)/2, float64(h)/2))
	scene.placeOn(out, m)
	r.camera(out, d, rot, 1.1)
	return out
}

// camera adds what a phone camera adds to a scene turned by rot degrees:
// uneven light, focus blur up to maxBlur, sensor noise; it records the
// turn and the blur in the plan.
func (r *renderer) camera(out *sheet, d *docPlan, rot, maxBlur float64) {
	lighting(out.img, r)
	d.Rotation = rot
	d.Blur = r.uniform(0.1, maxBlur)
	gaussianBlur(out.img, d.Blur)
	addNoise(out.img, r, r.uniform(2, 5))
}

// finish applies what makes a document unreadable, and mirroring.
func (r *renderer) finish(sh *sheet, d *docPlan) {
	switch d.Unreadable {
	case "blur":
		extra := r.uniform(6, 9)
		gaussianBlur(sh.img, extra)
		d.Blur = math.Hypot(d.Blur, extra)
	case "dark":
		extra := r.uniform(2, 3)
		gaussianBlur(sh.img, extra)
		d.Blur = math.Hypot(d.Blur, extra)
		darken(sh.img, r.uniform(0.05, 0.09))
		addNoise(sh.img, r, 5)
	case "small":
		k := r.uniform(160, 240) / sh.w()
		*sh = *shrink(sh, k)
	}
	if d.Mirrored {
		mirror(sh)
	}
}

func darken(img *image.RGBA, k float64) {
	for i := 0; i < len(img.Pix); i += 4 {
		img.Pix[i] = clamp8(float64(img.Pix[i]) * k)
		img.Pix[i+1] = clamp8(float64(img.Pix[i+1]) * k)
		img.Pix[i+2] = clamp8(float64(img.Pix[i+2]) * k * 1.1)
	}
}

// shrink scales a sheet down by k (area averaging via pre-blur).
func shrink(sh *sheet, k float64) *sheet {
	gaussianBlur(sh.img, 0.5/k)
	w, h := int(math.Round(sh.w()*k)), int(math.Round(sh.h()*k))
	out := blankPage(w, h)
	sh.placeOn(out, scaling(k, k))
	return out
}

func mirror(sh *sheet) {
	b := sh.img.Bounds()
	for y := 0; y < b.Dy(); y++ {
		row := sh.img.Pix[y*sh.img.Stride : y*sh.img.Stride+b.Dx()*4]
		for i, j := 0, b.Dx()-1; i < j; i, j = i+1, j-1 {
			for k := 0; k < 4; k++ {
				row[i*4+k], row[j*4+k] = row[j*4+k], row[i*4+k]
			}
		}
	}
	m := affine{A: -1, C: sh.w(), E: 1}
	for i := range sh.stamps {
		sh.stamps[i] = sh.stamps[i].mapped(m)
	}
	for i := range sh.others {
		sh.others[i] = sh.others[i].mapped(m)
	}
}

// addNoise adds luminance noise of about sigma levels.
func addNoise(img *image.RGBA, r *renderer, sigma float64) {
	fr := newFastRand(r.rng)
	for i := 0; i < len(img.Pix); i += 4 {
		n := sigma * 1.4 * fr.tri()
		img.Pix[i] = clamp8(float64(img.Pix[i]) + n)
		img.Pix[i+1] = clamp8(float64(img.Pix[i+1]) + n)
		img.Pix[i+2] = clamp8(float64(img.Pix[i+2]) + n)
	}
}
