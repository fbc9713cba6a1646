package verify

import (
	"image"
	"image/color"
	"image/draw"
	"testing"

	"golang.org/x/image/font"
	"golang.org/x/image/math/fixed"

	"github.com/qualcheck/qualcheck/extract"
	"github.com/qualcheck/qualcheck/ocr"
)

// fillLine draws a letter's blank: the printed label and the value
// written after it as the letters' fills are (AR PL UKai, px pixels, a
// design none of the reference fonts has), and returns the image and
// the box of the written value.
func fillLine(t *testing.T, label, written string, px int) (*image.Gray, ocr.Box) {
	t.Helper()
	printed := testFace(t, "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc", float64(px))
	fill := testFace(t, "/usr/share/fonts/truetype/arphic/ukai.ttc", float64(px))
	n := len([]rune(label + written))
	g := image.NewGray(image.Rect(0, 0, px*n+2*px, 3*px))
	draw.Draw(g, g.Bounds(), image.NewUniform(color.Gray{Y: 215}), image.Point{}, draw.Src)
	base := 2 * px
	d := font.Drawer{Dst: g, Src: image.NewUniform(color.Gray{Y: 30}), Face: printed, Dot: fixed.P(px/2, base)}
	d.DrawString(label)
	x0 := d.Dot.X.Round() + px/4
	d.Dot.X = fixed.I(x0)
	d.Face, d.Src = fill, image.NewUniform(color.Gray{Y: 60})
	d.DrawString(written)
	return g, ocr.Box{X: x0, Y: base - px*7/8, W: max(d.Dot.X.Round()-x0, px), H: px}
}

// TestGlyphBlank: a letter's name blank the OCR misread is taken as the
// form's value only when its ink, cut into characters, is clearly the
// form's; another person's name (the same surname or not, the legal
// representative's), a name the OCR read surely as another and an empty
// blank are not. The OCR readings are the page's on generated letters.
func TestGlyphBlank(t *testing.T) {
	p := glyphPipeline(t)
	const admin, ent = "管理员姓名：", "实际用户名称："
	tests := []struct {
		name, label, written, read string
		confs                      []float64
		want                       string
		people                     []string
		ok                         bool
	}{
		{"the form's name, misread", admin, "杜龙", "桩尼", []float64{0.63, 0}, "杜龙", []string{"黎杰锋"}, true},
		{"the form's name, read as strokes", admin, "袁凯", "才思", []float64{0.3, 0.2}, "袁凯", nil, true},
		{"three characters", admin, "段晨峰", "段展峰", []float64{0.9, 0.5, 0.9}, "段晨峰", nil, true},
		{"another given name", admin, "杜龙", "桩尼", []float64{0.63, 0}, "杜阳", nil, false},
		{"another person", admin, "杜龙", "桩尼", []float64{0.63, 0}, "吴洁", nil, false},
		{"the legal representative's name", admin, "黎杰锋", "黎杰钟", []float64{0.9, 0.6, 0.3}, "黎杰", []string{"黎杰锋"}, false},
		// Generated app-11-00011: 敏 in a fill is read 教, a cell as like either.
		{"a character the OCR mistakes for the form's", admin, "钱敏琴", "钱教琴", []float64{0.9, 0.9, 0.9}, "钱敏琴", nil, true},
		{"read surely as another", admin, "杜龙", "杜尼", []float64{0.9, 0.9}, "杜龙", nil, false},
		{"left empty", admin, "", "", nil, "杜龙", nil, false},
		{"the enterprise, misread", ent, "南京信智网络科技有限公司", "南京信知网络科技有限公司", nil, "南京信智网络科技有限公司", []string{"杜龙"}, true},
		// Generated app-29-00002: the seal's arc across the fill read 人 at 0.84.
		{"the enterprise, a character read surely as another", ent, "南京信智网络科技有限公司", "南京信人网络科技有限公司", []float64{0, 0, 0, 0.84}, "南京信智网络科技有限公司", nil, true},
		{"another enterprise", ent, "南京信智网络科技有限公司", "南京信知网络科技有限公司", nil, "南京恒达网络科技有限公司", []string{"杜龙"}, false},
		{"the administrator for the enterprise", ent, "杜龙", "桩尼", nil, "南京信智网络科技有限公司", []string{"杜龙"}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			img, box := fillLine(t, tt.label, tt.written, 24)
			f := extract.Field{Value: tt.read, Confs: tt.confs, Box: box}
			key := blankEnterprise
			if tt.label == admin {
				key = blankAdminName
			}
			if _, got := p.glyphBlank(img, key, f, tt.want, tt.people); got != tt.ok {
				t.Errorf("glyphBlank(%s) = %v, want %v", tt.want, got, tt.ok)
			}
		})
	}
}

