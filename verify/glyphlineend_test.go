package verify

import (
	"testing"

	"github.com/qualcheck/qualcheck/extract"
	"github.com/qualcheck/qualcheck/ocr"
)

// TestGlyphLineEnd: two licences' addresses (cuts of their red
// channels) wrapped after a room number whose last digit the page read
// lost: held-out app-37-00016's 1516 | 室 read 151室, app-13-00003's
// 2818 | 室 read 281室. The form's address is shown where the digit's ink
// right of the box is its digit, not where the form names another digit
// or the reading lost one inside the line.
func TestGlyphLineEnd(t *testing.T) {
	p := glyphPipeline(t)
	const (
		gz = "广东省广州市南沙区长江路322号7幢"
		cd = "四川省成都市金牛区金融街898号5幢"
	)
	tests := []struct {
		name, file, read, want string
		box                    ocr.Box
		shown                  bool
	}{
		{"6 lost at the line's end", "licence-address-line-end.png", gz + "151室", gz + "1516室", ocr.Box{X: 40, Y: 30, W: 300, H: 46}, true},
		{"the form's 8 where the ink is 6", "licence-address-line-end.png", gz + "151室", gz + "1518室", ocr.Box{X: 40, Y: 30, W: 300, H: 46}, false},
		{"8 lost, the box ending inside the 1", "licence-address-line-end-2.png", cd + "281室", cd + "2818室", ocr.Box{X: 40, Y: 30, W: 327, H: 45}, true},
		{"the form's 9 where the ink is 8", "licence-address-line-end-2.png", cd + "281室", cd + "2819室", ocr.Box{X: 40, Y: 30, W: 327, H: 45}, false},
		{"a digit lost inside the line", "licence-address-line-end.png", gz + "156室", gz + "1516室", ocr.Box{X: 40, Y: 30, W: 320, H: 46}, false},
		{"one line, no wrap", "licence-address-line-end.png", gz + "151室", gz + "1516室", ocr.Box{X: 40, Y: 30, W: 300, H: 20}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			img := grayFile(t, "../testdata/cards/"+tt.file)
			f := extract.Field{Value: tt.read, Conf: 0.75, Box: tt.box}
			got, ok := p.glyphLineEnd(img, f, tt.want)
			if ok != tt.shown {
				t.Fatalf("shown %v, want %v", ok, tt.shown)
			}
			if ok && (got.Value != tt.want || got.Read != tt.read) {
				t.Errorf("got %+v", got)
			}
		})
	}
}
