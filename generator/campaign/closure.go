package campaign

import (
	"errors"
	"strconv"

	"github.com/abri-guide/abri/generator/internal/yamlsrc"
	"gopkg.in/yaml.v3"
)

// Closure is a temporary closure as a campaign writes it.
type Closure struct {
	Start, End string // YYYY-MM-DD, inclusive
	Lang, Note string // the note, in the guide's source language
}

// flow is the closure as one flow mapping: {start: …, end: …, note: {fr: "…"}}.
func (c Closure) flow() string {
	return "{start: " + c.Start + ", end: " + c.End + ", note: {" + c.Lang + ": " + strconv.Quote(c.Note) + "}}"
}

// node is the closure's tree, for checking an edit; nil if it is not YAML
// (a language code that is not one).
func (c Closure) node() *yaml.Node {
	var doc yaml.Node
	if yaml.Unmarshal([]byte(c.flow()), &doc) != nil || len(doc.Content) == 0 {
		return nil
	}
	return doc.Content[0]
}

// fieldOrder is the order of a listing's fields in the format reference:
// a new closures: goes before the first field that comes after it.
var fieldOrder = []string{"name", "description", "categories", "address", "geo", "phone", "email", "website",
	"hours", "closures", "special_hours", "audience", "access", "languages", "services", "status", "updated", "sources"}

func rank(key string) int {
	for i, k := range fieldOrder {
		if k == key {
			return i
		}
	}
	return -1
}

// AddClosure returns a listing file with the closure appended to its
// closures: list, in the list's style (a block list of {…} items, of
// blocks, or a [..] list), or a new closures: block after the hours. A
// closure with the same dates already there leaves the file as it is
// (added false).
func AddClosure(b []byte, c Closure) (out []byte, added bool, err error) {
	root, err := parse(b)
	if err != nil {
		return nil, false, err
	}
	if c.node() == nil || !IsDate(c.Start) || !IsDate(c.End) {
		return nil, false, errors.New("the closure is not {start: YYYY-MM-DD, end: YYYY-MM-DD, note: {lang: text}}")
	}
	s := newSource(b)
	want := clone(root)
	i := pair(root, "closures")
	if i >= 0 && root.Content[i+1].Kind == yaml.SequenceNode {
		seq := root.Content[i+1]
		if findClosure(seq, c.Start, c.End) >= 0 {
			return b, false, nil
		}
		want.Content[i+1].Content = append(want.Content[i+1].Content, c.node())
		if seq.Style&yaml.FlowStyle != 0 {
			out, err = s.addFlow(seq, c)
		} else {
			out, err = s.addBlock(root, i, c)
		}
	} else {
		out, err = s.addList(root, i, c, want)
	}
	if err != nil {
		return nil, false, err
	}
	out, err = checkEdit(out, want)
	return out, err == nil, err
}

// findClosure is the index of the item of closures with those dates, or -1.
func findClosure(seq *yaml.Node, start, end string) int {
	for k, it := range seq.Content {
		if it.Kind != yaml.MappingNode {
			continue
		}
		si, ei := pair(it, "start"), pair(it, "end")
		if si >= 0 && ei >= 0 && it.Content[si+1].Value == start && it.Content[ei+1].Value == end {
			return k
		}
	}
	return -1
}

// addList writes a closures: block where the list is absent or empty
// (closures: with nothing after it, its items commented out).
func (s *source) addList(root *yaml.Node, i int, c Closure, want *yaml.Node) ([]byte, error) {
	if root.Style&yaml.FlowStyle != 0 {
		return nil, errors.New("the file is one {…} mapping: add the closure by hand")
	}
	item := spaces(root.Column-1+s.step(root)) + "- " + c.flow() + s.EOL
	seq := &yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq", Content: []*yaml.Node{c.node()}}
	if i >= 0 {
		v := root.Content[i+1]
		if v.Kind != yaml.ScalarNode || v.Tag != "!!null" || v.Value != "" {
			return nil, errors.New("closures: is not a list: make it one (- {start: …, end: …}) or remove it")
		}
		want.Content[i+1] = seq
		return s.insertLines(s.LineStart(root.Content[i].Line+1), item), nil
	}
	at := len(s.B)
	for k := 0; k+1 < len(root.Content); k += 2 {
		if rank(root.Content[k].Value) > rank("closures") {
			at = s.LineStart(s.backOverComments(root.Content[k].Line, 0))
			want.Content = append(want.Content[:k:k], append([]*yaml.Node{{Kind: yaml.ScalarNode, Tag: "!!str", Value: "closures"}, seq}, want.Content[k:]...)...)
			return s.insertLines(at, indentOf(root)+"closures:"+s.EOL+item), nil
		}
	}
	want.Content = append(want.Content, &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: "closures"}, seq)
	return s.insertLines(at, indentOf(root)+"closures:"+s.EOL+item), nil
}

// step is the file's indentation step, from its first nested mapping; 2 if none.
func (s *source) step(root *yaml.Node) int {
	for k := 0; k+1 < len(root.Content); k += 2 {
		v := root.Content[k+1]
		if v.Kind == yaml.MappingNode && v.Style&yaml.FlowStyle == 0 && v.Column > root.Column {
			return v.Column - root.Column
		}
	}
	return 2
}

// backOverComments is the first of the blank and comment lines right
// above line, not going up to floor: the comments above a field are its own.
func (s *source) backOverComments(line, floor int) int {
	for line-1 > floor && s.blankOrComment(line-1) {
		line--
	}
	return line
}

