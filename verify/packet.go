package verify

import (
	"context"
	"time"

	"github.com/qualcheck/qualcheck/extract"
	"github.com/qualcheck/qualcheck/ocr"
)

// readPacket reads every page of a scanned packet; roles are assigned
// later, from what each page shows (assignPacketRoles).
func (p *Pipeline) readPacket(ctx context.Context, base DocResult, data []byte, form Form) []DocResult {
	t0 := time.Now()
	pages, err := ocr.DecodePages(data, p.cfg.Limits)
	base.Report.TimingsMS["decode"] = time.Since(t0).Milliseconds()
	if err != nil {
		return []DocResult{base.fail(decodeCode(err), err.Error())}
	}
	out := make([]DocResult, len(pages))
	done := make(chan struct{})
	for i, d := range pages {
		go func() {
			defer func() { done <- struct{}{} }()
			r := base
			r.Report = newReport(base.Ref)
			out[i] = p.readImage(ctx, r, d, form)
		}()
	}
	for range pages {
		<-done
	}
	return out
}

// kindRoles maps a detected kind to the roles it can fill, in order of
// preference. A card scanned small on a page reads like a handheld photo
// (sample app-1-00002's packet), so that kind fills the front roles too,
// as roleKinds allows; a plain card never fills the handheld role.
var kindRoles = map[extract.Kind][]string{
	extract.KindLicense:           {RoleEnterpriseCertificate},
	extract.KindIDFront:           {RoleLegalRepIDFront, RoleAdminIDFront},
	extract.KindIDBack:            {RoleLegalRepIDBack, RoleAdminIDBack},
	extract.KindHandheld:          {RoleAdminIDHandheld, RoleAdminIDFront, RoleLegalRepIDFront},
	extract.KindCommitmentLetter:  {RoleCommitmentLetter},
	extract.KindApplicationLetter: {RoleApplicationLetter},
	extract.KindTaxRegistration:   {RoleTaxRegistration},
	extract.KindOrganizationCode:  {RoleOrganizationCode},
}

// docRoles are the roles a document may fill: its own, or for a packet
// page those its kind can fill.
func docRoles(role string, k extract.Kind) []string {
	if role == RolePacket {
		return kindRoles[k]
	}
	return []string{role}
}

// assignPacketRoles gives each packet page the role it shows. An ID front
// goes to the person whose name or number it carries; ID backs follow
// the fronts' order (scanners keep a card's sides together), else the
// validity dates entered in the form decide.
func assignPacketRoles(app Application, docs []DocResult) []DocResult {
	taken := map[string]bool{}
	for _, d := range docs {
		if d.Ref.Role != RolePacket {
			taken[d.Ref.Role] = true
		}
	}
	for i := range docs {
		d := &docs[i]
		if d.Ref.Role != RolePacket || d.Failure != "" {
			continue
		}
		if role := pickRole(app, *d, taken); role != "" {
			d.Report.Role = role
			taken[role] = true
		}
	}
	return docs
}

func pickRole(app Application, d DocResult, taken map[string]bool) string {
	roles := kindRoles[d.Kind]
	if pref := preferredRole(app, d); pref != "" && !taken[pref] {
		return pref
	}
	for _, r := range roles {
		if !taken[r] {
			return r
		}
	}
	return ""
}

// preferredRole says whose card a page shows, from its name, number or
// validity dates.
func preferredRole(app Application, d DocResult) string {
	f := app.Form
	switch d.Kind {
	case extract.KindHandheld: // only the administrator holds a card
		if sameValue(d.Fields, extract.FIDNumber, f.LegalRepIDNumber) || sameValue(d.Fields, extract.FName, f.LegalRepName) {
			return RoleLegalRepIDFront
		}
	case extract.KindIDFront:
		if sameValue(d.Fields, extract.FIDNumber, f.AdminIDNumber) || sameValue(d.Fields, extract.FName, f.AdminName) {
			return RoleAdminIDFront
		}
		if sameValue(d.Fields, extract.FIDNumber, f.LegalRepIDNumber) || sameValue(d.Fields, extract.FName, f.LegalRepName) {
			return RoleLegalRepIDFront
		}
	case extract.KindIDBack:
		if sameValue(d.Fields, extract.FValidTo, f.AdminIDValidTo) && !sameValue(d.Fields, extract.FValidTo, f.LegalRepIDValidTo) {
			return RoleAdminIDBack
		}
	}
	return ""
}

func sameValue(fs extract.Fields, name, want string) bool {
	v, ok := fs[name]
	return ok && want != "" && extract.Canon(v.Value) == extract.Canon(want)
}
