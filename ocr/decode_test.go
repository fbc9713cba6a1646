package ocr

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
	"image"
	"image/color"
	"image/draw"
	"image/gif"
	"image/jpeg"
	"image/png"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"testing"

	"github.com/gen2brain/go-fitz"
)

// quadrantColors are the colours of the four quadrants of quadImage:
// top-left, top-right, bottom-left, bottom-right.
var quadrantColors = [4]color.RGBA{
	{220, 30, 30, 255},
	{30, 200, 30, 255},
	{30, 30, 220, 255},
	{240, 240, 40, 255},
}

// quadImage is a w×h image made of four flat coloured quadrants.
func quadImage(w, h int) *image.RGBA {
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			q := 0
			if x >= w/2 {
				q++
			}
			if y >= h/2 {
				q += 2
			}
			img.SetRGBA(x, y, quadrantColors[q])
		}
	}
	return img
}

// quadPaletted converts a quadImage to a Paletted image with an exact
// palette, so a GIF of it is lossless.
func quadPaletted(img *image.RGBA) *image.Paletted {
	pal := make(color.Palette, len(quadrantColors))
	for i, c := range quadrantColors {
		pal[i] = c
	}
	p := image.NewPaletted(img.Rect, pal)
	draw.Draw(p, p.Rect, img, image.Point{}, draw.Src)
	return p
}

// grayRamp is a w×h horizontal grey ramp.
func grayRamp(w, h int) *image.Gray {
	img := image.NewGray(image.Rect(0, 0, w, h))
	for i := range img.Pix {
		img.Pix[i] = uint8(i % w * 255 / w)
	}
	return img
}

func fixturePNG(t testing.TB, img image.Image) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		t.Fatalf("encode png: %v", err)
	}
	return b.Bytes()
}

func fixtureJPEG(t testing.TB, img image.Image) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := jpeg.Encode(&b, img, &jpeg.Options{Quality: 95}); err != nil {
		t.Fatalf("encode jpeg: %v", err)
	}
	return b.Bytes()
}

func fixtureGIF(t testing.TB, img image.Image) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := gif.Encode(&b, img, nil); err != nil {
		t.Fatalf("encode gif: %v", err)
	}
	return b.Bytes()
}

// withOrientation inserts an EXIF APP1 segment holding the orientation
// tag right after the SOI marker of a JPEG file.
func withOrientation(jpg []byte, tag uint16) []byte {
	be := binary.BigEndian
	tiff := exifTIFF(be, 0x0112, 3, 1, shortValue(be, tag), 0)
	app1 := jpegSegment(0xE1, append([]byte("Exif\x00\x00"), tiff...))
	out := append([]byte{}, jpg[:2]...)
	out = append(out, app1...)
	return append(out, jpg[2:]...)
}

// pngHeader is a PNG signature, an IHDR claiming w×h RGBA pixels and an
// IEND: a header with no pixel data behind it.
func pngHeader(w, h uint32) []byte {
	ihdr := binary.BigEndian.AppendUint32(nil, w)
	ihdr = binary.BigEndian.AppendUint32(ihdr, h)
	ihdr = append(ihdr, 8, 6, 0, 0, 0) // 8-bit RGBA, deflate, no filter, no interlace
	out := []byte("\x89PNG\r\n\x1a\n")
	out = append(out, pngChunk("IHDR", ihdr)...)
	return append(out, pngChunk("IEND", nil)...)
}

// pngChunk frames one PNG chunk with its CRC.
func pngChunk(typ string, data []byte) []byte {
	c := binary.BigEndian.AppendUint32(nil, uint32(len(data)))
	c = append(c, typ...)
	c = append(c, data...)
	return binary.BigEndian.AppendUint32(c, crc32.ChecksumIEEE(c[4:]))
}

// padTo appends zero bytes (ignored after IEND/EOI) up to n bytes.
func padTo(data []byte, n int) []byte {
	return append(append([]byte{}, data...), make([]byte, n-len(data))...)
}

