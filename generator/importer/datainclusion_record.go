package importer

import (
	"net/url"
	"regexp"
	"slices"
	"strings"
	"time"

	"github.com/abri-guide/abri/generator/content"
	"github.com/abri-guide/abri/generator/hours"
	"github.com/abri-guide/abri/generator/opendata"
)

// diRecord makes a listing of a structure and its services: the place's
// hours are the structure's, its audience and access those of its first
// service; a service that says otherwise (hours, publics, fees, access,
// name, description) becomes a services: entry.
func diRecord(g *content.Guide, s opendata.DIStructure, svs []opendata.DIService, from string) Record {
	r := &diReader{g: g, lang: g.Site.Languages[0].String(), rec: Record{From: from}}
	l := &r.rec.Listing
	l.Name = s.Nom
	if fromAbriDI(s, svs) {
		l.ID = s.ID
	}
	if s.Description != "" {
		l.Description = r.text(s.Description)
	}
	r.place(s)
	l.Phone = r.phone(s.Telephone)
	l.Email = r.email(s.Courriel)
	l.Website = r.url(s.SiteWeb, "site_web")
	if strings.TrimSpace(s.HorairesAccueil) == "off" {
		l.Status = "closed"
		r.note("horaires_accueil is off: guessed closed for good (status: closed)")
	} else {
		r.rec.hours(s.HorairesAccueil, r.lang) // leniently: data·inclusion's hours are written by hand
	}
	l.Updated = r.date(s.DateMaj)
	src := content.Source{Name: s.Source, Licence: diLicence, ID: s.ID}
	src.URL = r.url(s.LienSource, "lien_source")
	if !l.Updated.IsZero() {
		d := l.Updated
		src.Date = &d
	}
	l.Sources = []content.Source{src}
	r.services(s, svs)
	return r.rec
}

// fromAbriDI tells a structure of an abri guide's own export, whose
// services' ids are the structure's id, "--" and a category: its id is then
// the listing's, which the writer keeps as its file name.
func fromAbriDI(s opendata.DIStructure, svs []opendata.DIService) bool {
	if len(svs) == 0 {
		return false
	}
	for _, sv := range svs {
		if !strings.HasPrefix(sv.ID, s.ID+"--") {
			return false
		}
	}
	return true
}

// diReader builds one record.
type diReader struct {
	g    *content.Guide
	lang string // the guide's source language: what texts of the source are in
	rec  Record
}

func (r *diReader) note(s string) { r.rec.Notes = append(r.rec.Notes, s) }

func (r *diReader) text(s string) content.Text { return content.Text{r.lang: s} }

// place reads the address and position. An address without street nor
// position is taken as hidden, as abri exports a hidden one.
func (r *diReader) place(s opendata.DIStructure) {
	l := &r.rec.Listing
	if s.Latitude != nil && s.Longitude != nil {
		if lat, lon := *s.Latitude, *s.Longitude; lat >= -90 && lat <= 90 && lon >= -180 && lon <= 180 {
			l.Geo = &content.Geo{Lat: lat, Lon: lon}
		} else {
			r.note("latitude, longitude out of range: dropped")
		}
	}
	if s.Adresse == "" && s.CodePostal == "" && s.Commune == "" {
		return
	}
	l.Address = &content.Address{Street: s.Adresse, PostalCode: s.CodePostal, City: s.Commune}
	if s.Adresse == "" && l.Geo == nil {
		l.Address.Hidden = true
		r.note("no street nor position: address guessed hidden (hidden: true)")
	}
}

var telChars = regexp.MustCompile(`^\+?[0-9][0-9 .()\-/]*$`)

func (r *diReader) phone(s string) content.Phones {
	if s == "" {
		return nil
	}
	tel := strings.Map(func(c rune) rune {
		if c == '+' || c >= '0' && c <= '9' {
			return c
		}
		return -1
	}, s)
	if n := len(strings.TrimPrefix(tel, "+")); !telChars.MatchString(s) || n < 3 || n > 15 {
		r.note("telephone " + s + " is not a phone number: dropped")
		return nil
	}
	return content.Phones{{Text: s, Tel: tel}}
}

var emailAddress = regexp.MustCompile(`^[^@\s<>"]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}$`)

func (r *diReader) email(s string) content.Email {
	if s != "" && !emailAddress.MatchString(s) {
		r.note("courriel " + s + " is not an e-mail address: dropped")
		return ""
	}
	return content.Email(s)
}

func (r *diReader) url(s, field string) content.URL {
	if s == "" {
		return ""
	}
	if u, err := url.Parse(s); err != nil || (u.Scheme != "http" && u.Scheme != "https") || !strings.Contains(u.Host, ".") {
		r.note(field + " " + s + " is not a web address: dropped")
		return ""
	}
	return content.URL(s)
}

