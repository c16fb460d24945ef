package render

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/abri-guide/abri/generator/theme"
)

// bigCity is a guide whose Lyon has 130 showers and 80 places for meals
// (210 places: its print edition is split), Paris 3 showers, Grenoble 30
// places with both (60 cards by category), and 4 showers with no town (a
// position only).
func bigCity(t *testing.T) *Renderer {
	t.Helper()
	fsys := fstest.MapFS{
		"site.yaml": {Data: []byte("title: Guide\nlanguages: [fr, en, ar]\ntimezone: Europe/Paris\ncountry: FR\nlicence: {name: ODbL-1.0}\nbase_url: https://guide.example.org/\n")},
		"categories.yaml": {Data: []byte("- id: hygiene_and_wellness\n  icon: hygiene_and_wellness\n  name: Hygiène\n  children: [{id: shower, name: Douche}]\n" +
			"- id: food\n  icon: food\n  name: Alimentation\n  children: [{id: meals, name: Repas}]\n")},
	}
	add := func(name, cat, where string) {
		fsys["listings/"+name+".yaml"] = &fstest.MapFile{Data: []byte("name: " + name + "\ncategories: [" + cat + "]\n" + where + "\nupdated: 2026-11-01\n")}
	}
	for i := range 130 {
		add(fmt.Sprintf("douche-%03d", i), "shower", "address: {city: Lyon}")
	}
	for i := range 80 {
		add(fmt.Sprintf("repas-%03d", i), "meals", "address: {city: Lyon}")
	}
	for i := range 3 {
		add(fmt.Sprintf("paris-%d", i), "shower", "address: {city: Paris}")
	}
	for i := range 30 {
		add(fmt.Sprintf("grenoble-%02d", i), "shower, meals", "address: {city: Grenoble}")
	}
	for i := range 4 {
		add(fmt.Sprintf("nulle-part-%d", i), "shower", fmt.Sprintf("geo: [45.%d, 4.8]", i))
	}
	return prepared(t, fsys)
}

// renderAll renders every page of r by its path.
func renderAll(t *testing.T, r *Renderer) map[string]string {
	t.Helper()
	out := map[string]string{}
	for _, j := range r.jobs {
		data, ok, err := r.File(j.path)
		if err != nil || !ok {
			t.Fatalf("%s: %v %v", j.path, ok, err)
		}
		out[j.path] = string(data)
	}
	return out
}

var (
	cardLink = regexp.MustCompile(`<li class="card">\s*<a href="\.\./\.\./fr/places/([a-z0-9-]+)\.html"`)
	relLink  = regexp.MustCompile(`<a rel="(prev|next)" href="([^"]+)"`)
)