// colourNear reports whether two colours differ by at most tol per channel.
func colourNear(a, b color.Color, tol int) bool {
	ar, ag, ab, _ := a.RGBA()
	br, bg, bb, _ := b.RGBA()
	d := func(x, y uint32) bool { return abs(int(x>>8)-int(y>>8)) <= tol }
	return d(ar, br) && d(ag, bg) && d(ab, bb)
}

func TestSniff(t *testing.T) {
	img := quadImage(8, 8)
	cases := []struct {
		name string
		data []byte
		want Format
	}{
		{"jpeg", fixtureJPEG(t, img), FormatJPEG},
		{"png", fixturePNG(t, img), FormatPNG},
		{"gif89a", fixtureGIF(t, img), FormatGIF},
		{"gif87a", []byte("GIF87a\x01\x00"), FormatGIF},
		{"pdf", []byte("%PDF-1.7\n"), FormatPDF},
		{"empty", nil, FormatUnknown},
		{"garbage", []byte("not an image at all"), FormatUnknown},
		{"html", []byte("<!doctype html><html>"), FormatUnknown},
		{"jpeg prefix only", []byte{0xFF, 0xD8}, FormatUnknown},
		{"pdf not at start", []byte(" %PDF-1.4"), FormatUnknown},
		{"webp", []byte("RIFF\x00\x00\x00\x00WEBPVP8 "), FormatUnknown},
	}
	for _, tc := range cases {
		if got := Sniff(tc.data); got != tc.want {
			t.Errorf("%s: Sniff = %q, want %q", tc.name, got, tc.want)
		}
	}
}

func TestSniffIgnoresFileName(t *testing.T) {
	path := filepath.Join(t.TempDir(), "photo.jpg")
	if err := os.WriteFile(path, fixturePNG(t, quadImage(10, 6)), 0o600); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	d, err := Decode(data, DefaultLimits())
	if err != nil {
		t.Fatalf("Decode: %v", err)
	}
	if d.Format != FormatPNG {
		t.Errorf("format %q, want png", d.Format)
	}
}

func TestDecodeImages(t *testing.T) {
	rgb := quadImage(20, 10)
	gray := grayRamp(20, 10)
	gray16 := image.NewGray16(image.Rect(0, 0, 20, 10))
	paletted := image.NewPaletted(image.Rect(0, 0, 20, 10), color.Palette{color.Black, color.White})
	cases := []struct {
		name     string
		data     []byte
		format   Format
		wantType string
	}{
		{"png rgba", fixturePNG(t, rgb), FormatPNG, "*image.RGBA"},
		{"png gray", fixturePNG(t, gray), FormatPNG, "*image.Gray"},
		{"png gray16", fixturePNG(t, gray16), FormatPNG, "*image.Gray"},
		{"png paletted", fixturePNG(t, paletted), FormatPNG, "*image.RGBA"},
		{"jpeg colour", fixtureJPEG(t, rgb), FormatJPEG, "*image.RGBA"},
		{"jpeg gray", fixtureJPEG(t, gray), FormatJPEG, "*image.Gray"},
		{"gif", fixtureGIF(t, rgb), FormatGIF, "*image.RGBA"},
	}
	for _, tc := range cases {
		d, err := Decode(tc.data, DefaultLimits())
		if err != nil {
			t.Errorf("%s: Decode: %v", tc.name, err)
			continue
		}
		if got := fmt.Sprintf("%T", d.Image); got != tc.wantType {
			t.Errorf("%s: image type %s, want %s", tc.name, got, tc.wantType)
		}
		if d.Image.Bounds() != image.Rect(0, 0, 20, 10) {
			t.Errorf("%s: bounds %v, want 20x10 at origin", tc.name, d.Image.Bounds())
		}
		want := Decoded{Image: d.Image, Format: tc.format, Orientation: 1, SourceWidth: 20, SourceHeight: 10}
		if d != want {
			t.Errorf("%s: got %+v, want %+v", tc.name, d, want)
		}
	}
}

