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
func (p *Pipeline) rereadWeak(ctx context.Context, r *DocResult, red *image.Gray) {
	for _, key := range rereadable[r.Kind] {
		old, ok := r.Fields[key]
		box, late := startsLate(r, red, key, old)
		if ok && !late && (old.Conf >= rereadConf || old.Box.Empty()) {
			continue
		}
		found := ok
		if !found {
			if box, ok = nameBand(r, key); !ok {
				continue
			}
		}
		for _, b := range rereadBoxes(r.Kind, r.Page, red, box) {
			if nf, ok := p.readName(ctx, r.Kind, red, key, b, found); ok && betterName(nf, old, late, r.Kind == extract.KindLicense && key == extract.FName) {
				r.Fields[key], old = nf, nf
			}
		}
	}
}

// betterName reports whether a name read again, nf, replaces old: read
// more surely or, for a licence name that started late, old with its
// start restored; never as one character, which names no one (本 for
// 韦蕾 from a widened box, generated app-1-00047; 有 at 0.45 from a box
// twice the name's height for 林菠凤 at 0.22, a card of 林萍凤 that the
// glyph check then confirmed, app-1-00025). For the same reason a name
// read as one character is replaced by a longer reading however unsure
// (熊兰 read 能 at 0.76, the widened box 熊兰 at 0.49, held-out
// app-71-00025). An enterprise's name read
// again with under three quarters of its characters has lost some:
// 捷痢贸易（青岛）有限公司 at 0.00 for 捷睿贸易（青岛）有限公司, read
// again （二入）有限全司 at 0.20 (generated app-7-00019).
func betterName(nf, old extract.Field, late, enterprise bool) bool {
	n := len([]rune(nf.Value))
	if n < 2 || enterprise && 4*n < 3*len([]rune(old.Value)) {
		return false
	}
	return nf.Conf > old.Conf || late && longerBy(nf.Value, old.Value) || len([]rune(old.Value)) == 1
}

// rereadBoxes are the boxes a name read in box is read again from: box,
// and on an ID card box widened to the right by two of its heights,
// where the page read boxed only part of a name (忆A月 in a box over the
// first one and a half characters of 彭静, generated app-1-00024); an ID
// card holds nothing right of its name.
//
// A name printed large can come back as two lines, its glyphs' top and
// bottom halves (曾霞, 46 px high on held-out app-13-00016's card, read
// 的雷 over 自恨): the box of the lines stacked on box, cut to its
// inked rows of red so that it is read at its glyphs' size, is read too.
func rereadBoxes(k extract.Kind, page ocr.Page, red *image.Gray, box ocr.Box) []ocr.Box {
	out := []ocr.Box{box}
	if k == extract.KindIDFront || k == extract.KindHandheld {
		out = append(out, ocr.Box{X: box.X, Y: box.Y, W: box.W + 2*box.H, H: box.H})
		if s := stackedBox(page, box); s != box {
			out = append(out, inkBand(red, s))
		}
	}
	return out
}

// inkBand is b cut to its rows from the first to the last holding ink;
// b as it is when none does.
func inkBand(red *image.Gray, b ocr.Box) ocr.Box {
	runs := ocr.NewInkLine(red, b).InkRuns(1)
	if len(runs) == 0 {
		return b
	}
	top, bottom := runs[0].Min.Y, runs[len(runs)-1].Max.Y
	return ocr.Box{X: b.X, Y: top, W: b.W, H: bottom - top}
}

// stackedBox is box joined with the page's lines stacked on it: lines
// sharing at least half of their width and of box's with it, above or
// below it with at most half box's height between, and sharing less
// than half the shorter one's height with it (a line in its row is not
// stacked on it). A line that merely overlaps it (姓名 read with the
// name's first character, sample app-1-00002's handheld photo) is no
// half of its glyphs.
func stackedBox(page ocr.Page, box ocr.Box) ocr.Box {
	out := box
	for _, l := range page.Lines {
		b := l.Box
		cols := min(b.X+b.W, box.X+box.W) - max(b.X, box.X)
		rows := min(b.Y+b.H, box.Y+box.H) - max(b.Y, box.Y) // < 0: the gap between them
		if 2*cols >= max(b.W, box.W) && -2*rows <= box.H && 2*rows < min(b.H, box.H) {
			out = out.Union(b)
		}
	}
	return out
}

