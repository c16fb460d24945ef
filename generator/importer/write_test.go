package importer

import (
	"strings"
	"testing"
	"testing/fstest"

	"github.com/abri-guide/abri/generator/content"
)

const onePlace = `[{"id": "p1", "nom": "Espace numérique", "services": "Accéder à une connexion internet",
  "adresse": "1 rue Haute", "code_postal": "01000", "commune": "Bourg", "latitude": 46.2, "longitude": 5.22,
  "telephone": "+33474000000", "horaires": "Mo-Fr 09:00-12:00", "date_maj": "2026-10-01"}]`

func mednumJSON(s string) []SourceFile { return []SourceFile{{Name: "places.json", Data: []byte(s)}} }

// --update rewrites only the imported fields that changed: an editor's
// comment and an editor's own field stay byte for byte, and an import of
// the same data changes no byte.
func TestUpdateKeepsEditorsBytes(t *testing.T) {
	fsys := emptyGuide(t)
	_, outs := importInto(t, fsys, "mednum", mednumJSON(onePlace), WriteOptions{})
	if outs[0].Action != Written || outs[0].Path != "listings/bourg/espace-numerique-bourg.yaml" {
		t.Fatalf("first import: %+v", outs[0])
	}
	p := outs[0].Path
	first := string(fsys[p].Data)
	if !strings.Contains(first, `postal_code: "01000"`) || !strings.Contains(first, `phone: ["+33474000000"]`) {
		t.Fatalf("postal code or phone not quoted:\n%s", first)
	}
	// The editor adds a comment above hours, a comment in hours, and a
	// field of their own.
	edited := strings.Replace(first, "hours:\n", "# vu avec l'accueil le 3 novembre\nhours:\n", 1)
	edited = strings.Replace(edited, "  mo-fr: 09:00-12:00\n", "  mo-fr: 09:00-12:00 # sans rendez-vous\n", 1)
	edited = strings.Replace(edited, "updated:", "languages: [fr, ar]\nupdated:", 1)
	fsys[p] = &fstest.MapFile{Data: []byte(edited)}

	_, outs = importInto(t, fsys, "mednum", mednumJSON(onePlace), WriteOptions{})
	if outs[0].Action != Existing || string(fsys[p].Data) != edited {
		t.Fatalf("without --update the file must stay: %+v", outs[0])
	}
	_, outs = importInto(t, fsys, "mednum", mednumJSON(onePlace), WriteOptions{Update: true})
	if outs[0].Action != Unchanged || string(fsys[p].Data) != edited {
		t.Fatalf("the same data must change no byte: %+v\n%s", outs[0], fsys[p].Data)
	}

	changed := strings.Replace(onePlace, "+33474000000", "+33474111111", 1)
	changed = strings.Replace(changed, `"date_maj": "2026-10-01"`, `"date_maj": "2026-11-02"`, 1)
	_, outs = importInto(t, fsys, "mednum", mednumJSON(changed), WriteOptions{Update: true})
	if outs[0].Action != Updated {
		t.Fatalf("changed data: %+v", outs[0])
	}
	want := strings.Replace(edited, "+33474000000", "+33474111111", 1)
	want = strings.Replace(want, "updated: 2026-10-01", "updated: 2026-11-02", 1)
	want = strings.Replace(want, "date: 2026-10-01", "date: 2026-11-02", 1)
	if got := string(fsys[p].Data); got != want {
		t.Fatalf("update changed more than the phone and the dates:\n--- got\n%s--- want\n%s", got, want)
	}
	if _, ps := load(t, fsys); ps.Errors() > 0 {
		t.Fatal(ps.Err())
	}
}

// An editor's later updated date is kept, and a field the record adds
// goes in the format's order, before the comment of the field after it.
func TestUpdateAddsFieldInOrder(t *testing.T) {
	fsys := emptyGuide(t)
	noPhone := strings.Replace(onePlace, `"telephone": "+33474000000", `, "", 1)
	_, outs := importInto(t, fsys, "mednum", mednumJSON(noPhone), WriteOptions{})
	p := outs[0].Path
	edited := strings.Replace(string(fsys[p].Data), "hours:\n", "# horaires vérifiés\nhours:\n", 1)
	edited = strings.Replace(edited, "updated: 2026-10-01", "updated: 2026-11-10", 1)
	fsys[p] = &fstest.MapFile{Data: []byte(edited)}
	_, outs = importInto(t, fsys, "mednum", mednumJSON(onePlace), WriteOptions{Update: true})
	if outs[0].Action != Updated {
		t.Fatalf("%+v", outs[0])
	}
	want := strings.Replace(edited, "# horaires vérifiés\n", "phone: [\"+33474000000\"]\n# horaires vérifiés\n", 1)
	if got := string(fsys[p].Data); got != want {
		t.Fatalf("--- got\n%s--- want\n%s", got, want)
	}
}

