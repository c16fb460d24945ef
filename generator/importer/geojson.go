package importer

import (
	"encoding/json"
	"fmt"
	"sort"
	"strings"

	"github.com/abri-guide/abri/generator/content"
)

// geoFeature is a GeoJSON feature: a point and OpenStreetMap-like tags.
type geoFeature struct {
	ID       json.RawMessage `json:"id"`
	Geometry *struct {
		Type        string          `json:"type"`
		Coordinates json.RawMessage `json:"coordinates"`
	} `json:"geometry"`
	Properties map[string]any `json:"properties"`
}

// osmCategories guess a category from tags, in the order tried; each
// guess is noted, since a tag says what a place is rather than what help
// it gives.
var osmCategories = []struct{ tag, value, id string }{
	{"social_facility", "shelter", "emergency_accommodation"},
	{"social_facility", "food_bank", "food_distribution"},
	{"social_facility", "soup_kitchen", "meals"},
	{"amenity", "food_bank", "food_distribution"},
	{"amenity", "soup_kitchen", "meals"},
	{"amenity", "toilets", "toilets"},
	{"amenity", "shower", "shower"},
	{"amenity", "drinking_water", "drinking_water"},
	{"amenity", "clinic", "health_care"},
	{"amenity", "doctors", "health_care"},
	{"amenity", "hospital", "health_care"},
	{"amenity", "dentist", "dental_care"},
	{"amenity", "internet_cafe", "computer_access"},
	{"amenity", "luggage_locker", "luggage_storage"},
	{"amenity", "device_charging_station", "phone_charging"},
	{"shop", "laundry", "laundry"},
	{"shop", "hairdresser", "hairdresser"},
	{"amenity", "social_facility", "social_support"},
	{"amenity", "social_centre", "day_hosting"},
}

// readGeoJSON reads Point features with OpenStreetMap-like tags: name,
// addr:*, phone, email, website (or their contact:* forms),
// opening_hours, wheelchair, description, and amenity and the like for
// the category; a "categories" property of the guide's ids (abri's own
// export) is taken as it is.
func readGeoJSON(in Input) ([]Record, error) {
	var recs []Record
	for _, f := range in.Files {
		var fc struct {
			Type     string       `json:"type"`
			Features []geoFeature `json:"features"`
		}
		if err := json.Unmarshal(f.Data, &fc); err != nil || fc.Type != "FeatureCollection" {
			return nil, fmt.Errorf("%s: not a GeoJSON FeatureCollection%s", f.Name, errSuffix(err))
		}
		for i, ft := range fc.Features {
			recs = append(recs, geoRecord(in.Guide, ft, f.Name, i))
		}
	}
	return recs, nil
}

func errSuffix(err error) string {
	if err == nil {
		return ""
	}
	return ": " + err.Error()
}

func geoRecord(g *content.Guide, ft geoFeature, file string, i int) Record {
	tags := map[string]string{}
	for k, v := range ft.Properties {
		switch v := v.(type) {
		case string:
			tags[k] = strings.TrimSpace(v)
		case float64, bool:
			tags[k] = fmt.Sprint(v)
		case []any:
			var parts []string
			for _, x := range v {
				parts = append(parts, fmt.Sprint(x))
			}
			tags[k] = strings.Join(parts, ";")
		}
	}
	id := featureID(ft, tags)
	r := Record{From: fmt.Sprintf("%s[%d]", file, i)}
	if id != "" {
		r.From = file + "#" + id
	}
	lang := sourceLang(g)
	l := &r.Listing
	l.Name = first(tags, "name", "name:"+lang, "official_name")
	if d := first(tags, "description", "description:"+lang); d != "" {
		l.Description = content.Text{lang: d}
	}
	r.geoCategories(g, tags)
	r.point(ft)
	street := strings.TrimSpace(tags["addr:housenumber"] + " " + tags["addr:street"])
	if street != "" || tags["addr:postcode"] != "" || tags["addr:city"] != "" {
		l.Address = &content.Address{Street: street, PostalCode: tags["addr:postcode"], City: tags["addr:city"]}
		if c := strings.ToUpper(tags["addr:country"]); len(c) == 2 {
			l.Address.Country = content.Country(c)
		}
	}
	r.contacts(first(tags, "phone", "contact:phone"), first(tags, "email", "contact:email"), first(tags, "website", "contact:website", "url"))
	r.hours(tags["opening_hours"], lang)
	switch tags["wheelchair"] {
	case "yes", "no":
		yes := tags["wheelchair"] == "yes"
		l.Access = &content.Access{Wheelchair: &yes}
	case "":
	default:
		r.note("wheelchair=%s dropped: abri says yes or no", tags["wheelchair"])
	}
	if d, ok := parseDate(first(tags, "check_date", "survey:date", "updated")); ok {
		l.Updated = d
	}
	src := content.Source{Name: first(tags, "source"), ID: id}
	if src.Name == "" {
		src.Name = strings.TrimSuffix(file, ".geojson")
	}
	if u, _, ok := webAddress(tags["source:url"]); ok {
		src.URL = content.URL(u)
	}
	src.Licence = tags["licence"]
	l.Sources = []content.Source{src}
	return r
}

// featureID is the feature's id, or its @id / id tag (OpenStreetMap's
// node/123).
func featureID(ft geoFeature, tags map[string]string) string {
	var s string
	if json.Unmarshal(ft.ID, &s) == nil && s != "" {
		return s
	}
	var n json.Number
	if json.Unmarshal(ft.ID, &n) == nil && n != "" {
		return n.String()
	}
	return first(tags, "@id", "id", "ref")
}

func first(tags map[string]string, keys ...string) string {
	for _, k := range keys {
		if v := tags[k]; v != "" {
			return v
		}
	}
	return ""
}

// point reads a Point's [longitude, latitude].
func (r *Record) point(ft geoFeature) {
	if ft.Geometry == nil {
		return
	}
	var c []float64
	if ft.Geometry.Type != "Point" || json.Unmarshal(ft.Geometry.Coordinates, &c) != nil || len(c) < 2 {
		r.note("geometry dropped: only a Point is a place's position")
		return
	}
	if c[1] < -90 || c[1] > 90 || c[0] < -180 || c[0] > 180 {
		r.note("position [%v, %v] dropped: out of range", c[0], c[1])
		return
	}
	r.Listing.Geo = &content.Geo{Lat: c[1], Lon: c[0]}
}

// geoCategories takes the guide's ids of a categories property, else
// guesses from OpenStreetMap tags.
func (r *Record) geoCategories(g *content.Guide, tags map[string]string) {
	if g == nil {
		return
	}
	for _, id := range splitList(strings.ReplaceAll(tags["categories"], ",", ";"), ";") {
		if _, ok := g.ByID[id]; ok {
			r.Listing.Categories = pickCats(g, r.Listing.Categories, id)
		} else {
			r.note("category %q dropped: not in categories.yaml", id)
		}
	}
	if len(r.Listing.Categories) > 0 {
		return
	}
	var guessed []string
	for _, c := range osmCategories {
		if tags[c.tag] == c.value {
			before := len(r.Listing.Categories)
			r.Listing.Categories = pickCats(g, r.Listing.Categories, c.id)
			if len(r.Listing.Categories) > before {
				guessed = append(guessed, fmt.Sprintf("%s from %s=%s", c.id, c.tag, c.value))
			}
		}
	}
	sort.Strings(guessed)
	if len(guessed) > 0 {
		r.note("categories guessed: %s", strings.Join(guessed, ", "))
	}
}
