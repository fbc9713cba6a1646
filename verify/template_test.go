package verify

import (
	"context"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/qualcheck/qualcheck/extract"
	"github.com/qualcheck/qualcheck/ocr"
)

// TestTemplateChangesReadAgain draws a letter's clauses and reads them
// with real Tesseract. A line the page read dropped is no change, as the
// seal-free second reading sees it (held-out app-11-00003 lost 特此函告。
// so and was rejected); a line the page read as noise is no removed
// clause once read again alone, with no seal-free reading (held-out
// app-13-00016's commitment letter title read 人 at 0.00); an edited
// clause, read surely, stays a change either way. A line both readings
// dropped is found in the band where it would stand, read alone; a
// clause removed is not.
func TestTemplateChangesReadAgain(t *testing.T) {
	if testing.Short() {
		t.Skip("runs Tesseract")
	}
	p := realPipeline(t)
	tests := []struct {
		name                  string
		kind                  extract.Kind
		from, to, drop, noise string
		sealFree              bool
		want                  int
	}{
		{"a line the page read dropped", extract.KindApplicationLetter, "", "", "特此函告", "", true, 0},
		{"an edited clause", extract.KindApplicationLetter, "承担全部责任", "承担相应责任", "", "", true, 1},
		{"a title read as noise", extract.KindCommitmentLetter, "", "", "", "电信用户入网承诺书", false, 0},
		{"an edited clause, no seal-free reading", extract.KindCommitmentLetter, "及时办理变更手续", "不必办理变更手续", "", "", false, 1},
		// Held-out app-43-00015: both page readings lost 特此函告。
		{"a line the page read dropped, no seal-free reading", extract.KindApplicationLetter, "", "", "特此函告", "", false, 0},
		{"a clause removed", extract.KindApplicationLetter, "特此函告。", "", "", "", true, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tmpl, ok := extract.TemplateFor(p.cfg.Templates, tt.kind)
			if !ok {
				t.Fatalf("no %s template", tt.kind)
			}
			img := cardLines(t, slices.DeleteFunc(filledClauses(tmpl, tt.from, tt.to), func(c string) bool { return c == "" })...)
			page, _, err := p.readScaled(context.Background(), img, 0.5, ocr.ReadOptions{PSM: ocr.PSMBlock}, false)
			if err != nil {
				t.Fatal(err)
			}
			page.Lines = noiseLine(dropLine(page.Lines, tt.drop), tt.noise)
			role := map[extract.Kind]string{extract.KindApplicationLetter: RoleApplicationLetter, extract.KindCommitmentLetter: RoleCommitmentLetter}[tt.kind]
			r := DocResult{Ref: DocumentRef{Role: role}, Kind: tt.kind, Page: page}
			sealFree := img
			if !tt.sealFree {
				sealFree = nil
			}
			p.compareTemplate(context.Background(), &r, img, sealFree)
			if got := r.Report.Template.Changes; len(got) != tt.want {
				t.Errorf("changes %+v, want %d", got, tt.want)
			}
		})
	}
}

// filledClauses are t's clauses with every blank filled in, and from
// replaced by to.
func filledClauses(t extract.Template, from, to string) []string {
	blank := regexp.MustCompile(`\{\{[a-z_]+\}\}`)
	out := make([]string, len(t.Clauses))
	for i, c := range t.Clauses {
		out[i] = blank.ReplaceAllString(c, "张三")
		if from != "" {
			out[i] = strings.ReplaceAll(out[i], from, to)
		}
	}
	return out
}

// dropLine leaves out the lines whose words hold s, as a page read that
// lost them.
func dropLine(lines []ocr.Line, s string) []ocr.Line {
	if s == "" {
		return lines
	}
	var out []ocr.Line
	for _, l := range lines {
		text := ""
		for _, w := range l.Words {
			text += w.Text
		}
		if !strings.Contains(text, s) {
			out = append(out, l)
		}
	}
	return out
}

// noiseLine replaces the words of the lines holding s with one unsure
// character, as a page read that made noise of them, their boxes kept.
func noiseLine(lines []ocr.Line, s string) []ocr.Line {
	out := slices.Clone(lines)
	for i, l := range out {
		if s != "" && strings.Contains(strings.ReplaceAll(l.Text(), " ", ""), s) {
			out[i].Words = []ocr.Word{{Text: "人", Conf: 0, Box: l.Box}}
		}
	}
	return out
}
