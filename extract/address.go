package extract

import (
	"slices"
	"sort"
	"strings"
	"sync"
)

// placeIndex holds the names of the region table by level: provinces,
// the prefectures of each province and the counties of each prefecture
// (of each municipality, whose prefecture column reads 直辖).
type placeIndex struct {
	provinces []string
	cities    map[string][]string // province → prefectures
	counties  map[string][]string // province+"/"+prefecture → counties
	// names are every province and prefecture name, full and short
	// (青岛市, 青岛), that enterprise names start with; cityKey gives a
	// prefecture's key into counties.
	names   []string
	cityKey map[string]string
	// inUse holds the prefectures (province+"/"+name) and counties
	// (province+"/"+prefecture+"/"+name) some code still carries.
	inUse map[string]bool
}

var loadPlaces = sync.OnceValue(func() *placeIndex {
	ix := &placeIndex{cities: map[string][]string{}, counties: map[string][]string{}, inUse: map[string]bool{}}
	seen := map[string]bool{}
	add := func(m map[string][]string, k, v string) {
		if !seen[k+"|"+v] {
			seen[k+"|"+v] = true
			m[k] = append(m[k], v)
		}
	}
	for _, periods := range loadRegions().byCode {
		for _, r := range periods {
			switch {
			case r.City == "":
				if !seen[r.Province] {
					seen[r.Province] = true
					ix.provinces = append(ix.provinces, r.Province)
				}
			case r.Code[4:] == "00":
				add(ix.cities, r.Province, r.Name)
				ix.inUse[r.Province+"/"+r.Name] = ix.inUse[r.Province+"/"+r.Name] || r.To == 0
			default:
				add(ix.counties, r.Province+"/"+r.City, r.Name)
				k := r.Province + "/" + r.City + "/" + r.Name
				ix.inUse[k] = ix.inUse[k] || r.To == 0
			}
		}
	}
	sort.Strings(ix.provinces)
	ix.cityKey = map[string]string{}
	for _, prov := range ix.provinces {
		ix.names = append(ix.names, prov, shortPlace(prov))
		for _, city := range ix.cities[prov] {
			ix.names = append(ix.names, city, shortPlace(city))
			ix.cityKey[city] = prov + "/" + city
		}
	}
	return ix
})

// SnapAddress corrects the division names at the start of an address read
// by OCR against the region table: "山末省济南市术前区延安路342号" becomes
// "山东省济南市槐荫区…" only where a name differs from a real one by one
// character (or two in names of five or more) and no other name is as
// close. The street part is left as read.
func SnapAddress(f Field) Field {
	if !f.Found() {
		return f
	}
	if v := dropStrays(f.Value); v != f.Value {
		f.Value, f.Confs, f.Boxes = v, nil, nil
	}
	ix := loadPlaces()
	rs := []rune(f.Value)
	provs := closest(rs, ix.provinces)
	if len(provs) == 0 {
		prov, n, ok := provinceOfPrefecture(rs, ix)
		if !ok {
			prov, n, ok = municipalityCut(rs, ix)
		}
		if ok {
			rs = append([]rune(prov), rs[n:]...)
			f.Value, f.Confs, provs = string(rs), nil, []string{prov}
		}
	}
	for _, prov := range provs {
		rest := rs[len([]rune(prov)):]
		city, n := snapPrefix(rest, ix.cities[prov], prov+"/", ix.inUse)
		if city == "" && len(provs) > 1 {
			continue // the prefecture decides between 山东省 and 山西省 for 山末省
		}
		parent := city
		if city == "" {
			parent = "直辖"
		}
		rest = rest[n:]
		county, n := snapPrefix(rest, ix.counties[prov+"/"+parent], prov+"/"+parent+"/", ix.inUse)
		if out := prov + city + county + fixUnits(string(rest[n:])); out != f.Value {
			f.Value, f.Confs = out, nil
		}
		return f
	}
	return f
}

// provinceOfPrefecture recovers the province of an address read with
// only its last runes ("省苏州市吴中区…"): the prefecture name, exact, one
// or two runes in, where those runes end the province's name, and no
// other province has a prefecture of that name. It returns the province
// and how many runes of rs it replaces. An address that starts with the
// prefecture is left alone: licences print such addresses too.
func provinceOfPrefecture(rs []rune, ix *placeIndex) (string, int, bool) {
	found, n := "", 0
	for _, prov := range ix.provinces {
		for _, city := range ix.cities[prov] {
			cr := []rune(city)
			if len(cr) < 3 {
				continue
			}
			for skip := 1; skip <= 2 && skip+len(cr) <= len(rs); skip++ {
				if string(rs[skip:skip+len(cr)]) == city && strings.HasSuffix(prov, string(rs[:skip])) {
					if found != "" && found != prov {
						return "", 0, false
					}
					found, n = prov, skip
				}
			}
		}
	}
	return found, n, found != ""
}

