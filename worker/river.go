package worker

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/riverqueue/river"
	"github.com/riverqueue/river/riverdriver/riverpgxv5"

	"github.com/qualcheck/qualcheck/store"
	"github.com/qualcheck/qualcheck/verify"
)

// Verifier is the River worker that verifies one application.
//
// One job is one application, not one per document: the rules need
// every document's reads at once (the legal representative on the
// licence against the ID card, the letters against the administrator's
// card), so per-document jobs would need a fan-in that River's open
// edition lacks, and the pipeline already reads an application's
// documents in parallel on the process's engine pool, which bounds OCR
// concurrency by the cores. What a retry buys is at the edges: the
// database or blob store being away, and a crashed or killed worker's
// job being rescued.
type Verifier struct {
	river.WorkerDefaults[store.VerifyArgs]
	cfg      VerifierConfig
	store    *store.Store
	blobs    *store.Blobs
	pipeline *verify.Pipeline
	logger   *slog.Logger
}

// VerifierConfig configures a Verifier.
type VerifierConfig struct {
	// Timeout bounds one job. Default 10 minutes: a big packet PDF takes
	// minutes of OCR (River's default of one minute is too short).
	Timeout time.Duration
}

// NewVerifier wires a Verifier.
func NewVerifier(cfg VerifierConfig, st *store.Store, blobs *store.Blobs, p *verify.Pipeline, logger *slog.Logger) *Verifier {
	if cfg.Timeout <= 0 {
		cfg.Timeout = 10 * time.Minute
	}
	return &Verifier{cfg: cfg, store: st, blobs: blobs, pipeline: p, logger: logger}
}

// Timeout is the job's time limit.
func (v *Verifier) Timeout(*river.Job[store.VerifyArgs]) time.Duration { return v.cfg.Timeout }

// NextRetry backs off 5 s, 20 s, 45 s…: transient failures are a
// database or bucket restarting, not seconds-long blips.
func (v *Verifier) NextRetry(job *river.Job[store.VerifyArgs]) time.Time {
	n := time.Duration(job.Attempt)
	return time.Now().Add(n * n * 5 * time.Second)
}

// errPermanent marks failures no retry can mend.
var errPermanent = errors.New("permanent")

// Work verifies the application and stores the run with the job's
// completion in one transaction.
func (v *Verifier) Work(ctx context.Context, job *river.Job[store.VerifyArgs]) error {
	id := job.Args.ApplicationID
	loaded, err := v.store.Load(ctx, id)
	if errors.Is(err, store.ErrNotFound) {
		return river.JobCancel(fmt.Errorf("verify %s: %w", id, err))
	}
	if err == nil {
		var run store.Run
		run, err = v.run(ctx, job, loaded)
		if err == nil {
			return v.complete(ctx, job, run)
		}
	}
	if errors.Is(err, errNoReads) {
		return river.JobCancel(fmt.Errorf("rules-only %s: %w", id, err))
	}
	return v.failed(ctx, job, err)
}

func (v *Verifier) run(ctx context.Context, job *river.Job[store.VerifyArgs], l store.Loaded) (store.Run, error) {
	if job.Args.RulesOnly {
		return v.rulesOnly(ctx, l)
	}
	if err := v.store.SetStatus(ctx, l.Application.ID, store.StatusProcessing); err != nil {
		return store.Run{}, err
	}
	files, err := v.fetch(ctx, l.Documents)
	if err != nil {
		return store.Run{}, err
	}
	reads, err := v.pipeline.Read(ctx, l.Application, files)
	if err != nil {
		return store.Run{}, err
	}
	return store.Run{Verdict: v.pipeline.Evaluate(l.Application, reads), Reads: reads, Status: store.StatusDone}, nil
}

// errNoReads: a rules-only job for an application no run has read.
var errNoReads = errors.New("no stored reads to re-decide from")

// rulesOnly re-decides from the reads stored with the latest run: no
// Tesseract. An application never read keeps what it has.
func (v *Verifier) rulesOnly(ctx context.Context, l store.Loaded) (store.Run, error) {
	reads, found, err := v.store.LatestReads(ctx, l.Application.ID)
	if err != nil {
		return store.Run{}, err
	}
	if !found {
		return store.Run{}, errNoReads
	}
	return store.Run{Verdict: v.pipeline.Evaluate(l.Application, reads), Reads: reads, Status: store.StatusDone}, nil
}

// fetch reads every document's bytes before OCR starts, so that a blob
// store outage is a retry, not a document reported unreadable.
func (v *Verifier) fetch(ctx context.Context, docs []store.Document) (blobFiles, error) {
	files := blobFiles{}
	for _, d := range docs {
		data, err := v.blobs.Get(ctx, d.Blob.Key)
		if errors.Is(err, store.ErrBlobMissing) {
			return nil, fmt.Errorf("%w: %s: %w", errPermanent, d.File, err)
		}
		if err != nil {
			return nil, err
		}
		files[d.File] = data
	}
	return files, nil
}

func (v *Verifier) complete(ctx context.Context, job *river.Job[store.VerifyArgs], run store.Run) error {
	return pgx.BeginFunc(ctx, v.store.Pool(), func(tx pgx.Tx) error {
		if err := v.store.SaveRunTx(ctx, tx, job.Args.ApplicationID, run); err != nil {
			return err
		}
		_, err := river.JobCompleteTx[*riverpgxv5.Driver](ctx, tx, job)
		return err
	})
}

// failed handles a job that could not verify: a transient error (and a
// timeout) is retried while attempts remain; a permanent one, or the
// last attempt,
// stores a VERIFICATION_FAILED verdict, so that every accepted upload
// ends with a verdict.
func (v *Verifier) failed(ctx context.Context, job *river.Job[store.VerifyArgs], err error) error {
	id := job.Args.ApplicationID
	if errors.Is(ctx.Err(), context.Canceled) {
		return err // shutting down: the job runs again after the restart
	}
	if !errors.Is(err, errPermanent) && job.Attempt < job.MaxAttempts {
		v.logger.Warn("verification failed, will retry", "application", id, "attempt", job.Attempt, "err", err)
		return err
	}
	v.logger.Error("verification failed", "application", id, "attempt", job.Attempt, "err", err)
	run := store.Run{Verdict: v.pipeline.Unverified(id, safeDetail(err)), Status: store.StatusFailed}
	if saveErr := v.complete(context.WithoutCancel(ctx), job, run); saveErr != nil {
		return fmt.Errorf("verify %s: %w (storing the failure: %v)", id, err, saveErr)
	}
	return nil
}

// safeDetail says what went wrong without internals: it is shown to
// reviewers and API clients.
func safeDetail(err error) string {
	switch {
	case errors.Is(err, store.ErrBlobMissing):
		return "a document's file is missing from storage"
	case errors.Is(err, context.DeadlineExceeded):
		return "verification timed out"
	}
	return "verification kept failing"
}

// blobFiles serves fetched document bytes to the pipeline.
type blobFiles map[string][]byte

func (f blobFiles) Open(name string) ([]byte, error) {
	if b, ok := f[name]; ok {
		return b, nil
	}
	return nil, fmt.Errorf("document %q: %w", name, store.ErrBlobMissing)
}
