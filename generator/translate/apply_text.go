package translate

import (
	"bytes"
	"errors"
	"strings"
	"unicode/utf8"

	"github.com/abri-guide/abri/generator/internal/yamlsrc"
	"gopkg.in/yaml.v3"
)

// splice replaces b[at:end] with text.
type splice struct {
	at, end int
	text    string
}

// doc is a YAML file being translated: its bytes, its tree (which the
// edits change as they go, to check the result against) and the edits.
type doc struct {
	src   *yamlsrc.Source
	root  *yaml.Node
	edits []splice
	was   map[*yaml.Node]*yaml.Node // a value written by an edit -> the one it replaced, which has the positions
}

// pos is the node with n's place in the file: n, or the one n replaced.
func (d *doc) pos(n *yaml.Node) *yaml.Node {
	if o, ok := d.was[n]; ok {
		return o
	}
	return n
}

// errByHand is an edit the file's layout does not allow.
var errByHand = errors.New("the text is laid out in a way abri cannot edit safely: translate it by hand")

// flowWidth is the longest line a source-only text grows to as a {…}
// map; longer, it becomes a block map.
const flowWidth = 100

// setText writes lang's translation and machine flag into the text at s;
// changed is false when both were already so.
func (d *doc) setText(s slot, src, lang, text string, machine bool) (changed bool, err error) {
	if s.val.Kind == yaml.ScalarNode {
		return true, d.grow(s, src, lang, text, machine)
	}
	m := s.val
	ti, fi := pairIndex(m, lang), pairIndex(m, flagKey(lang))
	had := ti >= 0 && m.Content[ti+1].Value == text && m.Content[ti+1].Tag != "!!null"
	flagged := fi >= 0 && isFlag(m.Content[fi+1])
	if had && flagged == machine {
		return false, nil
	}
	if m.Style&yaml.FlowStyle != 0 && d.offset(m) < 0 {
		return false, errByHand
	}
	if ti < 0 {
		if err := d.addEntry(m, lang, text, machine && fi < 0); err != nil {
			return false, err
		}
	} else {
		end, err := d.valueEnd(m.Content[ti+1], m)
		if err != nil {
			return false, err
		}
		if !had {
			if err := d.replace(m, ti+1, end, text); err != nil {
				return false, err
			}
		}
		if machine && fi < 0 {
			d.insertAfter(m, end, flagKey(lang)+": "+flagText)
			m.Content = append(m.Content[:ti+2:ti+2], append([]*yaml.Node{strNode(flagKey(lang)), boolNode()}, m.Content[ti+2:]...)...)
			return true, nil
		}
	}
	switch {
	case machine && fi >= 0 && !flagged:
		return true, d.setFlag(m, fi)
	case !machine && flagged:
		return true, d.removeEntry(m, fi)
	}
	return true, nil
}

// offset is the byte offset of a node, or -1.
func (d *doc) offset(n *yaml.Node) int { return d.src.Offset(d.pos(n)) }

// place is where the value at m.Content[i] goes.
func (d *doc) place(m *yaml.Node, i int, end int) place {
	p := place{flow: m.Style&yaml.FlowStyle != 0, indent: m.Content[i-1].Column - 1, eol: d.src.EOL, eof: d.eofAfter(end)}
	p.hint = m.Content[i].Style
	if line := d.src.LineOf(end); strings.TrimSpace(string(d.src.B[end:d.src.LineEnd(line)])) != "" {
		p.tail = true
	}
	return p
}

// neighbourStyle is the style of the map's other texts: the first's.
func neighbourStyle(m *yaml.Node, src string) yaml.Style {
	if i := pairIndex(m, src); i >= 0 {
		return m.Content[i+1].Style
	}
	if len(m.Content) > 1 {
		return m.Content[1].Style
	}
	return 0
}

