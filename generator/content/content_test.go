package content

import (
	"encoding/json"
	"fmt"
	"os"
	"strings"
	"testing"
	"testing/fstest"
	"time"
)

var site = `title: {fr: Guide, ar: دليل}
languages: [fr, ar]
timezone: Europe/Paris
country: FR
licence: {name: ODbL-1.0}
`

var categories = `- id: food
  icon: food
  name: {fr: Alimentation, ar: طعام}
  synonyms: {fr: "manger, repas"}
  children:
    - id: meals
      name: {fr: Repas, ar: وجبات}
`

func load(t testing.TB, listing string) (*Guide, Problems) {
	t.Helper()
	fsys := fstest.MapFS{
		"site.yaml":         {Data: []byte(site)},
		"categories.yaml":   {Data: []byte(categories)},
		"listings/x/a.yaml": {Data: []byte(listing)},
		"pages/about.fr.md": {Data: []byte("---\ntitle: À propos\nmenu: 1\n---\nBonjour\n")},
		"pages/about.ar.md": {Data: []byte("---\ntitle: حول\n---\nمرحبا\n")},
	}
	return Load(fsys, Options{Root: "content", Now: time.Date(2026, 11, 27, 12, 0, 0, 0, time.UTC), Icons: []string{"food"}})
}

func TestFullListing(t *testing.T) {
	g, ps := load(t, `name: La Halte
description: {fr: Accueil, ar: استقبال}
categories: [meals]
address: {street: 1 rue A, postal_code: "69007", city: Lyon, hidden: true}
geo: [45.7485, 4.8467]
phone: ["+33 4 72 00 00 00", "115"]
email: a@b.org
website: https://b.org/x
hours:
  mo-fr: 09:00-12:00, 14:00-17:30
  tu[1]: 18:00-20:00
  su: 19:00-08:00
  public_holidays: closed
  note: {fr: Note, ar: ملاحظة}
closures: [{start: 2026-12-24, end: 2027-01-02}]
special_hours:
  - {start: 2026-12-01, end: 2026-12-31, hours: {mo-su: 10:00-16:00}}
audience: {welcome: exclusive, gender: [women], age: {min: 18}, status: [asylum], family: [pregnant], other: [violence]}
access: {appointment: {fr: Appeler, ar: اتصل}, referral: true, price: free, wheelchair: false, animals: true}
languages: [fr, prs, lsf]
services:
  - category: meals
    hours: {sa: 12:00-13:00}
status: closed
updated: 2026-10-01
sources: [{name: ANCT, url: https://data.gouv.fr, licence: Etalab-2.0}]
`)
	if ps.Errors() > 0 || ps.Warnings() > 0 {
		t.Fatalf("problems: %v", ps)
	}
	l := g.Listings[0]
	switch {
	case l.ID != "a" || l.Name != "La Halte" || !l.Closed():
		t.Errorf("id/name/status: %+v", l)
	case !l.Address.Hidden || l.Address.Country != "FR":
		t.Errorf("address: %+v", l.Address)
	case len(l.Phone) != 2 || l.Phone[0].Tel != "+33472000000" || l.Phone[1].Tel != "115":
		t.Errorf("phones: %+v", l.Phone)
	case len(l.Hours.Rules) != 3 || l.Hours.PublicHolidays != "closed" || l.Hours.Rules[1].Nth != 1:
		t.Errorf("hours: %+v", l.Hours)
	case !l.Access.Appointment.Yes || l.Access.Appointment.How["ar"] != "اتصل" || !l.Access.Price.Free || *l.Access.Wheelchair:
		t.Errorf("access: %+v", l.Access)
	case l.Audience.Age.Min != 18 || l.Audience.Welcome != "exclusive":
		t.Errorf("audience: %+v", l.Audience)
	case l.Services[0].Category.ID != "meals" || l.Categories[0].Top().ID != "food":
		t.Errorf("categories: %+v", l.Categories)
	}
	if got := g.ByID["food"].Synonyms["fr"]; strings.Join(got, "|") != "manger|repas" {
		t.Errorf("synonyms = %q", got)
	}
	if len(g.Pages["about"]) != 2 || g.Pages["about"][0].Lang != "fr" || g.Pages["about"][0].Menu != 1 {
		t.Errorf("pages: %+v", g.Pages)
	}
}

