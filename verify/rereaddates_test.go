package verify

import (
	"context"
	"image"
	"image/color"
	"image/draw"
	"math"
	"testing"

	"golang.org/x/image/font"
	"golang.org/x/image/math/fixed"

	"github.com/qualcheck/qualcheck/extract"
	"github.com/qualcheck/qualcheck/ocr"
)

// TestRereadLetterDate draws a letter's date line and reads it again with
// real Tesseract: the form's date is taken only when the line shows it.
func TestRereadLetterDate(t *testing.T) {
	if testing.Short() {
		t.Skip("runs Tesseract")
	}
	p := realPipeline(t)
	tests := []struct {
		name, ink, page string
		conf            float64
		entered, want   string
	}{
		{"day unread, the line shows the form's", "2026年05月08日", "2026年05月同可", 0, "2026-05-08", "2026-05-08"},
		{"a 1 lost, the line shows the form's", "2025年11月12日", "2025-01-02", 0.52, "2025-11-12", "2025-11-12"},
		{"the line shows another day", "2026年05月18日", "2026年05月同可", 0, "2026-05-08", "2026年05月同可"},
		{"the line shows another day, one digit from the page's reading", "2025年07月02日", "2025-07-00", 0.14, "2025-07-09", "2025-07-02"},
		{"another date read surely stays", "2026年05月18日", "2026-05-18", 0.9, "2026-05-08", "2026-05-18"},
		{"a year read surely sixty years off is read again", "2026年05月08日", "2086-05-08", 0.9, "2026-05-08", "2026-05-08"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			img := cardText(t, tt.ink)
			ink := inkOf(img)
			r := letterDateDoc(ink, tt.ink, tt.page, tt.conf)
			p.rereadDates(context.Background(), &r, img, img, Form{ApplicationLetterDate: tt.entered})
			got := r.Fields[extract.BlankDate]
			if got.Value != tt.want {
				t.Fatalf("date = %q, want %q", got.Value, tt.want)
			}
			if got.Value == tt.entered && got.Read != tt.page && tt.page != tt.entered {
				t.Errorf("the page's reading %q was not kept: %+v", tt.page, got)
			}
		})
	}
}

// TestRereadLetterDateByChance: a page reading that names the form's
// date unsurely only because a digit was lost (2026证08六9日0 parsed
// 2026-08-09 for a written 08-19, the form's date moved ten days back,
// generated app-7-00010) is read again and does not stand; an unsure
// reading whose written digits are the form's stands.
func TestRereadLetterDateByChance(t *testing.T) {
	if testing.Short() {
		t.Skip("runs Tesseract")
	}
	p := realPipeline(t)
	tests := []struct {
		name, ink, written, want string
	}{
		{"a lost digit", "2026年08月19日", "2026证08六9日0", "2026证08六9日0"},
		{"the form's digits", "2026年08月09日", "2026年08月09日", "2026-08-09"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			img := cardText(t, tt.ink)
			r := letterDateDoc(inkOf(img), tt.written, "2026-08-09", 0.2)
			p.rereadDates(context.Background(), &r, img, img, Form{ApplicationLetterDate: "2026-08-09"})
			if got := r.Fields[extract.BlankDate]; got.Value != tt.want {
				t.Errorf("date = %+v, want %s", got, tt.want)
			}
		})
	}
}

// TestRereadLetterDateSeen: a date written in blue over the company
// seal, which the red channel keeps nearly as dark as the fill where it
// is dense, is read again from the letter's seal-free image (from the
// red channel this line does not confirm); second readings that name
// another date with a one-digit day (a written 17日 read 1日) do not make
// it a date read surely, as the letters write two-digit days (generated
// app-1-00037).
func TestRereadLetterDateSeen(t *testing.T) {
	if testing.Short() {
		t.Skip("runs Tesseract")
	}
	p := realPipeline(t)
	underSeal := func(t *testing.T, s string) *image.Gray { return ocr.SealFree(sealedFill(t, s)) }
	tests := []struct {
		name          string
		draw          func(*testing.T, string) *image.Gray
		ink, page     string
		conf          float64
		entered, want string
		wantConf      float64 // < 0: any
	}{
		{"under the seal", underSeal, "2026年05月28日", "加和年05月28晶", 0, "2026-05-28", "2026-05-28", -1},
		{"a one-digit day stays unsure", cardText, "2026年07月1日", "2026-07-01", 0.3, "2026-07-17", "2026-07-01", 0.3},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			img := tt.draw(t, tt.ink)
			r := letterDateDoc(inkOf(img), tt.ink, tt.page, tt.conf)
			p.rereadDates(context.Background(), &r, img, img, Form{ApplicationLetterDate: tt.entered})
			if got := r.Fields[extract.BlankDate]; got.Value != tt.want || (tt.wantConf >= 0 && got.Conf != tt.wantConf) {
				t.Errorf("date = %+v, want %s at %v", got, tt.want, tt.wantConf)
			}
		})
	}
}

// sealedFill draws s as a letter's fill, 28 px AR PL UKai in pale blue on
// paper, with a seal's ring and star multiplied over its year and month,
// as a stamp is pressed over the signature block.
func sealedFill(t *testing.T, s string) *image.RGBA {
	t.Helper()
	face := testFace(t, "/usr/share/fonts/truetype/arphic/ukai.ttc", 28)
	img := image.NewRGBA(image.Rect(0, 0, 320, 120))
	draw.Draw(img, img.Bounds(), image.NewUniform(color.RGBA{244, 242, 240, 255}), image.Point{}, draw.Src)
	d := font.Drawer{Dst: img, Src: image.NewUniform(color.RGBA{110, 110, 150, 255}), Face: face, Dot: fixed.P(20, 70)}
	d.DrawString(s)
	seal := color.RGBA{170, 70, 80, 255}
	cx, cy := 120.0, 60.0
	for y := range 120 {
		for x := range 320 {
			dist := math.Hypot(float64(x)-cx, float64(y)-cy)
			if (dist > 46 && dist < 53) || (dist < 14 && math.Abs(float64(x)-cx) < 14-math.Abs(float64(y)-cy)) {
				c := img.RGBAAt(x, y)
				img.SetRGBA(x, y, color.RGBA{uint8(int(c.R) * int(seal.R) / 255), uint8(int(c.G) * int(seal.G) / 255), uint8(int(c.B) * int(seal.B) / 255), 255})
			}
		}
	}
	return img
}

