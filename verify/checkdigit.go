package verify

import (
	"slices"

	"github.com/qualcheck/qualcheck/extract"
)

// confirmByCheckDigit takes the form's ID number or credit code for one
// read that fails its check character and differs from the form's, a
// valid one, in exactly one character: GB 11643's and GB 32100's check
// characters catch every single misread character, so such a read is
// the form's with one character misread (653134… for 653131…), unless
// the card shows a number two characters off the form's and the OCR
// misread one of those two into the form's: not worth a human's look.
// A read holding every character of the form's value and one stray
// character more is the form's too (see oneCharMisread). The OCR's
// reading stays in the field's Read.
func confirmByCheckDigit(r *DocResult, form Form) {
	roles := docRoles(r.Ref.Role, r.Kind)
	for _, s := range fieldSpecs {
		if s.kind != kindID && s.kind != kindCode {
			continue
		}
		want := form.Value(s.field)
		for _, src := range s.sources {
			f, ok := r.Fields[src.key]
			if ok && slices.Contains(roles, src.role) && oneCharMisread(f.Value, want, s.kind) {
				r.Fields[src.key] = extract.Field{Value: want, Conf: f.Conf, Box: f.Box, Read: f.Value}
			}
		}
	}
}

// oneCharMisread reports whether read, which fails its check character,
// is want, which passes it, with one character read wrong, or with one
// stray character read into it (3504231968411114882 on a letter whose
// fill is 350423198411114882: every character of want, in order).
func oneCharMisread(read, want string, k valueKind) bool {
	valid := extract.ValidIDNumber
	if k == kindCode {
		valid = func(s string) bool { return extract.ValidateUSCC(s) == nil }
	}
	a, b := []rune(read), []rune(want)
	if valid(read) || !valid(want) {
		return false
	}
	switch len(a) - len(b) {
	case 0:
		return len(differing(a, b)) == 1
	case 1:
		return extract.CommonInOrder(read, want) == len(b)
	}
	return false
}
