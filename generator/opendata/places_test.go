package opendata

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"os"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/abri-guide/abri/generator/content"
	"github.com/abri-guide/abri/generator/internal/guidegen"
)

// hiddenGuide has a hidden address, a closed place, a draft and a text
// that a spreadsheet would run as a formula.
func hiddenGuide(t testing.TB) *content.Guide {
	return loadGuide(t, fstest.MapFS{
		"site.yaml": {Data: []byte("title: Guide\nlanguages: [fr, en]\ntimezone: Europe/Paris\ncountry: FR\nbase_url: https://guide.example.org/\nlicence: {name: ODbL-1.0}\n")},
		"categories.yaml": {Data: []byte("- id: hygiene_and_wellness\n  icon: hygiene_and_wellness\n  name: {fr: Hygiène, en: Hygiene}\n" +
			"  children: [{id: shower, name: {fr: Douche, en: Shower}}, {id: women_shelter, name: Abri}]\n")},
		"listings/a.yaml": {Data: []byte("name: Bains du Rhône\ncategories: [shower]\naddress: {street: 8 quai Sud, postal_code: '69007', city: Lyon}\n" +
			"geo: [45.7485, 4.8467]\nphone: ['+33 4 00 00 00 00']\nhours: {mo-fr: 09:00-12:00}\naccess: {wheelchair: true}\nupdated: 2026-11-01\n" +
			"description: {fr: \"=HYPERLINK(\\\"x\\\") douche, \\\"chaude\\\"\\nsavon\"}\n")},
		"listings/b.yaml": {Data: []byte("name: Abri secret\ncategories: [women_shelter]\naddress: {street: 77 rue Cachée, postal_code: '75013', city: Paris, hidden: true}\n" +
			"geo: [48.831234, 2.357891]\nupdated: 2026-11-01\n")},
		"listings/c.yaml": {Data: []byte("name: Ancienne douche\ncategories: [shower]\naddress: {city: Lyon}\nstatus: closed\nupdated: 2026-11-01\n")},
		"listings/d.yaml": {Data: []byte("name: Brouillon\ncategories: [shower]\naddress: {street: 1 rue Brouillon, city: Lyon}\nstatus: draft\nupdated: 2026-11-01\n")},
	})
}

type collection struct {
	Type     string `json:"type"`
	Features []struct {
		Type     string `json:"type"`
		ID       string `json:"id"`
		Geometry *struct {
			Type        string    `json:"type"`
			Coordinates []float64 `json:"coordinates"`
		} `json:"geometry"`
		Properties map[string]any `json:"properties"`
	} `json:"features"`
}

func placesFiles(t *testing.T, g *content.Guide) (geo collection, rows [][]string, raw map[string][]byte) {
	t.Helper()
	files, err := places(g, Options{})
	if err != nil {
		t.Fatal(err)
	}
	raw = map[string][]byte{}
	for _, f := range files {
		raw[f.Path] = f.Data
	}
	if err := json.Unmarshal(raw["data/places.geojson"], &geo); err != nil {
		t.Fatalf("data/places.geojson: %v", err)
	}
	table := raw["data/places.csv"]
	if !bytes.HasPrefix(table, []byte("\ufeff")) {
		t.Error("data/places.csv has no byte order mark: Excel would misread its accents")
	}
	r := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(table, []byte("\ufeff"))))
	if rows, err = r.ReadAll(); err != nil {
		t.Fatalf("data/places.csv: %v", err)
	}
	return geo, rows, raw
}

