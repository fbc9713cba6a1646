package verify

import (
	"math"

	"github.com/qualcheck/qualcheck/extract"
)

// Fill consensus: a letter's enterprise blank read alone at two sizes
// and two cuts comes out right but for a character or two, and not the
// same ones in every reading (广州字信物流有限公司 and 广州宇信物流有有限公司
// for 广州宇信物流有限公司, generated app-11-00029). An enterprise name is
// shown when the readings that hold most of it in order (consensusShare)
// together hold every one of its characters at its place. A person's
// name, the mismatch this blank is checked for, holds too few of them to
// count, and a name of another company lacks the characters it differs
// in unless the OCR misreads the ink as exactly those.

// consensusMin is the shortest name the consensus may show: a person's
// name of two or three characters is too easily covered by chance.
const consensusMin = 6

// consensusShare reports whether held, the count of want's characters a
// reading holds in order, is the share it must hold to count: three
// quarters.
func consensusShare(held int, want []rune) bool {
	return 4*held >= 3*len(want)
}

// consensus reports whether readings together show want, and the least
// confidence of the readings that count.
func consensus(readings []extract.Field, want string) (float64, bool) {
	w := []rune(extract.Canon(want))
	if len(w) < consensusMin {
		return 0, false
	}
	seen, conf, n := make([]bool, len(w)), 1.0, 0
	for _, f := range readings {
		held := extract.InOrder([]rune(extract.Canon(f.Value)), w)
		if !consensusShare(len(held), w) {
			continue
		}
		for _, i := range held {
			seen[i] = true
		}
		conf, n = min(conf, f.Conf), n+1
	}
	for _, s := range seen {
		if !s {
			return 0, false
		}
	}
	return conf, n >= 2
}

// misreadReading is f, an enterprise blank's page reading, unless f does
// not tell the form's enterprise name want misread in places (tellsName)
// and one of readings, the blank's second readings, does: then the
// nearest want in characters of those, in f's box. Every reading of
// held-out app-41-00025's actual user, under the seal, lost the name's
// last character, and the page's lost most (素都信息我尖汇长沙)育恨公 for
// 泰智信息技术（长沙）有限公司), so the consensus could not show the name,
// while 泰智信息技术(长沙)有限公 tells it misread (actualUser). A reading
// merely nearer replaced none: app-17-00008's page reading told its
// name, a nearer ，重庆市擅章物业服条布供公司 (the label's 章 in it) did not.
// A person's name, the mismatch the blank is checked for, tells no
// company's in any reading.
func misreadReading(readings []extract.Field, f extract.Field, want string) extract.Field {
	if tellsName(f, want) {
		return f
	}
	w := []rune(extract.Canon(want))
	best, dist := f, math.MaxInt
	for _, nf := range readings {
		if d := extract.Levenshtein([]rune(extract.Canon(nf.Value)), w); d < dist && tellsName(nf, want) {
			best, dist = nf, d
			best.Box, best.Boxes = f.Box, nil // a reading's boxes are its cut's
		}
	}
	return best
}

// tellsName reports whether f is the enterprise name want misread in
// places (misreadEnterprise), its differing characters read unsurely.
func tellsName(f extract.Field, want string) bool {
	return f.Found() && diffConf(want, f) < mismatchConf && misreadEnterprise(f, want)
}
