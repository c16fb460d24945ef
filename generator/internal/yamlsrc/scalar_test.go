package yamlsrc

import (
	"testing"

	"gopkg.in/yaml.v3"
)

// TestQuoteReadsBack: a double-quoted string reads back as itself, also
// with the characters JSON writes as they are and YAML does not allow
// (U+0085 is a line break to YAML, DEL and C1 controls are not printable).
func TestQuoteReadsBack(t *testing.T) {
	for _, s := range []string{"a\u0085b", "\x7f", "\u0080\u009f", "\ufeffx", "\uffff", "tab\there", "line\nbreak", "\u2028", `"\`, "Прийом: الاستقبال"} {
		var got string
		if err := yaml.Unmarshal([]byte("v: "+Quote(s)), &struct{ V *string }{&got}); err != nil || got != s {
			t.Errorf("%q written %s reads back %q, %v", s, Quote(s), got, err)
		}
	}
}

func TestPlain(t *testing.T) {
	for s, want := range map[string]bool{"Accueil": true, "115": false, "yes": false, "a: b": false, "- x": false, "a, b": true, " a": false, "Прийом": true} {
		if Plain(s, false) != want {
			t.Errorf("Plain(%q) = %v", s, !want)
		}
	}
	if Plain("a, b", true) {
		t.Error("a comma is plain in a flow collection")
	}
}
