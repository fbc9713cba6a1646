package verify

import (
	"image"
	"slices"
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
// character the OCR read surely is never overruled, unless it is one
// the OCR is known to mistake surely (extract.Confusable: 凤 as 风). On
// the generated corpus a character unlike the ink scored at most 0.50.
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
	roles := docRoles(role, k)
	out := map[string][]string{}
	if k.IsLetter() {
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
			if v := form.Value(s.field); v != "" && slices.Contains(roles, src.role) {
				out[src.key] = append(out[src.key], v)
			}
		}
	}
	return out
}

// confirmByGlyphs replaces a field read unsurely with the form's value
// when the differing characters' ink looks like the form's characters.
// The OCR's own reading stays in the field's Read for the reviewer.
func (p *Pipeline) confirmByGlyphs(r *DocResult, red *image.Gray, form Form) {
	if p.cfg.Glyphs == nil {
		return
	}
	for key, wants := range expectations(form, r.Ref.Role, r.Kind) {
		p.confirmKeyByGlyphs(r, red, form, key, wants)
	}
}

// confirmKeyByGlyphs runs the glyph checks on r's field key against
// each of the form's values wants, keeps the first one confirmed, and
// reports whether one was.
func (p *Pipeline) confirmKeyByGlyphs(r *DocResult, red *image.Gray, form Form, key string, wants []string) bool {
	f, ok := r.Fields[key]
	if !ok || f.Box.Empty() || p.cfg.Glyphs == nil {
		return false
	}
	for _, want := range wants {
		if nf, ok := p.glyphJudge(red, r, key, f, want, form); ok {
			r.Fields[key] = nf
			return true
		}
	}
	return false
}

// glyphJudge runs the glyph checks on f, read from red as r's field key,
// against the form's want, and returns the field the first one settles:
// the form's characters in the OCR's cells, an address's lost last
// character, a character read as two, an address's digit lost at its
// first line's end, a legal representative's card surely another's, a
// letter's name blank cut into characters.
func (p *Pipeline) glyphJudge(red *image.Gray, r *DocResult, key string, f extract.Field, want string, form Form) (extract.Field, bool) {
	if nf, ok := p.glyphConfirm(red, f, want); ok {
		return nf, true
	}
	if nf, ok := p.glyphTail(red, f, want); ok {
		return nf, true
	}
	if nf, ok := p.glyphInserted(red, f, want); ok {
		return nf, true
	}
	if nf, ok := p.glyphLineEnd(red, f, want); ok {
		return nf, true
	}
	if nf, ok := p.glyphRefute(red, r, key, f, want); ok {
		return nf, true
	}
	if r.Kind.IsLetter() && (key == blankAdminName || key == blankEnterprise) {
		return p.glyphBlank(red, key, f, want, people(form, want))
	}
	return f, false
}

// people are the form's names of people other than want.
func people(form Form, want string) []string {
	var out []string
	for _, n := range []string{form.AdminName, form.LegalRepName} {
		if n != "" && n != want {
			out = append(out, n)
		}
	}
	return out
}

// glyphConfirm decides whether f, read from red, shows want: every
// character it differs in looks like want's in the cell one placement of
// its characters (see placements) gives it, or, for a pair the likeness
// cannot part (昊/吴), shows want's by its strokes (strokesTell), taken
// at glyphFloor.
func (p *Pipeline) glyphConfirm(red *image.Gray, f extract.Field, want string) (extract.Field, bool) {
	e, v := []rune(extract.Canon(want)), []rune(extract.Canon(f.Value))
	diff := differing(e, v)
	if len(e) != len(v) || len(diff) == 0 {
		return f, false
	}
	for _, i := range diff {
		sure := runeConf(f, i) >= mismatchConf && !extract.Confusable(e[i], v[i])
		if sure || unicode.IsSpace(v[i]) || !unicode.Is(unicode.Han, e[i]) {
			return f, false
		}
	}
	conf := 1.0
	all := placements(red, f, v, e)
	for _, i := range diff {
		c, ok := p.bestCell(red, all, i, e, v)
		if !ok && strokesTell(red, all, i, e, v) {
			c, ok = glyphFloor, true
		}
		if !ok {
			return f, false
		}
		conf = min(conf, c)
	}
	return extract.Field{Value: want, Conf: conf, Box: f.Box, Read: f.Value}, true
}

