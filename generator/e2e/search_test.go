package e2e

import (
	"encoding/json"
	"fmt"
	"math"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	cdpbrowser "github.com/chromedp/cdproto/browser"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"

	"github.com/abri-guide/abri/generator/content"
	"github.com/abri-guide/abri/generator/internal/guidegen"
	"github.com/abri-guide/abri/generator/search"
	"github.com/abri-guide/abri/generator/theme"
)

// searchQuery is a case of generator/search/testdata/queries.json, the
// queries that generator/search also runs under Node.
type searchQuery struct {
	Lang string `json:"lang"`
	Text string `json:"text"`
	Want string `json:"want"`
	Why  string `json:"why"`
}

func searchQueries(t *testing.T) []searchQuery {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(repoRoot, "generator", "search", "testdata", "queries.json"))
	if err != nil {
		t.Fatal(err)
	}
	var qs []searchQuery
	if err := json.Unmarshal(b, &qs); err != nil {
		t.Fatal(err)
	}
	return qs
}

// searchResult is a result as the search page shows it.
type searchResult struct {
	ID   string  `json:"id"`   // the listing's id, from its link
	Href string  `json:"href"` // the link, resolved by the browser
	Dist float64 `json:"dist"` // metres; -1 when no distance is shown
	Text string  `json:"text"` // what the item says
}

// searchPage is the state of the search page after a search.
type searchPage struct {
	Status  string         `json:"status"` // the live region's text
	Results []searchResult `json:"results"`
	Search  string         `json:"search"` // location.search
}

// searched waits for the search page in the tab to finish a search
// (#results aria-busy="false") and reads it.
func searched(tb *tab) (searchPage, error) {
	if !tb.waitFor(`document.getElementById("results").getAttribute("aria-busy") === "false"`) {
		status, _ := eval[string](tb, `document.getElementById("search-status").textContent`)
		return searchPage{}, fmt.Errorf("no search finished before the test's deadline (status: %q)", status)
	}
	return eval[searchPage](tb, `({
		status: document.getElementById("search-status").textContent,
		search: location.search,
		results: [...document.querySelectorAll("#results > li")].map(li => {
			const a = li.querySelector("a");
			return {id: a.href.replace(/^.*\//, "").replace(/\.html$/, ""), href: a.href,
				dist: li.hasAttribute("data-dist") ? +li.getAttribute("data-dist") : -1, text: li.textContent};
		}),
	})`)
}

// ids returns the ids of results.
func ids(rs []searchResult) []string {
	var out []string
	for _, r := range rs {
		out = append(out, r.ID)
	}
	return out
}

// TestSearchQueries opens the search page with each query of the shared
// table, over HTTP and from the disk: the listing the query names or
// describes must be in the first three results, in every language of the
// demo guide, accented, unaccented or misspelt, Arabic with and without
// diacritics; the page must load without an error, and each result must
// link to its listing's page.
func TestSearchQueries(t *testing.T) {
	t.Parallel()
	qs := searchQueries(t)
	for _, where := range []struct{ name, origin string }{
		{"http", demo.URL},
		{"file", strings.TrimSuffix(fileURL(demo.Dir, ""), "/")},
	} {
		t.Run(where.name, func(t *testing.T) {
			tb := newTab(t, "")
			for _, q := range qs {
				page := "/" + q.Lang + "/search.html?q=" + url.QueryEscape(q.Text)
				v, err := tb.open(where.origin + page)
				if err != nil {
					t.Fatal(err)
				}
				p, err := searched(tb)
				if err != nil {
					t.Errorf("%s: %v", page, err)
					continue
				}
				for _, f := range loadFindings(tb.rec.visit(v.URL), where.origin, 200) {
					t.Errorf("%s: %s", page, f)
				}
				got := ids(p.Results)
				if !slices.Contains(got[:min(3, len(got))], q.Want) {
					t.Errorf("%s (%s): %s is not in the first three of %v", page, q.Why, q.Want, got)
				}
				for _, r := range p.Results {
					if want := where.origin + "/" + q.Lang + "/places/" + r.ID + ".html"; r.Href != want {
						t.Errorf("%s: a result links to %s, want %s", page, r.Href, want)
					}
				}
			}
			t.Logf("%d queries over %s", len(qs), where.name)
		})
	}
}

