package extract

import (
	"testing"
	"testing/fstest"

	"github.com/qualcheck/qualcheck/ocr"
)

func TestTemplatesShipped(t *testing.T) {
	ts, err := Templates()
	if err != nil {
		t.Fatal(err)
	}
	want := map[string][]Blank{
		"application_letter/v1": {
			{"admin_name", "管理员姓名"}, {"admin_id_number", "管理员身份证号码"}, {"admin_phone", "管理员联系电话"},
			{"enterprise_name", "申请单位"}, {"date", "日期"},
		},
		"commitment_letter/v1": {{"enterprise_name", "实际用户名称"}, {"date", "日期"}},
	}
	if len(ts) != len(want) {
		t.Fatalf("got %d templates, want %d", len(ts), len(want))
	}
	for _, tm := range ts {
		w, ok := want[tm.ID]
		if !ok {
			t.Fatalf("unexpected template %s", tm.ID)
		}
		if len(tm.Blanks) != len(w) {
			t.Fatalf("%s blanks = %v, want %v", tm.ID, tm.Blanks, w)
		}
		for i := range w {
			if tm.Blanks[i] != w[i] {
				t.Errorf("%s blank %d = %v, want %v", tm.ID, i, tm.Blanks[i], w[i])
			}
		}
	}
	c, _ := TemplateFor(ts, KindCommitmentLetter)
	if c.Clauses[0] != "电信用户入网承诺书" || len(c.Clauses) != 10 {
		t.Errorf("commitment clauses: %q… (%d)", c.Clauses[0], len(c.Clauses))
	}
}

func TestLoadTemplatesNewestVersion(t *testing.T) {
	v1, _ := templateFiles.ReadFile("templates/commitment_letter/v1.docx")
	fsys := fstest.MapFS{
		"t/commitment_letter/v1.docx":  {Data: v1},
		"t/commitment_letter/v10.docx": {Data: v1},
		"t/commitment_letter/v9.docx":  {Data: v1},
	}
	ts, err := LoadTemplates(fsys, "t")
	if err != nil {
		t.Fatal(err)
	}
	if got, _ := TemplateFor(ts, KindCommitmentLetter); got.ID != "commitment_letter/v10" {
		t.Errorf("newest = %s", got.ID)
	}
	bad := fstest.MapFS{"t/commitment_letter/v1.docx": {Data: []byte("not a zip")}}
	if _, err := LoadTemplates(bad, "t"); err == nil {
		t.Error("a broken .docx loaded")
	}
	other := fstest.MapFS{"t/licence/v1.docx": {Data: v1}}
	if _, err := LoadTemplates(other, "t"); err == nil {
		t.Error("a template of no letter kind loaded")
	}
}

// absent is a blank TestLetterBlanks wants not found at all.
const absent = "<absent>"

func TestLetterBlanks(t *testing.T) {
	ts, _ := Templates()
	app, _ := TemplateFor(ts, KindApplicationLetter)
	com, _ := TemplateFor(ts, KindCommitmentLetter)
	// Lines as read from generated letters (app-1-00001).
	tests := []struct {
		name  string
		tm    Template
		lines []ocr.Line
		want  map[string]string
	}{
		{"application", app, []ocr.Line{
			line("管理员姓名:郭健业", 244, 446, 28),
			line("管理员身份证号码:341102199806246658", 246, 473, 28),
			line("管理员联系电话:13925375536", 247, 508, 28),
			line("目期:2025年居3月09日", 396, 677, 28),
		}, map[string]string{"admin_name": "郭健业", "admin_id_number": "341102199806246658", "admin_phone": "13925375536", "date": "2025-03-09"}},
		{"a stroke beside the phone (sample app-1-00006)", app, []ocr.Line{
			line("管理员联系电话:13083419202本", 247, 508, 28),
		}, map[string]string{"admin_phone": "13083419202"}},
		{"a stray glyph inside a label (sample app-1-00006)", com, []ocr.Line{
			line("实际用户和名称:杭州恒安网络科技有限公司", 431, 870, 35),
		}, map[string]string{"enterprise_name": "杭州恒安网络科技有限公司"}},
		{"a landline keeps its hyphen", app, []ocr.Line{
			line("管理员联系电话:0551-65432100", 247, 508, 28),
		}, map[string]string{"admin_phone": "0551-65432100"}},
		{"commitment", com, []ocr.Line{
			line("实际用户名称:济南永诚教育咨询有限公司", 647, 1006, 35),
			line("实际用户签字(盖章):", 647, 1059, 33),
			line("日期:2025年03月09委", 649, 1107, 34),
		}, map[string]string{"enterprise_name": "济南永诚教育咨询有限公司", "date": "2025-03-09"}},
		{"the 日期 label misread (generated app-1-00012): the date under the blank before", com, []ocr.Line{
			line("实际用户名称;西宁于由六和限人司", 441, 631, 51),
			line("实际用户兴字(寺呈:人吧|", 442, 667, 46),
			line("日有:2025和11有日。>", 444, 705, 46),
		}, map[string]string{"date_text": "2025和11有日。>"}},
		{"the 日期 label misread, nothing written under the blank before", com, []ocr.Line{
			line("实际用户名称;西宁于由六和限人司", 441, 631, 51),
			line("实际用户兴字(寺呈:人吧|", 442, 667, 46),
			line("日有:", 444, 705, 46),
		}, map[string]string{"date_text": absent}},
		{"a label misread in three characters (generated app-19-00028)", com, []ocr.Line{
			line("宗用记名称:重大六有这屎公司", 663, 995, 73),
			line("实际用户签字(并变人", 660, 1045, 77),
			line("日期:2026年10月18日", 660, 1094, 50),
		}, map[string]string{"enterprise_name": "重大六有这屎公司", "date": "2026-10-18"}},
		{"a label misread in four characters, between the clauses around it (held-out app-43-00008)", com, []ocr.Line{
			line("并承担相应法律责任.", 560, 690, 30),
			line("宗用六和浆;到字拓有限人光、", 560, 775, 40),
			line("实际用户签字(苦章):元苹]", 560, 820, 35),
			line("日期:2025年05月30有多", 560, 865, 35),
		}, map[string]string{"enterprise_name": "到字拓有限人光", "date": "2025-05-30"}},
		{"a row misread as far, not between those clauses", com, []ocr.Line{
			line("宗用六和浆;到字拓有限人光、", 560, 775, 40),
			line("实际用户签字(苦章):元苹]", 560, 820, 35),
		}, map[string]string{"enterprise_name": absent}},
		{"the signature line is not the actual user's", com, []ocr.Line{
			line("实际用户签字:峰景", 660, 1045, 77),
			line("日期:2026年10月18日", 660, 1094, 50),
		}, map[string]string{"enterprise_name": absent}},
		{"a misread label with nothing after it is no empty blank", com, []ocr.Line{
			line("宗用记名称:", 663, 995, 73),
		}, map[string]string{"enterprise_name": absent}},
		{"empty blanks", com, []ocr.Line{
			line("实际用户名称:", 647, 1006, 35),
			line("日期:", 649, 1107, 34),
		}, map[string]string{"enterprise_name": "", "date": ""}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fs := Letter(ocr.Page{Lines: tt.lines}, tt.tm)
			for k, want := range tt.want {
				got, ok := fs[k]
				if want == absent && ok {
					t.Errorf("%s = %q, want none", k, got.Value)
				}
				if want != absent && (!ok || got.Value != want) {
					t.Errorf("%s = %q (present %v), want %q", k, got.Value, ok, want)
				}
			}
		})
	}
}
