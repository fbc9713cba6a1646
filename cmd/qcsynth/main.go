// Command qcsynth generates a synthetic corpus of number-application
// folders (application.json, document images, expected.json with the
// truth) for qualcheck's OCR and verification benchmark.
//
//	go run ./cmd/qcsynth -n 60 -seed 1 -out DIR [-defect-rate 0.6] [-codes A,B]
package main

import (
	"embed"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"runtime/pprof"
	"sort"
	"strings"
	"time"
)

//go:embed templates/*.txt
var templateFS embed.FS

type config struct {
	n, workers                                  int
	seed                                        uint64
	out, regions, codes, templates              string
	rate, rate400                               float64
	fontSans, fontKai, fontSerif, fontSerifBold string
	cpuProfile                                  string
}

func parseFlags(args []string) (config, error) {
	var c config
	fl := flag.NewFlagSet("qcsynth", flag.ContinueOnError)
	fl.IntVar(&c.n, "n", 60, "number of applications")
	fl.Uint64Var(&c.seed, "seed", 1, "random seed; the same seed gives the same corpus")
	fl.StringVar(&c.out, "out", "", "output directory (required)")
	fl.Float64Var(&c.rate, "defect-rate", 0.6, "share of applications with exactly one defect")
	fl.StringVar(&c.codes, "codes", "", "comma-separated defect codes to use (default all)")
	fl.Float64Var(&c.rate400, "rate-400", 0.2, "share of voice_400 applications")
	fl.StringVar(&c.regions, "regions", "", "region code CSV (default: extract/data/regioncodes.csv of the module)")
	fl.StringVar(&c.templates, "templates", "", "directory with commitment_letter.txt and application_letter.txt (default: built-in copies)")
	fl.StringVar(&c.fontSans, "font-sans", "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc", "sans CJK font (Debian fonts-wqy-zenhei)")
	fl.StringVar(&c.fontKai, "font-kai", "/usr/share/fonts/truetype/arphic/ukai.ttc", "Kai font for handwriting (Debian fonts-arphic-ukai)")
	fl.StringVar(&c.fontSerif, "font-serif", "/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc", "optional Song font for printed text (fonts-noto-cjk); empty or missing falls back to sans")
	fl.StringVar(&c.fontSerifBold, "font-serif-bold", "/usr/share/fonts/opentype/noto/NotoSerifCJK-Bold.ttc", "optional bold Song font")
	fl.IntVar(&c.workers, "j", runtime.NumCPU(), "parallel workers")
	fl.StringVar(&c.cpuProfile, "cpuprofile", "", "write a CPU profile to this file")
	if err := fl.Parse(args); err != nil {
		return c, err
	}
	if c.out == "" {
		return c, errors.New("-out is required")
	}
	if c.n < 1 || c.workers < 1 || c.rate < 0 || c.rate > 1 {
		return c, errors.New("-n and -j must be positive, -defect-rate within 0..1")
	}
	return c, nil
}

func main() {
	cfg, err := parseFlags(os.Args[1:])
	if err != nil {
		fmt.Fprintln(os.Stderr, "qcsynth:", err)
		os.Exit(2)
	}
	if err := run(cfg, os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "qcsynth:", err)
		os.Exit(1)
	}
}

// selectCodes parses -codes against the known defect codes.
func selectCodes(s string) ([]string, error) {
	if strings.TrimSpace(s) == "" {
		var all []string
		for _, d := range defects {
			all = append(all, d.Code)
		}
		return all, nil
	}
	var out []string
	for _, c := range strings.Split(s, ",") {
		c = strings.TrimSpace(c)
		if _, ok := defectByCode(c); !ok {
			return nil, fmt.Errorf("unknown defect code %q", c)
		}
		out = append(out, c)
	}
	return out, nil
}

func run(cfg config, w io.Writer) error {
	start := time.Now()
	if cfg.cpuProfile != "" {
		f, err := os.Create(cfg.cpuProfile)
		if err != nil {
			return err
		}
		defer f.Close()
		if err := pprof.StartCPUProfile(f); err != nil {
			return err
		}
		defer pprof.StopCPUProfile()
	}
	gen, codes, err := setup(cfg)
	if err != nil {
		return err
	}
	assigned := assignDefects(cfg.seed, cfg.n, cfg.rate, codes)
	apps, err := gen.runAll(cfg.n, cfg.workers, assigned)
	if err != nil {
		return err
	}
	summary(w, apps, time.Since(start))
	return nil
}

func setup(cfg config) (*generator, []string, error) {
	codes, err := selectCodes(cfg.codes)
	if err != nil {
		return nil, nil, err
	}
	fs, err := loadFonts(cfg.fontSans, cfg.fontKai, cfg.fontSerif, cfg.fontSerifBold)
	if err != nil {
		return nil, nil, err
	}
	regPath := cfg.regions
	if regPath == "" {
		if regPath, err = findInModule("extract/data/regioncodes.csv"); err != nil {
			return nil, nil, err
		}
	}
	regions, err := loadRegions(regPath)
	if err != nil {
		return nil, nil, err
	}
	tmpl, err := loadTemplates(cfg.templates)
	if err != nil {
		return nil, nil, err
	}
	if err := os.MkdirAll(cfg.out, 0o755); err != nil {
		return nil, nil, err
	}
	return &generator{fs: fs, regions: regions, tmpl: tmpl, out: cfg.out, seed: cfg.seed, rate400: cfg.rate400}, codes, nil
}

// findInModule looks for rel under the enclosing module's root.
func findInModule(rel string) (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			p := filepath.Join(dir, rel)
			if _, err := os.Stat(p); err != nil {
				return "", fmt.Errorf("region codes: %w (pass -regions)", err)
			}
			return p, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", errors.New("region codes: no go.mod above the working directory; pass -regions")
		}
		dir = parent
	}
}

func loadTemplates(dir string) (map[string][]string, error) {
	out := map[string][]string{}
	for kind, file := range map[string]string{"commitment": "commitment_letter.txt", "application": "application_letter.txt"} {
		var b []byte
		var err error
		if dir == "" {
			b, err = templateFS.ReadFile("templates/" + file)
		} else {
			b, err = os.ReadFile(filepath.Join(dir, file))
		}
		if err != nil {
			return nil, fmt.Errorf("template: %w", err)
		}
		out[kind] = strings.Split(strings.TrimRight(strings.ReplaceAll(string(b), "\r\n", "\n"), "\n"), "\n")
	}
	return out, nil
}

// summary prints what was generated.
func summary(w io.Writer, apps []*app, took time.Duration) {
	decisions, codes, kinds := map[string]int{}, map[string]int{}, map[string]int{}
	files := 0
	for _, a := range apps {
		decisions[decide(a.Reasons)]++
		kinds[a.Kind]++
		files += len(a.Docs)
		for _, r := range a.Reasons {
			codes[r.Code]++
		}
	}
	fmt.Fprintf(w, "%d applications, %d document files in %.1fs\n", len(apps), files, took.Seconds())
	fmt.Fprintf(w, "kinds: %s\ndecisions: %s\ndefects:\n", fmtCounts(kinds), fmtCounts(decisions))
	keys := make([]string, 0, len(codes))
	for k := range codes {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		fmt.Fprintf(w, "  %-28s %d\n", k, codes[k])
	}
}

func fmtCounts(m map[string]int) string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var parts []string
	for _, k := range keys {
		parts = append(parts, fmt.Sprintf("%s=%d", k, m[k]))
	}
	return strings.Join(parts, " ")
}
