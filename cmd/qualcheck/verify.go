package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"

	"github.com/qualcheck/qualcheck/worker"
)

func runVerify(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	var cfg Config
	fs := newFlagSet("verify", &cfg)
	fs.SetOutput(stderr)
	out := fs.String("out", "", "write OUTDIR/<id>.json for each folder instead of stdout")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	dirs := fs.Args()
	if len(dirs) == 0 || (len(dirs) > 1 && *out == "") {
		return fmt.Errorf("%w: verify DIR, or verify --out OUTDIR DIR...", errUsage)
	}
	if *out != "" {
		if err := os.MkdirAll(*out, 0o755); err != nil {
			return fmt.Errorf("create %s: %w", *out, err)
		}
	}
	logger := cfg.logger(stderr)
	engine, err := cfg.engine(logger)
	if err != nil {
		return err
	}
	defer engine.Close()
	runner := worker.NewLocal(cfg.pipeline(engine, logger, time.Now), cfg.Parallel, logger)
	var writeErr error
	err = runner.Run(ctx, dirs, func(r worker.Result) {
		if e := writeVerdict(r, *out, stdout); e != nil && writeErr == nil {
			writeErr = e
		}
	})
	if err != nil {
		return fmt.Errorf("verify interrupted: %w", err)
	}
	return writeErr
}

func writeVerdict(r worker.Result, outDir string, stdout io.Writer) error {
	data, err := json.MarshalIndent(r.Verdict, "", "  ")
	if err != nil {
		return fmt.Errorf("encode verdict of %s: %w", r.Dir, err)
	}
	data = append(data, '\n')
	if outDir == "" {
		_, err = stdout.Write(data)
		return err
	}
	name := filepath.Join(outDir, safeName(r.Verdict.ApplicationID)+".json")
	if err := os.WriteFile(name, data, 0o644); err != nil {
		return fmt.Errorf("write %s: %w", name, err)
	}
	return nil
}

// safeName keeps an application id usable as a file name.
func safeName(id string) string {
	b := []rune(id)
	for i, r := range b {
		if r == '/' || r == '\\' || r == 0 || (i == 0 && r == '.') {
			b[i] = '_'
		}
	}
	if len(b) == 0 {
		return "_"
	}
	return string(b)
}
