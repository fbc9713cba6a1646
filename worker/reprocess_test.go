package worker_test

import (
	"context"
	"encoding/json"
	"fmt"
	"image"
	"io"
	"log/slog"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/riverqueue/river"
	"github.com/riverqueue/river/riverdriver/riverpgxv5"

	"github.com/qualcheck/qualcheck/ocr"
	"github.com/qualcheck/qualcheck/store"
	"github.com/qualcheck/qualcheck/store/storetest"
	"github.com/qualcheck/qualcheck/verify"
	"github.com/qualcheck/qualcheck/worker"
)

// noOCR is a Reader for rules-only runs: any read is a failure.
type noOCR struct{ tb testing.TB }

func (n noOCR) Read(context.Context, image.Image, ocr.ReadOptions) (ocr.Page, error) {
	n.tb.Error("rules-only run called the OCR")
	return ocr.Page{}, fmt.Errorf("no OCR here")
}
func (noOCR) Describe() string { return "none" }

type rulesEnv struct {
	pool   *pgxpool.Pool
	store  *store.Store
	client *river.Client[pgx.Tx]
	p      *verify.Pipeline
}

// newRulesEnv runs rules-only workers (50, fetching every 5 ms, as
// reprocess --rules-only does) on a fresh database.
func newRulesEnv(tb testing.TB) *rulesEnv {
	pool, _ := storetest.NewDB(tb)
	logger := slog.New(slog.NewTextHandler(io.Discard, nil))
	e := &rulesEnv{pool: pool, store: store.New(pool, time.Now)}
	e.p = verify.NewPipeline(verify.Config{Version: "test"}, noOCR{tb}, logger, time.Now)
	workers := river.NewWorkers()
	river.AddWorker(workers, worker.NewVerifier(worker.VerifierConfig{}, e.store, nil, e.p, logger))
	var err error
	e.client, err = river.NewClient(riverpgxv5.New(pool), &river.Config{Logger: logger, Workers: workers,
		Queues: map[string]river.QueueConfig{store.QueueVerify: {MaxWorkers: 50}}, FetchCooldown: 5 * time.Millisecond})
	if err != nil {
		tb.Fatal(err)
	}
	if err := e.client.Start(context.Background()); err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { _ = e.client.Stop(context.Background()) })
	return e
}

// seed stores n applications, each with a verdict run decided "pass"
// and reads that the rules will decide otherwise (no documents: every
// one missing). Plain SQL: seeding 10 000 must take seconds.
func (e *rulesEnv) seed(tb testing.TB, n int) {
	ctx := context.Background()
	app, _ := json.Marshal(verify.Application{Kind: verify.KindVoiceGeneral, SubmittedAt: "2026-11-20"})
	reads, _ := json.Marshal([]verify.DocResult{})
	_, err := e.pool.Exec(ctx, `INSERT INTO qualcheck_applications (id, client_id, kind, status, application, decision, request_sha256)
		SELECT format('app-%s', lpad(i::text, 6, '0')), 'c', 'voice_general', 'done',
		       jsonb_set($1::jsonb, '{id}', to_jsonb(format('app-%s', lpad(i::text, 6, '0')))), 'pass', 'h'
		FROM generate_series(1, $2) i`, app, n)
	if err != nil {
		tb.Fatal(err)
	}
	_, err = e.pool.Exec(ctx, `INSERT INTO qualcheck_verdict_runs (application_id, engine_version, ocr, rules_version, decision, verdict, reads)
		SELECT id, 'seed', 'seed', 'seed', 'pass', '{}', $1 FROM qualcheck_applications`, reads)
	if err != nil {
		tb.Fatal(err)
	}
}

func (e *rulesEnv) reprocess(tb testing.TB, batch string) (worker.Backlog, []worker.Change) {
	ctx := context.Background()
	rp := worker.NewReprocessor(e.store, e.client, slog.New(slog.NewTextHandler(io.Discard, nil)))
	b, err := rp.Enqueue(ctx, worker.ReprocessConfig{RulesOnly: true, Batch: batch})
	if err != nil {
		tb.Fatal(err)
	}
	if err := rp.Wait(ctx, batch, len(b.Before), func(int, int) {}); err != nil {
		tb.Fatal(err)
	}
	changes, err := rp.Changes(ctx, b)
	if err != nil {
		tb.Fatal(err)
	}
	return b, changes
}

// TestReprocessRulesOnly: a rules-only batch re-decides every stored
// application without OCR and reports the decisions that changed; the
// same batch again queues nothing new.
func TestReprocessRulesOnly(t *testing.T) {
	e := newRulesEnv(t)
	e.seed(t, 30)
	b, changes := e.reprocess(t, "rules-test")
	if b.Inserted != 30 || len(changes) != 1 || changes[0] != (worker.Change{From: "pass", To: "reject", Count: 30}) {
		t.Fatalf("inserted %d, changes %+v", b.Inserted, changes)
	}
	if again, _ := e.reprocess(t, "rules-test"); again.Inserted != 0 {
		t.Errorf("the same batch again inserted %d jobs", again.Inserted)
	}
	var runs int
	if err := e.pool.QueryRow(context.Background(), `SELECT count(*) FROM qualcheck_verdict_runs`).Scan(&runs); err != nil || runs != 60 {
		t.Errorf("runs stored: %d %v, want 60", runs, err)
	}
}

// BenchmarkReprocessRulesOnly10k re-decides 10 000 stored applications
// through the queue (enqueue, 50 workers, verdicts stored) and, as the
// baseline in the same process, evaluates the same reads directly.
// Reported: seconds for the queue run, and its ratio to the baseline.
//
//	TEST_DATABASE_URL=… go test ./worker -run '^$' -bench ReprocessRulesOnly10k -benchtime 1x
func BenchmarkReprocessRulesOnly10k(b *testing.B) {
	const n = 10_000
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		e := newRulesEnv(b)
		e.seed(b, n)
		base := e.baseline(b, n)
		b.StartTimer()
		t0 := time.Now()
		e.reprocess(b, fmt.Sprintf("bench-%d", i))
		queued := time.Since(t0)
		b.ReportMetric(queued.Seconds(), "s/10k")
		b.ReportMetric(queued.Seconds()/base.Seconds(), "x-direct")
	}
}

// baseline times reading the stored reads and evaluating them in a loop,
// with no queue.
func (e *rulesEnv) baseline(tb testing.TB, n int) time.Duration {
	ctx := context.Background()
	t0 := time.Now()
	for i := 1; i <= n; i++ {
		id := fmt.Sprintf("app-%06d", i)
		l, err := e.store.Load(ctx, id)
		if err != nil {
			tb.Fatal(err)
		}
		reads, _, err := e.store.LatestReads(ctx, id)
		if err != nil {
			tb.Fatal(err)
		}
		_ = e.p.Evaluate(l.Application, reads)
	}
	return time.Since(t0)
}
