package ocr

import (
	"context"
	"errors"
	"fmt"
	"image"
	"log/slog"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"

	"github.com/otiai10/gosseract/v2"
)

// Page segmentation modes used by the pipeline (Tesseract's --psm).
const (
	PSMAuto       = 3  // fully automatic layout analysis
	PSMBlock      = 6  // one uniform block of text: letters
	PSMSingleLine = 7  // one text line: a field crop
	PSMSparse     = 11 // sparse text in no order: cards and licences
	PSMRawLine    = 13 // one raw line, no layout analysis
)

// Config configures an Engine.
type Config struct {
	// Workers is the number of Tesseract clients, one per concurrent read.
	// Default: runtime.NumCPU().
	Workers int
	// Lang is the Tesseract language for text. Default "chi_sim": chi_sim
	// alone read IDs and codes better and faster than chi_sim+eng.
	Lang string
	// DigitLang is the language for digit-only crops (ID number bands).
	// Default "eng".
	DigitLang string
	// TessdataDir holds the .traineddata files. Default: TESSDATA_PREFIX
	// when set, else the first of Debian's and common install folders
	// that holds Lang.
	TessdataDir string
}

func (c Config) withDefaults() Config {
	if c.Workers <= 0 {
		c.Workers = runtime.NumCPU()
	}
	if c.Lang == "" {
		c.Lang = "chi_sim"
	}
	if c.DigitLang == "" {
		c.DigitLang = "eng"
	}
	if c.TessdataDir == "" {
		c.TessdataDir = findTessdata(c.Lang)
	}
	return c
}

var tessdataCandidates = []string{
	"/usr/share/tesseract-ocr/5/tessdata",
	"/usr/share/tesseract-ocr/4.00/tessdata",
	"/usr/share/tessdata",
	"/usr/local/share/tessdata",
	"/opt/homebrew/share/tessdata",
}

func findTessdata(lang string) string {
	if p := os.Getenv("TESSDATA_PREFIX"); p != "" {
		return p
	}
	for _, dir := range tessdataCandidates {
		if _, err := os.Stat(filepath.Join(dir, lang+".traineddata")); err == nil {
			return dir
		}
	}
	return ""
}

// ErrNoLanguageData means a traineddata file is missing: Tesseract itself
// would only scribble into a small stderr buffer (see notes on gosseract).
var ErrNoLanguageData = errors.New("tesseract language data not found")

// Engine is a pool of Tesseract clients. Each client is used by one
// goroutine at a time; Read blocks until one is free.
type Engine struct {
	cfg     Config
	pool    chan *worker
	version string
	logger  *slog.Logger
}

type worker struct {
	text   *gosseract.Client
	digits *gosseract.Client
}

// NewEngine checks the language data and creates cfg.Workers clients,
// one at a time (concurrent Init garbles stderr).
func NewEngine(cfg Config, logger *slog.Logger) (*Engine, error) {
	cfg = cfg.withDefaults()
	for _, lang := range []string{cfg.Lang, cfg.DigitLang} {
		for _, l := range strings.Split(lang, "+") {
			if _, err := os.Stat(filepath.Join(cfg.TessdataDir, l+".traineddata")); err != nil {
				return nil, fmt.Errorf("%w: %s in %q", ErrNoLanguageData, l, cfg.TessdataDir)
			}
		}
	}
	e := &Engine{cfg: cfg, pool: make(chan *worker, cfg.Workers), logger: logger}
	for i := 0; i < cfg.Workers; i++ {
		w := &worker{text: e.newClient(cfg.Lang), digits: e.newClient(cfg.DigitLang)}
		if err := warmUp(w.text, w.digits); err != nil {
			return nil, err
		}
		e.pool <- w
	}
	w := <-e.pool
	e.version = w.text.Version()
	e.pool <- w
	return e, nil
}

// warmUp initialises clients now, one after another. gosseract
// initialises lazily on the first read, and its Init swaps the process's
// stderr out and back: two at once leave stderr closed for good, and
// every later log line is lost.
func warmUp(cs ...*gosseract.Client) error {
	blank := EncodePNM(image.NewGray(image.Rect(0, 0, 8, 8)))
	for _, c := range cs {
		if err := c.SetImageFromBytes(blank); err != nil {
			return fmt.Errorf("tesseract init: %w", err)
		}
		if _, err := c.Text(); err != nil {
			return fmt.Errorf("tesseract init: %w", err)
		}
	}
	return nil
}