// listEnd is the line after the last line of the block list that is the
// value of root's field i: the next field's line, above its comments.
func (s *source) listEnd(root *yaml.Node, i int) int {
	seq := root.Content[i+1]
	floor := s.dashLine(seq.Content[len(seq.Content)-1])
	if i+2 < len(root.Content) {
		return s.backOverComments(root.Content[i+2].Line, floor)
	}
	return s.backOverComments(len(s.Lines)+1, floor)
}

// dashLine is the line of the "-" of a block list's item.
func (s *source) dashLine(item *yaml.Node) int {
	at := s.Offset(item)
	if at < 0 {
		return item.Line
	}
	line := item.Line
	for at--; at >= 0; at-- {
		switch s.B[at] {
		case '-':
			return line
		case '\n':
			line--
		case ' ', '\t', '\r':
		default:
			return item.Line
		}
	}
	return item.Line
}

// addBlock appends an item to the block list of root's field i.
func (s *source) addBlock(root *yaml.Node, i int, c Closure) ([]byte, error) {
	seq := root.Content[i+1]
	last := seq.Content[len(seq.Content)-1]
	dash := spaces(seq.Column-1) + "-"
	var text string
	switch {
	case last.Kind == yaml.MappingNode && last.Style&yaml.FlowStyle != 0:
		text = dash + " " + c.flow() + s.EOL
	case last.Kind == yaml.MappingNode && last.Column > seq.Column:
		key := spaces(last.Column - 1)
		note := key + "note: {" + c.Lang + ": " + strconv.Quote(c.Note) + "}" + s.EOL
		if n := pair(last, "note"); n >= 0 && last.Content[n+1].Kind == yaml.MappingNode && last.Content[n+1].Style&yaml.FlowStyle == 0 {
			note = key + "note:" + s.EOL + indentOf(last.Content[n+1]) + c.Lang + ": " + strconv.Quote(c.Note) + s.EOL
		}
		text = dash + spaces(last.Column-seq.Column-1) + "start: " + c.Start + s.EOL + key + "end: " + c.End + s.EOL + note
	default:
		return nil, errors.New("closures: its items are not {start: …, end: …}: run abri check")
	}
	return s.insertLines(s.LineStart(s.listEnd(root, i)), text), nil
}

// addFlow appends an item to a [..] list, right after its last item.
func (s *source) addFlow(seq *yaml.Node, c Closure) ([]byte, error) {
	open := s.Offset(seq)
	if open < 0 || s.B[open] != '[' {
		return nil, errByHand
	}
	end, lastTok := yamlsrc.FlowEnd(s.B, open)
	if end < 0 {
		return nil, errByHand
	}
	switch {
	case len(seq.Content) == 0:
		return yamlsrc.Splice(s.B, open+1, open+1, c.flow()), nil
	case s.B[lastTok] == ',':
		return yamlsrc.Splice(s.B, lastTok+1, lastTok+1, " "+c.flow()+","), nil
	default:
		return yamlsrc.Splice(s.B, lastTok+1, lastTok+1, ", "+c.flow()), nil
	}
}

// RemoveClosure returns a listing file without its closures dated start
// to end (removed false when it has none). A list left empty is removed
// with its closures: line, when it is a block.
func RemoveClosure(b []byte, start, end string) (out []byte, removed bool, err error) {
	for {
		next, ok, err := removeOne(b, start, end)
		if err != nil || !ok {
			return b, removed, err
		}
		b, removed = next, true
	}
}

func removeOne(b []byte, start, end string) ([]byte, bool, error) {
	root, err := parse(b)
	if err != nil {
		return nil, false, err
	}
	i := pair(root, "closures")
	if i < 0 || root.Content[i+1].Kind != yaml.SequenceNode {
		return b, false, nil
	}
	seq := root.Content[i+1]
	k := findClosure(seq, start, end)
	if k < 0 {
		return b, false, nil
	}
	s := newSource(b)
	want := clone(root)
	w := want.Content[i+1]
	w.Content = append(w.Content[:k:k], w.Content[k+1:]...)
	var out []byte
	switch {
	case seq.Style&yaml.FlowStyle != 0:
		out, err = s.removeFlow(seq, k)
	case len(seq.Content) == 1:
		want.Content = append(want.Content[:i:i], want.Content[i+2:]...)
		out = yamlsrc.Splice(b, s.LineStart(root.Content[i].Line), s.LineStart(s.listEnd(root, i)), "")
	default:
		to := s.LineStart(s.listEnd(root, i))
		if k+1 < len(seq.Content) {
			to = s.LineStart(s.dashLine(seq.Content[k+1]))
		}
		out = yamlsrc.Splice(b, s.LineStart(s.dashLine(seq.Content[k])), to, "")
	}
	if err != nil {
		return nil, false, err
	}
	out, err = checkEdit(out, want)
	return out, err == nil, err
}

// removeFlow removes item k of a [..] list with the comma that joins it.
func (s *source) removeFlow(seq *yaml.Node, k int) ([]byte, error) {
	from := s.Offset(seq.Content[k])
	if from < 0 || s.B[from] != '{' {
		return nil, errByHand
	}
	to, _ := yamlsrc.FlowEnd(s.B, from)
	if to < 0 {
		return nil, errByHand
	}
	to++
	switch {
	case k > 0:
		prev := s.Offset(seq.Content[k-1])
		if prev < 0 || s.B[prev] != '{' {
			return nil, errByHand
		}
		if from, _ = yamlsrc.FlowEnd(s.B, prev); from < 0 {
			return nil, errByHand
		}
		from++
	case len(seq.Content) > 1:
		if to = s.Offset(seq.Content[1]); to < 0 {
			return nil, errByHand
		}
	}
	return yamlsrc.Splice(s.B, from, to, ""), nil
}