func TestWarnings(t *testing.T) {
	_, ps := load(t, `name: A
description: Seulement en français
categories: [meals]
address: {city: Lyon}
closures: [{start: 2026-01-01, end: 2026-01-31}]
special_hours: [{start: 2026-12-20, end: 2026-12-31, hours: {mo-su: closed}}]
updated: 2026-01-02
`)
	var got []string
	for _, p := range ps {
		if p.Severity != Warning {
			t.Errorf("unexpected error: %v", p)
		}
		got = append(got, p.String())
	}
	want := []string{
		`content/listings/x/a.yaml:2:14: warning: description: not translated into ar (readers see the fr text, marked as not translated)`,
		`content/listings/x/a.yaml:5:12: warning: closures: closure ended on 2026-01-31, more than 30 days ago: remove it`,
		`content/listings/x/a.yaml:6:54: warning: special_hours: special hours leave every day closed: write a closure instead (closures: [{start: 2026-12-20, end: 2026-12-31}])`,
		`content/listings/x/a.yaml:7:10: warning: updated: information last checked 329 days ago (stale_after is 180): check it with the place and update the date`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestDrafts(t *testing.T) {
	g, ps := load(t, "name: A\ncategories: [meals]\naddress: {city: Lyon}\nstatus: draft\nupdated: 2026-11-01\n")
	if ps.Errors() > 0 || len(g.Listings) != 0 || g.Drafts != 1 {
		t.Errorf("a draft is not published: %v %d %d", ps, len(g.Listings), g.Drafts)
	}
}

func TestSuggest(t *testing.T) {
	names := []string{"address", "categories", "open", "draft", "closed", "hygiene_and_wellness", "check"}
	tests := map[string]string{
		"adress":     "address",
		"opne":       "open",
		"hygiene":    "hygiene_and_wellness",
		"categoires": "categories",
		"zzz":        "",
		"x":          "",
	}
	for in, want := range tests {
		got := suggest(in, names)
		if want == "" && got != "" || want != "" && got != ` (did you mean "`+want+`"?)` {
			t.Errorf("suggest(%q) = %q, want %q", in, got, want)
		}
	}
}

// FuzzListing: no listing file, however broken, makes the decoder panic,
// and a listing it accepts has what the site needs.
func FuzzListing(f *testing.F) {
	for _, seed := range []string{
		"name: A\ncategories: [meals]\naddress: {city: Lyon}\nupdated: 2026-11-01\n",
		"name: A\ncategories: [meals]\ngeo: [45, 4]\nhours: {mo-fr: 09:00-12:00, su: 19:00-08:00}\nupdated: 2026-11-01\n",
		"name: [a]\ncategories: {a: b}\naddress: 3\nupdated: 2026-13-01\nphone: {}\n",
		"hours:\n  mo-fr: 25:00-26:00\n  tu[9]: x\n&a b: *a\n",
		"access: {appointment: [1], price: {zz: 1}}\naudience: {age: {min: -1, max: x}}\n",
		"services: [{category: meals, hours: {mo: closed}}, 3]\nclosures: [{start: 2026-01-01}]\n",
		"---\n- a\n- b\n",
		"description: {fr: [a], ar: {b: c}}\n",
	} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, listing string) {
		g, ps := load(t, listing)
		if ps.Errors() > 0 {
			for _, p := range ps {
				if p.Path == "" || p.Msg == "" {
					t.Fatalf("problem without path or message: %+v", p)
				}
			}
			return
		}
		for _, l := range g.Listings {
			if l.Name == "" || len(l.Categories) == 0 || l.Updated.IsZero() || l.Address == nil && l.Geo == nil {
				t.Fatalf("accepted an incomplete listing: %+v", l)
			}
		}
	})
}

// TestSuggestBounded: an absurdly long value costs no more than reading it,
// whatever the candidates (a 5 MB unknown category took 19 s and 2 GB).
func TestSuggestBounded(t *testing.T) {
	names := []string{"address", "categories", "hygiene_and_wellness", "shower", "food_distribution"}
	long := strings.Repeat("shower", 5<<20/6)
	if allocs := testing.AllocsPerRun(2, func() { suggest(long, names) }); allocs > 2 {
		t.Errorf("suggest on a 5 MB value: %v allocations, want at most 2", allocs)
	}
	// Still a suggestion where a typo is possible.
	if got := suggest("showre", names); got != ` (did you mean "shower"?)` {
		t.Errorf(`suggest("showre") = %q`, got)
	}
}