// readName reads the name key of a document of kind k from box of red,
// grown, as one line, cleaned as its kind's names are. A person's name
// the page found (found) that reads as nothing is read again a quarter
// smaller: Tesseract gives nothing for some short lines at some sizes: a
// card's 雷亮 cut whole from its two halves (held-out app-67-00002) read
// at 0.35 of its size, and 雷亮 or 梁宇 drawn 32 points high, read whole
// at half that. A band where the page found no name is not: read
// smaller, held-out app-61-00012's gave 是至 at 0.54 beside a card's
// 陈雪, which the page and the band at its size read as nothing.
func (p *Pipeline) readName(ctx context.Context, k extract.Kind, red *image.Gray, key string, box ocr.Box, found bool) (extract.Field, bool) {
	g, person := grow(box), key == extract.FLegalRep || k != extract.KindLicense
	nf, ok := p.readCrop(ctx, red, g, ocr.ReadOptions{PSM: ocr.PSMSingleLine})
	if ok && nf.Value == "" && person && found {
		page, read := p.readCropLines(ctx, red, g, g.H*2/3, ocr.ReadOptions{PSM: ocr.PSMSingleLine})
		nf, ok = fieldOfPage(page), read
	}
	nf.Value = strings.TrimLeft(cleanName(nf.Value), "姓名")
	if person {
		nf = extract.SnapSurname(extract.PersonName(nf))
	} else {
		nf = extract.CleanEnterpriseName(nf)
	}
	return nf, ok && nf.Found()
}

// startsLate reports whether a licence's name f starts more than a
// character right of the column its values start in (the type's and the
// legal representative's left edge), as when the page read kept only
// the name's last word (理有限公司 for 南京新通健康管理有限公司, generated
// app-1-00022, read at 0.92), or half a character right of it with ink
// in between (西安市祥景物流有限公司 read 安市祥景物流有限公司 at 0.93, its
// clear 西 dropped, generated app-41-00023), and returns the box from
// that column to f's right edge; else f's box. A name a character in
// with no ink before it is the read's own jitter.
func startsLate(r *DocResult, red *image.Gray, key string, f extract.Field) (ocr.Box, bool) {
	if r.Kind != extract.KindLicense || key != extract.FName || f.Box.Empty() {
		return f.Box, false
	}
	col := f.Box.X
	for _, k := range []string{extract.FType, extract.FLegalRep} {
		if v, ok := r.Fields[k]; ok && !v.Box.Empty() && v.Box.X < col {
			col = v.Box.X
		}
	}
	off, fromCol := f.Box.X-col, ocr.Box{X: col, Y: f.Box.Y, W: f.Box.X + f.Box.W - col, H: f.Box.H}
	if off > f.Box.H || 2*off >= f.Box.H && inkBefore(red, fromCol, off) {
		return fromCol, true
	}
	return f.Box, false
}

// inkBefore reports whether the first off columns of box hold a
// character's ink, judged as the whole box's line is: a third of a
// line height's columns inked, two pixels or more each.
func inkBefore(red *image.Gray, box ocr.Box, off int) bool {
	if red == nil || !box.Rect().In(red.Bounds()) {
		return false
	}
	line := ocr.NewInkLine(red, box)
	before := image.Rect(box.X, box.Y, box.X+off-1, box.Y+box.H)
	inked := 0
	for _, n := range specksOut(line.Within(before).ColumnInk()) {
		if n > 0 {
			inked++
		}
	}
	return 3*inked >= box.H
}

// longerBy reports whether v is old with more before it: the start of a
// name the page read lost.
func longerBy(v, old string) bool {
	v, old = extract.Canon(v), extract.Canon(old)
	return len(v) > len(old) && strings.HasSuffix(v, old)
}

