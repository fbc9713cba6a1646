package verify

import (
	"context"
	"image"
	"strings"

	"github.com/qualcheck/qualcheck/extract"
	"github.com/qualcheck/qualcheck/ocr"
)

// confirmType reads a licence's enterprise type that the page read not
// as the form's again: its box, grown by half its height, as a block, so
// that a type wrapped onto a second line (股份有限公司（非上市、自然人投资或控
// over 股）) reads on. The page's sparse read can lose the start and the
// wrapped end of it (人（非上市、自然人投资或控） at 0.22, generated
// app-23-00009), while the band read alone gives every character. The
// box is read with its glyphs taken as half and as all of its height (one
// line or two); a reading holding the form's type whole shows it, and the
// page's reading stays in Read. Any other reading changes nothing.
func (p *Pipeline) confirmType(ctx context.Context, r *DocResult, red *image.Gray, form Form) {
	old, ok := r.Fields[extract.FType]
	want := extract.Canon(form.EnterpriseType)
	if r.Kind != extract.KindLicense || !ok || want == "" || old.Box.Empty() || extract.Canon(old.Value) == want {
		return
	}
	band := grow(old.Box)
	for _, line := range []int{old.Box.H / 2, old.Box.H} {
		page, ok := p.readCropLines(ctx, red, band, line, ocr.ReadOptions{PSM: ocr.PSMBlock})
		if !ok {
			return
		}
		if nf := fieldOfPage(page); strings.Contains(extract.Canon(nf.Value), want) {
			r.Fields[extract.FType] = extract.Field{Value: form.EnterpriseType, Conf: nf.Conf, Box: old.Box, Read: old.Value}
			return
		}
	}
}
