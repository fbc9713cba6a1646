package worker

import (
	"context"
	"fmt"
	"log/slog"
	"sort"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/riverqueue/river"

	"github.com/qualcheck/qualcheck/store"
)

// ReprocessConfig says which applications a batch re-run takes.
type ReprocessConfig struct {
	Filter store.Filter
	// RulesOnly re-decides from stored reads: no OCR.
	RulesOnly bool
	// Batch names the run; with the application it makes a job unique,
	// so repeating a reprocess of one version queues nothing twice.
	Batch string
	// PageSize is how many jobs one transaction inserts. Default 1000.
	PageSize int
}

// Reprocessor enqueues a backlog and follows it to the end.
type Reprocessor struct {
	store  *store.Store
	client *river.Client[pgx.Tx]
	logger *slog.Logger
}

// NewReprocessor wires a Reprocessor on a River client (which may or
// may not run workers itself).
func NewReprocessor(st *store.Store, client *river.Client[pgx.Tx], logger *slog.Logger) *Reprocessor {
	return &Reprocessor{store: st, client: client, logger: logger}
}

// Backlog is what a reprocess enqueued: each application with the
// decision it had before.
type Backlog struct {
	Before   map[string]string
	Inserted int // jobs inserted (the rest were queued already)
}

// Enqueue inserts a job per selected application, a page at a time
// (InsertManyTx, one transaction per page).
func (r *Reprocessor) Enqueue(ctx context.Context, cfg ReprocessConfig) (Backlog, error) {
	if cfg.PageSize <= 0 {
		cfg.PageSize = 1000
	}
	b := Backlog{Before: map[string]string{}}
	for after := ""; ; {
		page, err := r.store.Select(ctx, cfg.Filter, after, cfg.PageSize)
		if err != nil || len(page) == 0 {
			return b, err
		}
		n, err := r.insertPage(ctx, cfg, page)
		if err != nil {
			return b, err
		}
		b.Inserted += n
		for _, d := range page {
			b.Before[d.ID] = d.Decision
		}
		after = page[len(page)-1].ID
	}
}

func (r *Reprocessor) insertPage(ctx context.Context, cfg ReprocessConfig, page []store.Decided) (int, error) {
	params := make([]river.InsertManyParams, len(page))
	for i, d := range page {
		params[i] = river.InsertManyParams{Args: store.VerifyArgs{ApplicationID: d.ID, RulesOnly: cfg.RulesOnly, Batch: cfg.Batch}}
	}
	inserted := 0
	err := pgx.BeginFunc(ctx, r.store.Pool(), func(tx pgx.Tx) error {
		res, err := r.client.InsertManyTx(ctx, tx, params)
		for _, x := range res {
			if !x.UniqueSkippedAsDuplicate {
				inserted++
			}
		}
		return err
	})
	if err != nil {
		return 0, fmt.Errorf("enqueue page after %s: %w", page[0].ID, err)
	}
	return inserted, nil
}

// Wait follows the batch until every one of its total jobs finished,
// calling progress as the count moves.
func (r *Reprocessor) Wait(ctx context.Context, batch string, total int, progress func(done, total int)) error {
	tick := time.NewTicker(200 * time.Millisecond)
	defer tick.Stop()
	last := -1
	for {
		done, err := r.store.BatchFinished(ctx, batch)
		if err != nil {
			return err
		}
		if done != last {
			progress(done, total)
			last = done
		}
		if done >= total {
			return nil
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-tick.C:
		}
	}
}

// Change is how many applications went from one decision to another.
type Change struct {
	From, To string
	Count    int
}

// Changes compares the backlog's decisions now with before.
func (r *Reprocessor) Changes(ctx context.Context, b Backlog) ([]Change, error) {
	ids := make([]string, 0, len(b.Before))
	for id := range b.Before {
		ids = append(ids, id)
	}
	after, err := r.store.Decisions(ctx, ids)
	if err != nil {
		return nil, err
	}
	counts := map[[2]string]int{}
	for id, before := range b.Before {
		if now := after[id]; now != before {
			counts[[2]string{before, now}]++
		}
	}
	out := make([]Change, 0, len(counts))
	for k, n := range counts {
		out = append(out, Change{From: k[0], To: k[1], Count: n})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Count > out[j].Count })
	return out, nil
}
