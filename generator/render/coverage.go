package render

import (
	"hash"
	"strconv"
)

// Coverage is how much of one language is translated, as the offline
// copies pages state it: shares in percent, translated and reviewed. The
// build counts them (generator/translate) and passes the figures, so that
// render, a stage, imports no sibling stage.
type Coverage struct {
	Lang                                 string
	Interface, Categories, Pages, Places int // percent, rounded down
}

// coverageKey adds the figures to the key of an offline copies page,
// which states them: a translation added to a listing changes them
// without changing any file the global key holds.
func (r *Renderer) coverageKey(h hash.Hash) {
	for _, c := range r.site.Coverage {
		writeString(h, c.Lang)
		for _, n := range []int{c.Interface, c.Categories, c.Pages, c.Places} {
			writeString(h, strconv.Itoa(n))
		}
	}
}
