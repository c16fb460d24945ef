package schema

import (
	"fmt"
	"reflect"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/abri-guide/abri/generator/content"
)

// builder turns the types of generator/content into one schema file: the
// root and the definitions it refers to, one per named type.
type builder struct {
	guide  Guide
	defs   map[string]*Schema
	custom map[reflect.Type]func(*builder) *Schema // snippets, through a field: they use the builder too
}

func newBuilder(g Guide) *builder {
	return &builder{guide: g, defs: map[string]*Schema{}, custom: snippets}
}

// root returns the schema of a whole file holding one t.
func (b *builder) root(t reflect.Type, title, description string) *Schema {
	s := b.structSchema(t)
	s.Title, s.Description = title, description
	return b.finish(s)
}

// finish makes s a file: its dialect and the definitions it uses.
func (b *builder) finish(s *Schema) *Schema {
	s.Draft = Draft
	s.Definitions = b.defs
	return s
}

// ref refers to the definition of the named type t, defined on first use.
func (b *builder) ref(t reflect.Type) *Schema {
	name := t.Name()
	if _, done := b.defs[name]; !done {
		b.defs[name] = nil // recursive types (Category) refer to themselves while defined
		b.defs[name] = b.define(t)
	}
	return &Schema{Ref: "#/definitions/" + name}
}

// define returns the schema of a named type: its snippet when it reads its
// own YAML form, otherwise its fields.
func (b *builder) define(t reflect.Type) *Schema {
	var s *Schema
	if snippet, ok := b.custom[t]; ok {
		s = snippet(b)
	} else {
		s = b.structSchema(t)
	}
	if s.Description == "" {
		s.Description = sentence(typeDocs[t.Name()])
	}
	return s
}

// structSchema reads a struct's fields as the decoder does (decode.go's
// readStructFields): the yaml tag names a field, ",required" requires it,
// yaml:"-" and untagged fields are not in the file.
func (b *builder) structSchema(t reflect.Type) *Schema {
	s := &Schema{Type: Types{"object"}, AdditionalProperties: ptr(false)}
	for i := range t.NumField() {
		f := t.Field(i)
		name, opts, _ := strings.Cut(f.Tag.Get("yaml"), ",")
		if name == "" || name == "-" {
			continue
		}
		s.Properties = append(s.Properties, Property{name, b.fieldSchema(t, f)})
		if opts == "required" {
			s.Required = append(s.Required, name)
		}
	}
	if len(s.Properties) == 0 {
		panic(fmt.Sprintf("schema: content.%s has no yaml fields: if it reads its own YAML form, add a snippet to snippets.go", t.Name()))
	}
	acrossFields(t, s)
	return s
}

// fieldSchema is the schema of one field, described by its Go comment.
func (b *builder) fieldSchema(owner reflect.Type, f reflect.StructField) *Schema {
	t := f.Type
	if t.Kind() == reflect.Pointer && strings.HasSuffix(f.Tag.Get("yaml"), ",required") {
		t = t.Elem() // a required group cannot be left empty
	}
	s := b.valueSchema(t, tagRules(f))
	s.Description = sentence(fieldDocs[owner.Name()+"."+f.Name])
	return s
}

// rules are the checks struct tags add to plain values (decode.go's fieldRules).
type rules struct {
	enum    []string
	pattern string
	lo, hi  *float64
}

func tagRules(f reflect.StructField) rules {
	var r rules
	if e := f.Tag.Get("enum"); e != "" {
		r.enum = strings.Split(e, ",")
	}
	r.pattern = f.Tag.Get("pattern")
	if rg := f.Tag.Get("range"); rg != "" {
		lo, hi, _ := strings.Cut(rg, ",")
		r.lo, r.hi = number(lo), number(hi)
	}
	return r
}

// valueSchema follows decode.go's decode: custom types read themselves,
// pointers may be null, slices are lists, plain values obey the tag's rules.
func (b *builder) valueSchema(t reflect.Type, r rules) *Schema {
	if _, custom := b.custom[t]; custom || t.Kind() == reflect.Struct {
		return b.ref(t)
	}
	switch t.Kind() {
	case reflect.Pointer:
		return nullable(b.valueSchema(t.Elem(), r))
	case reflect.Slice:
		return b.listSchema(t.Elem(), r)
	case reflect.String:
		return stringSchema(r)
	case reflect.Bool:
		return &Schema{Type: Types{"boolean"}}
	case reflect.Int:
		return &Schema{Type: Types{"integer"}, Minimum: r.lo, Maximum: r.hi}
	}
	panic("schema: no schema for " + t.String() + ": add its kind to valueSchema")
}

