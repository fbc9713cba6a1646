package extract

import (
	"bytes"
	_ "embed"
	"encoding/csv"
	"fmt"
	"io"
	"sort"
	"strconv"
	"sync"
)

// regionCSV is the GB/T 2260 administrative division history from
// yescallop/areacodes (CC0, see data/regioncodes.LICENSE). Columns:
// 代码,一级行政区,二级行政区,名称,级别,状态,启用时间,变更/弃用时间,新代码.
//
//go:embed data/regioncodes.csv
var regionCSV []byte

// Region is one period during which a six-digit administrative division code
// had a given meaning. A code can have several periods (it may be reassigned,
// or withdrawn and later reused).
type Region struct {
	Code     string
	Province string // 一级行政区, e.g. 广东省
	City     string // 二级行政区: prefecture, "直辖" for directly administered, "" for provinces
	Name     string // 名称 of the division itself
	From     int    // first year in use
	To       int    // year it was changed or withdrawn; 0 = still in use
}

// regionTable maps a code to its periods sorted by From. It is built once
// and never modified afterwards.
type regionTable struct {
	byCode    map[string][]Region
	firstYear int // earliest From in the data (the start of the records)
}

// loadRegions parses the embedded table on first use. The data is compiled in
// and covered by tests, so a parse failure is a build defect and panics.
var loadRegions = sync.OnceValue(func() *regionTable {
	t, err := parseRegionTable(regionCSV)
	if err != nil {
		panic(fmt.Sprintf("extract: embedded region table: %v", err))
	}
	return t
})

func parseRegionTable(data []byte) (*regionTable, error) {
	r := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(data, []byte("\ufeff"))))
	r.FieldsPerRecord = 9
	if _, err := r.Read(); err != nil {
		return nil, fmt.Errorf("read header: %w", err)
	}
	t := &regionTable{byCode: make(map[string][]Region)}
	for {
		rec, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("read record: %w", err)
		}
		if err := t.add(rec); err != nil {
			return nil, err
		}
	}
	t.sortPeriods()
	return t, nil
}

func (t *regionTable) add(rec []string) error {
	from, err := strconv.Atoi(rec[6])
	if err != nil {
		return fmt.Errorf("code %s: start year %q: %w", rec[0], rec[6], err)
	}
	to := 0
	if rec[7] != "" {
		if to, err = strconv.Atoi(rec[7]); err != nil {
			return fmt.Errorf("code %s: end year %q: %w", rec[0], rec[7], err)
		}
	}
	reg := Region{Code: rec[0], Province: rec[1], City: rec[2], Name: rec[3], From: from, To: to}
	t.byCode[reg.Code] = append(t.byCode[reg.Code], reg)
	if t.firstYear == 0 || from < t.firstYear {
		t.firstYear = from
	}
	return nil
}

func (t *regionTable) sortPeriods() {
	for _, ps := range t.byCode {
		sort.Slice(ps, func(i, j int) bool { return ps[i].From < ps[j].From })
	}
}

// LookupRegion returns the current meaning of a six-digit division code, or
// its most recent one if the code is no longer in use.
func LookupRegion(code string) (Region, bool) {
	ps := loadRegions().byCode[code]
	if len(ps) == 0 {
		return Region{}, false
	}
	for _, p := range ps {
		if p.To == 0 {
			return p, true
		}
	}
	return ps[len(ps)-1], true
}

// RegionIn returns the meaning code had in the given year, if it existed
// then. See RegionValidIn for the rule.
func RegionIn(code string, year int) (Region, bool) {
	t := loadRegions()
	for _, p := range t.byCode[code] {
		if t.existedIn(p, year) {
			return p, true
		}
	}
	return Region{}, false
}

// RegionValidIn reports whether code existed in year: From ≤ year and
// (To == 0 or year < To). This mirrors what python-stdnum's cn.ric tests
// expect of the birth place: the code must have existed in the birth year.
//
// One leniency: the records start in 1981, so a From of 1981 only means
// "already in use when records began", and such a period also covers earlier
// years. python-stdnum's own valid vector 120110198012010073 (东郊区, born
// 1980) needs this, while 110111198012010078 (房山区, code from 1986) must
// still fail.
func RegionValidIn(code string, year int) bool {
	_, ok := RegionIn(code, year)
	return ok
}

func (t *regionTable) existedIn(p Region, year int) bool {
	started := p.From <= year || p.From == t.firstYear
	return started && (p.To == 0 || year < p.To)
}

// ProvinceName returns the province-level name for the first two digits of
// code ("44" or "440113" → "广东省"), or "" if unknown.
func ProvinceName(code string) string {
	if len(code) < 2 {
		return ""
	}
	r, ok := LookupRegion(code[:2] + "0000")
	if !ok {
		return ""
	}
	return r.Name
}
