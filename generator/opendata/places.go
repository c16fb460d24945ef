package opendata

import "github.com/abri-guide/abri/generator/content"

// places makes data/places.geojson and data/places.csv.
func places(g *content.Guide, opts Options) ([]File, error) { return nil, nil }
