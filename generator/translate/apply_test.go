package translate

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// writeTxtar writes the files of a txtar archive ("-- name --" lines, each
// followed by the file's content) under a new folder, and returns it.
func writeTxtar(t testing.TB, archive string) string {
	t.Helper()
	dir := t.TempDir()
	var name string
	var body strings.Builder
	flush := func() {
		if name == "" {
			return
		}
		writeFile(t, filepath.Join(dir, filepath.FromSlash(name)), body.String())
	}
	for _, line := range strings.SplitAfter(archive, "\n") {
		trimmed := strings.TrimSpace(line)
		if strings.HasPrefix(trimmed, "-- ") && strings.HasSuffix(trimmed, " --") && len(trimmed) > 6 {
			flush()
			name = strings.TrimSpace(trimmed[3 : len(trimmed)-3])
			body.Reset()
			continue
		}
		if name != "" {
			body.WriteString(line)
		}
	}
	flush()
	return dir
}

func writeFile(t testing.TB, name, data string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(name, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
}

func readFile(t testing.TB, name string) string {
	t.Helper()
	b, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

const site = "languages: [fr, en, uk]\ntitle: Guide\n"

// applyOne writes listing as listings/a.yaml, applies units and returns
// the listing after.
func applyOne(t *testing.T, listing string, opts Options, units ...Unit) (string, *Report) {
	t.Helper()
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "site.yaml"), site)
	writeFile(t, filepath.Join(dir, "listings/a.yaml"), listing)
	rep, err := Apply("uk", units, Folders{Content: dir}, opts)
	if err != nil {
		t.Fatal(err)
	}
	return readFile(t, filepath.Join(dir, "listings/a.yaml")), rep
}

func unit(where, source, translation string, machine bool) Unit {
	return Unit{Key: "listings/a.yaml#" + where, Source: source, Translation: translation, Machine: machine}
}

