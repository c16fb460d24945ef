package opendata

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"reflect"
	"strconv"
	"strings"

	"github.com/abri-guide/abri/generator/slug"
)

// column is a field of a table of HSDS's tabular form, as
// schema/simple/schema.csv gives it.
type column struct {
	name, typ, format string
	required          bool
}

// hsdsTables are the tables abri fills, with their columns in the order of
// schema/simple/schema.csv (its fields that are not relations); a test
// holds them to that file.
var hsdsTables = []struct {
	name    string
	columns []column
}{
	{"organization", []column{
		{"id", "string", "", true},
		{"name", "string", "", true},
		{"alternate_name", "string", "", false},
		{"description", "string", "", true},
		{"email", "string", "email", false},
		{"website", "string", "uri", false},
		{"year_incorporated", "number", "%Y", false},
		{"legal_status", "string", "", false},
		{"logo", "string", "", false},
		{"uri", "string", "uri", false},
		{"parent_organization_id", "string", "", false},
	}},
	{"service", []column{
		{"id", "string", "", true},
		{"organization_id", "string", "", false},
		{"program_id", "string", "", false},
		{"name", "string", "", true},
		{"alternate_name", "string", "", false},
		{"description", "string", "", false},
		{"url", "string", "uri", false},
		{"email", "string", "email", false},
		{"status", "string", "", true},
		{"interpretation_services", "string", "", false},
		{"application_process", "string", "", false},
		{"fees_description", "string", "", false},
		{"accreditations", "string", "", false},
		{"eligibility_description", "string", "", false},
		{"minimum_age", "number", "", false},
		{"maximum_age", "number", "", false},
		{"assured_date", "string", "", false},
		{"assurer_email", "string", "email", false},
		{"alert", "string", "", false},
	}},
	{"service_at_location", []column{
		{"id", "string", "", true},
		{"service_id", "string", "", false},
		{"location_id", "string", "", false},
		{"description", "string", "", false},
	}},
	{"location", []column{
		{"id", "string", "", true},
		{"location_type", "string", "", true},
		{"url", "string", "uri", false},
		{"organization_id", "string", "", false},
		{"name", "string", "", false},
		{"alternate_name", "string", "", false},
		{"description", "string", "", false},
		{"transportation", "string", "", false},
		{"latitude", "number", "", false},
		{"longitude", "number", "", false},
		{"external_identifier", "string", "", false},
		{"external_identifier_type", "string", "", false},
	}},
	{"address", []column{
		{"id", "string", "", true},
		{"location_id", "string", "", false},
		{"attention", "string", "", false},
		{"address_1", "string", "", true},
		{"address_2", "string", "", false},
		{"city", "string", "", true},
		{"region", "string", "", false},
		{"state_province", "string", "", true},
		{"postal_code", "string", "", true},
		{"country", "string", "", true},
		{"address_type", "string", "", true},
	}},
	{"phone", []column{
		{"id", "string", "", true},
		{"location_id", "string", "", false},
		{"service_id", "string", "", false},
		{"organization_id", "string", "", false},
		{"contact_id", "string", "", false},
		{"service_at_location_id", "string", "", false},
		{"number", "string", "", true},
		{"extension", "number", "", false},
		{"type", "string", "", false},
		{"description", "string", "", false},
	}},
	{"schedule", []column{
		{"id", "string", "", true},
		{"service_id", "string", "", false},
		{"location_id", "string", "", false},
		{"service_at_location_id", "string", "", false},
		{"valid_from", "string", "", false},
		{"valid_to", "string", "", false},
		{"dtstart", "string", "", false},
		{"timezone", "number", "", false},
		{"until", "string", "", false},
		{"count", "string", "", false},
		{"wkst", "string", "", false},
		{"freq", "string", "", false},
		{"interval", "number", "", false},
		{"byday", "string", "", false},
		{"byweekno", "string", "", false},
		{"bymonthday", "number", "", false},
		{"byyearday", "number", "", false},
		{"description", "string", "", false},
		{"opens_at", "string", "", false},
		{"closes_at", "string", "", false},
		{"schedule_link", "string", "uri", false},
		{"attending_type", "string", "", false},
		{"notes", "string", "", false},
	}},
	{"language", []column{
		{"id", "string", "", true},
		{"service_id", "string", "", false},
		{"location_id", "string", "", false},
		{"phone_id", "string", "", false},
		{"name", "string", "", false},
		{"code", "string", "", false},
		{"note", "string", "", false},
	}},
	{"accessibility", []column{
		{"id", "string", "", true},
		{"location_id", "string", "", false},
		{"description", "string", "", false},
		{"details", "string", "", false},
		{"url", "string", "uri", false},
	}},
	{"cost_option", []column{
		{"id", "string", "", true},
		{"service_id", "string", "", false},
		{"valid_from", "string", "", false},
		{"valid_to", "string", "", false},
		{"option", "string", "", false},
		{"currency", "string", "", false},
		{"amount", "number", "", false},
		{"amount_description", "string", "", false},
	}},
	{"attribute", []column{
		{"id", "string", "", true},
		{"link_id", "string", "", false},
		{"taxonomy_term_id", "string", "", false},
		{"link_type", "string", "", true},
		{"link_entity", "string", "", false},
		{"value", "string", "", false},
	}},
	{"taxonomy_term", []column{
		{"id", "string", "", true},
		{"code", "string", "", false},
		{"name", "string", "", true},
		{"description", "string", "", true},
		{"parent_id", "string", "", false},
		{"language", "string", "", false},
		{"taxonomy_id", "string", "", false},
		{"term_uri", "string", "uri", false},
	}},
	{"taxonomy", []column{
		{"id", "string", "", true},
		{"name", "string", "", true},
		{"description", "string", "", true},
		{"uri", "string", "uri", false},
	}},
}

