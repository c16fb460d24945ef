package generator

import (
	"bytes"
	"html"
	"os"
	"regexp"
	"strings"
	"testing"

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
