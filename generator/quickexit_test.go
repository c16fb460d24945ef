package generator

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const quickExitSite = `
-- site.yaml --
title: {fr: Guide, en: Guide}
languages: [fr, en]
timezone: Europe/Paris
country: FR
licence: {name: CC-BY-4.0, url: https://creativecommons.org/licenses/by/4.0/}
`

// TestQuickExitPerCategory: with pages: categories, the button is on the
// pages of the category asking for it, of its sub-categories and of their
// listings, and nowhere else; its address is escaped.
func TestQuickExitPerCategory(t *testing.T) {
	out, problems, err := buildArchive(t, quickExitSite+`quick_exit: {url: "https://meteo.example.org/?v=1&q=<b>", pages: categories}
-- categories.yaml --
- id: hygiene_and_wellness
  icon: hygiene_and_wellness
  name: {fr: Hygiène, en: Hygiene}
  quick_exit: true
  children:
    - id: shower
      name: {fr: Douche, en: Shower}
- id: food
  icon: food
  name: {fr: Alimentation, en: Food}
-- listings/lyon/repas.yaml --
name: Repas
categories: [food]
address: {city: Lyon}
updated: 2026-11-01
`)
	if err != nil {
		t.Fatalf("%v\n%v", err, problems)
	}
	const button = `<a class="quick-exit" href="https://meteo.example.org/?v=1&amp;q=%3cb%3e" rel="noreferrer">Leave this site</a>`
	for _, tt := range []struct {
		page string
		want bool
	}{
		{"en/categories/hygiene_and_wellness.html", true},
		{"en/categories/shower.html", true},
		{"en/places/halte.html", true},
		{"en/places/repas.html", false},
		{"en/categories/food.html", false},
		{"en/cities/lyon.html", false},
		{"en/index.html", false},
		{"index.html", false},
	} {
		page := readOut(t, out, tt.page)
		if got := strings.Contains(page, `class="quick-exit"`); got != tt.want || (got && !strings.Contains(page, button)) {
			t.Errorf("%s: quick exit %v, want %v as %s", tt.page, got, tt.want, button)
		}
	}
	if fr := readOut(t, out, "fr/places/halte.html"); !strings.Contains(fr, ">Quitter ce site</a>") {
		t.Errorf("fr/places/halte.html: the button is not in French")
	}
}

// TestQuickExitEverywhere: quick_exit: true puts the button, to the default
// neutral site, on every page of the site; without it no page has one.
func TestQuickExitEverywhere(t *testing.T) {
	for _, tt := range []struct {
		yaml string
		want bool
	}{{"quick_exit: true\n", true}, {"", false}} {
		out, problems, err := buildArchive(t, quickExitSite+tt.yaml)
		if err != nil {
			t.Fatalf("%v\n%v", err, problems)
		}
		n := 0
		err = filepath.WalkDir(out, func(path string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() || !strings.HasSuffix(path, ".html") {
				return err
			}
			data, err := os.ReadFile(path)
			if err != nil {
				return err
			}
			n++
			if got := strings.Contains(string(data), `<a class="quick-exit" href="https://www.wikipedia.org/" rel="noreferrer">`); got != tt.want {
				t.Errorf("%q: %s has the quick exit %v, want %v", tt.yaml, path, got, tt.want)
			}
			return nil
		})
		if err != nil || n < 10 {
			t.Fatalf("%d pages read: %v", n, err)
		}
	}
}
