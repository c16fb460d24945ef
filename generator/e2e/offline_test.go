package e2e

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/storage"
	"github.com/chromedp/chromedp"

	"github.com/abri-guide/abri/generator"
)

// appBudget is what the service worker and the app script may weigh
// together, gzipped: a reader pays it once, on a first visit.
const appBudget = 15 << 10

// TestOffline uses the guide as a reader with a phone does, over HTTP: one
// visit online, then the network is cut. The home page, a listing visited
// online and a listing of a city saved for offline use must load, each
// with the offline note; a page never seen gives the not-saved page, with
// the note too. After a new deploy that changes a listing, the next visit
// online shows the change and the caches of the old build are gone, but
// not the saved city.
func TestOffline(t *testing.T) {
	t.Parallel()
	tb := newTab(t, "")
	content := filepath.Join(t.TempDir(), "content")
	if err := os.CopyFS(content, os.DirFS(filepath.Join(repoRoot, "content"))); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "public")
	old := buildOffline(t, content, out)
	network := &cuttable{host: staticHost(out)}
	srv := httptest.NewServer(network)
	defer srv.Close()
	at := func(path string) string { return srv.URL + "/" + path }
	forget(t, tb, srv.URL)

	t.Run("size", func(t *testing.T) { testAppSize(t, out, old) })

	visited := "fr/places/abri-de-nuit-belleville.html"
	saved := unvisitedOf(t, out, "fr/cities/paris.offline.json", visited)
	never := "fr/places/" + firstListing(t, out, "fr/cities/lyon.offline.json")

	// Online: the home page installs the service worker; the listing and
	// the city are visited; the city is saved.
	v := open(t, tb, at("fr/index.html"))
	for _, f := range loadFindings(v, srv.URL, 200) {
		t.Errorf("the home page, online: %s", f)
	}
	if manifest, _ := eval[string](tb, `(document.querySelector("link[rel=manifest]") || {}).href || ""`); manifest != at("fr/manifest.webmanifest") {
		t.Errorf("over HTTP, the home page links the manifest %q, want %s", manifest, at("fr/manifest.webmanifest"))
	}
	if !waitCached(tb, at("fr/index.html"), at("fr/offline.html"), at("fr/unsaved.html")) {
		t.Fatalf("after a visit, the service worker did not keep the home, offline copies and not-saved pages: caches %v", cacheNames(tb))
	}
	open(t, tb, at(visited))
	if !waitCached(tb, at(visited)) {
		t.Fatalf("a visited listing is not in the cache: caches %v", cacheNames(tb))
	}
	open(t, tb, at("fr/cities/paris.html"))
	saveCity(t, tb)

	// Offline.
	network.cut.Store(true)
	for _, page := range []struct{ what, path, h1 string }{
		{"the home page", "fr/index.html", ""},
		{"a visited listing", visited, "Abri de nuit de Belleville"},
		{"an unvisited listing of the saved city", saved, ""},
		{"a page never seen (the not-saved page)", never, ""},
	} {
		t.Run("offline/"+page.path, func(t *testing.T) {
			v := open(t, tb, at(page.path))
			findings := append(offlineFindings(tb, at(page.path), page.h1), loadFindings(v, srv.URL, 200)...)
			for _, f := range findings {
				t.Errorf("%s, with the network cut: %s", page.what, f)
			}
		})
	}
	network.cut.Store(false)

	t.Run("new build", func(t *testing.T) {
		name := filepath.Join(content, "listings", "paris", "abri-de-nuit-belleville.yaml")
		plant(t, filepath.Dir(name), filepath.Base(name), "name: Abri de nuit de Belleville", "name: Abri de nuit de Belleville-Ramponeau")
		now := buildOffline(t, content, out)
		if now.Build == old.Build {
			t.Fatalf("a changed listing left the build id at %s", now.Build)
		}
		open(t, tb, at(visited))
		if h1, _ := eval[string](tb, `document.querySelector("h1").textContent`); !strings.Contains(h1, "Belleville-Ramponeau") {
			t.Errorf("the first visit after a new deploy shows %q, not the changed listing", h1)
		}
		scope := srv.URL + "/"
		gone := fmt.Sprintf(`caches.keys().then(k => k.includes(%q) && !k.includes(%q))`, "abri-"+now.Build+" "+scope, "abri-"+old.Build+" "+scope)
		if !tb.waitFor(gone) {
			t.Errorf("after a visit to the new deploy, the caches are %v: want the cache of build %s and not that of build %s; service workers: %s", cacheNames(tb), now.Build, old.Build, workers(tb))
		}
		if names := cacheNames(tb); !slices.ContainsFunc(names, func(n string) bool { return strings.HasPrefix(n, "abri-saved-fr/paris ") }) {
			t.Errorf("the new build deleted the saved city: caches %v", names)
		}
		for _, f := range mixFindings(tb, now) {
			t.Error(f)
		}
		// The new build's worker kept the reader's language.
		network.cut.Store(true)
		defer network.cut.Store(false)
		open(t, tb, at("fr/index.html"))
		for _, f := range offlineFindings(tb, at("fr/index.html"), "") {
			t.Errorf("the home page, offline after the new deploy: %s", f)
		}
	})

	t.Run("remove", func(t *testing.T) {
		open(t, tb, at("fr/cities/paris.html"))
		if !tb.waitFor(`!document.querySelector(".save-remove").hidden`) {
			t.Fatal("the city page does not offer to remove its saved copy")
		}
		// The page asks first (TestOfflineDeadEnds): the reader says yes.
		err := chromedp.Listen(tb.ctx, func(ev any) {
			if _, ok := ev.(*page.EventJavascriptDialogOpening); ok {
				go chromedp.Call(tb.ctx, page.HandleJavaScriptDialog, page.HandleJavaScriptDialogParams{Accept: true})
			}
		})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := eval[bool](tb, `setTimeout(() => document.querySelector(".save-remove").click()), true`); err != nil {
			t.Fatal(err)
		}
		removed, _ := eval[string](tb, `document.querySelector("section.save").dataset.tRemoved`)
		if !tb.waitFor(fmt.Sprintf(`document.querySelector(".save-status").textContent == %q`, removed)) {
			t.Errorf("removing the saved city does not say %q", removed)
		}
		if names := cacheNames(tb); slices.ContainsFunc(names, func(n string) bool { return strings.HasPrefix(n, "abri-saved-") }) {
			t.Errorf("the saved city is still in the caches: %v", names)
		}
	})

	t.Run("sub-path", func(t *testing.T) { testOfflineSubPath(t, out) })
	t.Run("file", func(t *testing.T) { testOfflineFile(t, out) })
}

