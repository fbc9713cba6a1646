// Package verify turns an application and its files into the contract's
// verdict (CONTRACT §3, §4): it decodes each file, reads it through an OCR
// Reader, classifies and extracts it (package extract), and applies the
// rules. A broken rule is a reason on the verdict, never an error.
//
// It may import ocr and extract only: no database, HTTP, River or
// globals. The clock and the OCR engine come in through NewPipeline.
package verify
