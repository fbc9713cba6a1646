package verify

import (
	"context"
	"testing"
)

func TestForeignSeal(t *testing.T) {
	const name = "深圳嘉丰物流股份有限公司"
	tests := []struct {
		name string
		s    Stamp
		want bool
	}{
		{"own seal, misread", Stamp{Text: "条圳嘉丰物流股份有有限公司", TextConfidence: 0.69}, false},
		{"another company", Stamp{Text: "杭州恒安网络科技有限公司", TextConfidence: 0.72}, true},
		{"another company, read poorly", Stamp{Text: "杭州恒安网络科技有限公司", TextConfidence: 0.3}, false},
		{"too little read", Stamp{Text: "有限公司", TextConfidence: 0.9}, false},
		{"a small seal's noise", Stamp{Text: "过央攻宇甸孔严贞各殊公坟", TextConfidence: 0.12}, false},
	}
	for _, tt := range tests {
		if got := foreignSeal(tt.s, name); got != tt.want {
			t.Errorf("%s: foreign = %v, want %v", tt.name, got, tt.want)
		}
	}
}

// TestStampOfAnotherEnterprise reads the stamped copy of an ID card
// (real Tesseract): its seal names 深圳嘉丰物流股份有限公司, so the same
// card filed for another enterprise is STAMP_ENTERPRISE_MISMATCH.
func TestStampOfAnotherEnterprise(t *testing.T) {
	if testing.Short() {
		t.Skip("runs Tesseract")
	}
	files := mapFiles{"back.jpg": readFile(t, "../testdata/samples/app-1-00001/IMG_20260220_094611.jpg")}
	p := realPipeline(t)
	r := p.readRef(context.Background(), DocumentRef{Role: RoleAdminIDBack, File: "back.jpg"}, files, Form{})[0]
	if len(r.Report.Stamps) != 1 || r.Report.Stamps[0].Text == "" {
		t.Fatalf("stamps %+v, want one with its arc text", r.Report.Stamps)
	}
	for _, tt := range []struct {
		enterprise string
		want       bool
	}{{"深圳嘉丰物流股份有限公司", false}, {"杭州恒安网络科技有限公司", true}} {
		app := Application{ID: "s", Form: Form{EnterpriseName: tt.enterprise}}
		v := p.Evaluate(app, []DocResult{r})
		if got := HasReason(v, ExpectedReason{Code: CodeStampEnterpriseMismatch, Role: RoleAdminIDBack}); got != tt.want {
			t.Errorf("%s: STAMP_ENTERPRISE_MISMATCH %v, want %v (seal read %q)", tt.enterprise, got, tt.want, r.Report.Stamps[0].Text)
		}
	}
}

func TestAuthoritySeal(t *testing.T) {
	tests := []struct {
		s    Stamp
		want bool
	}{
		{Stamp{Text: "党居市多湖区市场监督管理局", TextConfidence: 0.656}, true}, // corpus app-1-00039
		{Stamp{Text: "杭州市滨江区市场监督管理局", TextConfidence: 0.5}, true},
		{Stamp{Text: "宏星健康管理深圳股份有限公司", TextConfidence: 0.7}, false},
		{Stamp{Text: "某某管理局", TextConfidence: 0.2}, false}, // read too poorly to say
	}
	for _, tt := range tests {
		if got := authoritySeal(tt.s); got != tt.want {
			t.Errorf("%q: authority = %v, want %v", tt.s.Text, got, tt.want)
		}
	}
}
