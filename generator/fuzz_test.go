package generator

import (
	"context"
	"fmt"
	"io/fs"
	"os"
	"path"
	"runtime"
	"sort"
	"strings"
	"sync"
	"testing"
	"testing/fstest"

	"github.com/abri-guide/abri/generator/markdown"
	"github.com/abri-guide/abri/generator/render"
	"github.com/abri-guide/abri/generator/theme"
)

// The fuzz targets of this file hold abri to one promise: what abri check
// accepts, abri build renders. Each replaces one file of the demo guide
// (its listings cut down to one per feature, see keepListings) by
// the fuzzed text, checks the guide as check, build and serve do and, when
// there is no error, renders every file of the site in memory as serve
// does: no panic, no error, whatever the editor wrote.

var fuzzDemo struct {
	once  sync.Once
	files fstest.MapFS
	theme *theme.Theme
	err   error
}

// demoFS returns the demo guide's files, read once, and the default theme.
func demoFS(t testing.TB) (fstest.MapFS, *theme.Theme) {
	t.Helper()
	fuzzDemo.once.Do(func() {
		fuzzDemo.theme, fuzzDemo.err = theme.Load(os.DirFS("../themes/default"), "../themes/default")
		if fuzzDemo.err != nil {
			return
		}
		fuzzDemo.files = fstest.MapFS{}
		fuzzDemo.err = fs.WalkDir(os.DirFS("../content"), ".", func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			data, err := fs.ReadFile(os.DirFS("../content"), p)
			fuzzDemo.files[p] = &fstest.MapFile{Data: data}
			return err
		})
		keepListings(fuzzDemo.files)
	})
	if fuzzDemo.err != nil {
		t.Fatal(fuzzDemo.err)
	}
	return fuzzDemo.files, fuzzDemo.theme
}

// withFile is the demo guide with name holding data.
func withFile(t testing.TB, name, data string) (fstest.MapFS, *theme.Theme) {
	demo, th := demoFS(t)
	fsys := make(fstest.MapFS, len(demo)+1)
	for p, f := range demo {
		fsys[p] = f
	}
	fsys[name] = &fstest.MapFile{Data: []byte(data)}
	return fsys, th
}

// checkThenRender loads the guide with name replaced by data; when the
// check finds no error, every file of the site must render.
func checkThenRender(t *testing.T, name, data string) {
	fsys, th := withFile(t, name, data)
	g, problems := LoadFS(context.Background(), fsys, "content", th, buildDate, nil)
	for _, p := range problems {
		if p.Path == "" || p.Msg == "" {
			t.Fatalf("problem without a file or a message: %+v", p)
		}
	}
	if problems.Errors() > 0 {
		return
	}
	if g == nil {
		t.Fatalf("no error, and no guide")
	}
	r, err := render.New(g, th, markdown.New(), render.Options{Today: g.Today, Workers: 1})
	if err != nil {
		t.Fatalf("check found no error, render.New fails: %v\n%s", err, data)
	}
	paths, err := r.Paths()
	if err != nil {
		t.Fatalf("check found no error, the search index fails: %v\n%s", err, data)
	}
	// Pages are rendered on both cores, as serve renders them for several readers.
	failures := make([]string, len(paths))
	var wg sync.WaitGroup
	next := make(chan int)
	for range runtime.GOMAXPROCS(0) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				if _, ok, err := r.File(paths[i]); err != nil || !ok {
					failures[i] = fmt.Sprintf("%s does not render (found %v): %v", paths[i], ok, err)
				}
			}
		}()
	}
	for i := range paths {
		next <- i
	}
	close(next)
	wg.Wait()
	for _, f := range failures {
		if f != "" {
			t.Fatalf("check found no error, %s\n%s", f, data)
		}
	}
}

// listingFeatures are what the demo's listings write that the site shows.
var listingFeatures = []string{"hours:", "services:", "special_hours:", "closures:", "hidden: true", "audience:",
	"access:", "status: closed", "languages:", "sources:", "[-1]", "phone:", "geo:"}

