package translate

import (
	"strings"
	"testing"
)

func TestCoverageOf(t *testing.T) {
	units := []Unit{
		{Key: "i18n#open_now", Source: "Ouvert", Translation: "Open"},
		{Key: "i18n#closed", Source: "Fermé"},
		{Key: "categories.yaml#food.name", Source: "Alimentation", Translation: "Food", Machine: true},
		{Key: "categories.yaml#food.synonyms", Source: "manger", Translation: "eat", Outdated: true},
		{Key: "categories.yaml#meals.name", Source: "Repas", Translation: "Meals", Machine: true, Outdated: true},
		{Key: "site.yaml#title", Source: "Guide", Translation: "Guide"},
		{Key: "pages/about.md#body", Source: "Texte"},
		{Key: "listings/lyon/a.yaml#description", Source: "A", Translation: "A"},
		{Key: "listings/lyon/b.yaml#description", Source: "B"},
		{Key: "listings/lyon/c.yaml#description", Source: "C"},
	}
	c := CoverageOf(units)
	for _, tc := range []struct {
		kind Kind
		want Count
		pct  int
	}{
		{Interface, Count{Total: 2, Done: 1}, 50},
		{Categories, Count{Total: 3, Machine: 2, Outdated: 1}, 0},
		{Pages, Count{Total: 2, Done: 1}, 50},
		{Places, Count{Total: 3, Done: 1}, 33},
	} {
		if c[tc.kind] != tc.want || c[tc.kind].Percent() != tc.pct {
			t.Errorf("%s: %+v, %d %%; want %+v, %d %%", tc.kind, c[tc.kind], c[tc.kind].Percent(), tc.want, tc.pct)
		}
	}
	if got := (Count{Total: 1000, Done: 999}).Percent(); got != 99 {
		t.Errorf("999 of 1000 is %d %%: a language is never said complete when it is not", got)
	}
	if got := (Count{}).Percent(); got != 100 {
		t.Errorf("nothing to translate is %d %%, want 100", got)
	}
}

// Readers report where a hand-edited file is broken, by line.
func TestReadersReportLines(t *testing.T) {
	for _, c := range []struct {
		name, data, want string
		read             func(string) error
	}{
		{"po unterminated", "msgctxt \"k\"\nmsgid \"a\"\nmsgstr \"b\n", "3: msgstr: want a string in double quotes", readPO},
		{"po no msgctxt", "msgid \"a\"\nmsgstr \"b\"\n", "an entry without msgctxt", readPO},
		{"po unknown escape", "msgctxt \"k\"\nmsgid \"a\\q\"\nmsgstr \"\"\n", "2: msgid: unknown escape \\q", readPO},
		{"xliff 1.2", `<xliff version="1.2"><file/></xliff>`, "want XLIFF 2.0", readXLIFF},
		{"xliff no name", "<xliff version=\"2.0\">\n<file id=\"f\"><unit id=\"u1\">", "2:", readXLIFF},
		{"xliff broken", "<xliff version=\"2.0\">\n<file>\n</xliff>", "3: element <file> closed by </xliff>", readXLIFF},
		{"csv no key", "\uFEFFcontext,translation:uk\nx,y\n", `no "key" column`, readCSV},
		{"csv quote", "key,translation:uk\nk,\"open\nnever closed\n", "2: a quoted cell that never ends", readCSV},
		{"csv review", "key,translation:uk,needs_review\nk,v,maybe\n", `2: needs_review is "maybe"`, readCSV},
	} {
		err := c.read(c.data)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: got %v, want %q", c.name, err, c.want)
		}
	}
}

func readPO(s string) error    { _, _, err := ReadPO(strings.NewReader(s)); return err }
func readXLIFF(s string) error { _, _, err := ReadXLIFF(strings.NewReader(s)); return err }
func readCSV(s string) error   { _, _, err := ReadCSV(strings.NewReader(s)); return err }

// What a tool changes when it saves a file must not lose a translation:
// Poedit wraps long strings and adds flags, spreadsheets drop the byte
// order mark and write semicolons, CAT tools split segments.
func TestReadersTakeWhatToolsWrite(t *testing.T) {
	po := "msgid \"\"\nmsgstr \"Language: uk\\n\"\n\n#, fuzzy, c-format\nmsgctxt \"k\"\nmsgid \"\"\n\"long \"\n\"text\"\nmsgstr \"\"\n\"довгий \"\n\"текст\"\n\n#~ msgctxt \"old\"\n#~ msgid \"x\"\n#~ msgstr \"y\"\n"
	lang, units, err := ReadPO(strings.NewReader(po))
	if err != nil || lang != "uk" || len(units) != 1 || units[0] != (Unit{Key: "k", Source: "long text", Translation: "довгий текст", Machine: true}) {
		t.Errorf("po: %q %+v %v", lang, units, err)
	}
	csv := "key;context;source;translation:uk;needs_review\r\nk;\"a; b\";src;переклад;\r\n\r\n"
	lang, units, err = ReadCSV(strings.NewReader(csv))
	if err != nil || lang != "uk" || len(units) != 1 || units[0] != (Unit{Key: "k", Context: "a; b", Source: "src", Translation: "переклад"}) {
		t.Errorf("csv: %q %+v %v", lang, units, err)
	}
	xlf := `<?xml version="1.0"?><xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="fr" trgLang="uk"><file id="f"><unit id="u1" name="k">` +
		`<segment state="final"><source>Un. </source><target>Один. </target></segment><segment state="reviewed"><source>Deux<cp hex="0001"/></source><target><mrk id="m1" type="term">Два</mrk></target></segment></unit></file></xliff>`
	lang, units, err = ReadXLIFF(strings.NewReader(xlf))
	if err != nil || lang != "uk" || len(units) != 1 || units[0] != (Unit{Key: "k", Source: "Un. Deux\x01", Translation: "Один. Два"}) {
		t.Errorf("xliff: %q %+v %v", lang, units, err)
	}
}
