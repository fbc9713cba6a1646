package store

import (
	"time"

	"github.com/riverqueue/river"
)

// VerifyArgs is the River job that verifies one application. It carries
// ids only: images stay in blob storage (River's notes: keep args small).
type VerifyArgs struct {
	ApplicationID string `json:"application_id" river:"unique"`
	// RulesOnly re-decides from the latest run's stored reads, without
	// OCR (qualcheck reprocess --rules-only).
	RulesOnly bool `json:"rules_only,omitempty"`
	// Batch names the reprocess run that enqueued the job ("" for an
	// upload): one job per application and batch.
	Batch string `json:"batch,omitempty" river:"unique"`
}

// Kind is the job's River kind.
func (VerifyArgs) Kind() string { return "qualcheck.verify" }

// InsertOpts: unique per application and batch while the job is
// waiting or running, so a repeated reprocess does not queue a second
// one.
func (VerifyArgs) InsertOpts() river.InsertOpts {
	return river.InsertOpts{
		Queue:       QueueVerify,
		MaxAttempts: MaxAttempts,
		UniqueOpts:  river.UniqueOpts{ByArgs: true, ByPeriod: 24 * time.Hour},
	}
}

// QueueVerify is the queue verification jobs run on.
const QueueVerify = "verify"

// MaxAttempts bounds retries of a transient failure (database or blob
// storage away); the last attempt stores a failed verdict instead of
// leaving the application waiting for ever.
const MaxAttempts = 5
