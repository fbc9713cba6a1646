package worker_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"image"
	"io"
	"log/slog"
	"os"
	"sync/atomic"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/riverqueue/river"
	"github.com/riverqueue/river/riverdriver/riverpgxv5"
	"github.com/riverqueue/river/rivertest"

	"github.com/qualcheck/qualcheck/ocr"
	"github.com/qualcheck/qualcheck/store"
	"github.com/qualcheck/qualcheck/store/storetest"
	"github.com/qualcheck/qualcheck/verify"
	"github.com/qualcheck/qualcheck/worker"
)

// countingReader counts OCR passes: a rules-only run must make none.
type countingReader struct {
	*ocr.Engine
	reads atomic.Int64
}

func (c *countingReader) Read(ctx context.Context, img image.Image, opt ocr.ReadOptions) (ocr.Page, error) {
	c.reads.Add(1)
	return c.Engine.Read(ctx, img, opt)
}

type env struct {
	store    *store.Store
	blobs    *store.Blobs
	reader   *countingReader
	client   *river.Client[pgx.Tx]
	events   <-chan *river.Event
	v        *worker.Verifier
	pipeline *verify.Pipeline
}

// mapFiles serves documents from memory.
type mapFiles map[string][]byte

func (m mapFiles) Open(name string) ([]byte, error) {
	if b, ok := m[name]; ok {
		return b, nil
	}
	return nil, os.ErrNotExist
}

func newEnv(t testing.TB, start bool) *env {
	if testing.Short() {
		t.Skip("runs Tesseract")
	}
	pool, _ := storetest.NewDB(t)
	ctx := context.Background()
	logger := slog.New(slog.NewTextHandler(io.Discard, nil))
	blobs, err := store.OpenBlobs(ctx, "mem://", t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	engine, err := ocr.NewEngine(ocr.Config{Workers: 1}, logger)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(engine.Close)
	e := &env{store: store.New(pool, time.Now), blobs: blobs, reader: &countingReader{Engine: engine}}
	p := verify.NewPipeline(verify.Config{Version: "test"}, e.reader, logger, time.Now)
	e.pipeline = p
	e.v = worker.NewVerifier(worker.VerifierConfig{}, e.store, blobs, p, logger)
	workers := river.NewWorkers()
	river.AddWorker(workers, e.v)
	e.client, err = river.NewClient(riverpgxv5.New(pool), &river.Config{
		Logger: logger, Workers: workers,
		Queues: map[string]river.QueueConfig{store.QueueVerify: {MaxWorkers: 1}},
	})
	if err != nil {
		t.Fatal(err)
	}
	if start {
		var cancel func()
		e.events, cancel = e.client.Subscribe(river.EventKindJobCompleted, river.EventKindJobCancelled, river.EventKindJobFailed)
		t.Cleanup(cancel)
		if err := e.client.Start(ctx); err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { _ = e.client.Stop(context.Background()) })
	}
	return e
}

// submit stores a one-document application (the administrator's ID
// back, a real sample photo) and enqueues it as the upload does.
func (e *env) submit(t testing.TB, id string, put bool) {
	t.Helper()
	ctx := context.Background()
	data, err := os.ReadFile("../testdata/samples/app-1-00001/IMG_20260220_094611.jpg")
	if err != nil {
		t.Fatal(err)
	}
	st := store.Stored{Key: "sha256/missing", Size: int64(len(data))}
	if put {
		if st, err = e.blobs.Put(ctx, bytes.NewReader(data), 1<<30); err != nil {
			t.Fatal(err)
		}
	}
	sub := store.Submission{ID: id, RequestSHA256: id,
		Application: verify.Application{ID: "c-" + id, Kind: verify.KindVoiceGeneral, SubmittedAt: "2026-02-20",
			Documents: []verify.DocumentRef{{Role: verify.RoleAdminIDBack, File: "back.jpg"}}},
		Documents: []store.Document{{Role: verify.RoleAdminIDBack, File: "back.jpg", Blob: st}},
	}
	if _, err := e.store.Submit(ctx, sub, e.enqueue(store.VerifyArgs{ApplicationID: id})); err != nil {
		t.Fatal(err)
	}
}

func (e *env) enqueue(args store.VerifyArgs) store.Enqueue {
	return func(ctx context.Context, tx pgx.Tx, _ string) error {
		_, err := e.client.InsertTx(ctx, tx, args, nil)
		return err
	}
}

// wait waits on River's event subscription for the next finished job.
func (e *env) wait(t testing.TB) *river.Event {
	t.Helper()
	select {
	case ev := <-e.events:
		return ev
	case <-time.After(2 * time.Minute):
		t.Fatal("no job finished in 2 minutes")
		return nil
	}
}

