package schema

import (
	"encoding/json"
	"os/exec"
	"regexp"
	"slices"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"
)

// patterns returns every pattern of a schema file, and of pattern properties.
func patterns(s *Schema) []string {
	var out []string
	var walk func(s *Schema)
	walk = func(s *Schema) {
		if s == nil {
			return
		}
		if s.Pattern != "" {
			out = append(out, s.Pattern)
		}
		for p, sub := range s.PatternProperties {
			out = append(out, p)
			walk(sub)
		}
		for _, p := range s.Properties {
			walk(p.Schema)
		}
		if s.Items != nil {
			walk(s.Items.All)
			for _, it := range s.Items.Tuple {
				walk(it)
			}
		}
		for _, sub := range append(s.AnyOf, s.AllOf...) {
			walk(sub)
		}
		for _, def := range s.Definitions {
			walk(def)
		}
	}
	walk(s)
	slices.Sort(out)
	return slices.Compact(out)
}

// samples are the keys and values of the test cases, and some near misses.
func samples(t *testing.T) []string {
	var docs []string
	for _, tt := range rejected {
		docs = append(docs, tt.yaml)
	}
	for _, tt := range accepted {
		docs = append(docs, tt.yaml)
	}
	out := []string{"", " ", "\t", "\u00a0", "é", "mo\u00a0-fr", "09:00\u00a0-12:00", "tu[-2]", "24:00-09:00", "2026-02-30", "Europe/Paris", "UTC", "Local"}
	for _, doc := range docs {
		var n yaml.Node
		if yaml.Unmarshal([]byte(doc), &n) != nil {
			t.Fatalf("YAML syntax in a test case:\n%s", doc)
		}
		var walk func(n *yaml.Node)
		walk = func(n *yaml.Node) {
			if n.Kind == yaml.ScalarNode {
				out = append(out, n.Value)
			}
			for _, c := range n.Content {
				walk(c)
			}
		}
		walk(&n)
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// nodeScript compiles the patterns as the YAML language server does (with
// the u flag, else without) and tells, for each, which samples match.
const nodeScript = `
const {patterns, samples} = JSON.parse(require('fs').readFileSync(0, 'utf8'));
const out = patterns.map(p => {
  let re;
  try { re = new RegExp(p, 'u'); } catch (e) { return {error: String(e)}; }
  return {matches: samples.map(s => re.test(s))};
});
console.log(JSON.stringify(out));
`

// TestPatternsInJavaScript: editors' YAML language servers run the
// patterns in JavaScript; each must compile there and match exactly what it
// matches in Go, on every value of the test cases. Skipped without node.
func TestPatternsInJavaScript(t *testing.T) {
	node, err := exec.LookPath("node")
	if err != nil {
		t.Skip("node is not installed")
	}
	var all []string
	for _, f := range append(Files(Guide{}), Files(fixtureGuide)...) {
		all = append(all, patterns(f.Schema)...)
	}
	slices.Sort(all)
	all = slices.Compact(all)
	input, _ := json.Marshal(map[string][]string{"patterns": all, "samples": samples(t)})
	cmd := exec.Command(node, "-e", nodeScript)
	cmd.Stdin = strings.NewReader(string(input))
	output, err := cmd.Output()
	if err != nil {
		t.Fatalf("node: %v", err)
	}
	var results []struct {
		Error   string
		Matches []bool
	}
	if err := json.Unmarshal(output, &results); err != nil {
		t.Fatal(err)
	}
	sampleList := samples(t)
	for i, p := range all {
		if results[i].Error != "" {
			t.Errorf("pattern %s does not compile in JavaScript: %s", p, results[i].Error)
			continue
		}
		re := regexp.MustCompile(p)
		for j, s := range sampleList {
			if re.MatchString(s) != results[i].Matches[j] {
				t.Errorf("pattern %s on %q: Go says %v, JavaScript %v", p, s, re.MatchString(s), results[i].Matches[j])
			}
		}
	}
}
