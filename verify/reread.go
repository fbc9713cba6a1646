package verify

import (
	"context"
	"image"
	"strings"
	"unicode"

	"github.com/qualcheck/qualcheck/extract"
	"github.com/qualcheck/qualcheck/ocr"
)

// rereadable are the text fields worth a second, closer look when the
// page read was unsure: one line each, where a crop read as a single
// line at double size fixes most misread characters.
var rereadable = map[extract.Kind][]string{
	extract.KindLicense:  {extract.FName, extract.FLegalRep},
	extract.KindIDFront:  {extract.FName},
	extract.KindHandheld: {extract.FName},
}

// rereadConf is the confidence under which a field is read again.
const rereadConf = 0.85

// rereadWeak reads unsure one-line fields again from a crop of the
// prepared image g (scale f), keeping the new reading when it is surer.
func (p *Pipeline) rereadWeak(ctx context.Context, r *DocResult, g *image.Gray, f float64) {
	for _, key := range rereadable[r.Kind] {
		old, ok := r.Fields[key]
		if !ok || old.Conf >= rereadConf || old.Box.Empty() {
			continue
		}
		nf, ok := p.readCrop(ctx, g, f, grow(old.Box), ocr.ReadOptions{PSM: ocr.PSMSingleLine})
		nf.Value = cleanName(nf.Value)
		if ok && nf.Found() && nf.Conf > old.Conf {
			r.Fields[key] = nf
		}
	}
}

// usccAlphabet is what a credit code may hold (GB 32100: no I, O, S, V, Z).
const usccAlphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY"

// rereadCreditCode reads the credit code's bands again as one line of
// code characters when the page read gave no valid code.
func (p *Pipeline) rereadCreditCode(ctx context.Context, r *DocResult, g *image.Gray, f float64) {
	if r.Kind != extract.KindLicense {
		return
	}
	if c, ok := r.Fields[extract.FCreditCode]; ok && extract.ValidateUSCC(c.Value) == nil {
		return
	}
	for _, band := range extract.CreditCodeBands(r.Page) {
		opt := ocr.ReadOptions{PSM: ocr.PSMSingleLine, Digits: true, Whitelist: usccAlphabet}
		nf, ok := p.readCrop(ctx, g, f, band, opt)
		if ok && extract.ValidateUSCC(nf.Value) == nil {
			r.Fields[extract.FCreditCode] = nf
			return
		}
	}
}

// grow widens a value's box by half its height on every side, so that
// the crop holds the whole glyphs of a slightly tilted line.
func grow(b ocr.Box) ocr.Box {
	m := b.H / 2
	return ocr.Box{X: b.X - m, Y: b.Y - m, W: b.W + 2*m, H: b.H + 2*m}
}

// readCrop reads box (source pixels) of the prepared image at twice its
// size and returns its text as one field in source pixels.
func (p *Pipeline) readCrop(ctx context.Context, g *image.Gray, f float64, box ocr.Box, opt ocr.ReadOptions) (extract.Field, bool) {
	const pad, up = 12, 2.0
	crop := ocr.Pad(ocr.ScaleGray(ocr.CropGray(g, scaleRect(box.Rect(), f)), up), pad)
	page, err := p.reader.Read(ctx, crop, opt)
	if err != nil {
		return extract.Field{}, false
	}
	page = shiftPage(ocr.MapPage(page, image.Point{}, pad, f*up, 0, 0), box.X, box.Y)
	return fieldOfPage(page), true
}

// fieldOfPage joins every word of a page into one field.
func fieldOfPage(p ocr.Page) extract.Field {
	var f extract.Field
	f.Conf = 1
	for _, l := range p.Lines {
		for _, w := range l.Words {
			t := strings.ReplaceAll(w.Text, " ", "")
			f.Value += t
			for range []rune(t) {
				f.Confs = append(f.Confs, w.Conf)
			}
			f.Conf = min(f.Conf, w.Conf)
			f.Box = f.Box.Union(w.Box)
		}
	}
	if f.Value == "" {
		f.Conf = 0
	}
	return f
}

// cleanName keeps the Han characters and brackets of a name read from a
// crop, dropping the stray strokes of a border or label.
func cleanName(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.Is(unicode.Han, r) || strings.ContainsRune("（）()·", r) {
			return r
		}
		return -1
	}, s)
}