func TestDecodeImagePixels(t *testing.T) {
	img := quadImage(40, 20)
	cases := []struct {
		name string
		data []byte
		tol  int
	}{
		{"png", fixturePNG(t, img), 0},
		{"jpeg", fixtureJPEG(t, img), 40},
		{"gif", fixtureGIF(t, quadPaletted(img)), 0},
	}
	for _, tc := range cases {
		d, err := Decode(tc.data, DefaultLimits())
		if err != nil {
			t.Fatalf("%s: %v", tc.name, err)
		}
		for _, p := range []image.Point{{5, 5}, {35, 5}, {5, 15}, {35, 15}} {
			if got, want := d.Image.At(p.X, p.Y), img.At(p.X, p.Y); !colourNear(got, want, tc.tol) {
				t.Errorf("%s: pixel %v = %v, want %v", tc.name, p, got, want)
			}
		}
	}
}

func TestDecodeFlattensTransparencyOnWhite(t *testing.T) {
	img := image.NewNRGBA(image.Rect(0, 0, 4, 4)) // fully transparent
	img.SetNRGBA(1, 1, color.NRGBA{0, 0, 0, 255})
	d, err := Decode(fixturePNG(t, img), DefaultLimits())
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		p    image.Point
		want color.Color
	}{
		{image.Pt(0, 0), color.RGBA{255, 255, 255, 255}},
		{image.Pt(1, 1), color.RGBA{0, 0, 0, 255}},
	}
	for _, tc := range cases {
		if got := d.Image.At(tc.p.X, tc.p.Y); got != tc.want {
			t.Errorf("pixel %v = %v, want %v", tc.p, got, tc.want)
		}
	}
}

func TestDecodeGIFFrameSmallerThanScreen(t *testing.T) {
	frame := image.NewPaletted(image.Rect(2, 3, 6, 5), color.Palette{color.Black})
	var b bytes.Buffer
	err := gif.EncodeAll(&b, &gif.GIF{
		Image:  []*image.Paletted{frame},
		Delay:  []int{0},
		Config: image.Config{ColorModel: frame.Palette, Width: 10, Height: 8},
	})
	if err != nil {
		t.Fatal(err)
	}
	d, err := Decode(b.Bytes(), DefaultLimits())
	if err != nil {
		t.Fatal(err)
	}
	if d.Image.Bounds() != image.Rect(0, 0, 10, 8) {
		t.Fatalf("bounds %v, want the 10x8 logical screen", d.Image.Bounds())
	}
	cases := []struct {
		p    image.Point
		want color.Color
	}{
		{image.Pt(0, 0), color.RGBA{255, 255, 255, 255}},
		{image.Pt(2, 3), color.RGBA{0, 0, 0, 255}},
		{image.Pt(5, 4), color.RGBA{0, 0, 0, 255}},
		{image.Pt(6, 4), color.RGBA{255, 255, 255, 255}},
	}
	for _, tc := range cases {
		if got := d.Image.At(tc.p.X, tc.p.Y); got != tc.want {
			t.Errorf("pixel %v = %v, want %v", tc.p, got, tc.want)
		}
	}
}

func TestDecodeEXIFOrientation(t *testing.T) {
	const sw, sh = 64, 32
	jpg := fixtureJPEG(t, quadImage(sw, sh))
	for _, tc := range orientationCases {
		d, err := Decode(withOrientation(jpg, uint16(tc.tag)), DefaultLimits())
		if err != nil {
			t.Fatalf("tag %d: %v", tc.tag, err)
		}
		w, h := d.Image.Bounds().Dx(), d.Image.Bounds().Dy()
		if d.Orientation != tc.tag || d.SourceWidth != sw || d.SourceHeight != sh {
			t.Errorf("tag %d: orientation %d source %dx%d, want %d %dx%d",
				tc.tag, d.Orientation, d.SourceWidth, d.SourceHeight, tc.tag, sw, sh)
		}
		if tc.swap != (w == sh && h == sw) {
			t.Errorf("tag %d: upright size %dx%d", tc.tag, w, h)
		}
		checkCornerColour(t, d.Image, tc.tag, tc.storedTopLeft, quadrantColors[0])
		checkCornerColour(t, d.Image, tc.tag, tc.storedTopRight, quadrantColors[1])
	}
}

