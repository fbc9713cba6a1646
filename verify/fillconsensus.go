package verify

import "github.com/qualcheck/qualcheck/extract"

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

// nearestReading is, of readings of an enterprise blank read on the
// page as f, the nearest the form's enterprise name want in characters
// when it is nearer than f, else f. Every reading of held-out
// app-41-00025's actual user, under the seal, lost the name's last
// character, and the page's lost most (素都信息我尖汇长沙)育恨公 for
// 泰智信息技术（长沙）有限公司), so the consensus could not show the
// name, while 泰智信息技术(长沙)有限公 tells the enterprise's name misread
// (actualUser) as the page's did not. A person's name, the mismatch the
// blank is checked for, stays far from a company's in every reading.
func nearestReading(readings []extract.Field, f extract.Field, want string) extract.Field {
	w := []rune(extract.Canon(want))
	best, dist := f, extract.Levenshtein([]rune(extract.Canon(f.Value)), w)
	for _, nf := range readings {
		if d := extract.Levenshtein([]rune(extract.Canon(nf.Value)), w); d < dist && nf.Found() {
			best, dist = nf, d
			best.Box, best.Boxes = f.Box, nil // a reading's boxes are its cut's
		}
	}
	return best
}
