package generator

import (
	"errors"
	"html"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/abri-guide/abri/generator/hours"
)

// The tests of this file build guides using the optional fields editors
// reach for in a crisis: a listing's temporary message, closures of one
// service, notices for some cities or categories.

// readOut reads a file of a built site.
func readOut(t *testing.T, out, name string) string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(out, filepath.FromSlash(name)))
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

// TestListingMessage: a message is on its listing's page and card, shown
// while in force on the day of the build, in the page hidden before it
// starts (app.js shows it on its days), gone once over, escaped, and in the
// print edition only while in force.
func TestListingMessage(t *testing.T) {
	listing := func(id, message string) string {
		return "\n-- listings/lyon/" + id + ".yaml --\nname: Lieu " + id + "\ncategories: [shower]\naddress: {city: Lyon}\nupdated: 2026-11-01\nmessage: " + message + "\n"
	}
	out, problems, err := buildArchive(t, listing("now", `{text: {fr: "Distribution <b>salle paroissiale</b>", en: Distribution in the church hall}, start: 2026-11-20, end: 2026-12-05}`)+
		listing("later", `{text: {fr: Fermé pour travaux bientôt, en: Works soon}, start: 2026-12-10}`)+
		listing("over", `{text: {fr: Déménagement fini, en: Moved}, end: 2026-11-26}`)+
		listing("always", `{text: {fr: Appelez avant de venir, en: Call before you come}}`))
	if err != nil {
		t.Fatalf("%v\n%v", err, problems)
	}
	for _, tt := range []struct{ id, page, card string }{
		{"now", `<p class="alert msg" role="note" data-show="2026-11-20/2026-12-05" data-tz="Europe/Paris">`, `<span class="msg" data-show="2026-11-20/2026-12-05" data-tz="Europe/Paris">Distribution &lt;b&gt;salle paroissiale&lt;/b&gt;</span>`},
		{"later", `<p class="alert msg" role="note" data-show="2026-12-10/" data-tz="Europe/Paris" hidden>`, `<span class="msg" data-show="2026-12-10/" data-tz="Europe/Paris" hidden>Fermé pour travaux bientôt</span>`},
		{"over", "", ""},
		{"always", `<p class="alert msg" role="note">`, `<span class="msg">Appelez avant de venir</span>`},
	} {
		page := readOut(t, out, "fr/places/"+tt.id+".html")
		if got := strings.Contains(page, `class="alert msg"`); got != (tt.page != "") || !strings.Contains(page, tt.page) {
			t.Errorf("%s: page has a message %v, want %q", tt.id, got, tt.page)
		}
		city := readOut(t, out, "fr/cities/lyon.html")
		card := regexp.MustCompile(`(?s)<li class="card">\s*<a href="[^"]*places/` + tt.id + `\.html">.*?</li>`).FindString(city)
		if got := strings.Contains(card, `class="msg"`); got != (tt.card != "") || !strings.Contains(card, tt.card) {
			t.Errorf("%s: card %q, want %q", tt.id, card, tt.card)
		}
	}
	if page := readOut(t, out, "fr/places/now.html"); strings.Contains(page, "<b>salle") {
		t.Error("the message is not escaped")
	}
	print := html.UnescapeString(readOut(t, out, "fr/print/lyon.html"))
	if !strings.Contains(print, "<strong>Distribution <b>salle paroissiale</b></strong>") || !strings.Contains(print, "Appelez avant de venir") {
		t.Error("the print edition lacks the messages in force")
	}
	if strings.Contains(print, "travaux bientôt") || strings.Contains(print, "Déménagement") {
		t.Error("the print edition states messages not in force on its day")
	}
}