// TestCategoryInCityPages: Lyon's 130 showers are on 3 pages of at most 50,
// each place once, linked by previous/next links that resolve, each page
// saying which it is and pointing its canonical and languages at itself.
func TestCategoryInCityPages(t *testing.T) {
	r := bigCity(t)
	files := renderAll(t, r)
	stem := "fr/categories/shower.lyon"
	want := []string{stem + ".html", stem + ".2.html", stem + ".3.html"}
	if _, ok := files[stem+".4.html"]; ok {
		t.Errorf("%s.4.html exists: 130 places take 3 pages", stem)
	}
	seen := map[string]bool{}
	for k, p := range want {
		page, ok := files[p]
		if !ok {
			t.Fatalf("no %s", p)
		}
		cards := cardLink.FindAllStringSubmatch(page, -1)
		if n := len(cards); n == 0 || n > PerPage {
			t.Errorf("%s lists %d places", p, n)
		}
		for _, c := range cards {
			if seen[c[1]] {
				t.Errorf("%s lists %s again", p, c[1])
			}
			seen[c[1]] = true
		}
		links := map[string]string{}
		for _, m := range relLink.FindAllStringSubmatch(page, -1) {
			target := path.Join(path.Dir(p), m[2])
			if _, ok := files[target]; !ok {
				t.Errorf("%s: rel=%s %s leads nowhere", p, m[1], m[2])
			}
			if links[m[1]] != "" && links[m[1]] != target {
				t.Errorf("%s: two rel=%s links", p, m[1])
			}
			links[m[1]] = target
		}
		var wantPrev, wantNext string
		if k > 0 {
			wantPrev = want[k-1]
		}
		if k < len(want)-1 {
			wantNext = want[k+1]
		}
		if links["prev"] != wantPrev || links["next"] != wantNext {
			t.Errorf("%s: prev %q next %q, want %q and %q", p, links["prev"], links["next"], wantPrev, wantNext)
		}
		if of := fmt.Sprintf("Page %d sur 3", k+1); !strings.Contains(page, of) {
			t.Errorf("%s does not say %q", p, of)
		}
		rest := strings.TrimPrefix(p, "fr/")
		if c := `<link rel="canonical" href="https://guide.example.org/fr/` + rest + `">`; !strings.Contains(page, c) {
			t.Errorf("%s lacks %s", p, c)
		}
		for _, l := range []string{"en", "ar"} {
			if h := `hreflang="` + l + `" href="https://guide.example.org/` + l + `/` + rest + `"`; !strings.Contains(page, h) {
				t.Errorf("%s lacks %s", p, h)
			}
			if _, ok := files[l+"/"+rest]; !ok {
				t.Errorf("no %s/%s", l, rest)
			}
		}
	}
	if len(seen) != 130 {
		t.Errorf("the pages of Lyon's showers list %d places, want 130", len(seen))
	}
	for _, l := range []string{"fr", "en", "ar"} {
		for _, p := range []string{"categories/shower.lyon.2.html", "print/lyon.food.html", "categories/shower.html"} {
			if loc := "<loc>https://guide.example.org/" + l + "/" + p + "</loc>"; !strings.Contains(files["sitemap.xml"], loc) {
				t.Errorf("sitemap.xml lacks %s", loc)
			}
		}
	}
	ar := files["ar/categories/shower.lyon.2.html"]
	if !strings.Contains(ar, `rel="prev"`) || !strings.Contains(ar, `rel="next"`) {
		t.Error("ar/categories/shower.lyon.2.html lacks its previous and next links")
	}
}

// TestNationalCategoryByCity: past 50 places a national category page
// lists its cities with counts, which add up to its places with those of
// no town, listed after; under 50 it also lists its places.
func TestNationalCategoryByCity(t *testing.T) {
	files := renderAll(t, bigCity(t))
	for _, p := range []string{"fr/categories/shower.html", "fr/categories/hygiene_and_wellness.html"} {
		page := files[p]
		counts := map[string]int{}
		sum := 0
		cat := strings.TrimSuffix(path.Base(p), ".html")
		links := regexp.MustCompile(`<li><a href="\.\./\.\./fr/categories/` + cat + `\.([a-z0-9-]+)\.html">(?:<bdi>)?[^<]*(?:</bdi>)?</a> <small>(\d+) lieux</small></li>`)
		for _, m := range links.FindAllStringSubmatch(page, -1) {
			n, _ := strconv.Atoi(m[2])
			counts[m[1]] = n
			sum += n
			if _, ok := files["fr/categories/"+cat+"."+m[1]+".html"]; !ok {
				t.Errorf("%s links to %s.%s.html, which does not exist", p, cat, m[1])
			}
		}
		if counts["lyon"] != 130 || counts["paris"] != 3 || counts["grenoble"] != 30 || len(counts) != 3 {
			t.Errorf("%s lists cities %v, want grenoble 30, lyon 130 and paris 3", p, counts)
		}
		elsewhere := len(cardLink.FindAllString(page, -1))
		if sum+elsewhere != 167 || elsewhere != 4 {
			t.Errorf("%s: cities count %d places and it lists %d with no town, want 163 and 4", p, sum, elsewhere)
		}
	}
	// A category of 80 places, in one city, lists its city, not its places.
	if n := len(cardLink.FindAllString(files["fr/categories/meals.html"], -1)); n != 0 {
		t.Errorf("fr/categories/meals.html lists %d places", n)
	}
	if !strings.Contains(files["fr/categories/meals.html"], `<a href="../../fr/categories/meals.lyon.html"><bdi>Lyon</bdi></a> <small>80 lieux</small>`) {
		t.Error("fr/categories/meals.html does not link to its 80 places in Lyon")
	}
	for p, page := range files {
		if n := len(cardLink.FindAllString(page, -1)); n > PerPage {
			t.Errorf("%s lists %d places, more than %d", p, n, PerPage)
		}
	}
	// Paris's 3 showers: its category page lists them, and only they have pages.
	if n := len(cardLink.FindAllString(files["fr/categories/shower.paris.html"], -1)); n != 3 {
		t.Errorf("fr/categories/shower.paris.html lists %d places, want 3", n)
	}
	if _, ok := files["fr/categories/meals.paris.html"]; ok {
		t.Error("fr/categories/meals.paris.html exists: Paris has no meals")
	}
}

