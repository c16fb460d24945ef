package opendata

import (
	"bytes"
	"encoding/json"
	"strconv"
	"strings"

	"github.com/abri-guide/abri/generator/content"
)

// hsds makes data/hsds/: HSDS 3.0 services, and the tabular data package.
//
// Each category of a listing is one HSDS service, delivered by the
// listing as organization at the listing as location; a service of the
// listing's services: gives its category's service its own name, hours,
// audience and access. What HSDS has no field for (abri's audience and
// access criteria, which service is an editor's own) travels as attributes
// of a vocabulary taxonomy named "abri", so that abri reads its own export
// back whole.
func hsds(g *content.Guide, opts Options) ([]File, error) {
	b := newHSDSBuild(g)
	var services []hsdsService
	for _, l := range g.Listings {
		services = append(services, b.listing(l)...)
	}
	data, err := jsonArray(services)
	if err != nil {
		return nil, err
	}
	files := []File{{Path: "data/hsds/services.json", Data: data}}
	tab, err := b.tabular(services)
	if err != nil {
		return nil, err
	}
	return append(files, tab...), nil
}

// jsonArray writes one item a line: small diffs between two builds.
func jsonArray[T any](items []T) ([]byte, error) {
	var buf bytes.Buffer
	buf.WriteString("[")
	for i, it := range items {
		if i > 0 {
			buf.WriteString(",")
		}
		buf.WriteString("\n")
		b, err := json.Marshal(it)
		if err != nil {
			return nil, err
		}
		buf.Write(b)
	}
	buf.WriteString("\n]\n")
	return buf.Bytes(), nil
}

// hsdsBuild holds what every listing's objects share: the guide's name
// for ids, its source language, its taxonomies.
type hsdsBuild struct {
	g     *content.Guide
	name  string // base_url, or else the source-language title: the name space of ids
	src   string // the source language: HSDS holds one text per field
	langs []string
	terms map[string]*hsdsTerm // category id -> its taxonomy term
	tax   hsdsTaxonomy         // the guide's categories as a taxonomy
	vocab hsdsTaxonomy         // abri's vocabulary of audience and access
}

func newHSDSBuild(g *content.Guide) *hsdsBuild {
	b := &hsdsBuild{g: g, src: g.Site.Languages[0].String(), terms: map[string]*hsdsTerm{}}
	for _, l := range g.Site.Languages {
		b.langs = append(b.langs, l.String())
	}
	title := b.text(g.Site.Title)
	b.name = string(g.Site.BaseURL)
	if b.name == "" {
		b.name = title
	}
	b.tax = hsdsTaxonomy{ID: uuid5(b.name + "#taxonomy"), Name: title, Description: "the categories of " + title, URI: string(g.Site.BaseURL)}
	b.vocab = hsdsTaxonomy{ID: uuid5(vocabName + "#taxonomy"), Name: "abri", Description: "abri's vocabulary of audience and access, for what HSDS has no field for"}
	return b
}

// vocabName names abri's vocabulary: the same in every guide.
const vocabName = "abri:vocabulary"

// text returns t in the source language, or the first language that has it.
func (b *hsdsBuild) text(t content.Text) string {
	s, _ := t.In(b.langs, b.src)
	return strings.TrimSpace(s)
}

// ids names the objects of one listing.
type ids struct{ key string }

func (i ids) of(kind string) string { return uuid5(i.key + "#" + kind) }

// entry is one service of a listing: a category, and the editor's
// service of that category if there is one.
type entry struct {
	key   string // names the service's objects
	cat   *content.Category
	sv    *content.Service
	extra bool // a service whose category is not among the listing's
}

// entries lists a listing's services: one per category, in order, then
// the services of categories the listing does not list itself.
func entries(l *content.Listing) []entry {
	used := make([]bool, len(l.Services))
	var es []entry
	for _, c := range l.Categories {
		e := entry{key: "service:" + c.ID, cat: c.Category}
		for i := range l.Services {
			if !used[i] && l.Services[i].Category.Category == c.Category {
				used[i], e.sv = true, &l.Services[i]
				break
			}
		}
		es = append(es, e)
	}
	for i := range l.Services {
		if sv := &l.Services[i]; !used[i] && sv.Category.Category != nil {
			es = append(es, entry{key: "service:" + sv.Category.ID + ":" + itoa(i), cat: sv.Category.Category, sv: sv, extra: true})
		}
	}
	return es
}

// listing makes the services of one listing.
func (b *hsdsBuild) listing(l *content.Listing) []hsdsService {
	id := ids{b.name + "/" + l.ID}
	org := b.organization(l, id)
	loc := b.location(l, id, org.ID)
	var out []hsdsService
	for _, e := range entries(l) {
		out = append(out, b.service(l, id, e, org, loc))
	}
	return out
}

func (b *hsdsBuild) organization(l *content.Listing, id ids) *hsdsOrganization {
	o := &hsdsOrganization{ID: id.of("organization"), Name: l.Name, Description: b.text(l.Description), Email: string(l.Email), Website: string(l.Website)}
	if o.Description == "" {
		o.Description = l.Name // required by HSDS
	}
	a := attrs{b: b, id: id, scope: "organization", link: o.ID, entity: "organization"}
	a.audience(l.Audience)
	a.access(l.Access)
	o.Attributes = a.list
	return o
}

