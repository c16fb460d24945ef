package e2e

import (
	"fmt"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
)

// fileURL is the file:// URL of rel, a slash-separated path in the folder out.
func fileURL(out, rel string) string {
	return (&url.URL{Scheme: "file", Path: filepath.ToSlash(out) + "/" + rel}).String()
}

// crawl opens an output folder's pages from the disk, as a reader with the
// guide on a USB stick does, breadth first.
type crawl struct {
	tb       *tab
	root     string // URL path of the output folder, with a trailing slash
	origin   string // URL of the output folder, without a trailing slash
	dir      string // the output folder
	maxPages int

	opened   int
	left     int                 // pages found but left unopened because of maxPages
	linker   map[string]string   // the first page that links to each target
	ids      map[string][]string // the ids of each opened page
	anchors  map[string][]string // target -> fragments that links point at
	findings []string
}

// crawlFindings opens the pages starts (paths in out, such as
// "fr/index.html") and every page they link to, up to maxDepth links away
// and maxPages pages in all. Each must open as a real page: no error page,
// no folder listing, a <main> or an <h1>, and load all it needs from out
// without an error. Every link of an opened page must stay in out and point
// at a file, and its #fragment at an element. It also returns the number of
// pages opened, and of pages found but left unopened because of maxPages.
func crawlFindings(tb *tab, out string, starts []string, maxDepth, maxPages int) (findings []string, opened, left int) {
	c := &crawl{
		tb: tb, root: filepath.ToSlash(out) + "/", dir: out, maxPages: maxPages,
		origin: strings.TrimSuffix(fileURL(out, ""), "/"),
		linker: map[string]string{}, ids: map[string][]string{}, anchors: map[string][]string{},
	}
	seen := map[string]bool{}
	level := slices.Clone(starts)
	for _, s := range starts {
		seen[s] = true
	}
	for depth := 0; len(level) > 0; depth++ {
		var next []string
		for _, rel := range interleave(level) {
			if c.opened == c.maxPages {
				c.left++
				continue
			}
			for _, target := range c.open(rel) {
				if depth < maxDepth && !seen[target] {
					seen[target] = true
					next = append(next, target)
				}
			}
		}
		level = next
	}
	for target, frags := range c.anchors {
		ids, ok := c.ids[target]
		if !ok {
			continue // not opened: its ids are unknown
		}
		for _, f := range frags {
			if !slices.Contains(ids, f) {
				c.add(target+"#"+f, "no element has the id %q", f)
			}
		}
	}
	slices.Sort(c.findings)
	return slices.Compact(c.findings), c.opened, c.left
}

func (c *crawl) add(rel, format string, args ...any) {
	msg := rel + ": " + fmt.Sprintf(format, args...)
	if from, ok := c.linker[strings.SplitN(rel, "#", 2)[0]]; ok {
		msg += " (linked from " + from + ")"
	}
	c.findings = append(c.findings, msg)
}

// pageInfo is what the crawl reads from an opened page.
type pageInfo struct {
	URL     string   `json:"url"`
	Listing bool     `json:"listing"` // Chromium's listing of a folder
	Real    bool     `json:"real"`    // has a <main> or an <h1>
	Links   []string `json:"links"`
	IDs     []string `json:"ids"`
}

// open opens rel, checks it, and returns the targets of its links that a
// reader can open: pages, and folders (which the checks reject).
func (c *crawl) open(rel string) []string {
	c.opened++
	v, err := c.tb.open(fileURL(c.dir, rel))
	if err != nil {
		c.add(rel, "Chromium cannot open it: %v", err)
		return nil
	}
	for _, f := range loadFindings(v, c.origin, 200) {
		c.add(rel, "%s", f)
	}
	p, err := eval[pageInfo](c.tb, `({
		url: location.href,
		listing: !!document.querySelector("#parentDirLinkBox, #listingParsingErrorBox") || document.title.startsWith("Index of "),
		real: !!document.querySelector("main, h1"),
		links: [...document.querySelectorAll("a[href]")].map(a => a.href),
		ids: [...document.querySelectorAll("[id]")].map(e => e.id),
	})`)
	switch {
	case err != nil:
		c.add(rel, "%v", err)
		return nil
	case !strings.HasPrefix(p.URL, "file:"):
		c.add(rel, "Chromium shows an error page (%s)", p.URL)
		return nil
	case p.Listing:
		c.add(rel, "Chromium shows a folder listing, not a page")
		return nil
	case !p.Real:
		c.add(rel, "not a page of the guide: no <main>, no <h1>")
	}
	c.ids[rel] = p.IDs
	var targets []string
	for _, href := range p.Links {
		if t, ok := c.link(rel, href); ok {
			targets = append(targets, t)
		}
	}
	return targets
}

// link checks the link href of the page from on the disk and returns its
// target, when it is one to open.
func (c *crawl) link(from, href string) (string, bool) {
	u, err := url.Parse(href)
	if err != nil {
		c.add(from, "bad link %q: %v", href, err)
		return "", false
	}
	if u.Scheme != "file" {
		return "", false // the web, mail, phone: not the crawl's business
	}
	if !strings.HasPrefix(u.Path, c.root) {
		c.add(from, "the link %s leaves the output folder: it is broken on a USB stick", href)
		return "", false
	}
	target := strings.TrimPrefix(u.Path, c.root)
	if _, ok := c.linker[target]; !ok {
		c.linker[target] = from
		fi, err := os.Stat(filepath.Join(c.dir, filepath.FromSlash(target)))
		switch {
		case err != nil:
			c.add(target, "no such file")
			return "", false
		case fi.IsDir():
			c.add(target, "a link to a folder: from the disk, a browser shows a file listing, not a page")
		}
	}
	if u.Fragment != "" && !slices.Contains(c.anchors[target], u.Fragment) {
		c.anchors[target] = append(c.anchors[target], u.Fragment)
	}
	if target == "" || strings.HasSuffix(target, "/") || path.Ext(target) == ".html" {
		return target, true
	}
	return "", false
}

// interleave orders paths by their first folder (a language) in turns, so
// that a crawl cut short by its page limit still covers every language.
func interleave(paths []string) []string {
	var keys []string
	groups := map[string][]string{}
	for _, p := range paths {
		k, _, _ := strings.Cut(p, "/")
		if _, ok := groups[k]; !ok {
			keys = append(keys, k)
		}
		groups[k] = append(groups[k], p)
	}
	var out []string
	for i := 0; len(out) < len(paths); i++ {
		for _, k := range keys {
			if i < len(groups[k]) {
				out = append(out, groups[k][i])
			}
		}
	}
	return out
}