// bestCell is the highest likeness of e's character i in the cells the
// placements give it where it shows (cellsShow), and whether it does in
// any. A character's cell is taken from whichever placement finds its
// ink: Tesseract's boxes of one card name held a first rune as wide as
// the whole name and a last one right (app-11-00027, 贺芳霞 read 货芳起:
// 贺 0.72 in its split cell, 霞 0.63 in its rune box and 0.53 split).
func (p *Pipeline) bestCell(red *image.Gray, all [][]charCell, i int, e, v []rune) (float64, bool) {
	best, ok := 0.0, false
	for _, cells := range all {
		if c, shown := p.cellsShow(red, cells, []int{i}, e, v, glyphMargin); shown {
			best, ok = max(best, c), true
		}
	}
	return best, ok
}

// cellsShow reports whether each differing character's cell looks like
// e's character, by glyphFloor and by margin more than like v's, and the
// least likeness.
func (p *Pipeline) cellsShow(red *image.Gray, cells []charCell, diff []int, e, v []rune, margin float64) (float64, bool) {
	conf := 1.0
	for _, i := range diff {
		line := ocr.NewInkLine(red, cells[i].ctx)
		le, lv := p.cellLikeness(line, cells[i].cell, e[i]), p.cellLikeness(line, cells[i].cell, v[i])
		if le < glyphFloor || le-lv < margin {
			return 0, false
		}
		conf = min(conf, le)
	}
	return conf, true
}

// charCell is where one character's ink is looked for (cell) and the
// stretch of text whose ink and paper set the threshold (ctx).
type charCell struct {
	cell image.Rectangle
	ctx  ocr.Box
}

// placements are the ways of placing each character of the value v
// (read as f from red, to be compared with e): at the box the OCR gave
// each rune, when those still line up with v, which follows a wrapped
// line; and by splitting a one-line box by the characters' widths, which
// holds where the OCR's boxes of a word's runes do not. A box higher
// than one line (a second reading's, which gives no rune boxes, of a
// licence's name whose line ran into the seal or the line below) is
// split at the band of inked rows in it that is one line of e (lineIn).
// The one-line box is split as its line's ink stands too, where that is
// not the box (inkSpan).
func placements(red *image.Gray, f extract.Field, v, e []rune) [][]charCell {
	var out [][]charCell
	if len(f.Boxes) == len(v) && len([]rune(f.Value)) == len(v) {
		out = append(out, runeCells(f.Boxes, func(b ocr.Box) ocr.Box { return b }))
		if slices.ContainsFunc(f.Boxes, tall) {
			out = append(out, runeCells(f.Boxes, func(b ocr.Box) ocr.Box { return inkRows(red, b) }))
		}
	}
	box, ok := f.Box, oneLine(f.Box, e)
	if !ok {
		box, ok = lineIn(red, f.Box, e)
	}
	if !ok {
		return out
	}
	if rects, fits := lineCells(e, box); fits {
		out = append(out, lineCharCells(rects, box))
	}
	if span, longer := inkSpan(red, box); longer {
		if rects, fits := lineCells(e, span); fits {
			out = append(out, lineCharCells(rects, span))
		}
	}
	return out
}

// lineCharCells are the cells rects of a line box.
func lineCharCells(rects []image.Rectangle, box ocr.Box) []charCell {
	cells := make([]charCell, len(rects))
	for i, r := range rects {
		cells[i] = charCell{cell: r, ctx: box}
	}
	return cells
}

// inkSpan is a one-line box as its line's ink stands: its rows the
// inked rows about its middle, run on right to where the ink stops for
// more than two thirds of their height; and whether that is not box
// (by a quarter of a line or more). The OCR boxed a card's clear 贺蓉静
// 13 pixels below its 42-pixel glyphs' tops and 104 of their 135 pixels
// across, read it 内全日 (generated app-29-00006), and the box split by
// widths put no character in its cell.
func inkSpan(red *image.Gray, box ocr.Box) (ocr.Box, bool) {
	row, ok := textRow(red, ocr.Box{X: box.X, Y: box.Y - box.H/2, W: box.W, H: 2 * box.H}, box.Y+box.H/2)
	if !ok {
		return box, false
	}
	line := ocr.Box{X: box.X, Y: row.Y, W: box.W + 4*row.H, H: row.H}
	spans := rowSpans(red, line, box.X, 0, 2*row.H/3)
	if len(spans) == 0 {
		return box, false
	}
	span := ocr.Box{X: box.X, Y: row.Y, W: spans[0].X + spans[0].W - box.X, H: row.H}
	apart := func(a, b int) bool { return 4*(a-b) >= box.H || 4*(b-a) >= box.H }
	return span, apart(span.W, box.W) || apart(span.Y, box.Y) || apart(span.H, box.H)
}

