package worker

import (
	"context"
	"errors"
	"log/slog"
	"path/filepath"
	"sync"

	"github.com/qualcheck/qualcheck/ingest"
	"github.com/qualcheck/qualcheck/verify"
)

// Result is one folder's verdict.
type Result struct {
	Dir     string
	Verdict verify.Verdict
}

// Local verifies application folders in process, Parallel at a time.
type Local struct {
	pipeline *verify.Pipeline
	parallel int
	logger   *slog.Logger
}

// NewLocal wires a local runner. parallel ≤ 0 means one at a time.
func NewLocal(p *verify.Pipeline, parallel int, logger *slog.Logger) *Local {
	return &Local{pipeline: p, parallel: max(1, parallel), logger: logger}
}

// Run verifies every folder and calls emit for each verdict, from one
// goroutine at a time, in completion order. A folder without a valid
// application.json gets an APPLICATION_INVALID verdict. It returns
// ctx's error when cancelled.
func (l *Local) Run(ctx context.Context, dirs []string, emit func(Result)) error {
	jobs := make(chan string)
	var mu sync.Mutex
	var wg sync.WaitGroup
	for range l.parallel {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for dir := range jobs {
				if res, ok := l.one(ctx, dir); ok {
					mu.Lock()
					emit(res)
					mu.Unlock()
				}
			}
		}()
	}
	for _, d := range dirs {
		select {
		case jobs <- d:
		case <-ctx.Done():
		}
	}
	close(jobs)
	wg.Wait()
	return ctx.Err()
}

func (l *Local) one(ctx context.Context, dir string) (Result, bool) {
	app, files, err := ingest.ReadFolder(dir)
	if errors.Is(err, ingest.ErrNoApplication) {
		l.logger.Warn("application folder invalid", "dir", dir, "err", err)
		return Result{Dir: dir, Verdict: l.pipeline.InvalidApplication(filepath.Base(dir))}, true
	}
	if err != nil {
		l.logger.Warn("application folder unreadable", "dir", dir, "err", err)
		return Result{Dir: dir, Verdict: l.pipeline.InvalidApplication(app.ID)}, true
	}
	v, err := l.pipeline.Verify(ctx, app, files)
	if err != nil {
		return Result{}, false
	}
	l.logger.Info("verified", "app", app.ID, "decision", v.Decision, "reasons", len(v.Reasons))
	return Result{Dir: dir, Verdict: v}, true
}
