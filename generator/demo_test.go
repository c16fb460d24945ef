package generator

import (
	"archive/zip"
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"html"
	"io"
	"os"
	"path"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/abri-guide/abri/generator/content"
	"github.com/abri-guide/abri/generator/render"
)

// The tests of this file build the real demo guide, as CI and Netlify do,
// and check what readers would get.

var buildDate = time.Date(2026, 11, 27, 10, 0, 0, 0, time.UTC)

func demoConfig(out string) Config {
	return Config{Content: "../content", Theme: "../themes/default", Out: out, Now: buildDate}
}

var demo struct {
	once  sync.Once
	files map[string][]byte
	sum   Summary
	err   error
}

// demoSite builds the demo guide once for all tests and returns its files.
func demoSite(t *testing.T) map[string][]byte {
	t.Helper()
	demo.once.Do(func() {
		dir, err := os.MkdirTemp("", "abri-demo-")
		if err != nil {
			demo.err = err
			return
		}
		defer os.RemoveAll(dir)
		out := dir + "/public"
		var problems content.Problems
		demo.sum, problems, demo.err = Build(context.Background(), demoConfig(out))
		if demo.err != nil {
			demo.err = &content.ProblemsError{Problems: problems}
			return
		}
		demo.files = readTree(t, out)
	})
	if demo.err != nil {
		t.Fatalf("building the demo guide: %v", demo.err)
	}
	return demo.files
}

func TestDemoBuildsEveryLanguage(t *testing.T) {
	files := demoSite(t)
	langs := demo.sum.Langs
	if len(langs) < 4 {
		t.Fatalf("demo guide has %d languages, want at least 4", len(langs))
	}
	for _, want := range []string{"fr", "en", "ar", "uk"} {
		if demo.sum.Pages[want] == 0 {
			t.Errorf("no pages in %s", want)
		}
		for _, p := range []string{"index.html", "404.html", "pages/about.html"} {
			if _, ok := files[want+"/"+p]; !ok {
				t.Errorf("missing %s/%s", want, p)
			}
		}
	}
	for _, p := range []string{"index.html", "404.html"} {
		if _, ok := files[p]; !ok {
			t.Errorf("missing %s", p)
		}
	}
	// Every language has the same pages, so the switcher never leads nowhere.
	for _, l := range langs[1:] {
		if demo.sum.Pages[l] != demo.sum.Pages[langs[0]] {
			t.Errorf("%s has %d pages, %s has %d", l, demo.sum.Pages[l], langs[0], demo.sum.Pages[langs[0]])
		}
	}
}

var attrURL = regexp.MustCompile(`<(\w+)\b[^>]*?\s(href|src)="([^"]*)"`)

// TestDemoLinksResolve checks every link of every page: relative links point
// at files of the output (never at folders, which do not open from a USB
// stick), and nothing but a plain <a href> points at another host.
func TestDemoLinksResolve(t *testing.T) {
	files := demoSite(t)
	dirs := map[string]bool{}
	for name := range files {
		for d := path.Dir(name); d != "."; d = path.Dir(d) {
			dirs[d] = true
		}
	}
	checked := 0
	for name, data := range files {
		if !strings.HasSuffix(name, ".html") {
			continue
		}
		notFound := path.Base(name) == "404.html"
		for _, m := range attrURL.FindAllSubmatch(data, -1) {
			tag, raw := string(m[1]), html.UnescapeString(string(m[3]))
			checked++
			if msg := checkLink(name, tag, raw, notFound, files, dirs); msg != "" {
				t.Errorf("%s: <%s> %q: %s", name, tag, raw, msg)
			}
		}
	}
	if checked < 1000 {
		t.Errorf("only %d links checked: the pattern must have stopped matching", checked)
	}
}

