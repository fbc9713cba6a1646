package store

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/qualcheck/qualcheck/verify"
)

// Application statuses (CONTRACT §5).
const (
	StatusQueued     = "queued"
	StatusProcessing = "processing"
	StatusDone       = "done"
	StatusFailed     = "failed"
)

// Store reads and writes the service's tables.
type Store struct {
	pool *pgxpool.Pool
	now  func() time.Time
}

// New wraps a pool; now stamps rows.
func New(pool *pgxpool.Pool, now func() time.Time) *Store {
	return &Store{pool: pool, now: now}
}

// Pool is the store's connection pool, for River's driver.
func (s *Store) Pool() *pgxpool.Pool { return s.pool }

// Document is one uploaded file of an application.
type Document struct {
	Role, File string
	Blob       Stored
}

// Submission is an upload to store: the service's id for it, the
// application (its id the client's own, its documents list naming the
// files as uploaded), the files' blobs, and the client's idempotency key
// ("" for none) with the request's hash.
type Submission struct {
	ID             string
	Application    verify.Application
	Documents      []Document
	IdempotencyKey string
	RequestSHA256  string
}

// Submitted is the answer to a submission.
type Submitted struct {
	ID string
	// Replayed is true when the idempotency key was seen before with the
	// same request: ID is the first upload's, nothing new was stored.
	Replayed bool
}

// ErrIdempotencyConflict: the key was used before for another request.
var ErrIdempotencyConflict = errors.New("idempotency key reused for a different request")

// Enqueue inserts the verification job in the submission's transaction
// (River's InsertTx), so that the job exists exactly when the rows do.
type Enqueue func(ctx context.Context, tx pgx.Tx, id string) error

// Submit stores an application and its documents and enqueues its job,
// all in one transaction. A replayed idempotency key returns the first
// answer.
func (s *Store) Submit(ctx context.Context, sub Submission, enqueue Enqueue) (Submitted, error) {
	var out Submitted
	err := pgx.BeginFunc(ctx, s.pool, func(tx pgx.Tx) error {
		if sub.IdempotencyKey != "" {
			prev, found, err := lockIdempotency(ctx, tx, sub)
			if err != nil || found {
				out = prev
				return err
			}
		}
		if err := insertApplication(ctx, tx, sub, s.now()); err != nil {
			return err
		}
		out = Submitted{ID: sub.ID}
		return enqueue(ctx, tx, sub.ID)
	})
	if err != nil {
		return Submitted{}, fmt.Errorf("submit %s: %w", sub.ID, err)
	}
	return out, nil
}

// lockIdempotency serialises uploads with one key (a transaction-level
// advisory lock on its hash) and finds an earlier upload with it.
func lockIdempotency(ctx context.Context, tx pgx.Tx, sub Submission) (Submitted, bool, error) {
	if _, err := tx.Exec(ctx, `SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, sub.IdempotencyKey); err != nil {
		return Submitted{}, false, fmt.Errorf("idempotency lock: %w", err)
	}
	var id, hash string
	err := tx.QueryRow(ctx, `SELECT id, request_sha256 FROM qualcheck_applications WHERE idempotency_key = $1`,
		sub.IdempotencyKey).Scan(&id, &hash)
	switch {
	case errors.Is(err, pgx.ErrNoRows):
		return Submitted{}, false, nil
	case err != nil:
		return Submitted{}, false, fmt.Errorf("idempotency lookup: %w", err)
	case hash != sub.RequestSHA256:
		return Submitted{}, true, ErrIdempotencyConflict
	}
	return Submitted{ID: id, Replayed: true}, true, nil
}

func insertApplication(ctx context.Context, tx pgx.Tx, sub Submission, now time.Time) error {
	app := sub.Application
	clientID := app.ID
	app.ID = sub.ID
	doc, err := json.Marshal(app)
	if err != nil {
		return fmt.Errorf("encode application: %w", err)
	}
	var key *string
	if sub.IdempotencyKey != "" {
		key = &sub.IdempotencyKey
	}
	_, err = tx.Exec(ctx, `INSERT INTO qualcheck_applications
		(id, client_id, kind, application, submitted_at, idempotency_key, request_sha256, created_at, updated_at)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8)`,
		sub.ID, clientID, app.Kind, doc, nullDate(app.SubmittedAt), key, sub.RequestSHA256, now)
	if err != nil {
		return fmt.Errorf("insert application: %w", err)
	}
	for _, d := range sub.Documents {
		if _, err := tx.Exec(ctx, `INSERT INTO qualcheck_documents (application_id, role, file, blob_key, size)
			VALUES ($1, $2, $3, $4, $5)`, sub.ID, d.Role, d.File, d.Blob.Key, d.Blob.Size); err != nil {
			return fmt.Errorf("insert document %s: %w", d.File, err)
		}
	}
	return nil
}

// nullDate is a YYYY-MM-DD string as a date parameter, nil when empty
// or malformed (the verdict reports a malformed one; storing must not
// fail on it).
func nullDate(s string) *time.Time {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		return nil
	}
	return &t
}
