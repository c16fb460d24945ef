package generator

import (
	"bytes"
	"html"
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/abri-guide/abri/generator/publish"
	"github.com/abri-guide/abri/generator/theme"
)

var (
	listItem = regexp.MustCompile(`(?s)<li>(.*?)</li>`)
	anyTag   = regexp.MustCompile(`<[^>]*>`)
)

// TestDemoNoLabelRepeated: a value that starts with its label's words
// ("Sur rendez-vous, par téléphone") is shown once, never after the label
// ("Sur rendez-vous : Sur rendez-vous, par téléphone").
func TestDemoNoLabelRepeated(t *testing.T) {
	files := demoSite(t)
	checked := 0
	for name, data := range files {
		if !strings.Contains(name, "/places/") || !strings.HasSuffix(name, ".html") {
			continue
		}
		for _, m := range listItem.FindAllSubmatch(data, -1) {
			text := strings.TrimSpace(html.UnescapeString(anyTag.ReplaceAllString(string(m[1]), "")))
			label, value, ok := strings.Cut(strings.ReplaceAll(text, "\u202f:", ":"), ": ")
			if !ok || len(label) < 3 {
				continue
			}
			checked++
			if strings.HasPrefix(strings.ToLower(value), strings.ToLower(strings.TrimSpace(label))) {
				t.Errorf("%s: label repeated as its value: %q", name, text)
			}
		}
	}
	if checked == 0 {
		t.Fatal("no labelled value on any listing page")
	}
}

// TestDemoNoCallWithoutPhone: a listing with no phone never tells readers
// to call (hours not known, information checked long ago), in any language.
func TestDemoNoCallWithoutPhone(t *testing.T) {
	files := demoSite(t)
	th, err := theme.Load(os.DirFS("../themes/default"), "../themes/default")
	if err != nil {
		t.Fatal(err)
	}
	for _, lang := range demo.sum.Langs {
		var calls []string // the interface's texts that tell to call
		for k, s := range th.Strings[lang] {
			if k == "hours_unknown" || strings.HasPrefix(k, "stale_caution.") {
				if i := strings.LastIndexByte(s, '}'); i >= 0 {
					s = s[i+1:] // the advice, after the count
				}
				calls = append(calls, s)
			}
		}
		if len(calls) == 0 {
			t.Fatalf("%s: no hours_unknown or stale_caution in the theme", lang)
		}
		phoneless := 0
		for name, data := range files {
			if !strings.HasPrefix(name, lang+"/places/") || bytes.Contains(data, []byte(`href="tel:`)) {
				continue
			}
			phoneless++
			text := html.UnescapeString(string(data))
			for _, c := range calls {
				if strings.Contains(text, c) {
					t.Errorf("%s: no phone, yet it says %q", name, c)
				}
			}
		}
		if phoneless == 0 {
			t.Errorf("%s: no listing without a phone in the demo", lang)
		}
	}
}

var (
	placeH1  = regexp.MustCompile(`<h1>(.*?)</h1>`)
	cardName = regexp.MustCompile(`<li class="card">\s*<a [^>]*>(.*?)</a>`)
	adrPara  = regexp.MustCompile(`(?s)<p class="adr">(.*?)</p>`)
	adrCard  = regexp.MustCompile(`(?s)<span class="adr">(.*?)</span>\s*</li>`)
	telLink  = regexp.MustCompile(`<a [^>]*href="tel:[^"]*"[^>]*>`)
	// isolates are the elements that isolate their text: <bdi>, and any
	// element with a dir attribute (the phone numbers).
	isolates = regexp.MustCompile(`<bdi>[^<]*</bdi>|<(\w+) dir="(ltr|rtl|auto)">[^<]*</\w+>|<br>`)
)

// TestDemoBidiIsolated: on Arabic pages, the names of places and towns and
// the addresses (written in Latin script) are each isolated in a <bdi>, so
// that they neither reorder the page's words nor take the page's side away;
// phone numbers read left to right.
func TestDemoBidiIsolated(t *testing.T) {
	files := demoSite(t)
	counts := map[string]int{}
	for name, data := range files {
		if !strings.HasPrefix(name, "ar/") || !strings.HasSuffix(name, ".html") {
			continue
		}
		check := func(what string, re *regexp.Regexp) {
			for _, m := range re.FindAllSubmatch(data, -1) {
				counts[what]++
				if rest := isolates.ReplaceAll(m[1], nil); len(m[1]) == len(rest) || len(bytes.Trim(rest, " ·,")) > 0 {
					t.Errorf("%s: %s not isolated in <bdi>: %s", name, what, m[1])
				}
			}
		}
		if strings.HasPrefix(name, "ar/places/") || strings.HasPrefix(name, "ar/cities/") {
			check("h1", placeH1)
		}
		check("card name", cardName)
		check("address", adrPara)
		check("address", adrCard)
		for _, m := range telLink.FindAll(data, -1) {
			counts["phone"]++
			if !bytes.Contains(m, []byte(`dir="ltr"`)) {
				t.Errorf("%s: phone link not left to right: %s", name, m)
			}
		}
	}
	for _, what := range []string{"h1", "card name", "address", "phone"} {
		if counts[what] == 0 {
			t.Errorf("no %s on the Arabic pages of the demo", what)
		}
	}
}

// TestSummarySingular: the build's summary says "1 file made", never
// "1 files made", for every count it gives.
func TestSummarySingular(t *testing.T) {
	one := Summary{Langs: []string{"fr"}, Pages: map[string]int{"fr": 1}, Files: 1, Zips: make([]publish.Entry, 1),
		Over: []string{"fr"}, Incremental: true, Made: 1, Carried: 1, Warnings: 1}
	got := one.String()
	for _, want := range []string{"built 1 page in 1 language (fr 1), 1 file,", "; 1 offline zip,", "; 1 whole-language zip left out",
		"; 1 file made, 1 unchanged carried over", "; 1 warning (abri check lists them)"} {
		if !strings.Contains(got, want) {
			t.Errorf("summary %q: want %q", got, want)
		}
	}
	two := Summary{Langs: []string{"fr", "en"}, Pages: map[string]int{"fr": 1, "en": 1}, Files: 2, Incremental: true, Made: 2, Warnings: 2}
	got = two.String()
	for _, want := range []string{"built 2 pages in 2 languages", ", 2 files,", "; 2 files made,", "; 2 warnings ("} {
		if !strings.Contains(got, want) {
			t.Errorf("summary %q: want %q", got, want)
		}
	}
}
