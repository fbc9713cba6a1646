package review

import (
	"bytes"
	"errors"
	"fmt"
	"image/png"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"

	"github.com/qualcheck/qualcheck/ocr"
	"github.com/qualcheck/qualcheck/store"
	"github.com/qualcheck/qualcheck/verify"
)

// application is one application's page. ?plain=1 shows personal data
// unmasked, and that use is written to the audit log first.
func (s *Server) application(w http.ResponseWriter, r *http.Request, sess store.Session) error {
	id := r.PathValue("id")
	d, err := s.store.Detail(r.Context(), id)
	if err != nil {
		return err
	}
	m := masker{plain: r.URL.Query().Get("plain") == "1"}
	if m.plain {
		if err := s.store.Audit(r.Context(), sess.User, "show_plain", id); err != nil {
			return err
		}
	}
	audit, err := s.store.AuditLog(r.Context(), id)
	if err != nil {
		return err
	}
	v := s.appView(d, m)
	v.Session, v.Audit = sess, audit
	return s.render(w, http.StatusOK, "app.html", v)
}

// appView is what the application page shows.
type appView struct {
	Session   store.Session
	App       queueRowView
	ClientID  string
	Plain     bool
	Holders   []queueRowView
	Verdict   *verify.Verdict
	Reasons   []reasonView
	Fields    []fieldView
	Documents []docView
	Runs      []runView
	Decisions []store.DecisionRow
	Audit     []store.AuditRow
	Decidable bool
	Catalogue []reasonChoice
}

func (s *Server) appView(d store.Detail, m masker) appView {
	v := appView{App: s.queueRow(d.QueueRow, m), ClientID: d.ClientID, Plain: m.plain, Decisions: d.Decisions,
		Decidable: d.ReviewStatus == store.ReviewReviewing || d.ReviewStatus == store.ReviewRejected}
	for _, h := range d.Holders {
		v.Holders = append(v.Holders, s.queueRow(h, m))
	}
	v.Runs = runViews(d.Runs)
	if len(d.Runs) == 0 {
		return v
	}
	verdict := d.Runs[0].Verdict
	v.Verdict = &verdict
	v.Reasons = reasonViews(verdict, m)
	v.Documents = docViews(d.ID, verdict, m)
	v.Fields = fieldViews(verdict, v.Documents, m)
	v.Catalogue = choices(verdict, len(d.Holders) > 0)
	return v
}

// reasonView is a reason as shown: both languages, masked evidence.
type reasonView struct {
	verify.Reason
	Subject, Found, Entered, Detail string
}

func reasonViews(v verify.Verdict, m masker) []reasonView {
	out := make([]reasonView, len(v.Reasons))
	for i, r := range v.Reasons {
		rv := reasonView{Reason: r, Subject: subject(r)}
		if e := r.Evidence; e != nil {
			rv.Found, rv.Entered, rv.Detail = m.field(r.Field, m.text(e.Found)), m.field(r.Field, m.text(e.Entered)), m.text(e.Detail)
		}
		out[i] = rv
	}
	return out
}

func subject(r verify.Reason) string {
	if r.Field != "" {
		return verify.FieldNameZH(r.Field) + " / " + verify.FieldNameEN(r.Field)
	}
	if r.Role != "" {
		return verify.RoleNameZH(r.Role) + " / " + verify.RoleNameEN(r.Role)
	}
	return ""
}

// fieldView is a row of the diff: entered beside extracted, and the box
// (on which document) it was read from.
type fieldView struct {
	Field, NameZH, NameEN, Entered, Extracted string
	// OCRRead is what the OCR read where the glyph check confirmed the
	// form's characters in the ink (Extracted is then the form's value).
	OCRRead      string
	Match, Found bool
	Confidence   string
	Doc          int // index in Documents, -1 for none
	Box          string
}

