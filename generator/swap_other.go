//go:build !linux

package generator

// exchange swaps the folders tmp and out; tmp then holds the old one.
// Without an atomic exchange, out is missing between two renames.
func exchange(tmp, out string) (old string, err error) {
	return renameTwice(tmp, out)
}
