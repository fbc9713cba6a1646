package ocr

import (
	"bytes"
	"encoding/binary"
	"image"
	"image/color"
	"testing"
)

// indexImage is a w×h RGBA image whose every pixel encodes its own
// coordinates, so a transformed copy tells where each pixel came from.
func indexImage(w, h int) *image.RGBA {
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			img.SetRGBA(x, y, color.RGBA{R: uint8(x), G: uint8(y), B: 7, A: 255})
		}
	}
	return img
}

// origin decodes the stored coordinates encoded by indexImage.
func origin(img image.Image, x, y int) (int, int) {
	c := color.RGBAModel.Convert(img.At(x, y)).(color.RGBA)
	return int(c.R), int(c.G)
}

// storedAt reports whether pixel p of img came from stored (x, y).
func storedAt(img image.Image, p image.Point, x, y int) bool {
	sx, sy := origin(img, p.X, p.Y)
	return sx == x && sy == y
}

// corner names one corner of an image.
type corner int

const (
	topLeft corner = iota
	topRight
	bottomLeft
	bottomRight
)

// at returns the pixel of corner c in a w×h image.
func (c corner) at(w, h int) image.Point {
	switch c {
	case topRight:
		return image.Pt(w-1, 0)
	case bottomLeft:
		return image.Pt(0, h-1)
	case bottomRight:
		return image.Pt(w-1, h-1)
	}
	return image.Point{}
}

// orientationCases states, from the EXIF specification's wording ("the
// 0th row is the visual …, the 0th column is the visual …"), where the
// stored top-left and top-right pixels must end up once upright.
var orientationCases = []struct {
	tag            int
	storedTopLeft  corner
	storedTopRight corner
	swap           bool
}{
	{1, topLeft, topRight, false},
	{2, topRight, topLeft, false},
	{3, bottomRight, bottomLeft, false},
	{4, bottomLeft, bottomRight, false},
	{5, topLeft, bottomLeft, true},
	{6, topRight, bottomRight, true},
	{7, bottomRight, topRight, true},
	{8, bottomLeft, topLeft, true},
}

func TestApplyOrientationCorners(t *testing.T) {
	const sw, sh = 7, 4
	stored := indexImage(sw, sh)
	for _, tc := range orientationCases {
		up := ApplyOrientation(stored, tc.tag)
		w, h := up.Bounds().Dx(), up.Bounds().Dy()
		wantW, wantH := sw, sh
		if tc.swap {
			wantW, wantH = sh, sw
		}
		if w != wantW || h != wantH || up.Bounds().Min != (image.Point{}) {
			t.Errorf("tag %d: bounds %v, want %dx%d at origin", tc.tag, up.Bounds(), wantW, wantH)
			continue
		}
		if p := tc.storedTopLeft.at(w, h); !storedAt(up, p, 0, 0) {
			t.Errorf("tag %d: stored top-left pixel is not at %v", tc.tag, p)
		}
		if p := tc.storedTopRight.at(w, h); !storedAt(up, p, sw-1, 0) {
			t.Errorf("tag %d: stored top-right pixel is not at %v", tc.tag, p)
		}
	}
}

func TestApplyOrientationMatchesHelpers(t *testing.T) {
	img := indexImage(5, 3)
	cases := []struct {
		tag  int
		want *image.RGBA
	}{
		{2, FlipHorizontal(img)},
		{3, Rotate180(img)},
		{4, Rotate180(FlipHorizontal(img))},
		{5, Rotate270(FlipHorizontal(img))},
		{6, Rotate90(img)},
		{7, Rotate90(FlipHorizontal(img))},
		{8, Rotate270(img)},
	}
	for _, tc := range cases {
		got := ToRGBA(ApplyOrientation(img, tc.tag))
		if got.Rect != tc.want.Rect || !bytes.Equal(got.Pix, tc.want.Pix) {
			t.Errorf("tag %d: ApplyOrientation differs from helper composition", tc.tag)
		}
	}
}

