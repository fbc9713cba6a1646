package main

import (
	"fmt"
	"math/rand/v2"
	"time"

	"github.com/qualcheck/qualcheck/extract"
)

// Identifier construction. Check characters come from package extract,
// the same code the verifier uses; a failure here is a bug in the
// generator (it only builds well-formed bodies), hence the panics.

func checkIDDigit(first17 string) byte {
	c, err := extract.IDCheckDigit(first17)
	if err != nil {
		panic(err)
	}
	return c
}

func checkUSCCChar(first17 string) byte {
	c, err := extract.USCCCheckChar(first17)
	if err != nil {
		panic(err)
	}
	return c
}

func digits(rng *rand.Rand, n int) string {
	b := make([]byte, n)
	for i := range b {
		b[i] = byte('0' + rng.IntN(10))
	}
	return string(b)
}

// makeID builds an 18-character resident ID number; seq's parity carries
// the sex (odd for men).
func makeID(region string, birth time.Time, seq int) string {
	s := fmt.Sprintf("%s%s%03d", region, birth.Format("20060102"), seq%1000)
	return s + string(checkIDDigit(s))
}

// idSeq draws the three order digits for a sex.
func idSeq(rng *rand.Rand, male bool) int {
	s := rng.IntN(500) * 2
	if male {
		s++
	}
	return s
}

// wrongIDCheck returns id with a check character that does not fit.
func wrongIDCheck(rng *rand.Rand, id string) string {
	good := id[17]
	for {
		c := "0123456789X"[rng.IntN(11)]
		if c != good {
			return id[:17] + string(c)
		}
	}
}

// mutateID changes one of the order digits and recomputes the check, so
// the result is a valid number one or two characters from id.
func mutateID(rng *rand.Rand, id string) string {
	b := []byte(id[:17])
	i := 14 + rng.IntN(2) // keep the sex digit
	old := b[i]
	for b[i] == old {
		b[i] = byte('0' + rng.IntN(10))
	}
	return string(b) + string(checkIDDigit(string(b)))
}

// orgCodeCheck is the GB 11714 check character of an 8-character body.
func orgCodeCheck(body string) byte {
	c, err := extract.OrgCodeCheckChar(body)
	if err != nil {
		panic(err)
	}
	return c
}

// makeOrgCode draws a 9-character organisation code: "MA…" for
// enterprises founded since the 2015 reform, digits before.
func makeOrgCode(rng *rand.Rand, founded time.Time) string {
	var body string
	if founded.Year() >= 2016 {
		const al = "0123456789ABCDEFGHJKLMNPQRTUWXY"
		b := []byte("MA")
		for len(b) < 8 {
			b = append(b, al[rng.IntN(len(al))])
		}
		body = string(b)
	} else {
		body = string(byte('1'+rng.IntN(7))) + digits(rng, 7)
	}
	return body + string(orgCodeCheck(body))
}

// makeUSCC builds a unified social credit code for an enterprise (91…).
func makeUSCC(region, org string) string {
	s := "91" + region + org
	return s + string(checkUSCCChar(s))
}

// mutateUSCC changes one digit of the region part and recomputes the
// check character, as a mistyped but valid code (the organisation code
// inside keeps its own check).
func mutateUSCC(rng *rand.Rand, code string) string {
	b := []byte(code[:17])
	i := 4 + rng.IntN(4)
	old := b[i]
	for b[i] == old {
		b[i] = byte('0' + rng.IntN(10))
	}
	return string(b) + string(checkUSCCChar(string(b)))
}

// formatOrgCode prints a code as on the certificate: 27182540-X.
func formatOrgCode(org string) string { return org[:8] + "-" + org[8:] }

func phoneNumber(rng *rand.Rand) string {
	return phonePrefixes[rng.IntN(len(phonePrefixes))] + digits(rng, 8)
}

// swapOneRune replaces the rune at a random position among those allowed
// by ok with a different rune from pool.
func swapOneRune(rng *rand.Rand, s string, pool []rune, ok func(i int, r rune) bool) string {
	rs := []rune(s)
	var idx []int
	for i, r := range rs {
		if ok(i, r) {
			idx = append(idx, i)
		}
	}
	if len(idx) == 0 {
		return s
	}
	i := idx[rng.IntN(len(idx))]
	old := rs[i]
	for rs[i] == old {
		rs[i] = pool[rng.IntN(len(pool))]
	}
	return string(rs)
}