// File names are the slug of name and city, made unique with -2, -3
// against the records and the files already there.
func TestNamesUnique(t *testing.T) {
	fsys := emptyGuide(t)
	fsys["listings/bourg/espace-numerique-bourg.yaml"] = &fstest.MapFile{Data: []byte("name: Espace\ncategories: [wifi]\naddress: {city: Bourg}\nupdated: 2026-10-01\n")}
	three := `[{"id": "a", "nom": "Espace numérique", "services": "", "commune": "Bourg", "adresse": "x", "code_postal": "01000"},
	  {"id": "b", "nom": "Espace  Numérique", "services": "", "commune": "BOURG", "adresse": "y", "code_postal": "01000"},
	  {"id": "b", "nom": "Espace numérique", "services": "", "commune": "Bourg", "adresse": "y", "code_postal": "01000"}]`
	_, outs := importInto(t, fsys, "mednum", mednumJSON(three), WriteOptions{Folder: "listings/import"})
	got := []string{outs[0].Path, outs[1].Path, outs[2].Action}
	want := []string{"listings/import/espace-numerique-bourg-2.yaml", "listings/import/espace-numerique-bourg-3.yaml", Skipped}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("got %v, want %v", got, want)
	}
}

// Whatever a reader gives (services, closures, special hours, audience,
// access, languages, texts in several languages, some the guide lacks,
// strings YAML would misread), the writer writes a listing that abri
// check accepts and that reads back the same.
func TestWriterRoundTrip(t *testing.T) {
	fsys := emptyGuide(t)
	g, _ := load(t, fsys)
	cat := func(id string) content.CategoryRef { return content.CategoryRef{Category: g.ByID[id]} }
	yes := true
	h := ParseHours("Mo-Fr 09:00-12:00,14:00-17:30, Tu[1] 18:00-20:00; PH off; 2026 Dec 24-2027 Jan 02 off; 2026 Jul 01-2026 Aug 31 Mo-Fr 10:00-16:00", "fr")
	if len(h.Notes) > 0 {
		t.Fatalf("notes: %v", h.Notes)
	}
	d := content.Date{Year: 2026, Month: 10, Day: 3}
	l := content.Listing{
		Name:        "Yes",
		Description: content.Text{"fr": "Accueil : café # et douches", "en": "Day centre", "de": "Tagesstätte"},
		Categories:  []content.CategoryRef{cat("day_hosting"), cat("shower")},
		Address:     &content.Address{Street: "- 12 rue Pasteur", PostalCode: "69007", City: "Lyon", Country: "FR", Hidden: true},
		Geo:         &content.Geo{Lat: 45.7485, Lon: 4.8467},
		Phone:       content.Phones{{Text: "+33 4 72 00 00 00"}, {Text: "115"}},
		Email:       "contact@halte.example.org",
		Website:     "https://halte.example.org/a?b=c#d",
		Hours:       h.Hours, Closures: h.Closures, SpecialHours: h.Special,
		Audience: &content.Audience{Welcome: "exclusive", Gender: []string{"women"}, Age: &content.Age{Min: 18},
			Status: []string{"asylum"}, Note: content.Text{"fr": "true"}},
		Access: &content.Access{Appointment: content.Condition{Set: true, Yes: true, How: content.Text{"fr": "au 115"}},
			Referral: content.Condition{Set: true}, Price: content.Price{Text: content.Text{"fr": "1 €", "ar": "1 €"}},
			Wheelchair: &yes},
		Languages: []content.SpokenLang{"fr", "lsf"},
		Services: []content.Service{{Category: cat("shower"), Name: content.Text{"fr": "Douches: 2"},
			Hours: &content.Hours{Rules: h.Hours.Rules[:1], PublicHolidays: "closed"}, Note: content.Text{"fr": "null"}}},
		Status:  "closed",
		Updated: d,
		Sources: []content.Source{{Name: "data, inclusion [v1]", URL: "https://x.example.org", Licence: "Etalab-2.0", ID: "007", Date: &d}},
	}
	out, outs := Write(g, nil, []Record{{Listing: l}}, WriteOptions{Today: content.Date{Year: 2026, Month: 11, Day: 15}})
	if len(out) != 1 || !strings.Contains(strings.Join(outs[0].Notes, "\n"), "de dropped") {
		t.Fatalf("%+v", outs)
	}
	fsys[out[0].Path] = &fstest.MapFile{Data: out[0].Data}
	g2, ps := load(t, fsys)
	if errs := errorsOf(ps); len(errs) > 0 {
		t.Fatalf("%s\n%s", strings.Join(errs, "\n"), out[0].Data)
	}
	if len(g2.Listings) != 1 {
		t.Fatalf("%d listings", len(g2.Listings))
	}
	st := styleOf(g2)
	if again := st.Marshal(g2.Listings[0]); string(again) != string(out[0].Data) {
		t.Errorf("read back differently:\n--- written\n%s--- read back\n%s", out[0].Data, again)
	}
}

// A draft is not in the loaded guide; its update keeps the editor's
// other sources and later updated date all the same.
func TestUpdateDraftKeepsSources(t *testing.T) {
	fsys := emptyGuide(t)
	_, outs := importInto(t, fsys, "mednum", mednumJSON(onePlace), WriteOptions{})
	p := outs[0].Path
	edited := strings.Replace(string(fsys[p].Data), "updated: 2026-10-01", "status: draft\nupdated: 2026-11-10", 1)
	edited += "  - {name: Appel du 10 novembre}\n"
	fsys[p] = &fstest.MapFile{Data: []byte(edited)}
	changed := strings.Replace(onePlace, "+33474000000", "+33474111111", 1)
	_, outs = importInto(t, fsys, "mednum", mednumJSON(changed), WriteOptions{Update: true})
	want := strings.Replace(edited, "+33474000000", "+33474111111", 1)
	if got := string(fsys[p].Data); outs[0].Action != Updated || got != want {
		t.Fatalf("%+v\n--- got\n%s--- want\n%s", outs[0], got, want)
	}
}
