package store

import (
	"context"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"
)

// Filter picks applications for a batch re-run.
type Filter struct {
	Status string    // "" for any
	Since  time.Time // zero for any: created at or after
}

// Decided is an application with its latest decision ("" when none).
type Decided struct {
	ID, Decision string
}

// Select lists up to limit applications matching f with ids after
// `after`, in id order (ids are time-ordered): a page of a backlog.
func (s *Store) Select(ctx context.Context, f Filter, after string, limit int) ([]Decided, error) {
	var since *time.Time
	if !f.Since.IsZero() {
		since = &f.Since
	}
	rows, err := s.pool.Query(ctx, `SELECT id, coalesce(decision, '') FROM qualcheck_applications
		WHERE id > $1 AND ($2 = '' OR status = $2) AND ($3::timestamptz IS NULL OR created_at >= $3)
		ORDER BY id LIMIT $4`, after, f.Status, since, limit)
	if err != nil {
		return nil, fmt.Errorf("select applications: %w", err)
	}
	out, err := pgx.CollectRows(rows, func(r pgx.CollectableRow) (Decided, error) {
		var d Decided
		return d, r.Scan(&d.ID, &d.Decision)
	})
	if err != nil {
		return nil, fmt.Errorf("select applications: %w", err)
	}
	return out, nil
}

// Decisions reads the latest decision of each application in ids.
func (s *Store) Decisions(ctx context.Context, ids []string) (map[string]string, error) {
	rows, err := s.pool.Query(ctx, `SELECT id, coalesce(decision, '') FROM qualcheck_applications WHERE id = ANY($1)`, ids)
	if err != nil {
		return nil, fmt.Errorf("decisions: %w", err)
	}
	out := map[string]string{}
	defer rows.Close()
	for rows.Next() {
		var id, d string
		if err := rows.Scan(&id, &d); err != nil {
			return nil, fmt.Errorf("decisions: %w", err)
		}
		out[id] = d
	}
	return out, rows.Err()
}

// BatchFinished counts the verification jobs of a batch that have
// finished (completed, cancelled or discarded).
func (s *Store) BatchFinished(ctx context.Context, batch string) (int, error) {
	var n int
	err := s.pool.QueryRow(ctx, `SELECT count(*) FROM river_job WHERE kind = $1 AND args->>'batch' = $2
		AND state IN ('completed', 'cancelled', 'discarded')`, VerifyArgs{}.Kind(), batch).Scan(&n)
	if err != nil {
		return 0, fmt.Errorf("batch progress: %w", err)
	}
	return n, nil
}
