package e2e

import (
	"fmt"
	"strings"
	"testing"
)

// TestHTTP opens one page of each type in each language over HTTP, as a
// reader on the web does, and checks what loads, accessibility, the
// direction of the layout, the language switcher and the weight.
func TestHTTP(t *testing.T) {
	t.Parallel()
	axe := axeURL(t)
	types, err := demo.pageTypes()
	if err != nil {
		t.Fatal(err)
	}
	t.Run("root", func(t *testing.T) { testRoot(t, axe) })
	tb := newTab(t, "")
	for _, pt := range types {
		for i, lang := range demo.Langs {
			t.Run(pt.Name+"/"+lang, func(t *testing.T) {
				page := pt.Path(lang)
				v, err := tb.open(demo.URL + page)
				if err != nil {
					t.Fatalf("opening %s: %v", page, err)
				}
				check := checker(t, page)
				check("loading", loadFindings(v, demo.URL, pt.Status))
				check("weight", weightFindings(t, tb, v, pt.Name, lang))
				check("accessibility", axeFindings(tb, axe))
				findings, l := mirrorFindings(tb, rtl(lang))
				check("direction", findings)
				t.Logf("%s: dir=%s, the language switcher's first link is %.0fpx from the left edge, %.0fpx from the right edge", page, l.Dir, l.Left, l.Right)
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
	check("weight", weightFindings(t, tb, v, "root", ""))
	check("accessibility", axeFindings(tb, axe))
	home := func(lang string) string { return "/" + lang + "/index.html" }
	check("language chooser", switcherFindings(tb, "main a[hreflang]", "", demo.Langs, home))

	tb = newTab(t, "")
	if err := tb.watchLeaving(); err != nil {
		t.Fatal(err)
	}
	if _, err := tb.open(demo.URL + "/"); err != nil {
		t.Fatal(err)
	}
	check("redirect", redirectFindings(tb))
}

// homePattern matches the path of a home page of the demo guide.
func homePattern() string {
	return fmt.Sprintf(`/\/(?:%s)\/index\.html$/`, strings.Join(demo.Langs, "|"))
}

// redirectFindings checks that the root page, open in the tab, sends the
// reader to the home page of a language of the guide. The tab must watch
// for leaving (watchLeaving): lang.js redirects while the root page is
// read, so a root page that finished loading without starting to leave
// will not redirect, and the check need not wait any longer.
func redirectFindings(tb *tab) []string {
	if ok, _ := eval[bool](tb, `!!window.abriWatching`); !ok {
		return []string{"the test opened the root page in a tab that does not watch for leaving: call watchLeaving first"}
	}
	home := homePattern() + `.test(location.pathname)`
	if !tb.waitFor(fmt.Sprintf(`document.readyState == "complete" && (%s || !window.abriLeaving)`, home)) {
		return []string{"no page finished loading before the test's deadline"}
	}
	if ok, _ := eval[bool](tb, home); ok {
		return nil
	}
	where, err := eval[string](tb, `navigator.languages.join() + ": " + location.href`)
	if err != nil {
		return []string{err.Error()}
	}
	return []string{"a browser is not sent to a language's home page: " + where}
}

// weightFindings measures the page's first visit, reports it and checks it
// against the budgets.
func weightFindings(t *testing.T, tb *tab, v visit, kind, lang string) []string {
	w, err := weigh(tb, v, demo.Dir, demo.URL)
	if err != nil {
		return []string{err.Error()}
	}
	report(kind, lang, w)
	t.Logf("%s: HTML %s gz, first visit %s gz in %d files (%d bytes received)", v.URL, kb(w.HTML), kb(w.Total), w.Files, w.Raw)
	return budgetFindings(kind, w)
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
