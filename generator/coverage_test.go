package generator

import (
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/abri-guide/abri/generator/content"
	"github.com/abri-guide/abri/generator/internal/guidegen"
	"github.com/abri-guide/abri/generator/theme"
	"github.com/abri-guide/abri/generator/translate"
)

// Every language's offline copies page states how much of each language
// is translated, in the reader's language, with the figures of abri
// translate status.
func TestDemoStatesCoverage(t *testing.T) {
	files := demoSite(t)
	g, _ := content.Load(os.DirFS("../content"), content.Options{Root: "content", Now: buildDate})
	th, err := theme.Load(os.DirFS("../themes/default"), "../themes/default")
	if err != nil {
		t.Fatal(err)
	}
	units, err := translate.Catalog(translate.Source{Content: os.DirFS("../content"), Guide: g, Theme: th}, "uk")
	if err != nil {
		t.Fatal(err)
	}
	c := translate.CoverageOf(units)
	if c[translate.Places].Percent() == 100 || c[translate.Interface].Percent() != 100 {
		t.Fatalf("the demo's Ukrainian places are %d %% translated: the test wants a language not complete", c[translate.Places].Percent())
	}
	row := fmt.Sprintf(`<th scope="row"><bdi lang="uk">Українська</bdi></th><td>100 %%</td><td>%d %%</td><td>%d %%</td><td>%d %%</td></tr>`,
		c[translate.Categories].Percent(), c[translate.Pages].Percent(), c[translate.Places].Percent())
	for page, want := range map[string][]string{
		"uk/offline.html": {"Скільки перекладено", row, "показано мовою оригіналу: Français."},
		"fr/offline.html": {"Part traduite", "<td>100\u202f%</td>", "langue d’origine\u202f: Français."},
		"ar/offline.html": {"مدى الترجمة", `<bdi lang="uk">Українська</bdi>`},
	} {
		html := string(files[page])
		for _, w := range want {
			if !strings.Contains(html, w) {
				t.Errorf("%s does not state %q", page, w)
			}
		}
		if strings.Contains(html, `<bdi lang="fr">`) {
			t.Errorf("%s lists the source language, which is complete by definition", page)
		}
	}
}

// BenchmarkCoverage counts the coverage of a national guide in every
// language, as each build does for the offline copies pages.
func BenchmarkCoverage(b *testing.B) {
	fsys, err := guidegen.NationalIn("../content", 2000, guidegen.Languages)
	if err != nil {
		b.Fatal(err)
	}
	th, err := theme.Load(os.DirFS("../themes/default"), "../themes/default")
	if err != nil {
		b.Fatal(err)
	}
	g, _ := content.Load(fsys, content.Options{Root: "content", Now: buildDate})
	b.ResetTimer()
	for range b.N {
		if len(Coverage(fsys, g, th)) == 0 {
			b.Fatal("no coverage")
		}
	}
}
