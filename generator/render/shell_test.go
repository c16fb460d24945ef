package render

import (
	"slices"
	"testing"
)

// TestShellKeepsStructurePages: after one visit, the worker keeps what
// leads to places and the saved-places list, and none of the places.
func TestShellKeepsStructurePages(t *testing.T) {
	names := []string{
		"fr/index.html", "fr/offline.html", "fr/search.html", "fr/list.html", "fr/cities.html",
		"fr/pages/about.html", "fr/categories/food.html", "fr/cities/lyon.html",
		"fr/categories/food.lyon.html", "fr/places/la-halte.html", "fr/data.html",
		"en/index.html", "en/list.html",
	}
	got := shellOf("fr", names)
	for _, want := range []string{"fr/index.html", "fr/offline.html", "fr/search.html", "fr/list.html", "fr/cities.html", "fr/pages/about.html", "fr/categories/food.html", "fr/cities/lyon.html"} {
		if !slices.Contains(got, want) {
			t.Errorf("the worker does not keep %s: %v", want, got)
		}
	}
	for _, not := range []string{"fr/categories/food.lyon.html", "fr/places/la-halte.html", "en/index.html", "en/list.html"} {
		if slices.Contains(got, not) {
			t.Errorf("the worker keeps %s after one visit in fr", not)
		}
	}
}
