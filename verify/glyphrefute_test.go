package verify

import (
	"testing"

	"github.com/qualcheck/qualcheck/extract"
)

// TestGlyphRefute: a legal representative's card whose name the OCR read
// unsurely as another person's stands as read only when the ink is
// clearly that other name and not the form's; a misread card of the
// form's person, a name of another length, and the administrator's card
// keep the reading unsure.
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
		{"lengths differ", "贾薇薇", "贾葵葵", "杨军", RoleLegalRepIDFront, false},
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
