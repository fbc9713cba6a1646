package verify

import (
	"image"
	"time"

	"github.com/qualcheck/qualcheck/extract"
	"github.com/qualcheck/qualcheck/ocr"
)

// stampedRoles must carry the company stamp whatever they are (CONTRACT
// §4): the administrator's ID on both sides, both letters and the 400
// supporting certificates. The certificate, the legal representative's
// ID and the handheld photo need it only as copies, which qualcheck does
// not tell apart from originals yet: their stamps are reported, not
// required.
var stampedRoles = map[string]bool{
	RoleAdminIDFront: true, RoleAdminIDBack: true,
	RoleCommitmentLetter: true, RoleApplicationLetter: true,
	RoleTaxRegistration: true, RoleOrganizationCode: true,
}

// findStamps looks for red seals on the colour image (the OCR reads the
// red channel, where they vanish).
func findStamps(r *DocResult, img image.Image) []ocr.Seal {
	t0 := time.Now()
	seals := ocr.FindSeals(img)
	r.Report.TimingsMS["stamps"] = time.Since(t0).Milliseconds()
	return seals
}

// companyStamps reports the seals that are company stamps: on a licence
// the registration authority's seal, printed over its 登记机关 line, is
// not one.
func companyStamps(seals []ocr.Seal, k extract.Kind, page ocr.Page) []Stamp {
	out := []Stamp{}
	registry, hasRegistry := ocr.Box{}, false
	if k == extract.KindLicense {
		registry, hasRegistry = extract.RegistryBand(page)
	}
	for _, s := range seals {
		if hasRegistry && overlaps(s.Box, registry) {
			continue
		}
		out = append(out, Stamp{BBox: s.Box, Score: s.Score})
	}
	return out
}

func overlaps(a, b ocr.Box) bool {
	return a.X < b.X+b.W && b.X < a.X+a.W && a.Y < b.Y+b.H && b.Y < a.Y+a.H
}

// stampMissing: a document that must carry the company stamp shows no
// red seal (STAMP_MISSING).
func stampMissing(ec *evalContext) []Reason {
	var out []Reason
	for _, d := range ec.docs {
		role := d.Report.Role
		if !stampedRoles[role] || usable(&d, role) == nil || len(d.Report.Stamps) > 0 {
			continue
		}
		r := roleReason(CodeStampMissing, role)
		r.Evidence = &Evidence{File: d.Ref.File, Page: d.Report.Page, Detail: "no red company seal found"}
		out = append(out, r)
	}
	return out
}