// demoGuide loads the demo guide's content, for the expected results.
func demoGuide(t *testing.T) *content.Guide {
	t.Helper()
	g, ps := content.Load(os.DirFS(filepath.Join(repoRoot, "content")), content.Options{Root: "content", Now: buildTime})
	if ps.Errors() > 0 {
		t.Fatal(ps)
	}
	return g
}

// filedUnder says whether l is in the category id or one of its descendants.
func filedUnder(g *content.Guide, l *content.Listing, id string) bool {
	refs := slices.Clone(l.Categories)
	for _, s := range l.Services {
		refs = append(refs, s.Category)
	}
	for _, r := range refs {
		for c := g.ByID[r.ID]; c != nil; c = c.Parent {
			if c.ID == id {
				return true
			}
		}
	}
	return false
}

// TestSearchForm uses the search page as a reader does: typing, filters
// that combine and land in the address, a shared address that gives the
// same results, the language switcher that keeps the search, and
// accessibility with results on the page.
func TestSearchForm(t *testing.T) {
	t.Parallel()
	axe := axeURL(t)
	g := demoGuide(t)
	tb := newTab(t, "")
	if _, err := tb.open(demo.URL + "/fr/search.html"); err != nil {
		t.Fatal(err)
	}
	run := func(actions ...chromedp.Action[chromedp.Void]) searchPage {
		t.Helper()
		if err := chromedp.Do(tb.ctx, actions...); err != nil {
			t.Fatal(err)
		}
		p, err := searched(tb)
		if err != nil {
			t.Fatal(err)
		}
		return p
	}

	// As you type.
	p := run(chromedp.SendKeys(chromedp.CSS("#q"), "toilet"))
	var count int
	fmt.Sscan(regexp.MustCompile(`[0-9]+`).FindString(p.Status), &count)
	if len(p.Results) == 0 || !strings.Contains(p.Search, "q=toilet") || count < len(p.Results) {
		t.Errorf("typing \"toilet\": %d results, address %q, live region %q", len(p.Results), p.Search, p.Status)
	}
	more, _ := eval[bool](tb, `!document.getElementById("more").hidden`)
	if count > len(p.Results) && !more {
		t.Errorf("%d places found, %d shown, and no button to show more", count, len(p.Results))
	}
	role, _ := eval[string](tb, `document.getElementById("search-status").getAttribute("role") + " " + document.getElementById("search-status").getAttribute("aria-live")`)
	if role != "status polite" {
		t.Errorf("the results count is not in a polite live region: %q", role)
	}
	for _, f := range axeFindings(tb, axe) {
		t.Errorf("fr/search.html with results: %s", f)
	}

	// Filters combine: a category, a town, free of charge.
	for _, f := range [][2]string{{"#q", ""}, {"#f-cat", "food"}, {"#city", "Lyon"}} {
		if err := setField(tb, f[0], f[1]); err != nil {
			t.Fatal(err)
		}
	}
	p = run(chromedp.Click(chromedp.CSS("#filters summary")), chromedp.Click(chromedp.CSS("#acc-free")))
	var want []string
	for _, l := range g.Listings {
		if filedUnder(g, l, "food") && l.Address.City == "Lyon" && l.Access != nil && l.Access.Price.Free {
			want = append(want, l.ID)
		}
	}
	got := ids(p.Results)
	slices.Sort(got)
	if !slices.Equal(got, want) || len(want) == 0 {
		t.Errorf("food, in Lyon, free: %v, want %v", got, want)
	}
	for _, k := range []string{"cat=food", "city=Lyon", "acc=free"} {
		if !strings.Contains(p.Search, k) {
			t.Errorf("the address %q does not keep %s", p.Search, k)
		}
	}

	// The address is enough to find them again.
	shared := newTab(t, "")
	if _, err := shared.open(demo.URL + "/fr/search.html" + p.Search); err != nil {
		t.Fatal(err)
	}
	again, err := searched(shared)
	if err != nil {
		t.Fatal(err)
	}
	if a, b := ids(again.Results), ids(p.Results); !slices.Equal(a, b) {
		t.Errorf("the shared address %s gives %v, the page gave %v", p.Search, a, b)
	}
	checked, _ := eval[bool](shared, `document.getElementById("acc-free").checked && document.getElementById("f-cat").value === "food"`)
	if !checked {
		t.Errorf("the shared address %s does not fill the form", p.Search)
	}

	// The language switcher keeps the search.
	href, _ := eval[string](shared, `document.querySelector('nav.langs a[hreflang="en"]').href`)
	if u, err := url.Parse(href); err != nil || u.Path != "/en/search.html" || "?"+u.RawQuery != p.Search {
		t.Errorf("the English link is %s, want /en/search.html%s", href, p.Search)
	}

	// Right to left, with results.
	ar := newTab(t, "")
	if _, err := ar.open(demo.URL + "/ar/search.html?q=" + url.QueryEscape("حلاقة")); err != nil {
		t.Fatal(err)
	}
	if _, err := searched(ar); err != nil {
		t.Fatal(err)
	}
	for _, f := range axeFindings(ar, axe) {
		t.Errorf("ar/search.html with results: %s", f)
	}
}

