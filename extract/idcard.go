package extract

import (
	"github.com/qualcheck/qualcheck/ocr"
)

var idFrontLabels = []string{"姓名", "性别", "民族", "出生", "住址", "公民身份号码"}

// IDFront reads the photo side of a resident ID card (also the card in a
// handheld photo): name, sex, ethnicity, birth date, address, number.
func IDFront(p ocr.Page) Fields {
	rs := rows(p)
	v := labelled(rs, idFrontLabels, map[string]int{"住址": 2})
	fs := Fields{}
	fs.set(FName, fieldOf(v["姓名"]))
	fs.set(FSex, fieldOf(sexOf(v["性别"])))
	fs.set(FEthnicity, fieldOf(v["民族"]))
	fs.set(FBirth, dateField(v["出生"]))
	fs.set(FAddress, fieldOf(v["住址"]))
	fs.set(FIDNumber, IDNumber(p))
	return fs
}

// IDNumber finds an 18-character resident ID number anywhere on the page,
// preferring one whose structure and check digit are valid.
func IDNumber(p ocr.Page) Field {
	return findPattern(rows(p), idRe, fixCode, func(s string) bool {
		_, err := ParseIDNumber(s, Date{Y: 9999, M: 12, D: 31})
		return err == nil
	})
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
// read gave no valid number.
func IDNumberBand(p ocr.Page) (ocr.Box, bool) {
	rs := rows(p)
	for _, h := range findLabels(rs, []string{"公民身份号码"}) {
		lb := span(rs[h.row].glyphs[h.start:h.end]).box()
		x := lb.X + lb.W
		return ocr.Box{X: x, Y: lb.Y - lb.H/2, W: p.Width - x, H: lb.H * 2}, true
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
	from, to := termDates(v["有效期限"])
	fs.set(FValidFrom, from)
	fs.set(FValidTo, to)
	return fs
}
