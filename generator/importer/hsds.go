package importer

import (
	"bytes"
	"encoding/json"
	"fmt"
	"path"
	"regexp"
	"strings"

	"github.com/abri-guide/abri/generator/content"
	"github.com/abri-guide/abri/generator/slug"
)

// readHSDS reads HSDS 3.0 JSON: an array of services, or of organizations.
// The services at one location make one record (of an organization, when
// they have no location); a service becomes a service of the listing when
// abri's attributes say it is one, or when its hours differ from the
// place's. Taxonomy terms become categories of the guide imported into:
// by id (abri's own export), else by name in any of its languages.
func readHSDS(in Input) ([]Record, error) {
	var out []Record
	for _, f := range in.Files {
		groups, err := hsdsGroups(f)
		if err != nil {
			return nil, err
		}
		for _, gr := range groups {
			out = append(out, hsdsRecord(in, f.Name, gr))
		}
	}
	return out, nil
}

// hsdsGroup is the services of one place.
type hsdsGroup struct {
	key      string
	org      *hsdsOrg
	loc      *hsdsLocation
	services []*hsdsService
}

// hsdsGroups reads a file and groups its services by location.
func hsdsGroups(f SourceFile) ([]*hsdsGroup, error) {
	var items []json.RawMessage
	if err := json.Unmarshal(f.Data, &items); err != nil {
		return nil, fmt.Errorf("%s: not an HSDS JSON array of services or organizations: %v", f.Name, err)
	}
	var groups []*hsdsGroup
	byKey := map[string]*hsdsGroup{}
	add := func(s *hsdsService, org *hsdsOrg) {
		key, loc := "", (*hsdsLocation)(nil)
		for _, sal := range s.ServiceAtLocations {
			if sal.Location != nil {
				key, loc = sal.Location.ID, sal.Location
				break
			}
			if sal.LocationID != "" {
				key = sal.LocationID
			}
		}
		if key == "" && org != nil {
			key = "organization " + org.ID
		}
		if key == "" {
			key = "service " + s.ID
		}
		g := byKey[key]
		if g == nil {
			g = &hsdsGroup{key: key}
			byKey[key] = g
			groups = append(groups, g)
		}
		if g.org == nil {
			g.org = org
		}
		if g.loc == nil {
			g.loc = loc
		}
		g.services = append(g.services, s)
	}
	for i, raw := range items {
		var probe struct {
			Services json.RawMessage `json:"services"`
		}
		json.Unmarshal(raw, &probe)
		if len(probe.Services) > 0 {
			var o hsdsOrg
			if err := strictJSON(raw, &o); err != nil {
				return nil, fmt.Errorf("%s: item %d: %v", f.Name, i, err)
			}
			for j := range o.Services {
				add(&o.Services[j], &o)
			}
			continue
		}
		s := &hsdsService{}
		if err := strictJSON(raw, s); err != nil {
			return nil, fmt.Errorf("%s: item %d: %v", f.Name, i, err)
		}
		add(s, s.Organization)
	}
	return groups, nil
}

// strictJSON decodes an item, saying which field has the wrong type.
func strictJSON(raw []byte, v any) error {
	return json.NewDecoder(bytes.NewReader(raw)).Decode(v)
}

// hsdsReader holds what one record needs while it is read.
type hsdsReader struct {
	in    Input
	file  string // the file read, for the source's name
	abri  bool   // the file is abri's own export: its attributes say it all
	src   string // the guide's source language: texts read are in it
	rec   *Record
	names map[string]*content.Category // folded category names, any language
}

func (r *hsdsReader) note(format string, args ...any) {
	r.rec.Notes = append(r.rec.Notes, fmt.Sprintf(format, args...))
}

func (r *hsdsReader) text(s string) content.Text {
	if s = strings.TrimSpace(s); s == "" {
		return nil
	}
	return content.Text{r.src: s}
}