// rereadBlanks reads a letter's name blanks (the actual user, the
// administrator) again where the page read them not as the form's: the
// blank's line alone, cut from the letter's seal-free image (fills run
// under the seal), at the two sizes dates are read again at. A reading
// holding the form's value whole shows it; the page's reading stays in
// Read for the reviewer. An enterprise blank's reading that tells the
// form's name misread replaces a page reading that does not
// (misreadReading); any other reading of the administrator's changes
// nothing unless it refutes the form's name (refuteBlank) or reads a
// character of it where the page read another, which the glyph check
// then no longer weighs the cells against (overruled).
func (p *Pipeline) rereadBlanks(ctx context.Context, r *DocResult, img *image.Gray, form Form) {
	if !r.Kind.IsLetter() {
		return
	}
	for _, b := range letterBlanks {
		f, want := r.Fields[b.blank], form.Value(b.field)
		if want == "" || !f.Found() || f.Box.Empty() || extract.Canon(f.Value) == extract.Canon(want) {
			continue
		}
		conf, ok, readings := p.lineShows(ctx, img, f.Box, want)
		if ok {
			r.Fields[b.blank] = extract.Field{Value: want, Conf: conf, Box: f.Box, Read: f.Value}
			continue
		}
		if b.blank == blankEnterprise {
			r.Fields[b.blank] = misreadReading(readings, f, want)
			continue
		}
		if nf, ok := p.refuteBlank(img, f, readings, want, people(form, want)); ok {
			r.Fields[b.blank] = nf
			r.markRefuted(b.blank)
		} else if read := overruled(f.Value, readings, []rune(extract.Canon(want))); read != extract.Canon(f.Value) {
			r.Fields[b.blank], _ = p.glyphBlankAgainst(img, b.blank, f, read, want, people(form, want))
		}
	}
	p.rereadLetterID(ctx, r, img, form)
}

// idBlankLine is how a letter's administrator ID number is read again:
// digits and the check character X only.
var idBlankLine = writtenLine{chars: "0123456789X"}

// rereadLetterID reads an application letter's administrator ID number
// again, as rereadBlanks reads the names, where the page read it not as
// the form's: the blank's line alone, widened by four glyphs on each side
// (a blurred fill's page box can hold only part of the number:
// 52719781222073 in a box short of its first digits for the written
// 532527197812220733, generated app-19-00023), read as digits. A reading
// holding the form's number whole shows it; any other changes nothing.
func (p *Pipeline) rereadLetterID(ctx context.Context, r *DocResult, img *image.Gray, form Form) {
	f, want := r.Fields[blankAdminID], form.Value(FieldAdminIDNumber)
	if r.Kind != extract.KindApplicationLetter || want == "" || !f.Found() || f.Box.Empty() || extract.CodeChars(f.Value) == want {
		return
	}
	h := f.Box.H
	box := ocr.Box{X: f.Box.X - 4*h, Y: f.Box.Y, W: f.Box.W + 8*h, H: h}
	if conf, ok, _ := p.lineHolds(ctx, img, box, want, idBlankLine); ok {
		r.Fields[blankAdminID] = extract.Field{Value: want, Conf: conf, Box: f.Box, Read: f.Value}
	}
}

// lineShows reports whether the line in box of img, read alone at each
// of fillGlyphs, holds want whole in one reading, and that reading's
// confidence (lineHolds). Readings that each miss a character or two
// may show an enterprise name together (consensus). When they do not,
// the readings are returned for refuteBlank.
func (p *Pipeline) lineShows(ctx context.Context, img *image.Gray, box ocr.Box, want string) (float64, bool, []extract.Field) {
	conf, ok, readings := p.lineHolds(ctx, img, box, want, blankLine)
	if ok {
		return conf, true, nil
	}
	conf, ok = consensus(readings, want)
	return conf, ok, readings
}

