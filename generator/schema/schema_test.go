package schema

import (
	"bytes"
	"encoding/json"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/abri-guide/abri/generator/content"
	"gopkg.in/yaml.v3"
)

const demo = "../../content"

// loadDemo loads the demonstration guide, which must have no errors.
func loadDemo(t testing.TB) *content.Guide {
	t.Helper()
	g, ps := content.Load(os.DirFS(demo), content.Options{Root: "content"})
	if g == nil || ps.Errors() > 0 {
		t.Fatalf("the demo guide has errors: %v", ps)
	}
	return g
}

// violations validates a YAML file against s.
func violations(t testing.TB, s *Schema, data []byte) []Violation {
	t.Helper()
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		t.Fatalf("YAML syntax: %v\n%s", err, data)
	}
	return s.Validate(&doc)
}

// TestDemoGuideValid: the schemas, for this guide and generic, accept
// every YAML file of the demonstration guide.
func TestDemoGuideValid(t *testing.T) {
	for name, g := range map[string]Guide{"demo": GuideOf(loadDemo(t)), "generic": {}} {
		t.Run(name, func(t *testing.T) {
			fsys := os.DirFS(demo)
			files := map[string]*Schema{"site.yaml": Site(g), "categories.yaml": Categories(g)}
			listing := Listing(g)
			fs.WalkDir(fsys, "listings", func(p string, e fs.DirEntry, err error) error {
				if err == nil && !e.IsDir() {
					files[p] = listing
				}
				return err
			})
			if len(files) < 10 {
				t.Fatalf("only %d files in the demo guide", len(files))
			}
			for name, s := range files {
				data, err := fs.ReadFile(fsys, name)
				if err != nil {
					t.Fatal(err)
				}
				for _, v := range violations(t, s, data) {
					t.Errorf("content/%s:%s", name, v)
				}
			}
		})
	}
}

// A small guide for the cases below: the listing, site.yaml or
// categories.yaml of a case replaces one of these.
const (
	fixtureSite = `title: {fr: Guide, en: Guide}
languages: [fr, en]
timezone: Europe/Paris
country: FR
licence: {name: ODbL-1.0, url: https://opendatacommons.org/licenses/odbl/1-0/}
`
	fixtureCategories = `- id: hygiene_and_wellness
  icon: hygiene_and_wellness
  name: Hygiène
  children:
    - id: shower
      name: Douche
- id: food
  icon: food
  name: Alimentation
  children:
    - id: meals
      name: Repas
`
	fixtureListing = "name: La Halte\ncategories: [shower]\naddress: {city: Lyon}\nupdated: 2026-11-01\n"
)

// fixture is the small guide with one file replaced.
func fixture(file, data string) fstest.MapFS {
	fsys := fstest.MapFS{
		"site.yaml":                {Data: []byte(fixtureSite)},
		"categories.yaml":          {Data: []byte(fixtureCategories)},
		"listings/lyon/halte.yaml": {Data: []byte(fixtureListing)},
	}
	fsys[file] = &fstest.MapFile{Data: []byte(data)}
	return fsys
}

// contentErrors are the errors abri reports for a guide.
func contentErrors(fsys fs.FS) content.Problems {
	_, ps := content.Load(fsys, content.Options{Root: "content", Now: time.Date(2026, 11, 27, 12, 0, 0, 0, time.UTC), Icons: []string{"hygiene_and_wellness", "food"}})
	var errs content.Problems
	for _, p := range ps {
		if p.Severity == content.Error {
			errs = append(errs, p)
		}
	}
	return errs
}

// schemaOf returns the schema of a file of the guide.
func schemaOf(file string, g Guide) *Schema {
	switch file {
	case "site.yaml":
		return Site(g)
	case "categories.yaml":
		return Categories(g)
	}
	return Listing(g)
}

var fixtureGuide = GuideOf(func() *content.Guide {
	g, _ := content.Load(fixture("", ""), content.Options{})
	return g
}())

