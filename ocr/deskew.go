package ocr

import (
	"image"
	"image/color"
	"math"

	"golang.org/x/image/draw"
	"golang.org/x/image/math/f64"
)

// SkewAngle estimates the text's tilt in degrees within ±maxDeg: the
// angle whose horizontal projection of ink is most peaked (text lines
// then fall in few rows). It works on a small copy of the image.
//
// Ink is told from paper two ways: darker than the whole image's mean
// (darkPoints), or darker than the paper around it (inkPoints). The
// first takes in the table or wall around a photographed page and came
// out 0° for 44 of 195 photos of generated seeds 7, 11, 13, 89 and 97
// tilted 1–4°; the second missed none. But where they are less than a
// degree apart they still differ by a step or two in a fifth of the
// pages, and that quarter degree flipped marginal reads either way
// (held-out app-43-00011's ID number lost at 3.5° for 3.25°,
// app-53-00003's admin name misread), so the mean's estimate stands
// unless the paper's differs from it by minDisagree or more.
func SkewAngle(g *image.Gray, maxDeg float64) float64 {
	byMean := projectionAngle(darkPoints(g, 700), maxDeg)
	byPaper := PaperSkewAngle(g, maxDeg)
	if math.Abs(byPaper-byMean) >= minDisagree {
		return byPaper
	}
	return byMean
}

// PaperSkewAngle is SkewAngle by the paper's estimate alone, for a page
// whose text is a small part of a busy image (a card held in a photo).
func PaperSkewAngle(g *image.Gray, maxDeg float64) float64 {
	return projectionAngle(inkPoints(g, 700), maxDeg)
}

// minDisagree is how far apart, in degrees, the two estimates are when
// they disagree.
const minDisagree = 1.0

// projectionAngle is the angle within ±maxDeg, in quarter degrees, at
// which pts project most peaked; 0 for fewer than 200 points.
func projectionAngle(pts [][2]float64, maxDeg float64) float64 {
	if len(pts) < 200 {
		return 0
	}
	best, bestScore := 0.0, -1.0
	for a := -maxDeg; a <= maxDeg+1e-9; a += 0.25 {
		if s := projectionScore(pts, a); s > bestScore {
			best, bestScore = a, s
		}
	}
	return best
}

// darkPoints samples the dark pixels of g, darker than 0.6 of its mean,
// on a grid whose longer side has about n cells.
func darkPoints(g *image.Gray, n int) [][2]float64 {
	b := g.Bounds()
	step := max(1, max(b.Dx(), b.Dy())/n)
	var sum, cnt float64
	for y := b.Min.Y; y < b.Max.Y; y += step {
		for x := b.Min.X; x < b.Max.X; x += step {
			sum += float64(g.Pix[g.PixOffset(x, y)])
			cnt++
		}
	}
	thr := uint8(sum / cnt * 0.6)
	var pts [][2]float64
	for y := b.Min.Y; y < b.Max.Y; y += step {
		for x := b.Min.X; x < b.Max.X; x += step {
			if g.Pix[g.PixOffset(x, y)] < thr {
				pts = append(pts, [2]float64{float64(x) / float64(step), float64(y) / float64(step)})
			}
		}
	}
	return pts
}

// inkRadius is how far, in grid cells, inkPoints looks for the paper
// around a dark sample; inkRatio is how much darker than that paper ink
// is.
const (
	inkRadius = 5
	inkRatio  = 0.6
)

// inkPoints samples g on a grid whose longer side has about n cells and
// keeps the samples darker than inkRatio of the brightest within
// inkRadius cells: ink on paper, and the rim of a dark area along the
// paper's edge, not the dark area itself.
func inkPoints(g *image.Gray, n int) [][2]float64 {
	b := g.Bounds()
	step := max(1, max(b.Dx(), b.Dy())/n)
	w, h := (b.Dx()+step-1)/step, (b.Dy()+step-1)/step
	v := make([]uint8, w*h)
	for j := range h {
		for i := range w {
			v[j*w+i] = g.Pix[g.PixOffset(b.Min.X+i*step, b.Min.Y+j*step)]
		}
	}
	paper := maxFilter(maxFilter(v, h, w, 1, w), w, h, w, 1)
	var pts [][2]float64
	for j := range h {
		for i := range w {
			if float64(v[j*w+i]) < inkRatio*float64(paper[j*w+i]) {
				pts = append(pts, [2]float64{float64(i), float64(j)})
			}
		}
	}
	return pts
}

