package translate

import (
	"io/fs"
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

// kindOf names what a key is part of, as Coverage counts it.
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

func TestDemoCatalogDump(t *testing.T) {
	src := demoSource(t)
	units, err := Catalog(src, "uk")
	if err != nil {
		t.Fatal(err)
	}
	t.Log(kindCount(units))
	for _, u := range units[:8] {
		t.Logf("%s | %q | %q | %q", u.Key, u.Context, trunc(u.Source), trunc(u.Translation))
	}
	for _, u := range units {
		if strings.Contains(u.Key, "services") || strings.Contains(u.Key, "closures") {
			t.Logf("%s | %q", u.Key, u.Context)
		}
	}
	for _, u := range units[len(units)-8:] {
		t.Logf("%s | %q | %q | %q", u.Key, u.Context, trunc(u.Source), trunc(u.Translation))
	}
	_ = fs.ValidPath
}

func trunc(s string) string {
	if len(s) > 40 {
		return s[:40]
	}
	return s
}
