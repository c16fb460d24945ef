package campaign

import (
	"bytes"
	"errors"
	"unicode/utf8"

	"gopkg.in/yaml.v3"
)

// source is a file's bytes with where its lines start, to turn yaml.v3's
// positions (line, and column counted in characters after any byte order
// mark) into byte offsets.
type source struct {
	b     []byte
	lines []int // byte offset of the start of each line; lines[0] is line 1
	eol   string
}

var bom = []byte("\ufeff")

func newSource(b []byte) *source {
	s := &source{b: b, eol: "\n"}
	if bytes.Contains(b, []byte("\r\n")) {
		s.eol = "\r\n"
	}
	start := 0
	if bytes.HasPrefix(b, bom) {
		start = len(bom)
	}
	s.lines = append(s.lines, start)
	for i := start; i < len(b); {
		r, size := utf8.DecodeRune(b[i:])
		i += size
		switch r {
		case '\r':
			if i < len(b) && b[i] == '\n' {
				i++
			}
		case '\n', '\u0085', '\u2028', '\u2029':
		default:
			continue
		}
		s.lines = append(s.lines, i)
	}
	return s
}

// lineStart is the offset of a line (1-based); past the last line, the end.
func (s *source) lineStart(line int) int {
	if line < 1 {
		return 0
	}
	if line > len(s.lines) {
		return len(s.b)
	}
	return s.lines[line-1]
}

// offset is the byte offset of a node's position, or -1.
func (s *source) offset(n *yaml.Node) int {
	if n.Line < 1 || n.Line > len(s.lines) || n.Column < 1 {
		return -1
	}
	i := s.lines[n.Line-1]
	for c := 1; c < n.Column; c++ {
		if i >= len(s.b) {
			return -1
		}
		_, size := utf8.DecodeRune(s.b[i:])
		i += size
	}
	return i
}

// blankOrComment reports whether a line holds only spaces or a comment.
func (s *source) blankOrComment(line int) bool {
	t := bytes.TrimLeft(s.b[s.lineStart(line):s.lineStart(line+1)], " \t")
	t = bytes.TrimRight(t, "\r\n")
	return len(t) == 0 || t[0] == '#'
}

// indentOf is the spaces before a node's column.
func indentOf(n *yaml.Node) string { return spaces(n.Column - 1) }

func spaces(n int) string { return string(bytes.Repeat([]byte(" "), max(n, 0))) }

// splice returns b with b[from:to] replaced by with.
func splice(b []byte, from, to int, with string) []byte {
	out := make([]byte, 0, len(b)-(to-from)+len(with))
	out = append(out, b[:from]...)
	out = append(out, with...)
	return append(out, b[to:]...)
}

// insertLines inserts whole lines (text ends with eol) at the start of a
// line; at the end of a file without a final line break, one comes first.
func (s *source) insertLines(at int, text string) []byte {
	if at == len(s.b) && len(s.b) > 0 && !endsWithBreak(s.b) {
		text = s.eol + text
	}
	return splice(s.b, at, at, text)
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