func TestApplySplices(t *testing.T) {
	for _, tc := range []struct {
		name, in string
		u        Unit
		want     string
	}{
		{"flow map: replace", "name: A\ndescription: {fr: Texte, uk: Старий}\n",
			unit("description", "Texte", "Текст", false), "name: A\ndescription: {fr: Texte, uk: Текст}\n"},
		{"flow map: insert", "description: {fr: Texte, en: Text}  # checked\nname: A\n",
			unit("description", "Texte", "Текст", false), "description: {fr: Texte, en: Text, uk: Текст}  # checked\nname: A\n"},
		{"flow map: insert with flag, spaces kept", "description: { fr: \"Texte, long\" }\n",
			unit("description", "Texte, long", "Текст: довгий", true), "description: { fr: \"Texte, long\", uk: \"Текст: довгий\", uk_mt: true }\n"},
		{"flow map: reviewed removes the flag", "description: {fr: Texte, uk: Текст, uk_mt: true, en: Text}\n",
			unit("description", "Texte", "Текст", false), "description: {fr: Texte, uk: Текст, en: Text}\n"},
		{"flow map: flag added to a translation", "description: {fr: Texte, uk: Текст, en: Text}\n",
			unit("description", "Texte", "Текст", true), "description: {fr: Texte, uk: Текст, uk_mt: true, en: Text}\n"},
		{"block map: replace, double quotes kept", "description:\n  fr: \"Texte\"\n  uk: \"Старий\" # old\nname: A\n",
			unit("description", "Texte", "Текст", false), "description:\n  fr: \"Texte\"\n  uk: \"Текст\" # old\nname: A\n"},
		{"block map: insert after the last language, 4 spaces", "hours:\n    mo: 09:00-12:00\n    note:\n        fr: Fermé\n        en: Closed\n\n# next\nname: A\n",
			unit("hours.note", "Fermé", "Зачинено", true), "hours:\n    mo: 09:00-12:00\n    note:\n        fr: Fermé\n        en: Closed\n        uk: Зачинено\n        uk_mt: true\n\n# next\nname: A\n"},
		{"block map: flag after the translation, reviewed later", "note:\n  fr: Texte\n  uk: Текст\n  en: Text\n",
			unit("note", "Texte", "Текст", true), "note:\n  fr: Texte\n  uk: Текст\n  uk_mt: true\n  en: Text\n"},
		{"block map: flag line removed", "note:\n  fr: Texte\n  uk: Текст\n  uk_mt: true\n  en: Text\n",
			unit("note", "Texte", "Текст", false), "note:\n  fr: Texte\n  uk: Текст\n  en: Text\n"},
		{"block map: flag line removed at the end, no final line break", "note:\n  fr: Texte\n  uk: Текст\n  uk_mt: true",
			unit("note", "Texte", "Нове", false), "note:\n  fr: Texte\n  uk: Нове"},
		{"block map: multi-line translation is a literal block", "note:\n  fr: |\n    Un\n    Deux\n",
			unit("note", "Un\nDeux\n", "Один\nДва\n", false), "note:\n  fr: |\n    Un\n    Deux\n  uk: |\n    Один\n    Два\n"},
		{"block map: folded source, long translation folded", "note:\n  fr: >-\n    Une phrase\n    longue\n",
			unit("note", "Une phrase longue", strings.Repeat("слово ", 20)+"кінець", false),
			"note:\n  fr: >-\n    Une phrase\n    longue\n  uk: >-\n    " + strings.Repeat("слово ", 13) + "слово\n    " + strings.Repeat("слово ", 6) + "кінець\n"},
		{"plain scalar grows into a flow map", "name: A\ndescription: Texte   # short\n",
			unit("description", "Texte", "Текст", false), "name: A\ndescription: {fr: Texte, uk: Текст}   # short\n"},
		{"quoted scalar grows, quotes kept", "description: 'Texte d''ici'\n",
			unit("description", "Texte d'ici", "Текст", true), "description: {fr: 'Texte d''ici', uk: 'Текст', uk_mt: true}\n"},
		{"plain scalar with a comma grows into a block map", "access:\n  note: Lundi, mardi\n  price: free\n",
			unit("access.note", "Lundi, mardi", "Понеділок, вівторок", false), "access:\n  note:\n    fr: Lundi, mardi\n    uk: Понеділок, вівторок\n  price: free\n"},
		{"block scalar grows into a block map, lines deeper", "description: |\n  Ligne un\n\n  Ligne deux\nname: A\n",
			unit("description", "Ligne un\n\nLigne deux\n", "Рядок", false), "description:\n  fr: |\n    Ligne un\n\n    Ligne deux\n  uk: Рядок\nname: A\n"},
		{"long plain scalar grows into a block map", "description: " + strings.Repeat("mot ", 30) + "fin\n",
			unit("description", strings.Repeat("mot ", 30)+"fin", "слово", false), "description:\n  fr: " + strings.Repeat("mot ", 30) + "fin\n  uk: слово\n"},
		{"list item", "services:\n  - {category: shower, note: Texte}\n  - category: meals\n    note: Repas\n",
			unit("services[1].note", "Repas", "Їжа", false), "services:\n  - {category: shower, note: Texte}\n  - category: meals\n    note: {fr: Repas, uk: Їжа}\n"},
		{"inside a flow parent", "access: {note: Texte, price: free}\n",
			unit("access.note", "Texte", "Текст, два", false), "access: {note: {fr: Texte, uk: \"Текст, два\"}, price: free}\n"},
		{"crlf", "name: A\r\ndescription:\r\n  fr: Texte\r\n",
			unit("description", "Texte", "Один\nДва", true), "name: A\r\ndescription:\r\n  fr: Texte\r\n  uk: |-\r\n    Один\r\n    Два\r\n  uk_mt: true\r\n"},
		{"no final line break", "description:\n  fr: Texte",
			unit("description", "Texte", "Текст", false), "description:\n  fr: Texte\n  uk: Текст"},
		{"quoting: colon, hash, leading indicator, spaces", "description: {fr: a}\n",
			unit("description", "a", "- Увага: # не #тег ", false), "description: {fr: a, uk: \"- Увага: # не #тег \"}\n"},
		{"right to left, plain", "description:\n  fr: Accueil\n",
			unit("description", "Accueil", "الاستقبال: مفتوح", false), "description:\n  fr: Accueil\n  uk: \"الاستقبال: مفتوح\"\n"},
	} {
		got, rep := applyOne(t, tc.in, Options{}, tc.u)
		if got != tc.want {
			t.Errorf("%s:\ngot  %q\nwant %q\nreport %+v", tc.name, got, tc.want, rep)
		}
	}
}

func TestApplySameTranslationChangesNothing(t *testing.T) {
	in := "description: {fr: Texte, uk: Текст, uk_mt: true}\nnote:\n  fr: \"Note\"\n  uk: 'Нотатка'\n"
	got, rep := applyOne(t, in, Options{}, unit("description", "Texte", "Текст", true), unit("note", "Note", "Нотатка", false))
	if got != in || len(rep.Applied) != 0 || len(rep.Unchanged) != 2 || len(rep.Files) != 0 {
		t.Errorf("got %q, report %+v", got, rep)
	}
}

func TestApplyEmptyTranslationWritesNothing(t *testing.T) {
	in := "description: {fr: Texte, uk: Текст}\n"
	got, rep := applyOne(t, in, Options{}, unit("description", "Texte", "", false))
	if got != in || !slices.Equal(rep.Empty, []string{"listings/a.yaml#description"}) {
		t.Errorf("got %q, report %+v", got, rep)
	}
}

