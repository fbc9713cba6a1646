package verify

import (
	"image"
	"image/color"
	"image/draw"
	"io"
	"log/slog"
	"testing"
	"time"

	"github.com/qualcheck/qualcheck/extract"
	"github.com/qualcheck/qualcheck/ocr"
	"golang.org/x/image/font"
	"golang.org/x/image/font/opentype"
	"golang.org/x/image/math/fixed"
)

func glyphPipeline(t *testing.T) *Pipeline {
	t.Helper()
	g, err := ocr.LoadGlyphs("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc", "/usr/share/fonts/truetype/arphic/uming.ttc",
		"/usr/share/fonts/truetype/lxgw-wenkai/LXGWWenKai-Regular.ttf")
	if err != nil {
		t.Fatalf("%v (bash .ci/setup installs the fonts)", err)
	}
	return NewPipeline(Config{Glyphs: g}, nil, slog.New(slog.NewTextHandler(io.Discard, nil)), time.Now)
}

// cardName draws s as a card prints a name, in another design than the
// reference fonts (WenQuanYi Zen Hei), and returns the image and the box
// of its ink, as the OCR would give it.
func cardName(t *testing.T, s string) (*image.Gray, ocr.Box) {
	t.Helper()
	g := cardText(t, s)
	return g, inkOf(g)
}

// cardText draws s in WenQuanYi Zen Hei, 40 px, dark on light grey.
func cardText(t *testing.T, s string) *image.Gray {
	t.Helper()
	return cardLines(t, s)
}

// cardLines draws lines one under the other, left-aligned, 56 px apart.
func cardLines(t *testing.T, lines ...string) *image.Gray {
	t.Helper()
	face := testFace(t, "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc", 40)
	longest := 0
	for _, s := range lines {
		longest = max(longest, len([]rune(s)))
	}
	g := image.NewGray(image.Rect(0, 0, 40*longest+40, 24+56*len(lines)))
	draw.Draw(g, g.Bounds(), image.NewUniform(color.Gray{Y: 205}), image.Point{}, draw.Src)
	for i, s := range lines {
		d := font.Drawer{Dst: g, Src: image.NewUniform(color.Gray{Y: 35}), Face: face, Dot: fixed.P(20, 55+56*i)}
		d.DrawString(s)
	}
	return g
}

// testFace is the font at path (a collection's first member) at size
// pixels.
func testFace(t *testing.T, path string, size float64) font.Face {
	t.Helper()
	f, err := ocr.LoadFont(path, "")
	if err != nil {
		t.Fatalf("%v (bash .ci/setup installs the fonts)", err)
	}
	face, err := opentype.NewFace(f, &opentype.FaceOptions{Size: size, DPI: 72, Hinting: font.HintingNone})
	if err != nil {
		t.Fatal(err)
	}
	return face
}

func inkOf(g *image.Gray) ocr.Box {
	var ink image.Rectangle
	b := g.Bounds()
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			if g.GrayAt(x, y).Y < 120 {
				ink = ink.Union(image.Rect(x, y, x+1, y+1))
			}
		}
	}
	return ocr.BoxOf(ink)
}

func TestGlyphTail(t *testing.T) {
	p := glyphPipeline(t)
	tests := []struct {
		ink, read, entered string
		completed          bool
	}{
		{"解放路468号7楼106室", "解放路468号7楼106", "解放路468号7楼106室", true},
		{"解放路468号7楼106室", "解放路468号7楼106", "解放路468号7楼106层", false}, // the ink is 室
		{"解放路468号7楼106", "解放路468号7楼106", "解放路468号7楼106室", false},  // nothing after the box
		{"解放路468号7楼106室", "解放路468号7楼10", "解放路468号7楼106室", false},  // more than one character lost
	}
	for _, tt := range tests {
		img := cardText(t, tt.ink)
		prefix := cardText(t, tt.read)
		f := extract.Field{Value: tt.read, Conf: 0.6, Box: inkOf(prefix)}
		got, ok := p.glyphTail(img, f, tt.entered)
		if ok != tt.completed {
			t.Errorf("%s read %s, entered %s: completed %v, want %v", tt.ink, tt.read, tt.entered, ok, tt.completed)
		}
		if ok && (got.Value != tt.entered || got.Read != tt.read) {
			t.Errorf("got %+v", got)
		}
	}
}

