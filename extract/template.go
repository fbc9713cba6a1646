package extract

import (
	"bytes"
	"embed"
	"fmt"
	"io/fs"
	"path"
	"regexp"
	"slices"
	"sort"
	"strings"
	"sync"

	"github.com/unidoc/unioffice/document"
)

// Template is one version of an official letter, read from its Word file.
type Template struct {
	// ID is "<kind>/<version>", e.g. "commitment_letter/v1".
	ID   string
	Kind Kind
	// Clauses are the document's non-empty paragraphs in order, blanks
	// kept as {{name}}.
	Clauses []string
	// Blanks are the blanks that follow a label on their own line, in
	// document order.
	Blanks []Blank
}

// Blank is a place the applicant fills in, and the label printed before it.
type Blank struct {
	Name  string // "date", "admin_name", …
	Label string // "日期", "管理员姓名", …
}

// BlankBefore is the blank before the one named name, in document order:
// the letters' signature blocks put the date's line under it.
func (t Template) BlankBefore(name string) (Blank, bool) {
	i := slices.IndexFunc(t.Blanks, func(b Blank) bool { return b.Name == name })
	if i < 1 {
		return Blank{}, false
	}
	return t.Blanks[i-1], true
}

//go:embed templates/*/*.docx
var templateFiles embed.FS

var blankRe = regexp.MustCompile(`\{\{([a-z_]+)\}\}`)

// Templates are the letter templates shipped in extract/templates.
var Templates = sync.OnceValues(func() ([]Template, error) {
	return LoadTemplates(templateFiles, "templates")
})

// LoadTemplates reads every <kind>/<version>.docx under dir of fsys, in
// id order.
func LoadTemplates(fsys fs.FS, dir string) ([]Template, error) {
	paths, err := fs.Glob(fsys, dir+"/*/*.docx")
	if err != nil {
		return nil, fmt.Errorf("list templates: %w", err)
	}
	sort.Strings(paths)
	var out []Template
	for _, p := range paths {
		data, err := fs.ReadFile(fsys, p)
		if err != nil {
			return nil, fmt.Errorf("read template %s: %w", p, err)
		}
		kind := path.Base(path.Dir(p))
		t, err := ParseTemplate(kind+"/"+strings.TrimSuffix(path.Base(p), ".docx"), data)
		if err != nil {
			return nil, err
		}
		out = append(out, t)
	}
	return out, nil
}

// ParseTemplate reads a letter template from the bytes of a .docx file.
// id is "<kind>/<version>"; kind must be a letter kind.
func ParseTemplate(id string, docx []byte) (Template, error) {
	kind := Kind(strings.SplitN(id, "/", 2)[0])
	if kind != KindCommitmentLetter && kind != KindApplicationLetter {
		return Template{}, fmt.Errorf("template %s: %q is not a letter kind", id, kind)
	}
	doc, err := document.Read(bytes.NewReader(docx), int64(len(docx)))
	if err != nil {
		return Template{}, fmt.Errorf("template %s: %w", id, err)
	}
	t := Template{ID: id, Kind: kind}
	for _, p := range doc.Paragraphs() {
		var b strings.Builder
		for _, r := range p.Runs() {
			b.WriteString(r.Text())
		}
		if clause := strings.TrimSpace(b.String()); clause != "" {
			t.Clauses = append(t.Clauses, clause)
			t.Blanks = append(t.Blanks, labelledBlanks(clause)...)
		}
	}
	if len(t.Clauses) == 0 {
		return Template{}, fmt.Errorf("template %s: no text", id)
	}
	return t, nil
}

// labelledBlanks finds a blank that ends its clause after a label
// ("管理员姓名：{{admin_name}}"): the label is the text before it without
// the colon and any bracketed remark ("申请单位（盖章）：" gives 申请单位).
func labelledBlanks(clause string) []Blank {
	loc := blankRe.FindStringSubmatchIndex(clause)
	if loc == nil || loc[1] != len(clause) || len(blankRe.FindAllString(clause, -1)) != 1 {
		return nil
	}
	label := strings.TrimRight(clause[:loc[0]], ":：")
	if i := strings.IndexAny(label, "（("); i > 0 {
		label = label[:i]
	}
	if label == "" {
		return nil
	}
	return []Blank{{Name: clause[loc[2]:loc[3]], Label: label}}
}

// TemplateFor is the newest template of a letter kind: the highest
// version number (v2 over v1, v10 over v9).
func TemplateFor(ts []Template, k Kind) (Template, bool) {
	var best Template
	for _, t := range ts {
		if t.Kind == k && (best.ID == "" || version(t.ID) > version(best.ID)) {
			best = t
		}
	}
	return best, best.ID != ""
}

// version is the number of an id's "/vN" part, 0 when it has none.
func version(id string) int {
	n, _ := atoiASCII(strings.TrimPrefix(path.Base(id), "v"))
	return n
}