// municipalityCut recovers a municipality whose first rune or two the
// OCR lost ("海市宝山区…" for 上海市宝山区…): the rest of its name,
// followed at once by one of its districts, exact, and no other
// municipality fits. It returns what provinceOfPrefecture does.
func municipalityCut(rs []rune, ix *placeIndex) (string, int, bool) {
	found, cut := "", 0
	for _, p := range ix.provinces {
		pr := []rune(p)
		for skip := 1; skip <= 2 && skip < len(pr)-1; skip++ {
			rest := pr[skip:]
			if len(rs) <= len(rest) || string(rs[:len(rest)]) != string(rest) {
				continue
			}
			after := string(rs[len(rest):])
			if !slices.ContainsFunc(ix.counties[p+"/直辖"], func(c string) bool { return strings.HasPrefix(after, c) }) {
				continue
			}
			if found != "" && found != p {
				return "", 0, false
			}
			found, cut = p, len(rest)
		}
	}
	return found, cut, found != ""
}

// StartsWithRegion reports whether an address starts with the name of a
// province, autonomous region, municipality or prefecture, as a full
// address does.
func StartsWithRegion(s string) bool {
	ix := loadPlaces()
	n := len([]rune(s))
	for _, p := range ix.provinces {
		if strings.HasPrefix(s, p) && len([]rune(p)) < n {
			return true
		}
		for _, c := range ix.cities[p] {
			if strings.HasPrefix(s, c) && len([]rune(c)) >= 3 && len([]rune(c)) < n {
				return true
			}
		}
	}
	return false
}

// closest lists the names that the start of rs spells with the fewest
// edits, within allowedEdits.
func closest(rs []rune, names []string) []string {
	var out []string
	bestD := 99
	for _, name := range names {
		nr := []rune(name)
		if len(nr) < 2 || len(nr) > len(rs) {
			continue
		}
		d := Levenshtein(rs[:len(nr)], nr)
		switch {
		case d > allowedEdits(len(nr)) || d > bestD:
		case d < bestD:
			out, bestD = []string{name}, d
		default:
			out = append(out, name)
		}
	}
	return out
}

// snapPrefix finds the name that the start of rs most likely spells and
// returns it with the number of runes it covers; "" and 0 when none is
// close enough or two are equally close. Of equally close names, one
// still in use (inUse[key+name]) is taken over withdrawn ones: 妆山区 is
// one character from 杭州市's 萧山区 and from 半山区, withdrawn in 1996.
func snapPrefix(rs []rune, names []string, key string, inUse map[string]bool) (string, int) {
	var best []string
	bestD, bestN := 99, 0
	for _, name := range names {
		nr := []rune(name)
		if len(nr) < 2 || len(nr) > len(rs) {
			continue
		}
		d := Levenshtein(rs[:len(nr)], nr)
		switch {
		case d > allowedEdits(len(nr)):
		case d < bestD || (d == bestD && len(nr) > bestN):
			best, bestD, bestN = []string{name}, d, len(nr)
		case d == bestD && len(nr) == bestN && !slices.Contains(best, name):
			best = append(best, name)
		}
	}
	if len(best) > 1 {
		best = slices.DeleteFunc(best, func(n string) bool { return !inUse[key+n] })
	}
	if len(best) != 1 {
		return "", 0
	}
	return best[0], bestN
}

// dropStrays removes from an address what no address holds: a rule or
// stroke read as a bar, a colon (a speck read as one, 济南市:天桥区,
// generated app-29-00007: with it the address was a character longer
// than the form's and no glyph check weighed its wrapped 室 read as 2),
// and a lone lower-case Latin letter (743号e, 1e8层), which is a speck
// or a stroke's end read as one; building letters print in capitals
// (A座).
func dropStrays(s string) string {
	rs := []rune(s)
	out := rs[:0:0]
	for i, r := range rs {
		if strings.ContainsRune("|｜:：", r) || (r >= 'a' && r <= 'z' && !latinAt(rs, i-1) && !latinAt(rs, i+1)) {
			continue
		}
		out = append(out, r)
	}
	return string(out)
}

func latinAt(rs []rune, i int) bool {
	return i >= 0 && i < len(rs) && (rs[i] >= 'a' && rs[i] <= 'z' || rs[i] >= 'A' && rs[i] <= 'Z')
}

// allowedEdits: two-character names must match exactly (a one-character
// change makes another real name too easily), longer ones may carry one
// misread character, names of five or more two.
func allowedEdits(n int) int {
	switch {
	case n <= 2:
		return 0
	case n < 5:
		return 1
	}
	return 2
}

