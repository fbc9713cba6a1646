package verify

import (
	"image"
	"slices"
	"unicode"

	"github.com/qualcheck/qualcheck/extract"
)

// Glyph refutation: a legal representative's ID card of another person
// (LEGAL_REP_MISMATCH) is read as unsurely as the right person's card
// (尹辉 at 0.03 on a card of 尹辉, for the form's 曹蕾, held-out
// app-7-00020) and went to a human. Where the card's name, read as long
// as the form's, differs from it in characters whose ink is clearly the
// OCR's character and not the form's (the OCR's at least glyphFloor
// alike and refuteMargin more alike than the form's, for every differing
// character, twice the margin that confirms the form's), the reading
// stands as sure. The legal representative's card only: the
// administrator's name is the form's own, and a misread one must not
// turn into a mismatch.
const refuteMargin = 2 * glyphMargin

// glyphRefute reports whether f, the name read on r, a legal
// representative's ID card front, from red, is by its glyphs surely not
// want, and the field with its confidence raised to mismatchConf.
func (p *Pipeline) glyphRefute(red *image.Gray, r *DocResult, key string, f extract.Field, want string) (extract.Field, bool) {
	if key != extract.FName || !slices.Contains(docRoles(r.Ref.Role, r.Kind), RoleLegalRepIDFront) || f.Conf >= mismatchConf {
		return f, false
	}
	e, v := []rune(extract.Canon(want)), []rune(extract.Canon(f.Value))
	diff := differing(e, v)
	if len(e) != len(v) || len(diff) == 0 || !allHan(string(v)) || !allHan(string(e)) {
		return f, false
	}
	for _, i := range diff {
		if unicode.IsSpace(v[i]) || extract.Confusable(e[i], v[i]) {
			return f, false
		}
	}
	for _, cells := range placements(red, f, v, e) {
		if _, ok := p.cellsShow(red, cells, diff, v, e, refuteMargin); ok {
			f.Conf = mismatchConf
			return f, true
		}
	}
	return f, false
}
