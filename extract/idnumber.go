package extract

import (
	"errors"
	"fmt"
)

// Sentinel errors specific to resident ID numbers (see also ErrIdentifier*).
var (
	ErrIdentifierDate   = errors.New("identifier has invalid date")
	ErrIdentifierRegion = errors.New("identifier has unknown region")
)

var idWeights = [17]int{7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2}

const idCheckDigits = "10X98765432"

// IDCheckDigit returns the GB 11643-1999 check digit of an 18-digit resident
// ID number given its first 17 digits (ISO 7064 MOD 11-2: '0'-'9' or 'X').
func IDCheckDigit(first17 string) (byte, error) {
	if len(first17) != 17 {
		return 0, fmt.Errorf("ID body %q: %d characters, want 17: %w", first17, len(first17), ErrIdentifierLength)
	}
	if !allDigits(first17) {
		return 0, fmt.Errorf("ID body %q: want 17 digits: %w", first17, ErrIdentifierChars)
	}
	sum := 0
	for i := 0; i < 17; i++ {
		sum += int(first17[i]-'0') * idWeights[i]
	}
	return idCheckDigits[sum%11], nil
}

// IDInfo is what an 18-digit resident ID number encodes.
type IDInfo struct {
	Region Region // the meaning of the region code in the birth year
	Birth  Date
	Male   bool
}

// ParseIDNumber validates an 18-character resident ID number (GB 11643-1999)
// and decodes it. The last character may be 'X' or 'x'. Checks, in order:
// length, characters, check digit, birth date (a real day, year ≥ 1900, not
// after ref), and region code (one that has existed at some time). Errors
// wrap ErrIdentifierLength, ErrIdentifierChars, ErrIdentifierCheck,
// ErrIdentifierDate or ErrIdentifierRegion.
//
// The region code is where the holder was first registered, which may be
// long after birth (born 1987, registered in 滨江区, created 1996): real
// cards carry such numbers, so this check does not ask that the code
// existed in the birth year. ParseIDNumberStrict does, as python-stdnum.
func ParseIDNumber(s string, ref Date) (IDInfo, error) {
	return parseID(s, ref, false)
}

// ParseIDNumberStrict is ParseIDNumber that also requires the region code
// to have been in use in the birth year (RegionValidIn), like
// python-stdnum's cn.ric.
func ParseIDNumberStrict(s string, ref Date) (IDInfo, error) {
	return parseID(s, ref, true)
}

func parseID(s string, ref Date, strict bool) (IDInfo, error) {
	id, err := checkIDChars(s)
	if err != nil {
		return IDInfo{}, err
	}
	if want, _ := IDCheckDigit(id[:17]); id[17] != want {
		return IDInfo{}, fmt.Errorf("ID %q: check digit %q, want %q: %w", s, id[17], want, ErrIdentifierCheck)
	}
	birth, err := idBirthDate(id, ref)
	if err != nil {
		return IDInfo{}, err
	}
	region, err := idRegion(id, birth.Y, strict)
	if err != nil {
		return IDInfo{}, err
	}
	return IDInfo{Region: region, Birth: birth, Male: (id[16]-'0')%2 == 1}, nil
}

// checkIDChars checks length and characters and upper-cases a final 'x'.
func checkIDChars(s string) (string, error) {
	if err := checkASCIILength("ID", s, 18); err != nil {
		return "", err
	}
	if !allDigits(s[:17]) {
		return "", fmt.Errorf("ID %q: first 17 characters must be digits: %w", s, ErrIdentifierChars)
	}
	switch last := s[17]; {
	case last == 'x':
		return s[:17] + "X", nil
	case last != 'X' && (last < '0' || last > '9'):
		return "", fmt.Errorf("ID %q: last character %q must be a digit or X: %w", s, last, ErrIdentifierChars)
	}
	return s, nil
}

func idBirthDate(id string, ref Date) (Date, error) {
	y, _ := atoiASCII(id[6:10])
	m, _ := atoiASCII(id[10:12])
	d, _ := atoiASCII(id[12:14])
	birth := Date{y, m, d}
	switch {
	case !birth.valid():
		return Date{}, fmt.Errorf("ID %q: birth date %s is not a calendar day: %w", id, id[6:14], ErrIdentifierDate)
	case y < 1900:
		return Date{}, fmt.Errorf("ID %q: birth year %d before 1900: %w", id, y, ErrIdentifierDate)
	case birth.After(ref):
		return Date{}, fmt.Errorf("ID %q: birth date %v after %v: %w", id, birth, ref, ErrIdentifierDate)
	}
	return birth, nil
}

func idRegion(id string, year int, strict bool) (Region, error) {
	code := id[:6]
	if r, ok := RegionIn(code, year); ok {
		return r, nil
	}
	if r, known := LookupRegion(code); known && !strict {
		return r, nil
	} else if known {
		return Region{}, fmt.Errorf("ID %q: region code %s not in use in birth year %d: %w", id, code, year, ErrIdentifierRegion)
	}
	return Region{}, fmt.Errorf("ID %q: unknown region code %s: %w", id, code, ErrIdentifierRegion)
}

// SexOf returns "男" or "女" from the 17th character of an ID number (odd is
// male), or "" if that character is missing or not a digit.
func SexOf(id string) string {
	r := []rune(id)
	if len(r) < 17 || r[16] < '0' || r[16] > '9' {
		return ""
	}
	if (r[16]-'0')%2 == 1 {
		return "男"
	}
	return "女"
}