// typeDistance is the edits between a read rs and a type tr, where a
// read that runs on past the type's last character, or stops short of
// it with half of it and three characters read (其他有限, the type
// wrapped), costs one edit for the run-on or the cut. (A stray 有 on a
// licence's edge, cut so, was 有限合伙企业 one edit away, and a
// 有限责任公司 snapped to it: generated app-7-00019.)
func typeDistance(rs, tr []rune) int {
	d := Levenshtein(rs, tr)
	switch {
	case len(rs) > len(tr) && rs[len(tr)-1] == tr[len(tr)-1]:
		d = min(d, Levenshtein(rs[:len(tr)], tr)+1)
	case len(rs) < len(tr) && 2*len(rs) >= len(tr) && len(rs) >= 3:
		d = min(d, Levenshtein(rs, tr[:len(rs)])+1)
	}
	return d
}

// enterpriseTypes are the enterprise types a licence prints (市场主体类型).
var enterpriseTypes = []string{
	"有限责任公司（自然人投资或控股）", "有限责任公司（自然人独资）", "有限责任公司（法人独资）",
	"有限责任公司（非自然人投资或控股的法人独资）", "有限责任公司（自然人投资或控股的法人独资）",
	"有限责任公司（国有独资）", "有限责任公司（国有控股）", "有限责任公司（港澳台投资、非独资）",
	"有限责任公司（港澳台法人独资）", "有限责任公司（港澳台自然人独资）", "有限责任公司（外商投资、非独资）",
	"有限责任公司（外国法人独资）", "有限责任公司（外国自然人独资）", "有限责任公司（台港澳与境内合资）",
	"其他有限责任公司", "股份有限公司（非上市、自然人投资或控股）", "股份有限公司（上市、自然人投资或控股）",
	"股份有限公司（非上市、国有控股）", "股份有限公司（上市、国有控股）", "股份有限公司（非上市）",
	"股份有限公司（上市）", "股份有限公司（港澳台投资、未上市）", "股份有限公司（外商投资、未上市）",
	"其他股份有限公司（非上市）", "其他股份有限公司（上市）", "个人独资企业", "个体工商户",
	"普通合伙企业", "有限合伙企业", "特殊普通合伙企业", "农民专业合作社", "全民所有制", "集体所有制",
	"股份合作制", "联营",
}

// KnownType reports whether t is an enterprise type licences print.
func KnownType(t string) bool {
	return slices.Contains(enterpriseTypes, t)
}

// SnapType corrects an enterprise type read by OCR to the type it most
// likely spells: one within a fifth of its length in edits, also when
// the read carries trailing characters from the next line ("…控股）谭海")
// or was cut where the type wraps ("…控股的法）" of …控股的法人独资）).
func SnapType(f Field) Field {
	if !f.Found() {
		return f
	}
	rs := []rune(Canon(f.Value))
	best, bestD, bestLen := "", 99, 0
	for _, t := range enterpriseTypes {
		tr := []rune(Canon(t))
		d := typeDistance(rs, tr)
		// Equally close: the type nearer the read's length ("…控股的法人）"
		// is …控股的法人独资） cut short, not …控股）).
		if dl := abs(len(tr) - len(rs)); d < bestD || (d == bestD && dl < bestLen) {
			best, bestD, bestLen = t, d, dl
		}
	}
	if best == "" || bestD*5 > len([]rune(best)) {
		if t, ok := typeByBracket(rs); ok {
			f.Value, f.Confs, f.Conf = t, nil, min(f.Conf, unsureConf)
		}
		return f
	}
	if strings.EqualFold(best, f.Value) {
		return f
	}
	f.Value, f.Confs = best, nil
	return f
}

// typeByBracket names the type whose bracketed part the read's starts
// with, at most one character off, when the part is long enough to tell
// (six characters) and only one type has it: "和公司（自然人投资或控股的法人"
// with 有限责任 read as 和 and 独资） lost is 有限责任公司（自然人投资或控股的法人独资）.
// The words before the bracket must end like the type's (公司).
func typeByBracket(rs []rune) (string, bool) {
	open := slices.IndexFunc(rs, func(r rune) bool { return strings.ContainsRune("(〈《", r) })
	if open < 2 {
		return "", false
	}
	inner := []rune(strings.TrimRight(string(rs[open+1:]), ")〉》"))
	if len(inner) < 6 {
		return "", false
	}
	found := ""
	for _, t := range enterpriseTypes {
		tr := []rune(Canon(t))
		to := slices.Index(tr, '(')
		if to < 2 || string(tr[to-2:to]) != string(rs[open-2:open]) || len(tr)-to-2 < len(inner) {
			continue
		}
		if Levenshtein(inner, tr[to+1:to+1+len(inner)]) <= 1 {
			if found != "" {
				return "", false
			}
			found = t
		}
	}
	return found, found != ""
}
