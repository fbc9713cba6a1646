package main

import (
	"fmt"
	"slices"
	"strings"
)

// defect is one thing wrong with an application. Its hooks run at three
// stages: truth (people, enterprise, documents), letters (after the
// letters are filled), form (after the form is typed).
type defect struct {
	Code     string
	Severity string
	truth    func(g *truthGen, a *app)
	letters  func(g *truthGen, a *app)
	form     func(g *truthGen, a *app)
}

var defects = []defect{
	{Code: "FIELD_MISMATCH", Severity: "reject", form: fieldMismatch},
	{Code: "LEGAL_REP_MISMATCH", Severity: "reject", truth: legalRepMismatch},
	{Code: "IDENTIFIER_INVALID", Severity: "reject", truth: identifierInvalid},
	{Code: "DOCUMENT_EXPIRED", Severity: "reject", truth: func(g *truthGen, a *app) { expiry(g, a, false) }},
	{Code: "EXPIRING_SOON", Severity: "info", truth: func(g *truthGen, a *app) { expiry(g, a, true) }},
	{Code: "ENTERPRISE_TYPE_UNSUPPORTED", Severity: "reject", truth: typeUnsupported},
	{Code: "DOCUMENT_MISSING", Severity: "reject", truth: documentMissing},
	{Code: "DOCUMENT_WRONG_TYPE", Severity: "reject", truth: wrongType},
	{Code: "FILE_UNSUPPORTED", Severity: "reject", truth: fileUnsupported},
	{Code: "FILE_TOO_LARGE", Severity: "reject", truth: fileTooLarge},
	{Code: "DOCUMENT_UNREADABLE", Severity: "reject", truth: unreadable},
	{Code: "REMARKS_INSUFFICIENT", Severity: "review", truth: poorRemarksDefect},
	{Code: "LETTER_DATE_STALE", Severity: "reject", letters: letterStale},
	{Code: "LETTER_DATE_MISMATCH", Severity: "reject", form: letterDateMismatch},
	{Code: "LETTER_DATE_FUTURE", Severity: "reject", letters: letterFuture},
	{Code: "ACTUAL_USER_NAME_MISMATCH", Severity: "reject", letters: actualUserMismatch},
	{Code: "LETTER_ADMIN_MISMATCH", Severity: "reject", letters: letterAdminMismatch},
	{Code: "LETTER_INCOMPLETE", Severity: "reject", letters: letterIncomplete},
	{Code: "TEMPLATE_MODIFIED", Severity: "reject", letters: templateModified},
	{Code: "STAMP_MISSING", Severity: "reject", truth: stampMissing},
	{Code: "IMAGE_MIRRORED", Severity: "reject", truth: mirrored},
}

func defectByCode(code string) (defect, bool) {
	for _, d := range defects {
		if d.Code == code {
			return d, true
		}
	}
	return defect{}, false
}

func severityOf(code string) string {
	if d, ok := defectByCode(code); ok {
		return d.Severity
	}
	return "reject"
}

// decide applies the contract's rule: reject beats review beats pass.
func decide(rs []reason) string {
	out := "pass"
	for _, r := range rs {
		switch severityOf(r.Code) {
		case "reject":
			return "reject"
		case "review":
			out = "review"
		}
	}
	return out
}

func (a *app) flag(code, role, field, format string, args ...any) {
	a.Reasons = append(a.Reasons, reason{Code: code, Role: role, Field: field})
	a.Defects = append(a.Defects, fmt.Sprintf(format, args...))
}

func fieldMismatch(g *truthGen, a *app) {
	field := pick(g.rng, []string{"enterprise_name", "organization_code", "admin_id_number", "legal_rep_name", "enterprise_address", "admin_name", "legal_rep_id_number"})
	p := a.Form.field(field)
	old := *p
	switch field {
	case "enterprise_name":
		*p = swapOneRune(g.rng, old, brandChars, func(_ int, r rune) bool { return strings.ContainsRune(a.Ent.Brand, r) })
	case "organization_code":
		*p = mutateUSCC(g.rng, old)
	case "admin_id_number", "legal_rep_id_number":
		*p = mutateID(g.rng, old)
	case "legal_rep_name", "admin_name":
		*p = swapOneRune(g.rng, old, append(maleGiven, femaleGiven...), func(i int, _ rune) bool { return i > 0 })
	case "enterprise_address":
		*p = swapOneRune(g.rng, old, []rune("123456789"), func(_ int, r rune) bool { return r >= '1' && r <= '9' })
	}
	a.flag("FIELD_MISMATCH", "", field, "form %s one character changed: entered %q, documents show %q", field, *p, a.Fields[field])
}

