package main

import (
	"image/color"
	"strings"
)

// Letters: A4 portrait, printed template text with filled blanks.
const pageW, pageH = 210.0, 297.0

// textRun is a piece of a line drawn in one style.
type textRun struct {
	text string
	st   textStyle
}

// placed is a laid-out run: where it starts and what it shows.
type placed struct {
	x, y float64
	textRun
}

// letterFills are the ways blanks get filled.
func (r *renderer) fillStyle(kind string, size float64) textStyle {
	switch kind {
	case "typed_zenhei":
		return textStyle{Font: r.fs.Sans, Size: size, Color: inkBlack}
	case "typed_blue":
		return textStyle{Font: r.fs.Sans, Size: size, Color: color.RGBA{36, 58, 168, 255}}
	case "typed_serif":
		return sized(r.printFont(false), size)
	case "hand_black":
		return textStyle{Font: r.fs.Kai, Size: size * 1.12, Color: color.RGBA{30, 30, 40, 255}, Jitter: 1}
	}
	return textStyle{Font: r.fs.Kai, Size: size * 1.12, Color: color.RGBA{28, 48, 160, 255}, Jitter: 1}
}

func (r *renderer) pickFill() string {
	opts := []string{"typed_zenhei", "typed_blue", "hand_blue", "hand_blue", "hand_black"}
	if r.fs.HasSerif {
		opts = append(opts, "typed_serif")
	}
	return opts[r.rng.IntN(len(opts))]
}

// splitBlanks turns a template line into printed and filled runs.
func splitBlanks(line string, fills map[string]string, print, fill textStyle) []textRun {
	var out []textRun
	for {
		i := strings.Index(line, "{{")
		if i < 0 {
			break
		}
		j := strings.Index(line[i:], "}}")
		if j < 0 {
			break
		}
		if i > 0 {
			out = append(out, textRun{line[:i], print})
		}
		out = append(out, textRun{fills[line[i+2:i+j]], fill})
		line = line[i+j+2:]
	}
	if line != "" {
		out = append(out, textRun{line, print})
	}
	return out
}

// layoutRuns wraps runs within [x0, x0+w], first line indented, and
// returns them placed plus the y of the next line.
func layoutRuns(c *canvas, runs []textRun, x0, y, w, indent, lineH float64) ([]placed, float64) {
	var out []placed
	x, limit := x0+indent, x0+w
	for _, rn := range runs {
		start, cur := x, []rune{}
		for _, ch := range rn.text {
			a := c.advance(rn.st, ch)
			if x+a > limit && x > x0 && !isClosingPunct(ch) {
				out = append(out, placed{start, y, textRun{string(cur), rn.st}})
				y += lineH
				x, start, cur = x0, x0, nil
			}
			cur = append(cur, ch)
			x += a
		}
		if len(cur) > 0 {
			out = append(out, placed{start, y, textRun{string(cur), rn.st}})
		}
	}
	return out, y + lineH
}

// letterSheet renders a letter; fillKind is the letter_fill style.
func (r *renderer) letterSheet(a *app, l *letter, fillKind string, widthPx float64) *sheet {
	c := newCanvas(pageW, pageH, widthPx/pageW, paper, r.fs, r.rng)
	paperTexture(c.img, r.rng, 0.025)
	const size, lineH, margin = 4.3, 8.1, 26.0
	print := sized(r.printFont(false), size)
	fill := r.fillStyle(fillKind, size)
	c.textCentered(pageW/2, 42, sized(r.printFont(true), 6.4), l.Lines[0])
	sigStart := lastBlank(l.Lines)
	y := 58.0
	var all []placed
	for _, line := range l.Lines[1:sigStart] {
		if strings.TrimSpace(line) == "" {
			y += 3
			continue
		}
		indent := 2 * size
		if strings.HasPrefix(line, "致：") {
			indent = 0
		}
		ps, ny := layoutRuns(c, splitBlanks(line, l.Fills, print, fill), margin, y, pageW-2*margin, indent, lineH)
		all, y = append(all, ps...), ny+1.2
	}
	sealX, sealY := r.signatureBlock(c, l, sigStart, y+10, print, fill, &all)
	for _, p := range all {
		c.text(p.x, p.y, p.st, p.text)
	}
	sh := &sheet{img: c.img}
	if l.Stamped {
		d := 40 * r.uniform(0.95, 1.05) * c.s
		box := drawSeal(c.img, r.fs, r.rng, sealX*c.s, sealY*c.s, companySeal(r.rng, a.Ent.Name, d))
		sh.stamps = append(sh.stamps, boxQuad(box))
	}
	return sh
}

// lastBlank is the index just after the last empty line: where the
// signature block starts.
func lastBlank(lines []string) int {
	for i := len(lines) - 1; i > 0; i-- {
		if strings.TrimSpace(lines[i]) == "" {
			return i + 1
		}
	}
	return len(lines)
}

// signatureBlock lays out the lines under the body and returns where the
// seal goes: over the 盖章 line, a little after its label.
func (r *renderer) signatureBlock(c *canvas, l *letter, start int, y float64, print, fill textStyle, all *[]placed) (float64, float64) {
	x0 := 98.0
	if l.Kind == "application" {
		x0 = 74
	}
	x0 += r.uniform(-3, 3)
	sx, sy := x0+40, y
	for _, line := range l.Lines[start:] {
		if strings.TrimSpace(line) == "" {
			continue
		}
		ps, _ := layoutRuns(c, splitBlanks(line, l.Fills, print, fill), x0, y, pageW-x0-12, 0, 8.6)
		*all = append(*all, ps...)
		if strings.Contains(line, "盖章") {
			label := line
			if i := strings.Index(line, "{{"); i >= 0 {
				label = line[:i]
			}
			sx, sy = x0+c.measure(print, label)+r.uniform(-6, 22), y-1.5+r.uniform(-4, 4)
		}
		y += 10
	}
	return sx, sy
}
