package main

import (
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"sync"
)

// generator holds what every application shares.
type generator struct {
	fs      *fontSet
	regions *regionTable
	tmpl    map[string][]string
	out     string
	seed    uint64
	rate400 float64
}

// assignDefects picks which applications are defective and spreads the
// codes evenly over them: every code once before any twice.
func assignDefects(seed uint64, n int, rate float64, codes []string) []string {
	out := make([]string, n)
	if len(codes) == 0 {
		return out
	}
	rng := rand.New(rand.NewPCG(seed, 0xDEFEC7))
	k := int(math.Round(float64(n) * rate))
	k = min(max(k, 0), n)
	apps := rng.Perm(n)[:k]
	var order []string
	for len(order) < k {
		cycle := slices.Clone(codes)
		rng.Shuffle(len(cycle), func(i, j int) { cycle[i], cycle[j] = cycle[j], cycle[i] })
		order = append(order, cycle...)
	}
	for i, idx := range apps {
		out[idx] = order[i]
	}
	return out
}

// makeApp draws the truth of application idx and applies its defect.
func (gen *generator) makeApp(idx int, code string) *app {
	rng := rand.New(rand.NewPCG(gen.seed, uint64(idx)+1))
	g := &truthGen{rng: rng, regions: gen.regions, tmpl: gen.tmpl}
	a := g.newApp(fmt.Sprintf("app-%d-%05d", gen.seed, idx+1), rng.Float64() < gen.rate400)
	a.planDocs(rng)
	def, ok := defectByCode(code)
	if ok && def.truth != nil {
		def.truth(g, a)
	}
	g.letters(a)
	if ok && def.letters != nil {
		def.letters(g, a)
	}
	a.buildFields()
	a.buildForm(rng)
	if ok && def.form != nil {
		def.form(g, a)
	}
	a.nameFiles(rng)
	return a
}

// build renders and writes one application folder.
func (gen *generator) build(idx int, code string) (*app, error) {
	a := gen.makeApp(idx, code)
	dir := filepath.Join(gen.out, a.ID)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	for _, d := range a.Docs {
		if err := gen.writeDoc(dir, a, d); err != nil {
			return nil, fmt.Errorf("%s %s: %w", a.ID, d.Role, err)
		}
	}
	return a, writeApp(dir, a)
}

// writeDoc renders one document and writes its file.
func (gen *generator) writeDoc(dir string, a *app, d *docPlan) error {
	rng := rand.New(rand.NewPCG(d.Seed, 0x5EED))
	r := &renderer{fs: gen.fs, rng: rng}
	if d.Format == "heic" || d.Format == "garbage" {
		d.LetterFill = ""
		b, _ := encode(nil, d, rng)
		d.Bytes = len(b)
		return os.WriteFile(filepath.Join(dir, d.File), b, 0o644)
	}
	sh := r.produce(a, d)
	for {
		d.measure(sh)
		b, err := encode(sh.img, d, rng)
		if err != nil {
			return err
		}
		// Only huge_png may pass 5 MB: anything else that would shrinks.
		if d.Format == "huge_png" || len(b) < 4_500_000 {
			d.Bytes = len(b)
			return os.WriteFile(filepath.Join(dir, d.File), b, 0o644)
		}
		sh = shrink(sh, 0.8)
	}
}

// measure records the final size and seal boxes of a rendered document.
func (d *docPlan) measure(sh *sheet) {
	d.Width, d.Height = sh.img.Bounds().Dx(), sh.img.Bounds().Dy()
	d.Stamps, d.Others = nil, nil
	for _, q := range sh.stamps {
		d.Stamps = append(d.Stamps, q.bbox(d.Width, d.Height))
	}
	for _, q := range sh.others {
		d.Others = append(d.Others, q.bbox(d.Width, d.Height))
	}
}

// runAll builds n applications on `workers` goroutines; results come
// back in index order.
func (gen *generator) runAll(n, workers int, codes []string) ([]*app, error) {
	jobs := make(chan int)
	apps := make([]*app, n)
	errs := make([]error, n)
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range jobs {
				apps[i], errs[i] = gen.build(i, codes[i])
			}
		}()
	}
	for i := 0; i < n; i++ {
		jobs <- i
	}
	close(jobs)
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return nil, err
		}
	}
	return apps, nil
}
