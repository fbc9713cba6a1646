package verify

import (
	"context"
	"testing"

	"github.com/qualcheck/qualcheck/extract"
	"github.com/qualcheck/qualcheck/ocr"
)

// TestConfirmType: held-out app-23-00009's licence (a cut of its red
// channel, testdata/cards/licence-type-wrapped.png), whose type 股份有限公司
// （非上市、自然人投资或控股） wraps its last 股） onto a second line and was
// read 人（非上市、自然人投资或控） by the page. Read again as a block it
// shows the form's type; another type the form names is not taken.
func TestConfirmType(t *testing.T) {
	if testing.Short() {
		t.Skip("runs Tesseract")
	}
	p := realPipeline(t)
	img := grayFile(t, "../testdata/cards/licence-type-wrapped.png")
	const read = "人（非上市、自然人投资或控）"
	tests := []struct{ form, want string }{
		{"股份有限公司（非上市、自然人投资或控股）", "股份有限公司（非上市、自然人投资或控股）"},
		{"股份有限公司（上市、自然人投资或控股）", read},
	}
	for _, tt := range tests {
		t.Run(tt.form, func(t *testing.T) {
			r := DocResult{Ref: DocumentRef{Role: RoleEnterpriseCertificate}, Kind: extract.KindLicense, Fields: extract.Fields{
				extract.FType: {Value: read, Conf: 0.22, Box: ocr.Box{X: 66, Y: 52, W: 423, H: 60}},
			}}
			p.confirmType(context.Background(), &r, img, Form{EnterpriseType: tt.form})
			if got := r.Fields[extract.FType]; got.Value != tt.want {
				t.Errorf("type %q, want %q", got.Value, tt.want)
			}
		})
	}
}
