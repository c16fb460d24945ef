package generator

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/abri-guide/abri/generator/content"
)

// base is a small valid guide; each case below adds or replaces files.
const base = `
-- site.yaml --
title: {fr: Guide, en: Guide}
languages: [fr, en]
timezone: Europe/Paris
country: FR
licence: {name: CC-BY-4.0, url: https://creativecommons.org/licenses/by/4.0/}
-- categories.yaml --
- id: hygiene_and_wellness
  icon: hygiene_and_wellness
  name: {fr: Hygiène, en: Hygiene}
  children:
    - id: shower
      name: {fr: Douche, en: Shower}
-- listings/lyon/halte.yaml --
name: La Halte
categories: [shower]
address: {street: 12 rue Pasteur, postal_code: "69007", city: Lyon}
hours:
  mo-fr: 09:00-12:00
access: {wheelchair: false, animals: true}
updated: 2026-11-01
-- pages/about.fr.md --
---
title: À propos
---
Bonjour.
`

func buildArchive(t *testing.T, archive string) (string, content.Problems, error) {
	t.Helper()
	dir := t.TempDir()
	writeTxtar(t, filepath.Join(dir, "content"), base)
	writeTxtar(t, filepath.Join(dir, "content"), archive)
	out := filepath.Join(dir, "public")
	_, problems, err := Build(context.Background(), Config{Content: filepath.Join(dir, "content"), Theme: "../themes/default", Out: out, Now: buildDate})
	// Messages name files as editors see them, relative to the content folder.
	prefix := filepath.Join(dir, "content") + string(filepath.Separator)
	for i := range problems {
		problems[i].Path = "content/" + filepath.ToSlash(strings.TrimPrefix(problems[i].Path, prefix))
		problems[i].Msg = strings.ReplaceAll(problems[i].Msg, prefix, "content/")
	}
	return out, problems, err
}

func TestBaseGuideBuilds(t *testing.T) {
	out, problems, err := buildArchive(t, "")
	if err != nil {
		t.Fatalf("%v\n%v", err, problems)
	}
	page, err := os.ReadFile(filepath.Join(out, "en", "places", "halte.html"))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"La Halte", "12 rue Pasteur", "09:00–12:00", `hreflang="fr"`, "Not wheelchair accessible", "Animals welcome"} {
		if !strings.Contains(string(page), want) {
			t.Errorf("en/places/halte.html lacks %q", want)
		}
	}
	about, _ := os.ReadFile(filepath.Join(out, "en", "pages", "about.html"))
	if !strings.Contains(string(about), `<div lang="fr">`) || !strings.Contains(string(about), "not translated") {
		t.Errorf("en/pages/about.html should show the French page, marked not translated:\n%s", about)
	}
}