// checkCornerColour samples a few pixels in from corner c.
func checkCornerColour(t *testing.T, img image.Image, tag int, c corner, want color.Color) {
	t.Helper()
	b := img.Bounds()
	p := c.at(b.Dx(), b.Dy())
	p.X += 4 - 8*(p.X/max(1, b.Dx()-1))
	p.Y += 4 - 8*(p.Y/max(1, b.Dy()-1))
	if got := img.At(p.X, p.Y); !colourNear(got, want, 40) {
		t.Errorf("tag %d: pixel %v near corner %d = %v, want %v", tag, p, c, got, want)
	}
}

func TestDecodeCorruptEXIFIsIgnored(t *testing.T) {
	jpg := fixtureJPEG(t, quadImage(16, 8))
	cases := []struct {
		name string
		app1 []byte
	}{
		{"truncated tiff", jpegSegment(0xE1, []byte("Exif\x00\x00MM\x00"))},
		{"bad IFD offset", jpegSegment(0xE1, []byte("Exif\x00\x00MM\x00\x2a\x7f\xff\xff\xff"))},
		{"not exif", jpegSegment(0xE1, []byte("garbage"))},
	}
	for _, tc := range cases {
		data := append(append(append([]byte{}, jpg[:2]...), tc.app1...), jpg[2:]...)
		d, err := Decode(data, DefaultLimits())
		if err != nil {
			t.Errorf("%s: %v", tc.name, err)
			continue
		}
		if d.Orientation != 1 || d.Image.Bounds().Dx() != 16 {
			t.Errorf("%s: orientation %d bounds %v, want untouched", tc.name, d.Orientation, d.Image.Bounds())
		}
	}
}

func TestDecodeErrors(t *testing.T) {
	smallPNG := fixturePNG(t, quadImage(100, 100))
	jpg := fixtureJPEG(t, quadImage(64, 64))
	def := DefaultLimits()
	cases := []struct {
		name string
		data []byte
		lim  Limits
		want error
	}{
		{"empty", nil, def, ErrUnsupported},
		{"garbage", []byte("\x00\x01garbage bytes that are no image"), def, ErrUnsupported},
		{"truncated jpeg", jpg[:len(jpg)/2], def, ErrUnsupported},
		{"jpeg header only", jpg[:20], def, ErrUnsupported},
		{"truncated png", smallPNG[:len(smallPNG)-40], def, ErrUnsupported},
		{"png claims 100000x100000", pngHeader(100000, 100000), def, ErrUnsupported},
		{"png claims 0x10", pngHeader(0, 10), def, ErrUnsupported},
		{"gif header only", []byte("GIF89a"), def, ErrUnsupported},
		{"5 MB + 1 png", padTo(smallPNG, 5<<20+1), def, ErrTooLarge},
		{"5 MB + 1 with png magic, size checked first", padTo([]byte("\x89PNG\r\n\x1a\n"), 5<<20+1), def, ErrTooLarge},
		{"over custom byte limit", smallPNG, Limits{MaxImageBytes: int64(len(smallPNG) - 1)}, ErrTooLarge},
		{"over custom pixel limit", smallPNG, Limits{MaxPixels: 9_999}, ErrUnsupported},
		{"exactly 5 MB png", padTo(smallPNG, 5<<20), def, nil},
		{"at custom pixel limit", smallPNG, Limits{MaxPixels: 10_000}, nil},
		{"zero limits mean defaults", smallPNG, Limits{}, nil},
	}
	for _, tc := range cases {
		_, err := Decode(tc.data, tc.lim)
		if !errors.Is(err, tc.want) || (tc.want == nil) != (err == nil) {
			t.Errorf("%s: err %v, want %v", tc.name, err, tc.want)
		}
	}
}

