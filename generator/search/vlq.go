package search

// Numbers in the index are written as variable-length strings of 5-bit
// digits, lowest digit first: one of 32 continuation characters for each
// digit but the last, then one of 32 final characters. Small numbers take
// one character, numbers under 1024 two; there are no separators, and no
// character that a JavaScript string would need to escape.
const (
	vlqFinal = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdef"
	vlqMore  = "ghijklmnopqrstuvwxyz0123456789-_"
)

// appendVLQ appends the digits of n, which must not be negative.
func appendVLQ(b []byte, n int) []byte {
	for n >= 32 {
		b = append(b, vlqMore[n&31])
		n >>= 5
	}
	return append(b, vlqFinal[n])
}

// vlqList writes numbers one after the other.
func vlqList(ns []int) string {
	var b []byte
	for _, n := range ns {
		b = appendVLQ(b, n)
	}
	return string(b)
}

// vlqGaps writes an increasing list of distinct numbers: the first, then
// each one's distance from the previous, less one.
func vlqGaps(ns []int) string {
	var b []byte
	prev := -1
	for _, n := range ns {
		b = appendVLQ(b, n-prev-1)
		prev = n
	}
	return string(b)
}