// rejected are the mistakes of the content tests (generator/check_test.go,
// content_test.go) and more: abri refuses each, and so does the schema of
// the guide; generic says whether the schema for any guide does too (it
// cannot know the guide's categories and languages).
var rejected = []struct {
	name, file, yaml string
	generic          bool
}{
	{"unknown field", "listing", "name: La Halte\ncategories: [shower]\nadress: {city: Lyon}\nupdated: 2026-11-01\n", true},
	{"unknown field in a map", "listing", "name: A\ncategories: [shower]\naddress: {city: Lyon, stret: 1 rue A}\nupdated: 2026-11-01\n", true},
	{"bad hours", "listing", "name: A\ncategories: [shower]\naddress: {city: Lyon}\nhours:\n  mo-fr: 9h-12h\nupdated: 2026-11-01\n", true},
	{"hours with a long dash", "listing", "name: A\ncategories: [shower]\naddress: {city: Lyon}\nhours: {mo-fr: 09:00–12:00}\nupdated: 2026-11-01\n", true},
	{"hours past 24:00", "listing", "name: A\ncategories: [shower]\naddress: {city: Lyon}\nhours: {mo: 09:00-24:30}\nupdated: 2026-11-01\n", true},
	{"hours without a leading zero", "listing", "name: A\ncategories: [shower]\naddress: {city: Lyon}\nhours: {mo: 9:00-12:00}\nupdated: 2026-11-01\n", true},
	{"unknown day", "listing", "name: A\ncategories: [shower]\naddress: {city: Lyon}\nhours: {mon-fri: 09:00-12:00}\nupdated: 2026-11-01\n", true},
	{"fifth week", "listing", "name: A\ncategories: [shower]\naddress: {city: Lyon}\nhours: {\"tu[5]\": 09:00-12:00}\nupdated: 2026-11-01\n", true},
	{"hours as a list", "listing", "name: A\ncategories: [shower]\naddress: {city: Lyon}\nhours: {mo: [09:00-12:00]}\nupdated: 2026-11-01\n", true},
	{"bad public_holidays", "listing", "name: A\ncategories: [shower]\naddress: {city: Lyon}\nhours: {mo: 09:00-12:00, public_holidays: sometimes}\nupdated: 2026-11-01\n", true},
	{"unknown category", "listing", "name: La Halte\ncategories: [shwer]\naddress: {city: Lyon}\nupdated: 2026-11-01\n", false},
	{"unknown service category", "listing", "name: A\ncategories: [shower]\naddress: {city: Lyon}\nservices: [{category: lunch}]\nupdated: 2026-11-01\n", false},
	{"bad category id", "listing", "name: A\ncategories: [Shower]\naddress: {city: Lyon}\nupdated: 2026-11-01\n", true},
	{"no category", "listing", "name: A\ncategories: []\naddress: {city: Lyon}\nupdated: 2026-11-01\n", true},
	{"empty categories", "listing", "name: A\ncategories:\naddress: {city: Lyon}\nupdated: 2026-11-01\n", true},
	{"month 13", "listing", "name: A\ncategories: [shower]\naddress: {city: Lyon}\nupdated: 2026-13-01\n", true},
	{"date in words", "listing", "name: A\ncategories: [shower]\naddress: {city: Lyon}\nupdated: 3 octobre 2026\n", true},
	{"date before 1900", "listing", "name: A\ncategories: [shower]\naddress: {city: Lyon}\nupdated: 1026-10-03\n", true},
	{"day-month-year", "listing", "name: A\ncategories: [shower]\naddress: {city: Lyon}\nclosures: [{start: 24-12-2026, end: 2027-01-02}]\nupdated: 2026-11-01\n", true},
	{"longitude out of range", "listing", "name: A\ncategories: [shower]\ngeo: [4.8467, 245.7485]\nupdated: 2026-11-01\n", true},
	{"latitude out of range", "listing", "name: A\ncategories: [shower]\ngeo: [145.7485, 4.8467]\nupdated: 2026-11-01\n", true},
	{"one coordinate", "listing", "name: A\ncategories: [shower]\ngeo: [45.7485]\nupdated: 2026-11-01\n", true},
	{"coordinates as text", "listing", "name: A\ncategories: [shower]\ngeo: [\"45.7\", \"4.8\"]\nupdated: 2026-11-01\n", true},
	{"bad status", "listing", "name: La Halte\ncategories: [shower]\naddress: {city: Lyon}\nstatus: opne\nupdated: 2026-11-01\n", true},
	{"bad welcome", "listing", "name: A\ncategories: [shower]\naddress: {city: Lyon}\naudience: {welcome: everyone}\nupdated: 2026-11-01\n", true},
	{"bad gender", "listing", "name: A\ncategories: [shower]\naddress: {city: Lyon}\naudience: {gender: [woman]}\nupdated: 2026-11-01\n", true},
	{"age out of range", "listing", "name: A\ncategories: [shower]\naddress: {city: Lyon}\naudience: {age: {min: 150}}\nupdated: 2026-11-01\n", true},
	{"age in words", "listing", "name: A\ncategories: [shower]\naddress: {city: Lyon}\naudience: {age: {min: adult}}\nupdated: 2026-11-01\n", true},
	{"yes for true", "listing", "name: La Halte\ncategories: shower\naddress: {city: Lyon}\naccess: {wheelchair: yes}\nupdated: 2026-11-01\n", true},
	{"a list for a name", "listing", "name: [A, B]\ncategories: [shower]\naddress: {city: Lyon}\nupdated: 2026-11-01\n", true},
	{"a text for an address", "listing", "name: A\ncategories: [shower]\naddress: 12 rue Pasteur, Lyon\nupdated: 2026-11-01\n", true},
	{"hours as a text", "listing", "name: A\ncategories: [shower]\naddress: {city: Lyon}\nhours: 9 to 5\nupdated: 2026-11-01\n", true},
	{"special hours left empty", "listing", "name: A\ncategories: [shower]\naddress: {city: Lyon}\nspecial_hours: [{start: 2026-07-01, end: 2026-08-31, hours: ~}]\nupdated: 2026-11-01\n", true},
	{"empty name", "listing", "name: \"\"\ncategories: [shower]\naddress: {city: Lyon}\nupdated: 2026-11-01\n", true},
	{"blank name", "listing", "name: \"\u00a0\"\ncategories: [shower]\naddress: {city: Lyon}\nupdated: 2026-11-01\n", true},
	{"empty e-mail", "listing", "name: A\ncategories: [shower]\naddress: {city: Lyon}\nemail:\nupdated: 2026-11-01\n", true},
	{"missing name and updated", "listing", "categories: [shower]\naddress: {city: Lyon}\n", true},
	{"missing address", "listing", "name: A\ncategories: [shower]\nupdated: 2026-11-01\n", true},
	{"address without city", "listing", "name: A\ncategories: [shower]\naddress: {street: 1 rue A}\nupdated: 2026-11-01\n", true},
	{"closure without end", "listing", "name: A\ncategories: [shower]\naddress: {city: Lyon}\nclosures: [{start: 2026-12-24}]\nupdated: 2026-11-01\n", true},
	{"special hours without hours", "listing", "name: A\ncategories: [shower]\naddress: {city: Lyon}\nspecial_hours: [{start: 2026-07-01, end: 2026-08-31}]\nupdated: 2026-11-01\n", true},
	{"service without category", "listing", "name: A\ncategories: [shower]\naddress: {city: Lyon}\nservices: [{note: Douches}]\nupdated: 2026-11-01\n", true},
	{"translation in another language", "listing", "name: La Halte\ndescription: {fr: Douches, de: Duschen}\ncategories: [shower]\naddress: {city: Lyon}\nupdated: 2026-11-01\n", false},
	{"not a language code", "listing", "name: A\ndescription: {French: Douches}\ncategories: [shower]\naddress: {city: Lyon}\nupdated: 2026-11-01\n", true},
	{"spoken language in words", "listing", "name: A\ncategories: [shower]\naddress: {city: Lyon}\nlanguages: [French]\nupdated: 2026-11-01\n", true},
	{"bad phone", "listing", "name: A\ncategories: [shower]\naddress: {city: Lyon}\nphone: [\"04 72 00 00 00\", \"call us\"]\nupdated: 2026-11-01\n", true},
	{"phone too short", "listing", "name: A\ncategories: [shower]\naddress: {city: Lyon}\nphone: \"+33 4\"\nupdated: 2026-11-01\n", true},
	{"bad e-mail", "listing", "name: A\ncategories: [shower]\naddress: {city: Lyon}\nemail: contact-at-halte.org\nupdated: 2026-11-01\n", true},
	{"bad website", "listing", "name: A\ncategories: [shower]\naddress: {city: Lyon}\nwebsite: javascript:alert(1)\nupdated: 2026-11-01\n", true},
	{"website without scheme", "listing", "name: A\ncategories: [shower]\naddress: {city: Lyon}\nwebsite: www.halte.org\nupdated: 2026-11-01\n", true},
	{"lower-case country", "listing", "name: A\ncategories: [shower]\naddress: {city: Lyon, country: fr}\nupdated: 2026-11-01\n", true},
	{"price in numbers", "listing", "name: A\ncategories: [shower]\naddress: {city: Lyon}\naccess: {price: [1, 2]}\nupdated: 2026-11-01\n", true},
	{"source without name", "listing", "name: A\ncategories: [shower]\naddress: {city: Lyon}\nsources: [{url: https://data.gouv.fr}]\nupdated: 2026-11-01\n", true},

	{"site without languages", "site.yaml", "title: Guide\ntimezone: Europe/Paris\ncountry: FR\nlicence: {name: ODbL-1.0}\n", true},
	{"no languages", "site.yaml", "title: Guide\nlanguages: []\ntimezone: Europe/Paris\ncountry: FR\nlicence: {name: ODbL-1.0}\n", true},
	{"a language twice", "site.yaml", "title: Guide\nlanguages: [fr, en, fr]\ntimezone: Europe/Paris\ncountry: FR\nlicence: {name: ODbL-1.0}\n", true},
	{"language in words", "site.yaml", "title: Guide\nlanguages: [French]\ntimezone: Europe/Paris\ncountry: FR\nlicence: {name: ODbL-1.0}\n", true},
	{"time zone with a space", "site.yaml", "title: Guide\nlanguages: [fr]\ntimezone: Europe Paris\ncountry: FR\nlicence: {name: ODbL-1.0}\n", true},
	{"country in words", "site.yaml", "title: Guide\nlanguages: [fr]\ntimezone: Europe/Paris\ncountry: France\nlicence: {name: ODbL-1.0}\n", true},
	{"base_url without scheme", "site.yaml", "title: Guide\nlanguages: [fr]\ntimezone: Europe/Paris\ncountry: FR\nbase_url: guide.example.org\nlicence: {name: ODbL-1.0}\n", true},
	{"no licence", "site.yaml", "title: Guide\nlanguages: [fr]\ntimezone: Europe/Paris\ncountry: FR\n", true},
	{"stale_after in words", "site.yaml", "title: Guide\nlanguages: [fr]\ntimezone: Europe/Paris\ncountry: FR\nlicence: {name: ODbL-1.0}\nstale_after: six months\n", true},
	{"notice without text", "site.yaml", "title: Guide\nlanguages: [fr]\ntimezone: Europe/Paris\ncountry: FR\nlicence: {name: ODbL-1.0}\nnotice: {start: 2026-12-01}\n", true},
	{"site title in another language", "site.yaml", "title: {fr: Guide, de: Führer}\nlanguages: [fr, en]\ntimezone: Europe/Paris\ncountry: FR\nlicence: {name: ODbL-1.0}\n", false},

	{"top category without icon", "categories.yaml", "- id: food\n  name: {fr: Alimentation, en: Food}\n", true},
	{"category id in capitals", "categories.yaml", "- id: Food\n  icon: food\n  name: {fr: Alimentation, en: Food}\n", true},
	{"category without name", "categories.yaml", "- id: food\n  icon: food\n  children: [{id: meals, name: Repas}, {id: lunch}]\n", true},
	{"unknown category field", "categories.yaml", "- id: food\n  icon: food\n  name: Alimentation\n  childs: [{id: meals, name: Repas}]\n", true},
	{"categories as a map", "categories.yaml", "food: {icon: food, name: Alimentation}\n", true},
	{"empty category", "categories.yaml", "- id: food\n  icon: food\n  name: Alimentation\n- ~\n", true},
	{"empty child category", "categories.yaml", "- id: food\n  icon: food\n  name: Alimentation\n  children:\n    -\n", true},
	{"category name in another language", "categories.yaml", "- id: food\n  icon: food\n  name: {fr: Alimentation, de: Essen}\n", false},
}

