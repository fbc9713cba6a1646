package verify

import (
	"context"
	"testing"

	"github.com/qualcheck/qualcheck/extract"
	"github.com/qualcheck/qualcheck/ocr"
)

// reading is a second reading of a blank, every character at conf.
func reading(v string, conf float64) extract.Field {
	f := field(v)
	for i := range f.Confs {
		f.Confs[i] = conf
	}
	return f
}

func TestAgreedName(t *testing.T) {
	sure, weak := reading("任博", 0.9), reading("任博", 0.5)
	tests := []struct {
		name     string
		readings []extract.Field
		want     string // "" for none
	}{
		{"two sure readings agree", []extract.Field{reading("在灶", 0.9), sure, sure}, "任博"},
		{"the label's colon is not part of the name", []extract.Field{reading(":任博", 0.9), reading("：任博", 0.9)}, "任博"},
		{"one reading is not enough", []extract.Field{reading("在灶", 0.9), sure}, ""},
		{"two names twice each: no agreement", []extract.Field{sure, sure, reading("在灶", 0.9), reading("在灶", 0.9)}, ""},
		{"a character read unsurely in every reading", []extract.Field{weak, weak, weak}, ""},
		{"each character read surely in one reading", []extract.Field{withConf(weak, 0, 0.9), withConf(weak, 1, 0.9)}, "任博"},
		{"the form's name is no other", []extract.Field{reading("赵俊", 0.9), reading("赵俊", 0.9)}, ""},
		{"a character the OCR is known to mistake", []extract.Field{reading("薛风", 0.9), reading("薛风", 0.9)}, ""},
		{"one character is no name", []extract.Field{reading("俊", 0.9), reading("俊", 0.9)}, ""},
		{"five characters are no name", []extract.Field{reading("重庆创云健", 0.9), reading("重庆创云健", 0.9)}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			form := "赵俊"
			if tt.name == "a character the OCR is known to mistake" {
				form = "薛凤"
			}
			got, ok := agreedName(tt.readings, form)
			if ok != (tt.want != "") || got.Value != tt.want {
				t.Errorf("agreedName = %q, %v; want %q", got.Value, ok, tt.want)
			}
		})
	}
}

// TestRefuteBlank: generated app-11-00010 wrote 任博, leaning, in the
// administrator blank for the form's 赵俊; the page read 人在灶, the
// second readings 在灶, 企灶 and twice 任博, and the blank's ink is that
// name's: the letter names another administrator. With the form's own
// name 任博 the blank is confirmed, never refuted. Generated
// app-37-00022 wrote 闫毅 for the form's 戴浩锋; the page read 闫费 and no
// two second readings agree, but the blank's ink is two characters long,
// not three, and its first is 闫's, not 戴's: another administrator. With
// the form's own name, one of the same surname, or one as long as the
// reading, that blank is not refuted.
func TestRefuteBlank(t *testing.T) {
	if testing.Short() {
		t.Skip("runs Tesseract")
	}
	p := realPipeline(t)
	p.cfg.Glyphs = glyphPipeline(t).cfg.Glyphs
	other := extract.Field{Value: "人在灶", Box: ocr.Box{X: 211, Y: 89, W: 70, H: 52}}
	shorter := extract.Field{Value: "闫费", Conf: 0.4, Confs: []float64{0.9, 0.2}, Box: ocr.Box{X: 212, Y: 107, W: 68, H: 33}}
	tests := []struct {
		file, legalRep string
		page           extract.Field
		form, want     string
		refuted        bool
	}{
		{"blank-other-name.png", "江伟伟", other, "赵俊", "任博", true},
		{"blank-other-name.png", "江伟伟", other, "任博", "任博", false},
		{"blank-other-length.png", "秦晶玉", shorter, "戴浩锋", "闫费", true},
		{"blank-other-length.png", "秦晶玉", shorter, "闫毅", "闫费", false},
		{"blank-other-length.png", "秦晶玉", shorter, "闫浩锋", "闫费", false},
		{"blank-other-length.png", "秦晶玉", shorter, "戴锋", "闫费", false},
	}
	for _, tt := range tests {
		t.Run(tt.file+"/"+tt.form, func(t *testing.T) {
			img := grayFile(t, "../testdata/letters/"+tt.file)
			r := DocResult{Ref: DocumentRef{Role: RoleApplicationLetter}, Kind: extract.KindApplicationLetter, Fields: extract.Fields{blankAdminName: tt.page}}
			p.rereadBlanks(context.Background(), &r, img, Form{AdminName: tt.form, LegalRepName: tt.legalRep})
			if got := r.Fields[blankAdminName]; got.Value != tt.want || r.Refuted[blankAdminName] != tt.refuted {
				t.Errorf("admin name = %+v, refuted %v; want %q, refuted %v", got, r.Refuted[blankAdminName], tt.want, tt.refuted)
			}
		})
	}
}

// TestLetterAdminRefuted: a letter's administrator name as long as the
// card's, read surely, is for a human; refuted by its glyphs, it is
// LETTER_ADMIN_MISMATCH.
func TestLetterAdminRefuted(t *testing.T) {
	for _, refuted := range []bool{false, true} {
		app, docs := cleanApp()
		d := letterDoc(docs, RoleApplicationLetter)
		d.Fields[blankAdminName] = field("何晖")
		want := ExpectedReason{Code: CodeLowConfidence, Role: RoleApplicationLetter, Field: FieldAdminName}
		if refuted {
			d.markRefuted(blankAdminName)
			want = ExpectedReason{Code: CodeLetterAdminMismatch, Role: RoleApplicationLetter, Field: FieldAdminName}
		}
		if v := testPipeline().Evaluate(app, docs); !HasReason(v, want) {
			t.Errorf("refuted %v: missing %+v; reasons %+v", refuted, want, v.Reasons)
		}
	}
}
