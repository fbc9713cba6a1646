package main

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"time"

	"github.com/qualcheck/qualcheck/verify"
)

// person is someone whose ID card appears in the application.
type person struct {
	Name      string
	Male      bool
	Ethnic    string
	Birth     time.Time
	Region    region
	Address   string
	ID        string
	Issuer    string
	ValidFrom time.Time
	ValidTo   time.Time // longTerm for 长期
}

// enterprise is what the business licence says.
type enterprise struct {
	Name, Type     string
	City           city
	District       region
	Address        string
	Org            string // 9-character organisation code
	USCC           string
	Capital, Scope string
	Founded        time.Time
	TermEnd        time.Time // longTerm for 长期
	LicenceDate    time.Time
	Registry       string
	RegistryGrey   bool
	CopyNo         string
	Industry       industry
	Brand          string
	TaxDate        time.Time // 400 supporting certificates
	OrgDate        time.Time
}

// letter is the printed content of one signed letter.
type letter struct {
	Kind    string // "commitment" or "application"
	Lines   []string
	Fills   map[string]string
	Date    time.Time
	Stamped bool
}

// app is one generated application with everything known about it.
type app struct {
	ID, Kind      string
	Submitted     time.Time
	Ent           enterprise
	LR, Admin     person
	LRCard        person // the person the LR card shows
	Phone         string
	Commit, Apply letter
	Remarks, Qual string
	ThreeInOne    bool
	NumberCount   int
	Docs          []*docPlan
	Reasons       []reason
	Defects       []string
	Fields        map[string]string
	Form          form
	DropLRName    bool // fields omit legal_rep_name (LR card shows someone else)
}

// reason is an expected reason as verify reads it from expected.json.
type reason = verify.ExpectedReason

// truthGen draws truth from a seeded generator.
type truthGen struct {
	rng     *rand.Rand
	regions *regionTable
	tmpl    map[string][]string
}

func pick[T any](rng *rand.Rand, xs []T) T { return xs[rng.IntN(len(xs))] }

func (g *truthGen) personName(male bool) string {
	pool := femaleGiven
	if male {
		pool = maleGiven
	}
	n := 1 + g.rng.IntN(2)
	if g.rng.IntN(4) == 0 {
		n = 1
	}
	name := pick(g.rng, surnames)
	for i := 0; i < n; i++ {
		name += string(pool[g.rng.IntN(len(pool))])
	}
	return name
}

// personRegion picks a county whose code was in use in the birth year
// (the table starts in 1981: codes listed then count as older).
func (g *truthGen) personRegion(birthYear int) region {
	year := max(birthYear, 1981)
	for {
		r := g.regions.all[g.rng.IntN(len(g.regions.all))]
		if r.Start <= year {
			return r
		}
	}
}

func (g *truthGen) homeAddress(r region) string {
	no := 1 + g.rng.IntN(300)
	switch g.rng.IntN(3) {
	case 0:
		return fmt.Sprintf("%s%s%d号", r.prefix(), pick(g.rng, roadNames), no)
	case 1:
		return fmt.Sprintf("%s%s%s%d号", r.prefix(), strings.TrimSuffix(pick(g.rng, roadNames), "路")+"街道", pick(g.rng, communityNames), no)
	default:
		return fmt.Sprintf("%s%s%d号%d栋%d室", r.prefix(), pick(g.rng, roadNames), no, 1+g.rng.IntN(20), 101+g.rng.IntN(20)*100+g.rng.IntN(6))
	}
}

// newPerson draws a person born on birth, registered in a county whose
// code existed then.
func (g *truthGen) newPerson(birth time.Time) person {
	p := person{Male: g.rng.IntN(2) == 0, Birth: birth}
	p.Name = g.personName(p.Male)
	p.Ethnic = pick(g.rng, ethnicities)
	p.Region = g.personRegion(birth.Year())
	p.Address = g.homeAddress(p.Region)
	p.ID = makeID(p.Region.Code, birth, idSeq(g.rng, p.Male))
	p.Issuer = p.Region.police()
	return p
}

func (g *truthGen) birthFor(ref time.Time, minAge, maxAge int) time.Time {
	from := addDays(addYears(ref, -maxAge-1), 1)
	to := addYears(ref, -minAge)
	for {
		b := randDate(g.rng, from, to)
		if !(b.Month() == 2 && b.Day() == 29) {
			return b
		}
	}
}

// idTerm is the validity of a card issued at that age (0 = 长期).
func idTerm(age int) int {
	switch {
	case age < 16:
		return 5
	case age < 26:
		return 10
	case age < 46:
		return 20
	}
	return 0
}

// validPerson draws a person whose card is valid well past ref.
func (g *truthGen) validPerson(ref time.Time) person {
	p := g.newPerson(g.birthFor(ref, 22, 62))
	g.setValidity(&p, ref)
	return p
}

// setValidity picks an issue date whose card is still valid 60 days after
// ref.
func (g *truthGen) setValidity(p *person, ref time.Time) {
	earliest := addYears(p.Birth, 16)
	for try := 0; try < 200; try++ {
		from := randDate(g.rng, earliest, addDays(ref, -20))
		if from.Month() == 2 && from.Day() == 29 {
			continue
		}
		term := idTerm(yearsBetween(p.Birth, from))
		to := longTerm
		if term > 0 {
			to = addYears(from, term)
		}
		if to.After(addDays(ref, 60)) {
			p.ValidFrom, p.ValidTo = from, to
			return
		}
	}
	p.ValidFrom, p.ValidTo = addDays(ref, -400), longTerm
}

// personEndingOn draws a person whose card ends exactly on end.
func (g *truthGen) personEndingOn(end time.Time) person {
	term := 20
	minAge, maxAge := 26, 45
	if g.rng.IntN(3) == 0 {
		term, minAge, maxAge = 10, 16, 25
	}
	from := addYears(end, -term)
	p := g.newPerson(g.birthFor(from, minAge, maxAge))
	p.ValidFrom, p.ValidTo = from, end
	return p
}
