package campaign

import (
	"errors"
	"fmt"

	"github.com/abri-guide/abri/generator/internal/yamlsrc"
	"gopkg.in/yaml.v3"
)

// SetUpdated returns a listing file with updated: set to date
// (YYYY-MM-DD), changing only the value's bytes (its quotes are kept). A
// file without updated: (a draft just begun) gets the line at its end.
// It also returns the date the file had, "" when none.
func SetUpdated(b []byte, date string) ([]byte, string, error) {
	root, err := parse(b)
	if err != nil {
		return nil, "", err
	}
	want := clone(root)
	dateNode := &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!timestamp", Value: date}
	s := newSource(b)
	i := pair(root, "updated")
	if i < 0 {
		if root.Style&yaml.FlowStyle != 0 {
			return nil, "", errors.New("the file is one {…} mapping: add updated: " + date + " by hand")
		}
		want.Content = append(want.Content, &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: "updated"}, dateNode)
		out, err := checkEdit(s.insertLines(len(b), indentOf(root)+"updated: "+date+s.EOL), want)
		return out, "", err
	}
	v := root.Content[i+1]
	if v.Kind != yaml.ScalarNode || v.Value == "" {
		return nil, "", fmt.Errorf("%d:%d: updated: is not a date: write updated: %s by hand", v.Line, v.Column, date)
	}
	from, to, ok := s.scalarBytes(v)
	if !ok {
		return nil, "", errByHand
	}
	want.Content[i+1] = dateNode
	if v.Style&(yaml.DoubleQuotedStyle|yaml.SingleQuotedStyle) != 0 {
		dateNode.Tag = "!!str" // quoted, the date stays a string, as before
	}
	out, err := checkEdit(yamlsrc.Splice(b, from, to, date), want)
	return out, v.Value, err
}

// scalarBytes is where a one-line scalar's text is, inside its quotes.
func (s *source) scalarBytes(v *yaml.Node) (from, to int, ok bool) {
	from = s.Offset(v)
	if from < 0 {
		return 0, 0, false
	}
	if v.Style&(yaml.DoubleQuotedStyle|yaml.SingleQuotedStyle) != 0 {
		from++
	} else if v.Style != 0 {
		return 0, 0, false // literal, folded or tagged: not a date to splice
	}
	to = from + len(v.Value)
	if to > len(s.B) || string(s.B[from:to]) != v.Value {
		return 0, 0, false
	}
	return from, to, true
}
