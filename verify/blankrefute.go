package verify

import (
	"image"
	"slices"
	"unicode"

	"github.com/qualcheck/qualcheck/extract"
)

// Another person's name in a letter's administrator blank: the page
// read of a handwriting-like fill misreads two-character names entirely
// and surely (梁洁 as 荣洛 at 0.8 on a clean generated letter), so one
// reading of another name is for a human to look at. Where the blank's
// second readings (lineShows: two cuts, as written and stood upright, at
// two sizes) agree on another name, every character of it read surely in
// one of them, and the blank's ink is cut into that name's characters,
// each clearly more alike its own than the form's name's (refuteMargin,
// twice the margin that confirms), the name stands as surely another's:
// generated app-11-00010's blank 任博, for the form's 赵俊, read 在灶
// leaning and 任博 upright twice. A blank the page read as a name of
// another length than the form's is refuted as a legal representative's
// card of one is (lengthRefutes: its ink as long as the reading and
// clearly not as the form's name, its first character's ink not the
// form's surname), whatever the second readings say: 闫毅 for the form's
// 戴浩锋, read 闫费, its second readings agreeing on nothing (generated
// app-37-00022).

// agreeMin is how many second readings must name the other person.
const agreeMin = 2

// refuteBlank reports whether the administrator blank f of img, whose
// second readings are readings, surely holds another name than want (of
// the form's people), and that name as the blank's field.
func (p *Pipeline) refuteBlank(img *image.Gray, f extract.Field, readings []extract.Field, want string, people []string) (extract.Field, bool) {
	if p.cfg.Glyphs == nil {
		return f, false
	}
	if nf, ok := p.lengthRefutesBlank(img, f, want); ok {
		return nf, true
	}
	n, ok := agreedName(readings, want)
	if !ok {
		return f, false
	}
	v := []rune(n.Value)
	rule := glyphRule{alphabet: blankRivals(v, want, people), floor: glyphFloor, margin: refuteMargin,
		dirFloor: 0, asWritten: true}
	for _, span := range blankSpans(img, f.Box, len(v)) {
		if _, ok := p.spanShows(img, span, v, rule); ok {
			n.Box, n.Read = f.Box, f.Value
			return n, true
		}
	}
	return f, false
}

// agreedName is the name of two to four Han characters, not want, that
// most readings name (agreeMin or more, more than any other), each of
// its characters read at mismatchConf or more in one of them, with
// every character it differs in from an equally long want not one the
// OCR is known to mistake for want's.
func agreedName(readings []extract.Field, want string) (extract.Field, bool) {
	names, confs := map[string]int{}, map[string][]float64{}
	for _, f := range readings {
		name, cs, ok := hanName(f)
		if !ok || name == extract.Canon(want) {
			continue
		}
		names[name]++
		confs[name] = maxEach(confs[name], cs)
	}
	best, n, tie := "", 0, false
	for name, c := range names {
		switch {
		case c > n:
			best, n, tie = name, c, false
		case c == n:
			tie = true
		}
	}
	if n < agreeMin || tie || slices.Min(confs[best]) < mismatchConf || confusedWith(best, want) {
		return extract.Field{}, false
	}
	return extract.Field{Value: best, Conf: slices.Min(confs[best]), Confs: confs[best]}, true
}

// hanName is the Han characters of a reading f and their confidences,
// when they are two to four.
func hanName(f extract.Field) (string, []float64, bool) {
	rs := []rune(f.Value)
	if len(f.Confs) != len(rs) {
		return "", nil, false
	}
	var name []rune
	var cs []float64
	for i, r := range rs {
		if unicode.Is(unicode.Han, r) {
			name, cs = append(name, r), append(cs, f.Confs[i])
		}
	}
	return string(name), cs, len(name) >= 2 && len(name) <= 4
}

// maxEach is the larger of a and b at each position (b when a is nil).
func maxEach(a, b []float64) []float64 {
	if a == nil {
		return slices.Clone(b)
	}
	for i := range a {
		a[i] = max(a[i], b[i])
	}
	return a
}

// confusedWith reports whether the equally long names a and b differ
// only in characters the OCR is known to mistake for each other.
func confusedWith(a, b string) bool {
	x, y := []rune(a), []rune(extract.Canon(b))
	if len(x) != len(y) {
		return false
	}
	for i := range x {
		if x[i] != y[i] && !extract.Confusable(x[i], y[i]) {
			return false
		}
	}
	return true
}

// lengthRefutesBlank reports whether the page's reading f of the
// administrator blank, a name of another length than want, is by its
// ink's length and surname surely not want (lengthRefutes), and f raised
// to mismatchConf.
func (p *Pipeline) lengthRefutesBlank(img *image.Gray, f extract.Field, want string) (extract.Field, bool) {
	name, _, ok := hanName(f)
	e, v := []rune(extract.Canon(want)), []rune(name)
	if !ok || !allHan(string(e)) || len(v) == len(e) || !p.lengthRefutes(img, f, v, e) {
		return f, false
	}
	return extract.Field{Value: name, Conf: mismatchConf, Box: f.Box, Read: f.Value}, true
}
