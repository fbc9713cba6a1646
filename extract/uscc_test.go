package extract

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// readVectors returns the non-blank, non-comment lines of a file in
// testdata/vectors (numbers from python-stdnum, see SOURCES.md there).
func readVectors(t *testing.T, name string) []string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", "vectors", name))
	if err != nil {
		t.Fatalf("read vectors: %v", err)
	}
	var out []string
	for _, line := range strings.Split(string(b), "\n") {
		if line = strings.TrimSpace(line); line != "" && !strings.HasPrefix(line, "#") {
			out = append(out, line)
		}
	}
	if len(out) == 0 {
		t.Fatalf("no vectors in %s", name)
	}
	return out
}

func TestValidateUSCCVectors(t *testing.T) {
	for _, s := range readVectors(t, "uscc_valid.txt") {
		if err := ValidateUSCC(s); err != nil {
			t.Errorf("valid vector %s: %v", s, err)
		}
	}
	for _, s := range readVectors(t, "uscc_invalid.txt") {
		if err := ValidateUSCC(s); err == nil {
			t.Errorf("invalid vector %s accepted", s)
		}
	}
}

func TestValidateUSCC(t *testing.T) {
	tests := []struct {
		in   string
		want error
	}{
		{"91110000600037341L", nil},
		{"121200004013590816", nil},
		{"91340600MA2PBM9HXD", nil},
		{"Y1110000600037341Y", nil},
		{"12345", ErrIdentifierLength},
		{"91110000600037341L0", ErrIdentifierLength},
		{"", ErrIdentifierLength},
		{"９1110000600037341L", ErrIdentifierChars},
		{"9111000060003IOZSV", ErrIdentifierChars},
		{"91110000600037341l", ErrIdentifierChars},
		{"91110000600037341I", ErrIdentifierChars},
		{"01110000600037341X", ErrIdentifierStructure},
		{"9A110000600037341Q", ErrIdentifierStructure},
		{"9111A000600037341G", ErrIdentifierStructure},
		{"91110000600037342P", ErrIdentifierCheck}, // embedded org code check fails
		{"91110000600037341N", ErrIdentifierCheck},
		{"A1110000600037341L", ErrIdentifierCheck},
	}
	for _, tt := range tests {
		err := ValidateUSCC(tt.in)
		if tt.want == nil && err != nil || tt.want != nil && !errors.Is(err, tt.want) {
			t.Errorf("ValidateUSCC(%q) = %v; want %v", tt.in, err, tt.want)
		}
	}
}

func TestUSCCCheckChar(t *testing.T) {
	tests := []struct {
		in   string
		want byte
		err  error
	}{
		{"91110000600037341", 'L', nil},
		{"12120000401359081", '6', nil},
		{"91340600MA2PBNE72", '3', nil},
		{"9111000060003734", 0, ErrIdentifierLength},
		{"9111000060003734O", 0, ErrIdentifierChars},
	}
	for _, tt := range tests {
		got, err := USCCCheckChar(tt.in)
		if got != tt.want || !errors.Is(err, tt.err) {
			t.Errorf("USCCCheckChar(%q) = %q, %v; want %q, %v", tt.in, got, err, tt.want, tt.err)
		}
	}
}

func TestOrgCodeCheckChar(t *testing.T) {
	tests := []struct {
		in   string
		want byte
		err  error
	}{
		{"60003734", '1', nil},
		{"MA2PBM9H", 'X', nil},
		{"D2600002", 'X', nil},
		{"00000000", '0', nil},
		{"D2600007", '0', nil},
		{"12345678", '8', nil},
		{"1234567", 0, ErrIdentifierLength},
		{"1234567a", 0, ErrIdentifierChars},
		{"1234567-", 0, ErrIdentifierChars},
	}
	for _, tt := range tests {
		got, err := OrgCodeCheckChar(tt.in)
		if got != tt.want || !errors.Is(err, tt.err) {
			t.Errorf("OrgCodeCheckChar(%q) = %q, %v; want %q, %v", tt.in, got, err, tt.want, tt.err)
		}
	}
}

func TestValidateOrgCode(t *testing.T) {
	tests := []struct {
		in   string
		want error
	}{
		{"600037341", nil},
		{"60003734-1", nil},
		{"MA2PBM9HX", nil},
		{"MA2PBM9H-X", nil},
		{"D26000070", nil},
		{"600037342", ErrIdentifierCheck},
		{"MA2PBM9Hx", ErrIdentifierChars},
		{"60003734-", ErrIdentifierChars},
		{"6000373-41", ErrIdentifierStructure},
		{"60003734--1", ErrIdentifierLength},
		{"6000373", ErrIdentifierLength},
		{"６00037341", ErrIdentifierChars},
	}
	for _, tt := range tests {
		err := ValidateOrgCode(tt.in)
		if tt.want == nil && err != nil || tt.want != nil && !errors.Is(err, tt.want) {
			t.Errorf("ValidateOrgCode(%q) = %v; want %v", tt.in, err, tt.want)
		}
	}
}