func TestRotateHelpers(t *testing.T) {
	const w, h = 5, 3
	img := indexImage(w, h)
	cases := []struct {
		name string
		got  *image.RGBA
		// where stored (x, y) lands in the result
		dst func(x, y int) (int, int)
	}{
		{"FlipHorizontal", FlipHorizontal(img), func(x, y int) (int, int) { return w - 1 - x, y }},
		{"Rotate90 (clockwise)", Rotate90(img), func(x, y int) (int, int) { return h - 1 - y, x }},
		{"Rotate180", Rotate180(img), func(x, y int) (int, int) { return w - 1 - x, h - 1 - y }},
		{"Rotate270", Rotate270(img), func(x, y int) (int, int) { return y, w - 1 - x }},
	}
	for _, tc := range cases {
		for y := 0; y < h; y++ {
			for x := 0; x < w; x++ {
				dx, dy := tc.dst(x, y)
				if sx, sy := origin(tc.got, dx, dy); sx != x || sy != y {
					t.Fatalf("%s: pixel (%d,%d) holds stored (%d,%d), want (%d,%d)", tc.name, dx, dy, sx, sy, x, y)
				}
			}
		}
	}
}

func TestApplyOrientationKeepsGray(t *testing.T) {
	g := image.NewGray(image.Rect(0, 0, 4, 2))
	for i := range g.Pix {
		g.Pix[i] = uint8(i * 10)
	}
	for tag := 2; tag <= 8; tag++ {
		out, ok := ApplyOrientation(g, tag).(*image.Gray)
		if !ok {
			t.Fatalf("tag %d: got %T, want *image.Gray", tag, ApplyOrientation(g, tag))
		}
		back := ToRGBA(ApplyOrientation(toGrayRGBA(g), tag))
		if !bytes.Equal(ToRGBA(out).Pix, back.Pix) {
			t.Errorf("tag %d: Gray path differs from RGBA path", tag)
		}
	}
}

// toGrayRGBA converts a Gray image to RGBA (to cross-check the Gray path).
func toGrayRGBA(g *image.Gray) *image.RGBA { return ToRGBA(image.Image(grayOnly{g})) }

// grayOnly hides the concrete *image.Gray type.
type grayOnly struct{ image.Image }

func TestApplyOrientationIdentityTags(t *testing.T) {
	img := indexImage(3, 2)
	for _, tag := range []int{-1, 0, 1, 9, 100} {
		if got := ApplyOrientation(img, tag); got != image.Image(img) {
			t.Errorf("tag %d: want the input image back unchanged", tag)
		}
	}
}

func TestMapBoxToSourceRoundTrip(t *testing.T) {
	const sw, sh = 40, 25
	boxes := []Box{
		{X: 3, Y: 5, W: 10, H: 4},
		{X: 0, Y: 0, W: 1, H: 1},
		{X: sw - 6, Y: sh - 2, W: 6, H: 2},
		{X: 0, Y: 0, W: sw, H: sh},
	}
	for _, tc := range orientationCases {
		for _, box := range boxes {
			stored := markedImage(sw, sh, box)
			up := ApplyOrientation(stored, tc.tag)
			found := markBounds(up)
			w, h := up.Bounds().Dx(), up.Bounds().Dy()
			if got := MapBoxToSource(found, tc.tag, w, h); got != box {
				t.Errorf("tag %d: box %v → upright %v → source %v", tc.tag, box, found, got)
			}
		}
	}
}

func TestMapBoxToSourcePixels(t *testing.T) {
	stored := indexImage(6, 4)
	for _, tc := range orientationCases {
		up := ApplyOrientation(stored, tc.tag)
		w, h := up.Bounds().Dx(), up.Bounds().Dy()
		for y := 0; y < h; y++ {
			for x := 0; x < w; x++ {
				sx, sy := origin(up, x, y)
				want := Box{X: sx, Y: sy, W: 1, H: 1}
				if got := MapBoxToSource(Box{X: x, Y: y, W: 1, H: 1}, tc.tag, w, h); got != want {
					t.Fatalf("tag %d: pixel (%d,%d) maps to %v, want %v", tc.tag, x, y, got, want)
				}
			}
		}
	}
}

