package verify

import (
	"testing"

	"github.com/qualcheck/qualcheck/extract"
	"github.com/qualcheck/qualcheck/ocr"
)

// TestGlyphInserted: held-out app-17-00004's licence name (a cut of its
// red channel), 重庆明逸智能设备有限公司 read 重庆明和逸智能设备有限公司 at
// 0.02, the 辶 of 逸 read as 和. The form's name is shown where 逸's cell
// looks like 逸 (0.74) and not 和 (0.24); not when the extra character
// was read surely, nor when the form lacks a character the ink has.
func TestGlyphInserted(t *testing.T) {
	p := glyphPipeline(t)
	img := grayFile(t, "../testdata/cards/licence-name-component.png")
	box := ocr.Box{X: 50, Y: 30, W: 319, H: 47}
	confs := func(n int, at int, c float64) []float64 {
		out := make([]float64, n)
		for i := range out {
			out[i] = 0.5
		}
		out[at] = c
		return out
	}
	tests := []struct {
		name, read, want string
		confs            []float64
		shown            bool
	}{
		{"a component read as a character", "重庆明和逸智能设备有限公司", "重庆明逸智能设备有限公司", confs(13, 3, 0.02), true},
		{"the extra character read surely", "重庆明和逸智能设备有限公司", "重庆明逸智能设备有限公司", confs(13, 3, 0.9), false},
		{"the form lacks a character the ink has", "重庆明逸智能设备有限公司", "重庆明智能设备有限公司", confs(12, 3, 0.02), false},
		{"not one character more", "重庆明和逸智能设备有限公", "重庆明逸智能设备有限公司", confs(12, 3, 0.02), false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := extract.Field{Value: tt.read, Conf: 0.02, Confs: tt.confs, Box: box}
			got, ok := p.glyphInserted(img, f, tt.want)
			if ok != tt.shown {
				t.Fatalf("shown %v, want %v", ok, tt.shown)
			}
			if ok && (got.Value != tt.want || got.Read != tt.read) {
				t.Errorf("got %+v", got)
			}
		})
	}
}

func TestInsertedAt(t *testing.T) {
	tests := []struct {
		v, e string
		k    int
		ok   bool
	}{
		{"明和逸", "明逸", 1, true},
		{"和信和贸易", "和信贸易", 2, true},
		{"明逸和", "明逸", 2, true},
		{"明和达", "明逸", 0, false},
		{"明逸", "明逸", 0, false},
	}
	for _, tt := range tests {
		k, ok := insertedAt([]rune(tt.v), []rune(tt.e))
		if ok != tt.ok || ok && k != tt.k {
			t.Errorf("insertedAt(%s, %s) = %d, %v; want %d, %v", tt.v, tt.e, k, ok, tt.k, tt.ok)
		}
	}
}
