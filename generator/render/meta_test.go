package render

import (
	"html"
	"os"
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/abri-guide/abri/generator/theme"
)

var metaDesc = regexp.MustCompile(`<meta name="description" content="([^"]*)">`)

// description returns the meta description of a page, unescaped, and
// whether it has one.
func description(t *testing.T, page string) (string, bool) {
	t.Helper()
	m := metaDesc.FindAllStringSubmatch(page, -1)
	if len(m) > 1 {
		t.Errorf("%d meta descriptions", len(m))
	}
	if m == nil {
		return "", false
	}
	return html.UnescapeString(m[0][1]), true
}

// TestMetaDescription: listing pages are described by the first sentence
// of their description, in the page's language or the source one, escaped;
// else by name, categories and town, never a hidden street; category pages
// by the category, the town and the count.
func TestMetaDescription(t *testing.T) {
	pages := directionsGuide(t, "")
	for _, c := range []struct{ page, want string }{
		{"fr/places/geo.html", "Repas chauds & <gratuits> le soir."},
		{"ar/places/geo.html", "Repas chauds & <gratuits> le soir."},
		{"fr/places/cache.html", "Abri des femmes · Repas · Lyon"},
		{"ar/places/cache.html", "Abri des femmes · وجبات · Lyon"},
		{"fr/places/rue.html", odd + " · Repas · Lyon"},
		{"fr/categories/meals.html", "Repas · 3 lieux"},
		{"fr/categories/meals.lyon.html", "Repas — Lyon · 3 lieux"},
		{"ar/categories/food.html", "طعام · " + placesCount(t, "ar", "3")},
	} {
		got, ok := description(t, pages[c.page])
		if !ok || got != c.want {
			t.Errorf("%s: meta description %q, want %q", c.page, got, c.want)
		}
	}
	if !strings.Contains(pages["fr/places/geo.html"], `content="Repas chauds &amp; &lt;gratuits&gt; le soir."`) {
		t.Errorf("the meta description is not escaped")
	}
	if strings.Contains(pages["fr/places/cache.html"], "Secr") {
		t.Errorf("the page of a hidden address names its street")
	}
	for _, p := range []string{"fr/index.html", "fr/search.html", "fr/cities/lyon.html"} {
		if _, ok := description(t, pages[p]); ok {
			t.Errorf("%s has a meta description", p)
		}
	}
}

// placesCount is the default theme's words for n places.
func placesCount(t *testing.T, lang, n string) string {
	t.Helper()
	th, err := theme.Load(os.DirFS("../../themes/default"), "themes/default")
	if err != nil {
		t.Fatal(err)
	}
	s, err := th.Strings[lang].Format("places_count", "n", n)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// TestMetaDescriptionClipped: a long first sentence is cut at a space to
// at most 160 characters, ending in an ellipsis.
func TestMetaDescriptionClipped(t *testing.T) {
	long := strings.Repeat("Douches chaudes et serviettes propres ", 8) + "fin."
	if got := firstSentence(long + " Deuxième phrase."); got != strings.Join(strings.Fields(long), " ") {
		t.Fatalf("first sentence %q", got)
	}
	got := clip(long)
	if n := utf8.RuneCountInString(got); n > metaMax || !strings.HasSuffix(got, "…") {
		t.Errorf("clipped to %d characters: %q", n, got)
	}
	if !strings.HasPrefix(long, strings.TrimSuffix(got, "…")) || strings.HasSuffix(strings.TrimSuffix(got, "…"), " ") {
		t.Errorf("not cut at a space: %q", got)
	}
	arabic := strings.Repeat("وجبات ساخنة مجانية ", 20)
	if got := clip(arabic); utf8.RuneCountInString(got) > metaMax || !utf8.ValidString(got) {
		t.Errorf("Arabic clipped to %d characters: %q", utf8.RuneCountInString(got), got)
	}
	if got := firstSentence("Ouvert aux familles؟ Oui. Encore"); got != "Ouvert aux familles؟" {
		t.Errorf("first sentence %q", got)
	}
}

// TestHreflangAbsolute: with base_url, the alternates and the canonical
// are absolute; without, relative (the site works from a USB stick).
func TestHreflangAbsolute(t *testing.T) {
	with := directionsGuide(t, "base_url: https://guide.example.org/abri/\n")
	without := directionsGuide(t, "")
	for _, p := range []string{"fr/places/geo.html", "fr/categories/meals.lyon.html", "fr/index.html"} {
		rest := strings.TrimPrefix(p, "fr/")
		for _, l := range []string{"fr", "ar"} {
			abs := `<link rel="alternate" hreflang="` + l + `" href="https://guide.example.org/abri/` + l + `/` + rest + `">`
			if !strings.Contains(with[p], abs) {
				t.Errorf("with base_url, %s lacks %s", p, abs)
			}
			if strings.Contains(without[p], `hreflang="`+l+`" href="https:`) {
				t.Errorf("without base_url, %s has an absolute alternate", p)
			}
		}
		if c := `<link rel="canonical" href="https://guide.example.org/abri/` + p + `">`; !strings.Contains(with[p], c) {
			t.Errorf("with base_url, %s lacks %s", p, c)
		}
		if strings.Contains(without[p], `rel="canonical"`) {
			t.Errorf("without base_url, %s has a canonical", p)
		}
	}
	if h := `<link rel="alternate" hreflang="ar" href="../../ar/places/geo.html">`; !strings.Contains(without["fr/places/geo.html"], h) {
		t.Errorf("without base_url, the listing lacks %s", h)
	}
}