// table gathers the rows of one table, each object once.
type table struct {
	columns []column
	seen    map[string]bool
	rows    [][]string
	layouts map[reflect.Type]*rowLayout
}

// tabular makes the Tabular Data Package: datapackage.json and a CSV per
// table, the nested objects of services.json flattened and linked by ids.
func (b *hsdsBuild) tabular(services []hsdsService) ([]File, error) {
	tables := map[string]*table{}
	for _, t := range hsdsTables {
		tables[t.name] = &table{columns: t.columns, seen: map[string]bool{}}
	}
	var err error
	add := func(name string, v any) {
		if err == nil {
			err = tables[name].add(v)
		}
	}
	add("taxonomy", &b.vocab)
	add("taxonomy", &b.tax)
	for i := range services {
		flatten(&services[i], add)
	}
	if err != nil {
		return nil, err
	}
	var files []File
	for _, t := range hsdsTables {
		data, err := tables[t.name].csv()
		if err != nil {
			return nil, err
		}
		files = append(files, File{Path: "data/hsds/" + t.name + ".csv", Data: data})
	}
	pkg, err := b.datapackage()
	if err != nil {
		return nil, err
	}
	return append(files, File{Path: "data/hsds/datapackage.json", Data: pkg}), nil
}

// flatten hands every object of a service to add, by table.
func flatten(s *hsdsService, add func(string, any)) {
	add("service", s)
	if o := s.Organization; o != nil {
		add("organization", o)
		attributes(o.Attributes, add)
	}
	attributes(s.Attributes, add)
	for i := range s.Phones {
		add("phone", &s.Phones[i])
	}
	for i := range s.Languages {
		add("language", &s.Languages[i])
	}
	for i := range s.Schedules {
		add("schedule", &s.Schedules[i])
	}
	for i := range s.CostOptions {
		add("cost_option", &s.CostOptions[i])
	}
	for i := range s.ServiceAtLocations {
		sal := &s.ServiceAtLocations[i]
		add("service_at_location", sal)
		if l := sal.Location; l != nil {
			location(l, add)
		}
	}
}

func location(l *hsdsLocation, add func(string, any)) {
	add("location", l)
	for i := range l.Addresses {
		add("address", &l.Addresses[i])
	}
	for i := range l.Accessibility {
		add("accessibility", &l.Accessibility[i])
	}
	for i := range l.Phones {
		add("phone", &l.Phones[i])
	}
	for i := range l.Languages {
		add("language", &l.Languages[i])
	}
	for i := range l.Schedules {
		add("schedule", &l.Schedules[i])
	}
}

func attributes(as []hsdsAttribute, add func(string, any)) {
	for i := range as {
		add("attribute", &as[i])
		if t := as[i].TaxonomyTerm; t != nil {
			add("taxonomy_term", t)
		}
	}
}

// add appends v's row, unless an object of the same id is in already (a
// location is nested in each of its services, a term in each attribute).
// v's JSON fields fill the columns of the same name, written as
// services.json writes them. Fields are found by reflection once per type:
// marshalling each object, with all it nests, made this the slowest part
// of a national build.
func (t *table) add(v any) error {
	rv := reflect.ValueOf(v).Elem()
	l := t.layout(rv.Type())
	id := rv.Field(l.id).String()
	if t.seen[id] {
		return nil
	}
	t.seen[id] = true
	row := make([]string, len(t.columns))
	for i, f := range l.fields {
		if f.index < 0 {
			continue
		}
		s, err := cellOf(rv.Field(f.index), f.omitEmpty)
		if err != nil {
			return err
		}
		row[i] = s
	}
	t.rows = append(t.rows, row)
	return nil
}

// rowLayout is where a struct type holds each column of a table.
type rowLayout struct {
	id     int // the field of "id"
	fields []struct {
		index     int // -1: the type has no such field
		omitEmpty bool
	}
}

