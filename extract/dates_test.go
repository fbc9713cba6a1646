package extract

import (
	"errors"
	"reflect"
	"testing"
	"time"
)

func TestParseDate(t *testing.T) {
	d := Date{2026, 11, 1}
	tests := []struct {
		in   string
		want Date
		ok   bool
	}{
		{"2026年11月1日", d, true},
		{"2026年11月01日", d, true},
		{"2026.11.01", d, true},
		{"2026-11-01", d, true},
		{"2026/11/1", d, true},
		{"20261101", d, true},
		{"2026 年 11 月 1 日", d, true},
		{"  2026年11月1日\u3000", d, true},
		{"二〇二六年十一月一日", d, true},
		{"二零二六年十一月一日", d, true},
		{"二○二六年十一月一日", d, true},
		{"2026年11月1", d, true},
		{"２０２６年１１月１日", d, true},
		{"２０２６．１１．０１", d, true},
		{"二〇二六年二月二十八日", Date{2026, 2, 28}, true},
		{"二〇二四年二月廿九日", Date{2024, 2, 29}, true},
		{"二〇二六年十二月三十一日", Date{2026, 12, 31}, true},
		{"一九九九年十月十日", Date{1999, 10, 10}, true},
		{"长期", LongTerm, true},
		{"長期", LongTerm, true},
		{"2026年2月30日", Date{}, false},
		{"2026-13-01", Date{}, false},
		{"2026.02.29", Date{}, false},
		{"2024.02.29", Date{2024, 2, 29}, true},
		{"20260230", Date{}, false},
		{"2026.11-01", Date{}, false},
		{"二〇二六年十三月一日", Date{}, false},
		{"二〇二六年一一月一日", Date{}, false},
		{"2026年11月", Date{}, false},
		{"", Date{}, false},
		{"2026年11月1日至2027年11月1日", Date{}, false},
		{"成立日期2026年11月1日", Date{}, false},
		{"202611011", Date{}, false},
	}
	for _, tt := range tests {
		got, ok := ParseDate(tt.in)
		if ok != tt.ok || got != tt.want {
			t.Errorf("ParseDate(%q) = %v, %v; want %v, %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
}

func TestFindDates(t *testing.T) {
	tests := []struct {
		in   string
		want []DateMatch
	}{
		{"2015.03.01-2035.03.01", []DateMatch{
			{"2015.03.01", Date{2015, 3, 1}, 0, 10},
			{"2035.03.01", Date{2035, 3, 1}, 11, 21},
		}},
		{"2002年1]月12日至长期", []DateMatch{ // sample app-1-00001: 1 read as ]
			{"2002年1]月12日", Date{2002, 11, 12}, 0, 11},
			{"长期", LongTerm, 12, 14},
		}},
		{"2025年06月J7", []DateMatch{ // sample app-1-00007: a written 1 read as J
			{"2025年06月J7", Date{2025, 6, 17}, 0, 10},
		}},
		{"2025年0i月12日", []DateMatch{ // sample app-2-00016
			{"2025年0i月12日", Date{2025, 1, 12}, 0, 11},
		}},
		{"有效期限 2021.09.18-长期", []DateMatch{
			{"2021.09.18", Date{2021, 9, 18}, 5, 15},
			{"长期", LongTerm, 16, 18},
		}},
		{"2002年11月12日至2052年11月11日", []DateMatch{
			{"2002年11月12日", Date{2002, 11, 12}, 0, 11},
			{"2052年11月11日", Date{2052, 11, 11}, 12, 23},
		}},
		{"成立日期 2002年11月12日", []DateMatch{
			{"2002年11月12日", Date{2002, 11, 12}, 5, 16},
		}},
		{"营业期限自二〇〇二年十一月十二日至长期", []DateMatch{
			{"二〇〇二年十一月十二日", Date{2002, 11, 12}, 5, 16},
			{"长期", LongTerm, 17, 19},
		}},
		{"有效期２０１５．０３．０１－２０３５．０３．０１", []DateMatch{
			{"２０１５．０３．０１", Date{2015, 3, 1}, 3, 13},
			{"２０３５．０３．０１", Date{2035, 3, 1}, 14, 24},
		}},
		{"出生 19910101 号码 360426199101010071", []DateMatch{
			{"19910101", Date{1991, 1, 1}, 3, 11},
		}},
		{"代码 91310112087994932F 日期2026年2月30日", nil},
		{"no dates here 12345678", nil},
	}
	for _, tt := range tests {
		if got := FindDates(tt.in); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("FindDates(%q) =\n %v\nwant\n %v", tt.in, got, tt.want)
		}
	}
}

func TestParseISODate(t *testing.T) {
	tests := []struct {
		in   string
		want Date
		ok   bool
	}{
		{"2026-11-23", Date{2026, 11, 23}, true},
		{"2024-02-29", Date{2024, 2, 29}, true},
		{"2000-02-29", Date{2000, 2, 29}, true},
		{"1900-02-29", Date{}, false},
		{"2026-02-29", Date{}, false},
		{"2026-04-31", Date{}, false},
		{"2026-00-10", Date{}, false},
		{"2026-1-1", Date{}, false},
		{"2026/11/23", Date{}, false},
		{"20261123", Date{}, false},
		{"2026-11-2x", Date{}, false},
	}
	for _, tt := range tests {
		got, err := ParseISODate(tt.in)
		if (err == nil) != tt.ok || got != tt.want {
			t.Errorf("ParseISODate(%q) = %v, %v; want %v, ok=%v", tt.in, got, err, tt.want, tt.ok)
		}
		if err != nil && !errors.Is(err, ErrInvalidDate) {
			t.Errorf("ParseISODate(%q) error %v does not wrap ErrInvalidDate", tt.in, err)
		}
	}
}

func TestAddCalendarMonths(t *testing.T) {
	tests := []struct {
		from Date
		n    int
		want Date
	}{
		{Date{2026, 5, 31}, -3, Date{2026, 2, 28}},
		{Date{2024, 5, 31}, -3, Date{2024, 2, 29}},
		{Date{2026, 3, 31}, 1, Date{2026, 4, 30}},
		{Date{2026, 1, 31}, 1, Date{2026, 2, 28}},
		{Date{2024, 1, 31}, 1, Date{2024, 2, 29}},
		{Date{2000, 1, 31}, 1, Date{2000, 2, 29}},
		{Date{1900, 1, 31}, 1, Date{1900, 2, 28}},
		{Date{2100, 3, 31}, -1, Date{2100, 2, 28}},
		{Date{2024, 2, 29}, 12, Date{2025, 2, 28}},
		{Date{2024, 2, 29}, 48, Date{2028, 2, 29}},
		{Date{2024, 2, 29}, -12, Date{2023, 2, 28}},
		{Date{2026, 2, 28}, 1, Date{2026, 3, 28}},
		{Date{2026, 8, 31}, 1, Date{2026, 9, 30}},
		{Date{2026, 12, 31}, 1, Date{2027, 1, 31}},
		{Date{2026, 1, 15}, -1, Date{2025, 12, 15}},
		{Date{2026, 1, 31}, -2, Date{2025, 11, 30}},
		{Date{2026, 11, 23}, -6, Date{2026, 5, 23}},
		{Date{2026, 11, 23}, -24, Date{2024, 11, 23}},
		{Date{2026, 11, 23}, 0, Date{2026, 11, 23}},
		{Date{2026, 7, 31}, -13, Date{2025, 6, 30}},
		{Date{2026, 10, 31}, 120, Date{2036, 10, 31}},
	}
	for _, tt := range tests {
		if got := AddCalendarMonths(tt.from, tt.n); got != tt.want {
			t.Errorf("AddCalendarMonths(%v, %d) = %v; want %v", tt.from, tt.n, got, tt.want)
		}
	}
}

func TestDaysIn(t *testing.T) {
	tests := []struct{ y, m, want int }{
		{2026, 1, 31}, {2026, 2, 28}, {2024, 2, 29}, {2000, 2, 29}, {1900, 2, 28},
		{2100, 2, 28}, {2026, 4, 30}, {2026, 6, 30}, {2026, 9, 30}, {2026, 11, 30}, {2026, 12, 31},
	}
	for _, tt := range tests {
		if got := daysIn(tt.y, tt.m); got != tt.want {
			t.Errorf("daysIn(%d, %d) = %d; want %d", tt.y, tt.m, got, tt.want)
		}
	}
}

func TestDateComparisons(t *testing.T) {
	a, b := Date{2026, 2, 28}, Date{2026, 3, 1}
	tests := []struct {
		name string
		got  bool
		want bool
	}{
		{"a.Before(b)", a.Before(b), true},
		{"b.Before(a)", b.Before(a), false},
		{"a.Before(a)", a.Before(a), false},
		{"b.After(a)", b.After(a), true},
		{"a.After(b)", a.After(b), false},
		{"a.Equal(a)", a.Equal(a), true},
		{"a.Equal(b)", a.Equal(b), false},
		{"year dominates", Date{2025, 12, 31}.Before(Date{2026, 1, 1}), true},
		{"zero IsZero", Date{}.IsZero(), true},
		{"a IsZero", a.IsZero(), false},
	}
	for _, tt := range tests {
		if tt.got != tt.want {
			t.Errorf("%s = %v; want %v", tt.name, tt.got, tt.want)
		}
	}
}

func TestDaysBetween(t *testing.T) {
	tests := []struct {
		a, b Date
		want int
	}{
		{Date{2026, 2, 28}, Date{2026, 3, 1}, 1},
		{Date{2024, 2, 28}, Date{2024, 3, 1}, 2},
		{Date{2026, 3, 1}, Date{2026, 2, 28}, -1},
		{Date{2026, 1, 1}, Date{2027, 1, 1}, 365},
		{Date{2024, 1, 1}, Date{2025, 1, 1}, 366},
		{Date{2026, 11, 23}, Date{2026, 11, 23}, 0},
	}
	for _, tt := range tests {
		if got := DaysBetween(tt.a, tt.b); got != tt.want {
			t.Errorf("DaysBetween(%v, %v) = %d; want %d", tt.a, tt.b, got, tt.want)
		}
	}
}

func TestDateStringAndTime(t *testing.T) {
	d := Date{987, 3, 4}
	if got := d.String(); got != "0987-03-04" {
		t.Errorf("String() = %q", got)
	}
	want := time.Date(2026, time.November, 23, 0, 0, 0, 0, time.UTC)
	if got := (Date{2026, 11, 23}).Time(); !got.Equal(want) || got.Location() != time.UTC {
		t.Errorf("Time() = %v; want %v", got, want)
	}
	if LongTerm.String() != "2099-12-31" {
		t.Errorf("LongTerm = %v", LongTerm)
	}
}

func TestDayCut(t *testing.T) {
	tests := []struct {
		in   string
		want bool
	}{
		{"2026年07月1让", true}, // generated app-1-00037: 17 written
		{"2025年12月1站", true},
		{"2026年7月1日", false},
		{"2026年07月17日", false},
		{"2026年07月17让", false}, // two digits: nothing lost
		{"2025年01月2", true},    // generated app-23-00016: 27 written, the month's zero kept
		{"2026年7月1", false},    // nothing after the day, written without zeros
		{"2026年07月1 日", false},
	}
	for _, tt := range tests {
		if got := dayCut(tt.in); got != tt.want {
			t.Errorf("dayCut(%q) = %v, want %v", tt.in, got, tt.want)
		}
	}
}
