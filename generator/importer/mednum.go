package importer

// readMednum reads ANCT's "lieux de médiation numérique" JSON.
func readMednum(in Input) ([]Record, error) { return nil, nil }