func checkLink(page, tag, raw string, notFound bool, files map[string][]byte, dirs map[string]bool) string {
	switch {
	case strings.HasPrefix(raw, "#") && raw != "#":
		return ""
	case strings.HasPrefix(raw, "mailto:"), strings.HasPrefix(raw, "tel:"), strings.HasPrefix(raw, "geo:"), strings.HasPrefix(raw, "sms:"):
		if tag != "a" {
			return "only links may use " + raw[:strings.Index(raw, ":")+1]
		}
		return ""
	case strings.HasPrefix(raw, "https://"), strings.HasPrefix(raw, "http://"), strings.HasPrefix(raw, "//"):
		if tag != "a" {
			return "a page loads nothing from another host"
		}
		return ""
	case raw == "" || raw == "#" || strings.Contains(raw, ":"):
		return "not a usable link"
	}
	target := raw
	if i := strings.IndexAny(target, "?#"); i >= 0 {
		target = target[:i]
	}
	if strings.HasPrefix(target, "/") {
		if !notFound {
			return "links from the site root break under a sub-path and from a USB stick"
		}
		target = strings.TrimPrefix(target, "/")
	} else {
		target = path.Join(path.Dir(page), target)
	}
	if dirs[target] || strings.HasSuffix(raw, "/") {
		return "points at a folder: under file:// it shows a folder listing, not a page"
	}
	if _, ok := files[target]; !ok {
		return "no such file in the output (" + target + ")"
	}
	return ""
}

var htmlTag = regexp.MustCompile(`<html lang="([a-z-]+)" dir="(ltr|rtl)"`)

func TestDemoLanguageAndDirection(t *testing.T) {
	files := demoSite(t)
	for name, data := range files {
		if !strings.HasSuffix(name, ".html") {
			continue
		}
		m := htmlTag.FindSubmatch(data)
		if m == nil {
			t.Errorf("%s: no <html lang dir>", name)
			continue
		}
		lang, dir := string(m[1]), string(m[2])
		if first, _, ok := strings.Cut(name, "/"); ok && first != "assets" && lang != first {
			t.Errorf("%s: lang=%q, want %q", name, lang, first)
		}
		if want := render.Direction(lang); dir != want {
			t.Errorf("%s: dir=%q, want %q", name, dir, want)
		}
		// The "not saved" page stands in, offline, at the address of
		// another page: it has no alternates of its own.
		if path.Base(name) != "unsaved.html" && strings.Count(string(data), `rel="alternate" hreflang=`) != len(demo.sum.Langs) {
			t.Errorf("%s: want one hreflang link per language", name)
		}
	}
}

var (
	eventHandler = regexp.MustCompile(`<[^>]*\son[a-z]+=`)
	scriptTag    = regexp.MustCompile(`<script[^>]*>`)
	// Scripts only add to a page: opening statuses, search. What they fill
	// in is hidden until they run, so without them nothing shows broken.
	extraScript = regexp.MustCompile(`^<script (src="[^"]+" defer|type="application/json" id="[a-z-]+")>$`)
	scriptFill  = regexp.MustCompile(`<[a-z]+ class="status" data-hours="[^"]*"( hidden)?>`)
)

// TestDemoWorksWithoutJavaScript: every page is plain HTML and CSS;
// scripts are deferred extras whose output stays hidden until they run.
func TestDemoWorksWithoutJavaScript(t *testing.T) {
	files := demoSite(t)
	for name, data := range files {
		if !strings.HasSuffix(name, ".html") || name == "index.html" {
			continue
		}
		for _, tag := range scriptTag.FindAll(data, -1) {
			if !extraScript.Match(tag) {
				t.Errorf("%s: %s: scripts must be deferred files or data", name, tag)
			}
		}
		if eventHandler.Match(data) {
			t.Errorf("%s: has an event handler; pages must work without JavaScript", name)
		}
		for _, m := range scriptFill.FindAll(data, -1) {
			if !bytes.HasSuffix(m, []byte(" hidden>")) {
				t.Errorf("%s: %s is shown before hours.js fills it", name, m)
			}
		}
	}
	root := string(files["index.html"])
	for _, l := range demo.sum.Langs {
		if !strings.Contains(root, `href="`+l+`/index.html"`) {
			t.Errorf("index.html: no plain link to %s/index.html for readers without JavaScript", l)
		}
	}
}

