package search

import "strings"

// Needed reports whether the index file at path, as Build returns it, is
// needed by the pages of one language, lang: its entry and its words, and
// the shards that every language shares. A copy of the site in one
// language (a zip for a USB stick) keeps only these.
func Needed(path, lang string) bool {
	rest, ok := strings.CutPrefix(path, "search/")
	if !ok {
		return false
	}
	parts := strings.Split(rest, "/")
	switch len(parts) {
	case 1: // <lang>.js
		return parts[0] == lang+".js"
	case 2: // <v>/a0.js: shared
		return true
	case 3: // <v>/<lang>/t0.js
		return parts[1] == lang
	}
	return false
}
