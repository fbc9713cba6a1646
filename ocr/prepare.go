package ocr

import (
	"image"
	"image/color"
	"math"

	"golang.org/x/image/draw"
)

// RedChannel returns the image's red channel as greyscale. Red seal ink
// turns almost white there while black print stays dark, which lifted a
// sealed letter from 86.6 % to 97.4 % character accuracy in our notes.
func RedChannel(img image.Image) *image.Gray {
	return mapRows(img, func(dst, rgba []uint8) {
		for x := range dst {
			dst[x] = rgba[4*x]
		}
	})
}

// SealFree returns the image as greyscale with red ink lifted to white:
// each pixel's red plus how much redder than green it is. Where a seal
// is dense its red channel stays as dark as a ballpoint's (164 against
// 165 on a generated letter's seal and the blue fill beside it), but
// seal ink is far redder than green (75) and ballpoint, print and paper
// are not (5), so the seal goes white and the fill stays; a fill written
// over the seal, darkened by it, keeps about half its contrast.
func SealFree(img image.Image) *image.Gray {
	return mapRows(img, func(dst, rgba []uint8) {
		for x := range dst {
			r, g := int(rgba[4*x]), int(rgba[4*x+1])
			dst[x] = uint8(min(255, r+max(0, r-g)))
		}
	})
}

// mapRows returns the greyscale image whose rows row makes from img's
// rows as RGBA bytes. A greyscale image is copied: red and green are the
// same there, so both mappings keep its tone. The function is called
// once a row, so that the per-pixel loop stays in the caller's closure
// (a call a pixel made RedChannel four times slower).
func mapRows(img image.Image, row func(dst, rgba []uint8)) *image.Gray {
	b := img.Bounds()
	out := image.NewGray(image.Rect(0, 0, b.Dx(), b.Dy()))
	var buf []uint8
	for y := 0; y < b.Dy(); y++ {
		dst := out.Pix[y*out.Stride : y*out.Stride+b.Dx()]
		switch src := img.(type) {
		case *image.Gray:
			copy(dst, src.Pix[src.PixOffset(b.Min.X, b.Min.Y+y):])
		case *image.RGBA:
			row(dst, src.Pix[src.PixOffset(b.Min.X, b.Min.Y+y):])
		default:
			buf = rgbaRow(buf[:0], img, b.Min.X, b.Min.Y+y, b.Dx())
			row(dst, buf)
		}
	}
	return out
}

// rgbaRow appends the n pixels of img's row y from x0 as RGBA bytes.
func rgbaRow(buf []uint8, img image.Image, x0, y, n int) []uint8 {
	for x := x0; x < x0+n; x++ {
		r, g, bl, a := img.At(x, y).RGBA()
		buf = append(buf, uint8(r>>8), uint8(g>>8), uint8(bl>>8), uint8(a>>8))
	}
	return buf
}

// Luma returns the image as plain greyscale (ITU-R 601 luma).
func Luma(img image.Image) *image.Gray {
	b := img.Bounds()
	out := image.NewGray(image.Rect(0, 0, b.Dx(), b.Dy()))
	draw.Draw(out, out.Bounds(), img, b.Min, draw.Src)
	return out
}

// ScaleGray resizes g by factor f (bilinear); f == 1 returns g itself.
func ScaleGray(g *image.Gray, f float64) *image.Gray {
	if f == 1 {
		return g
	}
	b := g.Bounds()
	w := max(1, int(math.Round(float64(b.Dx())*f)))
	h := max(1, int(math.Round(float64(b.Dy())*f)))
	out := image.NewGray(image.Rect(0, 0, w, h))
	draw.CatmullRom.Scale(out, out.Bounds(), g, b, draw.Src, nil)
	return out
}

// Flatten divides g by its background, g blurred to a sixteenth of its
// size, so that the paper reads the same light everywhere: a photo's
// uneven light and grey table otherwise decide Tesseract's global
// threshold. Paper comes out near 235, ink keeps its contrast to it.
func Flatten(g *image.Gray) *image.Gray {
	b := g.Bounds()
	small := ScaleGray(g, 1.0/16)
	bg := image.NewGray(image.Rect(0, 0, b.Dx(), b.Dy()))
	draw.BiLinear.Scale(bg, bg.Bounds(), small, small.Bounds(), draw.Src, nil)
	out := image.NewGray(bg.Bounds())
	for y := 0; y < b.Dy(); y++ {
		src := g.Pix[g.PixOffset(b.Min.X, b.Min.Y+y):]
		row, back := out.Pix[y*out.Stride:], bg.Pix[y*bg.Stride:]
		for x := 0; x < b.Dx(); x++ {
			row[x] = uint8(min(255, int(src[x])*235/max(1, int(back[x]))))
		}
	}
	return out
}

// CropGray copies r (clipped to g's bounds) into a new image at (0,0).
func CropGray(g *image.Gray, r image.Rectangle) *image.Gray {
	r = r.Intersect(g.Bounds())
	out := image.NewGray(image.Rect(0, 0, r.Dx(), r.Dy()))
	draw.Draw(out, out.Bounds(), g, r.Min, draw.Src)
	return out
}

// Pad adds a white margin of m pixels; Tesseract reads text that touches
// the image edge badly.
func Pad(g *image.Gray, m int) *image.Gray {
	b := g.Bounds()
	out := image.NewGray(image.Rect(0, 0, b.Dx()+2*m, b.Dy()+2*m))
	draw.Draw(out, out.Bounds(), image.NewUniform(color.Gray{Y: 255}), image.Point{}, draw.Src)
	draw.Draw(out, image.Rect(m, m, m+b.Dx(), m+b.Dy()), g, b.Min, draw.Src)
	return out
}

