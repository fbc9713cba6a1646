// Package ingest brings applications in: application folders on disk
// (CONTRACT §1) for the offline command and batch intake, the upload API
// (CONTRACT §5: POST /api/applications, GET /api/applications/{id})
// with its one error mapper and token check, and the Uploader client
// that sends folders to it.
//
// It may import store and verify (and what they import); never worker,
// review or cmd.
package ingest
