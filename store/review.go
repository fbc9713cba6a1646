package store

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/qualcheck/qualcheck/verify"
)

// Review statuses: what reviewers decided.
const (
	ReviewReviewing  = "reviewing"
	ReviewApproved   = "approved"
	ReviewRejected   = "rejected"
	ReviewSuperseded = "superseded"
)

// QueueFilter selects and orders the reviewers' queue.
type QueueFilter struct {
	Decision, ReviewStatus, Kind string    // "" for any
	From, To                     time.Time // uploaded within, zero for open
	// Sort is newest (the default), oldest, decision (reject, review,
	// pass, then undecided) or kind.
	Sort          string
	Page, PerPage int // 1-based; default 50 a page
}

// QueueRow is one application in the queue.
type QueueRow struct {
	ID, ClientID, Kind, Status, ReviewStatus, Decision string
	EnterpriseName, AdminName, AdminIDNumber           string
	// ValidTo are the ends of the licence's term and of both ID cards'
	// validity as entered (YYYY-MM-DD, "" when absent).
	ValidTo   [3]string
	CreatedAt time.Time
}

const queueColumns = `id, client_id, kind, status, review_status, coalesce(decision, ''), enterprise_name,
	coalesce(application->'form'->>'admin_name', ''), admin_id_number,
	coalesce(application->'form'->>'business_term_end', ''), coalesce(application->'form'->>'legal_rep_id_valid_to', ''),
	coalesce(application->'form'->>'admin_id_valid_to', ''), created_at`

func scanQueueRow(r pgx.CollectableRow) (QueueRow, error) {
	var q QueueRow
	return q, r.Scan(&q.ID, &q.ClientID, &q.Kind, &q.Status, &q.ReviewStatus, &q.Decision, &q.EnterpriseName,
		&q.AdminName, &q.AdminIDNumber, &q.ValidTo[0], &q.ValidTo[1], &q.ValidTo[2], &q.CreatedAt)
}

// Queue lists a page of applications and how many match in all.
func (s *Store) Queue(ctx context.Context, f QueueFilter) ([]QueueRow, int, error) {
	where, args := queueWhere(f)
	var total int
	if err := s.pool.QueryRow(ctx, `SELECT count(*) FROM qualcheck_applications WHERE `+where, args...).Scan(&total); err != nil {
		return nil, 0, fmt.Errorf("queue count: %w", err)
	}
	per := f.PerPage
	if per <= 0 {
		per = 50
	}
	order, ok := queueOrders[f.Sort]
	if !ok {
		order = queueOrders["newest"]
	}
	args = append(args, per, max(0, f.Page-1)*per)
	rows, err := s.pool.Query(ctx, fmt.Sprintf(`SELECT %s FROM qualcheck_applications WHERE %s ORDER BY %s LIMIT $%d OFFSET $%d`,
		queueColumns, where, order, len(args)-1, len(args)), args...)
	if err != nil {
		return nil, 0, fmt.Errorf("queue: %w", err)
	}
	out, err := pgx.CollectRows(rows, scanQueueRow)
	return out, total, err
}

var queueOrders = map[string]string{
	"newest":   "created_at DESC, id DESC",
	"oldest":   "created_at, id",
	"decision": "array_position(ARRAY['reject', 'review', 'pass'], decision) NULLS LAST, created_at, id",
	"kind":     "kind, created_at DESC, id DESC",
}

func queueWhere(f QueueFilter) (string, []any) {
	conds, args := []string{"true"}, []any{}
	add := func(cond string, v any) {
		args = append(args, v)
		conds = append(conds, fmt.Sprintf(cond, len(args)))
	}
	if f.Decision != "" {
		add("decision = $%d", f.Decision)
	}
	if f.ReviewStatus != "" {
		add("review_status = $%d", f.ReviewStatus)
	}
	if f.Kind != "" {
		add("kind = $%d", f.Kind)
	}
	if !f.From.IsZero() {
		add("created_at >= $%d", f.From)
	}
	if !f.To.IsZero() {
		add("created_at < $%d", f.To)
	}
	return strings.Join(conds, " AND "), args
}

// RunRow is one stored verdict run.
type RunRow struct {
	ID                        int64
	EngineVersion, OCR, Rules string
	Decision                  string
	Verdict                   verify.Verdict
	CreatedAt                 time.Time
}

