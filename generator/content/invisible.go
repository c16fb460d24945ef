package content

import (
	"strings"
	"unicode/utf8"

	"gopkg.in/yaml.v3"
)

// invisibleNames names the characters that show nothing but change how a
// text is displayed or compared: copied from a web page or a PDF, they make
// "Paris" and "Paris" two cities, or turn the rest of a line around.
var invisibleNames = map[rune]string{
	'\u200B': "zero-width space",
	'\u200C': "zero-width non-joiner",
	'\u200D': "zero-width joiner",
	'\u200E': "left-to-right mark",
	'\u200F': "right-to-left mark",
	'\u202A': "left-to-right embedding",
	'\u202B': "right-to-left embedding",
	'\u202C': "pop directional formatting",
	'\u202D': "left-to-right override",
	'\u202E': "right-to-left override",
	'\u2060': "word joiner",
	'\u2066': "left-to-right isolate",
	'\u2067': "right-to-left isolate",
	'\u2068': "first strong isolate",
	'\u2069': "pop directional isolate",
	'\uFEFF': "zero-width no-break space",
}

// CleanName returns s without the invisible characters above: the form in
// which names and cities are published and compared, so that an invisible
// character never splits one city into two.
func CleanName(s string) string {
	if strings.IndexFunc(s, isInvisible) < 0 {
		return s
	}
	return strings.Map(func(r rune) rune {
		if isInvisible(r) {
			return -1
		}
		return r
	}, s)
}

func isInvisible(r rune) bool {
	_, ok := invisibleNames[r]
	return ok
}

// cleanInvisible removes invisible characters from *s, a value of field
// at node n, with a warning naming the first one.
func (d *decoder) cleanInvisible(n *yaml.Node, field string, s *string) {
	i := strings.IndexFunc(*s, isInvisible)
	if n == nil || i < 0 {
		return
	}
	before := (*s)[:i]
	r := []rune((*s)[i:])[0]
	d.field = append(d.field, field)
	defer func() { d.field = d.field[:len(d.field)-1] }()
	*s = CleanName(*s)
	if *s == "" {
		d.errorf(n, "only invisible characters (U+%04X, %s): write the text", r, invisibleNames[r])
		return
	}
	d.warnf(n, "%q holds an invisible character, U+%04X (%s), at character %d: it was removed; delete it from the file (it comes with copied text)",
		*s, r, invisibleNames[r], utf8.RuneCountInString(before)+1)
}
