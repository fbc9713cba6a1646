package ocr

import (
	"image"
	"image/color"
	"image/draw"
	"math"
	"os"
	"path/filepath"
	"testing"
)

// lines draws dark horizontal bars like text lines on white.
func lines(w, h int) *image.Gray {
	g := image.NewGray(image.Rect(0, 0, w, h))
	for i := range g.Pix {
		g.Pix[i] = 255
	}
	for y := 40; y < h-40; y += 40 {
		for x := 60; x < w-60; x++ {
			if (x/25)%3 != 2 {
				for d := 0; d < 14; d++ {
					g.SetGray(x, y+d, color.Gray{Y: 20})
				}
			}
		}
	}
	return g
}

func TestSkewAngleFindsRotation(t *testing.T) {
	for _, deg := range []float64{-3, -1.5, 0, 2, 4} {
		src := lines(900, 700)
		tilted, _ := Deskew(src, -deg) // rotate by +deg
		got := SkewAngle(tilted, 5)
		if math.Abs(got-deg) > 0.5 {
			t.Errorf("tilt %v°: estimated %v°", deg, got)
		}
	}
}

// TestSkewAngleOnPhotos: pages photographed on a dark table (generated
// app-89-00027's commitment letter, turned −3.4°) and photocopies
// photographed on one (app-13-00012's licence, −3.0°), reduced to 700
// px. Dark samples against the image's mean took in the table, and both
// came out 0°.
func TestSkewAngleOnPhotos(t *testing.T) {
	for _, c := range []struct {
		file string
		want float64
	}{
		{"letter-tilted-on-table.jpg", -3.4},
		{"licence-copy-tilted.jpg", -3.0},
	} {
		data, err := os.ReadFile(filepath.Join("testdata", c.file))
		if err != nil {
			t.Fatal(err)
		}
		d, err := Decode(data, DefaultLimits())
		if err != nil {
			t.Fatal(err)
		}
		g := RedChannel(d.Image)
		if got := SkewAngle(g, 6); math.Abs(got-c.want) > 0.5 {
			t.Errorf("%s: estimated %v°, want %v°", c.file, got, c.want)
		}
	}
}

// TestMaxFilter: the running maximum by blocks equals the window's
// maximum taken cell by cell, along rows and down columns, at the grid's
// edges too.
func TestMaxFilter(t *testing.T) {
	for _, size := range [][2]int{{37, 23}, {11, 3}, {4, 50}} {
		w, h := size[0], size[1]
		v := make([]uint8, w*h)
		for i := range v {
			v[i] = uint8((i*7919 + i*i*31) % 251)
		}
		for _, axis := range []struct{ n, m, d, stride int }{{h, w, 1, w}, {w, h, w, 1}} {
			got := maxFilter(v, axis.n, axis.m, axis.d, axis.stride)
			for line := range axis.n {
				for k := range axis.m {
					want := uint8(0)
					for q := max(0, k-inkRadius); q <= min(axis.m-1, k+inkRadius); q++ {
						want = max(want, v[line*axis.stride+q*axis.d])
					}
					if i := line*axis.stride + k*axis.d; got[i] != want {
						t.Fatalf("%d×%d, axis step %d, line %d cell %d: %d, want %d", w, h, axis.d, line, k, got[i], want)
					}
				}
			}
		}
	}
}

func TestDeskewMapBackRoundTrip(t *testing.T) {
	src := lines(800, 600)
	for _, deg := range []float64{-3, 2.5} {
		_, rot := Deskew(src, deg)
		// The centre of the destination maps to the centre of the source.
		c := rot.MapBack(Box{X: rot.DstW / 2, Y: rot.DstH / 2, W: 0, H: 0})
		if abs(c.X-400) > 2 || abs(c.Y-300) > 2 {
			t.Errorf("deg %v: centre maps to %v,%v", deg, c.X, c.Y)
		}
	}
}

