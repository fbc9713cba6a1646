package ocr

import (
	"bytes"
	"errors"
	"fmt"
	"image"
	"image/draw"
	"image/gif"
	"image/jpeg"
	"image/png"
	"io"
	"math"
	"sync"

	"github.com/gen2brain/go-fitz"
)

// The explicit imports of image/jpeg, image/png and image/gif above also
// register those decoders with package image, so image.Decode works for
// callers; this file calls each codec directly instead of going through
// the registry, so the codec is always the one Sniff chose.

// Format is the kind of file found by Sniff.
type Format string

// Formats recognised by Sniff. FormatUnknown is anything else.
const (
	FormatJPEG    Format = "jpeg"
	FormatPNG     Format = "png"
	FormatGIF     Format = "gif"
	FormatPDF     Format = "pdf"
	FormatUnknown Format = ""
)

// Sentinel errors; callers map them to reason codes with errors.Is.
var (
	// ErrTooLarge: the file is over the byte limit (FILE_TOO_LARGE).
	ErrTooLarge = errors.New("ocr: file too large")
	// ErrUnsupported: unknown format, undecodable or corrupt data, an
	// absurd pixel count, an encrypted PDF, a PDF with no pages or too
	// many pages (FILE_UNSUPPORTED).
	ErrUnsupported = errors.New("ocr: unsupported file")
)

// Limits bound what the intake accepts. A zero or negative field means
// "use the default" (see DefaultLimits).
type Limits struct {
	MaxImageBytes int64   // image files over this are refused
	MaxPDFBytes   int64   // PDF files over this are refused
	MaxPixels     int     // width*height per image or rendered page
	MaxPDFPages   int     // PDFs with more pages are refused
	PDFDPI        float64 // render resolution for PDF pages
}

// Default limits (see DefaultLimits).
const (
	defaultMaxImageBytes = 5 << 20
	defaultMaxPDFBytes   = 64 << 20
	defaultMaxPixels     = 50_000_000
	defaultMaxPDFPages   = 50
	defaultPDFDPI        = 200
)

// DefaultLimits returns the limits used for uploads.
func DefaultLimits() Limits {
	return Limits{
		MaxImageBytes: defaultMaxImageBytes,
		MaxPDFBytes:   defaultMaxPDFBytes,
		MaxPixels:     defaultMaxPixels,
		MaxPDFPages:   defaultMaxPDFPages,
		PDFDPI:        defaultPDFDPI,
	}
}

// withDefaults replaces unset (zero or negative) fields by the defaults.
func (l Limits) withDefaults() Limits {
	d := DefaultLimits()
	if l.MaxImageBytes <= 0 {
		l.MaxImageBytes = d.MaxImageBytes
	}
	if l.MaxPDFBytes <= 0 {
		l.MaxPDFBytes = d.MaxPDFBytes
	}
	if l.MaxPixels <= 0 {
		l.MaxPixels = d.MaxPixels
	}
	if l.MaxPDFPages <= 0 {
		l.MaxPDFPages = d.MaxPDFPages
	}
	if l.PDFDPI <= 0 {
		l.PDFDPI = d.PDFDPI
	}
	return l
}

// Decoded is one image ready for OCR, upright (EXIF orientation applied).
// Image is an *image.Gray for greyscale inputs and an *image.RGBA
// otherwise, with bounds starting at (0, 0); transparency is flattened
// onto white.
type Decoded struct {
	Image       image.Image
	Format      Format
	Page        int // 1-based page number for PDF pages, 0 otherwise
	Orientation int // EXIF orientation tag that was applied (1 = none)
	// Pixel size as stored in the file, before orientation (for PDF
	// pages: the rendered size).
	SourceWidth, SourceHeight int
}

// Sniff identifies a file by its leading magic bytes only.
func Sniff(data []byte) Format {
	switch {
	case bytes.HasPrefix(data, []byte{0xFF, 0xD8, 0xFF}):
		return FormatJPEG
	case bytes.HasPrefix(data, []byte("\x89PNG\r\n\x1a\n")):
		return FormatPNG
	case bytes.HasPrefix(data, []byte("GIF87a")), bytes.HasPrefix(data, []byte("GIF89a")):
		return FormatGIF
	case bytes.HasPrefix(data, []byte("%PDF-")):
		return FormatPDF
	}
	return FormatUnknown
}

// Decode turns one uploaded file into one image: the image itself, or
// the first page of a PDF. Errors match ErrTooLarge or ErrUnsupported.
func Decode(data []byte, lim Limits) (Decoded, error) {
	lim = lim.withDefaults()
	switch f := Sniff(data); f {
	case FormatUnknown:
		return Decoded{}, unknownFormat(data)
	case FormatPDF:
		return decodeFirstPage(data, lim)
	default:
		return decodeImage(data, f, lim)
	}
}

