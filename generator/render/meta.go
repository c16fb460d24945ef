package render

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// metaMax is the most characters of a page's description: search engines
// and link previews cut longer ones.
const metaMax = 160

// MetaDescription is the <meta name="description"> of listing and category
// pages, plain text that the template escapes; "" on other pages. A listing's
// is made of what its page shows, so never of a hidden street.
func (p *Page) MetaDescription() string {
	switch {
	case p.Kind == "listing" && p.Listing != nil:
		return clip(p.listingMeta(p.Listing))
	case (p.Kind == "category" || p.Kind == "category-city") && p.Category != nil:
		return clip(p.categoryMeta(p.Category))
	}
	return ""
}

// listingMeta is the first sentence of the description, in the page's
// language or the source one, else the name, categories and town.
func (p *Page) listingMeta(l *Listing) string {
	if d, _ := l.Description.In(p.Langs, p.Lang); strings.TrimSpace(d) != "" {
		return firstSentence(d)
	}
	parts := []string{l.Name}
	var cats []string
	for _, c := range l.Cats {
		name, _ := c.Name.In(p.Langs, p.Lang)
		cats = append(cats, name)
	}
	if len(cats) > 0 {
		parts = append(parts, strings.Join(cats, ", "))
	}
	if l.City != nil {
		parts = append(parts, l.City.Name)
	}
	return strings.Join(parts, " · ")
}

// categoryMeta is the category's name, its town on a page of one town, and
// how many places it lists.
func (p *Page) categoryMeta(c *Category) string {
	s, _ := c.Name.In(p.Langs, p.Lang)
	if p.City != nil {
		s += " — " + p.City.Name
	}
	n := len(c.Listings)
	if p.City != nil && p.List != nil {
		n = p.List.Total // the town's, over all the pages of its list
	}
	if count, err := p.strings.Format("places_count", "n", strconv.Itoa(n)); err == nil {
		s += " · " + count
	}
	return s
}

// firstSentence is s up to the end of its first sentence, on one line.
func firstSentence(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	for i, r := range s {
		if !strings.ContainsRune(".!?؟。", r) {
			continue
		}
		end := i + utf8.RuneLen(r)
		if end == len(s) || s[end] == ' ' {
			return s[:end]
		}
	}
	return s
}

// clip cuts s to metaMax characters at a space, with an ellipsis.
func clip(s string) string {
	if utf8.RuneCountInString(s) <= metaMax {
		return s
	}
	cut, n := 0, 0
	for i := range s {
		if n == metaMax-1 {
			cut = i
			break
		}
		n++
	}
	if sp := strings.LastIndexFunc(s[:cut], unicode.IsSpace); sp > cut/2 {
		cut = sp
	}
	return strings.TrimRightFunc(s[:cut], func(r rune) bool { return unicode.IsSpace(r) || unicode.IsPunct(r) }) + "…"
}
