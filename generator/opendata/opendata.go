package opendata

import (
	"net/url"
	"sort"

	"github.com/abri-guide/abri/generator/content"
)

// File is one file of the export.
type File struct {
	Path string // from the site root, e.g. data/places.geojson
	Data []byte
}

// Options tune an export.
type Options struct {
	Today content.Date // the day of the build: the date of the data
}

// exporter makes the files of one standard.
type exporter func(g *content.Guide, opts Options) ([]File, error)

// Export makes every file of the export, sorted by path.
func Export(g *content.Guide, opts Options) ([]File, error) {
	var files []File
	for _, export := range []exporter{dataInclusion, hsds, places} {
		fs, err := export(g, opts)
		if err != nil {
			return nil, err
		}
		files = append(files, fs...)
	}
	sort.Slice(files, func(i, j int) bool { return files[i].Path < files[j].Path })
	return files, nil
}

// pageURL is the address of a place's page in the source language, as
// the site's canonical links make it; "" without base_url.
func pageURL(g *content.Guide, l *content.Listing) string {
	if g.Site.BaseURL == "" {
		return ""
	}
	u, err := url.Parse(string(g.Site.BaseURL))
	if err != nil {
		return ""
	}
	return u.JoinPath(lang(g), "places", l.ID+".html").String()
}
