// Package store keeps what the service knows in PostgreSQL and blob
// storage: applications as uploaded, their documents' bytes (content-
// addressed by SHA-256 through gocloud.dev/blob), every verdict run with
// its engine and rules version and the reads it was decided on,
// idempotency keys and API tokens. Its schema is numbered SQL migrations
// (migrations/), applied after River's own.
//
// It may import verify (and what verify imports), pgx and River; never
// ingest, worker, review or cmd.
package store
