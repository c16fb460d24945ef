package opendata

import (
	"bytes"
	"encoding/json"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/abri-guide/abri/generator/content"
	"github.com/abri-guide/abri/generator/slug"
)

// DIStructure is a data·inclusion structure (schema v1): one listing.
// Empty fields are left out: the schema's default for them is null.
type DIStructure struct {
	ID              string   `json:"id"`
	Source          string   `json:"source"`
	Nom             string   `json:"nom"`
	Description     string   `json:"description,omitempty"`
	DateMaj         string   `json:"date_maj"`
	LienSource      string   `json:"lien_source,omitempty"`
	Adresse         string   `json:"adresse,omitempty"`
	CodePostal      string   `json:"code_postal,omitempty"`
	Commune         string   `json:"commune,omitempty"`
	Latitude        *float64 `json:"latitude,omitempty"`
	Longitude       *float64 `json:"longitude,omitempty"`
	Telephone       string   `json:"telephone,omitempty"`
	Courriel        string   `json:"courriel,omitempty"`
	SiteWeb         string   `json:"site_web,omitempty"`
	HorairesAccueil string   `json:"horaires_accueil,omitempty"`
}

// DIService is a data·inclusion service (schema v1): one thing a listing
// offers, with the place's address and contacts.
type DIService struct {
	ID                     string   `json:"id"`
	StructureID            string   `json:"structure_id"`
	Source                 string   `json:"source"`
	Nom                    string   `json:"nom"`
	Description            string   `json:"description"`
	DateMaj                string   `json:"date_maj"`
	LienSource             string   `json:"lien_source,omitempty"`
	Thematiques            []string `json:"thematiques,omitempty"`
	Publics                []string `json:"publics,omitempty"`
	PublicsPrecisions      string   `json:"publics_precisions,omitempty"`
	Frais                  string   `json:"frais,omitempty"`
	FraisPrecisions        string   `json:"frais_precisions,omitempty"`
	ConditionsAcces        string   `json:"conditions_acces,omitempty"`
	ModesAccueil           []string `json:"modes_accueil,omitempty"`
	ModesMobilisation      []string `json:"modes_mobilisation,omitempty"`
	MobilisablePar         []string `json:"mobilisable_par,omitempty"`
	MobilisationPrecisions string   `json:"mobilisation_precisions,omitempty"`
	Adresse                string   `json:"adresse,omitempty"`
	CodePostal             string   `json:"code_postal,omitempty"`
	Commune                string   `json:"commune,omitempty"`
	Latitude               *float64 `json:"latitude,omitempty"`
	Longitude              *float64 `json:"longitude,omitempty"`
	Telephone              string   `json:"telephone,omitempty"`
	Courriel               string   `json:"courriel,omitempty"`
	HorairesAccueil        string   `json:"horaires_accueil,omitempty"`
}

// diDir is where the data·inclusion files go.
const diDir = "data/data-inclusion/"

// dataInclusion makes data/data-inclusion/: structures and services, as
// JSON arrays and as CSV, and a README.txt with the licence.
func dataInclusion(g *content.Guide, opts Options) ([]File, error) {
	ss, svs := DataInclusionRecords(g)
	var files []File
	for _, f := range []struct {
		name string
		v    any
	}{{"structures.json", ss}, {"services.json", svs}} {
		b, err := diJSON(f.v)
		if err != nil {
			return nil, err
		}
		files = append(files, File{Path: diDir + f.name, Data: b})
	}
	files = append(files,
		File{Path: diDir + "structures.csv", Data: structuresCSV(ss)},
		File{Path: diDir + "services.csv", Data: servicesCSV(svs)},
		File{Path: diDir + "README.txt", Data: diReadme(g, opts, len(ss), len(svs))},
	)
	return files, nil
}

// diJSON writes an array, one item a line: small, and readable in a diff.
func diJSON(v any) ([]byte, error) {
	var b bytes.Buffer
	e := json.NewEncoder(&b)
	e.SetEscapeHTML(false)
	if err := e.Encode(v); err != nil {
		return nil, err
	}
	var items []json.RawMessage
	if err := json.Unmarshal(b.Bytes(), &items); err != nil {
		return nil, err
	}
	var out bytes.Buffer
	out.WriteString("[")
	for i, it := range items {
		if i > 0 {
			out.WriteString(",")
		}
		out.WriteString("\n")
		out.Write(it)
	}
	out.WriteString("\n]\n")
	return out.Bytes(), nil
}

// DataInclusionRecords are the guide's structures and services, in the
// order of the listings (sorted by id).
func DataInclusionRecords(g *content.Guide) ([]DIStructure, []DIService) {
	src := DataInclusionSource(g)
	ss := []DIStructure{}
	svs := []DIService{}
	for _, l := range g.Listings {
		s := structure(g, l, src)
		ss = append(ss, s)
		svs = append(svs, services(g, l, s)...)
	}
	return ss, svs
}

// DataInclusionSource is the guide's name as a data·inclusion source:
// the slug of base_url's host, or else of the title in the source language.
func DataInclusionSource(g *content.Guide) string {
	if u, err := url.Parse(string(g.Site.BaseURL)); err == nil && u.Host != "" {
		if s := slug.Make(strings.ReplaceAll(u.Host+u.Path, ".", " ")); s != "" {
			return s
		}
	}
	if s := slug.Make(source(g.Site.Title, lang(g))); s != "" {
		return s
	}
	return "abri"
}

func lang(g *content.Guide) string { return g.Site.Languages[0].String() }

