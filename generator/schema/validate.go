package schema

import (
	"cmp"
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"
)

// Violation is a place where a YAML document breaks a schema.
type Violation struct {
	Line, Col int
	Path      string // keys and indexes from the document's root: hours.mo-fr, categories.0
	Msg       string
}

func (v Violation) String() string {
	return fmt.Sprintf("%d:%d: %s: %s", v.Line, v.Col, v.Path, v.Msg)
}

// Validate checks a YAML document against s, as an editor's YAML language
// server does (YAML 1.2 types: 2026-10-03 is a string, 115 a number). It
// knows only the keywords this package writes; it is how the tests prove
// that the schemas accept what abri accepts and refuse what it refuses.
func (s *Schema) Validate(doc *yaml.Node) []Violation {
	v := validator{root: s, patterns: map[string]*regexp.Regexp{}}
	if doc.Kind == yaml.DocumentNode {
		if len(doc.Content) == 0 {
			return nil
		}
		doc = doc.Content[0]
	}
	return v.validate(doc, s, "")
}

type validator struct {
	root     *Schema
	patterns map[string]*regexp.Regexp
}

func (v *validator) validate(n *yaml.Node, s *Schema, path string) []Violation {
	for n.Kind == yaml.AliasNode {
		n = n.Alias
	}
	var out []Violation
	bad := func(format string, args ...any) {
		out = append(out, Violation{n.Line, n.Column, path, fmt.Sprintf(format, args...)})
	}
	if s.Ref != "" {
		out = append(out, v.validate(n, v.definition(s.Ref), path)...)
	}
	kind := jsonType(n)
	if !v.typed(kind, &Schema{Type: s.Type}) {
		bad("want %s, not %s", strings.Join(s.Type, " or "), kind)
		return out
	}
	if s.Enum != nil && (kind != "string" || !slices.Contains(s.Enum, n.Value)) {
		bad("%q is not one of %s", n.Value, strings.Join(s.Enum, ", "))
	}
	if s.Pattern != "" && kind == "string" && !v.pattern(s.Pattern).MatchString(n.Value) {
		bad("%q: %s", n.Value, cmp.Or(s.PatternErrorMessage, "does not match "+s.Pattern))
	}
	out = append(out, v.number(n, s, kind, path)...)
	out = append(out, v.array(n, s, path)...)
	out = append(out, v.object(n, s, path)...)
	for _, sub := range s.AllOf {
		out = append(out, v.validate(n, sub, path)...)
	}
	if s.AnyOf != nil {
		out = append(out, v.anyOf(n, s.AnyOf, path)...)
	}
	return out
}

// jsonType is the JSON type a YAML 1.2 language server sees in a node.
func jsonType(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "object"
	case yaml.SequenceNode:
		return "array"
	}
	switch n.Tag {
	case "!!null":
		return "null"
	case "!!bool":
		return "boolean"
	case "!!int":
		return "integer"
	case "!!float":
		return "number"
	}
	return "string" // !!str, and !!timestamp, which YAML 1.2 does not have
}

func typeMatches(kind, want string) bool {
	return kind == want || want == "number" && kind == "integer"
}

func (v *validator) definition(ref string) *Schema {
	name, ok := strings.CutPrefix(ref, "#/definitions/")
	def := v.root.Definitions[name]
	if !ok || def == nil {
		panic("schema: dangling $ref " + ref)
	}
	return def
}

func (v *validator) pattern(p string) *regexp.Regexp {
	re, ok := v.patterns[p]
	if !ok {
		re = regexp.MustCompile(p)
		v.patterns[p] = re
	}
	return re
}

func (v *validator) number(n *yaml.Node, s *Schema, kind, path string) []Violation {
	if kind != "integer" && kind != "number" || s.Minimum == nil && s.Maximum == nil {
		return nil
	}
	f, err := strconv.ParseFloat(strings.ReplaceAll(n.Value, "_", ""), 64)
	if err != nil {
		return nil // 0x1F and the like: no schema of ours bounds them
	}
	if s.Minimum != nil && f < *s.Minimum || s.Maximum != nil && f > *s.Maximum {
		return []Violation{{n.Line, n.Column, path, fmt.Sprintf("%v is out of range", f)}}
	}
	return nil
}

func (v *validator) array(n *yaml.Node, s *Schema, path string) []Violation {
	if n.Kind != yaml.SequenceNode {
		return nil
	}
	var out []Violation
	count := len(n.Content)
	if s.MinItems != nil && count < *s.MinItems || s.MaxItems != nil && count > *s.MaxItems {
		out = append(out, Violation{n.Line, n.Column, path, fmt.Sprintf("%d items is not allowed", count)})
	}
	seen := map[string]bool{}
	for i, item := range n.Content {
		if s.UniqueItems && item.Kind == yaml.ScalarNode {
			if seen[item.Value] {
				out = append(out, Violation{item.Line, item.Column, path, fmt.Sprintf("%q is repeated", item.Value)})
			}
			seen[item.Value] = true
		}
		if is := itemSchema(s.Items, i); is != nil {
			out = append(out, v.validate(item, is, join(path, strconv.Itoa(i)))...)
		}
	}
	return out
}

func itemSchema(it *Items, i int) *Schema {
	switch {
	case it == nil:
		return nil
	case it.Tuple == nil:
		return it.All
	case i < len(it.Tuple):
		return it.Tuple[i]
	}
	return nil
}

func (v *validator) object(n *yaml.Node, s *Schema, path string) []Violation {
	if n.Kind != yaml.MappingNode {
		return nil
	}
	var out []Violation
	seen := map[string]bool{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		key, val := n.Content[i], n.Content[i+1]
		seen[key.Value] = true
		ps, known := v.propertySchemas(s, key.Value)
		if !known && s.AdditionalProperties != nil && !*s.AdditionalProperties {
			out = append(out, Violation{key.Line, key.Column, path, fmt.Sprintf("unknown field %q", key.Value)})
		}
		for _, p := range ps {
			out = append(out, v.validate(val, p, join(path, key.Value))...)
		}
	}
	for _, name := range s.Required {
		if !seen[name] {
			out = append(out, Violation{n.Line, n.Column, path, fmt.Sprintf("missing required field %q", name)})
		}
	}
	return out
}

// propertySchemas returns the schemas a key's value must match, and
// whether the key is known.
func (v *validator) propertySchemas(s *Schema, key string) ([]*Schema, bool) {
	var out []*Schema
	if p := s.Properties.Get(key); p != nil {
		out = append(out, p)
	}
	for pattern, p := range s.PatternProperties {
		if v.pattern(pattern).MatchString(key) {
			out = append(out, p)
		}
	}
	return out, len(out) > 0
}

// anyOf passes when one alternative does; otherwise it reports the
// alternative that came closest, as editors do: of the right type, with
// the fewest violations.
func (v *validator) anyOf(n *yaml.Node, alts []*Schema, path string) []Violation {
	var best []Violation
	bestTyped := false
	for i, alt := range alts {
		got := v.validate(n, alt, path)
		if len(got) == 0 {
			return nil
		}
		typed := v.typed(jsonType(n), alt)
		if i == 0 || typed && !bestTyped || typed == bestTyped && len(got) < len(best) {
			best, bestTyped = got, typed
		}
	}
	return best
}

// typed reports whether a value of the JSON type kind has the type s wants.
func (v *validator) typed(kind string, s *Schema) bool {
	if s.Ref != "" {
		return v.typed(kind, v.definition(s.Ref))
	}
	return len(s.Type) == 0 || slices.ContainsFunc(s.Type, func(t string) bool { return typeMatches(kind, t) })
}

func join(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}
