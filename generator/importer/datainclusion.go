package importer

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"reflect"
	"slices"
	"strconv"
	"strings"

	"github.com/abri-guide/abri/generator/opendata"
)

// diLicence is the licence data·inclusion publishes its data under.
const diLicence = "Etalab-2.0"

// diFiles are the structures and services of the files read, in order.
type diFiles struct {
	structures []opendata.DIStructure
	from       []string // file of each structure
	services   []opendata.DIService
	svFrom     []string
}

// readDataInclusion reads data·inclusion structures and services, JSON or
// CSV: a structure with its services becomes one listing with services:.
// Files of both kinds may be given together; a file of services is told
// apart by its structure_id field (or column).
func readDataInclusion(in Input) ([]Record, error) {
	if in.Guide == nil || in.Guide.Site == nil || len(in.Guide.Site.Languages) == 0 {
		return nil, fmt.Errorf("data-inclusion: no guide to import into")
	}
	var fs diFiles
	for _, f := range in.Files {
		if err := fs.read(f); err != nil {
			return nil, fmt.Errorf("%s: %v", f.Name, err)
		}
	}
	byStructure := map[string][]int{}
	for i, sv := range fs.services {
		byStructure[sv.StructureID] = append(byStructure[sv.StructureID], i)
	}
	var records []Record
	done := map[string]bool{}
	for i, s := range fs.structures {
		if done[s.ID] {
			continue // the same structure in its JSON and its CSV
		}
		done[s.ID] = true
		var svs []opendata.DIService
		for _, j := range byStructure[s.ID] {
			svs = append(svs, fs.services[j])
		}
		records = append(records, diRecord(in.Guide, s, uniqueServices(svs), fs.from[i]+": "+s.ID))
	}
	for i, sv := range fs.services {
		if done[sv.StructureID] {
			continue
		}
		// A service whose structure is in no file is a place of its own.
		done[sv.StructureID] = true
		var svs []opendata.DIService
		for _, j := range byStructure[sv.StructureID] {
			svs = append(svs, fs.services[j])
		}
		r := diRecord(in.Guide, structureOf(sv), uniqueServices(svs), fs.svFrom[i]+": "+sv.StructureID)
		r.Notes = append([]string{"structure " + sv.StructureID + " is in no file: made from its services"}, r.Notes...)
		records = append(records, r)
	}
	return records, nil
}

// uniqueServices drops a service read twice (from its JSON and its CSV).
func uniqueServices(svs []opendata.DIService) []opendata.DIService {
	seen := map[string]bool{}
	var out []opendata.DIService
	for _, sv := range svs {
		if !seen[sv.ID] {
			seen[sv.ID] = true
			out = append(out, sv)
		}
	}
	return out
}

// structureOf makes a structure of a service's own fields.
func structureOf(sv opendata.DIService) opendata.DIStructure {
	return opendata.DIStructure{ID: sv.StructureID, Source: sv.Source, Nom: sv.Nom, Description: sv.Description,
		DateMaj: sv.DateMaj, LienSource: sv.LienSource, Adresse: sv.Adresse, CodePostal: sv.CodePostal, Commune: sv.Commune,
		Latitude: sv.Latitude, Longitude: sv.Longitude, Telephone: sv.Telephone, Courriel: sv.Courriel, HorairesAccueil: sv.HorairesAccueil}
}

// read adds the records of one file, JSON (an array) or CSV.
func (fs *diFiles) read(f SourceFile) error {
	data := bytes.TrimPrefix(f.Data, []byte("\ufeff"))
	if t := bytes.TrimSpace(data); len(t) > 0 && t[0] == '[' {
		return fs.readJSON(f.Name, t)
	}
	return fs.readCSV(f.Name, data)
}

func (fs *diFiles) readJSON(name string, data []byte) error {
	var items []json.RawMessage
	if err := json.Unmarshal(data, &items); err != nil {
		return fmt.Errorf("not a JSON array of structures or services: %v", err)
	}
	for i, it := range items {
		if err := fs.add(name, it); err != nil {
			return fmt.Errorf("item %d: %v", i, err)
		}
	}
	return nil
}

// add reads one structure or service: a service has a structure_id.
func (fs *diFiles) add(name string, item []byte) error {
	var probe map[string]json.RawMessage
	if err := json.Unmarshal(item, &probe); err != nil {
		return err
	}
	if _, ok := probe["structure_id"]; ok {
		var sv opendata.DIService
		if err := json.Unmarshal(item, &sv); err != nil {
			return err
		}
		fs.services, fs.svFrom = append(fs.services, sv), append(fs.svFrom, name)
		return nil
	}
	var s opendata.DIStructure
	if err := json.Unmarshal(item, &s); err != nil {
		return err
	}
	fs.structures, fs.from = append(fs.structures, s), append(fs.from, name)
	return nil
}

// readCSV reads rows as the export writes them: a column per field, lists
// joined with ",".
func (fs *diFiles) readCSV(name string, data []byte) error {
	rows, err := csv.NewReader(bytes.NewReader(data)).ReadAll()
	if err != nil {
		return fmt.Errorf("neither a JSON array nor CSV: %v", err)
	}
	if len(rows) == 0 {
		return nil
	}
	head := rows[0]
	t := reflect.TypeFor[opendata.DIStructure]()
	if slices.Contains(head, "structure_id") {
		t = reflect.TypeFor[opendata.DIService]()
	}
	kinds := fieldKinds(t)
	for i, row := range rows[1:] {
		item := map[string]any{}
		for j, col := range head {
			if j >= len(row) || row[j] == "" {
				continue
			}
			switch kinds[col] {
			case reflect.Slice:
				item[col] = strings.Split(row[j], ",")
			case reflect.Pointer:
				f, err := strconv.ParseFloat(row[j], 64)
				if err != nil {
					return fmt.Errorf("row %d: %s: %q is not a number", i+2, col, row[j])
				}
				item[col] = f
			default:
				item[col] = row[j]
			}
		}
		if kinds["structure_id"] != 0 {
			if _, ok := item["structure_id"]; !ok {
				item["structure_id"] = ""
			}
		}
		b, _ := json.Marshal(item)
		if err := fs.add(name, b); err != nil {
			return fmt.Errorf("row %d: %v", i+2, err)
		}
	}
	return nil
}

// fieldKinds are the kinds of the fields of a record type, by JSON name.
func fieldKinds(t reflect.Type) map[string]reflect.Kind {
	m := map[string]reflect.Kind{}
	for i := range t.NumField() {
		name, _, _ := strings.Cut(t.Field(i).Tag.Get("json"), ",")
		m[name] = t.Field(i).Type.Kind()
	}
	return m
}
