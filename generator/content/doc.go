// Package content reads a guide's content folder: site.yaml,
// categories.yaml, listings/**/*.yaml and pages/<slug>.<lang>.md. It
// implements the content format contract (shared/spec/content-format.md;
// the editors' version is content/README.md) and may extend it with new
// optional fields, never break it.
//
// Decoding is strict and positional: the YAML is walked as yaml.Node trees
// into typed structs, and every unknown field, wrong type, unknown category
// or language, impossible date, malformed phone, e-mail, web address or
// coordinates, and malformed or overlapping hours becomes a Problem with
// its file, line and column, with "did you mean" when a near name exists.
// All problems of a run are returned together. Warnings (a missing
// translation, information older than stale_after, a closure over for more
// than 30 days) do not stop a build.
//
// The guide knows its cities (City): listings whose address.city folds to
// the same name (slug.Fold, the folding of search) are one city, with one
// display spelling and one slug; other spellings are warnings, and two
// cities with the same slug an error naming both files.
//
// Struct tags drive the generic decoder: yaml:"name" or yaml:"name,required",
// enum:"a,b,c" for closed lists of values, pattern:"regexp", range:"lo,hi".
// Types with their own syntax (Text, Date, Hours, Phone ...) implement
// decodeYAML; types with rules across fields implement check.
package content