// letterDateDoc is an application letter whose date line, written and
// inked in box, the page read as page at confidence conf.
func letterDateDoc(box ocr.Box, written, page string, conf float64) DocResult {
	return DocResult{Ref: DocumentRef{Role: RoleApplicationLetter}, Kind: extract.KindApplicationLetter, Fields: extract.Fields{
		extract.BlankDate:     {Value: page, Conf: conf, Box: box},
		extract.BlankDateText: {Value: written, Box: box, Boxes: runeBoxes(box, len([]rune(written)))},
	}}
}

// runeBoxes splits a line's box evenly among n runes.
func runeBoxes(b ocr.Box, n int) []ocr.Box {
	out := make([]ocr.Box, n)
	for i := range out {
		out[i] = ocr.Box{X: b.X + i*b.W/n, Y: b.Y, W: b.W / n, H: b.H}
	}
	return out
}

// TestRereadIDValidity: an ID card's validity start read with its last
// digit lost (generated app-1-00053: 2024.10.2 for 2024.10.21).
func TestRereadIDValidity(t *testing.T) {
	if testing.Short() {
		t.Skip("runs Tesseract")
	}
	p := realPipeline(t)
	tests := []struct{ ink, want string }{
		{"2024.10.21", "2024-10-21"},
		{"2024.10.27", "2024-10-02"}, // another day: the page's reading stays
	}
	for _, tt := range tests {
		img := cardText(t, tt.ink)
		ink := inkOf(img)
		r := DocResult{Ref: DocumentRef{Role: RoleLegalRepIDBack}, Kind: extract.KindIDBack, Fields: extract.Fields{
			extract.FValidFrom: {Value: "2024-10-02", Conf: 0.44, Box: ink, Boxes: runeBoxes(ink, 9)},
		}}
		p.rereadDates(context.Background(), &r, img, img, Form{LegalRepIDValidFrom: "2024-10-21"})
		if got := r.Fields[extract.FValidFrom].Value; got != tt.want {
			t.Errorf("ink %s: valid from %q, want %q", tt.ink, got, tt.want)
		}
	}
}

// TestRereadIDValidityWithoutBoxes: a validity read again from a crop of
// its line, with no boxes of its characters and a box over twice the
// digits' height (a real crop of generated app-7-00010's card,
// 2019.05.04-2039.05.04 read 2018.05.04-2038.05.04 at 0.00): read again
// from its text row, each date from its own part of the line.
func TestRereadIDValidityWithoutBoxes(t *testing.T) {
	if testing.Short() {
		t.Skip("runs Tesseract")
	}
	p := realPipeline(t)
	img := grayFile(t, "../testdata/cards/validity-no-boxes.png")
	tests := []struct{ from, to, wantFrom, wantTo string }{
		{"2019-05-04", "2039-05-04", "2019-05-04", "2039-05-04"},
		{"2019-05-14", "2039-05-14", "2018-05-04", "2038-05-04"}, // another day: the page's readings stay
	}
	for _, tt := range tests {
		box := ocr.Box{X: 181, Y: 106, W: 304, H: 53}
		r := DocResult{Ref: DocumentRef{Role: RoleAdminIDBack}, Kind: extract.KindIDBack, Fields: extract.Fields{
			extract.FValidFrom: {Value: "2018-05-04", Box: box},
			extract.FValidTo:   {Value: "2038-05-04", Box: box},
		}}
		p.rereadDates(context.Background(), &r, img, img, Form{AdminIDValidFrom: tt.from, AdminIDValidTo: tt.to})
		if f, to := r.Fields[extract.FValidFrom].Value, r.Fields[extract.FValidTo].Value; f != tt.wantFrom || to != tt.wantTo {
			t.Errorf("form %s–%s: read %s–%s, want %s–%s", tt.from, tt.to, f, to, tt.wantFrom, tt.wantTo)
		}
	}
}

// TestRereadIDValidityEndLost: a validity whose page read lost one end
// (a real crop of generated app-31-00013's card: 2021.03.24-2031.03.24,
// crossed by the seal's ring, read 2031-03-24 alone and taken for the
// start) is read again for the end found, and the lost end is taken
// when the readings show the form's; not when they show another.
func TestRereadIDValidityEndLost(t *testing.T) {
	if testing.Short() {
		t.Skip("runs Tesseract")
	}
	p := realPipeline(t)
	img := grayFile(t, "../testdata/cards/validity-end-lost.png")
	tests := []struct{ from, to, wantFrom, wantTo string }{
		{"2021-03-24", "2031-03-24", "2021-03-24", "2031-03-24"},
		{"2021-03-24", "2041-03-24", "2021-03-24", ""}, // another end: still lost
	}
	for _, tt := range tests {
		r := DocResult{Ref: DocumentRef{Role: RoleAdminIDBack}, Kind: extract.KindIDBack, Fields: extract.Fields{
			extract.FValidFrom: {Value: "2031-03-24", Conf: 0.9, Box: ocr.Box{X: 215, Y: 47, W: 325, H: 49}},
		}}
		p.rereadDates(context.Background(), &r, img, img, Form{AdminIDValidFrom: tt.from, AdminIDValidTo: tt.to})
		to, found := r.Fields[extract.FValidTo]
		if f := r.Fields[extract.FValidFrom].Value; f != tt.wantFrom || to.Value != tt.wantTo || found != (tt.wantTo != "") {
			t.Errorf("form %s–%s: read %s–%s, want %s–%s", tt.from, tt.to, f, to.Value, tt.wantFrom, tt.wantTo)
		}
	}
}

func TestValidityPart(t *testing.T) {
	reads := []extract.Field{{Value: "2019.05.04-2039.05.04"}, {Value: "2024.12.31-长期"}, {Value: "4.12.31-"}}
	from, to := validityPart(reads, extract.FValidFrom), validityPart(reads, extract.FValidTo)
	if len(from) != 2 || from[0].Value != "2019-05-04" || from[1].Value != "2024-12-31" {
		t.Errorf("from: %+v", from)
	}
	if len(to) < 1 || to[0].Value != "2039-05-04" {
		t.Errorf("to: %+v", to)
	}
}

