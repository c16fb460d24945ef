package importer

// readGeoJSON reads Point features with OpenStreetMap-like tags.
func readGeoJSON(in Input) ([]Record, error) { return nil, nil }
