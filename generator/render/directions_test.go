package render

import (
	"html"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"testing/fstest"
)

var (
	mapLinks = regexp.MustCompile(`<ul class="[a-z ]*\bmap">(.*?)</ul>`)
	hrefs    = regexp.MustCompile(`<a href="([^"]*)">([^<]*)</a>`)
)

// odd is a name with every character a link could break on, and Arabic.
const odd = "Café & Co? #1 (nuit) + 100% مطعم"

// directionsGuide has a place with a position, one with an address only,
// one at a hidden address with a position, and one without a town.
func directionsGuide(t *testing.T, extra string) map[string]string {
	t.Helper()
	return renderAll(t, prepared(t, fstest.MapFS{
		"site.yaml":       {Data: []byte("title: Guide\nlanguages: [fr, ar]\ntimezone: Europe/Paris\ncountry: FR\nlicence: {name: ODbL-1.0}\n" + extra)},
		"categories.yaml": {Data: []byte("- id: food\n  icon: food\n  name: {fr: Alimentation, ar: طعام}\n  children: [{id: meals, name: {fr: Repas, ar: وجبات}}]\n")},
		"listings/lyon/geo.yaml": {Data: []byte("name: \"" + odd + "\"\ncategories: [meals]\n" +
			"address: {street: 3 rue Neuve, postal_code: \"69001\", city: Lyon}\ngeo: [45.7578, 4.8351]\n" +
			"description: {fr: \"Repas chauds & <gratuits> le soir. Sans inscription.\"}\nupdated: 2026-11-01\n")},
		"listings/lyon/rue.yaml": {Data: []byte("name: \"" + odd + "\"\ncategories: [meals]\n" +
			"address: {street: \"5 place de l’Église & Co #2\", postal_code: \"69002\", city: Lyon}\nupdated: 2026-11-01\n")},
		"listings/lyon/cache.yaml": {Data: []byte("name: Abri des femmes\ncategories: [meals]\n" +
			"address: {street: 12 rue Secrète, postal_code: \"69007\", city: Lyon, hidden: true}\ngeo: [45.7484, 4.8467]\nupdated: 2026-11-01\n")},
	}))
}

type link struct{ href, label string }

// directionsOf returns the map links of a listing page.
func directionsOf(t *testing.T, page string) []link {
	t.Helper()
	m := mapLinks.FindStringSubmatch(page)
	if m == nil {
		return nil
	}
	var out []link
	for _, a := range hrefs.FindAllStringSubmatch(m[1], -1) {
		out = append(out, link{html.UnescapeString(a[1]), html.UnescapeString(a[2])})
	}
	return out
}

// TestDirectionsWithPosition: a place with a position has a labelled geo:
// link for Android, Apple Maps for iPhones and OpenStreetMap, its name
// encoded so that none of & # ? ( ) + % cuts a link short.
func TestDirectionsWithPosition(t *testing.T) {
	ls := directionsOf(t, directionsGuide(t, "")["fr/places/geo.html"])
	if len(ls) != 3 {
		t.Fatalf("map links: %+v, want geo:, Apple Maps and OpenStreetMap", ls)
	}
	geo, apple, osm := ls[0], ls[1], ls[2]
	at, label, ok := strings.Cut(strings.TrimPrefix(geo.href, "geo:45.7578,4.8351?q="), "(")
	if !strings.HasPrefix(geo.href, "geo:45.7578,4.8351?q=") || at != "45.7578,4.8351" || !ok || !strings.HasSuffix(label, ")") {
		t.Fatalf("geo link %q, want geo:lat,lon?q=lat,lon(name)", geo.href)
	}
	if name, err := url.PathUnescape(strings.TrimSuffix(label, ")")); err != nil || name != odd {
		t.Errorf("geo link names %q (%v), want %q", name, err, odd)
	}
	if strings.ContainsAny(label[:len(label)-1], " &#?()+") {
		t.Errorf("geo link label not encoded: %q", label)
	}
	u, err := url.Parse(apple.href)
	if err != nil || u.Host != "maps.apple.com" || u.Query().Get("ll") != "45.7578,4.8351" || u.Query().Get("q") != odd || u.Fragment != "" {
		t.Errorf("Apple Maps link %q (%v): want ll=45.7578,4.8351 and q=%q", apple.href, err, odd)
	}
	if osm.href != "https://www.openstreetmap.org/?mlat=45.7578&mlon=4.8351#map=18/45.7578/4.8351" {
		t.Errorf("OpenStreetMap link %q", osm.href)
	}
	if geo.label != "Ouvrir dans une application de carte" || apple.label != "Ouvrir dans Plans (iPhone)" || osm.label != "Voir sur OpenStreetMap" {
		t.Errorf("labels %q, %q, %q", geo.label, apple.label, osm.label)
	}
}

