package translate

import (
	"io/fs"
	"reflect"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/abri-guide/abri/generator/content"
	"github.com/abri-guide/abri/generator/theme"
)

// A new translatable field of the model (of type Text, Words, Condition
// or Price) must be catalogued, else translators never see it.
func TestEveryTextIsCatalogued(t *testing.T) {
	seen := map[reflect.Type]bool{}
	var found []string
	var visit func(t reflect.Type)
	visit = func(t reflect.Type) {
		for t.Kind() == reflect.Pointer || t.Kind() == reflect.Slice || t.Kind() == reflect.Map {
			t = t.Elem()
		}
		if t.Kind() != reflect.Struct || seen[t] || textual[t] {
			return
		}
		seen[t] = true
		for i := 0; i < t.NumField(); i++ {
			f := t.Field(i)
			if !f.IsExported() || f.Name == "Parent" {
				continue
			}
			if textual[f.Type] {
				found = append(found, fieldID(t, f))
				continue
			}
			visit(f.Type)
		}
	}
	for _, root := range []reflect.Type{reflect.TypeFor[content.Site](), reflect.TypeFor[content.Category](), reflect.TypeFor[content.Listing]()} {
		visit(root)
	}
	for _, id := range found {
		if _, ok := fields[id]; !ok {
			t.Errorf("%s holds a translatable text that abri translate export leaves out: add it to fields (generator/translate/fields.go), and walk it if its YAML is not a plain field", id)
		}
	}
	for id := range fields {
		if !slices.Contains(found, id) && !strings.HasPrefix(id, "Page.") {
			t.Errorf("fields names %s, which the model does not have (or not as a text)", id)
		}
	}
	if len(found) < 15 {
		t.Errorf("found only %d text fields in the model: %v", len(found), found)
	}
}

// modelTexts lists the source texts of every text field of the loaded
// guide, by walking its values (not its YAML): what the catalogue must hold.
func modelTexts(g *content.Guide, source string) []string {
	var texts []string
	var visit func(v reflect.Value)
	visit = func(v reflect.Value) {
		switch v.Kind() {
		case reflect.Pointer, reflect.Interface:
			if !v.IsNil() {
				visit(v.Elem())
			}
		case reflect.Slice, reflect.Array:
			for i := 0; i < v.Len(); i++ {
				visit(v.Index(i))
			}
		case reflect.Struct:
			switch x := v.Interface().(type) {
			case content.Condition:
				visit(reflect.ValueOf(x.How))
				return
			case content.Price:
				visit(reflect.ValueOf(x.Text))
				return
			case content.CategoryRef, content.Date:
				return
			}
			for i := 0; i < v.NumField(); i++ {
				if v.Type().Field(i).IsExported() && v.Type().Field(i).Name != "Parent" {
					visit(v.Field(i))
				}
			}
		case reflect.Map:
			switch x := v.Interface().(type) {
			case content.Text:
				if s := x[source]; s != "" {
					texts = append(texts, s)
				}
			case content.Words:
				if len(x[source]) > 0 {
					texts = append(texts, strings.Join(x[source], ", "))
				}
			}
		}
	}
	visit(reflect.ValueOf(g.Site))
	visit(reflect.ValueOf(g.Categories))
	visit(reflect.ValueOf(g.Listings))
	return texts
}

