package generator

import (
	"archive/zip"
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// collide is a guide whose names fold together: one city spelled five
// ways, cities in Cyrillic and Georgian, and a listing, a category, a page
// and a city all called lyon.
const collide = `
-- categories.yaml --
- id: hygiene_and_wellness
  icon: hygiene_and_wellness
  name: {fr: Hygiène, en: Hygiene}
  children:
    - id: shower
      name: {fr: Douche, en: Shower}
    - id: lyon
      name: {fr: Lyon, en: Lyon}
-- listings/lyon/a.yaml --
name: A
categories: [shower]
address: {city: Lyon}
updated: 2026-11-01
-- listings/lyon/b.yaml --
name: B
categories: [shower]
address: {city: Lyon}
updated: 2026-11-01
-- listings/lyon/c.yaml --
name: C
categories: [shower]
address: {city: LYON}
updated: 2026-11-01
-- listings/lyon/d.yaml --
name: D
categories: [shower]
address:
  city: lyon
updated: 2026-11-01
-- listings/lyon/e.yaml --
name: E
categories: [shower]
address: {postal_code: "69001", city: Lyón}
updated: 2026-11-01
-- listings/lyon/lyon.yaml --
name: Lyon
categories: [lyon]
address: {city: Lyon}
updated: 2026-11-01
-- listings/ua/kyiv.yaml --
name: K
categories: [shower]
address: {city: Київ}
updated: 2026-11-01
-- listings/ua/lviv.yaml --
name: L
categories: [shower]
address: {city: Львів}
updated: 2026-11-01
-- listings/ua/odesa.yaml --
name: O
categories: [shower]
address: {city: Одеса}
updated: 2026-11-01
-- listings/ua/kharkiv.yaml --
name: Kh
categories: [shower]
address: {city: Харків}
updated: 2026-11-01
-- listings/ge/tbilisi.yaml --
name: T
categories: [shower]
address: {city: თბილისი}
updated: 2026-11-01
-- pages/lyon.fr.md --
---
title: Lyon
---
Page.
`

// TestCitiesFoldTogether: spellings of one city make one page, with a
// warning at each odd spelling; cities in other scripts get readable
// pages; nothing is written twice, in the site or in its zips.
func TestCitiesFoldTogether(t *testing.T) {
	out, problems, err := buildArchive(t, collide)
	if err != nil {
		t.Fatalf("%v\n%v", err, problems)
	}
	var warnings []string
	for _, p := range problems {
		if strings.Contains(p.Msg, "address.city") {
			warnings = append(warnings, p.String())
		}
	}
	also := func(spelling, file string) string {
		return `warning: address.city: "` + spelling + `" is the city "Lyon" written another way (4 listings write "Lyon", e.g. content/listings/lyon/a.yaml:3:17; also written ` + file + `): write "Lyon" so that the city has one spelling`
	}
	want := []string{
		`content/listings/lyon/c.yaml:3:17: ` + also("LYON", `"Lyón" in content/listings/lyon/e.yaml:3:39, "lyon" in content/listings/lyon/d.yaml:4:9`),
		`content/listings/lyon/d.yaml:4:9: ` + also("lyon", `"Lyón" in content/listings/lyon/e.yaml:3:39, "LYON" in content/listings/lyon/c.yaml:3:17`),
		`content/listings/lyon/e.yaml:3:39: ` + also("Lyón", `"LYON" in content/listings/lyon/c.yaml:3:17, "lyon" in content/listings/lyon/d.yaml:4:9`),
	}
	if !slices.Equal(warnings, want) {
		t.Errorf("warnings about cities:\n%s\nwant:\n%s", strings.Join(warnings, "\n"), strings.Join(want, "\n"))
	}
	files := readTree(t, out)
	city := string(files["fr/cities/lyon.html"])
	for _, id := range []string{"a", "b", "c", "d", "e", "lyon"} {
		if !strings.Contains(city, `/places/`+id+`.html"`) {
			t.Errorf("fr/cities/lyon.html does not list %s", id)
		}
	}
	for _, p := range []string{"fr/cities/kyiv.html", "fr/cities/lviv.html", "fr/cities/odesa.html", "fr/cities/kharkiv.html",
		"fr/cities/tbilisi.html", "en/print/kyiv.html", "fr/places/lyon.html", "fr/categories/lyon.html", "fr/pages/lyon.html"} {
		if files[p] == nil {
			t.Errorf("no %s", p)
		}
	}
	if !strings.Contains(string(files["fr/cities/kyiv.html"]), "Київ") {
		t.Error("fr/cities/kyiv.html does not name Київ")
	}
	var cities []string
	for p := range files {
		if strings.HasPrefix(p, "fr/cities/") && strings.HasSuffix(p, ".html") {
			cities = append(cities, strings.TrimSuffix(strings.TrimPrefix(p, "fr/cities/"), ".html"))
		}
	}
	slices.Sort(cities)
	if want := []string{"kharkiv", "kyiv", "lviv", "lyon", "odesa", "tbilisi"}; !slices.Equal(cities, want) {
		t.Errorf("city pages %v, want %v", cities, want)
	}
	for p, data := range files {
		if strings.HasPrefix(p, "search/") && (bytes.Contains(data, []byte("LYON")) || bytes.Contains(data, []byte("Lyón"))) {
			t.Errorf("%s offers a town spelled otherwise than its page", p)
		}
	}
	checkZips(t, files)
}

// checkZips wants every entry of every zip to be there once, whatever its case.
func checkZips(t *testing.T, files map[string][]byte) {
	t.Helper()
	n := 0
	for name, data := range files {
		if !strings.HasSuffix(name, ".zip") {
			continue
		}
		n++
		zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		seen := map[string]bool{}
		for _, f := range zr.File {
			key := strings.ToLower(f.Name)
			if seen[key] {
				t.Errorf("%s holds %s twice", name, f.Name)
			}
			seen[key] = true
		}
	}
	if n == 0 {
		t.Error("no zip in the site")
	}
}

// TestDemoZipsUniqueEntries: the demo's offline copies hold each file once.
func TestDemoZipsUniqueEntries(t *testing.T) {
	checkZips(t, demoSite(t))
}

// TestCitiesSharingASlug: two different cities whose pages would have the
// same name are an error naming both files, and nothing is written.
func TestCitiesSharingASlug(t *testing.T) {
	tests := []struct{ name, archive, want string }{
		{"latin and cyrillic", `
-- listings/ua/kyiv.yaml --
name: K
categories: [shower]
address: {city: Kyiv}
updated: 2026-11-01
-- listings/ua/kyiv-2.yaml --
name: K2
categories: [shower]
address:
  city: Київ
updated: 2026-11-01
`, `content/listings/ua/kyiv-2.yaml:4:9: address.city: "Київ" and "Kyiv" (content/listings/ua/kyiv.yaml:3:17) are different cities with the same page, cities/kyiv.html: write them the same way if they are one city, or tell them apart (e.g. add the district or region)`},
		{"greek", `
-- listings/gr/a.yaml --
name: A
categories: [shower]
address: {city: Αθήνα}
updated: 2026-11-01
-- listings/gr/b.yaml --
name: B
categories: [shower]
address: {city: Athina}
updated: 2026-11-01
`, `content/listings/gr/b.yaml:3:17: address.city: "Athina" and "Αθήνα" (content/listings/gr/a.yaml:3:17) are different cities with the same page, cities/athina.html: write them the same way if they are one city, or tell them apart (e.g. add the district or region)`},
		{"no letter", `
-- listings/x.yaml --
name: X
categories: [shower]
address: {city: "?"}
updated: 2026-11-01
`, `content/listings/x.yaml:3:17: address.city: "?" has no letter to name its page: write the name of the city`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, problems, err := buildArchive(t, tt.archive)
			got := errorLines(problems)
			if err == nil || !slices.Equal(got, []string{tt.want}) {
				t.Errorf("err = %v, errors:\n%s\nwant:\n%s", err, strings.Join(got, "\n"), tt.want)
			}
			if _, err := os.Stat(filepath.Join(out, "index.html")); err == nil {
				t.Error("the site was written despite the error")
			}
		})
	}
}

