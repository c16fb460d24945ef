package content

import (
	"strings"
	"testing"
	"testing/fstest"
	"time"
)

// TestQuickExitForms: true leaves for the default neutral site, a map
// names its own, pages: categories keeps it to the categories asking.
func TestQuickExitForms(t *testing.T) {
	for _, c := range []struct {
		yaml, url string
		on        bool
	}{
		{"", DefaultQuickExit, false},
		{"quick_exit: true", DefaultQuickExit, true},
		{"quick_exit: false", DefaultQuickExit, false},
		{"quick_exit: {url: https://meteo.example.org/}", "https://meteo.example.org/", true},
		{"quick_exit: {url: https://meteo.example.org/, pages: categories}", "https://meteo.example.org/", false},
		{"quick_exit: {pages: all}", DefaultQuickExit, true},
	} {
		g, ps := loadRepo(t, c.yaml+"\n")
		if ps.Errors() != 0 {
			t.Errorf("%s: %v", c.yaml, ps)
			continue
		}
		if q := g.Site.QuickExit; q.On != c.on || q.Address() != c.url {
			t.Errorf("%s: on %v, leaves for %s; want %v, %s", c.yaml, q.On, q.Address(), c.on, c.url)
		}
	}
}

// TestQuickExitErrors: a wrong value is an error at its position that says
// what to write.
func TestQuickExitErrors(t *testing.T) {
	for _, c := range []struct{ yaml, want string }{
		{"quick_exit: yes please", `content/site.yaml:6:13: quick_exit: "yes please" is not a quick exit: want true, or {url: https://…}`},
		{"quick_exit: {url: meteo.fr}", `content/site.yaml:6:19: quick_exit.url: "meteo.fr" is not a web address`},
		{"quick_exit: {url: https://meteo.fr, pages: categorie}", `content/site.yaml:6:44: quick_exit.pages: "categorie" is not one of all, categories (did you mean "categories"?)`},
		{"quick_exit: {adress: https://meteo.fr}", `content/site.yaml:6:14: quick_exit: unknown field "adress"`},
		{"quick_exit: [https://meteo.fr]", `content/site.yaml:6:13: quick_exit: a list is not a quick exit`},
	} {
		_, ps := loadRepo(t, c.yaml+"\n")
		if ps.Errors() != 1 || !strings.HasPrefix(ps[0].String(), c.want) {
			t.Errorf("%s:\n got %v\nwant %s", c.yaml, ps, c.want)
		}
	}
}

// TestCategoryQuickExit: a category's quick_exit holds for its
// sub-categories; a value that is not true or false is an error at its place.
func TestCategoryQuickExit(t *testing.T) {
	cats := strings.Replace(categories, "  synonyms:", "  quick_exit: true\n  synonyms:", 1)
	fsys := fstest.MapFS{
		"site.yaml":                   {Data: []byte(site)},
		"categories.yaml":             {Data: []byte(cats)},
		"listings/lyon/la-halte.yaml": {Data: []byte("name: La Halte\ncategories: [meals]\naddress: {city: Lyon}\nupdated: 2026-11-01\n")},
	}
	opts := Options{Root: "content", Now: time.Date(2026, 11, 27, 12, 0, 0, 0, time.UTC), Icons: []string{"food"}}
	g, ps := Load(fsys, opts)
	if ps.Errors() != 0 {
		t.Fatal(ps)
	}
	meals := g.Categories[0].Children[0]
	if !g.Categories[0].HasQuickExit() || !meals.HasQuickExit() {
		t.Errorf("quick_exit on food: food %v, meals %v; want both true", g.Categories[0].HasQuickExit(), meals.HasQuickExit())
	}
	fsys["categories.yaml"] = &fstest.MapFile{Data: []byte(strings.Replace(categories, "  synonyms:", "  quick_exit: oui\n  synonyms:", 1))}
	_, ps = Load(fsys, opts)
	if want := `content/categories.yaml:4:15: quick_exit: "oui" is not true or false`; ps.Errors() != 1 || !strings.HasPrefix(ps[0].String(), want) {
		t.Errorf("quick_exit: oui\n got %v\nwant %s…", ps, want)
	}
}