// setField sets the value of a field of the page, as a reader who picks
// it does: the field then fires "change".
func setField(tb *tab, sel, value string) error {
	_, err := eval[bool](tb, fmt.Sprintf(`(() => {
		const e = document.querySelector(%q);
		e.value = %q;
		e.dispatchEvent(new Event("input", {bubbles: true}));
		e.dispatchEvent(new Event("change", {bubbles: true}));
		return true;
	})()`, sel, value))
	return err
}

// toiletsByDistance lists the demo guide's toilets with their distance from
// lat, lon in metres, nearest first.
func toiletsByDistance(g *content.Guide, lat, lon float64) []string {
	type hit struct {
		id string
		d  float64
	}
	var hits []hit
	for _, l := range g.Listings {
		if filedUnder(g, l, "toilets") && l.Geo != nil && !l.Address.Hidden {
			hits = append(hits, hit{l.ID, metres(lat, lon, l.Geo.Lat, l.Geo.Lon)})
		}
	}
	slices.SortFunc(hits, func(a, b hit) int { return int(math.Copysign(1, a.d-b.d)) })
	var out []string
	for _, h := range hits {
		out = append(out, h.id)
	}
	return out
}

func metres(lat1, lon1, lat2, lon2 float64) float64 {
	r := math.Pi / 180
	dLat, dLon := (lat2-lat1)*r, (lon2-lon1)*r
	h := math.Sin(dLat/2)*math.Sin(dLat/2) + math.Cos(lat1*r)*math.Cos(lat2*r)*math.Sin(dLon/2)*math.Sin(dLon/2)
	return 2 * 6371008 * math.Asin(math.Sqrt(h))
}

// sortedByDistance checks that results show distances in increasing order.
func sortedByDistance(rs []searchResult) bool {
	return slices.IsSortedFunc(rs, func(a, b searchResult) int { return int(math.Copysign(1, a.Dist-b.Dist)) }) && len(rs) > 0 && rs[0].Dist >= 0
}

