package verify

import (
	"image"
	"image/color"
	"image/draw"
	"slices"
	"testing"

	"golang.org/x/image/font"
	"golang.org/x/image/math/fixed"

	"github.com/qualcheck/qualcheck/extract"
	"github.com/qualcheck/qualcheck/ocr"
)

// dateLine draws a letter's date line: the printed label 日期： and the
// date written after it as the letters' fills are (AR PL UKai, 26 px),
// and returns the image and the box of the written date.
func dateLine(t *testing.T, written string) (*image.Gray, ocr.Box) {
	t.Helper()
	label := testFace(t, "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc", 26)
	fill := testFace(t, "/usr/share/fonts/truetype/arphic/ukai.ttc", 26)
	g := image.NewGray(image.Rect(0, 0, 520, 90))
	draw.Draw(g, g.Bounds(), image.NewUniform(color.Gray{Y: 215}), image.Point{}, draw.Src)
	d := font.Drawer{Dst: g, Src: image.NewUniform(color.Gray{Y: 30}), Face: label, Dot: fixed.P(20, 55)}
	d.DrawString("日期：")
	x0 := d.Dot.X.Round()
	d.Face, d.Src = fill, image.NewUniform(color.Gray{Y: 60})
	d.DrawString(written)
	return g, ocr.Box{X: x0, Y: 55 - 23, W: d.Dot.X.Round() - x0, H: 26}
}

// TestGlyphDate: a written date the OCR could not read is taken as the
// form's only when every character's ink is clearly the form's; a form
// date one digit off, in any place, is not confirmed.
func TestGlyphDate(t *testing.T) {
	p := glyphPipeline(t)
	tests := []struct {
		name, written, page string
		lostYear            bool // the page read from 年 on
		entered             string
		want                bool
	}{
		{"the form's date", "2026年07月17日", "2026车07.有NI日表", false, "2026-07-17", true},
		{"the page lost the year", "2026年07月17日", "年o7让1日", true, "2026-07-17", true},
		{"written without zeros", "2025年3月9日", "2025年3丰反日", false, "2025-03-09", true},
		{"another day", "2026年07月17日", "2026车07.有NI日表", false, "2026-07-18", false},
		{"another day, one digit", "2026年07月17日", "2026车07.有NI日表", false, "2026-07-11", false},
		{"another month", "2026年07月17日", "2026车07.有NI日表", false, "2026-01-17", false},
		{"another year", "2026年07月17日", "2026车07.有NI日表", false, "2025-07-17", false},
		{"another day, 3 for 8", "2025年06月08日", "2025秆b沪08日了", false, "2025-06-03", false},
		{"nothing written", "", "2025秆b沪08日了", false, "2025-06-08", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			img, box := dateLine(t, tt.written)
			if tt.lostYear {
				yearW := box.W * 4 / 10
				box.X, box.W = box.X+yearW, box.W-yearW
			}
			text := extract.Field{Value: tt.page, Box: box, Boxes: runeBoxes(box, len([]rune(tt.page)))}
			if _, got := p.glyphDate(img, text, tt.entered); got != tt.want {
				t.Errorf("glyphDate(%s) = %v, want %v", tt.entered, got, tt.want)
			}
		})
	}
}

func TestInkEnd(t *testing.T) {
	cols := func(s string) []int {
		out := make([]int, len(s))
		for i, c := range s {
			if c == '#' {
				out[i] = 5
			}
		}
		return out
	}
	tests := []struct {
		cols      string
		from, gap int
		end       int
		ok        bool
	}{
		{"..##.##..##......##", 2, 2, 11, true},
		{"..##.##..##......##", 2, 6, 19, true},
		{"..##", 0, 2, 4, true},
		{"..##", 0, 1, 0, false}, // the ink begins further than gap
		{".....", 0, 2, 0, false},
	}
	for _, tt := range tests {
		end, ok := inkEnd(cols(tt.cols), tt.from, tt.gap)
		if end != tt.end || ok != tt.ok {
			t.Errorf("inkEnd(%s, %d, %d) = %d, %v; want %d, %v", tt.cols, tt.from, tt.gap, end, ok, tt.end, tt.ok)
		}
	}
}

func TestCuts(t *testing.T) {
	tests := []struct {
		name string
		cols []int
		h    int
		want []int
	}{
		{"blank runs cut at their middle", []int{5, 5, 0, 0, 0, 5, 5, 0, 5}, 20, []int{0, 3, 7, 9}},
		{"touching characters cut at their thinnest column", []int{9, 8, 3, 2, 4, 9, 9}, 20, []int{0, 3, 7}},
		{"a thinnest column too inked for a join is no cut", []int{9, 8, 7, 8, 9}, 20, []int{0, 5}},
		{"no cut a column from the last", []int{5, 0, 5, 5, 5}, 20, []int{0, 5}},
	}
	for _, tt := range tests {
		if got := cuts(tt.cols, tt.h); !slices.Equal(got, tt.want) {
			t.Errorf("%s: cuts(%v, %d) = %v, want %v", tt.name, tt.cols, tt.h, got, tt.want)
		}
	}
}
