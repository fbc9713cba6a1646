package verify

import (
	"context"
	"fmt"
	"image"
	"regexp"
	"slices"
	"strconv"

	"github.com/qualcheck/qualcheck/extract"
	"github.com/qualcheck/qualcheck/ocr"
)

// writtenLine is how a kind of written line is read again: the
// characters it is made of ("" for any), whether its crop is made
// black and white first, at the midpoint of ink and paper, and whether
// it is read from its own text row too (rowOnly). An ID card's
// validity is cut from the red channel, where that drops a seal's faint
// remnant; a letter's date and blanks from the letter's seal-free image
// (ocr.SealFree), where the seal is gone already and a fill written over
// it is paler than that midpoint. On the seed-1 letters whose date the
// page misread (34), the second reading confirmed 17 from the seal-free
// image, 8 from the red channel made black and white, with no false
// confirmation in either against six fake form dates each (±1, ±6, ±10
// days). A letter's date is read from both images, and from its own row
// in each (rereadDates).
type writtenLine struct {
	chars   string
	twoTone bool
	ownRow  bool
}

var (
	letterDateLine = writtenLine{chars: "0123456789年月日", ownRow: true}                // 2026年05月08日
	redDateLine    = writtenLine{chars: "0123456789年月日", twoTone: true, ownRow: true} // the same, from the red channel
	idDateLine     = writtenLine{chars: "0123456789.-", twoTone: true}                // 2024.10.21-2044.10.21
	blankLine      = writtenLine{}                                                    // a letter's name blank
)

// fillGlyphs are the glyph heights a written line (a date, a letter's
// name blank) is read again at: the handwriting-like fill of a letter
// reads differently at each, and one agreeing reading is enough while
// none may contradict. A third size (20 px) confirmed no more of the
// seed-1 letters' dates and one fake date more.
var fillGlyphs = []float64{24, 30}

// rereadDates looks again at the dates the page read did not read as the
// form's: a letter's signature-block date and an ID card's validity.
// fills is the image a document's fills are cut from (for a letter, its
// seal-free image), red its red channel. A letter's date is read from
// both: where the seal's ring crosses a written digit, the seal-free
// image pales their overlap with the seal (the 6 of 2025年02月16日 went,
// generated app-11-00006) while the red channel made black and white
// keeps the digit and drops the ring.
func (p *Pipeline) rereadDates(ctx context.Context, r *DocResult, fills, red *image.Gray, form Form) {
	roles := docRoles(r.Ref.Role, r.Kind)
	switch r.Kind {
	case extract.KindCommitmentLetter, extract.KindApplicationLetter:
		srcs := []fillSource{{fills, letterDateLine}, {red, redDateLine}}
		p.confirmDate(ctx, r, srcs, extract.BlankDate, r.Fields[extract.BlankDateText], form.Value(formFieldOf(roles, extract.BlankDate)))
	case extract.KindIDBack:
		lost, found := lostTermEnd(r)
		for _, key := range []string{extract.FValidFrom, extract.FValidTo} {
			p.confirmDate(ctx, r, []fillSource{{fills, idDateLine}}, key, r.Fields[key], form.Value(formFieldOf(roles, key)))
		}
		if lost != "" {
			p.confirmLostEnd(ctx, r, fills, lost, found, form.Value(formFieldOf(roles, lost)))
		}
	}
}

// lostTermEnd is the end of an ID card's validity the page read did not
// find, when it found the other, and the field of the end found; "" when
// none was lost.
func lostTermEnd(r *DocResult) (string, extract.Field) {
	from, to := r.Fields[extract.FValidFrom], r.Fields[extract.FValidTo]
	switch {
	case from.Found() && !to.Found() && !from.Box.Empty():
		return extract.FValidTo, from
	case to.Found() && !from.Found() && !to.Box.Empty():
		return extract.FValidFrom, to
	}
	return "", extract.Field{}
}

// confirmLostEnd reads the validity line of the end found again for the
// end key the page read lost, and takes the form's entered date for it
// when the readings show it as confirmDate takes an ID card's date (one
// reading holds it, none another date). The page read app-31-00013's
// 2021.03.24-2031.03.24, crossed by the seal's ring, as 2031-03-24 alone
// and took it for the start; read again, the line gave the form's start
// and end.
func (p *Pipeline) confirmLostEnd(ctx context.Context, r *DocResult, img *image.Gray, key string, found extract.Field, entered string) {
	if entered == "" || entered == extract.LongTerm.String() {
		return
	}
	band, ok := rereadBand(extract.KindIDBack, img, found, found)
	if !ok {
		return
	}
	readings := validityPart(p.lineReadings(ctx, []fillSource{{img, idDateLine}}, band), key)
	if v := tally(readings, entered); v.confirms(false) {
		r.Fields[key] = extract.Field{Value: entered, Conf: v.conf, Box: found.Box}
	}
}

