package content

import (
	"fmt"
	"sort"
	"strings"
	"unicode"

	"github.com/abri-guide/abri/generator/slug"
)

// City is a city or town of the guide: the published listings whose
// address.city is the same name once folded (slug.Fold: case, accents,
// punctuation), so that LYON, Lyon and Lyón are one city with one page.
type City struct {
	Name      string     // the spelling shown: the most used (see spelling)
	Slug      string     // file name of its page, readable in Latin letters (slug.Make)
	Key       string     // the folded name, as search matches it
	Spellings []string   // every spelling the listings use, Name first
	Listings  []*Listing // sorted by id
}

// cityAt is where a listing's address.city is, for messages.
type cityAt struct{ line, col int }

// fileCities groups the published listings into cities. Spellings of one
// city are warned about, so that editors settle on one; two cities whose
// pages would have the same name are an error naming both.
func (g *Guide) fileCities(ps *Problems) {
	byKey := map[string]*City{}
	g.cityOf = map[*Listing]*City{}
	for _, l := range g.Listings {
		a := l.Address
		if a == nil || a.City == "" {
			continue
		}
		key := slug.Fold(a.City)
		c := byKey[key]
		if c == nil {
			c = &City{Key: key}
			byKey[key] = c
			g.Cities = append(g.Cities, c)
		}
		c.Listings = append(c.Listings, l)
	}
	bySlug := map[string]*City{}
	kept := g.Cities[:0]
	for _, c := range g.Cities {
		c.Name, c.Spellings = spelling(c.Listings)
		c.Slug = slug.Make(c.Name)
		first := c.Listings[0]
		if c.Slug == "" {
			*ps = append(*ps, cityProblem(first, Error, "address.city: %q has no letter to name its page: write the name of the city", first.Address.City))
			continue
		}
		if other := bySlug[c.Slug]; other != nil {
			*ps = append(*ps, cityProblem(first, Error,
				"address.city: %q and %q (%s) are different cities with the same page, cities/%s.html: write them the same way if they are one city, or tell them apart (e.g. add the district or region)",
				first.Address.City, other.Name, where(other.Listings[0]), c.Slug))
			continue
		}
		bySlug[c.Slug] = c
		kept = append(kept, c)
		for _, l := range c.Listings {
			g.cityOf[l] = c
		}
		c.warnSpellings(ps)
	}
	g.Cities = kept
	sort.Slice(g.Cities, func(i, j int) bool { return g.Cities[i].Key < g.Cities[j].Key })
}

// spelling chooses how a city is shown: the spelling most listings use;
// on a tie, one in mixed case (Lyon rather than LYON or lyon), then the
// first in byte order, so that the choice never depends on file order.
// It returns every spelling, the chosen one first.
func spelling(ls []*Listing) (string, []string) {
	count := map[string]int{}
	var names []string
	for _, l := range ls {
		n := l.Address.City
		if count[n] == 0 {
			names = append(names, n)
		}
		count[n]++
	}
	sort.Slice(names, func(i, j int) bool {
		a, b := names[i], names[j]
		if count[a] != count[b] {
			return count[a] > count[b]
		}
		if mixedCase(a) != mixedCase(b) {
			return mixedCase(a)
		}
		return a < b
	})
	return names[0], names
}

func mixedCase(s string) bool {
	return strings.ContainsFunc(s, unicode.IsUpper) && strings.ContainsFunc(s, unicode.IsLower)
}

// warnSpellings warns at each listing that spells the city otherwise
// than most, naming the chosen spelling and the other ones with a file.
func (c *City) warnSpellings(ps *Problems) {
	if len(c.Spellings) < 2 {
		return
	}
	example := map[string]*Listing{}
	count := map[string]int{}
	for _, l := range c.Listings {
		n := l.Address.City
		if example[n] == nil {
			example[n] = l
		}
		count[n]++
	}
	for _, l := range c.Listings {
		n := l.Address.City
		if n == c.Name {
			continue
		}
		var others []string
		for _, s := range c.Spellings[1:] {
			if s != n {
				others = append(others, fmt.Sprintf("%q in %s", s, where(example[s])))
			}
		}
		also := ""
		if len(others) > 0 {
			also = "; also written " + strings.Join(others, ", ")
		}
		*ps = append(*ps, cityProblem(l, Warning,
			"address.city: %q is the city %q written another way (%d listings write %q, e.g. %s%s): write %q so that the city has one spelling",
			n, c.Name, count[c.Name], c.Name, where(example[c.Name]), also, c.Name))
	}
}

// cityProblem is a problem at a listing's address.city.
func cityProblem(l *Listing, sev Severity, format string, args ...any) Problem {
	at := l.Address.at
	return Problem{Path: l.Path, Line: at.line, Col: at.col, Msg: fmt.Sprintf(format, args...), Severity: sev}
}

// where names a listing's address.city as path:line:col.
func where(l *Listing) string {
	at := l.Address.at
	if at.line == 0 {
		return l.Path
	}
	return fmt.Sprintf("%s:%d:%d", l.Path, at.line, at.col)
}

// CityOf returns the city of a listing, nil when its address has no city.
func (g *Guide) CityOf(l *Listing) *City { return g.cityOf[l] }
