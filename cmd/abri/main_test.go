package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func run(t *testing.T, args ...string) (stdout, stderr string, err error) {
	t.Helper()
	var out, errb bytes.Buffer
	err = Run(context.Background(), args, &out, &errb)
	return out.String(), errb.String(), err
}

func TestHelp(t *testing.T) {
	out, _, err := run(t, "help")
	if err != nil || !strings.Contains(out, "abri build") || !strings.Contains(out, "abri check") {
		t.Errorf("help: err=%v out=%q", err, out)
	}
	for _, cmd := range []string{"build", "check", "serve"} {
		_, stderr, err := run(t, cmd, "-h")
		if err != nil {
			t.Errorf("%s -h: %v", cmd, err)
		}
		for _, flag := range []string{"-content", "-theme"} {
			if !strings.Contains(stderr, flag) {
				t.Errorf("%s -h does not explain %s:\n%s", cmd, flag, stderr)
			}
		}
	}
	if _, stderr, _ := run(t, "build", "-h"); !strings.Contains(stderr, "-out") {
		t.Errorf("build -h does not explain -out")
	}
	if _, _, err := run(t, "frobnicate"); err == nil {
		t.Error("an unknown command must fail")
	}
}

func TestCheckDemo(t *testing.T) {
	out, _, err := run(t, "check", "--content", "../../content", "--theme", "../../themes/default")
	if err != nil {
		t.Fatalf("check of the demo guide: %v\n%s", err, out)
	}
	if !strings.Contains(out, "abri: 0 errors") {
		t.Errorf("check output lacks the summary:\n%s", out)
	}
}

// TestCheckReportsPositions: errors as path:line:col: message, exit status 1.
func TestCheckReportsPositions(t *testing.T) {
	dir := t.TempDir()
	write := func(name, data string) {
		p := filepath.Join(dir, name)
		os.MkdirAll(filepath.Dir(p), 0o755)
		os.WriteFile(p, []byte(data), 0o644)
	}
	write("site.yaml", "title: Guide\nlanguages: [fr]\ntimezone: Europe/Paris\ncountry: FR\nlicence: {name: ODbL-1.0}\n")
	write("categories.yaml", "- id: food\n  icon: food\n  name: Alimentation\n")
	write("listings/a.yaml", "name: A\ncategories: [fod]\naddress: {city: Lyon}\nupdated: 2026-11-01\n")
	write("listings/b.yaml", "name: B\ncategories: [food]\naddress: {city: Lyon}\nhours: {mo: 9h-12h}\nupdated: 2026-11-01\n")
	out, _, err := run(t, "check", "--content", dir, "--theme", "../../themes/default")
	if err == nil {
		t.Fatal("check must fail on errors")
	}
	for _, want := range []string{
		filepath.Join(dir, "listings/a.yaml") + `:2:14: categories: unknown category "fod" (did you mean "food"?)`,
		filepath.Join(dir, "listings/b.yaml") + `:4:13: hours: "9h-12h" is not a time range`,
		"abri: 2 errors",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("check output lacks %q:\n%s", want, out)
		}
	}
	outDir := filepath.Join(t.TempDir(), "public")
	if _, stderr, err := run(t, "build", "--content", dir, "--theme", "../../themes/default", "--out", outDir); err == nil || !strings.Contains(stderr, "nothing was written") {
		t.Errorf("build of broken content: err=%v stderr=%s", err, stderr)
	}
	if _, err := os.Stat(outDir); !os.IsNotExist(err) {
		t.Error("build wrote output despite errors")
	}
}

func TestBuildSummary(t *testing.T) {
	outDir := filepath.Join(t.TempDir(), "public")
	out, stderr, err := run(t, "build", "--content", "../../content", "--theme", "../../themes/default", "--out", outDir)
	if err != nil {
		t.Fatalf("%v\n%s", err, stderr)
	}
	if !strings.HasPrefix(out, "abri: built ") || strings.Count(out, "\n") != 1 || !strings.Contains(out, "fr ") || !strings.Contains(out, "ar ") {
		t.Errorf("want a one-line summary with pages per language, got %q", out)
	}
	if _, err := os.Stat(filepath.Join(outDir, "index.html")); err != nil {
		t.Error(err)
	}
}
