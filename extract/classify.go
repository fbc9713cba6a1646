package extract

import (
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

// cues are words that mark a kind; the first is its title.
var cues = map[Kind][]string{
	KindLicense:           {"营业执照", "统一社会信用代码", "法定代表人", "注册资本", "成立日期", "营业期限", "经营范围", "登记机关", "住所"},
	KindIDFront:           {"公民身份号码", "姓名", "性别", "民族", "出生", "住址"},
	KindIDBack:            {"居民身份证", "中华人民共和国", "签发机关", "有效期限"},
	KindCommitmentLetter:  {"入网承诺书", "实际用户名称", "郑重承诺", "不转售", "反电信网络诈骗法", "实际用户签字"},
	KindApplicationLetter: {"号码申请公函", "管理员姓名", "管理员身份证号码", "管理员联系电话", "特此函告", "申请单位"},
	KindTaxRegistration:   {"税务登记证", "纳税人名称", "税务登记", "国家税务局", "地方税务局"},
	KindOrganizationCode:  {"组织机构代码证", "机构名称", "代码证", "机构类型", "颁发单位"},
}

// Classification is the kind a page shows and how sure that is.
type Classification struct {
	Kind Kind
	// Score is the share of the kind's cue words found, 0..1.
	Score float64
	// Scores holds every kind's score, for the reviewer and for tests.
	Scores map[Kind]float64
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
			c.Kind, c.Score = k, s
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

const (
	minScore      = 0.3
	handheldShare = 0.12
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

// cardShare is the area of the box around the ID card's labelled text
// relative to the whole image.
func cardShare(p ocr.Page) float64 {
	rs := rows(p)
	hits := findLabels(rs, []string{"姓名", "性别", "出生", "住址", "公民身份号码"})
	var b ocr.Box
	for _, h := range hits {
		b = b.Union(rs[h.row].box)
	}
	if p.Width == 0 || p.Height == 0 {
		return 1
	}
	if b.Empty() {
		return numberShare(p)
	}
	return float64(b.W*b.H) / float64(p.Width*p.Height)
}

// numberShare estimates cardShare from the ID number when none of the
// card's labels was read: the number line is about 62 % of the card's
// width, the card 63 % as high as wide (85.6 × 54 mm), and the labelled
// text covers about two thirds of the card. 1 when no number was read
// either.
func numberShare(p ocr.Page) float64 {
	n := IDNumber(p)
	if !n.Found() {
		return 1
	}
	w := float64(n.Box.W) / 0.62
	return w * w * 0.63 * 2 / 3 / float64(p.Width*p.Height)
}
