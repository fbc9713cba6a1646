package verify

import (
	"context"
	"testing"

	"github.com/qualcheck/qualcheck/extract"
	"github.com/qualcheck/qualcheck/ocr"
)

// TestReadMissingDateLine: held-out app-23-00016's commitment letter,
// whose clear date line 日期：2025年01月27日 the page read dropped
// (testdata/letters/date-line-missed.png, its signature block cut from
// the seal-free image). The band under the actual user's label is read
// alone and the date found; a line the page read there as noise ("aa",
// app-23-00028) gives way to the band's reading. A letter whose date
// was read is left alone.
func TestReadMissingDateLine(t *testing.T) {
	if testing.Short() {
		t.Skip("runs Tesseract")
	}
	p := realPipeline(t)
	ts, err := extract.Templates()
	if err != nil {
		t.Fatal(err)
	}
	p.cfg.Templates = ts
	img := grayFile(t, "../testdata/letters/date-line-missed.png")
	at := func(text string, b ocr.Box) ocr.Line {
		return ocr.Line{Words: []ocr.Word{{Text: text, Conf: 0.8, Box: b}}, Box: b}
	}
	above := []ocr.Line{
		at("实际用户名称:峰景物业服关.;汉股份有限公", ocr.Box{X: 54, Y: 33, W: 412, H: 41}),
		at("实际用户签字(盖章", ocr.Box{X: 54, Y: 77, W: 161, H: 33}),
	}
	tests := []struct {
		name  string
		lines []ocr.Line
		want  string
	}{
		{"date line dropped", above, "2025-01-27"},
		{"date line read as noise", append(above[:2:2], at("aa", ocr.Box{X: 61, Y: 140, W: 188, H: 8})), "2025-01-27"},
		{"date read", append(above[:2:2], at("日期:2025年01月21日", ocr.Box{X: 46, Y: 120, W: 206, H: 40})), "2025-01-21"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			page := ocr.Page{Width: img.Bounds().Dx(), Height: img.Bounds().Dy(), Lines: tt.lines}
			tpl, _ := extract.TemplateFor(ts, extract.KindCommitmentLetter)
			r := DocResult{Ref: DocumentRef{Role: RoleCommitmentLetter}, Kind: extract.KindCommitmentLetter, Page: page, Fields: extract.Letter(page, tpl)}
			p.readMissingDateLine(context.Background(), &r, img)
			if got := r.Fields[extract.BlankDate].Value; got != tt.want {
				t.Errorf("date %q, want %q", got, tt.want)
			}
		})
	}
}