// TestGlyphBlankDarkEdge: a name blank whose page box ran on into the
// photo's dark edge beyond the page (generated app-37-00030: 黎丽凤 in a
// box 724 pixels wide and 74 high) is cut into characters on its own
// row, not on one the dark edge makes of every row.
func TestGlyphBlankDarkEdge(t *testing.T) {
	p := glyphPipeline(t)
	line, box := fillLine(t, "管理员姓名：", "杜龙", 24)
	b := line.Bounds()
	img := image.NewGray(image.Rect(0, 0, b.Dx()+600, b.Dy()))
	draw.Draw(img, img.Bounds(), image.NewUniform(color.Gray{Y: 215}), image.Point{}, draw.Src)
	draw.Draw(img, b, line, image.Point{}, draw.Src)
	draw.Draw(img, image.Rect(img.Bounds().Dx()-120, 0, img.Bounds().Dx(), b.Dy()), image.NewUniform(color.Gray{Y: 35}), image.Point{}, draw.Src)
	wide := ocr.Box{X: box.X, Y: box.Y - box.H/2, W: img.Bounds().Dx() - box.X, H: 2 * box.H}
	f := extract.Field{Value: "桩尼攻", Confs: []float64{0.63, 0, 0.3}, Box: wide}
	if _, ok := p.glyphBlank(img, blankAdminName, f, "杜龙", nil); !ok {
		t.Error("glyphBlank(杜龙) = false in a box run on into a dark edge, want true")
	}
}

// TestOverruled: a page reading's character that a second reading read
// as the form's at its place is put back to the form's; readings of
// another length, and a page reading of another length, change nothing.
func TestOverruled(t *testing.T) {
	tests := []struct {
		read     string
		readings []string
		want     string
		out      string
	}{
		{"主机", []string{"执帆", "好凯"}, "谭帆", "主帆"}, // held-out app-67-00001
		{"侯苗如", []string{"侯苗娟", "侯苦娟", "候蔓娟", "全欧娟"}, "侯茜娟", "侯苗娟"},
		{"罗惠", []string{"罗瑶菩", "罗阳茹"}, "罗瑶燕", "罗惠"},
		{"杜尼", []string{"杜", "杜龙龙"}, "杜龙", "杜尼"},
		{"杜尼", nil, "杜龙", "杜尼"},
	}
	for _, tt := range tests {
		var rs []extract.Field
		for _, v := range tt.readings {
			rs = append(rs, extract.Field{Value: v})
		}
		if got := overruled(tt.read, rs, []rune(tt.want)); got != tt.out {
			t.Errorf("overruled(%q, %q, %q) = %q, want %q", tt.read, tt.readings, tt.want, got, tt.out)
		}
	}
}

// TestGlyphBlankOverruled: at 16 pixels a written 谭帆 read 主机 is not
// taken as the form's weighed against 机, and is once a second reading
// overruled the page's 机 (主帆); another person's name written so is
// not taken either way.
func TestGlyphBlankOverruled(t *testing.T) {
	p := glyphPipeline(t)
	tests := []struct {
		written     string
		against     string
		want, plain bool
	}{
		{"谭帆", "主帆", true, false},
		{"吴洁", "主帆", false, false},
	}
	for _, tt := range tests {
		img, box := fillLine(t, "管理员姓名：", tt.written, 16)
		f := extract.Field{Value: "主机", Confs: []float64{0.14, 0.14}, Box: box}
		if _, got := p.glyphBlank(img, blankAdminName, f, "谭帆", []string{"黎军哲"}); got != tt.plain {
			t.Errorf("%s: glyphBlank = %v, want %v", tt.written, got, tt.plain)
		}
		if _, got := p.glyphBlankAgainst(img, blankAdminName, f, tt.against, "谭帆", []string{"黎军哲"}); got != tt.want {
			t.Errorf("%s: glyphBlankAgainst(%s) = %v, want %v", tt.written, tt.against, got, tt.want)
		}
	}
}