// TestSearchNearMe asks for the reader's position, after saying why, with
// the position mocked at Place de la République in Paris: toilets come
// nearest first. A reader who refuses is told so and sent to the field of
// towns and postal codes.
func TestSearchNearMe(t *testing.T) {
	t.Parallel()
	g := demoGuide(t)
	const lat, lon = 48.8675, 2.3637
	tb := newTab(t, "")
	origin := demo.URL
	grant := func(tb *tab, setting cdpbrowser.PermissionSetting) {
		t.Helper()
		la, lo, acc := lat, lon, 20.0
		_, err := chromedp.CallBrowser(tb.ctx, cdpbrowser.SetPermission, cdpbrowser.SetPermissionParams{
			Permission: &cdpbrowser.PermissionDescriptor{Name: "geolocation"}, Setting: setting, Origin: origin,
		})
		if err == nil {
			_, err = chromedp.Call(tb.ctx, emulation.SetGeolocationOverride, emulation.SetGeolocationOverrideParams{Latitude: &la, Longitude: &lo, Accuracy: &acc})
		}
		if err != nil {
			t.Fatal(err)
		}
	}
	grant(tb, cdpbrowser.PermissionSettingGranted)
	if _, err := tb.open(origin + "/fr/search.html?q=toilettes"); err != nil {
		t.Fatal(err)
	}
	if _, err := searched(tb); err != nil {
		t.Fatal(err)
	}
	err := chromedp.Do(tb.ctx,
		chromedp.Click(chromedp.CSS("#near-me")),
		chromedp.WaitVisible(chromedp.CSS("#near-explain")),
		chromedp.Click(chromedp.CSS("#near-ok")),
	)
	if err != nil {
		t.Fatal(err)
	}
	if !tb.waitFor(`location.search.includes("near=me") && document.querySelector("#results > li[data-dist]") !== null`) {
		status, _ := eval[string](tb, `document.getElementById("search-status").textContent`)
		t.Fatalf("no results by distance after sharing the position (status %q)", status)
	}
	p, err := searched(tb)
	if err != nil {
		t.Fatal(err)
	}
	want := toiletsByDistance(g, lat, lon)
	if got := ids(p.Results); !sortedByDistance(p.Results) || len(got) < 3 || !slices.Equal(got[:3], want[:3]) {
		t.Errorf("near me: %v, want the nearest first: %v", got, want[:3])
	}

	// Refused.
	no := newTab(t, "")
	grant(no, cdpbrowser.PermissionSettingDenied)
	if _, err := no.open(origin + "/fr/search.html?q=toilettes"); err != nil {
		t.Fatal(err)
	}
	if err := chromedp.Do(no.ctx, chromedp.Click(chromedp.CSS("#near-me")), chromedp.Click(chromedp.CSS("#near-ok"))); err != nil {
		t.Fatal(err)
	}
	denied, _ := eval[string](no, `document.getElementById("search").dataset.tGeoDenied`)
	if !no.waitFor(fmt.Sprintf(`document.getElementById("search-status").textContent === %q && document.activeElement.id === "near"`, denied)) {
		status, _ := eval[string](no, `document.getElementById("search-status").textContent + " / focus: " + document.activeElement.id`)
		t.Errorf("refusing the position: the page says %q, want %q and the focus on #near", status, denied)
	}
}

// TestSearchNearPlace sorts by distance from a postal code of the guide,
// without geolocation, over HTTP and from the disk; a place whose address
// is hidden shows no street and a distance from the town's centre.
func TestSearchNearPlace(t *testing.T) {
	t.Parallel()
	places, err := hiddenPlaces(filepath.Join(repoRoot, "content"))
	if err != nil || len(places) == 0 {
		t.Fatalf("no hidden place in the demo guide: %v", err)
	}
	for _, origin := range []string{demo.URL, strings.TrimSuffix(fileURL(demo.Dir, ""), "/")} {
		tb := newTab(t, "")
		page := "/fr/search.html?q=toilettes&near=75011"
		if _, err := tb.open(origin + page); err != nil {
			t.Fatal(err)
		}
		p, err := searched(tb)
		if err != nil {
			t.Fatal(err)
		}
		if !sortedByDistance(p.Results) || !strings.Contains(p.Status, "75011") {
			t.Errorf("%s%s: not sorted by distance from 75011: %q %+v", origin, page, p.Status, p.Results)
		}
		for _, h := range places {
			page := "/fr/search.html?near=" + h.PostalCode + "&q=" + url.QueryEscape(h.ID)
			if _, err := tb.open(origin + page); err != nil {
				t.Fatal(err)
			}
			p, err := searched(tb)
			if err != nil {
				t.Fatal(err)
			}
			i := slices.Index(ids(p.Results), h.ID)
			if i < 0 {
				t.Errorf("%s: %s not found: %v", page, h.ID, ids(p.Results))
				continue
			}
			r := p.Results[i]
			if leaked := leaks(r.Text, h.Secrets); len(leaked) > 0 || !strings.Contains(r.Text, h.PostalCode) || r.Dist < 0 {
				t.Errorf("%s: the hidden place shows %q (secrets shown: %v)", page, r.Text, leaked)
			}
			// "{d} du centre de {city}": the words between the placeholders.
			centre, _ := eval[string](tb, `document.getElementById("search").dataset.tCentre`)
			words := strings.TrimSpace(strings.Split(strings.ReplaceAll(centre, "{d}", ""), "{city}")[0])
			if !strings.Contains(r.Text, words) {
				t.Errorf("%s: the distance of a hidden place does not say %q: %q", page, words, r.Text)
			}
		}
	}
}

