package render

import (
	"cmp"
	"fmt"
	"slices"
)

// Script returns the link from the page to a script of the theme's static
// folder, by its file name (search.js), under its fingerprinted name.
func (p *Page) Script(name string) (string, error) {
	a, ok := p.Site.theme.Assets[name]
	if !ok {
		return "", fmt.Errorf("%s/static/%s: missing", p.Site.theme.Root, name)
	}
	return p.Root + a.Path, nil
}

// SpokenLangs lists the languages spoken in the guide's places, the most
// common first, for the search page's language filter.
func (p *Page) SpokenLangs() []string {
	count := map[string]int{}
	for _, l := range p.Site.Listings {
		for _, code := range l.Languages {
			count[string(code)]++
		}
	}
	codes := make([]string, 0, len(count))
	for c := range count {
		codes = append(codes, c)
	}
	slices.SortFunc(codes, func(a, b string) int { return cmp.Or(count[b]-count[a], cmp.Compare(a, b)) })
	return codes
}
