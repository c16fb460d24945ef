package generator

import (
	"context"
	"io/fs"
	"os"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/abri-guide/abri/generator/content"
	"github.com/abri-guide/abri/generator/theme"
)

// demoWith loads the demo guide with some of its files replaced.
func demoWith(t *testing.T, replace map[string]string) content.Problems {
	t.Helper()
	fsys := fstest.MapFS{}
	err := fs.WalkDir(os.DirFS("../content"), ".", func(p string, e fs.DirEntry, err error) error {
		if err != nil || e.IsDir() {
			return err
		}
		data, err := os.ReadFile("../content/" + p)
		fsys[p] = &fstest.MapFile{Data: data}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	for name, data := range replace {
		fsys[name] = &fstest.MapFile{Data: []byte(data)}
	}
	th, err := theme.Load(os.DirFS("../themes/default"), "../themes/default")
	if err != nil {
		t.Fatal(err)
	}
	_, ps := LoadFS(context.Background(), fsys, "content", th, buildDate, nil)
	return ps
}

func demoSiteYAML(t *testing.T) string {
	data, err := os.ReadFile("../content/site.yaml")
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

// TestLanguageRemovedIsOneError: dropping uk from site.yaml gives one
// error that counts uk's texts, not one line per text.
func TestLanguageRemovedIsOneError(t *testing.T) {
	site := strings.Replace(demoSiteYAML(t), "languages: [fr, en, ar, uk, ca, es, fa, ka, ps, pt, ro, ru]", "languages: [fr, en, ar, ca, es, fa, ka, ps, pt, ro, ru]", 1)
	var about []string
	for _, p := range demoWith(t, map[string]string{"site.yaml": site}) {
		if strings.Contains(p.Msg, "uk") {
			about = append(about, p.String())
		}
	}
	if len(about) != 1 {
		t.Fatalf("want one error about uk, got %d:\n%s", len(about), strings.Join(about, "\n"))
	}
	want := ": uk is not a language of the guide: "
	if !strings.Contains(about[0], want) || !strings.HasSuffix(about[0], " files, first here; add uk to languages in site.yaml or remove them") {
		t.Errorf("want %q … in N files, first here; add uk …, got\n%s", want, about[0])
	}
}

// TestSiteErrorKeepsListingErrors: a mistake in site.yaml does not hide
// the listings' own mistakes, which do not depend on it.
func TestSiteErrorKeepsListingErrors(t *testing.T) {
	site := demoSiteYAML(t)
	listing := "name: Broken\ncategories: [shower]\nadress: {city: Lyon}\nupdated: 2026-11-01\n"
	for name, broken := range map[string]string{
		"bad language":  strings.Replace(site, "languages: [fr, en, ar, uk, ca, es, fa, ka, ps, pt, ro, ru]", "languages: [fr, EN, ar, uk, ca, es, fa, ka, ps, pt, ro, ru]", 1),
		"languages map": strings.Replace(site, "languages: [fr, en, ar, uk, ca, es, fa, ka, ps, pt, ro, ru]", "languages: {fr: yes}", 1),
		"syntax":        strings.Replace(site, "languages: [fr, en, ar, uk, ca, es, fa, ka, ps, pt, ro, ru]", "languages: [fr, en, ar, uk, ca, es, fa, ka, ps, pt, ro, ru", 1),
		"bad timezone":  strings.Replace(site, "timezone: Europe/Paris", "timezone: Europe/Lyon", 1),
	} {
		t.Run(name, func(t *testing.T) {
			if broken == site {
				t.Fatal("the demo's site.yaml changed: update the test")
			}
			ps := demoWith(t, map[string]string{"site.yaml": broken, "listings/lyon/zz-broken.yaml": listing})
			var siteErr, listingErr bool
			for _, p := range ps {
				siteErr = siteErr || (p.Path == "content/site.yaml" && p.Severity == content.Error)
				listingErr = listingErr || p.String() == `content/listings/lyon/zz-broken.yaml:3:1: unknown field "adress" (did you mean "address"?)`
			}
			if !siteErr || !listingErr {
				t.Errorf("want the error of site.yaml (%v) and of the listing (%v), got:\n%v", siteErr, listingErr, ps)
			}
		})
	}
}
