package verify

import (
	"testing"

	"github.com/qualcheck/qualcheck/extract"
	"github.com/qualcheck/qualcheck/ocr"
)

// TestGlyphRefute: a legal representative's card whose name the OCR read
// unsurely as another person's stands as read only when the ink is
// clearly that other name and not the form's (for a name of another
// length: its ink as long as the reading, its surname another); a misread
// card of the form's person, a character read too many or lost, a longer
// name with the form's surname, and the administrator's card keep the
// reading unsure.
func TestGlyphRefute(t *testing.T) {
	p := glyphPipeline(t)
	tests := []struct {
		name, ink, read, entered, role string
		refuted                        bool
	}{
		{"another person's card", "尹辉", "尹辉", "曹蕾", RoleLegalRepIDFront, true},
		{"another person's card, misread", "尹辉", "尹晖", "曹蕾", RoleLegalRepIDFront, true},
		{"the form's person, misread", "曹蕾", "曹雷", "曹蕾", RoleLegalRepIDFront, false},
		{"the form's person, rare character misread", "廖鑫", "廖镭", "廖鑫", RoleLegalRepIDFront, false},
		{"another person's card, a name of another length", "贾薇薇", "贾葵葵", "杨军", RoleLegalRepIDFront, true},
		{"a longer name, the surname the form's", "杨军伟", "杨军伟", "杨军", RoleLegalRepIDFront, false},
		{"the form's person, a character too many read", "曹蕾", "晋曹蕾", "曹蕾", RoleLegalRepIDFront, false},
		{"the form's person, a character lost", "贾薇薇", "薇薇", "贾薇薇", RoleLegalRepIDFront, false},
		{"the administrator's card", "尹辉", "尹辉", "曹蕾", RoleAdminIDFront, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			img, box := cardName(t, tt.ink)
			f := extract.Field{Value: tt.read, Conf: 0.03, Box: box}
			r := &DocResult{Ref: DocumentRef{Role: tt.role}, Kind: extract.KindIDFront}
			got, ok := p.glyphRefute(img, r, extract.FName, f, tt.entered)
			if ok != tt.refuted {
				t.Fatalf("refuted %v, want %v", ok, tt.refuted)
			}
			if ok && (got.Value != tt.read || got.Conf < mismatchConf) {
				t.Errorf("got %+v, want the reading, sure", got)
			}
		})
	}
}

// TestGlyphRefuteOtherLength: held-out legal representatives' cards of
// another person whose name is of another length than the form's, cut
// from their red channels: 李瑶萍 for the form's 罗彤 (app-19-00017, its
// surname 0.48 like 李 and 0.15 like 罗) and 廖娜 read 雇娜 for 熊云晶
// (app-23-00012, 0.55 like 雇 and 0.35 like 熊). Neither surname is its
// reading's by the 0.6 floor, but neither is the form's: with the ink as
// long as the reading, the reading stands. A reading a character shorter
// than its ink, and the form's person (廖, 0.79 like the form's 廖) whose
// ink measured a character short of the form's name, stay unsure.
// 侯佳 read 修佳 for the form's 姚航振 (app-71-00001): its surname is no
// more like the misread 修 than like 姚 (0.44 each), but under 0.5 like
// the form's it is not the form's; the form's 侯佳佳, whose surname the
// ink shows, stays unsure. A box that lost the name's first character
// (app-59-00025's 贺磊健 boxed over 磊健, read 大健, its first cell 0.17
// like 贺) measures neither the name's length nor its surname: unsure.
func TestGlyphRefuteOtherLength(t *testing.T) {
	p := glyphPipeline(t)
	tests := []struct {
		file, read, entered string
		box                 ocr.Box
		refuted             bool
	}{
		{"name-other-longer.png", "李瑶萍", "罗彤", ocr.Box{X: 50, Y: 50, W: 177, H: 66}, true},
		{"name-other-shorter.png", "雇娜", "熊云晶", ocr.Box{X: 50, Y: 50, W: 89, H: 61}, true},
		{"name-other-longer.png", "季瑶", "罗彤", ocr.Box{X: 50, Y: 50, W: 177, H: 66}, false},
		{"name-other-shorter.png", "雇娜", "廖娜娜", ocr.Box{X: 50, Y: 50, W: 89, H: 61}, false},
		{"name-other-surname-misread.png", "修佳", "姚航振", ocr.Box{X: 50, Y: 50, W: 87, H: 63}, true},
		{"name-other-surname-misread.png", "修佳", "侯佳佳", ocr.Box{X: 50, Y: 50, W: 87, H: 63}, false},
		{"name-box-late.png", "大健", "贺磊健", ocr.Box{X: 123, Y: 37, W: 124, H: 94}, false},
	}
	for _, tt := range tests {
		t.Run(tt.read+"/"+tt.entered, func(t *testing.T) {
			img := grayFile(t, "../testdata/cards/"+tt.file)
			f := extract.Field{Value: tt.read, Conf: 0.42, Box: tt.box}
			r := &DocResult{Ref: DocumentRef{Role: RoleLegalRepIDFront}, Kind: extract.KindIDFront}
			if _, ok := p.glyphRefute(img, r, extract.FName, f, tt.entered); ok != tt.refuted {
				t.Errorf("refuted %v, want %v", ok, tt.refuted)
			}
		})
	}
}