// TestRejects: each broken file is refused by abri and by the schemas.
func TestRejects(t *testing.T) {
	for _, tt := range rejected {
		t.Run(tt.name, func(t *testing.T) {
			file := tt.file
			if file == "listing" {
				file = "listings/lyon/halte.yaml"
			}
			if errs := contentErrors(fixture(file, tt.yaml)); len(errs) == 0 {
				t.Fatalf("abri accepts this example: it does not test the schemas\n%s", tt.yaml)
			}
			got := violations(t, schemaOf(file, fixtureGuide), []byte(tt.yaml))
			if len(got) == 0 {
				t.Errorf("the guide's schema accepts:\n%s", tt.yaml)
			}
			t.Log(got)
			if got := violations(t, schemaOf(file, Guide{}), []byte(tt.yaml)); tt.generic && len(got) == 0 {
				t.Errorf("the generic schema accepts:\n%s", tt.yaml)
			}
		})
	}
}

// accepted are files abri accepts, written in the ways editors write them
// that a schema could wrongly refuse.
var accepted = []struct{ name, file, yaml string }{
	{"short number as a YAML number", "listing", "name: A\ncategories: [shower]\naddress: {city: Lyon}\nphone: 115\nupdated: 2026-11-01\n"},
	{"phones of every kind", "listing", "name: A\ncategories: [shower]\naddress: {city: Lyon}\nphone: [115, \"+33 4 72 00 00 00\", 04.72.00.00.00, \"04 72 (00) 00/00-00\"]\nupdated: 2026-11-01\n"},
	{"one category, not a list", "listing", "name: A\ncategories: shower\naddress: {city: Lyon}\nupdated: 2026-11-01\n"},
	{"postal code without quotes", "listing", "name: A\ncategories: [shower]\naddress: {street: 12 rue Pasteur, postal_code: 69007, city: Lyon}\nupdated: 2026-11-01\n"},
	{"postal code only", "listing", "name: A\ncategories: [shower]\naddress: {postal_code: \"01000\"}\nupdated: 2026-11-01\n"},
	{"a number for a name", "listing", "name: 115\ncategories: [shower]\naddress: {city: Lyon}\nupdated: 2026-11-01\n"},
	{"geo without address", "listing", "name: A\ncategories: [shower]\ngeo: [45, -4]\nupdated: 2026-11-01\n"},
	{"empty optional values", "listing", "name: A\ncategories: [shower]\naddress: {city: Lyon}\nhours:\nclosures:\naudience:\nlanguages:\nupdated: 2026-11-01\n"},
	{"every hours key", "listing", `name: A
categories: [shower]
address: {city: Lyon}
hours:
  mo-we: 09:00-12:00, 14:00-17:30
  th, fr: 19:00-08:00
  sa - su: 10:00-12:00
  tu[1]: 18:00-20:00
  fr[-1]: closed
  "th [2]": " 10:00 - 11:00 ,12:00-13:00 "
  public_holidays: open
  note: Sans rendez-vous.
updated: 2026-11-01
`},
	{"no-break spaces from a word processor", "listing", "name: A\ncategories: [shower]\naddress: {city: Lyon}\nhours: {mo-fr: \"09:00\u00a0-\u00a012:00\", \"sa\u00a0-\u00a0su\": closed}\nupdated: 2026-11-01\n"},
	{"days and closed in capitals", "listing", "name: A\ncategories: [shower]\naddress: {city: Lyon}\nhours: {Mo-Fr: 09:00-12:00, SA: Closed}\nupdated: 2026-11-01\n"},
	{"texts of every form", "listing", `name: A
description: Accueil de jour.
categories: [shower]
address: {city: Lyon, country: BE, hidden: true}
access:
  appointment: {fr: Appeler, en: Call}
  referral: Sur orientation
  registration: false
  price: {fr: 1 € le repas}
  note: 2
audience: {welcome: preferential, gender: women, age: {min: 0, max: 120}, status: [asylum, refugee], note: {en: Adults}}
languages: fr
updated: 2026-11-01
`},
	{"price as a text", "listing", "name: A\ncategories: [shower]\naddress: {city: Lyon}\naccess: {price: 2 €}\nupdated: 2026-11-01\n"},
	{"spoken languages", "listing", "name: A\ncategories: [shower]\naddress: {city: Lyon}\nlanguages: [fr, lsf, prs]\nupdated: 2026-11-01\n"},
	{"web address in capitals", "listing", "name: A\ncategories: [shower]\naddress: {city: Lyon}\nwebsite: HTTPS://HALTE.EXAMPLE.ORG/Page?a=1#x\nupdated: 2026-11-01\n"},
	{"periods and services", "listing", `name: A
categories: [shower, meals]
address: {city: Lyon}
closures: [{start: 2026-12-24, end: 2027-01-02, note: {fr: Fermé}}]
special_hours:
  - start: 2026-07-01
    end: 2026-08-31
    hours: {mo-fr: 10:00-16:00}
services:
  - category: meals
    name: Repas
    hours: {sa: 12:00-13:00}
    access: {price: free}
status: closed
sources: [{name: ANCT, url: https://data.gouv.fr, licence: Etalab-2.0}, {name: Ville}]
updated: 2026-11-01
`},
	{"one language, not a list", "site.yaml", "title: Guide\nlanguages: fr\ntimezone: America/Argentina/Buenos_Aires\ncountry: AR\nlicence: {name: ODbL-1.0}\n"},
	{"a full site", "site.yaml", `title: {fr: Guide, en: Guide}
languages: [fr, en]
timezone: Etc/GMT+1
country: FR
base_url: https://guide.example.org/lyon/
licence: {name: ODbL-1.0, url: https://opendatacommons.org/licenses/odbl/1-0/}
stale_after: 90
contact: {email: contact@example.org, phone: 115, website: https://example.org}
notice: {text: Plan grand froid, end: 2027-03-31}
`},
	{"categories with synonyms", "categories.yaml", `- id: hygiene_and_wellness
  icon: hygiene_and_wellness
  name: Hygiène
  synonyms: {fr: "douche, se laver", en: [shower, wash]}
  children:
    - id: shower
      name: {fr: Douche}
      synonyms: {en: ~}
      children:
- id: food
  icon: food
  name: {fr: Alimentation, en: Food}
  children: [{id: meals, name: Repas}]
`},
}