// DecodePages decodes every page of a PDF, or the single image of an
// image file as a one-element slice. Every page is held in memory; use
// EachPage to process pages one at a time.
func DecodePages(data []byte, lim Limits) ([]Decoded, error) {
	var pages []Decoded
	err := EachPage(data, lim, func(d Decoded) error {
		pages = append(pages, d)
		return nil
	})
	if err != nil {
		return nil, err
	}
	return pages, nil
}

// EachPage calls fn with every decoded page in order (once for an image
// file), stopping at and returning the first error. fn runs outside the
// PDF renderer's lock, so slow work there does not block other uploads.
func EachPage(data []byte, lim Limits, fn func(Decoded) error) error {
	lim = lim.withDefaults()
	switch f := Sniff(data); f {
	case FormatUnknown:
		return unknownFormat(data)
	case FormatPDF:
		return eachPDFPage(data, lim, fn)
	default:
		d, err := decodeImage(data, f, lim)
		if err != nil {
			return err
		}
		return fn(d)
	}
}

// PageCount reports how many images the file holds: 1 for an image
// (after the size and header checks), the page count for a PDF. It
// applies the same checks as DecodePages without decoding pixels; a PDF
// over MaxPDFPages returns its page count together with ErrUnsupported.
func PageCount(data []byte, lim Limits) (int, error) {
	lim = lim.withDefaults()
	switch f := Sniff(data); f {
	case FormatUnknown:
		return 0, unknownFormat(data)
	case FormatPDF:
		return pdfPageCount(data, lim)
	default:
		if _, err := checkImage(data, f, lim); err != nil {
			return 0, err
		}
		return 1, nil
	}
}

// decodeImage decodes a JPEG, PNG or GIF (first frame) into an upright
// Gray or RGBA image, checking the byte and pixel limits first.
func decodeImage(data []byte, f Format, lim Limits) (Decoded, error) {
	cfg, err := checkImage(data, f, lim)
	if err != nil {
		return Decoded{}, err
	}
	var img image.Image
	err = safely(func() (err error) {
		img, err = decoderFor(f)(bytes.NewReader(data))
		return err
	})
	if err != nil {
		return Decoded{}, fmt.Errorf("%w: decode %s: %w", ErrUnsupported, f, err)
	}
	tag := orientNormal
	if f == FormatJPEG {
		tag = jpegOrientation(data)
	}
	return Decoded{
		Image:        ApplyOrientation(normalizeDecoded(img, cfg.Width, cfg.Height), tag),
		Format:       f,
		Orientation:  tag,
		SourceWidth:  cfg.Width,
		SourceHeight: cfg.Height,
	}, nil
}

// checkImage enforces the byte limit, then reads the header and enforces
// the pixel limit, all before any pixel is decoded.
func checkImage(data []byte, f Format, lim Limits) (image.Config, error) {
	if int64(len(data)) > lim.MaxImageBytes {
		return image.Config{}, tooLarge(len(data), lim.MaxImageBytes)
	}
	var cfg image.Config
	err := safely(func() (err error) {
		cfg, err = configFor(f)(bytes.NewReader(data))
		return err
	})
	if err != nil {
		return image.Config{}, fmt.Errorf("%w: read %s header: %w", ErrUnsupported, f, err)
	}
	if err := checkPixels(f, cfg.Width, cfg.Height, lim.MaxPixels); err != nil {
		return image.Config{}, err
	}
	return cfg, nil
}

// checkPixels refuses empty images and ones over the pixel budget.
func checkPixels(f Format, w, h, limit int) error {
	if w <= 0 || h <= 0 {
		return fmt.Errorf("%w: %s header: empty image %dx%d", ErrUnsupported, f, w, h)
	}
	if int64(w)*int64(h) > int64(limit) {
		return fmt.Errorf("%w: %s header: %dx%d pixels exceeds the %d-pixel limit", ErrUnsupported, f, w, h, limit)
	}
	return nil
}

// decoderFor returns the full decoder of an image format.
func decoderFor(f Format) func(io.Reader) (image.Image, error) {
	switch f {
	case FormatJPEG:
		return jpeg.Decode
	case FormatPNG:
		return png.Decode
	case FormatGIF:
		return gif.Decode
	}
	return func(io.Reader) (image.Image, error) { return nil, fmt.Errorf("no decoder for %q", f) }
}

