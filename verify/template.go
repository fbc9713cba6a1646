package verify

import (
	"github.com/qualcheck/qualcheck/extract"
)

// minTemplateSimilarity is how much of a letter's fixed text must have
// been read for its departures from the template to count as edits: a
// poorly read page loses whole clauses that are in fact there.
const minTemplateSimilarity = 0.85

// compareTemplate reports how a letter page compares with the newest
// template of its kind (documents[].template).
func (p *Pipeline) compareTemplate(r *DocResult) {
	t, ok := extract.TemplateFor(p.cfg.Templates, r.Kind)
	if !ok {
		return
	}
	cmp := extract.CompareTemplate(r.Page, t)
	rep := &TemplateReport{ID: t.ID, Similarity: round3(cmp.Similarity), Changes: []TemplateChange{}}
	for _, c := range cmp.Changes {
		rep.Changes = append(rep.Changes, TemplateChange{Clause: c.Clause, Expected: c.Expected, Found: c.Found, BBox: boxPtr(c.Box)})
	}
	r.Report.Template = rep
}

// templateModified: a letter whose printed text departs from the
// official template beyond its blanks is TEMPLATE_MODIFIED; departures on
// a page read too poorly to tell are for a human (LOW_CONFIDENCE).
func templateModified(ec *evalContext) []Reason {
	var out []Reason
	for _, d := range ec.docs {
		t := d.Report.Template
		if t == nil || len(t.Changes) == 0 || usable(&d, d.Report.Role) == nil {
			continue
		}
		code := CodeTemplateModified
		if t.Similarity < minTemplateSimilarity {
			code = CodeLowConfidence
		}
		r := roleReason(code, d.Report.Role)
		c := t.Changes[0]
		r.Evidence = &Evidence{File: d.Ref.File, Page: d.Report.Page, BBox: c.BBox, Expected: c.Expected, Found: c.Found,
			Detail: "template " + t.ID}
		out = append(out, r)
	}
	return out
}