// cuttable serves a folder as a static host does, until its network is
// cut: then it closes every connection without an answer, as a phone that
// lost its signal sees. Chromium's offline emulation does not reliably
// reach the fetches of a service worker; this does.
type cuttable struct {
	host http.Handler
	cut  atomic.Bool
}

func (c *cuttable) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if !c.cut.Load() {
		c.host.ServeHTTP(w, r)
		return
	}
	conn, _, err := http.NewResponseController(w).Hijack()
	if err != nil {
		panic(http.ErrAbortHandler) // closes the connection too
	}
	conn.Close()
}

// worker is the description of a build that sw.js starts with.
type worker struct {
	Build  string
	Date   string
	Assets []string
	Shell  map[string][]string
}

// buildOffline builds the guide of the folder content into out, as the
// demo is built, and returns the description of the build in out/sw.js.
func buildOffline(t *testing.T, content, out string) worker {
	t.Helper()
	_, problems, err := generator.Build(context.Background(), generator.Config{
		Content: content,
		Theme:   filepath.Join(repoRoot, "themes", "default"),
		Out:     out,
		Now:     buildTime,
	})
	if err != nil {
		t.Fatalf("building the guide: %v\n%v", err, problems)
	}
	sw, err := os.ReadFile(filepath.Join(out, "sw.js"))
	if err != nil {
		t.Fatalf("the build wrote no service worker: %v", err)
	}
	line, _, _ := bytes.Cut(sw, []byte("\n"))
	var w worker
	if desc, ok := bytes.CutPrefix(bytes.TrimSuffix(line, []byte(";")), []byte("self.ABRI=")); !ok {
		t.Fatalf("sw.js does not start with self.ABRI={...};: %.100s", line)
	} else if err := json.Unmarshal(desc, &w); err != nil {
		t.Fatalf("sw.js: the build's description: %v", err)
	}
	return w
}

