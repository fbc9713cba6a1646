package extract

import "testing"

func TestConfusable(t *testing.T) {
	tests := []struct {
		a, b rune
		want bool
	}{
		{'熊', '能', true},
		{'能', '熊', true},
		{'潜', '洪', true},
		{'起', '霞', true},
		{'傅', '倩', true},
		{'水', '永', true},
		{'港', '潜', true},
		{'港', '洪', false}, // each confusable with 潜, not with each other
		{'戊', '戌', true},
		{'潜', '替', false},
		{'熊', '戌', false}, // each confusable, not with each other
		{'张', '王', false},
	}
	for _, tt := range tests {
		if got := Confusable(tt.a, tt.b); got != tt.want {
			t.Errorf("Confusable(%c, %c) = %v, want %v", tt.a, tt.b, got, tt.want)
		}
	}
}

func TestConfusableWith(t *testing.T) {
	tests := []struct {
		s, name string
		want    bool
	}{
		{"萧山区", "萧山区", true},
		{"洪江区", "潜江区", true},
		{"洪江市区", "潜江区", false},
		{"洪山区", "潜江区", false},
	}
	for _, tt := range tests {
		if got := confusableWith([]rune(tt.s), []rune(tt.name)); got != tt.want {
			t.Errorf("confusableWith(%s, %s) = %v, want %v", tt.s, tt.name, got, tt.want)
		}
		if got := ConfusableWith(tt.s, tt.name); got != (tt.want && tt.s != tt.name) {
			t.Errorf("ConfusableWith(%s, %s) = %v", tt.s, tt.name, got)
		}
	}
}
