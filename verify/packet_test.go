package verify

import (
	"testing"

	"github.com/qualcheck/qualcheck/extract"
)

func TestAssignPacketRoles(t *testing.T) {
	app, _ := cleanApp()
	page := func(k extract.Kind, number string) DocResult {
		d := DocResult{Ref: DocumentRef{Role: RolePacket, File: "p.pdf"}, Kind: k, Fields: extract.Fields{}}
		d.Report.Role = RolePacket
		if number != "" {
			d.Fields[extract.FIDNumber] = field(number)
		}
		return d
	}
	handheld := DocResult{Ref: DocumentRef{Role: RoleAdminIDHandheld, File: "h.jpg"}, Kind: extract.KindHandheld}
	handheld.Report.Role = RoleAdminIDHandheld
	tests := []struct {
		name string
		docs []DocResult
		want []string
	}{
		{"fronts scanned small read as handheld photos, handheld uploaded apart (sample app-1-00002)",
			[]DocResult{handheld, page(extract.KindHandheld, app.Form.AdminIDNumber), page(extract.KindHandheld, app.Form.LegalRepIDNumber)},
			[]string{RoleAdminIDHandheld, RoleAdminIDFront, RoleLegalRepIDFront}},
		{"a handheld photo in the packet",
			[]DocResult{page(extract.KindHandheld, app.Form.AdminIDNumber), page(extract.KindIDFront, app.Form.AdminIDNumber)},
			[]string{RoleAdminIDHandheld, RoleAdminIDFront}},
		{"fronts by number",
			[]DocResult{page(extract.KindIDFront, app.Form.AdminIDNumber), page(extract.KindIDFront, app.Form.LegalRepIDNumber)},
			[]string{RoleAdminIDFront, RoleLegalRepIDFront}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := assignPacketRoles(app, tt.docs)
			for i, want := range tt.want {
				if got[i].Report.Role != want {
					t.Errorf("document %d: role %s, want %s", i, got[i].Report.Role, want)
				}
			}
		})
	}
}
