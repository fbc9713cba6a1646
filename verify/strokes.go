package verify

import (
	"image"
	"slices"
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

// topShare is the most of a character's inked rows its top component
// may take: where no blank row parts it from the rest above that (blur
// closed the gap), the strokes are not counted.
const topShare = 0.6

// strokesTell reports whether the cell of e's character i in one of the
// placements all shows it by the strokes its top component crosses, for
// a pair of characters topStrokes tells apart.
func strokesTell(red *image.Gray, all [][]charCell, i int, e, v []rune) bool {
	want, ok1 := topStrokes[e[i]]
	other, ok2 := topStrokes[v[i]]
	if !ok1 || !ok2 || want == other {
		return false
	}
	for _, cells := range all {
		if n, ok := crossings(red, cells[i].cell); ok && n == want {
			return true
		}
	}
	return false
}

// crossings is how many strokes the top component of the ink in cell of
// red crosses (its rows down to the first row blank across the ink),
// down the middle of the ink (the median over columns at 40, 50 and 60 %
// of its width); false when the cell holds too little ink to tell (under
// 12 rows) or no blank row ends the top component within topShare of
// the ink's height.
func crossings(red *image.Gray, cell image.Rectangle) (int, bool) {
	cell = cell.Intersect(red.Bounds())
	thr, ok := strokeThreshold(red, cell)
	if !ok {
		return 0, false
	}
	ink := inkBounds(red, cell, thr)
	if ink.Dy() < 12 || ink.Dx() < 8 {
		return 0, false
	}
	bottom, ok := topComponentEnd(red, ink, thr)
	if !ok {
		return 0, false
	}
	var counts []int
	for _, f := range []float64{0.4, 0.5, 0.6} {
		x := ink.Min.X + int(f*float64(ink.Dx()))
		counts = append(counts, runsDown(red, x, ink.Min.Y, bottom, thr))
	}
	slices.Sort(counts)
	return counts[1], true
}

// topComponentEnd is the first row of ink blank across its width, below
// its top row and within topShare of its height.
func topComponentEnd(red *image.Gray, ink image.Rectangle, thr uint8) (int, bool) {
	limit := ink.Min.Y + int(topShare*float64(ink.Dy()))
	for y := ink.Min.Y + 1; y < limit; y++ {
		blank := true
		for x := ink.Min.X; x < ink.Max.X && blank; x++ {
			blank = red.GrayAt(x, y).Y >= thr
		}
		if blank {
			return y, true
		}
	}
	return 0, false
}

// strokeThreshold is the grey under which a pixel of cell is ink: half
// way from the paper (the brightest tenth) to the darkest ink. A thin
// stroke blurred to mid-grey still counts (122–141 on app-19-00019's
// licence, paper 246, ink 52) while the blur that fills the gaps between
// strokes does not (186–198 there; a quarter of the way, 198, filled 日
// solid).
func strokeThreshold(red *image.Gray, cell image.Rectangle) (uint8, bool) {
	var vals []int
	for y := cell.Min.Y; y < cell.Max.Y; y++ {
		for x := cell.Min.X; x < cell.Max.X; x++ {
			vals = append(vals, int(red.GrayAt(x, y).Y))
		}
	}
	if len(vals) == 0 {
		return 0, false
	}
	slices.Sort(vals)
	paper, dark := vals[len(vals)*9/10], vals[0]
	if paper-dark < 60 {
		return 0, false
	}
	return uint8((paper + dark) / 2), true
}

// inkBounds is the box of cell's pixels darker than thr in its widest
// run of inked columns: a cell placed by widths can take in the edge of
// the character beside it, across a blank column.
func inkBounds(red *image.Gray, cell image.Rectangle, thr uint8) image.Rectangle {
	x0, x1 := widestRun(red, cell, thr)
	var b image.Rectangle
	for y := cell.Min.Y; y < cell.Max.Y; y++ {
		for x := x0; x < x1; x++ {
			if red.GrayAt(x, y).Y < thr {
				b = b.Union(image.Rect(x, y, x+1, y+1))
			}
		}
	}
	return b
}

// widestRun is the widest run of columns of cell holding a pixel darker
// than thr, as [x0, x1).
func widestRun(red *image.Gray, cell image.Rectangle, thr uint8) (int, int) {
	best0, best1, start := 0, 0, -1
	for x := cell.Min.X; x <= cell.Max.X; x++ {
		inked := x < cell.Max.X && columnInked(red, x, cell.Min.Y, cell.Max.Y, thr)
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

func columnInked(red *image.Gray, x, y0, y1 int, thr uint8) bool {
	for y := y0; y < y1; y++ {
		if red.GrayAt(x, y).Y < thr {
			return true
		}
	}
	return false
}

// runsDown counts the runs of ink in column x of red from y0 to y1.
func runsDown(red *image.Gray, x, y0, y1 int, thr uint8) int {
	n, in := 0, false
	for y := y0; y < y1; y++ {
		dark := red.GrayAt(x, y).Y < thr
		if dark && !in {
			n++
		}
		in = dark
	}
	return n
}
