package hours

import "unicode/utf8"

// dayAliases maps the names editors write out of habit, in the languages
// guides are written in (French, English, Spanish), to the day they mean,
// so that an unknown day comes with the right "did you mean". The two-letter
// French abbreviations (ma, me, je, ve, di) collide with the codes of other
// days, which is exactly the mistake worth catching.
var dayAliases = map[string]int{
	"lundi": 0, "lun": 0, "lu": 0, "monday": 0, "mon": 0, "lunes": 0,
	"mardi": 1, "mar": 1, "ma": 1, "tuesday": 1, "tue": 1, "tues": 1, "martes": 1,
	"mercredi": 2, "mer": 2, "me": 2, "wednesday": 2, "wed": 2, "miércoles": 2, "miercoles": 2, "mi": 2,
	"jeudi": 3, "jeu": 3, "je": 3, "thursday": 3, "thu": 3, "thur": 3, "thurs": 3, "jueves": 3, "ju": 3,
	"vendredi": 4, "ven": 4, "ve": 4, "friday": 4, "fri": 4, "viernes": 4, "vi": 4,
	"samedi": 5, "sam": 5, "saturday": 5, "sat": 5, "sábado": 5, "sabado": 5,
	"dimanche": 6, "dim": 6, "di": 6, "sunday": 6, "sun": 6, "domingo": 6,
}

// maxSuggest bounds the words compared by edit distance: nobody misspells a
// day name in thirty letters, and fuzzed input should stay cheap.
const maxSuggest = 20

// suggestDay returns the code of the day a lower-case word most likely
// means, or "" when no day is close or several are equally close.
func suggestDay(word string) string {
	if d, ok := dayAliases[word]; ok {
		return dayCodes[d]
	}
	n := utf8.RuneCountInString(word)
	if n > maxSuggest {
		return ""
	}
	limit := 1
	if n > 4 {
		limit = 2
	}
	var near [7]bool
	for d, code := range dayCodes {
		near[d] = distance(word, code) <= limit
	}
	for name, d := range dayAliases {
		near[d] = near[d] || distance(word, name) <= limit
	}
	return onlyDay(near)
}

// onlyDay returns the code of the one day set, or "" when none or several
// are: a suggestion that could mean two days would mislead.
func onlyDay(days [7]bool) string {
	code := ""
	for d, on := range days {
		if on && code != "" {
			return ""
		}
		if on {
			code = dayCodes[d]
		}
	}
	return code
}

// distance is the Levenshtein distance between two words, in runes.
func distance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := range ra {
		cur := make([]int, len(rb)+1)
		cur[0] = i + 1
		for j := range rb {
			cost := 1
			if ra[i] == rb[j] {
				cost = 0
			}
			cur[j+1] = min(prev[j]+cost, prev[j+1]+1, cur[j]+1)
		}
		prev = cur
	}
	return prev[len(rb)]
}