// TestServiceClosureShown: the showers' closure is beside the showers on
// the page, closes their hours (not the place's), and is in the print
// edition of the showers.
func TestServiceClosureShown(t *testing.T) {
	out, problems, err := buildArchive(t, `
-- categories.yaml --
- id: hygiene_and_wellness
  icon: hygiene_and_wellness
  name: {fr: Hygiène, en: Hygiene}
  children:
    - id: shower
      name: {fr: Douche, en: Shower}
- id: food
  icon: food
  name: {fr: Alimentation, en: Food}
-- listings/lyon/halte.yaml --
name: La Halte
categories: [food, shower]
address: {city: Lyon}
hours: {mo-su: 09:00-17:00}
services:
  - category: shower
    hours: {mo-su: 09:00-12:00}
    closures:
      - {start: 2026-11-25, end: 2026-12-06, note: {fr: Chaudière en panne, en: Boiler broken}}
updated: 2026-11-01
`)
	if err != nil {
		t.Fatalf("%v\n%v", err, problems)
	}
	page := readOut(t, out, "en/places/halte.html")
	svc := regexp.MustCompile(`(?s)<div class="svc">.*?</div>`).FindString(page)
	if !strings.Contains(svc, `<p class="alert" data-show="2026-11-10/2026-12-06" data-tz="Europe/Paris">`) || !strings.Contains(svc, "Boiler broken") {
		t.Errorf("the service shows no closure: %s", svc)
	}
	statuses := regexp.MustCompile(`class="status" data-hours="([^"]*)"`).FindAllStringSubmatch(page, -1)
	if len(statuses) != 2 {
		t.Fatalf("want the place's and the shower's status, got %d", len(statuses))
	}
	loc, _ := time.LoadLocation("Europe/Paris")
	at := time.Date(2026, 12, 1, 10, 0, 0, 0, loc)
	for i, want := range []hours.State{hours.Open, hours.TemporarilyClosed} {
		s, err := hours.ParseJSON(html.UnescapeString(statuses[i][1]))
		if err != nil {
			t.Fatal(err)
		}
		if got := s.At(at, loc, hours.Calendar{}).State; got != want {
			t.Errorf("status %d on 2026-12-01 is %s, want %s", i, got, want)
		}
	}
	// In the print edition, under hygiene (the showers' hours), not under food.
	if print := readOut(t, out, "en/print/lyon.html"); strings.Count(print, "Boiler broken") != 1 {
		t.Errorf("the print edition states the shower's closure %d times, want once", strings.Count(print, "Boiler broken"))
	}
}

// TestTargetedNotices: several notices at once; one for a city is on that
// city's pages and listings only, one for a category on its pages and
// listings only; one for every page is everywhere, as before.
func TestTargetedNotices(t *testing.T) {
	out, problems, err := buildArchive(t, `
-- site.yaml --
title: {fr: Guide, en: Guide}
languages: [fr, en]
timezone: Europe/Paris
country: FR
licence: {name: CC-BY-4.0, url: https://creativecommons.org/licenses/by/4.0/}
notice:
  - text: {fr: Appelez le 115, en: Everywhere}
  - text: {fr: Canicule à Lyon, en: Heatwave in Lyon}
    cities: [LYON]
  - text: {fr: Douches gratuites, en: Shower notice}
    categories: [hygiene_and_wellness]
    start: 2026-12-01
-- categories.yaml --
- id: hygiene_and_wellness
  icon: hygiene_and_wellness
  name: {fr: Hygiène, en: Hygiene}
  children:
    - id: shower
      name: {fr: Douche, en: Shower}
- id: food
  icon: food
  name: {fr: Alimentation, en: Food}
-- listings/paris/repas.yaml --
name: Repas
categories: [food]
address: {city: Paris}
updated: 2026-11-01
-- listings/lyon/repas-lyon.yaml --
name: Repas Lyon
categories: [food]
address: {city: Lyon}
updated: 2026-11-01
`)
	if err != nil {
		t.Fatalf("%v\n%v", err, problems)
	}
	const hiddenShower = `data-show="2026-12-01/" data-tz="Europe/Paris" hidden>`
	for _, tt := range []struct {
		page string
		want []string // notices on the page, in order
	}{
		{"en/index.html", []string{"Everywhere"}},
		{"en/cities/lyon.html", []string{"Everywhere", "Heatwave in Lyon"}},
		{"en/cities/paris.html", []string{"Everywhere"}},
		{"en/places/halte.html", []string{"Everywhere", "Heatwave in Lyon", "Shower notice"}},
		{"en/places/repas-lyon.html", []string{"Everywhere", "Heatwave in Lyon"}},
		{"en/places/repas.html", []string{"Everywhere"}},
		{"en/categories/shower.html", []string{"Everywhere", "Shower notice"}},
		{"en/categories/food.html", []string{"Everywhere"}},
	} {
		page := readOut(t, out, tt.page)
		var got []string
		for _, m := range regexp.MustCompile(`(?s)<p class="notice(?: line)?" role="note"[^>]*>.*?</svg> (?:<span>)?([^<]*)`).FindAllStringSubmatch(page, -1) {
			got = append(got, m[1])
		}
		if strings.Join(got, "|") != strings.Join(tt.want, "|") {
			t.Errorf("%s: notices %q, want %q", tt.page, got, tt.want)
		}
		if strings.Contains(page, "Shower notice") && !strings.Contains(page, hiddenShower) {
			t.Errorf("%s: the shower notice, starting after the build, is not hidden until its day", tt.page)
		}
	}
}

