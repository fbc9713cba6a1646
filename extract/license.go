package extract

import (
	"github.com/qualcheck/qualcheck/ocr"
)

var licenseLabels = []string{
	"名称", "类型", "法定代表人", "负责人", "经营者", "经营范围", "注册资本", "成立日期",
	"营业期限", "住所", "经营场所", "登记机关", "统一社会信用代码", "副本编号",
}

// License reads a business licence: name, credit code, type, legal
// representative, registered capital, establishment date, business term
// and address.
func License(p ocr.Page) Fields {
	rs := rows(p)
	v := labelled(rs, licenseLabels, map[string]int{"类型": 1, "住所": 2, "经营场所": 2})
	fs := Fields{}
	fs.set(FName, fixBrackets(fieldOf(v["名称"])))
	fs.set(FType, SnapType(fixBrackets(fieldOf(v["类型"]))))
	fs.set(FLegalRep, fieldOf(firstOf(v, "法定代表人", "负责人", "经营者")))
	fs.set(FAddress, SnapAddress(fieldOf(firstOf(v, "住所", "经营场所"))))
	fs.set(FCapital, fieldOf(v["注册资本"]))
	fs.set(FEstablished, dateField(v["成立日期"]))
	start, end := termDates(v["营业期限"])
	fs.set(FTermStart, start)
	fs.set(FTermEnd, end)
	fs.set(FCreditCode, creditCode(rs))
	return fs
}

func firstOf(v map[string]span, labels ...string) span {
	for _, l := range labels {
		if s, ok := v[l]; ok {
			return s
		}
	}
	return nil
}

// termDates splits a validity such as "2002年11月12日至2052年11月11日",
// "2015.03.01-2035.03.01" or "2021.09.18-长期" into its two dates.
// "长期" alone is an open-ended term: only its end is known.
func termDates(s span) (Field, Field) {
	f := fieldOf(s)
	ms := FindDates(f.Value)
	switch {
	case len(ms) >= 2:
		return subField(s, ms[0]), subField(s, ms[1])
	case len(ms) == 1 && ms[0].Value == LongTerm:
		return Field{}, subField(s, ms[0])
	case len(ms) == 1:
		return subField(s, ms[0]), Field{}
	}
	return Field{}, Field{}
}

func subField(s span, m DateMatch) Field {
	if m.End > len(s) || m.Start >= m.End {
		return Field{Value: m.Value.String(), Conf: s.conf(), Box: s.box()}
	}
	f := fieldOf(s[m.Start:m.End])
	f.Value, f.Confs = m.Value.String(), nil
	return f
}

// CreditCodeBands are the places a licence prints its credit code: under
// the 统一社会信用代码 label (older layout) and right of it (newer one).
// The pipeline re-reads them as a line of code characters when the page
// read gave no valid code.
func CreditCodeBands(p ocr.Page) []ocr.Box {
	rs := rows(p)
	for _, h := range findLabels(rs, []string{"统一社会信用代码"}) {
		lb := span(rs[h.row].glyphs[h.start:h.end]).box()
		below := ocr.Box{X: lb.X - lb.H, Y: lb.Y + lb.H, W: lb.W*2 + lb.H, H: lb.H * 2}
		right := ocr.Box{X: lb.X + lb.W, Y: lb.Y - lb.H/2, W: lb.W * 2, H: lb.H * 2}
		return []ocr.Box{below, right}
	}
	return nil
}

// CreditCode finds a valid unified social credit code on a page read.
func CreditCode(p ocr.Page) Field { return creditCode(rows(p)) }

func creditCode(rs []row) Field {
	return findPattern(rs, creditRe, fixCode, func(s string) bool { return ValidateUSCC(s) == nil })
}
