package verify

import (
	"context"
	"image"
	"slices"
	"sort"

	"github.com/qualcheck/qualcheck/extract"
	"github.com/qualcheck/qualcheck/ocr"
)

// writtenLine is how a kind of written line is read again: the
// characters it is made of ("" for any), and whether its crop is made
// black and white first, at the midpoint of ink and paper. An ID card's
// validity is cut from the red channel, where that drops a seal's faint
// remnant; a letter's date and blanks from the letter's seal-free image
// (ocr.SealFree), where the seal is gone already and a fill written over
// it is paler than that midpoint. On the seed-1 letters whose date the
// page misread (34), the second reading confirmed 17 from the seal-free
// image, 8 from the red channel made black and white, with no false
// confirmation in either against six fake form dates each (±1, ±6, ±10
// days).
type writtenLine struct {
	chars   string
	twoTone bool
}

var (
	letterDateLine = writtenLine{chars: "0123456789年月日"}               // 2026年05月08日
	idDateLine     = writtenLine{chars: "0123456789.-", twoTone: true} // 2024.10.21-2044.10.21
	blankLine      = writtenLine{}                                     // a letter's name blank
)

// fillGlyphs are the glyph heights a written line (a date, a letter's
// name blank) is read again at: the handwriting-like fill of a letter
// reads differently at each, and one agreeing reading is enough while
// none may contradict. A third size (20 px) confirmed no more of the
// seed-1 letters' dates and one fake date more.
var fillGlyphs = []float64{24, 30}

// rereadDates looks again at the dates the page read did not read as the
// form's: a letter's signature-block date and an ID card's validity. img
// is the image a document's fills are cut from: for a letter, its
// seal-free image.
func (p *Pipeline) rereadDates(ctx context.Context, r *DocResult, img *image.Gray, form Form) {
	roles := docRoles(r.Ref.Role, r.Kind)
	switch r.Kind {
	case extract.KindCommitmentLetter, extract.KindApplicationLetter:
		p.confirmDate(ctx, r, img, extract.BlankDate, r.Fields[extract.BlankDateText], form.Value(formFieldOf(roles, extract.BlankDate)), letterDateLine)
	case extract.KindIDBack:
		for _, key := range []string{extract.FValidFrom, extract.FValidTo} {
			p.confirmDate(ctx, r, img, key, r.Fields[key], form.Value(formFieldOf(roles, key)), idDateLine)
		}
	}
}

// confirmDate reads the date r.Fields[key] again, unless the page read
// it as entered or read another date surely: its line alone (where
// text, the date as written, was read), as one line of its writtenLine's
// characters at two sizes. The form's date is taken when a reading
// holds exactly its eight digits and no reading is another date; on a
// letter, another date is taken, as read surely, when every reading
// names it with eight digits and the page's reading is one digit from
// it (a written 07-02 for the form's 07-09, read 07-00 on the page). On
// the generated corpus's clean letters the two readings agreed on a wrong
// date once (2023-01-15 for 2025-11-15), three digits from the page's
// reading. A letter's date no reading settles is the form's when its
// ink, character by character, clearly shows it (glyphDate). The page's
// reading stays in Read for the reviewer.
func (p *Pipeline) confirmDate(ctx context.Context, r *DocResult, img *image.Gray, key string, text extract.Field, entered string, line writtenLine) {
	f, ok := r.Fields[key]
	if entered == "" || !ok || !f.Found() || entered == extract.LongTerm.String() {
		return
	}
	if f.Value == entered {
		if key == extract.BlankDate && f.Conf < lowConf && text.Found() && !spells(text.Value, entered) {
			// The page's unsure reading names the form's date only by
			// chance: 2026证08六9日0, a written 08-19 whose 1 was lost,
			// parsed 2026-08-09. It is the date as written until a
			// second reading or its glyphs show the form's. (Looking
			// again at every unsure reading of the form's date, also
			// 2026们01月20日, lost 13 of seed 1's 117 letter dates and
			// 3 of its 60 decisions.)
			r.Fields[key] = extract.Field{Value: text.Value, Conf: f.Conf, Box: f.Box, Read: f.Value}
			p.confirmDate(ctx, r, img, key, text, entered, line)
		}
		return
	}
	if read, valid := isoDate(f.Value); valid && f.Conf >= mismatchConf && !yearsApart(read, entered) {
		return
	}
	band, ok := dateBand(text)
	if !ok {
		return
	}
	agree, conf, others, whole := false, 0.0, []string{}, 0
	for _, g := range fillGlyphs {
		read, ok := p.readWrittenLine(ctx, img, band, g, line)
		p.logger.Debug("date read again", "key", key, "glyph_px", g, "read", read.Value)
		if d, dated := extract.ParseDate(read.Value); ok && dated && d.String() != entered {
			others = append(others, d.String())
			if extract.Digits(read.Value) == extract.Digits(d.String()) {
				whole++ // 2026年07月01日, not 2026年07月1日 for a written 17日
			}
		}
		if ok && extract.Digits(read.Value) == extract.Digits(entered) {
			agree, conf = true, max(conf, read.Conf)
		}
	}
	switch {
	case len(others) == 0 && agree:
		r.Fields[key] = extract.Field{Value: entered, Conf: conf, Box: f.Box, Read: f.Value}
	case key == extract.BlankDate && whole == len(fillGlyphs) && len(slices.Compact(slices.Clone(others))) == 1 && oneDigitApart(f.Value, others[0]):
		// Every second reading names the same other date with all its
		// eight digits, one digit from the page's reading: the letter
		// bears that date. A day read as one digit has lost one (the
		// letters write 07月01日), as the page's 2026年07月1让 for a
		// written 17日 was read 2026年07月1日 twice from the seal-free
		// image (generated app-1-00037).
		r.Fields[key] = extract.Field{Value: others[0], Conf: mismatchConf, Box: f.Box, Read: f.Value}
	case key == extract.BlankDate && !agree:
		// No second reading settled it: the ink is compared with the
		// form's date, character by character.
		if conf, ok := p.glyphDate(img, text, entered); ok {
			r.Fields[key] = extract.Field{Value: entered, Conf: conf, Box: f.Box, Read: f.Value}
		}
	}
}

