package search

import (
	"cmp"
	"encoding/json"
	"fmt"
	"slices"

	"github.com/abri-guide/abri/generator/content"
)

// Bits of a listing's flags in an area shard. The audience bits follow,
// one per entry of Audiences.
const (
	flagWheelchair = 1 << iota // wheelchair accessible
	flagAnimals                // animals welcome
	flagWalkIn                 // no appointment and no referral needed
	flagFree                   // free of charge
	flagApprox                 // the position is the town's centre
	flagClosed                 // permanently closed
	flagAudience               // first audience bit
)

// Audience is a group of people a reader can say they belong to; the
// filter keeps the places that do not turn them away.
type Audience struct {
	Key     string                         // value in the page's URL: aud=women
	Label   string                         // interface string of the theme that names it
	Accepts func(a *content.Audience) bool // whether a place with this audience welcomes the group
}

// Audiences are the audience filters, in the order of their bits.
// A place turns a group away only when its welcome is exclusive and the
// criterion of that group's kind leaves it out.
var Audiences = []Audience{
	{"women", "gender_women", func(a *content.Audience) bool { return open(a, a.Gender, "women") }},
	{"men", "gender_men", func(a *content.Audience) bool { return open(a, a.Gender, "men") }},
	{"minors", "search_minors", func(a *content.Audience) bool { return a.Welcome != "exclusive" || a.Age == nil || a.Age.Min < 18 }},
	{"families", "family_family", func(a *content.Audience) bool { return open(a, a.Family, "family") }},
	{"asylum", "status_asylum", func(a *content.Audience) bool { return open(a, a.Status, "asylum") }},
	{"undocumented", "status_undocumented", func(a *content.Audience) bool { return open(a, a.Status, "undocumented") }},
}

// open says whether a criterion (gender, family, status) lets in value.
func open(a *content.Audience, criterion []string, value string) bool {
	return a.Welcome != "exclusive" || len(criterion) == 0 || slices.Contains(criterion, value)
}

// flags returns the filter bits of a listing.
func flags(e *entry) int {
	l := e.l
	f := 0
	if ac := l.Access; ac != nil {
		if ac.Wheelchair != nil && *ac.Wheelchair {
			f |= flagWheelchair
		}
		if ac.Animals != nil && *ac.Animals {
			f |= flagAnimals
		}
		if !ac.Appointment.Yes && !ac.Referral.Yes {
			f |= flagWalkIn
		}
		if ac.Price.Free {
			f |= flagFree
		}
	} else {
		f |= flagWalkIn
	}
	if e.approx {
		f |= flagApprox
	}
	if l.Closed() {
		f |= flagClosed
	}
	aud := l.Audience
	if aud == nil {
		aud = &content.Audience{}
	}
	for i, a := range Audiences {
		if a.Accepts(aud) {
			f |= flagAudience << i
		}
	}
	return f
}

// spokenLangs lists the languages spoken in the guide's places, the most
// common first, so that their numbers in the shards are small.
func spokenLangs(entries []entry) []string {
	count := map[string]int{}
	for _, e := range entries {
		for _, l := range e.l.Languages {
			count[string(l)]++
		}
	}
	codes := make([]string, 0, len(count))
	for c := range count {
		codes = append(codes, c)
	}
	slices.SortFunc(codes, func(a, b string) int { return cmp.Or(count[b]-count[a], cmp.Compare(a, b)) })
	return codes
}

// areaShard is the data of an area's listings that filters and sorting
// need for every candidate: position, flags, spoken languages, hours.
type areaShard struct {
	Pos   string            `json:"p"`           // per listing: latitude+1 and longitude from the area's corner, or 0 when unknown
	Flags string            `json:"f"`           // per listing: flag bits
	Langs string            `json:"l"`           // per listing: how many spoken languages, then their numbers
	Hours []json.RawMessage `json:"h,omitempty"` // distinct opening hours of the area, as hours.js reads them
	Which string            `json:"s,omitempty"` // per listing: 1 + its hours' number in Hours, or 0
	// In: per listing, how many categories where the hours of one of its
	// services apply (content.Listing.ServiceFor), then for each the
	// category's number and 1 + the number of those hours in Hours.
	In string `json:"x,omitempty"`
}

// buildArea makes the shard of an area.
func (b *builder) buildArea(a area, es []entry, langNum map[string]int) (*areaShard, error) {
	schedule := b.opts.Hours
	var pos, fl, langs, which, in []int
	seen := map[string]int{}
	sh := &areaShard{}
	for _, e := range es {
		if e.hasPos {
			pos = append(pos, e.pos.lat-a.min.lat+1, e.pos.lon-a.min.lon)
		} else {
			pos = append(pos, 0)
		}
		fl = append(fl, flags(&e))
		langs = append(langs, len(e.l.Languages))
		for _, l := range e.l.Languages {
			langs = append(langs, langNum[string(l)])
		}
		if schedule == nil {
			continue
		}
		n, err := sh.addHours(e.l, schedule, seen)
		if err != nil {
			return nil, err
		}
		which = append(which, n)
		if in, err = b.addServices(sh, e.l, seen, in); err != nil {
			return nil, err
		}
	}
	sh.Pos, sh.Flags, sh.Langs = vlqList(pos), vlqList(fl), vlqList(langs)
	if schedule != nil {
		sh.Which = vlqList(which)
	}
	if b.opts.ServiceHours != nil && schedule != nil {
		sh.In = vlqList(in)
	}
	return sh, nil
}

// addServices appends to in the categories of l where a service's hours
// apply, adding those hours to the shard's.
func (b *builder) addServices(sh *areaShard, l *content.Listing, seen map[string]int, in []int) ([]int, error) {
	at := len(in)
	in = append(in, 0)
	for _, si := range b.servicesIn(l) {
		js, err := b.serviceHours(l, si.service)
		if err != nil {
			return nil, err
		}
		n, ok := seen[string(js)]
		if !ok {
			sh.Hours = append(sh.Hours, json.RawMessage(js))
			n = len(sh.Hours)
			seen[string(js)] = n
		}
		for _, c := range si.cats {
			in = append(in, c, n)
			in[at]++
		}
	}
	return in, nil
}

// addHours adds the hours of l to the shard's distinct hours and returns
// 1 + their number, or 0 when l has none.
func (sh *areaShard) addHours(l *content.Listing, schedule func(*content.Listing) ([]byte, error), seen map[string]int) (int, error) {
	h, err := schedule(l)
	if err != nil {
		return 0, fmt.Errorf("search: hours of %s: %v", l.ID, err)
	}
	if len(h) == 0 {
		return 0, nil
	}
	if !json.Valid(h) {
		return 0, fmt.Errorf("search: hours of %s: not JSON: %.40q", l.ID, h)
	}
	n, ok := seen[string(h)]
	if !ok {
		sh.Hours = append(sh.Hours, json.RawMessage(h))
		n = len(sh.Hours)
		seen[string(h)] = n
	}
	return n, nil
}
