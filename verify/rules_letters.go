package verify

import (
	"fmt"
	"strings"
	"unicode"

	"github.com/qualcheck/qualcheck/extract"
)

// Blank names of the letter templates that the checks use.
const (
	blankEnterprise = "enterprise_name"
	blankAdminName  = "admin_name"
	blankAdminID    = "admin_id_number"
)

// Fields a letter reason names (LETTER_INCOMPLETE): the contract's form
// fields where there is one, else the blank.
const FieldActualUserName = "actual_user_name"

// letterDates names each letter and the form field holding its date.
var letterDates = []struct{ role, field string }{
	{RoleCommitmentLetter, FieldCommitmentLetterDate},
	{RoleApplicationLetter, FieldApplicationLetterDate},
}

// letters checks the blanks and the signature-block date of both letters.
func letters(ec *evalContext) []Reason {
	var out []Reason
	for _, l := range letterDates {
		d := usable(ec.byRole[l.role], l.role)
		if d == nil {
			continue
		}
		out = append(out, letterDate(ec, d, l.field)...)
		switch l.role {
		case RoleCommitmentLetter:
			out = append(out, actualUser(ec, d)...)
		case RoleApplicationLetter:
			out = append(out, letterAdmin(ec, d)...)
		}
	}
	return out
}

// letterDate: the date must be written (LETTER_INCOMPLETE), equal the
// form's (LETTER_DATE_MISMATCH), and lie within three calendar months
// before submitted_at (LETTER_DATE_STALE) and not after it
// (LETTER_DATE_FUTURE). The staleness rules use the letter's own date
// when it was read surely or agrees with the form, else the form's.
func letterDate(ec *evalContext, d *DocResult, field string) []Reason {
	f, present := d.Fields[extract.BlankDate]
	entered := ec.app.Form.Value(field)
	switch {
	case present && !f.Found():
		return []Reason{incomplete(d, field, f)}
	case !f.Found():
		return []Reason{letterUnsure(d, field, entered, f, "no date found on the letter")}
	}
	if read, ok := isoDate(f.Value); ok && !plausibleSigning(read, ec.ref) {
		f.Conf = 0 // 2086-10-31 for a written 2026: a misread year, not a date
	}
	out := dateAgainstForm(d, field, entered, f)
	if signed, ok := signingDate(entered, f); ok {
		out = append(out, signingWindow(ec, d, signed, f)...)
	}
	return out
}

// dateAgainstForm: the date read must be the form's; a difference read
// unsurely is for a human, also an impossible date one digit from the
// form's (2025-07-00 was a written 07-02 for the form's 07-09): the
// second reading of the date line (confirmDate) takes the form's
// date where the ink shows it.
func dateAgainstForm(d *DocResult, field, entered string, f extract.Field) []Reason {
	_, ok := isoDate(f.Value)
	switch {
	case f.Value == entered: // what was read is what the form says (confirmDate looked again at a chance match)
		return nil
	case !ok || f.Conf < lowConf:
		return []Reason{letterUnsure(d, field, entered, f, "date not read surely")}
	case entered == "":
		return nil
	case diffConf(entered, f) < mismatchConf:
		return []Reason{letterUnsure(d, field, entered, f, "differs from the form, not read surely")}
	}
	r := roleReason(CodeLetterDateMismatch, d.Report.Role)
	r.Evidence = letterEvidence(d, entered, f)
	return []Reason{r}
}

// plausibleSigning reports whether a letter can have been signed on d
// for an application submitted on ref: at most a year after it and ten
// years before it. Any other date read is a misread year.
func plausibleSigning(d, ref extract.Date) bool {
	return !d.After(extract.AddCalendarMonths(ref, 12)) && !d.Before(extract.AddCalendarMonths(ref, -120))
}

// signingDate is the day the letter was signed: the date read when it
// agrees with the form or was read surely, else the form's (an unsure
// reading that differs is not evidence).
func signingDate(entered string, f extract.Field) (extract.Date, bool) {
	if read, ok := isoDate(f.Value); ok && f.Conf >= lowConf && (f.Value == entered || diffConf(entered, f) >= mismatchConf) {
		return read, true
	}
	return isoDate(entered)
}

// signingWindow: signed no earlier than submitted_at moved back three
// calendar months (clamped to a shorter month's end; that day itself
// is allowed), and not after submitted_at.
func signingWindow(ec *evalContext, d *DocResult, signed extract.Date, f extract.Field) []Reason {
	code := ""
	switch {
	case signed.After(ec.ref):
		code = CodeLetterDateFuture
	case signed.Before(extract.AddCalendarMonths(ec.ref, -3)):
		code = CodeLetterDateStale
	default:
		return nil
	}
	r := roleReason(code, d.Report.Role)
	r.Evidence = letterEvidence(d, "", f)
	r.Evidence.Found = signed.String()
	r.Evidence.Expected = fmt.Sprintf("%s – %s", extract.AddCalendarMonths(ec.ref, -3), ec.ref)
	return []Reason{r}
}

