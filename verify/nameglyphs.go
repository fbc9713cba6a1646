package verify

import (
	"image"
	"slices"
	"strings"
	"unicode"

	"github.com/qualcheck/qualcheck/extract"
	"github.com/qualcheck/qualcheck/ocr"
)

// Blank glyph check: a letter's name blanks (the administrator's name,
// the enterprise's) are written in a handwriting-like fill, and chi_sim
// reads them characters wrong, short or long (桩尼 for 杜龙, 才思 for
// 袁凯), with boxes per character that take in half the next one, so the
// glyph check that places the form's characters in the OCR's cells finds
// none alike. Here the blank's ink is cut where its columns are blank or
// thin, as a written date's is, and the form's value must take the cells
// left to right with all the ink, each cell like its character more, by
// glyphMargin, than like any character the OCR read in the blank or any
// of the form's people's names (a letter filled with the wrong person's
// name is the mismatch these blanks are checked for), and alike in
// itself: by ink (blankGlyphFloor) or by its strokes' directions
// (blankDirFloor, ocr.ByDirection), which hold where a brush stroke's
// end or hook changes the ink's extent (凯 0.62 by ink with its hook's
// last three columns cut off, 0.33 with them; 0.56 and 0.50 by
// direction). A character the OCR read surely that is not the form's
// keeps the blank as read.
//
// The floors are under glyphFloor: a fill's characters are 15 to 25
// pixels high, and AR PL UKai's brush strokes are less like the
// reference fonts than print. Measured on the letters of the generated
// corpora of seeds 7 and 11: administrator names taken as the form's 35
// → 40 of 60, enterprise names 21 → 24 of 119; with the form's
// administrator name replaced by another (120 letters, the surname kept
// or not) and two characters of its enterprise name replaced (119
// letters), nothing taken. Also taking a cell's strokes whole (as
// Likeness does) took one more true name and one fake (秦鹏 for a
// written 秦燕 read 秦赦), and was left out.
const (
	blankGlyphFloor = 0.5
	blankDirFloor   = 0.45
)

// glyphBlank decides whether f, the letter's name blank key read from
// img, shows want (people are the form's names of people): if so, the
// field holds want at the least likeness of its characters, the OCR's
// reading kept in Read. A character read surely as another keeps only
// the administrator's name as read: in the enterprise's, a long name
// that a person's short one cannot take the cells of, it is often the
// seal's ring or arc text across the fill (人 at 0.84 in 沁于和能设备Yot京)
// 寿展人司 for a clear 汇丰智能设备（北京）有限公司 under the arc, generated
// app-29-00002), and a character of another name loses to the rivals.
func (p *Pipeline) glyphBlank(img *image.Gray, key string, f extract.Field, want string, people []string) (extract.Field, bool) {
	return p.glyphBlankAgainst(img, key, f, f.Value, want, people)
}

// glyphBlankAgainst is glyphBlank with the cells weighed against the
// characters of read, not of f's reading: that reading with characters
// a second reading overruled (overruled).
func (p *Pipeline) glyphBlankAgainst(img *image.Gray, key string, f extract.Field, read, want string, people []string) (extract.Field, bool) {
	w := []rune(extract.Canon(want))
	if p.cfg.Glyphs == nil || len(w) < 2 || !placeable(w) || key == blankAdminName && surelyOther(f, w) {
		return f, false
	}
	rule := glyphRule{alphabet: blankRivals(w, unconfused(read, w), people), floor: blankGlyphFloor, margin: glyphMargin,
		dirFloor: blankDirFloor, asWritten: true}
	for _, span := range blankSpans(img, f.Box, len(w)) {
		if conf, ok := p.spanShows(img, span, w, rule); ok {
			return extract.Field{Value: want, Conf: conf, Box: f.Box, Read: f.Value}, true
		}
	}
	return f, false
}

