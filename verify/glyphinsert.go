package verify

import (
	"image"
	"slices"
	"unicode"

	"github.com/qualcheck/qualcheck/extract"
)

// glyphInserted decides whether f, read from red with one character
// more than want and want once that character is dropped, shows want:
// Tesseract reads a wide component of a character as a character of its
// own (重庆明和逸智能设备有限公司 for 重庆明逸智能设备有限公司, generated
// app-17-00004; 和信和贸易（南京）有限公司, app-19-00006), which the
// equal-length glyph check (glyphConfirm) cannot weigh. The form's
// characters are placed over the field's box by their widths
// (placements), and the form's character where the reading has the extra
// one must look like itself by glyphFloor and more, by glyphMargin, than
// like the extra character. An extra character read surely, or one after
// the form's last, settles nothing.
func (p *Pipeline) glyphInserted(red *image.Gray, f extract.Field, want string) (extract.Field, bool) {
	e, v := []rune(extract.Canon(want)), []rune(extract.Canon(f.Value))
	k, ok := insertedAt(v, e)
	if !ok || k >= len(e) || !unicode.Is(unicode.Han, e[k]) || runeConf(f, k) >= mismatchConf {
		return f, false
	}
	w := slices.Clone(e)
	w[k] = v[k] // the form's characters, the extra one in the place it was read at
	for _, cells := range placements(red, extract.Field{Box: f.Box}, e, e) {
		if conf, ok := p.cellsShow(red, cells, []int{k}, e, w, glyphMargin); ok {
			return extract.Field{Value: want, Conf: conf, Box: f.Box, Read: f.Value}, true
		}
	}
	return f, false
}

// insertedAt is where v holds one character more than e, being e with
// that character dropped: the first place they differ, or len(e).
func insertedAt(v, e []rune) (int, bool) {
	if len(v) != len(e)+1 {
		return 0, false
	}
	k := 0
	for k < len(e) && v[k] == e[k] {
		k++
	}
	return k, slices.Equal(v[k+1:], e[k:])
}
