package verify

import (
	"image"
	"slices"

	"github.com/qualcheck/qualcheck/ocr"
)

// Stroke count: 昊 and 吴 differ only in their top component, 日 against
// 口, one horizontal stroke more, and the glyph check's likeness over the
// whole character cannot part them (昊 0.76 against 吴 0.66 on held-out
// app-19-00019's licence, short of the 0.10 margin; 0.75 and 0.77 on
// app-13-00025's card; 万昊 read 万吴 on app-1-00008's). Down the middle
// of the character's ink, its top component (down to the first blank
// row) crosses three strokes in 日 and two in 口, whatever the typeface:
// no reference font is needed. topStrokes holds each such pair's
// counts.
var topStrokes = map[rune]int{'昊': 3, '吴': 2}

// 凤 and 风 differ only inside their 几: 又 against ㄨ, whose top
// stroke is a bar in 凤 and the start of a diagonal in 风. By ink the
// two are as alike (凤's card ink 0.73 like 凤 and 0.77 like 风 on
// held-out app-71-00018, 0.74 and 0.82 on app-53-00009, both read 风),
// but the column down the middle of the ink crosses three strokes in 凤
// (几's top, 又's bar, the crossing of its strokes) and two in 风 (几's
// top, ㄨ's crossing), in every reference font and on both cards.
// midStrokes holds each such pair's counts.
var midStrokes = map[rune]int{'凤': 3, '风': 2}

// strokeTells are the stroke counts that part pairs of characters, each
// with the way its strokes are counted in a character's cell.
var strokeTells = []struct {
	counts map[rune]int
	count  func(*image.Gray, image.Rectangle) (int, bool)
}{{topStrokes, crossings}, {midStrokes, midCrossings}}

// topShare is the most of a character's inked rows its top component
// may take: where no blank row parts it from the rest above that (blur
// closed the gap), the strokes are not counted.
const topShare = 0.6

// strokesTell reports whether the cell of e's character i in one of the
// placements all shows it by the strokes its top component crosses, for
// a pair of characters topStrokes tells apart, or by those down its
// middle, for a pair midStrokes does.
func strokesTell(red *image.Gray, all [][]charCell, i int, e, v []rune) bool {
	for _, t := range strokeTells {
		want, ok := pairCounts(t.counts, e[i], v[i])
		if !ok {
			continue
		}
		for _, cells := range all {
			if n, ok := t.count(red, cells[i].cell); ok && n == want {
				return true
			}
		}
	}
	return false
}

// pairCounts is counts' count for want, when counts tells want from
// read.
func pairCounts(counts map[rune]int, want, read rune) (int, bool) {
	w, ok1 := counts[want]
	o, ok2 := counts[read]
	return w, ok1 && ok2 && w != o
}

// midCrossings is how many strokes the column down the middle of the
// ink in cell of red crosses, from its first to its last inked row (the
// median of the middle column and those beside it); false when the cell
// holds too little ink to tell.
func midCrossings(red *image.Gray, cell image.Rectangle) (int, bool) {
	char, rows, ok := charInk(red, cell)
	if !ok {
		return 0, false
	}
	b := char.Bounds()
	mid := b.Min.X + b.Dx()/2
	var counts []int
	for _, x := range []int{mid - 1, mid, mid + 1} {
		counts = append(counts, len(char.Within(image.Rect(x, rows[0].Min.Y, x+1, rows[len(rows)-1].Max.Y)).InkRuns(1)))
	}
	slices.Sort(counts)
	return counts[1], true
}

// crossings is how many strokes the top component of the ink in cell of
// red crosses (its first band of inked rows), down the middle of the ink
// (the median over columns at 40, 50 and 60 % of its width), the cell
// binarised at its own threshold (ocr.InkLine: the blur between 日's
// strokes, 186–198 on app-19-00019's licence, stays paper, its strokes,
// 122–141, ink). False when the cell holds too little ink to tell (under
// 12 rows or 8 columns) or no blank row ends the top component within
// topShare of the ink's height.
func crossings(red *image.Gray, cell image.Rectangle) (int, bool) {
	char, rows, ok := charInk(red, cell)
	if !ok || len(rows) < 2 {
		return 0, false
	}
	top, height := rows[0], rows[len(rows)-1].Max.Y-rows[0].Min.Y
	if float64(top.Dy()) > topShare*float64(height) {
		return 0, false
	}
	var counts []int
	for _, f := range []float64{0.4, 0.5, 0.6} {
		x := top.Min.X + int(f*float64(top.Dx()))
		counts = append(counts, len(char.Within(image.Rect(x, top.Min.Y, x+1, top.Max.Y)).InkRuns(1)))
	}
	slices.Sort(counts)
	return counts[1], true
}

// charInk is the ink of cell of red, binarised at its own threshold, cut
// to its widest run of inked columns, and its bands of inked rows; false
// when that holds under 8 columns or 12 rows of ink.
func charInk(red *image.Gray, cell image.Rectangle) (ocr.InkLine, []image.Rectangle, bool) {
	line := ocr.NewInkLine(red, ocr.BoxOf(cell))
	x0, x1 := widestRun(line.ColumnInk())
	b := line.Bounds()
	char := line.Within(image.Rect(b.Min.X+x0, b.Min.Y, b.Min.X+x1, b.Max.Y))
	rows := char.InkRuns(1)
	ok := len(rows) > 0 && x1-x0 >= 8 && rows[len(rows)-1].Max.Y-rows[0].Min.Y >= 12
	return char, rows, ok
}

// widestRun is the widest run of columns holding ink, as offsets [x0,
// x1) into cols: a cell placed by widths can take in the edge of the
// character beside it, across a blank column.
func widestRun(cols []int) (int, int) {
	best0, best1, start := 0, 0, -1
	for x := 0; x <= len(cols); x++ {
		inked := x < len(cols) && cols[x] > 0
		switch {
		case inked && start < 0:
			start = x
		case !inked && start >= 0:
			if x-start > best1-best0 {
				best0, best1 = start, x
			}
			start = -1
		}
	}
	return best0, best1
}
