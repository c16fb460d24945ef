package e2e

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// TestOpeningStatus sets the browser's clock to fixed instants and checks
// the status hours.js shows on demo listings that exercise each case: a
// night shelter over midnight, a monthly distribution, a current closure,
// a public holiday, closing soon, a place closed for good, unknown hours.
func TestOpeningStatus(t *testing.T) {
	t.Parallel()
	paris, err := time.LoadLocation("Europe/Paris")
	if err != nil {
		t.Fatal(err)
	}
	at := func(s string) time.Time {
		v, err := time.ParseInLocation("2006-01-02 15:04", s, paris)
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	tests := []struct {
		listing, when, state, text string
	}{
		{"abri-de-nuit-belleville", "2026-11-27 22:00", "open", "08:00"},
		{"abri-de-nuit-belleville", "2026-11-28 03:30", "open", "08:00"},
		{"abri-de-nuit-belleville", "2026-11-28 10:00", "closed", "19:00"},
		{"laverie-solidaire-de-l-ourcq", "2026-11-27 10:00", "temporarily_closed", "6"},
		{"distribution-mensuelle-de-vaise", "2026-12-05 10:00", "open", "12:00"},
		{"distribution-mensuelle-de-vaise", "2026-12-12 10:00", "closed", ""},
		{"relais-de-la-guillotiere", "2026-12-24 10:00", "open", "12:00"},
		{"relais-de-la-guillotiere", "2026-12-25 10:00", "closed", ""},
		{"relais-de-la-guillotiere", "2026-12-01 11:45", "closing_soon", "12:00"},
		{"ateliers-les-voix-d-ici", "2026-12-01 10:00", "open", "11:30"},   // special hours replace the week
		{"ateliers-les-voix-d-ici", "2026-12-15 10:00", "closed", "14:00"}, // and end
		{"vestiaire-saint-maur", "2026-11-27 10:00", "permanently_closed", ""},
		{"toilettes-square-boucicaut", "2026-11-27 10:00", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.listing+"@"+tt.when, func(t *testing.T) {
			now := at(tt.when)
			tb := newTab(t, "")
			script := fmt.Sprintf("window.abriNow = %d;", now.UnixMilli())
			if _, err := chromedp.Call(tb.ctx, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: script}); err != nil {
				t.Fatal(err)
			}
			url := demo.URL + "/en/places/" + tt.listing + ".html"
			if _, err := tb.open(url); err != nil {
				t.Fatal(err)
			}
			if !tb.waitFor(`!!document.querySelector("main p.status[data-state]") || !document.querySelector("main p.status[data-hours]") || document.querySelector("main p.status").getAttribute("data-hours") === ""`) {
				t.Fatalf("%s: hours.js did not fill the status", url)
			}
			state, _ := eval[string](tb, `(document.querySelector("main p.status") || {getAttribute(){return ""}}).getAttribute("data-state") || ""`)
			text, _ := eval[string](tb, `(document.querySelector("main p.status") || {textContent: ""}).textContent`)
			hidden, _ := eval[bool](tb, `!!(document.querySelector("main p.status") || {}).hidden`)
			want := tt.state
			if want == "" {
				want = "unknown"
			}
			if state != want || !strings.Contains(text, tt.text) || hidden {
				t.Errorf("%s at %s: state %q, text %q, hidden %v; want %q with %q", tt.listing, tt.when, state, text, hidden, want, tt.text)
			}
			today := strings.ToLower(now.Weekday().String()[:2])
			if row, _ := eval[string](tb, `(document.querySelector("table.hours tr.today") || {dataset: {}}).dataset.day || ""`); tt.state != "permanently_closed" && tt.listing != "toilettes-square-boucicaut" && row != today {
				t.Errorf("%s at %s: today's row is %q, want %q", tt.listing, tt.when, row, today)
			}
		})
	}
}