// configFor returns the header-only decoder of an image format.
func configFor(f Format) func(io.Reader) (image.Config, error) {
	switch f {
	case FormatJPEG:
		return jpeg.DecodeConfig
	case FormatPNG:
		return png.DecodeConfig
	case FormatGIF:
		return gif.DecodeConfig
	}
	return func(io.Reader) (image.Config, error) { return image.Config{}, fmt.Errorf("no decoder for %q", f) }
}

// normalizeDecoded converts a decoded image into a w×h *image.Gray (greyscale
// inputs) or *image.RGBA anchored at the origin. Images that are not
// fully opaque, or smaller than the canvas (a GIF frame), are drawn onto
// a white w×h canvas.
func normalizeDecoded(img image.Image, w, h int) image.Image {
	canvas := image.Rect(0, 0, w, h)
	if img.Bounds().Size() == canvas.Size() {
		switch m := img.(type) {
		case *image.Gray:
			return rebaseGray(m)
		case *image.Gray16:
			return toGray8(m)
		}
		if isOpaque(img) {
			return ToRGBA(img)
		}
	}
	return flattenOnWhite(img, canvas)
}

// isOpaque reports whether img says it has no transparent pixel.
func isOpaque(img image.Image) bool {
	o, ok := img.(interface{ Opaque() bool })
	return ok && o.Opaque()
}

// toGray8 converts img to an 8-bit *image.Gray anchored at the origin.
func toGray8(img image.Image) *image.Gray {
	b := img.Bounds()
	dst := image.NewGray(image.Rect(0, 0, b.Dx(), b.Dy()))
	draw.Draw(dst, dst.Rect, img, b.Min, draw.Src)
	return dst
}

// flattenOnWhite draws img (at its own bounds) over a white canvas.
func flattenOnWhite(img image.Image, canvas image.Rectangle) *image.RGBA {
	dst := image.NewRGBA(canvas)
	draw.Draw(dst, canvas, image.White, image.Point{}, draw.Src)
	b := img.Bounds()
	draw.Draw(dst, b, img, b.Min, draw.Over)
	return dst
}

// safely runs fn and turns a panic inside it into ErrUnsupported.
func safely(fn func() error) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("%w: decoder panic: %v", ErrUnsupported, r)
		}
	}()
	return fn()
}

// tooLarge is the ErrTooLarge error for a file of n bytes.
func tooLarge(n int, limit int64) error {
	return fmt.Errorf("%w: %d bytes exceeds the %d-byte limit", ErrTooLarge, n, limit)
}

// unknownFormat is the ErrUnsupported error for unrecognised bytes.
func unknownFormat(data []byte) error {
	head := data[:min(len(data), 8)]
	return fmt.Errorf("%w: unrecognised format (first bytes % x)", ErrUnsupported, head)
}

// fitzMu serialises every call into MuPDF, process-wide. A go-fitz
// Document is not safe for concurrent use, and go-fitz v1.24.15 creates
// each document's fz_context without MuPDF lock callbacks; rendering
// separate documents from separate goroutines is reported to SIGSEGV
// (gen2brain/go-fitz#142, open). It guards the C library, holds no
// state of its own, and is never held while caller code runs.
var fitzMu sync.Mutex

// minPDFDPI is the lowest render resolution worth producing.
const minPDFDPI = 1

// maxRenderPixels caps the page bitmap whatever lim.MaxPixels says:
// go-fitz copies the pixmap with C.GoBytes(…, C.int(4*w*h)), which
// overflows a 32-bit int at 2^29 pixels.
const maxRenderPixels = 1<<29 - 1

// inFitz runs fn holding fitzMu, turning a Go panic into ErrUnsupported.
func inFitz(fn func() error) error {
	fitzMu.Lock()
	defer fitzMu.Unlock()
	return safely(fn)
}

// openPDF checks the byte limit, opens the document and checks its page
// count. On success the caller must closePDF the document.
func openPDF(data []byte, lim Limits) (*fitz.Document, int, error) {
	if int64(len(data)) > lim.MaxPDFBytes {
		return nil, 0, tooLarge(len(data), lim.MaxPDFBytes)
	}
	var doc *fitz.Document
	n := 0
	err := inFitz(func() error {
		d, err := fitz.NewFromMemory(data)
		if err != nil {
			closeDoc(d)
			return pdfOpenError(err)
		}
		doc, n = d, d.NumPage()
		return nil
	})
	if err != nil {
		return nil, 0, err
	}
	if err := checkPageCount(n, lim.MaxPDFPages); err != nil {
		closePDF(doc)
		return nil, n, err
	}
	return doc, n, nil
}

// pdfOpenError classifies a go-fitz open error as ErrUnsupported.
func pdfOpenError(err error) error {
	if errors.Is(err, fitz.ErrNeedsPassword) {
		return fmt.Errorf("%w: encrypted pdf: %w", ErrUnsupported, err)
	}
	return fmt.Errorf("%w: open pdf: %w", ErrUnsupported, err)
}

