package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// newGuide is a guide with the demo's site.yaml and categories.yaml and
// no listing.
func newGuide(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	for _, name := range []string{"site.yaml", "categories.yaml"} {
		data, err := os.ReadFile(filepath.Join("../../content", name))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func TestImportMednum(t *testing.T) {
	dir := newGuide(t)
	files, _ := filepath.Glob("../../generator/importer/testdata/anct-mednum/*.json")
	t.Setenv("SOURCE_DATE_EPOCH", "1794000000") // 2026-11-06
	out, stderr, err := run(t, append(append([]string{"import", "mednum"}, files...), "--content", dir)...)
	if err != nil {
		t.Fatalf("%v\n%s", err, stderr)
	}
	summary := "abri import: 924 records read, 924 written, 0 updated, 0 unchanged, 0 left as imported before (--update rewrites them), 0 skipped; hours kept for 550 of 550 places that give hours"
	if !strings.Contains(out, summary) {
		t.Errorf("no summary %q in\n%s", summary, out)
	}
	if !strings.Contains(out, `#mediation-numerique-cr93-785: hours: kept as the hours' note, not understood: "Th 14-18:10-19"`) {
		t.Errorf("no line for a record's hours kept as a note")
	}
	check, _, err := run(t, "check", "--content", dir, "--theme", "../../themes/default")
	if err != nil || !strings.Contains(check, "abri: 0 errors") {
		t.Fatalf("check of the imported guide: %v\n%s", err, check[max(0, len(check)-2000):])
	}
	again, _, err := run(t, append(append([]string{"import", "mednum", "--update"}, files...), "--content", dir)...)
	if err != nil || !strings.Contains(again, "0 written, 0 updated, 924 unchanged") {
		t.Errorf("a second import with --update must change nothing: %v\n%s", err, again[max(0, len(again)-300):])
	}
}

func TestImportRefuses(t *testing.T) {
	dir := newGuide(t)
	for _, c := range []struct {
		args []string
		msg  string
	}{
		{[]string{"import", "csv", "x.csv", "--content", dir}, `abri import: unknown format "csv" (want one of data-inclusion, geojson, hsds, mednum)`},
		{[]string{"import", "geojson", filepath.Join(dir, "nope.geojson"), "--content", dir}, "abri import: cannot read " + filepath.Join(dir, "nope.geojson") + ": no such file or directory"},
		{[]string{"import", "geojson", filepath.Join(dir, "site.yaml"), "--content", dir}, "abri import: " + filepath.Join(dir, "site.yaml") + ": not a GeoJSON FeatureCollection"},
		{[]string{"import", "geojson", "--folder", "../x", "a", "--content", dir}, `abri import: --folder "../x" is not a folder of listings`},
	} {
		_, stderr, err := run(t, c.args...)
		if err == nil || !strings.Contains(stderr, c.msg) || strings.Count(strings.TrimSpace(stderr), "\n") > 0 {
			t.Errorf("%v: err=%v, want one line %q, got %q", c.args, err, c.msg, stderr)
		}
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 2 {
		t.Errorf("a refused import wrote files: %v", entries)
	}
}