// TestBigCityPage: a city of more than 50 places lists its categories with
// counts, linking to the category in the city, instead of every place.
func TestBigCityPage(t *testing.T) {
	files := renderAll(t, bigCity(t))
	page := files["fr/cities/lyon.html"]
	for _, want := range []string{
		`<a href="../../fr/categories/hygiene_and_wellness.lyon.html">`, `130 lieux`,
		`<a href="../../fr/categories/shower.lyon.html">Douche</a> <small>(130)</small>`,
		`<a href="../../fr/categories/food.lyon.html">`, `80 lieux`,
	} {
		if !strings.Contains(page, want) {
			t.Errorf("fr/cities/lyon.html lacks %s", want)
		}
	}
	if n := len(cardLink.FindAllString(page, -1)); n != 0 {
		t.Errorf("fr/cities/lyon.html lists %d places", n)
	}
	if n := len(cardLink.FindAllString(files["fr/cities/paris.html"], -1)); n != 3 {
		t.Errorf("fr/cities/paris.html lists %d places, want its 3", n)
	}
	// 30 places in two categories each: 60 cards by category are too many.
	grenoble := files["fr/cities/grenoble.html"]
	if n := len(cardLink.FindAllString(grenoble, -1)); n != 0 {
		t.Errorf("fr/cities/grenoble.html lists %d cards", n)
	}
	if !strings.Contains(grenoble, `<a href="../../fr/categories/meals.grenoble.html">Repas</a> <small>(30)</small>`) {
		t.Error("fr/cities/grenoble.html does not link to its meals")
	}
}

// TestPrintSplit: the print edition of a city of more than 200 places is an
// index of one edition per category, which together hold every place.
func TestPrintSplit(t *testing.T) {
	files := renderAll(t, bigCity(t))
	index := files["fr/print/lyon.html"]
	article := regexp.MustCompile(`<article class="pl">`)
	if n := len(article.FindAllString(index, -1)); n != 0 {
		t.Errorf("fr/print/lyon.html holds %d places, want an index", n)
	}
	for cat, n := range map[string]int{"hygiene_and_wellness": 130, "food": 80} {
		p := "fr/print/lyon." + cat + ".html"
		if !strings.Contains(index, `href="../../`+p+`"`) {
			t.Errorf("fr/print/lyon.html does not link to %s", p)
		}
		if got := len(article.FindAllString(files[p], -1)); got != n {
			t.Errorf("%s holds %d places, want %d", p, got, n)
		}
		if !strings.Contains(files[p], `class="print-foot"`) {
			t.Errorf("%s has no print footer", p)
		}
	}
	if n := len(article.FindAllString(files["fr/print/paris.html"], -1)); n != 3 {
		t.Errorf("fr/print/paris.html holds %d places, want 3", n)
	}
	if _, ok := files["fr/print/paris.hygiene_and_wellness.html"]; ok {
		t.Error("Paris's print edition is split, with 3 places")
	}
}

