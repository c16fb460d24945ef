package e2e

import (
	"fmt"
	"testing"
)

// edges is where the text of an element starts, measured in the browser:
// the gaps between the text (a Range over the element's contents) and the
// element's content box, on the left and on the right.
type edges struct {
	Text  string  `json:"text"`
	Left  float64 `json:"left"`
	Right float64 `json:"right"`
}

const edgesJS = `[...document.querySelectorAll(%q)].slice(0, 3).map(el => {
	const r = document.createRange();
	r.selectNodeContents(el);
	const t = r.getBoundingClientRect(), b = el.getBoundingClientRect(), cs = getComputedStyle(el);
	return {text: el.textContent.trim(),
		left: t.left - b.left - parseFloat(cs.paddingLeft) - parseFloat(cs.borderLeftWidth),
		right: b.right - parseFloat(cs.paddingRight) - parseFloat(cs.borderRightWidth) - t.right};
})`

// TestBidi: on right-to-left pages, names in Latin script (a place's name
// in its heading, a town's, the places listed on a town's page) start at
// the right edge, as the page's own words do; on left-to-right pages, at
// the left edge.
func TestBidi(t *testing.T) {
	t.Parallel()
	tb := newTab(t, "")
	pages := []struct{ path, sel string }{
		{"places/refuge-olympe.html", "main h1"}, // a short Latin name, on one line
		{"cities/paris.html", "main h1"},
		{"cities/paris.html", ".card > a"},
	}
	rtlSeen := 0
	for _, lang := range demo.Langs {
		wantRTL := rtl(lang)
		if wantRTL {
			rtlSeen++
		} else if lang != demo.Langs[0] {
			continue // one left-to-right language shows that the measure holds
		}
		for _, p := range pages {
			url := demo.URL + "/" + lang + "/" + p.path
			if _, err := tb.open(url); err != nil {
				t.Fatalf("opening %s: %v", url, err)
			}
			els, err := eval[[]edges](tb, fmt.Sprintf(edgesJS, p.sel))
			if err != nil {
				t.Fatal(err)
			}
			if len(els) == 0 {
				t.Errorf("%s/%s: no %s", lang, p.path, p.sel)
			}
			for _, e := range els {
				gap, side := e.Left, "left"
				if wantRTL {
					gap, side = e.Right, "right"
				}
				if gap > 1 || gap < -1 {
					t.Errorf("%s/%s: %s %q starts %.0fpx from the %s edge, want at it (left gap %.0fpx, right gap %.0fpx)",
						lang, p.path, p.sel, e.Text, gap, side, e.Left, e.Right)
				}
			}
		}
	}
	if rtlSeen == 0 {
		t.Fatal("the demo guide has no right-to-left language")
	}
}