func legalRepMismatch(g *truthGen, a *app) {
	who := "the administrator"
	if g.rng.IntN(2) == 0 {
		a.LRCard = a.Admin
	} else {
		a.LRCard = g.validPerson(a.Submitted)
		who = "another person"
	}
	a.DropLRName = true
	a.flag("LEGAL_REP_MISMATCH", "", "legal_rep_name", "legal representative ID shows %s %s instead of %s", who, a.LRCard.Name, a.LR.Name)
}

func identifierInvalid(g *truthGen, a *app) {
	if g.rng.IntN(2) == 0 {
		good := a.Admin.ID
		a.Admin.ID = wrongIDCheck(g.rng, good)
		a.flag("IDENTIFIER_INVALID", "", "admin_id_number", "administrator ID number %s has a wrong check character (valid would be %s), on the card, the letter and the form", a.Admin.ID, good[17:])
		return
	}
	good := a.LR.ID
	a.LR.ID = wrongIDCheck(g.rng, good)
	a.LRCard = a.LR
	a.flag("IDENTIFIER_INVALID", "", "legal_rep_id_number", "legal representative ID number %s has a wrong check character (valid would be %s), on the card and in the form", a.LR.ID, good[17:])
}

// expiry makes one validity end before submission, or (soon) within the
// seven days after it.
func expiry(g *truthGen, a *app, soon bool) {
	code := "DOCUMENT_EXPIRED"
	end := randDate(g.rng, addYears(a.Submitted, -3), addDays(a.Submitted, -1))
	if soon {
		code = "EXPIRING_SOON"
		end = randDate(g.rng, addDays(a.Submitted, 1), addDays(a.Submitted, 6))
	}
	switch g.rng.IntN(3) {
	case 0:
		a.LR = g.personEndingOn(end)
		a.LRCard = a.LR
		a.flag(code, "legal_rep_id_back", "legal_rep_id_valid_to", "legal representative ID valid to %s (submitted %s)", iso(end), iso(a.Submitted))
	case 1:
		a.Admin = g.personEndingOn(end)
		a.flag(code, "admin_id_back", "admin_id_valid_to", "administrator ID valid to %s (submitted %s)", iso(end), iso(a.Submitted))
	default:
		g.businessTermEnding(a, end)
		a.flag(code, "enterprise_certificate", "business_term_end", "business term ends %s (submitted %s)", iso(end), iso(a.Submitted))
	}
}

// businessTermEnding gives the enterprise a fixed term ending on end.
func (g *truthGen) businessTermEnding(a *app, end timeT) {
	terms := []int{10, 20, 30}
	if a.Kind == "voice_400" && !a.ThreeInOne {
		terms = []int{20, 30}
	}
	e := &a.Ent
	e.Founded = addYears(addDays(end, 1), -pick(g.rng, terms))
	e.TermEnd = end
	e.LicenceDate = randDate(g.rng, maxDate(e.Founded, day(2016, 1, 1)), minDate(addDays(end, -30), addDays(a.Submitted, -15)))
	e.Org = makeOrgCode(g.rng, e.Founded)
	e.USCC = makeUSCC(e.District.Code, e.Org)
	e.TaxDate = randDate(g.rng, e.Founded, minDate(addYears(e.Founded, 2), day(2015, 9, 30)))
	e.OrgDate = randDate(g.rng, e.Founded, minDate(addDays(e.Founded, 90), day(2015, 9, 30)))
}

func typeUnsupported(g *truthGen, a *app) {
	e := &a.Ent
	e.Type = pick(g.rng, unsupportedTypes)
	switch e.Type {
	case "个体工商户":
		e.Name = e.District.cityName() + e.District.Name + e.Brand + pick(g.rng, []string{"商行", "经营部", "便利店", "工作室"})
		e.USCC = "92" + e.USCC[2:17]
		e.USCC += string(checkUSCCChar(e.USCC))
	case "个人独资企业":
		e.Name = e.City.Short + e.Brand + e.Industry.Word + pick(g.rng, []string{"服务部", "工作室", "中心"})
	}
	a.flag("ENTERPRISE_TYPE_UNSUPPORTED", "", "enterprise_type", "enterprise type %s printed on the licence and entered in the form", e.Type)
}

func documentMissing(g *truthGen, a *app) {
	d := a.Docs[g.rng.IntN(len(a.Docs))]
	a.removeDoc(d.Role)
	a.flag("DOCUMENT_MISSING", d.Role, "", "%s not uploaded", d.Role)
}

