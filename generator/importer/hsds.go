package importer

// readHSDS reads HSDS 3.0 JSON: an array of services, or of organizations.
func readHSDS(in Input) ([]Record, error) { return nil, nil }
