package extract

import (
	"regexp"
	"strings"
)

// AddressEnds are the characters a complete address ends with: a house
// number, room, floor, building or unit.
const AddressEnds = "号室层楼座铺户舍栋幢院房厂元间"

// CompleteAddress reports whether s reads as a whole address: a division
// name first and a house, room or floor last. A line cut short
// ("…5号楼16" for "…5号楼16层") is not.
func CompleteAddress(s string) bool {
	rs := []rune(s)
	return StartsWithRegion(s) && strings.ContainsRune(AddressEnds, rs[len(rs)-1])
}

var tailRe = regexp.MustCompile(`^[0-9]{0,4}[` + AddressEnds + `]`)

// AddressTail is the wrapped end of an address at the start of s (a
// separate read of the line under the address): up to four digits and a
// room, floor or house character ("层", "7层", "室"), or "" when s does not
// start with one.
func AddressTail(s string) string {
	s = strings.Map(func(r rune) rune {
		if r == ' ' || strings.ContainsRune("|!:.,'`", r) {
			return -1
		}
		return r
	}, s)
	return tailRe.FindString(s)
}

// unitFixes are misreadings of the unit characters of a street address
// that a number on both sides gives away (3樟125室 is 3幢125室, 359呈17楼
// is 359号17楼), and a final 至 after a number, which is 室.
var unitFixes = []struct {
	re  *regexp.Regexp
	out string
}{
	{regexp.MustCompile(`([0-9])[樟憧撞瞳巾]([0-9])`), "${1}幢${2}"},
	{regexp.MustCompile(`([0-9])呈([0-9])`), "${1}号${2}"},
	{regexp.MustCompile(`([0-9])至$`), "${1}室"},
}

// fixUnits applies unitFixes, after reading a stroke beside a digit as
// the 1 it is ("98]号" is 981号).
func fixUnits(s string) string {
	s = foldOnes(s)
	for _, u := range unitFixes {
		s = u.re.ReplaceAllString(s, u.out)
	}
	return s
}

// placeSuffixes are stripped from division names to give the short
// names enterprise names start with (青岛市 → 青岛).
var placeSuffixes = []string{"特别行政区", "维吾尔自治区", "壮族自治区", "回族自治区", "自治区", "自治州", "地区", "省", "市"}

func shortPlace(name string) string {
	for _, suf := range placeSuffixes {
		if s := strings.TrimSuffix(name, suf); s != name && len([]rune(s)) >= 2 {
			return s
		}
	}
	return name
}

// SnapNamePlace corrects the place an enterprise name starts with where
// the read differs from a real province or prefecture name (full or
// short), and then from one of the prefecture's counties, only in
// characters the OCR confuses: "青鸟光途…" becomes "青岛光途…",
// "青岛市黄鸟区…" becomes "青岛市黄岛区…". Anything else is left as read.
func SnapNamePlace(f Field) Field {
	if !f.Found() {
		return f
	}
	ix := loadPlaces()
	rs := []rune(f.Value)
	name, n := confusablePrefix(rs, ix.names)
	if name == "" {
		return f
	}
	out := append([]rune(name), rs[n:]...)
	if key, ok := ix.cityKey[name]; ok {
		if county, m := confusablePrefix(out[n:], ix.counties[key]); county != "" {
			out = append(append(out[:n:n], []rune(county)...), out[n+m:]...)
		}
	}
	if string(out) != f.Value {
		f.Value, f.Confs = string(out), nil
	}
	return f
}

// confusablePrefix finds the longest name that rs starts with, up to
// confusable characters; "" when none does or two differ at that length.
func confusablePrefix(rs []rune, names []string) (string, int) {
	best, tie := "", false
	for _, name := range names {
		nr := []rune(name)
		if len(nr) < 2 || len(nr) > len(rs) || !confusableWith(rs[:len(nr)], nr) {
			continue
		}
		switch bl := len([]rune(best)); {
		case len(nr) > bl:
			best, tie = name, false
		case len(nr) == bl && name != best:
			tie = true
		}
	}
	if tie {
		return "", 0
	}
	return best, len([]rune(best))
}
