package e2e

import (
	"fmt"
	"testing"
)

// messageSite builds a small guide whose listing has a message from 1 to
// 10 December 2026, after the day of the build (27 November).
func messageSite(t *testing.T) *site {
	t.Helper()
	files := map[string]string{
		"site.yaml": "title: {fr: Guide, en: Guide}\nlanguages: [fr, en]\ntimezone: Europe/Paris\ncountry: FR\nlicence: {name: CC-BY-4.0}\n",
		"categories.yaml": "- id: hygiene_and_wellness\n  icon: hygiene_and_wellness\n  name: {fr: Hygiène, en: Hygiene}\n" +
			"  children: [{id: shower, name: {fr: Douche, en: Shower}}]\n",
		"listings/lyon/halte.yaml": "name: La Halte\ncategories: [shower]\naddress: {city: Lyon}\nupdated: 2026-11-20\n" +
			"message: {text: {fr: Salle paroissiale, en: Church hall this week}, start: 2026-12-01, end: 2026-12-10}\n",
	}
	s := guideSite(t, files)
	return s
}

// TestMessageByDate: a listing's message, hidden in the pages built before
// it starts, is shown on its page and its card on its days in the guide's
// zone, and hidden again once over, without a rebuild.
func TestMessageByDate(t *testing.T) {
	t.Parallel()
	s := messageSite(t)
	for _, tt := range []struct {
		when  string
		shown bool
	}{
		{"2026-11-27 10:00", false}, // the day of the build
		{"2026-12-01 00:30", true},  // its first day in Paris (still 30 November in UTC)
		{"2026-12-10 23:30", true},
		{"2026-12-11 00:30", false},
	} {
		for _, page := range []string{"places/halte.html", "cities/lyon.html"} {
			tb := atInstant(t, tt.when, s.URL+"/en/"+page)
			find := `[...document.querySelectorAll("main .msg")].filter(e => e.textContent.includes("Church hall this week"))`
			want := fmt.Sprintf(`(els => els.length === 1 && els[0].hidden === %v)(%s)`, !tt.shown, find)
			if !tb.waitFor(want) {
				n, _ := eval[int](tb, find+".length")
				t.Errorf("en/%s at %s: the message shown is not %v (%d elements)", page, tt.when, tt.shown, n)
			}
		}
	}
}