func TestDecodeTruncatedJPEGNeverPanics(t *testing.T) {
	jpg := withOrientation(fixtureJPEG(t, quadImage(64, 48)), 6)
	for cut := 0; cut < len(jpg)-2; cut += 7 {
		if _, err := Decode(jpg[:cut], DefaultLimits()); !errors.Is(err, ErrUnsupported) {
			t.Fatalf("cut at %d of %d: err %v, want ErrUnsupported", cut, len(jpg), err)
		}
	}
}

func TestDecodeHugeHeaderDoesNotAllocate(t *testing.T) {
	data := pngHeader(100000, 100000)
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	_, err := Decode(data, DefaultLimits())
	runtime.ReadMemStats(&after)
	if !errors.Is(err, ErrUnsupported) {
		t.Fatalf("err %v, want ErrUnsupported", err)
	}
	if n := after.TotalAlloc - before.TotalAlloc; n > 1<<20 {
		t.Errorf("allocated %d bytes refusing a header-only file", n)
	}
}

func TestSafelyRecoversPanic(t *testing.T) {
	err := safely(func() error { panic("decoder bug") })
	if !errors.Is(err, ErrUnsupported) || !strings.Contains(err.Error(), "decoder bug") {
		t.Errorf("err %v, want ErrUnsupported mentioning the panic", err)
	}
}

func TestLimitsDefaults(t *testing.T) {
	want := Limits{MaxImageBytes: 5 << 20, MaxPDFBytes: 64 << 20, MaxPixels: 50_000_000, MaxPDFPages: 50, PDFDPI: 200}
	if got := DefaultLimits(); got != want {
		t.Errorf("DefaultLimits = %+v, want %+v", got, want)
	}
	cases := []struct {
		in, want Limits
	}{
		{Limits{}, want},
		{Limits{MaxImageBytes: -1, MaxPixels: -5, PDFDPI: -1}, want},
		{Limits{MaxPDFPages: 3, PDFDPI: 72}, Limits{MaxImageBytes: 5 << 20, MaxPDFBytes: 64 << 20, MaxPixels: 50_000_000, MaxPDFPages: 3, PDFDPI: 72}},
	}
	for _, tc := range cases {
		if got := tc.in.withDefaults(); got != tc.want {
			t.Errorf("%+v.withDefaults() = %+v, want %+v", tc.in, got, tc.want)
		}
	}
}

func TestDecodePagesImage(t *testing.T) {
	pages, err := DecodePages(fixturePNG(t, quadImage(8, 4)), DefaultLimits())
	if err != nil {
		t.Fatal(err)
	}
	if len(pages) != 1 || pages[0].Page != 0 || pages[0].Format != FormatPNG {
		t.Errorf("got %d pages %+v, want one png page", len(pages), pages)
	}
}

// --- PDF ---

// buildPDF writes a PDF with the given objects (numbered from 1, object
// 1 the catalog), a correct xref table and extra trailer entries.
func buildPDF(objs []string, trailer string) []byte {
	var b bytes.Buffer
	b.WriteString("%PDF-1.4\n")
	offsets := make([]int, len(objs))
	for i, o := range objs {
		offsets[i] = b.Len()
		fmt.Fprintf(&b, "%d 0 obj\n%s\nendobj\n", i+1, o)
	}
	xref := b.Len()
	fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f \n", len(objs)+1)
	for _, off := range offsets {
		fmt.Fprintf(&b, "%010d 00000 n \n", off)
	}
	fmt.Fprintf(&b, "trailer\n<< /Size %d /Root 1 0 R %s >>\nstartxref\n%d\n%%%%EOF\n", len(objs)+1, trailer, xref)
	return b.Bytes()
}

