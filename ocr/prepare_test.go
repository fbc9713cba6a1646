package ocr

import (
	"image"
	"image/color"
	"testing"
)

func TestStretch(t *testing.T) {
	tests := []struct {
		name               string
		paper, ink         uint8
		wantPaper, wantInk uint8
	}{
		{"grey text on grey paper goes black on white", 200, 100, 255, 0},
		{"already black on white stays", 255, 0, 255, 0},
		{"no contrast is left alone", 200, 195, 200, 195},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			g := image.NewGray(image.Rect(0, 0, 20, 10))
			for i := range g.Pix {
				g.Pix[i] = tt.paper
			}
			for x := 2; x < 8; x++ { // a stroke: 6 of 200 pixels
				g.SetGray(x, 5, color.Gray{Y: tt.ink})
			}
			out := Stretch(g)
			if p, i := out.GrayAt(15, 2).Y, out.GrayAt(4, 5).Y; p != tt.wantPaper || i != tt.wantInk {
				t.Errorf("paper %d, ink %d; want %d, %d", p, i, tt.wantPaper, tt.wantInk)
			}
		})
	}
}