// TestSearchWithoutScript opens the search page with JavaScript off: it
// still leads to every category and town.
func TestSearchWithoutScript(t *testing.T) {
	t.Parallel()
	g := demoGuide(t)
	tb := newTab(t, "")
	if _, err := chromedp.Call(tb.ctx, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: true}); err != nil {
		t.Fatal(err)
	}
	if _, err := tb.open(demo.URL + "/fr/search.html?q=douche"); err != nil {
		t.Fatal(err)
	}
	links, err := eval[[]string](tb, `[...document.querySelectorAll("#browse a")].filter(a => a.offsetParent !== null).map(a => new URL(a.href).pathname)`)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range g.Categories {
		if p := "/fr/categories/" + c.ID + ".html"; !slices.Contains(links, p) {
			t.Errorf("without JavaScript, the search page has no visible link to %s: %v", p, links)
		}
	}
	towns := 0
	for _, l := range links {
		if path.Dir(l) == "/fr/cities" {
			towns++
		}
	}
	if towns == 0 {
		t.Errorf("without JavaScript, the search page links to no town: %v", links)
	}
}

// benchQuery is a query of BenchmarkSearchChromium, as Engine.search reads it.
type benchQuery struct {
	Text   string         `json:"text,omitempty"`
	Cat    string         `json:"cat,omitempty"`
	City   string         `json:"city,omitempty"`
	Near   map[string]int `json:"near,omitempty"`
	Access []string       `json:"access,omitempty"`
	Limit  int            `json:"limit"`
	local  bool           // in one town
}

// benchRun is what the browser measured for a query.
type benchRun struct {
	Cold    float64  `json:"cold"`    // ms of the first search in a fresh page, shards loaded from the server
	Warm    float64  `json:"warm"`    // median ms of the same search five times again, shards in memory: the query time
	Results int      `json:"results"` // shown
	Total   int      `json:"total"`
	Files   []string `json:"files"` // paths the page loaded
}

// BenchmarkSearchChromium times search.js in headless Chromium on the
// index of a generated national guide of 50,000 listings
// (guidegen.National), and measures what a first search downloads. Each
// query runs first in a fresh page (cold: shards fetched from a local
// server and parsed), then five times again (warm: the median is the query
// time). It reports the slowest query time (target: under 50 ms), and the most a first search
// downloads, gzipped, search.js included, on the whole guide and in a town
// of about 2,000 listings (targets: 100 KB and 60 KB).
//
//	go test -run '^$' -bench SearchChromium ./generator/e2e/
func BenchmarkSearchChromium(b *testing.B) {
	const n = 50000
	tb := newTab(b, "")
	dir, town, centre := nationalSite(b, n)
	srv := serveSite(dir, nil)
	defer srv.Close()
	qs := []benchQuery{
		{Text: "douche"}, {Text: "restaurant solidaire"}, {Text: "jaures"}, {Text: "toilettes", Access: []string{"wheelchair"}},
		{Text: "douche", Near: centre}, {Cat: "meals", Near: centre},
		{Text: "douche", City: town, local: true}, {Text: "avocat", City: town, local: true},
		{Cat: "food", City: town, Access: []string{"free"}, local: true},
	}
	sizes := map[string]int{}
	size := func(p string) int {
		if _, ok := sizes[p]; !ok {
			data, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(p)))
			if err != nil {
				b.Fatal(err)
			}
			sizes[p] = gzipSize(data)
		}
		return sizes[p]
	}
	var national, local int
	var slowest float64
	for _, q := range qs {
		if _, err := tb.open(srv.URL + "/bench.html"); err != nil {
			b.Fatal(err)
		}
		r, err := benchSearch(tb, q)
		if err != nil {
			b.Fatal(err)
		}
		total := 0
		for _, f := range r.Files {
			total += size(strings.TrimPrefix(f, "/"))
		}
		if q.local {
			local = max(local, total)
		} else {
			national = max(national, total)
		}
		slowest = max(slowest, r.Warm)
		b.Logf("%-48s %2d files %5.1f KB gz, first %6.1f ms, then %5.1f ms, %d shown of %d", q.String(), len(r.Files), float64(total)/1024, r.Cold, r.Warm, r.Results, r.Total)
	}
	for b.Loop() {
		if _, err := benchSearch(tb, qs[0]); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(slowest, "max-query-ms")
	b.ReportMetric(float64(national)/1024, "national-KB")
	b.ReportMetric(float64(local)/1024, "town-KB")
}

