package e2e

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/chromedp/chromedp"
	keys "github.com/chromedp/chromedp/kb"
)

// quickExitSites serves a neutral site (/before, a page read before the
// guide, and /neutral, where the quick exit leaves for) and a small guide
// whose shelters category has the quick exit.
func quickExitSites(t *testing.T) (neutral string, guide *site) {
	t.Helper()
	ns := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprintf(w, "<!doctype html><title>%s</title><p>%s</p>", r.URL.Path, r.URL.Path)
	}))
	t.Cleanup(ns.Close)
	files := map[string]string{
		"site.yaml": "title: {fr: Guide, en: Guide}\nlanguages: [fr, en]\ntimezone: Europe/Paris\ncountry: FR\nlicence: {name: CC-BY-4.0}\n" +
			"quick_exit: {url: \"" + ns.URL + "/neutral\", pages: categories}\n",
		"categories.yaml": "- id: accommodation_and_housing\n  icon: accommodation_and_housing\n  name: {fr: Hébergement, en: Housing}\n" +
			"  children: [{id: women_shelter, name: {fr: Accueil femmes, en: Women's shelter}, quick_exit: true}]\n",
		"listings/lyon/refuge.yaml": "name: Le Refuge\ncategories: [women_shelter]\naddress: {city: Lyon}\nupdated: 2026-11-20\n",
	}
	guide = guideSite(t, files)
	return ns.URL, guide
}

// TestQuickExitLeaves: on a shelter's page read after a page of another
// site, Escape pressed three times, or the button, opens the neutral site
// in place of the guide's page: the history is no longer, and Back goes
// to the page read before the guide, not to the guide.
func TestQuickExitLeaves(t *testing.T) {
	t.Parallel()
	neutral, guide := quickExitSites(t)
	for _, how := range []string{"escape", "button"} {
		t.Run(how, func(t *testing.T) {
			tb := newTab(t, "")
			if _, err := tb.open(neutral + "/before"); err != nil {
				t.Fatal(err)
			}
			if _, err := tb.open(guide.URL + "/en/places/refuge.html"); err != nil {
				t.Fatal(err)
			}
			before, err := eval[int](tb, "history.length")
			need(t, err)
			if !tb.waitFor(`document.querySelector("a.quick-exit[href='` + neutral + `/neutral'][rel=noreferrer]")`) {
				t.Fatalf("%s: the shelter's page has no quick exit to %s/neutral", how, neutral)
			}
			if how == "escape" {
				for range 3 {
					// The third press leaves: its key up may reach the next page.
					if err := chromedp.Do(tb.ctx, chromedp.KeyEvent(keys.Escape)); err != nil && tb.ctx.Err() != nil {
						t.Fatal(err)
					}
				}
			} else {
				need(t, chromedp.Do(tb.ctx, chromedp.Click(chromedp.CSS("a.quick-exit"), chromedp.NodeVisible)))
			}
			if !tb.waitFor(`location.href === "` + neutral + `/neutral"`) {
				t.Fatalf("%s: the tab did not leave for the neutral site", how)
			}
			if n, err := eval[int](tb, "history.length"); err != nil || n != before {
				t.Errorf("%s: history has %d entries after leaving, want %d as before (%v)", how, n, before, err)
			}
			// history.back, not chromedp.NavigateBack: a page restored from the
			// back-forward cache fires no load event for it to wait for.
			_, err = eval[bool](tb, "history.back(), true")
			need(t, err)
			if !tb.waitFor(`location.href === "` + neutral + `/before"`) {
				href, _ := eval[string](tb, "location.href")
				t.Errorf("%s: Back went to %s, want the page read before the guide, %s/before", how, href, neutral)
			}
		})
	}
}
