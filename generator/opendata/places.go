package opendata

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"strconv"
	"strings"

	"github.com/abri-guide/abri/generator/content"
)

// places makes data/places.geojson and data/places.csv: every published
// place, for maps (GeoJSON, with OpenStreetMap's tag names) and for
// spreadsheets (CSV).
func places(g *content.Guide, opts Options) ([]File, error) {
	ps := make([]place, len(g.Listings))
	langs := langsOf(g)
	for i, l := range g.Listings {
		ps[i] = newPlace(g, langs, l)
	}
	geo, err := placesGeoJSON(ps)
	if err != nil {
		return nil, err
	}
	table, err := placesCSV(ps)
	if err != nil {
		return nil, err
	}
	return []File{{Path: "data/places.csv", Data: table}, {Path: "data/places.geojson", Data: geo}}, nil
}

// place is what both files say of a listing, located through Public only.
type place struct {
	l          *content.Listing
	at         content.Place
	country    string
	categories []string // ids
	names      []string // names in the source language
	phones     []string
	hours      string // OSM opening_hours
	desc       string // in the source language
	status     string // open or closed
	url        string // the place's page, when the guide has a base_url
}

func newPlace(g *content.Guide, langs []string, l *content.Listing) place {
	p := place{l: l, at: l.Public(), hours: l.Schedule().OSM(), status: "open"}
	p.country = string(p.at.Country)
	if p.country == "" {
		p.country = string(g.Site.Country)
	}
	for _, c := range l.Categories {
		if c.Category == nil {
			continue
		}
		p.categories = append(p.categories, c.ID)
		name, _ := c.Name.In(langs, langs[0])
		p.names = append(p.names, name)
	}
	for _, ph := range l.Phone {
		p.phones = append(p.phones, ph.Text)
	}
	p.desc, _ = l.Description.In(langs, langs[0])
	if l.Closed() {
		p.status = "closed"
	}
	p.url = pageURL(g, l)
	return p
}

func langsOf(g *content.Guide) []string {
	langs := make([]string, len(g.Site.Languages))
	for i, l := range g.Site.Languages {
		langs[i] = string(l)
	}
	if len(langs) == 0 {
		langs = []string{""}
	}
	return langs
}

// osmTags names what a place is in OpenStreetMap's words, for the
// categories whose ids say it plainly (the demo's, after Soliguide's):
// the first category of a listing found here gives amenity (and
// social_facility); any other place is an amenity=social_facility.
var osmTags = map[string][2]string{
	"toilets":                 {"toilets", ""},
	"shower":                  {"shower", ""},
	"drinking_water":          {"drinking_water", ""},
	"emergency_accommodation": {"social_facility", "shelter"},
	"women_shelter":           {"social_facility", "shelter"},
	"food_distribution":       {"social_facility", "food_bank"},
	"food_parcels":            {"social_facility", "food_bank"},
	"social_grocery":          {"social_facility", "food_bank"},
	"meals":                   {"social_facility", "soup_kitchen"},
	"day_hosting":             {"social_facility", "outreach"},
	"health_care":             {"clinic", ""},
	"dental_care":             {"dentist", ""},
}

func (p *place) osm() (amenity, facility string) {
	for _, id := range p.categories {
		if t, ok := osmTags[id]; ok {
			return t[0], t[1]
		}
	}
	return "social_facility", ""
}

// placesGeoJSON writes a FeatureCollection, one feature a line. A hidden
// address has no geometry (null, which GeoJSON allows for a feature whose
// place is not published) and no street: its postcode and city say
// roughly where it is, address_hidden says why there is no point.
func placesGeoJSON(ps []place) ([]byte, error) {
	var b bytes.Buffer
	b.WriteString(`{"type":"FeatureCollection","features":[`)
	for i := range ps {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteByte('\n')
		p := &ps[i]
		f := feature{Type: "Feature", ID: p.l.ID, Properties: p.properties()}
		if geo := p.at.Geo; geo != nil {
			f.Geometry = &point{Type: "Point", Coordinates: [2]float64{geo.Lon, geo.Lat}}
		}
		data, err := json.Marshal(f)
		if err != nil {
			return nil, err
		}
		b.Write(data)
	}
	b.WriteString("\n]}\n")
	return b.Bytes(), nil
}