// spells reports whether the digits of written are those of the ISO
// date entered as a letter writes it, with or without leading zeros
// (2026年07月01日, 2026年7月1日), the Latin letters the OCR reads for 1
// and 0 counted as those (2025年0i月12日).
func spells(written, entered string) bool {
	d, ok := isoDate(entered)
	if !ok {
		return false
	}
	digits := extract.CodeDigits(written)
	return slices.ContainsFunc(writtenDates(d), func(w string) bool { return extract.Digits(w) == digits })
}

// oneDigitApart reports whether two dates' digits differ in at most one
// place: the page's reading (2025-07-00, impossible) and a second
// reading's (2025-07-02) of the same written date.
func oneDigitApart(a, b string) bool {
	da, db := []rune(extract.Digits(a)), []rune(extract.Digits(b))
	return len(da) == len(db) && len(differing(da, db)) <= 1
}

// yearsApart reports whether read lies more than five years from the
// entered date: a year misread (2086 for 2026) however surely, for the
// second reading to settle.
func yearsApart(read extract.Date, entered string) bool {
	e, ok := isoDate(entered)
	return ok && (read.Y-e.Y > 5 || e.Y-read.Y > 5)
}

// formFieldOf is the one form field that documents of roles show under
// key; "" when none does or, on a packet's ID back (which may be either
// person's), more than one.
func formFieldOf(roles []string, key string) string {
	found := ""
	for _, s := range fieldSpecs {
		for _, src := range s.sources {
			if src.key == key && slices.Contains(roles, src.role) {
				if found != "" && found != s.field {
					return ""
				}
				found = s.field
			}
		}
	}
	return found
}

// dateBand is the strip a written date stands in: its characters'
// median height and centre line, from half a character before the first
// to a character after the last, two characters high. The medians keep a
// seal's stroke read as a tall glyph from stretching it.
func dateBand(f extract.Field) (ocr.Box, bool) {
	if len(f.Boxes) < 4 {
		return ocr.Box{}, false
	}
	h, cy := medianSize(f.Boxes)
	first, last := f.Boxes[0], f.Boxes[len(f.Boxes)-1]
	return ocr.Box{X: first.X - h/2, Y: cy - h, W: last.X + last.W - first.X + 3*h/2, H: 2 * h}, h >= 6
}

// medianSize is the median height and the median centre line of boxes,
// one character's each: a stroke read as a tall glyph does not move them.
func medianSize(boxes []ocr.Box) (h, cy int) {
	hs, cys := make([]int, len(boxes)), make([]int, len(boxes))
	for i, b := range boxes {
		hs[i], cys[i] = b.H, b.Y+b.H/2
	}
	sort.Ints(hs)
	sort.Ints(cys)
	return hs[len(hs)/2], cys[len(cys)/2]
}

// readWrittenLine reads band of img, two lines high about one written
// line, as that line alone, its characters brought to glyph pixels high.
func (p *Pipeline) readWrittenLine(ctx context.Context, img *image.Gray, band ocr.Box, glyph float64, line writtenLine) (extract.Field, bool) {
	crop := ocr.CropGray(img, band.Rect())
	if line.twoTone {
		ocr.TwoTone(crop)
	}
	up := min(4, max(0.2, glyph/float64(band.H/2)))
	page, err := p.readCut(ctx, crop, up, cropPad, ocr.ReadOptions{PSM: ocr.PSMSingleLine, Whitelist: line.chars})
	if err != nil {
		return extract.Field{}, false
	}
	return fieldOfPage(page), true
}
