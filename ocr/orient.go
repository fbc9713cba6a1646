package ocr

import (
	"encoding/binary"
	"image"
	"image/draw"
)

// EXIF orientation tags (TIFF tag 0x0112). The tag says how the stored
// pixel grid must be transformed to be shown upright.
const (
	orientNormal     = 1 // stored upright
	orientMirror     = 2 // mirror left-right
	orientRotate180  = 3
	orientFlipV      = 4 // mirror top-bottom
	orientTranspose  = 5 // mirror across the main diagonal
	orientRotate90   = 6 // rotate 90° clockwise
	orientTransverse = 7 // mirror across the anti-diagonal
	orientRotate270  = 8 // rotate 270° clockwise (90° counter-clockwise)
)

// validOrientation reports whether tag is one of the eight EXIF values.
func validOrientation(tag int) bool {
	return tag >= orientNormal && tag <= orientRotate270
}

// swapsAxes reports whether the orientation exchanges width and height.
func swapsAxes(tag int) bool {
	return tag >= orientTranspose && tag <= orientRotate270
}

// uprightSize is the size of the upright image for a stored w×h grid.
func uprightSize(tag, w, h int) (int, int) {
	if swapsAxes(tag) {
		return h, w
	}
	return w, h
}

// srcMap maps an upright pixel (x, y) to its stored pixel:
//
//	sx = x0 + xx*x + xy*y
//	sy = y0 + yx*x + yy*y
type srcMap struct{ x0, y0, xx, xy, yx, yy int }

// sourceMap returns the upright→stored mapping for tag, where w×h is
// the upright size. Unknown tags map to the identity.
func sourceMap(tag, w, h int) srcMap {
	switch tag {
	case orientMirror:
		return srcMap{w - 1, 0, -1, 0, 0, 1}
	case orientRotate180:
		return srcMap{w - 1, h - 1, -1, 0, 0, -1}
	case orientFlipV:
		return srcMap{0, h - 1, 1, 0, 0, -1}
	case orientTranspose:
		return srcMap{0, 0, 0, 1, 1, 0}
	case orientRotate90:
		return srcMap{0, w - 1, 0, 1, -1, 0}
	case orientTransverse:
		return srcMap{h - 1, w - 1, 0, -1, -1, 0}
	case orientRotate270:
		return srcMap{h - 1, 0, 0, -1, 1, 0}
	}
	return srcMap{0, 0, 1, 0, 0, 1}
}

// apply maps one upright pixel to its stored pixel.
func (m srcMap) apply(x, y int) (int, int) {
	return m.x0 + m.xx*x + m.xy*y, m.y0 + m.yx*x + m.yy*y
}

// remap builds the upright pixel buffer from a stored one with bpp
// bytes per pixel. The stored grid is sw×sh with the given stride.
func remap(src []byte, stride, bpp, sw, sh, tag int) (dst []byte, w, h int) {
	w, h = uprightSize(tag, sw, sh)
	m := sourceMap(tag, w, h)
	dst = make([]byte, w*h*bpp)
	start := m.y0*stride + m.x0*bpp
	stepX := m.yx*stride + m.xx*bpp
	stepY := m.yy*stride + m.xy*bpp
	d := 0
	for y := 0; y < h; y++ {
		s := start + y*stepY
		for x := 0; x < w; x++ {
			copy(dst[d:d+bpp], src[s:s+bpp])
			d += bpp
			s += stepX
		}
	}
	return dst, w, h
}

// orientRGBA returns a new upright RGBA image.
func orientRGBA(img *image.RGBA, tag int) *image.RGBA {
	b := img.Bounds()
	pix, w, h := remap(img.Pix, img.Stride, 4, b.Dx(), b.Dy(), tag)
	return &image.RGBA{Pix: pix, Stride: 4 * w, Rect: image.Rect(0, 0, w, h)}
}

// orientGray returns a new upright Gray image.
func orientGray(img *image.Gray, tag int) *image.Gray {
	b := img.Bounds()
	pix, w, h := remap(img.Pix, img.Stride, 1, b.Dx(), b.Dy(), tag)
	return &image.Gray{Pix: pix, Stride: w, Rect: image.Rect(0, 0, w, h)}
}

// ApplyOrientation returns img transformed so that it shows upright for
// the EXIF orientation tag. Tag 1 and values outside 1..8 return img
// unchanged. A *image.Gray stays Gray; anything else becomes *image.RGBA.
// The result always has its origin at (0, 0) when a transform is done.
func ApplyOrientation(img image.Image, tag int) image.Image {
	if !validOrientation(tag) || tag == orientNormal {
		return img
	}
	if g, ok := img.(*image.Gray); ok {
		return orientGray(g, tag)
	}
	return orientRGBA(ToRGBA(img), tag)
}

// FlipHorizontal returns a new image mirrored left-right.
func FlipHorizontal(img image.Image) *image.RGBA {
	return orientRGBA(ToRGBA(img), orientMirror)
}

// Rotate90 returns a new image rotated 90° clockwise.
func Rotate90(img image.Image) *image.RGBA {
	return orientRGBA(ToRGBA(img), orientRotate90)
}

// Rotate180 returns a new image rotated by 180°.
func Rotate180(img image.Image) *image.RGBA {
	return orientRGBA(ToRGBA(img), orientRotate180)
}

// Rotate270 returns a new image rotated 270° clockwise (90° counter-clockwise).
func Rotate270(img image.Image) *image.RGBA {
	return orientRGBA(ToRGBA(img), orientRotate270)
}

