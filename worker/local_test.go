package worker

import (
	"context"
	"image"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"sort"
	"testing"
	"time"

	"github.com/qualcheck/qualcheck/ocr"
	"github.com/qualcheck/qualcheck/verify"
)

// blankReader reads nothing on any image.
type blankReader struct{}

func (blankReader) Read(context.Context, image.Image, ocr.ReadOptions) (ocr.Page, error) {
	return ocr.Page{}, nil
}
func (blankReader) Describe() string { return "blank" }

func TestLocalRunGivesEveryFolderAVerdict(t *testing.T) {
	root := t.TempDir()
	var dirs []string
	for _, name := range []string{"a", "b", "c"} {
		d := filepath.Join(root, name)
		if err := os.Mkdir(d, 0o755); err != nil {
			t.Fatal(err)
		}
		dirs = append(dirs, d)
	}
	app := `{"id":"app-a","kind":"voice_general","documents":[{"role":"other","file":"x.jpg"}]}`
	if err := os.WriteFile(filepath.Join(dirs[0], "application.json"), []byte(app), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dirs[0], "x.jpg"), []byte("not an image"), 0o644); err != nil {
		t.Fatal(err)
	}
	logger := slog.New(slog.NewTextHandler(io.Discard, nil))
	p := verify.NewPipeline(verify.Config{}, blankReader{}, logger, time.Now)
	var got []string
	err := NewLocal(p, 2, logger).Run(context.Background(), dirs, func(r Result) {
		got = append(got, r.Verdict.ApplicationID+":"+r.Verdict.Decision)
	})
	if err != nil {
		t.Fatal(err)
	}
	sort.Strings(got)
	want := []string{"app-a:reject", "b:reject", "c:reject"}
	if len(got) != 3 || got[0] != want[0] || got[1] != want[1] || got[2] != want[2] {
		t.Errorf("got %v, want %v", got, want)
	}
}

func TestLocalRunStopsOnCancel(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	logger := slog.New(slog.NewTextHandler(io.Discard, nil))
	p := verify.NewPipeline(verify.Config{}, blankReader{}, logger, time.Now)
	err := NewLocal(p, 1, logger).Run(ctx, []string{t.TempDir()}, func(Result) {})
	if err == nil {
		t.Error("cancelled run returned no error")
	}
}
