package verify

import (
	"context"
	"image"
	"io"
	"log/slog"
	"testing"
	"time"

	"github.com/qualcheck/qualcheck/extract"
	"github.com/qualcheck/qualcheck/ocr"
)

// noReader is an OCR engine that must not be called: these tests feed
// the rules what a read would have produced.
type noReader struct{}

func (noReader) Read(context.Context, image.Image, ocr.ReadOptions) (ocr.Page, error) {
	panic("rules tests read no image")
}
func (noReader) Describe() string { return "none" }

func testPipeline() *Pipeline {
	now := func() time.Time { return time.Date(2026, 2, 20, 9, 0, 0, 0, time.UTC) }
	return NewPipeline(Config{}, noReader{}, slog.New(slog.NewTextHandler(io.Discard, nil)), now)
}

func field(v string) extract.Field {
	confs := make([]float64, len([]rune(v)))
	for i := range confs {
		confs[i] = 0.95
	}
	return extract.Field{Value: v, Conf: 0.95, Box: ocr.Box{X: 1, Y: 2, W: 30, H: 10}, Confs: confs}
}

// cleanApp is a consistent application and what its documents say.
func cleanApp() (Application, []DocResult) {
	app := Application{ID: "t-1", Kind: KindVoiceGeneral, SubmittedAt: "2026-02-20", Form: Form{
		CertificateType: "business_license", EnterpriseName: "深圳嘉丰物流股份有限公司",
		OrganizationCode: "91440304403031610R", EnterpriseType: "股份有限公司(非上市、自然人投资或控股)",
		EnterpriseAddress: "广东省深圳市福田区彩田路405号", BusinessTermStart: "2002-11-12", BusinessTermEnd: "2052-11-11",
		LegalRepName: "熊浩军", LegalRepIDNumber: "330108198709223658", LegalRepIDValidFrom: "2021-03-11", LegalRepIDValidTo: "2041-03-11",
		AdminName: "邱强", AdminIDNumber: "440304197806034492", AdminIDValidFrom: "2007-09-09", AdminIDValidTo: "2027-09-09",
		Remarks:              "向收件人通知派送时间。话术示例：“您好，您的包裹预计今天送达”",
		CommitmentLetterDate: "2026-02-10", ApplicationLetterDate: "2026-02-10", AdminPhone: "13925375536",
	}}
	f := app.Form
	docs := []DocResult{
		doc(RoleEnterpriseCertificate, extract.KindLicense, extract.Fields{
			extract.FName: field(f.EnterpriseName), extract.FCreditCode: field(f.OrganizationCode),
			extract.FType: field("股份有限公司（非上市、自然人投资或控股）"), extract.FAddress: field(f.EnterpriseAddress),
			extract.FTermStart: field(f.BusinessTermStart), extract.FTermEnd: field(f.BusinessTermEnd), extract.FLegalRep: field(f.LegalRepName),
		}),
		doc(RoleLegalRepIDFront, extract.KindIDFront, extract.Fields{extract.FName: field("熊浩军"), extract.FIDNumber: field(f.LegalRepIDNumber), extract.FSex: field("男")}),
		doc(RoleLegalRepIDBack, extract.KindIDBack, extract.Fields{extract.FValidFrom: field(f.LegalRepIDValidFrom), extract.FValidTo: field(f.LegalRepIDValidTo)}),
		doc(RoleAdminIDFront, extract.KindIDFront, extract.Fields{extract.FName: field("邱强"), extract.FIDNumber: field(f.AdminIDNumber)}),
		doc(RoleAdminIDBack, extract.KindIDBack, extract.Fields{extract.FValidFrom: field(f.AdminIDValidFrom), extract.FValidTo: field(f.AdminIDValidTo)}),
		doc(RoleAdminIDHandheld, extract.KindHandheld, extract.Fields{}),
		doc(RoleCommitmentLetter, extract.KindCommitmentLetter, extract.Fields{
			blankEnterprise: field(f.EnterpriseName), extract.BlankDate: field(f.CommitmentLetterDate),
		}),
		doc(RoleApplicationLetter, extract.KindApplicationLetter, extract.Fields{
			blankAdminName: field(f.AdminName), blankAdminID: field(f.AdminIDNumber), "admin_phone": field(f.AdminPhone),
			blankEnterprise: field(f.EnterpriseName), extract.BlankDate: field(f.ApplicationLetterDate),
		}),
	}
	return app, docs
}