func TestDemoCatalog(t *testing.T) {
	src := demoSource(t)
	units, err := Catalog(src, "uk")
	if err != nil {
		t.Fatal(err)
	}
	keys := map[string]bool{}
	sources := map[string]bool{}
	for _, u := range units {
		if keys[u.Key] {
			t.Errorf("key %s is given twice", u.Key)
		}
		keys[u.Key] = true
		sources[u.Source] = true
		file := KeyFile(u.Key, "fr")
		fsys := src.Content
		if strings.HasPrefix(u.Key, "i18n#") {
			fsys = themeFS
		}
		if _, err := fs.Stat(fsys, file); err != nil {
			t.Errorf("%s: its file %s does not exist", u.Key, file)
		}
		if u.Context == "" {
			t.Errorf("%s: no context for the translator", u.Key)
		}
	}
	want := modelTexts(src.Guide, "fr")
	for _, s := range want {
		if !sources[s] {
			t.Errorf("the guide's text %q is in no unit", s)
		}
	}
	count := kindCount(units)
	if got := count["site.yaml"] + count["categories.yaml"] + count["listings"]; got != len(want) {
		t.Errorf("%d units of site.yaml, categories.yaml and listings, want one per text of the guide: %d", got, len(want))
	}
	if want := 2 * len(src.Guide.ByID); count["categories.yaml"] != want {
		t.Errorf("%d units of categories.yaml, want a name and synonyms for each of the %d categories", count["categories.yaml"], len(src.Guide.ByID))
	}
	if want := 2 * len(src.Guide.Pages); count["pages"] != want {
		t.Errorf("%d units of pages, want a title and a body for each of %d pages", count["pages"], len(src.Guide.Pages))
	}
	plain, plural := 0, 0
	for k := range src.Theme.Strings["fr"] {
		switch {
		case strings.HasSuffix(k, ".other"):
			plural++
		case !strings.Contains(k, "."):
			plain++
		}
	}
	if want := plain + plural*len(theme.Forms("uk")); count["i18n"] != want {
		t.Errorf("%d interface strings, want %d (%d strings and %d with a count, in 4 forms)", count["i18n"], want, plain, plural)
	}
	t.Logf("uk: %v", count)
	for _, lang := range []string{"en", "ar"} {
		other, err := Catalog(src, lang)
		if err != nil {
			t.Fatal(err)
		}
		n := 0
		for _, u := range other {
			if !strings.Contains(u.Key, "_count") && !strings.HasPrefix(u.Key, "i18n#") {
				n++
			}
		}
		if m := len(units) - count["i18n"]; n != m {
			t.Errorf("%s: %d units of the guide, uk has %d: the guide's texts do not depend on the target language", lang, n, m)
		}
	}
}

// txtarFS reads a txtar archive ("-- name --" lines, each followed by the
// file's content) as a file system.
func txtarFS(archive string) fstest.MapFS {
	fsys := fstest.MapFS{}
	var name string
	var body strings.Builder
	flush := func() {
		if name != "" {
			fsys[name] = &fstest.MapFile{Data: []byte(body.String())}
		}
	}
	for _, line := range strings.SplitAfter(archive, "\n") {
		if tr := strings.TrimSpace(line); strings.HasPrefix(tr, "-- ") && strings.HasSuffix(tr, " --") {
			flush()
			name, body = strings.TrimSpace(tr[3:len(tr)-3]), strings.Builder{}
			continue
		}
		body.WriteString(line)
	}
	flush()
	return fsys
}

// A guide written to break the catalogue: plain strings and maps of
// languages, block and flow styles, services, nested categories, a page
// not yet translated, a text in one language only, not the source's.
const breakingGuide = `
-- site.yaml --
title: Guide de test
languages: [fr, en, uk]
timezone: Europe/Paris
country: FR
licence: {name: ODbL-1.0}
notice:
  - text: {fr: "Premier avis", uk: Перше}
  - text: Deuxième avis
-- categories.yaml --
- id: health
  icon: health
  name: Santé
  synonyms: {fr: [soins, médecin], en: "care, doctor"}
  children:
    - id: dental
      name: {fr: Dentiste, en: Dentist}
      children:
        - id: dentures
          name:
            fr: Prothèses
            uk: Протези
            uk_mt: true
-- listings/lyon/a.yaml --
name: Cabinet «A»
description: Un texte simple
categories: [dental, dentures]
geo: [45.75, 4.85]
hours: {mo-fr: 09:00-12:00, note: {en: Only in English}}
access:
  appointment: true
  referral: {fr: "Sur orientation", en: On referral}
  price: free
services:
  - category: dentures
    note: {fr: Note du service, uk: Примітка}
    hours:
      tu: 10:00-11:00
      note: Le mardi
  - category: dental
    access: {price: "5 €"}
closures:
  - {start: 2026-12-24, end: 2026-12-26, note: Noël}
updated: 2026-11-01
-- listings/lyon/b.yaml --
name: B
categories: [health]
geo: [45.76, 4.86]
description: >-
  Plié
  sur deux lignes
message: {text: {fr: Attention, en: Careful}}
audience:
  note: |
    Littéral
    sur deux lignes
updated: 2026-11-01
-- pages/about.fr.md --
---
title: À propos
---
Bonjour.
-- pages/about.en.md --
---
title: About
---
Hello.
-- pages/help.fr.md --
---
title: Aide
---
Aidez-nous.
-- pages/help.uk.md --
---
title: Допомога
---
Допоможіть.
`

