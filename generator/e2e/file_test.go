package e2e

import (
	"testing"
)

// Bounds of the crawl from the disk: links away from the home pages, and
// pages opened in all.
const (
	crawlDepth = 2
	crawlPages = 300
)

// TestFile opens the guide from the disk, as a reader with a copy on a USB
// stick does: the root page must send them to a language, and every link
// reachable from the home pages must open a real page.
func TestFile(t *testing.T) {
	t.Parallel()
	t.Run("root redirects", func(t *testing.T) {
		tb := newTab(t, "")
		if err := tb.watchLeaving(); err != nil {
			t.Fatal(err)
		}
		if _, err := tb.open(fileURL(demo.Dir, "index.html")); err != nil {
			t.Fatal(err)
		}
		for _, f := range redirectFindings(tb) {
			t.Error("index.html: " + f)
		}
		where, _ := eval[string](tb, `navigator.languages.join() + " → " + location.pathname`)
		t.Logf("index.html sent a browser in %s", where)
	})
	t.Run("crawl", func(t *testing.T) {
		// A reader in a language the guide does not have stays on the
		// root's list of languages, which leads to the home pages.
		tb := newTab(t, "de")
		findings, opened, left := crawlFindings(tb, demo.Dir, []string{"index.html"}, crawlDepth+1, crawlPages)
		for _, f := range findings {
			t.Error(f)
		}
		t.Logf("opened %d pages from the disk, up to %d links away from the home pages; %d more found, left unopened (limit %d pages); every link of an opened page checked on the disk", opened, crawlDepth, left, crawlPages)
	})
}
