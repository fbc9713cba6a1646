package extract

import "testing"

func TestRegionTableParses(t *testing.T) {
	tab, err := parseRegionTable(regionCSV)
	if err != nil {
		t.Fatalf("parseRegionTable: %v", err)
	}
	if tab.firstYear != 1981 {
		t.Errorf("firstYear = %d; want 1981", tab.firstYear)
	}
	if n := len(tab.byCode); n < 3000 {
		t.Errorf("only %d codes parsed", n)
	}
}

func TestParseRegionTableErrors(t *testing.T) {
	header := "代码,一级行政区,二级行政区,名称,级别,状态,启用时间,变更/弃用时间,新代码\n"
	tests := []struct{ name, data string }{
		{"empty", ""},
		{"short record", header + "110000,北京市\n"},
		{"bad start", header + "110000,北京市,,北京市,省级,在用,x,,\n"},
		{"bad end", header + "110000,北京市,,北京市,省级,弃用,1981,y,\n"},
	}
	for _, tt := range tests {
		if _, err := parseRegionTable([]byte(tt.data)); err == nil {
			t.Errorf("%s: no error", tt.name)
		}
	}
}

func TestLookupRegion(t *testing.T) {
	tests := []struct {
		code string
		want Region
		ok   bool
	}{
		{"440113", Region{"440113", "广东省", "广州市", "番禺区", 2000, 0}, true},
		{"120110", Region{"120110", "天津市", "直辖", "东丽区", 1992, 0}, true},
		{"412723", Region{"412723", "河南省", "周口地区", "商水县", 1981, 2000}, true},
		{"429001", Region{"429001", "湖北省", "直辖", "随州市", 1994, 2000}, true},
		{"440000", Region{"440000", "广东省", "", "广东省", 1981, 0}, true},
		{"990426", Region{}, false},
		{"110201", Region{}, false},
		{"", Region{}, false},
	}
	for _, tt := range tests {
		got, ok := LookupRegion(tt.code)
		if ok != tt.ok || got != tt.want {
			t.Errorf("LookupRegion(%q) = %+v, %v; want %+v, %v", tt.code, got, ok, tt.want, tt.ok)
		}
	}
}

func TestRegionValidIn(t *testing.T) {
	tests := []struct {
		code string
		year int
		want bool
	}{
		{"110102", 1991, true},
		{"110102", 1970, true},  // in use since records began (1981)
		{"120110", 1980, true},  // 东郊区, records begin 1981
		{"120110", 1991, true},  // 东郊区 until 1992
		{"120110", 1992, true},  // 东丽区 from 1992
		{"110111", 1980, false}, // 房山区 only from 1986
		{"110111", 1986, true},
		{"412723", 1999, true},
		{"412723", 2000, false}, // withdrawn in 2000
		{"429001", 1985, false}, // gap-ful history: 1986-1990 and 1994-2000
		{"429001", 1988, true},
		{"429001", 1992, false},
		{"429001", 1995, true},
		{"429001", 2000, false},
		{"440113", 1999, false},
		{"440113", 2026, true},
		{"990426", 1991, false},
	}
	for _, tt := range tests {
		if got := RegionValidIn(tt.code, tt.year); got != tt.want {
			t.Errorf("RegionValidIn(%q, %d) = %v; want %v", tt.code, tt.year, got, tt.want)
		}
	}
}

func TestRegionIn(t *testing.T) {
	tests := []struct {
		code     string
		year     int
		wantName string
	}{
		{"120110", 1980, "东郊区"},
		{"120110", 1991, "东郊区"},
		{"120110", 1992, "东丽区"},
		{"360426", 1991, "德安县"},
		{"110111", 1980, ""},
	}
	for _, tt := range tests {
		if got, _ := RegionIn(tt.code, tt.year); got.Name != tt.wantName {
			t.Errorf("RegionIn(%q, %d).Name = %q; want %q", tt.code, tt.year, got.Name, tt.wantName)
		}
	}
}

func TestProvinceName(t *testing.T) {
	tests := []struct{ code, want string }{
		{"44", "广东省"},
		{"440113", "广东省"},
		{"11", "北京市"},
		{"46", "海南省"},
		{"65", "新疆维吾尔自治区"},
		{"82", "澳门特别行政区"},
		{"99", ""},
		{"4", ""},
		{"", ""},
	}
	for _, tt := range tests {
		if got := ProvinceName(tt.code); got != tt.want {
			t.Errorf("ProvinceName(%q) = %q; want %q", tt.code, got, tt.want)
		}
	}
}
