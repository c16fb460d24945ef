package e2e

import (
	"fmt"
	"strings"
	"testing"
	"time"
)

// homePattern matches the path of a language's home page.
const homePattern = `/\/(?:%s)\/index\.html$/`

// TestHTTP opens one page of each type in each language over HTTP, as a
// reader on the web does, and checks what loads, accessibility, the
// direction of the layout, the language switcher and the weight.
func TestHTTP(t *testing.T) {
	axe := axeSource(t)
	browser(t)
	types, err := demo.pageTypes()
	if err != nil {
		t.Fatal(err)
	}
	t.Run("root", func(t *testing.T) { testRoot(t, axe) })
	for _, pt := range types {
		for i, lang := range demo.Langs {
			t.Run(pt.Name+"/"+lang, func(t *testing.T) {
				tb := newTab(t, "")
				u := demo.URL + pt.Path(lang)
				v, err := tb.open(u)
				if err != nil {
					t.Fatalf("opening %s: %v", u, err)
				}
				check := checker(t, pt.Path(lang))
				check("loading", loadFindings(v, demo.URL, pt.Status))
				w := weigh(tb, v, demo.Dir, demo.URL)
				report(pt.Name, lang, w)
				t.Logf("%s: HTML %s gz, first visit %s gz in %d files (%d bytes received)", pt.Path(lang), kb(w.HTML), kb(w.Total), w.Files, w.Raw)
				check("weight", budgetFindings(pt.Name, w))
				check("accessibility", axeFindings(tb, axe))
				findings, l := mirrorFindings(tb, rtl(lang))
				check("direction", findings)
				t.Logf("%s: dir=%s, brand link %.0fpx from the left, %.0fpx from the right", pt.Path(lang), l.Dir, l.Left, l.Right)
				check("language switcher", switcherFindings(tb, "nav.langs a", lang, demo.Langs, pt.Twin))
				next := demo.Langs[(i+1)%len(demo.Langs)]
				check("language switcher", followFindings(tb, "nav.langs a", next, pt.Twin(next)))
			})
		}
	}
}

// testRoot checks the root page: the language chooser a reader sees when
// the guide has none of their languages, and the redirect of the others.
func testRoot(t *testing.T, axe string) {
	tb := newTab(t, "de")
	v, err := tb.open(demo.URL + "/")
	if err != nil {
		t.Fatal(err)
	}
	check := checker(t, "/")
	check("loading", loadFindings(v, demo.URL, 200))
	w := weigh(tb, v, demo.Dir, demo.URL)
	report("root", "", w)
	t.Logf("/: HTML %s gz, first visit %s gz in %d files (%d bytes received)", kb(w.HTML), kb(w.Total), w.Files, w.Raw)
	check("weight", budgetFindings("root", w))
	check("accessibility", axeFindings(tb, axe))
	home := func(lang string) string { return "/" + lang + "/index.html" }
	check("language chooser", switcherFindings(tb, ".choose a", "", demo.Langs, home))

	tb = newTab(t, "")
	if _, err := tb.open(demo.URL + "/"); err != nil {
		t.Fatal(err)
	}
	if !tb.waitFor(fmt.Sprintf(homePattern, langAlternatives())+`.test(location.pathname)`, 10*time.Second) {
		t.Errorf("/: a browser in %s is not sent to a language's home page: it stays on %s",
			eval[string](tb, "navigator.languages.join()"), eval[string](tb, "location.href"))
	}
}

// checker returns a func that reports each finding of a check as an error.
func checker(t *testing.T, page string) func(what string, findings []string) {
	return func(what string, findings []string) {
		t.Helper()
		for _, f := range findings {
			t.Errorf("%s: %s: %s", page, what, f)
		}
	}
}

// langAlternatives is the guide's languages as a regular expression's alternatives.
func langAlternatives() string { return strings.Join(demo.Langs, "|") }