// lineHolds reports whether the line in box of img, read alone as line
// at each of fillGlyphs, holds want whole in one reading, and that
// reading's confidence; else the readings. The line is cut two ways:
// box grown by half its height, and the text row about box's middle,
// two rows high (a page read's box of a fill under a seal can be two
// lines high, and a crop scaled by it shrinks the fill to 10 pixels: 可2
// for 广州宇信物流有限公司, generated app-11-00029). Each cut is read as it
// stands and, when it leans, stood upright (upright).
func (p *Pipeline) lineHolds(ctx context.Context, img *image.Gray, box ocr.Box, want string, line writtenLine) (float64, bool, []extract.Field) {
	bands := []ocr.Box{grow(box)}
	if band, h, ok := rowBand(img, box); ok && 3*h < 2*box.H {
		bands = append(bands, band)
	}
	var readings []extract.Field
	for _, band := range bands {
		for _, crop := range upright(ocr.CropGray(img, band.Rect())) {
			for _, g := range fillGlyphs {
				f, ok := p.readWrittenCrop(ctx, crop, band.H, g, line)
				if ok && strings.Contains(extract.Canon(f.Value), extract.Canon(want)) {
					return f.Conf, true, nil
				}
				readings = append(readings, f)
			}
		}
	}
	return 0, false, readings
}

// upright is a cut of a written line as it stands and, when it leans,
// stood upright (ocr.Deslant): chi_sim reads an italic fill's characters
// as others (任博 read 在灶, generated app-11-00010) that it reads right
// upright.
func upright(crop *image.Gray) []*image.Gray {
	if up := ocr.Deslant(crop, maxSlant); up != crop {
		return []*image.Gray{crop, up}
	}
	return []*image.Gray{crop}
}

// nameBand is where a name should be when the page read found its label
// but no name. An ID card's name prints larger than its 姓名 label, so
// its band is one and a half labels high and six wide; a licence's legal
// representative prints as large as 法定代表人, whose row goes on to the
// next column, so its band is one label high and five characters wide.
func nameBand(r *DocResult, key string) (ocr.Box, bool) {
	switch {
	case r.Kind == extract.KindLicense && key == extract.FLegalRep:
		lb, ok := extract.LabelBox(r.Page, "法定代表人")
		h := lb.H
		return ocr.Box{X: lb.X + lb.W + h/2, Y: lb.Y, W: 5 * h, H: h}, ok
	case r.Kind != extract.KindIDFront && r.Kind != extract.KindHandheld:
		return ocr.Box{}, false
	}
	f, ok := extract.ValueText(r.Page, "姓名")
	if !ok || f.Found() {
		return ocr.Box{}, false
	}
	h := f.Box.H
	return ocr.Box{X: f.Box.X + h/3, Y: f.Box.Y - h/4, W: 6 * h, H: h * 3 / 2}, true
}

// rereadAddress completes a licence address that the page read cut
// short: an address wraps onto a second line, and a sparse page read
// loses a lone wrapped glyph ("…5号楼16" for "…5号楼16层"). The band under
// the first line's start is read alone; what it holds is kept only when
// it is the tail of an address (digits, then a room, floor or house
// character).
func (p *Pipeline) rereadAddress(ctx context.Context, r *DocResult, red *image.Gray) {
	old, found := r.Fields[extract.FAddress]
	if r.Kind != extract.KindLicense || !found || extract.CompleteAddress(old.Value) || !extract.StartsWithRegion(old.Value) {
		return
	}
	line := old.Box.H
	if line > 80 {
		return // already two lines: the tail is not lost, it is misread
	}
	band := ocr.Box{X: old.Box.X - line/2, Y: old.Box.Y + line, W: 5 * line, H: line * 3 / 2}
	// psm 6: as a single line (psm 7) Tesseract returns nothing for a
	// lone glyph in most crops of the generated corpus.
	page, ok := p.readCropLines(ctx, red, band, line, ocr.ReadOptions{PSM: ocr.PSMBlock})
	if !ok {
		return
	}
	tail := extract.AddressTail(fieldOfPage(page).Value)
	if tail == "" {
		return
	}
	old.Value += tail
	old.Box = old.Box.Union(band)
	old.Confs = nil
	r.Fields[extract.FAddress] = old
}

