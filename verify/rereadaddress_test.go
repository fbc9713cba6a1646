package verify

import (
	"context"
	"slices"
	"testing"

	"github.com/qualcheck/qualcheck/extract"
	"github.com/qualcheck/qualcheck/ocr"
)

// TestAddressWhere: the bands an address is read again from, in turn,
// on a page whose characters are 20 pixels.
func TestAddressWhere(t *testing.T) {
	e := []rune("安徽省合肥市蜀山区丰产路112号1号楼15层")
	label := ocr.Page{Lines: []ocr.Line{{Words: []ocr.Word{{Text: "所", Box: ocr.Box{X: 916, Y: 658, W: 19, H: 20}}}}}}
	tests := []struct {
		name     string
		page     ocr.Page
		f        extract.Field
		minW     int // the last band is at least this wide
		n        int // bands
		x0, side int // of the last band
	}{
		{"the whole first line read", ocr.Page{}, extract.Field{Value: "安徽省合肥市蜀山区丰产路112号1号楼15", Box: ocr.Box{X: 971, Y: 658, W: 400, H: 20},
			Boxes: []ocr.Box{{X: 971, Y: 658, W: 20, H: 20}}}, 400, 1, 961, 21},
		{"two characters read (generated app-11-00004): as wide as the address", ocr.Page{}, extract.Field{Value: "安层", Box: ocr.Box{X: 971, Y: 658, W: 18, H: 51},
			Boxes: []ocr.Box{{X: 971, Y: 658, W: 18, H: 20}, {X: 971, Y: 691, W: 18, H: 18}}}, 400, 1, 961, 20},
		{"two characters read in the address's box (generated app-7-00025): that box, then as wide as the address", ocr.Page{}, extract.Field{Value: "0层", Box: ocr.Box{X: 971, Y: 658, W: 300, H: 51},
			Boxes: []ocr.Box{{X: 971, Y: 652, W: 14, H: 32}, {X: 971, Y: 691, W: 18, H: 18}}}, 600, 2, 955, 32},
		{"not read: right of the label, then that band grown for a tilt", label, extract.Field{}, 400, 2, 945, 20},
		{"not read, no label", ocr.Page{}, extract.Field{}, 0, 0, 0, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			spots := addressWhere(tt.page, tt.f, e)
			if len(spots) != tt.n {
				t.Fatalf("%d bands, want %d", len(spots), tt.n)
			}
			if tt.n == 0 {
				return
			}
			band, side := spots[tt.n-1].band, spots[tt.n-1].side
			if band.W < tt.minW || band.X != tt.x0 || side != tt.side || band.H < 2*side {
				t.Errorf("band %v side %d; want x %d, at least %d wide, two lines high, side %d", band, side, tt.x0, tt.minW, tt.side)
			}
			if tt.n == 2 && tt.f.Found() && spots[0].band.W > tt.f.Box.W+tt.f.Box.W/5 {
				t.Errorf("first band %v, want the box read", spots[0].band)
			}
			if first := spots[0].band; !tt.f.Found() && tt.n == 2 && (band.H != first.H+2*(first.W/20) || band.Y != first.Y-first.W/20) {
				t.Errorf("bands %v then %v, want the second grown by a twentieth of its width above and below", first, band)
			}
		})
	}
}

// TestBeforeGap: held-out app-43-00009's licence printed its address,
// 浙江省宁波市鄞州区青年路287号3幢1728 | 室, next to the border's
// diamonds, and the page's box took them in (read 1728Q室4C). The band
// is cut where the address's ink ends, before the diamonds; with
// characters so wide that the gap is under two of them it is left
// whole, and so is a band whose gap comes in its first half, after the
// label's remnant.
func TestBeforeGap(t *testing.T) {
	img := grayFile(t, "../testdata/cards/licence-address-border.png")
	box := ocr.Box{X: 36, Y: 14, W: 484, H: 81}
	label := ocr.Box{X: 400, Y: 14, W: 150, H: 81} // from the address's last digits into the diamonds
	tests := []struct {
		name       string
		band       ocr.Box
		side       int
		minX, maxX int // the band's right end
	}{
		{"the border's diamonds cut off", box, 23, 400, 480},
		{"a gap under two characters", box, 60, 520, 520},
		{"a gap in the band's first half", label, 23, 550, 550},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := beforeGap(img, tt.band, tt.side)
			if end := got.X + got.W; got.X != tt.band.X || got.Y != tt.band.Y || got.H != tt.band.H || end < tt.minX || end > tt.maxX {
				t.Errorf("beforeGap = %+v (ends at %d), want it to end in [%d, %d]", got, end, tt.minX, tt.maxX)
			}
		})
	}
}

