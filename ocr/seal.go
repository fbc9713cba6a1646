package ocr

import (
	"image"
	"image/color"
	"math"

	"golang.org/x/image/draw"
)

// Seal is a red company seal found on an image: its box in the image's
// pixels and how ring-like its border is (0..1).
type Seal struct {
	Box   Box     `json:"bbox"`
	Score float64 `json:"score"`
}

// Seal shape limits, as shares of the working image's shorter side and
// of the seal's own size.
const (
	minSealShare = 0.06 // a seal spans at least this much of the shorter side
	maxSealShare = 0.7
	maxAspect    = 1.35 // width / height of a round or oval seal
	minRing      = 0.3  // share of directions in which the border has ink
	// maxFill is the most red a seal's inner half holds: its star and
	// text filled 3–14 % on the generated corpus, the solid national
	// emblem printed atop a licence 49–64 %.
	maxFill = 0.3
)

// FindSeals finds red seals: red ink (shared/notes: hue ≤ 20° or ≥ 330°,
// saturation and value ≥ 0.35) grouped into connected parts, kept when a
// part is about round and its ink runs around its border like a seal's
// ring, with an inner half mostly free of ink (a solid red disc is an
// emblem, not a seal). Greyscale copies have no red and so no seals.
func FindSeals(img image.Image) []Seal { return SampleColours(img).Seals() }

// Seals finds the red seals on the sampled image (see FindSeals), in the
// image's pixels.
func (s ColourSample) Seals() []Seal {
	if s.img == nil {
		return nil
	}
	small, f := s.img, s.f
	mask := redMask(small)
	b := small.Bounds()
	short := min(b.Dx(), b.Dy())
	var out []Seal
	for _, c := range blobs(mask, b.Dx(), b.Dy()) {
		w, h := c.Dx(), c.Dy()
		if float64(min(w, h)) < minSealShare*float64(short) || float64(max(w, h)) > maxSealShare*float64(short) {
			continue
		}
		if float64(max(w, h)) > maxAspect*float64(min(w, h)) {
			continue
		}
		score := ringScore(mask, b.Dx(), c)
		if score < minRing || innerFill(mask, b.Dx(), c) > maxFill {
			continue
		}
		box := Box{X: int(float64(c.Min.X) / f), Y: int(float64(c.Min.Y) / f), W: int(float64(w) / f), H: int(float64(h) / f)}
		out = append(out, Seal{Box: box, Score: math.Round(score*1000) / 1000})
	}
	return out
}

// shrink scales img so that its long side is at most side, returning the
// scale factor (≤ 1) applied.
// The copy is an *image.RGBA: x/image/draw has fast paths into RGBA
// (into NRGBA it took the generic path, 0.8 s of CPU an application).
// Decoded images are opaque, so its values are the colours themselves.
func shrink(img image.Image, side int) (*image.RGBA, float64) {
	b := img.Bounds()
	f := min(1, float64(side)/float64(max(b.Dx(), b.Dy())))
	out := image.NewRGBA(image.Rect(0, 0, max(1, int(float64(b.Dx())*f)), max(1, int(float64(b.Dy())*f))))
	draw.ApproxBiLinear.Scale(out, out.Bounds(), img, b, draw.Src, nil)
	return out, f
}

// redMask marks the pixels of red ink.
func redMask(img *image.RGBA) []bool {
	b := img.Bounds()
	mask := make([]bool, b.Dx()*b.Dy())
	for y := range b.Dy() {
		for x := range b.Dx() {
			c := opaqueAt(img, x, y)
			mask[y*b.Dx()+x] = isRed(c)
		}
	}
	return mask
}

// opaqueAt is the colour of an opaque RGBA image's pixel.
func opaqueAt(img *image.RGBA, x, y int) color.NRGBA {
	c := img.RGBAAt(x, y)
	return color.NRGBA{R: c.R, G: c.G, B: c.B, A: 255}
}

func isRed(c color.NRGBA) bool {
	r, g, bl := float64(c.R)/255, float64(c.G)/255, float64(c.B)/255
	mx, mn := max(r, g, bl), min(r, g, bl)
	if mx < 0.35 || mx == 0 || (mx-mn)/mx < 0.25 || mx != r {
		return false // too dark, too grey, or not red-dominant
	}
	hue := 60 * (g - bl) / (mx - mn) // red sector: -60..60 degrees
	return hue <= 20 && hue >= -30
}

// sealCell is the side, in working pixels, of the cells that red ink is
// counted in: a seal's ring, star and arc text are separate strokes,
// broken further where black print crosses them; counted in cells and
// grown by a cell they make one blob.
const (
	sealCell    = 6
	cellMinInk  = 3 // red pixels that make a cell red
	cellsGrowBy = 1
)