// TestDemoHiddenAddresses: the street and coordinates of a hidden place
// (a shelter for women, say) appear in no file of the output.
func TestDemoHiddenAddresses(t *testing.T) {
	files := demoSite(t)
	g, problems := content.Load(os.DirFS("../content"), content.Options{Root: "content", Now: buildDate})
	if problems.Errors() > 0 {
		t.Fatal(problems)
	}
	hidden := 0
	for _, l := range g.Listings {
		if l.Address == nil || !l.Address.Hidden {
			continue
		}
		hidden++
		var secrets []string
		if l.Address.Street != "" {
			secrets = append(secrets, html.EscapeString(l.Address.Street), l.Address.Street)
		}
		if l.Geo != nil {
			secrets = append(secrets, strconv.FormatFloat(l.Geo.Lat, 'f', 4, 64), strconv.FormatFloat(l.Geo.Lon, 'f', 4, 64))
		}
		if len(secrets) == 0 {
			t.Errorf("%s: hidden listing without street nor geo does not test anything", l.ID)
		}
		for name, data := range files {
			for _, s := range secrets {
				if bytes.Contains(data, []byte(s)) {
					t.Errorf("%s: hidden listing %s: %q leaks into the output", name, l.ID, s)
				}
			}
		}
		page := string(files["fr/places/"+l.ID+".html"])
		if l.Address.City != "" && !strings.Contains(page, l.Address.City) {
			t.Errorf("%s: the city of a hidden listing must still show", l.ID)
		}
	}
	if hidden == 0 {
		t.Fatal("the demo guide has no hidden address to check")
	}
}

func gzipSize(data []byte) int {
	var buf bytes.Buffer
	w, _ := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	w.Write(data)
	w.Close()
	return buf.Len()
}

// TestDemoPageWeight holds the budgets of people on little data: a listing
// page under 8 KB of gzipped HTML, the style sheet under 10 KB.
func TestDemoPageWeight(t *testing.T) {
	files := demoSite(t)
	largest, which := 0, ""
	css := 0
	for name, data := range files {
		switch {
		case strings.Contains(name, "/places/"):
			if n := gzipSize(data); n > largest {
				largest, which = n, name
			}
		case strings.HasSuffix(name, ".css"):
			css += gzipSize(data)
		}
	}
	t.Logf("largest listing page: %s, %d bytes gzipped; CSS %d bytes gzipped", which, largest, css)
	if largest == 0 || largest > 8*1024 {
		t.Errorf("largest listing page %s is %d bytes gzipped, budget 8 KB", which, largest)
	}
	if css == 0 || css > 10*1024 {
		t.Errorf("CSS is %d bytes gzipped, budget 10 KB", css)
	}
}

// TestDemoDeterministic: the same input gives the same bytes, zips
// included, so published diffs are reviewable and CDN caches stay warm;
// whatever the number of workers, which finish in any order.
func TestDemoDeterministic(t *testing.T) {
	first := demoSite(t)
	out := t.TempDir() + "/public"
	cfg := demoConfig(out)
	cfg.Workers = 1
	if _, _, err := Build(context.Background(), cfg); err != nil {
		t.Fatal(err)
	}
	second := readTree(t, out)
	if len(first) != len(second) {
		t.Fatalf("%d files, then %d", len(first), len(second))
	}
	for name, data := range first {
		if !bytes.Equal(data, second[name]) {
			t.Errorf("%s differs between two builds", name)
		}
	}
}

