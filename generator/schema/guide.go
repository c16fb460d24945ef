package schema

import (
	"reflect"

	"github.com/abri-guide/abri/generator/content"
)

// Guide is what the schemas may know of one guide. The zero Guide gives
// schemas that fit any guide.
type Guide struct {
	Languages  []string // the guide's languages, source first: the only keys of translations
	Categories []string // every category id, in the tree's order: the only values of categories
}

// GuideOf returns what the schemas need of a loaded guide. Either part may
// be missing: nil gives the zero Guide, no categories gives generic ids.
func GuideOf(g *content.Guide) Guide {
	if g == nil || g.Site == nil {
		return Guide{}
	}
	out := Guide{Languages: g.Site.Langs()}
	var walk func(cs []*content.Category)
	walk = func(cs []*content.Category) {
		for _, c := range cs {
			if c != nil && c.ID != "" {
				out.Categories = append(out.Categories, c.ID)
				walk(c.Children)
			}
		}
	}
	walk(g.Categories)
	return out
}

// File is a schema file: its name, and the file a YAML document names
// with "# yaml-language-server: $schema=<name>".
type File struct {
	Name   string
	Schema *Schema
}

// Files returns the schemas of a guide's three kinds of YAML file, in the
// order of content/README.md.
func Files(g Guide) []File {
	return []File{
		{"site.schema.json", Site(g)},
		{"categories.schema.json", Categories(g)},
		{"listing.schema.json", Listing(g)},
	}
}

// Site returns the schema of site.yaml.
func Site(g Guide) *Schema {
	return newBuilder(g).root(reflect.TypeFor[content.Site](),
		"abri site.yaml", "The guide itself: title, languages, time zone, licence. Reference: content/README.md.")
}

// Categories returns the schema of categories.yaml: a list of categories,
// each at the top level with an icon of the theme.
func Categories(g Guide) *Schema {
	b := newBuilder(g)
	top := &Schema{AllOf: []*Schema{b.ref(reflect.TypeFor[content.Category]()), {Required: []string{"icon"}}}}
	return b.finish(&Schema{
		Title:       "abri categories.yaml",
		Description: "The category tree: a list of categories, each with an id, a name in every language and, at the top level, an icon of the theme. Reference: content/README.md.",
		Type:        Types{"array"},
		Items:       &Items{All: top},
	})
}

// Listing returns the schema of a listing file, listings/**/<id>.yaml.
func Listing(g Guide) *Schema {
	return newBuilder(g).root(reflect.TypeFor[content.Listing](),
		"abri listing", "One place of the guide; the file name is its id. Reference: content/README.md.")
}
