package verify

import (
	"context"
	"image"
	"image/draw"
	"os"
	"testing"

	"github.com/qualcheck/qualcheck/ocr"
)

// greyed turns an image grey, as photocopying an unstamped copy does:
// its seal goes with its colour.
func greyed(t *testing.T, data []byte) []byte {
	return redrawn(t, data, func(img image.Image) image.Image {
		g := image.NewGray(img.Bounds())
		draw.Draw(g, g.Bounds(), img, img.Bounds().Min, draw.Src)
		return g
	})
}

// TestCopyAndItsStamp reads real licences (real Tesseract): an original
// photo is no copy and needs no stamp; a stamped greyscale copy is a
// copy with its stamp; the same copy with the seal gone is
// STAMP_MISSING.
func TestCopyAndItsStamp(t *testing.T) {
	if testing.Short() {
		t.Skip("runs Tesseract")
	}
	original := readFile(t, "../testdata/samples/app-1-00010/yyzz.jpg")
	stamped := readFile(t, "../testdata/samples/app-1-00001/IMG_20260220_093703.jpg")
	files := mapFiles{"original.jpg": original, "copy.jpg": stamped, "bare.png": greyed(t, stamped)}
	p := realPipeline(t)
	for _, tt := range []struct {
		file         string
		copy, reason bool
	}{{"original.jpg", false, false}, {"copy.jpg", true, false}, {"bare.png", true, true}} {
		r := p.readRef(context.Background(), DocumentRef{Role: RoleEnterpriseCertificate, File: tt.file}, files, Form{})[0]
		if r.Report.Copy == nil || *r.Report.Copy != tt.copy {
			t.Errorf("%s: copy = %v (colours %+v), want %v", tt.file, r.Report.Copy, r.Report.Colours, tt.copy)
		}
		v := p.Evaluate(Application{ID: "c"}, []DocResult{r})
		if HasReason(v, ExpectedReason{Code: CodeStampMissing, Role: RoleEnterpriseCertificate}) != tt.reason {
			t.Errorf("%s: STAMP_MISSING %v, want %v", tt.file, !tt.reason, tt.reason)
		}
	}
}

// grayFile is the image at path, decoded, in grey.
func grayFile(t *testing.T, path string) *image.Gray {
	t.Helper()
	d, err := ocr.Decode(readFile(t, path), ocr.Limits{})
	if err != nil {
		t.Fatal(err)
	}
	return ocr.Luma(d.Image)
}

func readFile(t *testing.T, path string) []byte {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// TestIsRegistrySeal uses the 登记机关 bands and seal boxes read off the
// shared samples: the registry's seal sits right of the band's middle;
// a company stamp beside it is no registry seal however much its box
// overlaps the band.
func TestIsRegistrySeal(t *testing.T) {
	box := func(x, y, w, h int) ocr.Box { return ocr.Box{X: x, Y: y, W: w, H: h} }
	tests := []struct {
		name       string
		seal, band ocr.Box
		want       bool
	}{
		{"app-1-00001 company stamp overlapping the band", box(725, 745, 160, 156), box(844, 701, 246, 224), false},
		{"app-1-00002 registry", box(1673, 1148, 278, 278), box(1501, 1205, 227, 184), true},
		{"app-1-00002 company stamp", box(1067, 1223, 311, 308), box(1501, 1205, 227, 184), false},
		{"app-1-00010 registry", box(851, 686, 132, 134), box(762, 703, 127, 116), true},
		{"app-2-00003 company stamp", box(885, 791, 210, 210), box(1061, 875, 186, 164), false},
		{"app-2-00003 registry", box(1187, 851, 204, 204), box(1061, 875, 186, 164), true},
		{"a seal far below the band", box(1187, 1451, 204, 204), box(1061, 875, 186, 164), false},
	}
	for _, tt := range tests {
		if got := isRegistrySeal(tt.seal, tt.band); got != tt.want {
			t.Errorf("%s: registry = %v, want %v", tt.name, got, tt.want)
		}
	}
}