func fieldViews(v verify.Verdict, docs []docView, m masker) []fieldView {
	out := make([]fieldView, len(v.Fields))
	for i, f := range v.Fields {
		fv := fieldView{Field: f.Field, NameZH: verify.FieldNameZH(f.Field), NameEN: verify.FieldNameEN(f.Field),
			Entered: m.field(f.Field, f.Entered), Match: f.Match, Doc: -1}
		if f.Extracted != nil {
			fv.Found, fv.Extracted = true, m.field(f.Field, *f.Extracted)
			if f.OCRRead != "" {
				fv.OCRRead = m.field(f.Field, f.OCRRead)
			}
			fv.Confidence = strconv.FormatFloat(f.Confidence, 'f', 2, 64)
		}
		if src := f.Source; src != nil && src.BBox != nil {
			fv.Doc, fv.Box = docIndex(docs, src.File, src.Page), boxAttr(*src.BBox)
		}
		out[i] = fv
	}
	return out
}

func docIndex(docs []docView, file string, page int) int {
	for i, d := range docs {
		if d.File == file && d.Page == page {
			return i
		}
	}
	return -1
}

func boxAttr(b ocr.Box) string { return fmt.Sprintf("%d %d %d %d", b.X, b.Y, b.W, b.H) }

// docView is a document image with the boxes drawn over it.
type docView struct {
	verify.DocumentReport
	RoleZH, URL string
	Boxes       []boxView
}

// boxView is one box on a document: a field, a seal, a template change
// or a date.
type boxView struct {
	Kind, Key, Label string
	X, Y, W, H       int
}

func docViews(id string, v verify.Verdict, m masker) []docView {
	out := make([]docView, len(v.Documents))
	for i, d := range v.Documents {
		dv := docView{DocumentReport: d, RoleZH: verify.RoleNameZH(d.Role),
			URL: fmt.Sprintf("/review/app/%s/file?name=%s&page=%d", id, url.QueryEscape(d.File), d.Page)}
		dv.Boxes = docBoxes(d, m)
		out[i] = dv
	}
	return out
}

