package e2e

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/abri-guide/abri/generator/translate"
)

// TestAddedLanguage adds Urdu, a language neither the demo nor the theme
// has, as a guide's team would: abri translate add ur, a PO file filled in
// by a translator, abri translate import, then a build. The new language's
// pages must pass what every language's pages pass: no failed or foreign
// request, no axe violation, a right-to-left layout, a language switcher
// that knows it, and a crawl from the disk.
//
// The translator here is the test: Urdu's strings are the Arabic ones
// (same script, same direction), which is enough to test the way in, not
// the translation.
func TestAddedLanguage(t *testing.T) {
	t.Parallel()
	axe := axeURL(t)
	root := t.TempDir()
	for _, sub := range []string{"content", filepath.Join("themes", "default")} {
		if err := os.CopyFS(filepath.Join(root, sub), os.DirFS(filepath.Join(repoRoot, sub))); err != nil {
			t.Fatal(err)
		}
	}
	abri := filepath.Join(t.TempDir(), "abri")
	build := exec.Command("go", "build", "-o", abri, "./cmd/abri")
	build.Dir = repoRoot
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	guide := []string{"--content", filepath.Join(root, "content"), "--theme", filepath.Join(root, "themes", "default")}
	cmd := func(args ...string) []byte {
		t.Helper()
		c := exec.Command(abri, append(args, guide...)...)
		var stderr bytes.Buffer
		c.Stderr = &stderr
		out, err := c.Output()
		if err != nil {
			t.Fatalf("abri %s: %v\n%s%s", strings.Join(args, " "), err, out, stderr.Bytes())
		}
		return out
	}
	cmd("translate", "add", "ur")

	_, arabic, err := translate.ReadPO(bytes.NewReader(cmd("translate", "export", "--lang", "ar")))
	if err != nil {
		t.Fatal(err)
	}
	ar := map[string]string{}
	for _, u := range arabic {
		ar[u.Key] = u.Translation
	}
	_, units, err := translate.ReadPO(bytes.NewReader(cmd("translate", "export", "--lang", "ur")))
	if err != nil {
		t.Fatal(err)
	}
	filled := 0
	for i, u := range units {
		if u.Translation == "" && ar[u.Key] != "" {
			units[i].Translation = ar[u.Key]
			filled++
		}
	}
	var po bytes.Buffer
	if err := translate.WritePO(&po, "ur", units); err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(t.TempDir(), "ur.po")
	if err := os.WriteFile(file, po.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	t.Logf("abri translate import: %s", cmd("translate", "import", file))
	status := string(cmd("translate", "status"))
	t.Logf("%d texts translated into ur; abri translate status:\n%s", filled, status)
	if !strings.Contains(status, "ur ") {
		t.Errorf("abri translate status does not list ur")
	}

	s, err := buildSite(root, filepath.Join(t.TempDir(), "public"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if !strings.Contains(strings.Join(s.Langs, " "), "ur") {
		t.Fatalf("the build's languages are %v: no ur", s.Langs)
	}
	// The translator's strings, not the source language's, are on the pages.
	home, err := os.ReadFile(filepath.Join(s.Dir, "ur", "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	for _, key := range []string{"i18n#categories", "i18n#search_button", "site.yaml#title"} {
		if want := ar[key]; want == "" || !strings.Contains(string(home), want) {
			t.Errorf("ur/index.html lacks the translation of %s (%q)", key, want)
		}
	}
	types, err := s.pageTypes()
	if err != nil {
		t.Fatal(err)
	}
	tb := newTab(t, "ur")
	for _, pt := range types {
		page := pt.Path("ur")
		v, err := tb.open(s.URL + page)
		if err != nil {
			t.Fatalf("opening %s: %v", page, err)
		}
		check := checker(t, page)
		check("loading", loadFindings(v, s.URL, pt.Status))
		check("accessibility", axeFindings(tb, axe))
		findings, _ := mirrorFindings(tb, true)
		check("direction", findings)
		check("language switcher", switcherFindings(tb, "nav.langs a", "ur", s.Langs, pt.Twin))
		if lang, _ := eval[string](tb, `document.documentElement.lang + " " + document.documentElement.dir`); lang != "ur rtl" {
			t.Errorf("%s: <html> is %q, want lang ur, dir rtl", page, lang)
		}
	}
	findings, opened, _ := crawlFindings(tb, s.Dir, []string{"ur/index.html"}, crawlDepth, 120)
	for _, f := range findings {
		t.Error(f)
	}
	t.Logf("from the disk: %d pages opened from ur/index.html", opened)
}