// actualUser: the commitment letter's 实际用户名称 must be the enterprise
// name. A person's name there (the administrator's, typically) or
// another surely read name is ACTUAL_USER_NAME_MISMATCH.
func actualUser(ec *evalContext, d *DocResult) []Reason {
	f, present := d.Fields[blankEnterprise]
	if !present {
		return []Reason{letterUnsure(d, FieldActualUserName, ec.app.Form.EnterpriseName, f, "actual user name not found")}
	}
	if !f.Found() {
		return []Reason{incomplete(d, FieldActualUserName, f)}
	}
	want := ec.app.Form.EnterpriseName
	if extract.Canon(f.Value) == extract.Canon(want) {
		return nil
	}
	if !personName(ec, personPart(f), want) && diffConf(want, f) < mismatchConf {
		if misreadEnterprise(f, want) {
			return nil // the enterprise name, misread in places
		}
		return []Reason{letterUnsure(d, FieldActualUserName, want, f, "actual user name not read surely")}
	}
	r := newReason(CodeActualUserNameMismatch, d.Report.Role, "",
		fmt.Sprintf("（填写为%s）", f.Value), fmt.Sprintf(" (it reads %s)", f.Value))
	r.Evidence = letterEvidence(d, want, f)
	return []Reason{r}
}

// personPart is the actual user's reading as it is checked for a
// person's name: its Han characters alone when its box is at most
// shortFill characters long (孙薄/有2 for a written 孙茜, held-out
// app-11-00014), else as read: a fill as long as an enterprise name,
// read as a few characters and stray marks, is not a person's.
func personPart(f extract.Field) string {
	if f.Box.H > 0 && f.Box.W <= shortFill*f.Box.H {
		return cleanName(f.Value)
	}
	return f.Value
}

// shortFill is the length, in line heights, of the longest fill that may
// hold a person's name (two to four characters, a stray mark or two).
const shortFill = 5

// personName reports whether v names a person rather than the
// enterprise want: it is close to the administrator's or the legal
// representative's name, or it is a short run of Han characters that is
// not a piece of want (a cut-short reading of the enterprise name).
func personName(ec *evalContext, v, want string) bool {
	for _, n := range []string{ec.app.Form.AdminName, ec.app.Form.LegalRepName} {
		if n != "" && extract.Similarity(v, n) >= 0.5 {
			return true
		}
	}
	rs := []rune(v)
	if len(rs) < 2 || len(rs) > 4 || len([]rune(want)) < 6 || truncated(extract.Canon(want), extract.Canon(v)) {
		return false
	}
	for _, r := range rs {
		if !unicode.Is(unicode.Han, r) {
			return false
		}
	}
	return true
}

// letterAdmin: the application letter's administrator name and ID number
// must be filled in (LETTER_INCOMPLETE) and be the administrator's ID
// card's. A differing ID number that passes its check digit is
// LETTER_ADMIN_MISMATCH; a differing name only when it is surely
// another (anotherName): the fill of a letter is handwriting-like, and
// chi_sim misread two-character names on it entirely and surely (梁洁 as
// 荣洛 at 0.8) on clean generated letters. Any other differing name is
// for a human to look at (LOW_CONFIDENCE), unless it is the same name
// misread in a character.
func letterAdmin(ec *evalContext, d *DocResult) []Reason {
	var out []Reason
	for _, b := range []struct {
		blank, field string
		kind         valueKind
	}{{blankAdminName, FieldAdminName, kindText}, {blankAdminID, FieldAdminIDNumber, kindID}} {
		f, present := d.Fields[b.blank]
		if id, ok := extract.IDNumberIn(f.Value); ok && b.kind == kindID {
			f.Value = id // stray strokes beside the fill
		}
		want := cardValue(ec.fields[b.field])
		switch {
		case !present:
			out = append(out, letterUnsure(d, b.field, want, f, "blank not found on the letter"))
		case !f.Found():
			out = append(out, incomplete(d, b.field, f))
		case want == "" || extract.Canon(f.Value) == extract.Canon(want):
		case b.kind == kindID && extract.ValidIDNumber(f.Value) && f.Conf >= lowConf:
			out = append(out, letterAdminMismatch(d, b.field, want, f))
		case b.kind == kindText && d.Refuted[b.blank]:
			out = append(out, letterAdminMismatch(d, b.field, want, f))
		case b.kind == kindText && extract.Similarity(f.Value, want) >= 0.5:
		case b.kind == kindID && oneCharMisread(extract.CodeChars(f.Value), want, kindID): // the card's number, one character misread or one more
		case b.kind == kindText && anotherName(f, want):
			out = append(out, letterAdminMismatch(d, b.field, want, f))
		default:
			out = append(out, letterUnsure(d, b.field, want, f, "differs from the ID card"))
		}
	}
	return out
}