// testAppSize holds the service worker and the app script to appBudget.
func testAppSize(t *testing.T, out string, w worker) {
	sw, err := os.ReadFile(filepath.Join(out, "sw.js"))
	if err != nil {
		t.Fatal(err)
	}
	i := slices.IndexFunc(w.Assets, func(a string) bool { return strings.HasPrefix(a, "assets/app.") })
	if i < 0 {
		t.Fatalf("no assets/app.*.js among the assets of sw.js: %v", w.Assets)
	}
	app, err := os.ReadFile(filepath.Join(out, filepath.FromSlash(w.Assets[i])))
	if err != nil {
		t.Fatal(err)
	}
	total := gzipSize(sw) + gzipSize(app)
	t.Logf("service worker + app script: %s gzipped (sw.js %s, of which %s is the build's description; %s %s), budget %s",
		kb(total), kb(gzipSize(sw)), kb(gzipSize(sw)-gzipSize(sw[bytes.IndexByte(sw, '\n')+1:])), w.Assets[i], kb(gzipSize(app)), kb(appBudget))
	if total >= appBudget {
		t.Errorf("the service worker and the app script weigh %s gzipped, over the budget of %s", kb(total), kb(appBudget))
	}
}

// offlineList reads a city's list of pages to save.
func offlineList(t *testing.T, out, rel string) []string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(out, filepath.FromSlash(rel)))
	if err != nil {
		t.Fatal(err)
	}
	var list struct{ Pages []string }
	if err := json.Unmarshal(b, &list); err != nil {
		t.Fatalf("%s: %v", rel, err)
	}
	return list.Pages
}

// unvisitedOf returns the last listing of a city's list that is not visited.
func unvisitedOf(t *testing.T, out, list, visited string) string {
	t.Helper()
	pages := offlineList(t, out, list)
	for i := len(pages) - 1; i >= 0; i-- {
		if strings.Contains(pages[i], "/places/") && pages[i] != visited {
			return pages[i]
		}
	}
	t.Fatalf("%s lists no listing but %s", list, visited)
	return ""
}

// firstListing returns the file name of the first listing of a city's list.
func firstListing(t *testing.T, out, list string) string {
	t.Helper()
	for _, p := range offlineList(t, out, list) {
		if _, name, ok := strings.Cut(p, "/places/"); ok {
			return name
		}
	}
	t.Fatalf("%s lists no listing", list)
	return ""
}

// forget clears what the browser keeps for origin: a test server closed
// earlier may have had its port, and left a service worker and caches.
func forget(t *testing.T, tb *tab, origin string) {
	t.Helper()
	if _, err := chromedp.Call(tb.ctx, storage.ClearDataForOrigin, storage.ClearDataForOriginParams{Origin: origin, StorageTypes: "all"}); err != nil {
		t.Fatal(err)
	}
}

// open loads url in the tab, and fails the test if it cannot.
func open(t *testing.T, tb *tab, url string) visit {
	t.Helper()
	v, err := tb.open(url)
	if err != nil {
		t.Fatalf("opening %s: %v", url, err)
	}
	return v
}

// waitCached says whether, before the test's deadline, a service worker
// came to control the page and every url to be in a cache of the page's
// origin.
func waitCached(tb *tab, urls ...string) bool {
	list, _ := json.Marshal(urls)
	return tb.waitFor(fmt.Sprintf(`Promise.all(%s.map(u => caches.match(u))).then(r => !!navigator.serviceWorker.controller && r.every(Boolean))`, list))
}

// workers describes the service workers of the page's origin, for messages.
func workers(tb *tab) string {
	s, err := eval[string](tb, `navigator.serviceWorker.getRegistration().then(r => r ? ["active", "waiting", "installing"].map(k => k + ": " + (r[k] ? r[k].state : "none")).join(", ") : "none")`, chromedp.EvalAwaitPromise)
	if err != nil {
		return err.Error()
	}
	return s
}

func cacheNames(tb *tab) []string {
	names, err := eval[[]string](tb, `caches.keys()`, chromedp.EvalAwaitPromise)
	if err != nil {
		return []string{err.Error()}
	}
	return names
}

// saveCity saves the city of the page open in the tab for offline use, and
// waits for the page to say that it is saved.
func saveCity(t *testing.T, tb *tab) {
	t.Helper()
	if !tb.waitFor(`!document.querySelector("section.save").hidden`) {
		t.Fatal("over HTTP, with a service worker, the city page does not show its section to save the city")
	}
	label, _ := eval[string](tb, `document.querySelector(".save-do").textContent`)
	if _, err := eval[bool](tb, `document.querySelector(".save-do").click(), true`); err != nil {
		t.Fatal(err)
	}
	savedText, _ := eval[string](tb, `document.querySelector("section.save").dataset.tSaved`)
	before, _, _ := strings.Cut(savedText, "{date}")
	done := fmt.Sprintf(`document.querySelector(".save-status").textContent.startsWith(%q) && !document.querySelector(".save-remove").hidden`, before)
	if !tb.waitFor(done) {
		status, _ := eval[string](tb, `document.querySelector(".save-status").textContent`)
		t.Fatalf("%q: the city was not saved: the page says %q; caches %v", label, status, cacheNames(tb))
	}
	status, _ := eval[string](tb, `document.querySelector(".save-status").textContent`)
	t.Logf("%q: %q", label, status)
}

