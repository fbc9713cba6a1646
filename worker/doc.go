// Package worker runs verifications: today a local pool that verifies
// many application folders at once (qualcheck verify --out); the River
// queue workers join it.
//
// It may import verify, ingest and what they import; never review or cmd.
package worker
