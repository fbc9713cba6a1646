package main

import (
	"bytes"
	"encoding/json"
	"image"
	_ "image/jpeg"
	_ "image/png"
	"os"
	"path/filepath"
	"reflect"
	"testing"

	_ "golang.org/x/image/bmp"

	"github.com/qualcheck/qualcheck/extract"
)

const (
	testSans = "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc"
	testKai  = "/usr/share/fonts/truetype/arphic/ukai.ttc"
)

func skipWithoutFonts(t *testing.T) {
	t.Helper()
	for _, p := range []string{testSans, testKai} {
		if _, err := os.Stat(p); err != nil {
			t.Skipf("font %s missing (apt-get install fonts-wqy-zenhei fonts-arphic-ukai)", p)
		}
	}
}

func testConfig(out string) config {
	return config{n: 3, seed: 7, out: out, rate: 1, rate400: 0.5, workers: 2,
		codes:    "IDENTIFIER_INVALID,STAMP_MISSING,FILE_TOO_LARGE",
		fontSans: testSans, fontKai: testKai,
		fontSerif:     "/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc",
		fontSerifBold: "/usr/share/fonts/opentype/noto/NotoSerifCJK-Bold.ttc"}
}

func TestGenerateCorpus(t *testing.T) {
	skipWithoutFonts(t)
	out := t.TempDir()
	var log bytes.Buffer
	if err := run(testConfig(out), &log); err != nil {
		t.Fatal(err)
	}
	t.Log(log.String())
	dirs, _ := filepath.Glob(filepath.Join(out, "app-*"))
	if len(dirs) != 3 {
		t.Fatalf("want 3 application folders, got %d", len(dirs))
	}
	for _, dir := range dirs {
		checkApp(t, dir)
	}
}

func checkApp(t *testing.T, dir string) {
	var aj appJSON
	readJSON(t, filepath.Join(dir, "application.json"), &aj)
	var ex expected
	readJSON(t, filepath.Join(dir, "expected.json"), &ex)
	if aj.ID == "" || aj.SubmittedAt == "" || aj.Form.EnterpriseName == "" {
		t.Errorf("%s: incomplete application.json", dir)
	}
	if len(aj.Documents) != len(ex.Documents) {
		t.Fatalf("%s: %d documents in application.json, %d in expected.json", dir, len(aj.Documents), len(ex.Documents))
	}
	for i, d := range ex.Documents {
		if aj.Documents[i].File != d.File || aj.Documents[i].Role != d.Role {
			t.Errorf("%s: document %d differs between the two files", dir, i)
		}
		checkDoc(t, dir, d)
	}
	if want := decide(ex.MustReasons); ex.Decision != want {
		t.Errorf("%s: decision %s, reasons give %s", dir, ex.Decision, want)
	}
	checkIdentifiers(t, aj, ex)
}

func checkDoc(t *testing.T, dir string, d docTruth) {
	st, err := os.Stat(filepath.Join(dir, d.File))
	if err != nil {
		t.Errorf("%s: %v", dir, err)
		return
	}
	if int(st.Size()) != d.Bytes {
		t.Errorf("%s/%s: %d bytes on disk, expected.json says %d", dir, d.File, st.Size(), d.Bytes)
	}
	if d.Format == "heic" || d.Format == "garbage" {
		return
	}
	f, err := os.Open(filepath.Join(dir, d.File))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	cfg, _, err := image.DecodeConfig(f)
	if err != nil || cfg.Width != d.Width || cfg.Height != d.Height {
		t.Errorf("%s/%s: decodes as %dx%d (%v), expected.json says %dx%d", dir, d.File, cfg.Width, cfg.Height, err, d.Width, d.Height)
	}
	if d.Format == "huge_png" && d.Bytes <= 5<<20 {
		t.Errorf("%s/%s: huge_png of only %d bytes", dir, d.File, d.Bytes)
	}
	if (d.Stamped && len(d.Stamps) == 0) || (!d.Stamped && len(d.Stamps) > 0) {
		t.Errorf("%s/%s: stamped=%v with %d stamp boxes", dir, d.File, d.Stamped, len(d.Stamps))
	}
	for _, b := range append(append([][4]int{}, d.Stamps...), d.OtherSeals...) {
		if b[0] < 0 || b[1] < 0 || b[2] <= 0 || b[3] <= 0 || b[0]+b[2] > d.Width || b[1]+b[3] > d.Height {
			t.Errorf("%s/%s: seal box %v outside %dx%d", dir, d.File, b, d.Width, d.Height)
		}
	}
}

