package yamlsrc

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"

	"gopkg.in/yaml.v3"
)

// Plain reports whether s can be written as a plain YAML scalar and read
// back as the same string: not a number, a date, a boolean or null ("69007",
// "+687445728", "yes"), no indicator at its start, no ": " or " #" inside,
// and in a flow collection no comma or bracket either.
func Plain(s string, flow bool) bool {
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
	if !Printable(s) {
		return false
	}
	var n yaml.Node
	if err := yaml.Unmarshal([]byte(s), &n); err != nil || len(n.Content) != 1 {
		return false
	}
	v := n.Content[0]
	return v.Kind == yaml.ScalarNode && v.Tag == "!!str" && v.Value == s && v.Style == 0
}

// Printable reports whether s has no control character, byte order mark
// or line separator: what may stand as it is in a plain, single-quoted
// or block scalar.
func Printable(s string) bool {
	for _, r := range s {
		if r < ' ' && r != '\t' && r != '\n' || r == 0x7f || r == 0xfeff || r == 0x85 || r == 0x2028 || r == 0x2029 {
			return false
		}
	}
	return true
}

// Scalar writes s plain when it reads back the same, else double-quoted.
func Scalar(s string, flow bool) string {
	if Plain(s, flow) {
		return s
	}
	return Quote(s)
}

// Quote writes s double-quoted: a JSON string is a valid YAML one, once
// the characters YAML does not allow as they are (C1 controls, among them
// U+0085 which it reads as a line break; U+FEFF, U+FFFE, U+FFFF) are
// escaped too.
func Quote(s string) string {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(s) // a string always encodes
	q := strings.TrimSuffix(b.String(), "\n")
	if !strings.ContainsFunc(q, unprintable) {
		return q
	}
	var out strings.Builder
	for _, r := range q {
		if unprintable(r) {
			fmt.Fprintf(&out, "\\u%04X", r)
		} else {
			out.WriteRune(r)
		}
	}
	return out.String()
}

// unprintable is a character outside YAML's printable set that JSON
// writes as it is (DEL too).
func unprintable(r rune) bool {
	return r == 0x7f || r >= 0x80 && r <= 0x9f || r == 0xfeff || r == 0xfffe || r == 0xffff
}
