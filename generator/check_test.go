package generator

import (
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
licence: {name: ODbL-1.0, url: https://opendatacommons.org/licenses/odbl/1-0/}
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
	_, problems, err := Build(Config{Content: filepath.Join(dir, "content"), Theme: "../themes/default", Out: out, Now: buildDate})
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
`, []string{`content/listings/lyon/halte.yaml:2:1: YAML syntax: mapping values are not allowed in this context (check indentation, colons and quotes)`}},
		{"unknown icon", `
-- categories.yaml --
- id: hygiene_and_wellness
  icon: hygiene
  name: {fr: Hygiène, en: Hygiene}
  children:
    - id: shower
      name: {fr: Douche, en: Shower}
`, []string{`content/categories.yaml:2:9: unknown icon "hygiene" (did you mean "hygiene_and_wellness"?)`}},
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
licence: {name: ODbL-1.0}
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
		{"page in another language", `
-- pages/about.de.md --
---
title: Über uns
---
Hallo.
`, []string{`content/pages/about.de.md: language de is not a language of the guide (site.yaml languages: fr, en)`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, problems, err := buildArchive(t, tt.archive)
			if !errors.Is(err, ErrInvalid) {
				t.Fatalf("Build error = %v, want ErrInvalid", err)
			}
			var got []string
			for _, p := range problems {
				if p.Severity == content.Error {
					got = append(got, p.String())
				}
			}
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
	if _, problems, err := Build(cfg); err != nil {
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
	_, problems, err := Build(cfg)
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

// TestMissingInterfaceStringFails: a page must never show a key instead of words.
func TestMissingInterfaceStringFails(t *testing.T) {
	dir := t.TempDir()
	th := filepath.Join(dir, "theme")
	copyTree(t, "../themes/default", th)
	en := filepath.Join(th, "i18n", "en.yaml")
	data, err := os.ReadFile(en)
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
		t.Fatal("en.yaml has no closure: line to remove")
	}
	os.WriteFile(en, []byte(strings.Join(kept, "\n")), 0o644)
	writeTxtar(t, filepath.Join(dir, "content"), base)
	_, problems, err := Build(Config{Content: filepath.Join(dir, "content"), Theme: th, Out: filepath.Join(dir, "public"), Now: buildDate})
	if !errors.Is(err, ErrInvalid) {
		t.Fatalf("Build error = %v, want ErrInvalid", err)
	}
	want := th + `/i18n/en.yaml: missing string "closure" (add it, translated from en.yaml)`
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
licence: {name: ODbL-1.0}
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
