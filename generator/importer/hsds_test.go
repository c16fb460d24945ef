package importer

import (
	"bytes"
	"encoding/json"
	"os"
	"sort"
	"strings"
	"testing"

	"github.com/abri-guide/abri/generator/content"
	"github.com/abri-guide/abri/generator/opendata"
	"github.com/abri-guide/abri/generator/theme"
)

func loadDemo(t *testing.T) *content.Guide {
	t.Helper()
	th, err := theme.Load(os.DirFS("../../themes/default"), "themes/default")
	if err != nil {
		t.Fatal(err)
	}
	g, problems := content.Load(os.DirFS("../../content"), content.Options{Root: "content", Icons: th.IconNames()})
	if problems.Errors() > 0 {
		t.Fatal(problems.Err())
	}
	return g
}

func hsdsExport(t *testing.T, g *content.Guide) []byte {
	t.Helper()
	files, err := opendata.Export(g, opendata.Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range files {
		if f.Path == "data/hsds/services.json" {
			return f.Data
		}
	}
	t.Fatal("no data/hsds/services.json in the export")
	return nil
}

// TestHSDSRoundTrip: the demo's HSDS export read back gives one record
// per listing, which exported again gives the same bytes.
func TestHSDSRoundTrip(t *testing.T) {
	g := loadDemo(t)
	data := hsdsExport(t, g)
	recs, err := Read("hsds", Input{Files: []SourceFile{{Name: "services.json", Data: data}}, Guide: g})
	if err != nil {
		t.Fatal(err)
	}
	if len(recs) != len(g.Listings) {
		t.Fatalf("%d records for %d listings", len(recs), len(g.Listings))
	}
	// The writer names files; here each record takes back its listing's id,
	// which the export gives as the location's external identifier.
	idOf := locationIDs(t, data)
	g2 := *g
	g2.Listings = nil
	for i := range recs {
		l := recs[i].Listing
		if len(l.Sources) != 1 || l.Sources[0].ID == "" || l.Sources[0].Licence != "ODbL-1.0" || l.Sources[0].Date == nil {
			t.Errorf("%s: sources %+v, want the record's id, licence and date", recs[i].From, l.Sources)
		}
		l.ID = idOf[l.Sources[0].ID]
		if l.ID == "" {
			t.Fatalf("%s: no listing has location %s", recs[i].From, l.Sources[0].ID)
		}
		g2.Listings = append(g2.Listings, &l)
	}
	sort.Slice(g2.Listings, func(i, j int) bool { return g2.Listings[i].ID < g2.Listings[j].ID })
	again := hsdsExport(t, &g2)
	if !bytes.Equal(data, again) {
		a, b := strings.Split(string(data), "\n"), strings.Split(string(again), "\n")
		for i := 0; i < len(a) && i < len(b); i++ {
			if a[i] != b[i] {
				t.Errorf("line %d differs:\n%.1500s\n%.1500s", i+1, a[i], b[i])
				break
			}
		}
		t.Fatalf("the re-export differs (%d and %d bytes)", len(data), len(again))
	}
}

// locationIDs maps each location id of an export to the listing id.
func locationIDs(t *testing.T, data []byte) map[string]string {
	var items []struct {
		ServiceAtLocations []struct {
			Location struct {
				ID                 string `json:"id"`
				ExternalIdentifier string `json:"external_identifier"`
			}
		} `json:"service_at_locations"`
	}
	if err := json.Unmarshal(data, &items); err != nil {
		t.Fatal(err)
	}
	m := map[string]string{}
	for _, it := range items {
		for _, s := range it.ServiceAtLocations {
			m[s.Location.ID] = s.Location.ExternalIdentifier
		}
	}
	return m
}
