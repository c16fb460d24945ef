package render

import (
	"hash"
	"path"
	"sort"
	"strconv"
	"strings"

	"github.com/abri-guide/abri/generator/opendata"
)

// The open data: the files of opendata.Export, ready bytes under data/
// made once per build like the search index, and the page of each
// language that lists them (kind "opendata", <lang>/data.html). The files
// are in the site and in each language's offline copy (field workers share
// data), not in a city's copy, whose links to the page go online or are
// taken off.

// dataFiles makes the export once.
func (r *Renderer) dataFiles() ([]opendata.File, error) {
	r.dataOnce.Do(func() {
		r.data, r.dataErr = opendata.Export(r.guide, opendata.Options{Today: r.site.today})
		r.dataByPath = make(map[string][]byte, len(r.data))
		for _, f := range r.data {
			r.dataByPath[f.Path] = f.Data
		}
	})
	return r.data, r.dataErr
}

// isData tells whether a path is one of the export's files.
func isData(p string) bool { return strings.HasPrefix(p, "data/") }

// DataGroup is the files of one standard on the open-data page.
type DataGroup struct {
	ID    string // places (GeoJSON and CSV, in data/ itself), data-inclusion, hsds, or another folder of data/
	Files []DataFile
}

// DataFile is one file of the export, as the open-data page lists it.
type DataFile struct {
	Path   string // from the site root, e.g. data/places.csv
	Name   string // below its group's folder, e.g. places.csv
	Format string // from its extension: GeoJSON, CSV, JSON...
	Size   int64
}

// groupOrder puts the files for everyone first, then the standards.
var groupOrder = map[string]int{"places": 0, "data-inclusion": 1, "hsds": 2}

// DataGroups lists the export's files by folder. Their sizes are those
// of the bytes written: the files are made before any page.
func (p *Page) DataGroups() ([]DataGroup, error) {
	files, err := p.Site.openData()
	if err != nil {
		return nil, err
	}
	by := map[string]*DataGroup{}
	var groups []*DataGroup
	for _, f := range files {
		rest := strings.TrimPrefix(f.Path, "data/")
		id, name, ok := strings.Cut(rest, "/")
		if !ok {
			id, name = "places", rest
		}
		g := by[id]
		if g == nil {
			g = &DataGroup{ID: id}
			by[id] = g
			groups = append(groups, g)
		}
		g.Files = append(g.Files, DataFile{Path: f.Path, Name: name, Format: format(f.Path), Size: int64(len(f.Data))})
	}
	sort.SliceStable(groups, func(i, j int) bool {
		oi, iok := groupOrder[groups[i].ID]
		oj, jok := groupOrder[groups[j].ID]
		if iok != jok {
			return iok
		}
		if iok {
			return oi < oj
		}
		return groups[i].ID < groups[j].ID
	})
	out := make([]DataGroup, len(groups))
	for i, g := range groups {
		out[i] = *g
	}
	return out, nil
}

// DataInclusionBarred tells that the guide's licence does not let
// data·inclusion republish its data (opendata.DataInclusionLicence).
func (p *Page) DataInclusionBarred() bool {
	ok, _ := opendata.DataInclusionLicence(p.Site.guide)
	return !ok
}

// format names a file's format by its extension.
func format(p string) string {
	switch ext := strings.TrimPrefix(path.Ext(p), "."); ext {
	case "geojson":
		return "GeoJSON"
	case "":
		return ""
	default:
		return strings.ToUpper(ext)
	}
}

// openDataKey writes to h what the open-data page shows of the listings:
// the export's files and their sizes, and the sources to credit. A place
// edited without changing these leaves the page as it was.
func (r *Renderer) openDataKey(h hash.Hash) {
	files, err := r.dataFiles()
	if err != nil {
		writeString(h, err.Error())
	}
	for _, f := range files {
		writeString(h, f.Path)
		writeString(h, strconv.Itoa(len(f.Data)))
	}
	p := Page{Site: r.site}
	for _, s := range p.DataSources() {
		writeString(h, s.Name+"\x00"+s.Licence+"\x00"+s.URL)
	}
}

// DataSource is a source of the guide's places, to credit.
type DataSource struct {
	Name, Licence, URL string
}

// DataSources are the distinct sources the listings credit, by name
// then licence: reusers must credit them as well as the guide.
func (p *Page) DataSources() []DataSource {
	type key struct{ name, licence string }
	seen := map[key]int{}
	var out []DataSource
	for _, l := range p.Site.Listings {
		for _, s := range l.source.Sources {
			k := key{s.Name, s.Licence}
			if i, ok := seen[k]; ok {
				if out[i].URL == "" {
					out[i].URL = string(s.URL)
				}
				continue
			}
			seen[k] = len(out)
			out = append(out, DataSource{Name: s.Name, Licence: s.Licence, URL: string(s.URL)})
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Name != out[j].Name {
			return out[i].Name < out[j].Name
		}
		return out[i].Licence < out[j].Licence
	})
	return out
}
