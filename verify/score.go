package verify

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"slices"
	"sort"

	"github.com/qualcheck/qualcheck/extract"
	"github.com/qualcheck/qualcheck/ocr"
)

// Expected is a corpus application's known truth (expected.json in the
// samples and in generated corpora).
type Expected struct {
	Decision    string            `json:"decision"`
	MustReasons []ExpectedReason  `json:"must_reasons"`
	Fields      map[string]string `json:"fields"`
	Defects     []string          `json:"defects"`
	Documents   []ExpectedDoc     `json:"documents"`
}

// ExpectedDoc is what a corpus document truly shows, as far as scoring
// needs: its company stamps' boxes.
type ExpectedDoc struct {
	Role   string    `json:"role"`
	File   string    `json:"file"`
	Page   int       `json:"page"`
	Stamps []ocr.Box `json:"stamps"`
	Copy   *bool     `json:"copy"`
}

// ExpectedReason is a reason a correct verdict must contain.
type ExpectedReason struct {
	Code  string `json:"code"`
	Role  string `json:"role"`
	Field string `json:"field"`
}

// ReadExpected reads an expected.json.
func ReadExpected(path string) (Expected, error) {
	var e Expected
	data, err := os.ReadFile(path)
	if err != nil {
		return e, fmt.Errorf("read expected: %w", err)
	}
	if err := json.Unmarshal(data, &e); err != nil {
		return e, fmt.Errorf("parse %s: %w", path, err)
	}
	return e, nil
}

// HasReason reports whether v carries the expected reason: same code, and
// the same role or field where the expectation names one.
func HasReason(v Verdict, e ExpectedReason) bool {
	for _, r := range v.Reasons {
		if r.Code == e.Code && (e.Role == "" || r.Role == e.Role) && (e.Field == "" || r.Field == e.Field) {
			return true
		}
	}
	return false
}

// Score accumulates accuracy over a corpus.
type Score struct {
	apps, decisionsRight int
	confusion            map[[2]string]int
	fieldTotal, fieldOK  map[string]int
	reasonTotal, found   map[string]int
	extra                map[string]int
	cleanRejected        []string
	wrongDecisions       []string
	misses               []Miss
	stampTP, stampFP     int
	stampFN              int
	copies               copyScore
}

// copyScore counts copy judgements on the documents whose truth says
// copy or not, by truth: right, wrong, undecided (copy null).
type copyScore struct {
	right, wrong, open [2]int // [0] originals, [1] copies
	wrongFiles         []string
}

func (c *copyScore) add(got, want *bool, file string) {
	if want == nil {
		return
	}
	i := 0
	if *want {
		i = 1
	}
	switch {
	case got == nil:
		c.open[i]++
	case *got == *want:
		c.right[i]++
	default:
		c.wrong[i]++
		c.wrongFiles = append(c.wrongFiles, fmt.Sprintf("%s (copy %v)", file, *want))
	}
}

// Miss is one field read wrong: the truth printed on the document and what
// was extracted ("" when nothing was).
type Miss struct {
	Application, Field, Want, Got string
	Conf                          float64
}

// NewScore starts an empty score.
func NewScore() *Score {
	return &Score{
		confusion: map[[2]string]int{}, fieldTotal: map[string]int{}, fieldOK: map[string]int{},
		reasonTotal: map[string]int{}, found: map[string]int{}, extra: map[string]int{},
	}
}

// Add scores one verdict against its truth.
func (s *Score) Add(v Verdict, e Expected) {
	s.apps++
	s.confusion[[2]string{e.Decision, v.Decision}]++
	if e.Decision == v.Decision {
		s.decisionsRight++
	} else {
		s.wrongDecisions = append(s.wrongDecisions, fmt.Sprintf("%s expected %s got %s:%s", v.ApplicationID, e.Decision, v.Decision,
			reasonsOf(v, SeverityReject, SeverityReview)))
	}
	if e.Decision == DecisionPass && v.Decision == DecisionReject {
		s.cleanRejected = append(s.cleanRejected, v.ApplicationID+reasonsOf(v, SeverityReject))
	}
	s.addFields(v, e)
	s.addReasons(v, e)
	s.addStamps(v, e)
}

