package main

import (
	"image"
	"image/color"
	"math"
	"math/rand/v2"
)

// sealSpec describes a round seal: a ring, a star, the name along the top
// arc and optionally a line of digits under the star.
type sealSpec struct {
	Text   string
	Bottom string
	D      float64 // outer diameter, pixels
	Rot    float64 // radians
	Color  color.RGBA
	Ink    float64 // 0..1 unevenness of the ink
}

var sealReds = []color.RGBA{{214, 36, 44, 235}, {200, 30, 40, 225}, {225, 52, 58, 240}, {190, 24, 50, 220}}

// companySeal is the red seal of an enterprise.
func companySeal(rng *rand.Rand, name string, d float64) sealSpec {
	sp := sealSpec{Text: name, D: d, Rot: (rng.Float64() - 0.5) * 0.5, Color: sealReds[rng.IntN(len(sealReds))], Ink: 0.3 + 0.4*rng.Float64()}
	if rng.IntN(2) == 0 {
		sp.Bottom = digits(rng, 13)
	}
	return sp
}

// registrySeal is an authority's seal on a certificate, red or grey.
func registrySeal(rng *rand.Rand, name string, d float64, grey bool) sealSpec {
	sp := sealSpec{Text: name, D: d, Rot: (rng.Float64() - 0.5) * 0.3, Color: sealReds[rng.IntN(len(sealReds))], Ink: 0.3 + 0.3*rng.Float64()}
	if grey {
		sp.Color = color.RGBA{110, 110, 112, 200}
	}
	return sp
}

// drawSeal stamps the seal centred at (cx, cy) pixels with a multiply
// blend, so text under it stays visible, and returns its box [x, y, w, h].
func drawSeal(dst *image.RGBA, fs *fontSet, rng *rand.Rand, cx, cy float64, sp sealSpec) [4]float64 {
	p := newPath()
	r := sp.D / 2
	ringW := sp.D * (0.03 + 0.01*rng.Float64())
	p.ring(cx, cy, r-ringW/2, ringW)
	p.star(cx, cy, sp.D*0.155, sp.Rot)
	sealArcText(p, fs, cx, cy, r-ringW, sp)
	if sp.Bottom != "" {
		sealBottom(p, fs, cx, cy, sp)
	}
	m, ok := p.mask(dst.Bounds())
	if ok {
		noise := newValueNoise(rng, dst.Bounds().Dx(), dst.Bounds().Dy(), math.Max(3, sp.D/14))
		speck := newValueNoise(rng, dst.Bounds().Dx(), dst.Bounds().Dy(), 2.5)
		ink := sp.Ink
		blendMask(dst, m, sp.Color, blendMultiply, func(x, y int) float64 {
			v := 1 - ink*noise.at(float64(x), float64(y))
			if speck.at(float64(x), float64(y)) > 0.82 {
				v *= 0.35
			}
			return v
		})
	}
	return [4]float64{cx - r, cy - r, sp.D, sp.D}
}

// sealArcText places the name upright along the top of the ring.
func sealArcText(p *path, fs *fontSet, cx, cy, rIn float64, sp sealSpec) {
	rs := []rune(sp.Text)
	n := float64(len(rs))
	if n == 0 {
		return
	}
	size := sp.D * 0.17
	rc := rIn - size*0.62
	span := math.Min(4.4, math.Max(2.4, n*size*0.92/rc))
	per := span / n
	if fit := per * rc * 1.02; size*0.8 > fit {
		size = fit / 0.8
		rc = rIn - size*0.62
	}
	f := fs.SerifBold
	k := size / glyphPPEM
	for i, ch := range rs {
		g := outline(f, fs.Sans, ch)
		theta := -span/2 + per*(float64(i)+0.5) + sp.Rot
		m := translate(-g.adv/2, glyphPPEM*0.38).
			then(scaling(k*0.78, k)).
			then(rotation(theta)).
			then(translate(cx+rc*math.Sin(theta), cy-rc*math.Cos(theta)))
		p.addGlyph(g, m)
	}
}

// sealBottom writes the seal's serial number under the star.
func sealBottom(p *path, fs *fontSet, cx, cy float64, sp sealSpec) {
	size := sp.D * 0.065
	k := size / glyphPPEM
	w := 0.0
	for _, ch := range sp.Bottom {
		w += outline(fs.Sans, nil, ch).adv * k * 0.8
	}
	rot := rotation(sp.Rot)
	x := -w / 2
	for _, ch := range sp.Bottom {
		g := outline(fs.Sans, nil, ch)
		m := scaling(k*0.8, k).then(translate(x, sp.D*0.3)).then(rot).then(translate(cx, cy))
		p.addGlyph(g, m)
		x += g.adv * k * 0.8
	}
}
