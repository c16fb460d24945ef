package importer

import (
	"fmt"
	"sort"
	"strings"

	"github.com/abri-guide/abri/generator/content"
)

// Input is what a reader reads.
type Input struct {
	Files []SourceFile   // the files named on the command line
	Guide *content.Guide // the guide imported into: its languages, categories, country
}

// SourceFile is one file to import.
type SourceFile struct {
	Name string // as named on the command line, for messages
	Data []byte
}

// Record is one place read from a source, as a listing of the guide.
type Record struct {
	// Listing is the place. Its Sources credit the source. Its ID is
	// empty, or the id an abri guide's own export gives the place: the
	// writer names the file from it when it is free, so that a guide
	// imported from another keeps its addresses; otherwise from the slug
	// of name and city, made unique.
	Listing content.Listing
	From    string   // where the record is, for messages: file and record id or index
	Notes   []string // one line each: what was dropped, normalised or guessed
}

// Reader reads one format.
type Reader func(in Input) ([]Record, error)

// readers are the formats abri import reads.
var readers = map[string]Reader{
	"data-inclusion": readDataInclusion,
	"hsds":           readHSDS,
	"mednum":         readMednum,
	"geojson":        readGeoJSON,
}

// Formats lists the formats, sorted.
func Formats() []string {
	var fs []string
	for f := range readers {
		fs = append(fs, f)
	}
	sort.Strings(fs)
	return fs
}

// Read reads records in a format.
func Read(format string, in Input) ([]Record, error) {
	r, ok := readers[format]
	if !ok {
		return nil, fmt.Errorf("unknown format %q (want one of %s)", format, strings.Join(Formats(), ", "))
	}
	return r(in)
}