// checkIdentifiers validates the true identifiers with package extract,
// except the one an IDENTIFIER_INVALID defect broke on purpose.
func checkIdentifiers(t *testing.T, aj appJSON, ex expected) {
	broken := map[string]bool{}
	for _, r := range ex.MustReasons {
		if r.Code == "IDENTIFIER_INVALID" {
			broken[r.Field] = true
		}
	}
	ref, err := extract.ParseISODate(aj.SubmittedAt)
	if err != nil {
		t.Fatal(err)
	}
	if err := extract.ValidateUSCC(ex.Fields["organization_code"]); err != nil {
		t.Errorf("%s: %v", aj.ID, err)
	}
	for _, f := range []string{"legal_rep_id_number", "admin_id_number"} {
		_, err := extract.ParseIDNumberStrict(ex.Fields[f], ref)
		if broken[f] != (err != nil) {
			t.Errorf("%s: %s %s: validator says %v, defect says broken=%v", aj.ID, f, ex.Fields[f], err, broken[f])
		}
	}
}

func readJSON(t *testing.T, path string, v any) {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(b, v); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
}

// TestTruthDeterministic draws the same applications twice (no rendering).
func TestTruthDeterministic(t *testing.T) {
	regPath, err := findInModule("extract/data/regioncodes.csv")
	if err != nil {
		t.Fatal(err)
	}
	regions, err := loadRegions(regPath)
	if err != nil {
		t.Fatal(err)
	}
	tmpl, err := loadTemplates("")
	if err != nil {
		t.Fatal(err)
	}
	gen := &generator{regions: regions, tmpl: tmpl, seed: 11, rate400: 0.3}
	for i, d := range defects {
		a, b := gen.makeApp(i, d.Code), gen.makeApp(i, d.Code)
		if !reflect.DeepEqual(a.Form, b.Form) || !reflect.DeepEqual(a.Fields, b.Fields) || !reflect.DeepEqual(a.Reasons, b.Reasons) {
			t.Errorf("%s: two draws differ", d.Code)
		}
		if len(a.Reasons) != 1 || a.Reasons[0].Code != d.Code {
			t.Errorf("%s: reasons %v", d.Code, a.Reasons)
		}
	}
}

func TestAssignDefectsEven(t *testing.T) {
	codes, _ := selectCodes("")
	got := assignDefects(1, 60, 0.6, codes)
	count := map[string]int{}
	n := 0
	for _, c := range got {
		if c != "" {
			count[c]++
			n++
		}
	}
	if n != 36 {
		t.Fatalf("want 36 defective applications, got %d", n)
	}
	for _, c := range codes {
		if count[c] < 1 || count[c] > 2 {
			t.Errorf("%s used %d times", c, count[c])
		}
	}
}

// TestUnstampedLetterIsDrawnUnstamped: a STAMP_MISSING on a letter must
// leave the letter drawn without its seal (the letters are drawn after
// the defect unstamps the document's plan).
func TestUnstampedLetterIsDrawnUnstamped(t *testing.T) {
	regPath, err := findInModule("extract/data/regioncodes.csv")
	if err != nil {
		t.Fatal(err)
	}
	regions, _ := loadRegions(regPath)
	tmpl, _ := loadTemplates("")
	gen := &generator{regions: regions, tmpl: tmpl, seed: 3}
	letters := 0
	for i := range 40 {
		a := gen.makeApp(i, "STAMP_MISSING")
		for _, l := range []struct {
			role    string
			stamped bool
		}{{"application_letter", a.Apply.Stamped}, {"commitment_letter", a.Commit.Stamped}} {
			if d := a.doc(l.role); d != nil && d.Stamped != l.stamped {
				t.Fatalf("%s: plan stamped=%v, letter drawn stamped=%v", l.role, d.Stamped, l.stamped)
			}
			if !l.stamped {
				letters++
			}
		}
	}
	if letters == 0 {
		t.Fatal("no draw unstamped a letter")
	}
}
