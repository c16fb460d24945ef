package main

import (
	"bytes"
	"context"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/abri-guide/abri/generator/translate"
)

// demoCopy copies the demo guide and its theme (content/, themes/default/).
func demoCopy(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	for _, sub := range []string{"content", "themes/default"} {
		from := filepath.Join("../..", sub)
		err := filepath.WalkDir(from, func(p string, e fs.DirEntry, err error) error {
			if err != nil || e.IsDir() {
				return err
			}
			rel, _ := filepath.Rel(from, p)
			data, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			to := filepath.Join(dir, sub, rel)
			if err := os.MkdirAll(filepath.Dir(to), 0o755); err != nil {
				return err
			}
			return os.WriteFile(to, data, 0o644)
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

const bus = "listings/lyon/bus-sante-carnot.yaml"

var busFR = "Un bus médical stationne place Carnot deux soirs par semaine : consultation avec un médecin ou une infirmière, dépistage, matériel de réduction des risques, préservatifs."

func importUnits(t *testing.T, dir string, o translateImportOpts, units ...translate.Unit) (string, string, error) {
	t.Helper()
	var out, errb bytes.Buffer
	o.dir = filepath.Join(dir, "content")
	err := importTranslations(context.Background(), []exchange{{path: "uk.po", lang: "uk", units: units}}, o, &out, &errb)
	return out.String(), errb.String(), err
}

func TestTranslateImportSummary(t *testing.T) {
	dir := demoCopy(t)
	units := []translate.Unit{
		{Key: bus + "#description", Source: busFR, Translation: "Медичний автобус."},
		{Key: "categories.yaml#food.name", Source: "Alimentation", Translation: "Їжа"},
		{Key: "i18n#status_open", Source: "Ouvert", Translation: "Відчинено зараз"},
		{Key: "categories.yaml#meals.name", Source: "Repas", Translation: "Гаряче харчування"},
		{Key: "categories.yaml#shower.name", Source: "Douche (old)", Translation: "Душова"},
		{Key: "categories.yaml#welcome.name", Source: "Accueil", Translation: ""},
	}
	o := translateImportOpts{theme: filepath.Join(dir, "themes/default")}
	out, stderr, err := importUnits(t, dir, o, units...)
	if err != nil {
		t.Fatalf("%v\n%s%s", err, out, stderr)
	}
	src, _ := os.ReadFile(filepath.Join(dir, "themes/default/i18n/fr.yaml"))
	if !strings.Contains(string(src), `status_open: "Ouvert"`) {
		t.Fatalf("the theme's status_open changed: update the test")
	}
	want := "uk: source changed since export: categories.yaml#shower.name\n" +
		"uk: 3 translations written in 3 files, 1 unchanged, 1 not translated (empty), 1 not applied: source changed since export (use --force)\n"
	if out != want {
		t.Errorf("got\n%s\nwant\n%s", out, want)
	}
	listing, _ := os.ReadFile(filepath.Join(dir, "content", bus))
	if !strings.Contains(string(listing), "  uk: \"Медичний автобус.\"\ncategories:") {
		t.Errorf("listing:\n%s", listing)
	}
	if _, err := os.Stat(filepath.Join(dir, "content", translate.SumsFile)); err != nil {
		t.Errorf("no translations.sum: %v", err)
	}
	check, _, err := run(t, "check", "--content", filepath.Join(dir, "content"), "--theme", o.theme)
	if err != nil || !strings.Contains(check, "abri: 0 errors") {
		t.Errorf("abri check after the import: %v\n%s", err, check[max(0, len(check)-1500):])
	}
	out, _, err = importUnits(t, dir, translateImportOpts{force: true, theme: o.theme}, units[4])
	if err != nil || out != "uk: 1 translation written in 1 file, 1 applied although the source changed (--force)\n" {
		t.Errorf("forced: %v\n%s", err, out)
	}
}

func TestTranslateImportRefusesAndDryRun(t *testing.T) {
	dir := demoCopy(t)
	before, _ := os.ReadFile(filepath.Join(dir, "content/categories.yaml"))
	out, stderr, err := importUnits(t, dir, translateImportOpts{},
		translate.Unit{Key: "categories.yaml#food.name", Source: "Alimentation", Translation: "Їжа"},
		translate.Unit{Key: "categories.yaml#gone.name", Source: "X", Translation: "Y"},
		translate.Unit{Key: "listings/gone.yaml#description", Source: "X", Translation: "Y"})
	want := "abri translate import: uk.po: refused, 2 keys are not in the guide (export again to get the current keys):\n" +
		"  categories.yaml#gone.name: no category has id gone\n  listings/gone.yaml#description: no file listings/gone.yaml in the guide\n" +
		"abri translate import: nothing written\n"
	if err == nil || stderr != want || out != "" {
		t.Errorf("refused: %v\n%s\nwant\n%s", err, stderr, want)
	}
	out, _, err = importUnits(t, dir, translateImportOpts{dryRun: true}, translate.Unit{Key: "categories.yaml#food.name", Source: "Alimentation", Translation: "Їжа"})
	if err != nil || out != "uk: 1 translation would be written in 1 file\n" {
		t.Errorf("dry run: %v\n%s", err, out)
	}
	if after, _ := os.ReadFile(filepath.Join(dir, "content/categories.yaml")); !bytes.Equal(after, before) {
		t.Error("categories.yaml changed")
	}
}

func TestTranslateImportBuiltInTheme(t *testing.T) {
	dir := demoCopy(t)
	if err := os.RemoveAll(filepath.Join(dir, "themes")); err != nil {
		t.Fatal(err)
	}
	t.Chdir(dir) // no themes/default in the working directory either
	out, _, err := importUnits(t, dir, translateImportOpts{}, translate.Unit{Key: "i18n#status_open", Source: "Ouvert", Translation: "Відчинено"})
	if err != nil || !strings.Contains(out, "uk: not applied: i18n#status_open: the guide uses abri's built-in theme") || !strings.Contains(out, "--theme DIR") {
		t.Errorf("%v\n%s", err, out)
	}
}

func TestTranslateImportReader(t *testing.T) {
	_, stderr, err := run(t, "translate", "import", "uk.txt")
	if err == nil || !strings.Contains(stderr, "uk.txt: not an exchange file: want a .po, .xlf (XLIFF) or .csv file") {
		t.Errorf("%v %s", err, stderr)
	}
	csv := filepath.Join(t.TempDir(), "uk.csv")
	if err := os.WriteFile(csv, []byte("\ufeffkey,context,source,translation,needs_review\r\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, stderr, err = run(t, "translate", "import", csv)
	if err == nil || !strings.Contains(stderr, "does not say its language") {
		t.Errorf("%v %s", err, stderr)
	}
	_, stderr, err = run(t, "translate", "import")
	if err == nil || !strings.Contains(stderr, "want at least one file") {
		t.Errorf("%v %s", err, stderr)
	}
}
