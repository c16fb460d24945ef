package importer

import (
	"strings"
	"testing"
)

const someFeatures = `{"type": "FeatureCollection", "features": [
 {"type": "Feature", "id": "node/1", "geometry": {"type": "Point", "coordinates": [2.35, 48.85]},
  "properties": {"name": "Sanisette", "amenity": "toilets", "wheelchair": "limited", "opening_hours": "24/7",
   "addr:housenumber": "3", "addr:street": "rue de Rivoli", "addr:postcode": "75004", "addr:city": "Paris",
   "source": "OpenStreetMap", "licence": "ODbL-1.0"}},
 {"type": "Feature", "geometry": {"type": "Point", "coordinates": [4.84, 45.75]},
  "properties": {"@id": "node/2", "name": "Halte", "categories": ["day_hosting", "nope"], "phone": "04 72 00 00 00;not a phone",
   "website": "halte.example.org", "wheelchair": "yes", "opening_hours": "Mo-Fr 9h-12h", "addr:city": "Lyon"}},
 {"type": "Feature", "geometry": {"type": "Point", "coordinates": [4.84, 45.75]},
  "properties": {"name": "Un banc", "amenity": "bench", "addr:city": "Lyon"}}
]}`

// OpenStreetMap-like features become listings abri check accepts; what
// was guessed or dropped is noted.
func TestGeoJSONImport(t *testing.T) {
	fsys := emptyGuide(t)
	recs, outs := importInto(t, fsys, "geojson", []SourceFile{{Name: "places.geojson", Data: []byte(someFeatures)}}, WriteOptions{})
	if len(recs) != 3 || outs[0].Action != Written || outs[1].Action != Written || outs[2].Action != Skipped {
		t.Fatalf("%+v", outs)
	}
	var notes []string
	for _, r := range recs {
		notes = append(notes, r.Notes...)
	}
	for _, want := range []string{"toilets from amenity=toilets", "wheelchair=limited dropped", `category "nope" dropped`,
		`phone "not a phone" dropped`, `website "halte.example.org" written https://halte.example.org`} {
		if !strings.Contains(strings.Join(notes, "\n"), want) {
			t.Errorf("no note %q in %q", want, notes)
		}
	}
	p := string(fsys[outs[0].Path].Data)
	for _, want := range []string{"categories: [toilets]", "geo: [48.85, 2.35]", "mo-su: 00:00-24:00", "street: 3 rue de Rivoli",
		"{name: OpenStreetMap, licence: ODbL-1.0, id: node/1"} {
		if !strings.Contains(p, want) {
			t.Errorf("no %q in\n%s", want, p)
		}
	}
	if _, ps := load(t, fsys); ps.Errors() > 0 {
		t.Fatal(ps.Err())
	}
}