// hsdsRecord makes the listing of one place.
func hsdsRecord(in Input, file string, gr *hsdsGroup) Record {
	rec := Record{From: file + ": " + gr.key}
	r := &hsdsReader{in: in, file: file, abri: fromAbri(gr), src: in.Guide.Site.Languages[0].String(), rec: &rec}
	l := &rec.Listing
	first := gr.services[0]
	org := gr.org
	if org == nil {
		org = &hsdsOrg{}
	}
	loc := gr.loc
	if loc == nil {
		loc = &hsdsLocation{}
		r.note("no location: the listing has no address; add one")
	}
	l.Name = firstOf(loc.Name, org.Name, first.Name)
	if r.abri {
		l.ID = loc.ExternalIdentifier
	}
	if org.Description != l.Name {
		l.Description = r.text(org.Description)
	}
	l.Email = content.Email(firstOf(org.Email, first.Email))
	l.Website = content.URL(firstOf(org.Website, first.URL))
	r.place(l, loc)
	r.phones(l, loc, gr.services)
	r.languages(l, loc, gr.services)
	r.status(l, gr.services)
	place := loc.Schedules
	if len(place) == 0 {
		place = first.Schedules
	}
	l.Hours, l.Closures, l.SpecialHours = r.schedules(place)
	l.Audience, l.Access = r.conditions(org.Attributes)
	if !r.abri {
		l.Audience, l.Access = r.fields(first)
	}
	r.wheelchair(l, loc)
	for _, s := range gr.services {
		r.service(l, s, place)
	}
	r.source(l, gr, loc, first)
	return rec
}

func firstOf(ss ...string) string {
	for _, s := range ss {
		if s = strings.TrimSpace(s); s != "" {
			return s
		}
	}
	return ""
}

// place reads the address and position. An address without street nor
// position is taken for a hidden one: abri exports hidden addresses so.
func (r *hsdsReader) place(l *content.Listing, loc *hsdsLocation) {
	if loc.Latitude != nil && loc.Longitude != nil {
		l.Geo = &content.Geo{Lat: *loc.Latitude, Lon: *loc.Longitude}
	}
	if len(loc.Addresses) == 0 {
		return
	}
	if len(loc.Addresses) > 1 {
		r.note("kept the first of %d addresses", len(loc.Addresses))
	}
	a := loc.Addresses[0]
	l.Address = &content.Address{Street: strings.TrimSpace(a.Address1), PostalCode: a.PostalCode, City: a.City}
	if c := content.Country(strings.ToUpper(a.Country)); c != "" && c != r.in.Guide.Site.Country {
		l.Address.Country = c
	}
	if l.Address.Street == "" && l.Geo == nil && l.Address.City != "" {
		l.Address.Hidden = true
		r.note("no street nor position: the address is taken as hidden (hidden: true)")
	}
}

func (r *hsdsReader) phones(l *content.Listing, loc *hsdsLocation, services []*hsdsService) {
	seen := map[string]bool{}
	add := func(ps []hsdsPhone) {
		for _, p := range ps {
			tel := telOf(p.Number)
			if tel == "" || seen[tel] {
				continue
			}
			seen[tel] = true
			l.Phone = append(l.Phone, content.Phone{Text: strings.TrimSpace(p.Number), Tel: tel})
		}
	}
	add(loc.Phones)
	for _, s := range services {
		add(s.Phones)
	}
}

// telOf keeps the digits of a number, and its leading +.
func telOf(s string) string {
	return strings.Map(func(c rune) rune {
		if c == '+' || c >= '0' && c <= '9' {
			return c
		}
		return -1
	}, strings.TrimSpace(s))
}

var spokenCode = regexp.MustCompile(`^[a-z]{2,3}$`)

func (r *hsdsReader) languages(l *content.Listing, loc *hsdsLocation, services []*hsdsService) {
	seen := map[string]bool{}
	add := func(ls []hsdsLanguage) {
		for _, lg := range ls {
			code := strings.ToLower(strings.TrimSpace(lg.Code))
			switch {
			case seen[code]:
			case !spokenCode.MatchString(code):
				r.note("dropped language %q: not an ISO 639 code", lg.Code)
			default:
				l.Languages = append(l.Languages, content.SpokenLang(code))
			}
			seen[code] = true
		}
	}
	add(loc.Languages)
	for _, s := range services {
		add(s.Languages)
	}
}

