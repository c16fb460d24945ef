package main

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/abri-guide/abri/generator/translate"
)

// exchangeFormats are the three files translators get, with their readers
// and writers, so that a test can change a translation as a tool would.
var exchangeFormats = []struct {
	ext   string
	read  func(io.Reader) (string, []translate.Unit, error)
	write func(w io.Writer, lang string, units []translate.Unit) error
}{
	{".po", translate.ReadPO, translate.WritePO},
	{".xlf", translate.ReadXLIFF, func(w io.Writer, lang string, units []translate.Unit) error {
		return translate.WriteXLIFF(w, "fr", lang, units)
	}},
	{".csv", translate.ReadCSV, translate.WriteCSV},
}

// exportUnits runs abri translate export on a copy of the demo and reads
// the file back.
func exportUnits(t *testing.T, dir, lang, file string, read func(io.Reader) (string, []translate.Unit, error)) []translate.Unit {
	t.Helper()
	if _, stderr, err := run(t, "translate", "export", "--lang", lang, "--content", filepath.Join(dir, "content"), "--theme", filepath.Join(dir, "themes/default"), "--out", file); err != nil {
		t.Fatalf("export: %v\n%s", err, stderr)
	}
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	got, units, err := read(bytes.NewReader(data))
	if err != nil || got != lang {
		t.Fatalf("reading the export: lang %q, %v", got, err)
	}
	return units
}

func importFile(t *testing.T, dir, file string) string {
	t.Helper()
	out, stderr, err := run(t, "translate", "import", "--content", filepath.Join(dir, "content"), "--theme", filepath.Join(dir, "themes/default"), file)
	if err != nil {
		t.Fatalf("import: %v\n%s%s", err, out, stderr)
	}
	return out
}

// TestTranslateRoundTrip: what abri translate export writes, imported
// untouched, changes no byte of the guide or the theme; with three
// translations changed in the file, as a translator's tool saves it,
// exactly those three texts change, in their three files.
func TestTranslateRoundTrip(t *testing.T) {
	for _, f := range exchangeFormats {
		t.Run(f.ext[1:], func(t *testing.T) {
			dir := demoCopy(t)
			before := readAll(t, dir)
			file := filepath.Join(t.TempDir(), "uk"+f.ext)
			units := exportUnits(t, dir, "uk", file, f.read)
			importFile(t, dir, file)
			if c := changed(t, before, readAll(t, dir)); len(c) > 0 {
				t.Fatalf("importing the export untouched changed %v", c)
			}

			// Three texts of three kinds: a category's name (a flow map),
			// a listing's text translated already, and one not translated yet.
			want := map[string]string{}
			var files []string
			pick := func(ok func(u translate.Unit) bool, text string) {
				for i, u := range units {
					if _, taken := want[u.Key]; !taken && ok(u) {
						units[i].Translation = text
						want[u.Key] = text
						files = append(files, "content/"+translate.KeyFile(u.Key, "uk"))
						return
					}
				}
				t.Fatalf("no unit to change for %q", text)
			}
			listing := func(u translate.Unit) bool { return strings.HasPrefix(u.Key, "listings/") }
			pick(func(u translate.Unit) bool {
				return strings.HasPrefix(u.Key, "categories.yaml#") && u.Translation != ""
			}, "Нова назва: категорія")
			pick(func(u translate.Unit) bool { return listing(u) && u.Translation != "" }, "Новий опис # не коментар")
			pick(func(u translate.Unit) bool { return listing(u) && u.Translation == "" }, "Перший переклад\nу два рядки")
			var b bytes.Buffer
			if err := f.write(&b, "uk", units); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(file, b.Bytes(), 0o644); err != nil {
				t.Fatal(err)
			}
			out := importFile(t, dir, file)
			if !strings.Contains(out, "3 translations written in 3 files") {
				t.Errorf("summary:\n%s", out)
			}
			after := readAll(t, dir)
			delete(after, "content/"+translate.SumsFile) // new: it remembers the three sources
			got := changed(t, before, after)
			slices.Sort(got)
			slices.Sort(files)
			if !reflect.DeepEqual(got, files) {
				t.Errorf("files changed: %v, want %v", got, files)
			}
			again := exportUnits(t, dir, "uk", filepath.Join(t.TempDir(), "again"+f.ext), f.read)
			if len(again) != len(units) {
				t.Fatalf("%d units after the import, %d before", len(again), len(units))
			}
			for i, u := range again {
				if u != units[i] {
					t.Errorf("after the import:\n%+v\nwant\n%+v", u, units[i])
				}
			}
		})
	}
}