// replace rewrites the value m.Content[i].
func (d *doc) replace(m *yaml.Node, i, end int, text string) error {
	v := m.Content[i]
	at := d.offset(v)
	if at < 0 || v.Tag == "!!null" && v.Value == "" {
		return errByHand
	}
	d.edits = append(d.edits, splice{at, end, format(text, d.place(m, i, end))})
	d.written(m, i, strNode(text))
	return nil
}

// addEntry adds key: text (and key's machine flag) at the end of the map.
func (d *doc) addEntry(m *yaml.Node, key, text string, machine bool) error {
	last := len(m.Content) - 1
	for last > 0 && d.pos(m.Content[last]).Line == 0 {
		last -= 2 // added by this import: the new entry goes after it, still after the file's last one
	}
	if last < 0 {
		return errByHand
	}
	end, err := d.valueEnd(m.Content[last], m)
	if err != nil {
		return err
	}
	p := place{flow: m.Style&yaml.FlowStyle != 0, indent: m.Content[0].Column - 1, eol: d.src.EOL, hint: neighbourStyle(m, ""), eof: d.eofAfter(end) && !machine}
	entry := key + ": " + format(text, p)
	m.Content = append(m.Content, strNode(key), strNode(text))
	if machine {
		entry += d.sep(m) + flagKey(key) + ": " + flagText
		m.Content = append(m.Content, strNode(flagKey(key)), boolNode())
	}
	d.insertAfter(m, end, entry)
	return nil
}

// sep is what goes between two entries of m written by abri.
func (d *doc) sep(m *yaml.Node) string {
	if m.Style&yaml.FlowStyle != 0 {
		return ", "
	}
	return d.src.EOL + strings.Repeat(" ", m.Content[0].Column-1)
}

// insertAfter writes entry as m's next entry after the value ending at end.
func (d *doc) insertAfter(m *yaml.Node, end int, entry string) {
	if m.Style&yaml.FlowStyle != 0 {
		d.edits = append(d.edits, splice{end, end, ", " + entry})
		return
	}
	line := d.src.LineOf(end)
	at := d.src.LineStart(line + 1)
	text := strings.Repeat(" ", m.Content[0].Column-1) + entry + d.src.EOL
	if at == len(d.src.B) && !endsWithBreak(d.src.B) {
		text = d.src.EOL + strings.TrimSuffix(text, d.src.EOL)
	}
	d.edits = append(d.edits, splice{at, at, text})
}

// eofAfter reports whether no line break follows offset end.
func (d *doc) eofAfter(end int) bool {
	return !bytes.ContainsAny(d.src.B[end:], "\r\n")
}

func endsWithBreak(b []byte) bool {
	return len(b) > 0 && (b[len(b)-1] == '\n' || b[len(b)-1] == '\r')
}

// setFlag turns lang_mt: false into true.
func (d *doc) setFlag(m *yaml.Node, fi int) error {
	v := m.Content[fi+1]
	at := d.offset(v)
	end, err := d.valueEnd(v, m)
	if at < 0 || err != nil {
		return errByHand
	}
	d.edits = append(d.edits, splice{at, end, flagText})
	d.written(m, fi+1, boolNode())
	return nil
}

// removeEntry removes the entry at m.Content[i] (a reviewed translation's
// flag): its line in a block map, ", key: value" in a {…} one.
func (d *doc) removeEntry(m *yaml.Node, i int) error {
	k, v := m.Content[i], m.Content[i+1]
	end, err := d.valueEnd(v, m)
	if err != nil {
		return err
	}
	var from int
	switch {
	case m.Style&yaml.FlowStyle == 0:
		from = d.src.LineStart(k.Line)
		if next := d.src.LineStart(d.src.LineOf(end) + 1); next > end {
			end = next
		} else if from > 0 {
			from = d.src.LineEnd(k.Line - 1) // the last line, with no line break after it
		}
	case i > 0:
		if from, err = d.valueEnd(m.Content[i-1], m); err != nil {
			return err
		}
	case len(m.Content) > 2:
		from, end = d.offset(k), d.offset(m.Content[2])
	default:
		return errByHand
	}
	if from < 0 || end < from {
		return errByHand
	}
	d.edits = append(d.edits, splice{from, end, ""})
	m.Content = append(m.Content[:i:i], m.Content[i+2:]...)
	return nil
}

