package verify

import (
	"context"
	"image"
	"sort"
	"strings"
	"unicode"

	"github.com/qualcheck/qualcheck/extract"
	"github.com/qualcheck/qualcheck/ocr"
)

// dateChars are the characters a written letter date is made of.
const dateChars = "0123456789年月日"

// dateGlyphs are the glyph heights a letter's date line is read again at:
// the handwriting-like fill of a letter reads differently at each, and
// one agreeing reading is enough while none may contradict.
var dateGlyphs = []float64{24, 30}

// rereadLetterDate looks again at a letter's signature-block date that
// the page read did not read as the form's date, unless it read another
// date surely: the date's line alone, black and white at the midpoint of
// ink and paper (which drops the seal's remnant), read as one line of
// digits and 年月日 at two sizes. The form's date is taken when a
// reading holds exactly its eight digits and no reading is another
// date; the page's reading stays in Read for the reviewer.
func (p *Pipeline) rereadLetterDate(ctx context.Context, r *DocResult, red *image.Gray, form Form) {
	entered := form.Value(letterDateField(r.Kind))
	f, ok := r.Fields[extract.BlankDate]
	if entered == "" || !ok || !f.Found() || f.Value == entered {
		return
	}
	if _, valid := isoDate(f.Value); valid && f.Conf >= mismatchConf {
		return
	}
	band, ok := dateBand(r.Fields[extract.BlankDateText])
	if !ok {
		return
	}
	agree, conf := false, 0.0
	for _, g := range dateGlyphs {
		read, ok := p.readDateBand(ctx, red, band, g)
		if d, dated := extract.ParseDate(read.Value); ok && dated && d.String() != entered {
			return // a second reading that names another date: for a human
		}
		if ok && digitsOf(read.Value) == digitsOf(entered) {
			agree, conf = true, max(conf, read.Conf)
		}
	}
	if agree {
		r.Fields[extract.BlankDate] = extract.Field{Value: entered, Conf: conf, Box: f.Box, Read: f.Value}
	}
}

// letterDateField is the form field holding the date of a letter kind.
func letterDateField(k extract.Kind) string {
	switch k {
	case extract.KindCommitmentLetter:
		return FieldCommitmentLetterDate
	case extract.KindApplicationLetter:
		return FieldApplicationLetterDate
	}
	return ""
}

// dateBand is the strip a written date stands in: its characters'
// median height and centre line, from half a character before the first
// to a character after the last, two characters high. The medians keep a
// seal's stroke read as a tall glyph from stretching it.
func dateBand(f extract.Field) (ocr.Box, bool) {
	if len(f.Boxes) < 4 {
		return ocr.Box{}, false
	}
	hs, cys := make([]int, len(f.Boxes)), make([]int, len(f.Boxes))
	for i, b := range f.Boxes {
		hs[i], cys[i] = b.H, b.Y+b.H/2
	}
	sort.Ints(hs)
	sort.Ints(cys)
	h, cy := hs[len(hs)/2], cys[len(cys)/2]
	first, last := f.Boxes[0], f.Boxes[len(f.Boxes)-1]
	return ocr.Box{X: first.X - h/2, Y: cy - h, W: last.X + last.W - first.X + 3*h/2, H: 2 * h}, h >= 6
}

// readDateBand reads band of red as one line of date characters, its
// characters brought to glyph pixels high.
func (p *Pipeline) readDateBand(ctx context.Context, red *image.Gray, band ocr.Box, glyph float64) (extract.Field, bool) {
	crop := ocr.CropGray(red, band.Rect())
	ocr.TwoTone(crop)
	up := min(4, max(0.2, glyph/float64(band.H/2)))
	page, err := p.reader.Read(ctx, ocr.Pad(ocr.ScaleGray(crop, up), 12), ocr.ReadOptions{PSM: ocr.PSMSingleLine, Whitelist: dateChars})
	if err != nil {
		return extract.Field{}, false
	}
	return fieldOfPage(page), true
}

// digitsOf keeps the ASCII digits of s.
func digitsOf(s string) string {
	return strings.Map(func(r rune) rune {
		if r < 128 && unicode.IsDigit(r) {
			return r
		}
		return -1
	}, s)
}
