package translate

import (
	"bytes"
	"io"
	"reflect"
	"testing"
)

// exchangeFormat is one exchange format, its writer and its reader.
type exchangeFormat struct {
	name  string
	write func(w io.Writer, lang string, units []Unit) error
	read  func(r io.Reader) (string, []Unit, error)
}

var formats = []exchangeFormat{
	{"po", WritePO, ReadPO},
	{"xliff", func(w io.Writer, lang string, units []Unit) error { return WriteXLIFF(w, "fr", lang, units) }, ReadXLIFF},
	{"csv", WriteCSV, ReadCSV},
}

// trickyUnits are texts that break naive writers.
var trickyUnits = []Unit{
	{Key: "site.yaml#title", Source: "Guide solidaire", Translation: "Путівник солідарності", Context: "title of the guide, shown at the top of every page"},
	{Key: "pages/about.md#body", Source: "# À propos\n\nLigne 1\nLigne 2\n", Translation: "# About\n\nLine 1\nLine 2\n", Context: "text of the page\nsecond line of context"},
	{Key: "listings/a.yaml#description", Source: `Il a dit "bonjour" \ et \n n'est pas une fin de ligne`, Translation: `He said "hello" \ and \n is not a line end`},
	{Key: "listings/a.yaml#hours.note", Source: "tab\there", Translation: "таб\tтут", Context: "  spaces at both ends  "},
	{Key: "listings/b.yaml#services[0].note", Source: "مرحبا بكم في المأوى", Translation: "", Context: "right-to-left, not translated"},
	{Key: "listings/b.yaml#access.price", Source: "=SUM(A1:A2)", Translation: "+1 €, -2 €, @home", Machine: true},
	{Key: "listings/c.yaml#description", Source: "ends with a newline\n", Translation: "a tab\tand a newline\n", Outdated: true},
	{Key: "listings/c.yaml#access.note", Source: "carriage\r\nreturn and a lone\r one", Translation: "a;semicolon,comma\"quote"},
	{Key: "i18n#tricky_count.few", Source: "{n} lieux", Translation: "{n} місця", Context: "interface string «places_count», plural form «few»\n\nwith an empty line"},
	{Key: "i18n#x", Source: " leading and trailing spaces ", Translation: "<b>&amp; tags</b> ]]> <![CDATA[", Machine: true},
}

// afterRoundTrip is what a unit comes back as: the formats have one mark
// for "needs review", read back as Machine.
func afterRoundTrip(u Unit) Unit {
	u.Machine, u.Outdated = u.NeedsReview(), false
	return u
}

func TestFormatsRoundTrip(t *testing.T) {
	for _, f := range formats {
		t.Run(f.name, func(t *testing.T) {
			var b bytes.Buffer
			if err := f.write(&b, "uk", trickyUnits); err != nil {
				t.Fatal(err)
			}
			lang, got, err := f.read(bytes.NewReader(b.Bytes()))
			if err != nil {
				t.Fatalf("reading what was written: %v\n%s", err, b.String())
			}
			if lang != "uk" {
				t.Errorf("language: got %q, want uk", lang)
			}
			if len(got) != len(trickyUnits) {
				t.Fatalf("got %d units, want %d\n%s", len(got), len(trickyUnits), b.String())
			}
			for i, want := range trickyUnits {
				if want = afterRoundTrip(want); !reflect.DeepEqual(got[i], want) {
					t.Errorf("unit %d:\n got %#v\nwant %#v", i, got[i], want)
				}
			}
			var again bytes.Buffer
			if err := f.write(&again, lang, got); err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(again.Bytes(), b.Bytes()) {
				t.Errorf("written again, the bytes differ:\n%s\n---\n%s", b.String(), again.String())
			}
		})
	}
}

func TestFormatsEmpty(t *testing.T) {
	for _, f := range formats {
		var b bytes.Buffer
		if err := f.write(&b, "ps", nil); err != nil {
			t.Fatal(err)
		}
		lang, units, err := f.read(&b)
		if err != nil || lang != "ps" || len(units) != 0 {
			t.Errorf("%s: an empty export reads back as %q, %d units, %v", f.name, lang, len(units), err)
		}
	}
}
