package extract

import (
	"regexp"
	"strings"
	"unicode"

	"github.com/qualcheck/qualcheck/ocr"
)

// TemplateChange is a place where a letter's printed text departs from
// its template: a clause piece changed or removed (Found is what stands
// there, "" when nothing does), or text added between clauses (Expected
// is "").
type TemplateChange struct {
	Clause   string // the clause as the template words it, blanks as {{name}}
	Expected string
	Found    string
	Box      ocr.Box
	// Gap is, for a removed piece, the page's band where it would stand:
	// between the rows of the text read before and after it, as wide as
	// the page's text. Empty when the piece had no text read before and
	// after it, or those stand on one row.
	Gap ocr.Box
}

// TemplateComparison is how a letter page compares with its template.
type TemplateComparison struct {
	// Similarity is 1 − edits / characters over the template's fixed
	// text (punctuation aside).
	Similarity float64
	Changes    []TemplateChange
}

// Thresholds of a real edit, against OCR noise: chi_sim misreads a
// printed character here and there (1–3 % on a clean photo, shared/notes)
// but seldom minEditRun in a row read surely; a fixed piece that aligns
// with more than missingShare of its characters wrong is not there.
const (
	minPiece     = 4    // shorter fixed pieces ("日期：") are not compared
	minEditRun   = 3    // consecutive differing characters that make an edit
	editConf     = 0.6  // mean confidence of the found characters of an edit
	minShortEdit = 2    // a shorter run is an edit when read this surely:
	shortConf    = 0.85 // 全部 changed to 相应 in "承担全部责任" (seed-7 app-7-00015)
	missingShare = 0.55 // a piece this wrong is removed
	minAdded     = 8    // characters between clauses that make an added clause
)

var punctRe = regexp.MustCompile(`[\p{P}\p{S}\s]`)

// bare is s canonical, without punctuation or spaces.
func bare(s string) []rune {
	return []rune(punctRe.ReplaceAllString(Canon(s), ""))
}

// CompareTemplate aligns the printed text of a letter page with the fixed
// text of its template, piece by piece (a clause cut at its blanks), and
// lists the edits that OCR noise does not explain.
func CompareTemplate(p ocr.Page, t Template) TemplateComparison {
	text := pageGlyphs(rows(p))
	var cmp TemplateComparison
	total, edits, prevEnd := 0, 0, -1
	prevFill := false // the previous clause ended in a blank: a fill follows it
	var gapless []int // removed pieces awaiting the text read after them
	for _, clause := range t.Clauses {
		for k, piece := range blankRe.Split(clause, -1) {
			want := bare(piece)
			if len(want) < minPiece {
				continue
			}
			first := k == 0 // the clause's start is anchored: text before it is between clauses
			al := alignPiece(want, text)
			total, edits = total+len(want), edits+min(al.dist, len(want))
			changes := pieceChanges(clause, want, text, al)
			if !al.ok(len(want)) && len(changes) > 0 && prevEnd > 0 {
				gapless = append(gapless, len(cmp.Changes))
			}
			cmp.Changes = append(cmp.Changes, changes...)
			if first && !prevFill && prevEnd >= 0 && al.ok(len(want)) {
				cmp.Changes = append(cmp.Changes, addedBetween(text, prevEnd, al.start)...)
			}
			if al.ok(len(want)) {
				for _, i := range gapless {
					cmp.Changes[i].Gap = gapBetween(text, prevEnd-1, al.start)
				}
				prevEnd, gapless = al.end, nil
			}
		}
		prevFill = strings.HasSuffix(clause, "}}")
	}
	if total > 0 {
		cmp.Similarity = 1 - float64(edits)/float64(total)
	}
	return cmp
}

// gapBetween is the band between the rows of text[before] and
// text[after], as wide as all of text; empty when they share a row.
func gapBetween(text []glyph, before, after int) ocr.Box {
	a, b := text[before].box, text[after].box
	top, bottom := a.Y+a.H, b.Y
	if bottom <= top {
		return ocr.Box{}
	}
	all := span(text).box()
	return ocr.Box{X: all.X, Y: top, W: all.W, H: bottom - top}
}