// String describes a query in a line of the benchmark's log.
func (q benchQuery) String() string {
	s := fmt.Sprintf("%q", q.Text)
	for _, f := range [][2]string{{"cat", q.Cat}, {"town", q.City}, {"acc", strings.Join(q.Access, ",")}} {
		if f[1] != "" {
			s += " " + f[0] + "=" + f[1]
		}
	}
	if q.Near != nil {
		s += fmt.Sprintf(" near=%d,%d", q.Near["lat"], q.Near["lon"])
	}
	return s
}

// benchSearch runs a query in a fresh engine, then five times again.
func benchSearch(tb *tab, q benchQuery) (benchRun, error) {
	js, err := json.Marshal(q)
	if err != nil {
		return benchRun{}, err
	}
	return eval[benchRun](tb, `(async () => {
		const load = abriSearch.scriptLoader("search/"), q = `+string(js)+`;
		const t0 = performance.now();
		const engine = new abriSearch.Engine(await load("fr.js", "fr"), load);
		const r = await engine.search(Object.assign({}, q), () => true);
		const cold = performance.now() - t0;
		const times = [];
		for (let i = 0; i < 5; i++) {
			const t1 = performance.now();
			await engine.search(Object.assign({}, q), () => true);
			times.push(performance.now() - t1);
		}
		const warm = times.sort((a, b) => a - b)[2];
		const files = performance.getEntriesByType("resource").map(e => new URL(e.name).pathname).filter(p => p.startsWith("/search"));
		return {cold, warm, results: r.results.length, total: r.total, files};
	})()`, chromedp.EvalAwaitPromise)
}

// nationalSite writes the index of guidegen.National's guide of n
// listings, the theme's search.js and a page that loads it, and returns
// the folder, a town of about 2,000 listings and the centre of the
// biggest, in ten-thousandths of a degree.
func nationalSite(b *testing.B, n int) (dir, town string, centre map[string]int) {
	b.Helper()
	fsys, err := guidegen.National(filepath.Join(repoRoot, "content"), n)
	if err != nil {
		b.Fatal(err)
	}
	g, ps := content.Load(fsys, content.Options{Root: "content"})
	if ps.Errors() > 0 {
		b.Fatal(ps[:min(5, len(ps))])
	}
	files, err := search.Build(g, search.Options{Hours: func(l *content.Listing) ([]byte, error) { return []byte(l.Schedule().JSON()), nil }})
	if err != nil {
		b.Fatal(err)
	}
	th, err := theme.Load(os.DirFS(filepath.Join(repoRoot, "themes", "default")), "themes/default")
	if err != nil {
		b.Fatal(err)
	}
	dir = b.TempDir()
	files = append(files,
		search.File{Path: "search.js", Data: th.Assets["search.js"].Data},
		search.File{Path: "bench.html", Data: []byte(`<!doctype html><html lang="fr"><meta charset="utf-8"><title>bench</title><script src="search.js"></script></html>`)})
	for _, f := range files {
		p := filepath.Join(dir, filepath.FromSlash(f.Path))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			b.Fatal(err)
		}
		if err := os.WriteFile(p, f.Data, 0o644); err != nil {
			b.Fatal(err)
		}
	}
	names, sizes := guidegen.NationalTowns(n)
	for i, s := range sizes {
		if s <= 2000 {
			town = names[i]
			break
		}
	}
	var lat, lon float64
	k := 0
	for _, l := range g.Listings {
		if l.Address.City == names[0] && l.Geo != nil {
			lat, lon, k = lat+l.Geo.Lat, lon+l.Geo.Lon, k+1
		}
	}
	return dir, town, map[string]int{"lat": int(lat / float64(k) * 1e4), "lon": int(lon / float64(k) * 1e4)}
}