// offlineFindings checks that the page open in the tab is url, served from
// the cache with the offline note visible, and, when h1 is not empty, that
// its title says h1.
func offlineFindings(tb *tab, url, h1 string) []string {
	var out []string
	var page struct {
		URL     string
		Offline bool
		Note    string
		Shown   bool
		H1      string
	}
	var err error
	page.URL, err = eval[string](tb, `location.href`)
	if err != nil {
		return []string{err.Error()}
	}
	page.Offline, _ = eval[bool](tb, `document.documentElement.hasAttribute("data-offline")`)
	page.Note, _ = eval[string](tb, `(document.querySelector(".offline-note") || {textContent: ""}).textContent`)
	page.Shown, _ = eval[bool](tb, `!!document.querySelector(".offline-note") && !document.querySelector(".offline-note").hidden && document.querySelector(".offline-note").getBoundingClientRect().height > 0`)
	page.H1, _ = eval[string](tb, `(document.querySelector("h1") || {textContent: ""}).textContent`)
	switch {
	case page.URL != url:
		out = append(out, fmt.Sprintf("the browser shows %s", page.URL))
	case !page.Offline:
		out = append(out, "the page is not marked as taken from the cache (<html data-offline>)")
	case !page.Shown:
		out = append(out, fmt.Sprintf("the offline note %q is not visible", page.Note))
	case h1 != "" && !strings.Contains(page.H1, h1):
		out = append(out, fmt.Sprintf("the page's title is %q, want %q", page.H1, h1))
	case page.H1 == "":
		out = append(out, "the page has no title")
	}
	return out
}

// mixFindings checks that the page open in the tab uses only the assets of
// the build w.
func mixFindings(tb *tab, w worker) []string {
	used, err := eval[[]string](tb, `[...new Set(performance.getEntriesByType("resource").map(e => e.name).concat([...document.querySelectorAll("link[href], script[src]")].map(e => e.href || e.src)))].filter(u => u.includes("/assets/"))`)
	if err != nil {
		return []string{err.Error()}
	}
	var out []string
	for _, u := range used {
		_, rel, _ := strings.Cut(u, "/assets/")
		if !slices.Contains(w.Assets, "assets/"+rel) {
			out = append(out, fmt.Sprintf("the page of the new build uses %s, which is not an asset of that build", u))
		}
	}
	return out
}

// testOfflineSubPath serves the guide under /guide/, as a host with
// several guides does: the service worker's scope is /guide/, and the home
// page works offline.
func testOfflineSubPath(t *testing.T, out string) {
	network := &cuttable{host: http.StripPrefix("/guide", staticHost(out))}
	srv := httptest.NewServer(network)
	defer srv.Close()
	tb := newTab(t, "")
	forget(t, tb, srv.URL)
	home := srv.URL + "/guide/fr/index.html"
	open(t, tb, home)
	if !waitCached(tb, home) {
		t.Fatalf("under a sub-path, the service worker did not keep the home page: caches %v", cacheNames(tb))
	}
	scope, err := eval[string](tb, `navigator.serviceWorker.getRegistration().then(r => r ? r.scope : "")`, chromedp.EvalAwaitPromise)
	if err != nil || scope != srv.URL+"/guide/" {
		t.Errorf("the service worker's scope is %q (%v), want %s", scope, err, srv.URL+"/guide/")
	}
	network.cut.Store(true)
	open(t, tb, home)
	for _, f := range offlineFindings(tb, home, "") {
		t.Errorf("under a sub-path, the home page with the network cut: %s", f)
	}
}

// testOfflineFile opens a city page from the disk: no service worker, no
// manifest, no section to save the city, and no error.
func testOfflineFile(t *testing.T, out string) {
	tb := newTab(t, "")
	v, err := tb.open(fileURL(out, "fr/cities/paris.html"))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range loadFindings(v, strings.TrimSuffix(fileURL(out, ""), "/"), 200) {
		t.Error("fr/cities/paris.html from the disk: " + f)
	}
	state, err := eval[string](tb, `[!!document.querySelector("link[rel=manifest]"), document.querySelector("section.save").hidden, document.querySelector(".offline-note").hidden].join()`)
	if err != nil {
		t.Fatal(err)
	}
	if state != "false,true,true" {
		t.Errorf("fr/cities/paris.html from the disk: manifest link, save section hidden, offline note hidden = %s; want false,true,true", state)
	}
}
