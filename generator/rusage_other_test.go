//go:build !unix

package generator

// peakRSS is unknown where getrusage is missing.
func peakRSS() (int64, bool) { return 0, false }
