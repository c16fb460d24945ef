package render

import (
	"os"
	"testing"
	"testing/fstest"

	"github.com/abri-guide/abri/generator/content"
	"github.com/abri-guide/abri/generator/markdown"
	"github.com/abri-guide/abri/generator/theme"
)

// guide loads a small guide of two cities with the default theme.
func guide(t *testing.T) (*content.Guide, *theme.Theme) {
	t.Helper()
	return load(t, fstest.MapFS{
		"site.yaml": {Data: []byte("title: Guide\nlanguages: [fr, en]\ntimezone: Europe/Paris\ncountry: FR\nlicence: {name: ODbL-1.0}\n")},
		"categories.yaml": {Data: []byte("- id: hygiene_and_wellness\n  icon: hygiene_and_wellness\n  name: Hygiène\n" +
			"  children: [{id: shower, name: Douche}]\n")},
		"listings/a.yaml": {Data: []byte("name: A\ncategories: [shower]\naddress: {city: Lyon}\nupdated: 2026-11-01\n")},
		"listings/b.yaml": {Data: []byte("name: B\ncategories: [shower]\naddress: {city: Paris}\nupdated: 2026-11-01\n")},
	})
}

// load loads the guide in fsys with the default theme; it must have no errors.
func load(t *testing.T, fsys fstest.MapFS) (*content.Guide, *theme.Theme) {
	t.Helper()
	th, err := theme.Load(os.DirFS("../../themes/default"), "themes/default")
	if err != nil {
		t.Fatal(err)
	}
	g, problems := content.Load(fsys, content.Options{Root: "content", Icons: th.IconNames()})
	if problems.Errors() > 0 {
		t.Fatal(problems.Err())
	}
	return g, th
}

// prepared is the site of the guide in fsys, ready to render.
func prepared(t *testing.T, fsys fstest.MapFS) *Renderer {
	t.Helper()
	g, th := load(t, fsys)
	r, err := New(g, th, markdown.New(), Options{})
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// TestRefusesDuplicatePath: were two cities given one slug, or slugs that
// differ only in case, render stops with an error naming both rather than
// writing one page over the other.
func TestRefusesDuplicatePath(t *testing.T) {
	for _, slug := range []string{"lyon", "Lyon"} {
		g, th := guide(t)
		if len(g.Cities) != 2 || g.Cities[0].Name != "Lyon" {
			t.Fatalf("cities: %+v", g.Cities)
		}
		if _, err := New(g, th, markdown.New(), Options{}); err != nil {
			t.Fatalf("the guide as it is: %v", err)
		}
		g.Cities[1].Slug = slug
		_, err := New(g, th, markdown.New(), Options{})
		want := `internal error: the category-city page of "hygiene_and_wellness" in "Lyon" and the category-city page of "hygiene_and_wellness" in "Paris" would both be written to fr/categories/hygiene_and_wellness.` + slug + `.html`
		if err == nil || err.Error() != want {
			t.Errorf("slug %s: err = %v, want %s", slug, err, want)
		}
	}
}
