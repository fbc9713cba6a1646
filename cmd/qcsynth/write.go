package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"image"
	"image/jpeg"
	"image/png"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"

	"golang.org/x/image/bmp"
)

// docTruth is one entry of expected.json's documents.
type docTruth struct {
	Role         string   `json:"role"`
	File         string   `json:"file"`
	Depicts      string   `json:"depicts"`
	Presentation string   `json:"presentation"`
	Format       string   `json:"format"`
	Copy         bool     `json:"copy"`
	Stamped      bool     `json:"stamped"`
	Mirrored     bool     `json:"mirrored"`
	Width        int      `json:"width"`
	Height       int      `json:"height"`
	Bytes        int      `json:"bytes"`
	RotationDeg  float64  `json:"rotation_deg"`
	BlurSigma    float64  `json:"blur_sigma"`
	JPEGQuality  int      `json:"jpeg_quality"`
	Stamps       [][4]int `json:"stamps"`
	OtherSeals   [][4]int `json:"other_seals,omitempty"`
	LetterFill   string   `json:"letter_fill,omitempty"`
}

type expected struct {
	Decision    string            `json:"decision"`
	MustReasons []reason          `json:"must_reasons"`
	Fields      map[string]string `json:"fields"`
	Defects     []string          `json:"defects"`
	Documents   []docTruth        `json:"documents"`
}

type appDoc struct {
	Role string `json:"role"`
	File string `json:"file"`
}

type appJSON struct {
	ID          string   `json:"id"`
	Kind        string   `json:"kind"`
	SubmittedAt string   `json:"submitted_at"`
	Form        form     `json:"form"`
	Documents   []appDoc `json:"documents"`
}

// encode turns the final image into the bytes of the planned format
// (heic and garbage need no image).
func encode(img *image.RGBA, d *docPlan, rng *rand.Rand) ([]byte, error) {
	var buf bytes.Buffer
	var err error
	switch d.Format {
	case "jpeg":
		lo := 60
		if d.Presentation == "scan" || d.Presentation == "copy_scan" || d.Presentation == "colorcopy_scan" {
			lo = 70
		}
		d.Quality = lo + rng.IntN(93-lo)
		err = jpeg.Encode(&buf, img, &jpeg.Options{Quality: d.Quality})
	case "png":
		err = (&png.Encoder{CompressionLevel: png.BestSpeed}).Encode(&buf, img)
	case "huge_png":
		err = (&png.Encoder{CompressionLevel: png.NoCompression}).Encode(&buf, img)
	case "bmp":
		err = bmp.Encode(&buf, img)
	case "heic":
		buf.Write([]byte("\x00\x00\x00\x18ftypheic\x00\x00\x00\x00mif1heic"))
		buf.Write(randomBytes(rng, 80_000+rng.IntN(200_000)))
	default:
		buf.Write(randomBytes(rng, 20_000+rng.IntN(200_000)))
	}
	return buf.Bytes(), err
}

func randomBytes(rng *rand.Rand, n int) []byte {
	b := make([]byte, n)
	for i := 0; i+8 <= n; i += 8 {
		v := rng.Uint64()
		for k := 0; k < 8; k++ {
			b[i+k] = byte(v >> (8 * k))
		}
	}
	return b
}

func round2(v float64) float64 { return math.Round(v*100) / 100 }

// truthOf reports what a written document really is.
func truthOf(d *docPlan) docTruth {
	t := docTruth{Role: d.Role, File: d.File, Depicts: d.Depicts, Presentation: d.Presentation, Format: d.Format,
		Copy: d.Copy, Stamped: d.Stamped, Mirrored: d.Mirrored, Width: d.Width, Height: d.Height, Bytes: d.Bytes,
		RotationDeg: round2(d.Rotation), BlurSigma: round2(d.Blur), JPEGQuality: d.Quality, Stamps: d.Stamps,
		LetterFill: d.LetterFill}
	if t.Stamps == nil {
		t.Stamps = [][4]int{}
	}
	if d.Depicts == "license" || d.Depicts == "tax_cert" || d.Depicts == "org_cert" {
		t.OtherSeals = d.Others
		if t.OtherSeals == nil && d.Width > 0 {
			t.OtherSeals = [][4]int{}
		}
	}
	return t
}

func writeJSON(path string, v any) error {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(v); err != nil {
		return err
	}
	return os.WriteFile(path, buf.Bytes(), 0o644)
}

// writeApp writes application.json and expected.json into dir.
func writeApp(dir string, a *app) error {
	aj := appJSON{ID: a.ID, Kind: a.Kind, SubmittedAt: iso(a.Submitted), Form: a.Form}
	ex := expected{Decision: decide(a.Reasons), MustReasons: a.Reasons, Fields: a.Fields, Defects: a.Defects}
	if ex.MustReasons == nil {
		ex.MustReasons = []reason{}
	}
	if ex.Defects == nil {
		ex.Defects = []string{}
	}
	for _, d := range a.Docs {
		aj.Documents = append(aj.Documents, appDoc{d.Role, d.File})
		ex.Documents = append(ex.Documents, truthOf(d))
	}
	if err := writeJSON(filepath.Join(dir, "application.json"), aj); err != nil {
		return fmt.Errorf("%s: %w", a.ID, err)
	}
	return writeJSON(filepath.Join(dir, "expected.json"), ex)
}
