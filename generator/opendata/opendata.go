package opendata

import (
	"net/url"
	"sort"
	"sync"

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

// Export makes every file of the export, sorted by path. The standards
// are made side by side: each reads the guide, none writes to it.
func Export(g *content.Guide, opts Options) ([]File, error) {
	exporters := []exporter{dataInclusion, hsds, places}
	made := make([][]File, len(exporters))
	errs := make([]error, len(exporters))
	var wg sync.WaitGroup
	for i, export := range exporters {
		wg.Go(func() { made[i], errs[i] = export(g, opts) })
	}
	wg.Wait()
	var files []File
	for i := range exporters {
		if errs[i] != nil {
			return nil, errs[i]
		}
		files = append(files, made[i]...)
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
