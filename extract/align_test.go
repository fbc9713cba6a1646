package extract

import (
	"slices"
	"strings"
	"testing"

	"github.com/qualcheck/qualcheck/ocr"
)

// letterPage lays out a letter's lines as a clean read would return them,
// blanks filled.
func letterPage(lines []string) ocr.Page {
	fill := strings.NewReplacer("{{enterprise_name}}", "济南永诚教育咨询有限公司", "{{date}}", "2025年03月09日",
		"{{organization_code}}", "913701042322671348", "{{admin_name}}", "郭健斌",
		"{{admin_id_number}}", "341102199806246658", "{{admin_phone}}", "13925375536")
	var p ocr.Page
	for i, l := range lines {
		p.Lines = append(p.Lines, line(fill.Replace(l), 100, 100+60*i, 30))
	}
	return p
}

// TestTemplateGap: a clause the page read lost (特此函告。, held-out
// app-43-00015) is reported removed with the band between the rows read
// before and after it, where it would stand; a clause removed from the
// letter itself leaves only the space between two rows there.
func TestTemplateGap(t *testing.T) {
	ts, _ := Templates()
	app, _ := TemplateFor(ts, KindApplicationLetter)
	k := slices.Index(app.Clauses, "特此函告。")
	if k < 1 || k == len(app.Clauses)-1 {
		t.Fatalf("特此函告。 is clause %d of %d", k, len(app.Clauses))
	}
	lost := letterPage(app.Clauses)
	lost.Lines = slices.Delete(lost.Lines, k, k+1)
	removed := letterPage(slices.Delete(slices.Clone(app.Clauses), k, k+1))
	tests := []struct {
		name string
		page ocr.Page
		gap  ocr.Box
	}{
		// Rows 60 apart and 30 high: row k-1 ends at 100+60(k-1)+30, row k+1 starts at 100+60(k+1).
		{"a line the page read lost", lost, ocr.Box{Y: 100 + 60*(k-1) + 30, H: 90}},
		{"a clause removed from the letter", removed, ocr.Box{Y: 100 + 60*(k-1) + 30, H: 30}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := CompareTemplate(tt.page, app)
			if len(c.Changes) != 1 || c.Changes[0].Expected != "特此函告" {
				t.Fatalf("changes = %+v, want 特此函告 removed", c.Changes)
			}
			if g := c.Changes[0].Gap; g.Y != tt.gap.Y || g.H != tt.gap.H || g.X != 100 || g.W <= 0 {
				t.Errorf("gap = %+v, want rows %d–%d from x 100", g, tt.gap.Y, tt.gap.Y+tt.gap.H)
			}
		})
	}
}

func TestCompareTemplate(t *testing.T) {
	ts, _ := Templates()
	com, _ := TemplateFor(ts, KindCommitmentLetter)
	app, _ := TemplateFor(ts, KindApplicationLetter)
	edit := func(tm Template, f func([]string) []string) []string {
		return f(append([]string(nil), tm.Clauses...))
	}
	tests := []struct {
		name    string
		tm      Template
		lines   []string
		changes int
		minSim  float64 // for a page with no change; 0.98 when zero
	}{
		{"clean commitment", com, com.Clauses, 0, 0},
		{"two clauses removed", com, edit(com, func(l []string) []string {
			return append(l[:3], l[5:]...)
		}), 2, 0},
		{"clean application", app, app.Clauses, 0, 0},
		{"OCR noise: one character", com, edit(com, func(l []string) []string {
			l[4] = strings.Replace(l[4], "骚扰", "驭扰", 1)
			return l
		}), 0, 0},
		// Two runs: 不转售不出租 → 原则上, and 出借 → 转售.
		{"phrase changed", com, edit(com, func(l []string) []string {
			l[3] = strings.Replace(l[3], "不转售、不出租、不出借所申请的号码", "原则上不转售所申请的号码", 1)
			return l
		}), 2, 0},
		{"two words changed, read surely", app, edit(app, func(l []string) []string {
			l[6] = strings.Replace(l[6], "承担全部责任", "承担相应责任", 1)
			return l
		}), 1, 0},
		{"clause removed", com, edit(com, func(l []string) []string {
			return append(l[:6], l[7:]...)
		}), 1, 0},
		{"clause added", com, edit(com, func(l []string) []string {
			return append(l[:7], append([]string{"六、本承诺书一式两份，自签字盖章之日起生效。"}, l[7:]...)...)
		}), 1, 0},
		{"the seal hides 申请单位（盖章） (seed-7 app-7-00018)", app, edit(app, func(l []string) []string {
			for i := range l {
				l[i] = strings.Replace(l[i], "申请单位（盖章）：", "", 1)
			}
			return l
		}), 0, 0.95},
		{"addressee changed", app, edit(app, func(l []string) []string {
			l[1] = "致：中国电信股份有限公司"
			return l
		}), 1, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := CompareTemplate(letterPage(tt.lines), tt.tm)
			if len(c.Changes) != tt.changes {
				t.Errorf("changes = %+v (similarity %.3f), want %d", c.Changes, c.Similarity, tt.changes)
			}
			if tt.minSim == 0 {
				tt.minSim = 0.98
			}
			if tt.changes == 0 && c.Similarity < tt.minSim {
				t.Errorf("similarity %.3f", c.Similarity)
			}
		})
	}
}
