package schema

import (
	"bytes"
	"encoding/json"
)

// Draft is the JSON Schema dialect of every schema written here.
const Draft = "http://json-schema.org/draft-07/schema#"

// Schema is a JSON Schema with only the keywords this package writes (and
// Validate reads), in the order they read best in the written files.
type Schema struct {
	Draft       string `json:"$schema,omitempty"`
	Title       string `json:"title,omitempty"`
	Description string `json:"description,omitempty"`
	Ref         string `json:"$ref,omitempty"` // "#/definitions/<name>"

	Type    Types    `json:"type,omitempty"`
	Enum    []string `json:"enum,omitempty"`
	Pattern string   `json:"pattern,omitempty"`
	// PatternErrorMessage replaces the YAML language server's "does not
	// match the pattern" with words editors understand.
	PatternErrorMessage string   `json:"patternErrorMessage,omitempty"`
	Format              string   `json:"format,omitempty"`
	Minimum             *float64 `json:"minimum,omitempty"`
	Maximum             *float64 `json:"maximum,omitempty"`

	Items       *Items `json:"items,omitempty"`
	MinItems    *int   `json:"minItems,omitempty"`
	MaxItems    *int   `json:"maxItems,omitempty"`
	UniqueItems bool   `json:"uniqueItems,omitempty"`

	Properties           Properties         `json:"properties,omitempty"`
	PatternProperties    map[string]*Schema `json:"patternProperties,omitempty"`
	AdditionalProperties *bool              `json:"additionalProperties,omitempty"`
	Required             []string           `json:"required,omitempty"`

	AnyOf []*Schema `json:"anyOf,omitempty"`
	AllOf []*Schema `json:"allOf,omitempty"`

	Definitions map[string]*Schema `json:"definitions,omitempty"`
}

// Types is the "type" keyword: one JSON type, or a list of them.
type Types []string

// MarshalJSON writes a single type as a string, as schemas usually do.
func (t Types) MarshalJSON() ([]byte, error) {
	if len(t) == 1 {
		return marshal(t[0])
	}
	return marshal([]string(t))
}

// Items is the draft-07 "items" keyword: one schema for every item, or
// (Tuple) one schema per position.
type Items struct {
	All   *Schema
	Tuple []*Schema
}

// MarshalJSON writes the schema of every item, or the list of positions.
func (it Items) MarshalJSON() ([]byte, error) {
	if it.Tuple != nil {
		return marshal(it.Tuple)
	}
	return marshal(it.All)
}

// Property is a named property of an object schema.
type Property struct {
	Name   string
	Schema *Schema
}

// Properties keep the order of the Go struct's fields, which is the order
// of content/README.md, so that the written files read like the reference.
type Properties []Property

// MarshalJSON writes the properties as a JSON object, in order.
func (ps Properties) MarshalJSON() ([]byte, error) {
	var b bytes.Buffer
	b.WriteByte('{')
	for i, p := range ps {
		if i > 0 {
			b.WriteByte(',')
		}
		k, _ := marshal(p.Name)
		v, err := marshal(p.Schema)
		if err != nil {
			return nil, err
		}
		b.Write(k)
		b.WriteByte(':')
		b.Write(v)
	}
	b.WriteByte('}')
	return b.Bytes(), nil
}

// Get returns the schema of the property called name, or nil.
func (ps Properties) Get(name string) *Schema {
	for _, p := range ps {
		if p.Name == name {
			return p.Schema
		}
	}
	return nil
}

// marshal is json.Marshal without escaping <, > and &, which patterns
// contain and which would make the files hard to read.
func marshal(v any) ([]byte, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return bytes.TrimSuffix(b.Bytes(), []byte("\n")), nil
}

// JSON returns the schema as an indented JSON file, ending with a newline.
func (s *Schema) JSON() []byte {
	data, err := marshal(s)
	if err != nil {
		panic("schema: " + err.Error()) // only strings, numbers and schemas: cannot fail
	}
	var b bytes.Buffer
	json.Indent(&b, data, "", "  ")
	b.WriteByte('\n')
	return b.Bytes()
}