// keepListings keeps, of the demo's listings, only enough to write every
// feature, one city at least each: Go's fuzzing stops a run that spends 10 s
// on one input, and each input that passes the check renders the whole site.
func keepListings(files fstest.MapFS) {
	var names []string
	for p := range files {
		if strings.HasPrefix(p, "listings/") {
			names = append(names, p)
		}
	}
	sort.Strings(names)
	seen := map[string]bool{}
	for _, p := range names {
		fresh := !seen[path.Dir(p)]
		seen[path.Dir(p)] = true
		for _, f := range listingFeatures {
			if !seen[f] && strings.Contains(string(files[p].Data), f) {
				seen[f], fresh = true, true
			}
		}
		if !fresh {
			delete(files, p)
		}
	}
}

// seedFile adds the demo's file and the seeds.
func seedFile(f *testing.F, name string, seeds ...string) {
	demo, _ := demoFS(f)
	f.Add(string(demo[name].Data))
	for _, s := range seeds {
		f.Add(s)
	}
}

func FuzzSite(f *testing.F) {
	seedFile(f, "site.yaml",
		"title: Guide\nlanguages: [fr, ~]\ntimezone: Europe/Paris\ncountry: FR\nlicence: {name: ODbL-1.0}\n",
		"title: {fr: Guide, en: Guide, ar: دليل, uk: Гід}\nlanguages: [fr, en, ar, uk]\ntimezone: Europe/Paris\ncountry: FR\nlicence: {name: ODbL-1.0}\ncontact: {phone: [~]}\nnotice: {text: x, start: 2026-11-01}\nholidays: {extra: [{easter: ~}, {date: 02-29}], dates: [~]}\n",
		"title: Guide\nlanguages: [fr, en, ar, uk]\ntimezone: Local\ncountry: ZZ\nbase_url: https://x.org/a b/\nlicence: ~\nstale_after: -1\n",
	)
	f.Fuzz(func(t *testing.T, data string) { checkThenRender(t, "site.yaml", data) })
}

func FuzzCategories(f *testing.F) {
	demo, _ := demoFS(f)
	tree := string(demo["categories.yaml"].Data)
	seedFile(f, "categories.yaml",
		tree+"- ~\n",
		strings.Replace(tree, "  children:\n", "  children:\n    -\n", 1),
		"- ~\n",
		"- id: welcome\n  icon: welcome\n  name: A\n  children: [~, {id: day_hosting, name: B}]\n",
		"- id: welcome\n  icon: welcome\n  name: {fr: A}\n  synonyms: {fr: ~, en: [~]}\n  children:\n    - id: welcome\n      name: B\n",
	)
	f.Fuzz(func(t *testing.T, data string) { checkThenRender(t, "categories.yaml", data) })
}

func FuzzPage(f *testing.F) {
	demo, _ := demoFS(f)
	for p, file := range demo {
		if strings.HasPrefix(p, "pages/") && strings.HasSuffix(p, ".fr.md") {
			f.Add(string(file.Data))
		}
	}
	for _, s := range []string{
		"---\ntitle: ~\n---\n",
		"---\ntitle: A\nmenu: ~\n---\n<script>x</script>[a](javascript:x) ![](b.png)\n",
		"---\ntitle: A\nmenu: -3\n---\n# A\n\n| a |\n|---|\n",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, data string) { checkThenRender(t, "pages/about.fr.md", data) })
}

// FuzzListingBuild is content's FuzzListing through the whole chain: the
// fuzzed file is one listing more of the demo guide.
func FuzzListingBuild(f *testing.F) {
	demo, _ := demoFS(f)
	for p, file := range demo {
		if strings.HasPrefix(p, "listings/") {
			f.Add(string(file.Data))
		}
	}
	for _, s := range []string{
		"name: A\ncategories: [shower, ~]\naddress: {city: Lyon}\nupdated: 2026-11-01\n",
		"name: A\ncategories: [shower]\ngeo: [0, 0]\nspecial_hours: [{start: 2026-11-01, end: 2026-12-01, hours: ~}]\nupdated: 2026-11-01\n",
		"name: A\ncategories: shower\naddress: {postal_code: \"0\", hidden: true}\nservices: [{category: shower, hours: {mo: closed}}]\nphone: 115\nupdated: 2026-11-27\n",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, data string) { checkThenRender(t, "listings/fuzz/fuzzed.yaml", data) })
}