// grow turns a source-only string into a map of languages: {fr: …, uk: …}
// when it is one short line, else a block map, the source's bytes kept as
// written (a block scalar's lines two spaces deeper).
func (d *doc) grow(s slot, src, lang, text string, machine bool) error {
	v := s.val
	at := d.offset(v)
	if at < 0 {
		return errByHand
	}
	parentFlow := s.parent.Style&yaml.FlowStyle != 0
	end, err := d.valueEnd(v, s.parent)
	if err != nil {
		return err
	}
	orig := string(d.src.B[at:end])
	oneLine := !strings.ContainsAny(orig, "\r\n") && v.Style&(yaml.LiteralStyle|yaml.FoldedStyle) == 0
	flowSafe := v.Style != 0 || !strings.ContainsAny(orig, ",[]{}")
	flag := ""
	if machine {
		flag = ", " + flagKey(lang) + ": " + flagText
	}
	m := &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map", Content: []*yaml.Node{strNode(src), v, strNode(lang), strNode(text)}}
	if machine {
		m.Content = append(m.Content, strNode(flagKey(lang)), boolNode())
	}
	inline := "{" + src + ": " + orig + ", " + lang + ": " + format(text, place{flow: true, hint: v.Style}) + flag + "}"
	width := utf8.RuneCount(d.src.B[d.src.LineStart(v.Line):at]) + utf8.RuneCountInString(inline)
	switch {
	case oneLine && flowSafe && (parentFlow || s.key == nil || width <= flowWidth && !strings.Contains(text, "\n")):
		d.edits = append(d.edits, splice{at, end, inline})
	case s.key != nil && !parentFlow:
		e, err := d.growBlock(s, at, end, src, lang, text, machine)
		if err != nil {
			return err
		}
		d.edits = append(d.edits, e...)
	default:
		return errByHand
	}
	s.parent.Content[s.index] = m
	return nil
}

// growBlock is the block map that replaces a string: the source moves
// to the next line as fr: (with a comment after it, if any), the
// translation comes on the line after.
func (d *doc) growBlock(s slot, at, end int, src, lang, text string, machine bool) ([]splice, error) {
	indent := s.key.Column - 1 + 2
	pad := strings.Repeat(" ", indent)
	eol := d.src.EOL
	colon := at
	for colon > 0 && d.src.B[colon-1] != ':' {
		if c := d.src.B[colon-1]; c != ' ' && c != '\t' && c != '\n' && c != '\r' {
			return nil, errByHand // a comment between the key and its text
		}
		colon--
	}
	lineEnd := d.src.LineEnd(d.src.LineOf(end))
	p := place{indent: indent, eol: eol, hint: s.val.Style, eof: d.eofAfter(lineEnd) && !machine}
	tr := eol + pad + lang + ": " + format(text, p)
	if machine {
		tr += eol + pad + flagKey(lang) + ": " + flagText
	}
	return []splice{{colon, end, eol + pad + src + ": " + deeper(string(d.src.B[at:end]))}, {lineEnd, lineEnd, tr}}, nil
}

// deeper indents every line but the first two more spaces: the lines of a
// block or multi-line scalar that moves one level down.
func deeper(s string) string {
	lines := strings.Split(s, "\n")
	for i := 1; i < len(lines); i++ {
		if strings.TrimRight(lines[i], "\r") != "" {
			lines[i] = "  " + lines[i]
		}
	}
	return strings.Join(lines, "\n")
}

