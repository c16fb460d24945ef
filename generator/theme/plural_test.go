package theme

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"testing/fstest"
)

// TestPluralForms checks the rules against the integer examples of CLDR
// plurals.xml (cardinal rules).
func TestPluralForms(t *testing.T) {
	examples := map[string]map[string][]int{
		"ar": {"zero": {0}, "one": {1}, "two": {2}, "few": {3, 4, 10, 103, 110, 1003}, "many": {11, 26, 99, 111, 1011}, "other": {100, 101, 102, 200, 1000}},
		"ru": {"one": {1, 21, 31, 101, 1001}, "few": {2, 3, 4, 22, 24, 102}, "many": {0, 5, 11, 12, 14, 19, 20, 100, 111, 112}},
		"uk": {"one": {1, 21, 31, 101, 1001}, "few": {2, 3, 4, 22, 24, 102}, "many": {0, 5, 11, 12, 14, 19, 20, 100, 111, 112}},
		"fr": {"one": {0, 1}, "many": {1000000, 2000000}, "other": {2, 17, 100, 1000, 10000, 1000001}},
		"pt": {"one": {0, 1}, "many": {1000000}, "other": {2, 17, 100, 1000}},
		"es": {"one": {1}, "many": {1000000}, "other": {0, 2, 16, 100, 1000}},
		"ca": {"one": {1}, "many": {1000000}, "other": {0, 2, 16, 100, 1000}},
		"ro": {"one": {1}, "few": {0, 2, 16, 19, 101, 119, 1002}, "other": {20, 35, 100, 120, 1000}},
		"en": {"one": {1}, "other": {0, 2, 16, 100}},
		"ka": {"one": {1}, "other": {0, 2, 16, 100}},
		"ps": {"one": {1}, "other": {0, 2, 16, 100}},
		"fa": {"one": {0, 1}, "other": {2, 16, 100}},
		"ur": {"one": {1}, "other": {0, 2, 16, 100}},
		"hi": {"one": {0, 1}, "other": {2, 16, 100}},
		"ti": {"one": {0, 1}, "other": {2, 16, 100}},
		"tr": {"one": {1}, "other": {0, 2, 16, 100}},
		"zh": {"other": {0, 1, 2, 16, 100}},
	}
	for lang, byForm := range examples {
		for form, ns := range byForm {
			for _, n := range ns {
				if got := PluralForm(lang, n); got != form {
					t.Errorf("%s %d: %s, want %s", lang, n, got, form)
				}
			}
		}
	}
}

func loadDefault(t *testing.T) *Theme {
	t.Helper()
	th, err := Load(os.DirFS("../../themes/default"), "themes/default")
	if err != nil {
		t.Fatal(err)
	}
	return th
}

var themeLangs = []string{"fr", "en", "ar", "uk", "ru", "fa", "ps", "es", "ca", "ka", "pt", "ro"}

// TestDefaultThemeStrings: the 12 languages of the default theme pass the
// checks of abri check, plural forms included.
func TestDefaultThemeStrings(t *testing.T) {
	th := loadDefault(t)
	for _, m := range th.CheckLanguages(themeLangs) {
		t.Errorf("%s: %s", m.File, m.Msg)
	}
	for _, lang := range themeLangs {
		if !th.Strings[lang].plural("places_count") {
			t.Errorf("%s: places_count has no plural forms", lang)
		}
	}
}

