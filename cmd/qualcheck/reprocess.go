package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/qualcheck/qualcheck/store"
	"github.com/qualcheck/qualcheck/verify"
	"github.com/qualcheck/qualcheck/worker"
)

// reprocessFlags are reprocess's own flags.
type reprocessFlags struct {
	status, since string
	rulesOnly     bool
	enqueueOnly   bool
}

func (f *reprocessFlags) bind(fs *flag.FlagSet) {
	fs.StringVar(&f.status, "status", "", "only applications in this status (queued, processing, done, failed)")
	fs.StringVar(&f.since, "since", "", "only applications uploaded on or after this date (YYYY-MM-DD)")
	fs.BoolVar(&f.rulesOnly, "rules-only", false, "re-decide from stored reads, without OCR")
	fs.BoolVar(&f.enqueueOnly, "enqueue-only", false, "enqueue and follow, leave the work to running servers and workers")
}

func (f reprocessFlags) filter() (store.Filter, error) {
	fl := store.Filter{Status: f.status}
	if f.since != "" {
		t, err := time.Parse(time.DateOnly, f.since)
		if err != nil {
			return fl, fmt.Errorf("%w: --since %q is not YYYY-MM-DD", errUsage, f.since)
		}
		fl.Since = t
	}
	return fl, nil
}

// batchName makes a job unique per application and version: rules-only
// runs by rules version, full runs by build and rules version.
func (f reprocessFlags) batchName() string {
	if f.rulesOnly {
		return "rules-" + verify.RulesVersion
	}
	return "full-" + version() + "-" + verify.RulesVersion
}

func runReprocess(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	var d dbFlags
	var rf reprocessFlags
	fs, err := d.parse("reprocess", args, stderr, rf.bind)
	if err != nil {
		return err
	}
	cfg, sc := d.Config, d.ServiceConfig
	filter, err := rf.filter()
	if err != nil {
		return err
	}
	if rf.rulesOnly && !flagGiven(fs, "fetch-cooldown") {
		sc.FetchCooldown = 5 * time.Millisecond // jobs of a millisecond: fetch often
	}
	if rf.rulesOnly && !flagGiven(fs, "workers") {
		sc.Workers = 50
	}
	if rf.enqueueOnly {
		sc.Workers = 0
	}
	return reprocess(ctx, cfg, sc, rf, filter, stdout, stderr)
}

func reprocess(ctx context.Context, cfg Config, sc ServiceConfig, rf reprocessFlags, filter store.Filter, stdout, stderr io.Writer) error {
	logger := cfg.logger(stderr)
	s, err := startService(ctx, cfg, sc, logger)
	if err != nil {
		return err
	}
	defer s.close()
	rp := worker.NewReprocessor(s.store, s.client, logger)
	start := time.Now()
	batch := rf.batchName()
	backlog, err := rp.Enqueue(ctx, worker.ReprocessConfig{Filter: filter, RulesOnly: rf.rulesOnly, Batch: batch})
	if err != nil {
		return err
	}
	fmt.Fprintf(stderr, "batch %s: %d applications, %d jobs enqueued\n", batch, len(backlog.Before), backlog.Inserted)
	if err := rp.Wait(ctx, batch, len(backlog.Before), progressBar(stderr)); err != nil {
		return fmt.Errorf("reprocess interrupted (jobs stay queued): %w", err)
	}
	fmt.Fprintln(stderr)
	changes, err := rp.Changes(ctx, backlog)
	if err != nil {
		return err
	}
	report(stdout, len(backlog.Before), changes, time.Since(start))
	return nil
}

// progressBar draws done/total on one terminal line.
func progressBar(w io.Writer) func(done, total int) {
	return func(done, total int) {
		const width = 30
		filled := width
		if total > 0 {
			filled = width * min(done, total) / total
		}
		fmt.Fprintf(w, "\r[%s%s] %d/%d", strings.Repeat("#", filled), strings.Repeat(".", width-filled), done, total)
	}
}

func report(w io.Writer, total int, changes []worker.Change, took time.Duration) {
	changed := 0
	for _, c := range changes {
		changed += c.Count
	}
	fmt.Fprintf(w, "reprocessed %d applications in %s; %d decisions changed\n", total, took.Round(time.Millisecond), changed)
	for _, c := range changes {
		fmt.Fprintf(w, "  %-7s → %-7s %d\n", orNone(c.From), orNone(c.To), c.Count)
	}
}

func orNone(s string) string {
	if s == "" {
		return "(none)"
	}
	return s
}

// flagGiven says whether a flag was set, on the command line or by its
// environment variable.
func flagGiven(fs *flag.FlagSet, name string) bool {
	given := false
	fs.Visit(func(f *flag.Flag) { given = given || f.Name == name })
	_, inEnv := os.LookupEnv(envName(name))
	return given || inEnv
}