// TestDemoNotTranslated: a text missing in a language shows the source text
// in its own language, marked, never an empty space.
func TestDemoNotTranslated(t *testing.T) {
	files := demoSite(t)
	for _, lang := range demo.sum.Langs[1:] {
		fallback := []byte(`<span lang="fr">`)
		if render.Direction(lang) == "rtl" {
			fallback = []byte(`<span lang="fr" dir="ltr">`)
		}
		marked := 0
		for name, data := range files {
			if strings.HasPrefix(name, lang+"/places/") && bytes.Contains(data, fallback) {
				if !bytes.Contains(data, []byte(`<small class="nt">`)) {
					t.Errorf("%s: French text without the not-translated mark", name)
				}
				marked++
			}
		}
		if marked == 0 && lang != "en" { // the demo's listings are all in English too
			t.Errorf("no listing page in %s shows a French fallback; the demo guide should exercise it", lang)
		}
	}
}

var inlineCode = regexp.MustCompile(`<script>|<script (src|defer)[^>]*>[^<]|<style|\sstyle="`)

// TestDemoNoInlineCode: netlify.toml's Content-Security-Policy allows only
// the site's own files, so pages carry no inline script or style.
func TestDemoNoInlineCode(t *testing.T) {
	files := demoSite(t)
	for name, data := range files {
		if strings.HasSuffix(name, ".html") && inlineCode.Match(data) {
			t.Errorf("%s: inline script or style: %q", name, inlineCode.Find(data))
		}
	}
	toml, err := os.ReadFile("../netlify.toml")
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`publish = "public"`, `command = "go run ./cmd/abri build"`, "script-src 'self'", "immutable"} {
		if !strings.Contains(string(toml), want) {
			t.Errorf("netlify.toml lacks %s", want)
		}
	}
}

// TestDemoPrintEdition: each city has a print edition per language, with a
// table of contents by category, every listing of the city, and the date
// of the edition.
func TestDemoPrintEdition(t *testing.T) {
	files := demoSite(t)
	page := string(files["fr/print/paris.html"])
	if page == "" {
		t.Fatal("no fr/print/paris.html")
	}
	for _, want := range []string{`class="toc"`, `class="cat"`, "Édition du 27 novembre 2026", "Abri de nuit de Belleville", `class="print-foot"`} {
		if !strings.Contains(page, want) {
			t.Errorf("fr/print/paris.html lacks %q", want)
		}
	}
	if !strings.Contains(string(files["fr/cities/paris.html"]), `href="../../fr/print/paris.html"`) {
		t.Error("the city page does not link to its print edition")
	}
}

