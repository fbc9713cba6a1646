package ocr

import (
	"image"
	"image/color"
	"math"
	"testing"
)

// paper is a white page with a grey text block.
func paper(w, h int) *image.NRGBA {
	img := image.NewNRGBA(image.Rect(0, 0, w, h))
	for i := range img.Pix {
		img.Pix[i] = 250
	}
	for y := 100; y < 140; y++ {
		for x := 100; x < w-100; x++ {
			img.Set(x, y, color.NRGBA{30, 30, 30, 255})
		}
	}
	return img
}

// disc paints the points at normalised radius [r0, r1] of a circle.
func disc(img *image.NRGBA, cx, cy, r int, r0, r1 float64, c color.NRGBA) {
	for y := cy - r; y <= cy+r; y++ {
		for x := cx - r; x <= cx+r; x++ {
			d := math.Hypot(float64(x-cx), float64(y-cy)) / float64(r)
			if d >= r0 && d <= r1 {
				img.Set(x, y, c)
			}
		}
	}
}

func TestFindSeals(t *testing.T) {
	red := color.NRGBA{200, 40, 40, 255}
	seal := paper(1000, 800)
	disc(seal, 600, 450, 120, 0.9, 1.0, red) // ring
	disc(seal, 600, 450, 120, 0, 0.15, red)  // star
	emblem := paper(1000, 800)
	disc(emblem, 500, 200, 60, 0, 1.0, red)
	faint := paper(1000, 800)
	disc(faint, 300, 400, 100, 0.9, 1.0, color.NRGBA{200, 140, 140, 255}) // saturation 0.3
	tests := []struct {
		name string
		img  image.Image
		want int
	}{
		{"ring seal", seal, 1}, {"solid emblem", emblem, 0}, {"faint seal", faint, 1}, {"plain page", paper(1000, 800), 0},
	}
	for _, tt := range tests {
		got := FindSeals(tt.img)
		if len(got) != tt.want {
			t.Errorf("%s: %d seals %+v, want %d", tt.name, len(got), got, tt.want)
		}
	}
	s := FindSeals(seal)[0].Box
	if abs(s.X-480) > 6 || abs(s.Y-330) > 6 || abs(s.W-241) > 8 {
		t.Errorf("seal box %+v, want about {480 330 241 241}", s)
	}
}
