package opendata

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
)

// schemaFile is a schema copied unchanged from its standard (testdata/schemas/SOURCE.md).
func schemaFile(name string) string {
	return filepath.Join("testdata", "schemas", filepath.FromSlash(name))
}

// validate checks that data, a JSON array, holds only items valid against
// the schema, and says which item breaks which rule.
func validate(t *testing.T, schema string, data []byte) {
	t.Helper()
	s := compile(t, schema)
	var items []any
	d := json.NewDecoder(bytes.NewReader(data))
	d.UseNumber()
	if err := d.Decode(&items); err != nil {
		t.Fatalf("%s: not a JSON array: %v", schema, err)
	}
	for i, it := range items {
		if err := s.Validate(it); err != nil {
			b, _ := json.Marshal(it)
			t.Errorf("item %d is not valid against %s: %v\n%.600s", i, schema, err, b)
		}
	}
}

// compile reads a schema file.
func compile(t *testing.T, schema string) *jsonschema.Schema {
	t.Helper()
	f, err := os.Open(schemaFile(schema))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	doc, err := jsonschema.UnmarshalJSON(f)
	if err != nil {
		t.Fatalf("%s: %v", schema, err)
	}
	c := jsonschema.NewCompiler()
	c.AssertFormat()
	url := fmt.Sprintf("file:///%s", filepath.ToSlash(schema))
	if err := c.AddResource(url, doc); err != nil {
		t.Fatal(err)
	}
	s, err := c.Compile(url)
	if err != nil {
		t.Fatalf("%s: %v", schema, err)
	}
	return s
}

// TestValidateRejects shows the validator at work: an item missing what
// the schema requires fails.
func TestValidateRejects(t *testing.T) {
	s := compile(t, "data-inclusion-v1/structure.json")
	if err := s.Validate(map[string]any{"nom": "x"}); err == nil {
		t.Fatal("a structure without id nor source validated")
	}
	s = compile(t, "hsds-3.0/compiled/service.json")
	if err := s.Validate(map[string]any{"name": "x"}); err == nil {
		t.Fatal("a service without id validated")
	}
}