// TestKindsTable: kinds that show cards sit at depth 2, where cards' links
// are made for; every kind has its template in the theme.
func TestKindsTable(t *testing.T) {
	th, err := theme.Load(os.DirFS("../../themes/default"), "themes/default")
	if err != nil {
		t.Fatal(err)
	}
	for _, k := range kinds {
		if k.cards && k.root != "../../" {
			t.Errorf("kind %s shows cards at root %q", k.name, k.root)
		}
		if _, ok := th.Sources[k.template]; !ok {
			t.Errorf("kind %s: no template %s", k.name, k.template)
		}
	}
	r := bigCity(t)
	for _, j := range r.jobs {
		if j.tmpl != nil && kindOf[j.kind].name != j.kind {
			t.Errorf("%s: kind %q is not in the table", j.path, j.kind)
		}
		if (j.kind == "category-city" || j.kind == "print-category") && (j.city == nil || j.category == nil) {
			t.Errorf("%s: per-city page without its city and category", j.path)
		}
	}
}

// manyTowns is a guide of 230 towns of 1 to 3 places, in fr and en.
func manyTowns(t *testing.T) *Renderer {
	t.Helper()
	fsys := fstest.MapFS{
		"site.yaml":       {Data: []byte("title: Guide\nlanguages: [fr, en]\ntimezone: Europe/Paris\ncountry: FR\nlicence: {name: ODbL-1.0}\n")},
		"categories.yaml": {Data: []byte("- id: food\n  icon: food\n  name: Alimentation\n")},
	}
	for i := range 230 {
		for k := range 1 + i%3 {
			fsys[fmt.Sprintf("listings/l%03d-%d.yaml", i, k)] = &fstest.MapFile{Data: []byte(fmt.Sprintf("name: L\ncategories: [food]\naddress: {city: Ville %03d}\nupdated: 2026-11-01\n", i))}
		}
	}
	return prepared(t, fsys)
}

// TestCitiesIndex: a guide of 230 towns names its 24 biggest on the home
// page and lists every town on an index of two pages.
func TestCitiesIndex(t *testing.T) {
	r := manyTowns(t)
	files := renderAll(t, r)
	town := regexp.MustCompile(`href="\.\./fr/cities/(ville-\d+)\.html">(?:<bdi>)?Ville \d+(?:</bdi>)?</a> <small>(\d) lieux?<`)
	home := town.FindAllStringSubmatch(files["fr/index.html"], -1)
	if len(home) != bigCities {
		t.Errorf("fr/index.html names %d towns, want %d", len(home), bigCities)
	}
	for _, m := range home {
		if m[2] != "3" {
			t.Errorf("fr/index.html names %s, of %s places, not one of the biggest", m[1], m[2])
		}
	}
	if !strings.Contains(files["fr/index.html"], `<a href="../fr/cities.html">Toutes les villes (230)</a>`) {
		t.Error("fr/index.html does not link to the index of towns")
	}
	seen := map[string]bool{}
	for _, p := range []string{"fr/cities.html", "fr/cities.2.html"} {
		for _, m := range town.FindAllStringSubmatch(files[p], -1) {
			if seen[m[1]] {
				t.Errorf("%s lists %s again", p, m[1])
			}
			seen[m[1]] = true
		}
	}
	if len(seen) != 230 {
		t.Errorf("the index of towns lists %d towns, want 230", len(seen))
	}
	if !strings.Contains(files["fr/cities.html"], `<a rel="next" href="../fr/cities.2.html">`) || !strings.Contains(files["fr/cities.2.html"], `<a rel="prev" href="../fr/cities.html">`) {
		t.Error("the pages of the index of towns are not linked")
	}
	if !strings.Contains(files["fr/search.html"], `href="../fr/cities.html"`) {
		t.Error("fr/search.html does not link to the index of towns")
	}
}