func (t *table) layout(typ reflect.Type) *rowLayout {
	if l, ok := t.layouts[typ]; ok {
		return l
	}
	byName := map[string]int{}
	omit := map[string]bool{}
	for i := range typ.NumField() {
		tag := typ.Field(i).Tag.Get("json")
		name, opts, _ := strings.Cut(tag, ",")
		if name == "" || name == "-" {
			continue
		}
		byName[name] = i
		omit[name] = strings.Contains(","+opts+",", ",omitempty,")
	}
	l := &rowLayout{id: byName["id"]}
	l.fields = make([]struct {
		index     int
		omitEmpty bool
	}, len(t.columns))
	for i, c := range t.columns {
		l.fields[i].index = -1
		if j, ok := byName[c.name]; ok {
			l.fields[i].index, l.fields[i].omitEmpty = j, omit[c.name]
		}
	}
	if t.layouts == nil {
		t.layouts = map[reflect.Type]*rowLayout{}
	}
	t.layouts[typ] = l
	return l
}

// cellOf writes a value as services.json has it: strings as they are,
// numbers and booleans in JSON's form, nothing for what JSON omits.
func cellOf(v reflect.Value, omitEmpty bool) (string, error) {
	if v.Kind() == reflect.Pointer {
		if v.IsNil() {
			return "", nil
		}
		v = v.Elem()
	} else if omitEmpty && v.IsZero() {
		return "", nil
	}
	switch v.Kind() {
	case reflect.String:
		return v.String(), nil
	case reflect.Bool:
		return strconv.FormatBool(v.Bool()), nil
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return strconv.FormatInt(v.Int(), 10), nil
	case reflect.Float32, reflect.Float64:
		data, err := json.Marshal(v.Interface())
		return string(data), err
	}
	data, err := json.Marshal(v.Interface())
	return string(data), err
}

// csv writes the table: header, then rows, RFC 4180.
func (t *table) csv() ([]byte, error) {
	var buf bytes.Buffer
	w := csv.NewWriter(&buf)
	w.UseCRLF = true
	head := make([]string, len(t.columns))
	for i, c := range t.columns {
		head[i] = c.name
	}
	w.Write(head)
	w.WriteAll(t.rows)
	return buf.Bytes(), w.Error()
}

// datapackage describes the CSVs as a Frictionless Tabular Data Package,
// with the guide's licence.
func (b *hsdsBuild) datapackage() ([]byte, error) {
	type field struct {
		Name        string          `json:"name"`
		Type        string          `json:"type"`
		Format      string          `json:"format,omitempty"`
		Constraints map[string]bool `json:"constraints,omitempty"`
	}
	type schema struct {
		Fields     []field `json:"fields"`
		PrimaryKey string  `json:"primaryKey"`
	}
	type resource struct {
		Name      string `json:"name"`
		Path      string `json:"path"`
		Profile   string `json:"profile"`
		Format    string `json:"format"`
		Mediatype string `json:"mediatype"`
		Encoding  string `json:"encoding"`
		Schema    schema `json:"schema"`
	}
	type licence struct {
		Name string `json:"name"`
		Path string `json:"path,omitempty"`
	}
	type pkg struct {
		Profile   string     `json:"profile"`
		Name      string     `json:"name"`
		Title     string     `json:"title"`
		Homepage  string     `json:"homepage,omitempty"`
		Licenses  []licence  `json:"licenses"`
		Resources []resource `json:"resources"`
	}
	p := pkg{Profile: "tabular-data-package", Name: packageName(b.text(b.g.Site.Title)), Title: b.text(b.g.Site.Title),
		Homepage: string(b.g.Site.BaseURL), Licenses: []licence{{Name: b.g.Site.Licence.Name, Path: string(b.g.Site.Licence.URL)}}}
	for _, t := range hsdsTables {
		r := resource{Name: t.name, Path: t.name + ".csv", Profile: "tabular-data-resource", Format: "csv",
			Mediatype: "text/csv", Encoding: "utf-8", Schema: schema{PrimaryKey: "id"}}
		for _, c := range t.columns {
			f := field{Name: c.name, Type: c.typ}
			if c.typ == "string" {
				f.Format = c.format
			}
			if c.required {
				f.Constraints = map[string]bool{"required": true}
			}
			r.Schema.Fields = append(r.Schema.Fields, f)
		}
		p.Resources = append(p.Resources, r)
	}
	data, err := json.MarshalIndent(p, "", "  ")
	return append(data, '\n'), err
}

// packageName makes a data package name (lower case, digits, - . _) of the
// guide's title.
func packageName(title string) string {
	if s := strings.Trim(slug.Make(title), "-"); s != "" {
		return s
	}
	return "abri-guide"
}
