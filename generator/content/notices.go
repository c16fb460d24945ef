package content

import (
	"path"
	"reflect"
	"strconv"

	"github.com/abri-guide/abri/generator/slug"
	"gopkg.in/yaml.v3"
)

// Notices are the banners of site.yaml's notice: one notice (a map, as
// guides have always written it) or a list of them, each with its own
// dates and targets.
type Notices []Notice

func (ns *Notices) decodeYAML(d *decoder, n *yaml.Node) {
	if n.Kind == yaml.MappingNode {
		var one Notice
		d.decodeStruct(n, reflect.ValueOf(&one).Elem())
		*ns = Notices{one}
		return
	}
	if n.Kind == yaml.ScalarNode && !isNull(n) {
		d.errorf(n, "want a notice (notice: {text: …}) or a list of them (one \"- text: …\" per notice), not a single value")
		return
	}
	d.decodeSlice(n, reflect.ValueOf(ns).Elem(), fieldRules{})
}

// checkNotices refuses targets that name no city or category of the guide,
// known once categories.yaml and the listings are read.
func (g *Guide) checkNotices(root string, ps *Problems) {
	if g.Site == nil {
		return
	}
	file := path.Join(root, "site.yaml")
	var cities, ids []string
	known := map[string]bool{}
	for _, c := range g.Cities {
		cities = append(cities, c.Name)
		known[c.Key] = true
	}
	for id := range g.ByID {
		ids = append(ids, id)
	}
	for _, no := range g.Site.Notice {
		for i, name := range no.Cities {
			if !known[slug.Fold(name)] && i < len(no.citiesAt) {
				at := no.citiesAt[i]
				*ps = append(*ps, Problem{Path: file, Line: at.line, Col: at.col, Severity: Error,
					Msg: "notice.cities: " + strconv.Quote(name) + " is no city of the guide's listings" + orHint(suggest(name, cities), " (write it as address.city writes it in the listings)")})
			}
		}
		for i, id := range no.Categories {
			if g.ByID[id] == nil && i < len(no.categoriesAt) {
				at := no.categoriesAt[i]
				*ps = append(*ps, Problem{Path: file, Line: at.line, Col: at.col, Severity: Error,
					Msg: "notice.categories: unknown category " + strconv.Quote(id) + orHint(suggest(id, ids), " (write an id of categories.yaml)")})
			}
		}
	}
}

// ForCity reports whether the notice is about city c: it names no city,
// or names c in one of its spellings.
func (no *Notice) ForCity(c *City) bool {
	if len(no.Cities) == 0 {
		return true
	}
	if c == nil {
		return false
	}
	for _, name := range no.Cities {
		if slug.Fold(name) == c.Key {
			return true
		}
	}
	return false
}

// ForCategory reports whether the notice is about category k: it names no
// category, or names k or a category above it.
func (no *Notice) ForCategory(k *Category) bool {
	if len(no.Categories) == 0 {
		return true
	}
	for _, id := range no.Categories {
		for c := k; c != nil; c = c.Parent {
			if c.ID == id {
				return true
			}
		}
	}
	return false
}

// orHint is the suggestion, or the hint when there is none.
func orHint(suggestion, hint string) string {
	if suggestion != "" {
		return suggestion
	}
	return hint
}
