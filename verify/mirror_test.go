package verify

import (
	"bytes"
	"context"
	"image"
	"image/png"
	"os"
	"testing"

	"github.com/qualcheck/qualcheck/extract"
	"github.com/qualcheck/qualcheck/ocr"
)

// mapFiles serves documents from memory.
type mapFiles map[string][]byte

func (m mapFiles) Open(name string) ([]byte, error) {
	if b, ok := m[name]; ok {
		return b, nil
	}
	return nil, os.ErrNotExist
}

func mirrored(t *testing.T, data []byte) []byte {
	return redrawn(t, data, func(img image.Image) image.Image {
		b := img.Bounds()
		out := image.NewNRGBA(image.Rect(0, 0, b.Dx(), b.Dy()))
		for y := 0; y < b.Dy(); y++ {
			for x := 0; x < b.Dx(); x++ {
				out.Set(b.Dx()-1-x, y, img.At(b.Min.X+x, b.Min.Y+y))
			}
		}
		return out
	})
}

// redrawn decodes an image file, redraws it with fn and encodes the
// result as PNG.
func redrawn(t *testing.T, data []byte, fn func(image.Image) image.Image) []byte {
	t.Helper()
	d, err := ocr.Decode(data, ocr.DefaultLimits())
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := png.Encode(&buf, fn(d.Image)); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// TestMirroredHandheld reads a real handheld photo upright and mirrored
// (real Tesseract): only the mirrored one is IMAGE_MIRRORED, and its
// card is still recognised.
// TestHandheldStraightenedByPaper: held-out app-89-00008's handheld
// photo, its card at the image's foot, is level by the whole image's
// estimate and 0.75° by the paper's: straightened so, the card's number
// is read (level, it is not).
func TestHandheldStraightenedByPaper(t *testing.T) {
	if testing.Short() {
		t.Skip("runs Tesseract")
	}
	p := realPipeline(t)
	ref := DocumentRef{Role: RoleAdminIDHandheld, File: "cards/handheld-card-at-foot.jpg"}
	r := p.readRef(context.Background(), ref, dirFiles("../testdata"), Form{AdminName: "贺帆", AdminIDNumber: "530127198310282310"})[0]
	if r.Kind != extract.KindHandheld {
		t.Errorf("kind %s, want %s", r.Kind, extract.KindHandheld)
	}
	if got := r.Fields[extract.FIDNumber].Value; got != "530127198310282310" {
		t.Errorf("ID number %q, want 530127198310282310", got)
	}
}

func TestMirroredHandheld(t *testing.T) {
	if testing.Short() {
		t.Skip("runs Tesseract")
	}
	upright, err := os.ReadFile("../testdata/samples/app-1-00001/IMG_20260220_094828.jpg")
	if err != nil {
		t.Fatal(err)
	}
	p := realPipeline(t)
	files := mapFiles{"up.jpg": upright, "flip.png": mirrored(t, upright)}
	for _, tt := range []struct {
		file string
		want bool
	}{{"up.jpg", false}, {"flip.png", true}} {
		r := p.readRef(context.Background(), DocumentRef{Role: RoleAdminIDHandheld, File: tt.file}, files, Form{})[0]
		if r.Report.Mirrored == nil || *r.Report.Mirrored != tt.want {
			t.Fatalf("%s: mirrored = %v, want %v", tt.file, r.Report.Mirrored, tt.want)
		}
		if !kindFits(RoleAdminIDHandheld, r.Kind) {
			t.Errorf("%s: kind %s", tt.file, r.Kind)
		}
		v := p.Evaluate(Application{ID: "m"}, []DocResult{r})
		if HasReason(v, ExpectedReason{Code: CodeImageMirrored, Role: RoleAdminIDHandheld}) != tt.want {
			t.Errorf("%s: IMAGE_MIRRORED %v, want %v", tt.file, !tt.want, tt.want)
		}
	}
}
