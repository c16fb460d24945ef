package main

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// TestInitBuildsAnywhere: the abri binary, run in a folder holding only
// what abri init wrote (no themes/ folder, no flags), checks and builds the
// new guide with its built-in theme, running the commands the new guide's
// workflow lists.
func TestInitBuildsAnywhere(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the abri binary")
	}
	tmp := t.TempDir()
	bin := filepath.Join(tmp, "abri")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	guide := filepath.Join(tmp, "guide-lyon")
	if out, err := exec.Command(bin, "init", guide).CombinedOutput(); err != nil {
		t.Fatalf("abri init: %v\n%s", err, out)
	}
	if _, err := os.Stat(filepath.Join(guide, "themes")); !os.IsNotExist(err) {
		t.Fatalf("init wrote a themes folder: %v", err)
	}
	workflow, err := os.ReadFile(filepath.Join(guide, ".github/workflows/check.yml"))
	if err != nil {
		t.Fatal(err)
	}
	runs := regexp.MustCompile(`(?m)^\s+run: abri (.+)$`).FindAllStringSubmatch(string(workflow), -1)
	if len(runs) != 2 || runs[0][1] != "check --format github" || runs[1][1] != "build" {
		t.Fatalf("the workflow's abri commands: %q", runs)
	}
	for _, run := range runs {
		cmd := exec.Command(bin, strings.Fields(run[1])...)
		cmd.Dir = guide
		var stdout, stderr bytes.Buffer
		cmd.Stdout, cmd.Stderr = &stdout, &stderr
		if err := cmd.Run(); err != nil {
			t.Fatalf("abri %s: %v\n%s%s", run[1], err, stdout.String(), stderr.String())
		}
		if !strings.Contains(stderr.String(), "abri: theme: abri's built-in theme") {
			t.Errorf("abri %s does not say which theme it used: %s", run[1], stderr.String())
		}
		if strings.HasPrefix(run[1], "check") && !strings.Contains(stdout.String(), "abri: 0 errors, 0 warnings") {
			t.Errorf("abri check on a new guide: %s", stdout.String())
		}
	}
	if _, err := os.Stat(filepath.Join(guide, "public", "index.html")); err != nil {
		t.Fatal(err)
	}
	netlify, err := os.ReadFile(filepath.Join(guide, "netlify.toml"))
	if err != nil || !strings.Contains(string(netlify), `command = "go install github.com/abri-guide/abri/cmd/abri@`) ||
		!strings.Contains(string(netlify), `/bin/abri build"`) || !strings.Contains(string(netlify), `publish = "public"`) {
		t.Errorf("netlify.toml: %v\n%s", err, netlify)
	}
	site, _ := os.ReadFile(filepath.Join(guide, "content/site.yaml"))
	if !strings.Contains(string(site), "  fr: \"Guide lyon\"\n") {
		t.Errorf("the title is not the folder's name:\n%s", site)
	}
}

// TestInitRefusesNonEmpty: abri init writes nothing into a folder that
// holds anything.
func TestInitRefusesNonEmpty(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "notes.txt"), []byte("mine"), 0o644); err != nil {
		t.Fatal(err)
	}
	var stdout, stderr bytes.Buffer
	if err := Run(context.Background(), []string{"init", dir}, &stdout, &stderr); err == nil {
		t.Fatal("abri init wrote into a folder that was not empty")
	}
	if want := "abri init: " + dir + " is not empty: give a new folder, or an empty one\n"; stderr.String() != want {
		t.Errorf("stderr %q, want %q", stderr.String(), want)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("abri init wrote %d files", len(entries)-1)
	}
}

// TestInitCategories: a new guide's tree is the demo's, with the texts of
// the new guide's languages only (texts in other languages are errors).
func TestInitCategories(t *testing.T) {
	demo, err := os.ReadFile("../../content/categories.yaml")
	if err != nil {
		t.Fatal(err)
	}
	mine, err := initGuide.ReadFile("initguide/content/categories.yaml")
	if err != nil || !bytes.Equal(mine, demo) {
		t.Fatalf("initguide/content/categories.yaml is not content/categories.yaml: copy it again (%v)", err)
	}
	langs, err := initLangs()
	if err != nil {
		t.Fatal(err)
	}
	kept, err := keepLangs(demo, langs)
	if err != nil {
		t.Fatal(err)
	}
	others := regexp.MustCompile(`, (\w+): ("[^"]*"|[^,}]+)`)
	want := others.ReplaceAllStringFunc(string(demo), func(m string) string {
		if slices.Contains(langs, others.FindStringSubmatch(m)[1]) {
			return m
		}
		return ""
	})
	if string(kept) != want {
		t.Errorf("the tree differs from the demo's by more than the texts in languages other than %v:\n%s", langs, kept)
	}
	// Every name and synonyms of the new guide is in every language it declares.
	texts := regexp.MustCompile(`(?m)^\s*(name|synonyms): \{(.*)\}$`).FindAllStringSubmatch(string(kept), -1)
	if len(texts) == 0 {
		t.Fatal("no category names in the new guide")
	}
	for _, m := range texts {
		for _, l := range langs {
			if !strings.Contains(m[2], l+": ") {
				t.Errorf("%s {%s}: no text in %s, a language of the new guide", m[1], m[2], l)
			}
		}
	}
}

// TestFindTheme: --theme wins; else themes/default beside the content
// folder, then in the working directory; else the built-in theme, said.
func TestFindTheme(t *testing.T) {
	dir := t.TempDir()
	content := filepath.Join(dir, "content")
	var log bytes.Buffer
	if name, fsys := findTheme("mine", content, &log); name != "mine" || fsys != nil {
		t.Errorf("--theme mine: %s %v", name, fsys)
	}
	if name, fsys := findTheme("", content, &log); name != builtIn || fsys == nil || !strings.Contains(log.String(), "built-in") {
		t.Errorf("no theme folder: %s %v %q", name, fsys, log.String())
	}
	beside := filepath.Join(dir, "themes", "default")
	if err := os.MkdirAll(beside, 0o755); err != nil {
		t.Fatal(err)
	}
	if name, fsys := findTheme("", content, &log); name != beside || fsys != nil {
		t.Errorf("themes/default beside the content: %s %v", name, fsys)
	}
}