// TestCrisisFieldErrors: mistakes in the new fields are reported where
// they are, with a suggestion.
func TestCrisisFieldErrors(t *testing.T) {
	for _, tt := range []struct{ name, archive, want string }{
		{"message ends before it starts", `
-- listings/lyon/halte.yaml --
name: La Halte
categories: [shower]
address: {city: Lyon}
message: {text: Fermé, start: 2026-12-24, end: 2026-12-02}
updated: 2026-11-01
`, `content/listings/lyon/halte.yaml:4:43: message: end 2026-12-02 is before start 2026-12-24 (dates are inclusive: start is the first day, end the last)`},
		{"message without text", `
-- listings/lyon/halte.yaml --
name: La Halte
categories: [shower]
address: {city: Lyon}
message: {start: 2026-12-02}
updated: 2026-11-01
`, `content/listings/lyon/halte.yaml:4:10: message: missing required field "text"`},
		{"service closure ends before it starts", `
-- listings/lyon/halte.yaml --
name: La Halte
categories: [shower]
address: {city: Lyon}
services:
  - category: shower
    closures: [{start: 2026-12-24, end: 2026-12-02}]
updated: 2026-11-01
`, `content/listings/lyon/halte.yaml:6:36: services.closures: end 2026-12-02 is before start 2026-12-24 (dates are inclusive: start is the first day, end the last)`},
		{"notice for an unknown city", `
-- site.yaml --
title: {fr: Guide, en: Guide}
languages: [fr, en]
timezone: Europe/Paris
country: FR
licence: {name: CC-BY-4.0}
notice: {text: Canicule, cities: [Lyonn]}
`, `content/site.yaml:6:35: notice.cities: "Lyonn" is no city of the guide's listings (did you mean "Lyon"?)`},
		{"notice for an unknown category", `
-- site.yaml --
title: {fr: Guide, en: Guide}
languages: [fr, en]
timezone: Europe/Paris
country: FR
licence: {name: CC-BY-4.0}
notice:
  - text: Canicule
  - text: Douches
    categories: [showr]
`, `content/site.yaml:9:18: notice.categories: unknown category "showr" (did you mean "shower"?)`},
		{"notice ends before it starts", `
-- site.yaml --
title: {fr: Guide, en: Guide}
languages: [fr, en]
timezone: Europe/Paris
country: FR
licence: {name: CC-BY-4.0}
notice: [{text: Canicule, start: 2026-12-24, end: 2026-12-02}]
`, `content/site.yaml:6:46: notice: end 2026-12-02 is before start 2026-12-24 (dates are inclusive: start is the first day, end the last)`},
		{"notice as a single value", `
-- site.yaml --
title: {fr: Guide, en: Guide}
languages: [fr, en]
timezone: Europe/Paris
country: FR
licence: {name: CC-BY-4.0}
notice: Canicule
`, `content/site.yaml:6:9: notice: want a notice (notice: {text: …}) or a list of them (one "- text: …" per notice), not a single value`},
	} {
		t.Run(tt.name, func(t *testing.T) {
			_, problems, err := buildArchive(t, tt.archive)
			if !errors.Is(err, ErrInvalid) {
				t.Fatalf("Build error = %v, want ErrInvalid", err)
			}
			got := errorLines(problems)
			if strings.Join(got, "\n") != tt.want {
				t.Errorf("errors:\n%s\nwant:\n%s", strings.Join(got, "\n"), tt.want)
			}
		})
	}
}
