package main

import (
	"image"
	"image/color"
	"math"
	"math/rand/v2"
)

// valueNoise is smooth random noise in [0, 1]: a coarse random grid,
// bilinearly interpolated, one cell every `cell` pixels.
type valueNoise struct {
	w, h int
	cell float64
	v    []float64
}

func newValueNoise(rng *rand.Rand, width, height int, cell float64) *valueNoise {
	n := &valueNoise{cell: cell}
	n.w, n.h = int(float64(width)/cell)+3, int(float64(height)/cell)+3
	n.v = make([]float64, n.w*n.h)
	for i := range n.v {
		n.v[i] = rng.Float64()
	}
	return n
}

// at samples the noise; coordinates beyond the grid wrap around.
func (n *valueNoise) at(x, y float64) float64 {
	fx, fy := math.Abs(x/n.cell), math.Abs(y/n.cell)
	ix, iy := int(fx), int(fy)
	tx, ty := fx-float64(ix), fy-float64(iy)
	tx, ty = tx*tx*(3-2*tx), ty*ty*(3-2*ty)
	x0, x1 := ix%n.w, (ix+1)%n.w
	y0, y1 := (iy%n.h)*n.w, ((iy+1)%n.h)*n.w
	a := n.v[y0+x0] + (n.v[y0+x1]-n.v[y0+x0])*tx
	b := n.v[y1+x0] + (n.v[y1+x1]-n.v[y1+x0])*tx
	return a + (b-a)*ty
}

// fastRand is a small xorshift generator for per-pixel noise, seeded from
// the document's generator so output stays deterministic.
type fastRand uint64

func (f *fastRand) next() uint64 {
	x := uint64(*f)
	x ^= x << 13
	x ^= x >> 7
	x ^= x << 17
	*f = fastRand(x)
	return x
}

// tri returns a zero-mean value in (-1, 1), roughly bell-shaped.
func (f *fastRand) tri() float64 {
	v := f.next()
	a := float64(v&0xffff) / 65535
	b := float64((v>>16)&0xffff) / 65535
	return a + b - 1
}

func (f *fastRand) unit() float64 { return float64(f.next()>>11) / (1 << 53) }

func newFastRand(rng *rand.Rand) *fastRand {
	f := fastRand(rng.Uint64() | 1)
	return &f
}

// Noise tiles, 512×512 and seamless, computed once from a fixed seed and
// read at a random offset per document: per-pixel texture at table-lookup
// cost.
const tileSize = 512

var (
	fineTile   = makeTile(128, 4, 1)
	coarseTile = makeTile(16, 32, 2)
)

func makeTile(grid int, cell float64, seed uint64) []float32 {
	rng := rand.New(rand.NewPCG(seed, 0x711E))
	n := &valueNoise{w: grid, h: grid, cell: cell, v: make([]float64, grid*grid)}
	for i := range n.v {
		n.v[i] = rng.Float64()
	}
	t := make([]float32, tileSize*tileSize)
	for y := 0; y < tileSize; y++ {
		for x := 0; x < tileSize; x++ {
			t[y*tileSize+x] = float32(n.at(float64(x), float64(y)))
		}
	}
	return t
}

func tileAt(t []float32, x, y int) float64 {
	return float64(t[(y&(tileSize-1))*tileSize+(x&(tileSize-1))])
}

// paperTexture multiplies an image by a faint fibrous texture so flat
// backgrounds look like paper or card.
func paperTexture(img *image.RGBA, rng *rand.Rand, strength float64) {
	b := img.Bounds()
	ox, oy := rng.IntN(tileSize), rng.IntN(tileSize)
	fr := newFastRand(rng)
	for y := b.Min.Y; y < b.Max.Y; y++ {
		i := img.PixOffset(b.Min.X, y)
		for x := b.Min.X; x < b.Max.X; x, i = x+1, i+4 {
			k := 1 - strength*(0.5*tileAt(coarseTile, x+ox, y+oy)+0.35*tileAt(fineTile, x+oy, y+ox)+0.15*fr.unit())
			img.Pix[i] = clamp8(float64(img.Pix[i]) * k)
			img.Pix[i+1] = clamp8(float64(img.Pix[i+1]) * k)
			img.Pix[i+2] = clamp8(float64(img.Pix[i+2]) * k)
		}
	}
}

// background kinds for photos: a table, a wall, a desk mat.
var backgroundColors = []color.RGBA{
	{142, 104, 72, 255},  // wooden table
	{110, 80, 58, 255},   // dark wood
	{168, 160, 150, 255}, // grey stone
	{60, 62, 66, 255},    // dark desk mat
	{196, 190, 176, 255}, // beige wall
	{120, 132, 122, 255}, // green-grey wall
	{88, 92, 96, 255},    // slate
}

// makeBackground paints a photo background: a base colour with low
// frequency shading and, for wood, grain along x.
func makeBackground(rng *rand.Rand, w, h int) *image.RGBA {
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	k := rng.IntN(len(backgroundColors))
	base := backgroundColors[k]
	wood := k < 2
	ox, oy := rng.IntN(tileSize), rng.IntN(tileSize)
	lowScale := float64(w) / 160
	fr := newFastRand(rng)
	for y := 0; y < h; y++ {
		i := img.PixOffset(0, y)
		ly := int(float64(y)/lowScale) + oy
		gy := y*3 + ox
		for x := 0; x < w; x, i = x+1, i+4 {
			v := 0.85 + 0.3*tileAt(coarseTile, int(float64(x)/lowScale)+ox, ly)
			if wood {
				v *= 0.9 + 0.18*tileAt(fineTile, x/12+oy, gy)
			}
			v += 0.02 * fr.tri()
			img.Pix[i] = clamp8(float64(base.R) * v)
			img.Pix[i+1] = clamp8(float64(base.G) * v)
			img.Pix[i+2] = clamp8(float64(base.B) * v)
			img.Pix[i+3] = 255
		}
	}
	return img
}