// TestAccepts: what abri accepts, the schemas accept.
func TestAccepts(t *testing.T) {
	for _, tt := range accepted {
		t.Run(tt.name, func(t *testing.T) {
			file := tt.file
			if file == "listing" {
				file = "listings/lyon/halte.yaml"
			}
			if errs := contentErrors(fixture(file, tt.yaml)); len(errs) > 0 {
				t.Fatalf("abri refuses this example: %v", errs)
			}
			for name, g := range map[string]Guide{"guide's": fixtureGuide, "generic": {}} {
				for _, v := range violations(t, schemaOf(file, g), []byte(tt.yaml)) {
					t.Errorf("the %s schema refuses %s", name, v)
				}
			}
		})
	}
}

// FuzzListingNotStricter: a listing abri accepts, the schemas accept, so
// that editors never see an error abri would not give them.
func FuzzListingNotStricter(f *testing.F) {
	f.Add(fixtureListing)
	for _, tt := range accepted {
		if tt.file == "listing" {
			f.Add(tt.yaml)
		}
	}
	for _, tt := range rejected {
		if tt.file == "listing" {
			f.Add(tt.yaml)
		}
	}
	f.Fuzz(func(t *testing.T, listing string) {
		if len(contentErrors(fixture("listings/lyon/halte.yaml", listing))) > 0 || padded(listing) {
			return
		}
		for name, g := range map[string]Guide{"guide's": fixtureGuide, "generic": {}} {
			for _, v := range violations(t, Listing(g), []byte(listing)) {
				t.Errorf("abri accepts, the %s schema refuses %s\n%s", name, v, listing)
			}
		}
	})
}

