package verify

import (
	"cmp"
	"context"
	"image"
	"slices"
	"sort"
	"time"
	"unicode"

	"github.com/qualcheck/qualcheck/extract"
	"github.com/qualcheck/qualcheck/ocr"
)

// psmFor picks Tesseract's page segmentation per role: letters are one
// block of prose (psm 6); licences, cards and handheld photos are sparse
// labels and values (psm 11), where psm 3 loses the small grey labels.
func psmFor(role string) int {
	switch role {
	case RoleCommitmentLetter, RoleApplicationLetter:
		return ocr.PSMBlock
	}
	return ocr.PSMSparse
}

// readImage runs OCR on one decoded image and extracts what its kind has.
func (p *Pipeline) readImage(ctx context.Context, r DocResult, d ocr.Decoded, form Form) DocResult {
	b := d.Image.Bounds()
	r.Report.Format, r.Report.Page = string(d.Format), d.Page
	r.Report.Width, r.Report.Height = b.Dx(), b.Dy()
	colours, seals := findStamps(&r, d.Image)
	strips := unwrapSeals(d.Image, seals)
	t0 := time.Now()
	red, sealFree := ocr.RedChannel(d.Image), sealFreeFor(d.Image, r.Ref.Role)
	d.Image = nil // the colour image is not needed again: let it go
	cls, red, ok := p.readPage(ctx, &r, red)
	if !ok {
		return r.fail(CodeDocumentUnreadable, "ocr failed")
	}
	if !cls.Kind.IsLetter() {
		sealFree = nil // a packet's other pages are looked at in red
	}
	fills := cmp.Or(sealFree, red)
	r.Report.TimingsMS["ocr"] = time.Since(t0).Milliseconds()
	t1 := time.Now()
	r.Kind = cls.Kind
	r.Report.KindDetected = string(cls.Kind)
	r.Fields = p.extractFields(cls.Kind, r.Page)
	r.Report.Stamps = companyStamps(seals, cls.Kind, r.Page)
	checkCopy(&r, colours, seals)
	if cls.Kind.IsLetter() {
		p.readMissingDateLine(ctx, &r, fills)
		p.compareTemplate(ctx, &r, red, sealFree)
	}
	if m := r.Report.Mirrored; m == nil || !*m { // crops of a mirrored image read nothing
		p.lookAgain(ctx, &r, red, fills, strips, form)
	}
	r.Report.Dates = letterDatesFound(r.Fields)
	r.Report.Extracted = reportValues(r.Fields)
	r.Report.TimingsMS["extract"] = time.Since(t1).Milliseconds()
	return r
}

// lookAgain reads once more, from crops, what the page read left unsure
// (seal texts, ID numbers, names, credit codes, terms, addresses, from
// red), confirms values the form gives by their glyphs, reads a licence
// address still not the form's again from its band (confirmAddress,
// whose best reading the glyph check weighs again) and its enterprise
// type (confirmType), and confirms by check characters and second
// readings of dates and letter blanks (from fills: a letter's seal-free
// image, else red; a letter's date from red as well).
func (p *Pipeline) lookAgain(ctx context.Context, r *DocResult, red, fills *image.Gray, strips []sealStrip, form Form) {
	p.readSealTexts(ctx, r, strips)
	p.rereadIDNumber(ctx, r, red)
	p.rereadWeak(ctx, r, red)
	p.rereadCreditCode(ctx, r, red)
	p.rereadTerm(ctx, r, red)
	p.rereadAddress(ctx, r, red)
	p.confirmByGlyphs(r, fills, form)
	p.confirmAddress(ctx, r, red, form)
	p.confirmType(ctx, r, red, form)
	confirmByCheckDigit(r, form)
	p.rereadDates(ctx, r, fills, red, form)
	p.rereadBlanks(ctx, r, fills, form)
}

// sealFreeFor is the seal-free image (ocr.SealFree) of an image that may
// hold a letter, for its role: a letter's date and signature block are
// written over the company seal, so its fills are looked at again there;
// nil for roles that hold no letter. The page itself is read from the red
// channel, which keeps the layout Tesseract reads whole.
func sealFreeFor(img image.Image, role string) *image.Gray {
	switch role {
	case RoleCommitmentLetter, RoleApplicationLetter, RolePacket, RoleOther:
		return ocr.SealFree(img)
	}
	return nil
}

