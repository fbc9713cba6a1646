package main

import (
	"image"
	"image/color"
	"image/draw"
	"math"

	"golang.org/x/image/vector"
)

// affine maps (x, y) to (A*x + B*y + C, D*x + E*y + F).
type affine struct{ A, B, C, D, E, F float64 }

var identity = affine{A: 1, E: 1}

func translate(x, y float64) affine { return affine{A: 1, C: x, E: 1, F: y} }
func scaling(sx, sy float64) affine { return affine{A: sx, E: sy} }

// rotation turns by rad clockwise on screen (y points down).
func rotation(rad float64) affine {
	s, c := math.Sincos(rad)
	return affine{A: c, B: -s, D: s, E: c}
}

func (m affine) apply(x, y float64) (float64, float64) {
	return m.A*x + m.B*y + m.C, m.D*x + m.E*y + m.F
}

// then returns the map that applies m first, then n.
func (m affine) then(n affine) affine {
	return affine{
		A: n.A*m.A + n.B*m.D, B: n.A*m.B + n.B*m.E, C: n.A*m.C + n.B*m.F + n.C,
		D: n.D*m.A + n.E*m.D, E: n.D*m.B + n.E*m.E, F: n.D*m.C + n.E*m.F + n.F,
	}
}

func (m affine) inverse() affine {
	det := m.A*m.E - m.B*m.D
	return affine{
		A: m.E / det, B: -m.B / det, C: (m.B*m.F - m.E*m.C) / det,
		D: -m.D / det, E: m.A / det, F: (m.D*m.C - m.A*m.F) / det,
	}
}

// path is a closed-outline description in pixel coordinates, kept in
// float64 so it can be bounded before it is rasterised.
type path struct {
	ops                    []pathOp
	minX, minY, maxX, maxY float64
	empty                  bool
}

type pathOp struct {
	kind byte // 'M', 'L', 'Q', 'C'
	p    [3][2]float64
}

func newPath() *path {
	return &path{empty: true, minX: math.Inf(1), minY: math.Inf(1), maxX: math.Inf(-1), maxY: math.Inf(-1)}
}

func (p *path) grow(x, y float64) {
	p.empty = false
	p.minX, p.maxX = math.Min(p.minX, x), math.Max(p.maxX, x)
	p.minY, p.maxY = math.Min(p.minY, y), math.Max(p.maxY, y)
}

func (p *path) add(kind byte, pts ...float64) {
	op := pathOp{kind: kind}
	for i := 0; i+1 < len(pts); i += 2 {
		op.p[i/2] = [2]float64{pts[i], pts[i+1]}
		p.grow(pts[i], pts[i+1])
	}
	p.ops = append(p.ops, op)
}

func (p *path) moveTo(x, y float64) { p.add('M', x, y) }
func (p *path) lineTo(x, y float64) { p.add('L', x, y) }

// polygon adds a closed polygon; pts are x, y pairs.
func (p *path) polygon(pts ...float64) {
	p.moveTo(pts[0], pts[1])
	for i := 2; i+1 < len(pts); i += 2 {
		p.lineTo(pts[i], pts[i+1])
	}
	p.lineTo(pts[0], pts[1])
}

func (p *path) rect(x, y, w, h float64) {
	p.polygon(x, y, x+w, y, x+w, y+h, x, y+h)
}

// ellipse adds a closed ellipse; ccw reverses the winding so that an inner
// ellipse cuts a hole in an outer one.
func (p *path) ellipse(cx, cy, rx, ry float64, ccw bool) {
	n := int(math.Max(24, math.Min(720, (rx+ry)*0.8)))
	for i := 0; i <= n; i++ {
		t := 2 * math.Pi * float64(i) / float64(n)
		if ccw {
			t = -t
		}
		x, y := cx+rx*math.Cos(t), cy+ry*math.Sin(t)
		if i == 0 {
			p.moveTo(x, y)
		} else {
			p.lineTo(x, y)
		}
	}
}

func (p *path) circle(cx, cy, r float64, ccw bool) { p.ellipse(cx, cy, r, r, ccw) }

// ring adds an annulus between radii r-w/2 and r+w/2.
func (p *path) ring(cx, cy, r, w float64) {
	p.circle(cx, cy, r+w/2, false)
	p.circle(cx, cy, r-w/2, true)
}

// roundRect adds a rectangle with rounded corners of radius r.
func (p *path) roundRect(x, y, w, h, r float64) {
	const steps = 8
	corners := [4][3]float64{{x + w - r, y + r, -math.Pi / 2}, {x + w - r, y + h - r, 0}, {x + r, y + h - r, math.Pi / 2}, {x + r, y + r, math.Pi}}
	first := true
	for _, c := range corners {
		for i := 0; i <= steps; i++ {
			t := c[2] + math.Pi/2*float64(i)/steps
			px, py := c[0]+r*math.Cos(t), c[1]+r*math.Sin(t)
			if first {
				p.moveTo(px, py)
				first = false
			} else {
				p.lineTo(px, py)
			}
		}
	}
	p.lineTo(x+w-r, y)
}

// reverseLast reverses the winding of the last contour so it cuts a hole
// in the contours before it.
func reverseLast(p *path) {
	start := len(p.ops) - 1
	for start > 0 && p.ops[start].kind != 'M' {
		start--
	}
	seg := p.ops[start:]
	pts := make([][2]float64, len(seg))
	for i, op := range seg {
		pts[i] = op.p[0]
	}
	for i := range seg {
		seg[i].p[0] = pts[len(pts)-1-i]
		seg[i].kind = 'L'
	}
	seg[0].kind = 'M'
}

