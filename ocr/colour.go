package ocr

import (
	"image"
	"image/color"
	"sort"
)

// Colours is how much coloured print a region of an image shows, by hue
// family: each field is the share of the region's pixels (seal boxes
// left out) whose colour, after white balance on the paper, is clearly
// not grey. A greyscale photocopy or scan shows none outside its seals
// and pen marks; an original shows the colours it was printed in (a
// licence's gold border and emblem, an ID card's blue labels and red
// emblem).
type Colours struct {
	Red     float64 `json:"red"`     // hue −30..20°: seals' red, emblems
	Warm    float64 `json:"warm"`    // 20..70°: gold borders, skin
	Green   float64 `json:"green"`   // 70..170°
	Cyan    float64 `json:"cyan"`    // 170..218°: ID card labels
	Navy    float64 `json:"navy"`    // 218..270°: ballpoint pen
	Magenta float64 `json:"magenta"` // 270..330°
}

// Printed is the share of coloured pixels that a printer put there:
// every family but navy, the colour of the pens that annotate copies
// ("仅供号码申请使用").
func (c Colours) Printed() float64 {
	return c.Red + c.Warm + c.Green + c.Cyan + c.Magenta
}

// sampleSide is the long side seals are found and colours measured at:
// seals and colour areas are large, so little detail is needed.
const sampleSide = 800

// Colour thresholds on white-balanced RGB in 0..1 (shared/notes: balance
// on the paper, then look for chroma).
const (
	paperShare = 0.10 // the brightest share of the region is paper
	minChroma  = 0.10 // max−min channel below this is grey
	minSat     = 0.12 // chroma / max below this is grey
	minValue   = 0.25 // darker than this is black ink, whatever its tint
	tintChroma = 0.09 // a tint: enough to join a table's grain into one area
)

// ColourSample is a small copy of a colour image: seals are found on it,
// and it is kept to measure the colours once OCR has read the document,
// after the full image has been let go. One copy serves both.
type ColourSample struct {
	img *image.RGBA
	f   float64 // sample pixels per image pixel
}

// SampleColours keeps a sampleSide copy of img.
func SampleColours(img image.Image) ColourSample {
	small, f := shrink(img, sampleSide)
	return ColourSample{img: small, f: f}
}

// Measure measures the coloured print on the image, leaving out the
// exclude boxes (in the image's pixels: seals, whose red says nothing
// about the paper under them). With onPaper it also leaves out every
// coloured area that reaches the image's edge, through pixels with
// even a tint: the table, wall or hand around a document, not print on
// it (shared/notes: whole-image colour took a photocopy on a brown
// table for an original).
func (s ColourSample) Measure(exclude []Box, onPaper bool) Colours {
	if s.img == nil {
		return Colours{}
	}
	b := s.img.Bounds()
	ex := make([]image.Rectangle, len(exclude))
	for i, e := range exclude {
		ex[i] = scaleRect(e, s.f, b)
	}
	wb := paperWhite(s.img, b)
	w, h := b.Dx(), b.Dy()
	px := make([]pixelColour, w*h)
	n := 0
	for y := range h {
		for x := range w {
			if inAny(x, y, ex) {
				continue
			}
			n++
			px[y*w+x] = wb.classify(opaqueAt(s.img, x, y))
		}
	}
	if onPaper {
		dropEdgeAreas(px, w, h)
	}
	var c Colours
	for _, p := range px {
		c.add(p.hue, p.coloured)
	}
	return c.scaled(n)
}

// pixelColour is one pixel's colour after white balance: its hue when
// clearly coloured, and whether it shows at least a tint.
type pixelColour struct {
	hue            float64
	coloured, tint bool
}

