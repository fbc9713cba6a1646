package extract

import "github.com/qualcheck/qualcheck/ocr"

// DebugRows exposes rows for the verify debug test.
func DebugRows(p ocr.Page) []string {
	var out []string
	for _, r := range rows(p) {
		out = append(out, r.text())
	}
	return out
}