// TestDirectionsWithoutPosition: a place with an address only has links
// that search its address in Apple Maps and on OpenStreetMap, and no geo:.
func TestDirectionsWithoutPosition(t *testing.T) {
	pages := directionsGuide(t, "")
	want := "5 place de l’Église & Co #2, 69002 Lyon"
	for _, lang := range []string{"fr", "ar"} {
		ls := directionsOf(t, pages[lang+"/places/rue.html"])
		if len(ls) != 2 {
			t.Fatalf("%s: map links %+v, want two searches", lang, ls)
		}
		apple, err := url.Parse(ls[0].href)
		if err != nil || apple.Host != "maps.apple.com" || apple.Query().Get("q") != want || apple.Query().Has("ll") {
			t.Errorf("%s: Apple Maps link %q (%v), want a search of %q", lang, ls[0].href, err, want)
		}
		osm, err := url.Parse(ls[1].href)
		if err != nil || osm.Host != "www.openstreetmap.org" || osm.Path != "/search" || osm.Query().Get("query") != want || osm.Fragment != "" {
			t.Errorf("%s: OpenStreetMap link %q (%v), want a search of %q", lang, ls[1].href, err, want)
		}
		for _, l := range ls {
			if strings.ContainsAny(l.href, " #") || strings.Contains(l.href, "Église") {
				t.Errorf("%s: %q is not encoded", lang, l.href)
			}
		}
	}
	if ls := directionsOf(t, pages["fr/places/rue.html"]); ls[1].label != "Chercher l’adresse sur OpenStreetMap" {
		t.Errorf("label %q", ls[1].label)
	}
	if ls := directionsOf(t, pages["ar/places/rue.html"]); ls[0].label != "ابحث عن العنوان في خرائط Apple (iPhone)" {
		t.Errorf("label %q", ls[0].label)
	}
}

// TestDirectionsHidden: a hidden address gets searches of its postal code
// and town, never its street nor its position, nor its name.
func TestDirectionsHidden(t *testing.T) {
	page := directionsGuide(t, "")["fr/places/cache.html"]
	ls := directionsOf(t, page)
	if len(ls) != 2 {
		t.Fatalf("map links %+v, want two searches of the town", ls)
	}
	for _, l := range ls {
		u, err := url.Parse(l.href)
		if err != nil {
			t.Fatal(err)
		}
		q := u.Query().Get("q") + u.Query().Get("query")
		if q != "69007 Lyon" {
			t.Errorf("%q searches %q, want 69007 Lyon", l.href, q)
		}
	}
	if ls[0].label != "Voir la ville dans Plans (iPhone)" || ls[1].label != "Voir la ville sur OpenStreetMap" {
		t.Errorf("labels %q, %q", ls[0].label, ls[1].label)
	}
	for _, leak := range []string{"Secr", "45.748", "4.846", "geo:"} {
		if strings.Contains(page, leak) {
			t.Errorf("the page of a hidden address has %q", leak)
		}
	}
	// The name is in the page, and in its share links' messages, but in
	// no maps search: a name and a town could be enough to find the street.
	for _, l := range ls {
		if strings.Contains(l.href, "Abri") {
			t.Errorf("the maps link %q searches the name of a hidden address", l.href)
		}
	}
}
