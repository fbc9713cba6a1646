package main

import (
	"fmt"
	"strings"
	"time"
)

// newEnterprise draws an enterprise registered in a big city.
func (g *truthGen) newEnterprise(submitted time.Time, foundedBefore time.Time) enterprise {
	e := enterprise{Industry: pick(g.rng, industries)}
	var ds []region
	for len(ds) == 0 {
		e.City = pick(g.rng, cities)
		ds = g.regions.districts(e.City.Province, e.City.Name)
	}
	e.District = pick(g.rng, ds)
	e.Brand = string(brandChars[g.rng.IntN(len(brandChars))]) + string(brandChars[g.rng.IntN(len(brandChars))])
	e.Type = pick(g.rng, supportedTypes)
	e.Name = g.enterpriseName(e)
	e.Address = g.officeAddress(e.District)
	last := addYears(submitted, -1)
	if foundedBefore.Before(last) {
		last = foundedBefore
	}
	e.Founded = randDate(g.rng, day(1998, 1, 1), last)
	e.TermEnd = g.termEnd(e.Founded, submitted)
	e.LicenceDate = randDate(g.rng, maxDate(e.Founded, day(2016, 1, 1)), addDays(submitted, -15))
	e.Org = makeOrgCode(g.rng, e.Founded)
	e.USCC = makeUSCC(e.District.Code, e.Org)
	e.Capital = pick(g.rng, capitals)
	e.Scope = e.Industry.Scope
	e.Registry = e.District.cityName() + e.District.Name + "市场监督管理局"
	e.RegistryGrey = g.rng.IntN(3) == 0
	e.CopyNo = fmt.Sprintf("1-%d", 1+g.rng.IntN(2))
	e.TaxDate = randDate(g.rng, e.Founded, minDate(addYears(e.Founded, 2), day(2015, 9, 30)))
	e.OrgDate = randDate(g.rng, e.Founded, minDate(addDays(e.Founded, 90), day(2015, 9, 30)))
	return e
}

func maxDate(a, b time.Time) time.Time {
	if a.After(b) {
		return a
	}
	return b
}

func minDate(a, b time.Time) time.Time {
	if a.Before(b) {
		return a
	}
	return b
}

// termEnd is 长期 or a fixed term that runs well past submission.
func (g *truthGen) termEnd(founded, submitted time.Time) time.Time {
	if g.rng.IntN(2) == 0 {
		return longTerm
	}
	for _, y := range []int{20, 30, 50} {
		end := addDays(addYears(founded, y), -1)
		if end.After(addDays(submitted, 90)) && g.rng.IntN(2) == 0 {
			return end
		}
	}
	return addDays(addYears(founded, 50), -1)
}

func (g *truthGen) enterpriseName(e enterprise) string {
	form := "有限公司"
	if strings.HasPrefix(e.Type, "股份") {
		form = "股份有限公司"
	}
	w := e.Industry.Word
	switch g.rng.IntN(6) {
	case 0:
		return e.Brand + w + "（" + e.City.Short + "）" + form
	case 1:
		return e.City.Name + e.Brand + w + form
	default:
		return e.City.Short + e.Brand + w + form
	}
}

func (g *truthGen) officeAddress(r region) string {
	base := fmt.Sprintf("%s%s%d号", r.prefix(), pick(g.rng, roadNames), 1+g.rng.IntN(900))
	switch g.rng.IntN(4) {
	case 0:
		return base
	case 1:
		return base + fmt.Sprintf("%d幢%d室", 1+g.rng.IntN(9), 101+g.rng.IntN(30)*100+g.rng.IntN(30))
	case 2:
		return base + fmt.Sprintf("%d楼%d室", 2+g.rng.IntN(25), 100+g.rng.IntN(30)+1)
	default:
		return base + fmt.Sprintf("%d号楼%d层", 1+g.rng.IntN(6), 2+g.rng.IntN(20))
	}
}

// remarks names the calling scenario and a call script, in one of the
// ways applicants write them.
func (g *truthGen) remarks(e enterprise) string {
	in := e.Industry
	script := "您好，这里是" + e.Brand + in.Unit + "，" + in.Script
	switch g.rng.IntN(3) {
	case 0:
		return fmt.Sprintf("%s。话术示例：“%s”，每日外呼量约%d通。", in.Scenario, script, 10*(2+g.rng.IntN(30)))
	case 1:
		return fmt.Sprintf("用于%s，话术：%s。", in.Scenario, script)
	default:
		return fmt.Sprintf("业务场景：%s。外呼话术：“%s。”", in.Scenario, script)
	}
}

// letterDates draws the two signing days within three months before
// submission.
func (g *truthGen) letterDates(submitted time.Time) (time.Time, time.Time) {
	first := addDays(monthsBack(submitted, 3), 2)
	a := randDate(g.rng, first, submitted)
	if g.rng.IntN(5) < 3 {
		return a, a
	}
	return a, randDate(g.rng, first, submitted)
}

// letters draws both letters; each is stamped as its document's plan
// says (a STAMP_MISSING defect unstamps the plan before this runs).
func (g *truthGen) letters(a *app) {
	ad, cd := g.letterDates(a.Submitted)
	stamped := func(role string) bool { d := a.doc(role); return d == nil || d.Stamped }
	a.Apply = letter{Kind: "application", Lines: append([]string(nil), g.tmpl["application"]...), Date: ad, Stamped: stamped("application_letter"),
		Fills: map[string]string{
			"enterprise_name": a.Ent.Name, "organization_code": a.Ent.USCC, "admin_name": a.Admin.Name,
			"admin_id_number": a.Admin.ID, "admin_phone": a.Phone, "date": cnDate(ad),
		}}
	a.Commit = letter{Kind: "commitment", Lines: append([]string(nil), g.tmpl["commitment"]...), Date: cd, Stamped: stamped("commitment_letter"),
		Fills: map[string]string{"enterprise_name": a.Ent.Name, "date": cnDate(cd)}}
}

// newApp draws a complete, valid application.
func (g *truthGen) newApp(id string, kind400 bool) *app {
	a := &app{ID: id, Kind: "voice_general"}
	a.Submitted = randDate(g.rng, day(2025, 1, 6), day(2026, 12, 28))
	foundedBefore := a.Submitted
	if kind400 {
		a.Kind = "voice_400"
		a.ThreeInOne = g.rng.IntN(2) == 0
		a.NumberCount = 1 + g.rng.IntN(3)
		if !a.ThreeInOne {
			foundedBefore = day(2014, 12, 31)
		}
	}
	a.Ent = g.newEnterprise(a.Submitted, foundedBefore)
	a.LR = g.validPerson(a.Submitted)
	a.LRCard = a.LR
	a.Admin = g.validPerson(a.Submitted)
	a.Phone = phoneNumber(g.rng)
	g.letters(a)
	a.Remarks = g.remarks(a.Ent)
	a.Qual = a.Ent.Brand + pick(g.rng, qualSuffixes)
	return a
}
