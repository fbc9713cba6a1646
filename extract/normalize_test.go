package extract

import (
	"math"
	"testing"
)

func TestCanon(t *testing.T) {
	tests := []struct{ in, want string }{
		{"股份有限公司（非上市、自然人投资或控股）", "股份有限公司(非上市、自然人投资或控股)"},
		{"股份有限公司(非上市、自然人投资或控股)", "股份有限公司(非上市、自然人投资或控股)"},
		{"〔2026〕【第1号】〖甲〗[乙]", "(2026)(第1号)(甲)(乙)"},
		{"ＡＢＣ１２３ａｂｃ", "ABC123ABC"},
		{"有限 责任\u3000公司\t\n", "有限责任公司"},
		{"a\u200bb\ufeffc", "ABC"},
		{"住所：北京市，海淀区；", "住所:北京市,海淀区;"},
		{"一、二。", "一、二。"},
		{"2015.03.01—2035.03.01", "2015.03.01-2035.03.01"},
		{"2015.03.01－2035.03.01–2035", "2015.03.01-2035.03.01-2035"},
		{"“引号”‘单’", `"引号"'单'`},
		{"阿卜杜・热合曼•买买提", "阿卜杜·热合曼·买买提"},
		{"91110000600037341l", "91110000600037341L"},
		{"", ""},
	}
	for _, tt := range tests {
		if got := Canon(tt.in); got != tt.want {
			t.Errorf("Canon(%q) = %q; want %q", tt.in, got, tt.want)
		}
	}
}

func TestCanonEqualForms(t *testing.T) {
	pairs := [][2]string{
		{"股份有限公司（非上市、自然人投资或控股）", "股份有限公司(非上市、自然人投资或控股)"},
		{"有限责任公司（自然人独资）", "有限责任公司 (自然人独资)"},
		{"北京市海淀区中关村大街１号", "北京市 海淀区 中关村大街 1 号"},
	}
	for _, p := range pairs {
		if Canon(p[0]) != Canon(p[1]) {
			t.Errorf("Canon(%q) = %q != Canon(%q) = %q", p[0], Canon(p[0]), p[1], Canon(p[1]))
		}
	}
}

func TestFullWidthBrackets(t *testing.T) {
	tests := []struct{ in, want string }{
		{"有限责任公司(自然人独资)", "有限责任公司（自然人独资）"},
		{"（已是全角）", "（已是全角）"},
		{"no brackets", "no brackets"},
		{"", ""},
	}
	for _, tt := range tests {
		if got := FullWidthBrackets(tt.in); got != tt.want {
			t.Errorf("FullWidthBrackets(%q) = %q; want %q", tt.in, got, tt.want)
		}
	}
}

func TestSameText(t *testing.T) {
	tests := []struct {
		typed, read string
		want        bool
	}{
		{"合悦信息技术（福州）有限公司", "合悦信息技术(福州)有限公司", true},
		{"合悦信息技术（福州）有限公司", "合悦信息技术福州）有限公司", true},
		{"星信物业服务（西安）有限公司", "星信物业服务（西安/有限公司）", true},
		{"诚和建筑工程（重庆）有限公司", "诚和建筑工程重庆|有限公司", true},
		{"诚和建筑工程（重庆）有限公司", "诚和建筑工程（重庆）有限", false},
		{"福州永祥物流有限公司", "福州水祥物流有限公司", false},
		{"（）", "", false},
	}
	for _, tt := range tests {
		if got := SameText(tt.typed, tt.read); got != tt.want {
			t.Errorf("SameText(%q, %q) = %v, want %v", tt.typed, tt.read, got, tt.want)
		}
	}
}

func TestLevenshtein(t *testing.T) {
	tests := []struct {
		a, b string
		want int
	}{
		{"", "", 0},
		{"abc", "", 3},
		{"", "abc", 3},
		{"kitten", "sitting", 3},
		{"flaw", "lawn", 2},
		{"北京科技有限公司", "北京科枝有限公司", 1},
		{"有限公司", "有限责任公司", 2},
		{"abc", "abc", 0},
	}
	for _, tt := range tests {
		if got := Levenshtein([]rune(tt.a), []rune(tt.b)); got != tt.want {
			t.Errorf("Levenshtein(%q, %q) = %d; want %d", tt.a, tt.b, got, tt.want)
		}
		if got := Levenshtein([]rune(tt.b), []rune(tt.a)); got != tt.want {
			t.Errorf("Levenshtein(%q, %q) = %d; want %d (symmetry)", tt.b, tt.a, got, tt.want)
		}
	}
}

func TestCommonInOrder(t *testing.T) {
	tests := []struct {
		a, b string
		want int
	}{
		{"", "abc", 0},
		{"abc", "abc", 3},
		{"abc", "cba", 1},
		{"航宇网络科技（深圳）有限公司", "肯字网络移越(深圳)胡良公司", 8},
		{"有限公司", "有限责任公司", 4},
	}
	for _, tt := range tests {
		if got := CommonInOrder(tt.a, tt.b); got != tt.want {
			t.Errorf("CommonInOrder(%q, %q) = %d; want %d", tt.a, tt.b, got, tt.want)
		}
		if got := CommonInOrder(tt.b, tt.a); got != tt.want {
			t.Errorf("CommonInOrder(%q, %q) = %d; want %d (symmetry)", tt.b, tt.a, got, tt.want)
		}
	}
}

func TestSimilarity(t *testing.T) {
	tests := []struct {
		a, b string
		want float64
	}{
		{"", "", 1},
		{" ", "\u3000", 1},
		{"abc", "", 0},
		{"股份有限公司（非上市）", "股份有限公司(非上市)", 1},
		{"北京科技有限公司", "北京科枝有限公司", 1 - 1.0/8},
		{"有限公司", "有限责任公司", 1 - 2.0/6},
		{"abcd", "wxyz", 0},
		{"Abc", "aBC", 1},
	}
	for _, tt := range tests {
		if got := Similarity(tt.a, tt.b); math.Abs(got-tt.want) > 1e-9 {
			t.Errorf("Similarity(%q, %q) = %v; want %v", tt.a, tt.b, got, tt.want)
		}
	}
}
