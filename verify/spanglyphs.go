package verify

import (
	"image"
	"slices"

	"github.com/qualcheck/qualcheck/ocr"
)

// Written lines by their glyphs: a line of handwriting-like fill (a
// letter's date, a name blank) that the OCR could not read is checked
// against the characters it should show, drawn in the reference fonts.
// The line is stood upright, cut where its columns are blank or thin,
// and the characters must take the cells between cuts left to right,
// all the ink, each clearly itself by a glyphRule. dateglyphs.go and
// nameglyphs.go say what each holds a line to.

// maxSlant is the most a written line leans, as the shear Deslant
// undoes: a third of its height across.
const maxSlant = 0.35

// glyphRule is how the cells of a written line are held to the
// characters it should show: each like its character by floor and more,
// by margin, than like any other character of alphabet.
type glyphRule struct {
	alphabet      []rune
	floor, margin float64
	// dirFloor, when above 0, lets a cell pass by its strokes'
	// directions too (ocr.ByDirection): like its character by
	// dirFloor and by margin more than like the others, in that measure.
	dirFloor  float64
	asWritten bool // try the span as written too, not only deslanted
}

// spanShows reports whether span of img, one line, shows want, and the
// least likeness of its characters. The span is stood upright first
// (ocr.Deslant): the reference fonts are upright, and slanted characters
// share columns; by rule, the span as it stands is tried too, as a
// shear that gathers a few characters' ink into fewer columns can lean
// upright writing over. Handwriting keeps no fixed widths and its
// characters touch, so the line is cut where its columns hold little ink
// (cuts): want's characters must take the cells between cuts, left to
// right, all the ink of the span, each clearly its character by rule
// (cellShows).
func (p *Pipeline) spanShows(img *image.Gray, span ocr.Box, want []rune, rule glyphRule) (float64, bool) {
	if !plausibleSpan(span, want) {
		return 0, false
	}
	crop := ocr.CropGray(img, span.Rect())
	ups := []*image.Gray{ocr.Deslant(crop, maxSlant)}
	if rule.asWritten && ups[0] != crop {
		ups = append(ups, crop)
	}
	for _, up := range ups {
		if conf, ok := p.cellsTake(ocr.NewInkLine(up, ocr.BoxOf(up.Bounds())), want, span.H, rule); ok {
			return conf, true
		}
	}
	return 0, false
}

// cellsTake reports whether want's characters take the cells between
// line's cuts left to right, with all its ink, each clearly its
// character by rule, and the least likeness of the best such placement.
func (p *Pipeline) cellsTake(line ocr.InkLine, want []rune, h int, rule glyphRule) (float64, bool) {
	cut := cuts(line.ColumnInk(), h)
	// best[i][j]: the best least likeness of want[:i] ending at cut j.
	best := make([][]float64, len(want)+1)
	for i := range best {
		best[i] = slices.Repeat([]float64{-1}, len(cut))
	}
	best[0][0] = 1
	for i, r := range want {
		for a := range cut {
			if best[i][a] < 0 {
				continue
			}
			for b := a + 1; b < len(cut); b++ {
				cell := image.Rect(cut[a], 0, cut[b], h)
				if float64(cell.Dx()) > 1.6*cellWidth(r)*float64(h) {
					break
				}
				if like, ok := p.cellShows(line, cell, r, h, rule); ok {
					best[i+1][b] = max(best[i+1][b], min(best[i][a], like))
				}
			}
		}
	}
	conf := best[len(want)][len(cut)-1]
	return conf, conf > 0
}

// cuts are where a written line of h-pixel characters may be cut
// between them, as offsets into cols (its columns' ink): its two ends,
// the middle of every run of blank columns, and, where characters touch
// (blurred, or written close), every column holding less ink than its
// neighbours and at most a quarter of h. A cut inside a character only
// adds a way to place it: cells may span several cuts.
func cuts(cols []int, h int) []int {
	out := []int{0}
	add := func(x int) {
		if x > out[len(out)-1]+1 && x < len(cols) {
			out = append(out, x)
		}
	}
	for x := 0; x < len(cols); x++ {
		switch {
		case cols[x] == 0:
			end := x
			for end < len(cols) && cols[end] == 0 {
				end++
			}
			add((x + end) / 2)
			x = end - 1
		case x > 0 && x+1 < len(cols) && 4*cols[x] <= h && cols[x] <= cols[x-1] && cols[x] < cols[x+1]:
			add(x)
		}
	}
	return append(out, len(cols))
}