func wrongType(g *truthGen, a *app) {
	type variant struct{ role, depicts, what string }
	vs := []variant{
		{"admin_id_front", "admin_back", "the back of the administrator's card"},
		{"legal_rep_id_back", "lr_front", "the front of the legal representative's card"},
		{"application_letter", "commitment", "a second copy of the commitment letter"},
		{"commitment_letter", "application", "the application letter"},
		{"admin_id_handheld", "admin_front", "a plain photo of the administrator's card, nobody holding it"},
	}
	v := pick(g.rng, vs)
	d := a.doc(v.role)
	d.Depicts = v.depicts
	if v.depicts == "admin_front" {
		a.setPresentation(d, "photo")
		d.Stamped = false
	} else if src := a.doc(roleOf(v.depicts)); src != nil {
		a.setPresentation(d, src.Presentation)
	}
	a.flag("DOCUMENT_WRONG_TYPE", v.role, "", "%s shows %s (%s)", v.role, v.what, v.depicts)
}

func roleOf(depicts string) string {
	for _, r := range baseRoles {
		if r.depicts == depicts {
			return r.role
		}
	}
	return ""
}

func fileUnsupported(g *truthGen, a *app) {
	d := a.Docs[g.rng.IntN(len(a.Docs))]
	d.Format = pick(g.rng, []string{"bmp", "heic", "garbage"})
	what := map[string]string{"bmp": "BMP bytes", "heic": "HEIC bytes (an iPhone photo renamed)", "garbage": "random bytes, no image"}[d.Format]
	a.flag("FILE_UNSUPPORTED", d.Role, "", "%s is a .jpg file holding %s", d.Role, what)
}

func fileTooLarge(g *truthGen, a *app) {
	var cands []*docPlan
	for _, d := range a.Docs {
		if d.Depicts == "commitment" || d.Depicts == "application" || d.Depicts == "license" {
			cands = append(cands, d)
		}
	}
	d := pick(g.rng, cands)
	d.Format = "huge_png"
	a.flag("FILE_TOO_LARGE", d.Role, "", "%s is an uncompressed PNG over 5 MB", d.Role)
}

func unreadable(g *truthGen, a *app) {
	d := a.Docs[g.rng.IntN(len(a.Docs))]
	d.Unreadable = pick(g.rng, []string{"blur", "blur", "dark", "small"})
	what := map[string]string{"blur": "heavily blurred", "dark": "almost black (very dark photo)", "small": "too small to read"}[d.Unreadable]
	a.flag("DOCUMENT_UNREADABLE", d.Role, "", "%s is %s", d.Role, what)
}

func poorRemarksDefect(g *truthGen, a *app) {
	a.Remarks = pick(g.rng, poorRemarks)
	a.flag("REMARKS_INSUFFICIENT", "", "remarks", "remarks %q name no business scenario and no call script", a.Remarks)
}

func pickLetter(g *truthGen, a *app) (*letter, string) {
	if g.rng.IntN(2) == 0 {
		return &a.Commit, "commitment_letter"
	}
	return &a.Apply, "application_letter"
}

func setLetterDate(l *letter, t timeT) {
	l.Date = t
	l.Fills["date"] = cnDate(t)
}

func letterStale(g *truthGen, a *app) {
	l, role := pickLetter(g, a)
	earliest := monthsBack(a.Submitted, 3)
	setLetterDate(l, randDate(g.rng, monthsBack(a.Submitted, 9), addDays(earliest, -1)))
	a.flag("LETTER_DATE_STALE", role, "", "%s dated %s, earliest allowed %s (submitted %s)", role, iso(l.Date), iso(earliest), iso(a.Submitted))
}

func letterFuture(g *truthGen, a *app) {
	l, role := pickLetter(g, a)
	setLetterDate(l, randDate(g.rng, addDays(a.Submitted, 1), addDays(a.Submitted, 25)))
	a.flag("LETTER_DATE_FUTURE", role, "", "%s dated %s, after submission on %s", role, iso(l.Date), iso(a.Submitted))
}

func letterDateMismatch(g *truthGen, a *app) {
	l, role := pickLetter(g, a)
	p := a.Form.field("commitment_letter_date")
	if role == "application_letter" {
		p = a.Form.field("application_letter_date")
	}
	first := addDays(monthsBack(a.Submitted, 3), 1)
	for *p == iso(l.Date) {
		t := addDays(l.Date, g.rng.IntN(21)-10)
		if !t.Before(first) && !t.After(a.Submitted) {
			*p = iso(t)
		}
	}
	a.flag("LETTER_DATE_MISMATCH", role, "", "%s dated %s, form says %s", role, iso(l.Date), *p)
}

