package verify

import (
	"bytes"
	"strings"
	"testing"
)

// TestScoreListsWrongDecisions: the misses list names each application
// decided wrong, sorted, with the reasons it was given and what they
// found; a right decision is not listed.
func TestScoreListsWrongDecisions(t *testing.T) {
	s := NewScore()
	unsure := Reason{Code: CodeLowConfidence, Severity: SeverityReview, Role: RoleCommitmentLetter, Field: FieldCommitmentLetterDate,
		Evidence: &Evidence{Found: "2025车OA日15日", Detail: "date not read surely"}}
	s.Add(Verdict{ApplicationID: "app-2", Decision: DecisionReview, Reasons: []Reason{unsure}}, Expected{Decision: DecisionPass})
	s.Add(Verdict{ApplicationID: "app-1", Decision: DecisionPass}, Expected{Decision: DecisionReject})
	s.Add(Verdict{ApplicationID: "app-3", Decision: DecisionPass}, Expected{Decision: DecisionPass})
	var out bytes.Buffer
	s.PrintMisses(&out)
	want := "decisions wrong (with the reasons given):\n" +
		"  app-1 expected reject got pass:\n" +
		"  app-2 expected pass got review: LOW_CONFIDENCE(commitment_letter commitment_letter_date: \"2025车OA日15日\" date not read surely)\n"
	if !strings.HasPrefix(out.String(), want) {
		t.Errorf("misses:\n%s\nwant it to start:\n%s", out.String(), want)
	}
}
