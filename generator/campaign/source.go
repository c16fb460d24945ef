package campaign

import (
	"bytes"
	"errors"

	"github.com/abri-guide/abri/generator/internal/yamlsrc"

	"gopkg.in/yaml.v3"
)

// source is a file's bytes with where its lines start (yamlsrc.Source),
// and the campaign's own line edits.
type source struct{ *yamlsrc.Source }

func newSource(b []byte) *source { return &source{yamlsrc.New(b)} }

// blankOrComment reports whether a line holds only spaces or a comment.
func (s *source) blankOrComment(line int) bool {
	t := bytes.TrimLeft(s.B[s.LineStart(line):s.LineStart(line+1)], " \t")
	t = bytes.TrimRight(t, "\r\n")
	return len(t) == 0 || t[0] == '#'
}

// indentOf is the spaces before a node's column.
func indentOf(n *yaml.Node) string { return spaces(n.Column - 1) }

func spaces(n int) string { return string(bytes.Repeat([]byte(" "), max(n, 0))) }

// insertLines inserts whole lines (text ends with eol) at the start of a
// line; at the end of a file without a final line break, one comes first.
func (s *source) insertLines(at int, text string) []byte {
	if at == len(s.B) && len(s.B) > 0 && !endsWithBreak(s.B) {
		text = s.EOL + text
	}
	return yamlsrc.Splice(s.B, at, at, text)
}

func endsWithBreak(b []byte) bool {
	c := b[len(b)-1]
	return c == '\n' || c == '\r'
}

// errByHand is the message of an edit the file's layout does not allow.
var errByHand = errors.New("the file is laid out in a way abri cannot edit safely: make this change by hand")

// parse returns the top-level mapping of a listing file.
func parse(b []byte) (*yaml.Node, error) {
	var doc yaml.Node
	if err := yaml.Unmarshal(b, &doc); err != nil {
		return nil, errors.New("not valid YAML: run abri check and fix the file first")
	}
	if len(doc.Content) == 0 || doc.Content[0].Kind != yaml.MappingNode {
		return nil, errors.New("not a listing (want fields such as name: and updated:): run abri check")
	}
	return doc.Content[0], nil
}

// pair returns the key and value nodes of a mapping's field, or -1.
func pair(m *yaml.Node, key string) int {
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Kind == yaml.ScalarNode && m.Content[i].Value == key {
			return i
		}
	}
	return -1
}

// same reports whether two trees hold the same data, whatever their layout.
func same(a, b *yaml.Node) bool {
	if a.Kind != b.Kind || a.Value != b.Value || a.ShortTag() != b.ShortTag() || len(a.Content) != len(b.Content) {
		return false
	}
	for i := range a.Content {
		if !same(a.Content[i], b.Content[i]) {
			return false
		}
	}
	return true
}

// clone copies a tree deeply.
func clone(n *yaml.Node) *yaml.Node {
	c := *n
	c.Content = make([]*yaml.Node, len(n.Content))
	for i, k := range n.Content {
		c.Content[i] = clone(k)
	}
	return &c
}

// checkEdit accepts out only if its tree is want.
func checkEdit(out []byte, want *yaml.Node) ([]byte, error) {
	got, err := parse(out)
	if err != nil || !same(got, want) {
		return nil, errByHand
	}
	return out, nil
}
