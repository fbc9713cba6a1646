package ocr

import (
	"image"
	"testing"
)

func TestFlipH(t *testing.T) {
	g := image.NewGray(image.Rect(0, 0, 3, 2))
	copy(g.Pix, []uint8{1, 2, 3, 4, 5, 6})
	got := FlipH(g).Pix
	want := []uint8{3, 2, 1, 6, 5, 4}
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("FlipH = %v, want %v", got, want)
		}
	}
	b := Box{X: 10, Y: 5, W: 20, H: 8}
	if got := FlipBoxH(FlipBoxH(b, 100), 100); got != b {
		t.Errorf("FlipBoxH twice = %v, want %v", got, b)
	}
	if got := FlipBoxH(b, 100); got.X != 70 {
		t.Errorf("FlipBoxH = %v, want x 70", got)
	}
}