// MapPage converts a page read from an image that was cropped at origin
// off, padded by pad and scaled by f back to the source image's pixels.
func MapPage(p Page, off image.Point, pad int, f float64, srcW, srcH int) Page {
	return p.MapBoxes(func(b Box) Box { return mapBox(b, off, pad, f) }, srcW, srcH)
}

func mapBox(b Box, off image.Point, pad int, f float64) Box {
	x0 := float64(b.X-pad)/f + float64(off.X)
	y0 := float64(b.Y-pad)/f + float64(off.Y)
	return Box{
		X: int(math.Round(x0)), Y: int(math.Round(y0)),
		W: max(1, int(math.Round(float64(b.W)/f))), H: max(1, int(math.Round(float64(b.H)/f))),
	}
}

// Stats are cheap image-quality measures on a greyscale image.
type Stats struct {
	// Sharpness is the variance of a 4-neighbour Laplacian, sampled.
	Sharpness float64
	// Brightness is the mean grey level, 0..255.
	Brightness float64
}

// Measure computes Stats, sampling every step-th pixel for speed.
func Measure(g *image.Gray) Stats {
	b := g.Bounds()
	step := max(1, min(b.Dx(), b.Dy())/400)
	var n, sum, lsum, lsq float64
	for y := b.Min.Y + step; y < b.Max.Y-step; y += step {
		for x := b.Min.X + step; x < b.Max.X-step; x += step {
			c := float64(g.GrayAt(x, y).Y)
			lap := 4*c - float64(g.GrayAt(x-1, y).Y) - float64(g.GrayAt(x+1, y).Y) -
				float64(g.GrayAt(x, y-1).Y) - float64(g.GrayAt(x, y+1).Y)
			n++
			sum += c
			lsum += lap
			lsq += lap * lap
		}
	}
	if n == 0 {
		return Stats{}
	}
	mean := lsum / n
	return Stats{Sharpness: lsq/n - mean*mean, Brightness: sum / n}
}

// FlipH mirrors g left to right.
func FlipH(g *image.Gray) *image.Gray {
	b := g.Bounds()
	out := image.NewGray(b)
	w := b.Dx()
	for y := 0; y < b.Dy(); y++ {
		src := g.Pix[y*g.Stride : y*g.Stride+w]
		dst := out.Pix[y*out.Stride : y*out.Stride+w]
		for x := range w {
			dst[w-1-x] = src[x]
		}
	}
	return out
}

// FlipBoxH maps a box of a left-to-right mirrored image of width w back
// onto the image.
func FlipBoxH(b Box, w int) Box {
	return Box{X: w - b.X - b.W, Y: b.Y, W: b.W, H: b.H}
}

// TwoTone makes g black and white in place at the midpoint between its
// ink (its 2nd-percentile tone) and its paper (its median): the faint
// remnant of a red seal in the red channel, lighter than that midpoint,
// goes white with the paper, where Otsu's threshold over a small crop
// with little ink may keep it. Meant for one line of text.
func TwoTone(g *image.Gray) {
	hist, n := histogram(g)
	t := uint8((percentile(hist, n, 0.02) + percentile(hist, n, 0.5)) / 2)
	b := g.Bounds()
	for y := b.Min.Y; y < b.Max.Y; y++ {
		row := g.Pix[g.PixOffset(b.Min.X, y):g.PixOffset(b.Max.X, y)]
		for i, v := range row {
			row[i] = 255
			if v < t {
				row[i] = 0
			}
		}
	}
}

// Stretch returns g with its tones stretched so that its ink (its
// 1st-percentile tone) goes black and its paper (its median) white,
// keeping the grey of the strokes' edges. A crop of a photocopy, grey
// text on grey paper, padded with white, makes Tesseract's threshold
// take the paper for ink: the two lines of generated app-11-00027's
// address read as "Re" as cut and right once stretched.
func Stretch(g *image.Gray) *image.Gray {
	hist, n := histogram(g)
	lo, hi := percentile(hist, n, 0.01), percentile(hist, n, 0.5)
	if hi-lo < 16 {
		return CropGray(g, g.Bounds())
	}
	out := image.NewGray(image.Rect(0, 0, g.Bounds().Dx(), g.Bounds().Dy()))
	var lut [256]uint8
	for v := range lut {
		lut[v] = uint8(min(255, max(0, (v-lo)*255/(hi-lo))))
	}
	b := g.Bounds()
	for y := b.Min.Y; y < b.Max.Y; y++ {
		src := g.Pix[g.PixOffset(b.Min.X, y):g.PixOffset(b.Max.X, y)]
		dst := out.Pix[(y-b.Min.Y)*out.Stride:]
		for i, v := range src {
			dst[i] = lut[v]
		}
	}
	return out
}

// histogram counts g's pixels by tone; n is how many there are.
func histogram(g *image.Gray) (hist [256]int, n int) {
	b := g.Bounds()
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for _, v := range g.Pix[g.PixOffset(b.Min.X, y):g.PixOffset(b.Max.X, y)] {
			hist[v]++
		}
	}
	return hist, b.Dx() * b.Dy()
}

// percentile is the tone below which a share q of the n counted pixels lie.
func percentile(hist [256]int, n int, q float64) int {
	c := 0
	for i, h := range hist {
		c += h
		if float64(c) >= q*float64(n) {
			return i
		}
	}
	return 255
}
