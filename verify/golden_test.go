package verify

import (
	"context"
	"encoding/json"
	"flag"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/qualcheck/qualcheck/ocr"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden")

// goldenDocs are images whose reading is pinned: kind, fields, values,
// boxes. Real Tesseract; a change in what is read shows as a diff.
var goldenDocs = []DocumentRef{
	{Role: RoleEnterpriseCertificate, File: "samples/app-1-00001/IMG_20260220_093703.jpg"},
	{Role: RoleLegalRepIDFront, File: "samples/app-1-00001/IMG_20260220_093920.jpeg"},
	{Role: RoleLegalRepIDBack, File: "samples/app-1-00001/IMG_20260220_094137.jpg"},
	{Role: RoleAdminIDHandheld, File: "samples/app-1-00001/IMG_20260220_094828.jpg"},
	{Role: RoleAdminIDBack, File: "samples/app-2-00003/SCAN0281.PDF"},
	// A card tilted 4° on a grey table: deskewing must not fill the
	// uncovered corners white.
	{Role: RoleLegalRepIDFront, File: "cards/app-1-00003/02_legal_id_front.jpg"},
	// A card under uneven light: read only with the background divided out.
	{Role: RoleLegalRepIDFront, File: "cards/app-1-00005/IMG_20250324_092927.jpg"},
	// A licence whose legal representative the page read skipped: read
	// from the band right of 法定代表人.
	{Role: RoleEnterpriseCertificate, File: "cards/app-1-00003/营业执照.jpg"},
	// A handheld card whose 姓名 reads 此名, the photo's edge on its row.
	{Role: RoleAdminIDHandheld, File: "cards/app-1-00002/glysc.jpg"},
	// A front scanned small on its page, its number split by the page
	// read: read from the band right of its 公民身份号码 label, read
	// only as far as 公民身份.
	{Role: RoleAdminIDFront, File: "cards/app-7-00003/glysfz_zm.jpg"},
}

type dirFiles string

func (d dirFiles) Open(name string) ([]byte, error) {
	return os.ReadFile(filepath.Join(string(d), name))
}

func TestGoldenExtraction(t *testing.T) {
	if testing.Short() {
		t.Skip("runs Tesseract")
	}
	p := realPipeline(t)
	for _, ref := range goldenDocs {
		t.Run(ref.File, func(t *testing.T) {
			r := p.readRef(context.Background(), ref, dirFiles("../testdata"), Form{})
			rep := r[0].Report
			got := map[string]any{"kind": rep.KindDetected, "failure": r[0].Failure, "extracted": rep.Extracted, "copy": rep.Copy, "stamps": rep.Stamps}
			compareGolden(t, filepath.Join("../testdata/golden", ref.File+".json"), got)
		})
	}
}

// realPipeline is a pipeline on one real Tesseract engine, closed when
// the test ends.
func realPipeline(t *testing.T) *Pipeline {
	t.Helper()
	logger := slog.New(slog.NewTextHandler(io.Discard, nil))
	e, err := ocr.NewEngine(ocr.Config{Workers: 1}, logger)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(e.Close)
	return NewPipeline(Config{}, e, logger, time.Now)
}

// readingPipeline is realPipeline with the glyph check's reference
// fonts (glyphPipeline's), for the re-reads the glyph check completes.
func readingPipeline(t *testing.T) *Pipeline {
	t.Helper()
	p := realPipeline(t)
	p.cfg.Glyphs = glyphPipeline(t).cfg.Glyphs
	return p
}

func compareGolden(t *testing.T, path string, got any) {
	t.Helper()
	data, err := json.MarshalIndent(got, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, append(data, '\n'), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run with -update to create it)", err)
	}
	if string(want) != string(data)+"\n" {
		t.Errorf("%s differs from the golden file:\ngot:\n%s\nwant:\n%s", path, data, want)
	}
}