// date reads date_maj (a date, or the date of a date and time).
func (r *diReader) date(s string) content.Date {
	if len(s) >= 10 {
		if t, err := time.Parse("2006-01-02", s[:10]); err == nil {
			return content.DateOf(t)
		}
	}
	r.note("date_maj " + s + " is not a date: updated left for you to set")
	return content.Date{}
}

// services sets the listing's categories, and its services: entries where
// a service differs from the place.
func (r *diReader) services(s opendata.DIStructure, svs []opendata.DIService) {
	l := &r.rec.Listing
	type read struct {
		sv  opendata.DIService
		cat *content.Category
	}
	var rs []read
	count := map[string]int{}
	for _, sv := range svs {
		c := r.category(s, sv)
		if c == nil {
			continue
		}
		rs = append(rs, read{sv, c})
		if count[c.ID]++; count[c.ID] == 1 {
			l.Categories = append(l.Categories, content.CategoryRef{Category: c})
		}
	}
	if len(rs) == 0 {
		c := r.fallback()
		if c == nil {
			r.note("no service with a category of the guide: set categories:")
			return
		}
		l.Categories = []content.CategoryRef{{Category: c}}
		r.note("no service with a category of the guide: category guessed " + c.ID)
		return
	}
	base := rs[0].sv
	l.Audience = r.audience(base)
	l.Access = r.access(base)
	for _, x := range rs {
		// A category given twice needs an entry for each, so that each
		// comes back as it was.
		r.entry(s, base, x.sv, x.cat, count[x.cat.ID] > 1)
	}
}

// entry adds a services: entry for sv when it differs from the place.
func (r *diReader) entry(s opendata.DIStructure, base, sv opendata.DIService, c *content.Category, always bool) {
	l := &r.rec.Listing
	e := content.Service{Category: content.CategoryRef{Category: c}}
	differs := always
	if catName, _ := c.Name.In(nil, r.lang); sv.Nom != catName {
		e.Name, differs = r.text(sv.Nom), true
	}
	if sv.Description != s.Description && sv.Description != generated(sv.Nom, s.Nom) {
		e.Description, differs = r.text(sv.Description), true
	}
	if always || !sameAudience(sv, base) {
		e.Audience, differs = r.audience(sv), true
		if e.Audience == nil {
			e.Audience = &content.Audience{}
		}
	}
	if always || !sameAccess(sv, base) {
		e.Access, differs = r.access(sv), true
		if e.Access == nil {
			e.Access = &content.Access{}
		}
	}
	if sv.HorairesAccueil != s.HorairesAccueil && sv.HorairesAccueil != "" {
		if sched, ok := r.serviceHours(sv); ok {
			e.Hours, differs = sched, true
		}
	}
	if differs {
		l.Services = append(l.Services, e)
	}
}

// generated is the description the export gives a service when the
// structure has none.
func generated(name, place string) string { return name + " — " + place }

// serviceHours reads a service's own hours: its week and public holidays
// (the place's closures apply to it; periods of its own are lost).
func (r *diReader) serviceHours(sv opendata.DIService) (*content.Hours, bool) {
	s, err := hours.ParseOSM(sv.HorairesAccueil)
	if err != nil {
		r.note("service " + sv.ID + ": horaires_accueil " + sv.HorairesAccueil + ": " + err.Error() + "; dropped")
		return nil, false
	}
	if len(s.Special) > 0 || !slices.Equal(s.Closures, r.rec.Listing.Schedule().Closures) {
		r.note("service " + sv.ID + ": closures and special hours of its own dropped (a service keeps the place's)")
	}
	if len(s.Week) == 0 {
		return nil, false
	}
	return &content.Hours{Rules: s.Week, PublicHolidays: string(s.Holidays)}, true
}

// category finds the guide's category of a service: the one its id names
// (an abri export's <structure>--<category>), or its name, or the one
// whose thematiques are the service's (the mapping table read backwards).
func (r *diReader) category(s opendata.DIStructure, sv opendata.DIService) *content.Category {
	if rest, ok := strings.CutPrefix(sv.ID, s.ID+"--"); ok {
		if c := r.g.ByID[rest]; c != nil {
			return c
		}
		if i := strings.LastIndexByte(rest, '-'); i > 0 {
			if c := r.g.ByID[rest[:i]]; c != nil {
				return c
			}
		}
	}
	all := r.all()
	for _, c := range all {
		if name, _ := c.Name.In(nil, r.lang); name != "" && strings.EqualFold(name, sv.Nom) {
			return c
		}
	}
	want := slices.Clone(sv.Thematiques)
	slices.Sort(want)
	var best *content.Category
	bestN := 0
	for _, c := range all {
		ts := opendata.Thematiques(c)
		if len(want) > 0 && slices.Equal(ts, want) {
			return c
		}
		n := 0
		for _, t := range ts {
			if slices.Contains(want, t) {
				n++
			}
		}
		if n > bestN {
			best, bestN = c, n
		}
	}
	if best != nil {
		r.note("service " + sv.ID + ": category guessed " + best.ID + " from thematiques " + strings.Join(sv.Thematiques, ", "))
		return best
	}
	r.note("service " + sv.ID + ": no category of the guide for thematiques " + strings.Join(sv.Thematiques, ", ") + ": dropped")
	return nil
}