// location is where the listing is, as Public tells: for a hidden address,
// the postal code and city, and no street nor position.
func (b *hsdsBuild) location(l *content.Listing, id ids, orgID string) *hsdsLocation {
	p := l.Public()
	loc := &hsdsLocation{ID: id.of("location"), LocationType: "physical", OrganizationID: orgID, Name: l.Name,
		ExternalIdentifier: l.ID, ExternalIdentifierType: "abri listing"}
	if p.Geo != nil {
		lat, lon := p.Geo.Lat, p.Geo.Lon
		loc.Latitude, loc.Longitude = &lat, &lon
	}
	if p.City != "" || p.PostalCode != "" || p.Street != "" {
		country := p.Country
		if country == "" {
			country = b.g.Site.Country
		}
		loc.Addresses = []hsdsAddress{{ID: id.of("address"), LocationID: loc.ID, Address1: p.Street, City: p.City,
			PostalCode: p.PostalCode, Country: string(country), AddressType: "physical"}}
	}
	if a := l.Access; a != nil && a.Wheelchair != nil {
		d := wheelchairNo
		if *a.Wheelchair {
			d = wheelchairYes
		}
		loc.Accessibility = []hsdsAccessibility{{ID: id.of("accessibility"), LocationID: loc.ID, Description: d}}
	}
	for i, ph := range l.Phone {
		loc.Phones = append(loc.Phones, hsdsPhone{ID: id.of("location#phone:" + itoa(i)), LocationID: loc.ID, Number: ph.Text})
	}
	for _, code := range l.Languages {
		loc.Languages = append(loc.Languages, hsdsLanguage{ID: id.of("location#language:" + string(code)), LocationID: loc.ID, Code: string(code)})
	}
	week := ""
	if l.Hours != nil {
		week = b.text(l.Hours.Note)
	}
	loc.Schedules = b.schedules(l, l.Schedule(), week, func(s *hsdsSchedule, n int) {
		s.ID, s.LocationID = id.of("location#schedule:"+itoa(n)), loc.ID
	})
	return loc
}

// The accessibility descriptions abri writes and reads back.
const (
	wheelchairYes = "wheelchair accessible"
	wheelchairNo  = "not wheelchair accessible"
)

func (b *hsdsBuild) service(l *content.Listing, id ids, e entry, org *hsdsOrganization, loc *hsdsLocation) hsdsService {
	s := hsdsService{ID: id.of(e.key), OrganizationID: org.ID, Name: b.text(e.cat.Name), Description: b.text(l.Description),
		URL: string(l.Website), Email: string(l.Email), Status: "active", AssuredDate: l.Updated.String(),
		Licenses: b.g.Site.Licence.Name, Organization: org}
	if l.Closed() {
		s.Status = "inactive"
	}
	aud, acc := l.Audience, l.Access
	sched, week := l.Schedule(), ""
	if l.Hours != nil {
		week = b.text(l.Hours.Note)
	}
	a := attrs{b: b, id: id, scope: e.key, link: s.ID, entity: "service"}
	a.category(e.cat)
	if sv := e.sv; sv != nil {
		a.add("service.entry", map[bool]string{true: "extra", false: "own"}[e.extra])
		if t := b.text(sv.Name); t != "" {
			s.Name = t
		}
		if t := b.text(sv.Description); t != "" {
			s.Description = t
		}
		if sv.Hours != nil {
			a.add("service.hours", "own")
			sched, week = l.ServiceSchedule(sv), b.text(sv.Hours.Note)
		} else if len(sv.Closures) > 0 {
			sched = l.ServiceSchedule(sv) // the place's hours, closed on the service's own closures
		}
		if sv.Audience != nil {
			aud = sv.Audience
			a.audience(aud)
		}
		if sv.Access != nil {
			acc = sv.Access
			a.access(acc)
		}
		a.text("service.note", b.text(sv.Note))
	}
	s.Attributes = a.list
	b.conditions(&s, aud, acc)
	for i, ph := range l.Phone {
		s.Phones = append(s.Phones, hsdsPhone{ID: id.of(e.key + "#phone:" + itoa(i)), ServiceID: s.ID, Number: ph.Text})
	}
	for _, code := range l.Languages {
		s.Languages = append(s.Languages, hsdsLanguage{ID: id.of(e.key + "#language:" + string(code)), ServiceID: s.ID, Code: string(code)})
	}
	s.Schedules = b.schedules(l, sched, week, func(r *hsdsSchedule, n int) {
		r.ID, r.ServiceID = id.of(e.key+"#schedule:"+itoa(n)), s.ID
	})
	s.ServiceAtLocations = []hsdsServiceAt{{ID: id.of(e.key + "#service_at_location"), ServiceID: s.ID, LocationID: loc.ID, Location: loc}}
	return s
}

func itoa(n int) string { return strconv.Itoa(n) }
