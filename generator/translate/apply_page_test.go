package translate

import (
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

const pageGuide = `
-- site.yaml --
languages: [fr, uk]
title: Guide
-- pages/about.fr.md --
---
title: À propos   # the menu's name
menu: 1
---
# À propos

Bonjour.
-- pages/legal.fr.md --
---
title: "Mentions légales"
---
Texte.
-- pages/legal.uk.md --
---
title: "Старе"
menu: 3
---
Старий текст.
`

func TestApplyPages(t *testing.T) {
	dir := writeTxtar(t, pageGuide)
	units := []Unit{
		{Key: "pages/about.md#title", Source: "À propos", Translation: "Про нас: путівник"},
		{Key: "pages/about.md#body", Source: "# À propos\n\nBonjour.\n", Translation: "# Про нас\n\nВітаємо.\n", Machine: true},
		{Key: "pages/legal.md#title", Source: "Mentions légales", Translation: "Правова інформація"},
	}
	rep, err := Apply("uk", units, Folders{Content: dir}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if got, want := readFile(t, filepath.Join(dir, "pages/about.uk.md")), "---\ntitle: \"Про нас: путівник\"   # the menu's name\nmenu: 1\n---\n# Про нас\n\nВітаємо.\n"; got != want {
		t.Errorf("new page:\n%q\nwant\n%q", got, want)
	}
	if got, want := readFile(t, filepath.Join(dir, "pages/legal.uk.md")), "---\ntitle: \"Правова інформація\"\nmenu: 3\n---\nСтарий текст.\n"; got != want {
		t.Errorf("title only:\n%q\nwant\n%q", got, want)
	}
	if !slices.Equal(rep.Reviewed, []string{"pages/about.md#body"}) || len(rep.Applied) != 3 {
		t.Errorf("report %+v", rep)
	}
}

func TestApplyPageCRLFBody(t *testing.T) {
	dir := writeTxtar(t, "-- site.yaml --\n"+site)
	writeFile(t, filepath.Join(dir, "pages/a.fr.md"), "---\r\ntitle: A\r\n---\r\nUn\r\n")
	writeFile(t, filepath.Join(dir, "pages/a.uk.md"), "---\r\ntitle: А\r\n---\r\nОдин\r\n")
	rep, err := Apply("uk", []Unit{{Key: "pages/a.md#body", Source: "Un\n", Translation: "Один\n"}, {Key: "pages/a.md#title", Source: "A", Translation: "А"}}, Folders{Content: dir}, Options{})
	if err != nil || len(rep.Files) != 0 || len(rep.Unchanged) != 2 {
		t.Fatalf("same page: %v, %+v", err, rep)
	}
	rep, err = Apply("uk", []Unit{{Key: "pages/a.md#body", Source: "Un\n", Translation: "Один\nДва\n"}}, Folders{Content: dir}, Options{})
	if got := readFile(t, filepath.Join(dir, "pages/a.uk.md")); err != nil || got != "---\r\ntitle: А\r\n---\r\nОдин\r\nДва\r\n" {
		t.Errorf("got %q, %v, %+v", got, err, rep)
	}
}

func TestApplyPageTitleWithoutBody(t *testing.T) {
	dir := writeTxtar(t, pageGuide)
	rep, err := Apply("uk", []Unit{{Key: "pages/about.md#title", Source: "À propos", Translation: "Про нас"}}, Folders{Content: dir}, Options{})
	if err != nil || len(rep.Skipped) != 1 || !strings.Contains(rep.Skipped[0].Why, "does not exist yet") || len(rep.Files) != 0 {
		t.Errorf("%v, %+v", err, rep)
	}
}

const themeGuide = `
-- content/site.yaml --
languages: [fr, uk]
title: Guide
-- theme/i18n/fr.yaml --
lang_name: "Français"
open_now: "Ouvert"
places_count:
  one: "{n} lieu"
  other: "{n} lieux"
days_old:
  one: "{days} jour"
  other: "{days} jours"
-- theme/i18n/uk.yaml --
# Ukrainian
lang_name: "Українська"
open_now: "Відчинено"
places_count:
  one: "{n} місце"
  other: "{n} місця"
`

func TestApplyTheme(t *testing.T) {
	dir := writeTxtar(t, themeGuide)
	dirs := Folders{Content: filepath.Join(dir, "content"), Theme: filepath.Join(dir, "theme")}
	units := []Unit{
		{Key: "i18n#open_now", Source: "Ouvert", Translation: "Відчинено зараз", Machine: true},
		{Key: "i18n#places_count.few", Source: "{n} lieux", Translation: "{n} місця"},
		{Key: "i18n#places_count.many", Source: "{n} lieux", Translation: "{n} місць"},
		{Key: "i18n#days_old.one", Source: "{days} jour", Translation: "{days} день"},
		{Key: "i18n#days_old.few", Source: "{days} jours", Translation: "{days} дні"},
		{Key: "i18n#lang_name", Source: "Français", Translation: "Українська"},
	}
	rep, err := Apply("uk", units, dirs, Options{})
	if err != nil {
		t.Fatal(err)
	}
	want := "# Ukrainian\nlang_name: \"Українська\"\nopen_now: \"Відчинено зараз\"\nplaces_count:\n  one: \"{n} місце\"\n  other: \"{n} місця\"\n  few: \"{n} місця\"\n  many: \"{n} місць\"\ndays_old:\n  one: \"{days} день\"\n  few: \"{days} дні\"\n"
	if got := readFile(t, filepath.Join(dir, "theme/i18n/uk.yaml")); got != want {
		t.Errorf("got\n%s\nwant\n%s\nreport %+v", got, want, rep)
	}
	if len(rep.Applied) != 5 || len(rep.Unchanged) != 1 || !slices.Equal(rep.Reviewed, []string{"i18n#open_now"}) {
		t.Errorf("report %+v", rep)
	}
	rep, err = Apply("uk", []Unit{{Key: "i18n#gone", Source: "X", Translation: "Y"}, {Key: "i18n#places_count", Source: "X", Translation: "Y"}}, dirs, Options{})
	if err != nil || len(rep.Refused) != 2 {
		t.Errorf("unknown strings: %v, %+v", err, rep)
	}
}

func TestApplyBuiltInThemeSkipsStrings(t *testing.T) {
	dir := writeTxtar(t, themeGuide+"-- content/listings/a.yaml --\ndescription: {fr: Texte}\n")
	rep, err := Apply("uk", []Unit{
		{Key: "i18n#open_now", Source: "Ouvert", Translation: "Відчинено"},
		{Key: "listings/a.yaml#description", Source: "Texte", Translation: "Текст"},
	}, Folders{Content: filepath.Join(dir, "content")}, Options{})
	if err != nil || len(rep.Skipped) != 1 || !strings.Contains(rep.Skipped[0].Why, "--theme") || len(rep.Applied) != 1 {
		t.Errorf("%v, %+v", err, rep)
	}
	if got := readFile(t, filepath.Join(dir, "content/listings/a.yaml")); got != "description: {fr: Texte, uk: Текст}\n" {
		t.Errorf("got %q", got)
	}
}
