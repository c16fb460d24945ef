package main

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// brokenGuide writes a small guide with mistakes into dir/content.
func brokenGuide(t *testing.T, dir string) {
	t.Helper()
	write := func(name, data string) {
		p := filepath.Join(dir, "content", name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("site.yaml", "title: Guide\nlanguages: [fr]\ntimezone: Europe/Paris\ncountry: FR\nlicence: {name: CC-BY-4.0}\n")
	write("categories.yaml", "- id: food\n  icon: food\n  name: Alimentation\n")
	write("listings/lyon/a.yaml", "name: A\ncategories: [fod]\naddress: {city: Lyon}\nupdated: 2026-11-01\n")
	write("listings/lyon/b.yaml", "name: B\ncategories: [food]\naddress: {city: Lyon}\nupdated: 2020-01-01\n")
	write("listings/lyon/Bad Name.yaml", "name: C\n")
}

// TestCheckGitHubFormat: each problem is a workflow command GitHub shows
// on its line, the file named from the repository's root.
func TestCheckGitHubFormat(t *testing.T) {
	theme, _ := filepath.Abs("../../themes/default")
	dir := t.TempDir()
	brokenGuide(t, dir)
	t.Chdir(dir)
	out, _, err := run(t, "check", "--format", "github", "--theme", theme)
	if err == nil {
		t.Fatal("check must fail on errors")
	}
	for _, want := range []string{
		"::error file=content/listings/lyon/a.yaml,line=2,col=14::categories: unknown category \"fod\" (did you mean \"food\"?)\n",
		"::warning file=content/listings/lyon/b.yaml,line=4,col=10::updated: information last checked ",
		"::error file=content/listings/lyon/Bad Name.yaml::listing file names are the place's id",
		"abri: 2 errors, 1 warning\n",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	plain, _, _ := run(t, "check", "--theme", theme)
	if !strings.Contains(plain, "content/listings/lyon/a.yaml:2:14: categories: unknown category") || strings.Contains(plain, "::") {
		t.Errorf("plain is the default:\n%s", plain)
	}
	if _, stderr, err := run(t, "check", "--format", "json", "--theme", theme); err == nil || !strings.Contains(stderr, "plain or github") {
		t.Errorf("unknown format: err=%v stderr=%s", err, stderr)
	}
}

func TestAnnotationEscapes(t *testing.T) {
	for _, tc := range []struct{ in, data, prop string }{
		{"100% sûr", "100%25 sûr", "100%25 sûr"},
		{"a\r\nb", "a%0D%0Ab", "a%0D%0Ab"},
		{"x:1,y", "x:1,y", "x%3A1%2Cy"},
	} {
		if got := escapeData(tc.in); got != tc.data {
			t.Errorf("escapeData(%q) = %q, want %q", tc.in, got, tc.data)
		}
		if got := escapeProperty(tc.in); got != tc.prop {
			t.Errorf("escapeProperty(%q) = %q, want %q", tc.in, got, tc.prop)
		}
	}
}

// TestBuildPrintsWarnings: a build's log shows the first 20 warnings with
// their positions, then how many more abri check lists.
func TestBuildPrintsWarnings(t *testing.T) {
	theme, _ := filepath.Abs("../../themes/default")
	dir := t.TempDir()
	brokenGuide(t, dir)
	os.Remove(filepath.Join(dir, "content/listings/lyon/a.yaml"))
	os.Remove(filepath.Join(dir, "content/listings/lyon/Bad Name.yaml"))
	for i := range 24 {
		name := filepath.Join(dir, "content/listings/lyon", "old-"+string(rune('a'+i))+".yaml")
		os.WriteFile(name, []byte("name: Old\ncategories: [food]\naddress: {city: Lyon}\nupdated: 2020-01-01\n"), 0o644)
	}
	content := filepath.Join(dir, "content")
	check, _, _ := run(t, "check", "--content", content, "--theme", theme)
	if !strings.Contains(check, "abri: 0 errors, 25 warnings") {
		t.Fatalf("want 25 warnings from check:\n%s", check)
	}
	_, stderr, err := run(t, "build", "--content", content, "--theme", theme, "--out", filepath.Join(dir, "public"))
	if err != nil {
		t.Fatalf("%v\n%s", err, stderr)
	}
	shown := regexp.MustCompile(`(?m)^`+regexp.QuoteMeta(content)+`/listings/lyon/[a-z-]+\.yaml:4:10: warning: updated: `).FindAllString(stderr, -1)
	if len(shown) != 20 || !strings.Contains(stderr, "abri: … and 5 more warnings (abri check lists them all)\n") {
		t.Errorf("want 20 warnings with positions, then the 5 others counted; got %d:\n%s", len(shown), stderr)
	}
}

// TestWorkflowRunsCheckAndBuild runs the abri commands of the shipped
// workflow, as GitHub would, on the demo guide.
func TestWorkflowRunsCheckAndBuild(t *testing.T) {
	data, err := os.ReadFile("../../.github/workflows/check.yml")
	if err != nil {
		t.Fatal(err)
	}
	var cmds [][]string
	for _, line := range strings.Split(string(data), "\n") {
		cmd, ok := strings.CutPrefix(strings.TrimSpace(line), "run:")
		if !ok {
			continue
		}
		args, ok := strings.CutPrefix(strings.TrimSpace(cmd), "go run ./cmd/abri ")
		if !ok {
			t.Fatalf("a step runs something else than abri: %q", line)
		}
		cmds = append(cmds, strings.Fields(args))
	}
	if len(cmds) != 2 || strings.Join(cmds[0], " ") != "check --format github" || cmds[1][0] != "build" {
		t.Fatalf("want check --format github, then build; the workflow runs %q", cmds)
	}
	for _, want := range []string{"pull_request:", "push:", "actions/setup-go", "go-version-file: go.mod"} {
		if !strings.Contains(string(data), want) {
			t.Errorf("the workflow lacks %q", want)
		}
	}
	out := filepath.Join(t.TempDir(), "public")
	t.Chdir("../..") // where GitHub runs the steps: the repository's root
	for _, args := range cmds {
		if args[0] == "build" {
			args = append(args, "--out", out) // not into the repository
		}
		stdout, stderr, err := run(t, args...)
		if err != nil {
			t.Errorf("abri %s: %v\n%s%s", strings.Join(args, " "), err, stdout, stderr)
		}
		if args[0] == "check" && strings.Contains(stdout, "::error") {
			t.Errorf("the demo has errors:\n%s", stdout)
		}
	}
	if _, err := os.Stat(filepath.Join(out, "index.html")); err != nil {
		t.Error(err)
	}
}

// TestCheckSaysWhichShowTheirParentsPictogram: abri check names the
// categories without an icon of their own in one line, which is not a
// warning (a guide may want them alike), in both formats.
func TestCheckSaysWhichShowTheirParentsPictogram(t *testing.T) {
	theme, _ := filepath.Abs("../../themes/default")
	dir := t.TempDir()
	brokenGuide(t, dir)
	cats := "- id: food\n  icon: food\n  name: Alimentation\n  children:\n" +
		"    - id: meals\n      icon: meals\n      name: Repas\n" +
		"    - id: fod\n      name: Colis\n      children:\n        - {id: soup, name: Soupe}\n"
	if err := os.WriteFile(filepath.Join(dir, "content", "categories.yaml"), []byte(cats), 0o644); err != nil {
		t.Fatal(err)
	}
	t.Chdir(dir)
	plain, _, _ := run(t, "check", "--theme", theme)
	for _, want := range []string{
		"content/categories.yaml: info: 2 categories show their parent's pictogram: fod, soup; give them icon: ",
		"abri: 1 error, 1 warning\n",
	} {
		if !strings.Contains(plain, want) {
			t.Errorf("plain output lacks %q:\n%s", want, plain)
		}
	}
	github, _, _ := run(t, "check", "--format", "github", "--theme", theme)
	if want := "::notice file=content/categories.yaml::2 categories show their parent's pictogram: fod, soup;"; !strings.Contains(github, want) {
		t.Errorf("github output lacks %q:\n%s", want, github)
	}
}