// fillSource is an image a written line is read again from, and how.
type fillSource struct {
	img  *image.Gray
	line writtenLine
}

// confirmDate reads the date r.Fields[key] again, unless the page read
// it as entered or read another date surely (a letter's date read surely
// is only doubted: doubtSureDate): its line alone (where
// text, the date as written, was read), from each of srcs, as one line
// of its writtenLine's characters at two sizes (dateReadings). The
// form's date is taken when the readings show it (dateVotes.confirms).
// On a letter, another date is taken, as read surely, when every reading
// names it with eight digits and the page's reading is one digit from
// it (a written 07-02 for the form's 07-09, read 07-00 on the page), or
// when most readings name it so and none the form's (mostlyOther); the
// page's own reading is taken when the readings name its month and day,
// their years misread (dayOther). On
// the generated corpus's clean letters the two readings agreed on a wrong
// date once (2023-01-15 for 2025-11-15), three digits from the page's
// reading. A letter's date no reading settles is the form's when its
// ink, character by character, clearly shows it (glyphDate). The page's
// reading stays in Read for the reviewer.
func (p *Pipeline) confirmDate(ctx context.Context, r *DocResult, srcs []fillSource, key string, text extract.Field, entered string) {
	f, ok := r.Fields[key]
	if entered == "" || !ok || !f.Found() || entered == extract.LongTerm.String() {
		return
	}
	if f.Value == entered {
		if key == extract.BlankDate && f.Conf < lowConf && text.Found() && !spells(text.Value, entered) {
			// The page's unsure reading names the form's date only by
			// chance: 2026证08六9日0, a written 08-19 whose 1 was lost,
			// parsed 2026-08-09. It is the date as written until a
			// second reading or its glyphs show the form's. (Looking
			// again at every unsure reading of the form's date, also
			// 2026们01月20日, lost 13 of seed 1's 117 letter dates and
			// 3 of its 60 decisions.)
			r.Fields[key] = extract.Field{Value: text.Value, Conf: f.Conf, Box: f.Box, Read: f.Value}
			p.confirmDate(ctx, r, srcs, key, text, entered)
		} else if key == extract.BlankDate && f.Conf < lowConf && p.outvoted(ctx, srcs, text, entered) {
			r.Fields[key] = extract.Field{Value: text.Value, Conf: f.Conf, Box: f.Box, Read: f.Value}
		}
		return
	}
	if read, valid := isoDate(f.Value); valid && f.Conf >= mismatchConf && !yearsApart(read, entered) {
		if key == extract.BlankDate {
			p.doubtSureDate(ctx, r, srcs, text, entered)
		}
		return
	}
	band, ok := rereadBand(r.Kind, srcs[len(srcs)-1].img, text, f) // a letter's red channel: its seal pale, its fills dark
	if !ok {
		return
	}
	readings := p.lineReadings(ctx, srcs, band)
	if r.Kind == extract.KindIDBack {
		readings = validityPart(readings, key)
	}
	v := tally(readings, entered)
	p.logger.Debug("date read again", "key", key, "readings", len(readings), "agree", v.agree, "others", len(v.others))
	other := ""
	if key == extract.BlankDate {
		other = v.mostlyOther(f.Value)
	}
	switch {
	case v.confirms(key == extract.BlankDate):
		r.Fields[key] = extract.Field{Value: entered, Conf: v.conf, Box: f.Box, Read: f.Value}
	case key == extract.BlankDate && v.allOther(len(readings), wholeOnPage(text.Value, f.Value)) && oneDigitApart(f.Value, v.named[0]):
		// Every second reading names the same other date with all its
		// eight digits, one digit from the page's reading: the letter
		// bears that date. A day read as one digit has lost one (the
		// letters write 07月01日), as the page's 2026年07月1让 for a
		// written 17日 was read 2026年07月1日 twice from the seal-free
		// image (generated app-1-00037).
		r.Fields[key] = extract.Field{Value: v.named[0], Conf: mismatchConf, Box: f.Box, Read: f.Value}
	case other != "":
		// Most second readings name one other date whole, and the page's
		// reading is that date misread: the letter bears it.
		r.Fields[key] = extract.Field{Value: other, Conf: mismatchConf, Box: f.Box, Read: f.Value}
	case key == extract.BlankDate && v.dayOther(f.Value, entered):
		r.Fields[key] = extract.Field{Value: f.Value, Conf: mismatchConf, Box: f.Box, Read: f.Value}
	case key == extract.BlankDate && v.agree == 0:
		// No second reading settled it: the ink is compared with the
		// form's date, character by character.
		if conf, ok := p.glyphDate(srcs[0].img, text, entered); ok {
			r.Fields[key] = extract.Field{Value: entered, Conf: conf, Box: f.Box, Read: f.Value}
		}
	}
}

