package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/qualcheck/qualcheck/verify"
)

// TestVerifySamples runs the command on the bundled samples with the
// real Tesseract and checks each verdict against expected.json.
func TestVerifySamples(t *testing.T) {
	if testing.Short() {
		t.Skip("runs Tesseract on six applications")
	}
	dirs, err := filepath.Glob("../../testdata/samples/app-*")
	if err != nil || len(dirs) == 0 {
		t.Fatalf("no samples: %v", err)
	}
	out := t.TempDir()
	var stdout, stderr bytes.Buffer
	args := append([]string{"verify", "--out", out}, dirs...)
	if code := run(context.Background(), args, &stdout, &stderr); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	for _, dir := range dirs {
		t.Run(filepath.Base(dir), func(t *testing.T) {
			v := readVerdict(t, filepath.Join(out, filepath.Base(dir)+".json"))
			exp, err := verify.ReadExpected(filepath.Join(dir, "expected.json"))
			if err != nil {
				t.Fatal(err)
			}
			checkVerdict(t, v, exp)
		})
	}
}

func checkVerdict(t *testing.T, v verify.Verdict, exp verify.Expected) {
	t.Helper()
	for _, r := range exp.MustReasons {
		if !verify.HasReason(v, r) {
			t.Errorf("missing reason %+v; got %v", r, reasonCodes(v))
		}
	}
	if exp.Decision == verify.DecisionPass && v.Decision == verify.DecisionReject {
		t.Errorf("clean application rejected: %v", reasonCodes(v))
	}
	if len(v.Fields) == 0 || len(v.Documents) == 0 || v.Engine.OCR == "" {
		t.Errorf("verdict lacks fields, documents or engine: %+v", v)
	}
}

func readVerdict(t *testing.T, path string) verify.Verdict {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var v verify.Verdict
	if err := json.Unmarshal(data, &v); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return v
}

func reasonCodes(v verify.Verdict) []string {
	var out []string
	for _, r := range v.Reasons {
		out = append(out, r.Code+"/"+r.Role+r.Field)
	}
	return out
}

func TestVerifyUsageErrors(t *testing.T) {
	tests := []struct {
		name string
		args []string
		code int
	}{
		{"no command", nil, exitUsage},
		{"unknown command", []string{"frobnicate"}, exitUsage},
		{"verify without folder", []string{"verify"}, exitUsage},
		{"two folders without --out", []string{"verify", "a", "b"}, exitUsage},
		{"bad flag", []string{"verify", "--no-such-flag", "a"}, exitUsage},
		{"version", []string{"version"}, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var out, errb bytes.Buffer
			if got := run(context.Background(), tt.args, &out, &errb); got != tt.code {
				t.Errorf("exit %d, want %d (stderr %s)", got, tt.code, errb.String())
			}
		})
	}
}

// TestVerifyBadFolder: a folder without application.json still gets a
// verdict (APPLICATION_INVALID), and the command exits 0.
func TestVerifyBadFolder(t *testing.T) {
	dir := t.TempDir()
	var out, errb bytes.Buffer
	if code := run(context.Background(), []string{"verify", dir}, &out, &errb); code != 0 {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	var v verify.Verdict
	if err := json.Unmarshal(out.Bytes(), &v); err != nil {
		t.Fatalf("stdout is no verdict: %v\n%s", err, out.String())
	}
	if v.Decision != verify.DecisionReject || len(v.Reasons) != 1 || v.Reasons[0].Code != verify.CodeApplicationInvalid {
		t.Errorf("got %+v", v)
	}
}

func TestEnvFillsUnsetFlags(t *testing.T) {
	t.Setenv("OCR_WORKERS", "3")
	t.Setenv("MAX_SIDE", "999")
	var cfg Config
	fs := newFlagSet("t", &cfg)
	if err := parseFlags(fs, []string{"--max-side", "1200"}); err != nil {
		t.Fatal(err)
	}
	if cfg.OCRWorkers != 3 || cfg.MaxSide != 1200 {
		t.Errorf("got workers %d (want 3 from env), max side %d (want 1200 from flag)", cfg.OCRWorkers, cfg.MaxSide)
	}
}
