package verify

import (
	"context"
	"image"
	"strings"

	"github.com/qualcheck/qualcheck/extract"
	"github.com/qualcheck/qualcheck/ocr"
)

// addressGlyphs are the glyph heights a licence address is read again at.
var addressGlyphs = []float64{24, 32}

// addressPad is the white margin a licence address's crop is read with:
// with the usual cropPad, Tesseract read the two rows of generated
// app-11-00027 as 人了.
const addressPad = 40

// confirmAddress reads a licence address that the page read not as the
// form's again: the band where it stands (addressWhere), as cut, its
// tones stretched, and made black and white (addressCuts), as a block,
// at each of addressGlyphs. A reading that, its division names snapped, holds the
// form's address whole shows it; the page's reading stays in Read.
// Otherwise the reading nearest the form's address replaces the page's
// when it is nearer than the page's, and the glyph check, which the
// page's reading did not pass, weighs the characters of the best
// reading: the address of generated
// app-11-00004's licence, read on the whole page as 安, 扩人全区本让计<
// and 层, reads whole from its own band.
func (p *Pipeline) confirmAddress(ctx context.Context, r *DocResult, red *image.Gray, form Form) {
	want, old := form.EnterpriseAddress, r.Fields[extract.FAddress]
	e := []rune(extract.Canon(want))
	if r.Kind != extract.KindLicense || want == "" || extract.Canon(old.Value) == string(e) {
		return
	}
	band, side, ok := addressWhere(r.Page, old, e)
	if !ok {
		return
	}
	best, dist := old, addressDistance(old, e)
	off := band.Rect().Intersect(red.Bounds()).Min
	for _, cut := range addressCuts(red, band) {
		for _, g := range addressGlyphs {
			nf, ok := p.readAddress(ctx, cut, off, g/float64(side))
			if !ok {
				return
			}
			if strings.Contains(extract.Canon(nf.Value), string(e)) {
				r.Fields[extract.FAddress] = extract.Field{Value: want, Conf: nf.Conf, Box: orBox(old.Box, nf.Box), Read: old.Value}
				return
			}
			if d := addressDistance(nf, e); d < dist {
				best, dist = nf, d
			}
		}
	}
	if dist < addressDistance(old, e) {
		r.Fields[extract.FAddress] = best
		p.confirmKeyByGlyphs(r, red, form, extract.FAddress, []string{want})
	}
}

// readAddress reads cut, cut from the page at off, scaled by up, as a
// block, and returns its text as one field in the page's pixels, its
// division names snapped.
func (p *Pipeline) readAddress(ctx context.Context, cut *image.Gray, off image.Point, up float64) (extract.Field, bool) {
	up = min(4, max(0.2, up))
	page, err := p.readCut(ctx, cut, up, addressPad, ocr.ReadOptions{PSM: ocr.PSMBlock})
	if err != nil {
		return extract.Field{}, false
	}
	return extract.SnapAddress(extract.PageField(ocr.MapPage(page, off, addressPad, up, 0, 0))), true
}

// addressCuts are the band of red cut out as it is (sample app-1-00010's
// address read whole only so), with its tones stretched (ocr.Stretch: a
// photocopy's grey text padded with white otherwise reads as noise), and
// the stretched cut made black and white, which a streak or a seal's
// remnant over the text leaves readable where the grey does not.
func addressCuts(red *image.Gray, band ocr.Box) []*image.Gray {
	cut := ocr.CropGray(red, band.Rect())
	grey := ocr.Stretch(cut)
	bw := ocr.CropGray(grey, grey.Bounds())
	ocr.TwoTone(bw)
	return []*image.Gray{cut, grey, bw}
}

// addressDistance is how far a reading f is from the address e, in
// characters; an address not read is as far as e is long.
func addressDistance(f extract.Field, e []rune) int {
	return extract.Levenshtein([]rune(extract.Canon(f.Value)), e)
}

// orBox is a, or b when a is empty.
func orBox(a, b ocr.Box) ocr.Box {
	if a.Empty() {
		return b
	}
	return a
}

// addressWhere is the band where the address e, read on page as f,
// stands, and the side of its characters: around f (addressBand), or,
// where the page read no address, right of the 住所 label (labelBand).
func addressWhere(page ocr.Page, f extract.Field, e []rune) (ocr.Box, int, bool) {
	if f.Found() && !f.Box.Empty() {
		return addressBand(f, e)
	}
	return labelBand(page, e)
}

// addressBand is where an address e, read as f, may stand, and the side
// of its characters (charSide, as if e were all on the box's first
// line): the box and the line under it, widened by half a character.
// Where the page read only a few of the address's characters
// (app-11-00004: 安, and the wrapped 层, of a 22-character address), the
// side is the first character's height and the band as wide as e
// printed on one line.
func addressBand(f extract.Field, e []rune) (ocr.Box, int, bool) {
	box := f.Box
	side, ok := charSide(box, e)
	if len(f.Boxes) > 0 && 2*len([]rune(f.Value)) < len(e) {
		if h := f.Boxes[0].H; h >= 8 && (!ok || 3*side < 2*h) {
			side, ok = h, true
			box.W = max(box.W, int(float64(h)*lineWidth(e)))
		}
	}
	if !ok {
		return ocr.Box{}, 0, false
	}
	return bandAround(box, side), side, true
}

// bandAround is box's first line and the line under it, widened by half a
// character of side.
func bandAround(box ocr.Box, side int) ocr.Box {
	m := side / 2
	h := max(box.H, side*13/5)
	return ocr.Box{X: box.X - m, Y: box.Y - m, W: box.W + 2*m, H: h + 2*m}
}

// labelBand is where the address e stands right of a licence's 住所
// label (read whole, or as 所 alone, its 住 lost) on page: the label's
// line, a character's gap on, as wide as e printed on one line, and the
// line under it.
func labelBand(page ocr.Page, e []rune) (ocr.Box, int, bool) {
	for _, l := range page.Lines {
		for _, w := range l.Words {
			if t := extract.Canon(w.Text); t != "住所" && t != "所" {
				continue
			}
			side := w.Box.H
			if side < 8 {
				continue
			}
			box := ocr.Box{X: w.Box.X + w.Box.W + side, Y: w.Box.Y, W: int(float64(side) * lineWidth(e)), H: side}
			return bandAround(box, side), side, true
		}
	}
	return ocr.Box{}, 0, false
}

// lineWidth is how wide the characters rs print, in Han character widths.
func lineWidth(rs []rune) float64 {
	total := 0.0
	for _, r := range rs {
		total += cellWidth(r)
	}
	return total
}