// letterAdminMismatch is LETTER_ADMIN_MISMATCH for the letter's blank f
// of field, the ID card showing want.
func letterAdminMismatch(d *DocResult, field, want string, f extract.Field) Reason {
	r := newReason(CodeLetterAdminMismatch, d.Report.Role, field,
		fmt.Sprintf("（公函为%s，身份证为%s）", f.Value, want), fmt.Sprintf(" (the letter says %s, the ID %s)", f.Value, want))
	r.Evidence = letterEvidence(d, want, f)
	return r
}

// anotherName reports whether a letter's administrator name f is surely
// another person's than want: a name of another length, every character
// read at nameSureConf or more, none of them in want. A misread name
// keeps its length or a character (the surname, mostly); on the
// generated corpus no clean letter's name read so (何晖 for 黄国涛 did).
func anotherName(f extract.Field, want string) bool {
	v, w := []rune(extract.Canon(f.Value)), []rune(extract.Canon(want))
	if len(v) < 2 || len(v) == len(w) || len(f.Confs) != len(v) {
		return false
	}
	for i, r := range v {
		if f.Confs[i] < nameSureConf || !unicode.Is(unicode.Han, r) || strings.ContainsRune(string(w), r) {
			return false
		}
	}
	return true
}

// nameSureConf is the confidence every character of a letter's name must
// be read at to tell another person's name.
const nameSureConf = 0.6

// misreadEnterprise reports whether f, an unsure reading of an
// enterprise name blank, is the enterprise name want misread in places:
// as alike as misreadSimilarity, or misread as enterpriseMisread tells.
func misreadEnterprise(f extract.Field, want string) bool {
	return extract.Similarity(f.Value, want) >= misreadSimilarity || enterpriseMisread(f, want)
}

// misreadSimilarity is how alike an unsure reading of the actual user
// name and the enterprise name must be to count as the same name
// misread: two or three characters of a dozen, as the generated letters'
// fills read ("济南永减教育咨询有降公司").
const misreadSimilarity = 0.65

// enterpriseMisread reports whether f, an unsure reading of the actual
// user blank that is not a person's name, is the enterprise name want
// misread in most of its characters, as chi_sim reads a handwriting-like
// fill (肯字网络移越(深圳)胡良公司 for 航宇网络科技（深圳）有限公司): about
// as long as want (three quarters to four thirds), holding a quarter of
// its characters in order (three at least), and every character read
// surely being one of want's. A person's name, the mismatch this blank
// is checked for, is two to four characters long; another company's
// name read surely still differs.
func enterpriseMisread(f extract.Field, want string) bool {
	v, w := len([]rune(extract.Canon(f.Value))), extract.Canon(want)
	n := len([]rune(w))
	if n < 6 || 4*v < 3*n || 3*v > 4*n || extract.CommonInOrder(f.Value, want) < max(3, (n+3)/4) {
		return false
	}
	for i, r := range []rune(f.Value) {
		c := extract.Canon(string(r))
		if c != "" && runeConf(f, i) >= sureCharConf && !strings.Contains(w, c) {
			return false
		}
	}
	return true
}

// sureCharConf is the confidence at which a character of a letter's fill
// counts as read: on the generated corpus's handwriting-like fills the
// characters read wrong stayed under it (使 at 0.75 for 鑫).
const sureCharConf = 0.8

// cardValue is what the administrator's ID card says: its reading when
// it agrees with the form or was read surely, else the form's value.
func cardValue(fr *fieldRead) string {
	if fr.found() && (fr.match() || fr.value.Conf >= mismatchConf) {
		return fr.value.Value
	}
	return fr.entered
}

func incomplete(d *DocResult, field string, f extract.Field) Reason {
	r := roleReason(CodeLetterIncomplete, d.Report.Role)
	r.Field = field
	r.Evidence = &Evidence{File: d.Ref.File, BBox: boxPtr(f.Box), Detail: "blank left empty"}
	return r
}

func letterUnsure(d *DocResult, field, entered string, f extract.Field, detail string) Reason {
	r := fieldReason(CodeLowConfidence, d.Report.Role, field)
	r.Evidence = letterEvidence(d, entered, f)
	r.Evidence.Detail = detail
	return r
}

func letterEvidence(d *DocResult, entered string, f extract.Field) *Evidence {
	return &Evidence{File: d.Ref.File, Page: d.Report.Page, BBox: boxPtr(f.Box), Entered: entered, Found: f.Value}
}

func isoDate(s string) (extract.Date, bool) {
	d, err := extract.ParseISODate(s)
	return d, err == nil
}