// stampIoU is the overlap a found stamp needs with a true one to count.
const stampIoU = 0.5

// addStamps matches the stamps found on each document with its true
// stamps, one to one, at IoU ≥ stampIoU. Documents of a packet are
// matched by role and page.
func (s *Score) addStamps(v Verdict, e Expected) {
	for _, want := range e.Documents {
		for _, got := range v.Documents {
			if got.Role != want.Role || got.File != want.File || (want.Page > 0 && got.Page != want.Page) {
				continue
			}
			tp := matchBoxes(got.Stamps, want.Stamps)
			s.stampTP += tp
			s.stampFP += len(got.Stamps) - tp
			s.stampFN += len(want.Stamps) - tp
			if judgesCopy(got.KindDetected) {
				s.copies.add(got.Copy, want.Copy, v.ApplicationID+"/"+got.File)
			}
			break
		}
	}
}

func matchBoxes(got []Stamp, want []ocr.Box) int {
	used := make([]bool, len(want))
	n := 0
	for _, g := range got {
		for i, w := range want {
			if !used[i] && iou(g.BBox, w) >= stampIoU {
				used[i] = true
				n++
				break
			}
		}
	}
	return n
}

func iou(a, b ocr.Box) float64 {
	x0, y0 := max(a.X, b.X), max(a.Y, b.Y)
	x1, y1 := min(a.X+a.W, b.X+b.W), min(a.Y+a.H, b.Y+b.H)
	if x1 <= x0 || y1 <= y0 {
		return 0
	}
	in := (x1 - x0) * (y1 - y0)
	return float64(in) / float64(a.W*a.H+b.W*b.H-in)
}

// unusable are the reasons that make a document's fields unreadable by
// design: field accuracy leaves out fields from such documents.
var unusable = map[string]bool{
	CodeFileUnsupported: true, CodeFileTooLarge: true, CodeDocumentMissing: true,
	CodeDocumentWrongType: true, CodeDocumentUnreadable: true, CodeImageMirrored: true,
}

// defectiveRoles are the roles whose document the truth says is unusable.
func defectiveRoles(e Expected) map[string]bool {
	out := map[string]bool{}
	for _, r := range e.MustReasons {
		if unusable[r.Code] {
			out[r.Role] = true
		}
	}
	return out
}

func (s *Score) addFields(v Verdict, e Expected) {
	bad := defectiveRoles(e)
	for _, f := range v.Fields {
		want, ok := e.Fields[f.Field]
		if !ok || bad[specOf(f.Field).role()] {
			continue
		}
		s.fieldTotal[f.Field]++
		if f.Extracted != nil && extract.Canon(*f.Extracted) == extract.Canon(want) {
			s.fieldOK[f.Field]++
			continue
		}
		m := Miss{Application: v.ApplicationID, Field: f.Field, Want: want}
		if f.Extracted != nil {
			m.Got = *f.Extracted
		}
		m.Conf = f.Confidence
		s.misses = append(s.misses, m)
	}
}

func (s *Score) addReasons(v Verdict, e Expected) {
	want := map[string]bool{}
	for _, r := range e.MustReasons {
		want[r.Code] = true
		s.reasonTotal[r.Code]++
		if HasReason(v, r) {
			s.found[r.Code]++
		}
	}
	for _, r := range v.Reasons {
		if !want[r.Code] && r.Severity != SeverityInfo {
			s.extra[r.Code]++
		}
	}
}

// reasonsOf lists a verdict's reasons of the given severities, each
// with what it found and why, for the lists Print and PrintMisses write
// (plain values: the corpus is synthetic).
func reasonsOf(v Verdict, severities ...string) string {
	out := ""
	for _, r := range v.Reasons {
		if !slices.Contains(severities, r.Severity) {
			continue
		}
		out += " " + r.Code + "(" + r.Role + " " + r.Field
		if r.Evidence != nil && (r.Evidence.Found != "" || r.Evidence.Detail != "") {
			out += fmt.Sprintf(": %q %s", r.Evidence.Found, r.Evidence.Detail)
		}
		out += ")"
	}
	return out
}