// blankPDF has n pages of the given size in points; page content is
// drawn by content (a content stream, may be empty).
func blankPDF(n int, wPt, hPt int, content string) []byte {
	kids := make([]string, n)
	objs := []string{"<< /Type /Catalog /Pages 2 0 R >>", ""}
	contentRef := len(objs) + n + 1
	for i := range kids {
		kids[i] = fmt.Sprintf("%d 0 R", len(objs)+i+1)
	}
	objs[1] = fmt.Sprintf("<< /Type /Pages /Kids [%s] /Count %d >>", strings.Join(kids, " "), n)
	for range n {
		objs = append(objs, fmt.Sprintf("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 %d %d] /Contents %d 0 R >>", wPt, hPt, contentRef))
	}
	objs = append(objs, fmt.Sprintf("<< /Length %d >>\nstream\n%s\nendstream", len(content), content))
	return buildPDF(objs, "")
}

// encryptedPDF is a one-page PDF behind a standard security handler
// whose user password is not empty.
func encryptedPDF() []byte {
	hex32 := strings.Repeat("5a", 32)
	objs := []string{
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 100 100] >>",
		fmt.Sprintf("<< /Filter /Standard /V 1 /R 2 /Length 40 /P -4 /O <%s> /U <%s> >>", hex32, hex32),
	}
	id := strings.Repeat("ab", 16)
	return buildPDF(objs, fmt.Sprintf("/Encrypt 4 0 R /ID [<%s> <%s>]", id, id))
}

func readFixture(t *testing.T, name string) []byte {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", "decode", name))
	if err != nil {
		t.Fatal(err)
	}
	return data
}

func TestDecodePDFFirstPage(t *testing.T) {
	d, err := Decode(readFixture(t, "scan.pdf"), DefaultLimits())
	if err != nil {
		t.Fatal(err)
	}
	img, ok := d.Image.(*image.RGBA)
	if !ok {
		t.Fatalf("image type %T, want *image.RGBA", d.Image)
	}
	if d.Format != FormatPDF || d.Page != 1 || d.Orientation != 1 {
		t.Errorf("got format %q page %d orientation %d, want pdf 1 1", d.Format, d.Page, d.Orientation)
	}
	if img.Rect.Min != (image.Point{}) || img.Rect.Dx() != d.SourceWidth || img.Rect.Dy() != d.SourceHeight {
		t.Errorf("bounds %v, source %dx%d", img.Rect, d.SourceWidth, d.SourceHeight)
	}
	// A scanned A4-ish page at 200 dpi is well over 1000 px a side.
	if img.Rect.Dx() < 1000 || img.Rect.Dy() < 1000 {
		t.Errorf("rendered only %v at 200 dpi", img.Rect)
	}
}

func TestDecodePagesPDF(t *testing.T) {
	pages, err := DecodePages(readFixture(t, "packet.pdf"), Limits{PDFDPI: 50})
	if err != nil {
		t.Fatal(err)
	}
	if len(pages) != 7 {
		t.Fatalf("%d pages, want 7", len(pages))
	}
	for i, p := range pages {
		if p.Page != i+1 || p.Format != FormatPDF || p.Image.Bounds().Empty() {
			t.Errorf("page %d: %+v", i+1, p)
		}
	}
}

