package render

import (
	"os"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/abri-guide/abri/generator/content"
	"github.com/abri-guide/abri/generator/markdown"
	"github.com/abri-guide/abri/generator/theme"
)

// nasty is text from content that would break out of its place if it were
// not escaped.
const nasty = `<script>alert(1)</script> "q" 'a' &amp;`

// reuseGuide has listings that share hours, audience, access, closures,
// languages, categories and dates, in two cities, with text that needs
// escaping in every shared part, in a left-to-right and a right-to-left
// language whose week starts on another day.
func reuseGuide(t *testing.T) *Renderer {
	t.Helper()
	th, err := theme.Load(os.DirFS("../../themes/default"), "themes/default")
	if err != nil {
		t.Fatal(err)
	}
	q := func(s string) string { return `"` + strings.ReplaceAll(s, `"`, `\"`) + `"` }
	shared := "categories: [shower, meals]\n" +
		"hours:\n  mo-fr: 09:00-12:00\n  sa: 10:00-12:00\n  tu[1]: 18:00-20:00\n  public_holidays: closed\n  note: {fr: " + q("h "+nasty) + "}\n" +
		"closures: [{start: 2026-12-24, end: 2027-01-02, note: {fr: " + q("c "+nasty) + "}}]\n" +
		"special_hours: [{start: 2026-12-01, end: 2026-12-20, hours: {mo: 10:00-11:00}, note: {fr: " + q("s "+nasty) + "}}]\n" +
		"audience: {welcome: preferential, gender: [women], age: {min: 18}, note: {fr: " + q("a "+nasty) + "}}\n" +
		"access: {appointment: " + q("r "+nasty) + ", price: {fr: " + q("p "+nasty) + "}, wheelchair: true}\n" +
		"languages: [fr, ar, lsf]\nupdated: 2026-01-02\n"
	fsys := fstest.MapFS{
		"site.yaml": {Data: []byte("title: {fr: Guide, fa: راهنما}\nlanguages: [fr, fa]\ntimezone: Europe/Paris\ncountry: FR\nlicence: {name: ODbL-1.0}\n")},
		"categories.yaml": {Data: []byte("- id: hygiene_and_wellness\n  icon: hygiene_and_wellness\n  name: Hygiène\n" +
			"  children: [{id: shower, name: " + q("Douche "+nasty) + "}]\n- id: food\n  icon: food\n  name: Manger\n  children: [{id: meals, name: Repas}]\n")},
		"listings/a.yaml": {Data: []byte("name: " + q("A "+nasty) + "\naddress: {street: " + q("1 rue "+nasty) + ", city: Lyon}\n" + shared)},
		"listings/b.yaml": {Data: []byte("name: B\naddress: {city: " + q("Paris "+nasty) + "}\n" + shared)},
		"listings/c.yaml": {Data: []byte("name: C\naddress: {city: Lyon}\n" + shared)},
		"listings/e.yaml": {Data: []byte("name: E\naddress: {city: Lyon}\ncategories: [meals]\nupdated: 2026-01-03\n")},
		"listings/d.yaml": {Data: []byte("name: D\naddress: {city: Lyon}\ncategories: [meals]\nupdated: 2026-11-01\nhours: {mo: 08:00-09:00}\n")},
	}
	g, problems := content.Load(fsys, content.Options{Root: "content", Icons: th.IconNames(), Now: time.Date(2026, 11, 27, 12, 0, 0, 0, time.UTC)})
	if problems.Errors() > 0 {
		t.Fatal(problems.Err())
	}
	r, err := New(g, th, markdown.New(), Options{Today: g.Today})
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// TestReuseRendersAsTemplates: a page made of shared pieces is byte for
// byte the page the templates make on their own, for every page of a guide
// whose listings share values but not cities, names or streets. Were a
// piece kept under a key that misses something it shows, a listing would
// show another's.
func TestReuseRendersAsTemplates(t *testing.T) {
	r := reuseGuide(t)
	if len(r.site.reuse.keys) == 0 {
		t.Fatal("no value is shared: the test tests nothing")
	}
	paths, err := r.Paths()
	if err != nil {
		t.Fatal(err)
	}
	shared := map[string][]byte{}
	for _, p := range paths {
		data, _, err := r.File(p)
		if err != nil {
			t.Fatal(err)
		}
		shared[p] = data
	}
	prepared := r.site.reuse
	pages := 0
	for _, p := range paths {
		if i, ok := r.byPath[p]; !ok || r.jobs[i].tmpl == nil {
			continue
		}
		// Nothing kept from other pages: each piece rendered for this one.
		r.site.reuse = &reuse{tmpl: prepared.tmpl, keys: map[part]string{}}
		alone, _, err := r.File(p)
		if err != nil {
			t.Fatal(err)
		}
		if string(alone) != string(shared[p]) {
			t.Errorf("%s differs when rendered with shared pieces:\n%s\nalone:\n%s", p, shared[p], alone)
		}
		pages++
	}
	if pages < 20 {
		t.Fatalf("only %d pages compared", pages)
	}
}

// TestReuseEscapes: text from content in the shared pieces of listing pages
// (category names, hours notes, closures, special hours, audience, access,
// city, street, name) is escaped like the rest of the page.
func TestReuseEscapes(t *testing.T) {
	r := reuseGuide(t)
	for _, lang := range []string{"fr", "fa"} {
		for _, id := range []string{"a", "b", "c"} {
			page, _, err := r.File(lang + "/places/" + id + ".html")
			if err != nil {
				t.Fatal(err)
			}
			if strings.Contains(string(page), "<script>alert") {
				t.Errorf("%s/places/%s.html has content's <script> unescaped", lang, id)
			}
			for _, prefix := range []string{"h ", "c ", "s ", "a ", "r ", "p ", "Douche "} {
				if want := prefix + "&lt;script&gt;alert(1)&lt;/script&gt;"; !strings.Contains(string(page), want) {
					t.Errorf("%s/places/%s.html lacks %q", lang, id, want)
				}
			}
		}
	}
}
