package render

import (
	"html/template"
	"sort"
	"strings"

	"github.com/abri-guide/abri/generator/content"
	"github.com/abri-guide/abri/generator/hours"
)

// The views below are built once per build, not once per page: every
// language's pages share them and only pick their words at render time.

// Category is a category with the listings filed under it or its descendants.
type Category struct {
	*content.Category
	ID       string               // copies of the content's fields: templates find
	Name     content.Text         // direct fields much faster than promoted ones
	Icon     template.HTML        // pictogram of its top-level category
	Listings []*Listing           // sorted by name
	ByCity   []Group              // the same listings grouped by city, when the guide has several cities
	byCity   map[*City][]*Listing // the listings of each group of ByCity
	Children []*Category          // sub-categories that have listings
}

// City is a town of the guide with its listings.
type City struct {
	Name       string
	Slug       string
	Listings   []*Listing
	ByCategory []Group // grouped by top-level category, in the tree's order
}

// Group is a titled list of listings on a category or city page.
type Group struct {
	City     *City     // set on category pages
	Category *Category // set on city pages
	Listings []*Listing
}

// Listing is a listing ready to show. Its location comes from
// (*content.Listing).Public: Street and Geo are empty for hidden addresses,
// and the template cannot leak what it is never given.
type Listing struct {
	// Fields copied from the content: templates reach direct fields without
	// the reflection search that promoted fields of an embedded struct cost.
	ID          string
	Name        string
	Description content.Text
	Phone       content.Phones
	Email       content.Email
	Website     content.URL
	Audience    *content.Audience
	Access      *content.Access
	Languages   []content.SpokenLang
	Updated     content.Date
	Sources     []content.Source
	Closed      bool
	Stale       bool   // checked longer ago than stale_after, on the day of the build
	Status      string // the hours for hours.js (data-hours), closures already over left out

	Index      int    // position in Site.Listings, for per-language caches
	sortKey    string // lower-case name, computed once
	source     *content.Listing
	Street     string
	PostalCode string
	City       *City
	Geo        *content.Geo
	Tops       []*Category // top-level categories, for pictograms
	Cats       []*Category // categories as listed by the editor
	Hours      *Hours
	Services   []Service
	Closures   []Dated        // not over on the day of the build; shown from 15 days before
	Special    []Special      // not over on the day of the build; shown from 15 days before
	StaleShow  string         // data-show of the stale caution: from the first stale day on
	Print      Upcoming       // closures and special hours of the print edition
	Message    *Message       // its temporary message, nil when none or over
	in         map[string]int // category id -> 1 + index in Services of the service whose hours apply there
	Directions *Directions    // links to the place in maps apps, nil when there is nothing to look for
	Hidden     bool           // the address is hidden
}

// Message is a listing's temporary message not over on the day of the build.
type Message struct {
	Text   content.Text
	Show   string // data-show: first/last day, either may be empty; "" when always shown
	Hidden bool   // not in force on the day of the build
}

// Service is a service of a listing with its hours.
type Service struct {
	content.Service
	Cat      *Category
	Hours    *Hours
	Status   string            // its hours for hours.js, when it has hours or closures of its own
	Closures []Dated           // its own closures not over on the day of the build
	Print    []content.Closure // its own closures of the print edition
}

// Special are special hours with their table.
type Special struct {
	content.SpecialHours
	Table  *Hours
	Show   string // data-show: the days it is announced, first/last, for app.js
	Hidden bool   // not announced on the day of the build
}

// Dated is a closure with the days it is announced.
type Dated struct {
	content.Closure
	Show   string // data-show: first/last day it is announced, for app.js
	Hidden bool   // not announced on the day of the build
}

// Upcoming are the closures and special hours that a print edition states:
// in force on its date or starting within 30 days.
type Upcoming struct {
	Closures []content.Closure
	Special  []Special
}

// In is what a reader looking for a category at a listing sees: the hours
// of the service that applies there (content.Listing.ServiceFor), or the
// place's.
type In struct {
	Hours    *Hours
	Status   string
	Special  []Special         // the place's special hours for the print edition; none for a service with hours of its own
	Closures []content.Closure // the service's own closures for the print edition
}

// serviceIn returns 1 + the index in Services of the service whose hours
// apply when a reader looks for c here, or 0 for the place's hours.
func (l *Listing) serviceIn(c *Category) int {
	if c == nil {
		return 0
	}
	return l.in[c.ID]
}

// In returns the hours a reader looking for c sees here.
func (l *Listing) In(c *Category) In {
	if i := l.serviceIn(c); i > 0 {
		sv := &l.Services[i-1]
		if sv.Hours == nil { // closures of its own at the place's hours
			return In{Hours: l.Hours, Status: sv.Status, Special: l.Print.Special, Closures: sv.Print}
		}
		return In{Hours: sv.Hours, Status: sv.Status, Closures: sv.Print}
	}
	return In{Hours: l.Hours, Status: l.Status, Special: l.Print.Special}
}

// Hours is a week table: one row per day, Monday first, with the slots
// already formatted in 24-hour time.
type Hours struct {
	Days           [7]Day
	Nth            []NthRow
	PublicHolidays string
	Note           content.Text
}

// Day is a row of the week table.
type Day struct {
	Key    string   // mo, tu ...
	Slots  []string // 09:00–12:00 ...
	AllDay bool
}

// NthRow is a slot on the nth weekday of the month.
type NthRow struct {
	Key   string // nth_1 ... nth_4, nth_last
	Day   string // mo, tu ...
	Slots []string
}

var dayKeys = [7]string{"mo", "tu", "we", "th", "fr", "sa", "su"}

func newHours(h *content.Hours) *Hours {
	if h == nil {
		return nil
	}
	v := &Hours{PublicHolidays: h.PublicHolidays, Note: h.Note}
	for i := range v.Days {
		v.Days[i].Key = dayKeys[i]
	}
	for _, r := range h.Rules {
		for i, on := range r.Days {
			if !on {
				continue
			}
			if r.Nth != 0 {
				v.Nth = append(v.Nth, NthRow{Key: nthKey(r.Nth), Day: dayKeys[i], Slots: formatSlots(r.Slots)})
				continue
			}
			v.Days[i].Slots = formatSlots(r.Slots)
			v.Days[i].AllDay = len(r.Slots) == 1 && r.Slots[0].Start == 0 && r.Slots[0].End == 24*60
		}
	}
	return v
}

func nthKey(n int) string {
	if n < 0 {
		return "nth_last"
	}
	return "nth_" + string(rune('0'+n))
}

func formatSlots(slots []hours.Slot) []string {
	out := make([]string, len(slots))
	for i, s := range slots {
		out[i] = strings.Replace(s.String(), "-", "–", 1)
	}
	return out
}

// sortListings orders listings by name, then id, whatever the input order.
func sortListings(ls []*Listing) {
	sort.Slice(ls, func(i, j int) bool {
		a, b := ls[i].sortKey, ls[j].sortKey
		if a != b {
			return a < b
		}
		return ls[i].ID < ls[j].ID
	})
}
