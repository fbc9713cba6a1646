package store_test

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"log/slog"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/qualcheck/qualcheck/store"
	"github.com/qualcheck/qualcheck/store/storetest"
	"github.com/qualcheck/qualcheck/verify"
)

var clock = func() time.Time { return time.Date(2026, 11, 30, 9, 0, 0, 0, time.UTC) }

func newStore(t *testing.T) *store.Store {
	pool, _ := storetest.NewDB(t)
	return store.New(pool, clock)
}

func submission(id, key, hash string) store.Submission {
	return store.Submission{
		ID:          id,
		Application: verify.Application{ID: "client-1", Kind: verify.KindVoiceGeneral, SubmittedAt: "2026-11-20"},
		Documents: []store.Document{{Role: verify.RoleEnterpriseCertificate, File: "license.jpg",
			Blob: store.Stored{Key: "sha256/ab", Size: 3}}},
		IdempotencyKey: key, RequestSHA256: hash,
	}
}

func noJob(context.Context, pgx.Tx, string) error { return nil }

// TestMigrateTwice: migrations are recorded and a second run (another
// server starting) changes nothing.
func TestMigrateTwice(t *testing.T) {
	pool, _ := storetest.NewDB(t)
	logger := slog.New(slog.NewTextHandler(io.Discard, nil))
	count := func() int {
		var n int
		if err := pool.QueryRow(context.Background(), `SELECT count(*) FROM qualcheck_migrations`).Scan(&n); err != nil {
			t.Fatal(err)
		}
		return n
	}
	first := count()
	if err := store.Migrate(context.Background(), pool, logger); err != nil {
		t.Fatal(err)
	}
	if again := count(); first < 2 || again != first {
		t.Fatalf("migrations recorded: %d, then %d", first, again)
	}
}

func TestSubmitAndStatus(t *testing.T) {
	s := newStore(t)
	ctx := context.Background()
	var enqueued []string
	enqueue := func(_ context.Context, _ pgx.Tx, id string) error { enqueued = append(enqueued, id); return nil }
	got, err := s.Submit(ctx, submission("app-1", "", "h1"), enqueue)
	if err != nil || got.ID != "app-1" || got.Replayed {
		t.Fatalf("submit: %+v, %v", got, err)
	}
	st, err := s.Status(ctx, "app-1")
	if err != nil || st.Status != store.StatusQueued || string(st.Verdict) != "null" || st.ClientID != "client-1" {
		t.Fatalf("status: %+v, %v", st, err)
	}
	l, err := s.Load(ctx, "app-1")
	if err != nil || l.Application.ID != "app-1" || len(l.Documents) != 1 || l.Documents[0].Blob.Key != "sha256/ab" {
		t.Fatalf("load: %+v, %v", l, err)
	}
	if len(enqueued) != 1 {
		t.Errorf("enqueued %v", enqueued)
	}
	if _, err := s.Status(ctx, "nope"); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("unknown id: %v", err)
	}
}

// TestSubmitRollsBackWithItsJob: when the job cannot be inserted, the
// application is not stored either.
func TestSubmitRollsBackWithItsJob(t *testing.T) {
	s := newStore(t)
	ctx := context.Background()
	failing := func(context.Context, pgx.Tx, string) error { return errors.New("queue down") }
	if _, err := s.Submit(ctx, submission("app-1", "", "h1"), failing); err == nil {
		t.Fatal("submit succeeded without its job")
	}
	if _, err := s.Status(ctx, "app-1"); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("application stored without its job: %v", err)
	}
}

func TestIdempotencyKey(t *testing.T) {
	s := newStore(t)
	ctx := context.Background()
	tests := []struct {
		id, key, hash string
		wantID        string
		replayed      bool
		err           error
	}{
		{"app-1", "k1", "h1", "app-1", false, nil},
		{"app-2", "k1", "h1", "app-1", true, nil},
		{"app-3", "k1", "h2", "", false, store.ErrIdempotencyConflict},
		{"app-4", "k2", "h1", "app-4", false, nil},
	}
	for _, tt := range tests {
		got, err := s.Submit(ctx, submission(tt.id, tt.key, tt.hash), noJob)
		if !errors.Is(err, tt.err) || got.ID != tt.wantID || got.Replayed != tt.replayed {
			t.Errorf("%s key %s: got %+v, %v; want %s replayed=%v err=%v", tt.id, tt.key, got, err, tt.wantID, tt.replayed, tt.err)
		}
	}
}

func TestRunsAndReads(t *testing.T) {
	s := newStore(t)
	ctx := context.Background()
	if _, err := s.Submit(ctx, submission("app-1", "", "h"), noJob); err != nil {
		t.Fatal(err)
	}
	if _, found, err := s.LatestReads(ctx, "app-1"); err != nil || found {
		t.Fatalf("reads before any run: %v %v", found, err)
	}
	reads := []verify.DocResult{{Ref: verify.DocumentRef{Role: verify.RoleAdminIDFront, File: "a.jpg"}, Kind: "id_front"}}
	run := store.Run{Verdict: verify.Verdict{ApplicationID: "app-1", Decision: verify.DecisionPass,
		Engine: verify.Engine{Version: "t", OCR: "o", Rules: verify.RulesVersion}}, Reads: reads, Status: store.StatusDone}
	err := pgx.BeginFunc(ctx, s.Pool(), func(tx pgx.Tx) error { return s.SaveRunTx(ctx, tx, "app-1", run) })
	if err != nil {
		t.Fatal(err)
	}
	st, _ := s.Status(ctx, "app-1")
	var v verify.Verdict
	if st.Status != store.StatusDone || json.Unmarshal(st.Verdict, &v) != nil || v.Decision != verify.DecisionPass {
		t.Fatalf("status after run: %+v", st)
	}
	got, found, err := s.LatestReads(ctx, "app-1")
	if err != nil || !found || len(got) != 1 || got[0].Ref.File != "a.jpg" {
		t.Fatalf("reads: %+v %v %v", got, found, err)
	}
}

func TestTokens(t *testing.T) {
	s := newStore(t)
	ctx := context.Background()
	if n, err := s.CountTokens(ctx); err != nil || n != 0 {
		t.Fatalf("tokens at start: %d %v", n, err)
	}
	tok, err := s.AddToken(ctx, "ci")
	if err != nil || !strings.HasPrefix(tok, "qc_") {
		t.Fatalf("add: %q %v", tok, err)
	}
	for _, tt := range []struct {
		token string
		ok    bool
	}{{tok, true}, {tok + "x", false}, {"", false}} {
		name, ok, err := s.CheckToken(ctx, tt.token)
		if err != nil || ok != tt.ok || (ok && name != "ci") {
			t.Errorf("check %q: %q %v %v", tt.token, name, ok, err)
		}
	}
}