// TestBelowAuthority: generated app-1-00030's ID back, whose validity
// and its label the page read lost, is read under the authority's line,
// measured by its boxes where no ink is there to measure.
func TestBelowAuthority(t *testing.T) {
	word := func(s string, x int) ocr.Word {
		return ocr.Word{Text: s, Conf: 0.9, Box: ocr.Box{X: x, Y: 1001, W: 46 * len([]rune(s)), H: 46}}
	}
	line := ocr.Line{Words: []ocr.Word{word("签发机关", 715), word("独山县公安局", 915)}, Box: ocr.Box{X: 715, Y: 1001, W: 476, H: 46}}
	white := whiteGray(1400, 1300)
	f, ok := belowAuthority(ocr.Page{Lines: []ocr.Line{line}}, white)
	if !ok || f.Box.X != 915 || f.Box.Y != 1001+23+101-23 || f.Box.H != 46 {
		t.Errorf("band %+v, %v", f.Box, ok)
	}
	if _, ok := belowAuthority(ocr.Page{}, white); ok {
		t.Error("a band without the authority")
	}
}

// TestBelowAuthorityTallBoxes: held-out app-47-00012's administrator's
// back (testdata/cards/back-authority-tall-boxes.png) lost its validity
// and label to the page read, and its authority 西昌市公安局 was boxed 91
// pixels high for 45-pixel characters. Measured by its ink's row, the
// validity's band is centred on 2017.06.04-长期 (about y 194 in the cut);
// by the boxes (on a blank image) it fell a line below.
func TestBelowAuthorityTallBoxes(t *testing.T) {
	red := grayFile(t, "../testdata/cards/back-authority-tall-boxes.png")
	box := ocr.Box{X: 140, Y: 43, W: 311, H: 91}
	label := ocr.Box{X: 0, Y: 60, W: 130, H: 45}
	page := ocr.Page{Lines: []ocr.Line{{Words: []ocr.Word{{Text: "签发机关", Conf: 0.9, Box: label}, {Text: "西昌市公安局", Conf: 0.9, Box: box}},
		Box: label.Union(box)}}}
	f, ok := belowAuthority(page, red)
	if cy := f.Box.Y + f.Box.H/2; !ok || cy < 180 || cy > 208 || f.Box.H > 60 {
		t.Errorf("band %+v (centre %d), %v; want it about y 194", f.Box, cy, ok)
	}
	if f, _ := belowAuthority(page, whiteGray(800, 300)); f.Box.Y+f.Box.H/2 < 250 {
		t.Errorf("by the boxes alone: band %+v, want it a line lower", f.Box)
	}
}

// whiteGray is a blank white image w × h.
func whiteGray(w, h int) *image.Gray {
	g := image.NewGray(image.Rect(0, 0, w, h))
	draw.Draw(g, g.Bounds(), image.White, image.Point{}, draw.Src)
	return g
}

// TestRereadBlanks: a letter's actual-user blank the page misread is
// read again alone; the form's name is taken only when the reading holds
// it whole.
func TestRereadBlanks(t *testing.T) {
	if testing.Short() {
		t.Skip("runs Tesseract")
	}
	p := realPipeline(t)
	const form = "航宇网络科技（深圳）有限公司"
	tests := []struct{ name, ink, want string }{
		{"the form's name, misread on the page", form, form},
		{"a person's name stays as read", "曾平", "肯字网络移越(深圳)胡良公司"},
		{"another company's name stays as read", "航宇网络信息（深圳）有限公司", "肯字网络移越(深圳)胡良公司"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			img := cardText(t, tt.ink)
			r := DocResult{Ref: DocumentRef{Role: RoleCommitmentLetter}, Kind: extract.KindCommitmentLetter, Fields: extract.Fields{
				blankEnterprise: {Value: "肯字网络移越(深圳)胡良公司", Conf: 0.2, Box: inkOf(img)},
			}}
			p.rereadBlanks(context.Background(), &r, img, Form{EnterpriseName: form})
			got := r.Fields[blankEnterprise]
			if got.Value != tt.want {
				t.Fatalf("actual user = %q, want %q", got.Value, tt.want)
			}
			if got.Value == form && got.Read != "肯字网络移越(深圳)胡良公司" {
				t.Errorf("the page's reading was not kept: %+v", got)
			}
		})
	}
}

// TestRereadLetterID: held-out app-19-00023's application letter, its
// administrator ID number blurred small (testdata/letters/
// admin-id-box-short.png, cut from the seal-free image), read
// 52719781222073 by the page in a box short of its first digits. Read
// again as digits, widened, it shows the form's number; another number
// is not taken from it, and a reading that is the form's is left alone.
func TestRereadLetterID(t *testing.T) {
	if testing.Short() {
		t.Skip("runs Tesseract")
	}
	p := realPipeline(t)
	img := grayFile(t, "../testdata/letters/admin-id-box-short.png")
	box := ocr.Box{X: 88, Y: 36, W: 114, H: 13}
	tests := []struct{ name, read, form, want string }{
		{"the form's number, read short", "52719781222073", "532527197812220733", "532527197812220733"},
		{"another number", "52719781222073", "532527197812220741", "52719781222073"},
		{"read as the form's", "532527197812220733", "532527197812220733", "532527197812220733"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := DocResult{Ref: DocumentRef{Role: RoleApplicationLetter}, Kind: extract.KindApplicationLetter, Fields: extract.Fields{
				blankAdminID: {Value: tt.read, Conf: 0.68, Box: box},
			}}
			p.rereadLetterID(context.Background(), &r, img, Form{AdminIDNumber: tt.form})
			if got := r.Fields[blankAdminID]; got.Value != tt.want {
				t.Errorf("admin ID %q, want %q", got.Value, tt.want)
			}
		})
	}
}

