package verify

import (
	"github.com/qualcheck/qualcheck/extract"
	"github.com/qualcheck/qualcheck/ocr"
	"strings"
)

// valueKind says how a field's values compare.
type valueKind int

const (
	kindText valueKind = iota
	kindDate
	kindCode // credit code: check character must hold
	kindID   // resident ID number: check digit must hold
)

// fieldSpec says which documents confirm a form field, in order of
// preference, and under which name each extractor gives the value.
type fieldSpec struct {
	field   string
	sources []source
	kind    valueKind
	// diffOnly fields are shown in the reviewer's diff but checked by
	// rules of their own (the letters' dates), or by none (the phone).
	diffOnly bool
}

// source is a document role and the extracted field that holds a value.
type source struct{ role, key string }

// role is the primary document of the field, named in its reasons.
func (s fieldSpec) role() string { return s.sources[0].role }

func src(role, key string) []source { return []source{{role, key}} }

var fieldSpecs = []fieldSpec{
	{FieldEnterpriseName, src(RoleEnterpriseCertificate, extract.FName), kindText, false},
	{FieldOrganizationCode, src(RoleEnterpriseCertificate, extract.FCreditCode), kindCode, false},
	{FieldEnterpriseType, src(RoleEnterpriseCertificate, extract.FType), kindText, false},
	{FieldEnterpriseAddress, src(RoleEnterpriseCertificate, extract.FAddress), kindText, false},
	{FieldBusinessTermStart, src(RoleEnterpriseCertificate, extract.FTermStart), kindDate, false},
	{FieldBusinessTermEnd, src(RoleEnterpriseCertificate, extract.FTermEnd), kindDate, false},
	{FieldLegalRepName, []source{{RoleEnterpriseCertificate, extract.FLegalRep}, {RoleLegalRepIDFront, extract.FName}}, kindText, false},
	{FieldLegalRepIDNumber, src(RoleLegalRepIDFront, extract.FIDNumber), kindID, false},
	{FieldLegalRepIDValidFrom, src(RoleLegalRepIDBack, extract.FValidFrom), kindDate, false},
	{FieldLegalRepIDValidTo, src(RoleLegalRepIDBack, extract.FValidTo), kindDate, false},
	{FieldAdminName, []source{{RoleAdminIDFront, extract.FName}, {RoleAdminIDHandheld, extract.FName}}, kindText, false},
	{FieldAdminIDNumber, []source{{RoleAdminIDFront, extract.FIDNumber}, {RoleAdminIDHandheld, extract.FIDNumber}}, kindID, false},
	{FieldAdminIDValidFrom, src(RoleAdminIDBack, extract.FValidFrom), kindDate, false},
	{FieldAdminIDValidTo, src(RoleAdminIDBack, extract.FValidTo), kindDate, false},
	{FieldAdminPhone, src(RoleApplicationLetter, "admin_phone"), kindText, true},
	{FieldApplicationLetterDate, src(RoleApplicationLetter, extract.BlankDate), kindDate, true},
	{FieldCommitmentLetterDate, src(RoleCommitmentLetter, extract.BlankDate), kindDate, true},
}

// fieldRead is a form field beside the value a document gave for it.
type fieldRead struct {
	spec     fieldSpec
	entered  string
	value    extract.Field
	doc      *DocResult
	docFound bool // a usable document of a confirming role exists
	// others are the values the field's other documents gave.
	others []extract.Field
}

func (f *fieldRead) found() bool { return f.doc != nil && f.value.Found() }

// match compares canonical forms: bracket kinds, widths and spaces do not
// count, nor a bracket lost or misread (extract.SameText).
func (f *fieldRead) match() bool {
	return f.found() && extract.SameText(f.entered, f.value.Value)
}

// readFields picks, for every field, the first confirming document that
// has the value, preferring one whose value matches the form; the other
// documents' values are kept beside it.
func readFields(ec *evalContext) map[string]*fieldRead {
	out := map[string]*fieldRead{}
	for _, s := range fieldSpecs {
		fr := &fieldRead{spec: s, entered: ec.app.Form.Value(s.field)}
		for _, so := range s.sources {
			d := usable(ec.byRole[so.role], so.role)
			if d == nil {
				continue
			}
			fr.docFound = true
			v, ok := d.Fields[so.key]
			if !ok || (fr.found() && fr.match()) {
				continue
			}
			cand := &fieldRead{spec: s, entered: fr.entered, value: v, doc: d}
			switch {
			case !fr.found():
				fr.value, fr.doc = v, d
			case cand.match():
				fr.others = append(fr.others, fr.value)
				fr.value, fr.doc = v, d
			default:
				fr.others = append(fr.others, v)
			}
		}
		out[s.field] = fr
	}
	return out
}