func (e *Engine) newClient(lang string) *gosseract.Client {
	c := gosseract.NewClient()
	_ = c.SetTessdataPrefix(e.cfg.TessdataDir)
	_ = c.SetLanguage(strings.Split(lang, "+")...)
	_ = c.SetVariable("user_defined_dpi", "300")
	_ = c.SetVariable("debug_file", os.DevNull)
	return c
}

// Describe names the engine for the verdict, e.g. "tesseract 5.3.0 chi_sim".
func (e *Engine) Describe() string {
	return fmt.Sprintf("tesseract %s %s", e.version, e.cfg.Lang)
}

// Workers is the number of reads that can run at once.
func (e *Engine) Workers() int { return e.cfg.Workers }

// Close frees every client. The engine must not be used afterwards.
func (e *Engine) Close() {
	for i := 0; i < e.cfg.Workers; i++ {
		w := <-e.pool
		_ = w.text.Close()
		_ = w.digits.Close()
	}
}

// ReadOptions says how to read one image.
type ReadOptions struct {
	// PSM is Tesseract's page segmentation mode (PSMBlock, PSMSparse, …).
	PSM int
	// Digits reads with the digit language instead of the text language;
	// its whitelist defaults to "0123456789X".
	Digits bool
	// Whitelist, when set, is every character the read may give.
	Whitelist string
	// Global binarises with Otsu's one threshold for the whole image
	// even where the page mode would take Sauvola's local one.
	Global bool
}

// Read recognises img and returns its words grouped in lines. Boxes are
// in img's pixels. Tesseract cannot be interrupted mid-page, so ctx is
// checked while waiting for a client; one page takes about a second.
func (e *Engine) Read(ctx context.Context, img image.Image, opt ReadOptions) (Page, error) {
	var w *worker
	select {
	case w = <-e.pool:
	case <-ctx.Done():
		return Page{}, ctx.Err()
	}
	defer func() { e.pool <- w }()
	c := w.text
	if opt.Digits {
		c = w.digits
	}
	return readWith(c, img, opt)
}

// thresholding picks Tesseract's binarisation: Sauvola's local
// threshold for sparse text (cards, licences, handheld photos), where a
// grey table, uneven light or the white corners of a deskewed photo
// defeat one global threshold (samples app-1-00003 and app-1-00005 read
// nothing with Otsu); Otsu for blocks of prose, where Sauvola cost a
// letter's date.
func thresholding(opt ReadOptions) string {
	if opt.PSM == PSMSparse && !opt.Global {
		return "2"
	}
	return "0"
}

func readWith(c *gosseract.Client, img image.Image, opt ReadOptions) (Page, error) {
	wl := opt.Whitelist
	if opt.Digits && wl == "" {
		wl = "0123456789X"
	}
	_ = c.SetVariable("tessedit_char_whitelist", wl)
	_ = c.SetVariable("tessedit_pageseg_mode", strconv.Itoa(opt.PSM))
	_ = c.SetVariable("thresholding_method", thresholding(opt))
	if err := c.SetImageFromBytes(EncodePNM(img)); err != nil {
		return Page{}, fmt.Errorf("tesseract set image: %w", err)
	}
	boxes, err := c.GetBoundingBoxesVerbose()
	if err != nil {
		return Page{}, fmt.Errorf("tesseract recognise: %w", err)
	}
	b := img.Bounds()
	return Page{Lines: groupLines(boxes), Width: b.Dx(), Height: b.Dy()}, nil
}

// groupLines turns Tesseract's word list into lines, keeping reading
// order and dropping empty words.
func groupLines(boxes []gosseract.BoundingBox) []Line {
	var lines []Line
	type key struct{ b, p, l int }
	prev := key{-1, -1, -1}
	for _, bb := range boxes {
		t := strings.TrimSpace(bb.Word)
		if t == "" {
			continue
		}
		k := key{bb.BlockNum, bb.ParNum, bb.LineNum}
		if k != prev || len(lines) == 0 {
			lines = append(lines, Line{})
			prev = k
		}
		l := &lines[len(lines)-1]
		w := Word{Text: t, Conf: bb.Confidence / 100, Box: BoxOf(bb.Box)}
		l.Words = append(l.Words, w)
		l.Box = l.Box.Union(w.Box)
	}
	return lines
}