// Print writes the report: decision accuracy, field accuracy per field,
// recall per reason code, and reasons given where none was expected.
func (s *Score) Print(w io.Writer) {
	fmt.Fprintf(w, "applications: %d\ndecision accuracy: %s\n", s.apps, pct(s.decisionsRight, s.apps))
	for _, k := range sortedKeys(s.confusion) {
		fmt.Fprintf(w, "  expected %-6s got %-6s %d\n", k[0], k[1], s.confusion[k])
	}
	fmt.Fprintf(w, "clean applications rejected: %d\n", len(s.cleanRejected))
	for _, c := range s.cleanRejected {
		fmt.Fprintf(w, "  %s\n", c)
	}
	ok, total := 0, 0
	fmt.Fprintln(w, "field accuracy (extracted equals the truth printed on the document):")
	for _, f := range sortedKeys(s.fieldTotal) {
		ok, total = ok+s.fieldOK[f], total+s.fieldTotal[f]
		fmt.Fprintf(w, "  %-26s %s\n", f, pct(s.fieldOK[f], s.fieldTotal[f]))
	}
	fmt.Fprintf(w, "  %-26s %s\n", "all fields", pct(ok, total))
	fmt.Fprintln(w, "reason recall (expected reasons found):")
	for _, c := range sortedKeys(s.reasonTotal) {
		fmt.Fprintf(w, "  %-30s %s\n", c, pct(s.found[c], s.reasonTotal[c]))
	}
	fmt.Fprintf(w, "stamps (IoU ≥ %.1f): precision %s, recall %s\n", stampIoU,
		pct(s.stampTP, s.stampTP+s.stampFP), pct(s.stampTP, s.stampTP+s.stampFN))
	c := s.copies
	fmt.Fprintf(w, "copies: %d/%d told right, %d undecided; originals: %d/%d right, %d undecided\n",
		c.right[1], c.right[1]+c.wrong[1]+c.open[1], c.open[1], c.right[0], c.right[0]+c.wrong[0]+c.open[0], c.open[0])
	for _, f := range c.wrongFiles {
		fmt.Fprintf(w, "  copy judged wrong: %s\n", f)
	}
	fmt.Fprintln(w, "reasons given where not expected (reject/review):")
	for _, c := range sortedKeys(s.extra) {
		fmt.Fprintf(w, "  %-30s %d\n", c, s.extra[c])
	}
}

// PrintMisses lists every field read wrong, by field, with plain values:
// it is for whoever tunes the reader on a corpus whose truth they hold.
func (s *Score) PrintMisses(w io.Writer) {
	sort.SliceStable(s.misses, func(i, j int) bool { return s.misses[i].Field < s.misses[j].Field })
	sort.Strings(s.wrongDecisions)
	fmt.Fprintln(w, "decisions wrong (with the reasons given):")
	for _, d := range s.wrongDecisions {
		fmt.Fprintln(w, "  "+d)
	}
	fmt.Fprintln(w, "fields read wrong (truth → extracted, confidence):")
	for _, m := range s.misses {
		fmt.Fprintf(w, "  %-24s %-12s %s → %s (%.2f)\n", m.Field, m.Application, m.Want, m.Got, m.Conf)
	}
}

func pct(n, d int) string {
	if d == 0 {
		return "n/a"
	}
	return fmt.Sprintf("%5.1f %% (%d/%d)", 100*float64(n)/float64(d), n, d)
}

func sortedKeys[K interface{ ~string | ~[2]string }, V any](m map[K]V) []K {
	keys := make([]K, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool { return fmt.Sprint(keys[i]) < fmt.Sprint(keys[j]) })
	return keys
}

func specOf(field string) fieldSpec {
	for _, s := range fieldSpecs {
		if s.field == field {
			return s
		}
	}
	return fieldSpec{sources: []source{{}}}
}
