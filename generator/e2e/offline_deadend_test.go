package e2e

import (
	"fmt"
	"html"
	"maps"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
	"gopkg.in/yaml.v3"
)

// TestOfflineDeadEnds is a reader who visited the guide once, in French,
// saved Paris, then lost the network: the pages that lead to places still
// open, a place never kept says so in the language of its address (one
// the reader never opened too), search finds the saved city's places, the
// root opens the browser's language, and removing the saved city asks
// first.
func TestOfflineDeadEnds(t *testing.T) {
	t.Parallel()
	out := filepath.Join(t.TempDir(), "public")
	w := buildOffline(t, filepath.Join(repoRoot, "content"), out)
	network := &cuttable{host: staticHost(out)}
	srv := httptest.NewServer(network)
	defer srv.Close()
	at := func(path string) string { return srv.URL + "/" + path }
	tb := newTab(t, "fr")
	forget(t, tb, srv.URL)

	structure := []string{"fr/index.html", "fr/search.html", "fr/offline.html", "fr/cities/lyon.html",
		"fr/categories/food.html", "fr/pages/about.html", "search/fr.js"}
	for _, p := range structure {
		if _, err := os.Stat(filepath.Join(out, filepath.FromSlash(p))); err != nil {
			t.Fatalf("the demo has no %s: %v", p, err)
		}
	}
	open(t, tb, at("fr/index.html"))
	var urls []string
	for _, p := range structure {
		urls = append(urls, at(p))
	}
	for _, lang := range slices.Sorted(maps.Keys(w.Shell)) {
		urls = append(urls, at(lang+"/unsaved.html"))
	}
	if !waitCached(tb, append(urls, at("index.html"))...) {
		t.Fatalf("after one visit, the service worker did not keep the structure pages of French, the root and every language's 'not saved' page: caches %v", cacheNames(tb))
	}
	open(t, tb, at("fr/cities/paris.html"))
	saveCity(t, tb)

	t.Run("root online", func(t *testing.T) { testRootLang(t, at, "uk") })

	network.cut.Store(true)
	defer network.cut.Store(false)
	t.Run("structure", func(t *testing.T) {
		for _, p := range structure[:len(structure)-1] {
			open(t, tb, at(p))
			want := titleOf(t, out, p)
			if got, _ := eval[string](tb, `document.title`); got != want {
				t.Errorf("%s, offline: the page is titled %q, want %q (the page itself)", p, got, want)
			}
			for _, f := range offlineFindings(tb, at(p), "") {
				t.Errorf("%s, offline: %s", p, f)
			}
		}
	})
	for _, lang := range []string{"ar", "uk"} {
		t.Run("unsaved/"+lang, func(t *testing.T) {
			p := lang + "/places/" + firstListing(t, out, lang+"/cities/lyon.offline.json")
			open(t, tb, at(p))
			want := i18n(t, lang, "unsaved_title")
			got, _ := eval[string](tb, `document.documentElement.lang + " " + document.querySelector("h1").textContent`)
			if got != lang+" "+want {
				t.Errorf("%s, never kept, offline: the page says %q, want %q", p, got, lang+" "+want)
			}
			for _, f := range offlineFindings(tb, at(p), want) {
				t.Errorf("%s, offline: %s", p, f)
			}
			paris := at("fr/cities/paris.html")
			if !tb.waitFor(fmt.Sprintf(`[...document.querySelectorAll(".saved-here a")].some(a => a.href == %q && a.textContent == "Paris")`, paris)) {
				t.Errorf("%s, offline: the page does not offer the saved city (a link to %s)", p, paris)
			}
			offline := at(lang + "/offline.html")
			if ok, _ := eval[bool](tb, fmt.Sprintf(`[...document.querySelectorAll("a")].some(a => a.href == %q)`, offline)); !ok {
				t.Errorf("%s, offline: the page does not link %s", p, offline)
			}
		})
	}
	t.Run("search", func(t *testing.T) {
		open(t, tb, at("fr/search.html?q=belleville"))
		got, err := searched(tb)
		if err != nil {
			t.Fatal(err)
		}
		if !slices.Contains(ids(got.Results), "abri-de-nuit-belleville") {
			t.Errorf("searching the saved city offline for belleville finds %v (%q), want abri-de-nuit-belleville", ids(got.Results), got.Status)
		}
	})
	t.Run("root offline", func(t *testing.T) {
		testRootLang(t, at, "ar")
		testRootLang(t, at, "uk")
	})
	t.Run("remove asks", func(t *testing.T) { testRemoveAsks(t, tb, at("fr/cities/paris.html")) })
}

