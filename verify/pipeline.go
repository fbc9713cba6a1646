package verify

import (
	"context"
	"errors"
	"fmt"
	"image"
	"log/slog"
	"runtime"
	"sync"
	"time"

	"github.com/qualcheck/qualcheck/extract"
	"github.com/qualcheck/qualcheck/ocr"
)

// Reader is the OCR engine as the pipeline sees it (*ocr.Engine).
type Reader interface {
	Read(ctx context.Context, img image.Image, opt ocr.ReadOptions) (ocr.Page, error)
	Describe() string
}

// Files gives a document file's bytes by the name application.json uses.
type Files interface {
	Open(name string) ([]byte, error)
}

// Config configures a Pipeline.
type Config struct {
	// Limits bound what intake decodes. Default: ocr.DefaultLimits().
	Limits ocr.Limits
	// MaxSide caps the longer side of an image handed to the OCR; larger
	// photos are scaled down (glyphs stay well above the 17 px that the
	// OCR needs). Default 2400.
	MaxSide int
	// CardSide caps the longer side of a licence, certificate or ID card
	// image. These print large glyphs, and chi_sim reads Han glyphs
	// about 15–25 px high best: at full size a clean scan read 郝丽 as
	// 赤gR, at a third of it correctly, and faster. Default 1600.
	CardSide int
	// InFlight is how many documents are decoded and read at once, across
	// all applications: decoded images are the bulk of memory, and only
	// as many can be read as there are OCR engines. Default: the number
	// of CPUs plus one, so an engine never waits for a decode.
	InFlight int
	// Version names this build in the verdict's engine block. Default "dev".
	Version string
	// Templates are the official letter templates letters are read
	// against. Default: the templates shipped in extract/templates.
	Templates []extract.Template
	// Glyphs, when set, compares the ink of characters the OCR read
	// unsurely with the form's characters drawn in reference fonts (see
	// glyphcheck.go). Default nil: no glyph check.
	Glyphs *ocr.Glyphs
}

func (c Config) withDefaults() Config {
	if c.Limits == (ocr.Limits{}) {
		c.Limits = ocr.DefaultLimits()
	}
	if c.MaxSide <= 0 {
		c.MaxSide = 2400
	}
	if c.CardSide <= 0 {
		c.CardSide = 1600
	}
	if c.InFlight <= 0 {
		c.InFlight = runtime.NumCPU() + 1
	}
	if c.Version == "" {
		c.Version = "dev"
	}
	if c.Templates == nil {
		c.Templates, _ = extract.Templates() // embedded: TestTemplatesShipped proves they load
	}
	return c
}

// Pipeline turns an application and its files into a verdict: decode,
// OCR, classify, extract, then the rules. It holds no state between
// applications and is safe for concurrent use.
type Pipeline struct {
	cfg    Config
	reader Reader
	logger *slog.Logger
	now    func() time.Time
	slots  chan struct{}
}

// NewPipeline wires a pipeline; now supplies "today" for an application
// without submitted_at.
func NewPipeline(cfg Config, reader Reader, logger *slog.Logger, now func() time.Time) *Pipeline {
	cfg = cfg.withDefaults()
	return &Pipeline{cfg: cfg, reader: reader, logger: logger, now: now, slots: make(chan struct{}, cfg.InFlight)}
}

// Verify produces the verdict for one application. Broken rules and bad
// files are reasons on the verdict; the error is only for a cancelled
// context.
func (p *Pipeline) Verify(ctx context.Context, app Application, files Files) (Verdict, error) {
	docs, err := p.Read(ctx, app, files)
	if err != nil {
		return Verdict{}, err
	}
	return p.Evaluate(app, docs), nil
}

// Read reads every document of an application: what Evaluate decides
// on, and what the service keeps to re-decide without OCR.
func (p *Pipeline) Read(ctx context.Context, app Application, files Files) ([]DocResult, error) {
	return p.readAll(ctx, app, files)
}

// readAll reads every document in parallel; the engine's pool bounds how
// many OCR passes run at once.
func (p *Pipeline) readAll(ctx context.Context, app Application, files Files) ([]DocResult, error) {
	results := make([][]DocResult, len(app.Documents))
	var wg sync.WaitGroup
	for i, ref := range app.Documents {
		wg.Add(1)
		go func() {
			defer wg.Done()
			results[i] = p.readRef(ctx, ref, files, app.Form)
		}()
	}
	wg.Wait()
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("verify %s: %w", app.ID, err)
	}
	var out []DocResult
	for _, r := range results {
		out = append(out, r...)
	}
	return out, nil
}

// DocResult is everything read from one document image.
type DocResult struct {
	Ref    DocumentRef
	Report DocumentReport
	Kind   extract.Kind
	Fields extract.Fields
	// Failure is a reason code that makes the document unusable
	// (FILE_TOO_LARGE, FILE_UNSUPPORTED, DOCUMENT_UNREADABLE), or "".
	Failure string
	// Page is the OCR result in uploaded-image pixels.
	Page ocr.Page
	// Refuted holds the fields whose value second readings and the
	// glyph check showed to be surely another than the form's
	// (refuteBlank), though the OCR's confidence alone would not.
	Refuted map[string]bool
}

// markRefuted records that field key surely holds another value than the
// form's.
func (r *DocResult) markRefuted(key string) {
	if r.Refuted == nil {
		r.Refuted = map[string]bool{}
	}
	r.Refuted[key] = true
}

// readRef reads one document; form is what the glyph check compares with.
func (p *Pipeline) readRef(ctx context.Context, ref DocumentRef, files Files, form Form) []DocResult {
	base := DocResult{Ref: ref, Report: newReport(ref)}
	data, err := files.Open(ref.File)
	if err != nil {
		p.logger.Warn("document file unreadable", "role", ref.Role, "err", err)
		return []DocResult{base.fail(CodeFileUnsupported, "file not found or unreadable")}
	}
	select {
	case p.slots <- struct{}{}:
	case <-ctx.Done():
		return []DocResult{base.fail(CodeDocumentUnreadable, "cancelled")}
	}
	defer func() { <-p.slots }()
	if ref.Role == RolePacket {
		return p.readPacket(ctx, base, data, form)
	}
	t0 := time.Now()
	d, err := ocr.Decode(data, p.cfg.Limits)
	base.Report.TimingsMS["decode"] = time.Since(t0).Milliseconds()
	if err != nil {
		return []DocResult{base.fail(decodeCode(err), err.Error())}
	}
	return []DocResult{p.readImage(ctx, base, d, form)}
}

func decodeCode(err error) string {
	if errors.Is(err, ocr.ErrTooLarge) {
		return CodeFileTooLarge
	}
	return CodeFileUnsupported
}

func newReport(ref DocumentRef) DocumentReport {
	return DocumentReport{
		Role: ref.Role, File: ref.File, KindDetected: string(extract.KindUnknown),
		Stamps: []Stamp{}, Dates: []DateFound{}, TimingsMS: map[string]int64{},
	}
}

func (r DocResult) fail(code, detail string) DocResult {
	r.Failure = code
	r.Report.Error = detail
	return r
}
