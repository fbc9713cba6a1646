package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"time"

	"github.com/qualcheck/qualcheck/ingest"
)

// benchCLI is the speed baseline: the tesseract command, full page, with
// its default settings (psm 3, chi_sim), run on each image of each
// application one after another, as a reviewer's script would.
func benchCLI(ctx context.Context, dirs []string, ours time.Duration, stdout io.Writer) error {
	bin, err := exec.LookPath("tesseract")
	if err != nil {
		return fmt.Errorf("baseline needs the tesseract command: %w", err)
	}
	t0 := time.Now()
	images := 0
	for _, dir := range dirs {
		app, _, err := ingest.ReadFolder(dir)
		if err != nil {
			continue
		}
		for _, d := range app.Documents {
			cmd := exec.CommandContext(ctx, bin, filepath.Join(dir, d.File), "-", "-l", "chi_sim")
			cmd.Env = withoutOMPLimit(os.Environ())
			if cmd.Run() == nil {
				images++
			}
		}
	}
	base := time.Since(t0)
	fmt.Fprintf(stdout, "baseline: tesseract CLI on %d images in %.1f s, %.2f s per application\n",
		images, base.Seconds(), base.Seconds()/float64(len(dirs)))
	fmt.Fprintf(stdout, "speed-up: %.2fx (baseline time / qualcheck time, same applications, same machine)\n",
		base.Seconds()/ours.Seconds())
	return nil
}

// withoutOMPLimit gives the CLI its default threading: the baseline is
// tesseract as installed, not as tuned by us.
func withoutOMPLimit(env []string) []string {
	out := env[:0:0]
	for _, e := range env {
		if len(e) < 17 || e[:17] != "OMP_THREAD_LIMIT=" {
			out = append(out, e)
		}
	}
	return out
}