func docBoxes(d verify.DocumentReport, m masker) []boxView {
	var out []boxView
	add := func(kind, key, label string, b *ocr.Box) {
		if b != nil && !b.Empty() {
			out = append(out, boxView{Kind: kind, Key: key, Label: label, X: b.X, Y: b.Y, W: b.W, H: b.H})
		}
	}
	keys := make([]string, 0, len(d.Extracted))
	for k := range d.Extracted {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	for _, k := range keys {
		add("field", k, k, d.Extracted[k].BBox)
	}
	for i := range d.Stamps {
		st := d.Stamps[i]
		add("stamp", "", "印章 "+m.field("enterprise_name", st.Text), &st.BBox)
	}
	if d.Template != nil {
		for _, c := range d.Template.Changes {
			add("change", "", "模板改动 "+c.Clause, c.BBox)
		}
	}
	for _, dt := range d.Dates {
		add("date", "", "日期 "+dt.Value, dt.BBox)
	}
	return out
}

// runView is an earlier verdict run and what changed since the one
// before it.
type runView struct {
	store.RunRow
	Codes            []string
	Added, Removed   []string
	DecisionChanged  bool
	PreviousDecision string
}

func runViews(runs []store.RunRow) []runView {
	out := make([]runView, len(runs))
	for i, r := range runs {
		rv := runView{RunRow: r, Codes: codes(r.Verdict)}
		if i+1 < len(runs) {
			prev := runs[i+1]
			rv.Added, rv.Removed = diffCodes(codes(prev.Verdict), rv.Codes)
			rv.DecisionChanged, rv.PreviousDecision = prev.Decision != r.Decision, prev.Decision
		}
		out[i] = rv
	}
	return out
}

func codes(v verify.Verdict) []string {
	out := make([]string, 0, len(v.Reasons))
	for _, r := range v.Reasons {
		c := r.Code
		if r.Role != "" {
			c += "(" + r.Role + ")"
		} else if r.Field != "" {
			c += "(" + r.Field + ")"
		}
		out = append(out, c)
	}
	return out
}

func diffCodes(before, after []string) (added, removed []string) {
	for _, c := range after {
		if !slices.Contains(before, c) {
			added = append(added, c)
		}
	}
	for _, c := range before {
		if !slices.Contains(after, c) {
			removed = append(removed, c)
		}
	}
	return added, removed
}

// reasonChoice is a reason code a reviewer may reject with.
type reasonChoice struct {
	Code, ZH string
	Checked  bool
}

// choices are the verdict's reason codes, one each with every message
// of that code (DOCUMENT_MISSING for three roles names all three), its
// rejections preselected, and DUPLICATE_QUALIFICATION when the holder
// already has one.
func choices(v verify.Verdict, duplicate bool) []reasonChoice {
	var out []reasonChoice
	at := map[string]int{}
	for _, r := range v.Reasons {
		if i, ok := at[r.Code]; ok {
			out[i].ZH += "；" + r.MessageZH
			out[i].Checked = out[i].Checked || r.Severity == verify.SeverityReject
			continue
		}
		at[r.Code] = len(out)
		out = append(out, reasonChoice{Code: r.Code, ZH: r.MessageZH, Checked: r.Severity == verify.SeverityReject})
	}
	if _, ok := at[verify.CodeDuplicateQualification]; duplicate && !ok {
		out = append(out, reasonChoice{Code: verify.CodeDuplicateQualification, ZH: "该企业与管理员已有资质"})
	}
	return out
}

// file serves a document's image: the bytes as uploaded, or a PDF page
// rendered to PNG (boxes are in the rendered page's pixels).
func (s *Server) file(w http.ResponseWriter, r *http.Request, _ store.Session) error {
	d, err := s.store.Load(r.Context(), r.PathValue("id"))
	if err != nil {
		return err
	}
	name := r.URL.Query().Get("name")
	i := slices.IndexFunc(d.Documents, func(doc store.Document) bool { return doc.File == name })
	if i < 0 {
		return errNotFound
	}
	data, err := s.files.Get(r.Context(), d.Documents[i].Blob.Key)
	if err != nil {
		return err
	}
	w.Header().Set("X-Content-Type-Options", "nosniff")
	w.Header().Set("Cache-Control", "private, max-age=3600")
	if ocr.Sniff(data) != ocr.FormatPDF {
		w.Header().Set("Content-Type", http.DetectContentType(data))
		_, err = w.Write(data)
		return err
	}
	page, _ := strconv.Atoi(r.URL.Query().Get("page"))
	return writePDFPage(w, data, max(1, page))
}

func writePDFPage(w http.ResponseWriter, data []byte, page int) error {
	pages, err := ocr.DecodePages(data, ocr.DefaultLimits())
	if err != nil || page > len(pages) {
		return errNotFound
	}
	var buf bytes.Buffer
	if err := png.Encode(&buf, pages[page-1].Image); err != nil {
		return err
	}
	w.Header().Set("Content-Type", "image/png")
	_, err = w.Write(buf.Bytes())
	return err
}

// decide records an approval or a rejection with its reasons.
func (s *Server) decide(w http.ResponseWriter, r *http.Request, sess store.Session) error {
	id := r.PathValue("id")
	d := store.Decision{Reviewer: sess.User, Decision: r.PostFormValue("decision"),
		Reasons: r.PostForm["reason"], Comment: strings.TrimSpace(r.PostFormValue("comment"))}
	if d.Decision != "approve" && d.Decision != "reject" || d.Decision == "reject" && len(d.Reasons) == 0 && d.Comment == "" {
		return errBadInput
	}
	superseded, err := s.store.Decide(r.Context(), id, d)
	if errors.Is(err, store.ErrDecided) {
		return errDecided
	}
	if err != nil {
		return err
	}
	s.logger.Info("review decision", "application", id, "reviewer", sess.User, "decision", d.Decision, "superseded", len(superseded))
	http.Redirect(w, r, "/review/app/"+id, http.StatusSeeOther)
	return nil
}