// strokeLine adds a line segment of width w as a quadrilateral.
func (p *path) strokeLine(x1, y1, x2, y2, w float64) {
	dx, dy := x2-x1, y2-y1
	l := math.Hypot(dx, dy)
	if l == 0 {
		return
	}
	nx, ny := -dy/l*w/2, dx/l*w/2
	p.polygon(x1+nx, y1+ny, x2+nx, y2+ny, x2-nx, y2-ny, x1-nx, y1-ny)
}

// strokeRect adds the outline of a rectangle, line width w.
func (p *path) strokeRect(x, y, w, h, lw float64) {
	p.rect(x-lw/2, y-lw/2, w+lw, h+lw)
	p.polygon(x+lw/2, y+lw/2, x+lw/2, y+h-lw/2, x+w-lw/2, y+h-lw/2, x+w-lw/2, y+lw/2)
}

// star adds a five-point star centred at (cx, cy), outer radius r, one
// point up, turned by rot radians.
func (p *path) star(cx, cy, r, rot float64) {
	pts := make([]float64, 0, 20)
	for i := 0; i < 10; i++ {
		rr := r
		if i%2 == 1 {
			rr = r * 0.382
		}
		t := -math.Pi/2 + rot + float64(i)*math.Pi/5
		pts = append(pts, cx+rr*math.Cos(t), cy+rr*math.Sin(t))
	}
	p.polygon(pts...)
}

// mask rasterises the path (non-zero accumulation) within clip.
func (p *path) mask(clip image.Rectangle) (*image.Alpha, bool) {
	if p.empty {
		return nil, false
	}
	r := image.Rect(int(math.Floor(p.minX))-1, int(math.Floor(p.minY))-1, int(math.Ceil(p.maxX))+1, int(math.Ceil(p.maxY))+1).Intersect(clip)
	if r.Empty() {
		return nil, false
	}
	z := vector.NewRasterizer(r.Dx(), r.Dy())
	ox, oy := float64(r.Min.X), float64(r.Min.Y)
	f := func(i int, op pathOp) (float32, float32) {
		return float32(op.p[i][0] - ox), float32(op.p[i][1] - oy)
	}
	for _, op := range p.ops {
		switch op.kind {
		case 'M':
			z.MoveTo(f(0, op))
		case 'L':
			z.LineTo(f(0, op))
		case 'Q':
			x1, y1 := f(0, op)
			x2, y2 := f(1, op)
			z.QuadTo(x1, y1, x2, y2)
		case 'C':
			x1, y1 := f(0, op)
			x2, y2 := f(1, op)
			x3, y3 := f(2, op)
			z.CubeTo(x1, y1, x2, y2, x3, y3)
		}
	}
	z.ClosePath()
	m := image.NewAlpha(r)
	z.DrawOp = draw.Src
	z.Draw(m, m.Bounds(), image.Opaque, image.Point{})
	return m, true
}

type blendMode int

const (
	blendOver     blendMode = iota // paint covers
	blendMultiply                  // ink: darkens, keeps what is under it
)

// fillPath paints the path onto dst with colour col (col.A is opacity).
func fillPath(dst *image.RGBA, p *path, col color.RGBA, mode blendMode) {
	m, ok := p.mask(dst.Bounds())
	if !ok {
		return
	}
	blendMask(dst, m, col, mode, nil)
}

// blendMask composites a coverage mask (in dst coordinates) with colour
// col. mod, when set, scales the coverage at each pixel (ink texture).
func blendMask(dst *image.RGBA, m *image.Alpha, col color.RGBA, mode blendMode, mod func(x, y int) float64) {
	r := m.Rect.Intersect(dst.Rect)
	op := int32(col.A)
	c := [3]int32{int32(col.R), int32(col.G), int32(col.B)}
	for y := r.Min.Y; y < r.Max.Y; y++ {
		mi := m.PixOffset(r.Min.X, y)
		di := dst.PixOffset(r.Min.X, y)
		for x := r.Min.X; x < r.Max.X; x, mi, di = x+1, mi+1, di+4 {
			cov := m.Pix[mi]
			if cov == 0 {
				continue
			}
			a := (int32(cov)*op + 127) / 255 // 0..255
			if mod != nil {
				a = int32(float64(a) * mod(x, y))
			}
			px := dst.Pix[di : di+3 : di+3]
			for k := 0; k < 3; k++ {
				v := int32(px[k])
				if mode == blendMultiply {
					v = (v*(65025-a*(255-c[k])) + 32512) / 65025
				} else {
					v = (v*(255-a) + c[k]*a + 127) / 255
				}
				px[k] = uint8(v)
			}
		}
	}
}

// fillImage paints the whole image with one colour.
func fillImage(img *image.RGBA, c color.RGBA) {
	for i := 0; i < len(img.Pix); i += 4 {
		img.Pix[i], img.Pix[i+1], img.Pix[i+2], img.Pix[i+3] = c.R, c.G, c.B, 255
	}
}

func clamp8(v float64) uint8 {
	if v <= 0 {
		return 0
	}
	if v >= 255 {
		return 255
	}
	return uint8(v + 0.5)
}

func clampF(v, lo, hi float64) float64 { return math.Max(lo, math.Min(hi, v)) }
