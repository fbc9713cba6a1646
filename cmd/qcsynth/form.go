package main

import (
	"math/rand/v2"
	"strings"
)

// form is application.json's "form", keys in the contract's order.
type form struct {
	CertificateType       string `json:"certificate_type"`
	EnterpriseName        string `json:"enterprise_name"`
	OrganizationCode      string `json:"organization_code"`
	EnterpriseType        string `json:"enterprise_type"`
	EnterpriseAddress     string `json:"enterprise_address"`
	EnterpriseProvince    string `json:"enterprise_province"`
	EnterpriseCity        string `json:"enterprise_city"`
	BusinessTermStart     string `json:"business_term_start"`
	BusinessTermEnd       string `json:"business_term_end"`
	LegalRepName          string `json:"legal_rep_name"`
	LegalRepIDNumber      string `json:"legal_rep_id_number"`
	LegalRepIDValidFrom   string `json:"legal_rep_id_valid_from"`
	LegalRepIDValidTo     string `json:"legal_rep_id_valid_to"`
	AdminName             string `json:"admin_name"`
	AdminIDNumber         string `json:"admin_id_number"`
	AdminIDValidFrom      string `json:"admin_id_valid_from"`
	AdminIDValidTo        string `json:"admin_id_valid_to"`
	AdminPhone            string `json:"admin_phone"`
	ApplicationLetterDate string `json:"application_letter_date"`
	CommitmentLetterDate  string `json:"commitment_letter_date"`
	Remarks               string `json:"remarks"`
	QualificationName     string `json:"qualification_name"`
	Authorized            bool   `json:"authorized"`
	ThreeInOne            *bool  `json:"three_in_one,omitempty"`
	Carrier               string `json:"carrier,omitempty"`
	NumberCount           int    `json:"number_count,omitempty"`
}

// buildFields records the true value of every field as printed on the
// documents.
func (a *app) buildFields() {
	f := map[string]string{
		"enterprise_name":         a.Ent.Name,
		"organization_code":       a.Ent.USCC,
		"enterprise_type":         a.Ent.Type,
		"enterprise_address":      a.Ent.Address,
		"business_term_start":     iso(a.Ent.Founded),
		"business_term_end":       iso(a.Ent.TermEnd),
		"legal_rep_name":          a.LR.Name,
		"legal_rep_id_number":     a.LRCard.ID,
		"legal_rep_id_valid_from": iso(a.LRCard.ValidFrom),
		"legal_rep_id_valid_to":   iso(a.LRCard.ValidTo),
		"admin_name":              a.Admin.Name,
		"admin_id_number":         a.Admin.ID,
		"admin_id_valid_from":     iso(a.Admin.ValidFrom),
		"admin_id_valid_to":       iso(a.Admin.ValidTo),
		"admin_phone":             a.Phone,
		"application_letter_date": iso(a.Apply.Date),
		"commitment_letter_date":  iso(a.Commit.Date),
	}
	if a.DropLRName {
		delete(f, "legal_rep_name")
	}
	a.Fields = f
}

// buildForm types the form as an applicant would: the document values,
// sometimes with half-width brackets.
func (a *app) buildForm(rng *rand.Rand) {
	f := a.Fields
	fm := form{
		CertificateType: "business_license", EnterpriseName: f["enterprise_name"], OrganizationCode: f["organization_code"],
		EnterpriseType: f["enterprise_type"], EnterpriseAddress: f["enterprise_address"],
		EnterpriseProvince: a.Ent.City.Province, EnterpriseCity: a.Ent.City.Name,
		BusinessTermStart: f["business_term_start"], BusinessTermEnd: f["business_term_end"],
		LegalRepName: a.LR.Name, LegalRepIDNumber: f["legal_rep_id_number"],
		LegalRepIDValidFrom: f["legal_rep_id_valid_from"], LegalRepIDValidTo: f["legal_rep_id_valid_to"],
		AdminName: f["admin_name"], AdminIDNumber: f["admin_id_number"],
		AdminIDValidFrom: f["admin_id_valid_from"], AdminIDValidTo: f["admin_id_valid_to"], AdminPhone: f["admin_phone"],
		ApplicationLetterDate: f["application_letter_date"], CommitmentLetterDate: f["commitment_letter_date"],
		Remarks: a.Remarks, QualificationName: a.Qual, Authorized: true,
	}
	if rng.IntN(2) == 0 {
		fm.EnterpriseType = halfWidthBrackets(fm.EnterpriseType)
	}
	if rng.IntN(3) == 0 {
		fm.EnterpriseName = halfWidthBrackets(fm.EnterpriseName)
	}
	if a.Kind == "voice_400" {
		t := a.ThreeInOne
		fm.ThreeInOne, fm.Carrier, fm.NumberCount = &t, "CT", a.NumberCount
	}
	a.Form = fm
}

func halfWidthBrackets(s string) string {
	return strings.NewReplacer("（", "(", "）", ")").Replace(s)
}

// formField gives access to a form value by its JSON name.
func (fm *form) field(name string) *string {
	switch name {
	case "enterprise_name":
		return &fm.EnterpriseName
	case "organization_code":
		return &fm.OrganizationCode
	case "enterprise_type":
		return &fm.EnterpriseType
	case "enterprise_address":
		return &fm.EnterpriseAddress
	case "legal_rep_name":
		return &fm.LegalRepName
	case "legal_rep_id_number":
		return &fm.LegalRepIDNumber
	case "admin_name":
		return &fm.AdminName
	case "admin_id_number":
		return &fm.AdminIDNumber
	case "admin_phone":
		return &fm.AdminPhone
	case "application_letter_date":
		return &fm.ApplicationLetterDate
	case "commitment_letter_date":
		return &fm.CommitmentLetterDate
	case "remarks":
		return &fm.Remarks
	}
	return nil
}