// DecisionRow is one reviewer decision.
type DecisionRow struct {
	Reviewer, Decision, Comment string
	Reasons                     []string
	CreatedAt                   time.Time
}

// Detail is everything the application page shows.
type Detail struct {
	QueueRow
	Application verify.Application
	Documents   []Document
	Runs        []RunRow // newest first
	Decisions   []DecisionRow
	// Holders are other applications of the same enterprise and
	// administrator that hold an approved qualification.
	Holders []QueueRow
}

// Detail reads an application with its runs, decisions and holders.
func (s *Store) Detail(ctx context.Context, id string) (Detail, error) {
	rows, err := s.pool.Query(ctx, `SELECT `+queueColumns+` FROM qualcheck_applications WHERE id = $1`, id)
	if err != nil {
		return Detail{}, fmt.Errorf("detail %s: %w", id, err)
	}
	q, err := pgx.CollectExactlyOneRow(rows, scanQueueRow)
	if errors.Is(err, pgx.ErrNoRows) {
		return Detail{}, ErrNotFound
	}
	if err != nil {
		return Detail{}, fmt.Errorf("detail %s: %w", id, err)
	}
	d := Detail{QueueRow: q}
	l, err := s.Load(ctx, id)
	if err != nil {
		return Detail{}, err
	}
	d.Application, d.Documents = l.Application, l.Documents
	if d.Runs, err = s.runs(ctx, id); err != nil {
		return Detail{}, err
	}
	if d.Decisions, err = s.decisions(ctx, id); err != nil {
		return Detail{}, err
	}
	d.Holders, err = s.holders(ctx, q)
	return d, err
}

func (s *Store) runs(ctx context.Context, id string) ([]RunRow, error) {
	rows, err := s.pool.Query(ctx, `SELECT id, engine_version, ocr, rules_version, decision, verdict, created_at
		FROM qualcheck_verdict_runs WHERE application_id = $1 ORDER BY id DESC`, id)
	if err != nil {
		return nil, fmt.Errorf("runs %s: %w", id, err)
	}
	return pgx.CollectRows(rows, func(r pgx.CollectableRow) (RunRow, error) {
		var x RunRow
		var v []byte
		if err := r.Scan(&x.ID, &x.EngineVersion, &x.OCR, &x.Rules, &x.Decision, &v, &x.CreatedAt); err != nil {
			return x, err
		}
		return x, json.Unmarshal(v, &x.Verdict)
	})
}

func (s *Store) decisions(ctx context.Context, id string) ([]DecisionRow, error) {
	rows, err := s.pool.Query(ctx, `SELECT reviewer, decision, comment, reasons, created_at
		FROM qualcheck_decisions WHERE application_id = $1 ORDER BY id`, id)
	if err != nil {
		return nil, fmt.Errorf("decisions %s: %w", id, err)
	}
	return pgx.CollectRows(rows, func(r pgx.CollectableRow) (DecisionRow, error) {
		var x DecisionRow
		return x, r.Scan(&x.Reviewer, &x.Decision, &x.Comment, &x.Reasons, &x.CreatedAt)
	})
}

// holders are the approved applications of the same enterprise and
// administrator.
func (s *Store) holders(ctx context.Context, q QueueRow) ([]QueueRow, error) {
	if q.EnterpriseName == "" || q.AdminIDNumber == "" {
		return nil, nil
	}
	rows, err := s.pool.Query(ctx, `SELECT `+queueColumns+` FROM qualcheck_applications
		WHERE enterprise_name = $1 AND admin_id_number = $2 AND review_status = 'approved' AND id <> $3 ORDER BY created_at`,
		q.EnterpriseName, q.AdminIDNumber, q.ID)
	if err != nil {
		return nil, fmt.Errorf("holders: %w", err)
	}
	return pgx.CollectRows(rows, scanQueueRow)
}

// ErrDecided: an approved qualification is never changed (a change is a
// new application), nor a superseded one.
var ErrDecided = errors.New("application already approved")

// Decision is a reviewer's verdict on an application.
type Decision struct {
	Reviewer, Decision, Comment string // decision: approve or reject
	Reasons                     []string
}

