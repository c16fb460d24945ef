package slug

import (
	"fmt"
	"hash/fnv"
	"strings"
)

// Make returns the slug of a name: lower-case Latin letters, digits and
// dashes, readable whatever the script, for file names and addresses.
//
// The name is folded first (Fold), so names that fold alike have the same
// slug: LYON, Lyon, Lyón → lyon; Cœur de Ville → coeur-de-ville. Other
// scripts are transliterated, a letter for a letter (see translit.go):
// Київ → kyiv, Львів → lviv, თბილისი → tbilisi, Αθήνα → athina,
// Երևան → yerevan, بيروت → birut. Letters of a script with no table are
// left out and a checksum of the folded name is added instead, so that
// the slug stays stable and two such names do not share it: 東京 → 68dea76f.
// A name without letters or digits has the empty slug.
func Make(name string) string {
	folded := Fold(name)
	var words []string
	unknown := false
	for _, w := range strings.Fields(folded) {
		t, ok := transliterate(w)
		unknown = unknown || !ok
		if t != "" {
			words = append(words, t)
		}
	}
	if unknown {
		h := fnv.New32a()
		h.Write([]byte(folded))
		words = append(words, fmt.Sprintf("%08x", h.Sum32()))
	}
	return strings.Join(words, "-")
}

// transliterate writes a folded word in Latin letters; ok is false when a
// letter has no transliteration and was left out.
func transliterate(w string) (string, bool) {
	rs := []rune(w)
	var b strings.Builder
	ok := true
	for i := 0; i < len(rs); i++ {
		r := rs[i]
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
			b.WriteRune(r)
			continue
		}
		if i+1 < len(rs) {
			if s, found := digraphs[[2]rune{r, rs[i+1]}]; found {
				b.WriteString(s)
				i++
				continue
			}
		}
		if i == 0 {
			if s, found := initials[r]; found {
				b.WriteString(s)
				continue
			}
		}
		s, found := letters[r]
		if !found {
			ok = false
			continue
		}
		b.WriteString(s)
	}
	return b.String(), ok
}
