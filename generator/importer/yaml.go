package importer

import "github.com/abri-guide/abri/generator/internal/yamlsrc"

// plain reports whether s can be written as a plain YAML scalar and read
// back as the same string (see yamlsrc.Plain).
func plain(s string, flow bool) bool { return yamlsrc.Plain(s, flow) }

// scalar writes s plain when it reads back the same, else double-quoted.
func scalar(s string, flow bool) string { return yamlsrc.Scalar(s, flow) }

// quote writes s double-quoted.
func quote(s string) string { return yamlsrc.Quote(s) }
