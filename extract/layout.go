package extract

import (
	"sort"
	"strings"
	"unicode"

	"github.com/qualcheck/qualcheck/ocr"
)

// glyph is one recognised character with the word it came from.
type glyph struct {
	r    rune
	conf float64
	box  ocr.Box
}

// row is a visual text row: words whose vertical centres line up, in
// left-to-right order, flattened into glyphs so that labels split or
// merged by the OCR can be found by text.
type row struct {
	glyphs []glyph
	box    ocr.Box
	segs   []seg
}

// seg is one OCR line inside a row: its glyph range and box.
type seg struct {
	start, end int
	box        ocr.Box
}

func (r row) text() string {
	var b strings.Builder
	for _, g := range r.glyphs {
		b.WriteRune(g.r)
	}
	return b.String()
}

// rows groups a page's lines into visual rows by following each row to
// the right from its leftmost line: the next line must start shortly
// after the current one ends, at about the same height and size. Rows
// so found follow a tilted photo, where a fixed band across the page
// would mix lines. Tesseract's own lines are kept whole: inside a line
// its word boxes of Han text overlap and cannot be re-sorted. Spaces are
// dropped: documents space labels freely ("名 称"). Rows come top to
// bottom.
func rows(p ocr.Page) []row {
	lines := make([]ocr.Line, 0, len(p.Lines))
	for _, l := range p.Lines {
		if len(l.Words) > 0 {
			lines = append(lines, l)
		}
	}
	lines = joinSpacedLabels(lines)
	sort.SliceStable(lines, func(i, j int) bool { return lines[i].Box.X < lines[j].Box.X })
	used := make([]bool, len(lines))
	var out []row
	for i := range lines {
		if used[i] {
			continue
		}
		chain := []ocr.Line{lines[i]}
		used[i] = true
		for cur := i; ; {
			next := nextInRow(lines, used, cur)
			if next < 0 {
				break
			}
			used[next] = true
			chain = append(chain, lines[next])
			cur = next
		}
		out = append(out, makeRow(chain))
	}
	sort.SliceStable(out, func(i, j int) bool { return centreY(out[i].box) < centreY(out[j].box) })
	return out
}

func centreY(b ocr.Box) int { return b.Y + b.H/2 }

// nextInRow finds the unused line that continues line cur's row: it
// starts within maxGap after cur ends, its centre within half a
// height, and neither is less than 40 % of the other's height.
func nextInRow(lines []ocr.Line, used []bool, cur int) int {
	c := lines[cur].Box
	best, bestGap := -1, 0
	for j, l := range lines {
		b := l.Box
		if used[j] || b.X < c.X+c.W/2 {
			continue
		}
		lo, hi := min(b.H, c.H), max(b.H, c.H)
		gap := b.X - (c.X + c.W)
		if gap > maxGap(lines[cur], hi) || gap < -hi || 5*lo < 2*hi || 2*abs(centreY(b)-centreY(c)) > hi {
			continue
		}
		if best < 0 || gap < bestGap {
			best, bestGap = j, gap
		}
	}
	return best
}

// spacedLabels are two-character labels printed with a wide gap
// ("住　　　所"), which the OCR returns as two lines; the second half often
// starts the value's line.
var spacedLabels = []string{"名称", "类型", "住所", "姓名", "性别", "民族", "出生", "住址"}

// joinSpacedLabels puts the lone first character of a spaced label in
// front of the line, to its right on the same height, that starts with
// the label's second character.
func joinSpacedLabels(lines []ocr.Line) []ocr.Line {
	for i := range lines {
		t := []rune(lines[i].Text())
		if len(t) != 1 {
			continue
		}
		for _, lab := range spacedLabels {
			if r := []rune(lab); r[0] == t[0] {
				if j := secondHalf(lines, i, r[1]); j >= 0 {
					lines[j].Words = append(append([]ocr.Word{}, lines[i].Words...), lines[j].Words...)
					lines[j].Box = lines[j].Box.Union(lines[i].Box)
					lines[i].Words = nil
					break
				}
			}
		}
	}
	out := lines[:0]
	for _, l := range lines {
		if len(l.Words) > 0 {
			out = append(out, l)
		}
	}
	return out
}

