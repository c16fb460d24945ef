package search

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"os"
	"strings"
	"sync"
	"testing"

	"github.com/abri-guide/abri/generator/content"
	"github.com/abri-guide/abri/generator/internal/guidegen"
	"github.com/abri-guide/abri/generator/theme"
)

// national is a generated national guide, loaded once per test binary.
var national struct {
	once sync.Once
	g    *content.Guide
	err  error
}

// nationalGuide returns guidegen.National's guide of n listings.
func nationalGuide(tb testing.TB, n int) *content.Guide {
	tb.Helper()
	national.once.Do(func() {
		fsys, err := guidegen.National("../../content", n)
		if err != nil {
			national.err = err
			return
		}
		g, ps := content.Load(fsys, content.Options{Root: "content"})
		if ps.Errors() > 0 {
			national.err = fmt.Errorf("the generated guide has errors: %v", ps[:min(5, len(ps))])
		}
		national.g = g
	})
	if national.err != nil {
		tb.Fatal(national.err)
	}
	return national.g
}

// BenchmarkIndex builds the index of a generated national guide of 50,000
// listings in 4 languages, opening hours included, and reports what a reader's phone downloads:
//
//   - gzB/listing: the index of one language (its words, and the shards all
//     languages share), gzipped, per listing;
//   - national-KB, city-KB: the most that a first search downloads, gzipped
//     (search.js, the entry, the shards it reads), over a few queries on the
//     whole guide, and in a town of about 2,000 listings;
//   - node-first-ms: the slowest of those first searches in search.js under
//     Node, reading and parsing the shards from the disk included
//     (generator/e2e's BenchmarkSearchChromium times queries in Chromium).
func BenchmarkIndex(b *testing.B) {
	const n = 50000
	g := nationalGuide(b, n)
	opts := Options{Hours: scheduleJSON}
	var files []File
	for b.Loop() {
		var err error
		if files, err = Build(g, opts); err != nil {
			b.Fatal(err)
		}
	}
	b.StopTimer()
	sizes := map[string]int{}
	perLang, all := 0, 0
	for _, f := range files {
		sizes[f.Path] = gzipSize(f.Data)
		all += sizes[f.Path]
		if !strings.Contains(f.Path, "/en/") && !strings.Contains(f.Path, "/ar/") && !strings.Contains(f.Path, "/uk/") && !strings.HasSuffix(f.Path, "/en.js") && !strings.HasSuffix(f.Path, "/ar.js") && !strings.HasSuffix(f.Path, "/uk.js") {
			perLang += sizes[f.Path]
		}
	}
	b.ReportMetric(float64(perLang)/n, "gzB/listing")
	b.ReportMetric(float64(all)/1e6, "MB-gz-all-langs")
	b.Logf("%d files; one language's index %.1f MB gzipped, all %d languages %.1f MB", len(files), float64(perLang)/1e6, len(g.Site.Langs()), float64(all)/1e6)

	js := searchJSSize(b)
	dir, _ := writeIndex(b, g, opts)
	national, city, slowest := firstSearches(b, g, dir, sizes)
	b.ReportMetric(float64(js+national)/1024, "national-KB")
	b.ReportMetric(float64(js+city)/1024, "city-KB")
	b.ReportMetric(slowest, "node-first-ms")
	b.Logf("search.js: %.1f KB gzipped, counted in both", float64(js)/1024)
}

// scheduleJSON gives the index each listing's hours, as render does.
func scheduleJSON(l *content.Listing) ([]byte, error) { return []byte(l.Schedule().JSON()), nil }

// firstSearches runs first searches (each in a fresh page) on the whole
// guide and in a town of about 2,000 listings, and returns the most each
// kind downloads (gzip) and the slowest query time under Node.
func firstSearches(b *testing.B, g *content.Guide, dir string, sizes map[string]int) (national, city int, slowest float64) {
	names, counts := guidegen.NationalTowns(len(g.Listings))
	town := 0
	for i, c := range counts {
		if c <= 2000 {
			town = i
			break
		}
	}
	slug := names[town]
	centre := townCentre(g, names[0])
	qs := []query{
		{Lang: "fr", Text: "douche"},
		{Lang: "fr", Text: "restaurant solidaire"},
		{Lang: "fr", Text: "jaures"},
		{Lang: "fr", Text: "toilettes", Access: []string{"wheelchair"}},
		{Lang: "ar", Text: "حمّامات"},
		{Lang: "fr", Text: "douche", Near: centre},
		{Lang: "fr", Cat: "meals", Near: centre},
		{Lang: "fr", Text: "douche", City: slug},
		{Lang: "fr", Text: "avocat", City: slug},
		{Lang: "fr", Cat: "food", City: slug, Access: []string{"free"}},
		{Lang: "en", Text: "shower", City: slug},
	}
	local := 7 // queries from here on are in one town
	for i := range qs {
		qs[i].Limit = 20
	}
	type fresh struct {
		query
		Fresh bool `json:"fresh"`
	}
	var in []fresh
	for _, q := range qs {
		in = append(in, fresh{q, true})
	}
	var out []struct {
		answer
		Files []string `json:"files"`
	}
	node(b, &out, "query", jsFile(b), dir, writeJSON(b, in))
	for i, a := range out {
		total := 0
		for _, f := range a.Files {
			total += sizes[f]
		}
		kind := "national"
		if i >= local {
			kind = fmt.Sprintf("in %s (%d listings)", names[town], counts[town])
			city = max(city, total)
		} else {
			national = max(national, total)
		}
		slowest = max(slowest, a.MS)
		b.Logf("%-48s %s: %3d files, %5.1f KB gz, %5.1f ms, %d shown of %d", qs[i].String(), kind, len(a.Files), float64(total)/1024, a.MS, len(a.IDs), a.Total)
	}
	return national, city, slowest
}

// String describes a query in a line of a benchmark's log.
func (q query) String() string {
	s := q.Lang + " " + fmt.Sprintf("%q", q.Text)
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

// townCentre is the mean position of a town's listings, in the index's unit.
func townCentre(g *content.Guide, name string) map[string]int {
	var lat, lon float64
	n := 0
	for _, l := range g.Listings {
		if l.Address != nil && l.Address.City == name && l.Geo != nil {
			lat, lon, n = lat+l.Geo.Lat, lon+l.Geo.Lon, n+1
		}
	}
	p := toPoint(lat/float64(n), lon/float64(n))
	return map[string]int{"lat": p.lat, "lon": p.lon}
}

// searchJSSize is the size of the theme's search.js as pages load it:
// minified, gzipped.
func searchJSSize(tb testing.TB) int {
	th, err := theme.Load(os.DirFS("../../themes/default"), "themes/default")
	if err != nil {
		tb.Fatal(err)
	}
	return gzipSize(th.Assets["search.js"].Data)
}

func gzipSize(b []byte) int {
	var buf bytes.Buffer
	z := gzip.NewWriter(&buf)
	z.Write(b)
	z.Close()
	return buf.Len()
}
