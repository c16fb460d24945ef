package generator

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/abri-guide/abri/generator/theme"
)

// TestMachineFlagErrors: a wrong <lang>_mt flag is an error at its line and
// column, with the fix.
func TestMachineFlagErrors(t *testing.T) {
	listing := func(desc string) string {
		return `
-- listings/lyon/halte.yaml --
name: La Halte
description: ` + desc + `
categories: [shower]
address: {city: Lyon}
updated: 2026-11-01
`
	}
	tests := []struct{ name, desc, want string }{
		{"yes instead of true", `{fr: Douches, en: Showers, en_mt: yes}`,
			`content/listings/lyon/halte.yaml:2:48: description: en_mt: want true (machine-translated, not yet reviewed) or false (reviewed), not "yes"`},
		{"unknown language", `{fr: Douches, en: Showers, de_mt: true}`,
			`content/listings/lyon/halte.yaml:2:41: description: "de_mt": "de" is not a language of the guide (site.yaml languages: fr, en)`},
		{"typo in the language", `{fr: Douches, en: Showers, eb_mt: true}`,
			`content/listings/lyon/halte.yaml:2:41: description: "eb_mt": "eb" is not a language of the guide (site.yaml languages: fr, en) (did you mean "en"?)`},
		{"flag without its text", `{fr: Douches, en_mt: true}`,
			`content/listings/lyon/halte.yaml:2:28: description: "en_mt": there is no en text to flag: add en: ..., or remove en_mt`},
		{"source language", `{fr: Douches, fr_mt: true, en: Showers}`,
			`content/listings/lyon/halte.yaml:2:28: description: "fr_mt": fr is the source language, it cannot be machine-translated (remove the line)`},
		{"quoted true", `{fr: Douches, en: Showers, en_mt: "true"}`,
			`content/listings/lyon/halte.yaml:2:48: description: en_mt: want true (machine-translated, not yet reviewed) or false (reviewed), not "true"`},
		{"twice", `{fr: Douches, en: Showers, en_mt: true, en_mt: true}`,
			`content/listings/lyon/halte.yaml:2:54: description: "en_mt" is given twice`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, problems, err := buildArchive(t, listing(tt.desc))
			if !errors.Is(err, ErrInvalid) {
				t.Fatalf("Build error = %v, want ErrInvalid (problems %v)", err, problems)
			}
			if got := strings.Join(errorLines(problems), "\n"); got != tt.want {
				t.Errorf("errors:\n%s\nwant:\n%s", got, tt.want)
			}
		})
	}
}

// machineGuide flags English texts of every kind machine-translated.
const machineGuide = `
-- site.yaml --
title: {fr: Guide, en: Guide}
languages: [fr, en]
timezone: Europe/Paris
country: FR
licence: {name: CC-BY-4.0, url: https://creativecommons.org/licenses/by/4.0/}
notice: {text: {fr: Fermé le 25 décembre, en: Closed on 25 December, en_mt: true}}
-- categories.yaml --
- id: hygiene_and_wellness
  icon: hygiene_and_wellness
  name: {fr: Hygiène, en: Hygiene}
  children:
    - id: shower
      name: {fr: Douche, en: Shower bath, en_mt: true}
-- listings/lyon/halte.yaml --
name: La Halte
description: {fr: Café et douches chaudes, en: Coffee and hot showers, en_mt: true}
categories: [shower]
address: {street: 12 rue Pasteur, postal_code: "69007", city: Lyon}
hours:
  mo-fr: 09:00-12:00
access:
  wheelchair: false
  note: {fr: Venir avant dix heures, en: Come before ten, en_mt: false}
updated: 2026-11-01
`

