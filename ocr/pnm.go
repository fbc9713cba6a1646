package ocr

import (
	"fmt"
	"image"
)

// EncodePNM writes img as binary PGM (for *image.Gray) or PPM. Leptonica
// reads both directly, and they cost no compression time, unlike PNG.
func EncodePNM(img image.Image) []byte {
	b := img.Bounds()
	w, h := b.Dx(), b.Dy()
	if g, ok := img.(*image.Gray); ok {
		out := fmt.Appendf(nil, "P5\n%d %d\n255\n", w, h)
		for y := b.Min.Y; y < b.Max.Y; y++ {
			i := g.PixOffset(b.Min.X, y)
			out = append(out, g.Pix[i:i+w]...)
		}
		return out
	}
	out := fmt.Appendf(nil, "P6\n%d %d\n255\n", w, h)
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			r, g, bl, _ := img.At(x, y).RGBA()
			out = append(out, byte(r>>8), byte(g>>8), byte(bl>>8))
		}
	}
	return out
}
