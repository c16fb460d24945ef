package e2e

import (
	"fmt"
	"net/url"
	"slices"
	"testing"
	"time"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// atInstant opens url in a new tab whose clock reads when (Paris time).
func atInstant(t *testing.T, when, url string) *tab {
	t.Helper()
	paris, err := time.LoadLocation("Europe/Paris")
	if err != nil {
		t.Fatal(err)
	}
	now, err := time.ParseInLocation("2006-01-02 15:04", when, paris)
	if err != nil {
		t.Fatal(err)
	}
	tb := newTab(t, "")
	script := fmt.Sprintf("window.abriNow = %d;", now.UnixMilli())
	if _, err := chromedp.Call(tb.ctx, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: script}); err != nil {
		t.Fatal(err)
	}
	if _, err := tb.open(url); err != nil {
		t.Fatal(err)
	}
	return tb
}

// TestDatedTexts: the demo is built on 27 November 2026; read weeks or
// months later without a rebuild, its pages announce closures and special
// hours from 15 days before they start until their last day, and caution
// about information older than stale_after, on the reader's day.
func TestDatedTexts(t *testing.T) {
	t.Parallel()
	tests := []struct {
		listing, text, when string
		shown               bool
	}{
		{"halte-des-canaux", "24 December 2026", "2026-11-27 10:00", false}, // the day of the build: too early
		{"halte-des-canaux", "24 December 2026", "2026-12-10 10:00", true},  // 14 days before
		{"halte-des-canaux", "24 December 2026", "2027-01-06 10:00", false}, // D+40: over
		{"laverie-solidaire-de-l-ourcq", "6 December 2026", "2026-11-27 10:00", true},
		{"laverie-solidaire-de-l-ourcq", "6 December 2026", "2027-01-06 10:00", false},
		{"ateliers-les-voix-d-ici", "11 December 2026", "2026-11-27 10:00", true}, // special hours
		{"ateliers-les-voix-d-ici", "11 December 2026", "2027-01-06 10:00", false},
		{"abri-de-nuit-belleville", "days old", "2027-01-06 10:00", false}, // updated 18 November 2026
		{"abri-de-nuit-belleville", "days old", "2027-06-01 10:00", true},  // stale_after 180 days
	}
	for _, tt := range tests {
		t.Run(tt.listing+"@"+tt.when, func(t *testing.T) {
			tb := atInstant(t, tt.when, demo.URL+"/en/places/"+tt.listing+".html")
			find := fmt.Sprintf(`[...document.querySelectorAll("main [data-show]")].filter(e => e.textContent.includes(%q))`, tt.text)
			want := fmt.Sprintf(`(els => els.length === 1 && els[0].hidden === %v)(%s)`, !tt.shown, find)
			if !tb.waitFor(want) {
				n, _ := eval[int](tb, find+".length")
				t.Errorf("%s at %s: %q shown is not %v (%d elements)", tt.listing, tt.when, tt.text, tt.shown, n)
			}
		})
	}
}

// TestServiceHoursInBrowser: on Wednesday at 10:30 La Halte des Canaux
// (open Monday to Friday) is open, but its showers (Tuesday and Thursday
// 09:00-11:00) are not: the shower page, a search for "douche" with
// "open now" and one for the category say so.
func TestServiceHoursInBrowser(t *testing.T) {
	t.Parallel()
	const wednesday, tuesday = "2026-12-02 10:30", "2026-12-01 10:30"
	card := `(document.querySelector('li.card a[href$="/halte-des-canaux.html"]') || {parentNode: null}).parentNode`
	state := card + `.querySelector(".status").getAttribute("data-state")`
	for page, want := range map[string]string{"shower": "closed", "hygiene_and_wellness": "closed", "day_hosting": "open"} {
		tb := atInstant(t, wednesday, demo.URL+"/en/categories/"+page+".html")
		if !tb.waitFor(state + ` === "` + want + `"`) {
			got, _ := eval[string](tb, state)
			t.Errorf("en/categories/%s.html on Wednesday 10:30: La Halte is %q, want %q", page, got, want)
		}
	}
	for _, tt := range []struct {
		when, query string
		found       bool
	}{
		{wednesday, "q=douche&open=1", false},
		{wednesday, "cat=shower&open=1", false},
		{tuesday, "q=douche&open=1", true},
		{wednesday, "cat=day_hosting&open=1", true},
	} {
		tb := atInstant(t, tt.when, demo.URL+"/fr/search.html?"+tt.query)
		p, err := searched(tb)
		if err != nil {
			t.Fatal(err)
		}
		if got := slices.Contains(ids(p.Results), "halte-des-canaux"); got != tt.found {
			t.Errorf("search %s at %s: La Halte found %v, want %v (%v)", url.PathEscape(tt.query), tt.when, got, tt.found, ids(p.Results))
		}
	}
	// Without "open now", its result shows the showers' status.
	tb := atInstant(t, wednesday, demo.URL+"/fr/search.html?q=douche")
	if _, err := searched(tb); err != nil {
		t.Fatal(err)
	}
	result := `(document.querySelector('#results a[href$="/halte-des-canaux.html"]') || {parentNode: null}).parentNode.querySelector(".status").getAttribute("data-state")`
	if !tb.waitFor(result + ` === "closed"`) {
		got, _ := eval[string](tb, result)
		t.Errorf("search douche on Wednesday 10:30: La Halte's result is %q, want closed", got)
	}
}