func TestCatalogOfABreakingGuide(t *testing.T) {
	fsys := txtarFS(breakingGuide)
	fsys[SumsFile] = &fstest.MapFile{Data: []byte("uk site.yaml#notice[0].text " + Digest("Ancien avis") + "\n")}
	g, problems := content.Load(fsys, content.Options{Root: "content", Now: time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC)})
	if g == nil {
		t.Fatal("site.yaml does not load")
	}
	for _, p := range problems {
		// uk_mt is the machine-translation flag, which content accepts once trflag is merged.
		if p.Severity == content.Error && !strings.Contains(p.String(), `"uk_mt"`) {
			t.Errorf("the guide does not load: %v", p)
		}
	}
	units, err := Catalog(Source{Content: fsys, Guide: g}, "uk")
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]Unit{}
	var order []string
	for _, u := range units {
		got[u.Key] = u
		order = append(order, u.Key)
	}
	want := []Unit{
		{Key: "site.yaml#title", Source: "Guide de test"},
		{Key: "site.yaml#notice[0].text", Source: "Premier avis", Translation: "Перше", Outdated: true},
		{Key: "site.yaml#notice[1].text", Source: "Deuxième avis"},
		{Key: "categories.yaml#health.name", Source: "Santé"},
		{Key: "categories.yaml#health.synonyms", Source: "soins, médecin"},
		{Key: "categories.yaml#dental.name", Source: "Dentiste"},
		{Key: "categories.yaml#dentures.name", Source: "Prothèses", Translation: "Протези", Machine: true},
		{Key: "pages/about.md#title", Source: "À propos"},
		{Key: "pages/about.md#body", Source: "Bonjour.\n"},
		{Key: "pages/help.md#title", Source: "Aide", Translation: "Допомога"},
		{Key: "pages/help.md#body", Source: "Aidez-nous.\n", Translation: "Допоможіть.\n"},
		{Key: "listings/lyon/a.yaml#description", Source: "Un texte simple"},
		{Key: "listings/lyon/a.yaml#hours.note", Source: "Only in English"},
		{Key: "listings/lyon/a.yaml#access.referral", Source: "Sur orientation"},
		{Key: "listings/lyon/a.yaml#services[0].note", Source: "Note du service", Translation: "Примітка"},
		{Key: "listings/lyon/a.yaml#services[0].hours.note", Source: "Le mardi"},
		{Key: "listings/lyon/a.yaml#services[1].access.price", Source: "5 €"},
		{Key: "listings/lyon/a.yaml#closures[0].note", Source: "Noël"},
		{Key: "listings/lyon/b.yaml#description", Source: "Plié sur deux lignes"},
		{Key: "listings/lyon/b.yaml#message.text", Source: "Attention"},
		{Key: "listings/lyon/b.yaml#audience.note", Source: "Littéral\nsur deux lignes"},
	}
	var wantOrder []string
	for _, w := range want {
		wantOrder = append(wantOrder, w.Key)
		u, ok := got[w.Key]
		if !ok {
			t.Errorf("no unit %s", w.Key)
			continue
		}
		u.Context = ""
		if u != w {
			t.Errorf("%s:\n got %+v\nwant %+v", w.Key, u, w)
		}
	}
	if !slices.Equal(order, wantOrder) {
		t.Errorf("units in the order\n%s\nwant\n%s", strings.Join(order, "\n"), strings.Join(wantOrder, "\n"))
	}
	for key, want := range map[string]string{
		"listings/lyon/a.yaml#hours.note":               "has no fr version: the source shown is in en",
		"listings/lyon/a.yaml#services[0].hours.note":   "of the service «Prothèses» of the place «Cabinet «A»» (Dentiste · Prothèses)",
		"categories.yaml#dentures.name":                 "«Prothèses» (under «Dentiste»)",
		"pages/about.md#title":                          "pages/about.uk.md does not exist yet",
		"listings/lyon/a.yaml#closures[0].note":         "(from 2026-12-24 to 2026-12-26)",
		"listings/lyon/a.yaml#services[1].access.price": "price of the service «Dentiste»",
	} {
		if !strings.Contains(got[key].Context, want) {
			t.Errorf("%s: context %q does not say %q", key, got[key].Context, want)
		}
	}
}
