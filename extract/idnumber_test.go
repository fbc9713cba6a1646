package extract

import (
	"errors"
	"testing"
)

var idRef = Date{2026, 11, 23}

func TestParseIDNumberVectors(t *testing.T) {
	for _, s := range readVectors(t, "ric_valid.txt") {
		if _, err := ParseIDNumberStrict(s, idRef); err != nil {
			t.Errorf("valid vector %s: %v", s, err)
		}
	}
	for _, s := range readVectors(t, "ric_invalid.txt") {
		if _, err := ParseIDNumberStrict(s, idRef); err == nil {
			t.Errorf("invalid vector %s accepted", s)
		}
	}
}

func TestParseIDNumber(t *testing.T) {
	tests := []struct {
		in   string
		want IDInfo
		err  error
	}{
		{"360426199101010071", IDInfo{Region{"360426", "江西省", "九江市", "德安县", 1983, 0}, Date{1991, 1, 1}, true}, nil},
		{"44011320141005001X", IDInfo{Region{"440113", "广东省", "广州市", "番禺区", 2000, 0}, Date{2014, 10, 5}, true}, nil},
		{"44011320141005001x", IDInfo{Region{"440113", "广东省", "广州市", "番禺区", 2000, 0}, Date{2014, 10, 5}, true}, nil},
		{"120110198012010073", IDInfo{Region{"120110", "天津市", "直辖", "东郊区", 1981, 1992}, Date{1980, 12, 1}, true}, nil},
		{"120110199212010072", IDInfo{Region{"120110", "天津市", "直辖", "东丽区", 1992, 0}, Date{1992, 12, 1}, true}, nil},
		{"110102198001010025", IDInfo{Region{"110102", "北京市", "直辖", "西城区", 1981, 0}, Date{1980, 1, 1}, false}, nil},
		{"44011320261123002X", IDInfo{Region{"440113", "广东省", "广州市", "番禺区", 2000, 0}, Date{2026, 11, 23}, false}, nil},
		{"429001199501010017", IDInfo{Region{"429001", "湖北省", "直辖", "随州市", 1994, 2000}, Date{1995, 1, 1}, true}, nil},
		{"36042619910101007", IDInfo{}, ErrIdentifierLength},
		{"3604261991010100711", IDInfo{}, ErrIdentifierLength},
		{"", IDInfo{}, ErrIdentifierLength},
		{"T60426199101010078", IDInfo{}, ErrIdentifierChars},
		{"36042619910101007Y", IDInfo{}, ErrIdentifierChars},
		{"３60426199101010071", IDInfo{}, ErrIdentifierChars},
		{"36042619910101X071", IDInfo{}, ErrIdentifierChars},
		{"36042619910102009X", IDInfo{}, ErrIdentifierCheck},
		{"360426199101010072", IDInfo{}, ErrIdentifierCheck},
		{"360426199113010079", IDInfo{}, ErrIdentifierDate},
		{"440113202611240017", IDInfo{}, ErrIdentifierDate}, // born after ref
		{"440113189912310011", IDInfo{}, ErrIdentifierDate}, // before 1900
		{"990426199112010074", IDInfo{}, ErrIdentifierRegion},
		{"110111198012010078", IDInfo{}, ErrIdentifierRegion}, // code from 1986
		{"110201199312010077", IDInfo{}, ErrIdentifierRegion}, // not in the table
		{"429001199201010015", IDInfo{}, ErrIdentifierRegion}, // code unused 1990-1994
	}
	for _, tt := range tests {
		got, err := ParseIDNumberStrict(tt.in, idRef)
		if got != tt.want || !errors.Is(err, tt.err) || (tt.err == nil) != (err == nil) {
			t.Errorf("ParseIDNumber(%q) = %+v, %v; want %+v, %v", tt.in, got, err, tt.want, tt.err)
		}
	}
}

func TestIDCheckDigit(t *testing.T) {
	tests := []struct {
		in   string
		want byte
		err  error
	}{
		{"36042619910101007", '1', nil},
		{"44011320141005001", 'X', nil},
		{"11010219910101007", '8', nil},
		{"4401132014100500", 0, ErrIdentifierLength},
		{"4401132014100500A", 0, ErrIdentifierChars},
	}
	for _, tt := range tests {
		got, err := IDCheckDigit(tt.in)
		if got != tt.want || !errors.Is(err, tt.err) {
			t.Errorf("IDCheckDigit(%q) = %q, %v; want %q, %v", tt.in, got, err, tt.want, tt.err)
		}
	}
}

func TestSexOf(t *testing.T) {
	tests := []struct{ in, want string }{
		{"360426199101010071", "男"},
		{"44011320141005001X", "男"},
		{"110102198001010025", "女"},
		{"11010219800101002", "女"},
		{"1101021980010100", ""},
		{"1101021980010100A9", ""},
		{"", ""},
	}
	for _, tt := range tests {
		if got := SexOf(tt.in); got != tt.want {
			t.Errorf("SexOf(%q) = %q; want %q", tt.in, got, tt.want)
		}
	}
}

// TestParseIDNumberLenientRegion: a code created after the holder's birth
// is accepted (people register where they live), an unknown one is not.
func TestParseIDNumberLenientRegion(t *testing.T) {
	tests := []struct {
		in  string
		err error
	}{
		{"110111198012010078", nil},                 // 房山区 code from 1986, born 1980
		{"330108198709223658", nil},                 // 滨江区 code from 1996, born 1987 (sample app-1-00001)
		{"990426199112010074", ErrIdentifierRegion}, // no such code
		{"110201199312010077", ErrIdentifierRegion}, // not in the table
		{"36042619910102009X", ErrIdentifierCheck},
	}
	for _, tt := range tests {
		_, err := ParseIDNumber(tt.in, idRef)
		if !errors.Is(err, tt.err) || (tt.err == nil) != (err == nil) {
			t.Errorf("ParseIDNumber(%q) = %v, want %v", tt.in, err, tt.err)
		}
	}
}