// structure is a listing as a data·inclusion structure.
func structure(g *content.Guide, l *content.Listing, src string) DIStructure {
	p := l.Public()
	s := DIStructure{
		ID: l.ID, Source: src, Nom: fit(l.Name, p.City),
		Description: long(source(l.Description, lang(g))),
		DateMaj:     l.Updated.String(),
		LienSource:  pageURL(g, l),
		Adresse:     p.Street, Commune: p.City,
		CodePostal:      frenchPostalCode(p.PostalCode),
		Telephone:       telephone(g, l),
		Courriel:        string(l.Email),
		SiteWeb:         string(l.Website),
		HorairesAccueil: l.Schedule().OSM(),
	}
	if p.Geo != nil {
		lat, lon := p.Geo.Lat, p.Geo.Lon
		s.Latitude, s.Longitude = &lat, &lon
	}
	return s
}

// offer is one data·inclusion service of a listing: a category it offers,
// with the services: entry that gives it its own hours, audience or access.
type offer struct {
	cat *content.Category
	sv  *content.Service // nil: the place's own
}

// offers are the services a listing gives data·inclusion: one per category
// of categories:, with the first services: entry of that category if any,
// then one per services: entry not used yet (a part of the place under a
// category of its own, e.g. a shower service of a day centre).
func offers(l *content.Listing) []offer {
	var out []offer
	used := map[int]bool{}
	for _, c := range l.Categories {
		o := offer{cat: c.Category}
		for i := range l.Services {
			if sv := &l.Services[i]; !used[i] && sv.Category.Category != nil && sv.Category.ID == c.ID {
				o.sv, used[i] = sv, true
				break
			}
		}
		out = append(out, o)
	}
	for i := range l.Services {
		if sv := &l.Services[i]; !used[i] && sv.Category.Category != nil {
			out = append(out, offer{cat: sv.Category.Category, sv: sv})
		}
	}
	return out
}

// services are the data·inclusion services of a listing. Their ids are the
// listing's and the category's: <listing>--<category>, then -2, -3 for a
// category given twice.
func services(g *content.Guide, l *content.Listing, s DIStructure) []DIService {
	src := lang(g)
	seen := map[string]int{}
	var out []DIService
	for _, o := range offers(l) {
		id := l.ID + "--" + o.cat.ID
		if seen[id]++; seen[id] > 1 {
			id += "-" + strconv.Itoa(seen[id])
		}
		name, desc := source(o.cat.Name, src), s.Description
		audience, access := l.Audience, l.Access
		sched := l.Schedule()
		if sv := o.sv; sv != nil {
			if n := source(sv.Name, src); n != "" {
				name = n
			}
			if d := long(source(sv.Description, src)); d != "" {
				desc = d
			}
			if sv.Audience != nil {
				audience = sv.Audience
			}
			if sv.Access != nil {
				access = sv.Access
			}
			sched = l.ServiceSchedule(sv)
		}
		if desc == "" {
			desc = long(name + " — " + l.Name)
		}
		d := DIService{
			ID: id, StructureID: l.ID, Source: s.Source,
			Nom: fit(name, l.Name), Description: desc, DateMaj: s.DateMaj, LienSource: s.LienSource,
			Thematiques: Thematiques(o.cat), Publics: publics(audience),
			ConditionsAcces: conditions(access, src),
			ModesAccueil:    []string{"en-presentiel"},
			Adresse:         s.Adresse, CodePostal: s.CodePostal, Commune: s.Commune,
			Latitude: s.Latitude, Longitude: s.Longitude,
			Telephone: s.Telephone, Courriel: s.Courriel,
			HorairesAccueil: sched.OSM(),
		}
		if audience != nil {
			d.PublicsPrecisions = source(audience.Note, src)
		}
		d.Frais, d.FraisPrecisions = frais(access, src)
		d.ModesMobilisation, d.MobilisablePar, d.MobilisationPrecisions = mobilisation(l, access, src)
		out = append(out, d)
	}
	return out
}

var postalCode = regexp.MustCompile(`^\d{5}$`)

// frenchPostalCode keeps a postal code of five digits, the only form the
// schema takes (a Belgian or Swiss one is left out; the commune stays).
func frenchPostalCode(s string) string {
	if postalCode.MatchString(s) {
		return s
	}
	return ""
}

// telephone is the first number, in E.164 when it can be (+33…), as the
// schema prefers; a short number (115) stays as it is.
func telephone(g *content.Guide, l *content.Listing) string {
	if len(l.Phone) == 0 {
		return ""
	}
	tel := l.Phone[0].Tel
	country := string(g.Site.Country)
	if c := l.Public().Country; c != "" {
		country = string(c)
	}
	if country == "FR" && len(tel) == 10 && tel[0] == '0' {
		return "+33" + tel[1:]
	}
	return tel
}

// fit makes a name the schema takes: 3 to 150 characters. A shorter one
// gets its context (the city, the place) after it; a longer one is cut.
func fit(name, context string) string {
	if utf8.RuneCountInString(name) < 3 && context != "" {
		name += " — " + context
	}
	for utf8.RuneCountInString(name) < 3 {
		name += "."
	}
	if r := []rune(name); len(r) > 150 {
		name = string(r[:149]) + "…"
	}
	return name
}

// long keeps a description the schema takes (5 to 10,000 characters), or "".
func long(s string) string {
	s = strings.TrimSpace(s)
	if utf8.RuneCountInString(s) < 5 {
		return ""
	}
	if r := []rune(s); len(r) > 10000 {
		s = string(r[:9999]) + "…"
	}
	return s
}