// secondHalf finds the line right of line i, within ten of its heights,
// whose first word starts with r and sits on the same height.
func secondHalf(lines []ocr.Line, i int, r rune) int {
	c := lines[i].Box
	for j, l := range lines {
		if j == i || len(l.Words) == 0 {
			continue
		}
		w := l.Words[0].Box
		first := []rune(l.Words[0].Text)
		if len(first) == 0 || first[0] != r || w.X <= c.X || w.X-(c.X+c.W) > 10*c.H {
			continue
		}
		if 2*abs(centreY(w)-centreY(c)) <= max(w.H, c.H) {
			return j
		}
	}
	return -1
}

// maxGap is how far a row may jump to its next line: four heights, or
// eight after a lone character, the first half of a widely spaced label
// ("住　　　所").
func maxGap(l ocr.Line, h int) int {
	if len([]rune(l.Text())) == 1 {
		return 8 * h
	}
	return 4 * h
}

func makeRow(ls []ocr.Line) row {
	var r row
	for _, l := range ls {
		r.segs = append(r.segs, seg{start: len(r.glyphs), box: l.Box})
		for _, w := range l.Words {
			r.box = r.box.Union(w.Box)
			rs := []rune(strings.ReplaceAll(w.Text, " ", ""))
			for i, c := range rs {
				r.glyphs = append(r.glyphs, glyph{r: c, conf: w.Conf, box: glyphBox(w.Box, rs, i)})
			}
		}
		r.segs[len(r.segs)-1].end = len(r.glyphs)
	}
	return r
}

// glyphBox is rune i's share of its word's box b, by the runes' widths.
func glyphBox(b ocr.Box, rs []rune, i int) ocr.Box {
	if len(rs) <= 1 {
		return b
	}
	total, before := 0.0, 0.0
	for j, r := range rs {
		if j < i {
			before += RuneWidth(r)
		}
		total += RuneWidth(r)
	}
	x0 := int(float64(b.W) * before / total)
	x1 := int(float64(b.W) * (before + RuneWidth(rs[i])) / total)
	return ocr.Box{X: b.X + x0, Y: b.Y, W: max(1, x1-x0), H: b.H}
}

// RuneWidth is how wide a character prints, in Han character widths:
// Han characters and full-width forms fill a square, ASCII about half
// of one.
func RuneWidth(r rune) float64 {
	if r < 128 {
		return 0.5
	}
	return 1
}

// span is a run of glyphs: a value read from a document.
type span []glyph

func (s span) text() string {
	var b strings.Builder
	for _, g := range s {
		b.WriteRune(g.r)
	}
	return b.String()
}

// conf is the lowest glyph confidence: one unsure character makes the
// whole value unsure.
func (s span) conf() float64 {
	if len(s) == 0 {
		return 0
	}
	m := 1.0
	for _, g := range s {
		m = min(m, g.conf)
	}
	return m
}

func (s span) box() ocr.Box {
	var b ocr.Box
	for _, g := range s {
		b = b.Union(g.box)
	}
	return b
}

// trimPunct drops separators the OCR reads between a label and its value
// (colons, quotes, stray strokes) from both ends. A closing bracket that
// closes one inside the value stays.
func (s span) trimPunct() span {
	isP := func(r rune) bool {
		return strings.ContainsRune(":：;；,，.。'\"“”‘’|!！?？_-—~`、·/\\()（）[]【】<>《》〈〉«»", r)
	}
	for len(s) > 0 && isP(s[0].r) {
		s = s[1:]
	}
	for len(s) > 0 && isP(s[len(s)-1].r) && !(isCloser(s[len(s)-1].r) && hasOpener(s)) {
		s = s[:len(s)-1]
	}
	return s
}

func isCloser(r rune) bool { return strings.ContainsRune(")）〉》]】", r) }

func hasOpener(s span) bool {
	for _, g := range s {
		if strings.ContainsRune("(（〈《[【", g.r) {
			return true
		}
	}
	return false
}

// fixBrackets repairs the brackets of names and enterprise types, where
// the OCR reads （ as 〈 or 《 and drops a final ）: licences print
// full-width round brackets, balanced.
func fixBrackets(f Field) Field {
	if !f.Found() {
		return f
	}
	r := strings.NewReplacer("〈", "（", "《", "（", "(", "（", "〔", "（", "【", "（", "〉", "）", "》", "）", ")", "）", "〕", "）", "】", "）")
	v := r.Replace(f.Value)
	if strings.Count(v, "（") > strings.Count(v, "）") {
		v += "）"
		f.Confs = append(f.Confs, f.Conf)
	}
	f.Value = v
	return f
}

// labelHit is where a label was found in a row.
type labelHit struct {
	label      string
	row        int
	start, end int // glyph indexes in the row
}