// cellShows reports whether cell of line is one written r, h pixels
// high: at least half r's width, like r by rule's floor and more, by its
// margin, than like any other character of its alphabet; or so by
// direction, where rule allows it.
func (p *Pipeline) cellShows(line ocr.InkLine, cell image.Rectangle, r rune, h int, rule glyphRule) (float64, bool) {
	if float64(cell.Dx()) < 0.5*cellWidth(r)*float64(h) {
		return 0, false
	}
	alphabet := rule.alphabet
	if !slices.Contains(alphabet, r) {
		alphabet = append(slices.Clip(alphabet), r)
	}
	if like, ok := standsOut(p.cfg.Glyphs.CropLikeness(line, cell, alphabet, ocr.ByInk), alphabet, r, rule.floor, rule.margin); ok {
		return like, true
	}
	if rule.dirFloor > 0 {
		return standsOut(p.cfg.Glyphs.CropLikeness(line, cell, alphabet, ocr.ByDirection), alphabet, r, rule.dirFloor, rule.margin)
	}
	return 0, false
}

// standsOut reports whether r's likeness among likes (of alphabet) is
// floor or more and margin more than every other's, and that likeness.
func standsOut(likes []float64, alphabet []rune, r rune, floor, margin float64) (float64, bool) {
	like := likes[slices.Index(alphabet, r)]
	if like < floor {
		return 0, false
	}
	for i, o := range alphabet {
		if o != r && like-likes[i] < margin {
			return 0, false
		}
	}
	return like, true
}

// plausibleSpan reports whether span is about as wide as want written
// span.H high: a span that took in the label before the date or lost
// part of it is not cut into cells. The least is 0.6 of the characters'
// widths, as a line's row stands higher than its characters are wide
// where brackets or a fill's strokes reach above and below them
// (汇丰智能设备（北京）有限公司, 320 pixels for a row 33 high, generated
// app-29-00002).
func plausibleSpan(span ocr.Box, want []rune) bool {
	units := 0.0
	for _, r := range want {
		units += cellWidth(r)
	}
	w := float64(span.W) / float64(span.H)
	return w >= 0.6*units && w <= 1.4*units
}

// rowSpans are the boxes on row of img that a written value whose OCR
// reading starts at x0 may take: ending where the ink after x0 stops for
// more than gap pixels, starting at any stretch of ink from before
// pixels left of x0 to half a row height into it (the reading may have
// lost the value's start, or taken in its label).
func rowSpans(img *image.Gray, row ocr.Box, x0, before, gap int) []ocr.Box {
	line := ocr.NewInkLine(img, row)
	cols, ox := line.ColumnInk(), line.Bounds().Min.X
	first := x0 - ox
	end, ok := inkEnd(cols, first, gap)
	if !ok {
		return nil
	}
	var out []ocr.Box
	for x := max(0, first-before); x <= first+row.H/2 && x < end; x++ {
		if cols[x] > 0 && (x == 0 || cols[x-1] == 0) {
			out = append(out, ocr.Box{X: ox + x, Y: row.Y, W: end - x, H: row.H})
		}
	}
	return out
}

// textRow is the run of inked rows of strip that holds (or lies nearest)
// y: one line of text, the lines above and below cut off.
func textRow(img *image.Gray, strip ocr.Box, y int) (ocr.Box, bool) {
	runs := ocr.NewInkLine(img, strip).InkRuns(max(2, strip.W/100))
	if len(runs) == 0 {
		return ocr.Box{}, false
	}
	best := runs[0]
	for _, r := range runs[1:] {
		if rowDistance(r, y) < rowDistance(best, y) {
			best = r
		}
	}
	return ocr.BoxOf(best), best.Dy() >= 6
}

func rowDistance(r image.Rectangle, y int) int {
	switch {
	case y < r.Min.Y:
		return r.Min.Y - y
	case y >= r.Max.Y:
		return y - r.Max.Y + 1
	}
	return 0
}

// inkEnd is the x just right of the last inked column reached from
// from going right over gaps no wider than gap.
func inkEnd(cols []int, from, gap int) (int, bool) {
	end, blank := 0, 0
	for x := max(0, from); x < len(cols) && blank <= gap; x++ {
		if blank++; cols[x] > 0 {
			end, blank = x+1, 0
		}
	}
	return end, end > 0
}
