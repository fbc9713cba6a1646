package verify

import (
	"context"
	"image"
	"time"

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
func (p *Pipeline) readImage(ctx context.Context, r DocResult, d ocr.Decoded) DocResult {
	b := d.Image.Bounds()
	r.Report.Format, r.Report.Page = string(d.Format), d.Page
	r.Report.Width, r.Report.Height = b.Dx(), b.Dy()
	t0 := time.Now()
	g, f := p.prepare(d.Image)
	stats := ocr.Measure(g)
	straight, rot := ocr.Deskew(g, ocr.SkewAngle(g, maxSkew))
	page, err := p.reader.Read(ctx, straight, ocr.ReadOptions{PSM: psmFor(r.Ref.Role)})
	r.Report.TimingsMS["ocr"] = time.Since(t0).Milliseconds()
	if err != nil {
		return r.fail(CodeDocumentUnreadable, "ocr failed")
	}
	r.Page = ocr.MapPage(rot.MapPageBack(page), image.Point{}, 0, f, b.Dx(), b.Dy())
	r.Report.Quality = &Quality{
		MeanConfidence: round3(r.Page.MeanConf()), Sharpness: round3(stats.Sharpness), Brightness: round3(stats.Brightness),
	}
	t1 := time.Now()
	cls := extract.Classify(r.Page)
	r.Kind = cls.Kind
	r.Report.KindDetected = string(cls.Kind)
	r.Fields = extractFields(cls.Kind, r.Page)
	p.rereadIDNumber(ctx, &r, g, f)
	p.rereadWeak(ctx, &r, g, f)
	p.rereadCreditCode(ctx, &r, g, f)
	r.Report.Extracted = reportValues(r.Fields)
	r.Report.TimingsMS["extract"] = time.Since(t1).Milliseconds()
	return r
}

// maxSkew is the largest tilt, in degrees, that reading straightens.
const maxSkew = 6

// prepare turns an image into what the OCR reads: the red channel (seal
// ink vanishes, black print stays) scaled so its longer side is at most
// MaxSide. f is the scale factor applied.
func (p *Pipeline) prepare(img image.Image) (*image.Gray, float64) {
	b := img.Bounds()
	f := 1.0
	if long := max(b.Dx(), b.Dy()); long > p.cfg.MaxSide {
		f = float64(p.cfg.MaxSide) / float64(long)
	}
	return ocr.ScaleGray(ocr.RedChannel(img), f), f
}

func extractFields(k extract.Kind, page ocr.Page) extract.Fields {
	switch k {
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
// line of digits when the page read gave no valid number: big spaced
// digits under a seal are where the page read fails most.
func (p *Pipeline) rereadIDNumber(ctx context.Context, r *DocResult, g *image.Gray, f float64) {
	if r.Kind != extract.KindIDFront && r.Kind != extract.KindHandheld {
		return
	}
	if n, ok := r.Fields[extract.FIDNumber]; ok && n.Conf >= 0.5 && validID(n.Value) {
		return
	}
	band, ok := extract.IDNumberBand(r.Page)
	if !ok {
		return
	}
	br := scaleRect(band.Rect(), f)
	const pad = 10
	crop := ocr.Pad(ocr.CropGray(g, br), pad)
	page, err := p.reader.Read(ctx, crop, ocr.ReadOptions{PSM: ocr.PSMSingleLine, Digits: true})
	if err != nil {
		return
	}
	page = ocr.MapPage(page, image.Point{}, pad, f, r.Page.Width, r.Page.Height)
	page = shiftPage(page, band.X, band.Y)
	if n := extract.IDNumber(page); n.Found() && validID(n.Value) {
		r.Fields[extract.FIDNumber] = n
	}
}

func validID(s string) bool {
	_, err := extract.ParseIDNumber(s, extract.Date{Y: 9999, M: 12, D: 31})
	return err == nil
}

func scaleRect(r image.Rectangle, f float64) image.Rectangle {
	return image.Rect(int(float64(r.Min.X)*f), int(float64(r.Min.Y)*f), int(float64(r.Max.X)*f), int(float64(r.Max.Y)*f))
}

// shiftPage moves every box of a page read from a crop by (dx, dy).
func shiftPage(p ocr.Page, dx, dy int) ocr.Page {
	for i := range p.Lines {
		for j := range p.Lines[i].Words {
			p.Lines[i].Words[j].Box.X += dx
			p.Lines[i].Words[j].Box.Y += dy
		}
		p.Lines[i].Box.X += dx
		p.Lines[i].Box.Y += dy
	}
	return p
}

func reportValues(fs extract.Fields) map[string]Value {
	out := map[string]Value{}
	for k, f := range fs {
		b := f.Box
		out[k] = Value{Text: f.Value, Confidence: round3(f.Conf), BBox: &b}
	}
	return out
}

func round3(x float64) float64 { return float64(int(x*1000+0.5)) / 1000 }