func TestMapBoxToSourceUnchanged(t *testing.T) {
	b := Box{X: 1, Y: 2, W: 3, H: 4}
	cases := []struct {
		name string
		box  Box
		tag  int
	}{
		{"tag 1", b, 1},
		{"tag 0", b, 0},
		{"tag 9", b, 9},
		{"empty box", Box{X: 5, Y: 5}, 6},
	}
	for _, tc := range cases {
		if got := MapBoxToSource(tc.box, tc.tag, 10, 10); got != tc.box {
			t.Errorf("%s: got %v, want %v", tc.name, got, tc.box)
		}
	}
}

// markedImage is a black w×h image with box filled white.
func markedImage(w, h int, box Box) *image.RGBA {
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	for y := box.Y; y < box.Y+box.H; y++ {
		for x := box.X; x < box.X+box.W; x++ {
			img.SetRGBA(x, y, color.RGBA{255, 255, 255, 255})
		}
	}
	return img
}

// markBounds returns the bounding box of the white pixels.
func markBounds(img image.Image) Box {
	var r image.Rectangle
	b := img.Bounds()
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			if c := color.GrayModel.Convert(img.At(x, y)).(color.Gray); c.Y > 128 {
				r = r.Union(image.Rect(x, y, x+1, y+1))
			}
		}
	}
	return BoxOf(r)
}

func TestToRGBA(t *testing.T) {
	rgba := indexImage(4, 3)
	sub := rgba.SubImage(image.Rect(1, 1, 4, 3)).(*image.RGBA)
	pal := image.NewPaletted(image.Rect(2, 2, 5, 4), color.Palette{color.Black, color.White})
	pal.SetColorIndex(2, 2, 1)
	ycc := image.NewYCbCr(image.Rect(0, 0, 3, 2), image.YCbCrSubsampleRatio420)

	if got := ToRGBA(rgba); got != rgba {
		t.Error("an origin-anchored *image.RGBA should be returned as is")
	}
	cases := []struct {
		name     string
		in       image.Image
		size     image.Point
		checkX   int
		checkY   int
		wantFrom image.Point // pixel of the input expected at (checkX, checkY)
	}{
		{"sub-image", sub, image.Pt(3, 2), 0, 0, image.Pt(1, 1)},
		{"paletted", pal, image.Pt(3, 2), 0, 0, image.Pt(2, 2)},
		{"ycbcr", ycc, image.Pt(3, 2), 1, 1, image.Pt(1, 1)},
	}
	for _, tc := range cases {
		got := ToRGBA(tc.in)
		if got.Rect != (image.Rectangle{Max: tc.size}) {
			t.Errorf("%s: bounds %v, want origin and size %v", tc.name, got.Rect, tc.size)
			continue
		}
		want := color.RGBAModel.Convert(tc.in.At(tc.wantFrom.X, tc.wantFrom.Y))
		if c := got.At(tc.checkX, tc.checkY); c != want {
			t.Errorf("%s: pixel %v, want %v", tc.name, c, want)
		}
	}
}

// byteOrder is a TIFF byte order that can also append.
type byteOrder interface {
	binary.ByteOrder
	binary.AppendByteOrder
}

// exifTIFF builds a TIFF block whose IFD0 holds one entry.
func exifTIFF(order byteOrder, tag, typ uint16, count uint32, value []byte, next uint32) []byte {
	t := []byte("MM\x00\x2a")
	if order == binary.LittleEndian {
		t = []byte("II\x2a\x00")
	}
	t = order.AppendUint32(t, 8)
	t = order.AppendUint16(t, 1)
	t = order.AppendUint16(t, tag)
	t = order.AppendUint16(t, typ)
	t = order.AppendUint32(t, count)
	t = append(t, value...)
	return order.AppendUint32(t, next)
}

// shortValue left-justifies a SHORT in the 4-byte IFD value field.
func shortValue(order byteOrder, v uint16) []byte {
	return append(order.AppendUint16(nil, v), 0, 0)
}