// TestDayOther: held-out app-37-00009's application letter, written
// 2025年07月09日 for the form's 07-03, read 2025-07-09 unsurely by the
// page; its second readings named 07-09 with the year misread.
func TestDayOther(t *testing.T) {
	a37 := readingsOf("9", "8", "2023年07月09日", "2023年07月09日", "", "4", "2035年07月09日", "20年07月09日")
	tests := []struct {
		name          string
		readings      []extract.Field
		entered, page string
		want          bool
	}{
		{"month and day named, years misread", a37, "2025-07-03", "2025-07-09", true},
		{"the page's year is not the form's", a37, "2025-07-03", "2023-07-09", false},
		{"the page read another day", a37, "2025-07-03", "2025-07-08", false},
		{"a reading names the form's date", readingsOf("2023年07月09日", "2023年07月09日", "2035年07月09日", "2025年07月03日"), "2025-07-03", "2025-07-09", false},
		{"a reading names another day", readingsOf("2023年07月09日", "2023年07月09日", "2035年07月09日", "2025年07月08日"), "2025-07-03", "2025-07-09", false},
		{"two readings only", readingsOf("2023年07月09日", "2035年07月09日"), "2025-07-03", "2025-07-09", false},
		{"the page read the form's date", a37, "2025-07-09", "2025-07-09", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tally(tt.readings, tt.entered).dayOther(tt.page, tt.entered); got != tt.want {
				t.Errorf("dayOther = %v, want %v", got, tt.want)
			}
		})
	}
}

