// Package importer turns open data into listings of the content format, so
// that a new guide starts from existing data: data·inclusion, HSDS 3.0,
// the "lieux de médiation numérique" of ANCT, and GeoJSON with
// OpenStreetMap tags. Each reader makes records; the writer names their
// files, credits their sources and never overwrites an editor's listing
// unless asked to update it, then changing only the imported fields.
package importer