// status: a place all of whose services are inactive or defunct is closed.
func (r *hsdsReader) status(l *content.Listing, services []*hsdsService) {
	closed := true
	for _, s := range services {
		switch s.Status {
		case "inactive", "defunct":
		case "temporarily closed":
			closed = false
			r.note("service %q is temporarily closed: add a closure with its dates", s.Name)
		default:
			closed = false
		}
	}
	if closed {
		l.Status = "closed"
	}
}

func (r *hsdsReader) wheelchair(l *content.Listing, loc *hsdsLocation) {
	if l.Access != nil && l.Access.Wheelchair != nil {
		return
	}
	for _, a := range loc.Accessibility {
		var v bool
		switch strings.ToLower(strings.TrimSpace(a.Description)) {
		case "wheelchair accessible":
			v = true
		case "not wheelchair accessible":
		default:
			r.note("accessibility %q kept as the access note", a.Description)
			if l.Access == nil {
				l.Access = &content.Access{}
			}
			if l.Access.Note == nil {
				l.Access.Note = r.text(a.Description)
			}
			continue
		}
		if l.Access == nil {
			l.Access = &content.Access{}
		}
		l.Access.Wheelchair = &v
	}
}

// source credits the file: the guide's name when abri wrote it, the
// record's id, licence and date.
func (r *hsdsReader) source(l *content.Listing, gr *hsdsGroup, loc *hsdsLocation, first *hsdsService) {
	s := content.Source{Name: path.Base(strings.ReplaceAll(r.file, "\\", "/")),
		Licence: first.Licenses, ID: firstOf(loc.ID, gr.org.idOr(), first.ID)}
	for _, sv := range gr.services {
		for _, a := range sv.Attributes {
			if a.LinkType == "category" && a.TaxonomyTerm != nil && a.TaxonomyTerm.Taxonomy != "" {
				s.Name = a.TaxonomyTerm.Taxonomy
			}
		}
	}
	if d, ok := r.date(first.AssuredDate); ok {
		s.Date = &d
	}
	l.Sources = []content.Source{s}
	l.Updated = r.updated(gr.services)
}

func (o *hsdsOrg) idOr() string {
	if o == nil {
		return ""
	}
	return o.ID
}

// updated is the latest date the services were checked on, or else the
// day of the import.
func (r *hsdsReader) updated(services []*hsdsService) content.Date {
	var best content.Date
	for _, s := range services {
		if d, ok := r.date(s.AssuredDate); ok && (best.IsZero() || best.Before(d)) {
			best = d
		}
	}
	if best.IsZero() {
		best = r.in.Guide.Today
		r.note("no assured_date: updated is the day of the import (%s)", best)
	}
	return best
}

func (r *hsdsReader) date(s string) (content.Date, bool) {
	if s == "" {
		return content.Date{}, false
	}
	if len(s) > 10 {
		s = s[:10] // a date-time
	}
	var y, m, d int
	if _, err := fmt.Sscanf(s, "%4d-%2d-%2d", &y, &m, &d); err != nil {
		r.note("dropped date %q: not YYYY-MM-DD", s)
		return content.Date{}, false
	}
	return content.Date{Year: y, Month: monthOf(m), Day: d}, true
}

// category finds the guide's category of a term: by code (abri's own
// export), or by name in any of the guide's languages.
func (r *hsdsReader) category(code, name string) *content.Category {
	g := r.in.Guide
	if c, ok := g.ByID[code]; ok {
		return c
	}
	if r.names == nil {
		r.names = map[string]*content.Category{}
		for _, c := range g.ByID {
			for lang, n := range c.Name {
				if content.IsFlag(lang) {
					continue
				}
				if k := slug.Fold(n); r.names[k] == nil || c.ID < r.names[k].ID {
					r.names[k] = c
				}
			}
		}
	}
	return r.names[slug.Fold(name)]
}
