package extract

import (
	"math/big"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// amountAffixes are the currency words and markers stripped from either end
// of a registered-capital string. Anything else left over (美元, 港元 …) makes
// the string unparseable, so foreign-currency capital is never read as yuan.
var amountAffixes = []string{"人民币", "(人民币)", "RMB", "CNY", "¥", "整", "元", "圆"}

// cnNumeralDigits maps formal (大写) and everyday Chinese digits to values.
var cnNumeralDigits = map[rune]int64{
	'零': 0, '〇': 0, '○': 0,
	'壹': 1, '一': 1, '贰': 2, '貳': 2, '二': 2, '两': 2, '兩': 2,
	'叁': 3, '參': 3, '三': 3, '肆': 4, '四': 4, '伍': 5, '五': 5,
	'陆': 6, '陸': 6, '六': 6, '柒': 7, '七': 7, '捌': 8, '八': 8, '玖': 9, '九': 9,
}

// cnSmallUnits are the multipliers within a 万 section.
var cnSmallUnits = map[rune]int64{'拾': 10, '十': 10, '佰': 100, '百': 100, '仟': 1000, '千': 1000}

// cnBigUnits close a section.
var cnBigUnits = map[rune]int64{'万': 1e4, '萬': 1e4, '亿': 1e8, '億': 1e8}

// ParseAmountYuan reads a registered capital as printed on a licence and
// returns it in whole yuan: "壹仟万元整" → 10000000, "人民币壹亿贰仟万元整",
// "100万元人民币", "1000万人民币", "500.5万元" → 5005000, "壹仟零伍拾万元".
// Formal and everyday numerals (including 两 and 零), Arabic numbers with
// decimals and thousands separators, and mixtures such as "1亿2000万" are
// accepted. It fails on other currencies and on amounts that are not a whole
// number of yuan.
func ParseAmountYuan(s string) (int64, bool) {
	body := stripAmountAffixes(cleanAmount(s))
	if body == "" {
		return 0, false
	}
	v, ok := parseCNNumber(body)
	if !ok || !v.IsInt() || !v.Num().IsInt64() {
		return 0, false
	}
	return v.Num().Int64(), true
}

// cleanAmount applies NFKC and drops whitespace and thousands separators.
func cleanAmount(s string) string {
	return strings.Map(func(r rune) rune {
		if isBlank(r) || r == ',' {
			return -1
		}
		return r
	}, norm.NFKC.String(s))
}

func stripAmountAffixes(s string) string {
	for changed := true; changed; {
		changed = false
		for _, a := range amountAffixes {
			if t := strings.TrimSuffix(strings.TrimPrefix(s, a), a); t != s {
				s, changed = t, true
			}
		}
	}
	return s
}

// cnNumberParser accumulates a number written with Chinese units:
// total holds closed 亿 groups, section the current 万 group, num the pending
// digit(s) not yet multiplied by a unit.
type cnNumberParser struct {
	total, section, num *big.Rat
	haveNum             bool
	lastSmall           int64
}

// parseCNNumber parses s (no currency words) into an exact rational.
func parseCNNumber(s string) (*big.Rat, bool) {
	p := &cnNumberParser{total: new(big.Rat), section: new(big.Rat), num: new(big.Rat)}
	for len(s) > 0 {
		n, ok := p.step(s)
		if !ok {
			return nil, false
		}
		s = s[n:]
	}
	return p.result()
}

// step consumes one token (an Arabic number or one Chinese character) and
// returns its length in bytes.
func (p *cnNumberParser) step(s string) (int, bool) {
	if n := arabicPrefixLen(s); n > 0 {
		v, ok := new(big.Rat).SetString(s[:n])
		return n, ok && p.setNum(v)
	}
	r, n := utf8.DecodeRuneInString(s)
	if d, ok := cnNumeralDigits[r]; ok {
		return n, d == 0 || p.setNum(new(big.Rat).SetInt64(d))
	}
	if u, ok := cnSmallUnits[r]; ok {
		return n, p.applySmall(u)
	}
	if u, ok := cnBigUnits[r]; ok {
		return n, p.applyBig(u)
	}
	return n, false
}

// arabicPrefixLen returns the length of a leading decimal number like 500.5.
func arabicPrefixLen(s string) int {
	n, dots := 0, 0
	for n < len(s) && (isASCIIDigit(rune(s[n])) || (s[n] == '.' && dots == 0 && n > 0)) {
		if s[n] == '.' {
			dots++
		}
		n++
	}
	return n
}

func (p *cnNumberParser) setNum(v *big.Rat) bool {
	if p.haveNum {
		return false // two numbers with no unit between them
	}
	p.num.Set(v)
	p.haveNum = true
	return true
}

// applySmall handles 十/百/千; a bare 十 at the start of a section means 1×10.
func (p *cnNumberParser) applySmall(u int64) bool {
	if p.lastSmall != 0 && u >= p.lastSmall {
		return false
	}
	if !p.haveNum {
		p.num.SetInt64(1)
	}
	p.section.Add(p.section, new(big.Rat).Mul(p.num, new(big.Rat).SetInt64(u)))
	p.num.SetInt64(0)
	p.haveNum, p.lastSmall = false, u
	return true
}

// applyBig handles 万 and 亿: 万 closes the current section into total,
// 亿 additionally scales everything accumulated so far (so 万亿 works).
func (p *cnNumberParser) applyBig(u int64) bool {
	group := new(big.Rat).Add(p.section, p.num)
	if group.Sign() == 0 && (u != 1e8 || p.total.Sign() == 0) {
		return false
	}
	unit := new(big.Rat).SetInt64(u)
	if u == 1e8 {
		p.total.Add(p.total, group).Mul(p.total, unit)
	} else {
		p.total.Add(p.total, group.Mul(group, unit))
	}
	p.section.SetInt64(0)
	p.num.SetInt64(0)
	p.haveNum, p.lastSmall = false, 0
	return true
}

func (p *cnNumberParser) result() (*big.Rat, bool) {
	return new(big.Rat).Add(p.total, new(big.Rat).Add(p.section, p.num)), true
}
