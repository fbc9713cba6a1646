package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"time"

	"github.com/qualcheck/qualcheck/verify"
	"github.com/qualcheck/qualcheck/worker"
)

// runBench verifies every application folder below the given roots that
// has an expected.json and prints accuracy against it; with --tesseract
// it also times the tesseract CLI on the same images as the baseline.
func runBench(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	var cfg Config
	fs := newFlagSet("bench", &cfg)
	fs.SetOutput(stderr)
	cli := fs.Bool("tesseract", false, "also time the tesseract CLI, full page, on every image (the speed baseline)")
	limit := fs.Int("limit", 0, "use at most this many applications (0: all)")
	misses := fs.Bool("misses", false, "list every field read wrong with its plain values (corpus truth, not masked)")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	dirs, err := corpusDirs(fs.Args(), *limit)
	if err != nil {
		return err
	}
	logger := cfg.logger(stderr)
	engine, err := cfg.engine(logger)
	if err != nil {
		return err
	}
	defer engine.Close()
	runner := worker.NewLocal(cfg.pipeline(engine, logger, time.Now), cfg.Parallel, logger)
	score := verify.NewScore()
	t0 := time.Now()
	err = runner.Run(ctx, dirs, func(r worker.Result) {
		exp, e := verify.ReadExpected(filepath.Join(r.Dir, "expected.json"))
		if e != nil {
			fmt.Fprintf(stderr, "skip %s: %v\n", r.Dir, e)
			return
		}
		score.Add(r.Verdict, exp)
	})
	if err != nil {
		return fmt.Errorf("bench interrupted: %w", err)
	}
	wall := time.Since(t0)
	score.Print(stdout)
	if *misses {
		score.PrintMisses(stdout)
	}
	fmt.Fprintf(stdout, "\nspeed: %d applications in %.1f s, %.2f s per application (qualcheck, %d engines, %d in parallel)\n",
		len(dirs), wall.Seconds(), wall.Seconds()/float64(len(dirs)), engine.Workers(), cfg.Parallel)
	if *cli {
		return benchCLI(ctx, dirs, wall, stdout)
	}
	return nil
}

// corpusDirs lists the folders holding application.json and
// expected.json: each root itself, or its direct subfolders.
func corpusDirs(roots []string, limit int) ([]string, error) {
	if len(roots) == 0 {
		return nil, fmt.Errorf("%w: bench CORPUS_DIR...", errUsage)
	}
	var dirs []string
	for _, root := range roots {
		if isApp(root) {
			dirs = append(dirs, root)
			continue
		}
		entries, err := os.ReadDir(root)
		if err != nil {
			return nil, fmt.Errorf("read corpus %s: %w", root, err)
		}
		for _, e := range entries {
			if d := filepath.Join(root, e.Name()); isApp(d) { // links to folders count too
				dirs = append(dirs, d)
			}
		}
	}
	sort.Strings(dirs)
	if limit > 0 && len(dirs) > limit {
		dirs = dirs[:limit]
	}
	return dirs, nil
}

func isApp(dir string) bool {
	_, e1 := os.Stat(filepath.Join(dir, "application.json"))
	_, e2 := os.Stat(filepath.Join(dir, "expected.json"))
	return e1 == nil && e2 == nil
}
