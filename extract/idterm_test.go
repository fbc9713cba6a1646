package extract

import "testing"

func TestFitIDTerm(t *testing.T) {
	// Reads are what Tesseract made of real validity bands of the
	// generated corpus: page read, digits-only crop read, text crop read.
	tests := []struct {
		name     string
		reads    []string
		from, to string
	}{
		{"clean", []string{"2016.10.23-2026.10.23"}, "2016-10-23", "2026-10-23"},
		{"long term", []string{"2018.07.21-长期"}, "2018-07-21", "2099-12-31"},
		{"separators lost", []string{"200711.30-2027.]开.30", "200741.30-2027.14.30", "200711.30-2027.11.30"}, "2007-11-30", "2027-11-30"},
		{"end misread, fitted", []string{"2011.06.09s203和06.09", "2011.06.09-2081.06.09", "2011.06.09-2031106.09"}, "2011-06-09", "2031-06-09"},
		{"end cut short, fitted", []string{"2017.03.29-2027.03:29", "2017.03.29-2027.03.2", "2017.03.29-2027:93:25"}, "2017-03-29", "2027-03-29"},
		{"one read garbled", []string{"2021.10.01-2041.10.0j", "1202140.01-2041.10.01", "1202liootz04l100加"}, "2021-10-01", "2041-10-01"},
		{"ambiguous end year", []string{"2007.08;25.225", "2|"}, "", ""},
		{"implausible only", []string{"2011.06.09-2081.06.09"}, "", ""},
		{"nothing", []string{"", "签发机关"}, "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var reads []Field
			for _, r := range tt.reads {
				reads = append(reads, Field{Value: r, Conf: 0.3})
			}
			from, to, ok := FitIDTerm(reads)
			if ok != (tt.from != "") || from.Value != tt.from || to.Value != tt.to {
				t.Fatalf("FitIDTerm = %q, %q, %v; want %q, %q", from.Value, to.Value, ok, tt.from, tt.to)
			}
		})
	}
}

func TestPlausibleIDTerm(t *testing.T) {
	tests := []struct {
		from, to Date
		want     bool
	}{
		{Date{2016, 10, 23}, Date{2026, 10, 23}, true},
		{Date{2016, 10, 23}, Date{2036, 10, 23}, true},
		{Date{2016, 10, 23}, Date{2021, 10, 23}, true},
		{Date{2016, 10, 23}, Date{2031, 10, 23}, false},
		{Date{2016, 10, 23}, Date{2026, 10, 22}, false},
		{Date{2016, 10, 23}, LongTerm, true},
		{Date{2016, 2, 29}, Date{2026, 2, 28}, true}, // the month-end clamp
	}
	for _, tt := range tests {
		if got := PlausibleIDTerm(tt.from, tt.to); got != tt.want {
			t.Errorf("PlausibleIDTerm(%v, %v) = %v, want %v", tt.from, tt.to, got, tt.want)
		}
	}
}

func TestIDNumberIn(t *testing.T) {
	tests := []struct {
		in, want string
		ok       bool
	}{
		{"33010819770812782X人", "33010819770812782X", true},
		{"号33010819770812782x", "33010819770812782X", true},
		{"330108197708127821", "", false}, // check digit wrong
		{"3301081977", "", false},
	}
	for _, tt := range tests {
		if got, ok := IDNumberIn(tt.in); got != tt.want || ok != tt.ok {
			t.Errorf("%q: %q %v, want %q %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
}
