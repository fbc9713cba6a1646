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
// as written; on an ID card, where the page read gave no boxes of its
// characters, the band of the field f's row, and widened left to where
// its ink starts.
func rereadBand(k extract.Kind, img *image.Gray, text, f extract.Field) (ocr.Box, bool) {
	band, ok := dateBand(text)
	if k != extract.KindIDBack {
		return band, ok
	}
	if !ok {
		if band, _, ok = rowBand(img, f.Box); !ok {
			return band, false
		}
	}
	return inkFrom(img, band), true
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
// The ink is followed left from the first box, within six line heights,
// while the gaps in it stay under two thirds of a line height (the label
// stands a character off, further than a date's digits and dots from
// each other).
func inkFrom(img *image.Gray, band ocr.Box) ocr.Box {
	h := band.H / 2
	x0 := max(band.X-6*h, img.Bounds().Min.X)
	reach := ocr.Box{X: x0, Y: band.Y, W: band.X + h/2 - x0, H: band.H} // to the first box
	if reach.W <= 0 {
		return band
	}
	cols := ocr.NewInkLine(img, reach).ColumnInk()
	slices.Reverse(cols) // right to left, from the first box
	for i, n := range cols {
		if n < 2 {
			cols[i] = 0 // a speck is not ink
		}
	}
	end, ok := inkEnd(cols, 0, (2*h-1)/3)
	if !ok {
		return band
	}
	left := max(x0+len(cols)-end-h/2, img.Bounds().Min.X)
	return ocr.Box{X: left, Y: band.Y, W: band.X + band.W - left, H: band.H}
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