// TestDemoOfflineCopies: each language has a zip that works on its own
// (every link of its pages resolves inside it, none leads to a language it
// lacks), an offline copies page linking it, a web app manifest, and the
// service worker names the build.
func TestDemoOfflineCopies(t *testing.T) {
	files := demoSite(t)
	for _, lang := range demo.sum.Langs {
		page := string(files[lang+"/offline.html"])
		m := regexp.MustCompile(`href="\.\./(offline/[a-z0-9-]+-` + lang + `\.zip)"`).FindStringSubmatch(page)
		if m == nil {
			t.Errorf("%s/offline.html does not link its zip", lang)
			continue
		}
		zr, err := zip.NewReader(bytes.NewReader(files[m[1]]), int64(len(files[m[1]])))
		if err != nil {
			t.Fatalf("%s: %v", m[1], err)
		}
		inZip := map[string][]byte{}
		dirs := map[string]bool{}
		for _, f := range zr.File {
			rc, _ := f.Open()
			data, _ := io.ReadAll(rc)
			rc.Close()
			inZip[f.Name] = data
			for d := path.Dir(f.Name); d != "."; d = path.Dir(d) {
				dirs[d] = true
			}
		}
		for _, want := range []string{"index.html", lang + "/index.html", lang + "/offline.html", lang + "/places/abri-de-nuit-belleville.html"} {
			if inZip[want] == nil {
				t.Errorf("%s lacks %s", m[1], want)
			}
		}
		for name, data := range inZip {
			if !strings.HasSuffix(name, ".html") {
				continue
			}
			for _, a := range attrURL.FindAllSubmatch(data, -1) {
				tag, raw := string(a[1]), html.UnescapeString(string(a[3]))
				if msg := checkLink(name, tag, raw, false, inZip, dirs); msg != "" {
					t.Errorf("%s: %s: <%s> %q: %s", m[1], name, tag, raw, msg)
				}
			}
		}
		var manifest struct {
			Lang, Dir string
			StartURL  string `json:"start_url"`
			Icons     []struct{ Src string }
		}
		if err := json.Unmarshal(files[lang+"/manifest.webmanifest"], &manifest); err != nil || len(manifest.Icons) == 0 {
			t.Errorf("%s/manifest.webmanifest: %v %+v", lang, err, manifest)
		}
		for _, icon := range manifest.Icons {
			if files[path.Join(lang, icon.Src)] == nil {
				t.Errorf("%s/manifest.webmanifest: icon %s is not in the output", lang, icon.Src)
			}
		}
	}
	if !regexp.MustCompile(`^self\.ABRI=\{"build":"[0-9a-f]{12}"`).Match(files["sw.js"]) {
		t.Errorf("sw.js does not start with the build's description: %.80s", files["sw.js"])
	}
	var list struct {
		Bytes int64
		Pages []string
	}
	if err := json.Unmarshal(files["fr/cities/paris.offline.json"], &list); err != nil || len(list.Pages) < 10 {
		t.Fatalf("fr/cities/paris.offline.json: %v", err)
	}
	var total int64
	for _, p := range list.Pages {
		if files[p] == nil {
			t.Errorf("paris.offline.json lists %s, which is not in the output", p)
		}
		total += int64(len(files[p]))
	}
	if list.Bytes != total {
		t.Errorf("saving Paris announces %d bytes, the pages weigh %d", list.Bytes, total)
	}
}

// TestDemoStaleCaution: a listing not checked for stale_after days tells
// readers to call first; a recent one does not, until the day it becomes
// stale, when app.js shows its hidden caution (e2e TestDatedTexts).
func TestDemoStaleCaution(t *testing.T) {
	files := demoSite(t)
	caution := regexp.MustCompile(`<p class="alert"([^>]*)>[^\n]*more than 180 days old`)
	m := caution.FindSubmatch(files["en/places/coup-de-pouce-mobilite.html"])
	if m == nil || strings.Contains(string(m[1]), "hidden") {
		t.Errorf("the stale demo listing shows no caution: %q", m)
	}
	m = caution.FindSubmatch(files["en/places/abri-de-nuit-belleville.html"])
	if m == nil || !strings.Contains(string(m[1]), " hidden") || !strings.Contains(string(m[1]), `data-show="2027-`) {
		t.Errorf("a recent listing shows the stale caution, or does not say from when: %q", m)
	}
}

// TestDemoWeekOrder: week tables start on the day the language expects.
func TestDemoWeekOrder(t *testing.T) {
	files := demoSite(t)
	first := regexp.MustCompile(`<tr data-day="([a-z]{2})"`)
	for lang, want := range map[string]string{"fr": "mo", "uk": "mo", "ar": "sa"} {
		m := first.FindSubmatch(files[lang+"/places/abri-de-nuit-belleville.html"])
		if m == nil || string(m[1]) != want {
			t.Errorf("%s: the week starts on %q, want %q", lang, m, want)
		}
	}
}