// runeCells are the cells of the OCR's rune boxes, each first mapped by
// fit and made square.
func runeCells(boxes []ocr.Box, fit func(ocr.Box) ocr.Box) []charCell {
	cells := make([]charCell, len(boxes))
	for i, b := range boxes {
		sq := square(fit(b))
		cells[i] = charCell{cell: sq.Rect(), ctx: grow(sq)}
	}
	return cells
}

// tall reports whether a rune's box is much higher than wide. Tesseract
// gave the runes of a licence's wrapped address after its sixth boxes
// twice the line's height (36 for 19 pixels, app-11-00029), and the
// square cell made of such a box held its neighbours and the paper
// around (幢 0.41 alike in it, 0.64 in its ink's rows).
func tall(b ocr.Box) bool {
	return 3*b.H > 4*b.W
}

// inkRows is a tall box cut to its rows from the first to the last
// holding ink (a character such as 霞 has blank rows inside); other
// boxes, and those without ink, are returned as they are.
func inkRows(red *image.Gray, b ocr.Box) ocr.Box {
	if !tall(b) {
		return b
	}
	return inkBand(red, b)
}

// lineIn is the band of inked rows of box on red that is one line of e
// as wide as box: about as high as box's width spread over e's
// characters, two thirds of it to, blurred, 1.6 times.
func lineIn(red *image.Gray, box ocr.Box, e []rune) (ocr.Box, bool) {
	side, ok := charSide(box, e)
	if !ok {
		return ocr.Box{}, false
	}
	for _, run := range ocr.NewInkLine(red, box).InkRuns(2) {
		if h := run.Dy(); 3*h >= 2*side && 5*h <= 8*side {
			return ocr.Box{X: box.X, Y: run.Min.Y, W: box.W, H: run.Dy()}, true
		}
	}
	return ocr.Box{}, false
}

// glyphTail completes an address the OCR cut short by its last
// character (a 室 or 层 lost at the end of the line, or alone on the
// line below where the address wraps, read as nothing or as strokes such
// as 下至): that character's ink must stand just right of the value's
// box, or at the start of the next line, and look more like it than like
// any other character an address ends with.
func (p *Pipeline) glyphTail(red *image.Gray, f extract.Field, want string) (extract.Field, bool) {
	e, v := []rune(extract.Canon(want)), []rune(extract.Canon(f.Value))
	n := len(e)
	if n < 3 || len(v) < n-1 || len(v) > n+1 || string(v[:n-1]) != string(e[:n-1]) || len(v) == n && v[n-1] == e[n-1] {
		return f, false
	}
	last := e[n-1]
	if !strings.ContainsRune(extract.AddressEnds, last) {
		return f, false
	}
	for _, cell := range tailCells(red, f.Box, v) {
		if like, ok := p.tailLike(red, cell, last, tailRivals(e[n-2])); ok {
			return extract.Field{Value: want, Conf: min(f.Conf, like), Box: f.Box.Union(cell), Read: f.Value}, true
		}
	}
	return f, false
}

// tailCells are where an address's lost last character may stand: right
// of a one-line box, and at the left of the text line under its first
// line.
func tailCells(red *image.Gray, box ocr.Box, v []rune) []ocr.Box {
	var out []ocr.Box
	if oneLine(box, v) {
		out = append(out, ocr.Box{X: box.X + box.W, Y: box.Y, W: box.H * 3 / 2, H: box.H})
	}
	return append(out, nextLineCells(red, box, v)...)
}

// nextLineCells are where the lost character may stand on the text line
// under the first line of box, in the second band of inked rows (about
// one character high) of a strip under the box's first characters: the
// band's first character (室 alone on the line), and the rightmost
// character under the box (6室, when the OCR took the 6 into the first
// line).
func nextLineCells(red *image.Gray, box ocr.Box, v []rune) []ocr.Box {
	h, ok := charSide(box, v)
	if !ok {
		return nil
	}
	strip := ocr.Box{X: box.X - h/2, Y: box.Y, W: 2 * h, H: box.H + 2*h}
	runs := ocr.NewInkLine(red, strip).InkRuns(2)
	if len(runs) < 2 {
		return nil
	}
	first, second := runs[0], runs[1]
	if second.Min.Y-first.Max.Y > h || second.Dy() < h/2 || second.Dy() > h*3/2 {
		return nil
	}
	out := []ocr.Box{{X: strip.X, Y: second.Min.Y, W: strip.W, H: second.Dy()}}
	band := ocr.Box{X: box.X - h/2, Y: second.Min.Y, W: box.W + h/2, H: second.Dy()}
	if right, ok := ocr.NewInkLine(red, band).InkRight(2); ok {
		w := h * 5 / 4
		out = append(out, ocr.Box{X: right - w, Y: band.Y, W: w, H: band.H})
	}
	return out
}

