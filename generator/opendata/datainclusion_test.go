package opendata

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"os"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/abri-guide/abri/generator/content"
	"github.com/abri-guide/abri/generator/internal/guidegen"
)

// diFiles exports the data·inclusion files of a guide, by name.
func diFiles(t testing.TB, g *content.Guide) map[string][]byte {
	t.Helper()
	files, err := dataInclusion(g, Options{Today: content.Date{Year: 2026, Month: 5, Day: 4}})
	if err != nil {
		t.Fatal(err)
	}
	m := map[string][]byte{}
	for _, f := range files {
		m[strings.TrimPrefix(f.Path, diDir)] = f.Data
	}
	return m
}

// TestDataInclusionDemoValidates: every structure and service of the demo
// guide is valid against data·inclusion's own schemas, and each listing
// gives one structure and at least one service per category.
func TestDataInclusionDemoValidates(t *testing.T) {
	g := loadGuide(t, os.DirFS("../../content"))
	files := diFiles(t, g)
	validate(t, "data-inclusion-v1/structure.json", files["structures.json"])
	validate(t, "data-inclusion-v1/service.json", files["services.json"])
	var ss []DIStructure
	var svs []DIService
	decodeJSON(t, files["structures.json"], &ss)
	decodeJSON(t, files["services.json"], &svs)
	if len(ss) != len(g.Listings) {
		t.Fatalf("%d structures for %d listings", len(ss), len(g.Listings))
	}
	n := 0
	for _, l := range g.Listings {
		n += len(l.Categories)
	}
	if len(svs) < n {
		t.Errorf("%d services for %d categories of listings", len(svs), n)
	}
	themed := 0
	for _, s := range svs {
		if len(s.Thematiques) > 0 {
			themed++
		}
		if s.HorairesAccueil == "" && s.StructureID == "refectoire-des-pentes" {
			t.Errorf("%s: no horaires_accueil", s.ID)
		}
	}
	if themed*2 < len(svs) {
		t.Errorf("only %d of %d services have thematiques: the default table misses the demo's categories", themed, len(svs))
	}
}

// TestDataInclusionGeneratedValidates: the export of a generated national
// guide of 1,000 listings in 12 languages is valid too.
func TestDataInclusionGeneratedValidates(t *testing.T) {
	if testing.Short() {
		t.Skip("a 1,000-listing guide")
	}
	fsys, err := guidegen.National("../../content", 1000)
	if err != nil {
		t.Fatal(err)
	}
	g := loadGuide(t, fsys)
	files := diFiles(t, g)
	validate(t, "data-inclusion-v1/structure.json", files["structures.json"])
	validate(t, "data-inclusion-v1/service.json", files["services.json"])
	if got := bytes.Count(files["structures.json"], []byte(`"id":`)); got != len(g.Listings) {
		t.Errorf("%d structures for %d listings", got, len(g.Listings))
	}
}

func decodeJSON(t testing.TB, b []byte, v any) {
	t.Helper()
	if err := json.Unmarshal(b, v); err != nil {
		t.Fatal(err)
	}
}

// hiddenListing is a listing whose address is hidden, with a street and a
// position that must appear nowhere.
const hiddenListing = `name: Abri des Tilleuls
categories: [women_shelter, shower]
address: {street: 17 impasse Zéphyrine-Quillardet, postal_code: "69007", city: Lyon, hidden: true}
geo: [45.123456, 4.987654]
phone: "04 72 00 00 99"
hours: {mo-fr: "09:00-17:00"}
services:
  - category: shower
    hours: {sa: "10:00-12:00"}
updated: 2026-03-01
`

