package ocr

import (
	"image"
	"image/color"
	"math"
	"slices"
)

// Where a company seal's arc text lies (GA 241-2000 style seals: a ring,
// the enterprise name around the top inside it, a star in the middle),
// as shares of the seal's radius and in degrees clockwise from the
// 3 o'clock direction. The span is generous: blank paper either end
// reads as nothing.
const (
	arcInner = 0.52
	arcOuter = 0.9
	arcStart = 135.0 // lower left
	arcSpan  = 270.0 // over the top to lower right
	// arcGlyph is the height, in pixels, the text band is drawn at:
	// Tesseract reads Han glyphs best at about 30–40 px.
	arcGlyph = 44
)

// UnwrapSeal lays the arc text of the seal in box out straight, as
// black on white: the strip's top is the outer edge, so the glyphs
// stand upright reading left to right. Only red ink is kept, so black
// print under the seal drops out. box is in img's pixels.
func UnwrapSeal(img image.Image, box Box) *image.Gray {
	rx, ry := float64(box.W)/2, float64(box.H)/2
	cx, cy := float64(box.X)+rx, float64(box.Y)+ry
	r := min(rx, ry)
	if r < 8 {
		return image.NewGray(image.Rect(0, 0, 1, 1))
	}
	k := arcGlyph / ((arcOuter - arcInner) * r) // strip pixels per image pixel
	mid := (arcInner + arcOuter) / 2 * r
	w := int(arcSpan * math.Pi / 180 * mid * k)
	ink := make([]float64, w*arcGlyph)
	for y := range arcGlyph {
		s := arcOuter - (arcOuter-arcInner)*(float64(y)+0.5)/arcGlyph
		for x := range w {
			phi := (arcStart + arcSpan*(float64(x)+0.5)/float64(w)) * math.Pi / 180
			ink[y*w+x] = redInk(img, cx+s*rx*math.Cos(phi), cy+s*ry*math.Sin(phi))
		}
	}
	return inkImage(ink, w, arcGlyph)
}

// inkImage draws ink amounts as black on white, stretched so that the
// strongest ink (its 98th percentile: a pale seal on a photo is as
// readable as a bright one) is black.
func inkImage(ink []float64, w, h int) *image.Gray {
	sorted := slices.Clone(ink)
	slices.Sort(sorted)
	top := max(0.05, sorted[len(sorted)*98/100])
	out := image.NewGray(image.Rect(0, 0, w, h))
	for i, v := range ink {
		out.Pix[i] = uint8(255 - min(1, v/top)*255)
	}
	return out
}

// redInk is how much red ink there is at (x, y), interpolated between
// the four pixels around it: 0 for paper and black or grey print, 1 for
// full seal red.
func redInk(img image.Image, x, y float64) float64 {
	x, y = x-0.5, y-0.5
	x0, y0 := math.Floor(x), math.Floor(y)
	fx, fy := x-x0, y-y0
	v := (1-fx)*(1-fy)*redness(img, int(x0), int(y0)) + fx*(1-fy)*redness(img, int(x0)+1, int(y0)) +
		(1-fx)*fy*redness(img, int(x0), int(y0)+1) + fx*fy*redness(img, int(x0)+1, int(y0)+1)
	return v
}

// redness is 0..1: how far a pixel's red stands above its green and
// blue (seal ink about 140 levels above).
func redness(img image.Image, x, y int) float64 {
	if !image.Pt(x, y).In(img.Bounds()) {
		return 0
	}
	c := color.NRGBAModel.Convert(img.At(x, y)).(color.NRGBA)
	v := float64(c.R) - float64(max(c.G, c.B))
	return min(1, max(0, v/140))
}
