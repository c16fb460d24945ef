package importer

import (
	"encoding/json"
	"io/fs"
	"os"
	"reflect"
	"sort"
	"strings"
	"testing"

	"github.com/abri-guide/abri/generator/content"
	"github.com/abri-guide/abri/generator/internal/guidegen"
	"github.com/abri-guide/abri/generator/opendata"
	"github.com/abri-guide/abri/generator/theme"
)

// demoGuide loads the demo guide.
func demoGuide(t *testing.T) *content.Guide {
	t.Helper()
	return loadGuide(t, os.DirFS("../../content"))
}

// loadGuide loads a guide as abri check does, and fails on errors.
func loadGuide(t *testing.T, fsys fs.FS) *content.Guide {
	t.Helper()
	th, err := theme.Load(os.DirFS("../../themes/default"), "themes/default")
	if err != nil {
		t.Fatal(err)
	}
	g, problems := content.Load(fsys, content.Options{Root: "content", Icons: th.IconNames()})
	if problems.Errors() > 0 {
		t.Fatal(problems.Err())
	}
	return g
}

// exportFiles are the demo's data·inclusion files as abri import gets them.
func exportFiles(t *testing.T, g *content.Guide, names ...string) []SourceFile {
	t.Helper()
	files, err := opendata.Export(g, opendata.Options{})
	if err != nil {
		t.Fatal(err)
	}
	var out []SourceFile
	for _, f := range files {
		for _, n := range names {
			if f.Path == "data/data-inclusion/"+n {
				out = append(out, SourceFile{Name: f.Path, Data: f.Data})
			}
		}
	}
	if len(out) != len(names) {
		t.Fatalf("export has %d of the files %v", len(out), names)
	}
	return out
}

// reexport is the data·inclusion export of a guide made of the records,
// each listing named by the record id the source gave.
func reexport(t *testing.T, g *content.Guide, records []Record) ([]opendata.DIStructure, []opendata.DIService) {
	t.Helper()
	g2 := *g
	g2.Listings = nil
	for i := range records {
		l := records[i].Listing
		if len(l.Sources) != 1 || l.Sources[0].ID == "" {
			t.Fatalf("%s: sources %+v, want the record's id", records[i].From, l.Sources)
		}
		l.ID = l.Sources[0].ID
		g2.Listings = append(g2.Listings, &l)
	}
	sort.Slice(g2.Listings, func(i, j int) bool { return g2.Listings[i].ID < g2.Listings[j].ID })
	return opendata.DataInclusionRecords(&g2)
}

// TestDataInclusionRoundTrip: the demo's export read back into a guide with
// the demo's categories, then exported again, gives the same structures and
// services, field for field; from JSON and from CSV alike.
func TestDataInclusionRoundTrip(t *testing.T) {
	roundTrip(t, demoGuide(t))
}

// TestDataInclusionRoundTripGenerated: the same with a generated guide of
// 1,000 listings in 12 languages.
func TestDataInclusionRoundTripGenerated(t *testing.T) {
	if testing.Short() {
		t.Skip("a 1,000-listing guide")
	}
	fsys, err := guidegen.National("../../content", 1000)
	if err != nil {
		t.Fatal(err)
	}
	roundTrip(t, loadGuide(t, fsys))
}

func roundTrip(t *testing.T, g *content.Guide) {
	t.Helper()
	ss, svs := opendata.DataInclusionRecords(g)
	for _, kind := range []string{"json", "csv"} {
		files := exportFiles(t, g, "structures."+kind, "services."+kind)
		records, err := Read("data-inclusion", Input{Files: files, Guide: g})
		if err != nil {
			t.Fatal(err)
		}
		if len(records) != len(g.Listings) {
			t.Fatalf("%s: %d records for %d listings", kind, len(records), len(g.Listings))
		}
		ss2, svs2 := reexport(t, g, records)
		compare(t, kind+": structure", ss, ss2)
		compare(t, kind+": service", svs, svs2)
	}
}

// compare reports the records that differ, as JSON.
func compare[T any](t *testing.T, what string, want, got []T) {
	t.Helper()
	if len(want) != len(got) {
		t.Errorf("%s: %d records, want %d", what, len(got), len(want))
	}
	for i := range min(len(want), len(got)) {
		if !reflect.DeepEqual(want[i], got[i]) {
			w, _ := json.Marshal(want[i])
			g, _ := json.Marshal(got[i])
			t.Errorf("%s %d differs:\nwant %s\ngot  %s", what, i, w, g)
		}
	}
}

