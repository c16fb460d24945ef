package importer

import (
	"encoding/json"
	"fmt"
	"strings"

	"github.com/abri-guide/abri/generator/content"
)

// mednumSource credits ANCT's map of digital-inclusion places; its name
// and a record's id find the listing again on a later import.
var mednumSource = content.Source{
	Name:    "ANCT — Cartographie nationale des lieux d'inclusion numérique",
	URL:     "https://cartographie.societenumerique.gouv.fr/",
	Licence: "Etalab-2.0",
}

// mednumPlace is one place of the "schéma des lieux de médiation
// numérique" (testdata/anct-mednum/SOURCE.md), the fields abri reads.
type mednumPlace struct {
	ID           string   `json:"id"`
	Nom          string   `json:"nom"`
	Services     string   `json:"services"` // labels joined by ";"
	Adresse      string   `json:"adresse"`
	Complement   string   `json:"complement_adresse"`
	CodePostal   string   `json:"code_postal"`
	Commune      string   `json:"commune"`
	Latitude     *float64 `json:"latitude"`
	Longitude    *float64 `json:"longitude"`
	Telephone    string   `json:"telephone"`
	Courriel     string   `json:"courriel"`
	SiteWeb      string   `json:"site_web"` // sometimes several, joined by ";"
	PriseRDV     string   `json:"prise_rdv"`
	Horaires     string   `json:"horaires"` // OpenStreetMap opening_hours
	Publics      string   `json:"publics_accueillis"`
	Conditions   string   `json:"conditions_acces"`
	Modalites    string   `json:"modalites_accompagnement"`
	Accessibilte string   `json:"accessibilite"` // an acceslibre address
	Presentation string   `json:"presentation_resume"`
	DateMaj      string   `json:"date_maj"`
}

// mednumCategories maps the schema's service labels to categories, each
// with fallbacks for guides that lack the first; every place is digital
// help (or technology) as well.
var mednumCategories = map[string][]string{
	"Accéder à une connexion internet":                              {"wifi"},
	"Accéder à du matériel":                                         {"computer_access"},
	"S'équiper en matériel informatique":                            {"computer_access"},
	"Réaliser des démarches administratives avec un accompagnement": {"administrative_help"},
	"Devenir autonome dans les démarches administratives":           {"administrative_help"},
	"Favoriser mon insertion professionnelle":                       {"job_search"},
	"Accompagner les démarches de santé":                            {"administrative_help"},
}

// readMednum reads ANCT's "lieux de médiation numérique" JSON: an array
// of places per file.
func readMednum(in Input) ([]Record, error) {
	var recs []Record
	for _, f := range in.Files {
		var places []mednumPlace
		if err := json.Unmarshal(f.Data, &places); err != nil {
			return nil, fmt.Errorf("%s: not a JSON array of lieux de médiation numérique: %v", f.Name, err)
		}
		for i, p := range places {
			from := fmt.Sprintf("%s[%d]", f.Name, i)
			if p.ID != "" {
				from = f.Name + "#" + p.ID
			}
			recs = append(recs, mednumRecord(in.Guide, p, from))
		}
	}
	return recs, nil
}

func mednumRecord(g *content.Guide, p mednumPlace, from string) Record {
	r := Record{From: from}
	lang := sourceLang(g)
	l := &r.Listing
	l.Name = strings.TrimSpace(p.Nom)
	labels := splitList(p.Services, ";")
	l.Categories = mednumCats(g, labels)
	switch {
	case strings.TrimSpace(p.Presentation) != "":
		l.Description = content.Text{lang: strings.TrimSpace(p.Presentation)}
	case len(labels) > 0:
		l.Description = content.Text{lang: strings.Join(labels, " ; ") + "."}
	}
	street := strings.TrimSpace(p.Adresse)
	if c := strings.TrimSpace(p.Complement); c != "" {
		street = strings.TrimSpace(street + ", " + c)
	}
	if street != "" || p.CodePostal != "" || p.Commune != "" {
		l.Address = &content.Address{Street: street, PostalCode: strings.TrimSpace(p.CodePostal), City: strings.TrimSpace(p.Commune)}
	}
	if p.Latitude != nil && p.Longitude != nil {
		l.Geo = &content.Geo{Lat: *p.Latitude, Lon: *p.Longitude}
	}
	r.contacts(p.Telephone, p.Courriel, p.SiteWeb)
	r.hours(p.Horaires, lang)
	r.Listing.Access = mednumAccess(p, lang)
	r.Listing.Audience = mednumAudience(p.Publics, lang)
	src := mednumSource
	src.ID = p.ID
	if d, ok := parseDate(p.DateMaj); ok {
		src.Date = &d
		l.Updated = d
	}
	l.Sources = []content.Source{src}
	return r
}

func mednumCats(g *content.Guide, labels []string) []content.CategoryRef {
	cats := pickCats(g, nil, "digital_help", "technology")
	for _, label := range labels {
		cats = pickCats(g, cats, mednumCategories[label]...)
	}
	return cats
}

// mednumAccess reads conditions_acces, prise_rdv, modalites_accompagnement
// and accessibilite.
func mednumAccess(p mednumPlace, lang string) *content.Access {
	a := &content.Access{}
	var notes []string
	for _, c := range splitList(p.Conditions, ";") {
		switch {
		case strings.HasPrefix(c, "Gratuit"):
			a.Price.Free = true
		case strings.HasPrefix(c, "Adhésion"):
			a.Registration = content.Condition{Set: true, Yes: true, How: content.Text{lang: c}}
		default:
			notes = append(notes, c)
		}
	}
	notes = append(notes, splitList(p.Modalites, ";")...)
	if u := strings.TrimSpace(p.PriseRDV); u != "" {
		notes = append(notes, "Prise de rendez-vous : "+u)
	}
	if u := strings.TrimSpace(p.Accessibilte); u != "" {
		notes = append(notes, "Accessibilité : "+u)
	}
	if len(notes) > 0 {
		a.Note = content.Text{lang: strings.Join(notes, " ; ")}
	}
	if !a.Price.Free && !a.Registration.Set && len(a.Note) == 0 {
		return nil
	}
	return a
}

// mednumAudience reads publics_accueillis: "Uniquement femmes" is the one
// label that restricts; the others are kept as the note.
func mednumAudience(publics, lang string) *content.Audience {
	labels := splitList(publics, ";")
	if len(labels) == 0 {
		return nil
	}
	a := &content.Audience{}
	var rest []string
	for _, s := range labels {
		if s == "Uniquement femmes" {
			a.Welcome, a.Gender = "exclusive", []string{"women"}
			continue
		}
		rest = append(rest, s)
	}
	if len(rest) > 0 {
		a.Note = content.Text{lang: "Publics accueillis : " + strings.Join(rest, ", ") + "."}
	}
	return a
}
