package extract

import (
	"regexp"
	"slices"
	"strings"
	"unicode"

	"github.com/qualcheck/qualcheck/ocr"
)

// BlankDate is the blank of a letter's signature-block date;
// BlankDateText holds that date as written.
const (
	BlankDate     = "date"
	BlankDateText = "date_text"
)

// Letter reads the labelled blanks of a letter page against its
// template: each value is the text right of the blank's label, keyed by
// the blank's name ("admin_name", "date"). A blank whose label was read
// with nothing right of it is present with an empty Value and the
// label's box: the applicant left it empty. The date is parsed; when
// its label was not read, the last date on the page stands in for it,
// and failing that the row under the blank before (dateUnderBlank).
func Letter(p ocr.Page, t Template) Fields {
	rs := rows(p)
	labels := make([]string, 0, len(t.Blanks))
	for _, b := range t.Blanks {
		labels = append(labels, b.Label)
	}
	hits := findLabels(rs, labels)
	fs := Fields{}
	for _, b := range t.Blanks {
		h, ok := hitOf(hits, b.Label)
		misread := false
		if !ok {
			h, ok = misreadLabel(rs, hits, b.Label, t)
			misread = true
		}
		if !ok {
			continue
		}
		v := valueAfter(rs, hits, h)
		if len(v) == 0 && misread {
			continue // a misread label's blank is not known to be empty
		}
		if len(v) == 0 {
			fs[b.Name] = Field{Box: span(rs[h.row].glyphs[h.start:h.end]).box()}
			continue
		}
		if b.Name == BlankDate {
			fs[b.Name] = letterDate(v)
			fs[BlankDateText] = fieldOf(v)
			continue
		}
		if strings.HasSuffix(b.Name, "_phone") {
			v = phoneRun(v)
		}
		fs[b.Name] = fieldOf(v)
	}
	if _, ok := fs[BlankDate]; !ok {
		fs.set(BlankDate, lastDate(rs))
	}
	if _, ok := fs[BlankDate]; !ok {
		if v, ok := dateUnderBlank(rs, hits, t); ok {
			fs[BlankDate], fs[BlankDateText] = letterDate(v), fieldOf(v)
		}
	}
	return fs
}

// dateUnderBlank is the written date of a letter whose 日期 label was
// not read and on which no date was found whole (日有:2025和11有日,
// generated app-1-00012): the template puts
// the date's line under the blank before it (the commitment letter's
// signature line between them), so it is the first of the three rows
// under that blank's label that starts at about the label's left edge
// and holds four digits after the first colon in its first few
// characters (the label as misread); false when there is none.
func dateUnderBlank(rs []row, hits []labelHit, t Template) (span, bool) {
	before, ok := t.BlankBefore(BlankDate)
	if !ok {
		return nil, false
	}
	h, ok := hitOf(hits, before.Label)
	if !ok {
		return nil, false
	}
	label := span(rs[h.row].glyphs[h.start:h.end]).box()
	side := max(1, label.H)
	for _, next := range rs[h.row+1 : min(len(rs), h.row+4)] {
		if len(next.glyphs) == 0 || abs(next.glyphs[0].box.X-label.X) > 2*side {
			continue
		}
		if v := afterColon(span(next.glyphs)); len(Digits(v.text())) >= 4 {
			return v, true
		}
	}
	return nil, false
}

// afterColon is s after the first colon (or the semicolon the OCR reads
// for one) among its first four characters, or after its first two (a
// two-character label) when none is there.
func afterColon(s span) span {
	for i := 0; i < min(4, len(s)); i++ {
		if strings.ContainsRune(":：;；", s[i].r) {
			return s[i+1:]
		}
	}
	return s[min(2, len(s)):]
}