// readPage reads red as r's page (deskewed, at its role's scale), checks
// it for mirroring, reads a page with no body text again flattened, and
// sets the quality figures. A readable page is classified for its role
// (extract.Classification.ForRole); an unreadable one of no kind stays of none
// (DOCUMENT_UNREADABLE). It returns the page's classification and the
// image that later crops should come from; false when Tesseract failed.
func (p *Pipeline) readPage(ctx context.Context, r *DocResult, red *image.Gray) (extract.Classification, *image.Gray, bool) {
	f, opt := p.scaleFor(red.Bounds(), r.Ref.Role), ocr.ReadOptions{PSM: psmFor(r.Ref.Role)}
	page, g, err := p.readScaled(ctx, red, f, opt, byPaper(r.Ref.Role))
	if err != nil {
		return extract.Classification{}, red, false
	}
	r.Page = page
	cls := p.checkMirror(ctx, r, red, extract.Classify(r.Page))
	if m := r.Report.Mirrored; m == nil || !*m {
		if flat, ok := p.readFlatIfPoor(ctx, r, red, f, opt); ok {
			red, cls = flat, extract.Classify(r.Page)
		}
	}
	stats := ocr.Measure(g)
	r.Report.Quality = &Quality{
		MeanConfidence: round3(r.Page.MeanConf()), Sharpness: round3(stats.Sharpness), Brightness: round3(stats.Brightness),
	}
	if !unreadable(*r) {
		cls = cls.ForRole(r.Page, roleKinds[r.Ref.Role])
	}
	return cls, red, true
}

// maxSkew is the largest tilt, in degrees, that reading straightens.
const maxSkew = 6

// byPaper reports whether a role's page is straightened by the paper's
// estimate alone (ocr.PaperSkewAngle): a handheld photo's card is tilted
// on its own, within a scene the whole image's estimate reads as level.
// On 178 handheld photos of seeds 7–41, 89 and 97 the paper's estimate
// let the page read hold the card's number on 151, against 114, and the
// name on 134, against 129.
func byPaper(role string) bool { return role == RoleAdminIDHandheld }

// sideFor is the longest image side the OCR gets for a role: letters and
// handheld photos keep small print, so they get MaxSide; licences and
// cards print large and read better smaller (CardSide).
func (p *Pipeline) sideFor(role string) int {
	switch role {
	case RoleCommitmentLetter, RoleApplicationLetter, RoleAdminIDHandheld, RolePacket, RoleOther:
		return p.cfg.MaxSide
	}
	return p.cfg.CardSide
}

// scaleFor is the first scale an image is read at: its longer side
// brought down to the role's side.
func (p *Pipeline) scaleFor(b image.Rectangle, role string) float64 {
	side := p.sideFor(role)
	if long := max(b.Dx(), b.Dy()); long > side {
		return float64(side) / float64(long)
	}
	return 1
}

// Glyph heights: chi_sim reads Han glyphs about 20 px high best. A page
// whose body glyph is outside [minGlyph, maxGlyph] at the first scale
// is read again at the scale that brings it to targetGlyph.
const (
	targetGlyph = 20.0
	minGlyph    = 13.0
	maxGlyph    = 30.0
)

// readScaled reads the red channel at scale f, deskewed, and once more at
// the scale that brings the text to targetGlyph when the first read shows
// glyphs far from it; it keeps the more confident read. The page comes
// back in source pixels, with the prepared image it was read from. With
// paper (byPaper) the tilt is the paper's estimate alone.
func (p *Pipeline) readScaled(ctx context.Context, red *image.Gray, f float64, opt ocr.ReadOptions, paper bool) (ocr.Page, *image.Gray, error) {
	page, g, err := p.readAt(ctx, red, f, opt, paper)
	if err != nil {
		return page, g, err
	}
	h := bodyGlyph(page) * f
	if h == 0 || (h >= minGlyph && h <= maxGlyph) {
		return page, g, nil
	}
	f2 := min(2, max(0.2, f*targetGlyph/h))
	page2, g2, err := p.readAt(ctx, red, f2, opt, paper)
	if err != nil || page2.MeanConf() < page.MeanConf() {
		return page, g, nil
	}
	p.logger.Debug("read again at glyph scale", "glyph_px", h, "scale", f, "rescale", f2)
	return page2, g2, nil
}

// readFlatIfPoor reads red again with its background divided out when
// the first read found no body text: a card on a grey table under uneven
// light defeats Tesseract's threshold, even Sauvola's (sample app-1-00005's legal
// representative's ID read as "SS ER 01"; flattened, every field). When
// the flattened read is surer it becomes r's page, and the flattened
// image is what the rest of reading crops.
func (p *Pipeline) readFlatIfPoor(ctx context.Context, r *DocResult, red *image.Gray, f float64, opt ocr.ReadOptions) (*image.Gray, bool) {
	if bodyGlyph(r.Page) > 0 {
		return nil, false
	}
	flat := ocr.Flatten(red)
	page, _, err := p.readScaled(ctx, flat, f, opt, byPaper(r.Ref.Role))
	if err != nil || page.MeanConf() <= r.Page.MeanConf() {
		return nil, false
	}
	p.logger.Debug("read again flattened", "conf", r.Page.MeanConf(), "flat_conf", page.MeanConf())
	r.Page = page
	return flat, true
}

// readAt reads red scaled by f and deskewed (by the paper's estimate
// alone with paper); the page is in source pixels.
func (p *Pipeline) readAt(ctx context.Context, red *image.Gray, f float64, opt ocr.ReadOptions, paper bool) (ocr.Page, *image.Gray, error) {
	g := ocr.ScaleGray(red, f)
	angle := ocr.SkewAngle(g, maxSkew)
	if paper {
		angle = ocr.PaperSkewAngle(g, maxSkew)
	}
	straight, rot := ocr.Deskew(g, angle)
	page, err := p.reader.Read(ctx, straight, opt)
	if err != nil {
		return page, g, err
	}
	b := red.Bounds()
	return ocr.MapPage(rot.MapPageBack(page), image.Point{}, 0, f, b.Dx(), b.Dy()), g, nil
}