// TestConfirmAddressRightOfLabel: where the page read the 住所 label but
// no address, the band right of the label is read. Cuts of two
// licences' red channels: held-out app-53-00029's, photographed tilted
// (the business scope's line ran on over the address, and a band one
// line high at the label cut off its end, which climbs to the right:
// read 湖南省长沙市望城区两尿两人室); and held-out app-73-00014's, whose
// address wraps after 1号楼16 (a band as wide as the label's height
// times the address's widths ended inside the 16, and the address read
// …1号楼层 at 0.92, a mismatch: the band must reach the end of a line
// that prints wider than its characters' height times their count).
func TestConfirmAddressRightOfLabel(t *testing.T) {
	if testing.Short() {
		t.Skip("runs Tesseract")
	}
	p := realPipeline(t)
	tests := []struct {
		file, label, want string
		box               ocr.Box
	}{
		{"licence-address-tilted.png", "住所", "湖南省长沙市望城区南京路268号4楼120室", ocr.Box{X: 32, Y: 94, W: 90, H: 23}},
		{"licence-address-edge.png", "所", "湖北省武汉市江夏区彩田路211号1号楼16层", ocr.Box{X: 100, Y: 41, W: 21, H: 20}},
	}
	for _, tt := range tests {
		img := grayFile(t, "../testdata/cards/"+tt.file)
		b := img.Bounds()
		r := DocResult{Kind: extract.KindLicense, Fields: extract.Fields{}, Page: ocr.Page{Width: b.Dx(), Height: b.Dy(), Lines: []ocr.Line{
			{Words: []ocr.Word{{Text: tt.label, Box: tt.box, Conf: 90}}, Box: tt.box},
		}}}
		p.confirmAddress(context.Background(), &r, img, Form{EnterpriseAddress: tt.want})
		if got := r.Fields[extract.FAddress].Value; got != tt.want {
			t.Errorf("%s: address = %q, want %q", tt.file, got, tt.want)
		}
	}
}

// TestTakeNearest: where no reading of a licence address holds the
// form's, each of the readings nearest it is weighed by the glyph check,
// not only the first. Generated app-13-00003's licence (red channel, in
// testdata/cards/licence-address-nearest.png): the pipeline's band,
// read right of the 所 label, gave 5幢28183室 first, then 5由2818室 and
// 5贬2818室, each a character from the form's 5幢2818室; the first
// reading's 3 is no character of the form's, and it hid the second,
// whose 由 is 幢 by its ink. Here the band's own readings follow that
// first one. No reading the glyph check confirms leaves the first.
func TestTakeNearest(t *testing.T) {
	if testing.Short() {
		t.Skip("runs Tesseract")
	}
	p := readingPipeline(t)
	img := grayFile(t, "../testdata/cards/licence-address-nearest.png")
	const want = "四川省成都市金牛区金融街898号5幢2818室"
	first := extract.Field{Value: "四川省成都市金牛区金融街898号5幢28183室", Box: ocr.Box{X: 110, Y: 58, W: 325, H: 18}}
	near := nearest{e: []rune(want), dist: 2}
	if _, whole, ok := p.readAddressSpot(context.Background(), img, addressSpot{ocr.Box{X: 89, Y: 48, W: 346, H: 60}, 17}, &near); !ok || whole {
		t.Fatalf("read %v, whole %v", ok, whole)
	}
	for _, tt := range []struct {
		name  string
		reads []extract.Field
		want  string
	}{
		{"a later reading confirmed", append([]extract.Field{first}, near.reads...), want},
		{"none confirmed: the first", []extract.Field{first}, first.Value},
	} {
		r := DocResult{Kind: extract.KindLicense, Fields: extract.Fields{}}
		p.takeNearest(&r, img, Form{EnterpriseAddress: want}, tt.reads)
		if got := r.Fields[extract.FAddress].Value; got != tt.want {
			t.Errorf("%s: address = %q, want %q", tt.name, got, tt.want)
		}
	}
}

func TestNearest(t *testing.T) {
	n := nearest{e: []rune("北京市海淀区中山路1号"), dist: 5}
	for _, v := range []string{"北京市海淀区中山路2号", "北京市海淀区中山路1", "北京市海淀区中山路3号", "北京市海淀区中山路2号", "北京布海淀区中山路9号"} {
		n.add(extract.Field{Value: v})
	}
	var got []string
	for _, f := range n.reads {
		got = append(got, f.Value)
	}
	if want := []string{"北京市海淀区中山路2号", "北京市海淀区中山路1", "北京市海淀区中山路3号"}; n.dist != 1 || !slices.Equal(got, want) {
		t.Errorf("nearest at %d: %q, want %q at 1", n.dist, got, want)
	}
}