// doc is a document as read; the roles that need the company stamp carry one.
func doc(role string, k extract.Kind, fs extract.Fields) DocResult {
	d := DocResult{
		Ref: DocumentRef{Role: role, File: role + ".jpg"}, Kind: k, Fields: fs,
		Report: DocumentReport{Role: role, File: role + ".jpg", KindDetected: string(k), Quality: &Quality{MeanConfidence: 0.9, Sharpness: 500, Brightness: 200}, Stamps: []Stamp{}},
	}
	if stampedRoles[role] {
		d.Report.Stamps = []Stamp{{BBox: ocr.Box{X: 100, Y: 100, W: 200, H: 200}, Score: 0.95}}
	}
	return d
}

func TestRules(t *testing.T) {
	tests := []struct {
		name     string
		change   func(*Application, []DocResult) []DocResult
		decision string
		want     []ExpectedReason
	}{
		{"clean", func(*Application, []DocResult) []DocResult { return nil }, DecisionPass, nil},
		{"missing document", func(a *Application, d []DocResult) []DocResult { return d[1:] }, DecisionReject,
			[]ExpectedReason{{Code: CodeDocumentMissing, Role: RoleEnterpriseCertificate}}},
		{"400 without three-in-one needs tax and org certificates", func(a *Application, d []DocResult) []DocResult {
			no := false
			a.Kind, a.Form.ThreeInOne = KindVoice400, &no
			return d
		}, DecisionReject, []ExpectedReason{{Code: CodeDocumentMissing, Role: RoleTaxRegistration}, {Code: CodeDocumentMissing, Role: RoleOrganizationCode}}},
		{"file too large", func(a *Application, d []DocResult) []DocResult {
			d[6] = d[6].fail(CodeFileTooLarge, "6 MB")
			return d
		}, DecisionReject, []ExpectedReason{{Code: CodeFileTooLarge, Role: RoleCommitmentLetter}}},
		{"wrong type", func(a *Application, d []DocResult) []DocResult {
			d[3].Kind = extract.KindIDBack
			return d
		}, DecisionReject, []ExpectedReason{{Code: CodeDocumentWrongType, Role: RoleAdminIDFront}}},
		{"a photo too dark to read, though our flattened read made it out", func(a *Application, d []DocResult) []DocResult {
			d[2].Report.Quality = &Quality{MeanConfidence: 0.64, Sharpness: 20, Brightness: 11}
			return d
		}, DecisionReject, []ExpectedReason{{Code: CodeDocumentUnreadable, Role: RoleLegalRepIDBack}}},
		{"a plain card photo where the handheld photo belongs", func(a *Application, d []DocResult) []DocResult {
			d[5].Kind = extract.KindIDFront
			return d
		}, DecisionReject, []ExpectedReason{{Code: CodeDocumentWrongType, Role: RoleAdminIDHandheld}}},
		{"unknown kind on a good image is for a human", func(a *Application, d []DocResult) []DocResult {
			d[5].Kind = extract.KindUnknown
			return d
		}, DecisionReview, []ExpectedReason{{Code: CodeLowConfidence, Role: RoleAdminIDHandheld}}},
		{"unknown kind on a dark image is unreadable", func(a *Application, d []DocResult) []DocResult {
			d[5].Kind, d[5].Report.Quality.Brightness = extract.KindUnknown, 20
			return d
		}, DecisionReject, []ExpectedReason{{Code: CodeDocumentUnreadable, Role: RoleAdminIDHandheld}}},
		{"sole proprietorship", func(a *Application, d []DocResult) []DocResult {
			a.Form.EnterpriseType = "有限责任公司（自然人独资）"
			d[0].Fields[extract.FType] = field("有限责任公司（自然人独资）")
			return d
		}, DecisionReject, []ExpectedReason{{Code: CodeEnterpriseTypeUnsupp, Field: FieldEnterpriseType}}},
		{"one character differs, read surely", func(a *Application, d []DocResult) []DocResult {
			a.Form.EnterpriseName = "深圳嘉半物流股份有限公司"
			return d
		}, DecisionReject, []ExpectedReason{{Code: CodeFieldMismatch, Field: FieldEnterpriseName}}},
		{"differs where the OCR was unsure", func(a *Application, d []DocResult) []DocResult {
			f := field("深圳嘉半物流股份有限公司")
			f.Confs[3], f.Conf = 0.3, 0.3
			d[0].Fields[extract.FName] = f
			return d
		}, DecisionReview, []ExpectedReason{{Code: CodeLowConfidence, Field: FieldEnterpriseName}}},
		{"a value read cut short is for a human", func(a *Application, d []DocResult) []DocResult {
			d[0].Fields[extract.FName] = field("深圳嘉丰物流股份")
			return d
		}, DecisionReview, []ExpectedReason{{Code: CodeLowConfidence, Field: FieldEnterpriseName}}},
		{"confusable characters are for a human", func(a *Application, d []DocResult) []DocResult {
			d[0].Fields[extract.FLegalRep] = field("能浩军")
			d[1].Fields[extract.FName] = field("能浩军")
			return d
		}, DecisionReview, []ExpectedReason{{Code: CodeLowConfidence, Field: FieldLegalRepName}}},
		{"brackets and widths do not count", func(a *Application, d []DocResult) []DocResult {
			a.Form.EnterpriseType = "股份有限公司（非上市、自然人投资或控股）"
			return d
		}, DecisionPass, nil},
		{"a bracket lost in reading does not count", func(a *Application, d []DocResult) []DocResult {
			a.Form.EnterpriseName = "诚和建筑工程（重庆）有限公司"
			d[0].Fields[extract.FName] = field("诚和建筑工程重庆）有限公司")
			d[6].Fields[blankEnterprise] = field(a.Form.EnterpriseName)
			d[7].Fields[blankEnterprise] = field(a.Form.EnterpriseName)
			return d
		}, DecisionPass, nil},
		{"the card's name differs surely, the handheld photo's nearer the form", func(a *Application, d []DocResult) []DocResult {
			d[3].Fields[extract.FName], d[5].Fields[extract.FName] = field("并弓"), field("邱弓")
			return d
		}, DecisionReview, []ExpectedReason{{Code: CodeLowConfidence, Field: FieldAdminName}}},
		{"the card's name and the handheld photo's differ alike", func(a *Application, d []DocResult) []DocResult {
			d[3].Fields[extract.FName], d[5].Fields[extract.FName] = field("邱刚"), field("邱刚")
			return d
		}, DecisionReject, []ExpectedReason{{Code: CodeFieldMismatch, Field: FieldAdminName}}},
		{"a character more than the form, read surely, is for a human", func(a *Application, d []DocResult) []DocResult {
			d[0].Fields[extract.FName] = field("深圳嘉丰和物流股份有限公司")
			return d
		}, DecisionReview, []ExpectedReason{{Code: CodeLowConfidence, Field: FieldEnterpriseName}}},
		{"entered credit code fails its check", func(a *Application, d []DocResult) []DocResult {
			a.Form.OrganizationCode = "91440304403031610A"
			return d
		}, DecisionReject, []ExpectedReason{{Code: CodeIdentifierInvalid, Field: FieldOrganizationCode}, {Code: CodeFieldMismatch, Field: FieldOrganizationCode}}},
		{"ID number against 性别 on the card", func(a *Application, d []DocResult) []DocResult {
			d[1].Fields[extract.FSex] = field("女")
			return d
		}, DecisionReject, []ExpectedReason{{Code: CodeIdentifierInvalid, Field: FieldLegalRepIDNumber}}},
		{"legal representative's ID of another person", func(a *Application, d []DocResult) []DocResult {
			d[1].Fields[extract.FName] = field("邱强")
			return d
		}, DecisionReject, []ExpectedReason{{Code: CodeLegalRepMismatch, Field: FieldLegalRepName}}},
		{"card and form agree, the licence surely names another", func(a *Application, d []DocResult) []DocResult {
			a.Form.LegalRepName = "龙刚"
			d[0].Fields[extract.FLegalRep], d[1].Fields[extract.FName] = field("邱强"), field("龙刚")
			return d
		}, DecisionReject, []ExpectedReason{{Code: CodeLegalRepMismatch, Field: FieldLegalRepName}}},
		// Held-out app-97-00004: the licence's 龙刚 read 刚 at 0.86 stood
		// for the licence and the card of 龙刚 was another person's.
		{"card and form agree, the licence's name read cut short", func(a *Application, d []DocResult) []DocResult {
			a.Form.LegalRepName = "龙刚"
			d[0].Fields[extract.FLegalRep], d[1].Fields[extract.FName] = field("刚"), field("龙刚")
			return d
		}, DecisionPass, nil},
		{"legal representative's ID whose name differs in a confusable character", func(a *Application, d []DocResult) []DocResult {
			a.Form.LegalRepName = "张霞"
			d[0].Fields[extract.FLegalRep], d[1].Fields[extract.FName] = field("张霞"), field("张起")
			return d
		}, DecisionReview, []ExpectedReason{{Code: CodeLowConfidence, Role: RoleLegalRepIDFront, Field: FieldLegalRepName}}},
		{"legal representative's ID naming another person, read unsurely", func(a *Application, d []DocResult) []DocResult {
			name := field("尹辉")
			name.Conf = 0.03
			d[1].Fields[extract.FName] = name
			return d
		}, DecisionReview, []ExpectedReason{{Code: CodeLowConfidence, Role: RoleLegalRepIDFront, Field: FieldLegalRepName}}},
		{"legal representative's ID is the administrator's, its name unsure", func(a *Application, d []DocResult) []DocResult {
			a.Form.LegalRepIDNumber = a.Form.AdminIDNumber
			name := field("卢然守")
			name.Conf = 0.29
			d[1].Fields[extract.FName], d[1].Fields[extract.FIDNumber] = name, field(a.Form.AdminIDNumber)
			return d
		}, DecisionReject, []ExpectedReason{{Code: CodeLegalRepMismatch, Field: FieldLegalRepName}}},
		{"expired ID", func(a *Application, d []DocResult) []DocResult {
			a.Form.AdminIDValidTo = "2026-02-19"
			d[4].Fields[extract.FValidTo] = field("2026-02-19")
			return d
		}, DecisionReject, []ExpectedReason{{Code: CodeDocumentExpired, Role: RoleAdminIDBack}}},
		{"valid on the submission day itself is not expired, but expiring", func(a *Application, d []DocResult) []DocResult {
			a.Form.AdminIDValidTo = "2026-02-20"
			d[4].Fields[extract.FValidTo] = field("2026-02-20")
			return d
		}, DecisionPass, []ExpectedReason{{Code: CodeExpiringSoon, Role: RoleAdminIDBack}}},
		{"expiring within seven days is info", func(a *Application, d []DocResult) []DocResult {
			a.Form.BusinessTermEnd = "2026-02-27"
			d[0].Fields[extract.FTermEnd] = field("2026-02-27")
			return d
		}, DecisionPass, []ExpectedReason{{Code: CodeExpiringSoon, Role: RoleEnterpriseCertificate}}},
		{"remarks without scenario or script", func(a *Application, d []DocResult) []DocResult {
			a.Form.Remarks = "无"
			return d
		}, DecisionReview, []ExpectedReason{{Code: CodeRemarksInsufficient, Field: FieldRemarks}}},
		{"field not found on a present document", func(a *Application, d []DocResult) []DocResult {
			delete(d[0].Fields, extract.FAddress)
			return d
		}, DecisionReview, []ExpectedReason{{Code: CodeLowConfidence, Field: FieldEnterpriseAddress}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			app, docs := cleanApp()
			if d := tt.change(&app, docs); d != nil {
				docs = d
			}
			v := testPipeline().Evaluate(app, docs)
			if v.Decision != tt.decision {
				t.Errorf("decision %s, want %s; reasons %+v", v.Decision, tt.decision, v.Reasons)
			}
			for _, w := range tt.want {
				if !HasReason(v, w) {
					t.Errorf("missing %+v; reasons %+v", w, v.Reasons)
				}
			}
			if tt.want == nil && tt.decision == DecisionPass && len(v.Reasons) != 0 {
				t.Errorf("clean application got reasons %+v", v.Reasons)
			}
		})
	}
}

