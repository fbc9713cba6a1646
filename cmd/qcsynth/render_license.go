package main

import (
	"image/color"
	"strings"
)

// Business licence (副本), A4 landscape, drawn in millimetres.
const licW, licH = 297.0, 210.0

var (
	licCream  = color.RGBA{251, 246, 234, 255}
	licBorder = color.RGBA{186, 146, 72, 255}
)

func (r *renderer) license(a *app, widthPx float64) *sheet {
	e := a.Ent
	c := newCanvas(licW, licH, widthPx/licW, licCream, r.fs, r.rng)
	paperTexture(c.img, r.rng, 0.05)
	c.certBorder(licW, licH, 9, 7, licBorder)
	c.emblem(licW/2, 31, 8, true)
	c.qrCode(236, 27, 22, r.rng)
	small := sized(r.printFont(false), 2.0)
	for i, l := range []string{"扫描二维码登录“国家企业", "信用信息公示系统”了解更多", "登记、备案、许可、监管信息"} {
		c.text(233, 54+float64(i)*2.8, small, l)
	}
	c.text(30, 44, sized(r.printFont(true), 4.2), "统一社会信用代码")
	c.text(30, 51, sized(r.printFont(false), 4.6), e.USCC)
	c.text(30, 57, sized(r.printFont(false), 3.0), "副本编号："+e.CopyNo)
	c.textSpread(licW/2-40, 66, 80, sized(r.printFont(true), 16), "营业执照")
	c.textCentered(licW/2, 76, sized(r.printFont(false), 4.6), "（副本）")
	r.licenseFields(c, a)
	c.text(200, 168, sized(r.printFont(true), 4.6), "登记机关")
	c.text(196, 180, sized(r.printFont(false), 4.6), cnDate(e.LicenceDate))
	foot := sized(r.printFont(false), 2.3)
	c.text(30, 183, foot, "国家企业信用信息公示系统网址：http://www.gsxt.gov.cn")
	c.text(30, 187, foot, "市场主体应当于每年1月1日至6月30日通过国家企业信用信息公示系统报送公示年度报告。")
	c.text(232, 190, foot, "国家市场监督管理总局监制")
	sh := &sheet{img: c.img}
	seal := registrySeal(r.rng, e.Registry, 40*c.s, e.RegistryGrey)
	box := drawSeal(c.img, r.fs, r.rng, (222+r.uniform(-4, 4))*c.s, (170+r.uniform(-4, 3))*c.s, seal)
	sh.others = append(sh.others, boxQuad(box))
	return sh
}

func (r *renderer) licenseFields(c *canvas, a *app) {
	e := a.Ent
	const size = 4.2
	term := cnDate(e.Founded) + " 至 " + cnDate(e.TermEnd)
	if isLong(e.TermEnd) {
		term = cnDate(e.Founded) + " 至 长期"
	}
	y := 92.0
	for _, row := range [][2]string{{"名称", e.Name}, {"类型", e.Type}, {repLabel(e.Type), a.LR.Name}, {"经营范围", e.Scope}} {
		y = r.labelValue(c, 30, y, 22, 60, 78, size, row[0], row[1], true) + 4.5
		if row[0] == "经营范围" {
			break
		}
	}
	y = 92.0
	for _, row := range [][2]string{{"注册资本", e.Capital}, {"成立日期", cnDate(e.Founded)}, {"营业期限", term}, {"住所", e.Address}} {
		y = r.labelValue(c, 158, y, 20, 185, 80, size, row[0], row[1], true) + 4.5
	}
}

// repLabel names the responsible person as the licence of that type does.
func repLabel(t string) string {
	switch t {
	case "个体工商户":
		return "经营者"
	case "个人独资企业":
		return "投资人"
	}
	return "法定代表人"
}

// licenseRegistered is the 登记注册类型 printed on old tax certificates.
func licenseRegistered(t string) string {
	switch {
	case strings.HasPrefix(t, "股份"):
		return "股份有限公司"
	case strings.Contains(t, "港澳台"):
		return "港、澳、台商投资有限责任公司"
	}
	return "有限责任公司"
}