func TestPageCount(t *testing.T) {
	packet := readFixture(t, "packet.pdf")
	cases := []struct {
		name    string
		data    []byte
		lim     Limits
		want    int
		wantErr error
	}{
		{"png", fixturePNG(t, quadImage(4, 4)), Limits{}, 1, nil},
		{"multi-page pdf", packet, Limits{}, 7, nil},
		{"blank 3-page pdf", blankPDF(3, 100, 100, ""), Limits{}, 3, nil},
		{"too many pages reports the count", packet, Limits{MaxPDFPages: 6}, 7, ErrUnsupported},
		{"pdf too large", packet, Limits{MaxPDFBytes: 1000}, 0, ErrTooLarge},
		{"garbage", []byte("hello"), Limits{}, 0, ErrUnsupported},
		{"png header claims too many pixels", pngHeader(100000, 100000), Limits{}, 0, ErrUnsupported},
	}
	for _, tc := range cases {
		n, err := PageCount(tc.data, tc.lim)
		if n != tc.want || !errors.Is(err, tc.wantErr) || (tc.wantErr == nil) != (err == nil) {
			t.Errorf("%s: PageCount = %d, %v; want %d, %v", tc.name, n, err, tc.want, tc.wantErr)
		}
	}
}

func TestDecodePDFErrors(t *testing.T) {
	cases := []struct {
		name string
		data []byte
		lim  Limits
		want error
	}{
		{"encrypted", encryptedPDF(), Limits{}, fitz.ErrNeedsPassword},
		{"encrypted is unsupported", encryptedPDF(), Limits{}, ErrUnsupported},
		{"zero pages", blankPDF(0, 100, 100, ""), Limits{}, ErrUnsupported},
		{"header only", []byte("%PDF-1.4\n"), Limits{}, ErrUnsupported},
		{"garbage after header", append([]byte("%PDF-1.7\n"), bytes.Repeat([]byte{0x8f, 0x13, 0x00}, 500)...), Limits{}, ErrUnsupported},
		{"too many pages", blankPDF(4, 100, 100, ""), Limits{MaxPDFPages: 3}, ErrUnsupported},
		{"over byte limit", blankPDF(1, 100, 100, ""), Limits{MaxPDFBytes: 100}, ErrTooLarge},
		{"64 MB + 1", padTo([]byte("%PDF-1.4\n"), 64<<20+1), Limits{}, ErrTooLarge},
	}
	for _, tc := range cases {
		for _, decode := range []func([]byte, Limits) error{
			func(b []byte, l Limits) error { _, err := Decode(b, l); return err },
			func(b []byte, l Limits) error { _, err := DecodePages(b, l); return err },
		} {
			if err := decode(tc.data, tc.lim); !errors.Is(err, tc.want) {
				t.Errorf("%s: err %v, want %v", tc.name, err, tc.want)
			}
		}
	}
}

func TestPDFRenderSize(t *testing.T) {
	cases := []struct {
		name       string
		wPt, hPt   int
		lim        Limits
		wantW      int
		wantH      int
		maxPixels  int
		minPixelsF float64 // the DPI cut should not waste much of the budget
	}{
		{"letter at 200 dpi", 612, 792, Limits{}, 1700, 2200, 0, 0},
		{"letter at 72 dpi", 612, 792, Limits{PDFDPI: 72}, 612, 792, 0, 0},
		{"letter capped at 1 Mpx", 612, 792, Limits{MaxPixels: 1_000_000}, 0, 0, 1_000_000, 0.97},
		{"huge page capped at 1 Mpx", 14400, 14400, Limits{MaxPixels: 1_000_000}, 0, 0, 1_000_000, 0.97},
	}
	for _, tc := range cases {
		d, err := Decode(blankPDF(1, tc.wPt, tc.hPt, ""), tc.lim)
		if err != nil {
			t.Errorf("%s: %v", tc.name, err)
			continue
		}
		w, h := d.Image.Bounds().Dx(), d.Image.Bounds().Dy()
		if tc.wantW > 0 && (w != tc.wantW || h != tc.wantH) {
			t.Errorf("%s: rendered %dx%d, want %dx%d", tc.name, w, h, tc.wantW, tc.wantH)
		}
		if px := w * h; tc.maxPixels > 0 && (px > tc.maxPixels || float64(px) < tc.minPixelsF*float64(tc.maxPixels)) {
			t.Errorf("%s: rendered %dx%d = %d px, want ≤ %d and ≥ %.0f%% of it", tc.name, w, h, px, tc.maxPixels, 100*tc.minPixelsF)
		}
	}
}

