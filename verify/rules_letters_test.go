package verify

import (
	"testing"

	"github.com/qualcheck/qualcheck/extract"
	"github.com/qualcheck/qualcheck/ocr"
)

// letterDoc is the document of a role in cleanApp's documents.
func letterDoc(docs []DocResult, role string) *DocResult {
	for i := range docs {
		if docs[i].Ref.Role == role {
			return &docs[i]
		}
	}
	panic(role)
}

func unsure(v string) extract.Field {
	f := field(v)
	f.Conf = 0.4
	for i := range f.Confs {
		f.Confs[i] = 0.4
	}
	return f
}

// boxed sets f's box to w × h pixels.
func boxed(f extract.Field, w, h int) extract.Field {
	f.Box = ocr.Box{X: 10, Y: 10, W: w, H: h}
	return f
}

// withConf sets the confidence of f's i-th character.
func withConf(f extract.Field, i int, c float64) extract.Field {
	f.Confs = append([]float64(nil), f.Confs...)
	f.Confs[i] = c
	return f
}

func TestLetterRules(t *testing.T) {
	const cl, al = RoleCommitmentLetter, RoleApplicationLetter
	tests := []struct {
		name     string
		role     string
		submit   string // submitted_at, "" for cleanApp's 2026-02-20
		blanks   extract.Fields
		formDate string
		decision string
		want     ExpectedReason
	}{
		{"clean", cl, "", nil, "", DecisionPass, ExpectedReason{}},
		{"three months to the day is allowed", cl, "", extract.Fields{extract.BlankDate: field("2025-11-20")}, "2025-11-20", DecisionPass, ExpectedReason{}},
		{"a day more is stale", cl, "", extract.Fields{extract.BlankDate: field("2025-11-19")}, "2025-11-19", DecisionReject,
			ExpectedReason{Code: CodeLetterDateStale, Role: cl}},
		{"month end clamps: 05-31 allows 02-28", al, "2026-05-31", extract.Fields{extract.BlankDate: field("2026-02-28")}, "2026-02-28", DecisionPass, ExpectedReason{}},
		{"month end clamps: 02-27 is stale", al, "2026-05-31", extract.Fields{extract.BlankDate: field("2026-02-27")}, "2026-02-27", DecisionReject,
			ExpectedReason{Code: CodeLetterDateStale, Role: al}},
		{"leap year: 2024-05-31 allows 02-29", al, "2024-05-31", extract.Fields{extract.BlankDate: field("2024-02-29")}, "2024-02-29", DecisionPass, ExpectedReason{}},
		{"future", al, "", extract.Fields{extract.BlankDate: field("2026-02-21")}, "2026-02-21", DecisionReject,
			ExpectedReason{Code: CodeLetterDateFuture, Role: al}},
		{"date differs from the form", cl, "", extract.Fields{extract.BlankDate: field("2026-02-11")}, "", DecisionReject,
			ExpectedReason{Code: CodeLetterDateMismatch, Role: cl}},
		{"unsure date differs: review", cl, "", extract.Fields{extract.BlankDate: unsure("2026-02-11")}, "", DecisionReview,
			ExpectedReason{Code: CodeLowConfidence, Role: cl}},
		{"stale by the form when the letter is unread", cl, "", extract.Fields{extract.BlankDate: unsure("2026-02-11")}, "2025-10-01", DecisionReject,
			ExpectedReason{Code: CodeLetterDateStale, Role: cl}},
		{"an unsure stale reading is not evidence", cl, "", extract.Fields{extract.BlankDate: unsure("2025-10-10")}, "", DecisionReview,
			ExpectedReason{Code: CodeLowConfidence, Role: cl}},
		{"empty date blank", cl, "", extract.Fields{extract.BlankDate: {}}, "", DecisionReject,
			ExpectedReason{Code: CodeLetterIncomplete, Role: cl, Field: FieldCommitmentLetterDate}},
		{"administrator as actual user", cl, "", extract.Fields{blankEnterprise: unsure("邱强")}, "", DecisionReject,
			ExpectedReason{Code: CodeActualUserNameMismatch, Role: cl}},
		{"a person as actual user", cl, "", extract.Fields{blankEnterprise: unsure("王小明")}, "", DecisionReject,
			ExpectedReason{Code: CodeActualUserNameMismatch, Role: cl}},
		{"a person as actual user, read with stray marks (held-out app-11-00014)", cl, "", extract.Fields{blankEnterprise: boxed(unsure("孙薄/有2"), 100, 25)}, "", DecisionReject,
			ExpectedReason{Code: CodeActualUserNameMismatch, Role: cl}},
		{"a long fill read as a few characters and marks: review", cl, "", extract.Fields{blankEnterprise: boxed(unsure("深训/有2"), 300, 25)}, "", DecisionReview,
			ExpectedReason{Code: CodeLowConfidence, Role: cl}},
		{"actual user cut short: review", cl, "", extract.Fields{blankEnterprise: unsure("深圳嘉丰")}, "", DecisionReview,
			ExpectedReason{Code: CodeLowConfidence, Role: cl}},
		{"actual user empty", cl, "", extract.Fields{blankEnterprise: {}}, "", DecisionReject,
			ExpectedReason{Code: CodeLetterIncomplete, Role: cl, Field: FieldActualUserName}},
		{"admin name differs, as long: review", al, "", extract.Fields{blankAdminName: field("何晖")}, "", DecisionReview,
			ExpectedReason{Code: CodeLowConfidence, Role: al, Field: FieldAdminName}},
		{"admin name of another length, read surely, no character shared", al, "", extract.Fields{blankAdminName: field("黄国涛")}, "", DecisionReject,
			ExpectedReason{Code: CodeLetterAdminMismatch, Role: al}},
		{"admin name of another length sharing a character: review", al, "", extract.Fields{blankAdminName: field("邱国涛")}, "", DecisionReview,
			ExpectedReason{Code: CodeLowConfidence, Role: al, Field: FieldAdminName}},
		{"admin name of another length read unsurely: review", al, "", extract.Fields{blankAdminName: unsure("黄国涛")}, "", DecisionReview,
			ExpectedReason{Code: CodeLowConfidence, Role: al, Field: FieldAdminName}},
		{"admin name misread in one character: no reason", al, "", extract.Fields{blankAdminName: unsure("邱刚")}, "", DecisionPass, ExpectedReason{}},
		{"admin name unreadable: review", al, "", extract.Fields{blankAdminName: unsure("何晖X")}, "", DecisionReview,
			ExpectedReason{Code: CodeLowConfidence, Role: al}},
		{"a year misread sixty years off, read surely: review (seed-7 app-7-00022)", cl, "", extract.Fields{extract.BlankDate: field("2086-02-10")}, "", DecisionReview,
			ExpectedReason{Code: CodeLowConfidence, Role: cl}},
		{"unsure date equal to the form", cl, "", extract.Fields{extract.BlankDate: unsure("2026-02-10")}, "", DecisionPass, ExpectedReason{}},
		// Generated app-1-00051 wrote 2025-07-02 for the form's 07-09 and
		// read it 2025-07-00: one digit from either.
		{"impossible date one digit from the form's: review", cl, "", extract.Fields{extract.BlankDate: unsure("2026-02-90")}, "", DecisionReview,
			ExpectedReason{Code: CodeLowConfidence, Role: cl}},
		{"impossible date two digits off: review", cl, "", extract.Fields{extract.BlankDate: unsure("2026-02-99")}, "", DecisionReview,
			ExpectedReason{Code: CodeLowConfidence, Role: cl}},
		{"admin ID with a stray stroke after it", al, "", extract.Fields{blankAdminID: field("440304197806034492人")}, "", DecisionPass, ExpectedReason{}},
		{"actual user misread in most characters, as long, sharing a quarter (generated app-1-00009)", cl, "", extract.Fields{blankEnterprise: unsure("深州嘉半物沟股伦有很公可")}, "", DecisionPass, ExpectedReason{}},
		{"actual user as long, sharing too little: review", cl, "", extract.Fields{blankEnterprise: unsure("深训毒半扬沟股伦右很么可")}, "", DecisionReview,
			ExpectedReason{Code: CodeLowConfidence, Role: cl}},
		{"actual user another company's, a character read surely: review", cl, "", extract.Fields{blankEnterprise: withConf(unsure("深州嘉半物沟股伦有很公可"), 1, 0.9)}, "", DecisionReview,
			ExpectedReason{Code: CodeLowConfidence, Role: cl}},
		{"actual user misread in places", cl, "", extract.Fields{blankEnterprise: unsure("深圳嘉丰物流股份有限公可")}, "", DecisionPass, ExpectedReason{}},
		{"admin ID of another person", al, "", extract.Fields{blankAdminID: field("330108198709223658")}, "", DecisionReject,
			ExpectedReason{Code: CodeLetterAdminMismatch, Role: al}},
		{"admin ID misread in one digit (check digit fails): the card's", al, "", extract.Fields{blankAdminID: field("440304197806034493")}, "", DecisionPass, ExpectedReason{}},
		{"admin ID read with a stray digit inside (generated app-1-00046): the card's", al, "", extract.Fields{blankAdminID: field("4403041978060344492")}, "", DecisionPass, ExpectedReason{}},
		{"admin ID read with an 8 as & and a stray digit (held-out app-13-00008's 14082520010324&&412): the card's", al, "", extract.Fields{blankAdminID: field("440304197&060344492")}, "", DecisionPass, ExpectedReason{}},
		{"admin ID read a digit short: review", al, "", extract.Fields{blankAdminID: field("44030419780603449")}, "", DecisionReview,
			ExpectedReason{Code: CodeLowConfidence, Role: al}},
		{"admin ID misread in two digits: review", al, "", extract.Fields{blankAdminID: field("440304197806034183")}, "", DecisionReview,
			ExpectedReason{Code: CodeLowConfidence, Role: al}},
		{"admin ID empty", al, "", extract.Fields{blankAdminID: {}}, "", DecisionReject,
			ExpectedReason{Code: CodeLetterIncomplete, Role: al, Field: FieldAdminIDNumber}},
		{"admin name blank not read: review", al, "", extract.Fields{blankAdminName: {Value: "-"}}, "", DecisionReview,
			ExpectedReason{Code: CodeLowConfidence, Role: al}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			app, docs := cleanApp()
			if tt.submit != "" {
				app.SubmittedAt = tt.submit
				app.Form.BusinessTermEnd, app.Form.AdminIDValidTo = "2052-11-11", "2027-09-09"
			}
			d := letterDoc(docs, tt.role)
			for k, v := range tt.blanks {
				d.Fields[k] = v
			}
			if tt.formDate != "" {
				app.Form.CommitmentLetterDate, app.Form.ApplicationLetterDate = tt.formDate, tt.formDate
				letterDoc(docs, cl).Fields[extract.BlankDate] = field(tt.formDate)
				letterDoc(docs, al).Fields[extract.BlankDate] = field(tt.formDate)
				if v, ok := tt.blanks[extract.BlankDate]; ok {
					d.Fields[extract.BlankDate] = v
				}
			}
			v := testPipeline().Evaluate(app, docs)
			if v.Decision != tt.decision {
				t.Errorf("decision %s, want %s; reasons %+v", v.Decision, tt.decision, v.Reasons)
			}
			if tt.want.Code != "" && !HasReason(v, tt.want) {
				t.Errorf("missing %+v; reasons %+v", tt.want, v.Reasons)
			}
		})
	}
}

