package verify

import (
	"context"
	"regexp"
	"strings"
	"testing"

	"github.com/qualcheck/qualcheck/extract"
	"github.com/qualcheck/qualcheck/ocr"
)

// TestTemplateChangesReadTwice draws the application letter's clauses
// and reads them with real Tesseract: a line the page read dropped is no
// change, as the second reading sees it (held-out app-11-00003 lost
// 特此函告。 so and was rejected); an edited clause stays a change.
func TestTemplateChangesReadTwice(t *testing.T) {
	if testing.Short() {
		t.Skip("runs Tesseract")
	}
	p := realPipeline(t)
	tmpl, ok := extract.TemplateFor(p.cfg.Templates, extract.KindApplicationLetter)
	if !ok {
		t.Fatal("no application letter template")
	}
	tests := []struct {
		name, from, to, drop string
		want                 int
	}{
		{"a line the page read dropped", "", "", "特此函告", 0},
		{"an edited clause", "承担全部责任", "承担相应责任", "", 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			img := cardLines(t, filledClauses(tmpl, tt.from, tt.to)...)
			page, _, err := p.readScaled(context.Background(), img, 0.5, ocr.ReadOptions{PSM: ocr.PSMBlock})
			if err != nil {
				t.Fatal(err)
			}
			page.Lines = dropLine(page.Lines, tt.drop)
			r := DocResult{Ref: DocumentRef{Role: RoleApplicationLetter}, Kind: extract.KindApplicationLetter, Page: page}
			p.compareTemplate(context.Background(), &r, img)
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
