package translate

import (
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/abri-guide/abri/generator/internal/yamlsrc"
	"gopkg.in/yaml.v3"
)

// place is where a new value is written, which decides how it may be
// written.
type place struct {
	flow   bool       // inside {…} or […]: no block scalar, no comma or bracket in a plain one
	indent int        // the column (0-based) of the value's key: a block scalar's lines go deeper
	tail   bool       // something (a comment) follows the value on its line: no block scalar
	hint   yaml.Style // the style of the text it replaces, or of its neighbour: kept when it can be
	eol    string     // the file's line break
	eof    bool       // the value ends the file, which has no final line break
}

// foldWidth is where a long one-line text is folded, in a text written
// folded (>-) already.
const foldWidth = 80

// format writes s as a YAML scalar that reads back as s:
//   - a text with a line break, in a block map: a literal block (|- or |
//     as it ends), its lines two spaces deeper than the key;
//   - a long one-line text where the text it replaces (or the source
//     beside it) is folded (>-): folded again, at foldWidth;
//   - where the neighbour is double- or single-quoted: quoted the same;
//   - else plain when plain reads back the same (no ": ", " #", leading
//     indicator, number or boolean lookalike...), else double-quoted, with
//     escapes for line breaks and invisible characters.
func format(s string, p place) string {
	block := !p.flow && !p.tail
	switch {
	case block && strings.Contains(s, "\n") && literalOK(s):
		return literal(s, p)
	case block && p.hint&yaml.FoldedStyle != 0 && utf8.RuneCountInString(s) > foldWidth && foldOK(s):
		return folded(s, p)
	case strings.Contains(s, "\n"):
		return yamlsrc.Quote(s)
	case p.hint&yaml.SingleQuotedStyle != 0 && singleOK(s):
		return "'" + strings.ReplaceAll(s, "'", "''") + "'"
	case p.hint&yaml.DoubleQuotedStyle != 0:
		return yamlsrc.Quote(s)
	}
	return yamlsrc.Scalar(s, p.flow)
}

// literalOK: a literal block keeps every character but carriage returns
// and invisible ones, and needs one visible line. A text ending in two
// line breaks or more would need |+, which also keeps the blank lines
// that follow in the file: it is double-quoted instead.
func literalOK(s string) bool {
	return yamlsrc.Printable(s) && strings.TrimSpace(s) != "" && !strings.Contains(s, "\r") && !strings.HasSuffix(s, "\n\n")
}

// literal writes s as a literal block scalar; the line break after its
// last line is the file's own, after the splice.
func literal(s string, p place) string {
	chomp, body := "-", s
	if strings.HasSuffix(s, "\n") {
		chomp, body = "", s[:len(s)-1]
	}
	lines := strings.Split(body, "\n")
	head := "|"
	for _, l := range lines {
		if l != "" {
			if l[0] == ' ' {
				head += "2" // the indentation cannot be guessed from a line that starts with a space
			}
			break
		}
	}
	pad := strings.Repeat(" ", p.indent+2)
	var b strings.Builder
	b.WriteString(head + chomp)
	for _, l := range lines {
		b.WriteString(p.eol)
		if l != "" {
			b.WriteString(pad + l)
		}
	}
	if chomp == "" && p.eof {
		b.WriteString(p.eol) // the final line break the text keeps, which the file lacks
	}
	return b.String()
}

// foldOK: a folded block keeps a one-line text with no space at either
// end, no tab and nothing invisible.
func foldOK(s string) bool {
	return yamlsrc.Printable(s) && s == strings.TrimSpace(s) && !strings.ContainsAny(s, "\t\n\r")
}

// folded writes s as a folded block scalar, breaking lines at single
// spaces only (a line break folds back into one space).
func folded(s string, p place) string {
	pad := strings.Repeat(" ", p.indent+2)
	var b strings.Builder
	b.WriteString(">-" + p.eol + pad)
	col := 0
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == ' ' && col >= foldWidth && i+1 < len(s) && s[i+1] != ' ' && i > 0 && s[i-1] != ' ' {
			b.WriteString(p.eol + pad)
			col = 0
			i += size
			continue
		}
		b.WriteString(s[i : i+size])
		col++
		i += size
	}
	return b.String()
}

// singleOK: a single-quoted scalar holds any one-line printable text.
func singleOK(s string) bool {
	return yamlsrc.Printable(s) && !strings.ContainsAny(s, "\n\r\t")
}

// flagText is a machine flag's value.
const flagText = "true"

// flagKey is the key of lang's machine flag: uk_mt.
func flagKey(lang string) string { return lang + "_mt" }

// isFlag reports whether a text map's value says true.
func isFlag(n *yaml.Node) bool {
	if n == nil || n.Kind != yaml.ScalarNode {
		return false
	}
	b, err := strconv.ParseBool(n.Value)
	return err == nil && b && n.Tag == "!!bool"
}
