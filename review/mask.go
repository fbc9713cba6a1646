package review

import (
	"regexp"
	"strings"
)

// maskName keeps a person's surname: 张伟 → 张*, 欧阳娜娜 → 欧***.
func maskName(s string) string {
	r := []rune(s)
	if len(r) <= 1 {
		return s
	}
	return string(r[:1]) + strings.Repeat("*", len(r)-1)
}

// maskID keeps an ID number's region and last four: 3301**********1234.
func maskID(s string) string {
	r := []rune(s)
	if len(r) < 9 {
		return strings.Repeat("*", len(r))
	}
	return string(r[:4]) + strings.Repeat("*", len(r)-8) + string(r[len(r)-4:])
}

// maskEnterprise keeps the place and the company form:
// 杭州云栖网络科技有限公司 → 杭州******有限公司.
func maskEnterprise(s string) string {
	r := []rune(s)
	if len(r) <= 4 {
		return maskName(s)
	}
	keep := 4
	if len(r) <= 8 {
		keep = 2
	}
	return string(r[:2]) + strings.Repeat("*", len(r)-2-keep) + string(r[len(r)-keep:])
}

// maskPhone keeps the first three and last four digits.
func maskPhone(s string) string {
	r := []rune(s)
	if len(r) < 8 {
		return strings.Repeat("*", len(r))
	}
	return string(r[:3]) + strings.Repeat("*", len(r)-7) + string(r[len(r)-4:])
}

// fieldMasks says how each form field is masked; fields not listed are
// not personal data.
var fieldMasks = map[string]func(string) string{
	"enterprise_name":     maskEnterprise,
	"legal_rep_name":      maskName,
	"admin_name":          maskName,
	"actual_user_name":    maskEnterprise,
	"legal_rep_id_number": maskID,
	"admin_id_number":     maskID,
	"admin_phone":         maskPhone,
}

// masker masks personal data unless plain is set.
type masker struct{ plain bool }

// field masks a value of a form field.
func (m masker) field(field, v string) string {
	if f, ok := fieldMasks[field]; ok && !m.plain {
		return f(v)
	}
	return v
}

var idRe = regexp.MustCompile(`\d{17}[\dXx]|\d{15}`)

// text masks the ID numbers inside free text (reasons' evidence).
func (m masker) text(s string) string {
	if m.plain {
		return s
	}
	return idRe.ReplaceAllStringFunc(s, maskID)
}
