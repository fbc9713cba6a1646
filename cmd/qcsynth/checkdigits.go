package main

import (
	"fmt"
	"strings"
)

// Local check-digit rules, used while package extract does not export
// its own (GB 11643-1999 for ID numbers, GB 32100-2015 for credit codes).

const usccAlphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY"

func idCheckDigit(first17 string) (byte, error) {
	if len(first17) != 17 {
		return 0, fmt.Errorf("id number: want 17 digits, got %d", len(first17))
	}
	weights := [17]int{7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2}
	sum := 0
	for i := 0; i < 17; i++ {
		c := first17[i]
		if c < '0' || c > '9' {
			return 0, fmt.Errorf("id number: %q is not a digit", c)
		}
		sum += int(c-'0') * weights[i]
	}
	return "10X98765432"[sum%11], nil
}

func usccCheckChar(first17 string) (byte, error) {
	if len(first17) != 17 {
		return 0, fmt.Errorf("credit code: want 17 characters, got %d", len(first17))
	}
	weights := [17]int{1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28}
	sum := 0
	for i := 0; i < 17; i++ {
		v := strings.IndexByte(usccAlphabet, first17[i])
		if v < 0 {
			return 0, fmt.Errorf("credit code: %q not allowed", first17[i])
		}
		sum += v * weights[i]
	}
	return usccAlphabet[(31-sum%31)%31], nil
}
