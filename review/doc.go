// Package review serves the reviewers' pages at /review: the queue, an
// application's page (documents with their boxes, the field diff,
// reasons in Chinese and English, letter dates, template changes,
// earlier runs) and the decisions reviewers make on it, with personal
// data masked unless a reviewer asks, which is audited. Accounts,
// session cookies and CSRF tokens guard it.
//
// It may import store, verify and ocr (to show PDF pages); never
// ingest, worker or cmd.
package review
