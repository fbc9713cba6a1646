package verify

import (
	"context"
	"image"

	"github.com/qualcheck/qualcheck/extract"
	"github.com/qualcheck/qualcheck/ocr"
)

// mirrorRoles are the images whose mirroring is a reason of its own
// (IMAGE_MIRRORED): a phone's front camera mirrors the handheld photo,
// and a mirrored ID image is one such photo cropped.
var mirrorRoles = map[string]bool{
	RoleAdminIDHandheld: true, RoleAdminIDFront: true, RoleAdminIDBack: true,
	RoleLegalRepIDFront: true, RoleLegalRepIDBack: true,
}

// Mirror test: chi_sim reads mirrored Han text at a mean word confidence
// of 0.21–0.37 where upright photos of the generated corpus read at
// 0.61–0.88 (shared/notes measured 0.21–0.34 against 0.81–0.89). Only a
// page read below suspectConf, or of no known kind, is read again
// mirrored; it is mirrored when that read is mirrorGain surer and shows
// a known kind.
const (
	suspectConf = 0.5
	mirrorGain  = 0.2
)

// checkMirror reads a suspicious image of a mirror role again, flipped.
// A mirrored image keeps the flipped read, its boxes mapped back onto
// the uploaded image, so that its fields still reach the reviewer.
func (p *Pipeline) checkMirror(ctx context.Context, r *DocResult, red *image.Gray, cls extract.Classification) extract.Classification {
	if !mirrorRoles[r.Ref.Role] {
		return cls
	}
	mirrored := false
	r.Report.Mirrored = &mirrored
	if cls.Kind != extract.KindUnknown && r.Page.MeanConf() >= suspectConf {
		return cls
	}
	b := red.Bounds()
	page, _, err := p.readScaled(ctx, ocr.FlipH(red), p.scaleFor(b, r.Ref.Role), ocr.ReadOptions{PSM: psmFor(r.Ref.Role)}, byPaper(r.Ref.Role))
	if err != nil || page.MeanConf() < r.Page.MeanConf()+mirrorGain {
		return cls
	}
	fcls := extract.Classify(page)
	if fcls.Kind == extract.KindUnknown {
		return cls
	}
	mirrored = true
	r.Page = page.MapBoxes(func(bx ocr.Box) ocr.Box { return ocr.FlipBoxH(bx, b.Dx()) }, b.Dx(), b.Dy())
	return fcls
}

// mirroredImages: a mirrored handheld photo or ID image is rejected.
func mirroredImages(ec *evalContext) []Reason {
	var out []Reason
	for _, d := range ec.docs {
		if d.Report.Mirrored != nil && *d.Report.Mirrored {
			r := roleReason(CodeImageMirrored, d.Report.Role)
			r.Evidence = &Evidence{File: d.Ref.File, Page: d.Report.Page, Detail: "reads only when flipped left to right"}
			out = append(out, r)
		}
	}
	return out
}
