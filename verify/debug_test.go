package verify

import (
	"context"
	"fmt"
	"image"
	"log/slog"
	"os"
	"testing"

	"github.com/qualcheck/qualcheck/extract"
	"github.com/qualcheck/qualcheck/ocr"
)

func TestDebugPage(t *testing.T) {
	f := os.Getenv("DBG_FILE")
	if f == "" {
		t.Skip()
	}
	e, err := ocr.NewEngine(ocr.Config{Workers: 1}, slog.Default())
	if err != nil {
		t.Fatal(err)
	}
	data, _ := os.ReadFile(f)
	d, err := ocr.Decode(data, ocr.DefaultLimits())
	if err != nil {
		t.Fatal(err)
	}
	p := NewPipeline(Config{}, e, slog.Default(), nil)
	g, sc := p.prepare(d.Image)
	psm := 3
	fmt.Sscan(os.Getenv("DBG_PSM"), &psm)
	a := ocr.SkewAngle(g, 6)
	fmt.Println("skew", a)
	st, rot := ocr.Deskew(g, a)
	page, _ := e.Read(context.Background(), st, ocr.ReadOptions{PSM: psm})
	page = ocr.MapPage(rot.MapPageBack(page), image.Point{}, 0, sc, d.Image.Bounds().Dx(), d.Image.Bounds().Dy())
	for _, l := range page.Lines {
		fmt.Printf("%v %.2f %s\n", l.Box, l.Conf(), l.Text())
		if os.Getenv("DBG_WORDS") != "" {
			for _, w := range l.Words {
				fmt.Printf("   W %v %.2f %s\n", w.Box, w.Conf, w.Text)
			}
		}
	}
	for _, r := range extract.DebugRows(page) {
		fmt.Println("ROW", r)
	}
	c := extract.Classify(page)
	fmt.Println(c.Kind, c.Score, c.Scores)
	fmt.Println(extractFields(c.Kind, page))
}
