package opendata

import (
	"bytes"
	"encoding/csv"
	"reflect"
	"slices"
	"strconv"
	"strings"

	"github.com/abri-guide/abri/generator/content"
)

// The CSV files have one column per field of the JSON, named as in the
// JSON, in the same order; a list is its values joined with ",", a
// missing value an empty cell. No BOM: they are for programs, the JSON's
// twins (data/places.csv is the one for spreadsheets).

func structuresCSV(ss []DIStructure) []byte {
	return diCSV(reflect.TypeFor[DIStructure](), reflect.ValueOf(ss))
}
func servicesCSV(svs []DIService) []byte {
	return diCSV(reflect.TypeFor[DIService](), reflect.ValueOf(svs))
}

// DataInclusionColumns are the CSV columns of a structure or service type.
func DataInclusionColumns(t reflect.Type) []string {
	var cols []string
	for i := range t.NumField() {
		name, _, _ := strings.Cut(t.Field(i).Tag.Get("json"), ",")
		cols = append(cols, name)
	}
	return cols
}

func diCSV(t reflect.Type, items reflect.Value) []byte {
	var b bytes.Buffer
	w := csv.NewWriter(&b)
	w.Write(DataInclusionColumns(t))
	for i := range items.Len() {
		it := items.Index(i)
		row := make([]string, t.NumField())
		for j := range row {
			row[j] = fieldText(it.Field(j))
		}
		w.Write(row)
	}
	w.Flush()
	return b.Bytes()
}

// fieldText writes one value of a structure or service, as it is: the
// CSV is data·inclusion's, read by programs (places.csv, for
// spreadsheets, guards against formulas).
func fieldText(v reflect.Value) string {
	switch v.Kind() {
	case reflect.String:
		return v.String()
	case reflect.Pointer:
		if v.IsNil() {
			return ""
		}
		return strconv.FormatFloat(v.Elem().Float(), 'f', -1, 64)
	case reflect.Slice:
		return strings.Join(v.Interface().([]string), ",")
	}
	return ""
}

// diReadme says what the files are, under which licence, whom to credit,
// and, when the licence does not allow it, that data·inclusion cannot take them.
func diReadme(g *content.Guide, opts Options, structures, services int) []byte {
	var b strings.Builder
	title := source(g.Site.Title, lang(g))
	b.WriteString("data·inclusion export of " + title + "\n\n")
	b.WriteString("structures.json, structures.csv: " + strconv.Itoa(structures) + " structures (one per place)\n")
	b.WriteString("services.json, services.csv: " + strconv.Itoa(services) + " services (one per category a place offers)\n")
	b.WriteString("Schema: data·inclusion v1, https://gip-inclusion.github.io/data-inclusion-schema/latest/\n")
	b.WriteString("Source: " + DataInclusionSource(g) + "\n")
	if !opts.Today.IsZero() {
		b.WriteString("Date of the data: " + opts.Today.String() + "\n")
	}
	b.WriteString("\nLicence: " + g.Site.Licence.Name)
	if g.Site.Licence.URL != "" {
		b.WriteString(" (" + string(g.Site.Licence.URL) + ")")
	}
	b.WriteString("\nAttribution: " + title)
	if g.Site.BaseURL != "" {
		b.WriteString(", " + string(g.Site.BaseURL))
	}
	b.WriteString("\n")
	if names := sourceNames(g); len(names) > 0 {
		b.WriteString("Sources of listings, to credit too: " + strings.Join(names, "; ") + "\n")
	}
	if ok, why := DataInclusionLicence(g); !ok {
		b.WriteString("\nWARNING: " + why + "\n")
	}
	return []byte(b.String())
}

// sourceNames are the sources listings credit, with their licence, sorted.
func sourceNames(g *content.Guide) []string {
	seen := map[string]bool{}
	var names []string
	for _, l := range g.Listings {
		for _, src := range l.Sources {
			n := src.Name
			if src.Licence != "" {
				n += " (" + src.Licence + ")"
			}
			if !seen[n] {
				seen[n] = true
				names = append(names, n)
			}
		}
	}
	slices.Sort(names)
	return names
}
