package verify

import (
	"image"
	"strings"

	"github.com/qualcheck/qualcheck/extract"
	"github.com/qualcheck/qualcheck/ocr"
)

// A licence's address that wraps after a room number loses the number's
// last digit at the end of its first line: the page read 1516 | 室 as
// 151室 (generated app-37-00016), 2818 | 室 as 281室 (app-13-00003), 119
// | 室 as 11室 (app-41-00010), each digit printed clearly right of the
// OCR's box, which ended with the digit before it. The glyph checks that
// place the form's characters over the box (glyphConfirm, glyphInserted)
// cannot weigh it, as the box holds one character too few, and the one
// that completes a lost last character (glyphTail) looks for the
// address's end.

// digits are the ASCII digits: a lost digit is weighed against them, and
// a written date is made of them and 年月日 (dateRunes).
const digits = "0123456789"

// glyphLineEnd decides whether f, read from red as an address that wraps,
// shows want, which is f with one digit more, not its last character:
// that digit's ink must stand just right of the box's first line and
// look more like it, by glyphMargin, than like any other digit, and like
// it by glyphFloor.
func (p *Pipeline) glyphLineEnd(red *image.Gray, f extract.Field, want string) (extract.Field, bool) {
	e, v := []rune(extract.Canon(want)), []rune(extract.Canon(f.Value))
	k, ok := insertedAt(e, v)
	if !ok || k == 0 || k >= len(e)-1 || !strings.ContainsRune(digits, e[k]) || oneLine(f.Box, v) {
		return f, false
	}
	cell, ok := lineEndCell(red, f.Box)
	if !ok {
		return f, false
	}
	if like, ok := p.tailLike(red, cell, e[k], digits); ok {
		return extract.Field{Value: want, Conf: min(f.Conf, like), Box: f.Box.Union(cell), Read: f.Value}, true
	}
	return f, false
}

// lineEndCell is where a character lost at the end of box's first line
// stands: right of box, on the first band of inked rows in it, as wide
// as that band is high, from the first ink after box's end. The box may
// end inside the ink of the character before (its right quarter left
// out: 2818 read 281, generated app-13-00003), which is passed over to
// the blank column after it.
func lineEndCell(red *image.Gray, box ocr.Box) (ocr.Box, bool) {
	runs := ocr.NewInkLine(red, box).InkRuns(2)
	if len(runs) < 2 || runs[0].Dy() < 8 {
		return ocr.Box{}, false
	}
	h := runs[0].Dy()
	band := ocr.Box{X: box.X + box.W - h/4, Y: runs[0].Min.Y, W: 3 * h / 2, H: h}
	cols := ocr.NewInkLine(red, band).ColumnInk()
	x := 0
	for x < len(cols) && cols[x] > 0 {
		x++
	}
	for x < len(cols) && cols[x] == 0 {
		x++
	}
	return ocr.Box{X: band.X + x, Y: band.Y, W: h, H: h}, x < len(cols)
}