// dropEdgeAreas clears the coloured pixels connected to the image's
// edge through tinted ones.
func dropEdgeAreas(px []pixelColour, w, h int) {
	var stack []int
	push := func(i int) {
		if px[i].tint {
			px[i].tint, px[i].coloured = false, false
			stack = append(stack, i)
		}
	}
	for x := range w {
		push(x)
		push((h-1)*w + x)
	}
	for y := range h {
		push(y * w)
		push(y*w + w - 1)
	}
	for len(stack) > 0 {
		i := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		x, y := i%w, i/w
		for dy := -1; dy <= 1; dy++ {
			for dx := -1; dx <= 1; dx++ {
				if nx, ny := x+dx, y+dy; nx >= 0 && ny >= 0 && nx < w && ny < h {
					push(ny*w + nx)
				}
			}
		}
	}
}

func scaleRect(b Box, f float64, bounds image.Rectangle) image.Rectangle {
	if b.Empty() {
		return bounds
	}
	r := image.Rect(int(float64(b.X)*f), int(float64(b.Y)*f), int(float64(b.X+b.W)*f+0.5), int(float64(b.Y+b.H)*f+0.5))
	return r.Intersect(bounds)
}

func inAny(x, y int, rs []image.Rectangle) bool {
	p := image.Pt(x, y)
	for _, r := range rs {
		if p.In(r) {
			return true
		}
	}
	return false
}

// balance is the paper's colour: dividing by it makes the paper white.
type balance struct{ r, g, b float64 }

// paperWhite averages the brightest tenth of the pixels in r.
func paperWhite(img *image.RGBA, r image.Rectangle) balance {
	var sums []int
	for y := r.Min.Y; y < r.Max.Y; y++ {
		for x := r.Min.X; x < r.Max.X; x++ {
			c := opaqueAt(img, x, y)
			sums = append(sums, int(c.R)+int(c.G)+int(c.B))
		}
	}
	if len(sums) == 0 {
		return balance{255, 255, 255}
	}
	sort.Ints(sums)
	cut := sums[int(float64(len(sums))*(1-paperShare))]
	var wb balance
	n := 0.0
	for y := r.Min.Y; y < r.Max.Y; y++ {
		for x := r.Min.X; x < r.Max.X; x++ {
			if c := opaqueAt(img, x, y); int(c.R)+int(c.G)+int(c.B) >= cut {
				wb.r, wb.g, wb.b, n = wb.r+float64(c.R), wb.g+float64(c.G), wb.b+float64(c.B), n+1
			}
		}
	}
	return balance{max(1, wb.r/n), max(1, wb.g/n), max(1, wb.b/n)}
}

// classify balances c and gives its hue in degrees (−30..330) when it
// is clearly coloured, not grey, black or white.
func (wb balance) classify(c color.NRGBA) pixelColour {
	r := min(1, float64(c.R)/wb.r)
	g := min(1, float64(c.G)/wb.g)
	b := min(1, float64(c.B)/wb.b)
	mx, mn := max(r, g, b), min(r, g, b)
	if mx < minValue || mx-mn < tintChroma {
		return pixelColour{}
	}
	if mx-mn < minChroma || (mx-mn)/mx < minSat {
		return pixelColour{tint: true}
	}
	var h float64
	switch mx {
	case r:
		h = 60 * (g - b) / (mx - mn)
	case g:
		h = 120 + 60*(b-r)/(mx-mn)
	default:
		h = 240 + 60*(r-g)/(mx-mn)
	}
	if h < -30 {
		h += 360
	}
	return pixelColour{hue: h, coloured: true, tint: true}
}

func (c *Colours) add(h float64, coloured bool) {
	switch {
	case !coloured:
	case h < 20:
		c.Red++
	case h < 70:
		c.Warm++
	case h < 170:
		c.Green++
	case h < 218:
		c.Cyan++
	case h < 270:
		c.Navy++
	default:
		c.Magenta++
	}
}

func (c Colours) scaled(n int) Colours {
	if n == 0 {
		return Colours{}
	}
	k := 1 / float64(n)
	r := func(x float64) float64 { return float64(int(x*k*1e5+0.5)) / 1e5 }
	return Colours{Red: r(c.Red), Warm: r(c.Warm), Green: r(c.Green), Cyan: r(c.Cyan), Navy: r(c.Navy), Magenta: r(c.Magenta)}
}
