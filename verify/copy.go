package verify

import (
	"github.com/qualcheck/qualcheck/extract"
	"github.com/qualcheck/qualcheck/ocr"
)

// Copy thresholds on ocr.Colours.Printed, the share of the image's
// pixels in printed colour on the paper. Between the two qualcheck does
// not say.
const (
	originalColour = 0.002
	copyColour     = 0.0005
)

// checkCopy tells a greyscale photocopy or scan from a colour original
// by the printed colour on the paper, leaving the seals out. Letters
// are printed in black on white whatever they are, so they are not
// judged. A handheld photo is judged whole: the person and the room
// around the card are colour, and a copy of one is grey throughout.
func checkCopy(r *DocResult, sample ocr.ColourSample, seals []ocr.Seal) {
	if !judgesCopy(string(r.Kind)) {
		return
	}
	boxes := make([]ocr.Box, len(seals))
	for i, s := range seals {
		boxes[i] = widen(s.Box, 0.1)
	}
	c := sample.Measure(boxes, r.Ref.Role != RoleAdminIDHandheld)
	r.Report.Colours = &c
	switch p := c.Printed(); {
	case p >= originalColour:
		r.Report.Copy = new(false)
	case p < copyColour:
		r.Report.Copy = new(true)
	}
}

// widen widens b by share of its size on every side.
func widen(b ocr.Box, share float64) ocr.Box {
	dx, dy := int(float64(b.W)*share), int(float64(b.H)*share)
	return ocr.Box{X: b.X - dx, Y: b.Y - dy, W: b.W + 2*dx, H: b.H + 2*dy}
}

// judgesCopy says whether documents of kind k get a copy judgement.
func judgesCopy(k string) bool {
	switch extract.Kind(k) {
	case extract.KindCommitmentLetter, extract.KindApplicationLetter, extract.KindUnknown:
		return false
	}
	return true
}