// TestPluralChecks: a language lacking a form it needs, giving a form it
// never uses, or one text for a string with a count is told which file and
// key to fix.
func TestPluralChecks(t *testing.T) {
	fsys := fstest.MapFS{
		"templates/base.html": {Data: []byte(`{{.T "places_count" "n" "1"}}`)},
		"i18n/en.yaml":        {Data: []byte("places_count: {one: \"{n} place\", other: \"{n} places\"}\n")},
		"i18n/ar.yaml":        {Data: []byte("places_count: {zero: a, one: b, few: c, many: d, other: e}\n")},
		"i18n/fr.yaml":        {Data: []byte("places_count: {one: \"{n} lieu\", few: x, many: y, other: \"{n} lieux\"}\n")},
		"i18n/ru.yaml":        {Data: []byte("places_count: \"Мест: {n}\"\n")},
		"i18n/ja.yaml":        {Data: []byte("places_count: \"{n} か所\"\n")},
	}
	th, err := Load(fsys, "th")
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, m := range th.CheckLanguages([]string{"en", "ar", "fr", "ru", "ja"}) {
		got = append(got, m.File+": "+m.Msg)
	}
	want := []string{
		`th/i18n/ar.yaml: missing plural form "two" of "places_count" (ar needs zero, one, two, few, many, other)`,
		`th/i18n/fr.yaml: plural form "few" of "places_count" is never used in fr (its forms are one, many, other): remove it`,
		`th/i18n/ru.yaml: string "places_count" has a count: give one text per plural form of ru (one: …, few: …, many: …, other: …), translated from en.yaml`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("problems:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// TestPluralSyntax: a form that is not a CLDR one is an error at its line.
func TestPluralSyntax(t *testing.T) {
	fsys := fstest.MapFS{
		"templates/base.html": {Data: []byte(`x`)},
		"i18n/fr.yaml":        {Data: []byte("home: Accueil\nplaces_count:\n  one: \"{n} lieu\"\n  plural: \"{n} lieux\"\n")},
	}
	_, err := Load(fsys, "th")
	want := `th/i18n/fr.yaml:4:3: places_count: "plural" is not a plural form (write one text for each of zero, one, two, few, many, other)`
	if err == nil || err.Error() != want {
		t.Errorf("err = %v, want %s", err, want)
	}
}

// TestFormatIn: a plural string takes the form of its count in the
// language; plain strings are as before.
func TestFormatIn(t *testing.T) {
	th := loadDefault(t)
	for _, c := range []struct{ lang, key, n, want string }{
		{"fr", "places_count", "0", "0 lieu"},
		{"fr", "places_count", "1", "1 lieu"},
		{"fr", "places_count", "2", "2 lieux"},
		{"en", "places_count", "1", "1 place"},
		{"en", "places_count", "0", "0 places"},
		{"ru", "places_count", "21", "21 место"},
		{"ru", "places_count", "22", "22 места"},
		{"ru", "places_count", "111", "111 мест"},
		{"uk", "places_count", "5", "5 місць"},
		{"ro", "places_count", "19", "19 locuri"},
		{"ro", "places_count", "20", "20 de locuri"},
		{"ar", "places_count", "2", "مكانان"},
		{"ar", "places_count", "11", "11 مكانًا"},
		{"en", "stale_caution", "1", "This information is more than 1 day old: call before you go."},
	} {
		pairs := []string{"n", c.n}
		if c.key == "stale_caution" {
			pairs[0] = "days"
		}
		got, err := th.Strings[c.lang].FormatIn(c.lang, c.key, pairs...)
		if err != nil || got != c.want {
			t.Errorf("%s %s %s: %q %v, want %q", c.lang, c.key, c.n, got, err, c.want)
		}
	}
	if got, _ := th.Strings["fr"].Format("page_k_of_n", "k", "1", "n", "3"); got != "Page 1 sur 3" {
		t.Errorf("plain string: %q", got)
	}
}

// TestFrenchTypography: in French a narrow no-break space (U+202F) comes
// before : ; ? ! and inside « », never a plain space or none.
func TestFrenchTypography(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("../../themes/default/i18n", "fr.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	bad := regexp.MustCompile(`[^\x{202F}][:;?!]|«[^\x{202F}]|[^\x{202F}]»`)
	for i, line := range strings.Split(string(data), "\n") {
		_, v, ok := strings.Cut(line, `"`)
		if strings.HasPrefix(strings.TrimSpace(line), "#") || !ok {
			continue
		}
		if m := bad.FindString(v); m != "" {
			t.Errorf("fr.yaml:%d: %q: write a narrow no-break space (U+202F) before : ; ? ! and inside « »", i+1, m)
		}
	}
}