// padded reports a quoted value with spaces around it, which abri trims
// and the schemas refuse on purpose (see the package doc).
func padded(doc string) bool {
	var n yaml.Node
	if yaml.Unmarshal([]byte(doc), &n) != nil {
		return false
	}
	var walk func(n *yaml.Node) bool
	walk = func(n *yaml.Node) bool {
		quoted := n.Style&(yaml.DoubleQuotedStyle|yaml.SingleQuotedStyle) != 0
		if quoted && strings.TrimSpace(n.Value) != n.Value {
			return true
		}
		return slices.ContainsFunc(n.Content, walk)
	}
	return walk(&n)
}

// TestDescriptions: editors get help on every field when they hover it.
func TestDescriptions(t *testing.T) {
	for _, f := range Files(GuideOf(loadDemo(t))) {
		var walk func(where string, s *Schema)
		walk = func(where string, s *Schema) {
			for _, p := range s.Properties {
				if p.Schema.Description == "" {
					t.Errorf("%s: %s.%s has no description", f.Name, where, p.Name)
				}
			}
		}
		walk("root", f.Schema)
		for name, def := range f.Schema.Definitions {
			if def.Description == "" {
				t.Errorf("%s: definition %s has no description", f.Name, name)
			}
			walk(name, def)
		}
	}
}