// placeable reports whether every character of w has a known width and
// is one the reference fonts draw (Han, Latin letters, digits, brackets).
func placeable(w []rune) bool {
	for _, r := range w {
		if cellWidth(r) == 0 {
			return false
		}
	}
	return true
}

// surelyOther reports whether f holds a Han character read at
// mismatchConf or more that is not one of w's and not one the OCR is
// known to mistake for one of them.
func surelyOther(f extract.Field, w []rune) bool {
	for i, r := range []rune(f.Value) {
		if !unicode.Is(unicode.Han, r) || runeConf(f, i) < mismatchConf || slices.Contains(w, r) {
			continue
		}
		if !slices.ContainsFunc(w, func(c rune) bool { return extract.Confusable(c, r) }) {
			return true
		}
	}
	return false
}

// unconfused is read without the characters the OCR is known to mistake
// for one of want's (extract.Confusable): 敏 written in a fill was read
// 教 on three letters of three sets (钱敏琴 read 钱教琴, 方敏洁 read
// 方教河 at 0.91, generated app-11-00011 and held-out app-61-00015), and
// the glyph check, weighing its cell against 教 too, never took it. Such
// a reading does not tell the two apart, so it is no rival to the
// form's character.
func unconfused(read string, want []rune) string {
	return strings.Map(func(r rune) rune {
		if slices.ContainsFunc(want, func(c rune) bool { return c != r && extract.Confusable(c, r) }) {
			return -1
		}
		return r
	}, read)
}

// overruled is read, a blank's page reading as long as want, with each
// character that a second reading as long (readings) read as want's at
// its place put back to want's: the readings disagree there, and the
// ink, not the page's reading, decides. The page read 主机 for a written
// 谭帆, a second reading 执帆, and 帆's cell was as like 机 (0.54) as
// like 帆 (0.56) (held-out app-67-00001).
func overruled(read string, readings []extract.Field, want []rune) string {
	rs := []rune(extract.Canon(read))
	if len(rs) != len(want) {
		return read
	}
	for _, f := range readings {
		if v := []rune(extract.Canon(f.Value)); len(v) == len(want) {
			for i := range v {
				if v[i] == want[i] {
					rs[i] = want[i]
				}
			}
		}
	}
	return string(rs)
}

// blankRivals are the characters a blank's cells are weighed against:
// want's own, those the OCR read in the blank, and those of people.
func blankRivals(want []rune, read string, people []string) []rune {
	out := slices.Clone(want)
	for _, s := range append([]string{read}, people...) {
		for _, r := range extract.Canon(s) {
			if unicode.Is(unicode.Han, r) && !slices.Contains(out, r) {
				out = append(out, r)
			}
		}
	}
	return out
}

// blankSpans are the boxes a blank of n characters' written ink may
// take on img: on the text row about box's centre, from any stretch of
// ink starting between a character before box and half a character into
// it, to where the ink after box's start stops for more than two thirds
// of a character. A box wider than n characters and two more, each as
// wide as box is high, took in more than the fill: the photo's dark edge
// beyond the page (黎丽凤 read 效丽风攻 in a box 724 pixels wide and 74
// high, generated app-37-00030), whose ink fills every row; it is cut
// to that width.
func blankSpans(img *image.Gray, box ocr.Box, n int) []ocr.Box {
	box.W = min(box.W, (n+2)*box.H)
	if row, ok := textRow(img, box, box.Y+box.H/2); ok && 3*row.H < 2*box.H {
		box = ocr.Box{X: box.X, Y: row.Y, W: box.W, H: row.H} // a box two lines high (lineHolds)
	}
	h := box.H
	if h < 6 {
		return nil
	}
	row, ok := textRow(img, ocr.Box{X: box.X - 2*h, Y: box.Y - h/2, W: box.W + 4*h, H: 2 * h}, box.Y+h/2)
	if !ok {
		return nil
	}
	return rowSpans(img, row, box.X, row.H, row.H*2/3)
}
