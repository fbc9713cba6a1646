package extract

import (
	"strings"
)

// ID cards are valid for 5, 10 or 20 years to the day, or long-term
// (居民身份证法 art. 5): the end date repeats the start's month and day.
var idTermYears = []int{5, 10, 20}

// PlausibleIDTerm reports whether from–to is a validity an ID card can
// print: to is long-term or from plus 5, 10 or 20 years.
func PlausibleIDTerm(from, to Date) bool {
	if to == LongTerm {
		return from.valid() && from.Before(to)
	}
	for _, y := range idTermYears {
		if AddCalendarMonths(from, 12*y) == to && from.valid() {
			return true
		}
	}
	return false
}

// checkedConf is the confidence of a validity read whole that obeys the
// ID rule: like a check digit, the rule catches almost every misread
// digit (the end must repeat the start's month and day, 5, 10 or 20
// years on), whatever confidence the OCR gave the digits.
const checkedConf = 0.8

// inferredConf is the confidence given to a date completed from the ID
// validity rule rather than read whole: reviewers see it as unsure.
const inferredConf = 0.6

// FitIDTerm settles an ID card's validity from several reads of the same
// band (the page read, a crop read, a digits-only crop read). It takes
// the first read that spells a plausible validity, also when its
// separators were lost ("200711.30-2027.11.30"). Failing that, it fits
// the validity rule to all the reads' digits (fitIDTerm), at
// inferredConf at most.
func FitIDTerm(reads []Field) (Field, Field, bool) {
	for _, r := range reads {
		for _, pair := range termCandidates(r.Value) {
			if PlausibleIDTerm(pair[0], pair[1]) {
				conf := max(r.Conf, checkedConf)
				return dateOf(r, pair[0], conf), dateOf(r, pair[1], conf), true
			}
		}
	}
	return fitIDTerm(reads)
}

// termCandidates lists the date pairs a validity read may spell: the
// dates it holds as written, and its digits cut as YYYYMMDDYYYYMMDD.
func termCandidates(s string) [][2]Date {
	var out [][2]Date
	from, to := Term(Field{Value: s})
	a, err1 := ParseISODate(from.Value)
	b, err2 := ParseISODate(to.Value)
	if err1 == nil && err2 == nil {
		out = append(out, [2]Date{a, b})
	}
	d := Digits(s)
	if len(d) == 16 {
		a, ok1 := ymdFromDigits(d[0:4], d[4:6], d[6:8], 1900, 2100)
		b, ok2 := ymdFromDigits(d[8:12], d[12:14], d[14:16], 1900, 2100)
		if ok1 && ok2 {
			out = append(out, [2]Date{a, b})
		}
	}
	if len(d) == 8 && strings.Contains(s, "长期") {
		if a, ok := ymdFromDigits(d[0:4], d[4:6], d[6:8], 1900, 2100); ok {
			out = append(out, [2]Date{a, LongTerm})
		}
	}
	return out
}

// fitIDTerm finds the validity whose digits (YYYYMMDD twice, the end
// 5, 10 or 20 years after the start) are closest, in edits summed over
// the reads, to the digits read. Start years are those some read holds.
// It answers only for a single best fit that some read spells within
// maxFitEdits edits; a garbled read weighs at most fitCap.
func fitIDTerm(reads []Field) (Field, Field, bool) {
	var ds []string
	for _, r := range reads {
		if d := Digits(r.Value); len(d) >= 8 {
			ds = append(ds, d)
		}
	}
	if len(ds) == 0 {
		return Field{}, Field{}, false
	}
	best, bestD, bestNear, tie := [2]Date{}, 1<<30, 0, false
	for _, from := range startCandidates(ds) {
		for _, n := range idTermYears {
			to := AddCalendarMonths(from, 12*n)
			d, near := fitDistance(ds, []rune(Digits(from.String()+to.String())))
			switch {
			case d < bestD:
				best, bestD, bestNear, tie = [2]Date{from, to}, d, near, false
			case d == bestD:
				tie = true
			}
		}
	}
	if tie || bestNear > maxFitEdits {
		return Field{}, Field{}, false
	}
	conf := inferredConf
	for _, r := range reads {
		conf = min(conf, r.Conf)
	}
	return dateOf(reads[0], best[0], conf), dateOf(reads[0], best[1], conf), true
}

// maxFitEdits is how far the closest read may be from a fitted
// validity; fitCap bounds what one garbled read adds to a fit's distance.
const (
	maxFitEdits = 2
	fitCap      = 6
)

// fitDistance is the summed distance of the reads' digits to c, each
// read counting at most fitCap, and the distance of the closest read.
func fitDistance(ds []string, c []rune) (sum, near int) {
	near = 1 << 30
	for _, s := range ds {
		d := Levenshtein([]rune(s), c)
		sum += min(d, fitCap)
		near = min(near, d)
	}
	return sum, near
}

// startCandidates are the dates of every year that some read's first
// six digits hold (a four-digit run from 1950 to 2049).
func startCandidates(ds []string) []Date {
	years := map[int]bool{}
	for _, d := range ds {
		for i := 0; i+4 <= min(len(d), 6); i++ {
			if y, ok := atoiASCII(d[i : i+4]); ok && y >= 1950 && y < 2050 {
				years[y] = true
			}
		}
	}
	var out []Date
	for y := range years {
		for m := 1; m <= 12; m++ {
			for day := 1; day <= daysIn(y, m); day++ {
				out = append(out, Date{y, m, day})
			}
		}
	}
	return out
}

// Digits keeps the digits of s, full-width ones folded to ASCII.
func Digits(s string) string {
	var b strings.Builder
	for _, r := range foldWidth(s) {
		if isASCIIDigit(r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

func dateOf(r Field, d Date, conf float64) Field {
	return Field{Value: d.String(), Conf: conf, Box: r.Box}
}