// checkPageCount refuses PDFs with no pages or too many.
func checkPageCount(n, limit int) error {
	if n <= 0 {
		return fmt.Errorf("%w: pdf has no pages", ErrUnsupported)
	}
	if n > limit {
		return fmt.Errorf("%w: pdf has %d pages, limit is %d", ErrUnsupported, n, limit)
	}
	return nil
}

// closePDF closes a document under the MuPDF lock.
func closePDF(doc *fitz.Document) {
	fitzMu.Lock()
	defer fitzMu.Unlock()
	closeDoc(doc)
}

// closeDoc closes a possibly half-opened document; caller holds fitzMu.
func closeDoc(doc *fitz.Document) {
	if doc != nil {
		_ = doc.Close() // go-fitz's Close always returns nil
	}
}

// pdfPageCount opens the PDF only to count and check its pages.
func pdfPageCount(data []byte, lim Limits) (int, error) {
	doc, n, err := openPDF(data, lim)
	if err != nil {
		return n, err
	}
	closePDF(doc)
	return n, nil
}

// decodeFirstPage renders page 1 of a PDF.
func decodeFirstPage(data []byte, lim Limits) (Decoded, error) {
	doc, _, err := openPDF(data, lim)
	if err != nil {
		return Decoded{}, err
	}
	defer closePDF(doc)
	return renderPage(doc, 0, lim)
}

// eachPDFPage renders the pages one by one and hands each to fn.
func eachPDFPage(data []byte, lim Limits, fn func(Decoded) error) error {
	doc, n, err := openPDF(data, lim)
	if err != nil {
		return err
	}
	defer closePDF(doc)
	for i := 0; i < n; i++ {
		d, err := renderPage(doc, i, lim)
		if err != nil {
			return err
		}
		if err := fn(d); err != nil {
			return err
		}
	}
	return nil
}

// renderPage renders 0-based page i at lim.PDFDPI, lowered when needed
// so the bitmap stays within lim.MaxPixels.
func renderPage(doc *fitz.Document, i int, lim Limits) (Decoded, error) {
	var img *image.RGBA
	err := inFitz(func() error {
		bound, err := doc.Bound(i)
		if err != nil {
			return fmt.Errorf("%w: pdf page %d bounds: %w", ErrUnsupported, i+1, err)
		}
		dpi, err := fitDPI(bound, lim)
		if err != nil {
			return fmt.Errorf("pdf page %d: %w", i+1, err)
		}
		img, err = doc.ImageDPI(i, dpi)
		if err != nil {
			return fmt.Errorf("%w: render pdf page %d: %w", ErrUnsupported, i+1, err)
		}
		return nil
	})
	if err != nil {
		return Decoded{}, err
	}
	img = rebaseRGBA(img)
	return Decoded{
		Image:        img,
		Format:       FormatPDF,
		Page:         i + 1,
		Orientation:  orientNormal,
		SourceWidth:  img.Rect.Dx(),
		SourceHeight: img.Rect.Dy(),
	}, nil
}

// fitDPI picks the render resolution for a page whose bounds are in
// points (72 per inch): lim.PDFDPI, scaled down until the rendered
// bitmap fits in lim.MaxPixels (and maxRenderPixels).
func fitDPI(bound image.Rectangle, lim Limits) (float64, error) {
	if bound.Dx() <= 0 || bound.Dy() <= 0 {
		return 0, fmt.Errorf("%w: empty page %dx%d pt", ErrUnsupported, bound.Dx(), bound.Dy())
	}
	budget := float64(min(lim.MaxPixels, maxRenderPixels))
	dpi := lim.PDFDPI
	if px := renderedPixels(bound, dpi); px > budget {
		dpi *= math.Sqrt(budget / px)
	}
	for dpi >= minPDFDPI && renderedPixels(bound, dpi) > budget {
		dpi *= 0.99
	}
	if dpi < minPDFDPI {
		return 0, fmt.Errorf("%w: page %dx%d pt too large to render", ErrUnsupported, bound.Dx(), bound.Dy())
	}
	return dpi, nil
}

// renderedPixels bounds the bitmap size MuPDF allocates for a page at
// dpi. Bound truncates to whole points and MuPDF rounds the pixel box
// outwards, hence the extra point and pixel per side.
func renderedPixels(bound image.Rectangle, dpi float64) float64 {
	s := dpi / 72
	w := math.Ceil(float64(bound.Dx()+1)*s) + 1
	h := math.Ceil(float64(bound.Dy()+1)*s) + 1
	return w * h
}