// MapBoxToSource maps a box given in the upright image (size w×h, i.e.
// after ApplyOrientation with tag) back onto the pixel grid stored in
// the file. Unknown tags and tag 1 return b unchanged; an empty box is
// returned as is.
func MapBoxToSource(b Box, tag int, w, h int) Box {
	if !validOrientation(tag) || tag == orientNormal || b.Empty() {
		return b
	}
	m := sourceMap(tag, w, h)
	x1, y1 := m.apply(b.X, b.Y)
	x2, y2 := m.apply(b.X+b.W-1, b.Y+b.H-1)
	return Box{X: min(x1, x2), Y: min(y1, y2), W: abs(x2-x1) + 1, H: abs(y2-y1) + 1}
}

// abs is the absolute value of an int.
func abs(v int) int {
	if v < 0 {
		return -v
	}
	return v
}

// ToRGBA returns img as an *image.RGBA whose bounds start at (0, 0).
// An *image.RGBA already anchored at the origin is returned as is; one
// anchored elsewhere shares its pixels under a re-anchored header.
// Anything else is converted into a new image (draw.Src, alpha kept).
func ToRGBA(img image.Image) *image.RGBA {
	if m, ok := img.(*image.RGBA); ok {
		return rebaseRGBA(m)
	}
	b := img.Bounds()
	dst := image.NewRGBA(image.Rect(0, 0, b.Dx(), b.Dy()))
	draw.Draw(dst, dst.Rect, img, b.Min, draw.Src)
	return dst
}

// rebaseRGBA re-anchors m at the origin without copying pixels.
func rebaseRGBA(m *image.RGBA) *image.RGBA {
	if m.Rect.Min == (image.Point{}) {
		return m
	}
	return &image.RGBA{Pix: m.Pix, Stride: m.Stride, Rect: m.Rect.Sub(m.Rect.Min)}
}

// rebaseGray re-anchors m at the origin without copying pixels.
func rebaseGray(m *image.Gray) *image.Gray {
	if m.Rect.Min == (image.Point{}) {
		return m
	}
	return &image.Gray{Pix: m.Pix, Stride: m.Stride, Rect: m.Rect.Sub(m.Rect.Min)}
}

// JPEG markers and the EXIF orientation tag used by jpegOrientation.
const (
	markerSOS       = 0xDA
	markerEOI       = 0xD9
	markerAPP1      = 0xE1
	tagOrientation  = 0x0112
	tiffTypeShort   = 3
	tiffTypeLong    = 4
	tiffEntryLength = 12
)

// jpegOrientation reads the EXIF orientation tag of a JPEG file, or 1
// when there is none or the EXIF block is missing, corrupt or holds an
// out-of-range value. It walks the marker segments before the first
// scan and reads only IFD0, so every read is bounds-checked and the
// work is linear in the header size: a crafted file cannot make it
// loop (unlike goexif's IFD chain walk, which cycles forever on an
// IFD chain A→B→A).
func jpegOrientation(data []byte) int {
	for pos := 2; pos+4 <= len(data); {
		if data[pos] != 0xFF {
			return orientNormal
		}
		marker := data[pos+1]
		if marker == 0xFF { // fill byte
			pos++
			continue
		}
		if marker == markerSOS || marker == markerEOI {
			return orientNormal
		}
		if standaloneMarker(marker) {
			pos += 2
			continue
		}
		n := int(data[pos+2])<<8 | int(data[pos+3])
		if n < 2 || pos+2+n > len(data) {
			return orientNormal
		}
		seg := data[pos+4 : pos+2+n]
		if marker == markerAPP1 && len(seg) >= 6 && string(seg[:6]) == "Exif\x00\x00" {
			return tiffOrientation(seg[6:])
		}
		pos += 2 + n
	}
	return orientNormal
}

// standaloneMarker reports markers without a length field (TEM, RSTn, SOI).
func standaloneMarker(m byte) bool {
	return m == 0x01 || (m >= 0xD0 && m <= 0xD8)
}

// tiffOrientation reads tag 0x0112 from IFD0 of a TIFF-structured EXIF
// block; 1 when absent or invalid.
func tiffOrientation(t []byte) int {
	order, ok := tiffByteOrder(t)
	if !ok {
		return orientNormal
	}
	ifd := int64(order.Uint32(t[4:8]))
	if ifd < 8 || ifd+2 > int64(len(t)) {
		return orientNormal
	}
	count := int(order.Uint16(t[ifd:]))
	for i := 0; i < count; i++ {
		e := int(ifd) + 2 + i*tiffEntryLength
		if e+tiffEntryLength > len(t) {
			return orientNormal
		}
		if order.Uint16(t[e:]) == tagOrientation {
			return orientationValue(t[e:e+tiffEntryLength], order)
		}
	}
	return orientNormal
}

// tiffByteOrder checks the 8-byte TIFF header and returns its byte order.
func tiffByteOrder(t []byte) (binary.ByteOrder, bool) {
	if len(t) < 8 {
		return nil, false
	}
	var order binary.ByteOrder
	switch string(t[:2]) {
	case "II":
		order = binary.LittleEndian
	case "MM":
		order = binary.BigEndian
	default:
		return nil, false
	}
	return order, order.Uint16(t[2:4]) == 42
}

// orientationValue decodes the value of one 12-byte IFD entry.
func orientationValue(e []byte, order binary.ByteOrder) int {
	var v int
	switch order.Uint16(e[2:4]) {
	case tiffTypeShort:
		v = int(order.Uint16(e[8:10]))
	case tiffTypeLong:
		v = int(order.Uint32(e[8:12]))
	default:
		return orientNormal
	}
	if order.Uint32(e[4:8]) < 1 || !validOrientation(v) {
		return orientNormal
	}
	return v
}
