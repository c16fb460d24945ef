package content

import (
	"testing"
	"testing/fstest"
	"time"

	"github.com/abri-guide/abri/generator/hours"
)

// TestServiceFor: which hours a reader looking for a category sees.
func TestServiceFor(t *testing.T) {
	cats := `- id: welcome
  icon: food
  name: Accueil
  children: [{id: day_hosting, name: Accueil de jour}]
- id: hygiene
  icon: food
  name: Hygiène
  children: [{id: shower, name: Douche}, {id: laundry, name: Laverie}]
`
	listing := func(categories, services string) []byte {
		return []byte("name: X\ncategories: " + categories + "\naddress: {city: Lyon}\nhours: {mo-fr: 09:00-17:00}\nupdated: 2026-11-01\nservices:\n" + services)
	}
	shower := "  - {category: shower, hours: {tu: 09:00-11:00}}\n"
	fsys := fstest.MapFS{
		"site.yaml":       {Data: []byte(site)},
		"categories.yaml": {Data: []byte(cats)},
		// a day centre whose only hygiene offer is its showers
		"listings/a.yaml": {Data: listing("[day_hosting, shower]", shower)},
		// one that also has a laundry at the place's hours
		"listings/b.yaml": {Data: listing("[day_hosting, shower, laundry]", shower)},
		// a shower service with the place's hours
		"listings/c.yaml": {Data: listing("[day_hosting, shower]", "  - {category: shower, note: Serviette}\n")},
		// a place listed under hygiene itself
		"listings/d.yaml": {Data: listing("[hygiene]", shower)},
		// two services: the first applies
		"listings/e.yaml": {Data: listing("[shower, laundry]", shower+"  - {category: laundry, hours: {we: 14:00-16:00}}\n")},
	}
	g, ps := Load(fsys, Options{Root: "content", Now: time.Date(2026, 11, 27, 12, 0, 0, 0, time.UTC), Icons: []string{"food"}})
	if ps.Errors() > 0 {
		t.Fatal(ps)
	}
	byID := map[string]*Listing{}
	for _, l := range g.Listings {
		byID[l.ID] = l
	}
	tests := []struct {
		listing, category, want string // want: the service's category, "" for the place's hours
	}{
		{"a", "shower", "shower"}, {"a", "hygiene", "shower"}, {"a", "day_hosting", ""}, {"a", "welcome", ""},
		{"b", "shower", "shower"}, {"b", "hygiene", ""}, {"b", "laundry", ""},
		{"c", "shower", ""}, {"c", "hygiene", ""},
		{"d", "shower", "shower"}, {"d", "hygiene", ""},
		{"e", "shower", "shower"}, {"e", "laundry", "laundry"}, {"e", "hygiene", "shower"},
	}
	for _, tt := range tests {
		got := ""
		if sv := byID[tt.listing].ServiceFor(g.ByID[tt.category]); sv != nil {
			got = sv.Category.ID
		}
		if got != tt.want {
			t.Errorf("%s.ServiceFor(%s) = %q, want %q", tt.listing, tt.category, got, tt.want)
		}
	}
}

// TestServiceClosures: a closure of one service closes that service's hours
// everywhere they are used (ScheduleFor) and leaves the place's other
// services open.
func TestServiceClosures(t *testing.T) {
	cats := `- id: welcome
  icon: food
  name: Accueil
  children: [{id: day_hosting, name: Accueil de jour}]
- id: hygiene
  icon: food
  name: Hygiène
  children: [{id: shower, name: Douche}]
`
	listing := func(shower string) []byte {
		return []byte("name: X\ncategories: [day_hosting, shower]\naddress: {city: Lyon}\nhours: {mo-su: 09:00-17:00}\nupdated: 2026-11-01\nservices:\n" + shower)
	}
	closures := "closures: [{start: 2026-12-01, end: 2026-12-10, note: Panne}]"
	fsys := fstest.MapFS{
		"site.yaml":       {Data: []byte(site)},
		"categories.yaml": {Data: []byte(cats)},
		// showers at their own hours, closed for ten days
		"listings/own.yaml": {Data: listing("  - {category: shower, hours: {mo-su: 08:00-12:00}, " + closures + "}\n")},
		// showers at the place's hours, closed for ten days
		"listings/same.yaml": {Data: listing("  - {category: shower, " + closures + "}\n")},
	}
	g, ps := Load(fsys, Options{Root: "content", Now: time.Date(2026, 11, 27, 12, 0, 0, 0, time.UTC), Icons: []string{"food"}})
	if ps.Errors() > 0 {
		t.Fatal(ps)
	}
	loc := time.UTC
	inside := time.Date(2026, 12, 5, 10, 0, 0, 0, loc)
	after := time.Date(2026, 12, 11, 10, 0, 0, 0, loc)
	for _, l := range g.Listings {
		if got := l.ScheduleFor(g.ByID["shower"]).At(inside, loc, hours.Calendar{}).State; got != hours.TemporarilyClosed {
			t.Errorf("%s: showers on 2026-12-05 are %s, want temporarily_closed", l.ID, got)
		}
		if got := l.ScheduleFor(g.ByID["hygiene"]).At(inside, loc, hours.Calendar{}).State; got != hours.TemporarilyClosed {
			t.Errorf("%s: hygiene (only the showers) on 2026-12-05 is %s, want temporarily_closed", l.ID, got)
		}
		if got := l.ScheduleFor(g.ByID["shower"]).At(after, loc, hours.Calendar{}).State; got != hours.Open {
			t.Errorf("%s: showers on 2026-12-11 are %s, want open", l.ID, got)
		}
		if got := l.ScheduleFor(g.ByID["day_hosting"]).At(inside, loc, hours.Calendar{}).State; got != hours.Open {
			t.Errorf("%s: day centre on 2026-12-05 is %s, want open", l.ID, got)
		}
	}
}