// TestPlaces reads both files back: a feature and a row per published
// place (closed ones with their status, no draft), OSM tag names, and a
// hidden address without street nor point.
func TestPlaces(t *testing.T) {
	g := hiddenGuide(t)
	geo, rows, raw := placesFiles(t, g)
	if geo.Type != "FeatureCollection" || len(geo.Features) != 3 {
		t.Fatalf("geojson: type %q, %d features, want 3", geo.Type, len(geo.Features))
	}
	a, b, c := geo.Features[0], geo.Features[1], geo.Features[2]
	if a.ID != "a" || a.Geometry == nil || a.Geometry.Type != "Point" || a.Geometry.Coordinates[0] != 4.8467 || a.Geometry.Coordinates[1] != 45.7485 {
		t.Errorf("a: %+v", a)
	}
	want := map[string]any{"addr:street": "8 quai Sud", "addr:postcode": "69007", "addr:city": "Lyon", "addr:country": "FR", "amenity": "shower",
		"opening_hours": "Mo-Fr 09:00-12:00; PH unknown", "wheelchair": "yes", "phone": "+33 4 00 00 00 00", "status": "open",
		"url": "https://guide.example.org/fr/places/a.html", "updated": "2026-11-01"}
	for k, v := range want {
		if a.Properties[k] != v {
			t.Errorf("a: %s = %v, want %v", k, a.Properties[k], v)
		}
	}
	if b.Geometry != nil || b.Properties["addr:street"] != nil || b.Properties["address_hidden"] != true || b.Properties["addr:city"] != "Paris" || b.Properties["social_facility"] != "shelter" {
		t.Errorf("hidden address: %+v", b)
	}
	if c.Properties["status"] != "closed" || c.Properties["opening_hours"] != "off" {
		t.Errorf("closed place: %+v", c.Properties)
	}
	if len(rows) != 4 || strings.Join(rows[0], ",") != strings.Join(csvHeader, ",") {
		t.Fatalf("csv: %d rows, header %v", len(rows), rows[0])
	}
	col := map[string]int{}
	for i, h := range rows[0] {
		col[h] = i
	}
	if r := rows[1]; r[col["categories"]] != "Douche" || r[col["lat"]] != "45.7485" || r[col["description"]] != "'=HYPERLINK(\"x\") douche, \"chaude\"\nsavon" {
		t.Errorf("csv row a: %q", r)
	}
	if r := rows[2]; r[col["street"]] != "" || r[col["lat"]] != "" || r[col["lon"]] != "" || r[col["city"]] != "Paris" {
		t.Errorf("csv row of the hidden address: %q", r)
	}
	for path, data := range raw {
		for _, secret := range []string{"Cachée", "48.83", "2.35", "Brouillon"} {
			if bytes.Contains(data, []byte(secret)) {
				t.Errorf("%s holds %q, of a hidden address or a draft", path, secret)
			}
		}
	}
}

// TestPlacesDeterministic: the same guide gives the same bytes.
func TestPlacesDeterministic(t *testing.T) {
	g := hiddenGuide(t)
	one, _ := places(g, Options{})
	two, _ := places(hiddenGuide(t), Options{})
	for i := range one {
		if one[i].Path != two[i].Path || !bytes.Equal(one[i].Data, two[i].Data) {
			t.Errorf("%s differs between two exports", one[i].Path)
		}
	}
}

// TestPlacesDemo: every published place of the demo is a feature and a
// row.
func TestPlacesDemo(t *testing.T) {
	g := loadGuide(t, os.DirFS("../../content"))
	geo, rows, _ := placesFiles(t, g)
	if len(geo.Features) != len(g.Listings) || len(rows) != len(g.Listings)+1 {
		t.Errorf("%d listings: %d features, %d rows", len(g.Listings), len(geo.Features), len(rows)-1)
	}
}

// BenchmarkExport10k: the whole export of a generated guide of 10,000
// places (go test -bench Export10k -run - ./generator/opendata/).
func BenchmarkExport10k(b *testing.B) {
	fsys, err := guidegen.National("../../content", 10000)
	if err != nil {
		b.Fatal(err)
	}
	g := loadGuide(b, fsys)
	b.ResetTimer()
	for range b.N {
		files, err := Export(g, Options{})
		if err != nil {
			b.Fatal(err)
		}
		var n int
		for _, f := range files {
			n += len(f.Data)
		}
		b.ReportMetric(float64(n), "bytes")
	}
}