// usable returns d when it was decoded and shows what its role needs.
func usable(d *DocResult, role string) *DocResult {
	if d == nil || d.Failure != "" || !kindFits(role, d.Kind) {
		return nil
	}
	return d
}

// roleKinds lists the kinds that may fill a role. A card photographed
// small on a table reads like a handheld photo and the other way round,
// so both fill either role.
var roleKinds = map[string][]extract.Kind{
	RoleEnterpriseCertificate: {extract.KindLicense},
	RoleLegalRepIDFront:       {extract.KindIDFront, extract.KindHandheld},
	RoleAdminIDFront:          {extract.KindIDFront, extract.KindHandheld},
	RoleLegalRepIDBack:        {extract.KindIDBack},
	RoleAdminIDBack:           {extract.KindIDBack},
	RoleAdminIDHandheld:       {extract.KindHandheld},
	RoleCommitmentLetter:      {extract.KindCommitmentLetter},
	RoleApplicationLetter:     {extract.KindApplicationLetter},
	RoleTaxRegistration:       {extract.KindTaxRegistration},
	RoleOrganizationCode:      {extract.KindOrganizationCode},
}

func kindFits(role string, k extract.Kind) bool {
	ks, ok := roleKinds[role]
	if !ok {
		return true // other, telecom_license: no check yet
	}
	for _, want := range ks {
		if want == k {
			return true
		}
	}
	return false
}

// fieldResults is the reviewer's diff, in the order of fieldSpecs.
func fieldResults(ec *evalContext) []FieldResult {
	out := make([]FieldResult, 0, len(fieldSpecs))
	for _, s := range fieldSpecs {
		fr := ec.fields[s.field]
		r := FieldResult{Field: s.field, Entered: fr.entered}
		if fr.found() {
			v := fr.value.Value
			b := fr.value.Box
			r.Extracted, r.Match, r.Confidence = &v, fr.match(), round3(fr.value.Conf)
			r.Source = &Source{Role: fr.doc.Report.Role, File: fr.doc.Ref.File, Page: fr.doc.Report.Page, BBox: boxPtr(b)}
			r.OCRRead = fr.value.Read
		}
		out = append(out, r)
	}
	return out
}

func boxPtr(b ocr.Box) *ocr.Box {
	if b.Empty() {
		return nil
	}
	return &b
}

// Confidence thresholds: a differing value read at least this surely is a
// mismatch; below it a human must look (LOW_CONFIDENCE).
const (
	mismatchConf = 0.80
	lowConf      = 0.50
)

// diffConf is how surely the OCR read the characters where the document
// differs from the form: the lowest confidence among differing runes when
// both have the same length, else the value's overall confidence. A value
// cut short or run on, or the form's with one character more, is never
// sure: Tesseract reads a character out of another's part (和逸 for 逸),
// and out of nothing (held-out app-53-00010's clear 青岛天信贸易有限公司
// read 青岛天信和贸易有限公司 at 0.84, a clean application rejected).
func diffConf(entered string, f extract.Field) float64 {
	a, b := []rune(extract.Canon(entered)), []rune(extract.Canon(f.Value))
	if len(a) != len(b) && truncated(string(a), string(b)) {
		return 0 // a line cut short or run on is a reading failure
	}
	if _, ok := insertedAt(b, a); ok {
		return 0 // a character read out of another's part, or out of nothing
	}
	if len(a) != len(b) || len(f.Confs) != len(b) {
		return f.Conf
	}
	m := 1.0
	for i := range a {
		if a[i] != b[i] {
			m = min(m, f.Confs[i])
			if extract.Confusable(a[i], b[i]) {
				m = 0
			}
		}
	}
	return m
}

// truncated reports whether one value is the other cut at either end.
func truncated(a, b string) bool {
	return strings.HasPrefix(a, b) || strings.HasPrefix(b, a) || strings.HasSuffix(a, b) || strings.HasSuffix(b, a)
}
