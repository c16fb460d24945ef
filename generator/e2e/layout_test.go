package e2e

import (
	"fmt"
	"os"
	"path"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// layoutPages are the paths of one page of every type in lang: those of
// pageTypes, and the index of towns, search, saved copies and a print
// edition, which the other tests open elsewhere.
func (s *site) layoutPages(t testing.TB, lang string) []string {
	t.Helper()
	types, err := s.pageTypes()
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, pt := range types {
		out = append(out, pt.Path(lang))
	}
	print, err := s.firstPage(filepath.Join(lang, "print"), "", func(string) bool { return true })
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range []string{"cities.html", "search.html", "offline.html", "print/" + print} {
		out = append(out, "/"+path.Join(lang, p))
	}
	return out
}

// viewport sets the tab's size, as a phone's screen in CSS pixels. It is a
// desktop viewport: a mobile one would zoom out to fit a page too wide,
// and hide the overflow the tests look for.
func (tb *tab) viewport(t testing.TB, w, h int64) {
	t.Helper()
	if err := chromedp.Do(tb.ctx, chromedp.EmulateViewport(w, h)); err != nil {
		t.Fatal(err)
	}
}

// overflowJS lists what is wider than the window: the document, and each
// element that reaches past an edge, unless an ancestor clips or scrolls it
// (a wide table in its own scrolling box) or it is the skip link, kept off
// screen until it has the focus.
const overflowJS = `(() => {
	const w = window.innerWidth, out = [];
	if (document.documentElement.scrollWidth > w) out.push("the document is " + document.documentElement.scrollWidth + "px wide");
	const boxed = e => { for (let a = e.parentElement; a && a !== document.body; a = a.parentElement) if (getComputedStyle(a).overflowX !== "visible") return true; return false; };
	for (const e of document.querySelectorAll("body *")) {
		if (e.closest(".skip")) continue;
		const r = e.getBoundingClientRect();
		if (r.width === 0 && r.height === 0) continue;
		if ((r.right > w + 0.5 || r.left < -0.5) && !boxed(e)) {
			out.push(e.tagName.toLowerCase() + (e.className ? "." + e.className : "") + " " + Math.round(r.left) + ".." + Math.round(r.right) + "px: " + JSON.stringify((e.textContent || "").trim().slice(0, 40)));
			if (out.length > 5) break;
		}
	}
	return out;
})()`

// TestLayoutNoSideScroll opens one page of every type in every language of
// the demo, and of a guide written to break a layout (very long words,
// addresses, e-mails and names in three scripts, a wide table, code), at
// 320 and 360 px: the page must never scroll sideways.
func TestLayoutNoSideScroll(t *testing.T) {
	t.Parallel()
	long := longGuide(t)
	for _, g := range []struct {
		name  string
		s     *site
		extra string // a page to open in each language too
	}{{"demo", demo, ""}, {"long", long, "places/long.html"}} {
		for _, w := range []int64{320, 360} {
			t.Run(fmt.Sprintf("%s/%d", g.name, w), func(t *testing.T) {
				t.Parallel()
				tb := newTab(t, "de") // a language no guide has: the root page stays
				tb.viewport(t, w, 640)
				pages := []string{"/index.html"}
				for _, lang := range g.s.Langs {
					pages = append(pages, g.s.layoutPages(t, lang)...)
					if g.extra != "" {
						pages = append(pages, "/"+path.Join(lang, g.extra))
					}
				}
				for _, p := range pages {
					if _, err := tb.open(g.s.URL + p); err != nil {
						t.Fatalf("opening %s: %v", p, err)
					}
					over, err := eval[[]string](tb, overflowJS)
					if err != nil {
						t.Fatal(err)
					}
					if len(over) > 0 {
						t.Errorf("%s at %dpx scrolls sideways:\n\t%s", p, w, strings.Join(over, "\n\t"))
					}
				}
			})
		}
	}
}

// longGuide builds and serves a guide whose texts do not fit a phone's
// width unless the layout lets them wrap: a German-like compound word, a
// long web address and e-mail, a Georgian name in one word, an Arabic one,
// a table of many columns and a line of code.
func longGuide(t *testing.T) *site {
	t.Helper()
	const word = "Obdachlosenunterkunftsvermittlungsberatungsstellenverzeichnis"
	const geo = "სოციალურიდახმარებისსაკოორდინაციოცენტრისმისაღები"
	const url = "https://www.example.org/very/long/path/to/a/page/that/never/ends/with/a-query?reference=abcdefghijklmnopqrstuvwxyz0123456789"
	const mail = "accueil.hebergement.urgence.solidarite@association-tres-longue.example.org"
	files := map[string]string{
		"site.yaml": "title: {fr: Guide " + word + ", ar: دليل المساعدة الاجتماعية والتضامنية للجميع, ka: " + geo + "}\n" +
			"languages: [fr, ar, ka]\ntimezone: Europe/Paris\ncountry: FR\nlicence: {name: CC-BY-4.0}\n" +
			"contact: {email: " + mail + "}\n" +
			"notice: {text: {fr: \"Avis " + word + " " + url + "\", ar: \"تنبيه " + url + "\", ka: \"" + geo + " " + mail + "\"}}\n",
		"categories.yaml": "- id: accommodation_and_housing\n  icon: accommodation_and_housing\n  name: {fr: " + word + ", ar: الإيواء والسكن والمساعدة على إيجاد مأوى, ka: " + geo + "}\n",
		"listings/saint-remy-de-provence/long.yaml": "name: " + geo + " " + word + "\n" +
			"description: {fr: \"Voir " + url + " ou écrire à " + mail + " — " + word + word + "\", ar: \"مركز الاستقبال والتوجيه الاجتماعي " + url + "\", ka: " + geo + geo + "}\n" +
			"categories: [accommodation_and_housing]\n" +
			"address: {street: \"" + word + "straße 1234\", postal_code: \"13210\", city: Saint-Rémy-de-Provence}\n" +
			"geo: [43.789, 4.831]\n" +
			"phone: [\"+33 1 40 00 00 02\", \"+33 4 90 00 00 03\"]\nemail: " + mail + "\nwebsite: " + url + "\n" +
			"hours: {mo-fr: \"08:00-09:30, 12:00-14:00, 17:30-19:30, 21:00-23:45\", sa: \"10:00-12:00\"}\n" +
			"updated: 2026-11-20\n",
		"listings/saint-remy-de-provence/arabic.yaml": "name: مركز الاستقبال والتوجيه الاجتماعي للأشخاص بدون مأوى\n" +
			"categories: [accommodation_and_housing]\naddress: {city: Saint-Rémy-de-Provence}\nupdated: 2026-11-20\n",
		"pages/long.fr.md": "---\ntitle: " + word + "\n---\n\n# " + word + "\n\n" + word + " " + url + " " + mail + "\n\n" +
			"| " + word + " | b | c | d | e | f | g | h |\n|---|---|---|---|---|---|---|---|\n| " + url + " | 2 | 3 | 4 | 5 | 6 | 7 | 8 |\n\n" +
			"```\n" + strings.Repeat("code ", 40) + "\n```\n\n<" + url + ">\n",
	}
	for _, lang := range []string{"ar", "ka"} {
		files["pages/long."+lang+".md"] = strings.Replace(files["pages/long.fr.md"], "# "+word, "# "+geo, 1)
	}
	return guideSite(t, files)
}

// box is where an element is on the page, in CSS pixels.
type box struct {
	What  string  `json:"what"`
	Top   float64 `json:"top"`
	W     float64 `json:"w"`
	H     float64 `json:"h"`
	Lines int     `json:"lines"` // the rectangles of its lines (getClientRects)
}

// boxesJS returns the boxes of the visible elements that a selector %q selects.
const boxesJS = `[...document.querySelectorAll(%q)].filter(e => e.offsetParent !== null).map(e => {
	const r = e.getBoundingClientRect();
	return {what: e.tagName.toLowerCase() + " " + JSON.stringify(e.textContent.trim().slice(0, 30)), top: r.top, w: r.width, h: r.height, lines: e.getClientRects().length};
})`

func boxes(t testing.TB, tb *tab, sel string) []box {
	t.Helper()
	b, err := eval[[]box](tb, fmt.Sprintf(boxesJS, sel))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// TestLayoutFirstScreen opens, at 360 × 640 px, in every language, the demo
// listing with the most to show before its details: the opening status,
// the call buttons and the directions must be on the first screen, and the
// site notice must take at most two lines there, its full text being on
// the home page.
func TestLayoutFirstScreen(t *testing.T) {
	t.Parallel()
	tb := newTab(t, "")
	tb.viewport(t, 360, 640)
	for _, lang := range demo.Langs {
		p := "/" + lang + "/places/abri-de-nuit-belleville.html"
		if _, err := tb.open(demo.URL + p); err != nil {
			t.Fatal(err)
		}
		if !tb.waitFor(`document.querySelector("main p.status[data-state]")`) {
			t.Fatalf("%s: hours.js did not fill the status", p)
		}
		for _, want := range []struct{ name, sel string }{
			{"the status", "main p.status"},
			{"a call button", `main a[href^="tel:"]`},
			{"directions", `main .map a`},
		} {
			b := boxes(t, tb, want.sel)
			if len(b) == 0 {
				t.Errorf("%s: no %s (%s)", p, want.name, want.sel)
				continue
			}
			if b[0].Top >= 640 {
				t.Errorf("%s: %s (%s) is at %.0f px, below the first screen of 640 px", p, want.name, b[0].What, b[0].Top)
			}
		}
		line, err := eval[float64](tb, `parseFloat(getComputedStyle(document.querySelector(".notice")).lineHeight)`)
		if err != nil {
			t.Fatal(err)
		}
		n := boxes(t, tb, ".notice")
		if len(n) != 1 || n[0].H > 2.5*line+20 {
			t.Errorf("%s: the notice should take one line, it is %+v (lines of %.0f px)", p, n, line)
		}
		full, _ := eval[string](tb, `(document.querySelector(".notice span") || {}).textContent || ""`)
		more, _ := eval[string](tb, `(document.querySelector(".notice a") || {}).href || ""`)
		if more == "" {
			t.Fatalf("%s: the notice has no link to its full text", p)
		}
		if _, err := tb.open(more); err != nil {
			t.Fatal(err)
		}
		home, _ := eval[string](tb, `(document.querySelector("#notice .notice") || {}).textContent || ""`)
		shown, _ := eval[bool](tb, `(e => e && e.scrollWidth <= e.clientWidth && e.getClientRects().length > 0)(document.querySelector("#notice .notice"))`)
		if full == "" || !strings.Contains(home, strings.TrimSpace(full)) || !shown {
			t.Errorf("%s: the notice's link %s does not show its full text (shown whole: %v): %q", p, more, shown, home)
		}
	}
}

// TestLayoutTapTargets measures, at 320 px, the buttons readers tap with a
// thumb: call, directions, save a city, share, and the language links,
// each at least 44 × 44 CSS px (WCAG 2.5.5).
func TestLayoutTapTargets(t *testing.T) {
	t.Parallel()
	tb := newTab(t, "")
	tb.viewport(t, 320, 640)
	city, err := demo.firstPage(filepath.Join(demo.Langs[0], "cities"), "", func(string) bool { return true })
	if err != nil {
		t.Fatal(err)
	}
	for _, lang := range demo.Langs {
		for _, p := range []string{"/" + lang + "/places/abri-de-nuit-belleville.html", "/" + lang + "/cities/" + city} {
			if _, err := tb.open(demo.URL + p); err != nil {
				t.Fatal(err)
			}
			sel := `nav.langs a, main a[href^="tel:"], main .map a, .share a, .share button, main .save button`
			if strings.Contains(p, "/cities/") && !tb.waitFor(`document.querySelector(".save") && !document.querySelector(".save").hidden`) {
				t.Fatalf("%s: app.js did not show the save button", p)
			}
			all := boxes(t, tb, sel)
			if len(all) < len(demo.Langs)+1 {
				t.Errorf("%s: only %d tap targets: %+v", p, len(all), all)
			}
			for _, b := range all {
				if b.W < 44 || b.H < 44 {
					t.Errorf("%s: %s is %.0f × %.0f px, less than 44 × 44", p, b.What, b.W, b.H)
				}
			}
		}
	}
}

// TestLayoutHoursRanges: at 320 px, no time range of an hours table breaks
// after its dash, in any language: on demo listings with two ranges a day
// and with special hours, and on one with four ranges a day.
func TestLayoutHoursRanges(t *testing.T) {
	t.Parallel()
	long := longGuide(t)
	tb := newTab(t, "")
	tb.viewport(t, 320, 640)
	var pages []string
	for _, lang := range demo.Langs {
		for _, id := range []string{"relais-de-la-guillotiere", "ateliers-les-voix-d-ici"} {
			pages = append(pages, demo.URL+"/"+lang+"/places/"+id+".html")
		}
	}
	for _, lang := range long.Langs {
		pages = append(pages, long.URL+"/"+lang+"/places/long.html")
	}
	for _, p := range pages {
		if _, err := tb.open(p); err != nil {
			t.Fatal(err)
		}
		ranges := boxes(t, tb, "table.hours td > span")
		if len(ranges) == 0 {
			t.Fatalf("%s: no time range in the hours table", p)
		}
		for _, r := range ranges {
			if r.Lines != 1 {
				t.Errorf("%s: %s breaks over %d lines", p, r.What, r.Lines)
			}
		}
	}
}

// TestScreenshots writes, when ABRI_SCREENSHOTS names a folder, a PNG of a
// page of every type, at 360 px wide, in French and Arabic, for a reviewer
// to look at: <folder>/<lang>-<type>.png, the whole page.
func TestScreenshots(t *testing.T) {
	dir := os.Getenv("ABRI_SCREENSHOTS")
	if dir == "" {
		t.Skip("ABRI_SCREENSHOTS=<folder> writes the screenshots there")
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	tb := newTab(t, "de")
	tb.viewport(t, 360, 640)
	shoot := func(name, p string) {
		if _, err := tb.open(demo.URL + p); err != nil {
			t.Fatal(err)
		}
		// hours.js has filled the statuses, or the page has none.
		if !tb.waitFor(`document.readyState === "complete" && ![...document.querySelectorAll("p.status[data-hours]")].some(e => e.dataset.hours && !e.dataset.state)`) {
			t.Fatalf("%s: the page did not settle", p)
		}
		png, err := chromedp.Run(tb.ctx, chromedp.FullScreenshot(100))
		if err != nil {
			t.Fatal(err)
		}
		file := filepath.Join(dir, name+".png")
		if err := os.WriteFile(file, png, 0o644); err != nil {
			t.Fatal(err)
		}
		t.Logf("%s: %s", p, file)
	}
	shoot("root", "/index.html")
	for _, lang := range []string{"fr", "ar"} {
		for _, p := range demo.layoutPages(t, lang) {
			name := strings.TrimSuffix(strings.ReplaceAll(strings.TrimPrefix(p, "/"+lang+"/"), "/", "-"), ".html")
			shoot(lang+"-"+name, p)
		}
	}
}