// TestDataInclusionHiddenAddress: for a hidden address, no file of the
// export holds the street or the position; the city and postal code stay.
func TestDataInclusionHiddenAddress(t *testing.T) {
	fsys := demoFS(t)
	fsys["listings/lyon/abri-des-tilleuls.yaml"] = &fstest.MapFile{Data: []byte(hiddenListing)}
	g := loadGuide(t, fsys)
	files := diFiles(t, g)
	for name, b := range files {
		for _, secret := range []string{"Zéphyrine", "Quillardet", "45.12", "4.98", "45,12", "4,98"} {
			if bytes.Contains(b, []byte(secret)) {
				t.Errorf("%s holds %q of a hidden address", name, secret)
			}
		}
	}
	var ss []DIStructure
	decodeJSON(t, files["structures.json"], &ss)
	for _, s := range ss {
		if s.ID == "abri-des-tilleuls" && (s.CodePostal != "69007" || s.Commune != "Lyon" || s.Latitude != nil || s.Adresse != "") {
			t.Errorf("hidden address exported as %+v", s)
		}
	}
	var svs []DIService
	decodeJSON(t, files["services.json"], &svs)
	shower := false
	for _, s := range svs {
		if s.ID == "abri-des-tilleuls--shower" {
			shower = true
			if s.HorairesAccueil != "Sa 10:00-12:00; PH unknown" {
				t.Errorf("shower service hours %q, want the service's own", s.HorairesAccueil)
			}
		}
	}
	if !shower {
		t.Error("no service abri-des-tilleuls--shower")
	}
}

// TestDataInclusionCSV: the CSV files are well formed and hold the same
// records as the JSON, field for field.
func TestDataInclusionCSV(t *testing.T) {
	g := loadGuide(t, os.DirFS("../../content"))
	files := diFiles(t, g)
	for _, kind := range []string{"structures", "services"} {
		rows, err := csv.NewReader(bytes.NewReader(files[kind+".csv"])).ReadAll()
		if err != nil {
			t.Fatalf("%s.csv: %v", kind, err)
		}
		var items []map[string]any
		decodeJSON(t, files[kind+".json"], &items)
		if len(rows) != len(items)+1 {
			t.Fatalf("%s.csv: %d rows for %d records", kind, len(rows)-1, len(items))
		}
		head := rows[0]
		for i, it := range items {
			for j, col := range head {
				if got, want := rows[i+1][j], jsonCell(it[col]); got != want {
					t.Errorf("%s.csv row %d %s = %q, JSON has %q", kind, i+1, col, got, want)
				}
			}
			if len(it) > len(head) {
				t.Errorf("%s record %d has fields the CSV has no column for", kind, i)
			}
		}
	}
}

// jsonCell is what the CSV should hold for a JSON value.
func jsonCell(v any) string {
	switch v := v.(type) {
	case nil:
		return ""
	case string:
		return v
	case float64:
		return strconv.FormatFloat(v, 'f', -1, 64)
	case []any:
		var s []string
		for _, x := range v {
			s = append(s, x.(string))
		}
		return strings.Join(s, ",")
	}
	return "?"
}

// TestDataInclusionDeterministic: two exports of one guide are the same bytes.
func TestDataInclusionDeterministic(t *testing.T) {
	a := diFiles(t, loadGuide(t, os.DirFS("../../content")))
	b := diFiles(t, loadGuide(t, os.DirFS("../../content")))
	if len(a) != 5 {
		t.Errorf("%d files, want 5", len(a))
	}
	for name := range a {
		if !bytes.Equal(a[name], b[name]) {
			t.Errorf("%s differs between two exports", name)
		}
	}
}