// TestDemoServiceHours: La Halte des Canaux's card carries the showers'
// hours (tu,th 09:00-11:00) where readers look for showers or hygiene, on
// category and city pages, and the day centre's elsewhere; its print
// edition gives the showers' hours under hygiene.
func TestDemoServiceHours(t *testing.T) {
	files := demoSite(t)
	status := regexp.MustCompile(`(?s)places/halte-des-canaux\.html.*?data-hours="([^"]*)"`)
	for page, want := range map[string]string{
		"en/categories/shower.html":               "tu,th 09:00-11:00",
		"en/categories/hygiene_and_wellness.html": "tu,th 09:00-11:00",
		"en/categories/day_hosting.html":          "mo-fr 09:00-12:00",
		"en/categories/welcome.html":              "mo-fr 09:00-12:00",
		"en/categories/shower.paris.html":         "tu,th 09:00-11:00",
		"en/categories/welcome.paris.html":        "mo-fr 09:00-12:00",
	} {
		m := status.FindSubmatch(files[page])
		if m == nil || !strings.Contains(html.UnescapeString(string(m[1])), want) {
			t.Errorf("%s: La Halte's card has hours %q, want %q", page, m, want)
		}
	}
	city := string(files["en/cities/paris.html"])
	hygiene := city[strings.Index(city, `categories/hygiene_and_wellness.paris.html"`):]
	if m := status.FindStringSubmatch(hygiene); m == nil || !strings.Contains(html.UnescapeString(m[1]), "tu,th 09:00-11:00") {
		t.Errorf("en/cities/paris.html: La Halte's card under hygiene has hours %q, want the showers'", m)
	}
	print := string(files["en/print/paris.html"])
	section := print[strings.Index(print, `id="c-hygiene_and_wellness"`):]
	section = section[:strings.Index(section, "</section>")]
	halte := section[strings.Index(section, "La Halte des Canaux"):]
	halte = halte[:strings.Index(halte, "</article>")]
	if !strings.Contains(halte, `Tuesday <span dir="ltr">09:00–11:00</span> · Thursday <span dir="ltr">09:00–11:00</span>`) {
		t.Errorf("en/print/paris.html: La Halte under hygiene does not give the showers' hours:\n%s", halte)
	}
}

// TestDemoPrintClosures: a print edition states the closures and special
// hours in force on its date (27 November 2026) or starting within 30
// days, and not those further ahead.
func TestDemoPrintClosures(t *testing.T) {
	files := demoSite(t)
	print := string(files["en/print/paris.html"])
	article := func(name string) string {
		a := print[strings.Index(print, name):]
		return a[:strings.Index(a, "</article>")]
	}
	if a := article("Laverie solidaire de l&#39;Ourcq"); !strings.Contains(a, "Closed from 20 November 2026 to 6 December 2026") {
		t.Errorf("the laundry closed for works until 6 December prints as open:\n%s", a)
	}
	if a := article("La Halte des Canaux"); !strings.Contains(a, "Closed from 24 December 2026 to 2 January 2027") {
		t.Errorf("La Halte's Christmas closure, within 30 days, is not printed:\n%s", a)
	}
}

// scriptBudget is what the scripts of one page may weigh, gzipped: a
// reader on a cheap plan pays for every byte before the page works.
const scriptBudget = 15 << 10

var scriptSrc = regexp.MustCompile(`<script src="([^"]+)"`)

// TestDemoScriptBudget: no page of the demo loads more than 15 KB of
// JavaScript, gzipped (the search index is data, not counted).
func TestDemoScriptBudget(t *testing.T) {
	files := demoSite(t)
	worst, worstPage := 0, ""
	for name, data := range files {
		if !strings.HasSuffix(name, ".html") {
			continue
		}
		total := 0
		for _, m := range scriptSrc.FindAllSubmatch(data, -1) {
			src := path.Join(path.Dir(name), string(m[1]))
			if strings.HasPrefix(string(m[1]), "/") { // 404 pages, served at any depth
				src = strings.TrimPrefix(string(m[1]), "/")
			}
			js, ok := files[src]
			if !ok {
				t.Errorf("%s: script %s is not in the output", name, src)
				continue
			}
			total += gzipSize(js)
		}
		if total > worst {
			worst, worstPage = total, name
		}
	}
	t.Logf("the heaviest scripts: %s, %d bytes gzipped", worstPage, worst)
	if worst == 0 {
		t.Fatal("no page loads a script: the pattern no longer matches the templates")
	}
	if worst > scriptBudget {
		t.Errorf("%s loads %d bytes of JavaScript gzipped, over the budget of %d", worstPage, worst, scriptBudget)
	}
}
