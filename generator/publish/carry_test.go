package publish

import (
	"os"
	"path/filepath"
	"testing"
)

// TestCarryOver: publishing the same site over its previous output links
// every file and zip (the same inodes' bytes), and a language's zip
// recorded as over the limit at its first entries, which did not change,
// is left out without being made, whatever its size would be.
func TestCarryOver(t *testing.T) {
	r := demo(t, nil)
	dir, res := publishDemo(t, r, Options{})
	prev := &Previous{Dir: dir, Files: map[string]Entry{}, Over: map[string]Over{}}
	for _, e := range res.Ledger.Entries() {
		prev.Files[e.Path] = e
	}
	lang := r.Copies()[0]
	p := &publisher{r: r, files: r.Files(), limit: LangZipLimit}
	prev.Over[lang.Path] = Over{Path: lang.Path, Key: p.prefixKey(0, 3), Entries: 3}
	delete(prev.Files, lang.Path)
	again, res2 := publishDemo(t, r, Options{Previous: prev})
	if res2.Carried != len(res.Ledger.Entries())-2 || res2.Made != 1 {
		// The service worker is always made; the zip left out is neither.
		t.Errorf("%d files made, %d carried over, of %d", res2.Made, res2.Carried, len(res.Ledger.Entries()))
	}
	if len(res2.Over) != 1 || res2.Over[0] != lang.Path {
		t.Errorf("over the limit: %v, want %s as recorded", res2.Over, lang.Path)
	}
	if _, err := os.Stat(filepath.Join(again, filepath.FromSlash(lang.Path))); err == nil {
		t.Errorf("%s was written", lang.Path)
	}
	for _, e := range res2.Ledger.Entries() {
		if e.Path == lang.Path {
			t.Errorf("%s is in the ledger", e.Path)
		} else if e.Path != "sw.js" && e != prev.Files[e.Path] {
			t.Errorf("%s: %+v, was %+v", e.Path, e, prev.Files[e.Path])
		}
	}
}