// blobs are the boxes of red ink, strokes closer than a cell or two
// joined, each cut to the red pixels inside it.
func blobs(mask []bool, w, h int) []image.Rectangle {
	cw, ch := (w+sealCell-1)/sealCell, (h+sealCell-1)/sealCell
	cells := make([]bool, cw*ch)
	count := make([]int, cw*ch)
	for i, m := range mask {
		if m {
			c := (i/w/sealCell)*cw + (i%w)/sealCell
			count[c]++
			cells[c] = count[c] >= cellMinInk
		}
	}
	var out []image.Rectangle
	for _, r := range components(grow(cells, cw, ch), cw, ch) {
		px := image.Rect(r.Min.X*sealCell, r.Min.Y*sealCell, r.Max.X*sealCell, r.Max.Y*sealCell).Intersect(image.Rect(0, 0, w, h))
		if tight, ok := inkBounds(mask, w, px); ok {
			out = append(out, tight)
		}
	}
	return out
}

// grow marks every cell next to a marked one (eight directions).
func grow(cells []bool, w, h int) []bool {
	out := make([]bool, len(cells))
	for y := range h {
		for x := range w {
			for dy := -cellsGrowBy; dy <= cellsGrowBy && !out[y*w+x]; dy++ {
				for dx := -cellsGrowBy; dx <= cellsGrowBy; dx++ {
					nx, ny := x+dx, y+dy
					if nx >= 0 && ny >= 0 && nx < w && ny < h && cells[ny*w+nx] {
						out[y*w+x] = true
						break
					}
				}
			}
		}
	}
	return out
}

// inkBounds is the bounding box of the marked pixels inside r.
func inkBounds(mask []bool, w int, r image.Rectangle) (image.Rectangle, bool) {
	var out image.Rectangle
	found := false
	for y := r.Min.Y; y < r.Max.Y; y++ {
		for x := r.Min.X; x < r.Max.X; x++ {
			if mask[y*w+x] {
				out = out.Union(image.Rect(x, y, x+1, y+1))
				found = true
			}
		}
	}
	return out, found
}

// components are the bounding boxes of the mask's 4-connected parts.
func components(mask []bool, w, h int) []image.Rectangle {
	seen := make([]bool, len(mask))
	var out []image.Rectangle
	var stack []int
	for start := range mask {
		if !mask[start] || seen[start] {
			continue
		}
		r := image.Rect(start%w, start/w, start%w+1, start/w+1)
		stack = append(stack[:0], start)
		seen[start] = true
		for len(stack) > 0 {
			i := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			x, y := i%w, i/w
			r = r.Union(image.Rect(x, y, x+1, y+1))
			for _, n := range [4]int{i - 1, i + 1, i - w, i + w} {
				if n < 0 || n >= len(mask) || seen[n] || !mask[n] || (n == i-1 && x == 0) || (n == i+1 && x == w-1) {
					continue
				}
				seen[n] = true
				stack = append(stack, n)
			}
		}
		out = append(out, r)
	}
	return out
}

// ringScore is the share of 72 directions from the part's centre in
// which red ink lies in the outer band of its ellipse (the seal's ring).
func ringScore(mask []bool, w int, c image.Rectangle) float64 {
	cx, cy := float64(c.Min.X+c.Max.X)/2, float64(c.Min.Y+c.Max.Y)/2
	rx, ry := float64(c.Dx())/2, float64(c.Dy())/2
	h := len(mask) / w
	hits := 0
	const dirs = 72
	for k := range dirs {
		a := 2 * math.Pi * float64(k) / dirs
		for t := 0.8; t <= 1.0; t += 0.04 {
			x, y := int(cx+t*rx*math.Cos(a)), int(cy+t*ry*math.Sin(a))
			if x >= 0 && y >= 0 && x < w && y < h && mask[y*w+x] {
				hits++
				break
			}
		}
	}
	return float64(hits) / dirs
}

// innerFill is the share of red pixels inside the inner half of the
// part's ellipse.
func innerFill(mask []bool, w int, c image.Rectangle) float64 {
	cx, cy := float64(c.Min.X+c.Max.X)/2, float64(c.Min.Y+c.Max.Y)/2
	rx, ry := float64(c.Dx())/2, float64(c.Dy())/2
	n, red := 0, 0
	for y := c.Min.Y; y < c.Max.Y; y++ {
		for x := c.Min.X; x < c.Max.X; x++ {
			dx, dy := (float64(x)-cx)/rx, (float64(y)-cy)/ry
			if dx*dx+dy*dy <= 0.25 {
				n++
				if mask[y*w+x] {
					red++
				}
			}
		}
	}
	if n == 0 {
		return 0
	}
	return float64(red) / float64(n)
}