func TestFieldsDiff(t *testing.T) {
	app, docs := cleanApp()
	delete(docs[0].Fields, extract.FAddress)
	v := testPipeline().Evaluate(app, docs)
	if len(v.Fields) != len(fieldSpecs) {
		t.Fatalf("%d fields, want %d", len(v.Fields), len(fieldSpecs))
	}
	for _, f := range v.Fields {
		switch f.Field {
		case FieldEnterpriseAddress:
			if f.Extracted != nil || f.Match {
				t.Errorf("unread field: %+v", f)
			}
		case FieldEnterpriseName:
			if f.Extracted == nil || !f.Match || f.Source == nil || f.Source.Role != RoleEnterpriseCertificate || f.Source.BBox == nil {
				t.Errorf("read field: %+v", f)
			}
		}
	}
}

func TestDecide(t *testing.T) {
	tests := []struct {
		sev  []string
		want string
	}{
		{nil, DecisionPass},
		{[]string{SeverityInfo}, DecisionPass},
		{[]string{SeverityInfo, SeverityReview}, DecisionReview},
		{[]string{SeverityReview, SeverityReject, SeverityInfo}, DecisionReject},
	}
	for _, tt := range tests {
		var rs []Reason
		for _, s := range tt.sev {
			rs = append(rs, Reason{Severity: s})
		}
		if got := decide(rs); got != tt.want {
			t.Errorf("decide(%v) = %s, want %s", tt.sev, got, tt.want)
		}
	}
}

func TestReasonCatalogueComplete(t *testing.T) {
	for _, role := range KnownRoles {
		if RoleNameZH(role) == role {
			t.Errorf("role %s has no Chinese name", role)
		}
	}
	for code, rt := range catalogue {
		if rt.severity == "" || rt.zh == "" || rt.en == "" {
			t.Errorf("%s incomplete", code)
		}
	}
}