// maxFilter is the running maximum over inkRadius cells either way
// along one axis of a grid: n lines of m cells, a cell's neighbour
// along the axis d apart in v, one line's start the next's plus stride.
func maxFilter(v []uint8, n, m, d, stride int) []uint8 {
	out := make([]uint8, len(v))
	for line := range n {
		base := line * stride
		for k := range m {
			top := uint8(0)
			for q := max(0, k-inkRadius); q <= min(m-1, k+inkRadius); q++ {
				top = max(top, v[base+q*d])
			}
			out[base+k*d] = top
		}
	}
	return out
}

// projectionScore is the sum of squared row counts after rotating the
// points by -deg: peaked profiles score high.
func projectionScore(pts [][2]float64, deg float64) float64 {
	if len(pts) == 0 {
		return 0
	}
	s, c := math.Sincos(-deg * math.Pi / 180)
	rows := make([]int, len(pts))
	lo, hi := math.MaxInt, math.MinInt
	for i, p := range pts {
		rows[i] = int(math.Round(p[0]*s + p[1]*c))
		lo, hi = min(lo, rows[i]), max(hi, rows[i])
	}
	hist := make([]float64, hi-lo+1) // a slice, not a map: 0.46 s of CPU an application
	for _, r := range rows {
		hist[r-lo]++
	}
	score := 0.0
	for _, v := range hist {
		score += v * v
	}
	return score
}

// Rotation is a rotation about an image's centre that Deskew applied, so
// that boxes found on the rotated image can be mapped back.
type Rotation struct {
	Deg          float64
	SrcW, SrcH   int
	DstW, DstH   int
	matrix, back f64.Aff3
}

// Deskew rotates g by -deg about its centre onto a canvas large enough to
// keep every pixel, filling with white.
func Deskew(g *image.Gray, deg float64) (*image.Gray, Rotation) {
	b := g.Bounds()
	if math.Abs(deg) < 0.2 {
		return g, Rotation{SrcW: b.Dx(), SrcH: b.Dy(), DstW: b.Dx(), DstH: b.Dy()}
	}
	rad := -deg * math.Pi / 180
	s, c := math.Sincos(rad)
	w, h := float64(b.Dx()), float64(b.Dy())
	dw := int(math.Ceil(math.Abs(w*c) + math.Abs(h*s)))
	dh := int(math.Ceil(math.Abs(w*s) + math.Abs(h*c)))
	// dst = T(dst centre) · R · T(-src centre) · src
	m := f64.Aff3{c, -s, float64(dw)/2 - (c*w/2 - s*h/2), s, c, float64(dh)/2 - (s*w/2 + c*h/2)}
	out := rotateGray(g, m, dw, dh)
	r := Rotation{Deg: deg, SrcW: b.Dx(), SrcH: b.Dy(), DstW: dw, DstH: dh, matrix: m}
	r.back = f64.Aff3{c, s, -(c*m[2] + s*m[5]), -s, c, -(-s*m[2] + c*m[5])}
	return out, r
}

// MapBack maps a box on the deskewed image to the bounding box of its
// corners on the source image.
func (r Rotation) MapBack(bx Box) Box {
	if r.Deg == 0 {
		return bx
	}
	xs := [4]float64{float64(bx.X), float64(bx.X + bx.W), float64(bx.X), float64(bx.X + bx.W)}
	ys := [4]float64{float64(bx.Y), float64(bx.Y), float64(bx.Y + bx.H), float64(bx.Y + bx.H)}
	minX, minY, maxX, maxY := math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)
	for i := range xs {
		x := r.back[0]*xs[i] + r.back[1]*ys[i] + r.back[2]
		y := r.back[3]*xs[i] + r.back[4]*ys[i] + r.back[5]
		minX, maxX = math.Min(minX, x), math.Max(maxX, x)
		minY, maxY = math.Min(minY, y), math.Max(maxY, y)
	}
	return Box{X: int(math.Round(minX)), Y: int(math.Round(minY)), W: int(math.Round(maxX - minX)), H: int(math.Round(maxY - minY))}
}

// MapPageBack maps every box of a page read on the deskewed image back
// to the source image.
func (r Rotation) MapPageBack(p Page) Page {
	return p.MapBoxes(r.MapBack, r.SrcW, r.SrcH)
}

// rotateGray draws g through m onto a white dw×dh page. It rotates
// into RGBA, where x/image/draw has a fast path (into Gray it took the
// generic one, 1.1 s of CPU an application), then keeps one channel.
func rotateGray(g *image.Gray, m f64.Aff3, dw, dh int) *image.Gray {
	rgba := image.NewRGBA(image.Rect(0, 0, dw, dh))
	draw.Draw(rgba, rgba.Bounds(), image.NewUniform(color.White), image.Point{}, draw.Src)
	draw.BiLinear.Transform(rgba, m, g, g.Bounds(), draw.Over, nil)
	out := image.NewGray(rgba.Bounds())
	for i := range out.Pix {
		out.Pix[i] = rgba.Pix[4*i]
	}
	return out
}
