package translate

import (
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/abri-guide/abri/generator/internal/yamlsrc"
	"gopkg.in/yaml.v3"
)

// fuzzFiles are listings laid out in every way the splice handles, each
// with its text at note.
var fuzzFiles = []string{
	"name: A\nnote: {fr: Texte, en: Text}\nupdated: 2026-01-01\n",
	"name: A\nnote: {fr: Texte, uk: Старий, uk_mt: true}  # c\nupdated: 2026-01-01\n",
	"name: A\nnote:\n  fr: \"Texte\"\n  en: 'Text'\n# comment\nupdated: 2026-01-01\n",
	"name: A\r\nnote:\r\n    fr: Texte\r\n    uk: Старий\r\n    uk_mt: true\r\nupdated: 2026-01-01\r\n",
	"name: A\nnote: Texte # short\nupdated: 2026-01-01\n",
	"name: A\nnote: |\n  Texte\n  long\n\nupdated: 2026-01-01\n",
	"name: A\nnote: >-\n  Texte\n  long\n",
	"name: A\nnote:\n  fr: Texte\n  uk: |-\n    Старий\n    текст",
	"name: A\nnote: 'Texte'",
}

// translateBytes applies one translation at where to a file's bytes.
func translateBytes(data []byte, where, text string, machine bool) ([]byte, error) {
	var top yaml.Node
	if err := yaml.Unmarshal(data, &top); err != nil {
		return nil, err
	}
	d := &doc{src: yamlsrc.New(data), root: top.Content[0]}
	s, why := find(d.root, where, false)
	if why != "" {
		return nil, errByHand
	}
	if _, err := d.setText(s, "fr", "uk", text, machine); err != nil {
		return nil, err
	}
	return d.result()
}

// FuzzApplySplice: whatever the translation, the file reads back with
// exactly that translation (and flag) at the key and every other value as
// it was; the lines before the text are the same bytes.
func FuzzApplySplice(f *testing.F) {
	for i := range fuzzFiles {
		for _, s := range []string{"Текст", "a: b # c", "- x", "  spaces  ", "deux\nlignes\n", "\n\nx\n\n", "الاستقبال: مفتوح", "{[,]}", "yes", "115", "\t", "'\"\\", "\u0085\u2028", "\x80"} {
			f.Add(i, s, i%2 == 0)
		}
	}
	f.Fuzz(func(t *testing.T, i int, text string, machine bool) {
		if i < 0 || !utf8.ValidString(text) || text == "" {
			return
		}
		in := fuzzFiles[i%len(fuzzFiles)]
		out, err := translateBytes([]byte(in), "note", text, machine)
		if err != nil {
			t.Fatalf("%q with %q: %v", in, text, err)
		}
		var before, after map[string]any
		if err := yaml.Unmarshal([]byte(in), &before); err != nil {
			t.Fatal(err)
		}
		if err := yaml.Unmarshal(out, &after); err != nil {
			t.Fatalf("%q: %v", out, err)
		}
		note, ok := after["note"].(map[string]any)
		if !ok || note["uk"] != text {
			t.Fatalf("%q: note = %#v, want uk %q", out, after["note"], text)
		}
		if flag, has := note["uk_mt"]; machine && flag != true || !machine && has {
			t.Fatalf("%q: machine %v, flag %v", out, machine, flag)
		}
		if src, _ := before["note"].(string); src != "" && note["fr"] != src {
			t.Fatalf("%q: the source changed: %q", out, note["fr"])
		}
		delete(before, "note")
		delete(after, "note")
		if !reflect.DeepEqual(before, after) {
			t.Fatalf("%q: other values changed", out)
		}
		head := in[:strings.Index(in, "note:")]
		if !strings.HasPrefix(string(out), head) {
			t.Fatalf("%q: the lines before the text changed", out)
		}
	})
}
