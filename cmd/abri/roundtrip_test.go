package main

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestOpenDataRoundTrip exports the demo guide, imports the export into a
// guide with the demo's site.yaml and categories.yaml and no listing, and
// exports that guide: each standard's export must be the same bytes, so
// that a city starting from another's data loses nothing the standard
// carries.
func TestOpenDataRoundTrip(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the demo three times")
	}
	t.Setenv("SOURCE_DATE_EPOCH", "1796169600") // 2026-12-01
	first := filepath.Join(t.TempDir(), "public")
	build(t, "../../content", first)
	for _, c := range []struct {
		format  string
		files   []string // what is imported, from the site root
		compare []string // what must come out the same
	}{
		{"data-inclusion", []string{"data/data-inclusion/structures.json", "data/data-inclusion/services.json"},
			[]string{"data/data-inclusion/structures.json", "data/data-inclusion/services.json", "data/data-inclusion/structures.csv", "data/data-inclusion/services.csv"}},
		{"data-inclusion", []string{"data/data-inclusion/structures.csv", "data/data-inclusion/services.csv"},
			[]string{"data/data-inclusion/structures.json", "data/data-inclusion/services.json"}},
		{"hsds", []string{"data/hsds/services.json"},
			[]string{"data/hsds/services.json", "data/hsds/datapackage.json", "data/hsds/service.csv", "data/hsds/schedule.csv", "data/hsds/location.csv"}},
	} {
		t.Run(c.format+"/"+filepath.Ext(c.files[0])[1:], func(t *testing.T) {
			dir := newGuide(t)
			args := []string{"import", c.format}
			for _, f := range c.files {
				args = append(args, filepath.Join(first, filepath.FromSlash(f)))
			}
			out, stderr, err := run(t, append(args, "--content", dir)...)
			if err != nil {
				t.Fatalf("%v\n%s%s", err, out, stderr)
			}
			if !strings.Contains(out, "75 records read, 75 written") {
				t.Errorf("want the demo's 75 published places written:\n%s", out)
			}
			again := filepath.Join(t.TempDir(), "public")
			build(t, dir, again)
			for _, f := range c.compare {
				a, b := read(t, first, f), read(t, again, f)
				if !bytes.Equal(a, b) {
					t.Errorf("%s differs after the round trip:\n%s", f, firstDiff(a, b))
				}
			}
		})
	}
}

func build(t *testing.T, content, out string) {
	t.Helper()
	if _, stderr, err := run(t, "build", "--content", content, "--theme", "../../themes/default", "--out", out); err != nil {
		t.Fatalf("build %s: %v\n%s", content, err, stderr)
	}
}

func read(t *testing.T, root, name string) []byte {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(root, filepath.FromSlash(name)))
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// firstDiff shows the first line where a and b differ.
func firstDiff(a, b []byte) string {
	la, lb := strings.Split(string(a), "\n"), strings.Split(string(b), "\n")
	for i := 0; i < len(la) && i < len(lb); i++ {
		if la[i] != lb[i] {
			return fmt.Sprintf("line %d:\n- ", i+1) + clip(la[i]) + "\n+ " + clip(lb[i])
		}
	}
	return fmt.Sprintf("one is longer: %d lines against %d", len(la), len(lb))
}

func clip(s string) string {
	if len(s) > 400 {
		return s[:400] + "…"
	}
	return s
}
