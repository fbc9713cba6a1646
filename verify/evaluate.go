package verify

import (
	"time"

	"github.com/qualcheck/qualcheck/extract"
)

// RulesVersion changes whenever a rule changes, so that a backlog can be
// re-verified (reprocess) and verdicts compared by version.
const RulesVersion = "2026.11.6"

// evalContext is what every rule sees.
type evalContext struct {
	app    Application
	ref    extract.Date // submitted_at, or today
	docs   []DocResult
	byRole map[string]*DocResult
	fields map[string]*fieldRead
}

// rule is one check of CONTRACT §4; broken rules come back as reasons.
type rule func(*evalContext) []Reason

// rules run in this order; their reasons keep it.
var rules = []rule{
	missingDocuments,
	fileFailures,
	mirroredImages,
	wrongTypes,
	enterpriseType,
	identifiers,
	fieldMismatches,
	legalRepresentative,
	letters,
	templateModified,
	stampMissing,
	stampEnterprise,
	expiry,
	remarks,
}

// Evaluate applies every rule to what was read and builds the verdict.
func (p *Pipeline) Evaluate(app Application, docs []DocResult) Verdict {
	ec := &evalContext{app: app, ref: p.reference(app)}
	ec.docs = assignPacketRoles(app, docs)
	ec.byRole = indexByRole(ec.docs)
	ec.fields = readFields(ec)
	reasons := []Reason{}
	for _, r := range rules {
		reasons = append(reasons, r(ec)...)
	}
	v := Verdict{
		ApplicationID: app.ID, Decision: decide(reasons), Reasons: reasons,
		Fields: fieldResults(ec), Documents: reports(ec.docs),
		Engine: Engine{Version: p.cfg.Version, OCR: p.reader.Describe(), Rules: RulesVersion},
	}
	return v
}

// reference is the day every date rule counts from: submitted_at, or
// today when it is missing or malformed.
func (p *Pipeline) reference(app Application) extract.Date {
	if d, err := extract.ParseISODate(app.SubmittedAt); err == nil {
		return d
	}
	t := p.now().In(time.Local)
	return extract.Date{Y: t.Year(), M: int(t.Month()), D: t.Day()}
}

// indexByRole keeps, per role, the first document that was decoded.
func indexByRole(docs []DocResult) map[string]*DocResult {
	m := map[string]*DocResult{}
	for i := range docs {
		d := &docs[i]
		role := d.Report.Role
		if prev, ok := m[role]; ok && prev.Failure == "" {
			continue
		}
		m[role] = d
	}
	return m
}

func reports(docs []DocResult) []DocumentReport {
	out := make([]DocumentReport, len(docs))
	for i, d := range docs {
		out[i] = d.Report
	}
	return out
}

// Unverified is the verdict for an application the service could not
// verify (its files lost, or every attempt failed): for review, with
// what went wrong as evidence.
func (p *Pipeline) Unverified(id, detail string) Verdict {
	r := newReason(CodeVerificationFailed, "", "", "", "")
	r.Evidence = &Evidence{Detail: detail}
	return Verdict{
		ApplicationID: id, Decision: DecisionReview, Reasons: []Reason{r},
		Fields: []FieldResult{}, Documents: []DocumentReport{},
		Engine: Engine{Version: p.cfg.Version, OCR: p.reader.Describe(), Rules: RulesVersion},
	}
}

// InvalidApplication is the verdict for a folder whose application.json
// is missing or malformed: nothing else can be checked.
func (p *Pipeline) InvalidApplication(id string) Verdict {
	r := newReason(CodeApplicationInvalid, "", "", "", "")
	return Verdict{
		ApplicationID: id, Decision: DecisionReject, Reasons: []Reason{r},
		Fields: []FieldResult{}, Documents: []DocumentReport{},
		Engine: Engine{Version: p.cfg.Version, OCR: p.reader.Describe(), Rules: RulesVersion},
	}
}