// bodyGlyph is the lower-quartile height, in the page's pixels, of the
// words that are all Han characters and read with confidence (the body
// text, not the titles); 0 with fewer than five such words.
func bodyGlyph(p ocr.Page) float64 {
	var hs []int
	for _, l := range p.Lines {
		for _, w := range l.Words {
			if w.Conf >= 0.6 && allHan(w.Text) {
				hs = append(hs, w.Box.H)
			}
		}
	}
	if len(hs) < 5 {
		return 0
	}
	sort.Ints(hs)
	return float64(hs[len(hs)/4])
}

func allHan(s string) bool {
	for _, r := range s {
		if !unicode.Is(unicode.Han, r) {
			return false
		}
	}
	return s != ""
}

func (p *Pipeline) extractFields(k extract.Kind, page ocr.Page) extract.Fields {
	switch k {
	case extract.KindCommitmentLetter, extract.KindApplicationLetter:
		if t, ok := extract.TemplateFor(p.cfg.Templates, k); ok {
			return extract.Letter(page, t)
		}
	case extract.KindLicense:
		return extract.License(page)
	case extract.KindIDFront, extract.KindHandheld:
		return extract.IDFront(page)
	case extract.KindIDBack:
		return extract.IDBack(page)
	}
	return extract.Fields{}
}

// rereadIDNumber reads the number band of an ID front again as a single
// line of digits when the page read gave no valid number, or one read
// unsurely (big spaced digits under a seal are where the page read fails
// most), and failing that the whole card with a global threshold. A
// valid number the page read is replaced only by a surer one: a digits
// read of held-out app-17-00026's band gave 500103199811100077 at 0.00,
// valid by chance, for the 500103199811199935 the page had read at 0.38.
func (p *Pipeline) rereadIDNumber(ctx context.Context, r *DocResult, red *image.Gray) {
	if r.Kind != extract.KindIDFront && r.Kind != extract.KindHandheld {
		return
	}
	old, had := r.Fields[extract.FIDNumber]
	had = had && extract.ValidIDNumber(old.Value)
	if had && old.Conf >= 0.5 {
		return
	}
	if band, ok := extract.IDNumberBand(r.Page); ok {
		page, ok := p.readCropPage(ctx, red, band, ocr.ReadOptions{PSM: ocr.PSMSingleLine, Digits: true})
		if ok && takeIDNumber(r, old, had, extract.IDNumber(page)) {
			return
		}
	}
	// Sauvola's local threshold breaks the big spaced digits of some
	// cards that Otsu's global one keeps (samples app-1-00004, -00005,
	// app-2-00007): the whole card once more, flattened (ocr.Flatten),
	// globally. Not a handheld photo: read at full size it costs a second
	// and a half, and the administrator's front gives the number. A front
	// is read so also where its labels' text covered too little of the
	// image for a card and it was taken for a handheld photo (a card
	// scanned small on its page, generated app-7-00003: its number, split
	// by the page read, was read whole so).
	if r.Kind != extract.KindIDFront && !slices.Contains(roleKinds[r.Ref.Role], extract.KindIDFront) {
		return
	}
	page, _, err := p.readScaled(ctx, ocr.Flatten(red), p.scaleFor(red.Bounds(), r.Ref.Role), ocr.ReadOptions{PSM: ocr.PSMSparse, Global: true}, byPaper(r.Ref.Role))
	if err == nil {
		takeIDNumber(r, old, had, extract.IDFront(page)[extract.FIDNumber])
	}
}

// takeIDNumber reports whether n, an ID front's number read again, is a
// valid number, which ends the search; it becomes r's number when the
// page read had no valid one (had false) or n is surer than the page's,
// old.
func takeIDNumber(r *DocResult, old extract.Field, had bool, n extract.Field) bool {
	if !n.Found() || !extract.ValidIDNumber(n.Value) {
		return false
	}
	if !had || n.Conf > old.Conf {
		r.Fields[extract.FIDNumber] = n
	}
	return true
}

// letterDatesFound lists a letter's signature-block date for the
// verdict's documents[].dates.
func letterDatesFound(fs extract.Fields) []DateFound {
	f, ok := fs[extract.BlankDate]
	if !ok || !f.Found() {
		return []DateFound{}
	}
	b := f.Box
	return []DateFound{{Text: fs[extract.BlankDateText].Value, Value: f.Value, Label: "日期", BBox: &b}}
}

func reportValues(fs extract.Fields) map[string]Value {
	out := map[string]Value{}
	for k, f := range fs {
		b := f.Box
		out[k] = Value{Text: f.Value, Confidence: round3(f.Conf), BBox: &b, OCRRead: f.Read}
	}
	return out
}

func round3(x float64) float64 { return float64(int(x*1000+0.5)) / 1000 }