// all are the guide's categories, parents before children, in the editors' order.
func (r *diReader) all() []*content.Category {
	var out []*content.Category
	var walk func([]*content.Category)
	walk = func(cs []*content.Category) {
		for _, c := range cs {
			out = append(out, c)
			walk(c.Children)
		}
	}
	walk(r.g.Categories)
	return out
}

// fallback is the category of a structure without services: the guide's
// welcome, or its first.
func (r *diReader) fallback() *content.Category {
	if c := r.g.ByID["welcome"]; c != nil {
		return c
	}
	if len(r.g.Categories) > 0 {
		return r.g.Categories[0]
	}
	return nil
}

// audience reads publics back: tous-publics is everyone; the others make
// an exclusive audience of the criteria abri has for them.
func (r *diReader) audience(sv opendata.DIService) *content.Audience {
	a := &content.Audience{}
	if sv.PublicsPrecisions != "" {
		a.Note = r.text(sv.PublicsPrecisions)
	}
	if len(sv.Publics) == 0 {
		a.Welcome = "exclusive"
		r.note("service " + sv.ID + ": no publics: who is welcome is not known (audience: exclusive, say to whom)")
		return a
	}
	if slices.Contains(sv.Publics, "tous-publics") {
		if a.Note == nil {
			return nil
		}
		return a
	}
	a.Welcome = "exclusive"
	for _, p := range sv.Publics {
		switch p {
		case "femmes":
			a.Gender = append(a.Gender, "women")
		case "jeunes":
			a.Age = &content.Age{Max: 25}
		case "seniors":
			if a.Age != nil {
				r.note("service " + sv.ID + ": publics seniors and jeunes: seniors dropped (one age range)")
				continue
			}
			a.Age = &content.Age{Min: 60}
		case "personnes-exilees":
			a.Status = append(a.Status, "asylum", "refugee")
		case "familles":
			a.Family = append(a.Family, "family")
		case "personnes-en-situation-de-handicap":
			a.Other = append(a.Other, "disability")
		case "etudiants":
			a.Other = append(a.Other, "student")
		case "personnes-en-situation-juridique-specifique":
			a.Other = append(a.Other, "prison")
		default:
			r.note("service " + sv.ID + ": public " + p + " has no audience in abri: dropped")
		}
	}
	return a
}

// access reads fees and conditions back.
func (r *diReader) access(sv opendata.DIService) *content.Access {
	a := &content.Access{}
	empty := true
	switch sv.Frais {
	case "gratuit":
		a.Price.Free, empty = true, false
	case "payant":
		t := sv.FraisPrecisions
		if t == "" {
			t = "payant"
		}
		a.Price.Text, empty = r.text(t), false
	}
	if sv.ConditionsAcces != "" {
		a.Note, empty = r.text(sv.ConditionsAcces), false
	}
	switch {
	case sv.MobilisationPrecisions != "" || slices.Contains(sv.ModesMobilisation, "telephoner") || slices.Contains(sv.ModesMobilisation, "envoyer-un-courriel"):
		a.Appointment, empty = content.Condition{Set: true, Yes: true}, false
		if sv.MobilisationPrecisions != "" {
			a.Appointment.How = r.text(sv.MobilisationPrecisions)
		}
	case slices.Contains(sv.ModesMobilisation, "se-presenter"):
		a.Appointment, empty = content.Condition{Set: true}, false
	}
	switch {
	case slices.Equal(sv.MobilisablePar, []string{"professionnels"}):
		a.Referral, empty = content.Condition{Set: true, Yes: true}, false
	case slices.Contains(sv.MobilisablePar, "usagers"):
		a.Referral, empty = content.Condition{Set: true}, false
	}
	if empty {
		return nil
	}
	return a
}

func sameAudience(a, b opendata.DIService) bool {
	return slices.Equal(a.Publics, b.Publics) && a.PublicsPrecisions == b.PublicsPrecisions
}

func sameAccess(a, b opendata.DIService) bool {
	return a.Frais == b.Frais && a.FraisPrecisions == b.FraisPrecisions && a.ConditionsAcces == b.ConditionsAcces &&
		slices.Equal(a.ModesMobilisation, b.ModesMobilisation) && slices.Equal(a.MobilisablePar, b.MobilisablePar) &&
		a.MobilisationPrecisions == b.MobilisationPrecisions
}
