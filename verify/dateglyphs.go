package verify

import (
	"fmt"
	"image"
	"slices"

	"github.com/qualcheck/qualcheck/extract"
	"github.com/qualcheck/qualcheck/ocr"
)

// Date glyph check: a letter's handwriting-like date that neither the page
// nor the second readings read (2026车07.有NI日表 for 2026年07月17日,
// half of it under the seal) is compared, character by character, with
// the form's date drawn in the reference fonts. The written date's ink
// is found along the line the page read it on and cut between its
// characters; every character's cell must look like the form's character
// by dateGlyphFloor and more, by dateGlyphMargin, than like any other
// character a date is written with, so a 3 that looks as much like an 8
// confirms nothing, and the cells together must hold all the ink.
const (
	dateGlyphFloor  = 0.5
	dateGlyphMargin = 0.05
)

// dateRule holds a written date's cells to the characters of dates.
var dateRule = glyphRule{alphabet: dateRunes, floor: dateGlyphFloor, margin: dateGlyphMargin}

// dateRunes are the characters a written date is made of: each cell is
// weighed against all of them.
var dateRunes = []rune(digits + "年月日")

// glyphDate reports whether the written date text (the page's reading,
// with its runes' boxes) on img spells entered as a letter writes it
// (2026年07月01日, or 2026年7月1日), and the least likeness of its
// characters.
func (p *Pipeline) glyphDate(img *image.Gray, text extract.Field, entered string) (float64, bool) {
	d, ok := isoDate(entered)
	if p.cfg.Glyphs == nil || !ok {
		return 0, false
	}
	for _, span := range writtenSpans(img, text) {
		for _, want := range writtenDates(d) {
			if conf, ok := p.spanShows(img, span, []rune(want), dateRule); ok {
				return conf, true
			}
		}
	}
	return 0, false
}

// writtenDates are the ways a letter writes d: 2026年07月01日 and
// 2026年7月1日 (one way for 2026年11月21日).
func writtenDates(d extract.Date) []string {
	return slices.Compact([]string{fmt.Sprintf("%04d年%02d月%02d日", d.Y, d.M, d.D), fmt.Sprintf("%d年%d月%d日", d.Y, d.M, d.D)})
}

// writtenSpans are the boxes the written date's ink may take on img: on
// the line the page read it on (the run of inked rows about its runes'
// median centre line), ending where the ink after its first rune stops
// for more than a character, starting at any stretch of ink from five
// characters before that rune to half a character into it, as the page
// may have lost the year or read the label "日期：" with the date.
func writtenSpans(img *image.Gray, text extract.Field) []ocr.Box {
	band, ok := dateBand(text)
	if !ok {
		return nil
	}
	h := band.H / 2
	row, ok := textRow(img, ocr.Box{X: band.X - 5*h, Y: band.Y + h/4, W: band.W + 7*h, H: band.H - h/2}, band.Y+h)
	if !ok {
		return nil
	}
	return rowSpans(img, row, text.Boxes[0].X, 5*row.H, row.H)
}
