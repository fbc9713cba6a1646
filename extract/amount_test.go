package extract

import "testing"

func TestParseAmountYuan(t *testing.T) {
	tests := []struct {
		in   string
		want int64
		ok   bool
	}{
		{"壹仟万元整", 10000000, true},
		{"叁仟万元整", 30000000, true},
		{"伍佰万元", 5000000, true},
		{"人民币壹亿贰仟万元整", 120000000, true},
		{"100万元", 1000000, true},
		{"100万元人民币", 1000000, true},
		{"1000万人民币", 10000000, true},
		{"500.5万元", 5005000, true},
		{"壹佰伍拾万元整", 1500000, true},
		{"贰仟伍佰万元整", 25000000, true},
		{"壹仟零伍拾万元", 10500000, true},
		{"一千万元", 10000000, true},
		{"两千万元", 20000000, true},
		{"十万元", 100000, true},
		{"拾万元整", 100000, true},
		{"一百一十万元", 1100000, true},
		{"三亿五千万元", 350000000, true},
		{"壹亿零伍佰万元", 105000000, true},
		{"一万亿元", 1000000000000, true},
		{"壹万贰仟叁佰肆拾伍元整", 12345, true},
		{"伍拾万零叁仟元", 503000, true},
		{"1亿2000万元", 120000000, true},
		{"1.2亿元", 120000000, true},
		{"1,000万元", 10000000, true},
		{"１００万元", 1000000, true},
		{" 100 万元 ", 1000000, true},
		{"人民币100.0000万元", 1000000, true},
		{"1234.5678万元", 12345678, true},
		{"(人民币)500万元", 5000000, true},
		{"¥10000000", 10000000, true},
		{"10000000元", 10000000, true},
		{"5千万元", 50000000, true},
		{"100万美元", 0, false},
		{"100万港元", 0, false},
		{"1.23456万元", 0, false},
		{"", 0, false},
		{"元整", 0, false},
		{"万元", 0, false},
		{"一二万元", 0, false},
		{"一百千万元", 0, false},
		{"1 000万元", 10000000, true}, // whitespace is dropped, like Canon
		{"约100万元", 0, false},
	}
	for _, tt := range tests {
		got, ok := ParseAmountYuan(tt.in)
		if ok != tt.ok || got != tt.want {
			t.Errorf("ParseAmountYuan(%q) = %d, %v; want %d, %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
}
