package opendata

import "github.com/abri-guide/abri/generator/content"

// dataInclusion makes data/data-inclusion/: structures and services.
func dataInclusion(g *content.Guide, opts Options) ([]File, error) { return nil, nil }