func TestMostlyOther(t *testing.T) {
	// The second readings of held-out app-23-00005's application letter,
	// written 2025年05月19日, the form's 05-10.
	a23 := readingsOf("", "", "2025年05月13日", "2025年05月19日", "2025年05月", "2025年05月", "2025年05月19日", "2025年05月19")
	tests := []struct {
		name          string
		readings      []extract.Field
		entered, page string
		want          string
	}{
		{"most readings name another date, the page lost its digit", a23, "2025-05-10", "2025-05-01", "2025-05-19"},
		{"the page read one digit off it", a23, "2025-05-10", "2025-05-18", "2025-05-19"},
		{"the page read another date", a23, "2025-05-10", "2025-06-02", ""},
		{"too few with all eight digits", readingsOf("2025年5月19日", "2025年5月19日", "2025年05月19日"), "2025-05-10", "2025-05-01", ""},
		{"not three to one", readingsOf("2025年05月19日", "2025年05月19日", "2025年05月19日", "2025年05月13日", "2025年05月18日"), "2025-05-10", "2025-05-01", ""},
		{"lost digits of the form's are no other date", readingsOf("2025年05月1日", "2025年05月1日", "2025年5月1日"), "2025-05-10", "2025-05-01", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tally(tt.readings, tt.entered).mostlyOther(tt.page); got != tt.want {
				t.Errorf("mostlyOther = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestSpells(t *testing.T) {
	tests := []struct {
		written, entered string
		want             bool
	}{
		{"2026年07月01日", "2026-07-01", true},
		{"2026年7月1日", "2026-07-01", true},
		{"2025年0i月12日", "2025-01-12", true},
		{"2o26年07月01日", "2026-07-01", true},
		{"2026证08六9日0", "2026-08-09", false},
		{"2026年05月24B2", "2026-05-24", false},
		{"2026年07月01日", "2026-07-10", false},
	}
	for _, tt := range tests {
		if got := spells(tt.written, tt.entered); got != tt.want {
			t.Errorf("spells(%s, %s) = %v, want %v", tt.written, tt.entered, got, tt.want)
		}
	}
}

// TestRowOnly: a date's band that takes in the foot of the line above
// is cut to the date's own row; a band lower than the date's characters
// (sized by a blurred page read's boxes) is cut about their full height.
func TestRowOnly(t *testing.T) {
	img := cardLines(t, "申请单位：越创教育咨询有限公司", "日期：2026年07月17日")
	date := inkOf(ocr.CropGray(img, image.Rect(0, 70, img.Bounds().Dx(), img.Bounds().Dy())))
	date.Y += 70
	low := date.H * 4 / 7 // generated app-29-00029: boxes 8 pixels high about 14-pixel characters
	tests := []struct {
		name       string
		band       ocr.Box
		firstWhole bool
	}{
		{"the foot of the line above in the band", ocr.Box{X: date.X, Y: date.Y - 30, W: date.W, H: date.H + 40}, false},
		{"a band lower than the characters", ocr.Box{X: date.X, Y: date.Y + 4, W: date.W, H: date.H - 8}, false},
		{"a band from boxes far lower, from inside the first character", ocr.Box{X: date.X + 2, Y: date.Y + date.H/2 - low, W: date.W, H: 2 * low}, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			crop, h, ok := rowOnly(img, tt.band)
			if !ok {
				t.Fatal("no row")
			}
			ink := inkOf(crop)
			if ink.H < date.H-2 || ink.H > date.H+2 || h < 2*ink.H-4 {
				t.Errorf("ink %v in a cut %d high, want the date's %d rows alone, cut twice as high", ink, h, date.H)
			}
			if tt.firstWhole && ink.X == 0 {
				t.Errorf("ink %v starts at the cut's edge, want the first character whole", ink)
			}
		})
	}
}

// TestRereadLetterDateUnderALine: a date whose band takes in the foot of
// the line above (the page read boxed it taller) is read from its own
// row; from the band, this one is not confirmed (generated app-11-00003
// read 2026年07月17日 as 560 from the band).
func TestRereadLetterDateUnderALine(t *testing.T) {
	if testing.Short() {
		t.Skip("runs Tesseract")
	}
	p := realPipeline(t)
	img := cardLines(t, "申请单位：越创教育咨询有限公司", "日期：2026年07月17日")
	date := inkOf(ocr.CropGray(img, image.Rect(0, 70, img.Bounds().Dx(), img.Bounds().Dy())))
	date.Y += 70
	date.X += 3 * 40 // the page read the date alone, past its label
	date.W -= 3 * 40
	date.Y -= 28 // and boxed it taller, into the line above
	date.H += 28
	r := letterDateDoc(date, "2026车07.有NI日表", "2026车07.有NI日表", 0)
	p.rereadDates(context.Background(), &r, img, img, Form{ApplicationLetterDate: "2026-07-17"})
	if got := r.Fields[extract.BlankDate]; got.Value != "2026-07-17" {
		t.Errorf("date = %+v, want the form's", got)
	}
}

// TestRereadLetterDateFromRed: a date the seal-free image lost where the
// seal's ring crossed it (here, all of it) is read from the red channel.
func TestRereadLetterDateFromRed(t *testing.T) {
	if testing.Short() {
		t.Skip("runs Tesseract")
	}
	p := realPipeline(t)
	red := cardText(t, "2026年05月28日")
	lost := image.NewGray(red.Bounds())
	draw.Draw(lost, lost.Bounds(), image.NewUniform(color.Gray{Y: 205}), image.Point{}, draw.Src)
	for _, tt := range []struct {
		name       string
		fills, red *image.Gray
		entered    string
		want       string
	}{
		{"the red channel shows it", lost, red, "2026-05-28", "2026-05-28"},
		{"neither shows it", lost, lost, "2026-05-28", "加和年05月28晶"},
		{"the red channel shows another", lost, red, "2026-05-29", "加和年05月28晶"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			r := letterDateDoc(inkOf(red), "加和年05月28晶", "加和年05月28晶", 0)
			p.rereadDates(context.Background(), &r, tt.fills, tt.red, Form{ApplicationLetterDate: tt.entered})
			if got := r.Fields[extract.BlankDate]; got.Value != tt.want {
				t.Errorf("date = %+v, want %s", got, tt.want)
			}
		})
	}
}

func TestDateVotes(t *testing.T) {
	tests := []struct {
		name          string
		readings      []extract.Field
		letter, wants bool
	}{
		{"one reading through to its 日", readingsOf("2026年09月14日", ""), true, true},
		{"one reading cut before its 日", readingsOf("2026年09月14", "2026年09月143"), true, false},
		{"two readings cut before their 日", readingsOf("2026年09月14", "2026年09月14", "2026年09月"), true, true},
		{"seven against one", readingsOf("2026年09月14日", "2026年09月14日", "2026年09月14日", "2026年09月13日", "2026年09月14日", "2026年09月14日", "2026年09月14日", "2026年09月14日"), true, true},
		{"two against one", readingsOf("2026年09月14日", "2026年09月14日", "2026年09月13日"), true, false},
		// Generated app-11-00028: 2025年03月15日, its 5 under the ring.
		{"five against three read astray", readingsOf("2026年09月14月", "2026年09月14日", "2026年09月14", "2026年09月14", "2026年09月13", "2026年09月18", "2026年09月14日", "2026年09月18日"), true, true},
		{"four against four", readingsOf("2026年09月14日", "2026年09月14日", "2026年09月14", "2026年09月14", "2026年09月13", "2026年09月18", "2026年09月17日", "2026年09月18日"), true, false},
		{"four against three of one other", readingsOf("2026年09月14日", "2026年09月14日", "2026年09月14", "2026年09月14", "2026年09月18", "2026年09月18", "2026年09月18日"), true, false},
		{"three against three", readingsOf("2026年09月14日", "2026年09月14", "2026年09月14", "2026年09月18", "2026年09月13", "2026年09月11"), true, false},
		{"a lost digit names no other date", readingsOf("2026年09月14日", "2026年09月4日"), true, true},
		// Generated app-11-00013: 2025年08月26日, its 2 under the ring.
		{"digits lost in two parts name no other date", readingsOf("2026年09月14", "2026年09月14", "2026年9月4"), true, true},
		{"a changed digit names another", readingsOf("2026年09月14", "2026年09月14", "2026年9月5"), true, false},
		{"the label's colon read as 1 before the year (generated app-1-00041)", readingsOf("12026年09月14日", "2026年99月14日"), true, true},
		// Held-out app-41-00015: 2024年12月01日 read 1024年12月01日 once.
		{"a year misread far from the form's votes for no other date", readingsOf("2026年09月14日", "1026年09月14日"), true, true},
		{"a year near the form's names another date", readingsOf("2026年09月14日", "2025年09月14日"), true, false},
		{"a digit lost from the year is not made up", readingsOf("1026年09月14日", "026年09月14日"), true, false},
		// Generated app-29-00003: 2025年12月01日 read 202512月07 three times.
		{"dates read with a part's character lost do not outvote", readingsOf("2026年09月14日", "202609月13", "202609月13日", "202609月13日"), true, true},
		// Generated app-37-00022: 2026年08月26日, read from a band widened into its label's colon.
		{"the label's colon read as 1 before a year with its 年 lost", readingsOf("1202609月14", "1202609月14", "202609月14"), true, true},
		{"the seal's ring read as a digit after the 日", readingsOf("2026年09月14日1"), true, true},
		{"the colon read as 1 before a digit lost", readingsOf("120269月14日", "1202609月4日"), true, false},
		{"an ID card: one agrees, none other", readingsOf("2026.09.14", ""), false, true},
		{"an ID card: one other", readingsOf("2026.09.14", "2026.09.13"), false, false},
	}
	for _, tt := range tests {
		if got := tally(tt.readings, "2026-09-14").confirms(tt.letter); got != tt.wants {
			t.Errorf("%s: confirms = %v, want %v", tt.name, got, tt.wants)
		}
	}
}

// TestRereadLetterDateOutvoted: a page's unsure reading that spells the
// form's date by a misread digit (11月03旦 for a written 11月02日) is not
// taken when the line read again names the written date.
func TestRereadLetterDateOutvoted(t *testing.T) {
	if testing.Short() {
		t.Skip("runs Tesseract")
	}
	p := realPipeline(t)
	img := cardText(t, "2026年11月02日")
	for _, tt := range []struct{ page, entered, want string }{
		{"2026年11月03旦", "2026-11-03", "2026年11月03旦"}, // a misread digit spelled the form's
		{"2026年11月02旦", "2026-11-02", "2026-11-02"},  // the line shows the form's
	} {
		r := letterDateDoc(inkOf(img), tt.page, tt.entered, 0.2)
		p.rereadDates(context.Background(), &r, img, img, Form{ApplicationLetterDate: tt.entered})
		if got := r.Fields[extract.BlankDate]; got.Value != tt.want {
			t.Errorf("form %s: date = %+v, want %s", tt.entered, got, tt.want)
		}
	}
}

// TestRereadLetterDateDoubted: a date the page read surely as another
// than the form's (11月06日 at 0.91 for a written 11月05日, held-out
// app-59-00025) is made unsure when the line read again shows the form's,
// and stays sure when it shows the date the page read.
func TestRereadLetterDateDoubted(t *testing.T) {
	if testing.Short() {
		t.Skip("runs Tesseract")
	}
	p := realPipeline(t)
	for _, tt := range []struct {
		written string
		sure    bool
	}{
		{"2026年11月05日", false}, // the form's date written, misread by the page
		{"2026年11月06日", true},  // another date written, as the page read it
	} {
		img := cardText(t, tt.written)
		r := letterDateDoc(inkOf(img), "2026年11月06日", "2026-11-06", 0.91)
		p.rereadDates(context.Background(), &r, img, img, Form{ApplicationLetterDate: "2026-11-05"})
		got := r.Fields[extract.BlankDate]
		if got.Value != "2026-11-06" || (got.Conf >= mismatchConf) != tt.sure {
			t.Errorf("written %s: date = %+v, want 2026-11-06, sure %v", tt.written, got, tt.sure)
		}
	}
}

// TestRereadLetterDateDoubtedOnPhoto: held-out app-59-00025's
// commitment letter, photographed, its written 11月05日 under the seal's
// ring read 11月06日 at 0.91 by the page. Read again, the line shows the
// form's date four times and 11月06日 twice: as often as confirming the
// form's date asks, though not every time. The date is made unsure.
func TestRereadLetterDateDoubtedOnPhoto(t *testing.T) {
	if testing.Short() {
		t.Skip("runs Tesseract")
	}
	p := realPipeline(t)
	ref := DocumentRef{Role: RoleCommitmentLetter, File: "cards/letter-date-seal-digit.jpg"}
	r := p.readRef(context.Background(), ref, dirFiles("../testdata"), Form{CommitmentLetterDate: "2026-11-05"})[0]
	if got := r.Fields[extract.BlankDate]; got.Value != "2026-11-06" || got.Conf >= mismatchConf {
		t.Errorf("date = %+v, want 2026-11-06 unsure", got)
	}
}

func TestWritesExactly(t *testing.T) {
	tests := []struct {
		text, entered string
		want          bool
	}{
		{"2025年04月05日", "2025-04-05", true},
		{"2025年4月5日", "2025-04-05", true},
		{"2026年11月03旦", "2026-11-03", false},
		{"2025年04月05日", "2025-04-06", false},
	}
	for _, tt := range tests {
		if got := writesExactly(tt.text, tt.entered); got != tt.want {
			t.Errorf("writesExactly(%q, %s) = %v, want %v", tt.text, tt.entered, got, tt.want)
		}
	}
}

// TestRereadBlankItalic: an administrator's name written italic, which
// chi_sim reads as other characters as it stands (任博 as 在灶, generated
// app-11-00010), is read again stood upright.
func TestRereadBlankItalic(t *testing.T) {
	if testing.Short() {
		t.Skip("runs Tesseract")
	}
	p := realPipeline(t)
	img, box := fillLine(t, "管理员姓名：", "任博", 32)
	img = leaned(img, 0.3)
	r := DocResult{Ref: DocumentRef{Role: RoleApplicationLetter}, Kind: extract.KindApplicationLetter, Fields: extract.Fields{
		blankAdminName: {Value: "在灶", Conf: 0.1, Box: box},
	}}
	p.rereadBlanks(context.Background(), &r, img, Form{AdminName: "任博"})
	if got := r.Fields[blankAdminName]; got.Value != "任博" {
		t.Errorf("admin name = %+v, want the form's", got)
	}
}

// leaned shears g to lean right by k: each row shifted by k times its
// height above the middle, paper shifted in.
func leaned(g *image.Gray, k float64) *image.Gray {
	b := g.Bounds()
	out := image.NewGray(b)
	draw.Draw(out, b, image.NewUniform(color.Gray{Y: 215}), image.Point{}, draw.Src)
	mid := float64(b.Dy()) / 2
	for y := range b.Dy() {
		dx := int(math.Round(k * (mid - float64(y))))
		for x := range b.Dx() {
			if sx := x - dx; sx >= 0 && sx < b.Dx() {
				out.Pix[y*out.Stride+x] = g.Pix[y*g.Stride+sx]
			}
		}
	}
	return out
}

// TestInkFrom: the band of an ID card's validity read from boxes that
// begin at its fourth digit (app-11-00027's 2024.12.31-长期, boxed from
// 4, red channel) is widened to the date's first digit, half a line
// before it, and not into the 有效期限 label; a band at the date's start
// stays there.
func TestInkFrom(t *testing.T) {
	img := grayFile(t, "../testdata/cards/validity-boxed-late.png")
	for _, band := range []ocr.Box{{X: 228, Y: 21, W: 249, H: 100}, {X: 115, Y: 21, W: 362, H: 100}} {
		got := inkFrom(img, band, 3*band.H)
		if got.X < 105 || got.X > 125 || got.X+got.W != band.X+band.W || got.Y != band.Y || got.H != band.H {
			t.Errorf("inkFrom(%+v) = %+v, want it from x 105..125 to the band's end", band, got)
		}
	}
}

// TestWithParts: a date read with its 年 or 月 lost, its digits run
// together, is written whole again; the label's colon read as 1 before
// it and the seal's ring read after its 日 are dropped; a date read with
// a digit lost or one more after its day is left as read.
func TestWithParts(t *testing.T) {
	tests := []struct{ read, want string }{
		{"2024年1129日", "2024年11月29日"},
		{"202607月29日", "2026年07月29日"},
		{"1202607月29日", "2026年07月29日"},
		{"20260729日", "2026年07月29日"},
		{"2026年07月30日1", "2026年07月30日"},
		{"2025年09910日", "2025年09月10日"},
		{"2025年09410日", "2025年09月10日"},
		{"2025年094101日", "2025年094101日"},
		{"202412月08", "2024年12月08"},
		{"2026年07月29日", "2026年07月29日"},
		{"2026年0729", "2026年07月29"},
		{"202607月9", "202607月9"},
		{"2026年09月143", "2026年09月143"},
		{"3025年0729日", "3025年0729日"},
		{"", ""},
	}
	for _, tt := range tests {
		if got := withParts(tt.read); got != tt.want {
			t.Errorf("withParts(%q) = %q, want %q", tt.read, got, tt.want)
		}
	}
}

// TestAllOther: the readings name one other date, and not the form's,
// when all of them hold its eight digits, or, none reading the form's,
// three do and the rest name no date (generated app-1-00051: a written
// 07月02日 for the form's 07-09), the page's reading of it whole counted
// as one.
func TestAllOther(t *testing.T) {
	tests := []struct {
		name     string
		readings []extract.Field
		page     string // the page's text of the date
		want     bool
	}{
		{"all whole", readingsOf("2025年07月02日", "2025年07月02"), "", true},
		{"three whole, the rest no date", readingsOf("2025年07月42", "2025年07月023", "2025年07月432", "2025年07月4023", "2025年07月02", "2025年07月02", "2025年07月02", "2025年07月62"), "", true},
		{"two whole, the rest no date", readingsOf("2025年07月42", "2025年07月432", "2025年07月02", "2025年07月02", "2025年07月62"), "", false},
		{"three whole, one the form's", readingsOf("2025年07月09", "2025年07月02", "2025年07月02", "2025年07月02"), "", false},
		{"three whole, one another date", readingsOf("2025年07月03", "2025年07月02", "2025年07月02", "2025年07月02"), "", false},
		// Generated app-31-00025: 2024年11月29日, its italic 月 dropped by every reading.
		{"all whole with a part's character lost", readingsOf("2025年0702日", "2025年0702日", "202507月02日"), "", true},
		// Held-out app-43-00004: 2025年07月27日 for the form's 07-17, read whole by the page.
		{"two whole and the page's", readingsOf("2025年07月42", "2025年07月02日", "2025年07月02日", "2025年07月02月"), "2025年07月02日AN", true},
		{"two whole, the page's not whole", readingsOf("2025年07月42", "2025年07月02日", "2025年07月02日", "2025年07月02月"), "2025年07月2日", false},
		{"two whole and the page's, one the form's", readingsOf("2025年07月09", "2025年07月02日", "2025年07月02日"), "2025年07月02日", false},
	}
	for _, tt := range tests {
		if got := tally(tt.readings, "2025-07-09").allOther(len(tt.readings), wholeOnPage(tt.page, "2025-07-02")); got != tt.want {
			t.Errorf("%s: allOther = %v, want %v", tt.name, got, tt.want)
		}
	}
}

// TestRereadIDTermTallBox: held-out app-13-00020's ID back, its validity
// read 2016.05.052636.0506 in a line box 60 pixels high for 30-pixel
// digits (a crop of its red channel). Grown, the box took in the issuing
// authority's line and read nothing; cut to the digits' row it reads the
// validity.
func TestRereadIDTermTallBox(t *testing.T) {
	if testing.Short() {
		t.Skip("runs Tesseract")
	}
	p := realPipeline(t)
	img := grayFile(t, "../testdata/cards/validity-tall-box.png")
	at := func(text string, b ocr.Box) ocr.Line {
		return ocr.Line{Words: []ocr.Word{{Text: text, Conf: 0.7, Box: b}}, Box: b}
	}
	page := ocr.Page{Width: 600, Height: 220, Lines: []ocr.Line{
		at("仁发机关证厅", ocr.Box{X: 57, Y: 15, W: 318, H: 80}),
		at("有效期限2016.05.052636.0506", ocr.Box{X: 56, Y: 100, W: 480, H: 60}),
	}}
	r := DocResult{Ref: DocumentRef{Role: RoleLegalRepIDBack}, Kind: extract.KindIDBack, Page: page, Fields: extract.IDBack(page)}
	p.rereadTerm(context.Background(), &r, img)
	if f, to := r.Fields[extract.FValidFrom].Value, r.Fields[extract.FValidTo].Value; f != "2016-05-06" || to != "2036-05-06" {
		t.Errorf("validity %q–%q, want 2016-05-06–2036-05-06", f, to)
	}
}

// TestRereadIDNumberKeepsValidPageReading: held-out app-17-00026's card,
// its number band (a crop of the red channel) read as digits gives
// 500103199811100077, valid by chance, at 0.00; the page had read the
// printed 500103199811199935, valid, at 0.38, which stays. With no
// valid reading from the page, the band's is taken.
func TestRereadIDNumberKeepsValidPageReading(t *testing.T) {
	if testing.Short() {
		t.Skip("runs Tesseract")
	}
	p := realPipeline(t)
	img := grayFile(t, "../testdata/cards/number-big-digits.png")
	label := ocr.Box{X: 38, Y: 54, W: 222, H: 37} // its band: {260 36 1012 74}
	page := ocr.Page{Width: 1272, Height: 140, Lines: []ocr.Line{{Words: []ocr.Word{{Text: "公民身份号码", Conf: 0.9, Box: label}}, Box: label}}}
	tests := []struct{ read, want string }{
		{"500103199811199935", "500103199811199935"},
		{"50010319981119993", "500103199811100077"},
	}
	for _, tt := range tests {
		r := DocResult{Ref: DocumentRef{Role: RoleLegalRepIDFront}, Kind: extract.KindIDFront, Page: page,
			Fields: extract.Fields{extract.FIDNumber: {Value: tt.read, Conf: 0.38}}}
		p.rereadIDNumber(context.Background(), &r, img)
		if got := r.Fields[extract.FIDNumber].Value; got != tt.want {
			t.Errorf("page read %s: number %s, want %s", tt.read, got, tt.want)
		}
	}
}

// TestRereadLetterDateBandWidened: letters whose date the page read
// boxed without its year, or boxed specks only, are read again from a
// band widened to where their ink starts (real crops of generated
// letters, testdata/letters/date-*.png, their boxes as the page read gave
// them): the form's date is confirmed, another is not.
func TestRereadLetterDateBandWidened(t *testing.T) {
	if testing.Short() {
		t.Skip("runs Tesseract")
	}
	p := realPipeline(t)
	boxes := func(bs ...int) []ocr.Box {
		out := make([]ocr.Box, 0, len(bs)/4)
		for i := 0; i+3 < len(bs); i += 4 {
			out = append(out, ocr.Box{X: bs[i], Y: bs[i+1], W: bs[i+2], H: bs[i+3]})
		}
		return out
	}
	type pageRead struct {
		file, read string
		box        ocr.Box
		boxes      []ocr.Box
	}
	noYear := pageRead{"date-year-lost.png", "全08月26必", ocr.Box{X: 117, Y: 20, W: 80, H: 31},
		boxes(117, 29, 10, 10, 139, 30, 10, 14, 149, 30, 11, 14, 155, 20, 15, 31, 169, 20, 7, 31, 176, 20, 7, 31, 189, 32, 8, 11)}
	specks := pageRead{"date-speck-boxes.png", "怎08月01日", ocr.Box{X: 113, Y: 28, W: 76, H: 9},
		boxes(113, 28, 5, 9, 136, 32, 2, 2, 138, 32, 2, 2, 153, 35, 2, 2, 171, 34, 1, 3, 172, 34, 1, 3, 187, 34, 2, 2)}
	tests := []struct {
		name          string
		page          pageRead
		entered, want string
	}{
		{"the year lost", noYear, "2026-08-26", "2026-08-26"},
		{"the year lost, another date", noYear, "2025-08-26", "全08月26必"},
		{"specks boxed", specks, "2025-08-01", "2025-08-01"},
		{"specks boxed, another date", specks, "2025-08-07", "怎08月01日"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			img := colorFile(t, "../testdata/letters/"+tt.page.file)
			r := DocResult{Ref: DocumentRef{Role: RoleApplicationLetter}, Kind: extract.KindApplicationLetter, Fields: extract.Fields{
				extract.BlankDate:     {Value: tt.page.read, Box: tt.page.box},
				extract.BlankDateText: {Value: tt.page.read, Box: tt.page.box, Boxes: tt.page.boxes},
			}}
			p.rereadDates(context.Background(), &r, ocr.SealFree(img), ocr.RedChannel(img), Form{ApplicationLetterDate: tt.entered})
			if got := r.Fields[extract.BlankDate]; got.Value != tt.want {
				t.Errorf("date = %+v, want %s", got, tt.want)
			}
		})
	}
}

// TestRereadBandLetterEndLost: a letter's date the page read as its
// first characters alone (app-31-00015's 2026年05月13日 read 6合) is read
// again from a band widened right, in the red channel, to the 日 after
// its day; a date read whole keeps its band.
func TestRereadBandLetterEndLost(t *testing.T) {
	red := ocr.RedChannel(colorFile(t, "../testdata/letters/date-end-lost.png"))
	box := ocr.Box{X: 136, Y: 34, W: 19, H: 10}
	text := extract.Field{Value: "6合", Box: box, Boxes: []ocr.Box{{X: 136, Y: 41, W: 1, H: 2}, {X: 149, Y: 34, W: 6, H: 10}}}
	band, ok := rereadBand(extract.KindApplicationLetter, red, text, text)
	if !ok || band.X > 112 || band.X+band.W < 228 {
		t.Errorf("band %+v (%v), want it from the date's 2 (x 112) to its 日 (x 228)", band, ok)
	}
	whole := ocr.Box{X: 110, Y: 34, W: 120, H: 10}
	text = extract.Field{Value: "2026年05月13日", Box: whole, Boxes: runeBoxes(whole, 11)}
	if band, _ := rereadBand(extract.KindApplicationLetter, red, text, text); band.X+band.W > 245 {
		t.Errorf("band %+v of a date read whole, want it to end a character after it (x 245)", band)
	}
}

func TestPartsLost(t *testing.T) {
	for read, want := range map[string][2]bool{ // yearLost, endLost
		"2026年08月26日":  {false, false},
		"12026年08月26日": {false, false},
		"2885症04月18挝":  {false, false},
		"2025年1月13日":   {false, false},
		"全08月26必":      {true, true},
		"年09月02日":      {true, true},
		"6合":           {true, true},
		"2026年05":      {false, false},
		"":             {true, true},
	} {
		if got := [2]bool{yearLost(read), endLost(read)}; got != want {
			t.Errorf("yearLost, endLost(%q) = %v, want %v", read, got, want)
		}
	}
}

// colorFile is the image at path, decoded, in its colours.
func colorFile(t *testing.T, path string) image.Image {
	t.Helper()
	d, err := ocr.Decode(readFile(t, path), ocr.Limits{})
	if err != nil {
		t.Fatal(err)
	}
	return d.Image
}

// TestTakeIDNumber: a second reading of an ID front's number ends the
// search when valid, and replaces the page's only when the page had no
// valid number or read it less surely.
func TestTakeIDNumber(t *testing.T) {
	const valid, other = "230305199908242125", "632801199412079801"
	page := extract.Field{Value: valid, Conf: 0.38}
	tests := []struct {
		name      string
		had       bool
		n         extract.Field
		ends      bool
		wantValue string
	}{
		{"an invalid reading", true, extract.Field{Value: "230305199908242126", Conf: 0.9}, false, valid},
		{"a valid reading, less sure than the page's", true, extract.Field{Value: other, Conf: 0.1}, true, valid},
		{"a valid reading, surer", true, extract.Field{Value: other, Conf: 0.6}, true, other},
		{"a valid reading where the page had none", false, extract.Field{Value: other, Conf: 0.1}, true, other},
	}
	for _, tt := range tests {
		r := DocResult{Fields: extract.Fields{extract.FIDNumber: page}}
		if ends := takeIDNumber(&r, page, tt.had, tt.n); ends != tt.ends || r.Fields[extract.FIDNumber].Value != tt.wantValue {
			t.Errorf("%s: ends %v with %s, want %v with %s", tt.name, ends, r.Fields[extract.FIDNumber].Value, tt.ends, tt.wantValue)
		}
	}
}

// readingsOf is second readings of a date with the texts vs, each read
// at 0.5.
func readingsOf(vs ...string) []extract.Field {
	out := make([]extract.Field, len(vs))
	for i, v := range vs {
		out[i] = extract.Field{Value: v, Conf: 0.5}
	}
	return out
}
