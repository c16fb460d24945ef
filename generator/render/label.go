package render

import (
	"html/template"
	"strconv"
	"strings"
	"unicode"

	"github.com/abri-guide/abri/generator/content"
)

// Labelled renders the interface string key followed by a text that says
// more ("By appointment: call on Mondays"). Editors often start that text
// with the label's own words ("By appointment, by phone"): then the text
// alone is shown, so that readers do not see "By appointment: By appointment".
func (p *Page) Labelled(key string, t content.Text) (template.HTML, error) {
	label, err := p.T(key)
	if err != nil {
		return "", err
	}
	s, in := t.In(p.Langs, p.Lang)
	if s == "" {
		return template.HTML(template.HTMLEscapeString(label)), nil
	}
	if in == p.Lang && startsWithWords(s, label) {
		return p.Tx(t), nil
	}
	return template.HTML(template.HTMLEscapeString(label)+p.colon()) + p.Tx(t), nil
}

// colon separates a label from its value: French puts a narrow no-break
// space before the colon.
func (p *Page) colon() string {
	if base, _, _ := strings.Cut(p.Lang, "-"); base == "fr" {
		return "\u202f: "
	}
	return ": "
}

// startsWithWords tells whether s begins with the words of prefix, whatever
// their case, followed by the end of s or by something that is not a letter
// or digit ("Sur rendez-vous, par téléphone" begins with "Sur rendez-vous";
// "Sur rendez-vous" does not begin "Sur rendez").
func startsWithWords(s, prefix string) bool {
	prefix = strings.TrimSpace(prefix)
	if prefix == "" || len(s) < len(prefix) {
		return false
	}
	rs, rp := []rune(s), []rune(prefix)
	if len(rs) < len(rp) {
		return false
	}
	for i, r := range rp {
		if unicode.ToLower(rs[i]) != unicode.ToLower(r) {
			return false
		}
	}
	if len(rs) == len(rp) {
		return true
	}
	next := rs[len(rp)]
	return !unicode.IsLetter(next) && !unicode.IsDigit(next) && !unicode.Is(unicode.Mn, next)
}

// HoursUnknown says that a place's opening hours are not known, with advice
// the reader can follow: to call only when the place has a phone.
func (p *Page) HoursUnknown(l *Listing) string {
	switch {
	case len(l.Phone) > 0:
		return p.strings["hours_unknown"]
	case l.Email != "" || l.Website != "":
		return p.strings["hours_unknown_contact"]
	}
	return p.strings["hours_unknown_none"]
}

// StaleCaution warns that a listing was checked long ago, advising to call
// only when the place has a phone.
func (p *Page) StaleCaution(l *Listing) (string, error) {
	key := "stale_caution"
	if len(l.Phone) == 0 {
		key = "stale_caution_nophone"
	}
	return p.T(key, "days", strconv.Itoa(p.StaleAfter))
}