// doubtSureDate reads again a letter's date the page read surely as
// another than the form's, and makes it unsure when the second readings
// show the form's as they must to confirm it (confirms): a written
// 2026年11月05日 read 11月06日 at 0.91 by the page, and read again
// 2026年11月05日 three times, no other date (held-out app-59-00025, a
// clean application rejected as LETTER_DATE_MISMATCH); with the page
// deskewed a degree further, four times against 11月06日 twice, which
// also confirms. The date stays as the page read it, for a reviewer to
// settle.
func (p *Pipeline) doubtSureDate(ctx context.Context, r *DocResult, srcs []fillSource, text extract.Field, entered string) {
	if v, ok := p.votesAgain(ctx, srcs, text, entered); ok && v.confirms(true) {
		f := r.Fields[extract.BlankDate]
		f.Conf = min(f.Conf, lowConf)
		r.Fields[extract.BlankDate] = f
	}
}

// validityPart is each reading of an ID card's validity cut to the date
// key names: 2019.05.04-2039.05.04 read whole holds the digits of both
// (generated app-7-00010, whose readings so never agreed with the
// form's 2019-05-04). Readings that name no such date are dropped.
func validityPart(readings []extract.Field, key string) []extract.Field {
	out := make([]extract.Field, 0, len(readings))
	for _, rd := range readings {
		from, to := extract.Term(rd)
		part := from
		if key == extract.FValidTo {
			part = to
		}
		if part.Found() {
			out = append(out, extract.Field{Value: part.Value, Conf: rd.Conf})
		}
	}
	return out
}

// spells reports whether the digits of written are those of the ISO
// date entered as a letter writes it, with or without leading zeros
// (2026年07月01日, 2026年7月1日), the Latin letters the OCR reads for 1
// and 0 counted as those (2025年0i月12日).
func spells(written, entered string) bool {
	d, ok := isoDate(entered)
	if !ok {
		return false
	}
	digits := extract.CodeDigits(written)
	return slices.ContainsFunc(writtenDates(d), func(w string) bool { return extract.Digits(w) == digits })
}

// oneDigitApart reports whether two dates' digits differ in at most one
// place: the page's reading (2025-07-00, impossible) and a second
// reading's (2025-07-02) of the same written date.
func oneDigitApart(a, b string) bool {
	da, db := []rune(extract.Digits(a)), []rune(extract.Digits(b))
	return len(da) == len(db) && len(differing(da, db)) <= 1
}

// outvoted reports whether the line of a letter's date that the page
// read unsurely as the form's, text, not written exactly as a letter
// writes it (writtenDates), read again, names another date:
// two readings or more, and three for each that names the form's. The
// page's 2026年11月03旦 spelled a fake form date of 11-03 for a written
// 11月02日, its 2 crossed by the seal's ring; read again, seven of eight
// readings named 11-02 (generated app-1-00056, form moved a day on).
func (p *Pipeline) outvoted(ctx context.Context, srcs []fillSource, text extract.Field, entered string) bool {
	if writesExactly(text.Value, entered) {
		return false
	}
	v, ok := p.votesAgain(ctx, srcs, text, entered)
	return ok && len(v.others) >= 2 && len(v.others) >= 3*v.agree
}

// votesAgain tallies against entered the second readings of a letter's
// date whose page reading, text, the page boxed character by character
// (dateBand); false when it did not.
func (p *Pipeline) votesAgain(ctx context.Context, srcs []fillSource, text extract.Field, entered string) (dateVotes, bool) {
	band, ok := dateBand(text)
	if !ok {
		return dateVotes{}, false
	}
	return tally(p.lineReadings(ctx, srcs, band), entered), true
}

// writesExactly reports whether text is the ISO date entered written
// as a letter writes it, every character read: 2025年04月05日, whose
// second readings from a band the page boxed too small named 04-03 and
// 04-08 (generated app-1-00046).
func writesExactly(text, entered string) bool {
	d, ok := isoDate(entered)
	return ok && slices.Contains(writtenDates(d), text)
}

// fromYear is a date read from the four digits before its 年 on: the
// label's colon before a date was read as 1 (12026年03月12日, generated
// app-1-00041's application letter), which made the digits another
// date's and the reading no date at all.
func fromYear(read string) string {
	rs := []rune(read)
	i := slices.Index(rs, '年')
	if i < 5 {
		return read
	}
	if !asciiDigits(string(rs[i-4 : i])) {
		return read
	}
	return string(rs[i-4:])
}

// asciiDigits reports whether s is ASCII digits only (0-9, not their
// full-width forms).
func asciiDigits(s string) bool {
	return extract.Digits(s) == s
}