// testRootLang opens the root page in a tab whose reader prefers lang and
// checks that it opens that language's home (or, offline and never kept,
// its 'not saved' page: the language is the point).
func testRootLang(t *testing.T, at func(string) string, lang string) {
	tb := newTab(t, lang)
	open(t, tb, at("index.html"))
	if !tb.waitFor(fmt.Sprintf(`location.href == %q && document.documentElement.lang == %q`, at(lang+"/index.html"), lang)) {
		got, _ := eval[string](tb, `location.href + " lang=" + document.documentElement.lang`)
		t.Errorf("the root, for a reader who prefers %s, opens %s, want %s", lang, got, at(lang+"/index.html"))
	}
}

// testRemoveAsks clicks the button that removes the saved city, with the
// keyboard: the page asks first; cancelled, the city stays saved;
// accepted, it is removed.
func testRemoveAsks(t *testing.T, tb *tab, city string) {
	open(t, tb, city)
	if !tb.waitFor(`!document.querySelector(".save-remove").hidden`) {
		t.Fatal("the city page does not offer to remove its saved copy")
	}
	asked := make(chan string, 4)
	answer := make(chan bool, 4)
	err := chromedp.Listen(tb.ctx, func(ev any) {
		if e, ok := ev.(*page.EventJavascriptDialogOpening); ok {
			asked <- e.Message
			go func() {
				_, _ = chromedp.Call(tb.ctx, page.HandleJavaScriptDialog, page.HandleJavaScriptDialogParams{Accept: <-answer})
			}()
		}
	})
	if err != nil {
		t.Fatal(err)
	}
	want := i18n(t, "fr", "save_remove_confirm")
	press := func(accept bool) {
		answer <- accept
		if _, err := eval[bool](tb, `document.querySelector(".save-remove").focus(), document.activeElement.className == "save-remove"`); err != nil {
			t.Fatal(err)
		}
		if err := chromedp.Do(tb.ctx, chromedp.KeyEvent("\r")); err != nil {
			t.Fatal(err)
		}
		select {
		case msg := <-asked:
			if msg != want {
				t.Errorf("removing the saved city asks %q, want %q", msg, want)
			}
		case <-tb.ctx.Done():
			t.Fatal("removing the saved city does not ask to confirm")
		}
	}
	press(false)
	if names := cacheNames(tb); !slices.ContainsFunc(names, func(n string) bool { return strings.HasPrefix(n, "abri-saved-fr/paris ") }) {
		t.Errorf("cancelled, the removal deleted the saved city: caches %v", names)
	}
	press(true)
	if !tb.waitFor(`caches.keys().then(k => !k.some(n => n.startsWith("abri-saved-fr/paris ")))`) {
		t.Errorf("accepted, the removal left the saved city: caches %v", cacheNames(tb))
	}
}

var titleRE = regexp.MustCompile(`<title>([^<]*)</title>`)

// titleOf returns the title of a built page.
func titleOf(t *testing.T, out, rel string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(out, filepath.FromSlash(rel)))
	if err != nil {
		t.Fatal(err)
	}
	m := titleRE.FindSubmatch(b)
	if m == nil {
		t.Fatalf("%s has no <title>", rel)
	}
	return html.UnescapeString(string(m[1]))
}

// i18n returns the theme's string key in lang.
func i18n(t *testing.T, lang, key string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(repoRoot, "themes", "default", "i18n", lang+".yaml"))
	if err != nil {
		t.Fatal(err)
	}
	var strs map[string]any
	if err := yaml.Unmarshal(b, &strs); err != nil {
		t.Fatal(err)
	}
	s, _ := strs[key].(string)
	if s == "" {
		t.Errorf("themes/default/i18n/%s.yaml has no string %s", lang, key)
	}
	return s
}