func BenchmarkSuggestLong(b *testing.B) {
	names := []string{"address", "categories", "hygiene_and_wellness", "shower", "food_distribution"}
	long := strings.Repeat("x", 5<<20)
	b.ReportAllocs()
	for b.Loop() {
		suggest(long, names)
	}
}

// TestByteOrderMark: files saved "UTF-8 with BOM" (Windows editors) are read
// as if they had none.
func TestByteOrderMark(t *testing.T) {
	bom := "\uFEFF"
	fsys := fstest.MapFS{
		"site.yaml":         {Data: []byte(bom + site)},
		"categories.yaml":   {Data: []byte(bom + categories)},
		"listings/x/a.yaml": {Data: []byte(bom + "name: A\ncategories: [meals]\naddress: {city: Lyon}\nupdated: 2026-11-01\n")},
		"pages/about.fr.md": {Data: []byte(bom + "---\ntitle: À propos\n---\nBonjour\n")},
	}
	g, ps := Load(fsys, Options{Root: "content", Now: time.Date(2026, 11, 27, 12, 0, 0, 0, time.UTC)})
	if ps.Errors() > 0 {
		t.Fatalf("%v", ps)
	}
	if len(g.Listings) != 1 || g.Listings[0].Name != "A" || len(g.Pages["about"]) != 1 || g.Pages["about"][0].Title != "À propos" {
		t.Errorf("listings %+v, pages %+v", g.Listings, g.Pages)
	}
}

// TestRealPlacesInCountry: no real place of France, New Caledonia
// included, is said to be outside France or to have its coordinates swapped.
func TestRealPlacesInCountry(t *testing.T) {
	data, err := os.ReadFile("testdata/places-fr.json")
	if err != nil {
		t.Fatal(err)
	}
	var places [][4]any
	if err := json.Unmarshal(data, &places); err != nil {
		t.Fatal(err)
	}
	if len(places) < 1500 {
		t.Fatalf("only %d places", len(places))
	}
	for _, p := range places {
		postal, lat, lon := p[0].(string), p[2].(float64), p[3].(float64)
		if in, _ := inCountry("FR", lat, lon); !in {
			t.Errorf("%v is in France", p)
		}
		if strings.HasPrefix(postal, "988") {
			if in, _ := inCountry("NC", lat, lon); !in {
				t.Errorf("%v is in New Caledonia", p)
			}
		}
		if swapped, _ := inCountry("FR", lon, lat); swapped {
			t.Errorf("%v swapped would be in France too: the hint would mislead", p)
		}
	}
}

// TestUntranslatedSummarised: a language that lacks a few texts gets a
// warning per text; one that lacks more than maxUntranslated gets one line,
// at its first, and is left out of the warnings of each text.
func TestUntranslatedSummarised(t *testing.T) {
	fsys := fstest.MapFS{
		"site.yaml":         {Data: []byte(strings.Replace(site, "languages: [fr, ar]", "languages: [fr, ar, uk]", 1))},
		"categories.yaml":   {Data: []byte(categories)},
		"pages/about.fr.md": {Data: []byte("---\ntitle: À propos\nmenu: 1\n---\nBonjour\n")},
	}
	for i := range maxUntranslated + 1 {
		ar := ""
		if i == 0 {
			ar = ", ar: وصف" // the one text that is in Arabic
		}
		fsys[fmt.Sprintf("listings/x/l%02d.yaml", i)] = &fstest.MapFile{Data: []byte(
			"name: A\ndescription: {fr: Description" + ar + "}\ncategories: [meals]\naddress: {city: Lyon}\nupdated: 2026-11-01\n")}
	}
	_, ps := Load(fsys, Options{Root: "content", Now: time.Date(2026, 11, 27, 12, 0, 0, 0, time.UTC), Icons: []string{"food"}})
	var got []string
	for _, p := range ps {
		if strings.Contains(p.Msg, "not translated") {
			got = append(got, p.String())
		}
	}
	want := []string{
		// 11 descriptions, the site's title and two texts of categories.yaml
		`content/categories.yaml:3:9: warning: 14 texts in 13 files not translated into uk, first here (readers see them in the source language, marked as not translated): add uk: to them when you can`,
	}
	for i := 1; i <= maxUntranslated; i++ {
		want = append(want, fmt.Sprintf(`content/listings/x/l%02d.yaml:2:14: warning: description: not translated into ar (readers see the fr text, marked as not translated)`, i))
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
