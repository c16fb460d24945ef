package e2e

import (
	"context"
	"encoding/base64"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// planted is a copy of the output with defects in it, served and open in a tab.
type planted struct {
	dir  string
	site *site
	tb   *tab
	axe  string // URL of axe-core
}

// open opens a page of the copy over HTTP.
func (p *planted) open(t *testing.T, page string) visit {
	t.Helper()
	v, err := p.tb.open(p.site.URL + "/" + page)
	if err != nil {
		t.Fatal(err)
	}
	return v
}

// bite is a defect planted in a page of the output, and the check that must
// catch it.
type bite struct {
	name     string
	page     string // path of the page in the output
	old, new string // the defect: new replaces the first old of the page
	check    func(t *testing.T, p *planted, page string) []string
	want     []string // what the findings must say, each in one finding at least
}

const mainTag = `<main id="main">`

// loads is the check of a page's loading over HTTP.
func loads(t *testing.T, p *planted, page string) []string {
	return loadFindings(p.open(t, page), p.site.URL, 200)
}

// bites lists the planted defects. listing is the path of a listing page
// in a language, icon the file name of the guide's icon.
func bites(listing func(lang string) string, icon string) []bite {
	return []bite{{
		name: "folder link, root-relative link and image, crawl from the disk",
		page: "fr/index.html", old: mainTag,
		new: mainTag + `<p><a href="../fr/">a folder</a> <a href="/fr/index.html">root-relative</a> <a href="no-such-page.html">missing</a></p><img alt="" src="/assets/planted.svg">`,
		check: func(t *testing.T, p *planted, page string) []string {
			findings, _, _ := crawlFindings(p.tb, p.dir, []string{page}, 1, 60)
			return findings
		},
		want: []string{
			"fr/: Chromium shows a folder listing", "fr/: a link to a folder",
			"/fr/index.html leaves the output folder", "fr/no-such-page.html: no such file",
			"fr/index.html: request outside the site: Image file:///assets/planted.svg",
		},
	}, {
		name: "image without alt, axe-core",
		page: "en/index.html", old: mainTag, new: mainTag + `<img src="../assets/` + icon + `">`,
		check: func(t *testing.T, p *planted, page string) []string {
			p.open(t, page)
			return axeFindings(p.tb, p.axe)
		},
		want: []string{"axe image-alt"},
	}, {
		name: "font server, request outside the site",
		page: "ar/index.html", old: "</head>",
		new:   `<link rel="stylesheet" href="https://fonts.googleapis.com/css2?family=Noto+Sans+Arabic"></head>`,
		check: loads,
		want:  []string{"request outside the site: Stylesheet https://fonts.googleapis.com/"},
	}, {
		name: "console error",
		page: "uk/index.html", old: "</body>", new: `<script>console.error("planted error")</script></body>`,
		check: loads,
		want:  []string{"console.error: planted error"},
	}, {
		name: "missing image, failed request",
		page: "fr/pages/legal.html", old: mainTag, new: mainTag + `<img alt="" src="../../assets/no-such-image.svg">`,
		check: loads,
		want:  []string{"HTTP 404: Image ", "/assets/no-such-image.svg"},
	}, {
		name: "wrong language link, switcher",
		page: listing("fr"), old: `href="../../` + listing("en") + `" lang="en"`, new: `href="../../en/index.html" lang="en"`,
		check: func(t *testing.T, p *planted, page string) []string {
			p.open(t, page)
			return switcherFindings(p.tb, "nav.langs a", "fr", demo.Langs, func(lang string) string { return "/" + listing(lang) })
		},
		want: []string{"the en link leads to ", "/en/index.html, want /" + listing("en")},
	}, {
		name: "left-to-right Arabic, mirroring",
		page: "ar/pages/about.html", old: `dir="rtl"`, new: `dir="ltr"`,
		check: func(t *testing.T, p *planted, page string) []string {
			p.open(t, page)
			findings, _ := mirrorFindings(p.tb, true)
			return findings
		},
		want: []string{`<html dir="ltr">, want "rtl"`, "the layout does not run rtl"},
	}, {
		name: "heavy listing, budget",
		page: listing("en"), old: "</main>", new: `<p hidden>` + incompressible(12<<10) + `</p></main>`,
		check: func(t *testing.T, p *planted, page string) []string {
			w, err := weigh(p.tb, p.open(t, page), p.dir, p.site.URL)
			if err != nil {
				t.Fatal(err)
			}
			return budgetFindings("listing", w)
		},
		want: []string{"the listing's HTML weighs"},
	}, {
		name: "no redirect, root",
		page: "index.html", old: `<script src="assets/lang.`, new: `<script type="text/plain" src="assets/lang.`,
		check: func(t *testing.T, p *planted, page string) []string {
			if err := p.tb.watchLeaving(); err != nil {
				t.Fatal(err)
			}
			p.open(t, page)
			return redirectFindings(p.tb)
		},
		want: []string{"a browser is not sent to a language's home page"},
	}, {
		name: "invalid elements, Nu HTML Checker",
		page: "fr/pages/about.html", old: mainTag,
		new: mainTag + `<p><span><div>a block in a phrase</div></span></p><foo>an unknown element</foo>`,
		check: func(t *testing.T, p *planted, page string) []string {
			need(t, vnuTool())
			one := t.TempDir() // the one page: the checker takes long enough
			b, err := os.ReadFile(filepath.Join(p.dir, page))
			if err == nil {
				err = os.WriteFile(filepath.Join(one, "about.html"), b, 0o644)
			}
			if err != nil {
				t.Fatal(err)
			}
			findings, err := vnuFindings(context.Background(), one)
			if err != nil {
				t.Fatal(err)
			}
			return findings
		},
		want: []string{"about.html:", "Unclosed element “span”", "The “foo” element is a completely-unknown element"},
	}}
}

// TestChecksBite plants a defect in a copy of the output for each check and
// sees the check fail: a check that cannot fail proves nothing.
func TestChecksBite(t *testing.T) {
	t.Parallel()
	p := &planted{axe: axeURL(t), tb: newTab(t, ""), dir: copySite(t, demo.Dir)}
	types, err := demo.pageTypes()
	if err != nil {
		t.Fatal(err)
	}
	listing := func(string) string { return "" }
	for _, pt := range types {
		if pt.Name == "listing" {
			listing = func(lang string) string { return strings.TrimPrefix(pt.Path(lang), "/") }
		}
	}
	icon, err := filepath.Glob(filepath.Join(p.dir, "assets", "icon.*.svg"))
	if err != nil || len(icon) == 0 {
		t.Fatalf("no icon in the output's assets: %v", err)
	}
	all := bites(listing, filepath.Base(icon[0]))
	for _, b := range all {
		plant(t, p.dir, b.page, b.old, b.new)
	}
	p.site = serveSite(p.dir, demo.Langs)
	defer p.site.Close()
	for _, b := range all {
		t.Run(b.name, func(t *testing.T) {
			findings := b.check(t, p, b.page)
			for _, w := range b.want {
				if !containsIn(findings, w) {
					t.Errorf("%s: the check did not catch the planted defect: no finding says %q; findings: %q", b.page, w, findings)
				}
			}
			for _, f := range findings {
				t.Logf("caught: %s", f)
			}
		})
	}
}

// containsIn says whether one of the strings contains sub.
func containsIn(strs []string, sub string) bool {
	for _, s := range strs {
		if strings.Contains(s, sub) {
			return true
		}
	}
	return false
}

// incompressible returns n bytes of text that gzip cannot shrink much.
func incompressible(n int) string {
	r := rand.New(rand.NewPCG(1, 2))
	b := make([]byte, n*3/4)
	for i := range b {
		b[i] = byte(r.Uint32())
	}
	return base64.StdEncoding.EncodeToString(b)
}
