package verify

import (
	"testing"

	"github.com/qualcheck/qualcheck/extract"
	"github.com/qualcheck/qualcheck/ocr"
)

// TestStrokesTell: pairs the glyph likeness cannot part, told by their
// strokes. 昊 and 吴, by those down their top component; real cuts (red
// channel): held-out app-19-00019's licence, 张飞昊 read 张飞吴 (昊 0.76,
// 吴 0.66); app-19-00015's handheld photo (吴娟, small) and
// app-19-00029's card (吴辉). The form's 昊 is shown by 昊's ink and not
// by 吴's; the form's 吴 read as 昊 is shown by 吴's ink. 凤 and 风, by
// those down their middle: held-out app-71-00018's card, 吴凤玉 read
// 关风玉, and app-53-00009's, 吴凤 printed large, read 吴风; and 吴风玉
// drawn in the cards' typeface (WenQuanYi Zen Hei, blurred), a 风 the
// form's 凤 must not take.
func TestStrokesTell(t *testing.T) {
	p := glyphPipeline(t)
	tests := []struct {
		name, file, read, want string
		box                    ocr.Box
		shown                  bool
	}{
		{"昊 read 吴 on a licence", "name-hao.png", "张飞吴", "张飞昊", ocr.Box{X: 25, Y: 25, W: 100, H: 56}, true},
		{"吴's ink is no 昊", "name-wu.png", "吴辉", "昊辉", ocr.Box{X: 20, Y: 20, W: 113, H: 88}, false},
		{"吴's small ink is no 昊", "name-wu-small.png", "吴娟", "昊娟", ocr.Box{X: 20, Y: 20, W: 61, H: 46}, false},
		{"吴 read 昊", "name-wu.png", "昊辉", "吴辉", ocr.Box{X: 20, Y: 20, W: 113, H: 88}, true},
		{"昊's ink is no 吴", "name-hao.png", "张飞昊", "张飞吴", ocr.Box{X: 25, Y: 25, W: 100, H: 56}, false},
		{"凤 read 风 on a card", "name-feng-3.png", "吴风玉", "吴凤玉", ocr.Box{X: 20, Y: 20, W: 202, H: 73}, true},
		{"凤 read 风, printed large", "name-feng-2.png", "吴风", "吴凤", ocr.Box{X: 20, Y: 20, W: 126, H: 98}, true},
		{"风's ink is no 凤", "name-feng-drawn.png", "吴风玉", "吴凤玉", ocr.Box{X: 20, Y: 24, W: 133, H: 47}, false},
		{"风 read 凤", "name-feng-drawn.png", "吴凤玉", "吴风玉", ocr.Box{X: 20, Y: 24, W: 133, H: 47}, true},
		{"凤's ink is no 风", "name-feng-3.png", "吴凤玉", "吴风玉", ocr.Box{X: 20, Y: 20, W: 202, H: 73}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			img := grayFile(t, "../testdata/cards/"+tt.file)
			f := extract.Field{Value: tt.read, Conf: 0.3, Box: tt.box}
			got, ok := p.glyphConfirm(img, f, tt.want)
			if ok != tt.shown {
				t.Fatalf("shown %v, want %v", ok, tt.shown)
			}
			if ok && got.Value != tt.want {
				t.Errorf("got %q", got.Value)
			}
		})
	}
}