// phoneRun is the telephone number in a phone blank's text: its longest
// run of digits and hyphens, when that holds seven digits or more; the
// text as read otherwise. A stroke beside the fill ("13083419202本") is
// no part of the number.
func phoneRun(s span) span {
	best, start := span(nil), 0
	for i := 0; i <= len(s); i++ {
		if i < len(s) && (unicode.IsDigit(s[i].r) && s[i].r < 128 || s[i].r == '-') {
			continue
		}
		if i-start > len(best) {
			best = s[start:i]
		}
		start = i + 1
	}
	if strings.Count(best.text(), "-") > len(best)-7 {
		return s
	}
	return best
}

// hitOf is the last place a label was found: blanks sit at the end of a
// letter, below any clause that happens to hold the same words.
func hitOf(hits []labelHit, label string) (labelHit, bool) {
	var out labelHit
	ok := false
	for _, h := range hits {
		if h.label == label {
			out, ok = h, true
		}
	}
	return out, ok
}

// looseDateRe is a written date whose 年, 月 or 日 the OCR garbled:
// "2025年03月09委", "2025年居3月09日".
var looseDateRe = regexp.MustCompile(`([0-9]{4})[^0-9]{1,2}([0-9]{1,2})[^0-9]{1,2}([0-9]{1,2})`)

// letterDate parses a signature-block date; a date found only by the
// loose pattern is kept at unsureConf at most, and text that holds no
// date is kept as read at confidence 0 (something is written there).
func letterDate(s span) Field {
	if f := dateField(s); f.Found() {
		if dayCut(fieldOf(s).Value) {
			f.Conf = min(f.Conf, cutConf)
		}
		return f
	}
	f := fieldOf(s)
	f.Confs = nil
	m := looseDateRe.FindStringSubmatch(foldOnes(foldWidth(f.Value)))
	if m == nil {
		f.Conf = 0
		return f
	}
	d, ok := ymdFromDigits(m[1], m[2], m[3], 1900, 2100)
	if !ok {
		f.Conf = 0
		return f
	}
	return Field{Value: d.String(), Conf: min(f.Conf, unsureConf), Box: f.Box}
}

// twoDigitMonth reports whether a date written with 年 and 月 gives its
// month two digits.
func twoDigitMonth(date string) bool {
	_, after, ok := strings.Cut(date, "年")
	month, _, ok2 := strings.Cut(after, "月")
	month = strings.TrimSpace(month)
	return ok && ok2 && len(month) == 2 && isASCIIDigit(rune(month[0])) && isASCIIDigit(rune(month[1]))
}

// cutConf is the confidence of a date whose day may have lost a digit.
const cutConf = 0.3

// dayCut reports whether the first date in s ends in a one-digit day
// followed by something other than 日: a written "17日" read "1让"
// (generated app-1-00037) is a day that lost its second digit to the
// garbage after it, not the 1st. At the text's end, a one-digit day
// after a month of two digits lost a digit too: letters write 01月27日
// or 1月27日, and "2025年01月2" was a written 27日 read at 0.91 (generated
// app-23-00016, a clean application rejected).
func dayCut(s string) bool {
	ms := FindDates(s)
	if len(ms) == 0 {
		return false
	}
	m, rs := ms[0], []rune(s)
	text := []rune(m.Text)
	if text[len(text)-1] == '日' || (m.End < len(rs) && (rs[m.End] == '日' || isBlank(rs[m.End]))) {
		return false
	}
	if m.End >= len(rs) && !twoDigitMonth(m.Text) {
		return false
	}
	digits := 0
	for i := len(text) - 1; i >= 0 && text[i] >= '0' && text[i] <= '9'; i-- {
		digits++
	}
	return digits == 1
}

// lastDate is the last date written on the page, read as letterDate
// reads a signature-block date.
func lastDate(rs []row) Field {
	for i := len(rs) - 1; i >= 0; i-- {
		f := letterDate(span(rs[i].glyphs))
		if _, err := ParseISODate(f.Value); err == nil {
			return f
		}
	}
	return Field{}
}

