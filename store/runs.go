package store

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"

	"github.com/jackc/pgx/v5"

	"github.com/qualcheck/qualcheck/verify"
)

// ErrNotFound: no application has that id.
var ErrNotFound = errors.New("application not found")

// Status is what GET /api/applications/ID answers (CONTRACT §5).
type Status struct {
	ID       string          `json:"id"`
	ClientID string          `json:"client_id"` // the id in the uploaded application.json
	Status   string          `json:"status"`
	Verdict  json.RawMessage `json:"verdict"` // null until a run is stored
}

// Status reads an application's status and its latest verdict.
func (s *Store) Status(ctx context.Context, id string) (Status, error) {
	st := Status{ID: id}
	var verdict []byte
	err := s.pool.QueryRow(ctx, `SELECT a.client_id, a.status, r.verdict FROM qualcheck_applications a
		LEFT JOIN LATERAL (SELECT verdict FROM qualcheck_verdict_runs WHERE application_id = a.id ORDER BY id DESC LIMIT 1) r ON true
		WHERE a.id = $1`, id).Scan(&st.ClientID, &st.Status, &verdict)
	if errors.Is(err, pgx.ErrNoRows) {
		return Status{}, ErrNotFound
	}
	if err != nil {
		return Status{}, fmt.Errorf("status %s: %w", id, err)
	}
	st.Verdict = json.RawMessage("null")
	if verdict != nil {
		st.Verdict = verdict
	}
	return st, nil
}

// Stored application, as a worker loads it.
type Loaded struct {
	Application verify.Application
	Documents   []Document
}

// Load reads an application and its documents' blob keys.
func (s *Store) Load(ctx context.Context, id string) (Loaded, error) {
	var l Loaded
	var doc []byte
	err := s.pool.QueryRow(ctx, `SELECT application FROM qualcheck_applications WHERE id = $1`, id).Scan(&doc)
	if errors.Is(err, pgx.ErrNoRows) {
		return l, ErrNotFound
	}
	if err != nil {
		return l, fmt.Errorf("load %s: %w", id, err)
	}
	if err := json.Unmarshal(doc, &l.Application); err != nil {
		return l, fmt.Errorf("decode application %s: %w", id, err)
	}
	rows, err := s.pool.Query(ctx, `SELECT role, file, blob_key, size FROM qualcheck_documents WHERE application_id = $1 ORDER BY file`, id)
	if err != nil {
		return l, fmt.Errorf("load documents %s: %w", id, err)
	}
	l.Documents, err = pgx.CollectRows(rows, func(r pgx.CollectableRow) (Document, error) {
		var d Document
		return d, r.Scan(&d.Role, &d.File, &d.Blob.Key, &d.Blob.Size)
	})
	if err != nil {
		return l, fmt.Errorf("load documents %s: %w", id, err)
	}
	return l, nil
}

// SetStatus moves an application to status (processing when a worker
// starts on it).
func (s *Store) SetStatus(ctx context.Context, id, status string) error {
	_, err := s.pool.Exec(ctx, `UPDATE qualcheck_applications SET status = $2, updated_at = $3 WHERE id = $1`, id, status, s.now())
	if err != nil {
		return fmt.Errorf("set status %s: %w", id, err)
	}
	return nil
}

// Run is one verification of an application.
type Run struct {
	Verdict verify.Verdict
	// Reads are the documents as read, kept so that a rules change can
	// be re-decided without OCR; nil when the run read nothing.
	Reads []verify.DocResult
	// Status the application ends in: done, or failed when the run could
	// not verify it and its verdict says why.
	Status string
}

// SaveRunTx stores a run and the application's new status and decision
// in tx (the worker completes its job in the same transaction).
func (s *Store) SaveRunTx(ctx context.Context, tx pgx.Tx, id string, run Run) error {
	v, err := json.Marshal(run.Verdict)
	if err != nil {
		return fmt.Errorf("encode verdict: %w", err)
	}
	var reads []byte
	if run.Reads != nil {
		if reads, err = json.Marshal(run.Reads); err != nil {
			return fmt.Errorf("encode reads: %w", err)
		}
	}
	e := run.Verdict.Engine
	if _, err := tx.Exec(ctx, `INSERT INTO qualcheck_verdict_runs
		(application_id, engine_version, ocr, rules_version, decision, verdict, reads, created_at)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`, id, e.Version, e.OCR, e.Rules, run.Verdict.Decision, v, reads, s.now()); err != nil {
		return fmt.Errorf("insert run %s: %w", id, err)
	}
	if _, err := tx.Exec(ctx, `UPDATE qualcheck_applications SET status = $2, decision = $3, updated_at = $4 WHERE id = $1`,
		id, run.Status, run.Verdict.Decision, s.now()); err != nil {
		return fmt.Errorf("update application %s: %w", id, err)
	}
	return nil
}

// LatestReads are the reads of the application's latest run that has
// them, for a rules-only re-run; found is false when none has.
func (s *Store) LatestReads(ctx context.Context, id string) (reads []verify.DocResult, found bool, err error) {
	var data []byte
	err = s.pool.QueryRow(ctx, `SELECT reads FROM qualcheck_verdict_runs WHERE application_id = $1 AND reads IS NOT NULL
		ORDER BY id DESC LIMIT 1`, id).Scan(&data)
	if errors.Is(err, pgx.ErrNoRows) {
		return nil, false, nil
	}
	if err != nil {
		return nil, false, fmt.Errorf("latest reads %s: %w", id, err)
	}
	if err := json.Unmarshal(data, &reads); err != nil {
		return nil, false, fmt.Errorf("decode reads %s: %w", id, err)
	}
	return reads, true, nil
}