// pageGlyphs is the page's text in reading order without punctuation or
// spaces, which the OCR reads least reliably.
func pageGlyphs(rs []row) []glyph {
	var out []glyph
	for _, r := range rs {
		for _, g := range r.glyphs {
			c := []rune(Canon(string(g.r)))
			if len(c) == 1 && (unicode.IsLetter(c[0]) || unicode.IsDigit(c[0])) {
				g.r = c[0]
				out = append(out, g)
			}
		}
	}
	return out
}

// alignment is the best place of a piece in the page text: text[start:end]
// at dist edits, and per piece rune whether it matched.
type alignment struct {
	start, end, dist int
	matched          []bool
	foundAt          [][2]int // for each piece rune, the text range aligned to it
}

func (a alignment) ok(n int) bool { return float64(a.dist) <= missingShare*float64(n) }

// alignPiece finds where want best fits in text (semi-global edit
// distance: text before and after is free).
func alignPiece(want []rune, text []glyph) alignment {
	n, m := len(want), len(text)
	d := make([][]int, n+1)
	for i := range d {
		d[i] = make([]int, m+1)
		d[i][0] = i
	}
	for i := 1; i <= n; i++ {
		for j := 1; j <= m; j++ {
			sub := d[i-1][j-1]
			if want[i-1] != text[j-1].r {
				sub++
			}
			d[i][j] = min(sub, d[i-1][j]+1, d[i][j-1]+1)
		}
	}
	end := 0
	for j := 1; j <= m; j++ {
		if d[n][j] < d[n][end] {
			end = j
		}
	}
	return traceBack(d, want, text, end)
}

// traceBack walks the table back from (len(want), end) to recover which
// piece runes matched and the text each stands against.
func traceBack(d [][]int, want []rune, text []glyph, end int) alignment {
	n := len(want)
	al := alignment{end: end, dist: d[n][end], matched: make([]bool, n), foundAt: make([][2]int, n)}
	i, j := n, end
	for i > 0 {
		switch {
		case j > 0 && d[i][j] == d[i-1][j-1]+boolInt(want[i-1] != text[j-1].r):
			al.matched[i-1], al.foundAt[i-1] = want[i-1] == text[j-1].r, [2]int{j - 1, j}
			i, j = i-1, j-1
		case d[i][j] == d[i-1][j]+1:
			al.foundAt[i-1] = [2]int{j, j}
			i--
		default:
			j--
		}
	}
	al.start = j
	return al
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

// pieceChanges reports a removed piece, or each run of minEditRun or more
// differing characters whose found characters were read surely.
//
// A piece that says where the seal goes (申请单位（盖章）) is not reported
// removed: the seal stamped on it hides it from the OCR.
func pieceChanges(clause string, want []rune, text []glyph, al alignment) []TemplateChange {
	if !al.ok(len(want)) {
		if strings.Contains(string(want), "盖章") {
			return nil
		}
		return []TemplateChange{{Clause: clause, Expected: string(want)}}
	}
	var out []TemplateChange
	for i := 0; i < len(want); {
		if al.matched[i] {
			i++
			continue
		}
		j := i
		for j < len(want) && !al.matched[j] {
			j++
		}
		if j-i >= minShortEdit {
			found := span(text[al.foundAt[i][0]:al.foundAt[j-1][1]])
			// Characters lost without a trace are the OCR's (a seal over
			// 盖章 hides them); an edit leaves other characters there.
			if len(found) > 0 && found.meanConf() >= editConfFor(j-i) {
				out = append(out, TemplateChange{Clause: clause, Expected: string(want[i:j]), Found: found.text(), Box: found.box()})
			}
		}
		i = j
	}
	return out
}

// editConfFor is the mean confidence a run of n differing characters
// must be read at to be an edit.
func editConfFor(n int) float64 {
	if n < minEditRun {
		return shortConf
	}
	return editConf
}

// addedBetween reports text between two clauses that belongs to neither.
func addedBetween(text []glyph, from, to int) []TemplateChange {
	if to-from < minAdded || from < 0 || to > len(text) {
		return nil
	}
	s := span(text[from:to])
	if s.meanConf() < editConf {
		return nil
	}
	return []TemplateChange{{Found: s.text(), Box: s.box()}}
}

func (s span) meanConf() float64 {
	if len(s) == 0 {
		return 0
	}
	sum := 0.0
	for _, g := range s {
		sum += g.conf
	}
	return sum / float64(len(s))
}