// TestDataInclusionRecordFields: the demo's listings come back with their
// name, place, contacts, hours, categories, audience and price.
func TestDataInclusionRecordFields(t *testing.T) {
	g := demoGuide(t)
	records, err := Read("data-inclusion", Input{Files: exportFiles(t, g, "structures.json", "services.json"), Guide: g})
	if err != nil {
		t.Fatal(err)
	}
	byID := map[string]*content.Listing{}
	for _, l := range g.Listings {
		byID[l.ID] = l
	}
	for _, r := range records {
		got := r.Listing
		want := byID[got.Sources[0].ID]
		if want == nil {
			t.Fatalf("%s: no listing %s", r.From, got.Sources[0].ID)
		}
		if got.Name != want.Name || got.Updated != want.Updated || got.Email != want.Email || got.Website != want.Website {
			t.Errorf("%s: name, updated, e-mail, website %q %v %q %q, want %q %v %q %q", r.From,
				got.Name, got.Updated, got.Email, got.Website, want.Name, want.Updated, want.Email, want.Website)
		}
		if g, w := got.Public(), want.Public(); !reflect.DeepEqual(g, w) && !(w.Country != "" && g.Country == "") {
			t.Errorf("%s: place %+v, want %+v", r.From, g, w)
		}
		if g, w := got.Schedule().OSM(), want.Schedule().OSM(); g != w {
			t.Errorf("%s: hours %q, want %q", r.From, g, w)
		}
		var gc, wc []string
		for _, c := range got.Categories {
			gc = append(gc, c.ID)
		}
		for _, c := range want.Categories {
			wc = append(wc, c.ID)
		}
		if !strings.HasPrefix(strings.Join(gc, ","), strings.Join(wc, ",")) {
			t.Errorf("%s: categories %v, want %v first", r.From, gc, wc)
		}
		if want.Access != nil && want.Access.Price.Free != (got.Access != nil && got.Access.Price.Free) {
			t.Errorf("%s: free %v, want %v", r.From, !want.Access.Price.Free, want.Access.Price.Free)
		}
		if s := got.Sources[0]; s.Name != "guide-solidaire-demonstration" || s.Licence != "Etalab-2.0" || s.Date == nil || *s.Date != want.Updated {
			t.Errorf("%s: source %+v", r.From, s)
		}
	}
}

// TestDataInclusionForeign: records of another producer map their
// thematiques to the guide's categories, keep hours abri cannot read in
// the note, and say what they dropped or guessed.
func TestDataInclusionForeign(t *testing.T) {
	g := demoGuide(t)
	structures := `[{"id":"dora--42","source":"dora","nom":"Centre social Le Tournesol","date_maj":"2025-02-14T10:00:00",
		"commune":"Lyon","code_postal":"69003","adresse":"3 rue X","horaires_accueil":"Mo-Fr 09:00-12:00 || \"sur rendez-vous\"",
		"telephone":"01 23 45 67 89","courriel":"pas-un-courriel","siret":"13003013300016"}]`
	services := "id,structure_id,source,nom,description,date_maj,thematiques,publics,frais,horaires_accueil\n" +
		"dora--7,dora--42,dora,Atelier CV,Un atelier pour écrire son CV.,2025-02-14,preparer-sa-candidature--realiser-un-cv-et-ou-une-lettre-de-motivation,\"femmes,demandeurs-emploi\",payant,Tu 14:00-16:00\n" +
		"dora--8,dora--42,dora,Épicerie,Des courses à petit prix.,2025-02-14,equipement-et-alimentation--alimentation,tous-publics,,\n" +
		"dora--9,dora--42,dora,Création d'entreprise,Pour créer son entreprise.,2025-02-14,creer-une-entreprise--developper-son-entreprise,tous-publics,,\n"
	records, err := Read("data-inclusion", Input{Guide: g, Files: []SourceFile{
		{Name: "services.csv", Data: []byte(services)}, {Name: "structures.json", Data: []byte(structures)}}})
	if err != nil {
		t.Fatal(err)
	}
	if len(records) != 1 {
		t.Fatalf("%d records, want 1", len(records))
	}
	r := records[0]
	l := r.Listing
	var cats []string
	for _, c := range l.Categories {
		cats = append(cats, c.ID)
	}
	if strings.Join(cats, ",") != "job_search,food" {
		t.Errorf("categories %v, want job_search (by thematiques) and food (first with alimentation)", cats)
	}
	if l.Hours == nil || l.Hours.Note["fr"] != `Mo-Fr 09:00-12:00 || "sur rendez-vous"` || len(l.Hours.Rules) != 0 {
		t.Errorf("hours %+v, want the value kept as the note", l.Hours)
	}
	if l.Email != "" || len(l.Phone) != 1 || l.Phone[0].Tel != "0123456789" {
		t.Errorf("e-mail %q, phone %+v", l.Email, l.Phone)
	}
	if l.Updated != (content.Date{Year: 2025, Month: 2, Day: 14}) {
		t.Errorf("updated %v", l.Updated)
	}
	notes := strings.Join(r.Notes, "\n")
	for _, want := range []string{"kept as the hours' note", "courriel pas-un-courriel", "category guessed", "public demandeurs-emploi", "creer-une-entreprise--developper-son-entreprise: dropped"} {
		if !strings.Contains(notes, want) {
			t.Errorf("notes lack %q:\n%s", want, notes)
		}
	}
}

// TestDataInclusionBadInput: what is not data·inclusion is an error naming
// the file, never a panic.
func TestDataInclusionBadInput(t *testing.T) {
	g := demoGuide(t)
	for _, data := range []string{"[1, 2]", "[{\"id\": 3}]", "{\"id\": \"x\"}", "a,\"b\n", "id,latitude\nx,north\n"} {
		_, err := Read("data-inclusion", Input{Guide: g, Files: []SourceFile{{Name: "bad.json", Data: []byte(data)}}})
		if err == nil || !strings.HasPrefix(err.Error(), "bad.json: ") {
			t.Errorf("%q: error %v, want one naming bad.json", data, err)
		}
	}
	for _, data := range []string{"[null, {}]", "", "id\n\n", "[{\"id\": \"a\", \"latitude\": 1e9, \"longitude\": 2}]"} {
		if _, err := Read("data-inclusion", Input{Guide: g, Files: []SourceFile{{Name: "odd.json", Data: []byte(data)}}}); err != nil {
			t.Errorf("%q: %v", data, err)
		}
	}
	if _, err := Read("data-inclusion", Input{}); err == nil {
		t.Error("no guide to import into: no error")
	}
}