func TestApplySourceChanged(t *testing.T) {
	in := "description: {fr: Texte nouveau}\n"
	u := unit("description", "Texte", "Текст", false)
	got, rep := applyOne(t, in, Options{}, u)
	if got != in || !slices.Equal(rep.Changed, []string{u.Key}) || len(rep.Applied) != 0 {
		t.Errorf("without force: got %q, report %+v", got, rep)
	}
	got, rep = applyOne(t, in, Options{Force: true}, u)
	if got != "description: {fr: Texte nouveau, uk: Текст}\n" || !slices.Equal(rep.Forced, []string{u.Key}) || !slices.Equal(rep.Applied, []string{u.Key}) {
		t.Errorf("with force: got %q, report %+v", got, rep)
	}
}

func TestApplyRefusesMissingKeys(t *testing.T) {
	dir := writeTxtar(t, `
-- site.yaml --
languages: [fr, uk]
title: Guide
-- categories.yaml --
- id: food
  name: {fr: Alimentation}
-- listings/a.yaml --
description: {fr: Texte}
-- pages/about.fr.md --
---
title: À propos
---
Bonjour
`)
	units := []Unit{
		{Key: "listings/a.yaml#description", Source: "Texte", Translation: "Текст"},
		{Key: "listings/gone.yaml#description", Source: "X", Translation: "Y"},
		{Key: "listings/a.yaml#services[0].note", Source: "X", Translation: "Y"},
		{Key: "categories.yaml#shower.name", Source: "Douche", Translation: "Душ"},
		{Key: "categories.yaml#food.name", Source: "Alimentation", Translation: "Їжа"},
		{Key: "pages/legal.md#title", Source: "Mentions", Translation: "Правила"},
		{Key: "../site.yaml#title", Source: "Guide", Translation: "Путівник"},
	}
	rep, err := Apply("uk", units, Folders{Content: dir}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	var keys []string
	for _, p := range rep.Refused {
		keys = append(keys, p.Key)
	}
	want := []string{"listings/gone.yaml#description", "listings/a.yaml#services[0].note", "categories.yaml#shower.name", "pages/legal.md#title", "../site.yaml#title"}
	slices.Sort(keys)
	slices.Sort(want)
	if !slices.Equal(keys, want) {
		t.Errorf("refused %v, want %v", rep.Refused, want)
	}
	if got := readFile(t, filepath.Join(dir, "listings/a.yaml")); got != "description: {fr: Texte}\n" {
		t.Errorf("a refused import wrote listings/a.yaml: %q", got)
	}
	if got := readFile(t, filepath.Join(dir, "categories.yaml")); strings.Contains(got, "Їжа") {
		t.Errorf("a refused import wrote categories.yaml: %q", got)
	}
	if len(rep.Files) != 0 {
		t.Errorf("files %v, want none", rep.Files)
	}
}

// TestApplyKeepsLayout: comments, odd indentation, quoting styles, CRLF
// line endings and a missing final line break are kept, with several
// translations in one file.
func TestApplyKeepsLayout(t *testing.T) {
	const in = `# Halte de nuit — checked by phone
name:   "La Halte"   # the sign says so
description:   # shown first
   fr: 'Accueil de nuit'
   en: Night shelter
hours:
     mo-fr: 19:00-08:00
     note: {fr: "Arrivée avant 22 h", uk: "Старе", uk_mt: true}  # ask
access:
  appointment: Appelez le 115
  price: free
services:
   -   category: shower
       note: >-
         Douches
         chaudes
updated: 2026-01-01   # last call`
	const want = `# Halte de nuit — checked by phone
name:   "La Halte"   # the sign says so
description:   # shown first
   fr: 'Accueil de nuit'
   en: Night shelter
   uk: 'Нічний притулок'
hours:
     mo-fr: 19:00-08:00
     note: {fr: "Arrivée avant 22 h", uk: "Прибуття до 22:00"}  # ask
access:
  appointment: {fr: Appelez le 115, uk: Зателефонуйте 115, uk_mt: true}
  price: free
services:
   -   category: shower
       note:
         fr: >-
           Douches
           chaudes
         uk: Гарячий душ
updated: 2026-01-01   # last call`
	units := []Unit{
		unit("description", "Accueil de nuit", "Нічний притулок", false),
		unit("hours.note", "Arrivée avant 22 h", "Прибуття до 22:00", false),
		unit("access.appointment", "Appelez le 115", "Зателефонуйте 115", true),
		unit("services[0].note", "Douches chaudes", "Гарячий душ", false),
	}
	for _, v := range []struct{ name, in, want string }{
		{"lf", in, want},
		{"crlf", strings.ReplaceAll(in, "\n", "\r\n"), strings.ReplaceAll(want, "\n", "\r\n")},
		{"final line break", in + "\n", want + "\n"},
	} {
		got, rep := applyOne(t, v.in, Options{}, units...)
		if got != v.want {
			t.Errorf("%s: got\n%s\nwant\n%s\nreport %+v", v.name, got, v.want, rep)
		}
	}
}
