package extract

import (
	"slices"
	"testing"

	"github.com/qualcheck/qualcheck/ocr"
)

// line is one OCR line of a single word, its glyphs h pixels square.
func line(text string, x, y, h int) ocr.Line {
	b := ocr.Box{X: x, Y: y, W: len([]rune(text)) * h, H: h}
	return ocr.Line{Words: []ocr.Word{{Text: text, Conf: 0.9, Box: b}}, Box: b}
}

func TestLicenseAddressWithoutLabel(t *testing.T) {
	// Lines as read from generated licences (app-1-00014, -00022): the
	// small 住　所 label was lost or split off into other rows.
	tests := []struct {
		name  string
		lines []ocr.Line
		want  string
	}{
		{"label lost", []ocr.Line{
			line("营业期限", 1356, 995, 46), line("2007年08月16日至长期", 1523, 987, 45),
			line("法定代表人", 575, 1016, 48), line("钟晕", 758, 1013, 43),
			line("河南省郑州市管城回族区青年路124号", 1524, 1049, 49),
			line("经营范围", 576, 1090, 25), line("一般项目:供应链管理服务", 760, 1070, 49),
			line("信", 1358, 1072, 23), line("所", 1456, 1069, 23),
		}, "河南省郑州市管城回族区青年路124号"},
		{"label lost, address wraps", []ocr.Line{
			line("营业期限", 794, 570, 21), line("2016年12月23日至2036年12月22日", 921, 569, 34),
			line("经营范围", 192, 618, 21), line("一般项目:健康咨询服务", 334, 618, 34),
			line("住", 793, 623, 19), line("江苏省南京市秦淮区创业大道478号1号楼1", 920, 621, 34),
			line("7层", 920, 651, 32),
		}, "江苏省南京市秦淮区创业大道478号1号楼17层"},
		{"the business scope's line run on into the address, 住所 read 住汪 (held-out app-47-00014)", []ocr.Line{
			line("营业期限2015年08月12日至2045年08月11日", 721, 507, 36),
			line("经营范围一般项目:互联网销售(除销售需要许可住汪浙江省杭州市滨江区珠江路498号5号楼9层", 175, 554, 53),
			line("的商品);日用百货销售;服装服饰零售", 305, 590, 34),
		}, "浙江省杭州市滨江区珠江路498号5号楼9层"},
		{"name is no address", []ocr.Line{
			line("上海市华祥健康管理有限公司", 500, 700, 40),
		}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := License(ocr.Page{Lines: tt.lines})[FAddress].Value
			if got != tt.want {
				t.Errorf("address = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestIDBackTermWithoutLabel(t *testing.T) {
	// app-1-00030's legal representative's ID back: 有效期限 read as 2国.
	p := ocr.Page{Lines: []ocr.Line{
		line("签发机关独山县公安局", 716, 991, 46),
		line("2国2024.07.22-长期", 707, 1085, 46),
	}}
	fs := IDBack(p)
	if fs[FValidFrom].Value != "2024-07-22" || fs[FValidTo].Value != "2099-12-31" {
		t.Fatalf("validity = %q–%q", fs[FValidFrom].Value, fs[FValidTo].Value)
	}
}

func TestIDBackImpossibleStart(t *testing.T) {
	// Generated app-1-00017: 11 read as 14; the start is kept as read,
	// unsure, for the reviewer and a second reading.
	fs := IDBack(ocr.Page{Lines: []ocr.Line{line("有效期限2022.14.23-长期", 588, 816, 46)}})
	from := fs[FValidFrom]
	if from.Value != "2022.14.23" || from.Conf != 0 || fs[FValidTo].Value != "2099-12-31" {
		t.Fatalf("validity = %q (%.2f) – %q", from.Value, from.Conf, fs[FValidTo].Value)
	}
}

func TestFixOrgName(t *testing.T) {
	tests := map[string]string{
		"郑州嘉远信息技术有限公": "郑州嘉远信息技术有限公司",
		"合肥祥远物流有限司":   "合肥祥远物流有限公司",
		"合肥祥远物流有限公司":  "合肥祥远物流有限公司",
		"青岛市黄岛区宇蓝工作室": "青岛市黄岛区宇蓝工作室",
		"合肥祥远物流有限":    "合肥祥远物流有限公司", // sample app-2-00003
	}
	for in, want := range tests {
		if got := fixOrgName(Field{Value: in}).Value; got != want {
			t.Errorf("fixOrgName(%q) = %q, want %q", in, got, want)
		}
	}
	if got := fixOrgName(Field{Value: "合肥祥远物流有限", Conf: 0.91}); got.Conf > unsureConf {
		t.Errorf("a name completed from 有限 kept confidence %.2f", got.Conf)
	}
}

func TestCleanEnterpriseName(t *testing.T) {
	tests := map[string]string{
		"青鸟明途教育咨询有限公":    "青岛明途教育咨询有限公司",
		"顺途教育咨询(南京)有限公":  "顺途教育咨询（南京）有限公司",
		"智丰教育咨询〈天津)有限公司": "智丰教育咨询（天津）有限公司",
	}
	for in, want := range tests {
		if got := CleanEnterpriseName(Field{Value: in}).Value; got != want {
			t.Errorf("CleanEnterpriseName(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestLicenseTypeWithoutLabel(t *testing.T) {
	// Generated app-1-00031: 类型 read as 内型, the type wrapped after 控,
	// and the row runs on into the next column's 成立日期.
	p := ocr.Page{Lines: []ocr.Line{
		line("内", 339, 806, 26), line("型", 456, 810, 26),
		line("股份有限公司(非上市、自然人投资或控", 537, 811, 26),
		line("成立日期", 1183, 817, 47), line("2017年08月01日", 1362, 821, 41),
		line("股)", 537, 854, 26),
	}}
	if got, want := License(p)[FType].Value, "股份有限公司（非上市、自然人投资或控股）"; got != want {
		t.Errorf("type = %q, want %q", got, want)
	}
}

func TestIDFrontNameStrayStrokes(t *testing.T) {
	// Sample app-1-00010's handheld card: the photo's edge read after the name.
	tests := map[string]string{
		"邵霞婷(三": "邵霞婷",
		"邵霞婷":   "邵霞婷",
		"阿依·古丽": "阿依·古丽",
	}
	for in, want := range tests {
		p := ocr.Page{Lines: []ocr.Line{line("姓名", 100, 100, 30), line(in, 200, 100, 40), line("性别女", 100, 160, 30)}}
		if got := IDFront(p)[FName].Value; got != want {
			t.Errorf("name read %q = %q, want %q", in, got, want)
		}
	}
}

func TestLicenseTermLongMisread(t *testing.T) {
	// Sample app-2-00016: 营业期限 2011年04月04日至长其.
	p := ocr.Page{Lines: []ocr.Line{
		line("营业期限", 874, 546, 25), line("2011年04月04日至长其", 996, 553, 40),
	}}
	fs := License(p)
	if fs[FTermStart].Value != "2011-04-04" || fs[FTermEnd].Value != "2099-12-31" {
		t.Errorf("term = %q – %q", fs[FTermStart].Value, fs[FTermEnd].Value)
	}
}

func TestLicenseTermYearMarkMisread(t *testing.T) {
	// Generated app-67-00005, a tilted licence: the end date's 年 read 征.
	p := ocr.Page{Lines: []ocr.Line{
		line("营业期限", 752, 528, 30), line("2013年04月27日至2043征04月26日", 863, 528, 33),
	}}
	fs := License(p)
	start, end := fs[FTermStart], fs[FTermEnd]
	if start.Value != "2013-04-27" || end.Value != "2043-04-26" {
		t.Fatalf("term = %q – %q", start.Value, end.Value)
	}
	if end.Conf > unsureConf || start.Conf <= unsureConf {
		t.Errorf("confidences %.2f – %.2f: want the mended end's unsure, the start's kept", start.Conf, end.Conf)
	}
}

func TestLicenseTermWithoutLabel(t *testing.T) {
	// Held-out app-67-00022: 营业期限 under the company's seal read
	// 若业项根; the row with 成立日期 holds one date only.
	p := ocr.Page{Lines: []ocr.Line{
		line("类型股份有限公司(非上市、自然人投资或控成立日期1999年04月07日", 273, 460, 25),
		line("若业项根1999年04月07日至2029年04月06日", 681, 492, 32),
	}}
	fs := License(p)
	if fs[FTermStart].Value != "1999-04-07" || fs[FTermEnd].Value != "2029-04-06" {
		t.Errorf("term = %q – %q", fs[FTermStart].Value, fs[FTermEnd].Value)
	}
}

func TestLicenseTermStartUnread(t *testing.T) {
	// Generated app-23-00029: the start's 07日 read 0阳; the one date read
	// is the end, not the start.
	p := ocr.Page{Lines: []ocr.Line{
		line("营业期限", 1437, 892, 45), line("1994年11月0阳至2024年11月06日", 1640, 892, 45),
	}}
	fs := License(p)
	if fs[FTermStart].Found() || fs[FTermEnd].Value != "2024-11-06" {
		t.Errorf("term = %q – %q, want unread – 2024-11-06", fs[FTermStart].Value, fs[FTermEnd].Value)
	}
}

func TestLicenseNameSplitWithoutLabel(t *testing.T) {
	// Sample app-2-00021: 名称 read as 各称, the name's 司 a line of its own.
	p := ocr.Page{Lines: []ocr.Line{
		line("各", 258, 473, 22), line("称", 346, 475, 22),
		line("合肥九光信息技术有限公", 397, 473, 24), line("司", 655, 483, 22),
		line("注册资本", 875, 490, 24),
	}}
	if got := License(p)[FName].Value; got != "合肥九光信息技术有限公司" {
		t.Errorf("name = %q", got)
	}
}

func TestLicenseNameAfterLabelRest(t *testing.T) {
	// Generated seed 41: the label's rest read into the name's line.
	for _, tt := range []struct{ read, want string }{
		{"称宁波市永景信息技术有限公司", "宁波市永景信息技术有限公司"},
		{"国名称顺兴贸易（杭州）有限公司", "顺兴贸易（杭州）有限公司"},
	} {
		p := ocr.Page{Lines: []ocr.Line{line(tt.read, 397, 473, 24), line("注册资本", 875, 490, 24)}}
		if got := License(p)[FName].Value; got != tt.want {
			t.Errorf("%s: name = %q, want %q", tt.read, got, tt.want)
		}
		f := CleanEnterpriseName(Field{Value: tt.read, Box: ocr.Box{X: 100, W: 24 * len([]rune(tt.read)), H: 24}})
		if w := 24 * len([]rune(tt.want)); f.Value != tt.want || f.Box.W != w || f.Box.X+f.Box.W != 100+24*len([]rune(tt.read)) {
			t.Errorf("%s: cleaned %q in %+v, want %q in the last %d pixels", tt.read, f.Value, f.Box, tt.want, w)
		}
	}
}

func TestIDFrontNameLabelMisread(t *testing.T) {
	// Sample app-1-00002's handheld card: 姓名 read as 此名.
	p := ocr.Page{Lines: []ocr.Line{
		line("此名蔡伍月", 368, 963, 40), line("避", 803, 955, 40), // the photo's edge
		line("性别女民族壮", 375, 1020, 25),
	}}
	if got := IDFront(p)[FName].Value; got != "蔡伍月" {
		t.Errorf("name = %q", got)
	}
}

func TestIDFrontNameBesideLabel(t *testing.T) {
	// Held-out app-59-00021's legal representative's card: 姓名 18
	// pixels high, the name 47 beside it, read as rows of their own; 性别
	// read 性男 on the row above 民族.
	p := ocr.Page{Lines: []ocr.Line{
		line("姓名", 442, 386, 18),
		line("闫风", 512, 375, 47),
		line("性男", 442, 441, 11),
		line("民族回", 614, 437, 25),
		line("入2004年8月8站", 472, 490, 36),
	}}
	if got := IDFront(p)[FName].Value; got != "闫风" {
		t.Errorf("name = %q, want 闫风", got)
	}
	p.Lines = slices.Delete(p.Lines, 0, 2)
	if got, ok := IDFront(p)[FName]; ok && got.Found() {
		t.Errorf("name = %q from the row of 性别 alone, want none", got.Value)
	}
}

func TestClassifyHandheldByNumber(t *testing.T) {
	// No label read, only a valid ID number: its width tells how much of
	// the picture the card fills (generated app-1-00053's handheld photo
	// against app-7-00017's plain card photo in the handheld role).
	tests := []struct {
		numberW int
		want    Kind
	}{
		{285, KindHandheld},
		{900, KindIDFront},
	}
	for _, tt := range tests {
		b := ocr.Box{X: 100, Y: 900, W: tt.numberW, H: 30}
		l := ocr.Line{Words: []ocr.Word{{Text: "440304197806034492", Conf: 0.9, Box: b}}, Box: b}
		p := ocr.Page{Lines: []ocr.Line{l}, Width: 900, Height: 1200}
		if got := Classify(p).Kind; got != tt.want {
			t.Errorf("number %d px wide: %s, want %s", tt.numberW, got, tt.want)
		}
	}
}

func TestClassifyHandheldByLabels(t *testing.T) {
	// Rows as read from generated app-7-00003's administrator's front, a
	// card scanned whole (36 % of its page) whose number row the page
	// read split: the box around its labelled rows was 8 % of the image,
	// and the card was taken for a handheld photo. Sized by where its
	// labels stand it is a front; the same rows half as large are a card
	// held up to the camera.
	rows := func(s float64) []ocr.Line {
		at := func(v int) int { return int(float64(v) * s) }
		return []ocr.Line{
			line("姓名邓峰轩", at(302), at(251), at(45)),
			line("性别男民族汉", at(300), at(315), at(42)),
			line("出生1987年11月20日", at(300), at(381), at(41)),
			line("住址浙江省宁波市象山县", at(299), at(444), at(45)),
		}
	}
	tests := []struct {
		scale float64
		want  Kind
	}{
		{1, KindIDFront},
		{0.5, KindHandheld},
	}
	for _, tt := range tests {
		p := ocr.Page{Lines: rows(tt.scale), Width: 1202, Height: 848}
		if got := Classify(p).Kind; got != tt.want {
			t.Errorf("rows at scale %.1f: %s, want %s", tt.scale, got, tt.want)
		}
	}
}

// TestClassifyForRole: rows as read from held-out app-43-00027's handheld
// photo (1458 × 1093), its small blue labels lost or misread (竹名, 民过,
// 桥址) and its number cut short, 性别 and 出生 alone read: no kind by
// its cues (0.29), a handheld photo where its role expects one (or an ID
// front, which a handheld photo also fills), its card unsized. Where the
// role expects another kind, or one cue alone was read, it stays of
// none.
func TestClassifyForRole(t *testing.T) {
	read := ocr.Page{Width: 1458, Height: 1093, Lines: []ocr.Line{
		line("竹名武彤", 520, 800, 26),
		line("汉人性别女民过", 520, 846, 26),
		line("出生1964年10月29日", 520, 880, 26),
		line("纵下尔自治区咯桥址什地区咯什市黄河街道碧村网125", 520, 930, 26),
		line("作要和愉号码6531016410291203", 520, 1050, 26),
	}}
	one := ocr.Page{Width: 1458, Height: 1093, Lines: read.Lines[2:]}
	tests := []struct {
		name  string
		page  ocr.Page
		kinds []Kind
		want  Kind
	}{
		{"the handheld role", read, []Kind{KindHandheld}, KindHandheld},
		{"an ID front's role", read, []Kind{KindIDFront, KindHandheld}, KindHandheld},
		{"the licence's role", read, []Kind{KindLicense}, KindUnknown},
		{"no role", read, nil, KindUnknown},
		{"one cue", one, []Kind{KindHandheld}, KindUnknown},
	}
	if got := Classify(read).Kind; got != KindUnknown {
		t.Fatalf("Classify = %s, want %s", got, KindUnknown)
	}
	for _, tt := range tests {
		if got := Classify(tt.page).ForRole(tt.page, tt.kinds).Kind; got != tt.want {
			t.Errorf("%s: %s, want %s", tt.name, got, tt.want)
		}
	}
}

// TestClassifyUnsizedFrontForRole: rows as read from held-out
// app-89-00008's handheld photo (1318 × 988), the card cut by the
// image's foot, its labels misread (考名, 性衣, 上址, 民身份号码) and its
// number lost: an ID front by its cues, its card unsized. Uploaded as a
// handheld photo it is one; as a front it stays a front.
func TestClassifyUnsizedFrontForRole(t *testing.T) {
	p := ocr.Page{Width: 1318, Height: 988, Lines: []ocr.Line{
		line("考名贺帆", 505, 710, 22),
		line("性衣", 505, 758, 22), line("男", 570, 758, 22), line("民族土家", 655, 758, 22),
		line("本1983年10月28", 505, 805, 22),
		line("上址", 505, 850, 22), line("云南省昆明市山明县", 570, 850, 22),
		line("文三街道幸福家园28", 570, 885, 22), line("6号", 570, 920, 22),
		line("民身份号码", 505, 955, 18), line("2", 650, 955, 22),
	}}
	c := Classify(p)
	if c.Kind != KindIDFront {
		t.Fatalf("Classify = %s, want %s", c.Kind, KindIDFront)
	}
	for _, tt := range []struct {
		kinds []Kind
		want  Kind
	}{
		{[]Kind{KindHandheld}, KindHandheld},
		{[]Kind{KindIDFront, KindHandheld}, KindIDFront},
		{[]Kind{KindLicense}, KindIDFront},
	} {
		if got := c.ForRole(p, tt.kinds).Kind; got != tt.want {
			t.Errorf("role of %v: %s, want %s", tt.kinds, got, tt.want)
		}
	}
}

func TestIDBackLabelCutShort(t *testing.T) {
	// Seed-7 app-7-00009: 有效期限 read as 有效期, the value's first digit
	// right after it must not stand in for 限.
	p := ocr.Page{Lines: []ocr.Line{
		line("有效期", 687, 1035, 37), {Words: []ocr.Word{{Text: "2025.01.17-2045.01.17", Conf: 0.74, Box: ocr.Box{X: 886, Y: 1043, W: 537, H: 70}}}, Box: ocr.Box{X: 886, Y: 1043, W: 537, H: 70}},
	}}
	fs := IDBack(p)
	if fs[FValidFrom].Value != "2025-01-17" || fs[FValidTo].Value != "2045-01-17" {
		t.Errorf("validity = %q – %q", fs[FValidFrom].Value, fs[FValidTo].Value)
	}
}

func TestCreditCodeNotFromBorder(t *testing.T) {
	// Rows as read from held-out app-13-00006's licence: its diamond
	// border, read above the printed code, holds a window that a credit
	// code's check character accepts (660600000000000000).
	p := ocr.Page{Lines: []ocr.Line{
		line("660600000000000000000000000000000000000000059", 281, 218, 36),
		line("统一社会信用代码", 338, 407, 27),
		line("91340102525329837L", 340, 456, 17),
	}}
	if ValidateUSCC("660600000000000000") != nil {
		t.Fatal("the border's window no longer passes the check: the case is gone")
	}
	if got := License(p)[FCreditCode].Value; got != "91340102525329837L" {
		t.Errorf("credit code = %q, want the printed one", got)
	}
}

func TestCreditCodeStrayDot(t *testing.T) {
	// Rows as read from held-out app-47-00006's licence: a speck read as
	// a dot inside the code, the border before it as |.
	p := ocr.Page{Lines: []ocr.Line{
		line("和统一社会信用代码", 213, 291, 38),
		line("|91.110108MAPUOOED5T", 204, 324, 34),
		line("|仿副本编号;1.1", 201, 354, 34),
	}}
	if got := License(p)[FCreditCode].Value; got != "91110108MAPU00ED5T" {
		t.Errorf("credit code = %q, want 91110108MAPU00ED5T", got)
	}
	p.Lines[1] = line("|91.1101.08MAPUOOED5T.", 204, 324, 34)
	if got := License(p)[FCreditCode].Value; got != "91110108MAPU00ED5T" {
		t.Errorf("credit code = %q with two dots inside and one after, want 91110108MAPU00ED5T", got)
	}
}

func TestCreditCodeBandsFromItsRow(t *testing.T) {
	// Rows as read from held-out app-53-00003's licence: the code's J
	// read as ")", the line under it close below.
	p := ocr.Page{Lines: []ocr.Line{
		line("统一社会信用代码", 168, 207, 34),
		line("91330211628368839)", 169, 244, 16),
		line("副本坊号:1.2", 168, 268, 28),
		line("名称瑞九教育咨询(宁波)有限公司", 168, 425, 33),
	}}
	got := CreditCodeBands(p)
	row := p.Lines[1].Box
	want := []ocr.Box{{X: 153, Y: 236, W: row.W + 32, H: 32}, {X: 161, Y: 240, W: row.W + 16, H: 24}}
	if len(got) != 4 || got[0] != want[0] || got[1] != want[1] {
		t.Errorf("bands = %v, want the code's row grown first: %v, then under and right of the label", got, want)
	}
	p.Lines[1] = line("副本坊号:1.2", 169, 244, 16)
	if got := CreditCodeBands(p); len(got) != 2 {
		t.Errorf("bands = %v, want only under and right of the label when no row there reads as a code", got)
	}
}

func TestHandheldSizedByNumberLabelCutShort(t *testing.T) {
	// Rows as read from held-out app-13-00019's handheld photo (927 ×
	// 1236): 住址 read 储址 and 公民身份号码 as 公民身份蚂, the number
	// lost. With 姓名 and 性别 alone (7 mm apart) the card was not sized
	// and the photo taken for a front.
	p := ocr.Page{Width: 927, Height: 1236, Lines: []ocr.Line{
		line("姓名毛明然", 245, 864, 27),
		line("性别男", 241, 901, 32),
		line("民族汉", 368, 914, 21),
		line("出", 240, 947, 12),
		line("1998年2月5日", 291, 950, 33),
		line("甘南县民族路227号", 286, 1014, 20),
		line("和储址黑龙江省齐齐哈尔市", 236, 981, 20),
		line("公民身份蚂002057132", 231, 1054, 24),
	}}
	if got := Classify(p).Kind; got != KindHandheld {
		t.Errorf("kind = %s, want %s", got, KindHandheld)
	}
	// 公民身份 was read over x 231–372: its 号码 ends half as far again.
	if band, ok := IDNumberBand(p); !ok || band.X != 442 {
		t.Errorf("number band = %v %v, want it from x 442", band, ok)
	}
}

func TestClassifyTaxCertificateWithoutTitle(t *testing.T) {
	// Rows as read from held-out app-17-00014's tax registration
	// certificate: its title came back as 税务瑟.
	p := ocr.Page{Width: 1635, Height: 1183, Lines: []ocr.Line{
		line("浙税联字33010531537869Xx号", 218, 274, 39),
		line("税务瑟", 571, 325, 100),
		line("纳税人名称", 214, 483, 38), line("杭州星云信息技术有限公司", 349, 487, 38),
		line("法定代表人(负责人)", 214, 534, 42), line("付萍芳", 458, 540, 37),
		line("地址:浙江省杭州市拱墅区东风路49号5楼123室", 213, 587, 43),
		line("登记注册类型:有限责任公司", 212, 640, 40),
		line("经营范围", 207, 693, 39), line("一般项目:信息系统集成服务;信息技术咨询服务;软件开发", 326, 695, 44),
		line("批准设立机关:杭州市工商行政管理局", 209, 779, 41),
		line("扣缴义务:依法确定", 204, 832, 39),
	}}
	if got := Classify(p).Kind; got != KindTaxRegistration {
		t.Errorf("kind = %s, want %s", got, KindTaxRegistration)
	}
}

func TestIDNumberRunOneLonger(t *testing.T) {
	// Held-out app-17-00014's card: a seal's stroke read as 4 inside
	// 330127197310082843. The run is given whole, for the form's number
	// to be recognised in it; a run that holds a valid number still
	// gives that number.
	tests := []struct{ read, want string }{
		{"330127i973410082843", "3301271973410082843"},
		{"1330127197310082843", "330127197310082843"},
	}
	for _, tt := range tests {
		p := ocr.Page{Lines: []ocr.Line{line("公民身份号码", 320, 610, 25), line(tt.read, 481, 600, 40)}}
		if got := IDNumber(p).Value; got != tt.want {
			t.Errorf("%s: number %q, want %q", tt.read, got, tt.want)
		}
	}
}
