package verify

import (
	"slices"
	"testing"

	"github.com/qualcheck/qualcheck/extract"
	"github.com/qualcheck/qualcheck/ocr"
)

func TestInOrder(t *testing.T) {
	tests := []struct {
		read, want string
		pos        []int
	}{
		{"广州字信物流有限公司", "广州宇信物流有限公司", []int{0, 1, 3, 4, 5, 6, 7, 8, 9}},
		{"广州宇信物流有有限公司", "广州宇信物流有限公司", []int{0, 1, 2, 3, 4, 5, 6, 7, 8, 9}},
		{"", "广州", nil},
		{"曾平", "广州宇信物流有限公司", nil},
	}
	for _, tt := range tests {
		if got := extract.InOrder([]rune(tt.read), []rune(tt.want)); !slices.Equal(got, tt.pos) {
			t.Errorf("extract.InOrder(%q, %q) = %v, want %v", tt.read, tt.want, got, tt.pos)
		}
	}
}

func TestConsensus(t *testing.T) {
	const want = "广州宇信物流有限公司"
	read := func(vs ...string) []extract.Field {
		var out []extract.Field
		for _, v := range vs {
			out = append(out, extract.Field{Value: v, Conf: 0.7})
		}
		return out
	}
	tests := []struct {
		name     string
		readings []extract.Field
		want     string
		shown    bool
	}{
		{"each reading misses another character (generated app-11-00029)", read("全六9-光司", ":广州字信物流有限公司", ":广州宇信物流有有限公司"), want, true},
		{"every reading misses the same character", read("广州字信物流有限公司", "广州字信物流有公司"), want, false},
		{"one reading alone is not a consensus", read("广州宇信物流有限公", "可2"), want, false},
		{"a person's name", read("曾平", "曾平"), want, false},
		{"another company: its own characters are never read", read("广州宇信物流有限公司", "广州宇信物流有限公司"), "广州华源物流有限公司", false},
		{"a person's name is too short to be shown so", read("王小明", "王小明"), "王小明", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if _, got := consensus(tt.readings, tt.want); got != tt.shown {
				t.Errorf("consensus = %v, want %v", got, tt.shown)
			}
		})
	}
}

func TestMisreadReading(t *testing.T) {
	const want = "泰智信息技术（长沙）有限公司"
	box := ocr.Box{X: 500, Y: 700, W: 300, H: 40}
	// page is a page reading v, its characters read at 0.3 but for 尖,
	// read surely (the characters not the name's that the page read of
	// app-41-00025's fill).
	page := func(v string) extract.Field {
		var confs []float64
		for _, r := range v {
			c := 0.3
			if r == '尖' {
				c = 0.9
			}
			confs = append(confs, c)
		}
		return extract.Field{Value: v, Conf: 0.3, Confs: confs, Box: box, Boxes: []ocr.Box{{X: 500, Y: 700, W: 20, H: 40}}}
	}
	read := func(vs ...string) []extract.Field {
		var out []extract.Field
		for _, v := range vs {
			out = append(out, extract.Field{Value: v, Conf: 0.5, Box: ocr.Box{X: 19, Y: 22, W: 210, H: 30}})
		}
		return out
	}
	sure := extract.Field{Value: "泰智信息技术(长沙)擅章公司", Conf: 0.9, Box: ocr.Box{X: 19, Y: 22, W: 210, H: 30}}
	tests := []struct {
		name     string
		page     extract.Field
		readings []extract.Field
		value    string
	}{
		{"a reading tells the name the page's does not (held-out app-41-00025)", page("素都信息我尖汇长沙)育恨公"),
			read("泰铬信息技术(长沙)让恨公", "泰智信息技术(长沙)有限公", ""), "泰智信息技术(长沙)有限公"},
		{"the page's tells the name, a nearer reading does not replace it", page("泰智信息技木(长沙)有恨公"),
			read("泰智信息技术(长沙)有限公"), "泰智信息技木(长沙)有恨公"},
		{"a nearer reading that does not tell the name", page("素都信息我尖汇长沙)育恨公"), read("全人公休公司"), "素都信息我尖汇长沙)育恨公"},
		{"a reading with other characters read surely", page("素都信息我尖汇长沙)育恨公"), []extract.Field{sure}, "素都信息我尖汇长沙)育恨公"},
		{"a person's name tells no company's", page("王小明"), read("王小明", "王小朋"), "王小明"},
		{"no readings", page("素都信息我尖汇长沙)育恨公"), nil, "素都信息我尖汇长沙)育恨公"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := misreadReading(tt.readings, tt.page, want)
			if got.Value != tt.value {
				t.Fatalf("got %q, want %q", got.Value, tt.value)
			}
			if got.Box != box {
				t.Errorf("box %v, want the page's %v", got.Box, box)
			}
			if got.Value != tt.page.Value && got.Boxes != nil {
				t.Errorf("a reading's rune boxes kept: %v", got.Boxes)
			}
		})
	}
}
