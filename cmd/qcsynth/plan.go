package main

import (
	"fmt"
	"math/rand/v2"
	"strings"
)

// docPlan says what one uploaded file shows and how it was made; after
// rendering it also holds the measured facts for expected.json.
type docPlan struct {
	Role, Depicts, Presentation string
	Copy, Stamped, Mirrored     bool
	Format                      string // jpeg, png, huge_png, bmp, heic, garbage
	File                        string
	Unreadable                  string // "", blur, dark, small
	LetterFill                  string
	Seed                        uint64

	Width, Height, Bytes int
	Rotation, Blur       float64
	Quality              int
	Stamps, Others       [][4]int
}

var baseRoles = []struct{ role, depicts string }{
	{"enterprise_certificate", "license"},
	{"legal_rep_id_front", "lr_front"},
	{"legal_rep_id_back", "lr_back"},
	{"admin_id_front", "admin_front"},
	{"admin_id_back", "admin_back"},
	{"admin_id_handheld", "handheld"},
	{"commitment_letter", "commitment"},
	{"application_letter", "application"},
	{"tax_registration_certificate", "tax_cert"},
	{"organization_code_certificate", "org_cert"},
}

// planDocs lays out the documents of a valid application.
func (a *app) planDocs(rng *rand.Rand) {
	lrPres := weighted(rng, []string{"photo", "copy_scan", "copy_photo", "colorcopy_scan"}, []int{50, 20, 15, 15})
	adminPres := weighted(rng, []string{"copy_scan", "colorcopy_scan", "copy_photo"}, []int{55, 25, 20})
	for _, r := range baseRoles {
		if (r.depicts == "tax_cert" || r.depicts == "org_cert") && (a.Kind != "voice_400" || a.ThreeInOne) {
			continue
		}
		d := &docPlan{Role: r.role, Depicts: r.depicts, Seed: rng.Uint64()}
		switch r.depicts {
		case "license":
			d.Presentation = weighted(rng, []string{"photo", "copy_scan", "copy_photo", "colorcopy_scan"}, []int{35, 25, 25, 15})
		case "lr_front", "lr_back":
			d.Presentation = lrPres
		case "admin_front", "admin_back":
			d.Presentation = adminPres
		case "handheld":
			d.Presentation = "handheld"
		case "commitment", "application":
			d.Presentation = weighted(rng, []string{"photo", "scan"}, []int{70, 30})
		default:
			d.Presentation = weighted(rng, []string{"copy_scan", "copy_photo"}, []int{50, 50})
		}
		a.setPresentation(d, d.Presentation)
		d.Format = "jpeg"
		if d.Presentation != "photo" && d.Presentation != "handheld" && d.Presentation != "copy_photo" && rng.IntN(6) == 0 {
			d.Format = "png"
		}
		a.Docs = append(a.Docs, d)
	}
}

// setPresentation fixes the copy and stamp flags that follow from a
// presentation.
func (a *app) setPresentation(d *docPlan, pres string) {
	d.Presentation = pres
	d.Copy = pres == "copy_scan" || pres == "copy_photo"
	switch d.Depicts {
	case "handheld":
		d.Stamped = false
	case "license", "lr_front", "lr_back":
		d.Stamped = pres != "photo"
	default:
		d.Stamped = true
	}
}

func weighted(rng *rand.Rand, xs []string, ws []int) string {
	total := 0
	for _, w := range ws {
		total += w
	}
	n := rng.IntN(total)
	for i, w := range ws {
		if n < w {
			return xs[i]
		}
		n -= w
	}
	return xs[len(xs)-1]
}

func (a *app) doc(role string) *docPlan {
	for _, d := range a.Docs {
		if d.Role == role {
			return d
		}
	}
	return nil
}

func (a *app) removeDoc(role string) {
	out := a.Docs[:0]
	for _, d := range a.Docs {
		if d.Role != role {
			out = append(out, d)
		}
	}
	a.Docs = out
}

// File naming schemes seen in real uploads.
var nameSchemes = []map[string]string{
	{"license": "license", "lr_front": "lr_front", "lr_back": "lr_back", "admin_front": "admin_front", "admin_back": "admin_back",
		"handheld": "admin_handheld", "commitment": "commitment", "application": "application", "tax_cert": "tax_cert", "org_cert": "org_code"},
	{"license": "营业执照", "lr_front": "02_legal_id_front", "lr_back": "03_legal_id_back", "admin_front": "管理员身份证正面", "admin_back": "05_admin_id_back",
		"handheld": "06_handheld", "commitment": "入网承诺书", "application": "08_application_letter", "tax_cert": "税务登记证", "org_cert": "组织机构代码证"},
	{"license": "yyzz", "lr_front": "frsfz_zm", "lr_back": "frsfz_fm", "admin_front": "glysfz_zm", "admin_back": "glysfz_fm",
		"handheld": "glysc", "commitment": "cns", "application": "sqgh", "tax_cert": "swdjz", "org_cert": "zzjgdmz"},
	nil, // IMG_yyyymmdd_hhmmss
}

// nameFiles gives every document a file name and extension that fits its
// format; names are keyed by role so a duplicate upload still differs.
func (a *app) nameFiles(rng *rand.Rand) {
	scheme := nameSchemes[rng.IntN(len(nameSchemes))]
	sec := 9*3600 + rng.IntN(3*3600)
	used := map[string]bool{}
	for _, d := range a.Docs {
		var stem string
		if scheme == nil {
			stem = fmt.Sprintf("IMG_%s_%02d%02d%02d", a.Submitted.Format("20060102"), sec/3600, sec/60%60, sec%60)
			sec += 60 + rng.IntN(240)
		} else {
			stem = scheme[roleDepicts(d.Role)]
		}
		name := stem + extFor(rng, d.Format)
		for used[strings.ToLower(name)] {
			stem += "_1"
			name = stem + extFor(rng, d.Format)
		}
		used[strings.ToLower(name)] = true
		d.File = name
	}
}

func roleDepicts(role string) string {
	for _, r := range baseRoles {
		if r.role == role {
			return r.depicts
		}
	}
	return role
}

func extFor(rng *rand.Rand, format string) string {
	switch format {
	case "png":
		if rng.IntN(3) == 0 {
			return ".jpg" // PNG bytes behind a .jpg name
		}
		return ".png"
	case "huge_png":
		return ".png"
	case "bmp", "heic", "garbage":
		return ".jpg"
	}
	return weighted(rng, []string{".jpg", ".jpeg", ".JPG"}, []int{80, 10, 10})
}