// TestLanguagesDifferingInCase: each language is a folder of the site, so
// two codes that differ only in case are refused.
func TestLanguagesDifferingInCase(t *testing.T) {
	_, problems, err := buildArchive(t, `
-- site.yaml --
title: Guide
languages: [fr, pt-BR, pt-Br]
timezone: Europe/Paris
country: FR
licence: {name: CC-BY-4.0}
`)
	want := `content/site.yaml:2:24: languages: "pt-Br" is listed twice (as "pt-BR")`
	if err == nil || len(problems) == 0 || problems[0].String() != want {
		t.Errorf("err = %v, problems = %v, want %s", err, problems, want)
	}
}

// TestCategoryIDTwice: two categories with one id, at any depth, would be
// one page: an error at the second, naming the line of the first.
func TestCategoryIDTwice(t *testing.T) {
	_, problems, err := buildArchive(t, `
-- categories.yaml --
- id: hygiene_and_wellness
  icon: hygiene_and_wellness
  name: {fr: Hygiène, en: Hygiene}
  children:
    - id: shower
      name: {fr: Douche, en: Shower}
- id: health
  icon: health
  name: {fr: Santé, en: Health}
  children:
    - id: shower
      name: {fr: Douche médicale, en: Medical shower}
`)
	want := `content/categories.yaml:11:11: id "shower" is already the id of the category at line 5: ids must be unique in the whole tree`
	if err == nil || len(problems) != 1 || problems[0].String() != want {
		t.Errorf("err = %v, problems = %v, want %s", err, problems, want)
	}
}
