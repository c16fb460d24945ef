package content

import (
	"strings"
	"unicode"
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
// character never splits one city into two. Joiners that belong to the
// spelling (see spelledJoiner) stay; comparisons fold them away.
func CleanName(s string) string {
	if strayInvisible(s) < 0 {
		return s
	}
	var b strings.Builder
	for i, r := range s {
		if !isInvisible(r) || spelledJoiner(s, i) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

func isInvisible(r rune) bool {
	_, ok := invisibleNames[r]
	return ok
}

// strayInvisible returns the byte index of the first invisible character of
// s that is not part of its spelling, or -1.
func strayInvisible(s string) int {
	for i, r := range s {
		if isInvisible(r) && !spelledJoiner(s, i) {
			return i
		}
	}
	return -1
}

// spelledJoiner tells whether the character at byte i of s is a zero-width
// joiner or non-joiner written between two letters of a script that needs
// them: Persian and Pashto write "خانه‌ها" with a non-joiner, Indic scripts
// use both. Between Latin, Greek or Cyrillic letters they are only noise.
func spelledJoiner(s string, i int) bool {
	r, size := utf8.DecodeRuneInString(s[i:])
	if r != '\u200C' && r != '\u200D' {
		return false
	}
	prev, _ := utf8.DecodeLastRuneInString(s[:i])
	next, _ := utf8.DecodeRuneInString(s[i+size:])
	return joins(prev) && joins(next)
}

func joins(r rune) bool {
	return (unicode.IsLetter(r) || unicode.Is(unicode.Mn, r)) &&
		!unicode.In(r, unicode.Latin, unicode.Greek, unicode.Cyrillic, unicode.Common)
}

// cleanInvisible removes invisible characters from *s, a value of field
// at node n, with a warning naming the first one.
func (d *decoder) cleanInvisible(n *yaml.Node, field string, s *string) {
	i := strayInvisible(*s)
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
