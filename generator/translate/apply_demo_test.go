package translate

import (
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"reflect"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/abri-guide/abri/generator/content"
	"github.com/abri-guide/abri/generator/theme"
	"gopkg.in/yaml.v3"
)

// copyDemo copies the demo guide and the default theme into a new folder.
func copyDemo(t *testing.T) Folders {
	t.Helper()
	dir := t.TempDir()
	for from, to := range map[string]string{"../../content": "content", "../../themes/default": "theme"} {
		err := filepath.WalkDir(from, func(p string, e fs.DirEntry, err error) error {
			if err != nil || e.IsDir() {
				return err
			}
			rel, _ := filepath.Rel(from, p)
			data, err := os.ReadFile(p)
			if err == nil {
				writeFile(t, filepath.Join(dir, to, rel), string(data))
			}
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	return Folders{Content: filepath.Join(dir, "content"), Theme: filepath.Join(dir, "theme")}
}

// snapshot is every file of the folders, by path.
func snapshot(t *testing.T, dirs Folders) map[string]string {
	t.Helper()
	files := map[string]string{}
	for _, root := range []string{dirs.Content, dirs.Theme} {
		filepath.WalkDir(root, func(p string, e fs.DirEntry, err error) error {
			if err == nil && !e.IsDir() {
				files[p] = readFile(t, p)
			}
			return err
		})
	}
	return files
}

var langKey = regexp.MustCompile(`^[a-z]{2,3}(_mt)?$`)

// demoUnits are lang's current translations of every text of the guide
// and theme, read from the files as a test sees them (not through Apply's
// own walk): maps of languages in the YAML files, categories by id, pages,
// interface strings.
func demoUnits(t *testing.T, dirs Folders, src, lang string) []Unit {
	t.Helper()
	var units []Unit
	cfs := os.DirFS(dirs.Content)
	files, _ := fs.Glob(cfs, "listings/*/*.yaml")
	for _, f := range append([]string{"site.yaml"}, files...) {
		root := parseFile(t, filepath.Join(dirs.Content, f))
		walkTexts(root, "", func(where string, m *yaml.Node) {
			units = append(units, textUnit(f+"#"+where, m, src, lang))
		})
	}
	walkCategories(parseFile(t, filepath.Join(dirs.Content, "categories.yaml")), func(id, field string, m *yaml.Node) {
		units = append(units, textUnit("categories.yaml#"+id+"."+field, m, src, lang))
	})
	pages, _ := fs.Glob(cfs, "pages/*."+src+".md")
	for _, p := range pages {
		slug := strings.TrimSuffix(path.Base(p), "."+src+".md")
		s, tr := cutPage([]byte(readFile(t, filepath.Join(dirs.Content, p)))), cutPage([]byte(readFile(t, filepath.Join(dirs.Content, "pages", slug+"."+lang+".md"))))
		st, _ := s.title()
		tt, _ := tr.title()
		units = append(units, Unit{Key: "pages/" + slug + ".md#title", Source: st, Translation: tt},
			Unit{Key: "pages/" + slug + ".md#body", Source: s.body(), Translation: tr.body()})
	}
	srcStrings := parseFile(t, filepath.Join(dirs.Theme, "i18n", src+".yaml"))
	strs := parseFile(t, filepath.Join(dirs.Theme, "i18n", lang+".yaml"))
	for i := 0; i+1 < len(strs.Content); i += 2 {
		id, v := strs.Content[i].Value, strs.Content[i+1]
		s := srcStrings.Content[pairIndex(srcStrings, id)+1]
		if v.Kind == yaml.ScalarNode {
			units = append(units, Unit{Key: "i18n#" + id, Source: s.Value, Translation: v.Value})
			continue
		}
		for k := 0; k+1 < len(v.Content); k += 2 {
			form := v.Content[k].Value
			sf := pairIndex(s, form)
			if sf < 0 {
				sf = pairIndex(s, "other")
			}
			units = append(units, Unit{Key: "i18n#" + id + "." + form, Source: s.Content[sf+1].Value, Translation: v.Content[k+1].Value})
		}
	}
	return units
}

func parseFile(t *testing.T, name string) *yaml.Node {
	t.Helper()
	var n yaml.Node
	if err := yaml.Unmarshal([]byte(readFile(t, name)), &n); err != nil {
		t.Fatal(err)
	}
	return n.Content[0]
}

func textUnit(key string, m *yaml.Node, src, lang string) Unit {
	u := Unit{Key: key}
	for i := 0; i+1 < len(m.Content); i += 2 {
		switch m.Content[i].Value {
		case src:
			u.Source = m.Content[i+1].Value
		case lang:
			u.Translation = m.Content[i+1].Value
		case lang + "_mt":
			u.Machine = m.Content[i+1].Value == "true"
		}
	}
	return u
}

// walkTexts calls f with the path of every map of languages under n.
func walkTexts(n *yaml.Node, where string, f func(string, *yaml.Node)) {
	switch n.Kind {
	case yaml.MappingNode:
		text := len(n.Content) > 0
		for i := 0; i < len(n.Content); i += 2 {
			text = text && langKey.MatchString(n.Content[i].Value)
		}
		if text {
			f(where, n)
			return
		}
		for i := 0; i+1 < len(n.Content); i += 2 {
			walkTexts(n.Content[i+1], strings.TrimPrefix(where+"."+n.Content[i].Value, "."), f)
		}
	case yaml.SequenceNode:
		for i, c := range n.Content {
			walkTexts(c, where+"["+strconv.Itoa(i)+"]", f)
		}
	}
}

func walkCategories(n *yaml.Node, f func(id, field string, m *yaml.Node)) {
	for _, c := range n.Content {
		if c.Kind == yaml.MappingNode && pairIndex(c, "id") >= 0 {
			id := c.Content[pairIndex(c, "id")+1].Value
			for _, field := range []string{"name", "synonyms"} {
				if i := pairIndex(c, field); i >= 0 {
					f(id, field, c.Content[i+1])
				}
			}
		}
		walkCategories(c, f)
	}
}

// TestApplyDemoUnchanged: importing the demo's own translations of every
// text, language by language, changes no byte of any file.
func TestApplyDemoUnchanged(t *testing.T) {
	dirs := copyDemo(t)
	before := snapshot(t, dirs)
	for _, lang := range []string{"en", "ar", "uk"} {
		units := demoUnits(t, dirs, "fr", lang)
		rep, err := Apply(lang, units, dirs, Options{})
		if err != nil {
			t.Fatal(err)
		}
		if len(rep.Refused)+len(rep.Skipped)+len(rep.Applied)+len(rep.Changed) > 0 || len(rep.Files) > 0 {
			t.Errorf("%s: %d units: refused %v, skipped %v, applied %v, changed %v, files %v", lang, len(units), rep.Refused, rep.Skipped, rep.Applied, rep.Changed, rep.Files)
		}
		translated := 0
		for _, u := range units {
			if u.Translation != "" {
				translated++
			}
		}
		if len(rep.Unchanged) != translated || translated < 300 {
			t.Errorf("%s: %d of %d translations found as they are", lang, len(rep.Unchanged), translated)
		}
	}
	after := snapshot(t, dirs)
	if len(after) != len(before) {
		t.Errorf("%d files before, %d after", len(before), len(after))
	}
	for p, b := range before {
		if after[p] != b {
			t.Errorf("%s changed", p)
		}
	}
}

// checkGuide loads the guide and fails on any error: what abri check says.
func checkGuide(t *testing.T, dirs Folders) {
	t.Helper()
	_, problems := content.Load(os.DirFS(dirs.Content), content.Options{Root: "content"})
	for _, p := range problems {
		if p.Severity == content.Error {
			t.Errorf("abri check: %s", p)
		}
	}
	if _, err := theme.Load(os.DirFS(dirs.Theme), dirs.Theme); err != nil {
		t.Errorf("theme: %v", err)
	}
}

// generic is a file's data, whatever its layout.
func generic(t *testing.T, name string) any {
	t.Helper()
	var v any
	if err := yaml.Unmarshal([]byte(readFile(t, name)), &v); err != nil {
		t.Fatal(err)
	}
	return v
}

// hunk is the lines that differ between a and b, once their common first
// and last lines are set aside.
func hunk(a, b string) (old, new []string) {
	x, y := strings.SplitAfter(a, "\n"), strings.SplitAfter(b, "\n")
	for len(x) > 0 && len(y) > 0 && x[0] == y[0] {
		x, y = x[1:], y[1:]
	}
	for len(x) > 0 && len(y) > 0 && x[len(x)-1] == y[len(y)-1] {
		x, y = x[:len(x)-1], y[:len(y)-1]
	}
	return x, y
}

const belleville = "listings/paris/abri-de-nuit-belleville.yaml"

// TestApplyDemoThreeChanges: three translations changed (a {…} map, a
// block map, a source-only string growing into a map) change exactly those
// values, on their lines only, and the guide still builds.
func TestApplyDemoThreeChanges(t *testing.T) {
	dirs := copyDemo(t)
	// The demo has no source-only text: make one.
	bpath := filepath.Join(dirs.Content, belleville)
	b := readFile(t, bpath)
	appointment := "  appointment:\n    fr: \"Appelez le 115 dans la journée pour obtenir une place pour la nuit.\"\n    en: \"Call 115 during the day to get a bed for the night.\"\n    ar: \"اتصلوا بالرقم 115 خلال النهار لحجز مكان لليلة.\"\n    uk: \"Зателефонуйте за номером 115 протягом дня, щоб отримати місце на ніч.\"\n"
	if !strings.Contains(b, appointment) {
		t.Fatal("the demo listing changed: update the test")
	}
	writeFile(t, bpath, strings.Replace(b, appointment, "  appointment: Appelez le 115 le jour même.\n", 1))
	const listing = "listings/lyon/bus-sante-carnot.yaml"
	before := snapshot(t, dirs)
	old := map[string]any{}
	for _, f := range []string{"categories.yaml", listing, belleville} {
		old[f] = generic(t, filepath.Join(dirs.Content, f))
	}
	units := demoUnits(t, dirs, "fr", "uk")
	changes := map[string]string{
		"categories.yaml#food.name":        "Їжа та харчування",
		listing + "#description":           "Медичний автобус: лікар, медсестра, тести.",
		belleville + "#access.appointment": "Зателефонуйте 115 того ж дня.",
	}
	units = append(units, Unit{Key: belleville + "#access.appointment", Source: "Appelez le 115 le jour même."})
	for i, u := range units {
		if tr, ok := changes[u.Key]; ok {
			units[i].Translation = tr
		}
	}
	rep, err := Apply("uk", units, dirs, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(rep.Applied) != 3 || len(rep.Files) != 4 || len(rep.Refused)+len(rep.Skipped)+len(rep.Changed) > 0 {
		t.Fatalf("applied %v, files %v, refused %v, skipped %v, changed %v", rep.Applied, rep.Files, rep.Refused, rep.Skipped, rep.Changed)
	}
	after := snapshot(t, dirs)
	for p, data := range before {
		rel, _ := filepath.Rel(dirs.Content, p)
		rel = filepath.ToSlash(rel)
		if _, changed := old[rel]; !changed && after[p] != data {
			t.Errorf("%s changed", rel)
		}
	}
	want := map[string]func(any){
		"categories.yaml": func(v any) {
			for _, c := range v.([]any) {
				if c.(map[string]any)["id"] == "food" {
					c.(map[string]any)["name"].(map[string]any)["uk"] = changes["categories.yaml#food.name"]
				}
			}
		},
		listing: func(v any) {
			v.(map[string]any)["description"].(map[string]any)["uk"] = changes[listing+"#description"]
		},
		belleville: func(v any) {
			v.(map[string]any)["access"].(map[string]any)["appointment"] = map[string]any{"fr": "Appelez le 115 le jour même.", "uk": changes[belleville+"#access.appointment"]}
		},
	}
	for f, edit := range want {
		edit(old[f])
		if got := generic(t, filepath.Join(dirs.Content, f)); !reflect.DeepEqual(got, old[f]) {
			t.Errorf("%s: data other than the translation changed", f)
		}
		p := filepath.Join(dirs.Content, f)
		o, n := hunk(before[p], after[p])
		if len(o) != 1 || len(n) != 1 {
			t.Errorf("%s: lines changed %q, now %q; want one line", f, o, n)
		}
	}
	sums := readFile(t, filepath.Join(dirs.Content, SumsFile))
	for key := range changes {
		if !strings.Contains(sums, "uk "+key+" ") {
			t.Errorf("translations.sum lacks %s:\n%s", key, sums)
		}
	}
	checkGuide(t, dirs)
}

// TestApplyDemoNewLanguage: a text translated into a language added to the
// guide, machine-translated first (flag written), then reviewed (flag gone).
func TestApplyDemoNewLanguage(t *testing.T) {
	dirs := copyDemo(t)
	sp := filepath.Join(dirs.Content, "site.yaml")
	writeFile(t, sp, strings.Replace(readFile(t, sp), "languages: [fr, en, ar, uk]", "languages: [fr, en, ar, uk, es]", 1))
	p := filepath.Join(dirs.Content, belleville)
	orig := readFile(t, p)
	src := generic(t, p).(map[string]any)["description"].(map[string]any)["fr"].(string)
	u := Unit{Key: belleville + "#description", Source: src, Translation: "Albergue nocturno de 40 plazas: cama, ducha, cena caliente.", Machine: true}
	ukLine := "  uk: \"Нічний притулок на 40 місць для самотніх чоловіків: ліжко, душ, гаряча вечеря і сніданок. Місця щодня розподіляє служба 115.\"\n"
	es := "  es: \"Albergue nocturno de 40 plazas: cama, ducha, cena caliente.\"\n"
	for _, step := range []struct {
		name    string
		machine bool
		want    string
	}{
		{"machine", true, strings.Replace(orig, ukLine, ukLine+es+"  es_mt: true\n", 1)},
		{"again", true, strings.Replace(orig, ukLine, ukLine+es+"  es_mt: true\n", 1)},
		{"reviewed", false, strings.Replace(orig, ukLine, ukLine+es, 1)},
	} {
		u.Machine = step.machine
		rep, err := Apply("es", []Unit{u}, dirs, Options{})
		if err != nil {
			t.Fatal(err)
		}
		if got := readFile(t, p); got != step.want {
			t.Errorf("%s: got\n%s\nwant\n%s\nreport %+v", step.name, got, step.want, rep)
		}
	}
	checkGuide(t, dirs)
}
