package extract

import (
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"
)

// Sentinel errors wrapped (with detail) by the identifier validators.
var (
	ErrIdentifierLength    = errors.New("identifier has wrong length")
	ErrIdentifierChars     = errors.New("identifier has invalid characters")
	ErrIdentifierCheck     = errors.New("identifier check character mismatch")
	ErrIdentifierStructure = errors.New("identifier has invalid structure")
)

// usccAlphabet is the GB 32100-2015 character set (no I, O, S, V, Z); a
// character's index is its value.
const usccAlphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY"

var usccWeights = [17]int{1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28}

// usccAuthorities are the registration authority codes of GB 32100-2015
// table 1 (1 机构编制, 2 外交, 3 司法行政, 4 文化, 5 民政, 6 旅游, 7 宗教,
// 8 工会, 9 工商/市场监管, A 中央军委改革和编制办公室, N 农业, Y 其他).
const usccAuthorities = "123456789ANY"

// USCCCheckChar returns the check character (position 18) of a unified
// social credit code given its first 17 characters (GB 32100-2015, mod 31).
func USCCCheckChar(first17 string) (byte, error) {
	if len(first17) != 17 {
		return 0, fmt.Errorf("USCC body %q: %d characters, want 17: %w", first17, len(first17), ErrIdentifierLength)
	}
	sum := 0
	for i := 0; i < 17; i++ {
		v := strings.IndexByte(usccAlphabet, first17[i])
		if v < 0 {
			return 0, fmt.Errorf("USCC body %q: character %d %q not in GB 32100 set: %w", first17, i+1, first17[i], ErrIdentifierChars)
		}
		sum += v * usccWeights[i]
	}
	return usccAlphabet[(31-sum%31)%31], nil
}

// ValidateUSCC checks an 18-character unified social credit code exactly as
// given (callers normalise OCR text first, e.g. with Canon). It checks the
// character set, the registration authority (position 1), that positions 2-8
// (entity type and region code) are digits, the embedded GB 11714
// organisation code (positions 9-17) and the mod-31 check character.
func ValidateUSCC(s string) error {
	if err := checkASCIILength("USCC", s, 18); err != nil {
		return err
	}
	want, err := USCCCheckChar(s[:17])
	if err != nil {
		return fmt.Errorf("USCC %q: %w", s, err)
	}
	if strings.IndexByte(usccAlphabet, s[17]) < 0 {
		return fmt.Errorf("USCC %q: check character %q not in GB 32100 set: %w", s, s[17], ErrIdentifierChars)
	}
	if err := validateUSCCStructure(s); err != nil {
		return err
	}
	if s[17] != want {
		return fmt.Errorf("USCC %q: check character %q, want %q: %w", s, s[17], want, ErrIdentifierCheck)
	}
	return nil
}

func validateUSCCStructure(s string) error {
	if strings.IndexByte(usccAuthorities, s[0]) < 0 {
		return fmt.Errorf("USCC %q: unknown registration authority %q: %w", s, s[0], ErrIdentifierStructure)
	}
	if !allDigits(s[1:8]) {
		return fmt.Errorf("USCC %q: entity type and region code %q must be digits: %w", s, s[1:8], ErrIdentifierStructure)
	}
	if err := ValidateOrgCode(s[8:17]); err != nil {
		return fmt.Errorf("USCC %q: embedded organisation code: %w", s, err)
	}
	return nil
}

var orgCodeWeights = [8]int{3, 7, 9, 10, 5, 8, 4, 2}

// OrgCodeCheckChar returns the check character of a GB 11714-1997
// organisation code given its first 8 characters (digits or A-Z):
// 11 − Σ(value×weight) mod 11, where 10 → 'X' and 11 → '0'.
func OrgCodeCheckChar(first8 string) (byte, error) {
	if len(first8) != 8 {
		return 0, fmt.Errorf("organisation code body %q: %d characters, want 8: %w", first8, len(first8), ErrIdentifierLength)
	}
	sum := 0
	for i := 0; i < 8; i++ {
		v, ok := orgCodeValue(first8[i])
		if !ok {
			return 0, fmt.Errorf("organisation code body %q: character %d %q not 0-9/A-Z: %w", first8, i+1, first8[i], ErrIdentifierChars)
		}
		sum += v * orgCodeWeights[i]
	}
	switch c := 11 - sum%11; c {
	case 10:
		return 'X', nil
	case 11:
		return '0', nil
	default:
		return byte('0' + c), nil
	}
}

func orgCodeValue(c byte) (int, bool) {
	switch {
	case c >= '0' && c <= '9':
		return int(c - '0'), true
	case c >= 'A' && c <= 'Z':
		return int(c-'A') + 10, true
	}
	return 0, false
}

// ValidateOrgCode checks a GB 11714-1997 organisation code, written either as
// 9 characters or as "XXXXXXXX-X".
func ValidateOrgCode(s string) error {
	code, err := compactOrgCode(s)
	if err != nil {
		return err
	}
	want, err := OrgCodeCheckChar(code[:8])
	if err != nil {
		return fmt.Errorf("organisation code %q: %w", s, err)
	}
	if c := code[8]; c != 'X' && (c < '0' || c > '9') {
		return fmt.Errorf("organisation code %q: check character %q not 0-9/X: %w", s, c, ErrIdentifierChars)
	}
	if code[8] != want {
		return fmt.Errorf("organisation code %q: check character %q, want %q: %w", s, code[8], want, ErrIdentifierCheck)
	}
	return nil
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return len(s) > 0
}

// compactOrgCode removes the hyphen of the "XXXXXXXX-X" form and checks the
// length of what remains.
func compactOrgCode(s string) (string, error) {
	if strings.Count(s, "-") == 1 && len(s) == 10 {
		if s[8] != '-' {
			return "", fmt.Errorf("organisation code %q: hyphen must precede the check character: %w", s, ErrIdentifierStructure)
		}
		s = s[:8] + s[9:]
	}
	return s, checkASCIILength("organisation code", s, 9)
}

// checkASCIILength reports a wrong rune count as ErrIdentifierLength and a
// right count containing non-ASCII characters (e.g. full-width digits) as
// ErrIdentifierChars, so later byte indexing is safe.
func checkASCIILength(kind, s string, want int) error {
	if n := utf8.RuneCountInString(s); n != want {
		return fmt.Errorf("%s %q: %d characters, want %d: %w", kind, s, n, want, ErrIdentifierLength)
	}
	if len(s) != want {
		return fmt.Errorf("%s %q: non-ASCII characters: %w", kind, s, ErrIdentifierChars)
	}
	return nil
}
