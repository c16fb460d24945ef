package theme

import "strconv"

// Plural forms are the CLDR plural categories. An interface string with a
// count gives one text per form its language needs, in YAML:
//
//	places_count:
//	  one: "{n} lieu"
//	  other: "{n} lieux"
//
// Counts in the interface are whole numbers, so only the integer part of
// the CLDR rules is kept (operands i = n, v = 0).
var pluralForms = []string{"zero", "one", "two", "few", "many", "other"}

// pluralRule picks the form of a whole number n ≥ 0 in one language.
type pluralRule struct {
	forms []string // the forms the language needs, in CLDR order
	pick  func(n int) string
}

// plurals are the CLDR 46 cardinal rules (plurals.xml) of the languages of
// the default theme and a few neighbours; a language not listed is treated
// as having one form ("other") when it writes plain strings, and as English
// when it writes forms.
var plurals = map[string]pluralRule{
	"ar": {[]string{"zero", "one", "two", "few", "many", "other"}, arabic},
	"en": {oneOther, oneIsOne},
	"de": {oneOther, oneIsOne},
	"it": {oneOther, oneIsOne},
	"ka": {oneOther, oneIsOne},
	"ps": {oneOther, oneIsOne},
	"fa": {oneOther, zeroOrOne},
	"fr": {oneManyOther, millions(zeroOrOne)},
	"pt": {oneManyOther, millions(zeroOrOne)},
	"es": {oneManyOther, millions(oneIsOne)},
	"ca": {oneManyOther, millions(oneIsOne)},
	"ro": {[]string{"one", "few", "other"}, romanian},
	"ru": {oneFewManyOther, eastSlavic},
	"uk": {oneFewManyOther, eastSlavic},
	// Languages of exiles abri's theme has no strings for yet: a guide adds
	// them with abri translate add.
	"am": {oneOther, zeroOrOne},
	"bn": {oneOther, zeroOrOne},
	"hi": {oneOther, zeroOrOne},
	"ti": {oneOther, zeroOrOne},
	"nl": {oneOther, oneIsOne},
	"om": {oneOther, oneIsOne},
	"so": {oneOther, oneIsOne},
	"ta": {oneOther, oneIsOne},
	"tr": {oneOther, oneIsOne},
	"ur": {oneOther, oneIsOne},
	"vi": {otherOnly, alwaysOther},
	"wo": {otherOnly, alwaysOther},
	"zh": {otherOnly, alwaysOther},
}

var (
	otherOnly       = []string{"other"}
	oneOther        = []string{"one", "other"}
	oneManyOther    = []string{"one", "many", "other"}
	oneFewManyOther = []string{"one", "few", "many", "other"}
)

// alwaysOther: one form for every number (vi, wo, zh).
func alwaysOther(int) string { return "other" }

// oneIsOne: one is n = 1 (en, ka, ps; i = 1 and v = 0 for ca and en).
func oneIsOne(n int) string {
	if n == 1 {
		return "one"
	}
	return "other"
}

// zeroOrOne: one is i = 0..1 (fr, pt, fa).
func zeroOrOne(n int) string {
	if n == 0 || n == 1 {
		return "one"
	}
	return "other"
}

// millions adds the CLDR "many" of fr, es, pt and ca: i != 0 and
// i % 1000000 = 0 ("1 000 000 de lieux").
func millions(base func(int) string) func(int) string {
	return func(n int) string {
		if n != 0 && n%1000000 == 0 {
			return "many"
		}
		return base(n)
	}
}

func arabic(n int) string {
	switch m := n % 100; {
	case n == 0:
		return "zero"
	case n == 1:
		return "one"
	case n == 2:
		return "two"
	case m >= 3 && m <= 10:
		return "few"
	case m >= 11 && m <= 99:
		return "many"
	}
	return "other"
}

// eastSlavic is the rule of ru and uk; "other" is only for fractions.
func eastSlavic(n int) string {
	d, c := n%10, n%100
	switch {
	case d == 1 && c != 11:
		return "one"
	case d >= 2 && d <= 4 && (c < 12 || c > 14):
		return "few"
	}
	return "many"
}

// romanian: one is n = 1; few is n = 0 or n != 1 and n % 100 = 1..19.
func romanian(n int) string {
	switch c := n % 100; {
	case n == 1:
		return "one"
	case n == 0 || (c >= 1 && c <= 19):
		return "few"
	}
	return "other"
}

func ruleOf(lang string) pluralRule {
	if r, ok := plurals[lang]; ok {
		return r
	}
	return plurals["en"]
}

// Forms returns the plural forms lang needs, in CLDR order: what a
// translator into lang writes for a string with a count.
func Forms(lang string) []string { return ruleOf(lang).forms }

// PluralForm returns the CLDR plural form of the whole number n in lang.
func PluralForm(lang string, n int) string {
	if n < 0 {
		n = -n
	}
	return ruleOf(lang).pick(n)
}

// countOf returns the count of a plural string: its {n} placeholder, or
// its only one ({days}).
func countOf(pairs []string) (int, bool) {
	v := ""
	switch {
	case len(pairs) == 2:
		v = pairs[1]
	default:
		for i := 0; i+1 < len(pairs); i += 2 {
			if pairs[i] == "n" {
				v = pairs[i+1]
			}
		}
	}
	n, err := strconv.Atoi(v)
	return n, err == nil
}

// PluralForms returns the CLDR plural forms lang needs, and whether abri
// knows its rule; a language it does not know writes one text, "other".
func PluralForms(lang string) ([]string, bool) {
	r, ok := plurals[lang]
	if !ok {
		return []string{"other"}, false
	}
	return r.forms, true
}
