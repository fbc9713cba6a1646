package ocr

import (
	"image"
	"image/color"
	"image/draw"
	"testing"

	"golang.org/x/image/font"
	"golang.org/x/image/font/opentype"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"
)

// Reference fonts of the glyph check, and another design to draw the
// "photographed" text with (the corpus generator's sans).
const (
	testMicroHei = "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"
	testUMing    = "/usr/share/fonts/truetype/arphic/uming.ttc"
	testZenHei   = "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc"
)

func testFont(t *testing.T, path string) *sfnt.Font {
	t.Helper()
	f, err := LoadFont(path, "CN")
	if err != nil {
		t.Fatalf("%v (bash .ci/setup installs the fonts)", err)
	}
	return f
}

// testGlyphs builds the glyph check's reference set.
func testGlyphs(t *testing.T) *Glyphs {
	t.Helper()
	g, err := LoadGlyphs(testMicroHei, testUMing)
	if err != nil {
		t.Fatalf("%v (bash .ci/setup installs the fonts)", err)
	}
	return g
}

// drawLine draws s in f, px pixels high, dark grey on light grey with a
// margin, the way a card photo's red channel shows a printed name.
func drawLine(t *testing.T, f *sfnt.Font, s string, px int) *image.Gray {
	t.Helper()
	face, err := opentype.NewFace(f, &opentype.FaceOptions{Size: float64(px), DPI: 72, Hinting: font.HintingNone})
	if err != nil {
		t.Fatal(err)
	}
	n := len([]rune(s))
	g := image.NewGray(image.Rect(0, 0, n*px+px, 2*px))
	draw.Draw(g, g.Bounds(), image.NewUniform(color.Gray{Y: 210}), image.Point{}, draw.Src)
	d := font.Drawer{Dst: g, Src: image.NewUniform(color.Gray{Y: 40}), Face: face, Dot: fixed.P(px/2, px*3/2-px/8)}
	d.DrawString(s)
	return g
}

func TestGlyphLikeness(t *testing.T) {
	g := testGlyphs(t)
	zen := testFont(t, testZenHei)
	tests := []struct {
		ink       rune
		like, not rune
	}{
		{'鑫', '鑫', '镭'},
		{'璐', '璐', '责'},
		{'翼', '翼', '眉'},
		{'毅', '毅', '股'},
		{'倩', '倩', '傅'},
	}
	for _, tt := range tests {
		img := drawLine(t, zen, string(tt.ink), 40)
		line := NewInkLine(img, BoxOf(img.Bounds()))
		a, b := g.Likeness(line, img.Bounds(), tt.like), g.Likeness(line, img.Bounds(), tt.not)
		if a < 0.55 || a-b < 0.04 {
			t.Errorf("ink of %c: likeness to %c %.3f, to %c %.3f; want the first at least 0.55 and 0.04 ahead", tt.ink, tt.like, a, tt.not, b)
		}
	}
}

func TestGlyphLikenessEmpty(t *testing.T) {
	g := testGlyphs(t)
	img := image.NewGray(image.Rect(0, 0, 40, 40))
	draw.Draw(img, img.Bounds(), image.NewUniform(color.Gray{Y: 200}), image.Point{}, draw.Src)
	if l := g.Likeness(NewInkLine(img, BoxOf(img.Bounds())), img.Bounds(), '鑫'); l != 0 {
		t.Errorf("blank cell: likeness %.3f, want 0", l)
	}
}

// A cell a few pixels off its character takes in a sliver of the
// neighbour; the character must still look like itself (潜 beside 区 on
// a generated licence read 0.79 at one placement and 0 two pixels left).
// All the cell's ink alone gives 0.33 three pixels left and 0 three right.
func TestGlyphLikenessCellOffCentre(t *testing.T) {
	g := testGlyphs(t)
	zen := testFont(t, testZenHei)
	const px = 32
	img := drawLine(t, zen, "区潜区", px)
	line := NewInkLine(img, BoxOf(img.Bounds()))
	for dx := -px / 8; dx <= px/8; dx++ {
		x := px/2 + px + dx
		cell := image.Rect(x, px*2/5, x+px, px*8/5)
		a, b := g.Likeness(line, cell, '潜'), g.Likeness(line, cell, '洪')
		if a < 0.55 || a-b < 0.04 {
			t.Errorf("cell %d px off: likeness to 潜 %.3f, to 洪 %.3f; want the first at least 0.55 and 0.04 ahead", dx, a, b)
		}
	}
}
