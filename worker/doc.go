// Package worker runs verifications: a local pool that verifies many
// application folders at once (qualcheck verify --out), the River worker
// that verifies uploaded applications (Verifier), and batch re-runs of
// a backlog (Reprocessor).
//
// It may import store, ingest, verify and what they import; never
// review or cmd.
package worker