func TestPDFRendersContentUpright(t *testing.T) {
	// A black square from (100,100) to (300,300) pt, PDF y axis pointing up.
	data := blankPDF(1, 612, 792, "0 0 0 rg 100 100 200 200 re f")
	d, err := Decode(data, Limits{PDFDPI: 72})
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		p    image.Point
		want color.Color
	}{
		{image.Pt(200, 792-200), color.RGBA{0, 0, 0, 255}},
		{image.Pt(200, 200), color.RGBA{255, 255, 255, 255}},
		{image.Pt(50, 792-200), color.RGBA{255, 255, 255, 255}},
	}
	for _, tc := range cases {
		if got := d.Image.At(tc.p.X, tc.p.Y); got != tc.want {
			t.Errorf("pixel %v = %v, want %v", tc.p, got, tc.want)
		}
	}
}

func TestFitDPI(t *testing.T) {
	cases := []struct {
		name    string
		bound   image.Rectangle
		lim     Limits
		want    float64 // 0: only check the pixel budget
		wantErr error
	}{
		{"fits", image.Rect(0, 0, 612, 792), DefaultLimits(), 200, nil},
		{"scaled down", image.Rect(0, 0, 612, 792), Limits{PDFDPI: 200, MaxPixels: 500_000}, 0, nil},
		{"empty page", image.Rect(0, 0, 0, 792), DefaultLimits(), 0, ErrUnsupported},
		{"needs under 1 dpi", image.Rect(0, 0, 14400, 14400), Limits{PDFDPI: 200, MaxPixels: 100}, 0, ErrUnsupported},
		{"capped below go-fitz overflow", image.Rect(0, 0, 14400, 14400), Limits{PDFDPI: 600, MaxPixels: 1 << 40}, 0, nil},
	}
	for _, tc := range cases {
		dpi, err := fitDPI(tc.bound, tc.lim)
		if !errors.Is(err, tc.wantErr) || (tc.wantErr == nil) != (err == nil) {
			t.Errorf("%s: err %v, want %v", tc.name, err, tc.wantErr)
			continue
		}
		if err != nil {
			continue
		}
		if tc.want > 0 && dpi != tc.want {
			t.Errorf("%s: dpi %v, want %v", tc.name, dpi, tc.want)
		}
		if px := renderedPixels(tc.bound, dpi); px > float64(min(tc.lim.MaxPixels, maxRenderPixels)) {
			t.Errorf("%s: dpi %v gives %.0f px over %d", tc.name, dpi, px, tc.lim.MaxPixels)
		}
	}
}

func TestEachPageStopsAtCallbackError(t *testing.T) {
	stop := errors.New("stop")
	calls := 0
	err := EachPage(blankPDF(5, 50, 50, ""), Limits{}, func(d Decoded) error {
		calls++
		if d.Page == 2 {
			return stop
		}
		return nil
	})
	if !errors.Is(err, stop) || calls != 2 {
		t.Errorf("err %v after %d calls, want stop after 2", err, calls)
	}
}

func TestDecodePDFConcurrently(t *testing.T) {
	docs := [][]byte{readFixture(t, "scan.pdf"), blankPDF(2, 300, 400, "0 0 0 rg 10 10 50 50 re f"), encryptedPDF()}
	var wg sync.WaitGroup
	errs := make(chan error, 4*len(docs))
	for range 4 {
		for i, doc := range docs {
			wg.Add(1)
			go func() {
				defer wg.Done()
				_, err := DecodePages(doc, Limits{PDFDPI: 60})
				if (i == 2) != errors.Is(err, ErrUnsupported) {
					errs <- fmt.Errorf("doc %d: %v", i, err)
				}
			}()
		}
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
}
