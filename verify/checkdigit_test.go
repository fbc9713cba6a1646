package verify

import (
	"testing"

	"github.com/qualcheck/qualcheck/extract"
)

func TestConfirmByCheckDigit(t *testing.T) {
	form := Form{AdminIDNumber: "440304197806034492", OrganizationCode: "91440300MA5FXXXX0X"}
	tests := []struct {
		name, role, key, read, want string
	}{
		{"one digit misread", RoleAdminIDFront, extract.FIDNumber, "440304197806034482", "440304197806034492"},
		{"the check digit misread", RoleAdminIDHandheld, extract.FIDNumber, "440304197806034493", "440304197806034492"},
		{"two digits misread: as read", RoleAdminIDFront, extract.FIDNumber, "440304197806031482", "440304197806031482"},
		{"another valid number: as read", RoleAdminIDFront, extract.FIDNumber, "330108198709223658", "330108198709223658"},
		{"a stray digit read into it", RoleAdminIDFront, extract.FIDNumber, "4403041978406034492", "440304197806034492"},
		{"a digit lost: as read", RoleAdminIDFront, extract.FIDNumber, "44030419780603449", "44030419780603449"},
		{"another role's number: as read", RoleLegalRepIDFront, extract.FIDNumber, "440304197806034482", "440304197806034482"},
		{"the form's code is invalid: as read", RoleEnterpriseCertificate, extract.FCreditCode, "91440300MA5FXXXX0Y", "91440300MA5FXXXX0Y"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := DocResult{Ref: DocumentRef{Role: tt.role}, Fields: extract.Fields{tt.key: {Value: tt.read, Conf: 0.14}}}
			confirmByCheckDigit(&r, form)
			got := r.Fields[tt.key]
			if got.Value != tt.want {
				t.Fatalf("value %q, want %q", got.Value, tt.want)
			}
			if got.Value != tt.read && got.Read != tt.read {
				t.Errorf("the OCR's reading was not kept: %+v", got)
			}
		})
	}
}

func TestConfirmCreditCodeByCheckCharacter(t *testing.T) {
	code := "91110000600037341L" // python-stdnum's vectors
	r := DocResult{Ref: DocumentRef{Role: RoleEnterpriseCertificate}, Fields: extract.Fields{extract.FCreditCode: {Value: "91110000600087341L"}}}
	confirmByCheckDigit(&r, Form{OrganizationCode: code})
	if r.Fields[extract.FCreditCode].Value != code {
		t.Errorf("code %q", r.Fields[extract.FCreditCode].Value)
	}
}