func TestFlatten(t *testing.T) {
	// Paper lit from the left (240 falling to 140) with ink squares (40
	// darker than the paper) at both ends.
	g := image.NewGray(image.Rect(0, 0, 640, 320))
	for y := 0; y < 320; y++ {
		for x := 0; x < 640; x++ {
			v := 240 - 100*x/640
			if (x/8)%8 == 1 && (y/8)%8 == 1 {
				v -= 100
			}
			g.SetGray(x, y, color.Gray{Y: uint8(v)})
		}
	}
	f := Flatten(g)
	for _, x := range []int{20, 620} {
		if p := f.GrayAt(x, 40).Y; p < 220 || p > 250 {
			t.Errorf("paper at x=%d: %d, want about 235", x, p)
		}
	}
	for _, x := range []int{10, 586} {
		if ink, paper := f.GrayAt(x, 10).Y, f.GrayAt(x, 40).Y; int(paper)-int(ink) < 60 {
			t.Errorf("ink at x=%d: %d on paper %d, want the contrast kept", x, ink, paper)
		}
	}
}

func TestTwoTone(t *testing.T) {
	// Paper 240, a seal's remnant 200 in the red channel, ink 40.
	g := image.NewGray(image.Rect(0, 0, 100, 10))
	for i := range g.Pix {
		g.Pix[i] = 240
	}
	for x := 0; x < 10; x++ {
		for y := 0; y < 10; y++ {
			g.SetGray(x, y, color.Gray{Y: 40})
			g.SetGray(50+x, y, color.Gray{Y: 200})
		}
	}
	TwoTone(g)
	if g.GrayAt(5, 5).Y != 0 || g.GrayAt(55, 5).Y != 255 || g.GrayAt(90, 5).Y != 255 {
		t.Errorf("ink %d, remnant %d, paper %d; want 0, 255, 255", g.GrayAt(5, 5).Y, g.GrayAt(55, 5).Y, g.GrayAt(90, 5).Y)
	}
}

func TestSealFree(t *testing.T) {
	// Colours measured on a generated letter's seal and blue fill.
	tests := []struct {
		name    string
		c       color.RGBA
		atLeast uint8
		atMost  uint8
	}{
		{"paper", color.RGBA{247, 243, 242, 255}, 245, 255},
		{"dense seal ink, as dark as the fill in red", color.RGBA{164, 89, 102, 255}, 235, 255},
		{"seal ink", color.RGBA{204, 94, 111, 255}, 255, 255},
		{"blue fill", color.RGBA{120, 111, 114, 255}, 125, 135},
		{"black print", color.RGBA{40, 40, 40, 255}, 40, 40},
		{"fill written over the seal", color.RGBA{96, 41, 50, 255}, 140, 160},
		{"navy ballpoint, bluer than red", color.RGBA{40, 60, 160, 255}, 40, 40},
	}
	for _, tt := range tests {
		img := image.NewRGBA(image.Rect(0, 0, 2, 2))
		for i := range 4 {
			img.SetRGBA(i%2, i/2, tt.c)
		}
		if v := SealFree(img).GrayAt(1, 1).Y; v < tt.atLeast || v > tt.atMost {
			t.Errorf("%s %v: %d, want %d–%d", tt.name, tt.c, v, tt.atLeast, tt.atMost)
		}
		if v, want := RedChannel(img).GrayAt(1, 1).Y, tt.c.R; v != want {
			t.Errorf("%s: red channel %d, want %d", tt.name, v, want)
		}
		other := image.NewNRGBA(image.Rect(0, 0, 2, 2)) // through image.At
		draw.Draw(other, other.Bounds(), img, image.Point{}, draw.Src)
		if a, b := SealFree(other).GrayAt(1, 1).Y, SealFree(img).GrayAt(1, 1).Y; a != b {
			t.Errorf("%s: NRGBA %d, RGBA %d", tt.name, a, b)
		}
	}
}
