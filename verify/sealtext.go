package verify

import (
	"context"
	"image"
	"strings"
	"unicode"

	"github.com/qualcheck/qualcheck/extract"
	"github.com/qualcheck/qualcheck/ocr"
)

// sealStrip is a seal with its arc text unwrapped straight, cut while
// the colour image is at hand (reading waits for the page's kind).
type sealStrip struct {
	seal  ocr.Seal
	strip *image.Gray
}

// unwrapSeals cuts the arc text strip of every seal on img.
func unwrapSeals(img image.Image, seals []ocr.Seal) []sealStrip {
	out := make([]sealStrip, len(seals))
	for i, s := range seals {
		out[i] = sealStrip{seal: s, strip: ocr.UnwrapSeal(img, s.Box)}
	}
	return out
}

// readSealTexts reads the arc text of each company stamp found on the
// document: the enterprise name its seal should bear. A seal whose text
// names an authority (…市场监督管理局) is a registry seal the licence
// layout did not give away, not a company stamp: it is dropped.
func (p *Pipeline) readSealTexts(ctx context.Context, r *DocResult, strips []sealStrip) {
	p.readStampTexts(ctx, r, strips)
	kept := r.Report.Stamps[:0]
	for _, st := range r.Report.Stamps {
		if !authoritySeal(st) {
			kept = append(kept, st)
		}
	}
	r.Report.Stamps = kept
}

// authorityWords end the names of the authorities that seal licences.
var authorityWords = []string{"管理局", "监督局", "行政局", "审批局", "工商局"}

// authoritySeal: the seal's text, read fairly well, ends like an
// authority's name (the arc's last characters are its best read: the
// start bends round the seal's lower left).
func authoritySeal(st Stamp) bool {
	if st.TextConfidence < 0.45 {
		return false
	}
	for _, w := range authorityWords {
		if strings.HasSuffix(st.Text, w) || strings.Contains(st.Text, "市场监督") {
			return true
		}
	}
	return false
}

func (p *Pipeline) readStampTexts(ctx context.Context, r *DocResult, strips []sealStrip) {
	for i := range r.Report.Stamps {
		st := &r.Report.Stamps[i]
		for _, s := range strips {
			if s.seal.Box != st.BBox {
				continue
			}
			page, err := p.reader.Read(ctx, ocr.Pad(s.strip, 16), ocr.ReadOptions{PSM: ocr.PSMSingleLine})
			if err != nil {
				break
			}
			st.Text, st.TextConfidence = hanText(page)
			break
		}
	}
}

// hanText is the Han characters a page read and their mean confidence.
func hanText(p ocr.Page) (string, float64) {
	var b strings.Builder
	sum, n := 0.0, 0
	for _, l := range p.Lines {
		for _, w := range l.Words {
			for _, c := range w.Text {
				if unicode.Is(unicode.Han, c) {
					b.WriteRune(c)
					sum += w.Conf
					n++
				}
			}
		}
	}
	if n == 0 {
		return "", 0
	}
	return b.String(), round3(sum / float64(n))
}

// A seal's arc text is trusted to name another company only when it
// was read clearly, at length, and shares little with the enterprise
// name. Seals on the shared samples read at 0.64–0.73 when large (a
// stamp over an ID copy) with 10 of 12 characters right, and at
// 0.06–0.12 when small (a letter's), with two or three right: those
// say nothing either way.
const (
	sealTextConf    = 0.6
	sealTextMinHan  = 6
	sealForeignSimi = 0.4
)

// stampEnterprise: a company stamp whose arc text, read clearly, names
// another enterprise (STAMP_ENTERPRISE_MISMATCH).
func stampEnterprise(ec *evalContext) []Reason {
	name := hanOnly(ec.app.Form.EnterpriseName)
	if name == "" {
		return nil
	}
	var out []Reason
	for _, d := range ec.docs {
		for _, s := range d.Report.Stamps {
			if !foreignSeal(s, name) {
				continue
			}
			r := roleReason(CodeStampEnterpriseMismatch, d.Report.Role)
			box := s.BBox
			r.Evidence = &Evidence{File: d.Ref.File, Page: d.Report.Page, BBox: &box, Found: s.Text, Expected: name}
			out = append(out, r)
			break
		}
	}
	return out
}

// hanOnly keeps the Han characters of s: seals carry no brackets.
func hanOnly(s string) string {
	return strings.Map(func(c rune) rune {
		if unicode.Is(unicode.Han, c) {
			return c
		}
		return -1
	}, s)
}

func foreignSeal(s Stamp, name string) bool {
	if s.TextConfidence < sealTextConf || len([]rune(s.Text)) < sealTextMinHan {
		return false
	}
	return extract.Similarity(s.Text, name) < sealForeignSimi
}