// Past 50,000 addresses (a national guide), sitemap.xml is an index of
// sitemaps of at most that many, which together list every address once.
func TestSitemapIndex(t *testing.T) {
	locs := []string{"https://g.example/fr/a.html", "https://g.example/fr/b.html?x=1&y=2", "https://g.example/en/a.html", "https://g.example/en/b.html", "https://g.example/ar/a.html"}
	at := func(p string) string { return "https://g.example/" + p }
	one := sitemaps(locs[:2], at, 2)
	if len(one) != 1 || one[0].path != "sitemap.xml" || !strings.Contains(string(one[0].data), "<urlset") {
		t.Fatalf("2 addresses, at most 2: want one sitemap.xml urlset, got %d files", len(one))
	}
	files := sitemaps(locs, at, 2)
	if len(files) != 4 || files[0].path != "sitemap.xml" || !strings.Contains(string(files[0].data), "<sitemapindex") {
		t.Fatalf("5 addresses, at most 2: want an index and 3 sitemaps, got %d files", len(files))
	}
	seen := map[string]int{}
	for _, f := range files[1:] {
		if !strings.Contains(string(files[0].data), "<loc>https://g.example/"+f.path+"</loc>") {
			t.Errorf("the index does not list %s", f.path)
		}
		n := strings.Count(string(f.data), "<url>")
		if n > 2 {
			t.Errorf("%s holds %d addresses, more than 2", f.path, n)
		}
		for _, loc := range locs {
			if strings.Contains(string(f.data), "<loc>"+xmlEscape(loc)+"</loc>") {
				seen[loc]++
			}
		}
	}
	for _, loc := range locs {
		if seen[loc] != 1 {
			t.Errorf("%s is in %d sitemaps, want 1", loc, seen[loc])
		}
	}
}

// ledger is what publish would know of a site: every file of it, of the
// size given.
type ledger map[string]int64

func (l ledger) Size(p string) (int64, bool) { n, ok := l[p]; return n, ok }
func (l ledger) Each(fn func(string, int64, uint64)) {
	for p, n := range l {
		fn(p, n, 0)
	}
}

// Past 200 towns the offline copies page names the biggest towns' copies
// and links to the index of towns, which offers every town's copy with
// its size: the page stays small whatever the number of towns.
func TestOfflinePageAtScale(t *testing.T) {
	r := manyTowns(t)
	if err := r.Prepare(context.Background(), 2, true); err != nil {
		t.Fatal(err)
	}
	l := ledger{}
	for i, c := range r.Copies() {
		l[c.Path] = int64(1000 + i)
	}
	page := map[string]string{}
	var buf bytes.Buffer
	for i, f := range r.Files() {
		if f.Path == "fr/offline.html" || strings.HasPrefix(f.Path, "fr/cities.") {
			data, err := r.Bytes(i, l, &buf)
			if err != nil {
				t.Fatal(err)
			}
			page[f.Path] = string(data)
		}
	}
	zipLink := regexp.MustCompile(`<a href="\.\./(offline/[a-z0-9-]+-fr-ville-\d+\.zip)" download>`)
	if n := len(zipLink.FindAllString(page["fr/offline.html"], -1)); n != bigCities {
		t.Errorf("fr/offline.html offers %d towns' copies, want the %d biggest", n, bigCities)
	}
	if !strings.Contains(page["fr/offline.html"], `<a href="../fr/cities.html">`) {
		t.Error("fr/offline.html does not link to the index of towns")
	}
	offered := map[string]bool{}
	for _, p := range []string{"fr/cities.html", "fr/cities.2.html"} {
		for _, m := range zipLink.FindAllStringSubmatch(page[p], -1) {
			offered[m[1]] = true
		}
	}
	for _, c := range r.Copies() {
		if c.Lang == "fr" && c.City != nil && !offered[c.Path] {
			t.Errorf("the index of towns does not offer %s", c.Path)
		}
	}
	if len(offered) != 230 {
		t.Errorf("the index of towns offers %d copies, want 230", len(offered))
	}
}
