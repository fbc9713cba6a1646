package extract

import "testing"

func TestSnapAddress(t *testing.T) {
	tests := []struct{ in, want string }{
		{"山末省济南市槐荫区延安路342号10楼114室", "山东省济南市槐荫区延安路342号10楼114室"},
		{"天津市宝坛区五一路847号19楼120室", "天津市宝坻区五一路847号19楼120室"},
		{"陕西省西安市净良区花园路798号", "陕西省西安市阎良区花园路798号"},
		{"广东省深圳市福田区彩田路405号", "广东省深圳市福田区彩田路405号"}, // already right
		{"山末省济南市术前区延安路342号", "山东省济南市术前区延安路342号"}, // two misread of three: left alone
		{"延安路342号", "延安路342号"}, // no division names
	}
	for _, tt := range tests {
		if got := SnapAddress(Field{Value: tt.in}).Value; got != tt.want {
			t.Errorf("SnapAddress(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestSnapType(t *testing.T) {
	tests := []struct{ in, want string }{
		{"有限责任公司（自然人投资或控股）谭海", "有限责任公司（自然人投资或控股）"},
		{"有限责任公司（非自然人投资或控股的法人独）", "有限责任公司（非自然人投资或控股的法人独资）"},
		{"其他有限责任司", "其他有限责任公司"},
		{"有限责任公司自然人投资或控股", "有限责任公司（自然人投资或控股）"},
		{"有限责任公司（自然人独资）", "有限责任公司（自然人独资）"},
		{"完全不同的文字", "完全不同的文字"},
	}
	for _, tt := range tests {
		if got := SnapType(Field{Value: tt.in}).Value; got != tt.want {
			t.Errorf("SnapType(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestTerm(t *testing.T) {
	tests := []struct{ in, from, to string }{
		{"2015.03.01-2035.03.01", "2015-03-01", "2035-03-01"},
		{"2021.09.18-长期", "2021-09-18", "2099-12-31"},
		{"2002年11月12日至2052年11月11日", "2002-11-12", "2052-11-11"},
		{"长期", "", "2099-12-31"},
		{"", "", ""},
	}
	for _, tt := range tests {
		f, to := Term(Field{Value: tt.in})
		if f.Value != tt.from || to.Value != tt.to {
			t.Errorf("Term(%q) = %q, %q; want %q, %q", tt.in, f.Value, to.Value, tt.from, tt.to)
		}
	}
}