// TestGuideRestricts: with a guide, translations and categories are the
// guide's, offered as completions.
func TestGuideRestricts(t *testing.T) {
	s := Listing(fixtureGuide)
	if got := s.Definitions["CategoryRef"].Enum; strings.Join(got, ",") != "hygiene_and_wellness,shower,food,meals" {
		t.Errorf("category ids = %v", got)
	}
	text := s.Definitions["Text"].AnyOf[1]
	var keys []string
	for _, p := range text.Properties {
		keys = append(keys, p.Name)
	}
	// The machine-translation flag is offered for translations, not the source language.
	if strings.Join(keys, ",") != "fr,en,en_mt" || text.Properties[2].Schema.Type[0] != "boolean" {
		t.Errorf("translation keys = %+v", text.Properties)
	}
	generic := Listing(Guide{})
	if generic.Definitions["CategoryRef"].Enum != nil || generic.Definitions["Text"].AnyOf[1].PatternProperties == nil {
		t.Error("a generic schema must not know any guide's categories or languages")
	}
}

// TestCommittedSchemas: content/.schemas, which the demo guide's listings
// name, is what `abri schema` writes for it now.
func TestCommittedSchemas(t *testing.T) {
	for _, f := range Files(GuideOf(loadDemo(t))) {
		p := filepath.Join(demo, ".schemas", f.Name)
		want := f.Schema.JSON()
		if *update {
			os.MkdirAll(filepath.Dir(p), 0o755)
			if err := os.WriteFile(p, want, 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		got, err := os.ReadFile(p)
		if err != nil || !bytes.Equal(got, want) {
			t.Errorf("content/.schemas/%s is out of date with the demo guide or the content types: run go run ./cmd/abri schema", f.Name)
		}
	}
}

// TestJSON: the files are valid JSON, the same bytes every time, with
// properties in the order of the Go fields.
func TestJSON(t *testing.T) {
	g := GuideOf(loadDemo(t))
	for i, f := range Files(g) {
		data := f.Schema.JSON()
		var v map[string]any
		if err := json.Unmarshal(data, &v); err != nil {
			t.Fatalf("%s: %v", f.Name, err)
		}
		if again := Files(g)[i].Schema.JSON(); !bytes.Equal(data, again) {
			t.Errorf("%s differs from one run to the next", f.Name)
		}
		if v["$schema"] != Draft {
			t.Errorf("%s: $schema = %v", f.Name, v["$schema"])
		}
	}
	listing := string(Listing(g).JSON())
	if !(strings.Index(listing, `"name"`) < strings.Index(listing, `"categories"`) &&
		strings.Index(listing, `"categories"`) < strings.Index(listing, `"updated"`)) {
		t.Error("listing properties are not in the order of content.Listing's fields")
	}
}
