package main

import (
	"fmt"
	"math/rand/v2"
	"time"
)

// Dates are civil days held as UTC midnights.
type timeT = time.Time

func day(y, m, d int) time.Time { return time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC) }

// longTerm stands for 长期 validity.
var longTerm = day(2099, 12, 31)

func isLong(t time.Time) bool { return t.Equal(longTerm) }

func iso(t time.Time) string { return t.Format("2006-01-02") }

// cnDate is 2025年03月02日 (letters, licences).
func cnDate(t time.Time) string {
	return fmt.Sprintf("%04d年%02d月%02d日", t.Year(), int(t.Month()), t.Day())
}

// cnDateShort is 2002年5月9日 (older certificates).
func cnDateShort(t time.Time) string {
	return fmt.Sprintf("%d年%d月%d日", t.Year(), int(t.Month()), t.Day())
}

// dotDate is 2021.03.11 (back of ID card).
func dotDate(t time.Time) string { return t.Format("2006.01.02") }

func randDate(rng *rand.Rand, from, to time.Time) time.Time {
	if !to.After(from) {
		return from
	}
	n := int(to.Sub(from).Hours()/24) + 1
	return from.AddDate(0, 0, rng.IntN(n))
}

func addDays(t time.Time, n int) time.Time { return t.AddDate(0, 0, n) }

// addYears moves by whole years; 29 February becomes 28 February.
func addYears(t time.Time, n int) time.Time {
	if t.Month() == 2 && t.Day() == 29 {
		return day(t.Year()+n, 2, 28)
	}
	return t.AddDate(n, 0, 0)
}

// monthsBack moves back n calendar months, clamped to the month's end.
func monthsBack(t time.Time, n int) time.Time {
	y, m := t.Year(), int(t.Month())-n
	for m < 1 {
		m += 12
		y--
	}
	last := day(y, m+1, 0).Day()
	d := t.Day()
	if d > last {
		d = last
	}
	return day(y, m, d)
}

// yearsBetween is the age in whole years at t of someone born at b.
func yearsBetween(b, t time.Time) int {
	n := t.Year() - b.Year()
	if t.Month() < b.Month() || (t.Month() == b.Month() && t.Day() < b.Day()) {
		n--
	}
	return n
}
