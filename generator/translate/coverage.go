package translate

import "strings"

// Kind is what a text is part of, as coverage counts it.
type Kind int

const (
	Interface  Kind = iota // the theme's interface strings
	Categories             // category names and search words
	Pages                  // the guide's title, notices and pages
	Places                 // the listings' texts
	kinds
)

// KindOf says what the text of key is part of.
func KindOf(key string) Kind {
	file, _, _ := strings.Cut(key, "#")
	switch {
	case file == "i18n":
		return Interface
	case file == "categories.yaml":
		return Categories
	case strings.HasPrefix(file, "listings/"):
		return Places
	}
	return Pages
}

// Count is the state of the texts of one kind in one language.
type Count struct {
	Total    int // texts to translate
	Done     int // translated, reviewed and current
	Machine  int // machine-translated, not yet reviewed (current or not)
	Outdated int // reviewed, but made from an older source
}

// Missing is the number of texts not translated at all.
func (c Count) Missing() int { return c.Total - c.Done - c.Machine - c.Outdated }

// Percent is the share of Done, rounded down, so that 100 means all of
// them: a reader is never told a language is complete when it is not.
func (c Count) Percent() int {
	if c.Total == 0 {
		return 100
	}
	return c.Done * 100 / c.Total
}

// Coverage is how much of a language is translated, by kind of text.
type Coverage [kinds]Count

// CoverageOf counts units (a Catalog for one language).
func CoverageOf(units []Unit) Coverage {
	var c Coverage
	for _, u := range units {
		n := &c[KindOf(u.Key)]
		n.Total++
		switch {
		case u.Translation == "":
		case u.Machine:
			n.Machine++
		case u.Outdated:
			n.Outdated++
		default:
			n.Done++
		}
	}
	return c
}

// String names k as abri translate status prints it.
func (k Kind) String() string {
	return [...]string{"interface", "categories", "pages", "places"}[k]
}
