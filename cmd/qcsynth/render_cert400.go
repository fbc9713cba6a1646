package main

import (
	"fmt"
	"image/color"
)

// Old-style certificates that 400 applicants without a three-in-one
// licence still submit: 税务登记证 and 组织机构代码证 (A4 landscape).

var certGrey = color.RGBA{120, 120, 124, 255}

func (r *renderer) certCanvas(widthPx float64) *canvas {
	c := newCanvas(licW, licH, widthPx/licW, color.RGBA{250, 250, 247, 255}, r.fs, r.rng)
	paperTexture(c.img, r.rng, 0.035)
	c.certBorder(licW, licH, 12, 6, certGrey)
	c.emblem(licW/2, 34, 6.5, false)
	return c
}

func (r *renderer) taxCert(a *app, widthPx float64) *sheet {
	e := a.Ent
	c := r.certCanvas(widthPx)
	c.text(32, 50, sized(r.printFont(false), 4.4), fmt.Sprintf("%s税联字 %s%s号", e.City.Abbr, e.District.Code, e.Org))
	c.textSpread(licW/2-48, 66, 96, sized(r.printFont(true), 14), "税务登记证")
	c.textCentered(licW/2, 75, sized(r.printFont(false), 4.4), "（副本）")
	y := 90.0
	rows := [][2]string{{"纳税人名称：", e.Name}, {"法定代表人（负责人）：", a.LR.Name}, {"地址：", e.Address},
		{"登记注册类型：", licenseRegistered(e.Type)}, {"经营范围：", e.Scope}, {"批准设立机关：", e.City.Name + "工商行政管理局"}, {"扣缴义务：", "依法确定"}}
	for _, row := range rows {
		lw := c.measure(sized(r.printFont(true), 4.2), row[0])
		y = r.labelValue(c, 32, y, lw, 32+lw+1, 166-lw, 4.2, row[0], row[1], false) + 3.6
	}
	return r.certFooter(c, e.District.cityName()+e.District.Name+"国家税务局", cnDateShort(e.TaxDate))
}

func (r *renderer) orgCert(a *app, widthPx float64) *sheet {
	e := a.Ent
	c := r.certCanvas(widthPx)
	c.textSpread(licW/2-30, 56, 60, sized(r.printFont(true), 7), "中华人民共和国")
	c.textSpread(licW/2-52, 74, 104, sized(r.printFont(true), 12), "组织机构代码证")
	y := 92.0
	rows := [][2]string{{"代码：", formatOrgCode(e.Org)}, {"机构名称：", e.Name}, {"机构类型：", "企业法人"},
		{"法定代表人：", a.LR.Name}, {"地址：", e.Address}, {"登记号：", fmt.Sprintf("组代管%s-%s", e.District.Code, e.Org[2:8])}}
	for _, row := range rows {
		lw := c.measure(sized(r.printFont(true), 4.2), row[0])
		y = r.labelValue(c, 32, y, lw, 32+lw+1, 166-lw, 4.2, row[0], row[1], false) + 3.6
	}
	return r.certFooter(c, e.District.cityName()+"质量技术监督局", cnDateShort(e.OrgDate))
}

// certFooter prints the issuing authority, the date and its seal.
func (r *renderer) certFooter(c *canvas, authority, date string) *sheet {
	c.text(200, 172, sized(r.printFont(true), 4.4), "发证机关：")
	c.text(204, 186, sized(r.printFont(false), 4.4), date)
	sh := &sheet{img: c.img}
	seal := registrySeal(r.rng, authority, 38*c.s, r.rng.IntN(2) == 0)
	box := drawSeal(c.img, r.fs, r.rng, (232+r.uniform(-4, 4))*c.s, (176+r.uniform(-3, 3))*c.s, seal)
	sh.others = append(sh.others, boxQuad(box))
	return sh
}
