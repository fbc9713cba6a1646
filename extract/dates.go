package extract

import (
	"errors"
	"fmt"
	"regexp"
	"sort"
	"strings"
	"time"
	"unicode/utf8"
)

// ErrInvalidDate is wrapped by every date parsing error.
var ErrInvalidDate = errors.New("invalid date")

// Date is a calendar day without time zone.
type Date struct{ Y, M, D int }

// LongTerm is the value used for "长期" (no expiry) validity periods.
var LongTerm = Date{2099, 12, 31}

// String formats the date as YYYY-MM-DD.
func (d Date) String() string {
	return fmt.Sprintf("%04d-%02d-%02d", d.Y, d.M, d.D)
}

// Time returns midnight UTC of the day. The zero Date gives a normalised,
// meaningless time; check IsZero first.
func (d Date) Time() time.Time {
	return time.Date(d.Y, time.Month(d.M), d.D, 0, 0, 0, 0, time.UTC)
}

// IsZero reports whether d is the zero Date.
func (d Date) IsZero() bool { return d == Date{} }

// Before reports whether d is an earlier day than o.
func (d Date) Before(o Date) bool { return d.key() < o.key() }

// After reports whether d is a later day than o.
func (d Date) After(o Date) bool { return d.key() > o.key() }

// Equal reports whether d and o are the same day.
func (d Date) Equal(o Date) bool { return d == o }

func (d Date) key() int { return d.Y*10000 + d.M*100 + d.D }

// valid reports whether d is a real calendar day (year 1 or later).
func (d Date) valid() bool {
	return d.Y >= 1 && d.M >= 1 && d.M <= 12 && d.D >= 1 && d.D <= daysIn(d.Y, d.M)
}

// daysIn returns the number of days in month m of year y.
func daysIn(y, m int) int {
	return time.Date(y, time.Month(m)+1, 0, 0, 0, 0, 0, time.UTC).Day()
}

// DaysBetween returns the number of days from a to b (negative when b is
// before a).
func DaysBetween(a, b Date) int {
	return int(b.Time().Sub(a.Time()).Hours() / 24)
}

// AddCalendarMonths moves d by n calendar months (n may be negative). When the
// target month is shorter, the day is clamped to its last day instead of
// rolling over: 2026-05-31 −3 → 2026-02-28, 2026-03-31 +1 → 2026-04-30.
func AddCalendarMonths(d Date, n int) Date {
	total := d.Y*12 + d.M - 1 + n
	y, m := floorDiv(total, 12), total-floorDiv(total, 12)*12+1
	return Date{Y: y, M: m, D: min(d.D, daysIn(y, m))}
}

func floorDiv(a, b int) int {
	q := a / b
	if a%b != 0 && (a < 0) != (b < 0) {
		q--
	}
	return q
}

// ParseISODate parses a strict YYYY-MM-DD date and checks that the day exists.
func ParseISODate(s string) (Date, error) {
	if len(s) != 10 || s[4] != '-' || s[7] != '-' {
		return Date{}, fmt.Errorf("parse ISO date %q: want YYYY-MM-DD: %w", s, ErrInvalidDate)
	}
	y, okY := atoiASCII(s[0:4])
	m, okM := atoiASCII(s[5:7])
	d, okD := atoiASCII(s[8:10])
	if !okY || !okM || !okD {
		return Date{}, fmt.Errorf("parse ISO date %q: non-digit field: %w", s, ErrInvalidDate)
	}
	date := Date{y, m, d}
	if !date.valid() {
		return Date{}, fmt.Errorf("parse ISO date %q: no such day: %w", s, ErrInvalidDate)
	}
	return date, nil
}

// atoiASCII parses a non-empty run of ASCII digits.
func atoiASCII(s string) (int, bool) {
	if s == "" {
		return 0, false
	}
	n := 0
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return 0, false
		}
		n = n*10 + int(s[i]-'0')
	}
	return n, true
}

// DateMatch is one date found in a longer text. Start and End are rune
// offsets into the searched string, Text is the matched substring.
type DateMatch struct {
	Text       string
	Value      Date
	Start, End int
}

// TermDate is a date of a validity (FindTermDates).
type TermDate struct {
	DateMatch
	// Mended is set on a date found only once a misread 年 was put
	// back: its reading is unsure.
	Mended bool
}

// dateForm is one written date form: a pattern over the width-folded text,
// a converter from its submatches, and whether the match must not touch a
// Latin letter (the compact 8-digit form, which otherwise fires inside codes).
type dateForm struct {
	re        *regexp.Regexp
	convert   func(sub []string) (Date, bool)
	alnumEdge bool
}

