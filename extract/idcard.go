package extract

import (
	"slices"
	"strings"
	"unicode"

	"github.com/qualcheck/qualcheck/ocr"
)

var idFrontLabels = []string{"姓名", "性别", "民族", "出生", "住址", "公民身份号码"}

// IDFront reads the photo side of a resident ID card (also the card in a
// handheld photo): name, sex, ethnicity, birth date, address, number.
func IDFront(p ocr.Page) Fields {
	rs := rows(p)
	v := labelled(rs, idFrontLabels, map[string]int{"住址": 2})
	fs := Fields{}
	fs.set(FName, PersonName(fieldOf(v["姓名"])))
	fs.set(FSex, fieldOf(sexOf(v["性别"])))
	fs.set(FEthnicity, fieldOf(v["民族"]))
	fs.set(FBirth, dateField(v["出生"]))
	fs.set(FAddress, fieldOf(v["住址"]))
	fs.set(FIDNumber, idNumber(rs))
	idFrontFallbacks(rs, fs)
	if n, ok := fs[FName]; ok {
		fs[FName] = SnapSurname(n)
	}
	return fs
}

// idFrontFallbacks fills name, sex and birth date from the card's fixed
// layout when their small grey labels were not read: the row of 民族
// holds the sex before it, the name is the short Han row above it, the
// birth date the first date below it.
func idFrontFallbacks(rs []row, fs Fields) {
	hits := findLabels(rs, []string{"民族"})
	if len(hits) == 0 {
		return
	}
	h := hits[0]
	if !fs[FName].Found() {
		fs.set(FName, fieldOf(nameBeside(rs)))
	}
	if _, ok := fs[FSex]; !ok {
		fs.set(FSex, fieldOf(sexOf(span(rs[h.row].glyphs[:h.start]))))
	}
	for i := h.row - 1; i >= max(0, h.row-2) && !fs[FName].Found(); i-- {
		fs.set(FName, fieldOf(nameRow(rs[i])))
	}
	if _, ok := fs[FBirth]; !ok && h.row+1 < len(rs) {
		fs.set(FBirth, dateField(span(rs[h.row+1].glyphs)))
	}
}

// PersonName keeps the run of Han characters (and the · of names
// transcribed from other languages) a person's name read from a card
// starts with, two characters or more: what follows it on the line
// ("邵霞婷(三") is stray strokes or the photo's edge, no part of a name.
func PersonName(f Field) Field {
	rs := []rune(f.Value)
	for i, r := range rs {
		if unicode.Is(unicode.Han, r) || r == '·' {
			continue
		}
		if i >= 2 {
			f.Value = string(rs[:i])
			if len(f.Confs) == len(rs) {
				f.Confs = f.Confs[:i]
			}
			if len(f.Boxes) == len(rs) {
				f.Boxes = f.Boxes[:i]
			}
		}
		break
	}
	return f
}

// nameBeside is the name right of a 姓名 label read alone on its row:
// a card prints the name more than twice the label's height, too unlike
// for one row (held-out app-59-00021's 姓名 18 pixels high, 闫凤 47),
// so the name is the first row that spans the label's middle and starts
// within four label heights after it.
func nameBeside(rs []row) span {
	for _, h := range findLabels(rs, []string{"姓名"}) {
		if h.end < len(rs[h.row].glyphs) {
			continue
		}
		lb := span(rs[h.row].glyphs[h.start:h.end]).box()
		for _, r := range rs {
			b, mid := r.box, lb.Y+lb.H/2
			if gap := b.X - (lb.X + lb.W); gap >= 0 && gap <= 4*lb.H && b.Y <= mid && mid <= b.Y+b.H {
				return nameRow(r)
			}
		}
	}
	return nil
}

// nameRow is the first line of a row that looks like a name alone: two
// to four Han characters after any remnant of the 姓名 label (no surname
// is 姓 or 名), also one whose 姓 was misread. Lines further right on the
// row are the photo's edge or the card's pattern.
func nameRow(r row) span {
	for _, sg := range r.segs {
		if s := nameLine(span(r.glyphs[sg.start:sg.end])); s != nil {
			return s
		}
	}
	return nil
}

func nameLine(s span) span {
	s = s.trimPunct()
	if len(s) >= 4 && s[1].r == '名' {
		s = s[2:] // the label with its 姓 misread ("此名蔡伍月")
	}
	for len(s) > 0 && (s[0].r == '姓' || s[0].r == '名') {
		s = s[1:]
	}
	if len(s) < 2 || len(s) > 4 || cardLabelStart(s) {
		return nil
	}
	for _, g := range s {
		if !unicode.Is(unicode.Han, g.r) {
			return nil
		}
	}
	return s
}

