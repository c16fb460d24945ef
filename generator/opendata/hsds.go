package opendata

import "github.com/abri-guide/abri/generator/content"

// hsds makes data/hsds/: HSDS 3.0 services, and the tabular data package.
func hsds(g *content.Guide, opts Options) ([]File, error) { return nil, nil }