// listSchema is a list as decodeSlice reads it: a YAML list, nothing
// (null), or a single value where the items are single values. An item is
// never empty, even of a type that may be left empty as a field.
func (b *builder) listSchema(elem reflect.Type, r rules) *Schema {
	if elem.Kind() == reflect.Pointer {
		elem = elem.Elem()
	}
	item := b.valueSchema(elem, r)
	alts := []*Schema{{Type: Types{"array"}, Items: &Items{All: item}}}
	if scalarType(elem) {
		alts = append(alts, item)
	}
	return &Schema{AnyOf: append(alts, &Schema{Type: Types{"null"}})}
}

// scalarType mirrors decode.go's scalarType: the items written as single
// YAML values, which may stand alone for a list of one (categories: shower).
func scalarType(t reflect.Type) bool {
	return t.Kind() == reflect.String || t == reflect.TypeFor[content.CategoryRef]() || t == reflect.TypeFor[content.Phone]()
}

// stringSchema is a plain string: any single value but an empty one, as
// the decoder's scalar reads it (postal_code: 69007 is a number in YAML,
// and fine), restricted by the tag's enum and pattern.
func stringSchema(r rules) *Schema {
	s := nonEmpty()
	if r.enum != nil {
		s = &Schema{Type: Types{"string"}, Enum: r.enum}
	}
	if r.pattern != "" {
		s.Pattern, s.PatternErrorMessage = r.pattern, "want "+r.pattern
	}
	return s
}

// acrossFields adds the rules that check.go and load.go apply across
// fields, or with no struct tag to read them from.
func acrossFields(t reflect.Type, s *Schema) {
	switch t {
	case reflect.TypeFor[content.Listing]():
		s.AnyOf = oneRequired("address", "geo")
		nonEmptyList(s.Properties.Get("categories"), false)
	case reflect.TypeFor[content.Address]():
		s.AnyOf = oneRequired("city", "postal_code")
	case reflect.TypeFor[content.Site]():
		nonEmptyList(s.Properties.Get("languages"), true)
	}
}

// oneRequired requires at least one of the fields.
func oneRequired(fields ...string) []*Schema {
	var alts []*Schema
	for _, f := range fields {
		alts = append(alts, &Schema{Required: []string{f}})
	}
	return alts
}

// nonEmptyList makes a list from listSchema refuse null and [] (and
// repeated items when unique).
func nonEmptyList(list *Schema, unique bool) {
	var alts []*Schema
	for _, a := range list.AnyOf {
		switch {
		case a.Items != nil:
			a.MinItems, a.UniqueItems = ptr(1), unique
		case len(a.Type) == 1 && a.Type[0] == "null":
			continue
		}
		alts = append(alts, a)
	}
	list.AnyOf = alts
}

// nullable lets a value be left empty, as the decoder does for pointers.
func nullable(s *Schema) *Schema {
	return &Schema{AnyOf: []*Schema{s, {Type: Types{"null"}}}}
}

// nonEmpty is any single value but an empty one.
func nonEmpty() *Schema {
	return &Schema{Type: scalarTypes, Pattern: notSpace, PatternErrorMessage: "empty value (give a value or remove the line)"}
}

// scalarTypes are the JSON types of single YAML values the decoder reads as text.
var scalarTypes = Types{"string", "number", "boolean"}

func ptr[T any](v T) *T { return &v }

func number(s string) *float64 {
	f, err := strconv.ParseFloat(strings.TrimSpace(s), 64)
	if err != nil {
		return nil
	}
	return &f
}

// sentence turns a field comment into a description: capitalised, with a full stop.
func sentence(s string) string {
	s = strings.TrimSpace(s)
	if s == "" {
		return ""
	}
	r, n := utf8.DecodeRuneInString(s)
	s = string(unicode.ToUpper(r)) + s[n:]
	if !strings.HasSuffix(s, ".") {
		s += "."
	}
	return s
}
