package generator

import (
	"context"
	"strings"
	"testing"

	"github.com/abri-guide/abri/generator/content"
)

// TestDemoCategoriesOwnPictograms: every category of the demo guide shows a
// pictogram of its own, none the same as another's, so that toilets,
// showers and laundry, or wifi and phone charging, no longer look alike.
func TestDemoCategoriesOwnPictograms(t *testing.T) {
	g, th, problems, err := Check(context.Background(), demoConfig(""))
	if err != nil || problems.Errors() > 0 {
		t.Fatalf("demo: %v %v", err, problems)
	}
	if ids := g.Inheriting(); len(ids) > 0 {
		t.Errorf("demo categories showing their parent's pictogram: %v", ids)
	}
	shownBy := map[string]string{} // svg -> category id
	var walk func(cs []*content.Category)
	walk = func(cs []*content.Category) {
		for _, c := range cs {
			svg := string(th.Icons[c.Pictogram()])
			switch prev, seen := shownBy[svg]; {
			case svg == "":
				t.Errorf("%s: icon %q is not a pictogram of the theme", c.ID, c.Pictogram())
			case seen:
				t.Errorf("%s shows the same pictogram as %s", c.ID, prev)
			default:
				shownBy[svg] = c.ID
			}
			walk(c.Children)
		}
	}
	walk(g.Categories)
	for _, pair := range [][2]string{{"toilets", "shower"}, {"laundry", "shower"}, {"wifi", "phone_charging"}, {"luggage_storage", "clothing"}, {"luggage_storage", "equipment"}} {
		a, b := g.ByID[pair[0]], g.ByID[pair[1]]
		if a == nil || b == nil {
			t.Errorf("demo lacks %s or %s", pair[0], pair[1])
		} else if th.Icons[a.Pictogram()] == th.Icons[b.Pictogram()] {
			t.Errorf("%s and %s look alike", pair[0], pair[1])
		}
	}
}

// TestListingShowsEachServicesPictogram: a listing's services show their
// own category's pictogram, not their top category's.
func TestListingShowsEachServicesPictogram(t *testing.T) {
	files := demoSite(t)
	_, th, _, err := Check(context.Background(), demoConfig(""))
	if err != nil {
		t.Fatal(err)
	}
	page := string(files["fr/places/bagagerie-porte-d-aix.html"])
	if page == "" {
		t.Fatal("no fr/places/bagagerie-porte-d-aix.html in the demo site")
	}
	for _, icon := range []string{"luggage_storage", "phone_charging"} {
		if !strings.Contains(page, string(th.Icons[icon])) {
			t.Errorf("the page lacks the %s pictogram", icon)
		}
	}
	for _, icon := range []string{"equipment", "technology"} {
		if strings.Contains(page, string(th.Icons[icon])) {
			t.Errorf("the page shows the %s pictogram of the top category", icon)
		}
	}
}