// runTogether is a letter's date read with its 年 or 月 lost (or its 月
// read as one digit) and its digits run together, the label's colon
// before it read as 1, or the seal's ring after it read as digits: the
// four digits of a year of this century or the last, then two and two.
var runTogether = regexp.MustCompile(`^1?((?:19|20)\d\d)年?(\d\d)(?:月|\d)?(\d\d)(日\d*)?$`)

// withParts is read written as a letter writes a date where it lost a
// part's character: 2024年1129日, for 2024年11月29日 whose italic 月
// every reading at every size dropped (generated app-31-00025, whose
// form names 11-27), 2025年09910日 or 2025年09410日 with the 月 of
// 2025年09月10日 read as a digit (held-out app-59-00026, three readings
// and one), 1202607月29日 with the label's colon read as 1 and
// its 年 lost (app-31-00004), or 2026年07月30日1 with the ring read
// after it (app-31-00006). A date read with fewer digits, or with
// another after its day (2026年09月143), is left as read, and one read
// without its 日 is given none (tally counts the readings read through
// to it).
func withParts(read string) string {
	m := runTogether.FindStringSubmatch(read)
	if m == nil {
		return read
	}
	day := ""
	if m[4] != "" {
		day = "日"
	}
	return m[1] + "年" + m[2] + "月" + m[3] + day
}

// lostInParts reports whether the year, month and day of a date read,
// d, are each the ISO date entered's with digits lost: 2026年07月7日 for
// a written 07月17日, read at one size of four, and 2025年8月6 for a
// written 2025年08月26日 whose 2 the seal's ring crossed (generated
// app-11-00013) name no other date, where 2025年08月27 would.
func lostInParts(d extract.Date, entered string) bool {
	e, ok := isoDate(entered)
	if !ok {
		return false
	}
	read := []int{d.Y, d.M, d.D}
	for i, part := range []string{fmt.Sprintf("%04d", e.Y), fmt.Sprintf("%02d", e.M), fmt.Sprintf("%02d", e.D)} {
		r := []rune(strconv.Itoa(read[i]))
		if len(extract.InOrder(r, []rune(part))) != len(r) {
			return false
		}
	}
	return true
}

// yearsApart reports whether read lies more than five years from the
// entered date: a year misread (2086 for 2026) however surely, for the
// second reading to settle.
func yearsApart(read extract.Date, entered string) bool {
	e, ok := isoDate(entered)
	return ok && (read.Y-e.Y > 5 || e.Y-read.Y > 5)
}

// formFieldOf is the one form field that documents of roles show under
// key; "" when none does or, on a packet's ID back (which may be either
// person's), more than one.
func formFieldOf(roles []string, key string) string {
	found := ""
	for _, s := range fieldSpecs {
		for _, src := range s.sources {
			if src.key == key && slices.Contains(roles, src.role) {
				if found != "" && found != s.field {
					return ""
				}
				found = s.field
			}
		}
	}
	return found
}

// lineReadings are the readings of the written line in band from each
// of srcs.
func (p *Pipeline) lineReadings(ctx context.Context, srcs []fillSource, band ocr.Box) []extract.Field {
	var out []extract.Field
	for _, src := range srcs {
		out = append(out, p.dateReadings(ctx, src.img, band, src.line)...)
	}
	return out
}

// dateReadings are the readings of the written date in band of img: at
// each fill glyph size, of the band and, by line, of its text row alone
// (rowOnly).
func (p *Pipeline) dateReadings(ctx context.Context, img *image.Gray, band ocr.Box, line writtenLine) []extract.Field {
	crops, heights := []*image.Gray{ocr.CropGray(img, band.Rect())}, []int{band.H}
	if line.ownRow {
		if row, h, ok := rowOnly(img, band); ok {
			crops, heights = append(crops, row), append(heights, h)
		}
	}
	var out []extract.Field
	for i, crop := range crops {
		if line.twoTone {
			ocr.TwoTone(crop)
		}
		for _, g := range fillGlyphs {
			if f, ok := p.readWrittenCrop(ctx, crop, heights[i], g, line); ok {
				out = append(out, f)
			}
		}
	}
	return out
}

// readWrittenCrop reads crop, cut from a band bandH high about one
// written line, as that line alone of line's characters, brought to
// glyph pixels high. The crop is read as it is: a line read black and
// white is made so by its caller, once for every size.
func (p *Pipeline) readWrittenCrop(ctx context.Context, crop *image.Gray, bandH int, glyph float64, line writtenLine) (extract.Field, bool) {
	up := min(4, max(0.2, glyph/float64(bandH/2)))
	page, err := p.readCut(ctx, crop, up, cropPad, ocr.ReadOptions{PSM: ocr.PSMSingleLine, Whitelist: line.chars})
	if err != nil {
		return extract.Field{}, false
	}
	return fieldOfPage(page), true
}