// TestContentErrors: each editor mistake gives exactly this message, at
// this position, and the build writes nothing.
func TestContentErrors(t *testing.T) {
	tests := []struct {
		name, archive string
		want          []string
	}{
		{"unknown field", `
-- listings/lyon/halte.yaml --
name: La Halte
categories: [shower]
adress: {city: Lyon}
updated: 2026-11-01
`, []string{
			`content/listings/lyon/halte.yaml:1:1: missing address (give address: with at least city, or geo: [latitude, longitude])`,
			`content/listings/lyon/halte.yaml:3:1: unknown field "adress" (did you mean "address"?)`,
		}},
		{"bad hours", `
-- listings/lyon/halte.yaml --
name: La Halte
categories: [shower]
address: {city: Lyon}
hours:
  mo-fr: 9h-12h
updated: 2026-11-01
`, []string{`content/listings/lyon/halte.yaml:5:10: hours: "9h-12h" is not a time range (want HH:MM-HH:MM, e.g. 09:00-12:00)`}},
		{"unknown category", `
-- listings/lyon/halte.yaml --
name: La Halte
categories: [shwer]
address: {city: Lyon}
updated: 2026-11-01
`, []string{`content/listings/lyon/halte.yaml:2:14: categories: unknown category "shwer" (did you mean "shower"?)`}},
		{"overlapping hours", `
-- listings/lyon/halte.yaml --
name: La Halte
categories: [shower]
address: {city: Lyon}
hours:
  mo-fr: 09:00-12:00, 11:00-14:00
updated: 2026-11-01
`, []string{`content/listings/lyon/halte.yaml:5:23: hours: 09:00-12:00 overlaps 11:00-14:00`}},
		{"a day twice", `
-- listings/lyon/halte.yaml --
name: La Halte
categories: [shower]
address: {city: Lyon}
hours:
  mo-fr: 09:00-12:00
  fr: 14:00-16:00
updated: 2026-11-01
`, []string{`content/listings/lyon/halte.yaml:6:3: hours: fr is already in "mo-fr"`}},
		{"impossible date", `
-- listings/lyon/halte.yaml --
name: La Halte
categories: [shower]
address: {city: Lyon}
updated: 2026-02-30
`, []string{`content/listings/lyon/halte.yaml:4:10: updated: "2026-02-30" is not a real date (check the month and the day)`}},
		{"contact details", `
-- listings/lyon/halte.yaml --
name: La Halte
categories: [shower]
address: {city: Lyon}
phone: ["04 72 00 00 00", "call us"]
email: contact-at-halte.org
website: javascript:alert(1)
updated: 2026-11-01
`, []string{
			`content/listings/lyon/halte.yaml:4:27: phone: "call us" is not a phone number (want digits, spaces, dots or dashes, e.g. "+33 4 72 00 00 00" or "115")`,
			`content/listings/lyon/halte.yaml:5:8: email: "contact-at-halte.org" is not an e-mail address (want name@example.org)`,
			`content/listings/lyon/halte.yaml:6:10: website: "javascript:alert(1)" is not a web address (want https://example.org/...)`,
		}},
		{"coordinates", `
-- listings/lyon/halte.yaml --
name: La Halte
categories: [shower]
geo: [4.8467, 245.7485]
updated: 2026-11-01
`, []string{`content/listings/lyon/halte.yaml:3:15: geo: longitude 245.7485 is out of range (want -180 to 180)`}},
		{"latitude swapped", `
-- listings/lyon/halte.yaml --
name: La Halte
categories: [shower]
geo: [145.7485, 4.8467]
updated: 2026-11-01
`, []string{`content/listings/lyon/halte.yaml:3:7: geo: latitude 145.7485 is out of range (want -90 to 90; latitude comes first, then longitude)`}},
		{"translation in another language", `
-- listings/lyon/halte.yaml --
name: La Halte
description: {fr: Douches, de: Duschen}
categories: [shower]
address: {city: Lyon}
updated: 2026-11-01
`, []string{`content/listings/lyon/halte.yaml:2:28: description: "de" is not a language of the guide (site.yaml languages: fr, en)`}},
		{"wrong type", `
-- listings/lyon/halte.yaml --
name: La Halte
categories: shower
address: {city: Lyon}
access: {wheelchair: yes}
updated: 2026-11-01
`, []string{
			`content/listings/lyon/halte.yaml:4:22: access.wheelchair: "yes" is not true or false`,
		}},
		{"duplicate id", `
-- listings/paris/halte.yaml --
name: La Halte de Paris
categories: [shower]
address: {city: Paris}
updated: 2026-11-01
`, []string{`content/listings/paris/halte.yaml:1:1: id halte is already used by content/listings/lyon/halte.yaml (file names must be unique across the guide)`}},
		{"bad enum", `
-- listings/lyon/halte.yaml --
name: La Halte
categories: [shower]
address: {city: Lyon}
status: opne
updated: 2026-11-01
`, []string{`content/listings/lyon/halte.yaml:4:9: status: "opne" is not one of open, draft, closed (did you mean "open"?)`}},
		{"missing required", `
-- listings/lyon/halte.yaml --
categories: [shower]
address: {city: Lyon}
`, []string{
			`content/listings/lyon/halte.yaml:1:1: missing required field "name"`,
			`content/listings/lyon/halte.yaml:1:1: missing required field "updated"`,
		}},
		{"yaml syntax", `
-- listings/lyon/halte.yaml --
name: La Halte
  categories: [shower]
updated: 2026-11-01
`, []string{`content/listings/lyon/halte.yaml:2:13: YAML syntax: mapping values are not allowed in this context (check indentation, colons and quotes)`}},
		{"unknown icon", `
-- categories.yaml --
- id: hygiene_and_wellness
  icon: hygiene
  name: {fr: Hygiène, en: Hygiene}
  children:
    - id: shower
      name: {fr: Douche, en: Shower}
`, []string{`content/categories.yaml:2:9: unknown icon "hygiene" (did you mean "hygiene_and_wellness"?)`}},
		{"unknown icon below the top level", `
-- categories.yaml --
- id: hygiene_and_wellness
  icon: hygiene_and_wellness
  name: {fr: Hygiène, en: Hygiene}
  children:
    - id: shower
      icon: showers
      name: {fr: Douche, en: Shower}
      children:
        - id: hot_shower
          icon: toilet
          name: {fr: Douche chaude, en: Hot shower}
`, []string{
			`content/categories.yaml:6:13: unknown icon "showers" (did you mean "shower"?)`,
			`content/categories.yaml:10:17: unknown icon "toilet" (did you mean "toilets"?)`,
		}},
		{"empty category", `
-- categories.yaml --
- id: hygiene_and_wellness
  icon: hygiene_and_wellness
  name: {fr: Hygiène, en: Hygiene}
  children:
    - id: shower
      name: {fr: Douche, en: Shower}
    - ~
-
`, []string{
			`content/categories.yaml:7:7: children: empty item: want a category (id: …, name: …), or remove the line`,
			`content/categories.yaml:8:2: empty item: want a category (id: …, name: …), or remove the line`,
		}},
		{"empty items and required values", `
-- listings/lyon/halte.yaml --
name: La Halte
categories: [shower, ~]
address: {city: Lyon}
phone: [~]
closures: [~]
special_hours: [{start: 2026-12-01, end: 2026-12-24, hours: ~}]
services: [~]
languages: [fr, ""]
updated: 2026-11-01
`, []string{
			`content/listings/lyon/halte.yaml:2:22: categories: empty item: want a category id of categories.yaml, or remove the line`,
			`content/listings/lyon/halte.yaml:4:9: phone: empty item: want a phone number, or remove the line`,
			`content/listings/lyon/halte.yaml:5:12: closures: empty item: want a closure (start: …, end: …), or remove the line`,
			`content/listings/lyon/halte.yaml:6:61: special_hours.hours: empty value: want opening hours (mo-fr: 09:00-12:00)`,
			`content/listings/lyon/halte.yaml:7:12: services: empty item: want a service (category: …), or remove the line`,
			`content/listings/lyon/halte.yaml:8:17: languages: empty item: want a language code (fr, ar, lsf), or remove the line`,
		}},
		{"empty language", `
-- site.yaml --
title: {fr: Guide, en: Guide}
languages: [fr, ~, en]
timezone: Europe/Paris
country: FR
licence: {name: CC-BY-4.0}
`, []string{`content/site.yaml:2:17: languages: empty item: want a language code (fr, en, ar), or remove the line`}},
		{"closure ends before it starts", `
-- listings/lyon/halte.yaml --
name: La Halte
categories: [shower]
address: {city: Lyon}
closures:
  - {start: 2026-12-24, end: 2026-12-02}
updated: 2026-11-01
`, []string{`content/listings/lyon/halte.yaml:5:25: closures: end 2026-12-02 is before start 2026-12-24 (dates are inclusive: start is the first day, end the last)`}},
		{"special hours without hours", `
-- listings/lyon/halte.yaml --
name: La Halte
categories: [shower]
address: {city: Lyon}
hours: {mo-su: 00:00-24:00}
special_hours:
  - {start: 2026-12-24, end: 2027-01-02, hours: ~}
  - start: 2027-02-01
    end: 2027-02-28
    hours: {}
updated: 2026-11-01
`, []string{
			`content/listings/lyon/halte.yaml:6:49: special_hours.hours: empty value: want opening hours (mo-fr: 09:00-12:00)`,
			`content/listings/lyon/halte.yaml:9:12: special_hours: hours: give the hours of the period (hours: {mo-fr: 10:00-16:00}), or write a closure if the place is closed then`,
		}},
		{"page in another language", `
-- pages/about.de.md --
---
title: Über uns
---
Hallo.
`, []string{`content/pages/about.de.md: language de is not a language of the guide (site.yaml languages: fr, en)`}},
		{"updated in the future", `
-- listings/lyon/halte.yaml --
name: La Halte
categories: [shower]
address: {city: Lyon}
updated: 2027-11-01
`, []string{`content/listings/lyon/halte.yaml:4:10: updated: 2027-11-01 is in the future, after today 2026-11-27 (write the day the information was checked)`}},
		{"stale_after zero", `
-- site.yaml --
title: {fr: Guide, en: Guide}
languages: [fr, en]
timezone: Europe/Paris
country: FR
licence: {name: CC-BY-4.0}
stale_after: 0
`, []string{`content/site.yaml:6:14: stale_after: 0 days is not a period (want a number of days, 1 or more; remove the line for the default, 180)`}},
		{"empty title", `
-- site.yaml --
title: {}
languages: [fr, en]
timezone: Europe/Paris
country: FR
licence: {name: CC-BY-4.0}
`, []string{`content/site.yaml:1:8: title: empty text: write it at least in fr (fr: ...), or remove the line`}},
		{"empty category name", `
-- categories.yaml --
- id: hygiene_and_wellness
  icon: hygiene_and_wellness
  name: {}
  children:
    - id: shower
      name: {fr: Douche, en: Shower}
`, []string{`content/categories.yaml:3:9: name: empty text: write it at least in fr (fr: ...), or remove the line`}},
		{"page in a sub-folder", `
-- pages/help/faq.fr.md --
---
title: FAQ
---
Bonjour.
`, []string{`content/pages/help: pages are read only from pages/ itself, not from its folders: move the files up to pages/, named <slug>.<language>.md`}},
		{"category id twice", `
-- categories.yaml --
- id: hygiene_and_wellness
  icon: hygiene_and_wellness
  name: {fr: Hygiène, en: Hygiene}
  children:
    - id: shower
      name: {fr: Douche, en: Shower}
    - id: shower
      name: {fr: Douches, en: Showers}
`, []string{`content/categories.yaml:7:11: id "shower" is already the id of the category at line 5: ids must be unique in the whole tree`}},
		{"alias in a text map", `
-- listings/lyon/halte.yaml --
name: &n La Halte
description: {fr: *n, en: The Halt}
categories: [shower]
address: {city: Lyon}
updated: 2026-11-01
`, []string{`content/listings/lyon/halte.yaml:2:19: description: aliases (*n) are not supported: write the value out`}},
		{"invalid UTF-8", "\n-- listings/lyon/halte.yaml --\nname: La Halte\ncategories: [shower]\naddress: {city: Lyon\xe9}\nupdated: 2026-11-01\n",
			[]string{`content/listings/lyon/halte.yaml:3:21: invalid UTF-8: save the file as UTF-8 (in the editor's encoding menu) and check the characters here`}},
		{"invalid UTF-8 in a page", "\n-- pages/about.en.md --\n---\ntitle: About\n---\nCaf\xe9 and more.\n",
			[]string{`content/pages/about.en.md:4:4: invalid UTF-8: save the file as UTF-8 (in the editor's encoding menu) and check the characters here`}},
		{"a name of invisible characters", "\n-- listings/lyon/halte.yaml --\nname: \"\u200b\"\ncategories: [shower]\naddress: {city: Lyon}\nupdated: 2026-11-01\n",
			[]string{`content/listings/lyon/halte.yaml:1:7: name: only invisible characters (U+200B, zero-width space): write the text`}},
		{"published with placeholders", `
-- listings/lyon/halte.yaml --
name: TODO name of the place
categories: [shower]
address:
  street: TODO number and street
  city: Lyon
updated: 2026-11-01
-- pages/volunteer.fr.md --
---
title: TODO
---
Rejoignez-nous : TODO
`, []string{
			`content/listings/lyon/halte.yaml:1:7: name: "TODO name of the place" is a placeholder of abri new: fill it in (or put back status: draft until it is ready)`,
			`content/listings/lyon/halte.yaml:4:11: address.street: "TODO number and street" is a placeholder of abri new: fill it in (or put back status: draft until it is ready)`,
			`content/pages/volunteer.fr.md:2:8: title: "TODO" is a placeholder of abri new: fill it in (or put back status: draft until it is ready)`,
			`content/pages/volunteer.fr.md:4:18: TODO is a placeholder of abri new: write the page's text (or put back status: draft until it is ready)`,
		}},
		{"image from another site", `
-- pages/about.fr.md --
---
title: À propos
menu: 1
---
Bonjour. Voir [le site](https://other.host/) et le plan :

![plan](https://other.host/a.png)
`, []string{`content/pages/about.fr.md:7:1: image https://other.host/a.png is on another site: readers' browsers would fetch it from there, and the guide makes no request to third parties; remove it, or link to it: [text](address)`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, problems, err := buildArchive(t, tt.archive)
			if !errors.Is(err, ErrInvalid) {
				t.Fatalf("Build error = %v, want ErrInvalid", err)
			}
			got := errorLines(problems)
			want := tt.want
			if strings.Join(got, "\n") != strings.Join(want, "\n") {
				t.Errorf("errors:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
			}
			if _, err := os.Stat(out); !os.IsNotExist(err) {
				t.Errorf("the output folder was written despite errors")
			}
		})
	}
}

// TestBrokenListingKeepsPreviousSite: a bad commit gets its message and the
// site already published stays exactly as it was.
func TestBrokenListingKeepsPreviousSite(t *testing.T) {
	dir := t.TempDir()
	src := filepath.Join(dir, "content")
	writeTxtar(t, src, base)
	cfg := Config{Content: src, Theme: "../themes/default", Out: filepath.Join(dir, "public"), Now: buildDate}
	if _, problems, err := Build(context.Background(), cfg); err != nil {
		t.Fatalf("%v\n%v", err, problems)
	}
	before := readTree(t, cfg.Out)
	writeTxtar(t, src, `
-- listings/lyon/halte.yaml --
name: La Halte
categories: [shower]
address: {city: Lyon}
hours:
  mo-fr: 9h-12h
updated: 2026-11-01
`)
	_, problems, err := Build(context.Background(), cfg)
	if !errors.Is(err, ErrInvalid) {
		t.Fatalf("Build error = %v, want ErrInvalid", err)
	}
	want := filepath.Join(src, "listings", "lyon", "halte.yaml") + `:5:10: hours: "9h-12h" is not a time range (want HH:MM-HH:MM, e.g. 09:00-12:00)`
	if len(problems) == 0 || problems[0].String() != want {
		t.Errorf("problems = %v\nwant %s", problems, want)
	}
	after := readTree(t, cfg.Out)
	if len(after) != len(before) {
		t.Fatalf("%d files before the broken build, %d after", len(before), len(after))
	}
	for name, data := range before {
		if string(after[name]) != string(data) {
			t.Errorf("%s changed although the build failed", name)
		}
	}
	leftovers, _ := filepath.Glob(filepath.Join(dir, ".public.new-*"))
	if len(leftovers) > 0 {
		t.Errorf("temporary folders left behind: %v", leftovers)
	}
}

// TestMissingInterfaceStringFails: a page must never show a key instead of
// words: a string the source language lacks is an error (in any other
// language it is not translated yet, see TestHalfTranslatedLanguageWarns).
func TestMissingInterfaceStringFails(t *testing.T) {
	dir := t.TempDir()
	th := filepath.Join(dir, "theme")
	copyTree(t, "../themes/default", th)
	fr := filepath.Join(th, "i18n", "fr.yaml")
	data, err := os.ReadFile(fr)
	if err != nil {
		t.Fatal(err)
	}
	var kept []string
	for _, line := range strings.Split(string(data), "\n") {
		if !strings.HasPrefix(line, "closure:") {
			kept = append(kept, line)
		}
	}
	if len(kept) == len(strings.Split(string(data), "\n")) {
		t.Fatal("fr.yaml has no closure: line to remove")
	}
	os.WriteFile(fr, []byte(strings.Join(kept, "\n")), 0o644)
	writeTxtar(t, filepath.Join(dir, "content"), base)
	_, problems, err := Build(context.Background(), Config{Content: filepath.Join(dir, "content"), Theme: th, Out: filepath.Join(dir, "public"), Now: buildDate})
	if !errors.Is(err, ErrInvalid) {
		t.Fatalf("Build error = %v, want ErrInvalid", err)
	}
	want := th + `/i18n/fr.yaml: missing string "closure" (add it, translated from en.yaml)`
	if len(problems) != 1 || problems[0].String() != want {
		t.Errorf("problems = %v\nwant %s", problems, want)
	}
}

// TestBaseURL: with base_url, pages get canonical links and the site a
// sitemap; 404 pages, shown by servers at any address, link from the base path.
func TestBaseURL(t *testing.T) {
	out, problems, err := buildArchive(t, `
-- site.yaml --
title: {fr: Guide, en: Guide}
languages: [fr, en]
timezone: Europe/Paris
country: FR
base_url: https://guide.example.org/lyon/
licence: {name: CC-BY-4.0}
`)
	if err != nil {
		t.Fatalf("%v\n%v", err, problems)
	}
	files := readTree(t, out)
	checks := []struct{ file, want string }{
		{"fr/places/halte.html", `<link rel="canonical" href="https://guide.example.org/lyon/fr/places/halte.html">`},
		{"sitemap.xml", "<loc>https://guide.example.org/lyon/en/places/halte.html</loc>"},
		{"en/404.html", `href="/lyon/en/index.html"`},
		{"404.html", `href="/lyon/assets/style.`},
		{"_redirects", "/lyon/en/*  /lyon/en/404.html  404"},
	}
	for _, c := range checks {
		if !strings.Contains(string(files[c.file]), c.want) {
			t.Errorf("%s lacks %s", c.file, c.want)
		}
	}
}

// TestContentWarnings: mistakes that do not stop the build, each with its
// exact message and position.
func TestContentWarnings(t *testing.T) {
	tests := []struct {
		name, archive string
		want          []string
	}{
		{"invisible characters in a name and a city", "\n-- listings/lyon/halte.yaml --\nname: La\u202e Halte\ncategories: [shower]\naddress: {city: \"Lyon\u200b\"}\nupdated: 2026-11-01\n", []string{
			`content/listings/lyon/halte.yaml:1:7: warning: name: "La Halte" holds an invisible character, U+202E (right-to-left override), at character 3: it was removed; delete it from the file (it comes with copied text)`,
			`content/listings/lyon/halte.yaml:3:17: warning: address.city: "Lyon" holds an invisible character, U+200B (zero-width space), at character 5: it was removed; delete it from the file (it comes with copied text)`,
		}},
		{"coordinates swapped", `
-- listings/lyon/halte.yaml --
name: La Halte
categories: [shower]
address: {city: Paris}
geo: [2.36, 48.87]
updated: 2026-11-01
`, []string{`content/listings/lyon/halte.yaml:4:6: warning: geo: [2.36, 48.87] is not in FR: latitude and longitude look swapped (did you mean geo: [48.87, 2.36]?)`}},
		{"coordinates in another country", `
-- listings/lyon/halte.yaml --
name: La Halte
categories: [shower]
address: {city: Lyon}
geo: [40.7128, -74.006]
updated: 2026-11-01
-- listings/bruxelles/porte.yaml --
name: La Porte
categories: [shower]
address: {city: Bruxelles, country: BE}
geo: [50.8466, 4.3528]
updated: 2026-11-01
-- listings/noumea/case.yaml --
name: La Case
categories: [shower]
address: {city: Nouméa, postal_code: "98800"}
geo: [-22.2758, 166.458]
updated: 2026-11-01
`, []string{`content/listings/lyon/halte.yaml:4:6: warning: geo: [40.7128, -74.006] is not in FR: check the coordinates (latitude first, then longitude; openstreetmap.org shows them when you right-click the place), or the address's country`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, problems, err := buildArchive(t, tt.archive)
			if err != nil {
				t.Fatalf("%v\n%v", err, problems)
			}
			var got []string
			for _, p := range problems {
				got = append(got, p.String())
			}
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("warnings:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
		})
	}
}

// TestDraftsWithPlaceholders: drafts may hold the TODOs of abri new; they
// are not published, so the home page and the footer never show them.
func TestDraftsWithPlaceholders(t *testing.T) {
	out, problems, err := buildArchive(t, `
-- listings/grenoble/new-place.yaml --
name: TODO name of the place
categories: [shower]
address: {street: TODO number and street, city: TODO}
status: draft
updated: 2026-11-01
-- pages/volunteer.fr.md --
---
title: TODO
menu: 2
status: draft
---
TODO
`)
	if err != nil {
		t.Fatalf("%v\n%v", err, problems)
	}
	files := readTree(t, out)
	for name, data := range files {
		if strings.Contains(string(data), "TODO") {
			t.Errorf("%s shows a placeholder", name)
		}
	}
	if _, ok := files["fr/pages/volunteer.html"]; ok {
		t.Error("a draft page is published")
	}
}

// TestInvisibleCharacterKeepsOneCity: "Lyon" with a zero-width space copied
// from a web page is the same city as "Lyon".
func TestInvisibleCharacterKeepsOneCity(t *testing.T) {
	out, problems, err := buildArchive(t, "\n-- listings/lyon/porte.yaml --\nname: La Porte\ncategories: [shower]\naddress: {city: \"\u200bLyon\"}\nupdated: 2026-11-01\n")
	if err != nil {
		t.Fatalf("%v\n%v", err, problems)
	}
	cities, _ := filepath.Glob(filepath.Join(out, "fr", "cities", "*.html"))
	if len(cities) != 1 {
		t.Errorf("city pages %v, want one for Lyon", cities)
	}
}

// TestNoticeDates: a notice that starts after the day of the build is in
// the pages, hidden, with its days for app.js; one that is over is not.
func TestNoticeDates(t *testing.T) {
	site := func(start, end string) string {
		return `
-- site.yaml --
title: {fr: Guide, en: Guide}
languages: [fr, en]
timezone: Europe/Paris
country: FR
licence: {name: CC-BY-4.0, url: https://creativecommons.org/licenses/by/4.0/}
notice: {text: {fr: Plan grand froid, en: Cold-weather plan}, start: ` + start + `, end: ` + end + `}
`
	}
	for _, tt := range []struct{ start, end, want string }{
		{"2026-12-01", "2027-03-31", `<p class="notice" role="note" data-show="2026-12-01/2027-03-31" data-tz="Europe/Paris" hidden>`},
		{"2026-11-01", "2027-03-31", `<p class="notice" role="note" data-show="2026-11-01/2027-03-31" data-tz="Europe/Paris">`},
		{"2026-10-01", "2026-11-26", ""},
	} {
		out, problems, err := buildArchive(t, site(tt.start, tt.end))
		if err != nil {
			t.Fatalf("%v\n%v", err, problems)
		}
		page, err := os.ReadFile(filepath.Join(out, "en", "index.html"))
		if err != nil {
			t.Fatal(err)
		}
		if got := strings.Contains(string(page), "Cold-weather plan"); got != (tt.want != "") || !strings.Contains(string(page), tt.want) {
			t.Errorf("notice %s/%s: the page has it %v, want %q", tt.start, tt.end, got, tt.want)
		}
	}
}
