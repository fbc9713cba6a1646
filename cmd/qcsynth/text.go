package main

import (
	"image"
	"image/color"
	"math"
	"math/rand/v2"
	"sync"

	"golang.org/x/image/font"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"
)

// Glyph outlines are loaded once at a reference size and scaled by affine
// maps afterwards; the cache is shared by all goroutines.
const glyphPPEM = 256

type glyphSeg struct {
	op  sfnt.SegmentOp
	pts [3][2]float64
}

type glyphOutline struct {
	segs []glyphSeg
	adv  float64 // advance at glyphPPEM
}

type glyphKey struct {
	f *sfnt.Font
	r rune
}

var glyphCache sync.Map // glyphKey -> *glyphOutline

// outline returns the outline of r in f, or in fallback when f lacks it.
func outline(f, fallback *sfnt.Font, r rune) *glyphOutline {
	if g, ok := glyphCache.Load(glyphKey{f, r}); ok {
		return g.(*glyphOutline)
	}
	var buf sfnt.Buffer
	idx, err := f.GlyphIndex(&buf, r)
	if (err != nil || idx == 0) && fallback != nil && fallback != f {
		g := outline(fallback, nil, r)
		glyphCache.Store(glyphKey{f, r}, g)
		return g
	}
	g := &glyphOutline{}
	ppem := fixed.I(glyphPPEM)
	if adv, err := f.GlyphAdvance(&buf, idx, ppem, font.HintingNone); err == nil {
		g.adv = float64(adv) / 64
	}
	segs, err := f.LoadGlyph(&buf, idx, ppem, nil)
	if err == nil {
		for _, s := range segs {
			gs := glyphSeg{op: s.Op}
			for i := range s.Args {
				gs.pts[i] = [2]float64{float64(s.Args[i].X) / 64, float64(s.Args[i].Y) / 64}
			}
			g.segs = append(g.segs, gs)
		}
	}
	glyphCache.Store(glyphKey{f, r}, g)
	return g
}

// addGlyph appends the outline, mapped by m (glyph pixels at glyphPPEM,
// origin on the baseline, y down), to p.
func (p *path) addGlyph(g *glyphOutline, m affine) {
	for _, s := range g.segs {
		var pts [6]float64
		n := 1
		switch s.op {
		case sfnt.SegmentOpQuadTo:
			n = 2
		case sfnt.SegmentOpCubeTo:
			n = 3
		}
		for i := 0; i < n; i++ {
			pts[2*i], pts[2*i+1] = m.apply(s.pts[i][0], s.pts[i][1])
		}
		switch s.op {
		case sfnt.SegmentOpMoveTo:
			p.add('M', pts[:2]...)
		case sfnt.SegmentOpLineTo:
			p.add('L', pts[:2]...)
		case sfnt.SegmentOpQuadTo:
			p.add('Q', pts[:4]...)
		case sfnt.SegmentOpCubeTo:
			p.add('C', pts[:6]...)
		}
	}
}

// textStyle describes how a run of text is drawn. Sizes are in the
// canvas's units.
type textStyle struct {
	Font    *sfnt.Font
	Size    float64
	Color   color.RGBA
	Spacing float64 // extra advance after each character
	ScaleX  float64 // horizontal squeeze, 0 means 1
	Jitter  float64 // handwriting: random wobble, 0 for print
	Weight  float64 // faux bold: stroke offset in units
}

// canvas draws in its own units (millimetres for documents), s pixels
// each.
type canvas struct {
	img *image.RGBA
	s   float64
	fs  *fontSet
	rng *rand.Rand
}

func newCanvas(wUnits, hUnits, s float64, bg color.RGBA, fs *fontSet, rng *rand.Rand) *canvas {
	w, h := int(math.Round(wUnits*s)), int(math.Round(hUnits*s))
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	fillImage(img, bg)
	return &canvas{img: img, s: s, fs: fs, rng: rng}
}

func (c *canvas) advance(st textStyle, r rune) float64 {
	g := outline(st.Font, c.fs.Sans, r)
	sx := st.ScaleX
	if sx == 0 {
		sx = 1
	}
	return g.adv*st.Size/glyphPPEM*sx + st.Spacing
}

