package translate

import (
	"os"
	"strings"
	"testing"
	"time"

	"github.com/abri-guide/abri/generator/content"
	"github.com/abri-guide/abri/generator/theme"
)

// demoSource loads the demo guide of the repository and the default theme.
func demoSource(t testing.TB) Source {
	t.Helper()
	fsys := os.DirFS("../../content")
	g, problems := content.Load(fsys, content.Options{Root: "content", Now: time.Date(2026, 12, 1, 12, 0, 0, 0, time.UTC)})
	if g == nil || problems.Errors() > 0 {
		t.Fatalf("the demo does not load: %v", problems.Err())
	}
	th, err := theme.Load(os.DirFS("../../themes/default"), "themes/default")
	if err != nil {
		t.Fatal(err)
	}
	return Source{Content: fsys, Guide: g, Theme: th}
}

// kindCount counts units by file: site.yaml, categories.yaml, listings, pages, i18n.
func kindCount(units []Unit) map[string]int {
	m := map[string]int{}
	for _, u := range units {
		file, _, _ := strings.Cut(u.Key, "#")
		switch {
		case strings.HasPrefix(file, "listings/"):
			file = "listings"
		case strings.HasPrefix(file, "pages/"):
			file = "pages"
		}
		m[file]++
	}
	return m
}

// themeFS is the default theme's folder, where interface strings' keys point.
var themeFS = os.DirFS("../../themes/default")