// TestDataInclusionMapping: a guide sets a category's thematiques in
// categories.yaml; its children without their own inherit them, one with
// data_inclusion: [] has none, and the defaults serve the rest.
func TestDataInclusionMapping(t *testing.T) {
	fsys := demoFS(t)
	cats := string(fsys["categories.yaml"].Data)
	cats = strings.Replace(cats, "- id: food\n  icon: food\n",
		"- id: food\n  icon: food\n  data_inclusion: [famille--soutien-aidants, equipement-et-alimentation--alimentation]\n", 1)
	cats = strings.Replace(cats, "    - id: meals\n", "    - id: meals\n      data_inclusion: []\n", 1)
	fsys["categories.yaml"] = &fstest.MapFile{Data: []byte(cats)}
	g := loadGuide(t, fsys)
	want := map[string]string{
		"food":              "equipement-et-alimentation--alimentation,famille--soutien-aidants",
		"food_distribution": "equipement-et-alimentation--alimentation", // its own default wins over the parent's
		"meals":             "",
		"shower":            "",
		"french_courses":    "lecture-ecriture-calcul--maitriser-le-francais",
	}
	for id, w := range want {
		if got := strings.Join(Thematiques(g.ByID[id]), ","); got != w {
			t.Errorf("%s: thematiques %q, want %q", id, got, w)
		}
	}
	// The export follows the guide's table.
	var svs []DIService
	decodeJSON(t, diFiles(t, g)["services.json"], &svs)
	checked := 0
	for _, s := range svs {
		switch s.ID {
		case "refectoire-des-pentes--meals":
			checked++
			if s.Thematiques != nil {
				t.Errorf("%s: thematiques %v, want none (meals: data_inclusion: [])", s.ID, s.Thematiques)
			}
		}
	}
	if checked != 1 {
		t.Error("no service refectoire-des-pentes--meals in the export")
	}
	// A child the default table does not know inherits from its parent.
	cats = strings.Replace(cats, "    - id: social_grocery\n", "    - id: solidarity_fridge\n      name: Frigo solidaire\n    - id: social_grocery\n", 1)
	fsys["categories.yaml"] = &fstest.MapFile{Data: []byte(cats)}
	g = loadGuide(t, fsys)
	if got := strings.Join(Thematiques(g.ByID["solidarity_fridge"]), ","); got != want["food"] {
		t.Errorf("solidarity_fridge: thematiques %q, want its parent's %q", got, want["food"])
	}
}

// TestDataInclusionDefaultsAreThematiques: every value of the default
// table, and every thematique of the schema, are the same vocabulary.
func TestDataInclusionDefaultsAreThematiques(t *testing.T) {
	b, err := os.ReadFile(schemaFile("data-inclusion-v1/extra/thematiques.json"))
	if err != nil {
		t.Fatal(err)
	}
	var vocab []struct{ Value string }
	decodeJSON(t, b, &vocab)
	known := map[string]bool{}
	for _, v := range vocab {
		known[v.Value] = true
	}
	if len(known) != len(content.Thematiques) {
		t.Errorf("content.Thematiques has %d values, the schema %d", len(content.Thematiques), len(known))
	}
	for _, v := range content.Thematiques {
		if !known[v] {
			t.Errorf("content.Thematiques has %q, not in the schema", v)
		}
	}
	for id, ts := range defaultThematiques {
		for _, v := range ts {
			if !known[v] {
				t.Errorf("default table: %s: %q is not a thematique", id, v)
			}
		}
	}
}

// TestDataInclusionLicence: only licences data·inclusion may republish
// under Licence Ouverte pass; the others say why, and the README says so.
func TestDataInclusionLicence(t *testing.T) {
	for name, want := range map[string]bool{
		"ODbL-1.0": false, "CC-BY-SA-4.0": false, "CC BY-NC 4.0": false, "CC-BY-ND-4.0": false, "All rights reserved": false,
		"Etalab-2.0": true, "Licence Ouverte 2.0": true, "CC0-1.0": true, "CC-BY-4.0": true, "PDDL-1.0": true, "ODC-By-1.0": true,
	} {
		g := &content.Guide{Site: &content.Site{Licence: content.Licence{Name: name}}}
		ok, why := DataInclusionLicence(g)
		if ok != want || ok != (why == "") {
			t.Errorf("%s: ok %v, why %q; want ok %v", name, ok, why, want)
		}
		if !ok && !strings.Contains(why, name) {
			t.Errorf("%s: the reason does not name the licence: %q", name, why)
		}
	}
	files := diFiles(t, loadGuide(t, os.DirFS("../../content")))
	readme := string(files["README.txt"])
	for _, want := range []string{"Licence: ODbL-1.0", "WARNING: licence: ODbL-1.0 is share-alike", "Date of the data: 2026-05-04"} {
		if !strings.Contains(readme, want) {
			t.Errorf("README.txt lacks %q:\n%s", want, readme)
		}
	}
}