func (e *env) verdict(t testing.TB, id string) (string, verify.Verdict) {
	t.Helper()
	st, err := e.store.Status(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	var v verify.Verdict
	if err := json.Unmarshal(st.Verdict, &v); err != nil {
		t.Fatalf("verdict of %s: %v (%s)", id, err, st.Verdict)
	}
	return st.Status, v
}

// TestVerifierThenRulesOnly: a queued application is read and decided
// (real Tesseract, real PostgreSQL); a rules-only re-run decides again
// from the stored reads without a single OCR pass.
func TestVerifierThenRulesOnly(t *testing.T) {
	e := newEnv(t, true)
	e.submit(t, "app-1", true)
	if ev := e.wait(t); ev.Kind != river.EventKindJobCompleted {
		t.Fatalf("job %s: %+v", ev.Kind, ev.Job.Errors)
	}
	status, v := e.verdict(t, "app-1")
	if status != store.StatusDone || v.ApplicationID != "app-1" || !verify.HasReason(v, verify.ExpectedReason{Code: verify.CodeDocumentMissing, Role: verify.RoleEnterpriseCertificate}) {
		t.Fatalf("status %s, verdict %s %+v", status, v.Decision, v.Reasons)
	}
	if len(v.Documents) != 1 || v.Documents[0].KindDetected != "id_back" {
		t.Fatalf("documents: %+v", v.Documents)
	}
	before := e.reader.reads.Load()
	ctx := context.Background()
	if _, err := e.client.Insert(ctx, store.VerifyArgs{ApplicationID: "app-1", RulesOnly: true, Batch: "b1"}, nil); err != nil {
		t.Fatal(err)
	}
	if ev := e.wait(t); ev.Kind != river.EventKindJobCompleted {
		t.Fatalf("rules-only job %s", ev.Kind)
	}
	if n := e.reader.reads.Load() - before; n != 0 {
		t.Errorf("rules-only run made %d OCR passes", n)
	}
	_, again := e.verdict(t, "app-1")
	if again.Decision != v.Decision || len(again.Reasons) != len(v.Reasons) {
		t.Errorf("rules-only verdict %s %+v, first %s %+v", again.Decision, again.Reasons, v.Decision, v.Reasons)
	}
}

// TestVerifierLostBlob: a document whose bytes are gone cannot be
// verified, ever: the job ends (no retries) with a VERIFICATION_FAILED
// verdict for review, so the upload still gets an answer.
func TestVerifierLostBlob(t *testing.T) {
	e := newEnv(t, true)
	e.submit(t, "app-2", false)
	if ev := e.wait(t); ev.Kind != river.EventKindJobCompleted || ev.Job.Attempt != 1 {
		t.Fatalf("job %s after %d attempts", ev.Kind, ev.Job.Attempt)
	}
	status, v := e.verdict(t, "app-2")
	if status != store.StatusFailed || v.Decision != verify.DecisionReview || !verify.HasReason(v, verify.ExpectedReason{Code: verify.CodeVerificationFailed}) {
		t.Fatalf("status %s, verdict %s %+v", status, v.Decision, v.Reasons)
	}
}

// TestVerifierUnknownApplication (rivertest): a job for an application
// that is not stored is cancelled, not retried.
func TestVerifierUnknownApplication(t *testing.T) {
	e := newEnv(t, false)
	pool := e.store.Pool()
	w := rivertest.NewWorker(t, riverpgxv5.New(pool), &river.Config{}, e.v)
	ctx := context.Background()
	tx, err := pool.Begin(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer tx.Rollback(ctx)
	res, err := w.Work(ctx, t, tx, store.VerifyArgs{ApplicationID: "nope"}, nil)
	if err != nil || res.EventKind != river.EventKindJobCancelled {
		t.Fatalf("event %v, err %v", res, err)
	}
}

// BenchmarkQueueOverhead verifies the same application directly through
// the pipeline (the baseline: what qualcheck verify does) and through
// the service's path (blob store, database rows, River job, stored run),
// one after the other in the same process, and reports the queue's time
// as a ratio to the direct one.
//
//	TEST_DATABASE_URL=… OMP_THREAD_LIMIT=1 go test ./worker -run '^$' -bench QueueOverhead -benchtime 4x
func BenchmarkQueueOverhead(b *testing.B) {
	e := newEnv(b, true)
	data, err := os.ReadFile("../testdata/samples/app-1-00001/IMG_20260220_094611.jpg")
	if err != nil {
		b.Fatal(err)
	}
	app := verify.Application{ID: "direct", Kind: verify.KindVoiceGeneral, SubmittedAt: "2026-02-20",
		Documents: []verify.DocumentRef{{Role: verify.RoleAdminIDBack, File: "back.jpg"}}}
	var direct, queued time.Duration
	for i := 0; i < b.N; i++ {
		t0 := time.Now()
		if _, err := e.pipeline.Verify(context.Background(), app, mapFiles{"back.jpg": data}); err != nil {
			b.Fatal(err)
		}
		direct += time.Since(t0)
		t0 = time.Now()
		e.submit(b, fmt.Sprintf("app-%d", i), true)
		if ev := e.wait(b); ev.Kind != river.EventKindJobCompleted {
			b.Fatalf("job %s", ev.Kind)
		}
		queued += time.Since(t0)
	}
	b.ReportMetric(queued.Seconds()/float64(b.N), "s/app-queued")
	b.ReportMetric(direct.Seconds()/float64(b.N), "s/app-direct")
	b.ReportMetric(queued.Seconds()/direct.Seconds(), "x-direct")
}
