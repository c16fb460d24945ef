package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// readSchema reads a written schema file as JSON.
func readSchema(t *testing.T, path string) map[string]any {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var s map[string]any
	if err := json.Unmarshal(data, &s); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return s
}

// TestSchema: abri schema writes the three schemas where new listings look
// for them, with the guide's categories; --check tells when they are stale.
func TestSchema(t *testing.T) {
	dir := demoHead(t)
	out, stderr, err := run(t, "schema", "--content", dir)
	if err != nil {
		t.Fatalf("%v\n%s", err, stderr)
	}
	if !strings.Contains(out, "languages fr, en, ar, uk") {
		t.Errorf("output: %q", out)
	}
	listing := readSchema(t, filepath.Join(dir, schemaDir, "listing.schema.json"))
	ids := listing["definitions"].(map[string]any)["CategoryRef"].(map[string]any)["enum"].([]any)
	if len(ids) < 10 || ids[0] != "welcome" {
		t.Errorf("category ids: %v", ids)
	}
	for _, name := range []string{"site.schema.json", "categories.schema.json"} {
		readSchema(t, filepath.Join(dir, schemaDir, name))
	}
	if out, _, err := run(t, "schema", "--content", dir, "--check"); err != nil || !strings.Contains(out, "up to date") {
		t.Errorf("--check right after writing: err=%v out=%q", err, out)
	}
	categories, _ := os.ReadFile(filepath.Join(dir, "categories.yaml"))
	os.WriteFile(filepath.Join(dir, "categories.yaml"), append(categories, "- id: pets\n  icon: welcome\n  name: Animaux\n"...), 0o644)
	out, _, err = run(t, "schema", "--content", dir, "--check")
	if err == nil || !strings.Contains(out, "listing.schema.json: out of date (run abri schema)") {
		t.Errorf("--check after a new category: err=%v out=%q", err, out)
	}
}

// TestSchemaGeneric: without a guide, schemas fit any guide.
func TestSchemaGeneric(t *testing.T) {
	out := filepath.Join(t.TempDir(), "schemas")
	if _, stderr, err := run(t, "schema", "--content", "", "--out", out); err != nil {
		t.Fatalf("%v\n%s", err, stderr)
	}
	listing := readSchema(t, filepath.Join(out, "listing.schema.json"))
	if _, ok := listing["definitions"].(map[string]any)["CategoryRef"].(map[string]any)["enum"]; ok {
		t.Error("a generic schema lists categories")
	}
	if _, _, err := run(t, "schema", "--content", ""); err == nil {
		t.Error("generic schemas need --out")
	}
}

// TestSchemaBrokenGuide: no schema is made from a guide with errors.
func TestSchemaBrokenGuide(t *testing.T) {
	dir := demoHead(t)
	os.WriteFile(filepath.Join(dir, "site.yaml"), []byte("title: Guide\nlanguages: [fr]\ntimezone: Europe/Pariss\ncountry: FR\nlicence: {name: ODbL-1.0}\n"), 0o644)
	_, stderr, err := run(t, "schema", "--content", dir)
	if err == nil || !strings.Contains(stderr, `site.yaml:3:11: timezone: "Europe/Pariss" is not a time zone`) {
		t.Errorf("err=%v stderr=%q", err, stderr)
	}
	if _, err := os.Stat(filepath.Join(dir, schemaDir)); err == nil {
		t.Error("schemas written from a broken guide")
	}
}

// TestDemoSchemasUpToDate: the demo guide's committed schemas are current.
func TestDemoSchemasUpToDate(t *testing.T) {
	out, _, err := run(t, "schema", "--content", "../../content", "--check")
	if err != nil {
		t.Errorf("%v: %s", err, out)
	}
}

func TestHelpNewSchema(t *testing.T) {
	out, _, _ := run(t, "help")
	for _, want := range []string{"abri new listing|page", "abri schema"} {
		if !strings.Contains(out, want) {
			t.Errorf("help lacks %q", want)
		}
	}
	for _, cmd := range []string{"new", "schema"} {
		if _, stderr, err := run(t, cmd, "-h"); err != nil || !strings.Contains(stderr, "-content") {
			t.Errorf("%s -h: err=%v\n%s", cmd, err, stderr)
		}
	}
}