// Decide records a decision and moves the application's review status;
// approving supersedes the approved applications of the same enterprise
// and administrator, whose ids it returns.
func (s *Store) Decide(ctx context.Context, id string, d Decision) ([]string, error) {
	var superseded []string
	err := pgx.BeginFunc(ctx, s.pool, func(tx pgx.Tx) error {
		var status, ent, admin string
		err := tx.QueryRow(ctx, `SELECT review_status, enterprise_name, admin_id_number FROM qualcheck_applications WHERE id = $1 FOR UPDATE`, id).
			Scan(&status, &ent, &admin)
		if errors.Is(err, pgx.ErrNoRows) {
			return ErrNotFound
		}
		if err != nil {
			return err
		}
		if status == ReviewApproved || status == ReviewSuperseded {
			return ErrDecided
		}
		if err := s.recordDecision(ctx, tx, id, d); err != nil {
			return err
		}
		if d.Decision == "approve" && ent != "" && admin != "" {
			superseded, err = supersede(ctx, tx, id, ent, admin)
		}
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("decide %s: %w", id, err)
	}
	return superseded, nil
}

func (s *Store) recordDecision(ctx context.Context, tx pgx.Tx, id string, d Decision) error {
	status := map[string]string{"approve": ReviewApproved, "reject": ReviewRejected}[d.Decision]
	if status == "" {
		return fmt.Errorf("decision %q: want approve or reject", d.Decision)
	}
	if d.Reasons == nil {
		d.Reasons = []string{}
	}
	if _, err := tx.Exec(ctx, `INSERT INTO qualcheck_decisions (application_id, reviewer, decision, reasons, comment, created_at)
		VALUES ($1, $2, $3, $4, $5, $6)`, id, d.Reviewer, d.Decision, d.Reasons, d.Comment, s.now()); err != nil {
		return err
	}
	_, err := tx.Exec(ctx, `UPDATE qualcheck_applications SET review_status = $2, updated_at = $3 WHERE id = $1`, id, status, s.now())
	return err
}

func supersede(ctx context.Context, tx pgx.Tx, id, ent, admin string) ([]string, error) {
	rows, err := tx.Query(ctx, `UPDATE qualcheck_applications SET review_status = 'superseded'
		WHERE enterprise_name = $1 AND admin_id_number = $2 AND review_status = 'approved' AND id <> $3 RETURNING id`, ent, admin, id)
	if err != nil {
		return nil, err
	}
	return pgx.CollectRows(rows, pgx.RowTo[string])
}

// AuditRow is one use of the plain view.
type AuditRow struct {
	Actor, Action, ApplicationID string
	At                           time.Time
}

// Audit records that actor did action on an application.
func (s *Store) Audit(ctx context.Context, actor, action, appID string) error {
	if _, err := s.pool.Exec(ctx, `INSERT INTO qualcheck_audit (actor, action, application_id, at) VALUES ($1, $2, $3, $4)`,
		actor, action, appID, s.now()); err != nil {
		return fmt.Errorf("audit: %w", err)
	}
	return nil
}

// AuditRecent lists the latest audit entries of every application.
func (s *Store) AuditRecent(ctx context.Context, limit int) ([]AuditRow, error) {
	rows, err := s.pool.Query(ctx, `SELECT actor, action, coalesce(application_id, ''), at FROM qualcheck_audit
		ORDER BY id DESC LIMIT $1`, limit)
	if err != nil {
		return nil, fmt.Errorf("audit: %w", err)
	}
	return pgx.CollectRows(rows, scanAudit)
}

func scanAudit(r pgx.CollectableRow) (AuditRow, error) {
	var a AuditRow
	return a, r.Scan(&a.Actor, &a.Action, &a.ApplicationID, &a.At)
}

// AuditLog lists the audit entries of an application, newest first.
func (s *Store) AuditLog(ctx context.Context, appID string) ([]AuditRow, error) {
	rows, err := s.pool.Query(ctx, `SELECT actor, action, coalesce(application_id, ''), at FROM qualcheck_audit
		WHERE application_id = $1 ORDER BY id DESC`, appID)
	if err != nil {
		return nil, fmt.Errorf("audit log: %w", err)
	}
	return pgx.CollectRows(rows, scanAudit)
}
