package verify

import (
	"context"
	"testing"

	"github.com/qualcheck/qualcheck/extract"
	"github.com/qualcheck/qualcheck/ocr"
)

// TestRereadLetterDate draws a letter's date line and reads it again with
// real Tesseract: the form's date is taken only when the line shows it.
func TestRereadLetterDate(t *testing.T) {
	if testing.Short() {
		t.Skip("runs Tesseract")
	}
	p := realPipeline(t)
	tests := []struct {
		name, ink, page string
		conf            float64
		entered, want   string
	}{
		{"day unread, the line shows the form's", "2026年05月08日", "2026年05月同可", 0, "2026-05-08", "2026-05-08"},
		{"a 1 lost, the line shows the form's", "2025年11月12日", "2025-01-02", 0.52, "2025-11-12", "2025-11-12"},
		{"the line shows another day", "2026年05月18日", "2026年05月同可", 0, "2026-05-08", "2026年05月同可"},
		{"the line shows another day, one digit from the page's reading", "2025年07月02日", "2025-07-00", 0.14, "2025-07-09", "2025-07-02"},
		{"another date read surely stays", "2026年05月18日", "2026-05-18", 0.9, "2026-05-08", "2026-05-18"},
		{"a year read surely sixty years off is read again", "2026年05月08日", "2086-05-08", 0.9, "2026-05-08", "2026-05-08"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			img := cardText(t, tt.ink)
			ink := inkOf(img)
			r := DocResult{Ref: DocumentRef{Role: RoleApplicationLetter}, Kind: extract.KindApplicationLetter, Fields: extract.Fields{
				extract.BlankDate:     {Value: tt.page, Conf: tt.conf, Box: ink},
				extract.BlankDateText: {Value: tt.ink, Box: ink, Boxes: runeBoxes(ink, len([]rune(tt.ink)))},
			}}
			p.rereadDates(context.Background(), &r, img, Form{ApplicationLetterDate: tt.entered})
			got := r.Fields[extract.BlankDate]
			if got.Value != tt.want {
				t.Fatalf("date = %q, want %q", got.Value, tt.want)
			}
			if got.Value == tt.entered && got.Read != tt.page && tt.page != tt.entered {
				t.Errorf("the page's reading %q was not kept: %+v", tt.page, got)
			}
		})
	}
}

// runeBoxes splits a line's box evenly among n runes.
func runeBoxes(b ocr.Box, n int) []ocr.Box {
	out := make([]ocr.Box, n)
	for i := range out {
		out[i] = ocr.Box{X: b.X + i*b.W/n, Y: b.Y, W: b.W / n, H: b.H}
	}
	return out
}

// TestRereadIDValidity: an ID card's validity start read with its last
// digit lost (generated app-1-00053: 2024.10.2 for 2024.10.21).
func TestRereadIDValidity(t *testing.T) {
	if testing.Short() {
		t.Skip("runs Tesseract")
	}
	p := realPipeline(t)
	tests := []struct{ ink, want string }{
		{"2024.10.21", "2024-10-21"},
		{"2024.10.27", "2024-10-02"}, // another day: the page's reading stays
	}
	for _, tt := range tests {
		img := cardText(t, tt.ink)
		ink := inkOf(img)
		r := DocResult{Ref: DocumentRef{Role: RoleLegalRepIDBack}, Kind: extract.KindIDBack, Fields: extract.Fields{
			extract.FValidFrom: {Value: "2024-10-02", Conf: 0.44, Box: ink, Boxes: runeBoxes(ink, 9)},
		}}
		p.rereadDates(context.Background(), &r, img, Form{LegalRepIDValidFrom: "2024-10-21"})
		if got := r.Fields[extract.FValidFrom].Value; got != tt.want {
			t.Errorf("ink %s: valid from %q, want %q", tt.ink, got, tt.want)
		}
	}
}

// TestBelowAuthority: generated app-1-00030's ID back, whose validity
// and its label the page read lost, is read under the authority's line.
func TestBelowAuthority(t *testing.T) {
	word := func(s string, x int) ocr.Word {
		return ocr.Word{Text: s, Conf: 0.9, Box: ocr.Box{X: x, Y: 1001, W: 46 * len([]rune(s)), H: 46}}
	}
	line := ocr.Line{Words: []ocr.Word{word("签发机关", 715), word("独山县公安局", 915)}, Box: ocr.Box{X: 715, Y: 1001, W: 476, H: 46}}
	f, ok := belowAuthority(ocr.Page{Lines: []ocr.Line{line}})
	if !ok || f.Box.X != 915 || f.Box.Y != 1001+23+101-23 || f.Box.H != 46 {
		t.Errorf("band %+v, %v", f.Box, ok)
	}
	if _, ok := belowAuthority(ocr.Page{}); ok {
		t.Error("a band without the authority")
	}
}
