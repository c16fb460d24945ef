package search

import (
	"slices"
	"testing"
)

// decodeVLQ reads numbers back; ok is false on a string that is not a list
// of numbers. search.js has the same reader.
func decodeVLQ(s string) (ns []int, ok bool) {
	n, shift := 0, 0
	for i := 0; i < len(s); i++ {
		if d := indexByte(vlqMore, s[i]); d >= 0 {
			n |= d << shift
			shift += 5
			continue
		}
		d := indexByte(vlqFinal, s[i])
		if d < 0 {
			return nil, false
		}
		ns = append(ns, n|d<<shift)
		n, shift = 0, 0
	}
	return ns, shift == 0
}

func indexByte(s string, c byte) int {
	for i := 0; i < len(s); i++ {
		if s[i] == c {
			return i
		}
	}
	return -1
}

func TestVLQ(t *testing.T) {
	for _, ns := range [][]int{{}, {0}, {31}, {32}, {0, 1, 2, 1023, 1024, 1 << 20, 1<<31 - 1}} {
		got, ok := decodeVLQ(vlqList(ns))
		if !ok || len(ns) > 0 && !slices.Equal(got, ns) {
			t.Errorf("vlqList(%v) reads back as %v (%v)", ns, got, ok)
		}
	}
	if s := vlqList([]int{5, 40}); s != "FoB" {
		t.Errorf("vlqList(5, 40) = %q, want FoB: 5, then 40 as 8 and 1×32", s)
	}
	docs := []int{3, 4, 10, 1000}
	gaps, _ := decodeVLQ(vlqGaps(docs))
	prev := -1
	for i, g := range gaps {
		prev += g + 1
		if prev != docs[i] {
			t.Fatalf("vlqGaps(%v) reads back wrong: gaps %v", docs, gaps)
		}
	}
	if got := vlqGaps([]int{0, 1, 2}); got != "AAA" {
		t.Errorf("vlqGaps(0, 1, 2) = %q, want AAA: consecutive listings cost one character each", got)
	}
}
