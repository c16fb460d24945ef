// Package schema describes the content format to editors' tools: it writes
// JSON Schemas (draft-07, what the YAML language server of VS Code and other
// editors supports best) for site.yaml, categories.yaml and listing files,
// so that editors get completion, help on hover and errors as they type.
//
// The schemas cannot drift from what abri accepts: field names, required
// fields, enums, patterns and ranges are read by reflection from the types
// of generator/content, with the struct tags its decoder reads. Types that
// read their own YAML form (Text, Date, Hours ...) have a hand-written schema
// here, and the tests fail when generator/content gains such a type without
// one. Descriptions are the comments of generator/content's fields, copied
// into docs.go by a test (go test ./generator/schema -run TestDocs -update).
//
// A schema is never stricter than abri: what `abri check` accepts, the schema
// accepts (a fuzz test holds it to that), with one exception: a quoted
// value padded with spaces (status: " open"), which abri trims and editors
// had better see underlined. A schema is looser where a rule needs more
// than one value at a time (overlapping hours, a day in two keys, an end
// before a start, February 30th): `abri check` still has the last word.
//
// When a guide is known (Guide), translations are restricted to its
// languages and categories to its category ids, so that editors get them
// as completions; otherwise the schemas fit any guide.
package schema