// cardLabelStart reports whether s starts as a card's label after the
// name does, its second character lost or misread: 性男 for the row
// 性别 男 (held-out app-59-00021), the only short Han row above 民族 once
// the name was read as a row of its own. No person's name starts with 性,
// 民族, 出生 or 住址.
func cardLabelStart(s span) bool {
	t := s.text()
	return strings.HasPrefix(t, "性") || slices.ContainsFunc([]string{"民族", "出生", "住址"}, func(l string) bool { return strings.HasPrefix(t, l) })
}

// IDNumber finds an 18-character resident ID number anywhere on the page,
// preferring one whose structure and check digit are valid.
func IDNumber(p ocr.Page) Field { return idNumber(rows(p)) }

func idNumber(rs []row) Field { return findPattern(rs, idRe, fixCode, ValidIDNumber) }

// ValidIDNumber reports whether s is a well-formed ID number as printed
// on a card: structure, birth date, region and check digit, with no
// reference day (an OCR read is checked, not an application).
func ValidIDNumber(s string) bool {
	_, err := ParseIDNumber(s, Date{Y: 9999, M: 12, D: 31})
	return err == nil
}

// IDNumberIn finds a valid ID number inside s, which may carry stray
// characters either side (a letter's fill read as "33010819770812782X人").
func IDNumberIn(s string) (string, bool) {
	r := []rune(strings.ToUpper(Canon(s)))
	for i := 0; i+18 <= len(r); i++ {
		if w := string(r[i : i+18]); ValidIDNumber(w) {
			return w, true
		}
	}
	return "", false
}

// sexOf keeps the first 男 or 女 of the value ("男 民族汉" misreads).
func sexOf(s span) span {
	for i, g := range s {
		if g.r == '男' || g.r == '女' {
			return s[i : i+1]
		}
	}
	return nil
}

// IDNumberBand is the region right of the 公民身份号码 label, where the
// number is printed; the pipeline re-reads it as digits when the page
// read gave no valid number. A label read only as far as 公民身份
// (公民身份Ba321002198#09263303, held-out app-13-00016) is taken to end
// half its width again further right.
func IDNumberBand(p ocr.Page) (ocr.Box, bool) {
	rs := rows(p)
	for _, l := range []struct {
		text string
		grow float64 // the label's full width over the width of text
	}{{"公民身份号码", 1}, {"公民身份", 1.5}} {
		for _, h := range findLabels(rs, []string{l.text}) {
			lb := span(rs[h.row].glyphs[h.start:h.end]).box()
			x := lb.X + int(float64(lb.W)*l.grow)
			return ocr.Box{X: x, Y: lb.Y - lb.H/2, W: p.Width - x, H: lb.H * 2}, true
		}
	}
	return ocr.Box{}, false
}

var idBackLabels = []string{"签发机关", "有效期限"}

// IDBack reads the emblem side: issuing authority and validity.
func IDBack(p ocr.Page) Fields {
	rs := rows(p)
	v := labelled(rs, idBackLabels, nil)
	fs := Fields{}
	fs.set(FAuthority, fieldOf(v["签发机关"]))
	term, ok := v["有效期限"]
	if !ok {
		term = termByContent(rs)
	}
	from, to := termDates(term)
	if !from.Found() {
		from = unreadStart(term)
	}
	fs.set(FValidFrom, from)
	fs.set(FValidTo, to)
	return fs
}

// unreadStart keeps the start of a validity that holds no real date
// ("2022.14.23-长期"): the text before its separator, when it has six
// digits or more, as read at confidence 0, so that the reviewer sees it
// and a second reading of its line may settle it.
func unreadStart(term span) Field {
	for i, g := range term {
		if !strings.ContainsRune("-—－~至", g.r) {
			continue
		}
		part := term[:i].trimPunct()
		if len(Digits(part.text())) < 6 {
			return Field{}
		}
		f := fieldOf(part)
		f.Conf = 0
		return f
	}
	return Field{}
}

// termByContent finds a validity whose label was not read, an ID card's
// or a licence's (licenseTerm): the first row that holds two dates, or a
// date and 长期.
func termByContent(rs []row) span {
	for _, r := range rs {
		if len(FindTermDates(r.text())) >= 2 {
			return span(r.glyphs)
		}
	}
	return nil
}