const cnDigit = `〇○零O一二三四五六七八九`
const cnSmallNum = `一二三四五六七八九十廿卅`

var dateForms = []dateForm{
	{re: regexp.MustCompile(`(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})(?:\s*日)?`), convert: arabicYMD},
	{re: regexp.MustCompile(`(\d{4})\s*([./-])\s*(\d{1,2})\s*([./-])\s*(\d{1,2})`), convert: separatedYMD},
	{re: regexp.MustCompile(`\d{8}`), convert: compactYMD, alnumEdge: true},
	{re: regexp.MustCompile(`([` + cnDigit + `]{4})\s*年\s*([` + cnSmallNum + `]{1,3})\s*月\s*([` + cnSmallNum + `]{1,3})(?:\s*日)?`), convert: chineseYMD},
	{re: regexp.MustCompile(`[长長]期`), convert: func([]string) (Date, bool) { return LongTerm, true }},
}

// ParseDate parses a string that holds exactly one date (surrounding
// whitespace allowed) in any form FindDates recognises: 2026年11月1日,
// 2026.11.01, 2026-11-01, 2026/11/1, 20261101, 二〇二六年十一月一日,
// 2026年11月1 (OCR dropped 日), 长期/長期 (LongTerm), full-width digits and
// spaces between the parts. Impossible calendar days are rejected.
func ParseDate(s string) (Date, bool) {
	trimmed := []rune(strings.TrimFunc(s, isBlank))
	found := FindDates(string(trimmed))
	if len(found) != 1 || found[0].Start != 0 || found[0].End != len(trimmed) {
		return Date{}, false
	}
	return found[0].Value, true
}

// FindDates returns every date in s, in order of appearance, e.g. both ends
// of "2015.03.01-2035.03.01", "2021.09.18-长期" (the second is LongTerm) or
// "2002年11月12日至2052年11月11日". Candidates that are not real calendar days,
// or that sit inside a longer run of digits, are skipped. Years must be
// 1000-9999, and 1900-2099 for the bare 8-digit form.
func FindDates(s string) []DateMatch {
	folded := foldOnes(foldWidth(s))
	var all []DateMatch
	for _, f := range dateForms {
		all = append(all, f.find(s, folded)...)
	}
	sort.SliceStable(all, func(i, j int) bool { return all[i].Start < all[j].Start })
	return dropOverlappingDates(all)
}

// lostYearMark is a date whose 年 the OCR read as another character,
// its 月 and 日 read: four digits, one character neither a digit, a
// space nor 年, then the month and day (2043征04月26日).
var lostYearMark = regexp.MustCompile(`(\d{4})[^\d\s年](\d{1,2}月\d{1,2}日)`)

// FindTermDates returns the dates of a validity as FindDates does and,
// where it finds fewer than two, those a misread 年 hid, put back and
// marked so: a tilted licence's 2013年04月27日至2043征04月26日
// (generated app-67-00005) held no end date. A date's 日 is asked for,
// so only a validity's dates are so mended, not a letter's written date
// (2025征12月26则 stays unread).
func FindTermDates(s string) []TermDate {
	ms, from := FindDates(s), s
	if len(ms) < 2 {
		if mended := lostYearMark.ReplaceAllString(s, "${1}年${2}"); mended != s {
			ms, from = FindDates(mended), mended
		}
	}
	was, now := []rune(s), []rune(from)
	out := make([]TermDate, len(ms))
	for i, m := range ms {
		m.Text = string(was[m.Start:m.End])
		out[i] = TermDate{DateMatch: m, Mended: m.Text != string(now[m.Start:m.End])}
	}
	return out
}

// find returns the matches of one form; orig and folded have equal rune counts.
func (f dateForm) find(orig, folded string) []DateMatch {
	var out []DateMatch
	origRunes := []rune(orig)
	for _, loc := range f.re.FindAllStringSubmatchIndex(folded, -1) {
		if !f.edgesOK(folded, loc[0], loc[1]) {
			continue
		}
		d, ok := f.convert(dateSubmatches(folded, loc))
		if !ok || !d.valid() {
			continue
		}
		start := utf8.RuneCountInString(folded[:loc[0]])
		end := start + utf8.RuneCountInString(folded[loc[0]:loc[1]])
		out = append(out, DateMatch{Text: string(origRunes[start:end]), Value: d, Start: start, End: end})
	}
	return out
}

