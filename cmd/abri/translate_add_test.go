package main

import (
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"
)

// addGuide writes a small guide whose site.yaml starts with head (its
// languages), and a copy of the default theme without i18n/ps.yaml
// (the theme has no he.yaml either); it returns the content and theme folders.
func addGuide(t *testing.T, languages string) (string, string) {
	t.Helper()
	dir := t.TempDir()
	src, th := filepath.Join(dir, "content"), filepath.Join(dir, "theme")
	if err := os.CopyFS(th, os.DirFS("../../themes/default")); err != nil {
		t.Fatal(err)
	}
	os.Remove(filepath.Join(th, "i18n", "ps.yaml"))
	files := map[string]string{
		"site.yaml": "title: {fr: Guide, en: Guide}\n" + languages + `timezone: Europe/Paris
country: FR
licence: {name: CC-BY-4.0, url: https://creativecommons.org/licenses/by/4.0/}
`,
		"categories.yaml": `- id: hygiene_and_wellness
  icon: hygiene_and_wellness
  name: {fr: Hygiène, en: Hygiene}
`,
		"listings/lyon/halte.yaml": `name: La Halte
categories: [hygiene_and_wellness]
address: {city: Lyon}
updated: 2026-11-01
`,
	}
	for name, data := range files {
		path := filepath.Join(src, filepath.FromSlash(name))
		os.MkdirAll(filepath.Dir(path), 0o755)
		if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return src, th
}

// TestTranslateAddBlockList: ps goes at the end of a block list, comments
// kept and nothing else changed; its strings file is made from fr.yaml with
// ps's plural forms; the guide builds, with one warning, and ps pages are
// right to left.
func TestTranslateAddBlockList(t *testing.T) {
	src, th := addGuide(t, "# source language first\nlanguages:\n  - fr  # the source\n  - en\n# the rest\n")
	t.Setenv("SOURCE_DATE_EPOCH", "1794000000")
	out, stderr, err := run(t, "translate", "add", "ps", "--content", src, "--theme", th)
	if err != nil {
		t.Fatalf("%v\n%s", err, stderr)
	}
	site, _ := os.ReadFile(filepath.Join(src, "site.yaml"))
	if want := "title: {fr: Guide, en: Guide}\n# source language first\nlanguages:\n  - fr  # the source\n  - en\n  - ps\n# the rest\ntimezone: Europe/Paris\n"; !strings.HasPrefix(string(site), want) {
		t.Errorf("site.yaml:\n%s\nwant it to start with:\n%s", site, want)
	}
	for _, want := range []string{"added ps (پښتو)", "created " + th + "/i18n/ps.yaml", "plural forms of ps: one, other", `right to left`, "abri translate export --lang ps"} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	data, err := os.ReadFile(filepath.Join(th, "i18n", "ps.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(data), "# fr: Accueil\nhome: \"\"\n") {
		t.Errorf("ps.yaml does not give home empty, with the French text above it:\n%.600s", data)
	}
	var strs map[string]any
	if err := yaml.Unmarshal(data, &strs); err != nil {
		t.Fatal(err)
	}
	fr, _ := os.ReadFile(filepath.Join(th, "i18n", "fr.yaml"))
	var frs map[string]any
	yaml.Unmarshal(fr, &frs)
	if len(strs) != len(frs) {
		t.Errorf("ps.yaml has %d strings, fr.yaml %d", len(strs), len(frs))
	}
	for k, v := range strs {
		switch v := v.(type) {
		case string:
			if (k == "lang_name") != (v != "") {
				t.Errorf("ps.yaml: %s: %q", k, v)
			}
		case map[string]any:
			if len(v) != 2 || v["one"] != "" || v["other"] != "" {
				t.Errorf("ps.yaml: %s: %v, want the forms of ps, empty (one, other)", k, v)
			}
		}
	}
	if strs["lang_name"] != "پښتو" {
		t.Errorf("ps.yaml: lang_name = %v", strs["lang_name"])
	}

	public := filepath.Join(filepath.Dir(src), "public")
	bout, stderr, err := run(t, "build", "--content", src, "--theme", th, "--out", public)
	if err != nil {
		t.Fatalf("build: %v\n%s%s", err, bout, stderr)
	}
	// Every string but lang_name, which translate add fills in.
	fr, rerr := os.ReadFile(filepath.Join(th, "i18n", "fr.yaml"))
	if rerr != nil {
		t.Fatal(rerr)
	}
	n := strings.Count(string(fr), "\n")
	m := regexp.MustCompile(`ps: (\d+) of (\d+) interface strings not translated; readers see the fr text: run abri translate export --lang ps --missing`).FindStringSubmatch(bout + stderr)
	if m == nil {
		m = []string{"", "0", "0"}
	}
	missing, all := atoiOr0(m[1]), atoiOr0(m[2])
	if missing != all-1 || all < 100 || all > n {
		want := "ps: N-1 of N interface strings not translated; readers see the fr text: run abri translate export --lang ps --missing"
		t.Errorf("build output lacks %q:\n%s%s", want, bout, stderr)
	}
	home, _ := os.ReadFile(filepath.Join(public, "ps", "index.html"))
	if !strings.Contains(string(home), `<html lang="ps" dir="rtl">`) || !strings.Contains(string(home), "Catégories") {
		t.Errorf("ps/index.html is not right to left with the French interface:\n%.300s", home)
	}

	_, stderr, err = run(t, "translate", "add", "ps", "--content", src, "--theme", th)
	if err == nil || !strings.Contains(stderr, "already a language of the guide (languages: fr, en, ps), and the theme has its strings") {
		t.Errorf("adding ps twice: %v\n%s", err, stderr)
	}
}

// TestTranslateAddFlowList: he goes inside a flow list, the comment after it
// kept; abri has no plural rule for he: one form, other, and a warning.
func TestTranslateAddFlowList(t *testing.T) {
	src, th := addGuide(t, "languages: [fr, en]   # fr first\n")
	out, stderr, err := run(t, "translate", "add", "--content", src, "he", "--theme", th)
	if err != nil {
		t.Fatalf("%v\n%s", err, stderr)
	}
	site, _ := os.ReadFile(filepath.Join(src, "site.yaml"))
	if want := "title: {fr: Guide, en: Guide}\nlanguages: [fr, en, he]   # fr first\ntimezone:"; !strings.HasPrefix(string(site), want) {
		t.Errorf("site.yaml:\n%s", site)
	}
	if !strings.Contains(out, "warning: abri has no plural rule for he") {
		t.Errorf("no plural warning:\n%s", out)
	}
	data, _ := os.ReadFile(filepath.Join(th, "i18n", "he.yaml"))
	if !strings.Contains(string(data), "\nplaces_count:\n  other: \"\"\n") {
		t.Errorf("he.yaml places_count is not one empty other form:\n%.900s", data)
	}
}

// TestTranslateAddRefuses: a code that is no language code, a typo, and a
// language the built-in theme has no strings for change nothing.
func TestTranslateAddRefuses(t *testing.T) {
	src, th := addGuide(t, "languages: [fr, en]\n")
	before, _ := os.ReadFile(filepath.Join(src, "site.yaml"))
	for _, tt := range []struct {
		args []string
		want string
	}{
		{[]string{"PS", "--theme", th}, `"PS" is not a language code (want ISO 639-1 like ps, uk, ar) (did you mean "ps"?)`},
		{[]string{"ukr", "--theme", th}, `abri knows no language "ukr" (did you mean "uk"?)`},
		{[]string{"he"}, `abri's built-in theme has no interface strings for he: copy abri's themes/default folder`},
	} {
		_, stderr, err := run(t, append([]string{"translate", "add", "--content", src}, tt.args...)...)
		if err == nil || !strings.Contains(stderr, tt.want) {
			t.Errorf("%v: %v\n%s\nwant %s", tt.args, err, stderr, tt.want)
		}
	}
	if after, _ := os.ReadFile(filepath.Join(src, "site.yaml")); string(after) != string(before) {
		t.Errorf("site.yaml changed:\n%s", after)
	}
}

// TestTranslateAddListedByHand: a language already in site.yaml whose theme
// has no strings builds with a warning saying how to make them, and
// translate add then makes them, site.yaml unchanged.
func TestTranslateAddListedByHand(t *testing.T) {
	src, th := addGuide(t, "languages: [fr, en, ps]\n")
	before, _ := os.ReadFile(filepath.Join(src, "site.yaml"))
	public := filepath.Join(filepath.Dir(src), "public")
	out, stderr, err := run(t, "build", "--content", src, "--theme", th, "--out", public)
	if err != nil {
		t.Fatalf("build: %v\n%s%s", err, out, stderr)
	}
	if want := "ps: the theme has no interface strings for it; readers see the fr text: run abri translate add ps to create the file"; !strings.Contains(out+stderr, want) {
		t.Errorf("build output lacks %q:\n%s%s", want, out, stderr)
	}
	if out, stderr, err = run(t, "translate", "add", "ps", "--content", src, "--theme", th); err != nil {
		t.Fatalf("%v\n%s", err, stderr)
	}
	if !strings.Contains(out, "ps (پښتو) is already in") || !strings.Contains(out, "created "+th+"/i18n/ps.yaml") {
		t.Errorf("output:\n%s", out)
	}
	if after, _ := os.ReadFile(filepath.Join(src, "site.yaml")); string(after) != string(before) {
		t.Errorf("site.yaml changed:\n%s", after)
	}
}

func atoiOr0(s string) int {
	n, _ := strconv.Atoi(s)
	return n
}
