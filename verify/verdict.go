package verify

import "github.com/qualcheck/qualcheck/ocr"

// Decisions (CONTRACT §3). Pass is a recommendation, never an approval.
const (
	DecisionPass   = "pass"
	DecisionReview = "review"
	DecisionReject = "reject"
)

// Severities of a reason (CONTRACT §4).
const (
	SeverityReject = "reject"
	SeverityReview = "review"
	SeverityInfo   = "info"
)

// Form field names, as in application.json and the verdict's diff.
const (
	FieldEnterpriseName        = "enterprise_name"
	FieldOrganizationCode      = "organization_code"
	FieldEnterpriseType        = "enterprise_type"
	FieldEnterpriseAddress     = "enterprise_address"
	FieldBusinessTermStart     = "business_term_start"
	FieldBusinessTermEnd       = "business_term_end"
	FieldLegalRepName          = "legal_rep_name"
	FieldLegalRepIDNumber      = "legal_rep_id_number"
	FieldLegalRepIDValidFrom   = "legal_rep_id_valid_from"
	FieldLegalRepIDValidTo     = "legal_rep_id_valid_to"
	FieldAdminName             = "admin_name"
	FieldAdminIDNumber         = "admin_id_number"
	FieldAdminIDValidFrom      = "admin_id_valid_from"
	FieldAdminIDValidTo        = "admin_id_valid_to"
	FieldAdminPhone            = "admin_phone"
	FieldApplicationLetterDate = "application_letter_date"
	FieldCommitmentLetterDate  = "commitment_letter_date"
	FieldRemarks               = "remarks"
)

// Verdict is the contract's verdict JSON (CONTRACT §3).
type Verdict struct {
	ApplicationID string           `json:"application_id"`
	Decision      string           `json:"decision"`
	Reasons       []Reason         `json:"reasons"`
	Fields        []FieldResult    `json:"fields"`
	Documents     []DocumentReport `json:"documents"`
	Engine        Engine           `json:"engine"`
}

// Reason is one broken rule, with the evidence a reviewer can look at.
type Reason struct {
	Code      string    `json:"code"`
	Severity  string    `json:"severity"`
	Role      string    `json:"role"`
	Field     string    `json:"field"`
	MessageZH string    `json:"message_zh"`
	MessageEN string    `json:"message_en"`
	Evidence  *Evidence `json:"evidence,omitempty"`
}

// Evidence points at what a reason was decided on.
type Evidence struct {
	BBox     *ocr.Box `json:"bbox,omitempty"`
	File     string   `json:"file,omitempty"`
	Page     int      `json:"page,omitempty"`
	Entered  string   `json:"entered,omitempty"`
	Found    string   `json:"found,omitempty"`
	Detail   string   `json:"detail,omitempty"`
	Expected string   `json:"expected,omitempty"`
}

// FieldResult is one row of the reviewer's diff: entered beside extracted.
type FieldResult struct {
	Field      string  `json:"field"`
	Entered    string  `json:"entered"`
	Extracted  *string `json:"extracted"`
	Match      bool    `json:"match"`
	Confidence float64 `json:"confidence"`
	Source     *Source `json:"source"`
	// OCRRead is what the OCR read when the glyph check found the form's
	// characters in the ink instead (extracted is then the form's value).
	OCRRead string `json:"ocr_read,omitempty"`
}

// Source says which document and where a value was read.
type Source struct {
	Role string   `json:"role"`
	File string   `json:"file,omitempty"`
	Page int      `json:"page,omitempty"`
	BBox *ocr.Box `json:"bbox,omitempty"`
}

// DocumentReport is what was found in one uploaded file (or packet page).
type DocumentReport struct {
	Role         string           `json:"role"`
	File         string           `json:"file"`
	Page         int              `json:"page,omitempty"`
	Format       string           `json:"format,omitempty"`
	Width        int              `json:"width,omitempty"`
	Height       int              `json:"height,omitempty"`
	KindDetected string           `json:"kind_detected"`
	Quality      *Quality         `json:"quality,omitempty"`
	Copy         *bool            `json:"copy"`
	Colours      *ocr.Colours     `json:"colours,omitempty"` // what copy was judged on
	Mirrored     *bool            `json:"mirrored"`
	Stamps       []Stamp          `json:"stamps"`
	Template     *TemplateReport  `json:"template,omitempty"`
	Dates        []DateFound      `json:"dates"`
	Extracted    map[string]Value `json:"extracted,omitempty"`
	TimingsMS    map[string]int64 `json:"timings_ms"`
	Error        string           `json:"error,omitempty"`
}

// Quality summarises how readable the image was.
type Quality struct {
	MeanConfidence float64 `json:"mean_confidence"`
	Sharpness      float64 `json:"sharpness"`
	Brightness     float64 `json:"brightness"`
}

// Value is one value read from a document, with where and how well.
type Value struct {
	Text       string   `json:"text"`
	Confidence float64  `json:"confidence"`
	BBox       *ocr.Box `json:"bbox,omitempty"`
	OCRRead    string   `json:"ocr_read,omitempty"` // see FieldResult.OCRRead
}

// Stamp is a company seal found on a document.
type Stamp struct {
	BBox  ocr.Box `json:"bbox"`
	Score float64 `json:"score"`
	Text  string  `json:"text,omitempty"` // the arc text read
	// TextConfidence is how well Text was read (0..1): small seals on
	// photos read poorly and say nothing about whose they are.
	TextConfidence float64 `json:"text_confidence,omitempty"`
}

// TemplateReport compares a letter with its official template.
type TemplateReport struct {
	ID         string           `json:"id"`
	Similarity float64          `json:"similarity"`
	Changes    []TemplateChange `json:"changes"`
}

// TemplateChange is one clause that departs from the template.
type TemplateChange struct {
	Clause   string   `json:"clause"`
	Expected string   `json:"expected"`
	Found    string   `json:"found"`
	BBox     *ocr.Box `json:"bbox,omitempty"`
}

// DateFound is a date read on a document.
type DateFound struct {
	Text  string   `json:"text"`
	Value string   `json:"value"`
	Label string   `json:"label,omitempty"`
	BBox  *ocr.Box `json:"bbox,omitempty"`
}

// Engine names the code and data that produced a verdict, so that a
// reprocessed backlog can tell which verdicts are stale.
type Engine struct {
	Version string `json:"version"`
	OCR     string `json:"ocr"`
	Rules   string `json:"rules"`
}

// decide applies CONTRACT §3: reject beats review beats pass.
func decide(reasons []Reason) string {
	d := DecisionPass
	for _, r := range reasons {
		switch r.Severity {
		case SeverityReject:
			return DecisionReject
		case SeverityReview:
			d = DecisionReview
		}
	}
	return d
}