// edgesOK rejects a match that continues a digit run (or, for the compact
// form, any ASCII letter or digit run) on either side.
func (f dateForm) edgesOK(s string, start, end int) bool {
	before, _ := utf8.DecodeLastRuneInString(s[:start])
	after, _ := utf8.DecodeRuneInString(s[end:])
	last, _ := utf8.DecodeLastRuneInString(s[start:end])
	if f.alnumEdge {
		return !isASCIIAlnum(before) && !isASCIIAlnum(after)
	}
	return !isASCIIDigit(before) && !(isASCIIDigit(last) && isASCIIDigit(after))
}

func dateSubmatches(s string, loc []int) []string {
	sub := make([]string, len(loc)/2)
	for i := range sub {
		if loc[2*i] >= 0 {
			sub[i] = s[loc[2*i]:loc[2*i+1]]
		}
	}
	return sub
}

// dropOverlappingDates keeps the first of any overlapping matches (sorted by Start).
func dropOverlappingDates(sorted []DateMatch) []DateMatch {
	var out []DateMatch
	for _, m := range sorted {
		if len(out) > 0 && m.Start < out[len(out)-1].End {
			continue
		}
		out = append(out, m)
	}
	return out
}

// foldOnes reads the strokes the OCR gives for a 1 beside a digit
// (]、|、l、I、i、J、j: "2002年1]月12日", a handwritten "06月J7日") as 1,
// rune for rune.
func foldOnes(s string) string {
	rs := []rune(s)
	for i, r := range rs {
		if !strings.ContainsRune("]|lIiJj", r) {
			continue
		}
		if (i > 0 && isASCIIDigit(rs[i-1])) || (i+1 < len(rs) && isASCIIDigit(rs[i+1])) {
			rs[i] = '1'
		}
	}
	return string(rs)
}

// foldWidth maps full-width ASCII to ASCII and U+3000 to a space, rune for
// rune, so that rune offsets in the result equal those in s.
func foldWidth(s string) string {
	return strings.Map(func(r rune) rune {
		switch {
		case r >= '！' && r <= '～':
			return r - '！' + '!'
		case r == '\u3000':
			return ' '
		}
		return r
	}, s)
}

func arabicYMD(sub []string) (Date, bool) {
	return ymdFromDigits(sub[1], sub[2], sub[3], 1000, 9999)
}

func separatedYMD(sub []string) (Date, bool) {
	if sub[2] != sub[4] {
		return Date{}, false
	}
	return ymdFromDigits(sub[1], sub[3], sub[5], 1000, 9999)
}

func compactYMD(sub []string) (Date, bool) {
	return ymdFromDigits(sub[0][0:4], sub[0][4:6], sub[0][6:8], 1900, 2099)
}

func ymdFromDigits(ys, ms, ds string, minY, maxY int) (Date, bool) {
	y, _ := atoiASCII(ys)
	m, _ := atoiASCII(ms)
	d, _ := atoiASCII(ds)
	return Date{y, m, d}, y >= minY && y <= maxY
}

func chineseYMD(sub []string) (Date, bool) {
	y, okY := chineseDigitString(sub[1])
	m, okM := chineseSmallNumber(sub[2])
	d, okD := chineseSmallNumber(sub[3])
	return Date{y, m, d}, okY && okM && okD && y >= 1000
}

// chineseDigitString reads digit-by-digit numerals such as 二〇二六.
func chineseDigitString(s string) (int, bool) {
	n := 0
	for _, r := range s {
		v, ok := chineseDigitValue(r)
		if !ok {
			return 0, false
		}
		n = n*10 + v
	}
	return n, true
}

func chineseDigitValue(r rune) (int, bool) {
	switch r {
	case '〇', '○', '零', 'O':
		return 0, true
	}
	if i := strings.IndexRune("一二三四五六七八九", r); i >= 0 {
		return utf8.RuneCountInString("一二三四五六七八九"[:i]) + 1, true
	}
	return 0, false
}

// chineseSmallNumber reads 1-39 written as 一, 十, 十一, 二十, 二十一, 廿一, 卅一.
func chineseSmallNumber(s string) (int, bool) {
	tens, units, seenTen := 0, 0, false
	for _, r := range s {
		switch {
		case r == '十' && !seenTen:
			tens, units, seenTen = max(units, 1), 0, true
		case r == '廿' && !seenTen && units == 0:
			tens, seenTen = 2, true
		case r == '卅' && !seenTen && units == 0:
			tens, seenTen = 3, true
		default:
			v, ok := chineseDigitValue(r)
			if !ok || v == 0 || units != 0 {
				return 0, false
			}
			units = v
		}
	}
	return tens*10 + units, true
}

func isASCIIDigit(r rune) bool { return r >= '0' && r <= '9' }

func isASCIIAlnum(r rune) bool {
	return isASCIIDigit(r) || (r >= 'A' && r <= 'Z') || (r >= 'a' && r <= 'z')
}