func TestStampMissing(t *testing.T) {
	for _, role := range []string{RoleAdminIDFront, RoleAdminIDBack, RoleCommitmentLetter, RoleApplicationLetter} {
		app, docs := cleanApp()
		letterDoc(docs, role).Report.Stamps = []Stamp{}
		v := testPipeline().Evaluate(app, docs)
		if v.Decision != DecisionReject || !HasReason(v, ExpectedReason{Code: CodeStampMissing, Role: role}) {
			t.Errorf("%s without stamp: %s %+v", role, v.Decision, v.Reasons)
		}
	}
	// The certificate and the legal representative's ID need a stamp only
	// as copies, which are not told apart yet: no reason.
	app, docs := cleanApp()
	letterDoc(docs, RoleEnterpriseCertificate).Report.Stamps = []Stamp{}
	letterDoc(docs, RoleLegalRepIDFront).Report.Stamps = []Stamp{}
	if v := testPipeline().Evaluate(app, docs); v.Decision != DecisionPass {
		t.Errorf("unstamped originals: %s %+v", v.Decision, v.Reasons)
	}
}

func TestTemplateModifiedRule(t *testing.T) {
	change := []TemplateChange{{Clause: "二、…", Expected: "不转售不出租不出借", Found: "原则上不转售"}}
	tests := []struct {
		sim      float64
		changes  []TemplateChange
		decision string
		code     string
	}{
		{0.99, nil, DecisionPass, ""},
		{0.99, change, DecisionReject, CodeTemplateModified},
		{0.60, change, DecisionReview, CodeLowConfidence}, // read too poorly to tell
	}
	for _, tt := range tests {
		app, docs := cleanApp()
		letterDoc(docs, RoleCommitmentLetter).Report.Template = &TemplateReport{ID: "commitment_letter/v1", Similarity: tt.sim, Changes: tt.changes}
		v := testPipeline().Evaluate(app, docs)
		if v.Decision != tt.decision || (tt.code != "" && !HasReason(v, ExpectedReason{Code: tt.code, Role: RoleCommitmentLetter})) {
			t.Errorf("similarity %.2f, %d changes: %s %+v", tt.sim, len(tt.changes), v.Decision, v.Reasons)
		}
	}
}