type feature struct {
	Type       string         `json:"type"`
	ID         string         `json:"id"`
	Geometry   *point         `json:"geometry"` // null for a hidden address or an unknown position
	Properties map[string]any `json:"properties"`
}

type point struct {
	Type        string     `json:"type"`
	Coordinates [2]float64 `json:"coordinates"` // longitude, latitude
}

// properties are OpenStreetMap's tags where one exists, abri's own names
// (id, categories, status, url, updated, address_hidden) otherwise.
// Empty values are left out; encoding/json sorts the keys.
func (p *place) properties() map[string]any {
	l := p.l
	props := map[string]any{"id": l.ID, "name": l.Name, "categories": p.categories, "status": p.status, "updated": l.Updated.String()}
	amenity, facility := p.osm()
	props["amenity"] = amenity
	set := func(k, v string) {
		if v != "" {
			props[k] = v
		}
	}
	set("social_facility", facility)
	set("addr:street", p.at.Street)
	set("addr:postcode", p.at.PostalCode)
	set("addr:city", p.at.City)
	set("addr:country", p.country)
	set("phone", strings.Join(p.phones, ";"))
	set("email", string(l.Email))
	set("website", string(l.Website))
	set("opening_hours", p.hours)
	set("description", p.desc)
	set("url", p.url)
	if a := l.Access; a != nil && a.Wheelchair != nil {
		props["wheelchair"] = map[bool]string{true: "yes", false: "no"}[*a.Wheelchair]
	}
	if p.at.Approximate {
		props["address_hidden"] = true
	}
	return props
}

// csvHeader are the columns of data/places.csv.
var csvHeader = []string{"id", "name", "categories", "category_ids", "street", "postcode", "city", "country", "lat", "lon",
	"phone", "email", "website", "opening_hours", "wheelchair", "description", "status", "updated", "url"}

// placesCSV writes one row per place, RFC 4180 (CRLF), UTF-8 with a byte
// order mark so that Excel reads accents and Arabic right. A hidden
// address has an empty street, lat and lon.
func placesCSV(ps []place) ([]byte, error) {
	var b bytes.Buffer
	b.WriteString("\ufeff")
	w := csv.NewWriter(&b)
	w.UseCRLF = true
	if err := w.Write(csvHeader); err != nil {
		return nil, err
	}
	for i := range ps {
		p, l := &ps[i], ps[i].l
		var lat, lon, wheelchair string
		if geo := p.at.Geo; geo != nil {
			lat, lon = strconv.FormatFloat(geo.Lat, 'f', -1, 64), strconv.FormatFloat(geo.Lon, 'f', -1, 64)
		}
		if a := l.Access; a != nil && a.Wheelchair != nil {
			wheelchair = map[bool]string{true: "yes", false: "no"}[*a.Wheelchair]
		}
		row := []string{l.ID, cell(l.Name), cell(strings.Join(p.names, "; ")), strings.Join(p.categories, ";"), cell(p.at.Street), cell(p.at.PostalCode), cell(p.at.City), p.country, lat, lon,
			strings.Join(p.phones, "; "), string(l.Email), string(l.Website), p.hours, wheelchair, cell(p.desc), p.status, l.Updated.String(), p.url}
		if err := w.Write(row); err != nil {
			return nil, err
		}
	}
	w.Flush()
	return b.Bytes(), w.Error()
}

// cell keeps a spreadsheet from running a text as a formula: a text of
// the content that starts with = + - or @ gets a leading apostrophe,
// which Excel and LibreOffice hide (OWASP's advice on CSV injection).
// Phones, which may start with +, are written as they are: digits and
// spaces only, they make no formula that does anything.
func cell(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}