// jpegSegment frames payload as a JPEG marker segment.
func jpegSegment(marker byte, payload []byte) []byte {
	seg := []byte{0xFF, marker}
	seg = binary.BigEndian.AppendUint16(seg, uint16(len(payload)+2))
	return append(seg, payload...)
}

// jpegHeaderWith returns SOI, the given segments and an EOI.
func jpegHeaderWith(segs ...[]byte) []byte {
	out := []byte{0xFF, 0xD8}
	for _, s := range segs {
		out = append(out, s...)
	}
	return append(out, 0xFF, 0xD9)
}

func TestJPEGOrientation(t *testing.T) {
	be, le := binary.BigEndian, binary.LittleEndian
	exif := func(tiff []byte) []byte { return jpegSegment(0xE1, append([]byte("Exif\x00\x00"), tiff...)) }
	good := exif(exifTIFF(be, 0x0112, 3, 1, shortValue(be, 6), 0))
	// Two IFDs pointing at each other (8 → 26 → 8): goexif loops forever.
	cyclic := exifTIFF(le, 0x0112, 3, 1, shortValue(le, 8), 26)
	cyclic = append(cyclic, exifTIFF(le, 0x0112, 3, 1, shortValue(le, 8), 8)[8:]...)
	cases := []struct {
		name string
		data []byte
		want int
	}{
		{"big endian short", jpegHeaderWith(good), 6},
		{"little endian short", jpegHeaderWith(exif(exifTIFF(le, 0x0112, 3, 1, shortValue(le, 3), 0))), 3},
		{"long type", jpegHeaderWith(exif(exifTIFF(be, 0x0112, 4, 1, be.AppendUint32(nil, 8), 0))), 8},
		{"after APP0 and XMP APP1", jpegHeaderWith(jpegSegment(0xE0, []byte("JFIF\x00")), jpegSegment(0xE1, []byte("http://ns.adobe.com/xap/1.0/\x00<x/>")), good), 6},
		{"cyclic IFD chain", jpegHeaderWith(exif(cyclic)), 8},
		{"no exif", jpegHeaderWith(jpegSegment(0xE0, []byte("JFIF\x00"))), 1},
		{"other tag", jpegHeaderWith(exif(exifTIFF(be, 0x0110, 3, 1, shortValue(be, 6), 0))), 1},
		{"value 0", jpegHeaderWith(exif(exifTIFF(be, 0x0112, 3, 1, shortValue(be, 0), 0))), 1},
		{"value 9", jpegHeaderWith(exif(exifTIFF(be, 0x0112, 3, 1, shortValue(be, 9), 0))), 1},
		{"count 0", jpegHeaderWith(exif(exifTIFF(be, 0x0112, 3, 0, shortValue(be, 6), 0))), 1},
		{"ascii type", jpegHeaderWith(exif(exifTIFF(be, 0x0112, 2, 1, shortValue(be, 6), 0))), 1},
		{"bad byte order", jpegHeaderWith(exif(append([]byte("XX"), exifTIFF(be, 0x0112, 3, 1, shortValue(be, 6), 0)[2:]...))), 1},
		{"IFD offset past end", jpegHeaderWith(exif([]byte("MM\x00\x2a\x7f\xff\xff\xff"))), 1},
		{"entry count past end", jpegHeaderWith(exif([]byte("MM\x00\x2a\x00\x00\x00\x08\xff\xff"))), 1},
		{"segment length past end", append([]byte{0xFF, 0xD8, 0xFF, 0xE1, 0xFF, 0xFF}, "Exif\x00\x00"...), 1},
		{"segment length below 2", []byte{0xFF, 0xD8, 0xFF, 0xE1, 0x00, 0x01, 0, 0}, 1},
		{"exif after scan start", jpegHeaderWith(jpegSegment(0xDA, []byte{0}), good), 1},
		{"not a marker", []byte{0xFF, 0xD8, 0x00, 0x00, 0x00, 0x00}, 1},
		{"just SOI", []byte{0xFF, 0xD8}, 1},
	}
	for _, tc := range cases {
		if got := jpegOrientation(tc.data); got != tc.want {
			t.Errorf("%s: orientation %d, want %d", tc.name, got, tc.want)
		}
	}
}
