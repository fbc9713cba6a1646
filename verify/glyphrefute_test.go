package verify

import (
	"testing"

	"github.com/qualcheck/qualcheck/extract"
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