// TestMachineMark: a machine translation is marked on the page, with the
// source text one tap away (lang and dir of the source language); a reviewed
// one is not; search and open data carry the text, without mark or flag.
func TestMachineMark(t *testing.T) {
	out, problems, err := buildArchive(t, machineGuide)
	if err != nil {
		t.Fatalf("%v\n%v", err, problems)
	}
	read := func(name string) string {
		data, err := os.ReadFile(filepath.Join(out, name))
		if err != nil {
			t.Fatal(err)
		}
		return string(data)
	}
	en := read("en/places/halte.html")
	for _, want := range []string{
		`<p class="desc">Coffee and hot showers <small class="nt">(machine translation)</small></p><details class="nt"><summary>original text</summary><p lang="fr" dir="ltr">Café et douches chaudes</p></details>`,
		`Shower bath <small class="nt">(machine translation)</small>`,
		// Off the home page the notice is one line: marked, its source on the home page.
		`Closed on 25 December <small class="nt">(machine translation)</small></span>`,
		`<p>Come before ten</p>`, // en_mt: false is reviewed
	} {
		if !strings.Contains(en, want) {
			t.Errorf("en/places/halte.html lacks %s", want)
		}
	}
	if home := read("en/index.html"); !strings.Contains(home, `Closed on 25 December <small class="nt">(machine translation)</small></p><details class="nt"><summary>original text</summary><p lang="fr" dir="ltr">Fermé le 25 décembre</p></details>`) {
		t.Errorf("en/index.html lacks the notice's source text one tap away")
	}
	if n := strings.Count(en, "machine translation"); n != 3 {
		t.Errorf("en/places/halte.html has %d machine translation marks, want 3 (description, category, notice)", n)
	}
	if fr := read("fr/places/halte.html"); strings.Contains(fr, "traduction automatique") || strings.Contains(fr, "<details") {
		t.Errorf("fr/places/halte.html marks the source text as a machine translation")
	}
	err = filepath.WalkDir(out, func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || strings.HasSuffix(path, ".html") || strings.HasSuffix(path, ".zip") || strings.HasSuffix(path, ".gz") {
			return err
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(out, path)
		for _, leak := range []string{"en_mt", "machine translation"} {
			if strings.Contains(string(data), leak) {
				t.Errorf("%s contains %q", rel, leak)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"data/places.csv", "data/places.geojson"} {
		if !strings.Contains(read(name), "Café et douches chaudes") {
			t.Errorf("%s lacks the description", name)
		}
	}
	var index []string
	filepath.WalkDir(out, func(path string, d os.DirEntry, err error) error {
		if err == nil && strings.Contains(path, "search") && !d.IsDir() {
			if data, _ := os.ReadFile(path); strings.Contains(string(data), "showers") {
				index = append(index, path)
			}
		}
		return nil
	})
	if len(index) == 0 {
		t.Error("no search file holds the English description's words")
	}
}

// TestHalfTranslatedLanguageWarns: interface strings missing or empty in a
// language other than the source are one warning for that language, and
// its pages show the source language's strings; a broken string stays an error.
func TestHalfTranslatedLanguageWarns(t *testing.T) {
	dir := t.TempDir()
	thDir := filepath.Join(dir, "theme")
	copyTree(t, "../themes/default", thDir)
	en := filepath.Join(thDir, "i18n", "en.yaml")
	data, err := os.ReadFile(en)
	if err != nil {
		t.Fatal(err)
	}
	// Empty every other plain string (address among them), drop closure:
	// and leave places_count's forms empty.
	lines := strings.Split(string(data), "\n")
	blanked := 0
	for i, line := range lines {
		key, _, ok := strings.Cut(line, ": ")
		switch {
		case !ok || strings.HasPrefix(line, " ") || strings.HasPrefix(line, "#") || key == "lang_name":
		case key == "closure":
			lines[i] = ""
			blanked++
		case key == "address" || i%2 == 0:
			lines[i] = key + `: ""`
			blanked++
		}
	}
	yaml := strings.Join(lines, "\n")
	yaml = strings.Replace(yaml, "  one: \"{n} place\"\n  other: \"{n} places\"", "  one: \"\"\n  other: \"\"", 1)
	blanked++
	os.WriteFile(en, []byte(yaml), 0o644)
	th, err := theme.Load(os.DirFS(thDir), thDir)
	if err != nil {
		t.Fatal(err)
	}
	writeTxtar(t, filepath.Join(dir, "content"), base)
	cfg := Config{Content: filepath.Join(dir, "content"), Theme: thDir, Out: filepath.Join(dir, "public"), Now: buildDate}
	_, problems, err := Build(context.Background(), cfg)
	if err != nil {
		t.Fatalf("Build error = %v, want a warning only\n%v", err, problems)
	}
	want := fmt.Sprintf("%s: warning: en: %d of %d interface strings not translated; readers see the fr text: run abri translate export --lang en --missing", en, blanked, len(th.Keys()))
	var got []string
	for _, p := range problems {
		if strings.Contains(p.Path, "i18n") {
			got = append(got, p.String())
		}
	}
	if len(got) != 1 || got[0] != want {
		t.Errorf("theme problems = %q\nwant %s", got, want)
	}
	page, err := os.ReadFile(filepath.Join(cfg.Out, "en", "places", "halte.html"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(page), "Adresse</h2>") || !strings.Contains(string(page), `lang="en"`) {
		t.Errorf("en/places/halte.html should show fr's Adresse for the empty address string")
	}
	home, _ := os.ReadFile(filepath.Join(cfg.Out, "en", "index.html"))
	if !strings.Contains(string(home), "1 lieu") {
		t.Errorf("en/index.html should count places with fr's plural forms")
	}

	// One form filled, the other empty: broken, an error.
	os.WriteFile(en, []byte(strings.Replace(yaml, "  one: \"\"\n", "  one: \"{n} place\"\n", 1)), 0o644)
	_, problems, err = Build(context.Background(), cfg)
	if !errors.Is(err, ErrInvalid) {
		t.Fatalf("Build error = %v, want ErrInvalid", err)
	}
	if got := strings.Join(errorLines(problems), "\n"); got != en+`: missing plural form "other" of "places_count" (en needs one, other)` {
		t.Errorf("errors = %s", got)
	}
}
