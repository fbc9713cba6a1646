package verify

import (
	"image"
	"image/draw"
	"slices"
	"sort"

	"github.com/qualcheck/qualcheck/extract"
	"github.com/qualcheck/qualcheck/ocr"
)

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

// rereadBand is where a date is read again: the band of text, the date
// as written, or where the page read gave no boxes of its characters (or
// boxed specks: app-37-00011's 怎08月01日, its boxes 2 pixels high) the
// band of the field f's row; widened left to where its ink starts on an
// ID card, and on a letter whose date as read does not begin with its
// year (yearLost); on a letter, widened right to where its ink ends when
// the date as read lost its month or day (endLost) and the band is
// narrower than a date written whole.
func rereadBand(k extract.Kind, img *image.Gray, text, f extract.Field) (ocr.Box, bool) {
	band, ok := dateBand(text)
	if !ok {
		if band, _, ok = rowBand(img, f.Box); !ok {
			return band, false
		}
	}
	switch {
	case k == extract.KindIDBack:
		return inkFrom(img, band, 3*band.H), true // six line heights
	case yearLost(text.Value):
		band = inkFrom(img, band, 7*band.H/4) // three and a half line heights
	}
	if endLost(text.Value) && band.W < 5*band.H { // a date written whole is 9 to 14 line heights wide
		band = inkTo(img, band, 8*band.H-band.W)
	}
	return band, true
}

// endLost reports whether a letter's date as read holds fewer than six
// digits: its month or day, or both, are lost (6合 for a written
// 2026年05月13日, app-31-00015). A date read with a digit lost
// (2025年1月13日) is read again from its own band: widened right, the
// band of generated app-37-00021's takes in the seal's ring after it,
// whose readings named 14月 four times.
func endLost(read string) bool {
	return len(extract.Digits(read)) < 6
}

// yearLost reports whether a letter's date as read does not begin with
// the four digits of its year: the page read dropped 2026 of a blue
// 2026年08月26日 whose label it misread (日其全08月26必, generated
// app-37-00022), and a band from the date as read holds no year to read
// again. Three and a half line heights left of it hold four digits and
// 年, and at most the label's colon (read as 1, which fromYear and
// withParts drop).
func yearLost(read string) bool {
	rs := []rune(read)
	return len(rs) < 4 || !asciiDigits(string(rs[:4]))
}

// rowBand is the band of a line read in box of img cut to its own text
// row: the row of inked rows about box's centre line, two rows high,
// widened by half a row each side, and the row's height. A box can be
// far higher than its characters: an ID card's validity read again from
// a crop of its line (generated app-7-00010's 2019.05.04-2039.05.04,
// read 2018.05.04-2038.05.04 at 0.00 in a box 53 pixels high for
// 22-pixel digits), a letter's fill under a seal (lineShows).
func rowBand(img *image.Gray, box ocr.Box) (ocr.Box, int, bool) {
	row, ok := textRow(img, box, box.Y+box.H/2)
	if !ok {
		return ocr.Box{}, 0, false
	}
	h := row.H
	return ocr.Box{X: box.X - h/2, Y: row.Y - h/2, W: box.W + h, H: 2 * h}, h, true
}

// inkFrom is band widened left to where the ink before it starts: the
// page read's boxes of an ID card's validity may begin after its first
// digits (4.12.31-长期 boxed for 2024.12.31-长期, the 202 read apart,
// app-11-00027), and a band from them reads a date without its year.
// The ink is followed left from the first box, within reach pixels,
// while the gaps in it stay under two thirds of a line height (the label
// stands a character off, further than a date's digits and dots from
// each other).
func inkFrom(img *image.Gray, band ocr.Box, reach int) ocr.Box {
	h := band.H / 2
	x0 := max(band.X-reach, img.Bounds().Min.X)
	before := ocr.Box{X: x0, Y: band.Y, W: band.X + h/2 - x0, H: band.H} // to the first box
	n, ok := inkRun(img, before, h, true)
	if !ok {
		return band
	}
	left := max(before.X+before.W-n-h/2, img.Bounds().Min.X)
	return ocr.Box{X: left, Y: band.Y, W: band.X + band.W - left, H: band.H}
}

// inkTo is band widened right, as inkFrom widens it left, to where the
// ink after its last box (half a line height in from its right edge)
// ends, within reach pixels: app-31-00015's blue 2026年05月13日 was read
// 6合 and boxed from its 6 to its 年.
func inkTo(img *image.Gray, band ocr.Box, reach int) ocr.Box {
	h := band.H / 2
	x := band.X + band.W - h/2
	after := ocr.Box{X: x, Y: band.Y, W: min(band.X+band.W+reach, img.Bounds().Max.X) - x, H: band.H}
	n, ok := inkRun(img, after, h, false)
	if !ok {
		return band
	}
	right := min(x+n+h/2, img.Bounds().Max.X)
	return ocr.Box{X: band.X, Y: band.Y, W: max(band.W, right-band.X), H: band.H}
}

// inkRun is how far into strip the ink runs from its right edge
// (fromRight) or its left one, over gaps under two thirds of a line h
// high, specks aside; false when the strip is empty or has no ink there.
func inkRun(img *image.Gray, strip ocr.Box, h int, fromRight bool) (int, bool) {
	if strip.W <= 0 {
		return 0, false
	}
	cols := ocr.NewInkLine(img, strip).ColumnInk()
	if fromRight {
		slices.Reverse(cols)
	}
	return inkEnd(specksOut(cols), 0, (2*h-1)/3)
}

// specksOut is cols, each column's inked pixels, with a column of one
// made blank: a speck is not ink.
func specksOut(cols []int) []int {
	for i, n := range cols {
		if n < 2 {
			cols[i] = 0
		}
	}
	return cols
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

// rowOnly is the text row about band's centre line (the run of inked
// rows there, looked for half a band above and below) cut two rows high
// with the rows above and below it made white, and that cut's height. A
// single-line reading of the band takes the foot of the line above for
// a line of its own (2026年07月17日 read as 560, generated
// app-11-00003's application letter), and a band sized by the page
// read's boxes of a blurred date can be lower than its characters
// (2025年03月09日 20 pixels high in a band of 22, app-11-00021). The
// cut is widened each side by what the row is higher than those boxes:
// a band from boxes 8 pixels high about 14-pixel characters began in
// the first 2 of 2024年12月08日, read 2412月08日 (app-29-00029).
func rowOnly(img *image.Gray, band ocr.Box) (*image.Gray, int, bool) {
	h := band.H / 2
	row, ok := textRow(img, ocr.Box{X: band.X, Y: band.Y - h, W: band.W, H: band.H + 2*h}, band.Y+h)
	if !ok || 2*row.H >= 3*band.H {
		return nil, 0, false
	}
	grow := max(0, row.H-h) // the page read's boxes were lower than the row's characters
	cut := ocr.Box{X: band.X - grow, Y: row.Y - row.H/2, W: band.W + 2*grow, H: 2 * row.H}.Rect().Intersect(img.Bounds())
	crop, m := ocr.CropGray(img, cut), max(1, row.H/8)
	top, bottom := row.Y-cut.Min.Y-m, row.Y+row.H-cut.Min.Y+m
	draw.Draw(crop, image.Rect(0, 0, cut.Dx(), top), image.White, image.Point{}, draw.Src)
	draw.Draw(crop, image.Rect(0, bottom, cut.Dx(), cut.Dy()), image.White, image.Point{}, draw.Src)
	return crop, 2 * row.H, true
}
