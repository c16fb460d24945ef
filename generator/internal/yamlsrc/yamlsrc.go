// Package yamlsrc maps yaml.v3's node positions to byte offsets in the
// file, and writes scalars that read back as the same string: what the
// commands that edit editors' YAML files in place (campaign, import
// --update, translate import) share, so that each changes only the bytes
// it must.
package yamlsrc

import (
	"bytes"
	"unicode/utf8"

	"gopkg.in/yaml.v3"
)

// Source is a file's bytes with where its lines start, to turn yaml.v3's
// positions (line, and column counted in characters after any byte order
// mark) into byte offsets.
type Source struct {
	B     []byte
	Lines []int  // byte offset of the start of each line; Lines[0] is line 1
	EOL   string // the file's line break: "\r\n" if it has any, else "\n"
}

var bom = []byte("\ufeff")

// New indexes b's lines.
func New(b []byte) *Source {
	s := &Source{B: b, EOL: "\n"}
	if bytes.Contains(b, []byte("\r\n")) {
		s.EOL = "\r\n"
	}
	start := 0
	if bytes.HasPrefix(b, bom) {
		start = len(bom)
	}
	s.Lines = append(s.Lines, start)
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
		s.Lines = append(s.Lines, i)
	}
	return s
}

// LineStart is the offset of a line (1-based); past the last line, the end.
func (s *Source) LineStart(line int) int {
	if line < 1 {
		return 0
	}
	if line > len(s.Lines) {
		return len(s.B)
	}
	return s.Lines[line-1]
}

// LineEnd is the offset of a line's break (or of the end of the file).
func (s *Source) LineEnd(line int) int {
	e := s.LineStart(line + 1)
	if line >= len(s.Lines) {
		return e
	}
	for e > s.LineStart(line) && (s.B[e-1] == '\n' || s.B[e-1] == '\r') {
		e--
	}
	return e
}

// LineOf is the 1-based line holding offset at.
func (s *Source) LineOf(at int) int {
	lo, hi := 0, len(s.Lines)
	for lo+1 < hi {
		mid := (lo + hi) / 2
		if s.Lines[mid] <= at {
			lo = mid
		} else {
			hi = mid
		}
	}
	return lo + 1
}

// Offset is the byte offset of a node's position, or -1.
func (s *Source) Offset(n *yaml.Node) int {
	if n.Line < 1 || n.Line > len(s.Lines) || n.Column < 1 {
		return -1
	}
	i := s.Lines[n.Line-1]
	for c := 1; c < n.Column; c++ {
		if i >= len(s.B) {
			return -1
		}
		_, size := utf8.DecodeRune(s.B[i:])
		i += size
	}
	return i
}

// FlowEnd scans a flow collection from its opening bracket: it returns
// the offset of the closing bracket and of the last byte before it that
// is neither space nor comment, or -1.
func FlowEnd(b []byte, open int) (end, last int) {
	depth := 0
	last = open
	for i := open; i < len(b); i++ {
		switch c := b[i]; {
		case c == '"' || c == '\'':
			j := CloseQuote(b, i)
			if j < 0 {
				return -1, -1
			}
			i, last = j, j
		case c == '#' && i > 0 && (b[i-1] == ' ' || b[i-1] == '\t' || b[i-1] == '\n' || b[i-1] == '\r'):
			for i < len(b) && b[i] != '\n' && b[i] != '\r' {
				i++
			}
		case c == '[' || c == '{':
			depth++
			last = i
		case c == ']' || c == '}':
			depth--
			if depth == 0 {
				return i, last
			}
			last = i
		case c == ' ' || c == '\t' || c == '\n' || c == '\r':
		default:
			last = i
		}
	}
	return -1, -1
}

// CloseQuote is the offset of the quote that closes the one at i, or -1.
func CloseQuote(b []byte, i int) int {
	q := b[i]
	for j := i + 1; j < len(b); j++ {
		switch {
		case q == '"' && b[j] == '\\':
			j++
		case b[j] == q && q == '\'' && j+1 < len(b) && b[j+1] == '\'':
			j++
		case b[j] == q:
			return j
		}
	}
	return -1
}

// Splice returns b with b[from:to] replaced by with.
func Splice(b []byte, from, to int, with string) []byte {
	out := make([]byte, 0, len(b)-(to-from)+len(with))
	out = append(out, b[:from]...)
	out = append(out, with...)
	return append(out, b[to:]...)
}
