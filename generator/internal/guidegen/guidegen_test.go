package guidegen

import (
	"maps"
	"testing"
	"testing/fstest"

	"github.com/abri-guide/abri/generator/content"
)

// TestNationalIn: the twelve-language national guide has no errors, every
// language is the guide's, and the same size gives the same files.
func TestNationalIn(t *testing.T) {
	a, err := NationalIn("../../../content", 200, Languages)
	if err != nil {
		t.Fatal(err)
	}
	g, ps := content.Load(a, content.Options{Root: "content"})
	if ps.Errors() > 0 {
		t.Fatalf("the generated guide has errors: %v", ps)
	}
	if got := g.Site.Langs(); len(got) != len(Languages) {
		t.Errorf("languages %q, want %q", got, Languages)
	}
	if len(g.Listings) != 200 {
		t.Errorf("%d listings, want 200", len(g.Listings))
	}
	b, err := NationalIn("../../../content", 200, Languages)
	if err != nil {
		t.Fatal(err)
	}
	if !maps.EqualFunc(a, b, func(x, y *fstest.MapFile) bool { return string(x.Data) == string(y.Data) }) {
		t.Error("two guides of the same size differ")
	}
}
