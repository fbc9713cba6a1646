// Package ocr is the bottom of qualcheck: it turns uploaded bytes into
// upright images (format by magic bytes, size and pixel limits, EXIF
// orientation, PDF pages through go-fitz), prepares them for reading (red
// channel against seals, a seal-free image for letters' fills, scaling,
// mirroring), finds red seals on the colour image, and reads them with a
// pool of Tesseract engines (gosseract), keeping word boxes and
// confidences.
//
// It imports no other qualcheck package, and never the database, HTTP,
// River or mutable globals.
package ocr
