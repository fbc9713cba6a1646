package ocr

import (
	"encoding/json"
	"fmt"
	"image"
)

// Box is an axis-aligned rectangle in pixels of the uploaded image:
// x, y of the top-left corner, width and height. It marshals as the
// contract's [x, y, w, h] array.
type Box struct {
	X, Y, W, H int
}

// BoxOf converts an image.Rectangle into a Box.
func BoxOf(r image.Rectangle) Box {
	return Box{X: r.Min.X, Y: r.Min.Y, W: r.Dx(), H: r.Dy()}
}

// Rect converts the box back into an image.Rectangle.
func (b Box) Rect() image.Rectangle {
	return image.Rect(b.X, b.Y, b.X+b.W, b.Y+b.H)
}

// Empty reports whether the box has no area.
func (b Box) Empty() bool { return b.W <= 0 || b.H <= 0 }

// Union returns the smallest box holding both boxes; an empty box is ignored.
func (b Box) Union(o Box) Box {
	if b.Empty() {
		return o
	}
	if o.Empty() {
		return b
	}
	return BoxOf(b.Rect().Union(o.Rect()))
}

// MarshalJSON writes the box as [x, y, w, h].
func (b Box) MarshalJSON() ([]byte, error) {
	return json.Marshal([4]int{b.X, b.Y, b.W, b.H})
}

// UnmarshalJSON reads a [x, y, w, h] array.
func (b *Box) UnmarshalJSON(data []byte) error {
	var a []int
	if err := json.Unmarshal(data, &a); err != nil {
		return err
	}
	if len(a) != 4 {
		return fmt.Errorf("box: want 4 numbers, got %d", len(a))
	}
	*b = Box{X: a[0], Y: a[1], W: a[2], H: a[3]}
	return nil
}

// Word is one recognised word (for Han text usually one or a few
// characters) with Tesseract's confidence scaled to 0..1.
type Word struct {
	Text string
	Conf float64
	Box  Box
}

// Line is one recognised text line: its words in reading order.
type Line struct {
	Words []Word
	Box   Box
}

// Text joins the line's words without separators (Han text has none;
// Latin words keep the spaces Tesseract reported inside them).
func (l Line) Text() string {
	s := ""
	for _, w := range l.Words {
		s += w.Text
	}
	return s
}

// Conf is the mean word confidence of the line, 0 for an empty line.
func (l Line) Conf() float64 {
	if len(l.Words) == 0 {
		return 0
	}
	sum := 0.0
	for _, w := range l.Words {
		sum += w.Conf
	}
	return sum / float64(len(l.Words))
}

// Page is what one recognition pass read from one image. Boxes are in
// the pixels of the image handed to the engine's caller (see Engine.Read).
type Page struct {
	Lines  []Line
	Width  int
	Height int
}

// MeanConf is the mean confidence over all words, 0 for an empty page.
func (p Page) MeanConf() float64 {
	n, sum := 0, 0.0
	for _, l := range p.Lines {
		for _, w := range l.Words {
			n++
			sum += w.Conf
		}
	}
	if n == 0 {
		return 0
	}
	return sum / float64(n)
}

// Text joins the page's lines with newlines.
func (p Page) Text() string {
	s := ""
	for i, l := range p.Lines {
		if i > 0 {
			s += "\n"
		}
		s += l.Text()
	}
	return s
}

// MapBoxes returns a copy of the page with every word box passed through
// fn and line boxes rebuilt from them; w and h are the new page size.
// Every coordinate change (crop, padding, scale, deskew) goes through it.
func (p Page) MapBoxes(fn func(Box) Box, w, h int) Page {
	out := Page{Width: w, Height: h, Lines: make([]Line, len(p.Lines))}
	for i, l := range p.Lines {
		nl := Line{Words: make([]Word, len(l.Words))}
		for j, wd := range l.Words {
			wd.Box = fn(wd.Box)
			nl.Words[j] = wd
			nl.Box = nl.Box.Union(wd.Box)
		}
		out.Lines[i] = nl
	}
	return out
}