func actualUserMismatch(g *truthGen, a *app) {
	a.Commit.Fills["enterprise_name"] = a.Admin.Name
	a.flag("ACTUAL_USER_NAME_MISMATCH", "commitment_letter", "", "commitment letter 实际用户名称 is the person %s, not the enterprise", a.Admin.Name)
}

func letterAdminMismatch(g *truthGen, a *app) {
	if g.rng.IntN(2) == 0 {
		id := mutateID(g.rng, a.Admin.ID)
		a.Apply.Fills["admin_id_number"] = id
		a.flag("LETTER_ADMIN_MISMATCH", "application_letter", "", "application letter admin ID number %s, the ID shows %s", id, a.Admin.ID)
		return
	}
	name := g.personName(a.Admin.Male)
	for name == a.Admin.Name {
		name = g.personName(a.Admin.Male)
	}
	a.Apply.Fills["admin_name"] = name
	a.flag("LETTER_ADMIN_MISMATCH", "application_letter", "", "application letter admin name %s, the ID shows %s", name, a.Admin.Name)
}

func letterIncomplete(g *truthGen, a *app) {
	field := pick(g.rng, []string{"admin_name", "admin_id_number"})
	a.Apply.Fills[field] = ""
	a.flag("LETTER_INCOMPLETE", "application_letter", field, "application letter: the %s blank is left empty", field)
}

// templateEdits are ways applicants alter the official wording.
var templateEdits = []struct {
	kind, what string
	edit       func(lines []string) []string
}{
	{"application", "addressee changed", func(l []string) []string {
		return replaceIn(l, "致：语音通信服务平台", "致：中国电信股份有限公司")
	}},
	{"application", "validity sentence added", func(l []string) []string {
		return insertAfter(l, "特此函告。", "本函自签发之日起一年内有效。")
	}},
	{"application", "responsibility clause weakened", func(l []string) []string {
		return replaceIn(l, "并对号码的使用承担全部责任", "并对号码的使用承担相应责任")
	}},
	{"commitment", "clause 四 removed", func(l []string) []string {
		return slices.DeleteFunc(l, func(s string) bool { return strings.HasPrefix(s, "四、") })
	}},
	{"commitment", "resale clause changed", func(l []string) []string {
		return replaceIn(l, "不转售、不出租、不出借所申请的号码", "原则上不转售所申请的号码")
	}},
	{"commitment", "clause 六 added", func(l []string) []string {
		return insertAfter(l, "五、", "六、本承诺书一式两份，自签字盖章之日起生效。")
	}},
}

func replaceIn(lines []string, old, new string) []string {
	for i, s := range lines {
		lines[i] = strings.Replace(s, old, new, 1)
	}
	return lines
}

func insertAfter(lines []string, prefix, line string) []string {
	for i, s := range lines {
		if strings.HasPrefix(s, prefix) {
			return slices.Insert(lines, i+1, line)
		}
	}
	return lines
}

func templateModified(g *truthGen, a *app) {
	e := templateEdits[g.rng.IntN(len(templateEdits))]
	l, role := &a.Commit, "commitment_letter"
	if e.kind == "application" {
		l, role = &a.Apply, "application_letter"
	}
	l.Lines = e.edit(l.Lines)
	a.flag("TEMPLATE_MODIFIED", role, "", "%s letter template: %s", e.kind, e.what)
}

func stampMissing(g *truthGen, a *app) {
	roles := []string{"commitment_letter", "application_letter", "admin_id_front", "admin_id_back", "enterprise_certificate", "legal_rep_id_front"}
	if d := a.doc("tax_registration_certificate"); d != nil {
		roles = append(roles, d.Role)
	}
	role := pick(g.rng, roles)
	d := a.doc(role)
	switch role {
	case "commitment_letter":
		a.Commit.Stamped = false
	case "application_letter":
		a.Apply.Stamped = false
	case "enterprise_certificate", "legal_rep_id_front":
		if !strings.HasPrefix(d.Presentation, "copy") {
			pres := pick(g.rng, []string{"copy_scan", "copy_photo"})
			a.setPresentation(d, pres)
			if role == "legal_rep_id_front" {
				a.setPresentation(a.doc("legal_rep_id_back"), pres)
			}
		}
	}
	d.Stamped = false
	a.flag("STAMP_MISSING", role, "", "%s carries no company seal (%s)", role, d.Presentation)
}

func mirrored(g *truthGen, a *app) {
	a.doc("admin_id_handheld").Mirrored = true
	a.flag("IMAGE_MIRRORED", "admin_id_handheld", "", "handheld photo is mirrored (front camera), the card text reads backwards")
}
