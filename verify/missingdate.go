package verify

import (
	"context"
	"image"

	"github.com/qualcheck/qualcheck/extract"
	"github.com/qualcheck/qualcheck/ocr"
)

// readMissingDateLine reads again, alone, the part of a letter under its
// blank before the date, when the page read found no date at all:
// Tesseract's page layout can drop a whole line at the foot of the
// signature block (generated app-23-00016's 日期：2025年01月27日, clear
// and unstamped, missing from the page read while the lines above it
// were read; app-23-00028's read as "aa"). The template puts the date
// within a few lines under that blank's label, left-aligned with it; the
// band there is read as a block from img (a letter's seal-free image),
// its lines stand for the page read's lines there (replaceIn), and the
// page is extracted again. On held-out seeds 19 and 23 this found the
// three commitment letters' dates that were "not found".
func (p *Pipeline) readMissingDateLine(ctx context.Context, r *DocResult, img *image.Gray) {
	if _, ok := r.Fields[extract.BlankDate]; ok || !r.Kind.IsLetter() {
		return
	}
	t, ok := extract.TemplateFor(p.cfg.Templates, r.Kind)
	if !ok {
		return
	}
	band, glyph, ok := missingDateBand(r.Page, t, img)
	if !ok {
		return
	}
	band = ocr.BoxOf(band.Rect().Intersect(img.Bounds()))
	if band.Empty() {
		return
	}
	page, ok := p.readCropLines(ctx, img, band, glyph, ocr.ReadOptions{PSM: ocr.PSMBlock})
	if !ok {
		return
	}
	r.Page.Lines = replaceIn(r.Page.Lines, page.Lines, band)
	r.Fields = p.extractFields(r.Kind, r.Page)
}

// missingDateBand is where a letter's date line lies when the page read
// lost it, and the height of the label's glyphs (its ink row on img; the
// page read's boxes are taller): under the label of the blank before the
// date, from the label's foot down six glyph heights (the commitment
// letter's signature line and the date's line, with their spacing),
// from a glyph left of the label across twenty (日期：2025年01月27日
// with room to spare).
func missingDateBand(page ocr.Page, t extract.Template, img *image.Gray) (ocr.Box, int, bool) {
	before, ok := t.BlankBefore(extract.BlankDate)
	if !ok {
		return ocr.Box{}, 0, false
	}
	lb, ok := extract.LabelBox(page, before.Label)
	if !ok || lb.H <= 0 {
		return ocr.Box{}, 0, false
	}
	row, ok := textRow(img, ocr.Box{X: lb.X, Y: lb.Y - lb.H, W: lb.W, H: 3 * lb.H}, lb.Y+lb.H/2)
	if !ok {
		return ocr.Box{}, 0, false
	}
	g := row.H
	return ocr.Box{X: lb.X - g, Y: lb.Y + lb.H, W: 20 * g, H: 6 * g}, g, true
}

// replaceIn is have with the lines centred in band replaced by read's
// lines centred there: the band read alone stands for the page read's
// lines in it (a date line read "aa" in a box a third of its height,
// generated app-23-00028).
func replaceIn(have, read []ocr.Line, band ocr.Box) []ocr.Line {
	in := func(l ocr.Line) bool {
		c := image.Pt(l.Box.X+l.Box.W/2, l.Box.Y+l.Box.H/2)
		return c.In(band.Rect())
	}
	out := make([]ocr.Line, 0, len(have)+len(read))
	for _, l := range have {
		if !in(l) {
			out = append(out, l)
		}
	}
	for _, l := range read {
		if len(l.Words) > 0 && in(l) {
			out = append(out, l)
		}
	}
	return out
}
