package translate

import (
	"regexp"
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"
)

// slot is a text found at a key: its node, and what holds it, which
// decides how it can grow into a map of languages.
type slot struct {
	val    *yaml.Node // the text: a scalar (source only) or a map of languages
	parent *yaml.Node // the mapping or list that holds val
	key    *yaml.Node // val's key in parent, nil in a list
	index  int        // val's index in parent.Content
}

var step = regexp.MustCompile(`^([^\[\]]*)((?:\[\d+\])*)$`)

// find resolves the part of a key after '#' in a YAML file's tree; byID
// finds its first step as a category's id (categories.yaml). It says why
// not when the text is not there.
func find(root *yaml.Node, where string, byID bool) (slot, string) {
	steps := strings.Split(where, ".")
	n := root
	if byID {
		if n = withID(root, steps[0]); n == nil {
			return slot{}, "no category has id " + steps[0]
		}
		steps = steps[1:]
	}
	var s slot
	for _, st := range steps {
		m := step.FindStringSubmatch(st)
		if m == nil {
			return slot{}, "not a path of the file"
		}
		if m[1] != "" {
			if n.Kind != yaml.MappingNode {
				return slot{}, "no field " + m[1] + " there"
			}
			i := pairIndex(n, m[1])
			if i < 0 {
				return slot{}, "no field " + m[1] + " there"
			}
			s = slot{val: n.Content[i+1], parent: n, key: n.Content[i], index: i + 1}
			n = s.val
		}
		for _, ix := range strings.Split(strings.Trim(m[2], "[]"), "][") {
			if ix == "" {
				continue
			}
			k, _ := strconv.Atoi(ix)
			if n.Kind != yaml.SequenceNode || k >= len(n.Content) {
				return slot{}, "no item [" + ix + "] there"
			}
			s = slot{val: n.Content[k], parent: n, index: k}
			n = s.val
		}
	}
	if s.val == nil {
		return slot{}, "not a path of the file"
	}
	return s, ""
}

// withID is the mapping with id: id anywhere in the tree, or nil.
func withID(n *yaml.Node, id string) *yaml.Node {
	if n.Kind == yaml.MappingNode {
		if i := pairIndex(n, "id"); i >= 0 && n.Content[i+1].Kind == yaml.ScalarNode && n.Content[i+1].Value == id {
			return n
		}
	}
	for _, c := range n.Content {
		if m := withID(c, id); m != nil {
			return m
		}
	}
	return nil
}

// pairIndex is the index of a mapping's key, or -1.
func pairIndex(m *yaml.Node, key string) int {
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Kind == yaml.ScalarNode && m.Content[i].Value == key {
			return i
		}
	}
	return -1
}

var textKey = regexp.MustCompile(`^[a-z]{2,3}(-[A-Z][A-Za-z]{1,7})?(_mt)?$`)

// textKind says whether a node is a text: a string, or a map of
// languages (and their machine flags); else why not.
func textKind(n *yaml.Node) string {
	switch n.Kind {
	case yaml.ScalarNode:
		if n.Tag == "!!null" {
			return "the text is empty: write it in the source language first"
		}
		return ""
	case yaml.MappingNode:
		for i := 0; i+1 < len(n.Content); i += 2 {
			k, v := n.Content[i], n.Content[i+1]
			if k.Kind != yaml.ScalarNode || !textKey.MatchString(k.Value) || v.Kind != yaml.ScalarNode {
				return "not a text (a map of language: text)"
			}
		}
		return ""
	case yaml.AliasNode:
		return "the text is a YAML alias (*name): translate it by hand"
	}
	return "not a text (a map of language: text)"
}

// sourceOf is the text in the source language: the string itself, or the
// map's src entry ("" when it has none).
func sourceOf(n *yaml.Node, src string) string {
	if n.Kind == yaml.ScalarNode {
		return n.Value
	}
	if i := pairIndex(n, src); i >= 0 {
		return n.Content[i+1].Value
	}
	return ""
}
