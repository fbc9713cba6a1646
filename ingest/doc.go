// Package ingest brings applications in: application folders on disk
// (CONTRACT §1) for the offline command and batch intake. The upload
// endpoint will join it.
//
// It may import verify (and what verify imports); never worker, review
// or cmd.
package ingest
