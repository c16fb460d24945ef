package generator

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"github.com/abri-guide/abri/generator/content"
)

// TestLicenceWarning: a guide whose licence data·inclusion cannot
// republish (the demo's ODbL) gets one warning on site.yaml saying why and
// what to do, and no error; a CC-BY guide gets none.
func TestLicenceWarning(t *testing.T) {
	_, _, problems, err := Check(context.Background(), Config{Content: "../content", Theme: "../themes/default", Now: buildDate})
	if err != nil {
		t.Fatal(err)
	}
	var found []content.Problem
	for _, p := range problems {
		if strings.Contains(p.Msg, "data·inclusion") {
			found = append(found, p)
		}
	}
	if len(found) != 1 {
		t.Fatalf("%d problems about data·inclusion, want 1: %v", len(found), found)
	}
	p := found[0]
	if p.Severity != content.Warning || p.Path != filepath.Join("..", "content", "site.yaml") || p.Line != demoLine(t, "licence:") || p.Col != 1 ||
		!strings.Contains(p.Msg, "ODbL-1.0 is share-alike") || !strings.Contains(p.Msg, "Etalab-2.0") {
		t.Errorf("problem %s", p)
	}

	dir := t.TempDir()
	writeTxtar(t, dir, base)
	_, _, problems, err = Check(context.Background(), Config{Content: dir, Theme: "../themes/default", Now: buildDate})
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range problems {
		if strings.Contains(p.Msg, "data·inclusion") {
			t.Errorf("a CC-BY-4.0 guide is warned: %s", p)
		}
	}
}

// demoLine is the line of the demo's site.yaml that starts with prefix.
func demoLine(t *testing.T, prefix string) int {
	t.Helper()
	for i, line := range strings.Split(demoSiteYAML(t), "\n") {
		if strings.HasPrefix(line, prefix) {
			return i + 1
		}
	}
	t.Fatalf("no %q in the demo's site.yaml", prefix)
	return 0
}
