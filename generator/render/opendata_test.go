package render

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/abri-guide/abri/generator/markdown"
	"github.com/abri-guide/abri/generator/opendata"
)

// TestDataGroups: the open-data page lists whatever files the export
// makes, by folder: the places first, then data·inclusion, HSDS, and any
// other folder by name.
func TestDataGroups(t *testing.T) {
	p := &Page{Site: &Site{openData: func() ([]opendata.File, error) {
		return []opendata.File{
			{Path: "data/data-inclusion/services.json", Data: []byte("[]")},
			{Path: "data/hsds/datapackage.json", Data: []byte("{}")},
			{Path: "data/new/notes.txt", Data: []byte("x")},
			{Path: "data/places.geojson", Data: make([]byte, 1500)},
		}, nil
	}}}
	groups, err := p.DataGroups()
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, g := range groups {
		for _, f := range g.Files {
			got = append(got, fmt.Sprintf("%s:%s:%s:%d", g.ID, f.Name, f.Format, f.Size))
		}
	}
	want := "places:places.geojson:GeoJSON:1500 data-inclusion:services.json:JSON:2 hsds:datapackage.json:JSON:2 new:notes.txt:TXT:1"
	if strings.Join(got, " ") != want {
		t.Errorf("groups:\n%s\nwant\n%s", strings.Join(got, " "), want)
	}
}

// TestOpenDataPage: each language has an open-data page linking the
// export's files; the site serves them as Export makes them, and only the
// copies of a whole language hold them.
func TestOpenDataPage(t *testing.T) {
	g, th := guide(t)
	r, err := New(g, th, markdown.New(), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if err := r.Prepare(context.Background(), 1, true); err != nil {
		t.Fatal(err)
	}
	want, err := opendata.Export(g, opendata.Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, lang := range []string{"fr", "en"} {
		page, ok, err := r.File(lang + "/data.html")
		if !ok || err != nil {
			t.Fatalf("%s/data.html: %v %v", lang, ok, err)
		}
		for _, f := range want {
			if !strings.Contains(string(page), `href="../`+f.Path+`" download`) {
				t.Errorf("%s/data.html does not link %s", lang, f.Path)
			}
		}
	}
	byPath := map[string]File{}
	for _, f := range r.Files() {
		byPath[f.Path] = f
	}
	for _, f := range want {
		data, ok, err := r.File(f.Path)
		if !ok || err != nil || string(data) != string(f.Data) {
			t.Errorf("%s: served %v %v, %d bytes of %d", f.Path, ok, err, len(data), len(f.Data))
		}
		var in []string
		for _, k := range byPath[f.Path].Copies {
			in = append(in, r.Copies()[k].Path)
		}
		if strings.Join(in, " ") != "offline/guide-fr.zip offline/guide-en.zip" {
			t.Errorf("%s is in %v, want the copies of each whole language only", f.Path, in)
		}
	}
}

// TestOpenDataPageLicence: the page says that data·inclusion may not take
// the files of a share-alike guide, and says nothing of it for an open one.
func TestOpenDataPageLicence(t *testing.T) {
	for _, c := range []struct {
		licence string
		warned  bool
	}{{"ODbL-1.0", true}, {"Etalab-2.0", false}} {
		r := prepared(t, fstest.MapFS{
			"site.yaml":       {Data: []byte("title: Guide\nlanguages: [fr, en]\ntimezone: Europe/Paris\ncountry: FR\nlicence: {name: " + c.licence + "}\n")},
			"categories.yaml": {Data: []byte("- id: hygiene_and_wellness\n  icon: hygiene_and_wellness\n  name: Hygiène\n")},
			"listings/a.yaml": {Data: []byte("name: A\ncategories: [hygiene_and_wellness]\naddress: {city: Lyon}\nupdated: 2026-11-01\n")},
		})
		page, ok, err := r.File("en/data.html")
		if !ok || err != nil {
			t.Fatalf("en/data.html: %v %v", ok, err)
		}
		warned := strings.Contains(string(page), "which this guide&#39;s licence ("+c.licence+") does not allow")
		if warned != c.warned {
			t.Errorf("licence %s: warned %v, want %v", c.licence, warned, c.warned)
		}
	}
}