// written puts n in place of m.Content[i], remembering where that was.
func (d *doc) written(m *yaml.Node, i int, n *yaml.Node) {
	if d.was == nil {
		d.was = map[*yaml.Node]*yaml.Node{}
	}
	d.was[n] = d.pos(m.Content[i])
	m.Content[i] = n
}

func strNode(s string) *yaml.Node { return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: s} }

func boolNode() *yaml.Node { return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!bool", Value: flagText} }

// valueEnd is the offset right after a value's last character (before a
// comment or line break), in the collection in.
func (d *doc) valueEnd(v, in *yaml.Node) (int, error) {
	v = d.pos(v)
	at := d.offset(v)
	if at < 0 {
		return 0, errByHand
	}
	b := d.src.B
	switch {
	case v.Kind != yaml.ScalarNode && v.Style&yaml.FlowStyle == 0:
		if len(v.Content) == 0 {
			return 0, errByHand
		}
		return d.valueEnd(v.Content[len(v.Content)-1], v) // a block collection ends with its last value
	case v.Kind != yaml.ScalarNode:
		end, _ := yamlsrc.FlowEnd(b, at)
		if end < 0 {
			return 0, errByHand
		}
		return end + 1, nil
	case v.Style&(yaml.DoubleQuotedStyle|yaml.SingleQuotedStyle) != 0:
		j := yamlsrc.CloseQuote(b, at)
		if j < 0 {
			return 0, errByHand
		}
		return j + 1, nil
	case v.Style&(yaml.LiteralStyle|yaml.FoldedStyle) != 0:
		return d.src.LineEnd(d.lastDeeper(v.Line, in.Column-1)), nil
	}
	return d.plainEnd(v, in)
}

// lastDeeper is the last line after line indented more than indent,
// past blank lines: the end of a block scalar or of a multi-line plain one.
func (d *doc) lastDeeper(line, indent int) int {
	last := line
	for l := line + 1; l <= len(d.src.Lines); l++ {
		t := string(d.src.B[d.src.LineStart(l):d.src.LineEnd(l)])
		if strings.TrimSpace(t) == "" {
			continue
		}
		if len(t)-len(strings.TrimLeft(t, " ")) <= indent {
			break
		}
		last = l
	}
	return last
}

// plainEnd is the end of a plain scalar: before a comment, a flow
// collection's comma or bracket, or the first line not indented deeper
// than its collection.
func (d *doc) plainEnd(v, in *yaml.Node) (int, error) {
	b := d.src.B
	at := d.offset(v)
	flow := in.Style&yaml.FlowStyle != 0
	end := at
	for line, from := v.Line, at; ; from = d.src.LineStart(line) {
		stop := false
		for j := from; j < d.src.LineEnd(line) && !stop; j++ {
			switch c := b[j]; {
			case c == '#' && j > from && (b[j-1] == ' ' || b[j-1] == '\t'):
				stop = true
			case flow && (c == ',' || c == ']' || c == '}'):
				stop = true
			case c != ' ' && c != '\t':
				end = j + 1
			}
		}
		if stop || flow {
			break
		}
		next := d.nextLine(line)
		if next == 0 {
			break
		}
		t := string(b[d.src.LineStart(next):d.src.LineEnd(next)])
		if len(t)-len(strings.TrimLeft(t, " ")) <= in.Column-1 || strings.HasPrefix(strings.TrimSpace(t), "#") {
			break
		}
		line = next
	}
	if d.src.LineOf(end) == v.Line && string(b[at:end]) != v.Value {
		return 0, errByHand
	}
	return end, nil
}

// nextLine is the next line after line that is not blank, or 0.
func (d *doc) nextLine(line int) int {
	for l := line + 1; l <= len(d.src.Lines); l++ {
		if strings.TrimSpace(string(d.src.B[d.src.LineStart(l):d.src.LineEnd(l)])) != "" {
			return l
		}
	}
	return 0
}