// charSide is the side of one Han character of the value v whose first
// line is box: its width over the characters' widths.
func charSide(box ocr.Box, v []rune) (int, bool) {
	total := lineWidth(v)
	if total == 0 {
		return 0, false
	}
	h := int(float64(box.W) / total)
	return h, h >= 8
}

// tailRivals are the characters an address may end with after prev:
// after a number, those that count (室, 层, 号, 房 …), not those that
// end a word (宿舍, 大院, 单元), which 室 resembles at 20 pixels.
func tailRivals(prev rune) string {
	if prev < 128 && unicode.IsDigit(prev) {
		return "号室层楼座栋幢户铺房"
	}
	return extract.AddressEnds
}

// tailLike is the likeness of last to the ink in cell, when it beats
// every rival ending by glyphMargin.
func (p *Pipeline) tailLike(red *image.Gray, cell ocr.Box, last rune, rivals string) (float64, bool) {
	line := ocr.NewInkLine(red, cell)
	like, other := p.cellLikeness(line, line.Bounds(), last), 0.0
	for _, r := range rivals {
		if r != last {
			other = max(other, p.cellLikeness(line, line.Bounds(), r))
		}
	}
	return like, like >= glyphFloor && like-other >= glyphMargin
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

// cellWidth is how wide a character prints, in Han character widths:
// Han characters and the full-width brackets of enterprise names (ASCII
// after Canon) fill a square, Latin letters and digits about half of one
// (extract.RuneWidth); 0 for anything else, whose width is not known well
// enough to place the cells after it.
func cellWidth(r rune) float64 {
	switch {
	case unicode.Is(unicode.Han, r) || r == '(' || r == ')':
		return 1
	case r < 128 && (unicode.IsDigit(r) || unicode.IsLetter(r)):
		return extract.RuneWidth(r)
	}
	return 0
}

// lineCells splits box, one line of text e, into each character's cell
// by the characters' widths; false when a width is not known.
func lineCells(e []rune, box ocr.Box) ([]image.Rectangle, bool) {
	total := 0.0
	for _, r := range e {
		w := cellWidth(r)
		if w == 0 {
			return nil, false
		}
		total += w
	}
	unit := float64(box.W) / total
	cells := make([]image.Rectangle, len(e))
	x := float64(box.X)
	for i, r := range e {
		w := cellWidth(r) * unit
		cells[i] = image.Rect(int(x), box.Y, int(x+w+0.5), box.Y+box.H)
		x += w
	}
	return cells, true
}

// square widens a character's box to a square about its centre: a
// character misread as a narrower one gets a box of only part of it.
func square(b ocr.Box) ocr.Box {
	if b.W >= b.H {
		return b
	}
	return ocr.Box{X: b.X + b.W/2 - b.H/2, Y: b.Y, W: b.H, H: b.H}
}

// oneLine reports whether box looks like one line of e: at least half a
// line high for every character (an address wrapped onto a second line
// is twice as high for its width).
func oneLine(box ocr.Box, e []rune) bool {
	return 2*box.W >= len(e)*box.H
}

func runeConf(f extract.Field, i int) float64 {
	if len(f.Confs) == len([]rune(f.Value)) && i < len(f.Confs) {
		return f.Confs[i]
	}
	return f.Conf
}

// cellLikeness is the best likeness of r to cell in line, the cell
// shifted by up to a fifth of its width either way: a line's box is not
// always exactly its characters, nor its characters exactly their widths.
func (p *Pipeline) cellLikeness(line ocr.InkLine, cell image.Rectangle, r rune) float64 {
	best := 0.0
	for _, shift := range []float64{0, -0.1, 0.1, -0.2, 0.2} {
		dx := int(shift * float64(cell.Dx()))
		best = max(best, p.cfg.Glyphs.Likeness(line, cell.Add(image.Pt(dx, 0)), r))
	}
	return best
}
