// Package extract reads documents: it classifies an OCR page (licence, ID
// front or back, handheld photo, letters), pulls out the fields each kind
// carries, reads letters against their official templates (Word files
// embedded from templates/, read with unioffice), normalises text, dates
// and amounts, and validates identifiers (GB 32100 credit codes, GB 11714
// organisation codes, GB 11643 ID numbers with their region codes).
//
// Pure functions over ocr.Page values and strings: it may import ocr and
// unioffice (reading only), and never the database, HTTP, River or
// mutable globals (the embedded tables load once, read only).
package extract
