package main

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/abri-guide/abri/generator/translate"
)

var demoFlags = []string{"--content", "../../content", "--theme", "../../themes/default"}

func TestTranslateExport(t *testing.T) {
	t.Setenv("SOURCE_DATE_EPOCH", "1796212800")
	readers := map[string]func(*bytes.Reader) (string, []translate.Unit, error){
		"po":    func(r *bytes.Reader) (string, []translate.Unit, error) { return translate.ReadPO(r) },
		"xliff": func(r *bytes.Reader) (string, []translate.Unit, error) { return translate.ReadXLIFF(r) },
		"csv":   func(r *bytes.Reader) (string, []translate.Unit, error) { return translate.ReadCSV(r) },
	}
	var first string
	for format, read := range readers {
		out, stderr, err := run(t, append([]string{"translate", "export", "--lang", "uk", "--format", format}, demoFlags...)...)
		if err != nil {
			t.Fatalf("%s: %v\n%s", format, err, stderr)
		}
		lang, units, err := read(bytes.NewReader([]byte(out)))
		if err != nil || lang != "uk" || len(units) < 300 {
			t.Fatalf("%s: the export reads back as %q, %d units, %v", format, lang, len(units), err)
		}
		if units[0].Key != "site.yaml#title" || !strings.HasPrefix(units[len(units)-1].Key, "i18n#") {
			t.Errorf("%s: units from %s to %s, want site.yaml first and the interface strings last", format, units[0].Key, units[len(units)-1].Key)
		}
		if format == "po" {
			first = out
		}
		if want := fmt.Sprintf("%d texts of %d for uk", len(units), len(units)); !strings.Contains(stderr, want) {
			t.Errorf("%s: summary %q", format, stderr)
		}
	}
	again, _, _ := run(t, append([]string{"translate", "export", "--lang", "uk"}, demoFlags...)...)
	if again != first {
		t.Error("two exports of the same guide differ")
	}

	file := filepath.Join(t.TempDir(), "uk-missing.xlf")
	_, stderr, err := run(t, append([]string{"translate", "export", "--lang", "uk", "--missing", "--out", file}, demoFlags...)...)
	if err != nil {
		t.Fatal(err, stderr)
	}
	data, _ := os.ReadFile(file)
	_, units, err := translate.ReadXLIFF(bytes.NewReader(data))
	if err != nil || len(units) == 0 {
		t.Fatalf("--missing --out x.xlf: %d units, %v", len(units), err)
	}
	for _, u := range units {
		if u.Translation != "" {
			t.Errorf("--missing keeps %s, which is translated", u.Key)
		}
	}
}

func TestTranslateExportRefuses(t *testing.T) {
	for _, c := range []struct{ args, want string }{
		{"--lang ukr", `--lang ukr: unknown language (did you mean "uk"?)`},
		{"--lang ur", "ur is not a language of the guide yet (site.yaml languages: fr, en, ar, uk, ca, es, fa, ka, ps, pt, ro, ru): add it with abri translate add ur"},
		{"--lang fr", "fr is the source language of the guide"},
		{"", "--lang is missing"},
		{"--lang uk --format pot", `--format pot: want po, xliff or csv (did you mean "po"?)`},
	} {
		_, stderr, err := run(t, append(append([]string{"translate", "export"}, strings.Fields(c.args)...), demoFlags...)...)
		if err == nil || !strings.Contains(stderr, c.want) {
			t.Errorf("export %s: err=%v, stderr %q, want %q", c.args, err, stderr, c.want)
		}
	}
}

func TestTranslateStatus(t *testing.T) {
	out, stderr, err := run(t, append([]string{"translate", "status"}, demoFlags...)...)
	if err != nil {
		t.Fatal(err, stderr)
	}
	for _, want := range []string{"interface", "en English", "uk Українська", "80/80 100 %"} {
		if !strings.Contains(out, want) {
			t.Errorf("status does not say %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, "fr ") {
		t.Errorf("status lists the source language:\n%s", out)
	}
	gh, _, err := run(t, append([]string{"translate", "status", "--format", "github"}, demoFlags...)...)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(gh), "\n")
	// One line per language but the source: a notice when it is all
	// translated, a warning otherwise (the demo's listings are in 4).
	if len(lines) != 11 || !strings.HasPrefix(lines[0], "::notice title=translation en::") || !strings.HasPrefix(lines[2], "::warning title=translation uk::") || !strings.Contains(lines[2], "interface 100 %25") || !strings.Contains(lines[10], "places 0 %25") {
		t.Errorf("status --format github:\n%s", gh)
	}
}