// TestGlyphTailWrapped: an address wrapped with its last character alone
// on the next line, which the OCR dropped or read as strokes.
func TestGlyphTailWrapped(t *testing.T) {
	p := glyphPipeline(t)
	tests := []struct {
		name          string
		next          string // the ink of the second line
		read, entered string
		completed     bool
	}{
		{"lost", "室", "丰产路359号17楼120", "丰产路359号17楼120室", true},
		{"read as strokes", "室", "丰产路359号17楼120下至", "丰产路359号17楼120室", true},
		{"another ending", "层", "丰产路359号17楼120", "丰产路359号17楼120室", false},
		{"a label below, not the address", "登记机关", "丰产路359号17楼120", "丰产路359号17楼120室", false},
		{"after a digit taken into the first line", "6室", "丰产路359号17楼1206", "丰产路359号17楼1206室", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			img := cardLines(t, "丰产路359号17楼120", tt.next)
			f := extract.Field{Value: tt.read, Conf: 0.6, Box: inkOf(cardText(t, "丰产路359号17楼120"))}
			got, ok := p.glyphTail(img, f, tt.entered)
			if ok != tt.completed {
				t.Fatalf("completed %v, want %v", ok, tt.completed)
			}
			if ok && got.Value != tt.entered {
				t.Errorf("got %+v", got)
			}
		})
	}
}

func TestGlyphConfirm(t *testing.T) {
	p := glyphPipeline(t)
	tests := []struct {
		name      string
		ink, read string
		confs     []float64
		entered   string
		confirmed bool
	}{
		{"rare character misread unsurely", "廖鑫", "廖镭", []float64{0.93, 0.02}, "廖鑫", true},
		{"a sure read is never overruled", "廖鑫", "廖镭", []float64{0.93, 0.9}, "廖鑫", false},
		{"the ink shows what the OCR read", "廖镭", "廖镭", []float64{0.93, 0.02}, "廖鑫", false},
		{"another name entered", "廖鑫", "廖镭", []float64{0.93, 0.02}, "廖伟", false},
		{"every character misread", "廖鑫", "寥镭", []float64{0.2, 0.02}, "廖鑫", true},
		{"another name, every character misread", "廖鑫", "寥镭", []float64{0.2, 0.02}, "张伟", false},
		{"lengths differ", "廖鑫", "廖", []float64{0.93}, "廖鑫", false},
		{"a Latin letter is not compared", "廖鑫", "廖镭", []float64{0.93, 0.02}, "廖A", false},
		{"digits take half a cell", "益田路917号17幢2216室", "益田路917号17收2216室", nil, "益田路917号17幢2216室", true},
		{"a digit is not compared", "益田路917号17幢2216室", "益田路917号17幢2218室", nil, "益田路917号17幢2216室", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			img, box := cardName(t, tt.ink)
			f := extract.Field{Value: tt.read, Conf: 0.02, Confs: tt.confs, Box: box}
			got, ok := p.glyphConfirm(img, f, tt.entered)
			if ok != tt.confirmed {
				t.Fatalf("confirmed %v, want %v", ok, tt.confirmed)
			}
			if ok && (got.Value != tt.entered || got.Read != tt.read || got.Box != box) {
				t.Errorf("got %+v, want the entered value with the OCR's reading kept", got)
			}
			if !ok && got.Value != tt.read {
				t.Errorf("unconfirmed field changed: %+v", got)
			}
		})
	}
}