// findLabels finds every occurrence of the labels in the rows. A label
// of four characters or more may differ by one character (OCR noise).
func findLabels(rs []row, labels []string) []labelHit {
	var hits []labelHit
	for i, r := range rs {
		t := []rune(r.text())
		for _, l := range labels {
			if s, e, ok := locate(t, []rune(l)); ok {
				hits = append(hits, labelHit{label: l, row: i, start: s, end: e})
			}
		}
	}
	return dropOverlaps(hits)
}

// locate finds label in t exactly, or with one substituted rune for long
// labels. It returns the glyph range.
func locate(t, label []rune) (int, int, bool) {
	n := len(label)
	best := -1
	for i := 0; i+n <= len(t); i++ {
		diff := 0
		for j := 0; j < n && diff < 2; j++ {
			switch {
			case t[i+j] == label[j]:
			case t[i+j] < 128 && unicode.IsDigit(t[i+j]):
				diff = 2 // a digit is the value's, never a misread label character
			default:
				diff++
			}
		}
		if diff == 0 {
			return i, i + n, true
		}
		if diff == 1 && n >= 4 && best < 0 {
			best = i
		}
	}
	if best >= 0 {
		return best, best + n, true
	}
	return locateSplit(t, label)
}

// locateSplit finds a label of five characters or more with one stray
// glyph read inside it ("实际用户和名称" for 实际用户名称).
func locateSplit(t, label []rune) (int, int, bool) {
	n := len(label)
	if n < 5 {
		return 0, 0, false
	}
	for i := 0; i+n+1 <= len(t); i++ {
		for k := 1; k < n; k++ {
			if string(t[i:i+k]) == string(label[:k]) && string(t[i+k+1:i+n+1]) == string(label[k:]) {
				return i, i + n + 1, true
			}
		}
	}
	return 0, 0, false
}

// dropOverlaps keeps the longer label where two overlap in one row
// ("法定代表人" over "代表人").
func dropOverlaps(hits []labelHit) []labelHit {
	sort.SliceStable(hits, func(i, j int) bool {
		return hits[i].end-hits[i].start > hits[j].end-hits[j].start
	})
	var out []labelHit
	for _, h := range hits {
		ok := true
		for _, o := range out {
			if o.row == h.row && h.start < o.end && o.start < h.end {
				ok = false
			}
		}
		if ok {
			out = append(out, h)
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].row != out[j].row {
			return out[i].row < out[j].row
		}
		return out[i].start < out[j].start
	})
	return out
}

// valueAfter is the text right of a label up to the next label in its row.
func valueAfter(rs []row, hits []labelHit, h labelHit) span {
	end := len(rs[h.row].glyphs)
	for _, o := range hits {
		if o.row == h.row && o.start >= h.end && o.start < end {
			end = o.start
		}
	}
	return span(rs[h.row].glyphs[h.end:end]).trimPunct()
}

// continuation appends the OCR lines below that carry on a wrapped
// value: a line that starts near the value's left edge, right under the
// last line taken, and holds no label.
func continuation(rs []row, hits []labelHit, h labelHit, v span, maxRows int) span {
	if len(v) == 0 {
		return v
	}
	left, gh := v[0].box.X, v[0].box.H
	bottom := v[len(v)-1].box.Y + gh
	for i := h.row + 1; i < len(rs) && i <= h.row+maxRows+2; i++ {
		sg, ok := segUnder(rs[i], hits, i, left, bottom, gh)
		if !ok {
			continue
		}
		v = append(v, span(rs[i].glyphs[sg.start:sg.end]).trimPunct()...)
		bottom = sg.box.Y + sg.box.H
		if maxRows--; maxRows == 0 {
			break
		}
	}
	return v
}

// segUnder finds the line of row r that starts within two glyphs of
// left and within one and a half glyphs below bottom, and is no label.
func segUnder(r row, hits []labelHit, ri, left, bottom, gh int) (seg, bool) {
	for _, sg := range r.segs {
		if abs(sg.box.X-left) > 2*gh || sg.box.Y < bottom-gh/2 || sg.box.Y > bottom+3*gh/2 {
			continue
		}
		for _, hit := range hits {
			if hit.row == ri && hit.start < sg.end && abs(r.glyphs[hit.start].box.X-sg.box.X) < 4*gh {
				return seg{}, false // a label, or a value right after its label
			}
		}
		return sg, true
	}
	return seg{}, false
}

func rowHasLabel(hits []labelHit, r int) bool {
	for _, h := range hits {
		if h.row == r {
			return true
		}
	}
	return false
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}
