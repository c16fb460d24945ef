package search

import (
	"bytes"
	"encoding/json"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/abri-guide/abri/generator/content"
	"github.com/abri-guide/abri/generator/hours"
)

// demo is the bundled demo guide, loaded once.
var demo struct {
	once sync.Once
	g    *content.Guide
	err  content.Problems
}

func demoGuide(t testing.TB) *content.Guide {
	t.Helper()
	demo.once.Do(func() {
		demo.g, demo.err = content.Load(os.DirFS("../../content"), content.Options{
			Root: "content", Now: time.Date(2026, 11, 27, 10, 0, 0, 0, time.UTC),
		})
	})
	if demo.err.Errors() > 0 {
		t.Fatal(demo.err)
	}
	return demo.g
}

// writeIndex builds the index of g into a new site folder and returns it.
func writeIndex(t testing.TB, g *content.Guide, opts Options) (string, []File) {
	t.Helper()
	files, err := Build(g, opts)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	for _, f := range files {
		p := filepath.Join(dir, filepath.FromSlash(f.Path))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, f.Data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir, files
}

// query is a case of testdata/queries.json, or a query made by a test.
type query struct {
	Lang   string         `json:"lang"`
	Text   string         `json:"text"`
	Cat    string         `json:"cat,omitempty"`
	City   string         `json:"city,omitempty"`
	Near   map[string]int `json:"near,omitempty"`
	Aud    []string       `json:"aud,omitempty"`
	Access []string       `json:"access,omitempty"`
	Spoken string         `json:"spoken,omitempty"`
	Open   bool           `json:"open,omitempty"`
	Limit  int            `json:"limit,omitempty"`
	Now    int64          `json:"now,omitempty"` // ms: judge "open now" with hours.js at this instant
	TZ     string         `json:"tz,omitempty"`
	Want   string         `json:"want,omitempty"`
	Why    string         `json:"why,omitempty"`
}

// answer is what search.js found for a query.
type answer struct {
	IDs   []string          `json:"ids"`
	Dists []*float64        `json:"dists"`
	Total int               `json:"total"`
	Exact bool              `json:"exact"`
	MS    float64           `json:"ms"`
	Hours []json.RawMessage `json:"hours"` // of each result, as search.js gives them to hours.js
}

// runQueries runs queries with search.js under Node on the index in dir.
func runQueries(t testing.TB, dir string, qs []query) []*answer {
	t.Helper()
	var out []*answer
	node(t, &out, "query", jsFile(t), dir, writeJSON(t, qs))
	if len(out) != len(qs) {
		t.Fatalf("node answered %d queries of %d", len(out), len(qs))
	}
	return out
}

// TestQueries runs testdata/queries.json on the demo guide: in each
// language, accented, unaccented and misspelt words find the place they
// name or describe in the first three results.
func TestQueries(t *testing.T) {
	b, err := os.ReadFile("testdata/queries.json")
	if err != nil {
		t.Fatal(err)
	}
	var qs []query
	if err := json.Unmarshal(b, &qs); err != nil {
		t.Fatal(err)
	}
	dir, _ := writeIndex(t, demoGuide(t), Options{})
	langs := map[string]bool{}
	for i, a := range runQueries(t, dir, qs) {
		q := qs[i]
		langs[q.Lang] = true
		switch {
		case a == nil:
			t.Errorf("%s %q (%s): no search", q.Lang, q.Text, q.Why)
		case !slices.Contains(a.IDs[:min(3, len(a.IDs))], q.Want):
			t.Errorf("%s %q (%s): %s is not in the first three of %v", q.Lang, q.Text, q.Why, q.Want, a.IDs)
		}
	}
	for _, l := range demoGuide(t).Site.Langs() {
		if !langs[l] {
			t.Errorf("testdata/queries.json has no query in %s, a language of the demo guide", l)
		}
	}
}

// TestFilters combines filters and checks every result against the
// listing's own data.
func TestFilters(t *testing.T) {
	g := demoGuide(t)
	dir, _ := writeIndex(t, g, Options{})
	byID := map[string]*content.Listing{}
	for _, l := range g.Listings {
		byID[l.ID] = l
	}
	lyon := map[string]int{"lat": 457640, "lon": 48357}
	cases := []struct {
		q    query
		keep func(l *content.Listing) bool
	}{
		{query{Cat: "food"}, func(l *content.Listing) bool { return under(g, l, "food") }},
		{query{Cat: "food", City: "Lyon"}, func(l *content.Listing) bool { return under(g, l, "food") && l.Address.City == "Lyon" }},
		{query{Text: "repas", City: "Lyon"}, func(l *content.Listing) bool {
			return l.Address.City == "Lyon" && (under(g, l, "meals") || strings.Contains(Normalize(l.Name+" "+l.Description["fr"]), "repas"))
		}},
		{query{Cat: "shower", Access: []string{"wheelchair", "free"}}, func(l *content.Listing) bool {
			return under(g, l, "shower") && l.Access != nil && l.Access.Price.Free && l.Access.Wheelchair != nil && *l.Access.Wheelchair
		}},
		{query{Cat: "accommodation_and_housing", Aud: []string{"men"}}, func(l *content.Listing) bool {
			a := l.Audience
			return under(g, l, "accommodation_and_housing") && (a == nil || a.Welcome != "exclusive" || len(a.Gender) == 0 || slices.Contains(a.Gender, "men"))
		}},
		{query{Cat: "welcome", Spoken: "ar"}, func(l *content.Listing) bool {
			return under(g, l, "welcome") && slices.Contains(l.Languages, "ar")
		}},
		{query{Near: lyon, Cat: "health"}, func(l *content.Listing) bool { return under(g, l, "health") }},
	}
	var qs []query
	for _, c := range cases {
		c.q.Lang, c.q.Limit = "fr", 100
		qs = append(qs, c.q)
	}
	for i, a := range runQueries(t, dir, qs) {
		c := cases[i]
		var want []string
		for _, l := range g.Listings {
			if c.keep(l) {
				want = append(want, l.ID)
			}
		}
		got := slices.Clone(a.IDs)
		slices.Sort(got)
		if !slices.Equal(got, want) || !a.Exact || a.Total != len(want) {
			t.Errorf("%+v: found %v (total %d, exact %v), want %v", c.q, a.IDs, a.Total, a.Exact, want)
		}
		if c.q.Near != nil && !slices.IsSortedFunc(a.Dists, func(x, y *float64) int { return cmpDist(x, y) }) {
			t.Errorf("%+v: not sorted by distance: %v", c.q, a.Dists)
		}
	}
}

func cmpDist(x, y *float64) int {
	switch {
	case x == nil && y == nil:
		return 0
	case x == nil:
		return 1
	case y == nil:
		return -1
	case *x < *y:
		return -1
	case *x > *y:
		return 1
	}
	return 0
}

// under says whether l is filed under the category id or its descendants.
func under(g *content.Guide, l *content.Listing, id string) bool {
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

// TestNearOrder sorts the toilets of Paris by distance from a point and
// compares with the distances computed here.
func TestNearOrder(t *testing.T) {
	g := demoGuide(t)
	dir, _ := writeIndex(t, g, Options{AreaSize: 8}) // small areas: the search must read several
	at := point{488566, 23522}
	a := runQueries(t, dir, []query{{Lang: "fr", Text: "toilettes", Near: map[string]int{"lat": at.lat, "lon": at.lon}, Limit: 5}})[0]
	type hit struct {
		id string
		d  float64
	}
	var all []hit
	for _, l := range g.Listings {
		if under(g, l, "toilets") && l.Geo != nil {
			all = append(all, hit{l.ID, haversine(at, toPoint(l.Geo.Lat, l.Geo.Lon))})
		}
	}
	slices.SortFunc(all, func(x, y hit) int { return cmpDist(&x.d, &y.d) })
	for i := range 5 {
		if a.IDs[i] != all[i].id {
			t.Fatalf("near %v: %v, want the 5 nearest %v", at, a.IDs, all[:5])
		}
	}
}

func haversine(a, b point) float64 {
	const r = math.Pi / 180 / 1e4
	la1, la2, dLat, dLon := float64(a.lat)*r, float64(b.lat)*r, float64(b.lat-a.lat)*r, float64(b.lon-a.lon)*r
	h := math.Sin(dLat/2)*math.Sin(dLat/2) + math.Cos(la1)*math.Cos(la2)*math.Sin(dLon/2)*math.Sin(dLon/2)
	return 2 * 6371008 * math.Asin(math.Sqrt(h))
}

// TestHidden checks that no file of the index holds the street or the
// coordinates of a place whose address is hidden, and that the index
// places it at its town's centre.
func TestHidden(t *testing.T) {
	g := demoGuide(t)
	dir, files := writeIndex(t, g, Options{})
	n := 0
	for _, l := range g.Listings {
		if l.Address == nil || !l.Address.Hidden {
			continue
		}
		n++
		secrets := []string{l.Address.Street}
		if l.Geo != nil {
			p := toPoint(l.Geo.Lat, l.Geo.Lon)
			secrets = append(secrets, strconv.FormatFloat(l.Geo.Lat, 'f', -1, 64), strconv.FormatFloat(l.Geo.Lon, 'f', -1, 64), strconv.Itoa(p.lat), strconv.Itoa(p.lon))
		}
		for _, f := range files {
			for _, s := range secrets {
				if bytes.Contains(f.Data, []byte(s)) {
					t.Errorf("%s holds %q of %s, whose address is hidden", f.Path, s, l.ID)
				}
			}
		}
		a := runQueries(t, dir, []query{{Lang: "fr", Text: l.Name}})[0]
		if len(a.IDs) == 0 || a.IDs[0] != l.ID {
			t.Errorf("%s: the search for its name found %v", l.ID, a.IDs)
		}
	}
	if n == 0 {
		t.Fatal("the demo guide has no hidden address any more; this test needs one")
	}
}

// TestDeterministic builds the index twice.
func TestDeterministic(t *testing.T) {
	g := demoGuide(t)
	a, err := Build(g, Options{})
	if err != nil {
		t.Fatal(err)
	}
	b, err := Build(g, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(a) != len(b) {
		t.Fatalf("%d files, then %d", len(a), len(b))
	}
	for i := range a {
		if a[i].Path != b[i].Path || !bytes.Equal(a[i].Data, b[i].Data) {
			t.Fatalf("%s differs between two builds", a[i].Path)
		}
	}
}

// TestTemplateAudiences checks that the search page offers the audience
// filters of the index, in its keys.
func TestTemplateAudiences(t *testing.T) {
	b, err := os.ReadFile("../../themes/default/templates/search.html")
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range Audiences {
		if !bytes.Contains(b, []byte(`name="aud" value="`+a.Key+`"`)) || !bytes.Contains(b, []byte(`.T "`+a.Label+`"`)) {
			t.Errorf("search.html has no checkbox aud=%s labelled {{.T %q}}", a.Key, a.Label)
		}
	}
	for key := range map[string]bool{"wheelchair": true, "animals": true, "walkin": true, "free": true} {
		if !bytes.Contains(b, []byte(`name="acc" value="`+key+`"`)) {
			t.Errorf("search.html has no checkbox acc=%s", key)
		}
	}
}

// TestHoursFilter builds the index with opening hours for some listings:
// "open now" keeps only places whose hours say so, and the records carry
// the hours that the page's hours.js reads.
func TestHoursFilter(t *testing.T) {
	g := demoGuide(t)
	hours := func(l *content.Listing) ([]byte, error) {
		if strings.HasPrefix(l.ID, "sanisette") {
			return []byte(`{"w":"mo-su 06:00-22:00"}`), nil
		}
		return nil, nil
	}
	dir, files := writeIndex(t, g, Options{Hours: hours})
	a := runQueries(t, dir, []query{{Lang: "fr", Text: "toilettes", Open: true, Limit: 100}})[0]
	if len(a.IDs) == 0 {
		t.Fatal("open now: nothing found")
	}
	for _, id := range a.IDs {
		if !strings.HasPrefix(id, "sanisette") {
			t.Errorf("open now: %s has no hours, and is found", id)
		}
	}
	n := 0
	for _, f := range files {
		n += bytes.Count(f.Data, []byte(`{"w":"mo-su 06:00-22:00"}`))
	}
	if n == 0 {
		t.Error("no shard carries the hours")
	}
	if _, err := Build(g, Options{Hours: func(*content.Listing) ([]byte, error) { return []byte("{"), nil }}); err == nil {
		t.Error("hours that are not JSON: no error")
	}
}

// TestNeeded checks that a one-language copy of the site keeps the files
// its searches read, and only those.
func TestNeeded(t *testing.T) {
	g := demoGuide(t)
	_, files := writeIndex(t, g, Options{})
	for _, lang := range g.Site.Langs() {
		n := 0
		for _, f := range files {
			mine := Needed(f.Path, lang)
			other := strings.HasSuffix(f.Path, ".js") && (strings.Contains(f.Path, "/t") && !strings.Contains(f.Path, "/"+lang+"/") || strings.Count(f.Path, "/") == 1 && f.Path != "search/"+lang+".js")
			if mine == other {
				t.Errorf("Needed(%s, %s) = %v", f.Path, lang, mine)
			}
			if mine {
				n++
			}
		}
		if n == 0 || !Needed("search/"+lang+".js", lang) {
			t.Errorf("%s: %d files needed, entry %v", lang, n, Needed("search/"+lang+".js", lang))
		}
	}
	if Needed("fr/index.html", "fr") || Needed("assets/search.js", "fr") {
		t.Error("files outside search/ are needed")
	}
}

// TestServiceHoursSearch: a search for showers judges La Halte des Canaux
// (a day centre open Monday to Friday) by its showers' hours (Tuesday and
// Thursday 09:00-11:00), whether the reader picks the category or types
// "douche", and gives each result the hours Go's ScheduleFor chooses.
func TestServiceHoursSearch(t *testing.T) {
	g := demoGuide(t)
	today := hours.Date{Year: 2026, Month: 11, Day: 27}
	opts := Options{
		Hours: func(l *content.Listing) ([]byte, error) { return []byte(l.Schedule().Since(today).JSON()), nil },
		ServiceHours: func(l *content.Listing, sv *content.Service) ([]byte, error) {
			return []byte(l.ServiceSchedule(sv).Since(today).JSON()), nil
		},
	}
	dir, _ := writeIndex(t, g, opts)
	paris, _ := time.LoadLocation("Europe/Paris")
	wednesday := time.Date(2026, 12, 2, 10, 30, 0, 0, paris).UnixMilli()
	tuesday := time.Date(2026, 12, 1, 10, 30, 0, 0, paris).UnixMilli()
	qs := []query{
		{Lang: "fr", Text: "douche", Open: true, Now: wednesday, TZ: "Europe/Paris", Limit: 100},
		{Lang: "fr", Cat: "shower", Open: true, Now: wednesday, TZ: "Europe/Paris", Limit: 100},
		{Lang: "fr", Cat: "hygiene_and_wellness", Open: true, Now: wednesday, TZ: "Europe/Paris", Limit: 100},
		{Lang: "fr", Text: "douche", Open: true, Now: tuesday, TZ: "Europe/Paris", Limit: 100},
		{Lang: "fr", Cat: "day_hosting", Open: true, Now: wednesday, TZ: "Europe/Paris", Limit: 100},
		{Lang: "fr", Text: "douche", Limit: 100},
		{Lang: "fr", Cat: "shower", Limit: 100},
	}
	as := runQueries(t, dir, qs)
	for i, want := range []bool{false, false, false, true, true} {
		if got := slices.Contains(as[i].IDs, "halte-des-canaux"); got != want {
			t.Errorf("%+v: La Halte found %v, want %v (%v)", qs[i], got, want, as[i].IDs)
		}
	}
	byID := map[string]*content.Listing{}
	for _, l := range g.Listings {
		byID[l.ID] = l
	}
	for _, a := range as[5:] {
		if !slices.Contains(a.IDs, "halte-des-canaux") {
			t.Errorf("La Halte not found for showers: %v", a.IDs)
		}
		for i, id := range a.IDs {
			want := byID[id].ScheduleFor(g.ByID["shower"]).Since(today).JSON()
			if string(a.Hours[i]) != want {
				t.Errorf("%s: search.js gives hours %s, Go %s", id, a.Hours[i], want)
			}
		}
	}
}
