package verify

import (
	"regexp"
	"unicode/utf8"

	"github.com/qualcheck/qualcheck/extract"
)

// expiringDays is how close to its end a document counts as expiring soon.
const expiringDays = 7

// validity names a document's end date and the role it is printed on.
var validity = []struct{ field, role string }{
	{FieldBusinessTermEnd, RoleEnterpriseCertificate},
	{FieldLegalRepIDValidTo, RoleLegalRepIDBack},
	{FieldAdminIDValidTo, RoleAdminIDBack},
}

// expiry: a document whose validity ended before submitted_at is expired;
// one ending within seven days of it is expiring soon. The document's
// own date counts when it was read surely, else the form's.
func expiry(ec *evalContext) []Reason {
	var out []Reason
	for _, v := range validity {
		fr := ec.fields[v.field]
		end, ok := endDate(fr)
		if !ok {
			continue
		}
		switch {
		case end.Before(ec.ref):
			out = append(out, dateReason(CodeDocumentExpired, v.role, fr, end))
		case extract.DaysBetween(ec.ref, end) <= expiringDays:
			out = append(out, dateReason(CodeExpiringSoon, v.role, fr, end))
		}
	}
	return out
}

func endDate(fr *fieldRead) (extract.Date, bool) {
	if fr.found() && fr.value.Conf >= lowConf {
		if d, err := extract.ParseISODate(fr.value.Value); err == nil {
			return d, true
		}
	}
	d, err := extract.ParseISODate(fr.entered)
	return d, err == nil
}

func dateReason(code, role string, fr *fieldRead, end extract.Date) Reason {
	r := roleReason(code, role)
	r.Field = fr.spec.field
	r.Evidence = &Evidence{Found: end.String(), Entered: fr.entered}
	if fr.found() {
		r.Evidence.File, r.Evidence.BBox = fr.doc.Ref.File, boxPtr(fr.value.Box)
	}
	return r
}

var (
	// scriptRe marks a call script: a quoted utterance or the word 话术.
	scriptRe = regexp.MustCompile(`话术|“[^”]{4,}”|"[^"]{4,}"|「[^」]{4,}」|您好`)
	// scenarioRe marks a business scenario: who is called and why.
	scenarioRe = regexp.MustCompile(`通知|回访|提醒|确认|客服|售后|预约|派送|配送|物流|订单|验证码|催缴|缴费|会员|招聘|面试|推广|营销|邀约|调研|满意度|外呼|服务`)
)

// remarks must name a business scenario or a call script
// (REMARKS_INSUFFICIENT when they name neither).
func remarks(ec *evalContext) []Reason {
	t := ec.app.Form.Remarks
	if scriptRe.MatchString(t) || (scenarioRe.MatchString(t) && utf8.RuneCountInString(t) >= 8) {
		return nil
	}
	r := newReason(CodeRemarksInsufficient, "", FieldRemarks, "", "")
	r.Evidence = &Evidence{Entered: t}
	return []Reason{r}
}
