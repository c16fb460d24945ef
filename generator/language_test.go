package generator

import (
	"html"
	"regexp"
	"strings"
	"testing"
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
