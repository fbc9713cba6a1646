package main

import (
	"encoding/csv"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
)

// region is one county-level division of the CC0 region code table.
type region struct {
	Code     string
	Province string
	City     string // "" for districts of a municipality
	Name     string
	Start    int // first year the code was in use
	End      int // year it was retired, 0 if still in use
}

// regionTable indexes county-level codes that are still in use.
type regionTable struct {
	all    []region
	byCity map[string][]region // "广东省/深圳市" -> districts
}

func loadRegions(path string) (*regionTable, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("region codes: %w (pass -regions)", err)
	}
	defer f.Close()
	rd := csv.NewReader(f)
	rd.FieldsPerRecord = -1
	t := &regionTable{byCity: map[string][]region{}}
	for {
		rec, err := rd.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("region codes %s: %w", path, err)
		}
		if r, ok := parseRegion(rec); ok {
			t.all = append(t.all, r)
			k := r.Province + "/" + r.City
			t.byCity[k] = append(t.byCity[k], r)
		}
	}
	if len(t.all) < 100 {
		return nil, fmt.Errorf("region codes %s: only %d usable rows", path, len(t.all))
	}
	return t, nil
}

// parseRegion keeps real counties and districts in use today, leaving out
// development zones and "市辖区" placeholders.
func parseRegion(rec []string) (region, bool) {
	if len(rec) < 8 || rec[4] != "县级" || rec[5] != "在用" {
		return region{}, false
	}
	code := strings.TrimPrefix(rec[0], "\ufeff")
	if len(code) != 6 || code[4:] == "00" || code[4:] >= "70" {
		return region{}, false
	}
	name := rec[3]
	if name == "市辖区" || strings.Contains(name, "开发区") || strings.Contains(name, "管理区") ||
		!(strings.HasSuffix(name, "区") || strings.HasSuffix(name, "县") || strings.HasSuffix(name, "市")) {
		return region{}, false
	}
	start, err := strconv.Atoi(rec[6])
	if err != nil {
		return region{}, false
	}
	city := rec[2]
	if strings.Contains(city, "直辖") {
		city = ""
	}
	return region{Code: code, Province: rec[1], City: city, Name: name, Start: start}, true
}

// districts lists the urban districts (…区) of a city.
func (t *regionTable) districts(province, city string) []region {
	key := city
	if province == city {
		key = ""
	}
	var out []region
	for _, r := range t.byCity[province+"/"+key] {
		if strings.HasSuffix(r.Name, "区") {
			out = append(out, r)
		}
	}
	return out
}

// prefix is the address prefix of a region: province, city, county.
func (r region) prefix() string {
	if r.City == "" {
		return r.Province + r.Name
	}
	return r.Province + r.City + r.Name
}

// cityName is the prefecture-level name used in authority names.
func (r region) cityName() string {
	if r.City == "" {
		return r.Province
	}
	return r.City
}

// police is the issuing authority printed on the back of an ID card.
func (r region) police() string {
	if strings.HasSuffix(r.Name, "区") && len([]rune(r.Name)) > 1 {
		stem := strings.TrimSuffix(r.Name, "区")
		if len([]rune(stem)) == 1 {
			stem = r.Name
		}
		return r.cityName() + "公安局" + stem + "分局"
	}
	return r.Name + "公安局"
}