// TestGlyphConfirmTallBox: a second reading of a licence's name gives
// one box and no rune boxes, and the box may run into the line below
// (深圳睿辉 read 深圳大是 from a box 67 pixels high around a 35-pixel
// line, held-out app-7-00014): the characters are placed on the band of
// inked rows that is one line of the name.
func TestGlyphConfirmTallBox(t *testing.T) {
	p := glyphPipeline(t)
	img := cardLines(t, "深圳睿辉信息技术有限公司", "有限责任公司")
	name := inkOf(cardLines(t, "深圳睿辉信息技术有限公司"))
	tall := ocr.Box{X: name.X, Y: name.Y - 4, W: name.W, H: 56 + name.H} // the line below too
	tests := []struct {
		name, entered string
		box           ocr.Box
		confirmed     bool
	}{
		{"the name's line", "深圳睿辉信息技术有限公司", tall, true},
		{"another name entered", "深圳恒达信息技术有限公司", tall, false},
		{"no line of the name in the box", "深圳睿辉信息技术有限公司", ocr.Box{X: name.X, Y: name.Y, W: name.W / 2, H: 112}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := extract.Field{Value: "深圳大是信息技术有限公司", Conf: 0.3, Confs: []float64{0.95, 0.95, 0.33, 0.25, 0.9, 0.9, 0.9, 0.9, 0.9, 0.9, 0.9, 0.9}, Box: tt.box}
			if _, ok := p.glyphConfirm(img, f, tt.entered); ok != tt.confirmed {
				t.Errorf("confirmed %v, want %v", ok, tt.confirmed)
			}
		})
	}
}

// TestGlyphConfirmRuneBoxes: Tesseract's rune boxes of a card's name may
// be wrong for one rune and right for another (app-11-00027, 贺芳霞 read
// 货芳起: the first rune's box as wide as the name, the last one's fit),
// and no one placement holds every differing character: each character
// is looked for in the cell of whichever placement finds it. A name the
// ink does not show stays unconfirmed.
func TestGlyphConfirmRuneBoxes(t *testing.T) {
	p := glyphPipeline(t)
	img := grayFile(t, "../testdata/cards/name-rune-boxes.png")
	f := extract.Field{Value: "货芳起", Conf: 0.45, Confs: []float64{0.51, 0.53, 0.45}, Box: ocr.Box{X: 40, Y: 27, W: 123, H: 55},
		Boxes: []ocr.Box{{X: 40, Y: 30, W: 119, H: 42}, {X: 94, Y: 27, W: 39, H: 55}, {X: 132, Y: 27, W: 31, H: 55}}}
	for _, tt := range []struct {
		entered   string
		confirmed bool
	}{
		{"贺芳霞", true},
		{"贺芳娟", false},
		{"贾芳霞", false},
	} {
		t.Run(tt.entered, func(t *testing.T) {
			if _, ok := p.glyphConfirm(img, f, tt.entered); ok != tt.confirmed {
				t.Errorf("confirmed %v, want %v", ok, tt.confirmed)
			}
		})
	}
}

// TestInkRows: a rune box twice a line high is cut to its ink's rows,
// blank rows inside a character (霞) kept; a square box is left alone.
func TestInkRows(t *testing.T) {
	img, ink := cardName(t, "霞")
	tall := ocr.Box{X: ink.X, Y: ink.Y - ink.H/2, W: ink.W, H: 2 * ink.H}
	if got := inkRows(img, tall); got.Y != ink.Y || got.H != ink.H {
		t.Errorf("inkRows(tall) = %+v, want rows %d..%d", got, ink.Y, ink.Y+ink.H)
	}
	square := ocr.Box{X: ink.X - 10, Y: ink.Y - 10, W: ink.H + 20, H: ink.H + 20}
	if got := inkRows(img, square); got != square {
		t.Errorf("inkRows(square) = %+v, want it unchanged", got)
	}
}

// TestGlyphConfirmInkSpan: a card's clear name the OCR boxed short and
// low (a real cut, red channel, of generated app-29-00006's legal
// representative's front: 贺蓉静, 42-pixel glyphs, boxed 13 pixels below
// their tops and 104 of their 135 pixels across, read 内全日) is shown
// in the cells of its line's ink; another name is not.
func TestGlyphConfirmInkSpan(t *testing.T) {
	p := glyphPipeline(t)
	img := grayFile(t, "../testdata/cards/name-box-short.png")
	f := extract.Field{Value: "内全日", Conf: 0.16, Box: ocr.Box{X: 82, Y: 45, W: 104, H: 32}}
	for _, tt := range []struct {
		want  string
		shown bool
	}{{"贺蓉静", true}, {"刘德华", false}, {"贺蓉", false}} {
		got, ok := p.glyphConfirm(img, f, tt.want)
		if ok != tt.shown || ok && got.Value != tt.want {
			t.Errorf("%s: %q shown %v, want %v", tt.want, got.Value, ok, tt.shown)
		}
	}
}
