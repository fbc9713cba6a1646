package verify

import (
	"image"
	"time"

	"github.com/qualcheck/qualcheck/extract"
	"github.com/qualcheck/qualcheck/ocr"
)

// stampedRoles must carry the company stamp whatever they are (CONTRACT
// §4): the administrator's ID on both sides, both letters and the 400
// supporting certificates.
var stampedRoles = map[string]bool{
	RoleAdminIDFront: true, RoleAdminIDBack: true,
	RoleCommitmentLetter: true, RoleApplicationLetter: true,
	RoleTaxRegistration: true, RoleOrganizationCode: true,
}

// copyStampedRoles must carry it as copies: the certificate, the legal
// representative's ID and the handheld photo. A copy here is what
// checkCopy judged a greyscale copy; a colour scan it cannot tell from
// a photo of the original, so an unstamped colour scan goes unflagged
// rather than an original being rejected.
var copyStampedRoles = map[string]bool{
	RoleEnterpriseCertificate: true, RoleLegalRepIDFront: true,
	RoleLegalRepIDBack: true, RoleAdminIDHandheld: true,
}

// needsStamp says whether document d must carry the company stamp.
func needsStamp(d *DocResult) bool {
	role := d.Report.Role
	if stampedRoles[role] {
		return true
	}
	c := d.Report.Copy
	return copyStampedRoles[role] && c != nil && *c
}

// findStamps samples the colour image once and looks for red seals on
// it (the OCR reads the red channel, where they vanish); the sample is
// kept for the copy check.
func findStamps(r *DocResult, img image.Image) (ocr.ColourSample, []ocr.Seal) {
	t0 := time.Now()
	sample := ocr.SampleColours(img)
	seals := sample.Seals()
	r.Report.TimingsMS["stamps"] = time.Since(t0).Milliseconds()
	return sample, seals
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
		if hasRegistry && isRegistrySeal(s.Box, registry) {
			continue
		}
		out = append(out, Stamp{BBox: s.Box, Score: s.Score})
	}
	return out
}

// isRegistrySeal says whether a seal is the registration authority's:
// it is centred over the date that follows the 登记机关 label, right of
// the label's middle and level with it. On the shared samples the
// registry seals' centres lay 0.6–1.1 band widths right of the band's
// middle; company stamps pressed beside it lay left of it, though their
// boxes overlapped the band by as much as a registry seal's did.
func isRegistrySeal(seal, band ocr.Box) bool {
	cx, cy := seal.X+seal.W/2, seal.Y+seal.H/2
	zone := ocr.Box{X: band.X + band.W/2, Y: band.Y - band.H/2, W: 2 * band.W, H: 2 * band.H}
	return image.Pt(cx, cy).In(zone.Rect())
}

// stampMissing: a document that must carry the company stamp shows no
// red seal (STAMP_MISSING).
func stampMissing(ec *evalContext) []Reason {
	var out []Reason
	for _, d := range ec.docs {
		role := d.Report.Role
		if !needsStamp(&d) || usable(&d, role) == nil || len(d.Report.Stamps) > 0 {
			continue
		}
		r := roleReason(CodeStampMissing, role)
		detail := "no red company seal found"
		if !stampedRoles[role] {
			detail = "greyscale copy without a red company seal"
		}
		r.Evidence = &Evidence{File: d.Ref.File, Page: d.Report.Page, Detail: detail}
		out = append(out, r)
	}
	return out
}
