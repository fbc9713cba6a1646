package main

import (
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"runtime"
	"runtime/debug"
	"strings"
	"time"

	"github.com/qualcheck/qualcheck/ocr"
	"github.com/qualcheck/qualcheck/verify"
)

// Config is what the commands are built from. Every field is a flag and
// an environment variable (--ocr-workers ↔ OCR_WORKERS).
type Config struct {
	// OCRWorkers is the number of Tesseract engines (about 55 MB each).
	// Default: the number of CPUs.
	OCRWorkers int
	// Parallel is how many applications are verified at once.
	// Default: the number of CPUs.
	Parallel int
	// TessdataDir holds the traineddata files. Default: TESSDATA_PREFIX,
	// else Debian's /usr/share/tesseract-ocr/5/tessdata.
	TessdataDir string
	// MaxSide caps the longer side of an image before OCR. Default 2400.
	MaxSide int
	// CardSide caps the longer side of licence and ID card images before
	// OCR. Default 1600.
	CardSide int
	// GlyphFonts are the reference fonts, comma-separated, that unsure
	// characters are compared with (verify/glyphcheck.go); "" turns the
	// glyph check off. Default: Debian's WenQuanYi Micro Hei (sans), AR
	// PL UMing (Song) and LXGW WenKai (Kai, nearest to the letters'
	// handwriting): fonts-wqy-microhei, fonts-arphic-uming,
	// fonts-lxgw-wenkai.
	GlyphFonts string
	// LogLevel is debug, info, warn or error. Default "warn".
	LogLevel string
}

const defaultGlyphFonts = "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc," +
	"/usr/share/fonts/truetype/arphic/uming.ttc," +
	"/usr/share/fonts/truetype/lxgw-wenkai/LXGWWenKai-Regular.ttf"

// bind registers the config's flags on fs.
func (c *Config) bind(fs *flag.FlagSet) {
	fs.IntVar(&c.OCRWorkers, "ocr-workers", runtime.NumCPU(), "Tesseract engines")
	fs.IntVar(&c.Parallel, "parallel", runtime.NumCPU(), "applications verified at once")
	fs.StringVar(&c.TessdataDir, "tessdata-dir", "", "folder of .traineddata files")
	fs.IntVar(&c.MaxSide, "max-side", 2400, "longest image side handed to the OCR")
	fs.IntVar(&c.CardSide, "card-side", 1600, "longest licence or ID card side handed to the OCR")
	fs.StringVar(&c.GlyphFonts, "glyph-fonts", defaultGlyphFonts, "reference fonts for the glyph check, comma-separated; empty turns it off")
	fs.StringVar(&c.LogLevel, "log-level", "warn", "debug, info, warn or error")
}

// newFlagSet is a flag set with the config's flags bound.
func newFlagSet(name string, c *Config) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	c.bind(fs)
	return fs
}

// parseFlags parses args, then fills every flag not given on the command
// line from its environment variable (--ocr-workers ↔ OCR_WORKERS).
func parseFlags(fs *flag.FlagSet, args []string) error {
	if err := fs.Parse(args); err != nil {
		return fmt.Errorf("%w: %v", errUsage, err)
	}
	given := map[string]bool{}
	fs.Visit(func(f *flag.Flag) { given[f.Name] = true })
	var err error
	fs.VisitAll(func(f *flag.Flag) {
		env := envName(f.Name)
		if v, ok := os.LookupEnv(env); ok && !given[f.Name] && err == nil {
			if e := f.Value.Set(v); e != nil {
				err = fmt.Errorf("%w: %s=%q: %v", errUsage, env, v, e)
			}
		}
	})
	return err
}

// envName is a flag's environment variable: --ocr-workers ↔ OCR_WORKERS.
func envName(flagName string) string {
	return strings.ToUpper(strings.ReplaceAll(flagName, "-", "_"))
}

func (c Config) logger(w io.Writer) *slog.Logger {
	var lvl slog.Level
	if err := lvl.UnmarshalText([]byte(c.LogLevel)); err != nil {
		lvl = slog.LevelWarn
	}
	return slog.New(slog.NewTextHandler(w, &slog.HandlerOptions{Level: lvl}))
}

func (c Config) engine(logger *slog.Logger) (*ocr.Engine, error) {
	e, err := ocr.NewEngine(ocr.Config{Workers: c.OCRWorkers, TessdataDir: c.TessdataDir}, logger)
	if err != nil {
		return nil, fmt.Errorf("start OCR: %w", err)
	}
	return e, nil
}

func (c Config) pipeline(r verify.Reader, logger *slog.Logger, now func() time.Time) *verify.Pipeline {
	cfg := verify.Config{MaxSide: c.MaxSide, CardSide: c.CardSide, Version: version(), Glyphs: c.glyphs(logger)}
	return verify.NewPipeline(cfg, r, logger, now)
}

// glyphs loads the glyph check's reference fonts. A missing font turns
// the check off with a warning: verdicts stay correct, only more of them
// go to a human.
func (c Config) glyphs(logger *slog.Logger) *ocr.Glyphs {
	if c.GlyphFonts == "" {
		return nil
	}
	paths := strings.Split(c.GlyphFonts, ",")
	for i := range paths {
		paths[i] = strings.TrimSpace(paths[i])
	}
	g, err := ocr.LoadGlyphs(paths...)
	if err != nil {
		logger.Warn("glyph check off: reference fonts unreadable", "err", err)
		return nil
	}
	return g
}

// version is the module version stamped by the build, or the VCS revision.
func version() string {
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		return "dev"
	}
	if v := bi.Main.Version; v != "" && v != "(devel)" {
		return v
	}
	for _, s := range bi.Settings {
		if s.Key == "vcs.revision" && len(s.Value) >= 12 {
			return "dev-" + s.Value[:12]
		}
	}
	return "dev"
}
