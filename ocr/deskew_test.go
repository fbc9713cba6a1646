package ocr

import (
	"image"
	"image/color"
	"math"
	"testing"
)

// lines draws dark horizontal bars like text lines on white.
func lines(w, h int) *image.Gray {
	g := image.NewGray(image.Rect(0, 0, w, h))
	for i := range g.Pix {
		g.Pix[i] = 255
	}
	for y := 40; y < h-40; y += 40 {
		for x := 60; x < w-60; x++ {
			if (x/25)%3 != 2 {
				for d := 0; d < 14; d++ {
					g.SetGray(x, y+d, color.Gray{Y: 20})
				}
			}
		}
	}
	return g
}

func TestSkewAngleFindsRotation(t *testing.T) {
	for _, deg := range []float64{-3, -1.5, 0, 2, 4} {
		src := lines(900, 700)
		tilted, _ := Deskew(src, -deg) // rotate by +deg
		got := SkewAngle(tilted, 5)
		if math.Abs(got-deg) > 0.5 {
			t.Errorf("tilt %v°: estimated %v°", deg, got)
		}
	}
}

func TestDeskewMapBackRoundTrip(t *testing.T) {
	src := lines(800, 600)
	for _, deg := range []float64{-3, 2.5} {
		_, rot := Deskew(src, deg)
		// The centre of the destination maps to the centre of the source.
		c := rot.MapBack(Box{X: rot.DstW / 2, Y: rot.DstH / 2, W: 0, H: 0})
		if abs(c.X-400) > 2 || abs(c.Y-300) > 2 {
			t.Errorf("deg %v: centre maps to %v,%v", deg, c.X, c.Y)
		}
	}
}
