package verify

import (
	"image"
	"strings"
	"unicode"

	"github.com/qualcheck/qualcheck/extract"
	"github.com/qualcheck/qualcheck/ocr"
)

// Glyph check: chi_sim's fast model misreads rare name characters (鑫 as
// 镭, 昊 as 吴, 璐 as 责) at a confidence near 0, so a correctly entered
// name would go to a human on every such card. Where the OCR was unsure
// of a character and the form gives another, the character's ink is
// compared with both drawn in reference fonts; the form's character is
// taken only when it is clearly the more alike (glyphMargin) and alike
// in itself (glyphFloor), and every differing character must pass. A
// character the OCR read surely is never overruled. On the generated
// corpus a character unlike the ink scored at most 0.50 against it.
const (
	glyphFloor  = 0.6
	glyphMargin = 0.1
)

// letterBlanks are the letters' blanks that hold a form's value.
var letterBlanks = []struct{ blank, field string }{
	{blankEnterprise, FieldEnterpriseName},
	{blankAdminName, FieldAdminName},
}

// expectations are the form's values a document of role (or, in a
// packet, of kind k) should show, by extracted field: the text fields
// and letter blanks whose characters the glyph check may confirm.
func expectations(form Form, role string, k extract.Kind) map[string][]string {
	roles := []string{role}
	if role == RolePacket {
		roles = kindRoles[k]
	}
	out := map[string][]string{}
	if k == extract.KindCommitmentLetter || k == extract.KindApplicationLetter {
		for _, b := range letterBlanks {
			if v := form.Value(b.field); v != "" {
				out[b.blank] = append(out[b.blank], v)
			}
		}
	}
	for _, s := range fieldSpecs {
		if s.kind != kindText || s.diffOnly {
			continue
		}
		for _, src := range s.sources {
			if v := form.Value(s.field); v != "" && containsString(roles, src.role) {
				out[src.key] = append(out[src.key], v)
			}
		}
	}
	return out
}

func containsString(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// confirmByGlyphs replaces a field read unsurely with the form's value
// when the differing characters' ink looks like the form's characters.
// The OCR's own reading stays in the field's Read for the reviewer.
func (p *Pipeline) confirmByGlyphs(r *DocResult, red *image.Gray, form Form) {
	if p.cfg.Glyphs == nil {
		return
	}
	for key, wants := range expectations(form, r.Ref.Role, r.Kind) {
		f, ok := r.Fields[key]
		if !ok || f.Box.Empty() {
			continue
		}
		for _, want := range wants {
			if nf, ok := p.glyphConfirm(red, f, want); ok {
				r.Fields[key] = nf
				break
			}
			if nf, ok := p.glyphTail(red, f, want); ok {
				r.Fields[key] = nf
				break
			}
		}
	}
}

// glyphConfirm decides whether f, read from red, shows want.
func (p *Pipeline) glyphConfirm(red *image.Gray, f extract.Field, want string) (extract.Field, bool) {
	e, v := []rune(extract.Canon(want)), []rune(extract.Canon(f.Value))
	diff := differing(e, v)
	if len(e) != len(v) || len(diff) == 0 || !glyphCells(e) {
		return f, false
	}
	line := ocr.NewInkLine(red, f.Box)
	conf := 1.0
	for _, i := range diff {
		if runeConf(f, i) >= mismatchConf || unicode.IsSpace(v[i]) {
			return f, false
		}
		le, lv := p.cellLikeness(line, len(e), i, e[i]), p.cellLikeness(line, len(e), i, v[i])
		if le < glyphFloor || le-lv < glyphMargin {
			return f, false
		}
		conf = min(conf, le)
	}
	return extract.Field{Value: want, Conf: conf, Box: f.Box, Read: f.Value}, true
}

// glyphTail completes an address the OCR cut short by its last
// character (a 室 or 层 lost at the end of the line): that character's
// ink must stand just right of the value's box and look more like it than
// like any other character an address ends with.
func (p *Pipeline) glyphTail(red *image.Gray, f extract.Field, want string) (extract.Field, bool) {
	e, v := []rune(extract.Canon(want)), []rune(extract.Canon(f.Value))
	if len(v) < 2 || len(e) != len(v)+1 || string(e[:len(v)]) != string(v) {
		return f, false
	}
	last := e[len(v)]
	if !strings.ContainsRune(extract.AddressEnds, last) || 2*f.Box.W < len(v)*f.Box.H { // one line
		return f, false
	}
	h := f.Box.H
	cell := ocr.Box{X: f.Box.X + f.Box.W, Y: f.Box.Y, W: h * 3 / 2, H: h}
	line := ocr.NewInkLine(red, cell)
	like, other := p.cellLikeness(line, 1, 0, last), 0.0
	for _, r := range extract.AddressEnds {
		if r != last {
			other = max(other, p.cellLikeness(line, 1, 0, r))
		}
	}
	if like < glyphFloor || like-other < glyphMargin {
		return f, false
	}
	return extract.Field{Value: want, Conf: min(f.Conf, like), Box: f.Box.Union(cell), Read: f.Value}, true
}

// differing lists the positions where equally long e and v differ.
func differing(e, v []rune) []int {
	var out []int
	for i := range min(len(e), len(v)) {
		if e[i] != v[i] {
			out = append(out, i)
		}
	}
	return out
}

// glyphCells reports whether every character of e fills one square
// cell, so that a line's box splits evenly: Han characters and the
// full-width brackets of enterprise names.
func glyphCells(e []rune) bool {
	for _, r := range e {
		if !unicode.Is(unicode.Han, r) && r != '(' && r != ')' {
			return false
		}
	}
	return true
}

func runeConf(f extract.Field, i int) float64 {
	if len(f.Confs) == len([]rune(f.Value)) && i < len(f.Confs) {
		return f.Confs[i]
	}
	return f.Conf
}

// cellLikeness is the best likeness of r to cell i of n even cells of
// line, the cell shifted by up to a fifth of its width either way: a
// line's box is not always exactly its characters.
func (p *Pipeline) cellLikeness(line ocr.InkLine, n, i int, r rune) float64 {
	b := line.Bounds()
	w := float64(b.Dx()) / float64(n)
	best := 0.0
	for _, shift := range []float64{0, -0.1, 0.1, -0.2, 0.2} {
		x0 := b.Min.X + int((float64(i)+shift)*w)
		cell := image.Rect(x0, b.Min.Y, x0+int(w+0.5), b.Max.Y)
		best = max(best, p.cfg.Glyphs.Likeness(line, cell, r))
	}
	return best
}
