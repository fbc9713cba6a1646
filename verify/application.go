package verify

import (
	"encoding/json"
	"fmt"
)

// Kinds of application (CONTRACT §1).
const (
	KindVoiceGeneral = "voice_general"
	KindVoice400     = "voice_400"
	KindSMS1069      = "sms_1069"
	KindCallcenter95 = "callcenter_95"
)

// Document roles (CONTRACT §1).
const (
	RoleEnterpriseCertificate = "enterprise_certificate"
	RoleLegalRepIDFront       = "legal_rep_id_front"
	RoleLegalRepIDBack        = "legal_rep_id_back"
	RoleAdminIDFront          = "admin_id_front"
	RoleAdminIDBack           = "admin_id_back"
	RoleAdminIDHandheld       = "admin_id_handheld"
	RoleCommitmentLetter      = "commitment_letter"
	RoleApplicationLetter     = "application_letter"
	RoleTaxRegistration       = "tax_registration_certificate"
	RoleOrganizationCode      = "organization_code_certificate"
	RoleTelecomLicense        = "telecom_license"
	RoleOther                 = "other"
	RolePacket                = "packet"
)

// KnownRoles lists every role the contract names, in display order.
var KnownRoles = []string{
	RoleEnterpriseCertificate, RoleLegalRepIDFront, RoleLegalRepIDBack,
	RoleAdminIDFront, RoleAdminIDBack, RoleAdminIDHandheld,
	RoleCommitmentLetter, RoleApplicationLetter, RoleTaxRegistration,
	RoleOrganizationCode, RoleTelecomLicense, RoleOther, RolePacket,
}

// IsKnownRole reports whether role is one of the contract's roles.
func IsKnownRole(role string) bool {
	for _, r := range KnownRoles {
		if r == role {
			return true
		}
	}
	return false
}

// Application is application.json (CONTRACT §1).
type Application struct {
	ID          string        `json:"id"`
	Kind        string        `json:"kind"`
	SubmittedAt string        `json:"submitted_at"`
	Form        Form          `json:"form"`
	Documents   []DocumentRef `json:"documents"`
}

// DocumentRef names the file that fills a role.
type DocumentRef struct {
	Role string `json:"role"`
	File string `json:"file"`
}

// Form is what the applicant typed. Absent values are empty strings.
type Form struct {
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

// Value returns the form's value for a field name of the verdict's diff.
func (f Form) Value(field string) string {
	m := map[string]string{
		FieldEnterpriseName: f.EnterpriseName, FieldOrganizationCode: f.OrganizationCode,
		FieldEnterpriseType: f.EnterpriseType, FieldEnterpriseAddress: f.EnterpriseAddress,
		FieldBusinessTermStart: f.BusinessTermStart, FieldBusinessTermEnd: f.BusinessTermEnd,
		FieldLegalRepName: f.LegalRepName, FieldLegalRepIDNumber: f.LegalRepIDNumber,
		FieldLegalRepIDValidFrom: f.LegalRepIDValidFrom, FieldLegalRepIDValidTo: f.LegalRepIDValidTo,
		FieldAdminName: f.AdminName, FieldAdminIDNumber: f.AdminIDNumber,
		FieldAdminIDValidFrom: f.AdminIDValidFrom, FieldAdminIDValidTo: f.AdminIDValidTo,
		FieldAdminPhone: f.AdminPhone, FieldApplicationLetterDate: f.ApplicationLetterDate,
		FieldCommitmentLetterDate: f.CommitmentLetterDate, FieldRemarks: f.Remarks,
	}
	return m[field]
}

// ParseApplication decodes application.json and checks what every later
// step relies on. Unknown fields are allowed: forms grow.
func ParseApplication(data []byte) (Application, error) {
	var a Application
	if err := json.Unmarshal(data, &a); err != nil {
		return a, fmt.Errorf("application.json: %w", err)
	}
	if a.ID == "" {
		return a, fmt.Errorf("application.json: id is empty")
	}
	switch a.Kind {
	case KindVoiceGeneral, KindVoice400, KindSMS1069, KindCallcenter95:
	default:
		return a, fmt.Errorf("application.json: unknown kind %q", a.Kind)
	}
	return a, nil
}

// ThreeInOne reports whether a 400 application's licence is a three-in-one
// licence (no separate tax and organisation code certificates). A missing
// flag counts as three-in-one: every licence issued since 2015 is one.
func (a Application) ThreeInOne() bool {
	return a.Form.ThreeInOne == nil || *a.Form.ThreeInOne
}
