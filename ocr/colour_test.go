package ocr

import (
	"image"
	"image/color"
	"testing"
)

// page draws a 600×400 sheet of paper in paper colour with black text
// bars, then lets draw add its own marks.
func page(paper color.NRGBA, draw func(img *image.NRGBA)) *image.NRGBA {
	img := image.NewNRGBA(image.Rect(0, 0, 600, 400))
	fill(img, img.Bounds(), paper)
	for y := 60; y < 340; y += 40 {
		fill(img, image.Rect(80, y, 520, y+12), color.NRGBA{30, 30, 30, 255})
	}
	if draw != nil {
		draw(img)
	}
	return img
}

func fill(img *image.NRGBA, r image.Rectangle, c color.NRGBA) {
	for y := r.Min.Y; y < r.Max.Y; y++ {
		for x := r.Min.X; x < r.Max.X; x++ {
			img.SetNRGBA(x, y, c)
		}
	}
}

// tint multiplies every pixel by a light's colour, as a warm lamp does.
func tint(img *image.NRGBA, r, g, b float64) {
	for i := 0; i < len(img.Pix); i += 4 {
		img.Pix[i] = uint8(float64(img.Pix[i]) * r)
		img.Pix[i+1] = uint8(float64(img.Pix[i+1]) * g)
		img.Pix[i+2] = uint8(float64(img.Pix[i+2]) * b)
	}
}

func TestMeasureColours(t *testing.T) {
	white := color.NRGBA{245, 245, 242, 255}
	gold := color.NRGBA{200, 150, 60, 255}
	seal := image.Rect(380, 200, 500, 320)
	tests := []struct {
		name     string
		img      *image.NRGBA
		exclude  []Box
		printed  bool // Printed ≥ 0.002
		wantNavy bool
	}{
		{"grey copy", page(white, nil), nil, false, false},
		{"grey copy under a warm lamp", func() *image.NRGBA {
			p := page(white, nil)
			tint(p, 1, 0.9, 0.75)
			return p
		}(), nil, false, false},
		{"stamped copy, seal left out", page(white, func(img *image.NRGBA) {
			fill(img, seal, color.NRGBA{220, 40, 40, 255})
		}), []Box{BoxOf(seal)}, false, false},
		{"copy with a ballpoint note", page(white, func(img *image.NRGBA) {
			fill(img, image.Rect(80, 20, 400, 34), color.NRGBA{40, 50, 150, 255})
		}), nil, false, true},
		{"original with a gold border", page(white, func(img *image.NRGBA) {
			fill(img, image.Rect(20, 20, 580, 30), gold)
			fill(img, image.Rect(20, 370, 580, 380), gold)
		}), nil, true, false},
		{"original ID with blue labels", page(color.NRGBA{236, 242, 246, 255}, func(img *image.NRGBA) {
			for y := 60; y < 340; y += 40 {
				fill(img, image.Rect(30, y, 70, y+12), color.NRGBA{40, 120, 190, 255})
			}
		}), nil, true, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := SampleColours(tt.img).Measure(tt.exclude, true)
			if got := c.Printed() >= 0.002; got != tt.printed {
				t.Errorf("printed colour %.5f (%+v), want coloured=%v", c.Printed(), c, tt.printed)
			}
			if got := c.Navy > 0.002; got != tt.wantNavy {
				t.Errorf("navy %.5f, want %v", c.Navy, tt.wantNavy)
			}
		})
	}
}

// TestMeasureColoursOnPaper: a wooden table around a copy, reaching the
// image's edge, is no print; with grain paler than its colour it is
// still one area.
func TestMeasureColoursOnPaper(t *testing.T) {
	img := page(color.NRGBA{245, 245, 242, 255}, func(img *image.NRGBA) {
		fill(img, image.Rect(0, 0, 600, 40), color.NRGBA{150, 90, 40, 255})
		for x := 0; x < 600; x += 7 {
			fill(img, image.Rect(x, 0, x+2, 40), color.NRGBA{160, 130, 100, 255}) // grain: a tint
		}
	})
	s := SampleColours(img)
	if c := s.Measure(nil, false); c.Printed() < 0.002 {
		t.Fatalf("whole image: printed %.5f, want the table's colour", c.Printed())
	}
	if c := s.Measure(nil, true); c.Printed() != 0 {
		t.Errorf("on paper: printed %.5f (%+v), want 0", c.Printed(), c)
	}
	if c := (ColourSample{}).Measure(nil, true); c != (Colours{}) {
		t.Errorf("empty sample: %+v", c)
	}
}
