package ocr

import (
	"image"
	"image/color"
	"testing"
)

// blankColumns counts the columns of g without ink (below 128).
func blankColumns(g interface {
	Bounds() image.Rectangle
	GrayAt(x, y int) color.Gray
}) int {
	b := g.Bounds()
	n := 0
	for x := b.Min.X; x < b.Max.X; x++ {
		ink := false
		for y := b.Min.Y; y < b.Max.Y && !ink; y++ {
			ink = g.GrayAt(x, y).Y < 128
		}
		if !ink {
			n++
		}
	}
	return n
}

// TestDeslant: digits written leaning right share columns; Deslant
// stands them upright again, and leaves upright writing as it is.
func TestDeslant(t *testing.T) {
	zen := testFont(t, testZenHei)
	upright := drawLine(t, zen, "2026 07 17", 30)
	for _, lean := range []float64{0.2, 0.3, -0.2} {
		slanted := shear(upright, -lean)
		back := Deslant(slanted, 0.35)
		u, s, d := blankColumns(upright), blankColumns(slanted), blankColumns(back)
		if s >= u || d < u-2 {
			t.Errorf("lean %.2f: blank columns upright %d, slanted %d, deslanted %d; want the slant to lose some and Deslant to win them back", lean, u, s, d)
		}
	}
	if got := Deslant(upright, 0.35); got != upright {
		t.Errorf("upright writing was sheared")
	}
}
