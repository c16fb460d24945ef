package importer

import (
	"bytes"
	"encoding/json"
	"strings"

	"gopkg.in/yaml.v3"
)

// plain reports whether s can be written as a plain YAML scalar and read
// back as the same string: not a number, a date, a boolean or null ("69007",
// "+687445728", "yes"), no indicator at its start, no ": " or " #" inside,
// and in a flow collection no comma or bracket either.
func plain(s string, flow bool) bool {
	if s == "" || s != strings.TrimSpace(s) || strings.ContainsAny(s, "\n\r\t\"'\\") ||
		strings.Contains(s, ": ") || strings.Contains(s, " #") || strings.HasSuffix(s, ":") ||
		strings.ContainsAny(s[:1], "-?:,[]{}#&*!|>%@`") {
		return false
	}
	if flow && strings.ContainsAny(s, ",[]{}") {
		return false
	}
	switch strings.ToLower(s) {
	case "y", "n", "yes", "no", "on", "off": // booleans to YAML 1.1 tools
		return false
	}
	for _, r := range s {
		if r < ' ' || r == 0x7f || r == 0xfeff || r == 0x85 || r == 0x2028 || r == 0x2029 {
			return false
		}
	}
	var n yaml.Node
	if err := yaml.Unmarshal([]byte(s), &n); err != nil || len(n.Content) != 1 {
		return false
	}
	v := n.Content[0]
	return v.Kind == yaml.ScalarNode && v.Tag == "!!str" && v.Value == s && v.Style == 0
}

// scalar writes s plain when it reads back the same, else double-quoted.
func scalar(s string, flow bool) string {
	if plain(s, flow) {
		return s
	}
	return quote(s)
}

// quote writes s double-quoted: a JSON string is a valid YAML one.
func quote(s string) string {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(s) // a string always encodes
	return strings.TrimSuffix(b.String(), "\n")
}