// usccAlphabet is what a credit code may hold (GB 32100: no I, O, S, V, Z).
const usccAlphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY"

// rereadCreditCode reads the credit code's bands again as one line of
// code characters when the page read gave no valid code.
func (p *Pipeline) rereadCreditCode(ctx context.Context, r *DocResult, red *image.Gray) {
	if r.Kind != extract.KindLicense {
		return
	}
	if c, ok := r.Fields[extract.FCreditCode]; ok && extract.ValidateUSCC(c.Value) == nil {
		return
	}
	for _, band := range extract.CreditCodeBands(r.Page) {
		opt := ocr.ReadOptions{PSM: ocr.PSMSingleLine, Digits: true, Whitelist: usccAlphabet}
		nf, ok := p.readCrop(ctx, red, band, opt)
		if ok && extract.ValidateUSCC(nf.Value) == nil {
			r.Fields[extract.FCreditCode] = nf
			return
		}
	}
}

// setIfMissing sets a term's date read from a crop where the page read
// none, or only text that is no date (kept for the reviewer).
func setIfMissing(fs extract.Fields, key string, f extract.Field) {
	old, ok := fs[key]
	_, dated := isoDate(old.Value)
	if f.Found() && (!ok || !dated) {
		fs[key] = f
	}
}

// grow widens a value's box by half its height on every side, so that
// the crop holds the whole glyphs of a slightly tilted line.
func grow(b ocr.Box) ocr.Box {
	m := b.H / 2
	return ocr.Box{X: b.X - m, Y: b.Y - m, W: b.W + 2*m, H: b.H + 2*m}
}

// readCrop reads box (source pixels, grown by half a line on each side)
// of the full-resolution red channel, scaled so that its line is about
// targetGlyph high, and returns its text as one field in source pixels.
func (p *Pipeline) readCrop(ctx context.Context, red *image.Gray, box ocr.Box, opt ocr.ReadOptions) (extract.Field, bool) {
	page, ok := p.readCropPage(ctx, red, box, opt)
	return fieldOfPage(page), ok
}

// readCropPage reads a one-line crop: its line is half its height.
func (p *Pipeline) readCropPage(ctx context.Context, red *image.Gray, box ocr.Box, opt ocr.ReadOptions) (ocr.Page, bool) {
	return p.readCropLines(ctx, red, box, box.H/2, opt)
}

// readCropLines reads a crop whose lines are line pixels high, scaled so
// that they are about targetGlyph high.
func (p *Pipeline) readCropLines(ctx context.Context, red *image.Gray, box ocr.Box, line int, opt ocr.ReadOptions) (ocr.Page, bool) {
	up := 1.0
	if line > 0 {
		up = min(3, max(0.2, targetGlyph/float64(line)))
	}
	page, err := p.readCut(ctx, ocr.CropGray(red, box.Rect()), up, cropPad, opt)
	if err != nil {
		return ocr.Page{}, false
	}
	return ocr.MapPage(page, image.Pt(box.X, box.Y), cropPad, up, 0, 0), true
}

// cropPad is the white margin a crop is read with: Tesseract reads text
// that touches the image edge badly.
const cropPad = 12

// readCut reads a cut-out image scaled by up, with a white margin of pad
// pixels; the page is in the scaled, padded cut's pixels.
func (p *Pipeline) readCut(ctx context.Context, cut *image.Gray, up float64, pad int, opt ocr.ReadOptions) (ocr.Page, error) {
	return p.reader.Read(ctx, ocr.Pad(ocr.ScaleGray(cut, up), pad), opt)
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

// tiltRoom is band grown by rise above and below: a line on a photo
// tilted 3° climbs or falls a twentieth of its width across it.
func tiltRoom(band ocr.Box, rise int) ocr.Box {
	return ocr.Box{X: band.X, Y: band.Y - rise, W: band.W, H: band.H + 2*rise}
}