// measure is the advance width of s in units.
func (c *canvas) measure(st textStyle, s string) float64 {
	w := 0.0
	for _, r := range s {
		w += c.advance(st, r)
	}
	return w
}

// text draws s with its baseline starting at (x, y) units and returns its
// width in units.
func (c *canvas) text(x, y float64, st textStyle, s string) float64 {
	p := newPath()
	w := c.textPath(p, x, y, st, s)
	c.fillInk(p, st)
	return w
}

func (c *canvas) textPath(p *path, x, y float64, st textStyle, s string) float64 {
	sx := st.ScaleX
	if sx == 0 {
		sx = 1
	}
	k := st.Size / glyphPPEM * c.s
	x0 := x
	for _, r := range s {
		g := outline(st.Font, c.fs.Sans, r)
		m := scaling(k*sx, k)
		if st.Jitter > 0 {
			m = c.jitter(m, st)
		}
		m = m.then(translate(x*c.s, y*c.s))
		p.addGlyph(g, m)
		x += c.advance(st, r)
	}
	return x - x0
}

// jitter wobbles one handwritten glyph: size, slant, turn and baseline.
func (c *canvas) jitter(m affine, st textStyle) affine {
	j := st.Jitter
	sc := 1 + (c.rng.Float64()-0.5)*0.16*j
	rot := (c.rng.Float64() - 0.5) * 0.12 * j
	dy := (c.rng.Float64() - 0.5) * 0.12 * j * st.Size * c.s
	shear := affine{A: 1, B: -0.12 * j, E: 1}
	return m.then(scaling(sc, sc)).then(shear).then(rotation(rot)).then(translate(0, dy))
}

// fillInk paints a text path; faux bold draws it a second time shifted.
func (c *canvas) fillInk(p *path, st textStyle) {
	m, ok := p.mask(c.img.Bounds())
	if !ok {
		return
	}
	blendMask(c.img, m, st.Color, blendMultiply, nil)
	if st.Weight > 0 {
		d := int(math.Max(1, math.Round(st.Weight*c.s)))
		m.Rect = m.Rect.Add(image.Pt(d, 0))
		blendMask(c.img, m, st.Color, blendMultiply, nil)
	}
}

// textCentered draws s centred on x.
func (c *canvas) textCentered(cx, y float64, st textStyle, s string) {
	c.text(cx-c.measure(st, s)/2, y, st, s)
}

// textSpread draws s with its characters spread evenly over width w.
func (c *canvas) textSpread(x, y, w float64, st textStyle, s string) {
	rs := []rune(s)
	if len(rs) < 2 {
		c.text(x, y, st, s)
		return
	}
	st.Spacing = 0
	gap := (w - c.measure(st, s)) / float64(len(rs)-1)
	for _, r := range rs {
		x += c.text(x, y, st, string(r)) + gap
	}
}

// wrap splits s into lines no wider than w units; the first line may be
// narrower by indent.
func (c *canvas) wrap(st textStyle, s string, w, indent float64) []string {
	var lines []string
	line, lw, limit := []rune{}, 0.0, w-indent
	for _, r := range s {
		a := c.advance(st, r)
		if lw+a > limit && len(line) > 0 && !isClosingPunct(r) {
			lines = append(lines, string(line))
			line, lw, limit = nil, 0, w
		}
		line = append(line, r)
		lw += a
	}
	if len(line) > 0 {
		lines = append(lines, string(line))
	}
	return lines
}

func isClosingPunct(r rune) bool {
	switch r {
	case '，', '。', '、', '；', '：', '）', '”', '》', '！', '？':
		return true
	}
	return false
}

// fill paints a path given in units.
func (c *canvas) fill(build func(p *path), col color.RGBA, mode blendMode) {
	p := newPath()
	build(p)
	c.fillScaled(p, col, mode)
}

// fillScaled scales a unit path to pixels and paints it.
func (c *canvas) fillScaled(p *path, col color.RGBA, mode blendMode) {
	if c.s != 1 {
		for i := range p.ops {
			for j := range p.ops[i].p {
				p.ops[i].p[j][0] *= c.s
				p.ops[i].p[j][1] *= c.s
			}
		}
		p.minX, p.minY, p.maxX, p.maxY = p.minX*c.s, p.minY*c.s, p.maxX*c.s, p.maxY*c.s
	}
	fillPath(c.img, p, col, mode)
}