// misreadLabel is the hit of a blank's label of four characters or more
// that the OCR misread beyond findLabels' one character (宗用记名称 for
// 实际用户名称, generated app-19-00028): a row no label was found in whose
// text before its first colon, within the label's length and two more,
// is at most half the label's characters from it (edit distance,
// punctuation dropped) and nearer it than to the start of any other
// clause of the template (the signature line 实际用户签字（盖章） is two
// from 实际用户名称).
func misreadLabel(rs []row, hits []labelHit, label string, t Template) (labelHit, bool) {
	want := bare(label)
	if len(want) < 4 {
		return labelHit{}, false
	}
	for i, r := range rs {
		if slices.ContainsFunc(hits, func(h labelHit) bool { return h.row == i }) {
			continue
		}
		colon := slices.IndexFunc(r.glyphs, func(g glyph) bool { return strings.ContainsRune(":：;；", g.r) })
		if colon < 2 || colon > len(want)+2 {
			continue
		}
		prefix := bare(span(r.glyphs[:colon]).text())
		d := Levenshtein(prefix, want)
		if 2*d <= len(want) && nearestClause(prefix, label, t) || betweenClauses(rs, i, label, t) {
			return labelHit{label: label, row: i, start: 0, end: colon + 1}, true
		}
	}
	return labelHit{}, false
}

// betweenClauses reports whether row i of rs stands where the
// template puts label's line: the row before it ends the clause before
// label's, and the row after it begins the clause after (宗用六和浆 for
// 实际用户名称 under the seal's ring, four characters misread, between
// …并承担相应法律责任 and 实际用户签字(苦章), held-out app-43-00008).
func betweenClauses(rs []row, i int, label string, t Template) bool {
	c := slices.IndexFunc(t.Clauses, func(c string) bool { return strings.HasPrefix(Canon(c), Canon(label)) })
	if c < 1 || c+1 >= len(t.Clauses) || i < 1 || i+1 >= len(rs) {
		return false
	}
	return endsClause(rs[i-1].text(), t.Clauses[c-1]) && startsClause(rs[i+1].text(), t.Clauses[c+1])
}

// clauseWords is how many characters of a clause's start or end a row
// must show, at most half of them misread, to be taken for its start
// or end.
const clauseWords = 6

// startsClause reports whether text begins as clause does: its first
// characters up to its first blank, at most half of them misread.
func startsClause(text, clause string) bool {
	want := bare(blankRe.Split(clause, 2)[0])
	return nearWords(bare(text), want[:min(len(want), clauseWords)], true)
}

// endsClause reports whether text ends as clause does: its last
// characters, after its last blank, at most half of them misread; a
// clause that ends in a blank (a filled value) by its start.
func endsClause(text, clause string) bool {
	parts := blankRe.Split(clause, -1)
	want := bare(parts[len(parts)-1])
	if len(parts) > 1 && len(want) == 0 {
		return startsClause(text, clause)
	}
	return nearWords(bare(text), want[max(0, len(want)-clauseWords):], false)
}

// nearWords reports whether got's start (or end) is want with at most
// half its characters misread; want of fewer than two characters
// shows nothing.
func nearWords(got, want []rune, start bool) bool {
	if len(want) < 2 || len(got) < len(want)/2 {
		return false
	}
	n := min(len(got), len(want))
	if start {
		got = got[:n]
	} else {
		got = got[len(got)-n:]
	}
	return 2*Levenshtein(got, want) <= len(want)
}

// nearestClause reports whether prefix, a row's text before its colon,
// is nearer label than the start of every template clause that is not
// label's own, by edit distance.
func nearestClause(prefix []rune, label string, t Template) bool {
	d := Levenshtein(prefix, bare(label))
	for _, c := range t.Clauses {
		start := bare(blankRe.Split(c, 2)[0])
		if strings.HasPrefix(Canon(c), Canon(label)) || len(start) == 0 {
			continue
		}
		if Levenshtein(prefix, start[:min(len(start), len(prefix)+2)]) <= d {
			return false
		}
	}
	return true
}
