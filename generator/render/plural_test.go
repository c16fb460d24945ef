package render

import (
	"fmt"
	"strings"
	"testing"
	"testing/fstest"
)

// TestCountsInPlural: counts of places take the plural form of their
// language: "1 lieu" in French (never "1 lieux"), the dual in Arabic.
func TestCountsInPlural(t *testing.T) {
	fsys := fstest.MapFS{
		"site.yaml": {Data: []byte("title: Guide\nlanguages: [fr, en, ar, ru]\ntimezone: Europe/Paris\ncountry: FR\nlicence: {name: ODbL-1.0}\n")},
		"categories.yaml": {Data: []byte("- id: hygiene_and_wellness\n  icon: hygiene_and_wellness\n  name: Hygiène\n  children: [{id: shower, name: Douche}]\n" +
			"- id: food\n  icon: food\n  name: Alimentation\n  children: [{id: meals, name: Repas}]\n")},
	}
	add := func(name, cat, city string) {
		fsys["listings/"+name+".yaml"] = &fstest.MapFile{Data: []byte("name: " + name + "\ncategories: [" + cat + "]\naddress: {city: " + city + "}\nupdated: 2026-11-01\n")}
	}
	add("douche-lyon", "shower", "Lyon") // Lyon: 1 place, 1 shower
	for i := range 2 {
		add(fmt.Sprintf("repas-paris-%d", i), "meals", "Paris") // Paris: 2 meals
	}
	out := renderAll(t, prepared(t, fsys))
	for _, c := range []struct{ page, want, not string }{
		{"fr/index.html", "Lyon</bdi></a> <small>1 lieu</small>", "1 lieux"},
		{"fr/index.html", "Paris</bdi></a> <small>2 lieux</small>", ""},
		{"fr/index.html", "Hygiène</span> <small>1 lieu</small>", ""},
		{"en/index.html", "Lyon</bdi></a> <small>1 place</small>", "1 places"},
		{"ar/index.html", "Lyon</bdi></a> <small>مكان واحد</small>", ""},
		{"ar/index.html", "Paris</bdi></a> <small>مكانان</small>", ""},
		{"ru/index.html", "Lyon</bdi></a> <small>1 место</small>", ""},
		{"ru/index.html", "Paris</bdi></a> <small>2 места</small>", ""},
	} {
		page, ok := out[c.page]
		if !ok {
			t.Fatalf("no page %s", c.page)
		}
		if !strings.Contains(page, c.want) {
			t.Errorf("%s: no %q", c.page, c.want)
		}
		if c.not != "" && strings.Contains(page, c.not) {
			t.Errorf("%s: %q", c.page, c.not)
		}
	}
}
